import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScanner, scan } from '../../src/detect/index.js';
import { PolicyError, formatProblem } from '../../src/policy/yaml-source.js';
import { tempDir } from '../helpers/temp.js';

function folderWith(files: Record<string, string>): string {
  const dir = tempDir('detectors');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function loadErrors(dir: string): string[] {
  try {
    createScanner({ detectorDirs: [dir] });
  } catch (e) {
    if (e instanceof PolicyError) return e.problems.map(formatProblem);
    throw e;
  }
  return [];
}

describe('a bad detector fails at load with its file and the reason', () => {
  it('a backtracking-only construct is not RE2', () => {
    const dir = folderWith({ 'bad.yaml': "id: bad\nidentifier: ssn\npatterns:\n  - '(\\d+)\\1'\nexamples: { match: [a], no_match: [b] }\n" });
    expect(loadErrors(dir)).toContainEqual(expect.stringMatching(/bad\.yaml:4:5: pattern is not valid RE2: invalid escape sequence/));
  });

  it('a pattern that can match the empty string', () => {
    const dir = folderWith({ 'bad.yaml': "id: bad\nidentifier: ssn\npatterns:\n  - '\\bx*'\nexamples: { match: [x], no_match: [y] }\n" });
    expect(loadErrors(dir)).toContainEqual(expect.stringMatching(/bad\.yaml:4:5: pattern can match the empty string/));
  });

  it('an unknown identifier, validator or key', () => {
    const dir = folderWith({
      'bad.yaml': "id: bad\nidentifier: secret\nvalidator: magic\npaterns: ['x']\nexamples: { match: [a], no_match: [b] }\n",
    });
    const errors = loadErrors(dir).join('\n');
    expect(errors).toMatch(/bad\.yaml:2:13: identifier must be one of/);
    expect(errors).toMatch(/bad\.yaml:3:12: validator must be one of/);
    expect(errors).toMatch(/bad\.yaml:4:1: unknown key "paterns" in detector; did you mean "patterns"\?/);
  });

  it('a detector without examples both ways', () => {
    const dir = folderWith({ 'bad.yaml': "id: bad\nidentifier: ssn\npatterns: ['x']\nexamples: { match: [a], no_match: [] }\n" });
    expect(loadErrors(dir)).toEqual([expect.stringMatching(/bad\.yaml:4:11: detector "bad" needs at least one match and one no_match example/)]);
  });

  it('an extra folder adds detectors, and a same id replaces the shipped one', () => {
    const dir = folderWith({
      'badge.yaml': "id: staff-badge\nidentifier: other-id\npatterns: ['\\bBADGE-\\d{6}\\b']\nconfidence: { base: 0.9 }\nexamples: { match: [BADGE-123456], no_match: [BADGE-12] }\n",
      'ssn.yaml': "id: us-ssn\nidentifier: ssn\npatterns: ['\\bNEVER\\b']\nexamples: { match: [NEVER], no_match: [x] }\n",
    });
    const s = createScanner({ detectorDirs: [dir] });
    const r = scan(s, Buffer.from('BADGE-123456 and 536-22-1845'));
    expect(r.findings.map((f) => f.detector)).toEqual(['staff-badge']);
  });

  it('a trigger that is not RE2, matches the empty string or has no patterns to run', () => {
    const dir = folderWith({
      'a.yaml': "id: a\nidentifier: other-id\npatterns: ['\\bX\\d+']\ntrigger: '(?=x)'\nexamples: { match: [X1], no_match: [y] }\n",
      'b.yaml': "id: b\nidentifier: other-id\npatterns: ['\\bX\\d+']\ntrigger: 'x*'\nexamples: { match: [X1], no_match: [y] }\n",
      'c.yaml': "id: c\nidentifier: other-id\nstructure: csv\ntrigger: 'x'\nexamples: { match: [X1], no_match: [y] }\n",
    });
    const errors = loadErrors(dir).join('\n');
    expect(errors).toMatch(/a\.yaml:4:10: trigger is not valid RE2/);
    expect(errors).toMatch(/b\.yaml:4:10: trigger can match the empty string/);
    expect(errors).toMatch(/c\.yaml:4:10: a trigger needs patterns to run/);
  });

  it("a detector's trigger: its patterns run over a payload only where the trigger matches", () => {
    const dir = folderWith({
      'badge.yaml': "id: staff-badge\nidentifier: other-id\npatterns: ['\\bBADGE-\\d{6}\\b']\ntrigger: '(?i)issued'\nconfidence: { base: 0.9 }\nexamples: { match: [BADGE-123456 issued], no_match: [BADGE-123456] }\n",
    });
    const s = createScanner({ detectorDirs: [dir] });
    // The trigger anywhere in the payload (after the value too); offsets as without one.
    expect(scan(s, Buffer.from('BADGE-123456 was issued today')).findings).toEqual([expect.objectContaining({ detector: 'staff-badge', start: 0, end: 12 })]);
    expect(scan(s, Buffer.from('BADGE-123456 was lost today')).findings.filter((f) => f.detector === 'staff-badge')).toEqual([]);
    // Beside a gated detector's words (a second set pass) and a free pattern, in a large payload too (one pass).
    const mixed = `Issued BADGE-654321. SSN 536-22-1845. Patient DOB 02/11/1947. ${'filler '.repeat(200)}`;
    expect(scan(s, Buffer.from(mixed)).findings.map((f) => f.detector)).toEqual(expect.arrayContaining(['staff-badge', 'us-ssn', 'date']));
  });

  it("the clinic's own MRN formats from policy become a detector", () => {
    const s = createScanner({ mrnPatterns: ['\\bRB-\\d{7}\\b'] });
    const r = scan(s, Buffer.from('chart RB-0012345 attached'));
    expect(r.findings).toEqual([expect.objectContaining({ detector: 'clinic-mrn', identifier: 'mrn', start: 6, end: 16 })]);
  });

  it('an MRN format that can match the empty string still scans to the end (node-re2 match() would loop)', () => {
    const s = createScanner({ mrnPatterns: ['(?:RB-)?\\d*'] });
    const long = Buffer.from(`chart RB-0012345 attached ${'and more text '.repeat(800)} RB99`);
    const r = scan(s, long);
    const spans = r.findings.filter((f) => f.detector === 'clinic-mrn' && f.end > f.start);
    expect(spans.map((f) => long.toString('latin1', f.start, f.end))).toEqual(['RB-0012345', '99']);
  });
});
