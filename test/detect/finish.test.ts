import { describe, expect, it } from 'vitest';
import { finish } from '../../src/detect/scan.js';
import type { Finding } from '../../src/detect/types.js';

/** What finish returns, said the plain way: one finding per detector, span and layer (the most confident, the first of those), sorted by start, end, detector; equal ones in the order they first came. */
function reference(all: Finding[], minConfidence: number): Finding[] {
  const best = new Map<string, Finding>();
  for (const f of all) {
    if (f.confidence < minConfidence) continue;
    const key = `${f.detector}:${f.start}:${f.end}:${f.layer ?? ''}`;
    const prior = best.get(key);
    if (prior === undefined || prior.confidence < f.confidence) best.set(key, f);
  }
  return [...best.values()].sort((a, b) => a.start - b.start || a.end - b.end || (a.detector < b.detector ? -1 : a.detector > b.detector ? 1 : 0));
}

describe('finish: findings settled into the scan result', () => {
  it('keeps the most confident of one detector at one span, per layer; drops those below the threshold', () => {
    const f = (detector: string, start: number, end: number, confidence: number, layer?: string): Finding => ({ detector, identifier: 'ssn', start, end, confidence, ...(layer === undefined ? {} : { layer }) });
    const a = f('us-ssn', 5, 16, 0.6);
    const b = f('us-ssn', 5, 16, 0.9);
    const c = f('us-ssn', 5, 16, 0.9, 'base64');
    const d = f('date', 0, 4, 0.3);
    const e = f('date', 5, 16, 0.7);
    const out = finish([a, d, c, b, e], 0.5);
    // The layer without a name came first (with a), so its finding (b, the more confident) is first.
    expect(out).toEqual([e, b, c]);
    expect(out[1]).toBe(b);
    expect(finish([], 0.5)).toEqual([]);
  });

  it('matches the plain way on random findings with repeats, layers and ties', () => {
    let seed = 3;
    const random = (n: number): number => Math.floor(((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * n);
    for (let k = 0; k < 500; k++) {
      const all: Finding[] = [];
      for (let i = random(30); i > 0; i--) {
        const start = random(8);
        const layer = [undefined, 'base64', 'gzip'][random(3)];
        all.push({ detector: ['date', 'us-ssn', 'npi'][random(3)]!, identifier: 'ssn', start, end: start + 1 + random(3), confidence: [0.3, 0.6, 0.9][random(3)]!, ...(layer === undefined ? {} : { layer }) });
      }
      const expected = reference(all, 0.5);
      const out = finish(all, 0.5);
      expect(out).toEqual(expected);
      // The very objects, in the same order: which of equal findings is kept matters to nobody but must not drift.
      out.forEach((f, i) => expect(f).toBe(expected[i]));
    }
  });
});
