// SPDX-License-Identifier: MIT
// Fuzz target: JSON documents (diplo::io::read_json, read_json_lenient; diplo/io/json.h),
// then the timeline built from what was accepted (diplo::io::build) and its canonical
// JSON and JSON Lines read back (documents.h).
//
// Properties: the lenient reader throws nothing but std::bad_alloc and what it returns
// can be cross-checked; the strict reader accepts exactly when the lenient one reports no
// error; an accepted document that builds writes JSON that reads back unchanged.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include <diplo/error.h>
#include <diplo/io/json.h>

#include "documents.h"
#include "fuzz.h"

extern "C" auto LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) -> int {
  const std::string_view text = diplo::fuzz::text_of(data, size);

  std::vector<diplo::diagnostic> problems;
  diplo::io::document lenient = diplo::io::read_json_lenient(text, "fuzz.json", problems);
  const bool clean = std::none_of(problems.begin(), problems.end(),
                                  [](const auto& d) { return d.severity == diplo::severity::error; });
  diplo::fuzz::check_lenient(std::move(lenient), std::move(problems));

  std::optional<diplo::io::document> doc;
  try {
    doc.emplace(diplo::io::read_json(text, "fuzz.json"));
  } catch (const diplo::validation_error&) {
    DIPLO_FUZZ_CHECK(!clean, "read_json threw where read_json_lenient found no error");
    return 0;
  }
  DIPLO_FUZZ_CHECK(clean, "read_json accepted what read_json_lenient reported");
  diplo::fuzz::check_accepted(std::move(*doc));
  return 0;
}
