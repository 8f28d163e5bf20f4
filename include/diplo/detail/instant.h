// SPDX-License-Identifier: MIT
#pragma once

// Internal: exact instants as every format writes them (JSON, JSON Lines, CSV, the tool's
// --json output): one parser and one formatter.
//
// An instant is written "YYYY-MM-DDTHH:MM:SSZ", in UTC, to the second (data/FORMAT.md):
//
//   "2025-05-09T07:00:00Z"         read as 2025-05-09 07:00:00 UTC
//   "2025-05-09T10:00:00+03:00"    refused at column 20: expected 'Z' (instants are in UTC)
//   "2025-05-09 07:00:00Z"         refused at column 11: expected 'T' between the date ...
//   "2025-05-09T07:00:00.5Z"       refused at column 20: expected 'Z' (no fraction of a second)
//   "2023-02-29T07:00:00Z"         refused at column 9: expected a day of the month (01-28)
//   "2016-12-31T23:59:60Z"         refused at column 18: expected two-digit seconds (00-59)
//                                  (no leap second: sys_seconds cannot hold one)
//
// The rules: exactly 20 bytes, four-digit year (0000-9999), month 01-12, a day the month
// has, hour 00-23, minutes and seconds 00-59, a capital 'T' and 'Z', no offset, no fraction,
// nothing after the 'Z'. The text is read from the left and the first problem found is the
// one reported, at its 1-based byte column, as a parse_error of area "instant":
// `[diplo.instant] "<text>" at column N: expected <what>`.
//
// `format_instant` writes what `parse_instant` reads back, for the years 0000-9999 (an
// instant outside them is written as date::format writes it, and is not read back).

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>
#include <fmt/format.h>

#include "diplo/error.h"

namespace diplo::detail {

/// The first problem `scan_instant` found: its 1-based column and what was expected there
/// (`last_day` fills a "day of the month (01-NN)" message).
struct instant_problem {
  enum class what : unsigned char { year, dash, month, day, t, hour, colon, minutes, seconds, z, end };
  std::size_t column = 0;
  what expected = what::end;
  unsigned last_day = 0;
};

/// Reads `s` as "YYYY-MM-DDTHH:MM:SSZ" into `out`; on failure returns the first problem
/// from the left (and leaves `out` alone).
constexpr auto scan_instant(std::string_view s, date::sys_seconds& out) noexcept
    -> std::optional<instant_problem> {
  using what = instant_problem::what;
  std::optional<instant_problem> problem;
  auto fail = [&](std::size_t column, what w, unsigned last_day = 0) {
    if (!problem) problem = instant_problem{column, w, last_day};
  };
  // The number of `n` digits at `from`; -1 (with the problem noted) when one is not a digit.
  auto digits = [&](std::size_t from, std::size_t n, what w) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (i >= s.size() || s[i] < '0' || s[i] > '9') {
        fail(i + 1, w);
        return -1;
      }
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  auto sep = [&](std::size_t i, char c, what w) {
    if (i >= s.size() || s[i] != c) fail(i + 1, w);
  };
  const int y = digits(0, 4, what::year);
  sep(4, '-', what::dash);
  const int mo = problem ? 0 : digits(5, 2, what::month);
  if (!problem && (mo < 1 || mo > 12)) fail(6, what::month);
  if (!problem) sep(7, '-', what::dash);
  const int d = problem ? 0 : digits(8, 2, what::day);
  if (problem) return problem;
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(mo)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) {
    const auto last = date::year_month_day_last{ymd.year(), date::month_day_last{ymd.month()}}.day();
    return instant_problem{9, what::day, static_cast<unsigned>(last)};
  }
  sep(10, 'T', what::t);
  const int h = problem ? 0 : digits(11, 2, what::hour);
  if (!problem && h > 23) fail(12, what::hour);
  if (!problem) sep(13, ':', what::colon);
  const int mi = problem ? 0 : digits(14, 2, what::minutes);
  if (!problem && mi > 59) fail(15, what::minutes);
  if (!problem) sep(16, ':', what::colon);
  const int se = problem ? 0 : digits(17, 2, what::seconds);
  if (!problem && se > 59) fail(18, what::seconds);
  if (!problem) sep(19, 'Z', what::z);
  if (!problem && s.size() > 20) fail(21, what::end);
  if (problem) return problem;
  out = date::sys_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{se};
  return std::nullopt;
}

/// What `problem` says was expected, as a parse_error message ends.
inline auto expected_text(const instant_problem& problem) -> std::string {
  using what = instant_problem::what;
  switch (problem.expected) {
    case what::year: return "a four-digit year (instants are YYYY-MM-DDTHH:MM:SSZ)";
    case what::dash: return "'-'";
    case what::month: return "a two-digit month (01-12)";
    case what::day:
      return problem.last_day == 0 ? std::string("a two-digit day (01-31)")
                                   : fmt::format("a day of the month (01-{:02})", problem.last_day);
    case what::t: return "'T' between the date and the time";
    case what::hour: return "a two-digit hour (00-23)";
    case what::colon: return "':'";
    case what::minutes: return "two-digit minutes (00-59)";
    case what::seconds: return "two-digit seconds (00-59)";
    case what::z: return "'Z' (instants are in UTC)";
    case what::end: break;
  }
  return "the end of the instant";
}

/// The instant "YYYY-MM-DDTHH:MM:SSZ" names (see the rules above). Throws parse_error
/// (area "instant") naming the column of the first problem.
/// Example: parse_instant("2025-05-09T07:00:00Z") == sys_days{2025_y/May/9} + 7h
inline auto parse_instant(std::string_view s) -> date::sys_seconds {
  date::sys_seconds t{};
  if (auto problem = scan_instant(s, t)) {
    throw parse_error::at("instant", s, problem->column, expected_text(*problem));
  }
  return t;
}

/// As parse_instant, but nullopt for text that is not an instant.
[[nodiscard]] constexpr auto try_parse_instant(std::string_view s) noexcept
    -> std::optional<date::sys_seconds> {
  date::sys_seconds t{};
  if (scan_instant(s, t)) return std::nullopt;
  return t;
}

/// "YYYY-MM-DDTHH:MM:SSZ", what parse_instant reads back (for the years 0000-9999).
/// Example: format_instant(sys_days{2025_y/May/9} + 7h) == "2025-05-09T07:00:00Z"
[[nodiscard]] inline auto format_instant(date::sys_seconds t) -> std::string {
  return date::format("%FT%TZ", t);
}

}  // namespace diplo::detail
