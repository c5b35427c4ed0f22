/**
 * Writes what the scanner's one RE2 set sees on the eval corpus, for
 * bench/experiments/re2set-budget.cc: the set's entries (sources.txt, one base64 line each) and
 * every buffer a one-set pass reads while the whole corpus is scanned (buffers.bin, each a
 * little-endian uint32 length and the bytes), in corpus order, kind after kind.
 *   node dist/bench/experiments/dump-set-inputs.js DIR
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { generateCorpus } from '../corpus/generate.js';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: dump-set-inputs DIR');
mkdirSync(dir, { recursive: true });

// node-re2's Set, wrapped before the scanner is loaded: each set remembers its entries and
// hands the buffers of its passes to `seen`.
type SetLike = { match(b: Buffer): number[] };
const RE2 = createRequire(import.meta.url)('re2') as { Set: new (sources: string[], flags: string) => SetLike };
const Original = RE2.Set;
const sets: string[][] = [];
const passes: { set: number; buf: Buffer }[] = [];
RE2.Set = function (sources: string[], flags: string): SetLike {
  const set = new Original(sources, flags);
  const number = sets.push([...sources]) - 1;
  return { match: (buf) => (passes.push({ set: number, buf: Buffer.from(buf) }), set.match(buf)) };
} as unknown as typeof RE2.Set;

const { createScanner, scan } = await import('../../src/detect/index.js');
// node-re2's sets, which the wrapper above sees (native/'s, the default where it was built, it would not).
const scanner = createScanner({ setLayout: 'one', setEngine: 'node-re2' });
for (const d of generateCorpus(99, 100)) scan(scanner, d.body, { contentType: d.contentType, contentEncoding: d.contentEncoding });

// The one set of all entries (small payloads run the set of the leading entries, and the gated
// patterns only where their words are: their buffers are read here by the set of all entries).
const bySize = sets.map((sources, i) => [sources.length, i] as const).sort((a, b) => b[0] - a[0]);
const [all, leading] = [bySize[0]![1], bySize[1]![1]];
const buffers = passes.filter((p) => p.set === all || p.set === leading).map((p) => p.buf);
writeFileSync(join(dir, 'sources.txt'), `${sets[all]!.map((s) => Buffer.from(s).toString('base64')).join('\n')}\n`);
writeFileSync(join(dir, 'buffers.bin'), Buffer.concat(buffers.flatMap((b) => [Buffer.from(Uint32Array.of(b.length).buffer), b])));
console.log(`${sets[all]!.length} entries, ${buffers.length} buffers (${buffers.reduce((n, b) => n + b.length, 0)} bytes) written to ${dir}`);
