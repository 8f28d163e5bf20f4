// SPDX-License-Identifier: MIT
#include <diplo/period.h>

#include <algorithm>
#include <concepts>
#include <cstdint>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <date/date.h>
#include <diplo/error.h>
#include <diplo/partial_date.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

namespace diplo {
// Readable failure messages for GoogleTest.
void PrintTo(allen_set s, std::ostream* os) { *os << fmt::format("{:s}", s); }
void PrintTo(const period& p, std::ostream* os) { *os << p.to_edtf(); }
}  // namespace diplo

namespace {

static_assert(std::regular<diplo::period>);
static_assert(!std::is_convertible_v<diplo::partial_date, diplo::period>);
static_assert(!std::is_convertible_v<std::string, diplo::period>);
static_assert(std::regular<diplo::allen_set>);
static_assert(std::forward_iterator<diplo::allen_set::iterator>);

using diplo::allen;
using diplo::allen_set;
using diplo::partial_date;
using diplo::period;
using diplo::truth;

auto day(int y, unsigned m, unsigned d) -> date::sys_days {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}};
}
auto p(std::string_view edtf) -> period { return period::parse(edtf); }

TEST(Period, DefaultIsTheYear1970) {
  const period d;
  EXPECT_EQ(d.to_edtf(), "1970");
  EXPECT_EQ(d, p("1970"));
  EXPECT_EQ(d.earliest_start(), date::sys_days{});
}

TEST(Period, ExactDays) {
  const auto v = p("2025-05-07/2025-05-10");
  EXPECT_TRUE(v.is_exact());
  EXPECT_EQ(v.earliest_start(), day(2025, 5, 7));
  EXPECT_EQ(v.latest_start(), day(2025, 5, 7));
  EXPECT_EQ(v.earliest_end(), day(2025, 5, 11));  // half-open
  EXPECT_EQ(v.latest_end(), day(2025, 5, 11));
  EXPECT_EQ(v.min_length(), date::days{4});
  EXPECT_EQ(v.max_length(), date::days{4});
  EXPECT_EQ(v, period::days(day(2025, 5, 7), day(2025, 5, 10)));
  EXPECT_EQ(v.first(), partial_date::parse("2025-05-07"));
  EXPECT_EQ(v.last(), partial_date::parse("2025-05-10"));
  EXPECT_EQ(v.start_kind(), period::end_kind::known);
  EXPECT_EQ(v.end_kind(), period::end_kind::known);

  const auto one = p("2025-05-09");
  EXPECT_TRUE(one.is_exact());
  EXPECT_EQ(one, period::days(day(2025, 5, 9), day(2025, 5, 9)));
  EXPECT_EQ(one.to_edtf(), "2025-05-09");
  EXPECT_EQ(p("2025-05-09/2025-05-09"), one);
}

TEST(Period, SinglePartialDate) {
  const auto oct = p("2024-10");
  EXPECT_FALSE(oct.is_exact());
  EXPECT_EQ(oct.earliest_start(), day(2024, 10, 1));
  EXPECT_EQ(oct.latest_start(), day(2024, 10, 31));
  EXPECT_EQ(oct.earliest_end(), day(2024, 10, 2));
  EXPECT_EQ(oct.latest_end(), day(2024, 11, 1));
  EXPECT_EQ(oct.min_length(), date::days{1});
  EXPECT_EQ(oct.max_length(), date::days{31});  // not forced to one day
  EXPECT_EQ(oct.first(), oct.last());
  EXPECT_EQ(oct, period(partial_date::parse("2024-10")));
  EXPECT_EQ(oct.to_edtf(), "2024-10");

  // A day-precision date with X digits is exactly one (unstated) day.
  const auto someday = p("2024-10-XX");
  EXPECT_EQ(someday.min_length(), date::days{1});
  EXPECT_EQ(someday.max_length(), date::days{1});
  EXPECT_EQ(someday.to_edtf(), "2024-10-XX");
  EXPECT_NE(someday, oct);
}

TEST(Period, PartialEndsAreClippedToEachOther) {
  const auto v = p("2024-10/2024-10-05");
  EXPECT_EQ(v.earliest_start(), day(2024, 10, 1));
  EXPECT_EQ(v.latest_start(), day(2024, 10, 5));
  EXPECT_EQ(v.earliest_end(), day(2024, 10, 6));
  EXPECT_EQ(v.latest_end(), day(2024, 10, 6));
  const auto w = p("2024-10-20/2024-10");
  EXPECT_EQ(w.earliest_end(), day(2024, 10, 21));
  EXPECT_EQ(w.latest_end(), day(2024, 11, 1));
  const auto x = p("2024-10/2024-11");
  EXPECT_EQ(x.latest_start(), day(2024, 10, 31));
  EXPECT_EQ(x.earliest_end(), day(2024, 11, 2));
}

TEST(Period, OpenAndUnknownEnds) {
  const auto from = p("2025-05-07/..");
  EXPECT_EQ(from.end_kind(), period::end_kind::open);
  EXPECT_EQ(from.start_kind(), period::end_kind::known);
  EXPECT_EQ(from.last(), std::nullopt);
  EXPECT_EQ(from.first(), partial_date::parse("2025-05-07"));
  EXPECT_EQ(from.earliest_end(), period::far_future);
  EXPECT_EQ(from.latest_end(), period::far_future);
  EXPECT_EQ(from, period::open_end(partial_date::parse("2025-05-07")));
  EXPECT_FALSE(from.is_exact());

  const auto until = p("../2025-05-10");
  EXPECT_EQ(until.start_kind(), period::end_kind::open);
  EXPECT_EQ(until.first(), std::nullopt);
  EXPECT_EQ(until.earliest_start(), period::far_past);
  EXPECT_EQ(until.latest_start(), period::far_past);
  EXPECT_EQ(until.latest_end(), day(2025, 5, 11));
  EXPECT_EQ(until, period::open_start(partial_date::parse("2025-05-10")));

  const auto unknown_end = p("2025-05-07/");
  EXPECT_EQ(unknown_end.end_kind(), period::end_kind::unknown);
  EXPECT_EQ(unknown_end.earliest_end(), day(2025, 5, 8));
  EXPECT_EQ(unknown_end.latest_end(), period::far_future - date::days{1});
  EXPECT_EQ(unknown_end, period::unknown_end(partial_date::parse("2025-05-07")));

  const auto unknown_start = p("/2025-05-10");
  EXPECT_EQ(unknown_start.start_kind(), period::end_kind::unknown);
  EXPECT_EQ(unknown_start.earliest_start(), period::far_past + date::days{1});
  EXPECT_EQ(unknown_start.latest_start(), day(2025, 5, 10));
  EXPECT_EQ(unknown_start, period::unknown_start(partial_date::parse("2025-05-10")));

  // Sentinels are far beyond EDTF years and safe to do arithmetic with.
  EXPECT_LT(period::far_past, partial_date::parse("-9999").earliest());
  EXPECT_GT(period::far_future, partial_date::parse("9999-24").latest());
  EXPECT_EQ((period::far_future - period::far_past).count(), 20'000'000);

  // An open end is certainly ongoing; an unknown end only possibly.
  EXPECT_EQ(from.covers(day(2030, 1, 1)), truth::certainly);
  EXPECT_EQ(unknown_end.covers(day(2030, 1, 1)), truth::possibly);
  EXPECT_EQ(unknown_end.covers(day(2025, 5, 7)), truth::certainly);
  EXPECT_EQ(until.covers(day(1900, 1, 1)), truth::certainly);
  EXPECT_EQ(until.covers(day(2025, 5, 11)), truth::no);
}

TEST(Period, RoundTrip) {
  const std::string_view inputs[] = {"2025-05-07/2025-05-10",
                                     "2025-05-09",
                                     "2024-10",
                                     "2024",
                                     "2024-10/2024-11",
                                     "2025-05-07/..",
                                     "../2025-05-10",
                                     "2025-05-07/",
                                     "/2025-05-10",
                                     "2024-10~/2024-11-03?",
                                     "2024?/2025%",
                                     "-0044-03-15/-0044-03-17",
                                     "2024-21/2024-23",
                                     "2024-10-XX",
                                     "202X",
                                     "2024-XX-XX~",
                                     "../2024",
                                     "2024-24/"};
  for (auto in : inputs) {
    SCOPED_TRACE(in);
    const auto v = p(in);
    EXPECT_EQ(v.to_edtf(), in);
    EXPECT_EQ(p(v.to_edtf()), v);
    EXPECT_EQ(period::try_parse(in), v);
    EXPECT_EQ(fmt::format("{:e}", v), in);
  }
}

struct reject_case {
  std::string_view edtf;
  std::size_t column;
  std::string_view expected;
};

TEST(Period, RejectsWithColumnAndExpectation) {
  const reject_case cases[] = {
      {"2025-05-10/2025-05-07", 12, "an end on or after the start (the interval is reversed"},
      {"2024-11/2024-10", 9, "the interval is reversed"},
      {"2024-10-XX/2024-11", 9, "unspecified 'X' digits in an interval end are EDTF level 2"},
      {"2024-10/2024-XX", 14, "unspecified 'X' digits in an interval end are EDTF level 2"},
      {"202X/2030", 4, "unspecified 'X' digits in an interval end are EDTF level 2"},
      {"/", 1, "a date at one end of the interval at least"},
      {"../..", 1, "a date at one end of the interval at least"},
      {"../", 1, "a date at one end of the interval at least"},
      {"2024/2025/2026", 10, "end of input (an interval has one '/')"},
      {"2024-10/open", 9, "'open' is 2012-draft EDTF, write '..' for an open end"},
      {"unknown/2024-10", 1, "'unknown' is 2012-draft EDTF"},
      {"1984/open", 6, "write '..'"},
      {"2024-10x/2025", 8, "expected a qualifier ('?', '~' or '%') or '/'"},
      {"2024/2025x", 10, "expected a qualifier ('?', '~' or '%') or end of input"},
      {"2024/...", 6, "a date or '..' alone"},
      {"2024-5-9/2024-06-01", 6, "expected a two-digit month (01-12)"},
      {"2024-06-01/2023-02-29", 20, "a day of February 2023 (01-28)"},
      {"", 1, "expected a date"},
      {"2025-05-07T10:00:00/2025-05-08", 11, "times of day are not supported"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.edtf);
    EXPECT_FALSE(period::try_parse(c.edtf));
    try {
      (void)period::parse(c.edtf);
      ADD_FAILURE() << "accepted";
    } catch (const diplo::parse_error& e) {
      EXPECT_EQ(e.column(), c.column);
      EXPECT_EQ(e.input(), c.edtf);
      const std::string what = e.what();
      EXPECT_TRUE(what.starts_with("[diplo.edtf] \"")) << what;
      EXPECT_NE(what.find(c.expected), std::string::npos) << what;
    }
  }
}

TEST(Period, ConstructorsCheckTheirInput) {
  const auto oct = partial_date::parse("2024-10");
  const auto nov = partial_date::parse("2024-11");
  EXPECT_THROW(period(nov, oct), diplo::error);
  EXPECT_NO_THROW(period(oct, partial_date::parse("2024-10-01")));  // possibly not reversed
  EXPECT_THROW(period(partial_date::parse("2024-10-XX"), nov), diplo::error);
  EXPECT_THROW((void)period::open_end(partial_date::parse("202X")), diplo::error);
  EXPECT_THROW((void)period::days(day(2025, 5, 10), day(2025, 5, 9)), diplo::error);
  EXPECT_NO_THROW(period(partial_date::parse("2024-10-XX")));  // a single date may have X
  EXPECT_THROW((void)period::days(day(10000, 1, 1), day(10000, 1, 2)), diplo::error);
}

TEST(Period, DaysRoundTripsBoundsWithSentinels) {
  for (auto in : {"2025-05-07/..", "../2025-05-10", "2025-05-07/2025-05-10", "2024-10/2024-11"}) {
    SCOPED_TRACE(in);
    const auto v = p(in);
    const auto hull = period::days(v.earliest_start(), v.latest_end() - date::days{1});
    EXPECT_EQ(hull.earliest_start(), v.earliest_start());
    EXPECT_EQ(hull.latest_end(), v.latest_end());
    EXPECT_EQ(hull.start_kind(), v.start_kind());
    EXPECT_EQ(hull.end_kind(), v.end_kind());
  }
  EXPECT_EQ(period::days(day(2025, 5, 7), period::far_future - date::days{2}).to_edtf(), "2025-05-07/..");
  EXPECT_THROW((void)period::days(period::far_past, period::far_future - date::days{1}), diplo::error);
}

TEST(Period, Covers) {
  const auto v = p("2025-05-07/2025-05-10");
  EXPECT_EQ(v.covers(day(2025, 5, 6)), truth::no);
  EXPECT_EQ(v.covers(day(2025, 5, 7)), truth::certainly);
  EXPECT_EQ(v.covers(day(2025, 5, 10)), truth::certainly);
  EXPECT_EQ(v.covers(day(2025, 5, 11)), truth::no);
  const auto x = p("2024-10/2024-11");
  EXPECT_EQ(x.covers(day(2024, 10, 1)), truth::possibly);
  EXPECT_EQ(x.covers(day(2024, 10, 31)), truth::certainly);
  EXPECT_EQ(x.covers(day(2024, 11, 1)), truth::certainly);
  EXPECT_EQ(x.covers(day(2024, 11, 2)), truth::possibly);
  EXPECT_EQ(x.covers(day(2024, 12, 1)), truth::no);
  EXPECT_EQ(p("2024-10").covers(day(2024, 10, 15)), truth::possibly);
}

TEST(Period, CertainVersusPossibleBefore) {
  const auto visit = p("2025-05-07/2025-05-10");
  EXPECT_EQ(diplo::before(visit, p("2025-05-11")), truth::certainly);  // meets counts
  EXPECT_EQ(diplo::before(visit, p("2025-05-10")), truth::no);
  EXPECT_EQ(diplo::before(p("2025-05"), p("2025-05-20")), truth::possibly);
  EXPECT_EQ(diplo::before(p("2025-04"), p("2025-05")), truth::certainly);
  EXPECT_EQ(diplo::before(p("2025-05"), p("2025-04")), truth::no);
  EXPECT_EQ(diplo::before(p("2025-05-07/"), p("2025-06-01")), truth::possibly);
  EXPECT_EQ(diplo::before(p("2025-05-07/.."), p("2025-06-01")), truth::no);
  EXPECT_EQ(diplo::before(p("../2025-05-10"), p("2025-06-01")), truth::certainly);

  EXPECT_EQ(diplo::starts_before(p("2025-05"), p("2025-05-20")), truth::possibly);
  EXPECT_EQ(diplo::starts_before(p("2025-05-01"), p("2025-05-20")), truth::certainly);
  EXPECT_EQ(diplo::starts_before(p("2025-05-20"), p("2025-05-20/2025-05-22")), truth::no);
  EXPECT_EQ(diplo::starts_before(p("2025-05"), day(2025, 5, 1)), truth::no);
  EXPECT_EQ(diplo::starts_before(p("2025-05"), day(2025, 5, 2)), truth::possibly);
  EXPECT_EQ(diplo::starts_before(p("2025-05"), day(2025, 6, 1)), truth::certainly);
  EXPECT_EQ(diplo::starts_before(p("../2025-05-01"), day(1000, 1, 1)), truth::certainly);

  EXPECT_EQ(diplo::overlaps(p("2025-05"), p("2025-05-20")), truth::possibly);
  EXPECT_EQ(diplo::overlaps(p("2025-05/2025-06"), p("2025-05-31")), truth::certainly);
  EXPECT_EQ(diplo::overlaps(visit, p("2025-05-11")), truth::no);
  EXPECT_EQ(diplo::overlaps(visit, p("2025-05-10")), truth::certainly);

  static_assert(diplo::possible(truth::possibly) && !diplo::certain(truth::possibly));
  static_assert(diplo::certain(truth::certainly) && !diplo::possible(truth::no));
}

struct allen_case {
  std::string_view x;
  std::string_view y;
  allen r;
};

TEST(Allen, AllThirteenRelationsForExactPeriods) {
  const allen_case cases[] = {
      {"2025-05-01/2025-05-03", "2025-05-05/2025-05-08", allen::before},
      {"2025-05-01/2025-05-04", "2025-05-05/2025-05-08", allen::meets},
      {"2025-05-01/2025-05-06", "2025-05-05/2025-05-08", allen::overlaps},
      {"2025-05-05/2025-05-06", "2025-05-05/2025-05-08", allen::starts},
      {"2025-05-06/2025-05-07", "2025-05-05/2025-05-08", allen::during},
      {"2025-05-07/2025-05-08", "2025-05-05/2025-05-08", allen::finishes},
      {"2025-05-05/2025-05-08", "2025-05-05/2025-05-08", allen::equals},
      {"2025-05-10/2025-05-12", "2025-05-05/2025-05-08", allen::after},
      {"2025-05-09/2025-05-12", "2025-05-05/2025-05-08", allen::met_by},
      {"2025-05-07/2025-05-12", "2025-05-05/2025-05-08", allen::overlapped_by},
      {"2025-05-05/2025-05-12", "2025-05-05/2025-05-08", allen::started_by},
      {"2025-05-01/2025-05-12", "2025-05-05/2025-05-08", allen::contains},
      {"2025-05-01/2025-05-08", "2025-05-05/2025-05-08", allen::finished_by},
  };
  allen_set seen;
  for (const auto& c : cases) {
    SCOPED_TRACE(fmt::format("{} {} {}", c.x, c.r, c.y));
    const auto rs = diplo::relate(p(c.x), p(c.y));
    EXPECT_TRUE(rs.certain());
    EXPECT_EQ(rs.only(), c.r);
    EXPECT_EQ(diplo::relate(p(c.y), p(c.x)).only(), diplo::inverse(c.r));
    seen.insert(c.r);
  }
  EXPECT_EQ(seen, allen_set::all());
  EXPECT_EQ(seen.size(), 13U);
}

TEST(Allen, NamesSymbolsInverses) {
  static_assert(diplo::symbol(allen::before) == 'p');
  static_assert(diplo::symbol(allen::finished_by) == 'F');
  static_assert(diplo::name(allen::met_by) == "met-by");
  static_assert(diplo::inverse(allen::equals) == allen::equals);
  for (auto r : allen_set::all()) {
    EXPECT_EQ(diplo::inverse(diplo::inverse(r)), r);
    EXPECT_EQ(r == allen::equals, diplo::inverse(r) == r);
  }
  constexpr allen_set s{allen::before, allen::meets};
  static_assert(s.size() == 2 && !s.certain() && !s.empty());
  static_assert(s.contains(allen::meets) && !s.contains(allen::after));
  static_assert(s.inverse() == allen_set{allen::after, allen::met_by});
  static_assert(!s.only());
  static_assert(allen_set{allen::during}.only() == allen::during);
  static_assert(allen_set{}.empty());
  allen_set t = s;
  t.erase(allen::before);
  EXPECT_EQ(t, allen_set{allen::meets});
  EXPECT_EQ((s | allen_set{allen::after}).size(), 3U);
  EXPECT_EQ(std::vector<allen>(s.begin(), s.end()), (std::vector<allen>{allen::before, allen::meets}));
}

TEST(Allen, InteropExampleOneDayInOctober) {
  // A one-day event somewhere in October 2024 vs [Oct 15, Oct 18): a set of relations, one per
  // possible day (before for a day up to the 13th ... after from the 19th), not all 13.
  const auto someday = p("2024-10-XX");
  const auto b = p("2024-10-15/2024-10-17");
  const auto rs = diplo::relate(someday, b);
  EXPECT_EQ(rs, (allen_set{allen::before, allen::meets, allen::starts, allen::during, allen::finishes,
                           allen::met_by, allen::after}));
  EXPECT_EQ(fmt::format("{:s}", rs), "{p,m,s,d,f,P,M}");
  // "2024-10" may last several days, so every relation is possible.
  EXPECT_EQ(diplo::relate(p("2024-10"), b), allen_set::all());
  EXPECT_EQ(diplo::relate(b, someday), rs.inverse());
}

TEST(Allen, UncertainSets) {
  // Starts on 7 May, end unknown, against 10-12 May.
  EXPECT_EQ(diplo::relate(p("2025-05-07/"), p("2025-05-10/2025-05-12")),
            (allen_set{allen::before, allen::meets, allen::overlaps, allen::finished_by, allen::contains}));
  // Two ongoing periods end together at infinity.
  EXPECT_EQ(diplo::relate(p("2025-05-07/.."), p("2025-05-09/..")).only(), allen::finished_by);
  EXPECT_EQ(diplo::relate(p("../2025-05-07"), p("../2025-05-07")).only(), allen::equals);
  // An open start is earlier than any unknown start.
  EXPECT_EQ(diplo::relate(p("../2025-05-07"), p("/2025-05-07")).only(), allen::finished_by);
  // Month against a day inside it: the day cannot be partly covered (no o, O, s, d, f).
  EXPECT_EQ(diplo::relate(p("2024-10"), p("2024-10-15")),
            (allen_set{allen::before, allen::meets, allen::equals, allen::after, allen::met_by,
                       allen::started_by, allen::contains, allen::finished_by}));
  // Adjacent months: certainly before or meets, never overlapping.
  EXPECT_EQ(diplo::relate(p("2024-10"), p("2024-11")), (allen_set{allen::before, allen::meets}));
  EXPECT_EQ(diplo::overlaps(p("2024-10"), p("2024-11")), truth::no);
}

// ---- Brute-force oracle -----------------------------------------------------------------
// Independently of period's bounds, enumerate every concrete reading (s, e) of a period built
// from known partial dates (or open ends), compute the concrete Allen relation for every pair
// of readings, and compare with relate(), before() and overlaps().

constexpr std::int64_t oracle_minus_inf = -1'000'000'000;
constexpr std::int64_t oracle_plus_inf = 1'000'000'000;

struct spec {
  enum kind_t { interval, single, open_start, open_end } kind;
  partial_date a;
  partial_date b;
};

auto make(const spec& s) -> period {
  switch (s.kind) {
    case spec::interval: return period(s.a, s.b);
    case spec::single: return period(s.a);
    case spec::open_start: return period::open_start(s.b);
    case spec::open_end: return period::open_end(s.a);
  }
  return {};
}

auto readings(const spec& s) -> std::vector<std::pair<std::int64_t, std::int64_t>> {
  auto n = [](date::sys_days d) -> std::int64_t { return d.time_since_epoch().count(); };
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  if (s.kind == spec::single && s.a.precision() == diplo::precision::day) {
    for (auto d = n(s.a.earliest()); d <= n(s.a.latest()); ++d) out.emplace_back(d, d + 1);
    return out;
  }
  const partial_date& first = s.kind == spec::single ? s.a : s.a;
  const partial_date& last = s.kind == spec::single ? s.a : s.b;
  std::vector<std::int64_t> starts;
  std::vector<std::int64_t> ends;
  if (s.kind == spec::open_start) {
    starts.push_back(oracle_minus_inf);
  } else {
    for (auto d = n(first.earliest()); d <= n(first.latest()); ++d) starts.push_back(d);
  }
  if (s.kind == spec::open_end) {
    ends.push_back(oracle_plus_inf);
  } else {
    for (auto d = n(last.earliest()); d <= n(last.latest()); ++d) ends.push_back(d + 1);
  }
  for (auto st : starts)
    for (auto en : ends)
      if (st < en) out.emplace_back(st, en);
  return out;
}

auto concrete(std::int64_t xs, std::int64_t xe, std::int64_t ys, std::int64_t ye) -> allen {
  if (xe < ys) return allen::before;
  if (xe == ys) return allen::meets;
  if (ye < xs) return allen::after;
  if (ye == xs) return allen::met_by;
  if (xs == ys && xe == ye) return allen::equals;
  if (xs == ys) return xe < ye ? allen::starts : allen::started_by;
  if (xe == ye) return xs > ys ? allen::finishes : allen::finished_by;
  if (xs > ys && xe < ye) return allen::during;
  if (xs < ys && xe > ye) return allen::contains;
  return xs < ys ? allen::overlaps : allen::overlapped_by;
}

auto random_date(std::mt19937& rng) -> partial_date {
  // A small window: late September to early November 2024, plus a few coarse dates.
  std::uniform_int_distribution<int> pick(0, 9);
  std::uniform_int_distribution<int> offset(0, 40);
  const int k = pick(rng);
  if (k == 0) return partial_date::parse("2024-10");
  if (k == 1) return partial_date::parse("2024-09");
  if (k == 2) return partial_date::parse("2024-11~");
  return partial_date(
      date::year_month_day{date::sys_days{date::year{2024} / 9 / 25} + date::days{offset(rng)}});
}

auto random_spec(std::mt19937& rng) -> spec {
  std::uniform_int_distribution<int> kind(0, 9);
  const int k = kind(rng);
  if (k == 0) return {spec::open_start, {}, random_date(rng)};
  if (k == 1) return {spec::open_end, random_date(rng), {}};
  if (k == 2) return {spec::single, partial_date::parse("2024-10-XX"), {}};
  if (k == 3) return {spec::single, random_date(rng), {}};
  while (true) {
    auto a = random_date(rng);
    auto b = random_date(rng);
    if (b < a) std::swap(a, b);
    if (!(b.latest() < a.earliest())) return {spec::interval, a, b};
  }
}

TEST(Allen, BruteForceCrossCheck) {
  std::mt19937 rng(20241022);
  for (int iter = 0; iter < 1000; ++iter) {
    const spec sx = random_spec(rng);
    const spec sy = random_spec(rng);
    const period x = make(sx);
    const period y = make(sy);
    SCOPED_TRACE(fmt::format("x = {:e}, y = {:e}", x, y));
    const auto rx = readings(sx);
    const auto ry = readings(sy);
    ASSERT_FALSE(rx.empty());
    ASSERT_FALSE(ry.empty());
    allen_set want;
    bool any_before = false, all_before = true, any_overlap = false, all_overlap = true;
    for (const auto& [xs, xe] : rx) {
      for (const auto& [ys, ye] : ry) {
        want.insert(concrete(xs, xe, ys, ye));
        const bool b = xe <= ys;
        any_before |= b;
        all_before &= b;
        const bool o = xs < ye && ys < xe;
        any_overlap |= o;
        all_overlap &= o;
      }
    }
    auto three = [](bool any, bool all) {
      return all ? truth::certainly : any ? truth::possibly : truth::no;
    };
    EXPECT_EQ(diplo::relate(x, y), want) << fmt::format("{} vs {}", diplo::relate(x, y), want);
    EXPECT_EQ(diplo::before(x, y), three(any_before, all_before));
    EXPECT_EQ(diplo::overlaps(x, y), three(any_overlap, all_overlap));
    // The period's own bounds agree with the readings.
    std::int64_t lo_s = rx.front().first, hi_s = lo_s, lo_e = rx.front().second, hi_e = lo_e;
    for (const auto& [s, e] : rx) {
      lo_s = std::min(lo_s, s);
      hi_s = std::max(hi_s, s);
      lo_e = std::min(lo_e, e);
      hi_e = std::max(hi_e, e);
    }
    if (sx.kind != spec::open_start) {
      EXPECT_EQ(x.earliest_start().time_since_epoch().count(), lo_s);
      EXPECT_EQ(x.latest_start().time_since_epoch().count(), hi_s);
    }
    if (sx.kind != spec::open_end) {
      EXPECT_EQ(x.earliest_end().time_since_epoch().count(), lo_e);
      EXPECT_EQ(x.latest_end().time_since_epoch().count(), hi_e);
    }
  }
}

// ---- Formatting -------------------------------------------------------------------------

TEST(Period, HumanFormatting) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"2025-05-07/2025-05-10", "7–10 May 2025"},
      {"2025-04-30/2025-05-02", "30 April – 2 May 2025"},
      {"2024-12-28/2025-01-03", "28 December 2024 – 3 January 2025"},
      {"2025-05-09", "9 May 2025"},
      {"2024-10", "October 2024"},
      {"2024-10-XX", "a day in October 2024"},
      {"2025-05-07/..", "from 7 May 2025"},
      {"../2025-05-10", "until 10 May 2025"},
      {"2025-05-07/", "7 May 2025 – ?"},
      {"/2025-05-10", "? – 10 May 2025"},
      {"2024-10~/2024-11-03?", "c. October 2024 – 3 November 2024?"},
      {"2025-05-07~/2025-05-10", "c. 7 May 2025 – 10 May 2025"},
      {"2024-10/2024-11", "October 2024 – November 2024"},
      {"-0044-03-15/-0044-03-17", "15–17 March 45 BCE"},
  };
  for (const auto& [in, want] : cases) {
    SCOPED_TRACE(in);
    EXPECT_EQ(fmt::format("{}", p(in)), want);
    EXPECT_EQ(p(in).to_text(), want);
  }
}

TEST(Period, FormatterWidth) {
  EXPECT_EQ(fmt::format("[{:>15}]", p("2025-05-07/2025-05-10")), "[  7–10 May 2025]");
  EXPECT_EQ(fmt::format("[{:e<14}]", p("2025-05-07/..")), "[2025-05-07/.. ]");
  EXPECT_EQ(fmt::format("[{:e}]", p("2025-05-09/2025-05-09")), "[2025-05-09]");
}

TEST(Period, EnumAndSetFormatters) {
  EXPECT_EQ(fmt::format("{}", truth::possibly), "possibly");
  EXPECT_EQ(fmt::format("{:>10}", truth::no), "        no");
  EXPECT_EQ(fmt::format("{}", allen::overlapped_by), "overlapped-by");
  EXPECT_EQ(fmt::format("{:s}", allen::overlapped_by), "O");
  EXPECT_EQ(fmt::format("{}", allen_set{allen::before, allen::meets}), "{before, meets}");
  EXPECT_EQ(fmt::format("{:s}", allen_set{allen::before, allen::meets}), "{p,m}");
  EXPECT_EQ(fmt::format("{}", allen_set{}), "{}");
  EXPECT_EQ(fmt::format("[{:s>8}]", allen_set{allen::equals}), "[     {e}]");
  static_assert(diplo::name(truth::certainly) == "certainly");
}

}  // namespace

// --- property: printing an accepted period as EDTF and parsing it again gives the same ----

namespace {

// A systematic set of EDTF intervals: each end a date (years incl. negative, months, days,
// 'X' digits, seasons, qualifiers ? ~ %), open ("..") or unknown (""), plus single dates
// and broken shapes (two slashes, draft-EDTF words).
auto systematic_edtf_periods() -> std::vector<std::string> {
  const std::vector<std::string> ends = {
      "",           "..",         "2024",       "-0044",      "-0001",      "0000",       "9999",
      "202X",       "20XX",       "2024-XX",    "2024-10-XX", "2024-01",    "2024-10",    "2024-12",
      "2023-21",    "2023-24",    "2024-22",    "2024-02-29", "2023-02-29", "2024-10-01", "2024-10-15",
      "2024-10-31", "2024-11-03", "2025-05-07", "2024~",      "2024-10?",   "2024-10%",   "2024-10-15~",
      "2023-24?",   "-0044~",     "open",       "unknown",    "2024-13",    "2024-10-32"};
  std::vector<std::string> out;
  for (const auto& a : ends) {
    out.push_back(a);
    for (const auto& b : ends) out.push_back(a + "/" + b);
  }
  out.emplace_back("2024/2025/2026");
  out.emplace_back("//");
  return out;
}

// Checks the round-trip property with `print` as the EDTF printer: print(parse(s)) parses
// back to the same period and prints the same again. Returns the failures.
template <class Print>
auto period_round_trip_failures(const std::vector<std::string>& inputs, Print print, std::size_t& accepted)
    -> std::vector<std::string> {
  std::vector<std::string> failures;
  accepted = 0;
  for (const std::string& s : inputs) {
    const auto p = period::try_parse(s);
    if (!p) continue;
    ++accepted;
    const std::string e = print(*p);
    const auto again = period::try_parse(e);
    if (!again) {
      failures.push_back(fmt::format("{} -> {}: does not parse", s, e));
    } else if (*again != *p) {
      failures.push_back(fmt::format("{} -> {}: parses to another period", s, e));
    } else if (print(*again) != e) {
      failures.push_back(fmt::format("{} -> {}: prints as {}", s, e, print(*again)));
    }
  }
  return failures;
}

TEST(PeriodProperty, EveryAcceptedPeriodPrintsAndParsesBackTheSame) {
  const auto inputs = systematic_edtf_periods();
  std::size_t accepted = 0;
  const auto failures = period_round_trip_failures(
      inputs, [](const period& p) { return fmt::format("{:e}", p); }, accepted);
  EXPECT_EQ(failures, std::vector<std::string>{});
  EXPECT_GT(accepted, 400U) << "of " << inputs.size();
  EXPECT_LT(accepted, inputs.size());
  // Open and unknown ends survive the trip too.
  EXPECT_EQ(fmt::format("{:e}", period::parse("2024-10~/..")), "2024-10~/..");
  EXPECT_EQ(fmt::format("{:e}", period::parse("/2024-10-15")), "/2024-10-15");
}

TEST(PeriodProperty, TheRoundTripCheckCatchesALossyPrinter) {
  // A printer that writes an unknown end as open must be caught.
  const auto inputs = systematic_edtf_periods();
  std::size_t accepted = 0;
  const auto failures = period_round_trip_failures(
      inputs,
      [](const period& p) {
        std::string e = p.to_edtf();
        if (e.ends_with("/")) e += "..";
        return e;
      },
      accepted);
  EXPECT_FALSE(failures.empty());
}

}  // namespace
