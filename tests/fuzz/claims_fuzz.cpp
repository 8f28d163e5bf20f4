// SPDX-License-Identifier: MIT
// Fuzz target: claims files (diplo::io::read_claims; diplo/io/claims.h), names resolved
// against the bundled dataset, then every claim read checked against it (diplo::check).
//
// Properties: reading throws nothing but diplo::error (validation_error for a bad file) and
// std::bad_alloc; a claim read checks without throwing anything but diplo::error (a
// visit_ordinal claim without as_of, a count whose from is after its to); a verdict that is
// not true says why, and one that is false or partly true says what holds instead.

#include <cstddef>
#include <cstdint>

#include <diplo/check.h>
#include <diplo/data.h>
#include <diplo/error.h>
#include <diplo/io/claims.h>

#include "fuzz.h"

extern "C" auto LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) -> int {
  const std::string_view text = diplo::fuzz::text_of(data, size);
  const diplo::timeline& t = diplo::data::xi_putin();
  diplo::io::claims_file file;
  try {
    file = diplo::io::read_claims(text, "fuzz.json", t.actors());
  } catch (const diplo::error&) {
    return 0;
  }
  for (const diplo::io::claim_record& c : file.claims) {
    DIPLO_FUZZ_CHECK(!c.id.empty(), "a claim read without an id");
    try {
      const diplo::verdict v = diplo::check(t, c.claim, c.as_of);
      DIPLO_FUZZ_CHECK(v.holds() || !v.explanation.empty(), "a verdict that does not say why");
      DIPLO_FUZZ_CHECK(v.rating != diplo::rating::false_ || !v.correction.empty(),
                       "a false verdict without a correction");
      DIPLO_FUZZ_CHECK(v.rating != diplo::rating::partly_true || !v.correction.empty(),
                       "a partly true verdict without a correction");
      (void)diplo::describe(c.claim, &t.actors());
    } catch (const diplo::error&) {
    }
  }
  return 0;
}
