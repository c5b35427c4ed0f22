import type { Identifier } from '../types.js';
import { plausible, structural, type FormatContext } from './context.js';
import { walkJson } from './json-walk.js';
import { VALIDATORS, knownFullName, knownGivenName } from '../validators.js';
import { genericNameHeader, NameColumn } from './csv.js';
import { LABEL_KEYS, PERSON_OBJECTS, USER_OBJECTS, VALUE_KEYS } from './pairs.js';

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
/** The members of a user description that name the user (see USER_OBJECTS). */
const USER_NAMES = new Set(['name', 'fullname', 'displayname']);

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
}

/** A whole cell that is a calendar date (a date validator's format; not a bare run of digits, which an id could be). */
const isDateCell = (text: string): boolean => /\D/.test(text) && VALIDATORS.date(text);
/** A single capitalized word: a given or a family name in a cell of its own. */
const isNameWord = (text: string): boolean => /^\p{Lu}[\p{L}'-]+$/u.test(text);
/** A cell shaped like a person's whole name: two or three capitalized words, a middle initial or a surname particle between. */
const NAME_SHAPE = /^\p{Lu}[\p{L}'-]+(?: \p{Lu}\.?)?(?: (?:de la|de|del|da|dos|van|von|der|di|le) )?(?: ?\p{Lu}[\p{L}'-]+){1,2}$/u;
/** How many of a column's filled cells must be dates (or of a pair of columns' rows, known names) for it to count. */
const PEOPLE_SHARE = 0.5;

/**
 * A table's rows without their header (a spreadsheet append adds rows under a header the
 * request does not carry). Its columns are judged by their cells: a column of dates when at
 * least half of its filled cells are whole dates; a column of names (or two side by side, the
 * given and family names apart: "Rosa", "Kihn") when one of its names at least has a known
 * given name (Rosa Kihn) in a row that holds a date, and half of its names do or all of its
 * cells are shaped as names. A table with both is a list of people with their dates: every
 * plausible cell of those columns is a finding.
 */
function headerlessTable(ctx: FormatContext, rows: readonly (readonly Scalar[])[]): void {
  const { buf } = ctx;
  // A loop, not Math.max(...): a table may have more rows than a call takes arguments.
  let width = 0;
  for (const row of rows) width = Math.max(width, row.length);
  const cell = (row: readonly Scalar[], column: number): string | null => {
    const s = row[column];
    return s === undefined || !s.isString || s.end <= s.start ? null : buf.toString('utf8', s.start, s.end);
  };
  const dateColumns: number[] = [];
  for (let column = 0; column < width; column++) {
    let filled = 0;
    let dates = 0;
    for (const row of rows) {
      const text = cell(row, column);
      if (text === null) continue;
      filled++;
      if (isDateCell(text)) dates++;
    }
    if (dates > 0 && dates >= filled * PEOPLE_SHARE) dateColumns.push(column);
  }
  if (dateColumns.length === 0) return;
  const dated = (row: readonly Scalar[]): boolean => dateColumns.some((c) => isDateCell(cell(row, c) ?? ''));
  /**
   * Is this a column of names? `texts`: each row's name there (null where the row leaves it
   * empty). One of them at least must be a person's name with a known given name in a row
   * that holds a date, and half of them such names or all of them shaped as names.
   */
  const ofNames = (texts: readonly (string | null)[]): boolean => {
    let filled = 0;
    let shaped = 0;
    let people = 0;
    let anchored = false;
    texts.forEach((text, i) => {
      if (text === null) return;
      filled++;
      if (!NAME_SHAPE.test(text)) return;
      shaped++;
      if (!knownGivenName(text)) return;
      people++;
      anchored ||= dated(rows[i]!);
    });
    return anchored && (people >= filled * PEOPLE_SHARE || shaped === filled);
  };
  /** Cells of the columns of names: whole names, or given and family names side by side. */
  const names: [number, number][] = [];
  const add = (row: readonly Scalar[], column: number): void => {
    const text = cell(row, column);
    if (text !== null && plausible('names', text)) names.push([row[column]!.start, row[column]!.end]);
  };
  for (let column = 0; column < width; column++) {
    if (ofNames(rows.map((row) => cell(row, column)))) for (const row of rows) add(row, column);
    // A given name and a family name in two cells side by side ("Rosa", "Garcia"): one name per row.
    const pairs = rows.map((row) => {
      const given = cell(row, column);
      const family = cell(row, column + 1);
      if (given === null || family === null) return null;
      return isNameWord(given) && isNameWord(family) ? `${given} ${family}` : '';
    });
    if (ofNames(pairs)) {
      for (const row of rows) {
        if (isNameWord(cell(row, column) ?? '') && isNameWord(cell(row, column + 1) ?? '')) {
          add(row, column);
          add(row, column + 1);
        }
      }
    }
  }
  if (names.length === 0) return;
  for (const [start, end] of names) structural(ctx, 'json-fields', 'names', start, end);
  for (const column of dateColumns) {
    for (const row of rows) {
      const text = cell(row, column);
      if (text !== null && isDateCell(text)) structural(ctx, 'json-fields', 'dates', row[column]!.start, row[column]!.end);
    }
  }
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
 * - A user's name in an analytics library's user description (USER_OBJECTS: Segment's
 *   `"traits": {"name": "Rosa Garcia"}`), when it reads as a person's name (known given and family names).
 * - Tables: an array of arrays whose first row names PHI fields (`"values": [["Name", "DOB"],
 *   ["Xiomara Quackenbush", "1947-02-11"]]`, as spreadsheet APIs take rows): each later row's
 *   value in such a column is a finding of its identifier; a column under a generic header
 *   ("Name", "Client") counts as in a CSV file (see NameColumn). A table whose first row names
 *   nothing is rows without their header, read by headerlessTable.
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
      stack.push({ isObject, key, person, childLabel: null, scalars: [], nested: false });
    },
    close() {
      const f = stack.pop()!;
      const parent = stack[stack.length - 1];
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
          if (parent.header === null) parent.headerless = [f.scalars];
        } else if (parent.header !== null) {
          f.scalars.forEach((s, column) => {
            const identifier = parent.header![column];
            if (identifier !== null && identifier !== undefined && plausible(identifier, buf.toString('utf8', s.start, s.end))) structural(ctx, 'json-fields', identifier, s.start, s.end);
            if (s.isString) parent.generic?.get(column)?.add(buf, s.start, s.end);
          });
        } else {
          parent.headerless?.push(f.scalars);
        }
      }
      if (f.generic !== undefined) for (const column of f.generic.values()) column.report(ctx, 'json-fields');
      if (f.headerless !== undefined) headerlessTable(ctx, f.headerless);
      let label: Identifier | null = f.childLabel;
      const own = label === null;
      if (f.isObject) {
        for (const s of f.scalars) {
          if (s.isString && s.member !== null && LABEL.has(s.member.toLowerCase())) label ??= keys.identify(buf.toString('utf8', s.start, s.end));
        }
      }
      if (f.isObject && label !== null) {
        let values = 0;
        for (const s of f.scalars) {
          const member = s.member?.toLowerCase();
          if (member === undefined || !VALUE.has(member) || (own && ANSWER_ONLY.has(member))) continue;
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
        if (identifier !== null && plausible(identifier, buf.toString('utf8', start, end))) structural(ctx, 'json-fields', identifier, start, end);
      }
    },
  });
}
