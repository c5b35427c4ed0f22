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
  it('every kind of PHI payload is flagged, every kind of clean payload is not', () => {
    for (const [kind, k] of e.byKind) expect(rate(k.flagged), kind).toBe(k.phi ? 1 : 0);
  });
});
