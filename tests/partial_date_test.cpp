// SPDX-License-Identifier: MIT
#include <diplo/partial_date.h>

#include <algorithm>
#include <compare>
#include <concepts>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <date/date.h>
#include <diplo/error.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

namespace {

static_assert(std::regular<diplo::partial_date>);
static_assert(std::totally_ordered<diplo::partial_date>);
static_assert(std::three_way_comparable<diplo::partial_date, std::strong_ordering>);
static_assert(std::is_trivially_copyable_v<diplo::partial_date>);
static_assert(sizeof(diplo::partial_date) == 4);
static_assert(!std::is_convertible_v<int, diplo::partial_date>);
static_assert(!std::is_constructible_v<diplo::partial_date, int>);
static_assert(!std::is_convertible_v<std::string, diplo::partial_date>);
static_assert(!std::is_constructible_v<diplo::partial_date, std::string>);
static_assert(!std::is_convertible_v<std::string_view, diplo::partial_date>);
static_assert(!std::is_convertible_v<date::year, diplo::partial_date>);  // explicit
static_assert(std::is_convertible_v<date::year_month_day, diplo::partial_date>);
static_assert(std::is_convertible_v<date::year_month, diplo::partial_date>);
static_assert(std::is_nothrow_default_constructible_v<diplo::partial_date>);

using diplo::partial_date;
using diplo::precision;
using diplo::qualifier;

auto day(int y, unsigned m, unsigned d) -> date::sys_days {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}};
}

TEST(PartialDate, DefaultIsTheYear1970) {
  constexpr partial_date d;
  static_assert(d.precision() == precision::year);
  static_assert(d.qualifier() == qualifier::none);
  static_assert(d.earliest() == date::sys_days{});
  EXPECT_EQ(d.to_edtf(), "1970");
  EXPECT_EQ(d, partial_date::parse("1970"));
}

TEST(PartialDate, ConstexprConstruction) {
  using namespace date::literals;
  constexpr partial_date d = 2024_y / date::oct / 22;
  static_assert(d.is_exact_day());
  static_assert(d.earliest() == d.latest());
  static_assert(d.earliest() == date::sys_days{2024_y / date::oct / 22});
  constexpr partial_date m = 2024_y / date::feb;
  static_assert(m.precision() == precision::month);
  static_assert(m.latest() == date::sys_days{2024_y / date::feb / 29});
  constexpr partial_date y{2024_y, qualifier::approximate};
  static_assert(y.approximate() && !y.uncertain());
  static_assert(y < m);
  SUCCEED();
}

TEST(PartialDate, ConstructorsCheckTheirInput) {
  using namespace date::literals;
  EXPECT_THROW(partial_date(2023_y / date::feb / 29), diplo::error);
  EXPECT_THROW(partial_date(2024_y / date::month{13}), diplo::error);
  EXPECT_THROW(partial_date(date::year{12024}), diplo::error);
  EXPECT_THROW(partial_date(date::year{10000} / date::jan / 1), diplo::error);
  EXPECT_NO_THROW(partial_date(date::year{-9999} / date::jan / 1));
  const partial_date d(2024_y / date::feb / 29, qualifier::uncertain);
  EXPECT_EQ(d.to_edtf(), "2024-02-29?");
  EXPECT_EQ(partial_date(2024_y / date::oct).to_edtf(), "2024-10");
  EXPECT_EQ(partial_date(date::year{-44}).to_edtf(), "-0044");
}

TEST(PartialDate, LeapDays) {
  const auto d = partial_date::parse("2024-02-29");
  EXPECT_TRUE(d.is_exact_day());
  EXPECT_EQ(d.earliest(), day(2024, 2, 29));
  EXPECT_EQ(partial_date::parse("2000-02-29").earliest(), day(2000, 2, 29));
  EXPECT_EQ(partial_date::parse("2024-02").latest(), day(2024, 2, 29));
  EXPECT_EQ(partial_date::parse("2023-02").latest(), day(2023, 2, 28));
  try {
    (void)partial_date::parse("2023-02-29");
    FAIL() << "2023-02-29 accepted";
  } catch (const diplo::parse_error& e) {
    EXPECT_EQ(e.column(), 9U);
    EXPECT_EQ(e.input(), "2023-02-29");
    EXPECT_STREQ(e.what(),
                 "[diplo.edtf] \"2023-02-29\" at column 9: expected a day of February 2023 (01-28)");
  }
  EXPECT_FALSE(partial_date::try_parse("1900-02-29"));
  EXPECT_FALSE(partial_date::try_parse("2024-04-31"));
}

struct bounds_case {
  std::string_view edtf;
  precision prec;
  date::sys_days earliest;
  date::sys_days latest;
};

TEST(PartialDate, Bounds) {
  const bounds_case cases[] = {
      {"2024", precision::year, day(2024, 1, 1), day(2024, 12, 31)},
      {"2024-10", precision::month, day(2024, 10, 1), day(2024, 10, 31)},
      {"2024-11", precision::month, day(2024, 11, 1), day(2024, 11, 30)},
      {"2024-10-22", precision::day, day(2024, 10, 22), day(2024, 10, 22)},
      {"-0044", precision::year, day(-44, 1, 1), day(-44, 12, 31)},
      {"-0044-03-15", precision::day, day(-44, 3, 15), day(-44, 3, 15)},
      {"0000", precision::year, day(0, 1, 1), day(0, 12, 31)},
      {"9999-12", precision::month, day(9999, 12, 1), day(9999, 12, 31)},
      {"202X", precision::year, day(2020, 1, 1), day(2029, 12, 31)},
      {"20XX", precision::year, day(2000, 1, 1), day(2099, 12, 31)},
      {"2024-XX", precision::month, day(2024, 1, 1), day(2024, 12, 31)},
      {"2024-XX-XX", precision::day, day(2024, 1, 1), day(2024, 12, 31)},
      {"2024-10-XX", precision::day, day(2024, 10, 1), day(2024, 10, 31)},
      {"2024-02-XX", precision::day, day(2024, 2, 1), day(2024, 2, 29)},
      {"2024-21", precision::season, day(2024, 3, 1), day(2024, 5, 31)},
      {"2024-22", precision::season, day(2024, 6, 1), day(2024, 8, 31)},
      {"2024-23", precision::season, day(2024, 9, 1), day(2024, 11, 30)},
      {"2023-24", precision::season, day(2023, 12, 1), day(2024, 2, 29)},
      {"2024-24", precision::season, day(2024, 12, 1), day(2025, 2, 28)},
      {"2024-10~", precision::month, day(2024, 10, 1), day(2024, 10, 31)},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.edtf);
    const auto d = partial_date::parse(c.edtf);
    EXPECT_EQ(d.precision(), c.prec);
    EXPECT_EQ(d.earliest(), c.earliest);
    EXPECT_EQ(d.latest(), c.latest);
    EXPECT_EQ(d.is_exact_day(), c.earliest == c.latest);
  }
}

TEST(PartialDate, UnspecifiedDigits) {
  EXPECT_TRUE(partial_date::parse("202X").has_unspecified_digits());
  EXPECT_TRUE(partial_date::parse("2024-XX").has_unspecified_digits());
  EXPECT_TRUE(partial_date::parse("2024-10-XX").has_unspecified_digits());
  EXPECT_FALSE(partial_date::parse("2024-10-XX").is_exact_day());
  EXPECT_FALSE(partial_date::parse("2024-10").has_unspecified_digits());
  EXPECT_FALSE(partial_date::parse("2024-21").has_unspecified_digits());
  // Same bounds, different precision: not equal.
  EXPECT_NE(partial_date::parse("2024"), partial_date::parse("2024-XX"));
  EXPECT_NE(partial_date::parse("2024-XX"), partial_date::parse("2024-XX-XX"));
  EXPECT_NE(partial_date::parse("2024-10"), partial_date::parse("2024-10-XX"));
}

struct qualifier_case {
  std::string_view edtf;
  qualifier q;
  bool uncertain;
  bool approximate;
};

TEST(PartialDate, Qualifiers) {
  const qualifier_case cases[] = {
      {"2024", qualifier::none, false, false},
      {"2024?", qualifier::uncertain, true, false},
      {"2024-10~", qualifier::approximate, false, true},
      {"2024-10-15%", qualifier::uncertain_approximate, true, true},
      {"202X?", qualifier::uncertain, true, false},
      {"2024-XX~", qualifier::approximate, false, true},
      {"2024-21%", qualifier::uncertain_approximate, true, true},
      {"-0044?", qualifier::uncertain, true, false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.edtf);
    const auto d = partial_date::parse(c.edtf);
    EXPECT_EQ(d.qualifier(), c.q);
    EXPECT_EQ(d.uncertain(), c.uncertain);
    EXPECT_EQ(d.approximate(), c.approximate);
    EXPECT_EQ(d.to_edtf(), c.edtf);
    // Qualifiers never move the bounds.
    const auto plain = d.with(qualifier::none);
    EXPECT_EQ(d.earliest(), plain.earliest());
    EXPECT_EQ(d.latest(), plain.latest());
    EXPECT_EQ(d == plain, c.q == qualifier::none);
  }
}

TEST(PartialDate, RoundTrip) {
  const std::string_view inputs[] = {
      "2024",    "2024-10", "2024-10-22", "-0044",      "-0044-03-15", "0000",        "9999-12-31", "-9999",
      "202X",    "20XX",    "2024-XX",    "2024-XX-XX", "2024-10-XX",  "2024-21",     "2024-22",    "2024-23",
      "2024-24", "2024?",   "2024-10~",   "2024-10%",   "202X~",       "2024-XX-XX%", "2024-02-29", "1970"};
  for (auto in : inputs) {
    SCOPED_TRACE(in);
    const auto d = partial_date::parse(in);
    EXPECT_EQ(d.to_edtf(), in);
    EXPECT_EQ(partial_date::parse(d.to_edtf()), d);
    EXPECT_EQ(partial_date::try_parse(in), d);
  }
  // "-0000" is accepted and prints canonically as "0000".
  EXPECT_EQ(partial_date::parse("-0000").to_edtf(), "0000");
}

struct reject_case {
  std::string_view edtf;
  std::size_t column;
  std::string_view expected;  // a substring of what()
};

TEST(PartialDate, RejectsWithColumnAndExpectation) {
  const reject_case cases[] = {
      {"2024-5-9", 6, "at column 6: expected a two-digit month (01-12)"},
      {"2023-02-29", 9, "expected a day of February 2023 (01-28)"},
      {"2024-04-31", 9, "expected a day of April 2024 (01-30)"},
      {"2024-13", 6, "expected a month (01-12) or a season (21-24)"},
      {"2024-00", 6, "expected a month (01-12) or a season (21-24)"},
      {"2024-10-32", 9, "expected a day (01-31)"},
      {"2024-10-00", 9, "expected a day (01-31)"},
      {"20250509", 5, "basic format 20250509 is not EDTF, write 2025-05-09"},
      {"12024", 5, "years have exactly four digits"},
      {"2024-05-09x", 11, "expected a qualifier ('?', '~' or '%') or end of input"},
      {"2024-05-09 ", 11, "or end of input"},
      {"", 1, "expected a date (YYYY, YYYY-MM or YYYY-MM-DD)"},
      {"Y170000002", 1, "the 'Y' prefix are not supported"},
      {"y17000", 1, "the 'Y' prefix are not supported"},
      {"2004-uu", 6, "'u' is 2012-draft EDTF for an unspecified digit; write 'X'"},
      {"20uu", 3, "'u' is 2012-draft EDTF"},
      {"open", 1, "'open' is 2012-draft EDTF (an open interval end is now '..')"},
      {"unknown", 1, "'unknown' is 2012-draft EDTF, leave an unknown interval end empty"},
      {"..", 1, "'..' marks an open end and is valid only in an interval"},
      {"2024?~", 6, "'?~' is 2012-draft EDTF, write '%'"},
      {"2004-06~-11", 9, "per-part qualifiers are EDTF level 2"},
      {"2004-?06-11", 6, "per-part qualifiers are EDTF level 2"},
      {"2004-06-~11", 9, "per-part qualifiers are EDTF level 2"},
      {"?2004", 1, "per-part qualifiers are EDTF level 2"},
      {"2024-XX-10", 9, "a known day in an unspecified month is EDTF level 2"},
      {"20X4", 4, "unspecified digits must be the last year digits"},
      {"2XXX", 2, "only the last one or two year digits may be 'X'"},
      {"-004X", 5, "unspecified digits in negative years are not supported"},
      {"201X-05", 5, "a year with unspecified digits cannot have a month"},
      {"2024-21-01", 8, "a season has no day"},
      {"2024-05-09T10:00:00", 11, "times of day are not supported"},
      {"202", 4, "expected a four-digit year"},
      {"2024-", 6, "expected a two-digit month (01-12)"},
      {"2024-10-", 9, "expected a two-digit day (01-31)"},
      {"2024-1X", 6, "expected a two-digit month (01-12)"},
      {"2024/2025", 5, "or end of input"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.edtf);
    EXPECT_FALSE(partial_date::try_parse(c.edtf));
    try {
      (void)partial_date::parse(c.edtf);
      ADD_FAILURE() << "accepted";
    } catch (const diplo::parse_error& e) {
      EXPECT_EQ(e.column(), c.column);
      EXPECT_EQ(e.input(), c.edtf);
      const std::string what = e.what();
      EXPECT_TRUE(what.starts_with("[diplo.edtf] \"")) << what;
      EXPECT_NE(what.find(fmt::format("at column {}: expected ", c.column)), std::string::npos) << what;
      EXPECT_NE(what.find(c.expected), std::string::npos) << what;
    }
  }
}

TEST(PartialDate, ParseErrorIsADiploError) {
  EXPECT_THROW((void)partial_date::parse("2024-13"), diplo::error);
  EXPECT_STREQ(
      [] {
        try {
          (void)partial_date::parse("2024-5-9");
        } catch (const diplo::error& e) {
          return std::string(e.what());
        }
        return std::string();
      }()
          .c_str(),
      "[diplo.edtf] \"2024-5-9\" at column 6: expected a two-digit month (01-12)");
}

TEST(PartialDate, OrderingIsByEarliestThenLatest) {
  std::vector<partial_date> v = {
      partial_date::parse("2024-10-22"), partial_date::parse("2024"),     partial_date::parse("2024-10"),
      partial_date::parse("202X"),       partial_date::parse("2024-10~"), partial_date::parse("2023-24"),
      partial_date::parse("2024-10-01"), partial_date::parse("-0044"),
  };
  std::sort(v.begin(), v.end());
  std::vector<std::string> got;
  for (const auto& d : v) got.push_back(d.to_edtf());
  const std::vector<std::string> want = {"-0044",      "202X",    "2023-24",  "2024",
                                         "2024-10-01", "2024-10", "2024-10~", "2024-10-22"};
  EXPECT_EQ(got, want);

  const auto a = partial_date::parse("2024-10");
  EXPECT_EQ(a <=> partial_date::parse("2024-10"), std::strong_ordering::equal);
  EXPECT_EQ(a <=> partial_date::parse("2024-10-XX"), std::strong_ordering::less);  // precision
  EXPECT_LT(partial_date::parse("2024"), partial_date::parse("2024-XX"));
  EXPECT_GT(partial_date::parse("2024-11"), a);
}

TEST(PartialDate, HumanFormatting) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"2024-10-22", "22 October 2024"},
      {"2024-10", "October 2024"},
      {"2024", "2024"},
      {"2024-10~", "c. October 2024"},
      {"2024-10?", "October 2024?"},
      {"2024-10%", "c. October 2024?"},
      {"202X", "2020–2029"},  // as "19XX" is "1900–1999": one form for both
      {"20XX", "2000–2099"},
      {"19XX", "1900–1999"},
      {"2024-XX", "a month of 2024"},
      {"2024-XX-XX", "a day in 2024"},
      {"2024-10-XX", "a day in October 2024"},
      {"2024-21", "spring 2024"},
      {"2024-22", "summer 2024"},
      {"2024-23", "autumn 2024"},
      {"2024-24", "winter 2024–2025"},
      {"-0044", "45 BCE"},
      {"-0044-03-15", "15 March 45 BCE"},
      {"0000", "1 BCE"},
      {"0033~", "c. 33"},
  };
  for (const auto& [in, want] : cases) {
    SCOPED_TRACE(in);
    const auto d = partial_date::parse(in);
    EXPECT_EQ(fmt::format("{}", d), want);
    EXPECT_EQ(d.to_text(), want);
    EXPECT_EQ(fmt::format("{:e}", d), in);
  }
}

TEST(PartialDate, FormatterWidth) {
  const auto d = partial_date::parse("2024-10~");
  EXPECT_EQ(fmt::format("[{:>20}]", d), "[     c. October 2024]");
  EXPECT_EQ(fmt::format("[{:<17}]", d), "[c. October 2024  ]");
  EXPECT_EQ(fmt::format("[{:e>10}]", d), "[  2024-10~]");
  EXPECT_EQ(fmt::format("[{:e*^12}]", d), "[**2024-10~**]");
  EXPECT_EQ(fmt::format("[{:{}}]", d, 16), "[c. October 2024 ]");
}

TEST(PartialDate, EnumFormatters) {
  EXPECT_EQ(fmt::format("{}", precision::season), "season");
  EXPECT_EQ(fmt::format("{:>6}", precision::day), "   day");
  EXPECT_EQ(fmt::format("{}", qualifier::uncertain_approximate), "uncertain-approximate");
  EXPECT_EQ(fmt::format("{}", qualifier::approximate), "approximate");
  static_assert(diplo::name(precision::year) == "year");
  static_assert(diplo::symbol(qualifier::uncertain) == "?");
  static_assert(diplo::symbol(qualifier::none).empty());
}

}  // namespace

// --- property: printing an accepted date as EDTF and parsing it again gives the same date ---

namespace {

// A systematic set of EDTF-like strings: years (negative, zero, limits, 'X' digits, broken),
// then nothing or a month (01-12, 'XX', seasons 21-24, and numbers just outside), then
// nothing or a day (valid, month ends, leap days, 'XX', out of range), then a qualifier.
auto systematic_edtf_dates() -> std::vector<std::string> {
  const std::vector<std::string> years = {"0000", "-0000", "0001", "-0001", "-0044", "-9999",
                                          "9999", "1900",  "1970", "2000",  "2023",  "2024",
                                          "202X", "20XX",  "199X", "2XXX",  "-202X", "2X24"};
  std::vector<std::string> months = {"",    "-00", "-XX", "-13", "-20", "-21",
                                     "-22", "-23", "-24", "-25", "-X1", "-1"};
  for (int m = 1; m <= 12; ++m) months.push_back(fmt::format("-{:02}", m));
  const std::vector<std::string> days = {"",    "-01", "-15", "-28", "-29", "-30",
                                         "-31", "-32", "-00", "-XX", "-X1"};
  const std::vector<std::string> qualifiers = {"", "?", "~", "%", "?~", "~?"};
  std::vector<std::string> out;
  for (const auto& y : years) {
    for (const auto& m : months) {
      for (const auto& d : days) {
        if (m.empty() && !d.empty()) continue;
        for (const auto& q : qualifiers) out.push_back(y + m + d + q);
      }
    }
  }
  return out;
}

struct round_trip_result {
  std::size_t accepted = 0;
  std::vector<std::string> failures;  // "input -> printed: what went wrong"
};

// Checks the round-trip property of every accepted input with `print` as the EDTF printer:
// print(parse(s)) parses back to the same date and prints the same again, and (for
// canonical input, which all of these are except "-0000") is `s` itself.
template <class Print>
auto check_round_trip(const std::vector<std::string>& inputs, Print print) -> round_trip_result {
  round_trip_result r;
  for (const std::string& s : inputs) {
    const auto d = partial_date::try_parse(s);
    if (!d) continue;
    ++r.accepted;
    const std::string e = print(*d);
    const auto again = partial_date::try_parse(e);
    if (!again) {
      r.failures.push_back(fmt::format("{} -> {}: does not parse", s, e));
    } else if (*again != *d) {
      r.failures.push_back(fmt::format("{} -> {}: parses to another date", s, e));
    } else if (print(*again) != e) {
      r.failures.push_back(fmt::format("{} -> {}: prints as {}", s, e, print(*again)));
    } else if (e != s && !s.starts_with("-0000")) {
      r.failures.push_back(fmt::format("{} -> {}: not the canonical input", s, e));
    }
  }
  return r;
}

TEST(PartialDateProperty, EveryAcceptedDatePrintsAndParsesBackTheSame) {
  const auto inputs = systematic_edtf_dates();
  const auto r = check_round_trip(inputs, [](const partial_date& d) { return fmt::format("{:e}", d); });
  EXPECT_EQ(r.failures, std::vector<std::string>{});
  // Not vacuous: most shapes are accepted (every year but the broken ones, with every valid
  // month, season and day, and every qualifier).
  EXPECT_GT(r.accepted, 2000U) << "of " << inputs.size();
  EXPECT_LT(r.accepted, inputs.size());
}

TEST(PartialDateProperty, TheRoundTripCheckCatchesALossyPrinter) {
  // The same check with a printer that drops the qualifier, or the day, must fail.
  const auto inputs = systematic_edtf_dates();
  const auto no_qualifier =
      check_round_trip(inputs, [](const partial_date& d) { return d.with(qualifier::none).to_edtf(); });
  EXPECT_FALSE(no_qualifier.failures.empty());
  const auto no_day = check_round_trip(inputs, [](const partial_date& d) {
    const std::string e = d.to_edtf();
    return d.precision() == precision::day ? e.substr(0, e.rfind('-')) : e;
  });
  EXPECT_FALSE(no_day.failures.empty());
}

}  // namespace
