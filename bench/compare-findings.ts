/**
 * Are two builds' findings the same? Scans every document of the corpora below with this build's scanner and
 * with another build's, and compares the results byte for byte: the check behind every
 * scanner speed change ("findings identical"). Documents: the eval corpora of three seeds,
 * non-ASCII variants of 2,000 of them, and batches of 20, 60 and 200 of each kind.
 *
 *   git worktree add /tmp/base <commit> && (cd /tmp/base && npm ci && npm run build)
 *   node dist/bench/compare-findings.js /tmp/base
 *
 * Prints up to three differing documents of each kind, by id, with the findings (detector and
 * offsets, never text) only one side has, then how many differ in each kind; exits 1 if any differ.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as here from '../src/detect/index.js';
import { generateCorpus, type LabelledDoc } from './corpus/generate.js';

const other = process.argv[2];
if (other === undefined) {
  console.error('usage: compare-findings OTHER_CHECKOUT (a built phiwall: OTHER/dist/src/detect/index.js)');
  process.exit(2);
}
const there = (await import(pathToFileURL(join(resolve(other), 'dist', 'src', 'detect', 'index.js')).href)) as typeof here;
const mine = here.createScanner();
const theirs = there.createScanner();

let docs: LabelledDoc[] = [...generateCorpus(20261122, 500), ...generateCorpus(99, 300), ...generateCorpus(7, 200)];
docs = docs.concat(docs.slice(0, 2000).map((d) => ({ ...d, id: `${d.id}-utf8`, body: Buffer.from(`Café résumé — ${d.body.toString()} naïve`) })));
for (const kind of new Set(docs.map((d) => d.kind))) {
  const same = docs.filter((d) => d.kind === kind);
  const sep = same[0]!.contentType?.includes('json') === true ? ',' : '\n';
  for (const n of [20, 60, 200]) docs.push({ ...same[0]!, id: `${kind}-batch${n}`, body: Buffer.from(same.slice(0, n).map((d) => d.body.toString()).join(sep)) });
}

const key = (f: here.Finding): string => `${f.detector}@${f.start}-${f.end}${f.layer === undefined ? '' : `/${f.layer}`} ${f.confidence}`;
let differ = 0;
let findings = 0;
const differByKind = new Map<string, number>();
for (const d of docs) {
  const options = { ...(d.contentType === undefined ? {} : { contentType: d.contentType }), ...(d.contentEncoding === undefined ? {} : { contentEncoding: d.contentEncoding }) };
  const a = here.scan(mine, d.body, options);
  const b = there.scan(theirs, d.body, options);
  findings += a.findings.length;
  if (JSON.stringify(a) === JSON.stringify(b)) continue;
  differ++;
  differByKind.set(d.kind, (differByKind.get(d.kind) ?? 0) + 1);
  if (differByKind.get(d.kind)! <= 3) {
    const ka = a.findings.map(key);
    const kb = b.findings.map(key);
    console.log(`${d.kind} ${d.id}: only here [${ka.filter((k) => !kb.includes(k)).slice(0, 5).join(', ')}] only there [${kb.filter((k) => !ka.includes(k)).slice(0, 5).join(', ')}]${a.format !== b.format || a.unscannable !== b.unscannable ? ` format ${a.format}/${b.format} unscannable ${a.unscannable}/${b.unscannable}` : ''}`);
  }
}
console.log(`${docs.length} documents, ${findings} findings here, ${differ} differ${differ === 0 ? '' : `: ${[...differByKind].map(([kind, n]) => `${kind} ${n}`).join(', ')}`}`);
process.exit(differ === 0 ? 0 : 1);
