// phiwall's RE2 set: the program RE2::Set compiles, with a DFA budget of the caller's choosing
// (and, at the end, a base64 run reader for src/detect/decode.ts).
//
// node-re2's RE2.Set compiles with RE2's default max_mem (8 MiB) and offers no other. The DFA of a
// set of the detector pack's entries builds its states as the input needs them and keeps them in a
// cache of that budget; traffic of many kinds, and PHI-dense notes and log batches, need more states
// than it holds, and the cache is then emptied and rebuilt over and over (bench/README, "What
// changed", 28-29). This is the same RE2 (node-re2's vendored sources, built by native/binding.gyp),
// compiled as RE2::Set compiles (re2/set.cc), with options.max_mem as given and nothing allocated
// per call. Patterns are RE2 syntax as given: the scanner's set entries use none of the JavaScript
// forms node-re2 translates (\uXXXX, \p{Long_Name}, (?<name>...)), and a pattern RE2 refuses is an
// error here, never a silent difference; a test scans the eval corpus with these sets and with
// node-re2's and compares.
//
//   const match = createSet(sources: string[], maxMemBytes: number, out: Int32Array)
//   match(bytes: Uint8Array): number   // how many entries match; their numbers, ascending, in out
//   const find = createFinder(source: string, groups: number[])
//   find(bytes: Uint8Array, from: number, out: Int32Array): number   // matches as [start, end, group spans...]
//   const base64Runs = createBase64Reader(out: Int32Array)
//   base64Runs(bytes: Uint8Array): number   // src/detect/decode.ts base64Runs, 16 bytes a step: pairs in out
#include <node_api.h>
#include <re2/prog.h>
#include <re2/re2.h>
#include <re2/regexp.h>
#include <re2/sparse_set.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace {

napi_value Fail(napi_env env, const std::string& message) {
  napi_throw_error(env, nullptr, message.c_str());
  return nullptr;
}

napi_value TypeFail(napi_env env, const char* message) {
  napi_throw_type_error(env, nullptr, message);
  return nullptr;
}

napi_value Count(napi_env env, size_t count) {
  napi_value result;
  napi_create_uint32(env, static_cast<uint32_t>(count), &result);
  return result;
}

// The string `value` as UTF-8 into `out`; false when it is not a string.
bool Utf8(napi_env env, napi_value value, std::string* out) {
  size_t length = 0;
  if (napi_get_value_string_utf8(env, value, nullptr, 0, &length) != napi_ok) return false;
  out->assign(length + 1, '\0');
  napi_get_value_string_utf8(env, value, &(*out)[0], length + 1, &length);
  out->resize(length);
  return true;
}

// The elements of `value` when it is a typed array of `type` (a view: its own bytes only); false otherwise.
template <typename T>
bool Elements(napi_env env, napi_value value, napi_typedarray_type type, T** data, size_t* length) {
  napi_typedarray_type actual;
  void* at = nullptr;
  if (napi_get_typedarray_info(env, value, &actual, length, &at, nullptr, nullptr) != napi_ok || actual != type) return false;
  *data = static_cast<T*>(at);
  return true;
}

// A function whose data is `data`, deleted by `finalize` when the function is collected; false if N-API refused.
bool OwningFunction(napi_env env, const char* name, napi_callback call, void* data, napi_finalize finalize, napi_value* fn) {
  return napi_create_function(env, name, NAPI_AUTO_LENGTH, call, data, fn) == napi_ok && napi_add_finalizer(env, *fn, data, finalize, nullptr, nullptr) == napi_ok;
}

// One set: RE2::Set's program (every entry, each ending in its number's HaveMatch, one
// alternation, compiled by Prog::CompileSet) with what RE2::Set::Match allocates on every call
// kept instead: the sparse set the DFA records matching entries in, and where they are written
// (the caller's Int32Array, given once). A small payload's pass is about a microsecond and the
// call around it a few hundred nanoseconds on a slow core; three allocations, a thread-local and
// a second typed-array lookup were a third of that. A set is used by the thread that made it
// (its JavaScript function lives in that thread's environment), so one scratch set is enough.
struct Set {
  re2::Prog* prog = nullptr;
  int size = 0;
  re2::SparseSet found;
  int32_t* out = nullptr;
  napi_ref outRef = nullptr;
  ~Set() { delete prog; }
};

void Finalize(napi_env env, void* data, void*) {
  auto* set = static_cast<Set*>(data);
  if (set->outRef != nullptr) napi_delete_reference(env, set->outRef);
  delete set;
}

// The set's match function: the set is the function's own data, so a call needs no unwrapping.
// match(bytes): writes the numbers of the entries that match, ascending, into the `out` given
// to createSet and returns how many.
napi_value Match(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  void* data = nullptr;
  napi_get_cb_info(env, info, &argc, argv, nullptr, &data);
  auto* set = static_cast<Set*>(data);
  size_t length = 0;
  const char* bytes = nullptr;
  if (argc < 1 || !Elements(env, argv[0], napi_uint8_array, &bytes, &length)) return TypeFail(env, "RE2Set match(bytes: Uint8Array)");
  set->found.clear();
  bool failed = false;
  absl::string_view text(bytes, length);
  bool matched = set->prog->SearchDFA(text, text, re2::Prog::kAnchored, re2::Prog::kManyMatch, nullptr, &failed, &set->found);
  if (failed) return Fail(env, "RE2Set match: out of memory");
  int32_t count = 0;
  if (matched) {
    for (int id : set->found) set->out[count++] = id;
    std::sort(set->out, set->out + count);
  }
  return Count(env, count);
}

// createSet(sources, maxMemBytes, out): the set's match function, which writes into `out`
// (an Int32Array at least as long as the set, kept alive by the function).
napi_value CreateSet(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok || argc < 3) return TypeFail(env, "createSet(sources, maxMemBytes, out)");
  bool isArray = false;
  napi_is_array(env, argv[0], &isArray);
  if (!isArray) return TypeFail(env, "createSet: sources must be an array of strings");
  int64_t maxMem = 0;
  if (napi_get_value_int64(env, argv[1], &maxMem) != napi_ok || maxMem < (1 << 20)) return TypeFail(env, "createSet: maxMemBytes must be a number of at least 1 MiB");
  uint32_t count = 0;
  napi_get_array_length(env, argv[0], &count);
  size_t outLength = 0;
  int32_t* out = nullptr;
  if (!Elements(env, argv[2], napi_int32_array, &out, &outLength)) return TypeFail(env, "createSet: out must be an Int32Array");
  if (outLength < count) return TypeFail(env, "createSet: out is shorter than the set");

  // As RE2::Set (set.cc) does it, with its options: UTF-8, no captures, the budget given.
  re2::RE2::Options options;
  options.set_max_mem(maxMem);
  options.set_log_errors(false);
  options.set_never_capture(true);
  const auto flags = static_cast<re2::Regexp::ParseFlags>(options.ParseFlags());
  // Each entry's source with its number; then in the order of the sources, as RE2::Set
  // compiles them (neighbours' shared prefixes are factored out).
  std::vector<std::pair<std::string, re2::Regexp*>> parsed;
  auto release = [&parsed]() {
    for (auto& entry : parsed) entry.second->Decref();
  };
  for (uint32_t i = 0; i < count; i++) {
    napi_value item;
    std::string source;
    napi_get_element(env, argv[0], i, &item);
    if (!Utf8(env, item, &source)) {
      release();
      return TypeFail(env, "createSet: sources must be an array of strings");
    }
    re2::RegexpStatus status;
    re2::Regexp* re = re2::Regexp::Parse(source, flags, &status);
    if (re == nullptr) {
      release();
      return Fail(env, "RE2Set: entry " + std::to_string(i) + ": " + status.Text());
    }
    // The entry's parts, then "entry i matched": one concatenation, as set.cc makes it (the
    // alternation factors out the leading parts that neighbours share).
    std::vector<re2::Regexp*> parts;
    if (re->op() == re2::kRegexpConcat) {
      for (int k = 0; k < re->nsub(); k++) parts.push_back(re->sub()[k]->Incref());
      re->Decref();
    } else {
      parts.push_back(re);
    }
    parts.push_back(re2::Regexp::HaveMatch(static_cast<int>(i), flags));
    parsed.emplace_back(std::move(source), re2::Regexp::Concat(parts.data(), static_cast<int>(parts.size()), flags));
  }
  std::sort(parsed.begin(), parsed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<re2::Regexp*> entries;
  for (auto& entry : parsed) entries.push_back(entry.second);
  re2::Regexp* all = re2::Regexp::Alternate(entries.data(), static_cast<int>(entries.size()), flags);  // takes the entries
  auto set = std::make_unique<Set>();
  set->prog = re2::Prog::CompileSet(all, re2::RE2::UNANCHORED, maxMem);
  all->Decref();
  if (set->prog == nullptr) return Fail(env, "RE2Set: the set could not be compiled (out of memory)");
  set->size = static_cast<int>(count);
  set->found.resize(set->size);
  set->out = out;
  napi_value match;
  if (napi_create_reference(env, argv[2], 1, &set->outRef) != napi_ok ||
      !OwningFunction(env, "match", Match, set.get(), Finalize, &match))
    return Fail(env, "RE2Set: could not make the match function");
  set.release();
  return match;
}

// A pattern's matches, all of them, as byte offsets: for src/detect/find-all.ts, where
// node-re2's exec() builds a result array and a Buffer per group for each match and split()
// a string per piece. One call returns every match from `from` on (as many as `out` holds).
struct Finder {
  std::unique_ptr<re2::RE2> re;
  // The groups whose spans are wanted (RE2's numbers, 1-based), and how many submatches to ask for.
  std::vector<int> groups;
  int submatches = 1;
  std::vector<absl::string_view> found;
};

void FinalizeFinder(napi_env, void* data, void*) { delete static_cast<Finder*>(data); }

// find(bytes, from, out): the matches of the pattern in `bytes` from byte `from` on, leftmost
// first, each after the one before (an empty match moves on one byte), as in a global exec()
// loop; each written to `out` as [start, end, then start and end of each wanted group (-1, -1
// for a group that took no part)]. Returns how many were written: if that fills `out`, there
// may be more, from where the last one ended.
napi_value Find(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  void* data = nullptr;
  napi_get_cb_info(env, info, &argc, argv, nullptr, &data);
  auto* finder = static_cast<Finder*>(data);
  size_t length = 0, outLength = 0;
  const char* base = nullptr;
  int32_t* out = nullptr;
  int64_t from = 0;
  if (argc < 3 || !Elements(env, argv[0], napi_uint8_array, &base, &length) || napi_get_value_int64(env, argv[1], &from) != napi_ok || from < 0 ||
      !Elements(env, argv[2], napi_int32_array, &out, &outLength))
    return TypeFail(env, "find(bytes: Uint8Array, from: number, out: Int32Array)");
  const size_t stride = 2 + 2 * finder->groups.size();
  const size_t most = outLength / stride;
  absl::string_view text(base, length);
  auto& found = finder->found;
  size_t pos = static_cast<size_t>(from);
  size_t count = 0;
  while (count < most && pos <= length &&
         finder->re->Match(text, pos, length, re2::RE2::UNANCHORED, found.data(), finder->submatches)) {
    const auto start = static_cast<int32_t>(found[0].data() - base);
    const auto end = static_cast<int32_t>(start + found[0].size());
    int32_t* at = out + count * stride;
    at[0] = start;
    at[1] = end;
    for (size_t g = 0; g < finder->groups.size(); g++) {
      const absl::string_view& group = found[finder->groups[g]];
      const bool took = group.data() != nullptr;
      at[2 + 2 * g] = took ? static_cast<int32_t>(group.data() - base) : -1;
      at[3 + 2 * g] = took ? static_cast<int32_t>(group.data() - base + group.size()) : -1;
    }
    count++;
    pos = static_cast<size_t>(end) + (end == start ? 1 : 0);
  }
  return Count(env, count);
}

// createFinder(source, groups): the pattern's find function (UTF-8, as node-re2's 'u' flag);
// `groups` are the numbers of the capturing groups whose spans find() reports. Throws
// "RE2Finder: ..." for a pattern RE2 refuses or a group it does not have.
napi_value CreateFinder(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok || argc < 2) return TypeFail(env, "createFinder(source, groups)");
  std::string source;
  if (!Utf8(env, argv[0], &source)) return TypeFail(env, "createFinder: source must be a string");
  bool isArray = false;
  napi_is_array(env, argv[1], &isArray);
  if (!isArray) return TypeFail(env, "createFinder: groups must be an array of numbers");
  re2::RE2::Options options;
  options.set_log_errors(false);
  options.set_one_line(true);
  auto finder = std::make_unique<Finder>();
  finder->re = std::make_unique<re2::RE2>(source, options);
  if (!finder->re->ok()) return Fail(env, "RE2Finder: " + finder->re->error());
  uint32_t count = 0;
  napi_get_array_length(env, argv[1], &count);
  int most = 0;
  for (uint32_t i = 0; i < count; i++) {
    napi_value item;
    int32_t group = 0;
    napi_get_element(env, argv[1], i, &item);
    if (napi_get_value_int32(env, item, &group) != napi_ok || group < 1 || group > finder->re->NumberOfCapturingGroups())
      return Fail(env, "RE2Finder: the pattern has no group " + std::to_string(group));
    finder->groups.push_back(group);
    most = std::max(most, group);
  }
  finder->submatches = 1 + most;
  finder->found.resize(finder->submatches);
  napi_value find;
  if (!OwningFunction(env, "find", Find, finder.get(), FinalizeFinder, &find))
    return Fail(env, "RE2Finder: could not make the find function");
  finder.release();
  return find;
}

// base64Runs(bytes): the runs of src/detect/decode.ts's base64Runs (which says what they are,
// and is the reference: a test compares the two on random and corpus bytes), as [start, end)
// pairs in the reader's `out`; returns how many pairs. `out` must hold
// 2 * (floor(length / 24) + 1) numbers, more than there can be runs (a shorter one is refused). The JavaScript reads a long
// run (an attachment, a token, a padded field) at about 0.5 ns a byte; here 16 bytes are
// classified at a time.
constexpr int kBase64 = 1, kLetters = 2, kHex = 4, kMinRun = 24;

struct ByteClass {
  uint8_t of[256];
  constexpr ByteClass() : of() {
    for (int c = 0; c < 256; c++) {
      bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z', digit = c >= '0' && c <= '9';
      bool dash = c == '-', underscore = c == '_';
      of[c] = ((upper || lower || digit || c == '+' || c == '/' || dash || underscore) ? kBase64 : 0) |
              ((upper || lower || dash || underscore) ? kLetters : 0) |
              ((digit || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f') || dash) ? kHex : 0);
    }
  }
};
constexpr ByteClass kClass;

#if defined(__GNUC__) || defined(__clang__)
typedef uint8_t Bytes16 __attribute__((vector_size(16)));
typedef uint64_t Words2 __attribute__((vector_size(16)));

// The classes of 16 bytes at `p` when all of them are base64 bytes (kind: the AND of their
// classes); 0 when one is not.
inline int Chunk16(const uint8_t* p) {
  Bytes16 v;
  std::memcpy(&v, p, 16);
  // Ranges as one unsigned comparison each: c - 'A' < 26 for A-Z; `| 0x20` folds A-Z onto a-z.
  Bytes16 folded = (v | 0x20) - 'a';
  Bytes16 alpha = folded < 26, digit = (Bytes16)(v - '0') < 10;
  Bytes16 dashes = (v == '-') | (v == '_');
  Bytes16 letters = alpha | dashes;
  Bytes16 b64 = letters | digit | (v == '+') | (v == '/');
  Bytes16 hex = digit | (folded < 6) | (v == '-');
  auto all = [](Bytes16 m) {
    Words2 w = (Words2)m;
    return (w[0] & w[1]) == ~uint64_t{0};
  };
  if (!all(b64)) return 0;
  return kBase64 | (all(letters) ? kLetters : 0) | (all(hex) ? kHex : 0);
}
#endif

// A reader's own: where it writes its pairs (the Int32Array given to createBase64Reader, kept
// alive by the reader) and how many numbers that holds.
struct RunsOut {
  int32_t* out = nullptr;
  size_t capacity = 0;
  napi_ref ref = nullptr;
};

void FinalizeRunsOut(napi_env env, void* data, void*) {
  auto* runsOut = static_cast<RunsOut*>(data);
  napi_delete_reference(env, runsOut->ref);
  delete runsOut;
}

napi_value Base64Runs(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  void* data = nullptr;
  napi_get_cb_info(env, info, &argc, argv, nullptr, &data);
  const auto* runsOut = static_cast<const RunsOut*>(data);
  size_t n = 0;
  const uint8_t* b = nullptr;
  if (argc < 1 || !Elements(env, argv[0], napi_uint8_array, &b, &n)) return TypeFail(env, "base64Runs(bytes: Uint8Array)");
  if (runsOut->capacity < 2 * (n / kMinRun + 1)) return TypeFail(env, "base64Runs: out is too short for these bytes");
  int32_t* out = runsOut->out;
  size_t runs = 0;
  size_t floor = 0;
  size_t p = kMinRun - 1;
  while (p < n) {
    int kind = kClass.of[b[p]];
    if ((kind & kBase64) == 0) {
      p += kMinRun;
      continue;
    }
    size_t start = p;
    for (; start > floor; start--) {
      int c = kClass.of[b[start - 1]];
      if ((c & kBase64) == 0) break;
      kind &= c;
    }
    size_t i = p + 1;
#if defined(__GNUC__) || defined(__clang__)
    for (; i + 16 <= n; i += 16) {
      int c = Chunk16(b + i);
      if (c == 0) break;
      kind &= c;
    }
#endif
    for (; i < n; i++) {
      int c = kClass.of[b[i]];
      if ((c & kBase64) == 0) break;
      kind &= c;
    }
    if (i - start >= kMinRun) {
      if (i < n && b[i] == '=') {
        // Padding: a run that has it is neither letters only nor hex only.
        kind = kBase64;
        i++;
        if (i < n && b[i] == '=') i++;
      }
      if ((kind & (kLetters | kHex)) == 0) {
        out[2 * runs] = static_cast<int32_t>(start);
        out[2 * runs + 1] = static_cast<int32_t>(i);
        runs++;
      }
    }
    floor = i;
    p = i + kMinRun - 1;
  }
  return Count(env, runs);
}

// createBase64Reader(out): the reader, base64Runs(bytes), which writes its pairs into `out`.
napi_value CreateBase64Reader(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  size_t length = 0;
  int32_t* out = nullptr;
  if (argc < 1 || !Elements(env, argv[0], napi_int32_array, &out, &length)) return TypeFail(env, "createBase64Reader(out: Int32Array)");
  auto runsOut = std::make_unique<RunsOut>();
  runsOut->out = out;
  runsOut->capacity = length;
  napi_value reader;
  if (napi_create_reference(env, argv[0], 1, &runsOut->ref) != napi_ok ||
      !OwningFunction(env, "base64Runs", Base64Runs, runsOut.get(), FinalizeRunsOut, &reader))
    return Fail(env, "createBase64Reader: could not make the reader");
  runsOut.release();
  return reader;
}

napi_value Init(napi_env env, napi_value exports) {
  napi_value create;
  napi_create_function(env, "createSet", NAPI_AUTO_LENGTH, CreateSet, nullptr, &create);
  napi_set_named_property(env, exports, "createSet", create);
  napi_value finder;
  napi_create_function(env, "createFinder", NAPI_AUTO_LENGTH, CreateFinder, nullptr, &finder);
  napi_set_named_property(env, exports, "createFinder", finder);
  napi_value reader;
  napi_create_function(env, "createBase64Reader", NAPI_AUTO_LENGTH, CreateBase64Reader, nullptr, &reader);
  napi_set_named_property(env, exports, "createBase64Reader", reader);
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
