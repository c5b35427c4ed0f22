import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shippedDetectorsDir } from '../paths.js';

/**
 * Name lists are data, not code: detectors/data/given-names.txt (SSA baby names) and
 * family-names.txt (1990 Census surnames), one lower-case name a line. Read once, lazily.
 */
function readList(file: string): Set<string> {
  const text = readFileSync(join(shippedDetectorsDir(), 'data', file), 'utf8');
  return new Set(text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')));
}

let given: Set<string> | undefined;
let family: Set<string> | undefined;

export function givenNames(): Set<string> {
  return (given ??= readList('given-names.txt'));
}

export function familyNames(): Set<string> {
  return (family ??= readList('family-names.txt'));
}
