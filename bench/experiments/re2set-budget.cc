// How fast is the scanner's one RE2 set with a larger DFA budget than node-re2's?
// A measurement, not part of phiwall. See bench/README.md ("RE2's DFA budget, measured").
//
// node-re2 compiles every RE2.Set with RE2's default max_mem (8 MiB) and has no option for
// another. This program builds the same set (the same RE2: node-re2's vendored sources) with
// each budget given, and times its passes over the buffers the scanner's one-set passes read
// on the eval corpus: in corpus order (kind after kind) and shuffled (traffic of many kinds).
//
//   node dist/bench/experiments/dump-set-inputs.js /tmp/set        # sources.txt, buffers.bin
//   R=node_modules/re2
//   g++ -O2 -std=c++2a -DNDEBUG -I$R/vendor/re2 -I$R/vendor/abseil-cpp -o /tmp/set/budget \
//     bench/experiments/re2set-budget.cc \
//     $(grep -o '"vendor/[^"]*\.cc"' $R/binding.gyp | grep -v win | tr -d '"' | sed "s|^|$R/|") -lpthread
//   /tmp/set/budget /tmp/set 8 32 64 128                          # budgets in MiB
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

static std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

static std::string base64(const std::string& in) {
  static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  int value = 0, bits = -8;
  for (char c : in) {
    size_t d = alphabet.find(c);
    if (d == std::string::npos) break;
    value = (value << 6) + int(d);
    bits += 6;
    if (bits >= 0) {
      out.push_back(char((value >> bits) & 0xff));
      bits -= 8;
    }
  }
  return out;
}

static long peakRssKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: budget DIR MIB...\n");
    return 2;
  }
  const std::string dir = argv[1];
  std::vector<std::string> sources;
  std::istringstream lines(readFile(dir + "/sources.txt"));
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) sources.push_back(base64(line));
  const std::string all = readFile(dir + "/buffers.bin");
  std::vector<std::string> inOrder;
  for (size_t p = 0; p + 4 <= all.size();) {
    uint32_t n;
    memcpy(&n, all.data() + p, 4);
    inOrder.push_back(all.substr(p + 4, n));
    p += 4 + n;
  }
  std::vector<std::string> shuffled = inOrder;
  std::mt19937 random(7);
  std::shuffle(shuffled.begin(), shuffled.end(), random);
  size_t bytes = 0;
  for (const auto& b : inOrder) bytes += b.size();
  printf("%zu entries, %zu buffers, %zu bytes\n", sources.size(), inOrder.size(), bytes);

  for (int a = 2; a < argc; a++) {
    const long mib = atol(argv[a]);
    RE2::Options options;
    options.set_max_mem(int64_t(mib) << 20);
    options.set_log_errors(false);
    RE2::Set set(options, RE2::UNANCHORED);
    for (const auto& s : sources) {
      std::string error;
      if (set.Add(s, &error) < 0) {
        fprintf(stderr, "entry refused: %s\n", error.c_str());
        return 1;
      }
    }
    if (!set.Compile()) {
      fprintf(stderr, "set not compiled\n");
      return 1;
    }
    std::vector<int> matched;
    // Three passes over the buffers; the first builds the DFA states, the later ones are timed.
    auto pass = [&](const std::vector<std::string>& buffers) {
      auto t0 = std::chrono::steady_clock::now();
      for (const auto& b : buffers) {
        matched.clear();
        set.Match(b, &matched);
      }
      return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    };
    pass(inOrder);
    const double byKind = (pass(inOrder) + pass(inOrder)) / 2;
    const double mixed = (pass(shuffled) + pass(shuffled)) / 2;
    printf("max_mem %4ld MiB: kind after kind %7.1f MB/s (%7.2f us a buffer)   shuffled %7.1f MB/s (%7.2f us a buffer)   peak RSS %ld MiB\n", mib,
           bytes / byKind / 1e6, byKind * 1e6 / inOrder.size(), bytes / mixed / 1e6, mixed * 1e6 / inOrder.size(), peakRssKb() >> 10);
  }
}
