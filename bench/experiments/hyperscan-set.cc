// Could Hyperscan answer the scanner's set question (which entries match anywhere in a payload)
// faster than RE2's DFA? A measurement, not part of phiwall. See bench/README.md ("Hyperscan,
// measured"). The entries and the buffers are the ones the scanner's one RE2 set reads on the
// eval corpus (bench/experiments/dump-set-inputs.ts); every entry is compiled as written, UTF-8,
// each reported once a scan (HS_FLAG_SINGLEMATCH), and the buffers are scanned in corpus order.
//
//   apt-get install -y libhyperscan-dev
//   node dist/bench/experiments/dump-set-inputs.js /tmp/set        # sources.txt, buffers.bin
//   g++ -O2 -o /tmp/set/hsset bench/experiments/hyperscan-set.cc -lhs
//   /tmp/set/hsset /tmp/set
#include <hs/hs.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

static std::string slurp(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

static std::string base64(const std::string &s) {
  static const std::string table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  int value = 0, bits = -8;
  for (char c : s) {
    const auto at = table.find(c);
    if (at == std::string::npos) break;
    value = (value << 6) + static_cast<int>(at);
    bits += 6;
    if (bits >= 0) {
      out.push_back(static_cast<char>((value >> bits) & 0xff));
      bits -= 8;
    }
  }
  return out;
}

static int count(unsigned, unsigned long long, unsigned long long, unsigned, void *ctx) {
  ++*static_cast<long *>(ctx);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: hsset DIR (with sources.txt and buffers.bin from dump-set-inputs)\n");
    return 2;
  }
  const std::string dir = argv[1];
  std::vector<std::string> sources;
  std::istringstream lines(slurp(dir + "/sources.txt"));
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) sources.push_back(base64(line));
  const std::string all = slurp(dir + "/buffers.bin");
  std::vector<std::pair<size_t, uint32_t>> buffers;
  size_t bytes = 0;
  for (size_t at = 0; at + 4 <= all.size();) {
    uint32_t n;
    std::memcpy(&n, all.data() + at, 4);
    buffers.emplace_back(at + 4, n);
    bytes += n;
    at += 4 + n;
  }
  std::vector<const char *> expressions;
  std::vector<unsigned> flags, ids;
  for (size_t i = 0; i < sources.size(); i++) {
    expressions.push_back(sources[i].c_str());
    flags.push_back(HS_FLAG_UTF8 | HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY);
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_database_t *db = nullptr;
  hs_compile_error_t *error = nullptr;
  const auto t0 = std::chrono::steady_clock::now();
  if (hs_compile_multi(expressions.data(), flags.data(), ids.data(), static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr, &db, &error) != HS_SUCCESS) {
    std::printf("not compiled: entry %d: %s\n", error->expression, error->message);
    return 1;
  }
  const double compileMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  size_t size = 0;
  hs_database_size(db, &size);
  std::printf("%zu entries in one database: compiled in %.0f ms, %zu bytes\n", sources.size(), compileMs, size);
  hs_scratch_t *scratch = nullptr;
  hs_alloc_scratch(db, &scratch);
  for (int round = 0; round < 3; round++) {
    long reports = 0;
    const auto t = std::chrono::steady_clock::now();
    for (const auto &[at, n] : buffers) hs_scan(db, all.data() + at, n, 0, scratch, count, &reports);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
    std::printf("%zu buffers, %zu bytes: %.1f ms, %.0f MB/s, %.2f us a buffer, %ld entries reported\n", buffers.size(), bytes, s * 1000, bytes / s / 1e6, s * 1e6 / buffers.size(), reports);
  }
  hs_free_scratch(scratch);
  hs_free_database(db);
  return 0;
}
