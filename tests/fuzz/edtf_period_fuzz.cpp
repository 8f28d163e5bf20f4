// SPDX-License-Identifier: MIT
// Fuzz target: EDTF periods (diplo::period::parse / try_parse, diplo/period.h).
//
// Properties, for every input:
//   - parse() and try_parse() agree (parse throws diplo::parse_error exactly when
//     try_parse gives nothing);
//   - round trip: for an accepted period p, the EDTF text `fmt::format("{:e}", p)` (equal
//     to p.to_edtf()) parses back to p, and printing that gives the same text;
//   - the documented bounds hold: earliest_start() <= latest_start(), earliest_end() <=
//     latest_end(), 1 <= min_length() <= max_length(), and relate(p, p) allows `equals`.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include <date/date.h>
#include <fmt/format.h>

#include <diplo/error.h>
#include <diplo/period.h>

#include "fuzz.h"

extern "C" auto LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) -> int {
  using diplo::period;
  const std::string_view text = diplo::fuzz::text_of(data, size);

  const std::optional<period> p = period::try_parse(text);
  try {
    const period q = period::parse(text);
    DIPLO_FUZZ_CHECK(p && *p == q, "parse() accepted what try_parse() rejected");
  } catch (const diplo::parse_error& e) {
    DIPLO_FUZZ_CHECK(!p, "parse() rejected what try_parse() accepted");
    DIPLO_FUZZ_CHECK(std::string_view(e.what()).find("[diplo.edtf]") != std::string_view::npos, e.what());
  }
  if (!p) return 0;

  const std::string edtf = fmt::format("{:e}", *p);
  DIPLO_FUZZ_CHECK(edtf == p->to_edtf(), edtf);
  const std::optional<period> again = period::try_parse(edtf);
  DIPLO_FUZZ_CHECK(again.has_value(), "the EDTF text of an accepted period does not parse: " + edtf);
  DIPLO_FUZZ_CHECK(*again == *p, "the EDTF text parses to another period: " + edtf);
  DIPLO_FUZZ_CHECK(fmt::format("{:e}", *again) == edtf, edtf);

  DIPLO_FUZZ_CHECK(p->earliest_start() <= p->latest_start(), edtf);
  DIPLO_FUZZ_CHECK(p->earliest_end() <= p->latest_end(), edtf);
  DIPLO_FUZZ_CHECK(p->latest_start() < p->latest_end(), edtf);
  DIPLO_FUZZ_CHECK(date::days{1} <= p->min_length() && p->min_length() <= p->max_length(), edtf);
  DIPLO_FUZZ_CHECK(diplo::relate(*p, *p).contains(diplo::allen::equals), edtf);
  (void)p->covers(p->earliest_start());
  (void)fmt::format("{} {:>40}", *p, *p);  // the English text must not fail either
  return 0;
}
