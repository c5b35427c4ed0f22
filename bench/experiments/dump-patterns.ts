/**
 * Writes the shipped pack's patterns (one per line) and two corpora (the PHI-dense notes
 * batch and the clean prose batch of bench:scan) for bench/experiments/hyperscan-probe.cc.
 *   node dist/bench/experiments/dump-patterns.js DIR
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createScanner } from '../../src/detect/index.js';
import { generateCorpus } from '../corpus/generate.js';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: dump-patterns DIR');
mkdirSync(dir, { recursive: true });
const patterns = createScanner().detectors.flatMap((d) => d.spec.patterns.map((p) => p.regex));
writeFileSync(join(dir, 'patterns.txt'), `${patterns.join('\n')}\n`);
const corpus = generateCorpus(1, 300);
const joined = (kind: string): string => corpus.filter((d) => d.kind === kind).map((d) => d.body.toString()).join('\n\n');
writeFileSync(join(dir, 'notes.txt'), joined('clinical-note'));
writeFileSync(join(dir, 'prose.txt'), joined('clean-prose'));
console.log(`${patterns.length} patterns, notes and prose written to ${dir}`);
