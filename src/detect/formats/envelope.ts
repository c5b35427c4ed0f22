/**
 * Sentry's envelope (develop.sentry.dev/sdk/envelopes): what its SDKs send for errors,
 * sessions, attachments and session replays. A header line, then items: an item header line
 * (JSON with a "type" and, for binary payloads, a "length") and the item's payload, `length`
 * bytes or up to the next newline. A session replay's recording is compressed (zlib) inside
 * it, so the envelope as a whole reads as binary; item by item it can be read.
 */
export interface Envelope {
  /** The envelope's and the items' header lines: [start, end) each. */
  readonly headers: readonly [number, number][];
  /** Each item's payload: [start, end) and the item's type. */
  readonly items: readonly { readonly type: string; readonly start: number; readonly end: number }[];
}

/** Keys an envelope header has (at least one): the event's id, when it was sent, the DSN, the SDK. */
const HEADER_KEYS = ['event_id', 'sent_at', 'dsn', 'sdk'];
/** Header lines longer than this are not an envelope's (they are JSON bodies of their own). */
const MAX_HEADER = 8192;

/** A JSON object on one line, or null. */
function jsonLine(buf: Buffer, start: number, end: number): Record<string, unknown> | null {
  if (end - start > MAX_HEADER || buf[start] !== 0x7b) return null;
  try {
    const v: unknown = JSON.parse(buf.toString('utf8', start, end));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The envelope's parts, or null when `buf` is not a well-formed envelope (then it is read as any payload). */
export function envelope(buf: Buffer): Envelope | null {
  const lineEnd = (from: number): number => {
    const nl = buf.indexOf(0x0a, from);
    return nl === -1 ? buf.length : nl;
  };
  let end = lineEnd(0);
  const header = jsonLine(buf, 0, end);
  if (header === null || !HEADER_KEYS.some((k) => k in header)) return null;
  const headers: [number, number][] = [[0, end]];
  const items: { type: string; start: number; end: number }[] = [];
  let at = end + 1;
  while (at < buf.length) {
    end = lineEnd(at);
    // Blank lines between items (a trailing newline) are allowed.
    if (end === at) {
      at++;
      continue;
    }
    const item = jsonLine(buf, at, end);
    if (item === null || typeof item.type !== 'string') return null;
    headers.push([at, end]);
    const start = end + 1;
    const length = item.length;
    let stop: number;
    if (length === undefined) stop = Math.min(lineEnd(start), buf.length);
    else if (typeof length === 'number' && Number.isInteger(length) && length >= 0 && start + length <= buf.length) stop = start + length;
    else return null;
    items.push({ type: item.type, start: Math.min(start, buf.length), end: stop });
    at = stop + 1;
  }
  return { headers, items };
}
