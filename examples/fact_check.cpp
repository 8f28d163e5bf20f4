// SPDX-License-Identifier: MIT
// Checks the five claims of the AP report of 4 May 2025 ("China's Xi Jinping to pay
// official visit to Russia alongside Victory Day celebrations") against the bundled
// dataset, and prints a verdict and the evidence for each. A claim the data does not cover
// completely (diplo/coverage.h) is unverifiable, whatever the data holds.
#include <diplo/answer.h>
#include <diplo/data.h>
#include <diplo/diplo.h>

#include <string>
#include <vector>

namespace {

struct verdict {
  std::string claim;
  std::string result;  // TRUE, FALSE, MISLEADING ...
  std::vector<std::string> evidence;
};

void print(const verdict& v) {
  fmt::print("Claim: {}\nVerdict: {}\n", v.claim, v.result);
  for (const auto& e : v.evidence) fmt::print("  - {}\n", e);
  fmt::print("\n");
}

// The verdict stands only if the data records everything the check asked for.
void judge(verdict& v, const diplo::coverage_verdict& c) {
  if (!c.complete()) v.result = fmt::format("UNVERIFIABLE ({})", c.reason);
}

auto cite(const diplo::event_ref& e) -> std::string {
  const auto sources = e.sources();
  return sources.empty() ? std::string("no source") : sources.front().url;
}

}  // namespace

int main() {
  using namespace date::literals;
  const diplo::timeline& t = diplo::data::xi_putin();
  const diplo::actor_id xi = t.actors().resolve("Xi Jinping");
  const diplo::actor_id putin = t.actors().resolve("Vladimir Putin");
  const date::sys_days war_began = 2022_y / date::February / 24;
  const date::sys_days article = 2025_y / date::May / 4;
  int wrong = 0;

  // 1. "This will be Xi's third visit to Russia since the onset of the Ukraine war."
  {
    verdict v{
        "\"This will be Xi's third visit to Russia since the onset of the Ukraine war in "
        "February 2022.\"",
        "",
        {}};
    auto before = diplo::visits(
        t, {.guest = xi, .host_country = diplo::country_code{"RU"}, .from = war_began, .to = article});
    auto upcoming = diplo::visits(t, {.guest = xi,
                                      .host_country = diplo::country_code{"RU"},
                                      .from = article,
                                      .to = 2025_y / date::May / 31});
    bool holds = before.size() == 2 && upcoming.size() == 1;
    v.result = holds ? "TRUE" : "FALSE";
    judge(v, diplo::visits_coverage(t, {.guest = xi,
                                        .host_country = diplo::country_code{"RU"},
                                        .from = war_began,
                                        .to = 2025_y / date::May / 31}));
    for (const auto& trip : before) v.evidence.push_back(fmt::format("{} [{}]", trip, cite(trip.main())));
    for (const auto& trip : upcoming) {
      v.evidence.push_back(fmt::format("then: {} [{}]", trip, cite(trip.main())));
    }
    v.evidence.push_back(
        fmt::format("{} visits before the article, so the announced one is visit "
                    "number {}",
                    before.size(), before.size() + 1));
    wrong += !holds;
    print(v);
  }

  // 2. "Xi last visited Russia in September 2024 for a BRICS summit."
  {
    verdict v{"\"Xi last visited Russia in September 2024 for a BRICS summit.\"", "", {}};
    auto trips = diplo::visits(t, {.guest = xi, .host_country = diplo::country_code{"RU"}, .to = article});
    if (trips.empty()) return 1;
    const diplo::trip& last = trips.back();
    const diplo::event main = last.main().value();
    const auto* summit = std::get_if<diplo::summit>(&main);
    bool brics = summit != nullptr && summit->series == "BRICS";
    auto claimed = diplo::period::parse("2024-09");
    bool month_right = diplo::overlaps(claimed, last.when) != diplo::truth::no;
    date::year_month_day first_day{last.when.earliest_start()};
    auto actual_month = diplo::partial_date(first_day.year() / first_day.month());
    v.result = month_right && brics ? "TRUE"
               : brics ? fmt::format("FALSE (wrong month: the BRICS summit trip was in {})", actual_month)
                       : "FALSE";
    v.evidence.push_back(fmt::format("last visit before {}: {} [{}]",
                                     diplo::partial_date(date::year_month_day{article}), last,
                                     cite(last.main())));
    v.evidence.push_back(fmt::format(
        "September 2024 and {}: {}", last.when,
        diplo::overlaps(claimed, last.when) == diplo::truth::no ? "no day in common" : "overlap"));
    wrong += !(month_right && brics);
    // Complete when every trip from the last one found up to the article is in the data.
    judge(v, diplo::visits_coverage(t, {.guest = xi,
                                        .host_country = diplo::country_code{"RU"},
                                        .from = last.when.earliest_start(),
                                        .to = article}));
    print(v);
  }

  // 3. "He earlier made a state visit in March 2023."
  {
    verdict v{"\"[Xi] earlier made a state visit in March 2023.\"", "", {}};
    auto trips = diplo::visits(t, {.guest = xi,
                                   .host_country = diplo::country_code{"RU"},
                                   .level = diplo::visit_level::state,
                                   .from = 2023_y / date::March / 1,
                                   .to = 2023_y / date::March / 31});
    v.result = trips.size() == 1 ? "TRUE" : "FALSE";
    for (const auto& trip : trips) v.evidence.push_back(fmt::format("{} [{}]", trip, cite(trip.main())));
    wrong += trips.size() != 1;
    judge(v, diplo::visits_coverage(t, {.guest = xi,
                                        .host_country = diplo::country_code{"RU"},
                                        .from = 2023_y / date::March / 1,
                                        .to = 2023_y / date::March / 31}));
    print(v);
  }

  // 4. "Putin returned the gesture with his own trip to China in October [2023]."
  {
    verdict v{"\"Putin returned the gesture with his own trip to China in October [2023].\"", "", {}};
    auto trips = diplo::visits(t, {.guest = putin,
                                   .host_country = diplo::country_code{"CN"},
                                   .from = 2023_y / date::October / 1,
                                   .to = 2023_y / date::October / 31});
    v.result = trips.size() == 1 ? "TRUE" : "FALSE";
    for (const auto& trip : trips) {
      v.evidence.push_back(fmt::format("{} [{}]", trip, cite(trip.main())));
      for (const diplo::event_ref& e : trip.events) v.evidence.push_back(fmt::format("  {}", e));
      if (trip.level != diplo::visit_level::state) {
        v.evidence.push_back(
            fmt::format("caveat: an {} visit built around a forum; the state visit "
                        "came later",
                        trip.level));
      }
    }
    wrong += trips.size() != 1;
    judge(v, diplo::visits_coverage(t, {.guest = putin,
                                        .host_country = diplo::country_code{"CN"},
                                        .from = 2023_y / date::October / 1,
                                        .to = 2023_y / date::October / 31}));
    print(v);
  }

  // 5. "They met most recently in Beijing in May 2024 and in Kazakhstan in July."
  {
    verdict v{
        "\"[Xi and Putin met] most recently in Beijing in May 2024 and in Kazakhstan in "
        "July.\"",
        "",
        {}};
    auto in_may =
        diplo::meetings(t, xi, putin, {.before = 2024_y / date::June / 1, .after = 2024_y / date::May / 1});
    auto in_july = diplo::meetings(t, xi, putin,
                                   {.before = 2024_y / date::August / 1, .after = 2024_y / date::July / 1});
    auto [latest, complete] = diplo::answer_last_meeting(t, xi, putin, {.before = article});
    auto latest_call = diplo::last_meeting(t, xi, putin, {.before = article, .calls = true});
    bool both_happened = in_may.size() == 1 && in_july.size() == 1 &&
                         in_july.front().event.country() == diplo::country_code{"KZ"};
    bool most_recent = latest && !in_july.empty() && latest->events == in_july.front().events;
    v.result = both_happened && !most_recent
                   ? "MISLEADING (both meetings happened, but they were not the most recent)"
               : both_happened ? "TRUE"
                               : "FALSE";
    for (const auto& m : in_may) v.evidence.push_back(fmt::format("{} [{}]", m, cite(m.event)));
    for (const auto& m : in_july) v.evidence.push_back(fmt::format("{} [{}]", m, cite(m.event)));
    if (latest)
      v.evidence.push_back(fmt::format("but later, in person: {} [{}]", *latest, cite(latest->event)));
    if (latest_call && latest_call->event != latest->event) {
      v.evidence.push_back(fmt::format("and by video: {} [{}]", *latest_call, cite(latest_call->event)));
    }
    wrong += !(both_happened && most_recent);
    judge(v, complete);
    judge(v, diplo::meetings_coverage(t, xi, putin, 2024_y / date::May / 1, 2024_y / date::July / 31));
    print(v);
  }

  fmt::print("{} of 5 claims hold as written.\n", 5 - wrong);
  return 0;
}
