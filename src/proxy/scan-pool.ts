import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ScannerOptions, ScanOptions, ScanResult } from '../detect/index.js';
import { packageRoot } from '../paths.js';

export class ScanTimeout extends Error {
  override name = 'ScanTimeout';
}

interface Pending {
  resolve(r: ScanResult): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * One worker thread that scans large bodies off the event loop, with a deadline: a scan that
 * runs past it is abandoned (the worker is replaced) and the caller blocks with scan_error.
 * Scans queue in the worker, so at most one core is spent scanning large bodies at a time.
 */
export class ScanPool {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private next = 1;
  private config: string | null = null;

  constructor(private readonly script = join(packageRoot(), 'dist', 'src', 'detect', 'scan-worker.js')) {}

  private spawn(options: ScannerOptions): Worker {
    const w = new Worker(this.script);
    w.unref();
    w.on('message', (m: { id: number; result?: ScanResult; error?: string }) => {
      const p = this.pending.get(m.id);
      if (p === undefined) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.result !== undefined) p.resolve(m.result);
      else p.reject(new Error(m.error ?? 'scan failed'));
    });
    w.on('error', (e) => this.fail(w, e));
    w.on('exit', () => this.fail(w, new Error('scan worker exited')));
    w.postMessage({ type: 'config', options });
    return w;
  }

  /** Every pending scan of a dead worker fails; the next scan starts a new one. */
  private fail(w: Worker, e: Error): void {
    if (this.worker !== w) return;
    this.worker = null;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(e);
      this.pending.delete(id);
    }
  }

  scan(body: Buffer, scannerOptions: ScannerOptions, options: ScanOptions, timeoutMs: number): Promise<ScanResult> {
    const key = JSON.stringify(scannerOptions);
    if (this.worker === null || this.config !== key) {
      if (this.worker !== null) void this.worker.terminate();
      this.worker = this.spawn(scannerOptions);
      this.config = key;
    }
    const w = this.worker;
    const id = this.next++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        // The worker is stuck in this scan: replace it. Its other queued scans fail too.
        this.fail(w, new ScanTimeout(`scan took longer than ${timeoutMs} ms`));
        void w.terminate();
        reject(new ScanTimeout(`scan took longer than ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      w.postMessage({ type: 'scan', id, body, options });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w !== null) await w.terminate();
  }
}
