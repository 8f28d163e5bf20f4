// SPDX-License-Identifier: MIT
// A user of diplo (installed and found with find_package, or vendored with add_subdirectory):
// one real query on its own timeline, one on the bundled dataset (diplo::data), diplo::tz, and
// the curated tables embedded in diplo::io.
#include <diplo/data.h>
#include <diplo/diplo.h>
#include <diplo/import/historyatstate.h>
#include <diplo/tz.h>

#include "kazan.h"

#include <chrono>

int main() {
  using namespace date::literals;
  const diplo::timeline t = kazan_timeline();

  auto r = diplo::last_meeting(t, diplo::actor_id{"xi-jinping"}, diplo::actor_id{"vladimir-putin"});
  if (!r) return 1;
  fmt::print("{}\n", *r);

  // diplo::tz came along: 10:00 in Kazan (Europe/Moscow) is 07:00 UTC.
  auto talks = diplo::tz::to_utc(date::local_days{2024_y / date::October / 22} + std::chrono::hours{10},
                                 "Europe/Moscow");
  fmt::print("{:u}\n", diplo::tz::zoned_instant{talks, "Europe/Moscow"});

  // diplo::data: the bundled dataset answers the flagship question.
  const diplo::timeline& bundled = diplo::data::xi_putin();
  auto flagship =
      diplo::last_meeting(bundled, bundled.actors().resolve("Xi Jinping"),
                          bundled.actors().resolve("Vladimir Putin"), {.before = 2025_y / date::May / 7});
  if (!flagship) return 1;
  fmt::print("bundled: {}\n", *flagship);

  // diplo::io: the importers' curated tables are inside the library, not beside it.
  const auto& tables = diplo::import::historyatstate_curation();
  if (tables.size() != 4 || tables.at("curation/countries.csv").find("\nrussia,") == std::string::npos)
    return 1;
  return 0;
}
