import type { Identifier } from '../types.js';
import { plausible, structural, type FormatContext } from './context.js';

/** FHIR resources about a person: any of these with PHI-bearing elements is PHI by structure. */
export const PERSON_RESOURCES = new Set(['Patient', 'RelatedPerson', 'Person']);

/**
 * Where PHI lives inside a person resource, by path relative to the resource (array
 * indexes dropped). The identifier of each path's values.
 */
export const PHI_PATHS = new Map<string, Identifier>([
  ['name.family', 'names'],
  ['name.given', 'names'],
  ['name.text', 'names'],
  ['birthDate', 'dates'],
  ['deceasedDateTime', 'dates'],
  ['identifier.value', 'mrn'],
  ['telecom.value', 'phone'],
  ['address.line', 'geographic'],
  ['address.city', 'geographic'],
  ['address.postalCode', 'geographic'],
  ['address.district', 'geographic'],
  ['address.text', 'geographic'],
  ['photo.data', 'photo'],
  ['photo.url', 'photo'],
  ['contact.name.family', 'names'],
  ['contact.name.given', 'names'],
  ['contact.name.text', 'names'],
  ['contact.telecom.value', 'phone'],
  ['contact.address.line', 'geographic'],
  ['contact.address.city', 'geographic'],
  ['contact.address.postalCode', 'geographic'],
]);

interface Scalar {
  readonly path: readonly string[];
  readonly start: number;
  readonly end: number;
}

interface Frame {
  readonly isObject: boolean;
  readonly depth: number;
  key: string | null;
  resourceType: string | null;
  pending: Scalar[];
}

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

/**
 * Walks a JSON document byte by byte, keeping the key path of every scalar, and reports the
 * values at PHI paths of every Patient / RelatedPerson / Person resource, wherever it is
 * nested (a Bundle's entries, a contained resource). Offsets are exact byte positions.
 */
export function fhirResources(ctx: FormatContext): void {
  const { buf } = ctx;
  const stack: Frame[] = [];
  const path: string[] = [];
  let expectKey = false;
  let lastKey: string | null = null;

  const emit = (s: Scalar): void => {
    const top = stack[stack.length - 1];
    if (top !== undefined) top.pending.push(s);
  };
  const close = (): void => {
    const f = stack.pop();
    if (f === undefined) return;
    if (f.isObject && f.resourceType !== null && PERSON_RESOURCES.has(f.resourceType)) {
      for (const s of f.pending) {
        const rel = s.path.slice(f.depth).join('.');
        const identifier = PHI_PATHS.get(rel);
        if (identifier === undefined) continue;
        const value = buf.toString('utf8', s.start, s.end);
        const id: Identifier = identifier === 'phone' && value.includes('@') ? 'email' : identifier;
        if (plausible(id, value)) structural(ctx, 'fhir', id, s.start, s.end);
      }
    } else {
      const parent = stack[stack.length - 1];
      if (parent !== undefined) for (const s of f.pending) parent.pending.push(s);
    }
    if (f.key !== null && path.length > 0 && path[path.length - 1] === f.key) path.pop();
    const parent = stack[stack.length - 1];
    expectKey = parent?.isObject ?? false;
  };

  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]!;
    switch (c) {
      case 0x7b: // {
      case 0x5b: { // [
        const key = stack[stack.length - 1]?.isObject === true ? lastKey : null;
        if (key !== null) path.push(key);
        stack.push({ isObject: c === 0x7b, depth: path.length, key, resourceType: null, pending: [] });
        expectKey = c === 0x7b;
        lastKey = null;
        break;
      }
      case 0x7d: // }
      case 0x5d: // ]
        close();
        break;
      case 0x2c: // ,
        expectKey = stack[stack.length - 1]?.isObject ?? false;
        break;
      case QUOTE: {
        const end = stringEnd(buf, i);
        if (expectKey) {
          lastKey = buf.toString('utf8', i + 1, end);
          expectKey = false;
        } else {
          const top = stack[stack.length - 1];
          if (top?.isObject === true && lastKey === 'resourceType') top.resourceType = buf.toString('utf8', i + 1, end);
          const key = top?.isObject === true ? lastKey : null;
          emit({ path: key === null ? [...path] : [...path, key], start: i + 1, end });
        }
        i = end;
        break;
      }
      default:
        // Numbers and literals are never PHI paths' values in FHIR person resources, except
        // identifiers written as numbers, which the pattern pass sees anyway.
        break;
    }
  }
  while (stack.length > 0) close();
}
