/**
 * Tables read by their cells, shared by the CSV reader (csv.ts), the JSON objects reader (a
 * spreadsheet API's array of rows, json-objects.ts) and the form reader (a Google Forms
 * submission's answers, fields.ts): columns under a generic header ("Name"), rows without
 * their header, and what a cell of a person's name or a date looks like.
 */
import type { Structure } from '../pack.js';
import { VALIDATORS, knownFullName, knownGivenName } from '../validators.js';
import { plausible, structural, type FormatContext } from './context.js';

/**
 * Headers too generic to name PHI by themselves ("Name": a product's, a team's, a person's)
 * that hold names when their cells read as people's names (see NameColumn).
 */
const GENERIC_NAMES = ['name', 'client', 'customer', 'contact', 'member', 'person', 'recipient', 'attendee', 'guest', 'invitee', 'participant'];
/** Each as exports write it (name, Name, NAME): one Set lookup per header, no case folding. */
const GENERIC_NAME_HEADERS = new Set(GENERIC_NAMES.flatMap((h) => [h, h[0]!.toUpperCase() + h.slice(1), h.toUpperCase()]));
/** No generic header is longer (with a little whitespace around it): longer ones are not looked up. */
const MAX_GENERIC_HEADER = 16;
/** How many of a column's filled cells must be people's names (or dates) for it to count as a column of them. */
const PEOPLE_SHARE = 0.5;

/** A header too generic to name PHI that may head a column of names ("Name", "Client", "MEMBER"). */
export function genericNameHeader(header: string): boolean {
  return header.length <= MAX_GENERIC_HEADER && GENERIC_NAME_HEADERS.has(header.includes(' ') ? header.trim() : header);
}

/**
 * The cells of a column under a generic header (a patient list exported for a mailing or a
 * spreadsheet, a CSV file's or a JSON table's): a column of names when at least half of its
 * filled cells are known full names (a given and a family name from the shipped lists); then
 * every plausible cell in it is a finding, the names the lists do not know included.
 */
export class NameColumn {
  private readonly cells: [number, number][] = [];
  private people = 0;

  add(buf: Buffer, start: number, end: number): void {
    if (end <= start) return;
    const text = buf.toString('utf8', start, end);
    if (!plausible('names', text)) return;
    this.cells.push([start, end]);
    if (knownFullName(text)) this.people++;
  }

  private qualifies(): boolean {
    return this.people > 0 && this.people >= this.cells.length * PEOPLE_SHARE;
  }

  report(ctx: FormatContext, structure: Structure): void {
    if (this.qualifies()) for (const [start, end] of this.cells) structural(ctx, structure, 'names', start, end);
  }
}

/**
 * A whole cell that is a calendar date (a date validator's format; not a bare run of digits,
 * which an id could be). A character loop first: most cells (headers, words) have no digit.
 */
export function isDateCell(text: string): boolean {
  if (text.length < 6 || text.length > 32) return false;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits++;
  }
  return digits > 0 && digits < text.length && VALIDATORS.date(text);
}
/** A single capitalized word: a given or a family name in a cell of its own. */
export const isNameWord = (text: string): boolean => /^\p{Lu}[\p{L}'-]+$/u.test(text);
/**
 * A cell shaped like a person's whole name: two or three capitalized words, a middle initial or
 * a surname particle between, or "Last, First" as exports write it.
 */
export const NAME_SHAPE = /^\p{Lu}[\p{L}'-]+(?:(?: \p{Lu}\.?)?(?: (?:de la|de|del|da|dos|van|von|der|di|le) )?(?: ?\p{Lu}[\p{L}'-]+){1,2}|, \p{Lu}[\p{L}'-]+(?: \p{Lu}\.?)?)$/u;
/**
 * Where a row's cells hold a person's name: the index of a cell shaped as a whole name, or the
 * indexes of a given and a family name in two cells side by side ("Rosa", "Garcia"). `known`:
 * the name must have a known given name (false: any name so shaped counts).
 */
export function namesInRow(texts: readonly (string | null)[], known = true): number[][] {
  const found: number[][] = [];
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    // A lower-case word is no name (most headers: "sku", "unit_price"): no regex for it.
    if (t === null || t === undefined || t === '' || (t.charCodeAt(0) >= 0x61 && t.charCodeAt(0) <= 0x7a)) continue;
    if (NAME_SHAPE.test(t)) {
      if (!known || knownGivenName(t)) found.push([i]);
      continue;
    }
    const next = texts[i + 1];
    if (next !== undefined && next !== null && isNameWord(t) && isNameWord(next) && (!known || knownGivenName(`${t} ${next}`))) {
      found.push([i, i + 1]);
      i++;
    }
  }
  return found;
}

/**
 * Is a table's first row data rather than a header that names no PHI field ("SKU,Description,Unit
 * Price")? Data when one of its cells is a whole date or a person's name with a known given
 * name (see namesInRow): only then are the rows worth reading as rows without their header
 * (headerlessTable).
 */
export function firstRowIsData(texts: readonly (string | null)[]): boolean {
  return texts.some((t) => t !== null && isDateCell(t)) || namesInRow(texts).length > 0;
}

/** A cell's content as a byte span; null for a cell that holds no text (a JSON number, null). */
export type Cell = readonly [number, number] | null;

/**
 * A table's rows without their header (a spreadsheet append adds rows under a header the
 * request does not carry; a CSV file without a header row). Its columns are judged by their
 * cells: a column of dates when at least half of its filled cells are whole dates; a column of
 * names (or two side by side, the given and family names apart: "Rosa", "Kihn") when one of its
 * names at least has a known given name (Rosa Kihn) in a row that holds a date, and half of its
 * names do or all of its cells are shaped as names. A table with both is a list of people with
 * their dates: every plausible cell of those columns is a finding.
 */
export function headerlessTable(ctx: FormatContext, structure: Structure, rows: readonly (readonly Cell[])[]): void {
  const { buf } = ctx;
  // A loop, not Math.max(...): a table may have more rows than a call takes arguments.
  let width = 0;
  for (const row of rows) width = Math.max(width, row.length);
  const cell = (row: readonly Cell[], column: number): string | null => {
    const c = row[column];
    return c === undefined || c === null || c[1] <= c[0] ? null : buf.toString('utf8', c[0], c[1]);
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
  // Which rows hold a date, once (a check per name would be rows x date columns).
  const dated = rows.map((row) => dateColumns.some((c) => isDateCell(cell(row, c) ?? '')));
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
      anchored ||= dated[i]!;
    });
    return anchored && (people >= filled * PEOPLE_SHARE || shaped === filled);
  };
  /** Cells of the columns of names: whole names, or given and family names side by side. */
  const names: (readonly [number, number])[] = [];
  const add = (row: readonly Cell[], column: number): void => {
    const text = cell(row, column);
    if (text !== null && plausible('names', text)) names.push(row[column]!);
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
      rows.forEach((row, i) => {
        // Only the rows whose two cells are name words ('' is a row that fills them otherwise).
        if (pairs[i] === null || pairs[i] === '') return;
        add(row, column);
        add(row, column + 1);
      });
    }
  }
  if (names.length === 0) return;
  for (const [start, end] of names) structural(ctx, structure, 'names', start, end);
  for (const column of dateColumns) {
    for (const row of rows) {
      const text = cell(row, column);
      if (text !== null && isDateCell(text)) structural(ctx, structure, 'dates', row[column]![0], row[column]![1]);
    }
  }
}
