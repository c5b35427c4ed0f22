import type { Identifier } from '../types.js';
import { knownFullName } from '../validators.js';
import { plausible, structural, type FormatContext } from './context.js';
import { walkJson } from './json-walk.js';

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
  // The narrative: a person resource's human-readable summary, written from its name and the rest.
  ['text.div', 'names'],
]);

/** The last key of every PHI path: a string under any other key is at none of them. */
const PHI_MEMBERS = new Set([...PHI_PATHS.keys()].map((p) => p.slice(p.lastIndexOf('.') + 1)));

/** A narrative's words, markup and character references aside: `<div xmlns="...">Aracely <b>MRAZ</b></div>` has two. */
function narrativeWords(div: string): number {
  return div.replace(/<[^>]*>/g, ' ').replace(/&[#A-Za-z0-9]+;/g, ' ').match(/\p{L}{2,}/gu)?.length ?? 0;
}

/**
 * Elements whose reference is always to a person (a Patient or a RelatedPerson): their display
 * text is that person's name even without the reference (Claim.patient, Coverage.beneficiary).
 */
const PERSON_ELEMENTS = new Set(['patient', 'beneficiary', 'subscriber']);
/** A reference to a person resource, relative or absolute: `Patient/123`, `https://ehr.example/fhir/RelatedPerson/9`. */
const PERSON_REFERENCE = /(?:^|\/)(?:Patient|RelatedPerson|Person)\/[^/]+$/;

interface Scalar {
  /** The key path, joined with dots (array indexes dropped). */
  readonly path: string;
  /** How many keys the path has. */
  readonly depth: number;
  /** The last key of the path ('' for none). */
  readonly member: string;
  readonly start: number;
  readonly end: number;
}

interface Frame {
  readonly isObject: boolean;
  /** How many keys lead to the frame (its own key included). */
  readonly depth: number;
  /** The length of their joined path: a scalar inside has it as its path's prefix. */
  readonly prefix: number;
  key: string | null;
  resourceType: string | null;
  /** Where the frame's scalars start in the walk's list: every one after it, up to the end, is inside the frame. */
  readonly from: number;
}

/**
 * A Reference to a person, in any resource: `"subject": {"reference": "Patient/1", "display":
 * "Rosa Garcia"}` (an Encounter's, an Observation's, an Appointment participant's). Its display
 * is the person's name.
 */
function personDisplay(ctx: FormatContext, f: Frame, scalars: readonly Scalar[]): void {
  let display: Scalar | undefined;
  let toPerson = f.key !== null && PERSON_ELEMENTS.has(f.key);
  for (let i = f.from; i < scalars.length; i++) {
    const s = scalars[i]!;
    if (s.depth !== f.depth + 1) continue;
    if (s.member === 'display') display = s;
    else if (s.member === 'reference') toPerson ||= PERSON_REFERENCE.test(ctx.buf.toString('utf8', s.start, s.end));
    else if (s.member === 'type') toPerson ||= PERSON_RESOURCES.has(ctx.buf.toString('utf8', s.start, s.end));
  }
  if (display === undefined) return;
  const text = ctx.buf.toString('utf8', display.start, display.end);
  // A subject without a reference may be a group or a device: its display counts when it reads as a person's name.
  if (toPerson ? plausible('names', text) : f.key === 'subject' && knownFullName(text)) structural(ctx, 'fhir', 'names', display.start, display.end);
}

/**
 * Walks a JSON document (walkJson), keeping the key path of every string, and reports the
 * values at PHI paths of every Patient / RelatedPerson / Person resource, wherever it is
 * nested (a Bundle's entries, a contained resource), and the display of every reference to
 * one (personDisplay). Offsets are exact byte positions. The strings are kept in one list in
 * document order; a frame's are those after its start, and a person resource's are taken off
 * the list when it closes (they are its own, not its parent's).
 */
export function fhirResources(ctx: FormatContext): void {
  const { buf } = ctx;
  const stack: Frame[] = [];
  const path: string[] = [];
  /** The path joined with dots, for each of its lengths (joined[0] = ''). */
  const joined: string[] = [''];
  const scalars: Scalar[] = [];
  walkJson(buf, {
    open(isObject, key) {
      if (key !== null) {
        const prior = joined[path.length]!;
        path.push(key);
        joined[path.length] = path.length === 1 ? key : `${prior}.${key}`;
      }
      stack.push({ isObject, depth: path.length, prefix: joined[path.length]!.length, key, resourceType: null, from: scalars.length });
    },
    close() {
      const f = stack.pop()!;
      if (f.isObject && f.resourceType !== null && PERSON_RESOURCES.has(f.resourceType)) {
        // The path below the resource: after its prefix and the dot that follows it (none at the top).
        const skip = f.depth === 0 ? 0 : f.prefix + 1;
        for (let i = f.from; i < scalars.length; i++) {
          const s = scalars[i]!;
          if (!PHI_MEMBERS.has(s.member)) continue;
          const rel = s.path.slice(skip);
          const identifier = PHI_PATHS.get(rel);
          if (identifier === undefined) continue;
          const value = buf.toString('utf8', s.start, s.end);
          const id: Identifier = identifier === 'phone' && value.includes('@') ? 'email' : identifier;
          if (rel === 'text.div' ? narrativeWords(value) >= 2 : plausible(id, value)) structural(ctx, 'fhir', id, s.start, s.end);
        }
        scalars.length = f.from;
      } else if (f.isObject) {
        personDisplay(ctx, f, scalars);
      }
      if (f.key !== null && path.length > 0 && path[path.length - 1] === f.key) path.pop();
    },
    scalar(key, start, end, isString) {
      // Numbers and literals are never PHI paths' values in FHIR person resources, except
      // identifiers written as numbers, which the pattern pass sees anyway.
      if (!isString) return;
      const top = stack[stack.length - 1];
      if (top === undefined) return;
      if (top.isObject && key === 'resourceType') top.resourceType = buf.toString('utf8', start, end);
      const at = joined[path.length]!;
      if (key === null) scalars.push({ path: at, depth: path.length, member: path.length === 0 ? '' : path[path.length - 1]!, start, end });
      else scalars.push({ path: path.length === 0 ? key : `${at}.${key}`, depth: path.length + 1, member: key, start, end });
    },
  });
}
