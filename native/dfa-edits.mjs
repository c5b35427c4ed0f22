// Writes node-re2's vendored re2/dfa.cc (argv[2]) to argv[3] with two changes to how RE2's DFAs
// keep their states; native/binding.gyp compiles the copy in place of the original, and
// node_modules stays as npm installed it. Both are about memory latency: the pack's sets and
// pattern finders compile to DFAs of up to 202 byte classes, so a state is 1.6 KiB of arrows, and
// the states one kind of traffic walks through are megabytes. A step of the search is a cache miss
// for the arrow it follows, and traffic of many kinds misses the address translation cache too.
//
// 1. Each arrow to a matching state is marked in its pointer (bit 2, free in every State, which
//    operator new aligns to at least 8), so that the search loop knows whether the state it steps
//    into matches without reading that state's header: a step into a state that does not match
//    reads one cache line instead of two. Clean requests of 0.3-0.5 KiB 6-10 % faster. The arrow
//    is followed as RE2 follows it; only the flag read is skipped, and only for states RE2 built
//    as not matching (a state's flags never change).
// 2. The states of a DFA with a budget of 16 MiB or more (phiwall's sets, 64 MiB) are carved from
//    chunks, not allocated one by one: chunks of 64 KiB doubling up to 2 MiB, and those of 2 MiB
//    Linux is asked to back with huge pages (madvise MADV_HUGEPAGE; a no-op where transparent huge
//    pages are off), so that the tens of MiB of states traffic of many kinds needs take tens of
//    address translations, not thousands, while a set with few states holds little memory. The
//    chunks are freed together when RE2 clears the cache (it frees every state then anyway).
//    Shuffled traffic of many kinds about 5 % faster. The pattern finders' DFAs (small budgets) keep
//    RE2's own allocation: a 2 MiB chunk each would be hundreds of MiB.
// (bench/README, "What changed", 33.)
//
// All or nothing: if any edit does not find its text exactly once (another RE2), the copy is
// dfa.cc unchanged, and the build says so.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import console from 'node:console';
import process from 'node:process';

const [from, to] = process.argv.slice(2);
if (from === undefined || to === undefined) throw new Error('usage: node dfa-edits.mjs DFA_CC OUT');
const source = readFileSync(from, 'utf8');

/** [text in RE2's dfa.cc, what it becomes]: each text must occur exactly once. */
const EDITS = [
  // The mark, and the guarantee it rests on: States come from operator new, aligned to at least 8.
  [
    '#define SpecialStateMax FullMatchState\n',
    '#define SpecialStateMax FullMatchState\n' +
      '// phiwall: an arrow to a matching state carries bit 2 (native/dfa-edits.mjs).\n' +
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
  // The sets' states in chunks of 2 MiB: the headers it needs, ...
  [
    '#include <vector>\n',
    '#include <vector>\n#include <new>\n#if defined(__linux__)\n#include <sys/mman.h>\n#endif\n',
  ],
  // ... the chunks, kept by the DFA ...
  [
    '  StateSet state_cache_;   // All States computed so far.\n',
    '  StateSet state_cache_;   // All States computed so far.\n' +
      '  // phiwall: the States of a DFA with a large budget, carved from chunks of up to 2 MiB (native/dfa-edits.mjs).\n' +
      '  bool chunked_ = false;\n' +
      '  std::vector<std::pair<char*, size_t>> chunks_;\n' +
      '  size_t chunk_size_ = 0;\n' +
      '  char* chunk_next_ = nullptr;\n' +
      '  size_t chunk_left_ = 0;\n' +
      '  char* ChunkAlloc(size_t n);\n',
  ],
  // ... for a DFA whose budget is large (16 MiB or more) ...
  ['  state_budget_ = mem_budget_;\n', '  state_budget_ = mem_budget_;\n  chunked_ = state_budget_ >= (int64_t{16} << 20);\n'],
  // ... carved 16 bytes at a time, a new chunk when the current one is used up ...
  [
    'DFA::~DFA() {\n',
    '// phiwall: n bytes, 16-byte aligned, from the current chunk or a new one. Chunks grow from 64 KiB to\n' +
      '// 2 MiB, so that a DFA of few States keeps little memory; those of 2 MiB are aligned for huge pages.\n' +
      'char* DFA::ChunkAlloc(size_t n) {\n' +
      '  constexpr size_t kHuge = size_t{2} << 20;\n' +
      '  n = n == 0 ? 16 : (n + 15) & ~size_t{15};\n' +
      '  if (n > chunk_left_) {\n' +
      '    chunk_size_ = chunk_size_ == 0 ? size_t{64} << 10 : std::min(2 * chunk_size_, kHuge);\n' +
      '    size_t size = std::max(chunk_size_, n);\n' +
      '    char* chunk;\n' +
      '    if (size >= kHuge) {\n' +
      '      size = (size + kHuge - 1) & ~(kHuge - 1);\n' +
      '      chunk = static_cast<char*>(::operator new(size, std::align_val_t{kHuge}));\n' +
      '#if defined(__linux__) && defined(MADV_HUGEPAGE)\n' +
      '      madvise(chunk, size, MADV_HUGEPAGE);\n' +
      '#endif\n' +
      '    } else {\n' +
      '      chunk = static_cast<char*>(::operator new(size));\n' +
      '    }\n' +
      '    chunks_.emplace_back(chunk, size);\n' +
      '    chunk_next_ = chunk;\n' +
      '    chunk_left_ = size;\n' +
      '  }\n' +
      '  char* p = chunk_next_;\n' +
      '  chunk_next_ += n;\n' +
      '  chunk_left_ -= n;\n' +
      '  return p;\n' +
      '}\n' +
      '\n' +
      'DFA::~DFA() {\n',
  ],
  ['  char* space = std::allocator<char>().allocate(mem);\n', '  char* space = chunked_ ? ChunkAlloc(mem) : std::allocator<char>().allocate(mem);\n'],
  ['  s->inst_ = std::allocator<int>().allocate(ninst);\n', '  s->inst_ = chunked_ ? reinterpret_cast<int*>(ChunkAlloc(instmem)) : std::allocator<int>().allocate(ninst);\n'],
  // ... and freed together when the cache is cleared (a reset, or the DFA's end).
  ['    std::allocator<int>().deallocate((*tmp)->inst_, (*tmp)->ninst_);\n', '    if (!chunked_) std::allocator<int>().deallocate((*tmp)->inst_, (*tmp)->ninst_);\n'],
  ['    std::allocator<char>().deallocate(reinterpret_cast<char*>(*tmp), mem);\n', '    if (!chunked_) std::allocator<char>().deallocate(reinterpret_cast<char*>(*tmp), mem);\n'],
  [
    '  state_cache_.clear();\n}\n',
    '  state_cache_.clear();\n' +
      '  for (auto [chunk, size] : chunks_) {\n' +
      '    if (size >= (size_t{2} << 20)) ::operator delete(chunk, std::align_val_t{size_t{2} << 20});\n' +
      '    else ::operator delete(chunk);\n' +
      '  }\n' +
      '  chunks_.clear();\n' +
      '  chunk_size_ = 0;\n' +
      '  chunk_next_ = nullptr;\n' +
      '  chunk_left_ = 0;\n' +
      '}\n',
  ],
  ['#include "absl/base/thread_annotations.h"\n', '#include "absl/base/optimization.h"\n#include "absl/base/thread_annotations.h"\n'],
];

let copy = source;
const missing = [];
for (const [text, edited] of EDITS) {
  if (copy.split(text).length !== 2) missing.push(text.trim().split('\n')[0]);
  else copy = copy.replace(text, edited);
}
if (missing.length > 0) {
  console.warn(`phiwall native/: ${from} is not the dfa.cc this was written for (no single "${missing[0]}"); RE2's DFA is compiled unchanged`);
  copy = source;
}
mkdirSync(dirname(to), { recursive: true });
writeFileSync(to, copy);
