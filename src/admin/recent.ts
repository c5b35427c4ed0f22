import type { ChainedRecord } from '../audit/record.js';

/** The last N decisions, newest first: the same redacted fields as the audit record. */
export class RecentDecisions {
  private readonly items: ChainedRecord[] = [];
  constructor(private readonly size = 200) {}

  push(r: ChainedRecord): void {
    this.items.push(r);
    if (this.items.length > this.size) this.items.shift();
  }

  list(limit = this.size): ChainedRecord[] {
    return this.items.slice(-limit).reverse();
  }
}
