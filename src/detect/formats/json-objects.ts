import type { Identifier } from '../types.js';
import { holdsData, structural, type FormatContext } from './context.js';
import { walkJson } from './json-walk.js';
import { knownFullName } from '../validators.js';
import { firstRowIsData, genericNameHeader, headerlessTable, NameColumn } from './tables.js';
import { LABEL_KEYS, NAME_PARTS, PERSON_OBJECTS, USER_OBJECTS, VALUE_KEYS } from './pairs.js';

const LABEL = new Set(LABEL_KEYS);
const VALUE = new Set(VALUE_KEYS);
/**
 * Members that hold a value only when the field is named one level down (Typeform's answer
 * `{"text": "...", "field": {"ref": "full_name"}}`); beside a field name in the same object they
 * are its label, as in a form's definition (JotForm's `{"name": "first_name", "text": "First Name"}`).
 */
const ANSWER_ONLY = new Set(['text', 'content']);
const PERSON = new Set(PERSON_OBJECTS.map((p) => p.replace(/ /g, '')));
const USER = new Set(USER_OBJECTS.map((p) => p.replace(/ /g, '')));
/** Compared without case and separators: `emergency_contact`, `nextOfKin`, `Policy-Holder`, `userProperties`. */
const bare = (key: string): string => key.toLowerCase().replace(/[^a-z]/g, '');
const isPerson = (key: string): boolean => PERSON.has(bare(key));
/**
 * A table split in two members of one object, its column names in one and its rows in the
 * other (pandas' `to_json(orient="split")`: `{"columns": ["patient", "dob"], "data": [[...]]}`,
 * a query API's `{"headers": [...], "rows": [...]}`).
 */
const SPLIT_HEADERS = new Set(['columns', 'headers', 'header', 'columnnames', 'cols']);
const SPLIT_ROWS = new Set(['data', 'rows', 'values', 'records']);
/** The members of a user description that name the user (see USER_OBJECTS). */
const USER_NAMES = new Set(['name', 'fullname', 'displayname']);
const NAME_PART = new Set(NAME_PARTS);

/** A string or number, and the member of the current object it sits under. */
interface Scalar {
  member: string | null;
  readonly start: number;
  readonly end: number;
  readonly isString: boolean;
}

interface Frame {
  readonly isObject: boolean;
  /** The member name this object or array is the value of, in its parent object. */
  readonly key: string | null;
  /** The nearest enclosing member named for a person alone (`"patient": {...}`), this one's included. */
  readonly person: string | null;
  /** A field name found in a nested object that held no value of its own ({"field": {"ref": "ssn"}}). */
  childLabel: Identifier | null;
  readonly scalars: Scalar[];
  /** An object or array was opened inside this one. */
  nested: boolean;
  /** For an array of rows (`[["Name", "DOB"], [...]]`): the first row's field names; null when it names none. */
  header?: (Identifier | null)[] | null;
  /** For an array of rows whose first row heads a column "Name" (or Client, Member...): that column's cells. */
  generic?: Map<number, NameColumn>;
  /** For an array of rows whose first row names nothing: the rows, read by headerlessTable when the array closes. */
  headerless?: Scalar[][];
  /** For an object holding a split table: the field names its column-names member gave, and which of those columns are generic name columns. */
  split?: { readonly header: (Identifier | null)[]; readonly generic: readonly number[] };
}

/**
 * JSON objects whose members are named by something other than their own key, read by one
 * walk over the document (run only where the set pass's probe saw one of these shapes):
 *
 * - An object that names its field in a LABEL_KEYS member and holds the value under a
 *   VALUE_KEYS member (`{"name": "date_of_birth", "value": "1947-02-11"}`: form builders, CRMs,
 *   surveys): each value, nested ones included, is a finding of that field's identifier.
 * - Members inside an object named for a person (PERSON_OBJECTS: `"patient": {"last":
 *   "Garcia"}`, `"subscriber": {"name": {"first": ...}}`): each is identified as if prefixed
 *   with it (`patient last`), as the flat key `patientLast` would be.
 * - A name written as an object of its parts (`"name": {"first": "Rosa", "last": "Garcia"}`,
 *   NAME_PARTS): each part is a name, as the flat keys `name_first` and `first_name` are.
 * - A user's name in an analytics library's user description (USER_OBJECTS: Segment's
 *   `"traits": {"name": "Rosa Garcia"}`), when it reads as a person's name (known given and family names).
 * - Tables: an array of arrays whose first row names PHI fields (`"values": [["Name", "DOB"],
 *   ["Xiomara Quackenbush", "1947-02-11"]]`, as spreadsheet APIs take rows): each later row's
 *   value in such a column is a finding of its identifier; a column under a generic header
 *   ("Name", "Client") counts as in a CSV file (see NameColumn). A table whose first row names
 *   nothing is rows without their header, read by headerlessTable. A table split in two members
 *   (`{"columns": ["patient", "dob"], "data": [["Xiomara Quackenbush", "1947-02-11"]]}`, see
 *   SPLIT_HEADERS) is read the same way, its rows headed by the column names before them.
 *
 * Offsets are exact byte positions.
 */
export function jsonObjectFields(ctx: FormatContext): void {
  const { buf } = ctx;
  const keys = ctx.scanner.keys;
  const stack: Frame[] = [];
  walkJson(buf, {
    open(isObject, key) {
      const top = stack[stack.length - 1];
      if (top !== undefined) top.nested = true;
      const person = key !== null && isPerson(key) ? key : (top?.person ?? null);
      const frame: Frame = { isObject, key, person, childLabel: null, scalars: [], nested: false };
      // The rows of a split table: headed by the column names read before them.
      if (!isObject && key !== null && top?.split !== undefined && SPLIT_ROWS.has(bare(key))) {
        frame.header = top.split.header;
        frame.generic = new Map(top.split.generic.map((column) => [column, new NameColumn()]));
      }
      stack.push(frame);
    },
    close() {
      const f = stack.pop()!;
      const parent = stack[stack.length - 1];
      // The column names of a split table, for the rows that follow them.
      if (!f.isObject && !f.nested && parent?.isObject === true && f.key !== null && SPLIT_HEADERS.has(bare(f.key))) {
        const texts = f.scalars.map((s) => (s.isString ? buf.toString('utf8', s.start, s.end) : null));
        const header = texts.map((t) => (t === null ? null : keys.identify(t)));
        const generic = texts.flatMap((t, column) => (t !== null && header[column] === null && genericNameHeader(t) ? [column] : []));
        if (header.some((id) => id !== null) || generic.length > 0) parent.split = { header, generic };
      }
      // A row of scalars in an array of rows: the first names the columns, the rest hold values.
      if (!f.isObject && !f.nested && parent !== undefined && !parent.isObject) {
        if (parent.header === undefined) {
          const texts = f.scalars.map((s) => (s.isString ? buf.toString('utf8', s.start, s.end) : null));
          const header = texts.map((t) => (t === null ? null : keys.identify(t)));
          const generic = new Map<number, NameColumn>();
          texts.forEach((t, column) => {
            if (t !== null && header[column] === null && genericNameHeader(t)) generic.set(column, new NameColumn());
          });
          parent.header = header.some((id) => id !== null) || generic.size > 0 ? header : null;
          if (generic.size > 0) parent.generic = generic;
          if (parent.header === null && firstRowIsData(texts)) parent.headerless = [f.scalars];
        } else if (parent.header !== null) {
          f.scalars.forEach((s, column) => {
            const identifier = parent.header![column];
            if (identifier !== null && identifier !== undefined && holdsData(keys, identifier, buf.toString('utf8', s.start, s.end))) structural(ctx, 'json-fields', identifier, s.start, s.end);
            if (s.isString) parent.generic?.get(column)?.add(buf, s.start, s.end);
          });
        } else {
          parent.headerless?.push(f.scalars);
        }
      }
      if (f.generic !== undefined) for (const column of f.generic.values()) column.report(ctx, 'json-fields');
      if (f.headerless !== undefined) headerlessTable(ctx, 'json-fields', f.headerless.map((row) => row.map((c) => (c.isString ? ([c.start, c.end] as const) : null))));
      let label: Identifier | null = f.childLabel;
      const own = label === null;
      if (f.isObject) {
        for (const s of f.scalars) {
          if (s.isString && s.member !== null && LABEL.has(s.member.toLowerCase())) label ??= keys.identify(buf.toString('utf8', s.start, s.end));
        }
        // A FHIR QuestionnaireResponse item: a numbered linkId ("1.1"), the question in its text ("Full name").
        if (label === null && f.scalars.some((s) => s.member === 'linkId')) {
          const question = f.scalars.find((s) => s.isString && s.member === 'text');
          if (question !== undefined) label = keys.identify(buf.toString('utf8', question.start, question.end));
        }
      }
      if (f.isObject && label !== null) {
        let values = 0;
        for (const s of f.scalars) {
          const member = s.member?.toLowerCase();
          if (member === undefined || !VALUE.has(member) || (own && ANSWER_ONLY.has(member))) continue;
          values++;
          if (holdsData(keys, label, buf.toString('utf8', s.start, s.end))) structural(ctx, 'json-fields', label, s.start, s.end);
        }
        // {"field": {"ref": "date_of_birth"}, "date": "1947-02-11"}: the name is one level down.
        if (values === 0 && parent !== undefined) parent.childLabel ??= label;
      } else if (parent !== undefined) {
        for (const s of f.scalars) {
          s.member = parent.isObject ? f.key : null;
          parent.scalars.push(s);
        }
      }
    },
    scalar(member, start, end, isString) {
      const top = stack[stack.length - 1];
      if (top === undefined) return;
      top.scalars.push({ member, start, end, isString });
      // In an array, the member is the array's own: "user_data": {"em": ["<hash>", ...]}.
      const named = member ?? top.key;
      // A user's name in an analytics library's traits: when it reads as a person's name.
      if (isString && member !== null && top.key !== null && USER.has(bare(top.key)) && USER_NAMES.has(bare(member)) && knownFullName(buf.toString('utf8', start, end))) {
        structural(ctx, 'json-fields', 'names', start, end);
      }
      if (top.person !== null && named !== null && named !== top.person) {
        const identifier = keys.identify(`${top.person} ${named}`);
        if (identifier !== null && holdsData(keys, identifier, buf.toString('utf8', start, end))) structural(ctx, 'json-fields', identifier, start, end);
      } else if (isString && member !== null && top.isObject && top.key !== null && bare(top.key) === 'name' && NAME_PART.has(bare(member)) && holdsData(keys, 'names', buf.toString('utf8', start, end))) {
        // A name as an object of its parts: `"name": {"first": ...}` is `name_first`.
        structural(ctx, 'json-fields', 'names', start, end);
      }
    },
  });
}
