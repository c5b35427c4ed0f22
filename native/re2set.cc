// phiwall's RE2 set: RE2::Set with a DFA budget of the caller's choosing.
//
// node-re2's RE2.Set compiles with RE2's default max_mem (8 MiB) and offers no other. The DFA of a
// set of the detector pack's entries builds its states as the input needs them and keeps them in a
// cache of that budget; traffic of many kinds, and PHI-dense notes and log batches, need more states
// than it holds, and the cache is then emptied and rebuilt over and over (bench/README, "What
// changed", 28-29). This is the same RE2 (node-re2's vendored sources, built by native/binding.gyp)
// with one difference, options.max_mem. Patterns are RE2 syntax as given: the scanner's set entries
// use none of the JavaScript forms node-re2 translates (\uXXXX, \p{Long_Name}, (?<name>...)), and a
// pattern RE2 refuses is an error here, never a silent difference; a test scans the eval corpus with
// these sets and with node-re2's and compares.
//
//   const match = createSet(sources: string[], maxMemBytes: number)
//   match(bytes: Uint8Array, out: Int32Array): number   // how many entries match; their numbers, ascending, in out
#include <node_api.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
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

void Finalize(napi_env, void* data, void*) { delete static_cast<re2::RE2::Set*>(data); }

// The set's match function: the set is the function's own data, so a call needs no unwrapping.
// match(bytes, out): writes the numbers of the entries that match, ascending, into `out` (an
// Int32Array as long as the set) and returns how many. No array is made per call: a small
// payload's pass is about a microsecond, and each N-API step of a call is tens of nanoseconds.
napi_value Match(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  void* data = nullptr;
  napi_get_cb_info(env, info, &argc, argv, nullptr, &data);
  const auto* set = static_cast<const re2::RE2::Set*>(data);
  napi_typedarray_type type;
  size_t length = 0;
  void* bytes = nullptr;
  napi_typedarray_type outType;
  size_t outLength = 0;
  void* out = nullptr;
  if (argc < 2 || napi_get_typedarray_info(env, argv[0], &type, &length, &bytes, nullptr, nullptr) != napi_ok || type != napi_uint8_array ||
      napi_get_typedarray_info(env, argv[1], &outType, &outLength, &out, nullptr, nullptr) != napi_ok || outType != napi_int32_array)
    return TypeFail(env, "RE2Set match(bytes: Uint8Array, out: Int32Array)");

  thread_local std::vector<int> matches;
  matches.clear();
  re2::RE2::Set::ErrorInfo errorInfo{re2::RE2::Set::kNoError};
  bool matched = set->Match(absl::string_view(static_cast<const char*>(bytes), length), &matches, &errorInfo);
  if (!matched && errorInfo.kind != re2::RE2::Set::kNoError) return Fail(env, errorInfo.kind == re2::RE2::Set::kOutOfMemory ? "RE2Set match: out of memory" : "RE2Set match failed");
  if (matches.size() > outLength) return TypeFail(env, "RE2Set match: out is shorter than the set");
  std::sort(matches.begin(), matches.end());
  std::copy(matches.begin(), matches.end(), static_cast<int32_t*>(out));
  napi_value count;
  napi_create_uint32(env, static_cast<uint32_t>(matches.size()), &count);
  return count;
}

// createSet(sources, maxMemBytes): the set's match function.
napi_value CreateSet(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok || argc < 2) return TypeFail(env, "createSet(sources, maxMemBytes)");
  bool isArray = false;
  napi_is_array(env, argv[0], &isArray);
  if (!isArray) return TypeFail(env, "createSet: sources must be an array of strings");
  int64_t maxMem = 0;
  if (napi_get_value_int64(env, argv[1], &maxMem) != napi_ok || maxMem < (1 << 20)) return TypeFail(env, "createSet: maxMemBytes must be a number of at least 1 MiB");
  uint32_t count = 0;
  napi_get_array_length(env, argv[0], &count);

  re2::RE2::Options options;
  options.set_max_mem(maxMem);
  options.set_log_errors(false);
  auto set = std::make_unique<re2::RE2::Set>(options, re2::RE2::UNANCHORED);
  std::string source;
  for (uint32_t i = 0; i < count; i++) {
    napi_value item;
    size_t length = 0;
    napi_get_element(env, argv[0], i, &item);
    if (napi_get_value_string_utf8(env, item, nullptr, 0, &length) != napi_ok) return TypeFail(env, "createSet: sources must be an array of strings");
    source.resize(length + 1);
    napi_get_value_string_utf8(env, item, &source[0], length + 1, &length);
    source.resize(length);
    std::string error;
    if (set->Add(source, &error) < 0) return Fail(env, "RE2Set: entry " + std::to_string(i) + ": " + error);
  }
  if (!set->Compile()) return Fail(env, "RE2Set: the set could not be compiled (out of memory)");
  napi_value match;
  if (napi_create_function(env, "match", NAPI_AUTO_LENGTH, Match, set.get(), &match) != napi_ok ||
      napi_add_finalizer(env, match, set.get(), Finalize, nullptr, nullptr) != napi_ok)
    return Fail(env, "RE2Set: could not make the match function");
  set.release();
  return match;
}

napi_value Init(napi_env env, napi_value exports) {
  napi_value create;
  napi_create_function(env, "createSet", NAPI_AUTO_LENGTH, CreateSet, nullptr, &create);
  napi_set_named_property(env, exports, "createSet", create);
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
