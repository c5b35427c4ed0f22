import pino, { type Logger } from 'pino';
import { jsonNumber as n, jsonString as str } from '../audit/json-text.js';
import { LineBatch } from '../audit/line-batch.js';
import type { DecisionRecord } from '../audit/record.js';

/** Loggers made by stdoutLogger: plain pino (no hooks, formatters, mixins or custom time). */
const plain = new WeakSet<Logger>();

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
  const last = (): void => {
    batch.drain();
    dest.flushSync();
  };
  process.once('beforeExit', last);
  // process.exit() (a cluster worker told to stop) skips beforeExit: the gathered lines are
  // written synchronously on exit instead of being lost with the process.
  process.once('exit', () => {
    try {
      last();
    } catch {
      // stdout already gone: nothing more can be written.
    }
  });
  return plainLogger(bindings, batch);
}

/** A pino logger with nothing but bindings, writing to `stream`: its decision lines are built by hand. */
export function plainLogger(bindings: Record<string, unknown> | null, stream: { write(line: string): unknown }): Logger {
  const log = pino({ base: bindings }, stream);
  plain.add(log);
  return log;
}

/**
 * The one-line stdout summary of a decision. For a logger from stdoutLogger the line is
 * built by hand, byte for byte what pino writes for the same call (a test compares them):
 * pino's generic serializer took about 2 µs per decision, a fifth of the record's cost.
 * Any other logger (tests, embedders) gets the ordinary `info` call.
 */
export function logDecision(log: Logger, r: DecisionRecord): void {
  if (!plain.has(log)) {
    log.info({ incident: r.incident, channel: r.channel, vendor: r.vendor, action: r.action, reason: r.reason, enforced: r.enforced, status: r.upstream_status, ms: r.duration_ms }, 'decision');
    return;
  }
  if (!log.isLevelEnabled('info')) return;
  const bindings = (log as unknown as Record<symbol, string>)[pino.symbols.chindingsSym] ?? '';
  const stream = (log as unknown as Record<symbol, { write(line: string): unknown }>)[pino.symbols.streamSym]!;
  stream.write(
    `{"level":30,"time":${Date.now()}${bindings},"incident":${str(r.incident)},"channel":${str(r.channel)},"vendor":${str(r.vendor)},` +
      `"action":${str(r.action)},"reason":${str(r.reason)},"enforced":${r.enforced ? 'true' : 'false'},"status":${n(r.upstream_status)},"ms":${n(r.duration_ms)},"msg":"decision"}\n`,
  );
}
