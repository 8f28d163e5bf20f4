// SPDX-License-Identifier: MIT
// Fuzz target: snapshots (diplo::io::read_snapshot; diplo/io/snapshot.h), then every kind
// of question asked of what opened.
//
// The input is resealed first (its checksum written over, reseal_snapshot), so that
// mutations reach the checks behind the checksum: a file made to harm has a right one.
//
// Properties: reading throws diplo::error or opens; what opens answers in bounds (ASan and
// UBSan check every read) and writes a snapshot that opens again with the same events.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <fmt/format.h>

#include <diplo/error.h>
#include <diplo/io/snapshot.h>
#include <diplo/query.h>

#include "fuzz.h"

namespace {

// Every kind of question, for the first people and the first events' days.
void ask_everything(const diplo::timeline& t) {
  std::vector<diplo::actor_id> people;
  for (const auto& a : t.actors().actors()) {
    if (people.size() < 8) people.push_back(diplo::id_of(a));
  }
  std::size_t k = 0;
  for (const diplo::event_ref e : t.events()) {
    if (++k > 64) break;
    (void)fmt::format("{} {} {}", e, e.id(), e.sources().size());
    (void)e.value();
    (void)e.root();
    (void)e.children();
    (void)t.find(e.id());
    for (const auto& p : diplo::whereabouts_on(t, e.when().earliest_start())) (void)fmt::format("{}", p);
    for (const auto& a : people) (void)diplo::where(t, a, e.when().earliest_start());
  }
  for (const auto& a : people) {
    for (const auto& b : people) {
      if (a == b) continue;
      if (auto m = diplo::last_meeting(t, a, b)) (void)fmt::format("{}", *m);
      (void)diplo::meetings(t, a, b);
    }
    for (const auto& tr : diplo::visits(t, {.guest = a})) (void)fmt::format("{}", tr);
    (void)diplo::count_visits(t, {.guest = a, .host_country = diplo::country_code("RU")});
    (void)diplo::contacts(t, a);
  }
  (void)diplo::journeys(t, {});
}

}  // namespace

extern "C" auto LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) -> int {
  std::string bytes(diplo::fuzz::text_of(data, size));
  diplo::io::reseal_snapshot(bytes);
  diplo::timeline t;
  try {
    t = diplo::io::read_snapshot(bytes, "fuzz.diplo");
  } catch (const diplo::error&) {
    return 0;
  }
  ask_everything(t);
  const diplo::timeline again = diplo::io::read_snapshot(diplo::io::to_snapshot(t), "again.diplo");
  DIPLO_FUZZ_CHECK(again.size() == t.size(), "a snapshot written from an opened one has other events");
  return 0;
}
