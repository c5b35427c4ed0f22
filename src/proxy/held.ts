/**
 * Bytes held in memory for scanning, across all requests of this process. Past the cap a
 * new scan-required request is refused with 503 (proxy_busy): never passed through unscanned.
 */
export class HeldBytes {
  private held = 0;
  constructor(private readonly cap: () => number) {}

  get bytes(): number {
    return this.held;
  }

  /** Takes n bytes; false (and nothing taken) when that would pass the cap. */
  take(n: number): boolean {
    if (this.held + n > this.cap()) return false;
    this.held += n;
    return true;
  }

  give(n: number): void {
    this.held = Math.max(0, this.held - n);
  }
}
