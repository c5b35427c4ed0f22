import type { Identifier } from '../types.js';
import { plausible, skipBom, structural, trimSpan, type FormatContext } from './context.js';

/** NM1 entity codes of people whose data is PHI: subscriber/insured, patient, dependent. */
const PERSON_ENTITIES = new Set(['IL', 'QC', '03']);
/** REF qualifiers that carry a person's identifier. */
const REF_QUALIFIERS: Record<string, Identifier> = {
  SY: 'ssn', '1W': 'health-plan', '0F': 'health-plan', IG: 'health-plan', F6: 'health-plan', HJ: 'health-plan',
  '23': 'account', EJ: 'account', EA: 'mrn', '3H': 'other-id', Y4: 'other-id',
};
/** NM108 qualifiers for NM109. */
const NM1_ID_QUALIFIERS: Record<string, Identifier> = { MI: 'health-plan', '34': 'ssn', II: 'other-id', ZZ: 'other-id' };
/** DTP qualifiers for dates about the patient: service, admission, discharge, onset, death. */
const PATIENT_DATES = new Set(['472', '434', '435', '096', '431', '454', '304', '573', '150', '151']);

/** True when the payload starts like an X12 interchange (ISA), after an optional UTF-8 byte order mark and whitespace. */
export function looksLikeX12(buf: Buffer, from = 0): boolean {
  let i = skipBom(buf, from);
  while (i < buf.length && buf[i]! <= 0x20) i++;
  // 'ISA' read as bytes (this runs on every payload's sniff).
  return buf.length - i >= 106 && buf[i] === 0x49 && buf[i + 1] === 0x53 && buf[i + 2] === 0x41;
}

interface Element {
  readonly start: number;
  readonly end: number;
}

/**
 * Reads an X12 interchange with the separators its ISA header declares and reports the
 * subscriber's, patient's and dependent's names, identifiers, birth dates and addresses
 * (NM1, DMG, N3/N4, REF, PER), claim numbers (CLM01) and patient dates (DTP).
 */
export function x12Fields(ctx: FormatContext): void {
  const { buf } = ctx;
  const isa = buf.indexOf('ISA');
  if (isa < 0) return;
  const elementSep = buf[isa + 3]!;
  // ISA has 16 elements; the byte after ISA16 (the component separator) ends the segment.
  let seps = 0;
  let k = isa + 3;
  for (; k < buf.length && seps < 16; k++) if (buf[k] === elementSep) seps++;
  const segmentTerm = buf[k + 1];
  if (segmentTerm === undefined) return;

  let person = false;
  let i = isa;
  while (i < buf.length) {
    let end = buf.indexOf(segmentTerm, i);
    if (end === -1) end = buf.length;
    const [segStart, segEnd] = trimSpan(buf, i, end);
    const elements: Element[] = [];
    let s = segStart;
    for (let j = segStart; j <= segEnd; j++) {
      if (j === segEnd || buf[j] === elementSep) {
        elements.push({ start: s, end: j });
        s = j + 1;
      }
    }
    const text = (n: number): string => {
      const e = elements[n];
      return e === undefined ? '' : buf.toString('latin1', e.start, e.end);
    };
    const report = (n: number, identifier: Identifier): void => {
      const e = elements[n];
      if (e !== undefined && plausible(identifier, text(n))) structural(ctx, 'x12', identifier, e.start, e.end);
    };
    switch (text(0)) {
      case 'NM1':
        person = PERSON_ENTITIES.has(text(1));
        if (person) {
          report(3, 'names');
          report(4, 'names');
          report(5, 'names');
          const q = NM1_ID_QUALIFIERS[text(8)];
          if (q !== undefined) report(9, q);
        }
        break;
      case 'DMG':
        report(2, 'dates');
        break;
      case 'N3':
        if (person) {
          report(1, 'geographic');
          report(2, 'geographic');
        }
        break;
      case 'N4':
        if (person) {
          report(1, 'geographic');
          report(3, 'geographic');
        }
        break;
      case 'REF': {
        const q = REF_QUALIFIERS[text(1)];
        if (q !== undefined && (person || q === 'mrn' || q === 'account')) report(2, q);
        break;
      }
      case 'PER':
        if (person) {
          for (const n of [3, 5, 7]) {
            const q = text(n);
            report(n + 1, q === 'EM' ? 'email' : q === 'FX' ? 'fax' : 'phone');
          }
        }
        break;
      case 'CLM':
        report(1, 'account');
        person = false;
        break;
      case 'DTP':
        if (PATIENT_DATES.has(text(1))) report(3, 'dates');
        break;
      case 'HL':
      case 'SBR':
      case 'PAT':
        break;
      default:
        break;
    }
    i = end + 1;
  }
}
