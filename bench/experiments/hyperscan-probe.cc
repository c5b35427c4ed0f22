// Would Hyperscan (Debian's libhyperscan-dev 5.4) find the pack's patterns faster than RE2?
// A measurement, not part of phiwall. See bench/README.md ("Hyperscan, measured").
//
//   apt-get install -y libhyperscan-dev
//   node dist/bench/experiments/dump-patterns.js /tmp/hs     # patterns.txt, notes.txt, prose.txt
//   g++ -O2 -o /tmp/hs/probe bench/experiments/hyperscan-probe.cc -lhs
//   /tmp/hs/probe /tmp/hs/patterns.txt som|plain /tmp/hs/notes.txt /tmp/hs/prose.txt
//
// "som": HS_FLAG_SOM_LEFTMOST, which reports where each match starts (what a scanner needs
// for offsets); "plain": end offsets only. Each input is scanned for at least one second.
#include <hs/hs.h>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

static std::string slurp(const char *path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

static int count(unsigned, unsigned long long, unsigned long long, unsigned, void *ctx) {
  ++*static_cast<long *>(ctx);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: probe PATTERNS som|plain INPUT...\n");
    return 2;
  }
  const unsigned flag = std::strcmp(argv[2], "som") == 0 ? HS_FLAG_SOM_LEFTMOST : 0;
  std::vector<std::string> patterns;
  std::ifstream in(argv[1]);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) patterns.push_back(line);
  std::vector<const char *> exprs;
  std::vector<unsigned> flags, ids;
  for (size_t i = 0; i < patterns.size(); i++) {
    hs_database_t *db = nullptr;
    hs_compile_error_t *err = nullptr;
    if (hs_compile(patterns[i].c_str(), flag, HS_MODE_BLOCK, nullptr, &db, &err) != HS_SUCCESS) {
      std::printf("pattern %zu not compiled: %s\n", i, err->message);
      hs_free_compile_error(err);
      continue;
    }
    hs_free_database(db);
    exprs.push_back(patterns[i].c_str());
    flags.push_back(flag);
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_database_t *db = nullptr;
  hs_compile_error_t *err = nullptr;
  if (hs_compile_multi(exprs.data(), flags.data(), ids.data(), static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK, nullptr, &db, &err) != HS_SUCCESS) {
    std::printf("database not compiled: %s\n", err->message);
    return 1;
  }
  hs_scratch_t *scratch = nullptr;
  hs_alloc_scratch(db, &scratch);
  std::printf("%zu of %zu patterns in one database (%s)\n", exprs.size(), patterns.size(), argv[2]);
  for (int a = 3; a < argc; a++) {
    const std::string text = slurp(argv[a]);
    long reports = 0;
    int rounds = 0;
    double seconds = 0;
    const auto t0 = std::chrono::steady_clock::now();
    do {
      reports = 0;
      hs_scan(db, text.data(), static_cast<unsigned>(text.size()), 0, scratch, count, &reports);
      rounds++;
      seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    } while (seconds < 1.0);
    std::printf("%s: %zu bytes, %ld reports, %.0f us per scan, %.0f MB/s\n", argv[a], text.size(), reports, seconds / rounds * 1e6, text.size() * rounds / seconds / 1e6);
  }
  hs_free_scratch(scratch);
  hs_free_database(db);
  return 0;
}
