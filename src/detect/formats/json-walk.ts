const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** End of the JSON string whose opening quote is at `i`: the index of its closing quote. */
export function stringEnd(buf: Buffer, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = buf.indexOf(QUOTE, j);
    if (q === -1) return buf.length;
    let bs = 0;
    for (let k = q - 1; k > i && buf[k] === BACKSLASH; k--) bs++;
    if (bs % 2 === 0) return q;
    j = q + 1;
  }
}

/** Member names of up to this many bytes are kept as strings once read (see keyAt). */
const KEY_CACHE_MAX_BYTES = 24;
const KEY_CACHE_SIZE = 1024;
/**
 * A small table of member names by a hash of their bytes: documents repeat theirs ("family",
 * "system", "value"), and decoding each anew was a tenth of reading a FHIR resource. Only short
 * names of printable ASCII without spaces are kept (schema names, not text), in memory only.
 */
const keyBytes: (Buffer | undefined)[] = new Array<Buffer | undefined>(KEY_CACHE_SIZE);
const keyStrings: string[] = new Array<string>(KEY_CACHE_SIZE);

/** The member name in [start, end) as a string: from the table when the same bytes were read before, else decoded (and kept). */
function keyAt(buf: Buffer, start: number, end: number): string {
  const length = end - start;
  if (length > KEY_CACHE_MAX_BYTES) return buf.toString('utf8', start, end);
  let h = length;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c <= 0x20 || c >= 0x7f) return buf.toString('utf8', start, end);
    h = (Math.imul(h, 31) + c) | 0;
  }
  const slot = (h ^ (h >>> 10)) & (KEY_CACHE_SIZE - 1);
  const kept = keyBytes[slot];
  if (kept !== undefined && kept.length === length) {
    let same = true;
    for (let i = 0; i < length; i++) {
      if (kept[i] !== buf[start + i]) {
        same = false;
        break;
      }
    }
    if (same) return keyStrings[slot]!;
  }
  const key = buf.toString('utf8', start, end);
  keyBytes[slot] = Buffer.from(buf.subarray(start, end));
  keyStrings[slot] = key;
  return key;
}

/** What a JSON walk reports, in document order. `key` is the member name inside an object, null in an array. */
export interface JsonVisitor {
  /** An object or array begins. */
  open(isObject: boolean, key: string | null): void;
  /** The innermost open object or array ends. */
  close(): void;
  /** A string ([start, end) without its quotes) or a number. */
  scalar(key: string | null, start: number, end: number, isString: boolean): void;
}

/**
 * Walks JSON byte by byte (no parse, no allocation per value): the structure and each scalar
 * with its exact byte span. Tolerant of anything that is not JSON (it reports what it can).
 * Shared by the FHIR reader and the JSON object reader.
 */
export function walkJson(buf: Buffer, visitor: JsonVisitor): void {
  /** Whether each open container is an object. */
  const objects: boolean[] = [];
  let expectKey = false;
  let lastKey: string | null = null;
  const member = (): string | null => (objects[objects.length - 1] === true ? lastKey : null);
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]!;
    if (c === 0x7b || c === 0x5b) {
      visitor.open(c === 0x7b, member());
      objects.push(c === 0x7b);
      expectKey = c === 0x7b;
      lastKey = null;
    } else if (c === 0x7d || c === 0x5d) {
      // A stray closer (not JSON) changes nothing.
      if (objects.length > 0) {
        objects.pop();
        visitor.close();
        expectKey = objects[objects.length - 1] ?? false;
      }
    } else if (c === 0x2c) {
      expectKey = objects[objects.length - 1] ?? false;
    } else if (c === QUOTE) {
      const end = stringEnd(buf, i);
      if (expectKey) {
        lastKey = keyAt(buf, i + 1, end);
        expectKey = false;
      } else {
        visitor.scalar(member(), i + 1, end, true);
      }
      i = end;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let end = i + 1;
      while (end < buf.length && ((buf[end]! >= 0x30 && buf[end]! <= 0x39) || buf[end] === 0x2e || buf[end] === 0x65 || buf[end] === 0x45 || buf[end] === 0x2b || buf[end] === 0x2d)) end++;
      visitor.scalar(member(), i, end, false);
      i = end - 1;
    }
  }
  while (objects.length > 0) {
    objects.pop();
    visitor.close();
  }
}
