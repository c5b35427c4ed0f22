import { isAscii } from 'node:buffer';
import type { KeyTable } from '../compile.js';
import { FindAll } from '../find-all.js';
import type { Structure } from '../pack.js';
import type { Identifier } from '../types.js';
import { holdsData, plausible, structural, type FormatContext } from './context.js';
import { formPairSource, jsonPairSource, logfmtPairSource, nameLabelSource, xmlPairSource } from './pairs.js';
import { isDateCell, namesInRow } from './tables.js';
import { VALIDATORS } from '../validators.js';

export interface FieldRegexes {
  /** JSON pairs, without capturing groups: see jsonFields. */
  readonly json: FindAll;
  readonly xml: FindAll;
  /** Form pairs with groups k and v: for a pair whose key formKey cannot read for certain. */
  readonly form: FindAll;
  /** Form pairs without capturing groups: see formFields. */
  readonly formPairs: FindAll;
  /** The PHI field names, anchored at both ends: does a whole text read as one? */
  readonly key: FindAll;
  /** logfmt pairs without capturing groups: see logfmtFields. */
  readonly logfmtPairs: FindAll;
  /** XML pairs without capturing groups: see xmlFields. */
  readonly xmlPairs: FindAll;
  readonly nameLabels: FindAll;
}

const cache = new WeakMap<KeyTable, FieldRegexes>();
/** RE2's \s: tab, newline, form feed, carriage return, space. */
const SPACE = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x20]);

/** Key/value regexes built once per pack from the PHI field names. */
export function regexes(keys: KeyTable): FieldRegexes {
  let r = cache.get(keys);
  if (r === undefined) {
    const k = keys.alternation;
    // XML and form: groups k (the key) and v (the value).
    r = {
      json: new FindAll(jsonPairSource(k)),
      xml: new FindAll(xmlPairSource(k), ['k', 'v']),
      form: new FindAll(formPairSource(k), ['k', 'v']),
      formPairs: new FindAll(formPairSource(k)),
      key: new FindAll(`^${k}$`),
      logfmtPairs: new FindAll(logfmtPairSource(k)),
      xmlPairs: new FindAll(xmlPairSource(k)),
      nameLabels: new FindAll(nameLabelSource(), ['q', 's', 'v']),
    };
    cache.set(keys, r);
  }
  return r;
}

/** The payload as text for `find`, when it reads text (node-re2) and the payload is ASCII; else null. */
const textFor = (find: FindAll, buf: Buffer): string | null => (find.readsText && isAscii(buf) ? buf.toString('latin1') : null);

function run(ctx: FormatContext, find: FindAll, structure: Structure): void {
  const { buf } = ctx;
  find.each(buf, textFor(find, buf), (_start, _end, [key, value, number]) => {
    const span = value ?? number;
    if (key === undefined || span === undefined) return;
    const identifier = ctx.scanner.keys.identify(buf.toString('utf8', key[0], key[1]));
    if (identifier === null) return;
    const [start, end] = span;
    let text = buf.toString('utf8', start, end);
    if (structure === 'form') text = safeDecode(text.replace(/\+/g, ' '));
    if (holdsData(ctx.scanner.keys, identifier, text)) structural(ctx, structure, identifier, start, end);
  });
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * JSON fields whose key names PHI (`ssn`, `dob`, `patientName`, `memberId`, ...).
 *
 * The key alternation is large (hundreds of names), and RE2 pays for group positions in
 * proportion to the program's size: about 5 µs a match. So the pairs are found with no
 * groups at all (RE2's DFA alone), and the key and value are read off the match's bytes, whose
 * shape the pattern fixes: "key" ws : ws ( [ ws | { ws "value" ws : ws )? ( "value" | number ).
 */
export function jsonFields(ctx: FormatContext): void {
  const { buf } = ctx;
  const { json } = regexes(ctx.scanner.keys);
  json.each(buf, textFor(json, buf), (at, matchEnd) => {
    const m = buf.subarray(at, matchEnd);
    const keyEnd = m.indexOf(0x22, 1);
    let i = m.indexOf(0x3a, keyEnd) + 1;
    while (SPACE.has(m[i]!)) i++;
    if (m[i] === 0x5b) for (i++; SPACE.has(m[i]!); i++);
    // `{"value": ...}`: the pattern fixes its shape, so the value follows its colon.
    else if (m[i] === 0x7b) for (i = m.indexOf(0x3a, i) + 1; SPACE.has(m[i]!); i++);
    const quoted = m[i] === 0x22;
    const start = at + i + (quoted ? 1 : 0);
    const end = at + m.length - (quoted ? 1 : 0);
    const identifier = ctx.scanner.keys.identify(m.toString('utf8', 1, keyEnd));
    if (identifier !== null && holdsData(ctx.scanner.keys, identifier, buf.toString('utf8', start, end))) structural(ctx, 'json-fields', identifier, start, end);
  });
}

/** The bytes of an XML namespace prefix before its colon (`[A-Za-z0-9_]`). */
const NAMESPACE = new Uint8Array(256);
for (let c = 0; c < 256; c++) NAMESPACE[c] = /[A-Za-z0-9_]/.test(String.fromCharCode(c)) ? 1 : 0;

/**
 * `<key>value</` pairs (see xmlPairSource), found without groups as form pairs are. The tag ends
 * at the match's first `>` (neither the name nor the attributes hold one), the value runs from
 * there to the `</` that ends the match. The name starts after the `<` or after a namespace
 * prefix, and ends at the `>` or at a space where the attributes may start (a field name may
 * hold spaces): nameAmong reads it, and where the splits name different identifiers the pair
 * alone goes through the pattern with groups.
 */
export function xmlFields(ctx: FormatContext): void {
  const { buf } = ctx;
  const r = regexes(ctx.scanner.keys);
  const { xmlPairs } = r;
  xmlPairs.each(buf, textFor(xmlPairs, buf), (at, end) => {
    const gt = buf.indexOf(0x3e, at);
    const starts = [at + 1];
    let i = at + 1;
    while (i < gt && NAMESPACE[buf[i]!] === 1) i++;
    if (i > at + 1 && buf[i] === 0x3a) starts.push(i + 1);
    const ends = [gt];
    for (let j = at + 2; j < gt; j++) if (SPACE.has(buf[j]!)) ends.push(j);
    const identifier = nameAmong(ctx, r.key, starts, ends);
    if (identifier === undefined) pairByGroups(ctx, r.xml, at, end, 'xml-fields');
    else if (identifier !== null && holdsData(ctx.scanner.keys, identifier, buf.toString('utf8', gt + 1, end - 2))) structural(ctx, 'xml-fields', identifier, gt + 1, end - 2);
  });
}

/** xmlFields as the pattern's groups read every pair: the reference its tests compare it with. */
export function xmlFieldsByGroups(ctx: FormatContext): void {
  run(ctx, regexes(ctx.scanner.keys).xml, 'xml-fields');
}

/** One pair, [at, end) of the payload, read by `grouped` (its pattern with groups), offsets kept as the payload's. */
function pairByGroups(ctx: FormatContext, grouped: FindAll, at: number, end: number, structure: Structure): void {
  run({ ...ctx, buf: ctx.buf.subarray(at, end), base: ctx.base + at }, grouped, structure);
}

/** formFields as the pattern's groups read every pair: the reference its tests compare it with. */
export function formFieldsByGroups(ctx: FormatContext): void {
  run(ctx, regexes(ctx.scanner.keys).form, 'form');
}

/** `&`, `?`, `;`: what a pair starts after (FORM_START). */
const PAIR_SEPARATOR = new Set([0x26, 0x3f, 0x3b]);
/** The bytes of FORM_NESTING: 1 for a name's (A-Z a-z 0-9 _ . ] -), 2 for the bracket that opens a part. */
const NESTING = new Uint8Array(256);
for (let c = 0; c < 256; c++) NESTING[c] = /[A-Za-z0-9_.\]-]/.test(String.fromCharCode(c)) ? 1 : c === 0x5b ? 2 : 0;
const DATE_PARTS = ['[month', '[day', '[year'].map((p) => Buffer.from(p));

/** Where the prefix parts of a form pair's name (FORM_QUESTION, then FORM_ANALYTICS) may end, from `p` on. */
function prefixEnds(buf: Buffer, p: number, eq: number): number[] {
  const ends = [p];
  // q<N>_
  if (buf[p] === 0x71) {
    let i = p + 1;
    while (i < eq && buf[i]! >= 0x30 && buf[i]! <= 0x39) i++;
    if (i > p + 1 && buf[i] === 0x5f) ends.push(i + 1);
  }
  for (const q of [...ends]) {
    // ep. epn. up. upn.
    const e = buf[q] === 0x65 || buf[q] === 0x75 ? q + 1 : -1;
    if (e === -1 || buf[e] !== 0x70) continue;
    if (buf[e + 1] === 0x2e) ends.push(e + 2);
    else if (buf[e + 1] === 0x6e && buf[e + 2] === 0x2e) ends.push(e + 3);
  }
  return ends;
}

/**
 * The identifier of a form pair's name, read off a match of formPairSource found without
 * groups ([at, eq): the pair up to its `=`, which no part of the name holds): every way the
 * pattern could have split the bytes into its parts -- the separator, `q<N>_`, `ep.`, brackets
 * of nesting, the name, `[month]` and closing brackets -- whose name the field names match
 * whole. RE2's own split is one of them; when they all name the same identifier (nearly
 * always: one split), that is the one RE2's groups would give. `undefined` when they do not:
 * the caller then asks RE2 for the groups.
 */
export function formKey(ctx: FormatContext, key: FindAll, at: number, eq: number): Identifier | null | undefined {
  const { buf } = ctx;
  const p = PAIR_SEPARATOR.has(buf[at]!) ? at + 1 : at;
  const starts: number[] = [];
  for (const q of prefixEnds(buf, p, eq)) {
    starts.push(q);
    for (let i = q; i < eq && NESTING[buf[i]!] !== 0; i++) if (NESTING[buf[i]!] === 2) starts.push(i + 1);
  }
  let close = eq;
  while (close > p && buf[close - 1] === 0x5d) close--;
  const ends = [close];
  if (close < eq) for (const part of DATE_PARTS) if (close - part.length >= p && buf.subarray(close - part.length, close).equals(part)) ends.push(close - part.length);
  return nameAmong(ctx, key, starts, ends);
}

/**
 * The identifier the field names give every [start, end) of `starts` x `ends` that they match
 * whole, when they all give the same one (null included); `undefined` when none matches or
 * they differ.
 */
function nameAmong(ctx: FormatContext, key: FindAll, starts: readonly number[], ends: readonly number[]): Identifier | null | undefined {
  const { buf } = ctx;
  let found: Identifier | null | undefined;
  let named = false;
  for (const start of new Set(starts)) {
    for (const end of ends) {
      if (end <= start) continue;
      let whole = false;
      key.each(buf.subarray(start, end), null, () => (whole = true));
      if (!whole) continue;
      const identifier = ctx.scanner.keys.identify(buf.toString('utf8', start, end));
      if (named && identifier !== found) return undefined;
      [found, named] = [identifier, true];
    }
  }
  return named ? found : undefined;
}

/**
 * application/x-www-form-urlencoded bodies and query strings. The pairs are found without
 * groups (as jsonFields' are): RE2 pays for group positions in proportion to the program's
 * size, and the field names make it large (5-10 µs a pair; a web intake form has dozens). The
 * value is what follows the pair's first `=`; the name is read by formKey, and where it cannot
 * say for certain, by the pattern with groups over the pair alone.
 */
export function formFields(ctx: FormatContext): void {
  const { buf } = ctx;
  const r = regexes(ctx.scanner.keys);
  const { formPairs } = r;
  formPairs.each(buf, textFor(formPairs, buf), (at, end) => {
    const eq = buf.indexOf(0x3d, at);
    const identifier = formKey(ctx, r.key, at, eq);
    if (identifier === undefined) return pairByGroups(ctx, r.form, at, end, 'form');
    if (identifier === null) return;
    const text = safeDecode(buf.toString('utf8', eq + 1, end).replace(/\+/g, ' '));
    if (holdsData(ctx.scanner.keys, identifier, text)) structural(ctx, 'form', identifier, eq + 1, end);
  });
}

/**
 * A person's name labelled in an XML attribute, a GraphQL argument, YAML, INI, TOML or a
 * JavaScript object (see nameLabelSource). A value that is itself a field's label ("First
 * name", as translation files hold it) is none; a type's name is none by plausible().
 */
export function nameLabels(ctx: FormatContext): void {
  const { buf } = ctx;
  const keys = ctx.scanner.keys;
  const find = regexes(keys).nameLabels;
  find.each(buf, textFor(find, buf), (_start, _end, groups) => {
    const span = groups[0] ?? groups[1] ?? groups[2];
    if (span === undefined) return;
    const text = buf.toString('utf8', span[0], span[1]).trim();
    if (keys.identify(text) !== null || !plausible('names', text)) return;
    structural(ctx, 'form', 'names', span[0], span[0] + Buffer.byteLength(text));
  });
}

/**
 * logfmt pairs in log lines (see logfmtPairSource), found without groups as form pairs are: the
 * pattern fixes the parts. A space or tab, unless the pair starts the text (no field name starts
 * with one); the name, up to the first `=` (none holds one); then a quoted value (which a bare
 * one cannot start as) or a bare one.
 */
export function logfmtFields(ctx: FormatContext): void {
  const { buf } = ctx;
  const { logfmtPairs } = regexes(ctx.scanner.keys);
  logfmtPairs.each(buf, textFor(logfmtPairs, buf), (at, end) => {
    const name = buf[at] === 0x20 || buf[at] === 0x09 ? at + 1 : at;
    const eq = buf.indexOf(0x3d, name);
    const [start, stop] = buf[eq + 1] === 0x22 ? [eq + 2, end - 1] : [eq + 1, end];
    const identifier = ctx.scanner.keys.identify(buf.toString('utf8', name, eq));
    if (identifier === null) return;
    if (holdsData(ctx.scanner.keys, identifier, safeDecode(buf.toString('utf8', start, stop).replace(/\+/g, ' ')))) structural(ctx, 'form', identifier, start, stop);
  });
}

const logfmtGrouped = new WeakMap<KeyTable, FindAll>();

/** logfmtFields as the pattern's groups read every pair: the reference its tests compare it with (compiled on first use). */
export function logfmtFieldsByGroups(ctx: FormatContext): void {
  const keys = ctx.scanner.keys;
  let find = logfmtGrouped.get(keys);
  // Groups k, v (a bare value) and q (a quoted one), read as run()'s key, value and number.
  if (find === undefined) logfmtGrouped.set(keys, (find = new FindAll(logfmtPairSource(keys.alternation), ['k', 'v', 'q'])));
  run(ctx, find, 'form');
}

/** The last bracketed part of a form field name that names the field, and those that hold its value. */
const FORM_LABELS = new Set(['name', 'key', 'label', 'field', 'fieldname', 'field_name']);
const FORM_VALUES = new Set(['value', 'val', 'answer', 'values']);

/**
 * Form bodies that name a field in one parameter and send its value in another, as
 * JavaScript serializers write arrays of objects (`fields[0][name]=last_name&fields[0][value]=
 * Garcia`, `fields[][name]=dob&fields[][value]=...`): parameters that share everything but
 * their last bracketed part are one field; its value parameters are findings of the
 * identifier its name parameter gives (values before their name wait for it).
 */
export function formLabelledFields(ctx: FormatContext): void {
  const { buf } = ctx;
  const groups = new Map<string, { label: Identifier | null; pending: [number, number][] }>();
  let i = 0;
  while (i < buf.length) {
    let end = buf.indexOf(0x26, i);
    if (end === -1) end = buf.length;
    // The '=' of this parameter only (a search past it would make many '&' without one quadratic).
    const found = buf.subarray(i, end).indexOf(0x3d);
    const eq = found === -1 ? -1 : i + found;
    if (eq !== -1) {
      const name = safeDecode(buf.toString('latin1', i, eq));
      const open = name.lastIndexOf('[');
      if (open > 0 && name.endsWith(']')) {
        const last = name.slice(open + 1, -1).toLowerCase();
        const isLabel = FORM_LABELS.has(last);
        if (isLabel || FORM_VALUES.has(last)) {
          const groupKey = name.slice(0, open);
          const group = groups.get(groupKey) ?? groups.set(groupKey, { label: null, pending: [] }).get(groupKey)!;
          if (isLabel) {
            group.label = ctx.scanner.keys.identify(safeDecode(buf.toString('latin1', eq + 1, end).replace(/\+/g, ' ')));
            for (const [a, b] of group.pending) report(ctx, group.label, a, b);
            group.pending = [];
          } else if (group.label !== null) report(ctx, group.label, eq + 1, end);
          else group.pending.push([eq + 1, end]);
        }
      }
    }
    i = end + 1;
  }
}

function report(ctx: FormatContext, identifier: Identifier | null, start: number, end: number): void {
  if (identifier !== null && end > start && holdsData(ctx.scanner.keys, identifier, safeDecode(ctx.buf.toString('utf8', start, end).replace(/\+/g, ' ')))) structural(ctx, 'form', identifier, start, end);
}

/**
 * Dates before this year read as dates of birth on a form (a visit or an event is this year's
 * or last year's; a child born since is named with a known given name or not found by this rule).
 */
const BIRTH_YEARS_BEFORE = 2012;

/** A Google Forms answer: `entry.<question id>=<value>`, or a date question's part (`entry.<id>_year=1958`). */
const GOOGLE_ANSWER = /(?:^|&)entry\.([0-9]+)(?:_(year|month|day))?=([^&]*)/g;

/**
 * A Google Forms submission (`entry.1234567=Trycia+Jacobi&entry.7654321_year=1958&...`): its
 * questions are numbers, not names, so the answers are judged by themselves, as a table's row
 * without its header is: a person's name (in one answer, or two single-word answers side by
 * side; with a known given name unless a date of birth is beside it) and a date (whole, or a
 * date question's year, month and day) in the same submission are findings, each answer's
 * bytes as sent.
 */
export function googleFormAnswers(ctx: FormatContext): void {
  const { buf } = ctx;
  const text = buf.toString('latin1');
  const answers: { text: string; start: number; end: number }[] = [];
  const parts = new Map<string, Map<string, [number, number, number]>>();
  for (const m of text.matchAll(GOOGLE_ANSWER)) {
    const end = m.index + m[0].length;
    const start = end - m[3]!.length;
    if (m[2] === undefined) answers.push({ text: safeDecode(buf.toString('utf8', start, end).replace(/\+/g, ' ')).trim(), start, end });
    else (parts.get(m[1]!) ?? parts.set(m[1]!, new Map()).get(m[1]!)!).set(m[2], [Number(m[3]), start, end]);
  }
  const dates: [number, number][] = [];
  /** The earliest year among the dates: a date of birth reads as one long past. */
  let earliest = Infinity;
  for (const a of answers) {
    if (!isDateCell(a.text)) continue;
    dates.push([a.start, a.end]);
    earliest = Math.min(earliest, Number(/(?:19|20)[0-9]{2}/.exec(a.text)?.[0] ?? Infinity));
  }
  for (const date of parts.values()) {
    const [y, m, d] = [date.get('year'), date.get('month'), date.get('day')];
    if (y === undefined || m === undefined || d === undefined || !VALIDATORS.date(`${y[0]}-${m[0]}-${d[0]}`)) continue;
    for (const [, a, b] of [y, m, d]) dates.push([a, b]);
    earliest = Math.min(earliest, y[0]);
  }
  if (dates.length === 0) return;
  // Beside a date of birth (a year before BIRTH_YEARS_BEFORE), any answer shaped as a person's
  // name is one; beside a recent date (a visit's, an event's) only one with a known given name
  // ("Great Service" on a feedback form's date is none).
  const names = namesInRow(answers.map((a) => a.text), earliest >= BIRTH_YEARS_BEFORE).flat();
  if (names.length === 0) return;
  for (const i of names) structural(ctx, 'form', 'names', answers[i]!.start, answers[i]!.end);
  for (const [start, end] of dates) structural(ctx, 'form', 'dates', start, end);
}
