// SPDX-License-Identifier: MIT
// Checks the five claims of the AP report of 4 May 2025 ("China's Xi Jinping to pay official
// visit to Russia alongside Victory Day celebrations") against the bundled dataset with
// diplo::check, and prints each verdict with its correction and evidence. The same claims
// ship as data/claims/ap-2025-05-04.json for `diplo check`.
#include <diplo/check.h>
#include <diplo/data.h>
#include <diplo/diplo.h>

#include <string_view>
#include <utility>
#include <vector>

int main() {
  using namespace date::literals;
  const diplo::timeline& t = diplo::data::xi_putin();
  const diplo::actor_id xi = t.actors().resolve("Xi Jinping");
  const diplo::actor_id putin = t.actors().resolve("Vladimir Putin");
  const date::sys_days article = 2025_y / date::May / 4;  // "last" means before this day

  const std::vector<std::pair<std::string_view, diplo::claim>> claims = {
      {"This will be Xi's third visit to Russia since the onset of the Ukraine war in February 2022.",
       diplo::visit_ordinal_claim{xi, "RU", diplo::partial_date::parse("2022-02-24"), 3}},
      {"Xi last visited Russia in September 2024 for a BRICS summit.",
       diplo::last_visit_claim{xi, "RU", diplo::period::parse("2024-09"), "BRICS summit"}},
      {"He earlier made a state visit in March 2023.",
       diplo::visited_in_claim{xi, "RU", diplo::period::parse("2023-03"), "state visit"}},
      {"Putin returned the gesture with his own trip to China in October [2023].",
       diplo::visited_in_claim{putin, "CN", diplo::period::parse("2023-10"), ""}},
      // Or from the sentence: diplo::parse_claim("Xi and Putin last met in July 2024 in Kazakhstan",
      // t.actors())
      {"They met most recently in Beijing in May 2024 and in Kazakhstan in July [2024].",
       diplo::last_meeting_claim{xi, putin, diplo::period::parse("2024-07"),
                                 diplo::claimed_place::parse("Kazakhstan")}},
  };

  int holding = 0;
  for (const auto& [text, claim] : claims) {
    const diplo::verdict v = diplo::check(t, claim, article);
    fmt::print("{}\n  {}: {}\n", text, diplo::label(v.rating), v.explanation);
    if (!v.correction.empty()) fmt::print("  Correction: {}.\n", v.correction);
    for (const diplo::event_ref& e : v.evidence) {
      const auto sources = e.sources();
      fmt::print("  - {} [{}]\n", diplo::named(e.value(), t.actors()),
                 sources.empty() ? "no source" : sources.front().url);
    }
    fmt::print("\n");
    holding += v.holds();
  }
  fmt::print("{} of {} claims hold as written.\n", holding, claims.size());
  return 0;
}
