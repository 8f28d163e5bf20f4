// SPDX-License-Identifier: MIT
// detail::column (owning or viewing) and the index's hash tables (range_table, id_table,
// trip_start), each against a brute-force oracle.
#include <diplo/detail/column.h>
#include <diplo/detail/timeline_index.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace {

using diplo::detail::column;
using diplo::detail::id_table;
using diplo::detail::no_index;
using diplo::detail::range_table;
using diplo::detail::trip_start;

TEST(Column, OwnsWhatItBuildsAndReadsItBack) {
  column<int> c;
  EXPECT_TRUE(c.empty());
  EXPECT_FALSE(c.viewing());
  for (int i = 0; i < 100; ++i) c.push_back(i * i);
  ASSERT_EQ(c.size(), 100U);
  EXPECT_EQ(c.front(), 0);
  EXPECT_EQ(c.back(), 99 * 99);
  EXPECT_EQ(c[7], 49);
  EXPECT_EQ(c.data(), &c[0]);
  EXPECT_GE(c.heap_bytes(), 100 * sizeof(int));
  c.resize(3);
  EXPECT_EQ(std::vector<int>(c.begin(), c.end()), (std::vector<int>{0, 1, 4}));
  const std::vector<int> more{0, 1};
  c.append(more.begin(), more.end());
  EXPECT_EQ(std::vector<int>(c.begin(), c.end()), (std::vector<int>{0, 1, 4, 0, 1}));
  auto items = c.items();
  std::sort(items.begin(), items.end());
  EXPECT_EQ(std::vector<int>(c.begin(), c.end()), (std::vector<int>{0, 0, 1, 1, 4}));
  c.clear();
  EXPECT_TRUE(c.empty());
}

TEST(Column, ViewsItemsItDoesNotOwn) {
  const std::vector<int> bytes{5, 6, 7};
  const column<int> v = column<int>::view(bytes);
  EXPECT_TRUE(v.viewing());
  EXPECT_EQ(v.data(), bytes.data());  // no copy
  EXPECT_EQ(v.size(), 3U);
  EXPECT_EQ(v[1], 6);
  EXPECT_EQ(v.heap_bytes(), 0U);
  EXPECT_EQ(std::vector<int>(v.begin(), v.end()), bytes);
}

TEST(Column, CopiesOwnTheirItemsAndMovesKeepTheirBuffer) {
  const std::vector<int> bytes{1, 2, 3};
  const column<int> v = column<int>::view(bytes);
  // A copy of a view owns a copy of the items: it outlives what the view reads.
  const column<int> copy = v;
  EXPECT_FALSE(copy.viewing());
  EXPECT_NE(copy.data(), bytes.data());
  EXPECT_EQ(std::vector<int>(copy.begin(), copy.end()), bytes);

  column<int> owner{4, 5, 6};
  const int* buffer = owner.data();
  column<int> moved = std::move(owner);
  EXPECT_EQ(moved.data(), buffer);  // the vector's buffer moved with it
  EXPECT_EQ(moved.size(), 3U);
  EXPECT_TRUE(owner.empty());  // NOLINT(bugprone-use-after-move): a moved-from column is empty
  EXPECT_EQ(owner.data(), nullptr);

  column<int> view_moved = column<int>::view(bytes);
  column<int> target{9};
  target = std::move(view_moved);
  EXPECT_TRUE(target.viewing());
  EXPECT_EQ(target.data(), bytes.data());
  EXPECT_EQ(std::as_const(target)[2], 3);  // read through const: only an owner's items change

  column<int> assigned{7, 8};
  assigned = copy;
  EXPECT_EQ(std::vector<int>(assigned.begin(), assigned.end()), bytes);
  const column<int>& same = assigned;
  assigned = same;  // assigning a column to itself keeps it
  EXPECT_EQ(std::vector<int>(assigned.begin(), assigned.end()), bytes);
}

// The oracle: a std::map from key to the run [begin, end) of equal keys in a sorted array.
TEST(RangeTable, FindsEveryRunAndNothingElseAtEverySize) {
  std::mt19937_64 rng(15);
  for (const std::size_t runs : {1U, 2U, 3U, 5U, 8U, 13U, 100U, 1000U, 4097U}) {
    std::vector<std::uint64_t> keys;
    std::map<std::uint64_t, std::pair<std::uint32_t, std::uint32_t>> oracle;
    std::set<std::uint64_t> distinct;
    while (distinct.size() < runs) distinct.insert(rng() | 1);  // never 0: 0 marks an empty slot
    for (const std::uint64_t k : distinct) {
      const auto begin = static_cast<std::uint32_t>(keys.size());
      keys.insert(keys.end(), 1 + rng() % 4, k);
      oracle[k] = {begin, static_cast<std::uint32_t>(keys.size())};
    }
    const range_table t = range_table::of_sorted(keys);
    // Filled to at most `full`, with a free slot: a lookup of a missing key ends.
    EXPECT_LE(static_cast<double>(runs), range_table::full * static_cast<double>(t.slots.size())) << runs;
    EXPECT_TRUE(std::any_of(t.slots.begin(), t.slots.end(), [](const auto& s) { return s.key == 0; }));
    for (const auto& [k, range] : oracle) EXPECT_EQ(t.find(k), range) << runs;
    for (int miss = 0; miss < 1000; ++miss) {
      const std::uint64_t k = rng() & ~std::uint64_t{1};  // even: not among the (odd) keys
      EXPECT_EQ(t.find(k), (std::pair<std::uint32_t, std::uint32_t>{0, 0}));
    }
  }
  EXPECT_EQ(range_table::of_sorted({}).find(42), (std::pair<std::uint32_t, std::uint32_t>{0, 0}));
}

TEST(IdTable, FindsEveryIdAndNoOtherAtEverySize) {
  for (const std::uint32_t n : {0U, 1U, 2U, 3U, 4U, 7U, 100U, 3001U}) {
    std::vector<std::string> ids;
    for (std::uint32_t k = 0; k < n; ++k) ids.push_back("event-" + std::to_string(k * 7919U % 100003U));
    auto id_of = [&](std::uint32_t k) -> std::string_view { return ids[k]; };
    const id_table t = id_table::of(n, id_of);
    if (n > 0) {
      EXPECT_LE(static_cast<double>(n), id_table::full * static_cast<double>(t.slots.size())) << n;
      EXPECT_TRUE(
          std::any_of(t.slots.begin(), t.slots.end(), [](const auto& s) { return s.number == no_index; }));
    }
    for (std::uint32_t k = 0; k < n; ++k) EXPECT_EQ(t.find(ids[k], id_of), k) << ids[k];
    for (const std::string_view other : {"", "event-", "event-1 ", "x", "event-100003", "event-00"}) {
      EXPECT_EQ(t.find(other, id_of), no_index) << other;
    }
  }
}

TEST(IdTable, HashesTheSameOnEveryStandardLibrary) {
  // The table is written to snapshot files: its hash is diplo's own, fixed values.
  EXPECT_EQ(id_table::hash(""), id_table::hash(std::string()));
  EXPECT_NE(id_table::hash("a"), id_table::hash("b"));
  EXPECT_NE(id_table::hash("abcdefgh"), id_table::hash(std::string_view("abcdefgh\0", 9)));  // length counts
  EXPECT_EQ(id_table::hash("2025-05-08-moscow-talks"),
            id_table::hash(std::string("2025-05-08-moscow-talks")));
}

TEST(TripStart, PacksItsDaysAndLevelIntoEightBytes) {
  for (const std::int32_t earliest : {-(1 << 28) + 1, -1, 0, 20'000, (1 << 28) - 1}) {
    for (const std::int32_t later : {0, 1, 365, 3652, (1 << 28) - 1}) {
      for (std::uint8_t level = 0; level <= 4; ++level) {
        const std::int64_t latest = std::int64_t{earliest} + later;
        if (latest >= (1 << 28)) continue;  // outside diplo's range of days
        const trip_start t = trip_start::of(earliest, static_cast<std::int32_t>(latest), level);
        EXPECT_EQ(t.earliest, earliest);
        EXPECT_EQ(t.latest(), latest);
        EXPECT_EQ(t.level(), level);
      }
    }
  }
}

}  // namespace
