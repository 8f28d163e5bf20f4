// SPDX-License-Identifier: MIT
// The replay driver of a fuzz target in the normal build (see fuzz.h): feeds every regular
// file under each argument (a file, or a directory read recursively, in path order) to
// LLVMFuzzerTestOneInput once. A missing directory is skipped (a target with no past
// findings has no regressions/<target>/), but no input at all is an error, so that a
// misspelt corpus path cannot pass. A finding aborts, as under libFuzzer.
//
//   fuzz_replay_edtf_date tests/fuzz/corpus/edtf_date tests/fuzz/regressions/edtf_date

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz.h"

namespace {

auto read_bytes(const std::filesystem::path& p) -> std::vector<std::uint8_t> {
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", p.c_str());
    std::exit(2);
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

auto main(int argc, char** argv) -> int {
  namespace fs = std::filesystem;
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    const fs::path arg = argv[i];
    if (fs::is_regular_file(arg)) {
      inputs.push_back(arg);
    } else if (fs::is_directory(arg)) {
      for (const auto& e : fs::recursive_directory_iterator(arg)) {
        if (e.is_regular_file()) inputs.push_back(e.path());
      }
    } else {
      std::printf("skipped %s (no such file or directory)\n", arg.c_str());
    }
  }
  std::sort(inputs.begin(), inputs.end());
  if (inputs.empty()) {
    std::fprintf(stderr, "no inputs to replay\n");
    return 2;
  }
  for (const fs::path& p : inputs) {
    const std::vector<std::uint8_t> bytes = read_bytes(p);
    // A copy of exactly the file's size, so that AddressSanitizer sees a read past its end.
    auto* data = new std::uint8_t[bytes.size() + (bytes.empty() ? 1 : 0)];
    std::copy(bytes.begin(), bytes.end(), data);
    std::printf("%s (%zu bytes)\n", p.c_str(), bytes.size());
    std::fflush(stdout);
    LLVMFuzzerTestOneInput(data, bytes.size());
    delete[] data;
  }
  std::printf("replayed %zu inputs\n", inputs.size());
  return 0;
}
