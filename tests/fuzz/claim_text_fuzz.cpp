// SPDX-License-Identifier: MIT
// Fuzz target: English sentences (diplo::parse_claim; diplo/check.h), names resolved against
// the bundled dataset.
//
// Properties: parse_claim throws nothing but diplo::error; try_parse_claim agrees with it; a
// claim parsed is described and checked without throwing anything but diplo::error.

#include <cstddef>
#include <cstdint>
#include <optional>

#include <diplo/check.h>
#include <diplo/data.h>
#include <diplo/error.h>

#include "fuzz.h"

extern "C" auto LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) -> int {
  const std::string_view text = diplo::fuzz::text_of(data, size);
  const diplo::timeline& t = diplo::data::xi_putin();
  const std::optional<diplo::claim> maybe = diplo::try_parse_claim(text, t.actors());
  std::optional<diplo::claim> c;
  try {
    c = diplo::parse_claim(text, t.actors());
  } catch (const diplo::error&) {
    DIPLO_FUZZ_CHECK(!maybe, "try_parse_claim parsed what parse_claim refused");
    return 0;
  }
  DIPLO_FUZZ_CHECK(maybe && *maybe == *c, "try_parse_claim differs from parse_claim");
  (void)diplo::describe(*c, &t.actors());
  try {
    (void)diplo::check(t, *c, date::sys_days{date::year{2025} / 5 / 4});
  } catch (const diplo::error&) {
  }
  return 0;
}
