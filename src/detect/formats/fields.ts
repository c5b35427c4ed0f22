import { isAscii } from 'node:buffer';
import type { KeyTable } from '../compile.js';
import { FindAll } from '../find-all.js';
import type { Structure } from '../pack.js';
import { plausible, structural, type FormatContext } from './context.js';

interface FieldRegexes {
  readonly json: FindAll;
  readonly xml: FindAll;
  readonly form: FindAll;
}

const cache = new WeakMap<KeyTable, FieldRegexes>();

/** Key/value regexes built once per pack from the PHI field names. */
function regexes(keys: KeyTable): FieldRegexes {
  let r = cache.get(keys);
  if (r === undefined) {
    const k = keys.alternation;
    // Groups: the key, and the value as a string (v) or, in JSON, a number (n).
    r = {
      // "key": "value" | "key": 123 | "key": ["value", ...]
      json: new FindAll(`"(?P<k>${k})"\\s*:\\s*(?:\\[\\s*)?(?:"(?P<v>(?:[^"\\\\]|\\\\.)*)"|(?P<n>-?\\d[\\d.eE+-]*))`, ['k', 'v', 'n']),
      xml: new FindAll(`<(?:[A-Za-z0-9_]+:)?(?P<k>${k})(?:\\s[^>]*)?>(?P<v>[^<]{1,512})</`, ['k', 'v']),
      form: new FindAll(`(?:^|[&?;])(?P<k>${k})=(?P<v>[^&#\\s]+)`, ['k', 'v']),
    };
    cache.set(keys, r);
  }
  return r;
}

function run(ctx: FormatContext, find: FindAll, structure: Structure): void {
  const { buf } = ctx;
  const ascii = isAscii(buf) ? buf.toString('latin1') : null;
  find.each(buf, ascii, (_start, _end, [key, value, number]) => {
    const span = value ?? number;
    if (key === undefined || span === undefined) return;
    const identifier = ctx.scanner.keys.identify(buf.toString('utf8', key[0], key[1]));
    if (identifier === null) return;
    const [start, end] = span;
    let text = buf.toString('utf8', start, end);
    if (structure === 'form') text = safeDecode(text.replace(/\+/g, ' '));
    if (plausible(identifier, text)) structural(ctx, structure, identifier, start, end);
  });
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** JSON fields whose key names PHI (`ssn`, `dob`, `patientName`, `memberId`, ...). */
export function jsonFields(ctx: FormatContext): void {
  run(ctx, regexes(ctx.scanner.keys).json, 'json-fields');
}

export function xmlFields(ctx: FormatContext): void {
  run(ctx, regexes(ctx.scanner.keys).xml, 'xml-fields');
}

/** application/x-www-form-urlencoded bodies and query strings. */
export function formFields(ctx: FormatContext): void {
  run(ctx, regexes(ctx.scanner.keys).form, 'form');
}
