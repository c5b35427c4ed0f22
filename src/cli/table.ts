/**
 * A plain text table: a header row, a rule, and the rows. `numeric` right-aligns every column
 * but the first (benchmark tables); by default all columns are left-aligned.
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], numeric = false): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (numeric && i > 0 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
