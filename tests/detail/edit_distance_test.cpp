// SPDX-License-Identifier: MIT
#include <diplo/detail/edit_distance.h>

#include <algorithm>
#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace {

using diplo::detail::edit_distance;
using diplo::detail::no_edit_limit;

// The oracle: the optimal-string-alignment recurrence over the full table, no cutoff and
// no row reuse (Damerau-Levenshtein as Wikipedia's "Optimal string alignment distance"
// states it).
auto osa_oracle(std::string_view a, std::string_view b) -> std::size_t {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

auto sv(const char* s) -> std::string_view { return s; }

TEST(EditDistance, CountsEditsAndSwaps) {
  EXPECT_EQ(edit_distance(sv("Putin"), sv("Putin")), 0U);
  EXPECT_EQ(edit_distance(sv("Putin"), sv("Pitun")), 2U);  // two substitutions
  EXPECT_EQ(edit_distance(sv("Putin"), sv("Ptuin")), 1U);  // one swap
  EXPECT_EQ(edit_distance(sv("Eurpoe/Paris"), sv("Europe/Paris")), 1U);
  EXPECT_EQ(edit_distance(sv(""), sv("abc")), 3U);
  EXPECT_EQ(edit_distance(sv("kitten"), sv("sitting")), 3U);
  // Optimal string alignment, not unrestricted Damerau: "ca" -> "abc" is 3, not 2.
  EXPECT_EQ(edit_distance(sv("ca"), sv("abc")), 3U);
  EXPECT_EQ(edit_distance(std::u32string(U"\u043F\u0443\u0442\u0438\u043D"),
                          std::u32string(U"\u043F\u0443\u0438\u0442\u043D")),
            1U);  // путин, пуитн: code points, not bytes
}

TEST(EditDistance, StopsPastTheLimit) {
  EXPECT_EQ(edit_distance(sv("abcdef"), sv("zzzzzz"), 2), 3U);
  EXPECT_EQ(edit_distance(sv("abcdef"), sv("abcdef"), 0), 0U);
  EXPECT_EQ(edit_distance(sv("a"), sv("abcdef"), 2), 3U);  // lengths alone say it
  EXPECT_EQ(edit_distance(sv("abc"), sv("abd"), 1), 1U);
  EXPECT_EQ(edit_distance(sv("abc"), sv("xyz"), no_edit_limit), 3U);
}

TEST(EditDistance, ComparesWithTheGivenEquality) {
  auto same_letter = [](char x, char y) { return (x | 0x20) == (y | 0x20); };
  EXPECT_EQ(edit_distance(sv("europe/moscow"), sv("Europe/Moscow"), 3, same_letter), 0U);
  EXPECT_EQ(edit_distance(sv("europe/moscow"), sv("Europe/Moscow")), 2U);
}

TEST(EditDistance, AgreesWithTheFullTableWithAndWithoutCutoff) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> size(0, 9);
  std::uniform_int_distribution<int> letter(0, 3);  // few letters: many matches and swaps
  std::uniform_int_distribution<std::size_t> limit(0, 6);
  auto random_text = [&] {
    std::string s(size(rng), 'a');
    for (char& c : s) c = static_cast<char>('a' + letter(rng));
    return s;
  };
  for (int k = 0; k < 50'000; ++k) {
    const std::string a = random_text();
    const std::string b = random_text();
    const std::size_t expected = osa_oracle(a, b);
    ASSERT_EQ(edit_distance(a, b), expected) << a << " / " << b;
    const std::size_t l = limit(rng);
    ASSERT_EQ(edit_distance(a, b, l), std::min(expected, l + 1)) << a << " / " << b << " limit " << l;
    ASSERT_EQ(edit_distance(b, a), expected);  // symmetric
  }
}

}  // namespace
