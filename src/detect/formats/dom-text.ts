import { walkJson } from './json-walk.js';

/**
 * A page's text as session-replay scripts serialize the DOM (rrweb, and the tools built on it:
 * PostHog, Sentry, Highlight): each text node a JSON string of its own (`"textContent": "..."`
 * in a snapshot or an added node, `"texts": [{"id": 12, "value": "..."}]` in a mutation),
 * between the markup's JSON. On a patient portal page "Date of birth" and "02/11/1947" are two
 * nodes a hundred bytes of JSON apart, farther than any context window, and "Welcome back, "
 * and "Rosa Garcia" are two strings. Joined, they read as the page reads.
 */
export interface DomText {
  /** The text nodes in document order, JSON escapes undone (`\uXXXX` left for normalization), one space between nodes (": " after a label). */
  readonly buf: Buffer;
  /** Byte i of `buf` came from byte map[i] of the payload (a node's end for the space after it); map[buf.length] ends the last node. */
  readonly map: Int32Array;
}

/**
 * The DOM's text nodes in a JSON payload, joined; null when there are none with text. A node
 * that is a field's label alone ("Patient", "Date of birth": `isLabel` says so) is followed by
 * ": " rather than a space, as a label reads beside its value on the page.
 */
export function domText(buf: Buffer, isLabel: (text: string) => boolean = () => false): DomText | null {
  const pieces: number[] = [];
  let total = 0;
  /** The member name each open container has in its parent (null inside an array). */
  const keys: (string | null)[] = [];
  walkJson(buf, {
    open(_isObject, key) {
      keys.push(key);
    },
    close() {
      keys.pop();
    },
    scalar(key, start, end, isString) {
      if (!isString || end === start) return;
      if (key === 'textContent' || (key === 'value' && keys[keys.length - 2] === 'texts')) {
        if (blank(buf, start, end)) return;
        pieces.push(start, end);
        total += end - start + 2;
      }
    },
  });
  if (pieces.length === 0) return null;
  const out = Buffer.allocUnsafe(total);
  const map = new Int32Array(total + 1);
  let j = 0;
  for (let k = 0; k < pieces.length; k += 2) {
    const end = pieces[k + 1]!;
    const from = j;
    for (let i = pieces[k]!; i < end; i++) {
      let c = buf[i]!;
      map[j] = i;
      if (c === 0x5c && i + 1 < end) {
        const e = buf[i + 1]!;
        // \n \r \t \b \f: a space (a line break inside a node separates words as one does);
        // \" \\ \/ the character; \uXXXX stays for normalization, which maps it.
        if (e === 0x6e || e === 0x72 || e === 0x74 || e === 0x62 || e === 0x66) c = 0x20;
        else if (e === 0x22 || e === 0x5c || e === 0x2f) c = e;
        else {
          out[j++] = c;
          continue;
        }
        i++;
      }
      out[j++] = c;
    }
    // Short nodes only: a label is a few words.
    if (j - from <= MAX_LABEL && out[j - 1] !== 0x3a && isLabel(out.toString('utf8', from, j).trim())) {
      map[j] = end;
      out[j++] = 0x3a;
    }
    map[j] = end;
    out[j++] = 0x20;
  }
  map[j] = pieces[pieces.length - 1]!;
  return { buf: out.subarray(0, j), map: map.subarray(0, j + 1) };
}

/** The longest node read as a label (in bytes). */
const MAX_LABEL = 40;

/** Only whitespace and whitespace escapes (the indentation between elements). */
function blank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c === 0x20 || c === 0x09) continue;
    if (c === 0x5c && i + 1 < end && (buf[i + 1] === 0x6e || buf[i + 1] === 0x72 || buf[i + 1] === 0x74)) {
      i++;
      continue;
    }
    return false;
  }
  return true;
}
