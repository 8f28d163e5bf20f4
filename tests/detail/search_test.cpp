// SPDX-License-Identifier: MIT
// The list machinery of the queries (diplo/detail/search.h) against the standard library's
// algorithms on random sorted lists: the intersection in both of its ways (lists of like
// lengths merged, very unequal ones galloped), stopping early, and the searches by day.

#include <diplo/detail/search.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <random>
#include <set>
#include <vector>

#include <gtest/gtest.h>

namespace {

using diplo::detail::dated;

/// `n` distinct event numbers below `range`, sorted, each with a day that grows with it.
auto random_list(std::mt19937& rng, std::size_t n, std::uint32_t range) -> std::vector<dated> {
  std::set<std::uint32_t> events;
  while (events.size() < n) events.insert(static_cast<std::uint32_t>(rng() % range));
  std::vector<dated> out;
  for (auto e : events) out.push_back({static_cast<std::int32_t>(e / 3), e});
  return out;
}

auto events_of(const std::vector<dated>& list, std::size_t from, std::size_t to) {
  std::vector<std::uint32_t> out;
  for (std::size_t k = from; k < to; ++k) out.push_back(list[k].event);
  return out;
}

TEST(Intersect, FindsWhatSetIntersectionFindsAtEveryRatioOfLengths) {
  std::mt19937 rng(15);
  int merged = 0;
  int galloped = 0;
  for (int round = 0; round < 400; ++round) {
    const std::size_t na = rng() % 300;
    // Sometimes of like length (merged), sometimes far longer or shorter (galloped).
    const std::size_t nb = round % 3 == 0 ? rng() % 10 : round % 3 == 1 ? rng() % 300 : 1000 + rng() % 4000;
    const std::uint32_t range = 2000 + static_cast<std::uint32_t>(rng() % 8000);
    const auto ga = random_list(rng, std::min<std::size_t>(na, range / 2), range);
    const auto gb = random_list(rng, std::min<std::size_t>(nb, range / 2), range);
    // A window of each, as the queries take one.
    const std::size_t ab = ga.empty() ? 0 : rng() % (ga.size() + 1);
    const std::size_t ae = ab + (ga.size() == ab ? 0 : rng() % (ga.size() - ab + 1));
    const std::size_t bb = gb.empty() ? 0 : rng() % (gb.size() + 1);
    const std::size_t be = bb + (gb.size() == bb ? 0 : rng() % (gb.size() - bb + 1));
    const auto xa = events_of(ga, ab, ae);
    const auto xb = events_of(gb, bb, be);
    std::vector<std::uint32_t> want;
    std::set_intersection(xa.begin(), xa.end(), xb.begin(), xb.end(), std::back_inserter(want));
    std::vector<std::uint32_t> got;
    diplo::detail::intersect(ga, ab, ae, gb, bb, be, [&](std::uint32_t e) {
      got.push_back(e);
      return false;
    });
    EXPECT_EQ(got, want) << "round " << round;
    // Stopping at the first hit gives the first common event.
    std::vector<std::uint32_t> first;
    diplo::detail::intersect(ga, ab, ae, gb, bb, be, [&](std::uint32_t e) {
      first.push_back(e);
      return true;
    });
    EXPECT_EQ(first, want.empty() ? want : std::vector<std::uint32_t>{want.front()});
    const auto shorter = std::min(xa.size(), xb.size());
    const auto longer = std::max(xa.size(), xb.size());
    (shorter * 16 >= longer ? merged : galloped) += want.empty() ? 0 : 1;
  }
  // Both ways were taken, on lists that share events.
  EXPECT_GT(merged, 50);
  EXPECT_GT(galloped, 20);
}

TEST(Search, FirstOnOrAfterAndDayRangeAgreeWithPartitionPoint) {
  std::mt19937 rng(16);
  for (int round = 0; round < 300; ++round) {
    const auto list = random_list(rng, rng() % 200, 3000);
    const std::span<const dated> s(list);
    auto day = [](const dated& x) { return x.day; };
    for (int k = 0; k < 20; ++k) {
      const auto v = static_cast<std::int32_t>(rng() % 1100) - 50;
      const auto want = static_cast<std::size_t>(
          std::partition_point(list.begin(), list.end(), [&](const dated& x) { return x.day < v; }) -
          list.begin());
      EXPECT_EQ(diplo::detail::first_on_or_after(s, v, day), want);
      const auto w = v + static_cast<std::int32_t>(rng() % 300);
      const auto [b, e] = diplo::detail::day_range(s, v, w);
      EXPECT_EQ(b, want);
      for (std::size_t i = b; i < e; ++i) EXPECT_TRUE(list[i].day >= v && list[i].day < w);
      if (e < list.size()) {
        EXPECT_GE(list[e].day, w);
      }
    }
  }
}

}  // namespace
