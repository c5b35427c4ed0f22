import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/detect/pack.js';
import { IDENTIFIERS } from '../../src/detect/types.js';
import { shippedDetectorsDir } from '../../src/paths.js';
import { scanText } from '../helpers/scanner.js';

const pack = loadPack([shippedDetectorsDir()]);

// Every detector file carries its own examples; the whole pack scans each one, so an example
// also proves that no other detector shadows it.
describe.each(pack.detectors.map((d) => [d.id, d] as const))('detector %s', (_id, d) => {
  it.each(d.examples.match)('finds: %j', (example) => {
    const found = scanText(example).findings.filter((f) => f.detector === d.id);
    expect(found.length).toBeGreaterThan(0);
    if (d.structure === null) for (const f of found) expect(f.identifier).toBe(d.identifier);
  });
  it.each(d.examples.noMatch)('ignores: %j', (example) => {
    expect(scanText(example).findings.filter((f) => f.detector === d.id)).toEqual([]);
  });
});

describe('the pack', () => {
  it('covers every Safe Harbor identifier that can be seen in bytes', () => {
    const covered = new Set(pack.detectors.filter((d) => d.structure === null).map((d) => d.identifier));
    // names..other-id, less photo and biometric: those are images and templates, which the
    // scanner reports as unscannable (binary) or finds by field name (photo, fingerprint).
    for (const id of IDENTIFIERS.filter((i) => i !== 'photo' && i !== 'biometric')) expect(covered).toContain(id);
    const keyed = new Set(pack.keys.keys.keys());
    expect(keyed).toContain('photo');
    expect(keyed).toContain('biometric');
  });

  it('has at least 30 detectors, each with examples both ways', () => {
    expect(pack.detectors.length).toBeGreaterThanOrEqual(30);
    for (const d of pack.detectors) {
      expect(d.examples.match.length, d.id).toBeGreaterThan(0);
      expect(d.examples.noMatch.length, d.id).toBeGreaterThan(0);
    }
  });
});
