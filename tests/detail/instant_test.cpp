// SPDX-License-Identifier: MIT
#include <diplo/detail/instant.h>

#include <chrono>
#include <cstdint>
#include <random>
#include <string>

#include <gtest/gtest.h>

namespace {

using diplo::detail::format_instant;
using diplo::detail::parse_instant;
using diplo::detail::try_parse_instant;

auto at(int y, unsigned mo, unsigned d, int h, int mi, int s) -> date::sys_seconds {
  return date::sys_days{date::year{y} / date::month{mo} / date::day{d}} + std::chrono::hours{h} +
         std::chrono::minutes{mi} + std::chrono::seconds{s};
}

// The message of the parse_error `text` throws ("" when it parses).
auto problem(std::string_view text) -> std::string {
  try {
    (void)parse_instant(text);
  } catch (const diplo::parse_error& e) {
    return e.what();
  }
  return "";
}

static_assert(diplo::detail::try_parse_instant("1970-01-01T00:00:01Z") ==
              date::sys_seconds{std::chrono::seconds{1}});
static_assert(!diplo::detail::try_parse_instant("1970-01-01T00:00:01"));

TEST(Instant, ReadsAndWrites) {
  EXPECT_EQ(parse_instant("2025-05-09T07:00:00Z"), at(2025, 5, 9, 7, 0, 0));
  EXPECT_EQ(parse_instant("0000-01-01T00:00:00Z"), at(0, 1, 1, 0, 0, 0));
  EXPECT_EQ(parse_instant("9999-12-31T23:59:59Z"), at(9999, 12, 31, 23, 59, 59));
  EXPECT_EQ(parse_instant("2024-02-29T12:34:56Z"), at(2024, 2, 29, 12, 34, 56));
  EXPECT_EQ(format_instant(at(2025, 5, 9, 7, 0, 0)), "2025-05-09T07:00:00Z");
  EXPECT_EQ(format_instant(at(33, 1, 2, 3, 4, 5)), "0033-01-02T03:04:05Z");
  EXPECT_EQ(format_instant(at(9999, 12, 31, 23, 59, 59)), "9999-12-31T23:59:59Z");
}

TEST(Instant, RoundTripsEverySecondOfADayAndEveryDayOfYears) {
  const date::sys_days day = date::sys_days{date::year{2024} / date::feb / date::day{29}};
  for (int s = 0; s < 86400; ++s) {
    const date::sys_seconds t = day + std::chrono::seconds{s};
    ASSERT_EQ(parse_instant(format_instant(t)), t) << format_instant(t);
  }
  for (date::sys_days d = date::sys_days{date::year{1899} / 1 / 1};
       d < date::sys_days{date::year{2101} / 1 / 1}; d += date::days{1}) {
    const date::sys_seconds t = d + std::chrono::seconds{45296};
    ASSERT_EQ(try_parse_instant(format_instant(t)), t) << format_instant(t);
  }
  std::mt19937_64 rng(13);
  const auto first = date::sys_seconds{date::sys_days{date::year{0} / 1 / 1}}.time_since_epoch().count();
  const auto last = date::sys_seconds{date::sys_days{date::year{10000} / 1 / 1}}.time_since_epoch().count();
  std::uniform_int_distribution<std::int64_t> any(first, last - 1);
  for (int k = 0; k < 100000; ++k) {
    const date::sys_seconds t{std::chrono::seconds{any(rng)}};
    ASSERT_EQ(parse_instant(format_instant(t)), t) << format_instant(t);
  }
}

TEST(Instant, RefusesWithTheColumnOfTheFirstProblem) {
  EXPECT_EQ(problem("2024-10-22T09:30:00"),
            "[diplo.instant] \"2024-10-22T09:30:00\" at column 20: expected 'Z' (instants are in UTC)");
  EXPECT_EQ(problem("2024-10-22T09:30:00+03:00"),
            "[diplo.instant] \"2024-10-22T09:30:00+03:00\" at column 20: expected 'Z' (instants are "
            "in UTC)");
  EXPECT_EQ(problem("2024-10-22T09:30:00.5Z"),
            "[diplo.instant] \"2024-10-22T09:30:00.5Z\" at column 20: expected 'Z' (instants are in "
            "UTC)");
  EXPECT_EQ(problem("2024-10-22T09:30:00ZZ"),
            "[diplo.instant] \"2024-10-22T09:30:00ZZ\" at column 21: expected the end of the instant");
  EXPECT_EQ(problem("2024-10-22 09:30:00Z"),
            "[diplo.instant] \"2024-10-22 09:30:00Z\" at column 11: expected 'T' between the date "
            "and the time");
  EXPECT_EQ(problem("2016-12-31T23:59:60Z"),
            "[diplo.instant] \"2016-12-31T23:59:60Z\" at column 18: expected two-digit seconds "
            "(00-59)");
  EXPECT_EQ(problem("2023-02-29T07:00:00Z"),
            "[diplo.instant] \"2023-02-29T07:00:00Z\" at column 9: expected a day of the month (01-28)");
  EXPECT_EQ(problem("2024-04-31T07:00:00Z"),
            "[diplo.instant] \"2024-04-31T07:00:00Z\" at column 9: expected a day of the month (01-30)");
  EXPECT_EQ(problem("2024-00-01T07:00:00Z"),
            "[diplo.instant] \"2024-00-01T07:00:00Z\" at column 6: expected a two-digit month (01-12)");
  EXPECT_EQ(problem("2024-10-22T24:00:00Z"),
            "[diplo.instant] \"2024-10-22T24:00:00Z\" at column 12: expected a two-digit hour (00-23)");
  EXPECT_EQ(problem("2024-10-22T23:60:00Z"),
            "[diplo.instant] \"2024-10-22T23:60:00Z\" at column 15: expected two-digit minutes (00-59)");
  EXPECT_EQ(problem("2024-10-22t09:30:00z"),
            "[diplo.instant] \"2024-10-22t09:30:00z\" at column 11: expected 'T' between the date "
            "and the time");
  EXPECT_EQ(problem("24-10-22T09:30:00Z"),
            "[diplo.instant] \"24-10-22T09:30:00Z\" at column 3: expected a four-digit year "
            "(instants are YYYY-MM-DDTHH:MM:SSZ)");
  EXPECT_EQ(problem(""),
            "[diplo.instant] \"\" at column 1: expected a four-digit year (instants are "
            "YYYY-MM-DDTHH:MM:SSZ)");
  EXPECT_EQ(problem("2024-10-22"),
            "[diplo.instant] \"2024-10-22\" at column 11: expected 'T' "
            "between the date and the time");
  EXPECT_EQ(problem("2024-10-22T9:30:00Z"),
            "[diplo.instant] \"2024-10-22T9:30:00Z\" at column 13: expected a two-digit hour (00-23)");
  // From the left: the month is wrong before the separator after the day is.
  EXPECT_EQ(problem("2024-13-01 10:00:00Z"),
            "[diplo.instant] \"2024-13-01 10:00:00Z\" at column 6: expected a two-digit month (01-12)");
  EXPECT_EQ(problem("2024/10/22T09:30:00Z"),
            "[diplo.instant] \"2024/10/22T09:30:00Z\" at column 5: expected '-'");
  EXPECT_EQ(problem("2024-10-22T09.30:00Z"),
            "[diplo.instant] \"2024-10-22T09.30:00Z\" at column 14: expected ':'");
}

// The oracle: the text is 20 bytes of the pattern, its fields in range and its day one the
// month has.
auto oracle(const std::string& s) -> bool {
  constexpr std::string_view pattern = "dddd-dd-ddTdd:dd:ddZ";
  if (s.size() != pattern.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (pattern[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != pattern[i]) return false;
  }
  const auto num = [&](std::size_t at, std::size_t n) { return std::stoi(s.substr(at, n)); };
  const date::year_month_day ymd{date::year{num(0, 4)}, date::month{static_cast<unsigned>(num(5, 2))},
                                 date::day{static_cast<unsigned>(num(8, 2))}};
  return ymd.ok() && num(11, 2) < 24 && num(14, 2) < 60 && num(17, 2) < 60;
}

TEST(Instant, AgreesWithTheOracleOnEveryOneByteChangeAndCut) {
  for (const std::string valid : {"2024-02-29T23:59:59Z", "2023-12-31T00:00:00Z", "0000-01-01T12:30:45Z"}) {
    for (std::size_t i = 0; i <= valid.size(); ++i) {
      const std::string cut = valid.substr(0, i);
      ASSERT_EQ(try_parse_instant(cut).has_value(), oracle(cut)) << cut;
      ASSERT_EQ(problem(cut).empty(), oracle(cut)) << cut;
      for (int b = 0; b < 256 && i < valid.size(); ++b) {
        std::string changed = valid;
        changed[i] = static_cast<char>(b);
        ASSERT_EQ(try_parse_instant(changed).has_value(), oracle(changed)) << changed;
        std::string inserted = valid;
        inserted.insert(i, 1, static_cast<char>(b));
        ASSERT_EQ(try_parse_instant(inserted).has_value(), oracle(inserted)) << inserted;
      }
    }
  }
  // Every month and day number, in and out of range.
  for (int y : {1900, 2000, 2023, 2024}) {
    for (int m = 0; m < 100; ++m) {
      for (int d = 0; d < 100; ++d) {
        const std::string s = fmt::format("{:04}-{:02}-{:02}T01:02:03Z", y, m, d);
        ASSERT_EQ(try_parse_instant(s).has_value(), oracle(s)) << s;
      }
    }
  }
}

}  // namespace
