// SPDX-License-Identifier: MIT
// diplo/coverage.h's value types. The verdicts themselves are tested with the answers that
// carry them (tests/answer_test.cpp).
#include <diplo/coverage.h>

#include <array>
#include <cstddef>

#include <gtest/gtest.h>

namespace {

// One event of each kind, in the order of diplo::event's alternatives.
auto one_of_each() -> std::array<diplo::event, 4> {
  return {diplo::visit{}, diplo::summit{}, diplo::meeting{}, diplo::ceremony{}};
}

TEST(EventKinds, AnIndexIsTheKindOfThatEventAlternative) {
  const auto events = one_of_each();
  for (std::size_t k = 0; k < events.size(); ++k) {
    EXPECT_EQ(events[k].index(), k);
    EXPECT_EQ(diplo::kind_name(events[k]), diplo::event_kind_names[k]);
    auto only = diplo::event_kinds::none();
    only.set(k);
    for (std::size_t j = 0; j < events.size(); ++j) {
      EXPECT_EQ(only.has(j), j == k) << k << " " << j;
      EXPECT_EQ(only.has(events[j]), j == k) << k << " " << j;
    }
    EXPECT_FALSE(only.all());
    only.set(k, false);
    EXPECT_EQ(only, diplo::event_kinds::none());
  }
}

TEST(EventKinds, AllByDefaultAndNothingPastTheLast) {
  diplo::event_kinds all;
  EXPECT_TRUE(all.all());
  for (std::size_t k = 0; k < diplo::event_kind_names.size(); ++k) EXPECT_TRUE(all.has(k));
  EXPECT_FALSE(all.has(diplo::event_kind_names.size()));
  all.set(diplo::event_kind_names.size(), false);  // no such kind: nothing changes
  EXPECT_EQ(all, diplo::event_kinds{});
  // The named fields are the same flags.
  auto some = diplo::event_kinds::none();
  some.set(2);
  EXPECT_EQ(some,
            (diplo::event_kinds{.visits = false, .summits = false, .meetings = true, .ceremonies = false}));
}

}  // namespace
