// Writes node-re2's vendored re2/prog.cc (argv[2]) to argv[3] with RE2's bit-state engine allowed
// for programs of up to 16,384 instructions, not 512. native/binding.gyp compiles the copy in
// place of the original; node_modules stays as npm installed it.
//
// Why: RE2 finds a match's span with its DFAs, then the positions of its groups by running a
// submatch engine over the span: the bit-state engine (a backtracker that remembers where it has
// been) for programs of up to 512 instructions, else the NFA, which steps every thread of the
// program through every byte. The detectors' name patterns (label words folded for case, letters
// of several alphabets) compile to 500-5,000 instructions: 5-10 µs a match in the NFA. The 512 is
// RE2's bound on a table of two bytes per instruction (1 KiB); 16,384 makes it 32 KiB, and the
// bit-state engine still takes only spans short enough for its bitmap (256 Kbit). Both engines are
// RE2's and give the same groups (bench/README, "What changed", 32).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import console from 'node:console';
import process from 'node:process';

const [from, to] = process.argv.slice(2);
if (from === undefined || to === undefined) throw new Error('usage: node bitstate-prog.mjs PROG_CC OUT');
const source = readFileSync(from, 'utf8');
const limit = '  if (size_ <= 512) {';
const raised = source.replace(limit, '  if (size_ <= 16384) {');
// Another RE2 than the one this was written for: compile prog.cc as it is (the same results, slower).
if (raised === source) console.warn(`phiwall native/: no "${limit.trim()}" in ${from}; RE2's own bit-state limit stays`);
mkdirSync(dirname(to), { recursive: true });
writeFileSync(to, raised);
