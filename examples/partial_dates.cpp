// SPDX-License-Identifier: MIT
// Partial dates and periods: parse EDTF, look at the bounds, print for people and for
// machines, and compare with three-valued answers and Allen relations.
#include <diplo/partial_date.h>
#include <diplo/period.h>

#include <date/date.h>
#include <fmt/format.h>

int main() {
  // Parsing and bounds: "c. October 2024" is some day from 1 to 31 October.
  const auto summit = diplo::partial_date::parse("2024-10~");
  fmt::print("{} = {:e}: {} .. {}\n", summit, summit, date::format("%F", summit.earliest()),
             date::format("%F", summit.latest()));

  // Strict parsing names the column and what was expected.
  try {
    (void)diplo::partial_date::parse("2023-02-29");
  } catch (const diplo::parse_error& e) {
    fmt::print("{}\n", e.what());
  }

  // Periods, for people and in EDTF.
  const auto visit = diplo::period::parse("2025-05-07/2025-05-10");
  const auto talks = diplo::period::parse("2024-10-XX");  // one day in October, not stated which
  const auto window = diplo::period::parse("2024-10-15/2024-10-17");
  fmt::print("visit: {} ({:e})\n", visit, visit);
  fmt::print("talks: {} ({:e})\n", talks, talks);

  // Certain versus possible.
  fmt::print("visit before 11 May: {}\n", diplo::before(visit, diplo::period::parse("2025-05-11")));
  fmt::print("talks before the window: {}\n", diplo::before(talks, window));

  // The exact set of possible Allen relations.
  const auto rs = diplo::relate(talks, window);
  fmt::print("talks vs window: {} = {:s}\n", rs, rs);
  fmt::print("visit vs 11 May: {}\n", *diplo::relate(visit, diplo::period::parse("2025-05-11")).only());
  return rs.size() == 7 ? 0 : 1;
}
