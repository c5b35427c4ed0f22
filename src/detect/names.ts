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

/**
 * `text` lower-cased and without diacritics ("Teléfono" as telefono, "García" as garcia): the
 * name lists and the field names are ASCII. Text that is ASCII already is returned as it is
 * (a loop, not a regex: this runs for every key, header and candidate name).
 */
export function folded(text: string): string {
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) if (lower.charCodeAt(i) >= 0x80) return lower.normalize('NFD').replace(/\p{M}/gu, '');
  return lower;
}
