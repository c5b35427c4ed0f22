import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import pino, { type Logger } from 'pino';
import { GENESIS, chain, verifyChain } from './chain.js';
import type { ChainedRecord, DecisionRecord } from './record.js';

export interface AuditSink {
  write(record: DecisionRecord): ChainedRecord;
  /** Counted by the metrics: writes the file refused. */
  readonly errors: number;
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The append-only, hash-chained decision log: one JSON line per decision through pino.
 * On start it reads the file's last record so that the chain continues across restarts.
 * With several workers each writes its own file (`<path>.<worker>`), each its own chain.
 */
export class AuditLog implements AuditSink {
  private readonly logger: Logger;
  private readonly stream: ReturnType<typeof pino.destination>;
  private prev = GENESIS;
  private seq = 0;
  errors = 0;
  onError: ((e: Error) => void) | undefined;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8');
      const tail = text.trimEnd().split('\n').pop();
      const v = verifyChain(text);
      if (tail !== undefined && tail !== '') {
        try {
          const last = JSON.parse(tail) as ChainedRecord;
          this.prev = last.hash;
          this.seq = last.seq;
        } catch {
          // An unreadable last line: start a new chain segment after it; verify will show the break.
        }
      }
      if (!v.ok) this.errors++;
    }
    this.stream = pino.destination({ dest: path, sync: false, mkdir: true, append: true });
    this.stream.on('error', (e: Error) => {
      this.errors++;
      this.onError?.(e);
    });
    // pino writes the level first; here it names the record type instead.
    this.logger = pino({ base: null, timestamp: false, formatters: { level: () => ({ record: 'decision' }) } }, this.stream);
  }

  write(record: DecisionRecord): ChainedRecord {
    const chained = chain(record, this.seq + 1, this.prev);
    this.seq = chained.seq;
    this.prev = chained.hash;
    try {
      this.logger.info(chained);
    } catch (e) {
      this.errors++;
      this.onError?.(e as Error);
    }
    return chained;
  }

  flush(): Promise<void> {
    return new Promise((resolve) => this.stream.flush(() => resolve()));
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve) => {
      this.stream.once('close', () => resolve());
      this.stream.end();
    });
  }
}
