// SPDX-License-Identifier: MIT
#pragma once
// What the fuzz targets share (tests/fuzz/<target>_fuzz.cpp).
//
// Each target defines libFuzzer's entry point, `LLVMFuzzerTestOneInput(data, size)`, and
// feeds the bytes to one of diplo's parsers. Any input may be rejected, with the parser's
// own exception (diplo::error and its subclasses); anything else is a finding: a crash, a
// sanitizer report, a leak, a hang, an exception of another type (it escapes and aborts),
// or a property that does not hold (`DIPLO_FUZZ_CHECK`, which aborts with a message).
//
// The same sources build two ways (tests/fuzz/CMakeLists.txt):
//   - with clang and -DDIPLO_BUILD_FUZZ=ON, linked with -fsanitize=fuzzer: the real fuzzer
//     (scripts/fuzz runs them);
//   - in the normal build, linked with replay_main.cpp: a program that feeds every file of
//     the target's seed corpus (tests/fuzz/corpus/<target>/) and of its past findings
//     (tests/fuzz/regressions/<target>/) to the entry point once, as the ctest test
//     fuzz_replay.<target> (label "fuzz-replay"); under `scripts/test --sanitize` with
//     AddressSanitizer and UndefinedBehaviorSanitizer.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

/// Aborts with "property failed: <what>" and the file and line when `cond` is false.
/// Unlike assert(), it stays on in Release builds (the fuzz build is RelWithDebInfo).
#define DIPLO_FUZZ_CHECK(cond, what)                                   \
  do {                                                                 \
    if (!(cond)) ::diplo::fuzz::fail(__FILE__, __LINE__, #cond, what); \
  } while (false)

namespace diplo::fuzz {

[[noreturn]] inline void fail(const char* file, int line, const char* cond, std::string_view what) {
  std::fprintf(stderr, "%s:%d: property failed: %s\n  %.*s\n", file, line, cond,
               static_cast<int>(what.size()), what.data());
  std::abort();
}

/// The input as text (any bytes: not necessarily UTF-8, may hold NULs).
inline auto text_of(const std::uint8_t* data, std::size_t size) noexcept -> std::string_view {
  return size == 0 ? std::string_view{} : std::string_view(reinterpret_cast<const char*>(data), size);
}

}  // namespace diplo::fuzz

extern "C" auto LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) -> int;
