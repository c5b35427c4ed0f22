import { isAscii } from 'node:buffer';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { hasFileMagic } from './formats/sniff.js';
import { nativeBase64Reader } from './native-set.js';
import type { Unscannable } from './types.js';

export const DEFAULT_MAX_DECODED_BYTES = 32 * 1024 * 1024;
export const DEFAULT_MAX_RATIO = 200;

export type Decoded = { readonly buf: Buffer; readonly layer: string | undefined } | { readonly unscannable: Unscannable };

/**
 * Undoes Content-Encoding (a list, applied in order, so undone in reverse) and a gzip body
 * sent without one. Past the size or ratio cap the payload is unscannable, never half-scanned.
 * `deflate` that is not zlib is tried as raw deflate (some clients send that) unless `rawDeflate` is false.
 */
export function decodeContent(input: Buffer, encoding: string | undefined, maxBytes: number, maxRatio: number, rawDeflate = true): Decoded {
  const gzipMagic = input[0] === 0x1f && input[1] === 0x8b;
  // Most bodies: no Content-Encoding and no gzip magic.
  if ((encoding === undefined || encoding === '') && !gzipMagic) return { buf: input, layer: undefined };
  const codings = (encoding ?? '').split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== '' && c !== 'identity');
  if (codings.length === 0 && gzipMagic) codings.push('gzip');
  let buf = input;
  for (const coding of [...codings].reverse()) {
    const options = { maxOutputLength: maxBytes + 1 };
    try {
      switch (coding) {
        case 'gzip':
        case 'x-gzip':
          buf = gunzipSync(buf, options);
          break;
        case 'deflate':
          try {
            buf = inflateSync(buf, options);
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || !rawDeflate) throw e;
            buf = inflateRawSync(buf, options); // some clients send raw deflate
          }
          break;
        case 'br':
          buf = brotliDecompressSync(buf, options);
          break;
        default:
          return { unscannable: 'decode_error' };
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { unscannable: code === 'ERR_BUFFER_TOO_LARGE' || code === 'ERR_OUT_OF_RANGE' ? 'too_large' : 'decode_error' };
    }
    if (buf.length > maxBytes) return { unscannable: 'too_large' };
    if (buf.length > 1024 && buf.length / Math.max(1, input.length) > maxRatio) return { unscannable: 'ratio_exceeded' };
  }
  // The layer is named in header order: "gzip, br" was gzipped, then brotli-compressed.
  return { buf, layer: codings.length === 0 ? undefined : codings.map((c) => (c === 'x-gzip' ? 'gzip' : c)).join('+') };
}

const UTF16_CHARSET = /;\s*charset\s*=\s*"?(utf-?16(?:le|be)?|unicode)"?\s*(?=;|$)/i;

/**
 * UTF-16 text as UTF-8, for the scan: payloads that begin with a UTF-16 byte order mark, or
 * whose type says charset=utf-16 (-le, -be) — what Windows software sends as "Unicode". Each
 * output byte maps to the input offset of the code unit it came from (map[length] is the
 * input's length). Null for anything else, and for bytes that do not read as mostly Latin
 * text. Without a byte order mark, utf-16 is read in the byte order whose high bytes are more
 * often zero. A trailing odd byte is not a character.
 */
export function utf16Text(buf: Buffer, contentType: string | undefined): Normalized | null {
  const bom = buf.length >= 2 ? (buf[0] === 0xff && buf[1] === 0xfe ? 'le' : buf[0] === 0xfe && buf[1] === 0xff ? 'be' : null) : null;
  let order = bom;
  if (order === null) {
    if (contentType === undefined || !(contentType.includes('16') || contentType.includes('nicode') || contentType.includes('NICODE'))) return null;
    const declared = UTF16_CHARSET.exec(contentType);
    if (declared === null) return null;
    const name = declared[1]!.toLowerCase();
    if (name.endsWith('le')) order = 'le';
    else if (name.endsWith('be')) order = 'be';
    else {
      let zeroEven = 0;
      let zeroOdd = 0;
      for (let i = 0; i + 1 < Math.min(buf.length, 2048); i += 2) {
        if (buf[i] === 0) zeroEven++;
        if (buf[i + 1] === 0) zeroOdd++;
      }
      order = zeroOdd >= zeroEven ? 'le' : 'be';
    }
  }
  const unitAt = order === 'le' ? (i: number) => buf[i]! | (buf[i + 1]! << 8) : (i: number) => (buf[i]! << 8) | buf[i + 1]!;
  // Text a clinic sends is mostly Latin: at least half its first 2,048 code units below
  // U+0100. Random bytes behind FF FE (an audio frame can begin so) are not; they stay binary.
  let latin = 0;
  let units = 0;
  for (let i = bom === null ? 0 : 2; i + 1 < buf.length && units < 2048; i += 2, units++) if (unitAt(i) < 0x100) latin++;
  if (latin * 2 < units) return null;
  const out = Buffer.allocUnsafe(buf.length * 2);
  const map = new Int32Array(buf.length * 2 + 1);
  let o = 0;
  const put = (byte: number, from: number): void => {
    out[o] = byte;
    map[o++] = from;
  };
  const end = buf.length - (buf.length % 2);
  for (let i = bom === null ? 0 : 2; i < end; i += 2) {
    let cp = unitAt(i);
    let units = 1;
    if (cp >= 0xd800 && cp < 0xdc00 && i + 3 < end) {
      const low = unitAt(i + 2);
      if (low >= 0xdc00 && low < 0xe000) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        units = 2;
      }
    }
    if (cp >= 0xd800 && cp < 0xe000) cp = 0xfffd; // a lone surrogate
    if (cp < 0x80) put(cp, i);
    else if (cp < 0x800) {
      put(0xc0 | (cp >> 6), i);
      put(0x80 | (cp & 0x3f), i);
    } else if (cp < 0x10000) {
      put(0xe0 | (cp >> 12), i);
      put(0x80 | ((cp >> 6) & 0x3f), i);
      put(0x80 | (cp & 0x3f), i);
    } else {
      put(0xf0 | (cp >> 18), i);
      put(0x80 | ((cp >> 12) & 0x3f), i);
      put(0x80 | ((cp >> 6) & 0x3f), i);
      put(0x80 | (cp & 0x3f), i);
    }
    i += (units - 1) * 2;
  }
  map[o] = buf.length;
  return { buf: out.subarray(0, o), map: map.subarray(0, o + 1) };
}

/** The content type without its charset parameter (the text has been decoded to UTF-8). */
export function withoutCharset(contentType: string | undefined): string | undefined {
  return contentType?.replace(/;\s*charset\s*=[^;]*/i, '');
}

/**
 * Text with escapes undone and look-alike characters folded, plus a map from each byte of
 * it back to the input: map[i] is the input offset where output byte i came from, and
 * map[length] is the input's length.
 */
export interface Normalized {
  readonly buf: Buffer;
  readonly map: Int32Array;
}

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);
const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d]);
const SPACES = new Set([0x00a0, 0x2007, 0x202f, 0x3000]);
/**
 * The zeros of the decimal digits of other scripts (Arabic-Indic, Persian and Urdu, NKo,
 * Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Thai, Lao,
 * Tibetan, Burmese, Khmer, Mongolian): each block's digits run from its zero to its nine. A phone
 * keyboard set to Arabic types "٣١٢-٥٥٥-٠١٩٨"; the patterns read ASCII digits.
 */
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x17e0, 0x1810];
/** The UTF-8 lead bytes of those digits. */
const DIGIT_LEADS = [0xd9, 0xdb, 0xdf, 0xe0, 0xe1];

/** The value of a decimal digit of another script, or -1. */
function otherDigit(cp: number): number {
  if (cp < 0x0660 || cp > 0x1819) return -1;
  for (const zero of DIGIT_ZEROS) if (cp >= zero && cp < zero + 10) return cp - zero;
  return -1;
}

/** True when buf holds a decimal digit of another script (otherDigit). */
function hasOtherDigits(buf: Buffer): boolean {
  for (const lead of DIGIT_LEADS) {
    for (let i = buf.indexOf(lead); i !== -1; i = buf.indexOf(lead, i + 1)) if (otherDigit(utf8At(buf, i)[0]) >= 0) return true;
  }
  return false;
}

/** The value of a hex digit byte, or -1. */
export const hex = (b: number | undefined): number => {
  if (b === undefined) return -1;
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  return -1;
};

const TRIGGERS = [Buffer.from('%'), Buffer.from('\\u'), Buffer.from('\\/'), Buffer.from([0xe2, 0x80]), Buffer.from([0xe2, 0x81, 0xa0]), Buffer.from([0xe2, 0x88, 0x92]), Buffer.from([0xef, 0xbc]), Buffer.from([0xef, 0xbd]), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xc2, 0xa0]), Buffer.from([0xc2, 0xad]), Buffer.from('&#')];

/** True when byte `first` occurs in buf with `after` true of the bytes that follow it. */
function anyAt(buf: Buffer, first: number, after: (i: number) => boolean): boolean {
  for (let i = buf.indexOf(first); i !== -1; i = buf.indexOf(first, i + 1)) if (after(i + 1)) return true;
  return false;
}

const hexRun = (buf: Buffer, from: number, n: number): boolean => {
  for (let k = 0; k < n; k++) if (hex(buf[from + k]) < 0) return false;
  return true;
};

/** The HTML named entities text is written with: what each stands for (&nbsp; folds to a space). */
const NAMED_ENTITIES: Readonly<Record<string, number>> = { nbsp: 0x20, amp: 0x26, lt: 0x3c, gt: 0x3e, quot: 0x22, apos: 0x27 };

/** `&name;` at i: the byte it stands for and the entity's length; null when there is none. */
function namedEntityAt(buf: Buffer, i: number): [number, number] | null {
  const c = buf[i + 1];
  // n(bsp) a(mp, pos) l(t) g(t) q(uot): most & in text and forms start none of them.
  if (c !== 0x6e && c !== 0x61 && c !== 0x6c && c !== 0x67 && c !== 0x71) return null;
  // The longest is &nbsp; / &quot; / &apos;: the ';' within five bytes of the '&' (no search further).
  let semi = i + 2;
  while (semi <= i + 5 && buf[semi] !== 0x3b) semi++;
  if (semi > i + 5) return null;
  const byte = NAMED_ENTITIES[buf.toString('latin1', i + 1, semi)];
  return byte === undefined ? null : [byte, semi - i + 1];
}

/**
 * Cheap test (memchr-speed searches) for anything normalize() would change. On ASCII bytes
 * (most payloads; isAscii is a vector scan) only %XX, \uXXXX, \/, &# and the named entities
 * of NAMED_ENTITIES can be: three single-byte searches instead of a dozen multi-byte ones,
 * and a lone % ("unit": "%", 100 %) does not send the whole payload through a second scan.
 * Other bytes are searched only in payloads that are not ASCII (the digits of other scripts too).
 */
export function needsNormalizing(buf: Buffer): boolean {
  if (!isAscii(buf)) return TRIGGERS.some((t) => buf.includes(t)) || anyAt(buf, 0x26, (i) => namedEntityAt(buf, i - 1) !== null) || hasOtherDigits(buf);
  return (
    anyAt(buf, 0x25, (i) => hexRun(buf, i, 2)) ||
    anyAt(buf, 0x5c, (i) => buf[i] === 0x2f || (buf[i] === 0x75 && hexRun(buf, i + 1, 4))) ||
    anyAt(buf, 0x26, (i) => buf[i] === 0x23 || namedEntityAt(buf, i - 1) !== null)
  );
}

/** Decodes one code point written in UTF-8 at i; returns [codePoint, byteLength]. */
function utf8At(buf: Buffer, i: number): [number, number] {
  const b = buf[i]!;
  if (b < 0x80) return [b, 1];
  if (b >= 0xc0 && b < 0xe0 && i + 1 < buf.length) return [((b & 0x1f) << 6) | (buf[i + 1]! & 0x3f), 2];
  if (b >= 0xe0 && b < 0xf0 && i + 2 < buf.length) return [((b & 0x0f) << 12) | ((buf[i + 1]! & 0x3f) << 6) | (buf[i + 2]! & 0x3f), 3];
  if (b >= 0xf0 && i + 3 < buf.length) return [((b & 0x07) << 18) | ((buf[i + 1]! & 0x3f) << 12) | ((buf[i + 2]! & 0x3f) << 6) | (buf[i + 3]! & 0x3f), 4];
  return [b, 1];
}

/** What a JSON escape's letter stands for (\/ \" \\ \n \r \t), by the byte after the backslash; -1 for the rest. */
const JSON_ESCAPED = new Int16Array(256).fill(-1);
for (const [letter, byte] of [[0x2f, 0x2f], [0x22, 0x22], [0x5c, 0x5c], [0x6e, 0x0a], [0x72, 0x0d], [0x74, 0x09]] as const) JSON_ESCAPED[letter] = byte;

/** The value of the four hex digits at i, or -1 when they are not four hex digits. */
function hex4(buf: Buffer, i: number): number {
  const a = hex(buf[i]);
  const b = hex(buf[i + 1]);
  const c = hex(buf[i + 2]);
  const d = hex(buf[i + 3]);
  return a < 0 || b < 0 || c < 0 || d < 0 ? -1 : (a << 12) | (b << 8) | (c << 4) | d;
}

/** 1 for the bytes normalize() always keeps as they are (anything but %, \, & and the lead bytes of UTF-8 sequences it may fold). */
const KEPT = new Uint8Array(256);
for (let c = 0; c < 0xc2; c++) KEPT[c] = c === 0x25 || c === 0x5c || c === 0x26 ? 0 : 1;

/**
 * One pass that undoes percent-encoding, JSON escapes (\uXXXX, \/, \n ...), HTML numeric
 * entities, and folds fullwidth letters and digits, odd dashes and spaces to ASCII and
 * drops zero-width characters. PHI hidden by any of these is then seen by the patterns.
 */
export function normalize(input: Buffer): Normalized {
  const out = Buffer.allocUnsafe(input.length + 4);
  const map = new Int32Array(input.length + 5);
  let o = 0;
  const put = (byte: number, from: number): void => {
    out[o] = byte;
    map[o++] = from;
  };
  const putCodePoint = (cp: number, from: number): void => {
    if (ZERO_WIDTH.has(cp)) return;
    if (DASHES.has(cp)) return put(0x2d, from);
    if (SPACES.has(cp)) return put(0x20, from);
    if (cp >= 0xff01 && cp <= 0xff5e) return put(cp - 0xfee0, from); // fullwidth ASCII
    const digit = otherDigit(cp);
    if (digit >= 0) return put(0x30 + digit, from);
    if (cp < 0x80) return put(cp, from);
    for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) put(b, from);
  };
  let i = 0;
  const length = input.length;
  while (i < length) {
    // A run of bytes that stay as they are, copied in one go: most of a payload.
    let j = i;
    while (j < length && KEPT[input[j]!] === 1) j++;
    if (j > i) {
      if (j - i >= 64) input.copy(out, o, i, j);
      else for (let k = i, at = o; k < j; k++, at++) out[at] = input[k]!;
      for (let k = i; k < j; k++) map[o++] = k;
      i = j;
      if (i === length) break;
    }
    const b = input[i]!;
    if (b === 0x25) {
      const h = hex(input[i + 1]);
      const l = hex(input[i + 2]);
      if (h >= 0 && l >= 0) {
        put(h * 16 + l, i);
        i += 3;
        continue;
      }
    } else if (b === 0x5c && i + 1 < input.length) {
      const n = input[i + 1]!;
      if (n === 0x75) {
        let cp = hex4(input, i + 2);
        if (cp >= 0) {
          let len = 6;
          // A surrogate pair written as two escapes.
          if (cp >= 0xd800 && cp < 0xdc00 && input[i + 6] === 0x5c && input[i + 7] === 0x75) {
            const lo = hex4(input, i + 8);
            if (lo >= 0) {
              cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
              len = 12;
            }
          }
          putCodePoint(cp, i);
          i += len;
          continue;
        }
      }
      const s = JSON_ESCAPED[n]!;
      if (s >= 0) {
        put(s, i);
        i += 2;
        continue;
      }
    } else if (b === 0x26 && input[i + 1] !== 0x23) {
      const named = namedEntityAt(input, i);
      if (named !== null) {
        put(named[0], i);
        i += named[1];
        continue;
      }
    } else if (b === 0x26 && input[i + 1] === 0x23) {
      const m = /^&#(x[0-9a-fA-F]{1,6}|\d{1,7});/.exec(input.toString('latin1', i, i + 12));
      if (m !== null) {
        const cp = m[1]!.startsWith('x') ? parseInt(m[1]!.slice(1), 16) : Number(m[1]);
        if (cp > 0 && cp <= 0x10ffff) {
          putCodePoint(cp, i);
          i += m[0].length;
          continue;
        }
      }
    } else if (b >= 0xc2) {
      const [cp, len] = utf8At(input, i);
      if (ZERO_WIDTH.has(cp) || DASHES.has(cp) || SPACES.has(cp) || (cp >= 0xff01 && cp <= 0xff5e) || otherDigit(cp) >= 0) {
        putCodePoint(cp, i);
        i += len;
        continue;
      }
    }
    if (o >= out.length - 4) break; // cannot happen: output never outgrows input
    put(b, i);
    i++;
  }
  map[o] = input.length;
  return { buf: out.subarray(0, o), map: map.subarray(0, o + 1) };
}

/**
 * Byte classes for base64 runs: BASE64 for A-Z a-z 0-9 + / _ -; LETTERS for letters, _ and -
 * (long identifiers); HEX for hex digits and - (digests, UUIDs).
 */
const BASE64 = 1;
const LETTERS = 2;
const HEX = 4;
const BYTE_CLASS = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9+/_-]/.test(ch)) BYTE_CLASS[c]! |= BASE64;
  if (/[A-Za-z_-]/.test(ch)) BYTE_CLASS[c]! |= LETTERS;
  if (/[0-9A-Fa-f-]/.test(ch)) BYTE_CLASS[c]! |= HEX;
}
/** Shorter runs cannot hide an identifier worth decoding. */
const BASE64_MIN_RUN = 24;

/**
 * Runs of 24 or more base64 bytes, each with up to two '=' after it, as [start, end) pairs;
 * runs of letters only or of hex digits only (identifiers, digests, UUIDs) are left out: they
 * are not base64 payloads.
 *
 * A run of 24 bytes or more covers one of any 24 consecutive positions, so only every 24th
 * byte is looked at until one is a base64 byte; the run around it is then measured both ways
 * and the looking goes on 24 bytes past its end. JSON and text are mostly short words: about
 * a third of the bytes are read, not all of them.
 */
export function base64Runs(buf: Buffer): [number, number][] {
  if (createReader === null || buf.length < NATIVE_RUNS_FROM) return base64RunsJs(buf);
  const need = 2 * (Math.floor(buf.length / BASE64_MIN_RUN) + 1);
  if (runsOut.length < need) {
    runsOut = new Int32Array(Math.max(need, 2 * runsOut.length));
    readRuns = createReader(runsOut);
  }
  const count = readRuns!(buf);
  const runs: [number, number][] = [];
  for (let i = 0; i < count; i++) runs.push([runsOut[2 * i]!, runsOut[2 * i + 1]!]);
  return runs;
}

/**
 * The runs read 16 bytes at a time by native/ when it was built: 1.1 µs for 8 KiB of long runs
 * against 4.4 here (a 4 KiB padded field cost 2 µs of a proxied request's 95).
 */
const createReader = nativeBase64Reader();
/**
 * Shorter payloads are read in JavaScript: a native call costs about 80 ns (bench/README, item
 * 31), what the JavaScript reader takes for about 256 bytes.
 */
const NATIVE_RUNS_FROM = 256;
/** Where the native reader writes its pairs (given to it once); a larger one, and a reader for it, as payloads need. */
let runsOut = new Int32Array(2 * 1024);
let readRuns = createReader?.(runsOut) ?? null;

/** base64Runs in JavaScript: the reference, and what runs when native/ was not built. */
export function base64RunsJs(buf: Buffer): [number, number][] {
  const runs: [number, number][] = [];
  const n = buf.length;
  // No run found from here on may start before `floor` (the end of the last one measured).
  let floor = 0;
  let p = BASE64_MIN_RUN - 1;
  while (p < n) {
    let kind = BYTE_CLASS[buf[p]!]!;
    if ((kind & BASE64) === 0) {
      p += BASE64_MIN_RUN;
      continue;
    }
    let start = p;
    for (; start > floor; start--) {
      const c = BYTE_CLASS[buf[start - 1]!]!;
      if ((c & BASE64) === 0) break;
      kind &= c;
    }
    let i = p + 1;
    const short = Math.min(n, p + 16);
    for (; i < short; i++) {
      const c = BYTE_CLASS[buf[i]!]!;
      if ((c & BASE64) === 0) break;
      kind &= c;
    }
    if (i === short) {
      // A long run (attachments, tokens, padding): four bytes per step, then the tail.
      for (; i + 4 <= n; i += 4) {
        const c = BYTE_CLASS[buf[i]!]! & BYTE_CLASS[buf[i + 1]!]! & BYTE_CLASS[buf[i + 2]!]! & BYTE_CLASS[buf[i + 3]!]!;
        if ((c & BASE64) === 0) break;
        kind &= c;
      }
      for (; i < n; i++) {
        const c = BYTE_CLASS[buf[i]!]!;
        if ((c & BASE64) === 0) break;
        kind &= c;
      }
    }
    if (i - start >= BASE64_MIN_RUN) {
      if (buf[i] === 0x3d) {
        // Padding: a run that has it is neither letters only nor hex only.
        kind = BASE64;
        i++;
        if (buf[i] === 0x3d) i++;
      }
      if ((kind & (LETTERS | HEX)) === 0) runs.push([start, i]);
    }
    floor = i;
    p = i + BASE64_MIN_RUN - 1;
  }
  return runs;
}

/** Bytes of a file-name-like token: ASCII letters, digits, '.', '-' and '_'. */
const TOKEN_BYTE = new Uint8Array(256);
for (let c = 0; c < 256; c++) TOKEN_BYTE[c] = /[A-Za-z0-9._-]/.test(String.fromCharCode(c)) ? 1 : 0;
export const isDigit = (b: number | undefined): boolean => b !== undefined && b >= 0x30 && b <= 0x39;
/**
 * Quoted-printable (MIME's Content-Transfer-Encoding for mostly-ASCII text: e-mail bodies sent
 * raw to an e-mail API, or inside a base64 raw message): soft line breaks (`=` at a line's
 * end) joined, `=XX` undone, each output byte mapped to the input. A soft break may fall in
 * the middle of an SSN (`536-22-=\r\n1845`), so values are only whole in this text.
 */
export function quotedPrintable(input: Buffer): Normalized {
  const out = Buffer.allocUnsafe(input.length);
  const map = new Int32Array(input.length + 1);
  let o = 0;
  let i = 0;
  while (i < input.length) {
    const b = input[i]!;
    if (b === 0x3d) {
      let j = i + 1;
      while (input[j] === 0x20 || input[j] === 0x09) j++; // whitespace before a soft break
      if (input[j] === 0x0a || (input[j] === 0x0d && input[j + 1] === 0x0a)) {
        i = j + (input[j] === 0x0d ? 2 : 1);
        continue;
      }
      const h = hex(input[i + 1]);
      const l = hex(input[i + 2]);
      if (h >= 0 && l >= 0) {
        out[o] = h * 16 + l;
        map[o++] = i;
        i += 3;
        continue;
      }
    }
    out[o] = b;
    map[o++] = i;
    i++;
  }
  map[o] = input.length;
  return { buf: out.subarray(0, o), map: map.subarray(0, o + 1) };
}

/** Digits a glued token must have to be read again (see gluedTokens). */
const MIN_GLUED_DIGITS = 6;

/**
 * File names and slugs join words with underscores (`Garcia_Rosa_DOB_1947-02-11.pdf`,
 * `patient_536-22-1845.txt`, `MRN_00482913`), and patterns read an underscore as a letter, so
 * the digits in them never stand at a word boundary. This gathers every token of letters,
 * digits, dots, dashes and underscores in which an underscore touches a digit, one per line
 * with its underscores as spaces, and maps each byte back to the input. (Tokens whose
 * underscores touch no digit, such as JSON keys like `first_name`, and tokens with fewer than
 * six digits are left out: no identifier there needs the boundary.) Null when there is no
 * such token, the usual case.
 */
export function gluedTokens(buf: Buffer): Normalized | null {
  let i = buf.indexOf(0x5f);
  if (i === -1) return null;
  const spans: [number, number][] = [];
  let covered = 0;
  for (; i !== -1; i = buf.indexOf(0x5f, i + 1)) {
    if (i < covered || !(isDigit(buf[i - 1]) || isDigit(buf[i + 1]))) continue;
    let from = i;
    let to = i + 1;
    while (from > covered && TOKEN_BYTE[buf[from - 1]!] === 1) from--;
    while (to < buf.length && TOKEN_BYTE[buf[to]!] === 1) to++;
    covered = to;
    // Every identifier such a token can hide has six digits or more (a date, an SSN, an MRN);
    // version strings like x86_64 or 10_15_7 have fewer.
    let digits = 0;
    for (let k = from; k < to && digits < MIN_GLUED_DIGITS; k++) if (isDigit(buf[k])) digits++;
    if (digits >= MIN_GLUED_DIGITS) spans.push([from, to]);
  }
  if (spans.length === 0) return null;
  let size = 0;
  for (const [from, to] of spans) size += to - from + 1;
  const out = Buffer.allocUnsafe(size);
  const map = new Int32Array(size + 1);
  let o = 0;
  for (const [from, to] of spans) {
    for (let k = from; k < to; k++) {
      out[o] = buf[k] === 0x5f ? 0x20 : buf[k]!;
      map[o++] = k;
    }
    out[o] = 0x0a;
    map[o++] = to;
  }
  map[o] = spans[spans.length - 1]![1];
  return { buf: out, map };
}

/** How much of a decoded payload isMostlyText judges. */
const TEXT_JUDGED_BYTES = 4096;
/** Base64 characters that decode to at least TEXT_JUDGED_BYTES (a multiple of four). */
const JUDGED_CHARS = Math.ceil(TEXT_JUDGED_BYTES / 3) * 4;

/** A base64 run that decodes to text (directly, or once decompressed), with that text. */
export interface Base64Text {
  readonly start: number;
  readonly end: number;
  readonly text: Buffer;
}

/**
 * What the base64 runs of a payload hold: the runs that decode to text, with the text; and
 * whether some run holds a file that cannot be read as text — an image, PDF, office document,
 * archive or media file (known by its magic number), or compressed data past the caps — so
 * that the payload is unscannable ('binary', or the cap's reason) and the proxy can fail
 * closed: a lab report sent as base64 in JSON is as much a PDF as one sent as the body.
 * gzip and zlib data are decompressed within the caps and read like any run. Runs of random
 * bytes (hashes, signatures, ciphertext, identifiers) are neither: they are passed over.
 */
export interface Base64Values {
  readonly texts: Base64Text[];
  readonly opaque: Unscannable | null;
}

/** The first six bytes a run of at least eight base64 digits decodes to, in one reused array. */
const HEAD = new Uint8Array(6);
function headOf(buf: Buffer, start: number): Uint8Array {
  for (let g = start, o = 0; o < 6; g += 4, o += 3) {
    const v = (B64_VALUE[buf[g]!]! << 18) | (B64_VALUE[buf[g + 1]!]! << 12) | (B64_VALUE[buf[g + 2]!]! << 6) | B64_VALUE[buf[g + 3]!]!;
    HEAD[o] = v >>> 16;
    HEAD[o + 1] = (v >>> 8) & 0xff;
    HEAD[o + 2] = v & 0xff;
  }
  return HEAD;
}

/** Images (PNG, GIF, JPEG, RIFF/WebP) below this many bytes show nothing: passed over. */
const TINY_IMAGE_BYTES = 128;
const IMAGE_FIRST_BYTES = new Set([0x89, 0x47, 0xff, 0x52]);

/**
 * gzip's header: magic 1f 8b, compression method 8 (deflate), reserved flag bits clear. Four
 * conditions, so that a random token (a session id, a signature) looks like gzip once in
 * about 134 million rather than once in 65,536 — a false "file that does not open" is a block.
 */
export const isGzipHeader = (head: Uint8Array): boolean => head[0] === 0x1f && head[1] === 0x8b && head[2] === 0x08 && (head[3]! & 0xe0) === 0;

/** zlib's two-byte header: deflate (CM 8, window up to 32 KiB) and a check that makes it a multiple of 31. */
export const isZlibHeader = (a: number, b: number): boolean => a === 0x78 && ((a << 8) | b) % 31 === 0;

/** Base64 runs long enough to hide an identifier: see Base64Values. */
export function base64Values(buf: Buffer, maxBytes: number, maxRatio = DEFAULT_MAX_RATIO): Base64Values {
  const texts: Base64Text[] = [];
  let opaque: Unscannable | null = null;
  let budget = maxBytes;
  const decodeRun = (start: number, end: number): Buffer => {
    const text = buf.toString('latin1', start, end);
    return Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
  };
  for (const [start, end] of base64Runs(buf)) {
    let chars = end - start;
    while (chars > 0 && buf[start + chars - 1] === 0x3d) chars--;
    // What Buffer.from(run, 'base64') returns: 3 bytes per 4 characters, a lone 6 bits dropped.
    const length = Math.floor((chars * 3) / 4);
    budget -= length;
    if (budget < 0) break;
    if (length < 12) continue;
    // A file is known by its first bytes; gzip and zlib data are opened within the caps.
    const head = headOf(buf, start);
    if (isGzipHeader(head) || isZlibHeader(head[0]!, head[1]!)) {
      const gzip = head[0] === 0x1f;
      // zlib only, not raw deflate: raw deflate has no checksum, and random bytes behind a
      // chance zlib header could then "open" to garbage and read as a file.
      const inner = decodeContent(decodeRun(start, end), gzip ? undefined : 'deflate', Math.max(0, budget), maxRatio, false);
      if ('buf' in inner) budget -= inner.buf.length;
      if ('buf' in inner && isMostlyText(inner.buf)) texts.push({ start, end, text: inner.buf });
      // A zlib header is two bytes that random data has now and then: only gzip that fails to open is a file.
      else if ('buf' in inner || gzip || inner.unscannable !== 'decode_error') opaque ??= 'unscannable' in inner ? inner.unscannable : 'binary';
      continue;
    }
    // An image too small to show anything (a tracking pixel, a spacer: a 1x1 GIF is 43 bytes) is not a file that matters.
    if (length < TINY_IMAGE_BYTES && IMAGE_FIRST_BYTES.has(head[0]!) && hasFileMagic(head)) continue;
    // (gzip's two magic bytes alone are no file: a real gzip header was looked at above.)
    if ((head[0] !== 0x1f && hasFileMagic(head)) || ((head[0]! | head[1]! | head[2]! | head[3]! | head[4]! | head[5]!) === 0 && length > 132 && decodeRun(start, start + 176).toString('latin1', 128, 132) === 'DICM')) {
      opaque ??= 'binary';
      continue;
    }
    // UTF-16 text behind its byte order mark (.NET's Encoding.Unicode, base64-encoded): its
    // UTF-8 is scanned; without the mark its zero bytes would read as binary and be passed over.
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
      const wide = utf16Text(decodeRun(start, end), undefined);
      if (wide !== null) {
        texts.push({ start, end, text: wide.buf });
        continue;
      }
    }
    // Most runs that are not text (URL paths, identifiers, binary) show it in their first six
    // bytes: where those alone make isMostlyText false, the run need not be decoded at all.
    const judged = Math.min(length, TEXT_JUDGED_BYTES);
    let bad = 0;
    for (const b of head) bad += isControl(b);
    if (bad > 0 && !(bad / judged < 0.01)) continue;
    // isMostlyText looks at the first 4 KiB only: a long run is judged on the decoding of its
    // first 5,464 characters (4,098 bytes) and decoded whole only when that says text. (Node's
    // base64 decoder reads the URL-safe alphabet too: the head needs no choice of alphabet.)
    if (chars > JUDGED_CHARS && !mostlyText(Buffer.from(buf.toString('latin1', start, start + JUDGED_CHARS), 'base64'), judged)) continue;
    const decoded = decodeRun(start, end);
    if (isMostlyText(decoded)) texts.push({ start, end, text: decoded });
  }
  return { texts, opaque };
}

/** Base64 (and base64url) digit values; -1 for other bytes. */
const B64_VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < 64; i++) B64_VALUE['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;
B64_VALUE[0x2d] = 62; // '-'
B64_VALUE[0x5f] = 63; // '_'

/** 1 for a byte isMostlyText counts against text (control bytes other than tab and line ends, DEL), else 0. */
const isControl = (b: number): number => ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f ? 1 : 0);

/** Printable UTF-8 or ASCII text (tabs and line ends allowed), judged on up to the first 4 KiB. */
export function isMostlyText(buf: Buffer): boolean {
  return mostlyText(buf, Math.min(buf.length, TEXT_JUDGED_BYTES));
}

/** isMostlyText's judgment on the first `n` bytes of `buf`. */
function mostlyText(buf: Buffer, n: number): boolean {
  let bad = 0;
  for (let i = 0; i < n; i++) bad += isControl(buf[i]!);
  return bad === 0 || bad / n < 0.01;
}
