import type { Identifier } from '../types.js';
import { plausible, skipBom, structural, trimSpan, type FormatContext } from './context.js';
import { NameColumn, firstRowIsData, genericNameHeader, headerlessTable } from './tables.js';

const QUOTE = 0x22;

/** Guesses the delimiter from the header line: tab, comma, semicolon or pipe, whichever occurs most. */
export function csvDelimiter(buf: Buffer): number | null {
  const nl = buf.indexOf(0x0a);
  const end = nl === -1 ? Math.min(buf.length, 4096) : nl;
  // One indexed pass for the four candidates (this runs on every text payload's sniff).
  let tab = 0;
  let comma = 0;
  let semicolon = 0;
  let pipe = 0;
  for (let i = 0; i < end; i++) {
    const b = buf[i];
    if (b === 0x09) tab++;
    else if (b === 0x2c) comma++;
    else if (b === 0x3b) semicolon++;
    else if (b === 0x7c) pipe++;
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [d, count] of [[0x09, tab], [0x2c, comma], [0x3b, semicolon], [0x7c, pipe]] as const) {
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/**
 * Calls `cell(row, column, start, end)` for every cell, with the offsets of its content
 * (inside the quotes for quoted cells). RFC 4180 quoting; CR LF or LF line ends.
 */
function forEachCell(buf: Buffer, delimiter: number, cell: (row: number, col: number, start: number, end: number) => boolean | void): void {
  let row = 0;
  let col = 0;
  let i = 0;
  while (i <= buf.length) {
    let start = i;
    let end: number;
    if (buf[i] === QUOTE) {
      start = i + 1;
      let j = start;
      for (;;) {
        const q = buf.indexOf(QUOTE, j);
        if (q === -1) {
          j = buf.length;
          break;
        }
        if (buf[q + 1] === QUOTE) j = q + 2;
        else {
          j = q;
          break;
        }
      }
      end = j;
      i = j + 1;
      while (i < buf.length && buf[i] !== delimiter && buf[i] !== 0x0a) i++;
    } else {
      while (i < buf.length && buf[i] !== delimiter && buf[i] !== 0x0a) i++;
      end = i > start && buf[i - 1] === 0x0d ? i - 1 : i;
    }
    if (cell(row, col, start, end) === false) return;
    if (i >= buf.length) return;
    if (buf[i] === 0x0a) {
      row++;
      col = 0;
    } else {
      col++;
    }
    i++;
  }
}

/**
 * CSV / TSV with a header row: every non-empty cell in a PHI-named column is a finding, and a
 * column under a generic header is one when it is a column of names (see NameColumn). A file
 * whose first row names no such column is read as rows without their header (headerlessTable).
 */
export function csvColumns(ctx: FormatContext): void {
  const { buf } = ctx;
  const delimiter = csvDelimiter(buf);
  if (delimiter === null) return;
  const columns = new Map<number, Identifier>();
  const generic = new Map<number, NameColumn>();
  const headers: string[] = [];
  let headerless = false;
  forEachCell(buf, delimiter, (row, col, start, end) => {
    if (row === 0) {
      // Excel's "CSV UTF-8" begins with a byte order mark, before the first header.
      const header = buf.toString('utf8', col === 0 ? skipBom(buf, start) : start, end);
      headers.push(header);
      const id = ctx.scanner.keys.identify(header);
      if (id !== null) columns.set(col, id);
      else if (genericNameHeader(header)) generic.set(col, new NameColumn());
      return true;
    }
    if (columns.size === 0 && generic.size === 0) {
      // The first row named no PHI column: if it was data, the file has no header row (read
      // again below, the first row included); if it was a header of other fields, stop here.
      headerless = firstRowIsData(headers.map((h) => h.trim()));
      return false;
    }
    const id = columns.get(col);
    if (id !== undefined && plausible(id, buf.toString('utf8', start, end))) structural(ctx, 'csv', id, start, end);
    generic.get(col)?.add(buf, start, end);
    return true;
  });
  for (const column of generic.values()) column.report(ctx, 'csv');
  if (!headerless) return;
  const rows: [number, number][][] = [];
  forEachCell(buf, delimiter, (row, col, start, end) => {
    if (col === 0) rows.push([]);
    rows[rows.length - 1]!.push(trimSpan(buf, row === 0 && col === 0 ? skipBom(buf, start) : start, end));
  });
  headerlessTable(ctx, 'csv', rows);
}

/** True when the first lines look like delimited rows with a consistent column count. */
export function looksLikeCsv(buf: Buffer): boolean {
  // The first five lines of the first 8 KiB, blank ones left out, read as bytes (this runs on
  // every text payload's sniff): the delimiter and line ends are ASCII, so counting bytes
  // counts what splitting the decoded text would. One line (most prose, most single events)
  // cannot be a header and a row: no need to look for a delimiter.
  const end = Math.min(buf.length, 8192);
  const first = buf.indexOf(0x0a);
  if (first === -1 || first >= end) return false;
  const delimiter = csvDelimiter(buf);
  if (delimiter === null) return false;
  let columns = -1;
  let rows = 0;
  let start = 0;
  for (let line = 0; line < 5; line++) {
    let nl = buf.indexOf(0x0a, start);
    if (nl === -1 || nl > end) nl = end;
    let count = 1;
    let blank = true;
    let ascii = true;
    for (let i = start; i < nl; i++) {
      const b = buf[i]!;
      if (b === delimiter) count++;
      else if (b >= 0x80) ascii = false;
      if (blank && b !== 0x20 && (b < 0x09 || b > 0x0d)) blank = false;
    }
    // Whitespace beyond ASCII (no-break space, ideographic space ...) counts as blank too.
    if (!blank && !ascii && buf.toString('utf8', start, nl).trim() === '') blank = true;
    if (!blank) {
      if (columns === -1) columns = count;
      else if (count !== columns) return false;
      rows++;
    }
    if (nl >= end) break;
    start = nl + 1;
  }
  return rows >= 2 && columns >= 2;
}
