/**
 * npm run eval [-- --per-kind N] [--seed S] [--write]
 * Precision and recall of the shipped detector pack on the generated labelled corpus.
 * --write replaces the table in detectors/README.md between its eval markers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createScanner } from '../src/detect/index.js';
import { packageRoot } from '../src/paths.js';
import { generateCorpus } from './corpus/generate.js';
import { evaluate, toMarkdown } from './corpus/evaluate.js';

const { values } = parseArgs({
  options: { 'per-kind': { type: 'string', default: '400' }, seed: { type: 'string', default: '20261122' }, write: { type: 'boolean', default: false } },
});
const perKind = Number(values['per-kind']);
const seed = Number(values.seed);
const docs = generateCorpus(seed, perKind);
const started = performance.now();
const e = evaluate(createScanner(), docs);
const seconds = (performance.now() - started) / 1000;
const header = `Corpus: seed ${seed}, ${perKind} documents per kind, ${docs.length} documents (${docs.filter((d) => d.phi).length} with PHI), min_confidence 0.5. Command: \`npm run eval -- --per-kind ${perKind} --seed ${seed}\`.`;
const table = `${header}\n\n${toMarkdown(e)}`;
console.log(table);
console.log(`\n(${docs.length} documents scanned in ${seconds.toFixed(1)} s)`);
if (values.write) {
  const file = join(packageRoot(), 'detectors', 'README.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('<!-- eval:start -->');
  const end = text.indexOf('<!-- eval:end -->');
  if (start === -1 || end === -1) throw new Error(`${file} has no eval markers`);
  writeFileSync(file, `${text.slice(0, start)}<!-- eval:start -->\n${table}\n${text.slice(end)}`);
  console.log(`wrote ${file}`);
}
