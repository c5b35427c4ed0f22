import { describe, expect, it } from 'vitest';
import { evaluate } from '../../bench/corpus/evaluate.js';
import { generateCorpus } from '../../bench/corpus/generate.js';
import { scanner } from '../helpers/scanner.js';

// The published targets, checked on a smaller corpus from a seed other than the one
// detectors/README.md reports, so a regression in any detector or format shows up here.
describe('the pack meets its targets on a generated labelled corpus', () => {
  const e = evaluate(scanner(), generateCorpus(7, 60));
  const rate = (r: { hit: number; total: number }) => r.hit / r.total;

  it('document recall >= 99.5 %', () => expect(rate(e.docRecall)).toBeGreaterThanOrEqual(0.995));
  it('document false-positive rate <= 0.5 %', () => expect(rate(e.docFalsePositive)).toBeLessThanOrEqual(0.005));
  it('span recall in structured payloads >= 98 %', () => expect(rate(e.structuredSpanRecall)).toBeGreaterThanOrEqual(0.98));
  // Kinds whose documents may carry nothing but a name and a date with no field name to say
  // so (a header-less CSV, a Google Forms submission): found only when the name is read as a
  // person's (a known given name; see headerlessTable and googleFormAnswers), which faker's
  // names are less often than real ones. Every other kind: every document.
  // An event titled "First Last - kind of visit", or someone saying "this is First Last", when
  // the surname names a place too (Hills, Park, Hall) and the given name is not on the list: a
  // place is named that way (see visit-name).
  // A letter introducing a patient whose given name faker draws from words that name no one
  // (a "Name Zulauf", a "Loyal O'Hara": "Patient Name Required" is an error message) or whose
  // surname names a place (West).
  // A message saying who has an appointment or missed one, when the surname names a place and
  // the given name is not on the list ("Jevon West no-showed"), as above; and a work list's
  // "Mireille Hills is in room 11".
  const KNOWN_MISSES = new Map([['forms-and-exports', 0.9], ['calendars-and-alerts', 0.97], ['patient-messages', 0.97], ['case-letters', 0.97], ['scheduling-messages', 0.97], ['work-lists', 0.97]]);
  it('every kind of PHI payload is flagged, every kind of clean payload is not', () => {
    for (const [kind, k] of e.byKind) {
      if (!k.phi) expect(rate(k.flagged), kind).toBe(0);
      else expect(rate(k.flagged), kind).toBeGreaterThanOrEqual(KNOWN_MISSES.get(kind) ?? 1);
    }
  });
});
