// SPDX-License-Identifier: MIT
#pragma once

// Periods of whole days, whose ends may be partial, open or unknown, and how two of them
// relate (Allen's interval algebra with three-valued answers).
//
// A `period` is a span of whole days: a visit from 7 to 10 May 2025, a summit "in October
// 2024", a mission "from 2024-10~ until 3 November 2024?", an ongoing presence "from 7 May
// 2025" with no end. EDTF writes it with inclusive ends:
//
//   "2025-05-07/2025-05-10"   7-10 May 2025 (four days)
//   "2025-05-09"              that day
//   "2024-10"                 starts some day in October 2024 and ends some day in October
//                             2024 (not later than it starts): any length from 1 to 31 days
//   "2024-10-XX"              one day of October 2024, not stated which (length exactly 1)
//   "2024-10/2024-11"         starts in October, ends in November
//   "2025-05-07/.."           open end: from 7 May 2025 on, ongoing
//   "../2025-05-10"           open start: until 10 May 2025
//   "2025-05-07/"             the end exists but is unknown; "/2025-05-10" likewise the start
//   "2024-10~/2024-11-03?"    qualified ends
//
// Internally, a period is the half-open interval [start, end) of days (end = last day + 1),
// as iCalendar's exclusive DTEND of an all-day event is (RFC 5545 §3.6.1), so that 7-10 May
// *meets* a visit starting on 11 May in Allen's sense (below); with inclusive ends, "meets"
// would turn into "overlaps".
//
// BOUNDS. Because the ends may be partial, `start` and `end` are not days but ranges of
// possible days: start in [earliest_start(), latest_start()], end (exclusive) in
// [earliest_end(), latest_end()]. The ranges are exact: every day in them is possible for
// some reading of the period ("2024-10/2024-10-05" cannot start after 5 October, so
// latest_start() is 5 October). Open ends are infinite and exact: they sit at the sentinels
// `period::far_past` / `period::far_future` (±10,000,000 days from 1970, far beyond
// EDTF's years, and safe to add to). Unknown ends range up to one day inside the sentinels.
//
// THREE-VALUED ANSWERS. Questions about partial periods answer `truth::certainly`,
// `truth::possibly` or `truth::no`:
//
//   auto oct = diplo::period::parse("2024-10");
//   auto mid = diplo::period::parse("2024-10-15/2024-10-17");
//   diplo::before(mid, diplo::period::parse("2024-11"))  == diplo::truth::certainly
//   diplo::before(oct, mid)                               == diplo::truth::possibly
//   oct.covers(date::sys_days{2024_y / date::oct / 3})    == diplo::truth::possibly
//
// ALLEN RELATIONS. `relate(x, y)` returns the set of Allen relations (before, meets,
// overlaps, starts, during, finishes, equals and their inverses) that are possible. For exact
// periods the set has exactly one member. For partial ones it is exact, not the naive
// endpoint-range over-approximation: a single day somewhere in October 2024 ("2024-10-XX")
// against [15 Oct, 18 Oct) gives {before, meets, starts, during, finishes, after, met-by},
// not all 13, because the day's start and end move together. (relate() solves a small
// system of difference constraints for each relation.)
//
// Formatting: `{}` gives English ("7–10 May 2025", "from 7 May 2025"), `{:e}` EDTF.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include <date/date.h>
#include <fmt/format.h>

#include "diplo/error.h"
#include "diplo/export.h"
#include "diplo/partial_date.h"

namespace diplo {

/// A three-valued answer: `no`, `possibly` or `certainly`. Ordered: no < possibly < certainly.
enum class truth : std::uint8_t { no, possibly, certainly };

/// The name of a truth value: "no", "possibly" or "certainly".
[[nodiscard]] constexpr auto name(truth t) noexcept -> std::string_view {
  switch (t) {
    case truth::no: return "no";
    case truth::possibly: return "possibly";
    case truth::certainly: return "certainly";
  }
  return "?";
}

/// True unless `t` is truth::no. Example: `if (possible(before(a, b))) ...`
[[nodiscard]] constexpr auto possible(truth t) noexcept -> bool { return t != truth::no; }

/// True only for truth::certainly.
[[nodiscard]] constexpr auto certain(truth t) noexcept -> bool { return t == truth::certainly; }

/// A span of whole days whose ends are partial dates, open ("..") or unknown ("").
/// Regular value type. Invariant: some reading of it has start <= last day.
class period {
 public:
  /// How an end is given: a date, open (".." : unbounded, ongoing) or unknown ("" : it
  /// exists but is not stated).
  enum class end_kind : std::uint8_t { known, open, unknown };

  /// The open-start sentinel day, 10,000,000 days before 1970-01-01.
  static constexpr date::sys_days far_past{date::days{-10'000'000}};
  /// The open-end sentinel day, 10,000,000 days after 1970-01-01.
  static constexpr date::sys_days far_future{date::days{10'000'000}};

  /// The period of the default partial_date: some span within the year 1970 ("1970").
  constexpr period() noexcept = default;

  /// The period written as one date: it starts and ends within `single`, e.g. "2024-10"
  /// starts in October and ends in October 2024. A day-precision date with 'X' digits
  /// ("2024-10-XX") is one day, not stated which. Cannot fail.
  /// Example: `diplo::period p{diplo::partial_date{2025_y / date::may / 9}};  // "2025-05-09"`
  explicit period(partial_date single) noexcept
      : start_(single),
        end_(single),
        one_day_(single.precision() == precision::day && !single.is_exact_day()) {}

  /// From `first` to `last`, both inclusive. Throws diplo::error if `last` is certainly
  /// before `first` (last.latest() < first.earliest()) or if an end has 'X' digits (those
  /// are EDTF level 2 as interval ends).
  /// Example: `diplo::period p{2025_y / date::may / 7, 2025_y / date::may / 10};`
  period(partial_date first, partial_date last) : start_(first), end_(last) {
    check_end(first);
    check_end(last);
    if (last.latest() < first.earliest())
      throw diplo::error(fmt::format("[diplo.period] the last date {} is before the first date {}",
                                     last.to_edtf(), first.to_edtf()));
  }

  /// The exact days first..last_inclusive. So that bounds round-trip, a `first` at or next to
  /// far_past (<= far_past + 1 day) gives an open start, and a `last_inclusive` at or next to
  /// the day before far_future (>= far_future - 2 days) an open end:
  /// `period::days(p.earliest_start(), p.latest_end() - date::days{1})` is the hull of p.
  /// Throws diplo::error if last_inclusive < first, if both ends would be open, or if a day
  /// lies outside the years -9999..9999 otherwise.
  /// Example: `period::days(sys_days{2025_y/5/7}, sys_days{2025_y/5/10}).to_edtf() ==
  /// "2025-05-07/2025-05-10"`
  [[nodiscard]] static auto days(date::sys_days first, date::sys_days last_inclusive) -> period {
    if (last_inclusive < first)
      throw diplo::error(fmt::format("[diplo.period] the last day {} is before the first day {}",
                                     last_inclusive.time_since_epoch().count(),
                                     first.time_since_epoch().count()));
    const bool open_s = first <= far_past + date::days{1};
    const bool open_e = last_inclusive >= far_future - date::days{2};
    if (open_s && open_e) throw diplo::error("[diplo.period] both ends of the days are open (no EDTF form)");
    auto to_date = [](date::sys_days d) {
      const date::year_month_day ymd{d};
      if (static_cast<int>(ymd.year()) < -9999 || static_cast<int>(ymd.year()) > 9999)
        throw diplo::error(
            fmt::format("[diplo.period] day {} (days since 1970-01-01) is outside the years -9999..9999",
                        d.time_since_epoch().count()));
      return partial_date(ymd);
    };
    if (open_s) return open_start(to_date(last_inclusive));
    if (open_e) return open_end(to_date(first));
    return period(to_date(first), to_date(last_inclusive));
  }

  /// Open start ("../last"): from the indefinite past until `last`. Throws diplo::error if
  /// `last` has 'X' digits.
  [[nodiscard]] static auto open_start(partial_date last) -> period {
    return one_sided(last, end_kind::open, end_kind::known);
  }

  /// Open end ("first/.."): from `first` on, ongoing. Throws diplo::error if `first` has
  /// 'X' digits.
  [[nodiscard]] static auto open_end(partial_date first) -> period {
    return one_sided(first, end_kind::known, end_kind::open);
  }

  /// Unknown start ("/last"): it started at some unstated day on or before `last`.
  /// Throws diplo::error if `last` has 'X' digits.
  [[nodiscard]] static auto unknown_start(partial_date last) -> period {
    return one_sided(last, end_kind::unknown, end_kind::known);
  }

  /// Unknown end ("first/"): it ended at some unstated day on or after `first`.
  /// Throws diplo::error if `first` has 'X' digits.
  [[nodiscard]] static auto unknown_end(partial_date first) -> period {
    return one_sided(first, end_kind::known, end_kind::unknown);
  }

  /// Parses an EDTF level 0/1 interval or single date (see the header comment). Throws
  /// diplo::parse_error (area "edtf", 1-based column) for bad dates, 'X' digits in an
  /// interval end, two missing ends ("/", "../.."), or a reversed interval.
  /// Example: `period::parse("2025-05-07/..").end_kind() == period::end_kind::open`
  [[nodiscard]] DIPLO_API static auto parse(std::string_view edtf) -> period;

  /// As parse(), but returns std::nullopt instead of throwing.
  [[nodiscard]] DIPLO_API static auto try_parse(std::string_view edtf) noexcept -> std::optional<period>;

  /// How the start is given.
  [[nodiscard]] auto start_kind() const noexcept -> enum end_kind { return start_kind_; }
  /// How the end is given.
  [[nodiscard]] auto end_kind() const noexcept -> enum end_kind { return end_kind_; }

  /// The inclusive first date, when known. For a single-date period, that date.
  [[nodiscard]] auto first() const noexcept -> std::optional<partial_date> {
    if (start_kind_ != end_kind::known) return std::nullopt;
    return start_;
  }
  /// The inclusive last date, when known. For a single-date period, that date.
  [[nodiscard]] auto last() const noexcept -> std::optional<partial_date> {
    if (end_kind_ != end_kind::known) return std::nullopt;
    return end_;
  }

  /// The first possible start day. far_past for an open start, far_past + 1 for an unknown one.
  [[nodiscard]] constexpr auto earliest_start() const noexcept -> date::sys_days { return raw_start_lo(); }
  /// The last possible start day (never after the last possible last day).
  [[nodiscard]] constexpr auto latest_start() const noexcept -> date::sys_days {
    return std::min(raw_start_hi(), raw_end_hi() - date::days{1});
  }
  /// The first possible exclusive end day (never before the earliest start + 1).
  [[nodiscard]] constexpr auto earliest_end() const noexcept -> date::sys_days {
    return std::max(raw_end_lo(), raw_start_lo() + date::days{1});
  }
  /// The last possible exclusive end day. far_future for an open end, far_future - 1 for an
  /// unknown one.
  [[nodiscard]] constexpr auto latest_end() const noexcept -> date::sys_days { return raw_end_hi(); }

  /// The shortest and longest possible length in days (the longest is capped by the
  /// sentinels for open or unknown ends). "2024-10" -> 1 and 31; "2024-10-XX" -> 1 and 1.
  [[nodiscard]] constexpr auto min_length() const noexcept -> date::days {
    return std::max(earliest_end() - latest_start(), date::days{1});
  }
  [[nodiscard]] constexpr auto max_length() const noexcept -> date::days {
    return one_day_ ? date::days{1} : latest_end() - earliest_start();
  }

  /// True when both ends are known exact days. Example: "2025-05-07/2025-05-10".
  [[nodiscard]] auto is_exact() const noexcept -> bool {
    return start_kind_ == end_kind::known && end_kind_ == end_kind::known && start_.is_exact_day() &&
           end_.is_exact_day();
  }

  /// Whether `day` lies inside the period: certainly, possibly or no.
  /// Example: `period::parse("2024-10").covers(sys_days{2024_y/10/3}) == truth::possibly`
  [[nodiscard]] auto covers(date::sys_days day) const noexcept -> truth {
    if (latest_start() <= day && day < earliest_end()) return truth::certainly;
    if (earliest_start() <= day && day < latest_end()) return truth::possibly;
    return truth::no;
  }

  /// True when its ends are well-formed dates (partial_date::well_formed) of known kinds:
  /// what a value read as bytes (a snapshot file) is checked for before use.
  [[nodiscard]] constexpr auto well_formed() const noexcept -> bool {
    return start_kind_ <= end_kind::unknown && end_kind_ <= end_kind::unknown && start_.well_formed() &&
           end_.well_formed() && one_day_byte() <= 1;
  }

  /// EDTF text: "2025-05-07/2025-05-10", "2025-05-09" (one day), "2024-10" (single date),
  /// "2025-05-07/..", "/2025-05-10". `period::parse(p.to_edtf()) == p`.
  [[nodiscard]] auto to_edtf() const -> std::string {
    auto end_text = [](enum end_kind k, const partial_date& d) -> std::string {
      return k == end_kind::known ? d.to_edtf() : k == end_kind::open ? ".." : "";
    };
    if (start_kind_ == end_kind::known && end_kind_ == end_kind::known && start_ == end_)
      return start_.to_edtf();
    return end_text(start_kind_, start_) + "/" + end_text(end_kind_, end_);
  }

  /// English text: "7–10 May 2025", "30 April – 2 May 2025", "9 May 2025", "October 2024",
  /// "from 7 May 2025", "until 10 May 2025", "7 May 2025 – ?", "c. October 2024 – 3 November
  /// 2024?". This is what `fmt::format("{}", p)` prints.
  [[nodiscard]] auto to_text() const -> std::string;

  /// Equal when written the same way.
  friend auto operator==(const period&, const period&) noexcept -> bool = default;

 private:
  /// A period with one known end `d` and the other open or unknown (the four factories
  /// above): both stored ends are `d`, the kinds say which one is real.
  [[nodiscard]] static auto one_sided(partial_date d, enum end_kind start, enum end_kind end) -> period {
    check_end(d);
    period p;
    p.start_kind_ = start;
    p.end_kind_ = end;
    p.start_ = d;
    p.end_ = d;
    return p;
  }

  static void check_end(const partial_date& d) {
    if (d.has_unspecified_digits())
      throw diplo::error(
          fmt::format("[diplo.period] {} has unspecified digits, which are EDTF level 2 as an interval end",
                      d.to_edtf()));
  }

  constexpr auto raw_start_lo() const noexcept -> date::sys_days {
    return start_kind_ == end_kind::known  ? start_.earliest()
           : start_kind_ == end_kind::open ? far_past
                                           : far_past + date::days{1};
  }
  constexpr auto raw_start_hi() const noexcept -> date::sys_days {
    return start_kind_ == end_kind::known  ? start_.latest()
           : start_kind_ == end_kind::open ? far_past
                                           : far_future - date::days{2};
  }
  constexpr auto raw_end_lo() const noexcept -> date::sys_days {
    return end_kind_ == end_kind::known  ? end_.earliest() + date::days{1}
           : end_kind_ == end_kind::open ? far_future
                                         : far_past + date::days{2};
  }
  constexpr auto raw_end_hi() const noexcept -> date::sys_days {
    return end_kind_ == end_kind::known  ? end_.latest() + date::days{1}
           : end_kind_ == end_kind::open ? far_future
                                         : far_future - date::days{1};
  }

  // The one-day flag's byte, not its value: a bool that is neither 0 nor 1 may not be read
  // (bytes from a file); copied as a byte, never loaded as a bool.
  [[nodiscard]] constexpr auto one_day_byte() const noexcept -> unsigned {
    if (std::is_constant_evaluated()) return one_day_ ? 1U : 0U;  // a constant's flag is a bool
    unsigned char b = 0;
    std::memcpy(&b, &one_day_, 1);
    return b;
  }

  // When a kind is not `known`, the matching date is a copy of the other end and is ignored
  // (so that == compares only what is written).
  partial_date start_;
  partial_date end_;
  enum end_kind start_kind_ = end_kind::known;
  enum end_kind end_kind_ = end_kind::known;
  bool one_day_ = false;       // a single day-precision date with 'X' digits: length exactly 1
  std::uint8_t reserved_ = 0;  // no padding: a period's bytes are its value (snapshot files)
};

/// Whether `a` ends before `b` starts (a.end <= b.start, half-open: so "meets" counts).
/// Example: `before(parse("2025-05-07/2025-05-10"), parse("2025-05-11")) == truth::certainly`
[[nodiscard]] inline auto before(const period& a, const period& b) noexcept -> truth {
  if (a.latest_end() <= b.earliest_start()) return truth::certainly;
  if (a.earliest_end() <= b.latest_start()) return truth::possibly;
  return truth::no;
}

/// Whether `a` starts before `b` starts (a.start < b.start).
[[nodiscard]] inline auto starts_before(const period& a, const period& b) noexcept -> truth {
  if (a.latest_start() < b.earliest_start()) return truth::certainly;
  if (a.earliest_start() < b.latest_start()) return truth::possibly;
  return truth::no;
}

/// Whether `a` starts before the day `d` (a.start < d), e.g. for "the last meeting before D".
[[nodiscard]] inline auto starts_before(const period& a, date::sys_days d) noexcept -> truth {
  if (a.latest_start() < d) return truth::certainly;
  if (a.earliest_start() < d) return truth::possibly;
  return truth::no;
}

/// The 13 relations of Allen's interval algebra, "x <relation> y" (J. F. Allen, "Maintaining
/// knowledge about temporal intervals", Communications of the ACM 26(11), 1983), on the
/// half-open periods of the header essay.
enum class allen : std::uint8_t {
  before,         // p: x.end < y.start (a gap between them)
  meets,          // m: x.end == y.start
  overlaps,       // o: x.start < y.start < x.end < y.end
  starts,         // s: x.start == y.start, x.end < y.end
  during,         // d: y.start < x.start, x.end < y.end
  finishes,       // f: y.start < x.start, x.end == y.end
  equals,         // e: x.start == y.start, x.end == y.end
  after,          // P: inverse of before
  met_by,         // M: inverse of meets
  overlapped_by,  // O: inverse of overlaps
  started_by,     // S: inverse of starts
  contains,       // D: inverse of during
  finished_by     // F: inverse of finishes
};

/// The name of a relation: "before", "meets", ..., "met-by", "overlapped-by", "started-by",
/// "contains", "finished-by".
[[nodiscard]] constexpr auto name(allen r) noexcept -> std::string_view {
  constexpr std::array<std::string_view, 13> names = {
      "before", "meets",  "overlaps",      "starts",     "during",   "finishes",   "equals",
      "after",  "met-by", "overlapped-by", "started-by", "contains", "finished-by"};
  return names[static_cast<std::size_t>(r) % 13];
}

/// The conventional one-letter symbol: p m o s d f e P M O S D F.
[[nodiscard]] constexpr auto symbol(allen r) noexcept -> char {
  return "pmosdfePMOSDF"[static_cast<std::size_t>(r) % 13];
}

/// The converse relation: if x r y then y inverse(r) x. inverse(allen::equals) == equals.
[[nodiscard]] constexpr auto inverse(allen r) noexcept -> allen {
  constexpr std::array<allen, 13> inv = {
      allen::after,       allen::met_by, allen::overlapped_by, allen::started_by, allen::contains,
      allen::finished_by, allen::equals, allen::before,        allen::meets,      allen::overlaps,
      allen::starts,      allen::during, allen::finishes};
  return inv[static_cast<std::size_t>(r) % 13];
}

/// A set of Allen relations (13 bits): the possible relations between two periods.
/// Iterates in enum order. Example: `for (diplo::allen r : relate(x, y)) ...`
class allen_set {
 public:
  /// The empty set.
  constexpr allen_set() noexcept = default;
  /// The set of the listed relations. Example: `allen_set{allen::before, allen::meets}`.
  constexpr allen_set(std::initializer_list<allen> rs) noexcept {
    for (allen r : rs) insert(r);
  }
  /// All 13 relations.
  [[nodiscard]] static constexpr auto all() noexcept -> allen_set {
    allen_set s;
    s.bits_ = (1U << 13) - 1;
    return s;
  }

  [[nodiscard]] constexpr auto contains(allen r) const noexcept -> bool {
    return (bits_ >> static_cast<unsigned>(r)) & 1U;
  }
  [[nodiscard]] constexpr auto size() const noexcept -> std::size_t {
    std::size_t n = 0;
    for (unsigned b = bits_; b != 0; b &= b - 1) ++n;
    return n;
  }
  [[nodiscard]] constexpr auto empty() const noexcept -> bool { return bits_ == 0; }
  /// True when exactly one relation is possible: the relation is certain.
  [[nodiscard]] constexpr auto certain() const noexcept -> bool { return size() == 1; }
  /// The single member when certain(), otherwise std::nullopt.
  [[nodiscard]] constexpr auto only() const noexcept -> std::optional<allen> {
    if (!certain()) return std::nullopt;
    return *begin();
  }
  constexpr void insert(allen r) noexcept {
    bits_ = static_cast<std::uint16_t>(bits_ | (1U << static_cast<unsigned>(r)));
  }
  constexpr void erase(allen r) noexcept {
    bits_ = static_cast<std::uint16_t>(bits_ & ~(1U << static_cast<unsigned>(r)));
  }
  /// The set of converses: {before, meets} -> {after, met-by}.
  [[nodiscard]] constexpr auto inverse() const noexcept -> allen_set {
    allen_set s;
    for (allen r : *this) s.insert(diplo::inverse(r));
    return s;
  }
  /// The 13-bit mask, bit i for allen value i.
  [[nodiscard]] constexpr auto bits() const noexcept -> std::uint16_t { return bits_; }

  friend constexpr auto operator|(allen_set a, allen_set b) noexcept -> allen_set {
    a.bits_ = static_cast<std::uint16_t>(a.bits_ | b.bits_);
    return a;
  }
  friend constexpr auto operator&(allen_set a, allen_set b) noexcept -> allen_set {
    a.bits_ = static_cast<std::uint16_t>(a.bits_ & b.bits_);
    return a;
  }
  friend constexpr auto operator==(allen_set, allen_set) noexcept -> bool = default;

  /// Forward iterator over the members, in enum order.
  class iterator {
   public:
    using value_type = allen;
    using difference_type = std::ptrdiff_t;
    using iterator_category = std::forward_iterator_tag;
    constexpr iterator() noexcept = default;
    constexpr auto operator*() const noexcept -> allen { return static_cast<allen>(i_); }
    constexpr auto operator++() noexcept -> iterator& {
      i_ = next(bits_, i_ + 1);
      return *this;
    }
    constexpr auto operator++(int) noexcept -> iterator {
      iterator t = *this;
      ++*this;
      return t;
    }
    friend constexpr auto operator==(iterator, iterator) noexcept -> bool = default;

   private:
    friend class allen_set;
    constexpr iterator(std::uint16_t bits, unsigned i) noexcept : bits_(bits), i_(next(bits, i)) {}
    static constexpr auto next(std::uint16_t bits, unsigned i) noexcept -> unsigned {
      while (i < 13 && ((static_cast<unsigned>(bits) >> i) & 1U) == 0) ++i;
      return i;
    }
    std::uint16_t bits_ = 0;
    unsigned i_ = 13;
  };
  [[nodiscard]] constexpr auto begin() const noexcept -> iterator { return {bits_, 0}; }
  [[nodiscard]] constexpr auto end() const noexcept -> iterator { return {bits_, 13}; }

 private:
  std::uint16_t bits_ = 0;
};

namespace detail {

// Difference-constraint feasibility over the four endpoints of two periods.
// Nodes: 0 = zero, 1 = x.start, 2 = x.end, 3 = y.start, 4 = y.end (half-open, integer days).
// d[i][j] bounds v_j - v_i. Feasible iff the graph has no negative cycle.
struct endpoint_system {
  static constexpr std::int64_t inf = std::int64_t{1} << 40;
  std::int64_t d[5][5] = {};

  constexpr void bound(int i, int j, std::int64_t w) noexcept {
    if (w < d[i][j]) d[i][j] = w;
  }
  constexpr void less(int a, int b) noexcept { bound(b, a, -1); }  // v_a < v_b
  constexpr void equal(int a, int b) noexcept {
    bound(b, a, 0);
    bound(a, b, 0);
  }
  [[nodiscard]] constexpr auto feasible() const noexcept -> bool {
    std::int64_t m[5][5] = {};
    for (int i = 0; i < 5; ++i)
      for (int j = 0; j < 5; ++j) m[i][j] = d[i][j];
    for (int k = 0; k < 5; ++k)
      for (int i = 0; i < 5; ++i)
        for (int j = 0; j < 5; ++j)
          if (m[i][k] < inf && m[k][j] < inf && m[i][k] + m[k][j] < m[i][j]) m[i][j] = m[i][k] + m[k][j];
    for (int i = 0; i < 5; ++i)
      if (m[i][i] < 0) return false;
    return true;
  }
};

}  // namespace detail

/// The Allen relations between `x` and `y` that are possible ("x r y"), exactly: a relation
/// is in the set iff some reading of both periods satisfies it. Exact periods give one
/// relation; `relate(x, y) == relate(y, x).inverse()`.
/// Example: `relate(period::parse("2025-05-07/2025-05-10"), period::parse("2025-05-11")).only()
/// == allen::meets`
[[nodiscard]] auto relate(const period& x, const period& y) noexcept -> allen_set;

/// Whether `a` and `b` share at least one day.
/// Example: `overlaps(parse("2024-10"), parse("2024-10-15")) == truth::possibly`
[[nodiscard]] inline auto overlaps(const period& a, const period& b) noexcept -> truth {
  constexpr allen_set disjoint{allen::before, allen::meets, allen::after, allen::met_by};
  const allen_set r = relate(a, b);
  if ((r & disjoint).empty()) return truth::certainly;
  if (r == (r & disjoint)) return truth::no;
  return truth::possibly;
}

inline auto relate(const period& x, const period& y) noexcept -> allen_set {
  detail::endpoint_system base;
  for (auto& row : base.d)
    for (auto& w : row) w = detail::endpoint_system::inf;
  for (int i = 0; i < 5; ++i) base.d[i][i] = 0;
  auto range = [&](int v, date::sys_days lo, date::sys_days hi) {
    base.bound(0, v, hi.time_since_epoch().count());
    base.bound(v, 0, -static_cast<std::int64_t>(lo.time_since_epoch().count()));
  };
  auto couple = [&](int s, int e, const period& p) {
    base.less(s, e);
    if (p.max_length() == date::days{1}) base.bound(s, e, 1);
  };
  range(1, x.earliest_start(), x.latest_start());
  range(2, x.earliest_end(), x.latest_end());
  range(3, y.earliest_start(), y.latest_start());
  range(4, y.earliest_end(), y.latest_end());
  couple(1, 2, x);
  couple(3, 4, y);

  constexpr int xs = 1, xe = 2, ys = 3, ye = 4;
  allen_set out;
  auto check = [&](allen r, auto&& add) {
    detail::endpoint_system s = base;
    add(s);
    if (s.feasible()) out.insert(r);
  };
  using S = detail::endpoint_system;
  check(allen::before, [](S& s) { s.less(xe, ys); });
  check(allen::meets, [](S& s) { s.equal(xe, ys); });
  check(allen::overlaps, [](S& s) {
    s.less(xs, ys);
    s.less(ys, xe);
    s.less(xe, ye);
  });
  check(allen::starts, [](S& s) {
    s.equal(xs, ys);
    s.less(xe, ye);
  });
  check(allen::during, [](S& s) {
    s.less(ys, xs);
    s.less(xe, ye);
  });
  check(allen::finishes, [](S& s) {
    s.less(ys, xs);
    s.equal(xe, ye);
  });
  check(allen::equals, [](S& s) {
    s.equal(xs, ys);
    s.equal(xe, ye);
  });
  check(allen::after, [](S& s) { s.less(ye, xs); });
  check(allen::met_by, [](S& s) { s.equal(ye, xs); });
  check(allen::overlapped_by, [](S& s) {
    s.less(ys, xs);
    s.less(xs, ye);
    s.less(ye, xe);
  });
  check(allen::started_by, [](S& s) {
    s.equal(xs, ys);
    s.less(ye, xe);
  });
  check(allen::contains, [](S& s) {
    s.less(xs, ys);
    s.less(ye, xe);
  });
  check(allen::finished_by, [](S& s) {
    s.less(xs, ys);
    s.equal(xe, ye);
  });
  return out;
}

inline auto period::to_text() const -> std::string {
  const bool s_known = start_kind_ == end_kind::known;
  const bool e_known = end_kind_ == end_kind::known;
  if (s_known && e_known) {
    if (start_ == end_) return start_.to_text();
    if (start_.is_exact_day() && end_.is_exact_day() && start_.qualifier() == qualifier::none &&
        end_.qualifier() == qualifier::none) {
      const date::year_month_day a{start_.earliest()};
      const date::year_month_day b{end_.earliest()};
      if (a.year() == b.year()) {
        const std::string y = detail::human_year(static_cast<int>(a.year()));
        const auto ma = detail::month_names[static_cast<unsigned>(a.month()) - 1];
        const auto mb = detail::month_names[static_cast<unsigned>(b.month()) - 1];
        if (a.month() == b.month())
          return fmt::format("{}–{} {} {}", static_cast<unsigned>(a.day()), static_cast<unsigned>(b.day()),
                             ma, y);
        return fmt::format("{} {} – {} {} {}", static_cast<unsigned>(a.day()), ma,
                           static_cast<unsigned>(b.day()), mb, y);
      }
    }
    return fmt::format("{} – {}", start_.to_text(), end_.to_text());
  }
  if (s_known) {
    return end_kind_ == end_kind::open ? fmt::format("from {}", start_.to_text())
                                       : fmt::format("{} – ?", start_.to_text());
  }
  return start_kind_ == end_kind::open ? fmt::format("until {}", end_.to_text())
                                       : fmt::format("? – {}", end_.to_text());
}

}  // namespace diplo

/// Formats a truth value by name ("possibly").
template <>
struct fmt::formatter<diplo::truth> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(diplo::truth t, Context& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(name(t), ctx);
  }
};

/// Formats an Allen relation by name ("met-by"), or with `{:s}` by symbol ("M").
template <>
struct fmt::formatter<diplo::allen> : fmt::formatter<std::string_view> {
  bool symbol = false;

  template <class ParseContext>
  constexpr auto parse(ParseContext& ctx) -> decltype(ctx.begin()) {
    auto it = ctx.begin();
    if (it != ctx.end() && *it == 's') {
      symbol = true;
      ctx.advance_to(++it);
    }
    return fmt::formatter<std::string_view>::parse(ctx);
  }

  template <class Context>
  auto format(diplo::allen r, Context& ctx) const -> decltype(ctx.out()) {
    const char c = diplo::symbol(r);
    return fmt::formatter<std::string_view>::format(symbol ? std::string_view(&c, 1) : diplo::name(r), ctx);
  }
};

/// Formats a set of Allen relations: `{}` -> "{before, meets}", `{:s}` -> "{p,m}".
template <>
struct fmt::formatter<diplo::allen_set> : fmt::formatter<std::string_view> {
  bool symbols = false;

  template <class ParseContext>
  constexpr auto parse(ParseContext& ctx) -> decltype(ctx.begin()) {
    auto it = ctx.begin();
    if (it != ctx.end() && *it == 's') {
      symbols = true;
      ctx.advance_to(++it);
    }
    return fmt::formatter<std::string_view>::parse(ctx);
  }

  template <class Context>
  auto format(diplo::allen_set rs, Context& ctx) const -> decltype(ctx.out()) {
    std::string s = "{";
    for (diplo::allen r : rs) {
      if (s.size() > 1) s += symbols ? "," : ", ";
      if (symbols) {
        s += diplo::symbol(r);
      } else {
        s += diplo::name(r);
      }
    }
    s += '}';
    return fmt::formatter<std::string_view>::format(std::string_view(s), ctx);
  }
};

/// Formats a period: `{}` English text ("7–10 May 2025"), `{:e}` EDTF
/// ("2025-05-07/2025-05-10"). Fill, alignment and width follow the optional 'e'.
template <>
struct fmt::formatter<diplo::period> : diplo::detail::edtf_formatter<diplo::period> {};
