// Writes node-re2's vendored re2/dfa.cc (argv[2]) to argv[3] with each DFA arrow to a matching
// state marked in its pointer (bit 2, free in every allocated State), so that the search loop
// knows whether the state it steps into matches without reading that state's header. native/
// binding.gyp compiles the copy in place of the original; node_modules stays as npm installed it.
//
// Why: the pack's sets and pattern finders compile to DFAs of up to 202 byte classes, so a state
// is 1.6 KiB of arrows, and the states one kind of traffic walks through are megabytes: a step is
// a cache miss for the arrow, and RE2 then reads the new state's flags (another line, the state's
// header) to see whether it matches. With the mark, a step that does not enter a matching state
// reads one line instead of two: clean requests of 0.3-0.5 KiB 6-10 % faster (bench/README,
// "What changed", 33). The arrow is followed as RE2 follows it; only the flag read is skipped,
// and only for states that RE2 built as not matching (their flags never change).
//
// All or nothing: if any edit does not find its text exactly once (another RE2), the copy is
// dfa.cc unchanged, and the build says so.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import console from 'node:console';
import process from 'node:process';

const [from, to] = process.argv.slice(2);
if (from === undefined || to === undefined) throw new Error('usage: node dfa-match-tags.mjs DFA_CC OUT');
const source = readFileSync(from, 'utf8');

/** [text in RE2's dfa.cc, what it becomes]: each text must occur exactly once. */
const EDITS = [
  // The mark, and the guarantee it rests on: States come from operator new, aligned to at least 8.
  [
    '#define SpecialStateMax FullMatchState\n',
    '#define SpecialStateMax FullMatchState\n' +
      '// phiwall: an arrow to a matching state carries bit 2 (native/dfa-match-tags.mjs).\n' +
      'static_assert(__STDCPP_DEFAULT_NEW_ALIGNMENT__ >= 8, "phiwall: DFA states must be 8-byte aligned");\n' +
      '#define MatchMark uintptr_t{4}\n' +
      '#define IsMarked(p) ((reinterpret_cast<uintptr_t>(p) & MatchMark) != 0)\n' +
      '#define Unmarked(p) reinterpret_cast<State*>(reinterpret_cast<uintptr_t>(p) & ~MatchMark)\n',
  ],
  // RunStateOnByte: an arrow already built is returned as the state it points to ...
  [
    '  State* ns = state->next_[ByteMap(c)].load(std::memory_order_relaxed);\n',
    '  State* ns = Unmarked(state->next_[ByteMap(c)].load(std::memory_order_relaxed));\n',
  ],
  // ... and a new arrow is marked when its state matches.
  [
    '  state->next_[ByteMap(c)].store(ns, std::memory_order_release);\n',
    '  state->next_[ByteMap(c)].store(ns > SpecialStateMax && ns->IsMatch() ? reinterpret_cast<State*>(reinterpret_cast<uintptr_t>(ns) | MatchMark) : ns, std::memory_order_release);\n',
  ],
  // The search loop: an unmarked arrow (the usual case) is followed as it is; a marked one is
  // unmarked first; a state just built (no arrow yet) has its flags read as before.
  [
    '    State* ns = s->next_[bytemap[c]].load(std::memory_order_acquire);\n    if (ns == NULL) {\n',
    '    State* ns = s->next_[bytemap[c]].load(std::memory_order_acquire);\n' +
      '    bool maybematch = false;\n' +
      '    if (ABSL_PREDICT_FALSE(IsMarked(ns))) {\n' +
      '      maybematch = true;\n' +
      '      ns = Unmarked(ns);\n' +
      '    }\n' +
      '    if (ns == NULL) {\n' +
      '      maybematch = true;\n',
  ],
  ['    s = ns;\n    if (s->IsMatch()) {\n', '    s = ns;\n    if (maybematch && s->IsMatch()) {\n'],
  // The step past the last byte reads the flags as before.
  [
    '  State* ns = s->next_[ByteMap(lastbyte)].load(std::memory_order_acquire);\n',
    '  State* ns = Unmarked(s->next_[ByteMap(lastbyte)].load(std::memory_order_acquire));\n',
  ],
  ['#include "absl/base/thread_annotations.h"\n', '#include "absl/base/optimization.h"\n#include "absl/base/thread_annotations.h"\n'],
];

let marked = source;
const missing = [];
for (const [text, edited] of EDITS) {
  if (marked.split(text).length !== 2) missing.push(text.trim().split('\n')[0]);
  else marked = marked.replace(text, edited);
}
if (missing.length > 0) {
  console.warn(`phiwall native/: ${from} is not the dfa.cc this was written for (no single "${missing[0]}"); RE2's DFA is compiled unchanged`);
  marked = source;
}
mkdirSync(dirname(to), { recursive: true });
writeFileSync(to, marked);
