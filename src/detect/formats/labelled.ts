import type { Identifier } from '../types.js';
import { plausible, structural, type FormatContext } from './context.js';
import { stringEnd } from './fhir.js';
import { LABEL_KEYS, VALUE_KEYS } from './pairs.js';

const LABEL = new Set(LABEL_KEYS);
const VALUE = new Set(VALUE_KEYS);

/** A string or number, and the member of the current object it sits under. */
interface Scalar {
  member: string | null;
  readonly start: number;
  readonly end: number;
  /** Set for strings under a label member: the field name they may be. */
  readonly isString: boolean;
}

interface Frame {
  readonly isObject: boolean;
  /** The member name this object or array is the value of, in its parent object. */
  readonly key: string | null;
  /** A field name found in a nested object that held no value of its own ({"field": {"ref": "ssn"}}). */
  childLabel: Identifier | null;
  readonly scalars: Scalar[];
}

const QUOTE = 0x22;

/**
 * JSON objects that name their field in a member and hold its value in another: each value
 * (a string or number under a VALUE_KEYS member, nested ones included) of an object whose
 * LABEL_KEYS member names a PHI field is a finding of that field's identifier, as a
 * `"date_of_birth": ...` pair would be. Run only where the set pass's probe saw a label
 * member with a PHI field name. Offsets are exact byte positions.
 */
export function labelledFields(ctx: FormatContext): void {
  const { buf } = ctx;
  const keys = ctx.scanner.keys;
  const stack: Frame[] = [];
  let expectKey = false;
  let lastKey: string | null = null;

  const close = (): void => {
    const f = stack.pop();
    if (f === undefined) return;
    const parent = stack[stack.length - 1];
    let label: Identifier | null = f.childLabel;
    if (f.isObject) {
      for (const s of f.scalars) {
        if (s.isString && s.member !== null && LABEL.has(s.member.toLowerCase())) label ??= keys.identify(buf.toString('utf8', s.start, s.end));
      }
    }
    if (f.isObject && label !== null) {
      let values = 0;
      for (const s of f.scalars) {
        if (s.member === null || !VALUE.has(s.member.toLowerCase())) continue;
        values++;
        if (plausible(label, buf.toString('utf8', s.start, s.end))) structural(ctx, 'json-fields', label, s.start, s.end);
      }
      // {"field": {"ref": "date_of_birth"}, "date": "1947-02-11"}: the name is one level down.
      if (values === 0 && parent !== undefined) parent.childLabel ??= label;
    } else if (parent !== undefined) {
      for (const s of f.scalars) {
        s.member = parent.isObject ? f.key : null;
        parent.scalars.push(s);
      }
    }
    expectKey = parent?.isObject ?? false;
  };

  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]!;
    if (c === 0x7b || c === 0x5b) {
      const top = stack[stack.length - 1];
      stack.push({ isObject: c === 0x7b, key: top?.isObject === true ? lastKey : null, childLabel: null, scalars: [] });
      expectKey = c === 0x7b;
      lastKey = null;
    } else if (c === 0x7d || c === 0x5d) {
      close();
    } else if (c === 0x2c) {
      expectKey = stack[stack.length - 1]?.isObject ?? false;
    } else if (c === QUOTE) {
      const end = stringEnd(buf, i);
      if (expectKey) {
        lastKey = buf.toString('utf8', i + 1, end);
        expectKey = false;
      } else {
        const top = stack[stack.length - 1];
        top?.scalars.push({ member: top.isObject ? lastKey : null, start: i + 1, end, isString: true });
      }
      i = end;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let end = i + 1;
      while (end < buf.length && ((buf[end]! >= 0x30 && buf[end]! <= 0x39) || buf[end] === 0x2e || buf[end] === 0x65 || buf[end] === 0x45 || buf[end] === 0x2b || buf[end] === 0x2d)) end++;
      const top = stack[stack.length - 1];
      top?.scalars.push({ member: top.isObject ? lastKey : null, start: i, end, isString: false });
      i = end - 1;
    }
  }
  while (stack.length > 0) close();
}
