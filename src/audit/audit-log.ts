import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import pino from 'pino';
import { GENESIS, chainLine, verifyChain } from './chain.js';
import { LineBatch } from './line-batch.js';
import type { ChainedRecord, DecisionRecord } from './record.js';

/** Records are handed to the file in chunks of about this many bytes (and at least once a second). */
const AUDIT_BATCH_BYTES = 65536;

export interface AuditSink {
  write(record: DecisionRecord): ChainedRecord;
  /** Counted by the metrics: writes the file refused. */
  readonly errors: number;
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The text of the most recently written rotated copy of `path` (logrotate's `path-DATE`,
 * `path.1`, compressed or not), or null. Read when phiwall starts on a path that rotation
 * has just emptied, so that its chain continues rather than starting over.
 */
function newestRotated(path: string): string | null {
  const dir = dirname(path);
  const name = basename(path);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n !== name && n.startsWith(name) && /^[-._]/.test(n.slice(name.length)));
  } catch {
    return null;
  }
  const newest = names.map((n) => ({ file: join(dir, n), mtime: statSync(join(dir, n)).mtimeMs })).sort((a, b) => b.mtime - a.mtime)[0];
  if (newest === undefined) return null;
  try {
    const bytes = readFileSync(newest.file);
    return newest.file.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  } catch {
    return null;
  }
}

/**
 * The append-only, hash-chained decision log: one JSON line per decision, written through
 * pino's asynchronous destination (sonic-boom). The line is the canonical text the hash
 * covers, built once; pino's own serializer would only build it a second time.
 * On start it reads the file's last record (or, if rotation has just emptied the path, the
 * rotated file's) so that the chain continues across restarts.
 * With several workers each writes its own file (`<path>.<worker>`), each its own chain.
 */
export class AuditLog implements AuditSink {
  private readonly stream: ReturnType<typeof pino.destination>;
  private readonly batch: LineBatch;
  private readonly opened: Promise<void>;
  private isOpen = false;
  private readonly timer: NodeJS.Timeout;
  private prev = GENESIS;
  private seq = 0;
  private closed: Promise<void> | undefined;
  private openError: Error | null = null;
  errors = 0;
  onError: ((e: Error) => void) | undefined;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (text.trim() !== '') {
      if (!verifyChain(text).ok) this.errors++;
      this.continueFrom(text);
    } else {
      // Rotated away and no record written since: the chain goes on from the rotated file.
      const rotated = newestRotated(path);
      if (rotated !== null) this.continueFrom(rotated);
    }
    // Buffered: records are written in batches of up to 64 KiB, and at least once a second.
    // An asynchronous write costs about 40 µs of CPU (the thread-pool hand-off) whatever its
    // size, so under load one write carries about a hundred records rather than ten.
    // (sonic-boom's minLength as well: without one its flush() does not wait for the write.)
    this.stream = pino.destination({ dest: path, sync: false, mkdir: true, append: true, minLength: 8192, contentMode: 'buffer' });
    // contentMode 'buffer': sonic-boom takes Buffers (its types say string only).
    this.batch = new LineBatch((chunk) => this.stream.write(chunk as unknown as string), AUDIT_BATCH_BYTES);
    // sonic-boom in buffer mode must not be flushed before its file is open (it would write
    // from an empty queue and throw): flushes wait for 'ready'.
    this.opened = new Promise((resolve) => {
      this.stream.once('ready', () => {
        this.isOpen = true;
        resolve();
      });
      this.stream.once('error', (e: Error) => {
        this.openError ??= e;
        resolve();
      });
    });
    this.timer = setInterval(() => {
      this.drain();
      if (this.isOpen) this.stream.flush();
    }, 1000);
    this.timer.unref();
    this.stream.on('error', (e: Error) => {
      this.errors++;
      this.onError?.(e);
    });
  }

  /** Takes the chain up after the last record of `text`. */
  private continueFrom(text: string): void {
    const tail = text.trimEnd().split('\n').pop();
    if (tail === undefined || tail === '') return;
    try {
      const last = JSON.parse(tail) as ChainedRecord;
      this.prev = last.hash;
      this.seq = last.seq;
    } catch {
      // An unreadable last line: start a new chain segment after it; verify will show the break.
    }
  }

  write(record: DecisionRecord): ChainedRecord {
    const { record: chained, line } = chainLine(record, this.seq + 1, this.prev);
    this.seq = chained.seq;
    this.prev = chained.hash;
    try {
      this.batch.write(line);
    } catch (e) {
      this.errors++;
      this.onError?.(e as Error);
    }
    return chained;
  }

  /** Hands the gathered lines to the file; a write the file refuses is counted. */
  private drain(): void {
    try {
      this.batch.drain();
    } catch (e) {
      this.errors++;
      this.onError?.(e as Error);
    }
  }

  async flush(): Promise<void> {
    await this.opened;
    this.drain();
    await new Promise<void>((resolve) => this.stream.flush(() => resolve()));
  }

  /** Resolves once the file is open for appending; rejects with the reason it could not be. */
  async ready(): Promise<void> {
    await this.opened;
    if (this.isOpen) return;
    // Nothing will ever be written: the flush timer has nothing to do.
    clearInterval(this.timer);
    throw this.openError ?? new Error('the file could not be opened');
  }

  /**
   * Opens the file again by its path, for log rotation: after logrotate has moved the file
   * away, the records gathered so far go to the old file and the next ones to a new file at
   * the path, whose first record continues the chain (`phiwall audit verify --continuous
   * OLD NEW` checks the seam).
   */
  reopen(): void {
    if (this.closed !== undefined || !this.isOpen) return;
    this.drain();
    this.stream.reopen();
  }

  /** Writes what is gathered and closes the file; a second call waits for the first. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      clearInterval(this.timer);
      await this.flush();
      await new Promise<void>((resolve) => {
        this.stream.once('close', () => resolve());
        this.stream.end();
      });
    })();
    return this.closed;
  }
}
