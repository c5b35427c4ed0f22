import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Some name detectors share long regex pieces (a name's shape, the words of care): their files
// are printed by detectors/generators/*.mjs, and must be what those print, or an edit made to
// one side only would be lost the next time the other is regenerated.
const dir = join(import.meta.dirname, '..', '..', 'detectors');
const generators = readdirSync(join(dir, 'generators')).filter((n) => n.startsWith('person-name-') && n.endsWith('.mjs'));

describe('generated detector files', () => {
  it('there are generators', () => {
    expect(generators.length).toBeGreaterThanOrEqual(7);
  });

  it.each(generators)('%s prints its detector file as committed', (name) => {
    const printed = execFileSync(process.execPath, [join(dir, 'generators', name)], { encoding: 'utf8' });
    expect(printed).toBe(readFileSync(join(dir, name.replace(/\.mjs$/, '.yaml')), 'utf8'));
  });
});
