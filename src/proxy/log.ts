import pino, { type Logger } from 'pino';
import { LineBatch } from '../audit/line-batch.js';

/**
 * The stdout logger: asynchronous and buffered (one write per 32 KiB or per 250 ms rather
 * than one per decision), so that logging a decision costs no system call on the hot path.
 * Lines are gathered before pino's destination, which costs a few µs per write of any size.
 */
export function stdoutLogger(bindings: Record<string, unknown> | null): Logger {
  const dest = pino.destination({ dest: 1, sync: false, minLength: 4096, contentMode: 'buffer' });
  // contentMode 'buffer': sonic-boom takes Buffers (its types say string only).
  const batch = new LineBatch((chunk) => dest.write(chunk as unknown as string), 32768);
  setInterval(() => {
    batch.drain();
    dest.flush();
  }, 250).unref();
  process.once('beforeExit', () => {
    batch.drain();
    dest.flushSync();
  });
  return pino({ base: bindings }, batch);
}
