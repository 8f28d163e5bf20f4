// SPDX-License-Identifier: MIT
// Fuzz target: JSON Lines (diplo::io::read_jsonl, read_jsonl_lenient; diplo/io/jsonl.h),
// then the timeline built from what was accepted (diplo::io::build) and its canonical
// JSON and JSON Lines read back (documents.h).
//
// Properties: as for JSON (json_fuzz.cpp): the lenient reader only reports, the strict
// one accepts exactly when the lenient one reports no error, and an accepted document that
// builds writes text that reads back unchanged.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include <diplo/error.h>
#include <diplo/io/jsonl.h>

#include "documents.h"
#include "fuzz.h"

extern "C" auto LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) -> int {
  const std::string_view text = diplo::fuzz::text_of(data, size);

  std::vector<diplo::diagnostic> problems;
  diplo::io::document lenient = diplo::io::read_jsonl_lenient(text, "fuzz.jsonl", problems);
  const bool clean = std::none_of(problems.begin(), problems.end(),
                                  [](const auto& d) { return d.severity == diplo::severity::error; });
  diplo::fuzz::check_lenient(std::move(lenient), std::move(problems));

  std::optional<diplo::io::document> doc;
  try {
    doc.emplace(diplo::io::read_jsonl(text, "fuzz.jsonl"));
  } catch (const diplo::validation_error&) {
    DIPLO_FUZZ_CHECK(!clean, "read_jsonl threw where read_jsonl_lenient found no error");
    return 0;
  }
  DIPLO_FUZZ_CHECK(clean, "read_jsonl accepted what read_jsonl_lenient reported");
  diplo::fuzz::check_accepted(std::move(*doc));
  return 0;
}
