import pino, { type Logger } from 'pino';

/**
 * The stdout logger: asynchronous and buffered (one write per 4 KiB or per 250 ms rather
 * than one per decision), so that logging a decision costs no system call on the hot path.
 */
export function stdoutLogger(bindings: Record<string, unknown> | null): Logger {
  const dest = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => dest.flush(), 250).unref();
  process.once('beforeExit', () => dest.flushSync());
  return pino({ base: bindings }, dest);
}
