import RE2 from 're2';
import type { KeyTable } from '../compile.js';
import type { Structure } from '../pack.js';
import { plausible, structural, type FormatContext } from './context.js';

interface FieldRegexes {
  readonly json: RE2;
  readonly xml: RE2;
  readonly form: RE2;
}

const cache = new WeakMap<KeyTable, FieldRegexes>();

/** Key/value regexes built once per pack from the PHI field names. */
function regexes(keys: KeyTable): FieldRegexes {
  let r = cache.get(keys);
  if (r === undefined) {
    const k = keys.alternation;
    r = {
      // "key": "value" | "key": 123 | "key": ["value", ...]
      json: new RE2(`"(?P<k>${k})"\\s*:\\s*(?:\\[\\s*)?(?:"(?P<v>(?:[^"\\\\]|\\\\.)*)"|(?P<n>-?\\d[\\d.eE+-]*))`, 'gdu'),
      xml: new RE2(`<(?:[A-Za-z0-9_]+:)?(?P<k>${k})(?:\\s[^>]*)?>(?P<v>[^<]{1,512})</`, 'gdu'),
      form: new RE2(`(?:^|[&?;])(?P<k>${k})=(?P<v>[^&#\\s]+)`, 'gdu'),
    };
    cache.set(keys, r);
  }
  return r;
}

function run(ctx: FormatContext, re: RE2, structure: Structure): void {
  re.lastIndex = 0;
  let m: ReturnType<RE2['exec']>;
  while ((m = re.exec(ctx.buf)) !== null) {
    const g = m.indices?.groups;
    const key = m.groups?.['k'];
    const span = g?.['v'] ?? g?.['n'];
    if (key === undefined || span === undefined) continue;
    const identifier = ctx.scanner.keys.identify(key.toString('utf8'));
    if (identifier === null) continue;
    const [start, end] = span;
    let value = ctx.buf.toString('utf8', start, end);
    if (structure === 'form') value = value.replace(/\+/g, ' ');
    if (plausible(identifier, structure === 'form' ? safeDecode(value) : value)) structural(ctx, structure, identifier, start, end);
  }
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
