import { describe, expect, it } from 'vitest';
import { walkJson } from '../../src/detect/formats/json-walk.js';

type Event = [string, string | null];

/** What walkJson should report for a parsed document, in document order (numbers and strings as scalars; true, false and null not at all). */
function expected(value: unknown, key: string | null, out: Event[]): void {
  if (Array.isArray(value)) {
    out.push(['open', key]);
    for (const v of value) expected(v, null, out);
    out.push(['close', null]);
  } else if (value !== null && typeof value === 'object') {
    out.push(['open', key]);
    for (const [k, v] of Object.entries(value)) expected(v, k, out);
    out.push(['close', null]);
  } else if (typeof value === 'string' || typeof value === 'number') {
    out.push(['scalar', key]);
  }
}

function walked(text: string): Event[] {
  const out: Event[] = [];
  walkJson(Buffer.from(text), {
    open: (_isObject, key) => out.push(['open', key]),
    close: () => out.push(['close', null]),
    scalar: (key) => out.push(['scalar', key]),
  });
  return out;
}

describe('walkJson: member names', () => {
  it('reports every member name as written, however often names repeat and whatever they hold', () => {
    let seed = 5;
    const rnd = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const alphabet = ['a', 'b', 'Z', '_', '-', '.', '1', 'é', '名', ' ', '$', '@'];
    // Over 2,000 names of 1-30 characters: more than the walker keeps, names of one length
    // that differ in one byte, names with spaces and beyond ASCII, names longer than it keeps.
    const names = Array.from({ length: 2500 }, () => Array.from({ length: 1 + Math.floor(rnd() * (rnd() < 0.9 ? 8 : 30)) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(''));
    const pick = (): string => names[Math.floor(rnd() * names.length)]!;
    const doc = (depth: number): unknown => {
      const r = rnd();
      if (depth > 3 || r < 0.3) return rnd() < 0.5 ? 'v' : 42;
      if (r < 0.45) return Array.from({ length: Math.floor(rnd() * 4) }, () => doc(depth + 1));
      return Object.fromEntries(Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => [pick(), doc(depth + 1)]));
    };
    for (let n = 0; n < 300; n++) {
      const value = { [pick()]: doc(0), [pick()]: doc(0), family: 'x', given: ['y'] };
      const want: Event[] = [];
      expected(value, null, want);
      expect(walked(JSON.stringify(value))).toEqual(want);
    }
  });
});
