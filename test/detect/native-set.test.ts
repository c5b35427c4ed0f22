import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import RE2 from 're2';
import { generateCorpus } from '../../bench/corpus/generate.js';
import { createScanner, scan, type Finding } from '../../src/detect/index.js';
import { SET_DFA_BYTES } from '../../src/detect/compile.js';
import { nativeFinder, nativeSet } from '../../src/detect/native-set.js';
import { packageRoot } from '../../src/paths.js';

describe('native/ RE2 sets (a DFA budget of 64 MiB) and node-re2 sets (8 MiB)', () => {
  it('native/ is built by npm ci and the scanner uses it by default', () => {
    expect(nativeSet(), 'native/build/Release/phiwall_re2set.node: run npm ci or npm run build:native').not.toBeNull();
    expect(createScanner().setEngine).toBe('native');
    expect(createScanner({ setEngine: 'node-re2' }).setEngine).toBe('node-re2');
  });

  it('find the same in every document of every eval kind, with one set and with the split sets', () => {
    const corpus = generateCorpus(7, 12);
    const findings = (setEngine: 'native' | 'node-re2', setLayout: 'one' | 'split'): (readonly Finding[])[] => {
      const pack = createScanner({ setEngine, setLayout });
      return corpus.map((d) => scan(pack, d.body, { contentType: d.contentType, contentEncoding: d.contentEncoding }).findings);
    };
    const reference = findings('node-re2', 'one');
    expect(reference.filter((f) => f.length > 0).length).toBeGreaterThan(corpus.length / 3);
    expect(findings('native', 'one')).toEqual(reference);
    expect(findings('native', 'split')).toEqual(reference);
  });

  it('match every entry that matches, numbered as given, ascending; refuse a pattern RE2 refuses, naming it', () => {
    const createSet = nativeSet()!;
    // Numbered as given, though the set compiles them in the order of their sources.
    const out = new Int32Array(4);
    const set = createSet(['\\d{3}-\\d{2}-\\d{4}', '(?i)patient', 'zzz', 'é+'], SET_DFA_BYTES, out);
    const match = (b: Buffer): number[] => [...out.subarray(0, set(b))];
    expect(match(Buffer.from('Patient SSN 536-22-1845, café'))).toEqual([0, 1, 3]);
    expect(match(Buffer.from('nothing here'))).toEqual([]);
    expect(match(Buffer.from('zzz 536-22-1845'))).toEqual([0, 2]);
    // A view into a larger buffer: only its own bytes are read.
    expect(match(Buffer.from('xxxPATIENTzzz').subarray(3, 10))).toEqual([1]);
    expect(() => set('patient' as unknown as Buffer)).toThrow(/Uint8Array/);
    expect(() => createSet(['a', 'b'], SET_DFA_BYTES, new Int32Array(1))).toThrow(/shorter than the set/);
    expect(() => createSet(['a'], SET_DFA_BYTES, new Uint8Array(4) as unknown as Int32Array)).toThrow(/Int32Array/);
    expect(() => createSet(['ok', '(unclosed'], SET_DFA_BYTES, new Int32Array(2))).toThrow(/entry 1: missing \)/);
    expect(() => createSet(['ok'], 10, new Int32Array(1))).toThrow(/at least 1 MiB/);
  });

  it('find every match of a pattern as byte offsets, with the groups asked for, NATIVE_MATCHES at a time', () => {
    const createFinder = nativeFinder()!;
    const find = createFinder('(?P<k>[a-z]+)=(?:"(?P<v>[^"]*)"|(?P<n>\\d+))', [2, 3]);
    const out = new Int32Array(2 * 6);
    const text = Buffer.from('é a="x" b=12 c="" d=7');
    // Two matches fill `out`; the rest come from where the second ended.
    expect(find(text, 0, out)).toBe(2);
    expect([...out]).toEqual([3, 8, 6, 7, -1, -1, 9, 13, -1, -1, 11, 13]);
    expect(find(text, 13, out)).toBe(2);
    expect([...out]).toEqual([14, 18, 17, 17, -1, -1, 19, 22, -1, -1, 21, 22]);
    expect(find(text, 22, out)).toBe(0);
    // An empty match moves on one byte.
    const empty = new Int32Array(2 * 8);
    expect(createFinder('x*', [])(Buffer.from('axxb'), 0, empty)).toBe(4);
    expect([...empty.subarray(0, 8)]).toEqual([0, 0, 1, 3, 3, 3, 4, 4]);
    expect(() => createFinder('(unclosed', [])).toThrow(/RE2Finder: missing \)/);
    expect(() => createFinder('(a)', [2])).toThrow(/no group 2/);
    expect(() => find('text' as unknown as Buffer, 0, out)).toThrow(/Uint8Array/);
  });
});

describe("native/ against node-re2's own RE2 on random patterns (the DFA of native/ is compiled from an edited copy)", () => {
  /** mulberry32: the same patterns and texts on every run. */
  const random = (seed: number): (() => number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const next = random(20261123);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  // A small alphabet, so that matches (and so matching DFA states) are everywhere.
  const ATOMS = ['a', 'b', 'c', '1', ' ', 'é', '[ab]', '[^a ]', '\\d', '\\w', '.', '(?:a|b1)', '(?:c|)'];
  const ASSERTIONS = ['\\b', '\\B', '^', '$'];
  const QUANTIFIERS = ['', '', '', '*', '+', '?', '{2}', '{1,3}', '+?'];
  const piece = (): string => (next() < 0.15 ? pick(ASSERTIONS) : `${pick(ATOMS)}${pick(QUANTIFIERS)}`);
  const pattern = (): string => {
    const one = (): string => Array.from({ length: 1 + Math.floor(next() * 4) }, piece).join('');
    return `${next() < 0.2 ? '(?i)' : ''}${next() < 0.25 ? `(?:${one()}|${one()})` : one()}`;
  };
  const text = (): Buffer => Buffer.from(Array.from({ length: Math.floor(next() * 40) }, () => pick(['a', 'b', 'A', 'c', '1', '2', ' ', 'é', '\n'])).join(''));

  it('sets: the same entries match as in an RE2.Set, call after call on the same set', () => {
    const createSet = nativeSet()!;
    let compared = 0;
    let matched = 0;
    for (let s = 0; s < 150; s++) {
      const sources = Array.from({ length: 6 }, pattern);
      const reference = new RE2.Set(sources, 'u');
      const out = new Int32Array(sources.length);
      const set = createSet(sources, SET_DFA_BYTES, out);
      // The texts twice: the second time every arrow the first built (marked or not) is followed.
      const texts = Array.from({ length: 25 }, text);
      for (const t of [...texts, ...texts]) {
        const got = [...out.subarray(0, set(t))];
        expect(got, `${JSON.stringify(sources)} on ${JSON.stringify(t.toString())}`).toEqual([...reference.match(t)].sort((x, y) => x - y));
        compared++;
        matched += got.length;
      }
    }
    expect(compared).toBe(150 * 50);
    expect(matched).toBeGreaterThan(compared);
  });

  it('sets: the same entries match when the states outgrow the budget and the cache is cleared mid-pass', () => {
    const createSet = nativeSet()!;
    // 'a' then 17 more of [ab] then 'c': a DFA of 2^18 states (which of the last 18 bytes were 'a'),
    // about 40 MiB of them, over a 20 MiB budget (past the 16 MiB from which the states are carved
    // from chunks): a random text of a million bytes fills the cache five times a pass, and RE2
    // clears it (the chunks freed) and goes on (counted in a throwaway build: 5 clears a pass).
    const next = random(7);
    const bytes = Buffer.alloc(1 << 20);
    for (let i = 0; i < bytes.length; i++) bytes[i] = next() < 0.5 ? 0x61 : 0x62;
    const at = 700_000;
    bytes[at - 18] = 0x61;
    bytes[at] = 0x63;
    const sources = ['a[ab]{17}c', 'b[ab]{17}c', 'c[ab]+c', 'ba{30}'];
    const out = new Int32Array(sources.length);
    const set = createSet(sources, 20 << 20, out);
    const expected = [...new RE2.Set(sources, 'u').match(bytes)].sort((x, y) => x - y);
    expect(expected).toContain(0);
    expect(expected).not.toContain(2);
    for (let pass = 0; pass < 2; pass++) expect([...out.subarray(0, set(bytes))]).toEqual(expected);
    // And small texts after the resets, from the states the last pass left.
    expect([...out.subarray(0, set(Buffer.from('xx a' + 'b'.repeat(17) + 'c')))]).toEqual([0]);
    expect([...out.subarray(0, set(Buffer.from('b' + 'a'.repeat(30))))]).toEqual([3]);
  });

  it('finders: the same matches as exec() of node-re2, call after call on the same finder', () => {
    const createFinder = nativeFinder()!;
    const out = new Int32Array(2 * 64);
    let matches = 0;
    for (let p = 0; p < 400; p++) {
      const source = pattern();
      const find = createFinder(source, []);
      const texts = Array.from({ length: 15 }, text);
      for (const t of [...texts, ...texts]) {
        const re = new RE2(source, 'gu');
        const expected: number[] = [];
        let m: ReturnType<RE2['exec']>;
        while ((m = re.exec(t)) !== null) {
          if (m[0].length === 0) re.lastIndex++;
          expected.push(m.index, m.index + Buffer.byteLength(m[0]));
        }
        const n = find(t, 0, out);
        expect([...out.subarray(0, 2 * n)], `${source} on ${JSON.stringify(t.toString())}`).toEqual(expected);
        matches += n;
      }
    }
    expect(matches).toBeGreaterThan(400 * 30);
  });
});

/** RE2's source file `file` (node-re2's vendored re2/re2/) and the copy native/`script` writes of it, as lines. */
function copied(script: string, file: string): { before: string[]; after: string[] } {
  const source = join(packageRoot(), 'node_modules', 're2', 'vendor', 're2', 're2', file);
  const out = join(mkdtempSync(join(tmpdir(), 'phiwall-re2-')), file);
  execFileSync(process.execPath, [join(packageRoot(), 'native', script), source, out], { stdio: 'pipe' });
  return { before: readFileSync(source, 'utf8').split('\n'), after: readFileSync(out, 'utf8').split('\n') };
}

describe("native/bitstate-prog.mjs: RE2's prog.cc with the bit-state engine for larger programs", () => {
  it('raises the limit in the RE2 that npm installed, and changes nothing else', () => {
    const { before, after } = copied('bitstate-prog.mjs', 'prog.cc');
    const changed = after.flatMap((line, i) => (line === before[i] ? [] : [[before[i], line]]));
    // A newer RE2 without the line would compile unchanged (and slower): this says so here first.
    expect(changed).toEqual([['  if (size_ <= 512) {', '  if (size_ <= 16384) {']]);
  });
});

/** The lines of `b` that are not in `a` and of `a` not in `b`, hunk by hunk, by a longest common subsequence. */
function lineDiff(a: readonly string[], b: readonly string[]): { removed: string[]; added: string[] }[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..], one row at a time from the end.
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const hunks: { removed: string[]; added: string[] }[] = [];
  let hunk: { removed: string[]; added: string[] } | null = null;
  for (let i = 0, j = 0; i < n || j < m; ) {
    if (i < n && j < m && a[i] === b[j]) {
      hunk = null;
      i++;
      j++;
      continue;
    }
    if (hunk === null) hunks.push((hunk = { removed: [], added: [] }));
    if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) hunk.added.push(b[j++]!);
    else hunk.removed.push(a[i++]!);
  }
  return hunks;
}

describe("native/dfa-edits.mjs: RE2's dfa.cc with arrows to matching states marked and the sets' states in 2 MiB chunks", () => {
  it('makes its edits in the RE2 that npm installed, all of them, and changes nothing else', () => {
    const { before, after } = copied('dfa-edits.mjs', 'dfa.cc');
    const hunks = lineDiff(before, after);
    // A newer RE2 without one of the texts compiles dfa.cc unchanged (and slower): this says so here first.
    expect(hunks).toEqual([
      { removed: [], added: ['#include <new>', '#if defined(__linux__)', '#include <sys/mman.h>', '#endif'] },
      { removed: [], added: ['#include "absl/base/optimization.h"'] },
      {
        removed: [],
        added: [
          '  // phiwall: the States of a DFA with a large budget, carved from chunks of up to 2 MiB (native/dfa-edits.mjs).',
          '  bool chunked_ = false;',
          '  std::vector<std::pair<char*, size_t>> chunks_;',
          '  size_t chunk_size_ = 0;',
          '  char* chunk_next_ = nullptr;',
          '  size_t chunk_left_ = 0;',
          '  char* ChunkAlloc(size_t n);',
        ],
      },
      { removed: [], added: ['  chunked_ = state_budget_ >= (int64_t{16} << 20);'] },
      {
        removed: [],
        added: [
          '// phiwall: n bytes, 16-byte aligned, from the current chunk or a new one. Chunks grow from 64 KiB to',
          '// 2 MiB, so that a DFA of few States keeps little memory; those of 2 MiB are aligned for huge pages.',
          'char* DFA::ChunkAlloc(size_t n) {',
          '  constexpr size_t kHuge = size_t{2} << 20;',
          '  n = n == 0 ? 16 : (n + 15) & ~size_t{15};',
          '  if (n > chunk_left_) {',
          '    chunk_size_ = chunk_size_ == 0 ? size_t{64} << 10 : std::min(2 * chunk_size_, kHuge);',
          '    size_t size = std::max(chunk_size_, n);',
          '    char* chunk;',
          '    if (size >= kHuge) {',
          '      size = (size + kHuge - 1) & ~(kHuge - 1);',
          '      chunk = static_cast<char*>(::operator new(size, std::align_val_t{kHuge}));',
          '#if defined(__linux__) && defined(MADV_HUGEPAGE)',
          '      madvise(chunk, size, MADV_HUGEPAGE);',
          '#endif',
          '    } else {',
          '      chunk = static_cast<char*>(::operator new(size));',
          '    }',
          '    chunks_.emplace_back(chunk, size);',
          '    chunk_next_ = chunk;',
          '    chunk_left_ = size;',
          '  }',
          '  char* p = chunk_next_;',
          '  chunk_next_ += n;',
          '  chunk_left_ -= n;',
          '  return p;',
          '}',
          '',
        ],
      },
      {
        removed: [],
        added: [
          '// phiwall: an arrow to a matching state carries bit 2 (native/dfa-edits.mjs).',
          'static_assert(__STDCPP_DEFAULT_NEW_ALIGNMENT__ >= 8, "phiwall: DFA states must be 8-byte aligned");',
          '#define MatchMark uintptr_t{4}',
          '#define IsMarked(p) ((reinterpret_cast<uintptr_t>(p) & MatchMark) != 0)',
          '#define Unmarked(p) reinterpret_cast<State*>(reinterpret_cast<uintptr_t>(p) & ~MatchMark)',
        ],
      },
      { removed: ['  char* space = std::allocator<char>().allocate(mem);'], added: ['  char* space = chunked_ ? ChunkAlloc(mem) : std::allocator<char>().allocate(mem);'] },
      { removed: ['  s->inst_ = std::allocator<int>().allocate(ninst);'], added: ['  s->inst_ = chunked_ ? reinterpret_cast<int*>(ChunkAlloc(instmem)) : std::allocator<int>().allocate(ninst);'] },
      { removed: ['    std::allocator<int>().deallocate((*tmp)->inst_, (*tmp)->ninst_);'], added: ['    if (!chunked_) std::allocator<int>().deallocate((*tmp)->inst_, (*tmp)->ninst_);'] },
      { removed: ['    std::allocator<char>().deallocate(reinterpret_cast<char*>(*tmp), mem);'], added: ['    if (!chunked_) std::allocator<char>().deallocate(reinterpret_cast<char*>(*tmp), mem);'] },
      {
        removed: [],
        added: [
          '  for (auto [chunk, size] : chunks_) {',
          '    if (size >= (size_t{2} << 20)) ::operator delete(chunk, std::align_val_t{size_t{2} << 20});',
          '    else ::operator delete(chunk);',
          '  }',
          '  chunks_.clear();',
          '  chunk_size_ = 0;',
          '  chunk_next_ = nullptr;',
          '  chunk_left_ = 0;',
        ],
      },
      { removed: ['  State* ns = state->next_[ByteMap(c)].load(std::memory_order_relaxed);'], added: ['  State* ns = Unmarked(state->next_[ByteMap(c)].load(std::memory_order_relaxed));'] },
      { removed: ['  state->next_[ByteMap(c)].store(ns, std::memory_order_release);'], added: ['  state->next_[ByteMap(c)].store(ns > SpecialStateMax && ns->IsMatch() ? reinterpret_cast<State*>(reinterpret_cast<uintptr_t>(ns) | MatchMark) : ns, std::memory_order_release);'] },
      { removed: [], added: ['    bool maybematch = false;', '    if (ABSL_PREDICT_FALSE(IsMarked(ns))) {', '      maybematch = true;', '      ns = Unmarked(ns);', '    }'] },
      { removed: [], added: ['      maybematch = true;'] },
      { removed: ['    if (s->IsMatch()) {'], added: ['    if (maybematch && s->IsMatch()) {'] },
      { removed: ['  State* ns = s->next_[ByteMap(lastbyte)].load(std::memory_order_acquire);'], added: ['  State* ns = Unmarked(s->next_[ByteMap(lastbyte)].load(std::memory_order_acquire));'] },
    ]);
  });

  it('leaves dfa.cc as it is, and says so, when one edit does not find its text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'phiwall-dfa-'));
    const source = readFileSync(join(packageRoot(), 'node_modules', 're2', 'vendor', 're2', 're2', 'dfa.cc'), 'utf8');
    // Another RE2: the last-byte step reads its arrow differently. No edit may be made alone.
    const other = source.replace('  State* ns = s->next_[ByteMap(lastbyte)].load(std::memory_order_acquire);', '  State* ns = s->next_[ByteMap(lastbyte)].load();');
    expect(other).not.toBe(source);
    writeFileSync(join(dir, 'dfa.cc'), other);
    const run = spawnSync(process.execPath, [join(packageRoot(), 'native', 'dfa-edits.mjs'), join(dir, 'dfa.cc'), join(dir, 'out.cc')], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/is not the dfa.cc this was written for .*RE2's DFA is compiled unchanged/);
    expect(readFileSync(join(dir, 'out.cc'), 'utf8')).toBe(other);
  });
});
