import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/policy/load.js';
import { PolicyError, formatProblem } from '../../src/policy/yaml-source.js';

const BROKEN = join(import.meta.dirname, '..', 'fixtures', 'broken');
const cases = readdirSync(BROKEN).sort();

function errorsOf(dir: string): string[] {
  try {
    loadPolicy(dir);
  } catch (e) {
    if (e instanceof PolicyError) return e.problems.map(formatProblem);
    throw e;
  }
  return [];
}

// One fixture folder per failure mode; expect.txt holds the line it must produce.
describe('a broken policy fails with file:line:column: message', () => {
  it('has a fixture for every failure mode', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('%s', (name) => {
    const dir = join(BROKEN, name);
    const expected = readFileSync(join(dir, 'expect.txt'), 'utf8').trim();
    const errors = errorsOf(dir);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => e.slice(dir.length + 1))).toContainEqual(expect.stringContaining(expected));
    for (const e of errors) expect(e).toMatch(/^.+\.yaml:\d+:\d+: /);
  });
});

describe('loading', () => {
  it('a directory with only vendors.yaml takes every default', () => {
    const { policy } = loadPolicy(join(BROKEN, '..', 'minimal'));
    expect(policy.settings).toMatchObject({ listen: '127.0.0.1:3128', mode: 'enforce', unknownDestinations: 'block', timezone: 'UTC', connectPorts: [443] });
    expect(policy.settings.audit.path).toBe(join(BROKEN, '..', 'minimal', 'audit/phiwall-audit.jsonl'));
  });

  it('a missing vendors.yaml is an error with its path', () => {
    expect(errorsOf(join(BROKEN, '..', 'no-such-dir'))[0]).toMatch(/no-such-dir\/vendors\.yaml:1:1: file not found/);
  });

  it('reports every error of a file in one run', () => {
    const errors = errorsOf(join(BROKEN, 'unknown-key'));
    expect(errors).toHaveLength(2); // the typo, and the classification it left missing
  });
});
