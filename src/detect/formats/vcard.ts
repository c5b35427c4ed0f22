import type { Normalized } from '../decode.js';
import type { Identifier } from '../types.js';
import { plausible, structural, type FormatContext } from './context.js';

/** vCard properties that hold a person's identifiers. */
const PROPERTIES: Readonly<Record<string, Identifier>> = {
  FN: 'names',
  N: 'names',
  NICKNAME: 'names',
  BDAY: 'dates',
  ANNIVERSARY: 'dates',
  TEL: 'phone',
  EMAIL: 'email',
  ADR: 'geographic',
  LABEL: 'geographic',
};

/**
 * RFC 5545 / 6350 line folding (a line break followed by a space or tab continues the line,
 * so a value may be cut anywhere: `SSN 536-22-\r\n 1845`) undone, each output byte mapped to
 * the input. Null when nothing is folded.
 */
export function unfold(buf: Buffer): Normalized | null {
  let at = buf.indexOf('\n ');
  const tab = buf.indexOf('\n\t');
  if (at === -1 || (tab !== -1 && tab < at)) at = tab;
  if (at === -1) return null;
  const out = Buffer.allocUnsafe(buf.length);
  const map = new Int32Array(buf.length + 1);
  let o = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    const next = buf[i + 1];
    const after = buf[i + 2];
    if (b === 0x0d && next === 0x0a && (after === 0x20 || after === 0x09)) {
      i += 2;
      continue;
    }
    if (b === 0x0a && (next === 0x20 || next === 0x09)) {
      i += 1;
      continue;
    }
    out[o] = b;
    map[o++] = i;
  }
  map[o] = buf.length;
  return { buf: out.subarray(0, o), map: map.subarray(0, o + 1) };
}

/**
 * The PHI properties of the vCards in `ctx.buf` (already unfolded): each line inside
 * BEGIN:VCARD ... END:VCARD whose name (before `;` parameters or `:`, with an optional
 * `group.` prefix) is in PROPERTIES reports its value.
 */
export function vcardFields(ctx: FormatContext): void {
  const { buf } = ctx;
  let inCard = false;
  let i = 0;
  while (i < buf.length) {
    let end = buf.indexOf(0x0a, i);
    if (end === -1) end = buf.length;
    const lineEnd = end > i && buf[end - 1] === 0x0d ? end - 1 : end;
    // The colon on this line only (a search past it would make many lines without one quadratic).
    const found = buf.subarray(i, lineEnd).indexOf(0x3a);
    if (found !== -1) {
      const colon = i + found;
      const head = buf.toString('latin1', i, colon).toUpperCase();
      const property = head.trim();
      if (property === 'BEGIN' && buf.toString('latin1', colon + 1, lineEnd).trim().toUpperCase() === 'VCARD') inCard = true;
      else if (property === 'END') inCard = false;
      else if (inCard) {
        const name = head.split(';')[0]!.split('.').pop()!.trim();
        const identifier = PROPERTIES[name];
        if (identifier !== undefined) {
          const text = buf.toString('utf8', colon + 1, lineEnd);
          // N and ADR separate their parts with ';': letters anywhere make it a value.
          if (plausible(identifier, text.replace(/;/g, ' '))) structural(ctx, 'vcard', identifier, colon + 1, lineEnd);
        }
      }
    }
    i = end + 1;
  }
}
