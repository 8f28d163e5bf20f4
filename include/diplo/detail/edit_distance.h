// SPDX-License-Identifier: MIT
#pragma once

// The edit distance behind every "did you mean": unknown actor names and ids
// (actor.h) and unknown time zones (tz.h).
//
// THE DISTANCE is Damerau-Levenshtein in its "optimal string alignment" form: the
// fewest insertions, deletions, substitutions and swaps of two neighbours that turn
// one sequence into the other, no part edited twice. A swap costs one edit, as it is
// one slip of the fingers: "Ptuin" is 1 from "Putin", "Eurpoe/Paris" 1 from
// "Europe/Paris".
//
// THE CUTOFF. Suggestions only want the near ones, so `limit` stops the work as soon
// as every alignment costs more than `limit`; the answer is then `limit + 1` (so
// `d <= limit` asks "near enough?"). Without a limit the full distance comes back.
//
//   edit_distance(std::string_view("Putin"), std::string_view("Ptuin"))     // 1
//   edit_distance(std::u32string(U"abcdef"), std::u32string(U"zzzzzz"), 2)  // 3

#include <algorithm>
#include <cstddef>
#include <functional>
#include <limits>
#include <utility>
#include <vector>

namespace diplo::detail {

/// No cutoff: `edit_distance` computes the whole distance.
inline constexpr std::size_t no_edit_limit = std::numeric_limits<std::size_t>::max();

/// The optimal-string-alignment distance between `a` and `b` (sequences with `size()`
/// and `operator[]`, such as std::string_view or std::u32string), elements compared with
/// `eq`; `limit + 1` when it is more than `limit`.
template <class A, class B, class Eq = std::equal_to<>>
[[nodiscard]] auto edit_distance(const A& a, const B& b, std::size_t limit = no_edit_limit, Eq eq = {})
    -> std::size_t {
  const std::size_t over = limit == no_edit_limit ? limit : limit + 1;
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if ((n > m ? n - m : m - n) > limit) return over;
  std::vector<std::size_t> prev2(m + 1);
  std::vector<std::size_t> prev(m + 1);
  std::vector<std::size_t> cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = eq(a[i - 1], b[j - 1]) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && eq(a[i - 1], b[j - 2]) && eq(a[i - 2], b[j - 1])) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    // Every alignment passes through this row, and no later entry is below its minimum:
    // a swap into the next row costs one more than an entry two rows up, and this row
    // holds an entry no larger (the substitution from that same entry).
    if (row_min > limit) return over;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], over);
}

}  // namespace diplo::detail
