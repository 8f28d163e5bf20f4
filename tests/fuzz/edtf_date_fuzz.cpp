// SPDX-License-Identifier: MIT
// Fuzz target: EDTF dates (diplo::partial_date::parse / try_parse, diplo/partial_date.h).
//
// Properties, for every input:
//   - parse() and try_parse() agree: parse throws diplo::parse_error exactly when
//     try_parse gives nothing, and otherwise both give the same date;
//   - round trip: for an accepted date d, the EDTF text `fmt::format("{:e}", d)` (equal to
//     d.to_edtf()) parses back to d, and printing that gives the same text;
//   - the bounds are ordered (earliest() <= latest()) and the date as a one-date period
//     parses the same way through period::parse.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include <fmt/format.h>

#include <diplo/error.h>
#include <diplo/partial_date.h>
#include <diplo/period.h>

#include "fuzz.h"

extern "C" auto LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) -> int {
  using diplo::partial_date;
  const std::string_view text = diplo::fuzz::text_of(data, size);

  const std::optional<partial_date> d = partial_date::try_parse(text);
  try {
    const partial_date p = partial_date::parse(text);
    DIPLO_FUZZ_CHECK(d && *d == p, "parse() accepted what try_parse() rejected");
  } catch (const diplo::parse_error& e) {
    DIPLO_FUZZ_CHECK(!d, "parse() rejected what try_parse() accepted");
    DIPLO_FUZZ_CHECK(std::string_view(e.what()).find("[diplo.edtf]") != std::string_view::npos, e.what());
  }
  if (!d) return 0;

  const std::string edtf = fmt::format("{:e}", *d);
  DIPLO_FUZZ_CHECK(edtf == d->to_edtf(), edtf);
  const std::optional<partial_date> again = partial_date::try_parse(edtf);
  DIPLO_FUZZ_CHECK(again.has_value(), "the EDTF text of an accepted date does not parse: " + edtf);
  DIPLO_FUZZ_CHECK(*again == *d, "the EDTF text parses to another date: " + edtf);
  DIPLO_FUZZ_CHECK(fmt::format("{:e}", *again) == edtf, edtf);

  DIPLO_FUZZ_CHECK(d->earliest() <= d->latest(), edtf);
  DIPLO_FUZZ_CHECK((*d <=> *again) == 0, edtf);
  const std::optional<diplo::period> p = diplo::period::try_parse(edtf);
  DIPLO_FUZZ_CHECK(p && *p == diplo::period(*d), "a date read as a period differs: " + edtf);
  (void)fmt::format("{} {:>30}", *d, *d);  // the English text must not fail either
  return 0;
}
