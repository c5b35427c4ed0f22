import type { Identifier } from '../types.js';
import { plausible, skipBom, structural, trimSpan, type FormatContext } from './context.js';

/** HL7 v2 fields that hold PHI: segment -> field number -> identifier. */
const PHI_FIELDS: Record<string, Record<number, Identifier>> = {
  PID: { 2: 'mrn', 3: 'mrn', 4: 'mrn', 5: 'names', 6: 'names', 7: 'dates', 9: 'names', 11: 'geographic', 13: 'phone', 14: 'phone', 18: 'account', 19: 'ssn', 20: 'license', 21: 'other-id', 29: 'dates' },
  NK1: { 2: 'names', 4: 'geographic', 5: 'phone', 6: 'phone', 16: 'dates', 37: 'ssn' },
  GT1: { 2: 'account', 3: 'names', 4: 'names', 5: 'geographic', 6: 'phone', 7: 'phone', 8: 'dates', 12: 'ssn' },
  IN1: { 16: 'names', 18: 'dates', 19: 'geographic', 36: 'health-plan', 49: 'health-plan' },
  IN2: { 1: 'other-id', 2: 'ssn', 8: 'other-id' },
  PV1: { 19: 'account', 44: 'dates', 45: 'dates' },
  MRG: { 1: 'mrn', 3: 'account' },
};

/**
 * True when the payload starts like an HL7 v2 message: MSH and its delimiters, or a batch
 * file's FHS / BHS header (which declare the same delimiters), after an optional UTF-8 byte
 * order mark, whitespace and MLLP's start block.
 */
export function looksLikeHl7(buf: Buffer, from = 0): boolean {
  let i = skipBom(buf, from);
  while (i < buf.length && (buf[i] === 0x0b || buf[i]! <= 0x20)) i++;
  if (buf.length - i < 8 || buf[i + 3] === buf[i + 4]) return false;
  // Read as bytes: this runs on every payload's sniff, a string per call would cost more than the test.
  const [a, b, c] = [buf[i], buf[i + 1], buf[i + 2]];
  return (a === 0x4d && b === 0x53 && c === 0x48) || (b === 0x48 && c === 0x53 && (a === 0x46 || a === 0x42)); // MSH, FHS, BHS
}

/**
 * Reads every segment with the delimiters that MSH declares and reports the PHI fields of
 * PID, NK1, GT1, IN1/IN2, PV1 and MRG with exact byte offsets.
 */
export function hl7Fields(ctx: FormatContext): void {
  const { buf } = ctx;
  let i = buf.indexOf('MSH');
  if (i < 0) return;
  const fieldSep = buf[i + 3]!;
  const repSep = buf[i + 5]!;
  while (i < buf.length) {
    let end = i;
    while (end < buf.length && buf[end] !== 0x0d && buf[end] !== 0x0a && buf[end] !== 0x1c) end++;
    const name = buf.toString('latin1', i, i + 3);
    const table = PHI_FIELDS[name];
    if (table !== undefined && buf[i + 3] === fieldSep) {
      let field = 0;
      let start = i + 4;
      for (let j = i + 4; j <= end; j++) {
        if (j === end || buf[j] === fieldSep) {
          field++;
          const identifier = table[field];
          if (identifier !== undefined) reportRepetitions(ctx, identifier, start, j, repSep);
          start = j + 1;
        }
      }
    }
    i = end + 1;
    while (i < buf.length && (buf[i] === 0x0d || buf[i] === 0x0a || buf[i] === 0x1c)) i++;
  }
}

function reportRepetitions(ctx: FormatContext, identifier: Identifier, start: number, end: number, repSep: number): void {
  let s = start;
  for (let j = start; j <= end; j++) {
    if (j === end || ctx.buf[j] === repSep) {
      const [a, b] = trimSpan(ctx.buf, s, j);
      const value = ctx.buf.toString('latin1', a, b);
      // '""' is HL7's explicit null; component separators alone carry nothing.
      if (value !== '""' && plausible(identifier, value.replace(/[\^&]/g, ' '))) structural(ctx, 'hl7v2', identifier, a, b);
      s = j + 1;
    }
  }
}
