// SPDX-License-Identifier: MIT
#pragma once

// Partial dates: a day, a month, a season, a year or a decade, as EDTF writes them.
//
// Sources on diplomacy are rarely exact. A communiqué gives "22 October 2024", a memoir
// says "in October", an archive catalogue says "c. 1962" or "the 1950s". `partial_date`
// holds one such date, in the Extended Date/Time Format (EDTF, Library of Congress,
// 2019), levels 0 and 1:
//
//   "2024-10-22"   22 October 2024                      precision::day
//   "2024-10"      some day in October 2024             precision::month
//   "2024"         some day in 2024                     precision::year
//   "2024-21"      spring 2024 (21..24 = spring, summer, autumn, winter)
//   "202X"         a year of the 2020s; "20XX" a year of 2000-2099
//   "2024-XX"      a month of 2024, not stated which    (month precision)
//   "2024-10-XX"   a day of October 2024, not stated    (day precision)
//   "-0044"        the astronomical year -44, i.e. 45 BCE (year 0000 is 1 BCE)
//   "2024-10?"     possibly October 2024 (uncertain: the source is doubtful)
//   "2024-10~"     circa October 2024 (approximate)
//   "2024-10%"     both uncertain and approximate
//
// BOUNDS. A partial date stands for a set of consecutive days. `earliest()` is the first
// possible day and `latest()` the last one (inclusive):
//
//   partial_date::parse("2024-10").earliest() == date::sys_days{2024_y / date::oct / 1}
//   partial_date::parse("2024-10").latest()   == date::sys_days{2024_y / date::oct / 31}
//   partial_date::parse("202X").latest()      == date::sys_days{2029_y / date::dec / 31}
//
// Seasons use the northern meteorological seasons: spring = March-May, summer = June-August,
// autumn = September-November, winter = 1 December of the stated year to the end of
// February of the next year. (EDTF leaves season bounds to the implementation.)
//
// Qualifiers never change the bounds: EDTF does not say how wide "circa" is, so any fuzz is
// an explicit policy of the caller, not of this type.
//
// CONSTRUCTION. From date's field types, or by parsing EDTF text:
//
//   using namespace date::literals;
//   diplo::partial_date a = 2024_y / date::oct / 22;                 // a day
//   diplo::partial_date b = 2024_y / date::oct;                      // a month
//   diplo::partial_date c{2024_y, diplo::qualifier::approximate};     // c. 2024
//   auto d = diplo::partial_date::parse("2024-10~");                  // throws parse_error
//   auto e = diplo::partial_date::try_parse("2024-13");               // std::nullopt
//
// Parsing is strict: years have exactly four digits (with an optional '-'), months and days
// two, the day must exist in the calendar, a qualifier may only stand at the very end. The
// error names the 1-based column and what was expected:
//
//   [diplo.edtf] "2024-5-9" at column 6: expected a two-digit month (01-12)
//
// COMPARISON. `==` compares the written dates: "2024-10" != "2024-10~" != "2024-10-XX".
// `<=>` is a total order for sorting: by earliest(), then latest(), then precision,
// qualifier and the remaining fields. It says nothing about which event came first; for
// that, compare bounds, or use diplo::period's three-valued comparisons.
//
// FORMATTING. `fmt::format("{}", d)` gives English text ("22 October 2024",
// "c. October 2024", "October 2024?", "2020–2029" for "202X"); `{:e}` gives EDTF. Width, fill and
// alignment work as for strings: `{:>20}`, `{:e>20}` (a leading 'e' always means EDTF).

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>
#include <fmt/format.h>

#include "diplo/error.h"

namespace diplo {

/// How finely a partial date is known. Ordered from coarse to fine.
enum class precision : std::uint8_t { year, season, month, day };

/// EDTF level 1 qualifiers; they apply to the whole date and never change its bounds.
/// `uncertain` is written '?', `approximate` '~', `uncertain_approximate` '%'.
enum class qualifier : std::uint8_t { none, uncertain, approximate, uncertain_approximate };

/// The name of a precision: "year", "season", "month" or "day".
[[nodiscard]] constexpr auto name(precision p) noexcept -> std::string_view {
  switch (p) {
    case precision::year: return "year";
    case precision::season: return "season";
    case precision::month: return "month";
    case precision::day: return "day";
  }
  return "?";
}

/// The name of a qualifier: "none", "uncertain", "approximate" or "uncertain-approximate".
[[nodiscard]] constexpr auto name(qualifier q) noexcept -> std::string_view {
  switch (q) {
    case qualifier::none: return "none";
    case qualifier::uncertain: return "uncertain";
    case qualifier::approximate: return "approximate";
    case qualifier::uncertain_approximate: return "uncertain-approximate";
  }
  return "?";
}

/// The EDTF suffix of a qualifier: "", "?", "~" or "%".
[[nodiscard]] constexpr auto symbol(qualifier q) noexcept -> std::string_view {
  switch (q) {
    case qualifier::none: return "";
    case qualifier::uncertain: return "?";
    case qualifier::approximate: return "~";
    case qualifier::uncertain_approximate: return "%";
  }
  return "";
}

class partial_date;

namespace detail {
struct edtf_reader;
[[noreturn]] inline void throw_bad_partial_date(std::string_view what);
}  // namespace detail

/// One EDTF level 0/1 date: a day, month, season or year (possibly with unspecified 'X'
/// digits), optionally qualified as uncertain and/or approximate. A small regular value
/// type (8 bytes, trivially copyable). Always valid: every constructor checks its input.
class partial_date {
 public:
  /// The year 1970 (year precision, no qualifier), matching date::sys_days{}'s epoch year.
  /// Example: `diplo::partial_date{}.to_edtf() == "1970"`
  constexpr partial_date() noexcept = default;

  /// An exact day. Precondition: `ymd.ok()` and the year is in -9999..9999; otherwise
  /// throws diplo::error.
  /// Example: `diplo::partial_date d = 2024_y / date::oct / 22;  // "2024-10-22"`
  constexpr partial_date(date::year_month_day ymd, diplo::qualifier q = diplo::qualifier::none)
      : year_(static_cast<std::int16_t>(static_cast<int>(ymd.year()))),
        month_(static_cast<std::uint8_t>(static_cast<unsigned>(ymd.month()))),
        day_(static_cast<std::uint8_t>(static_cast<unsigned>(ymd.day()))),
        precision_(diplo::precision::day),
        qualifier_(q) {
    if (!ymd.ok() || !year_in_range(ymd.year())) detail::throw_bad_partial_date("a valid day");
  }

  /// A month. Precondition: `ym.ok()` and the year is in -9999..9999; otherwise throws
  /// diplo::error.
  /// Example: `diplo::partial_date m = 2024_y / date::oct;  // "2024-10"`
  constexpr partial_date(date::year_month ym, diplo::qualifier q = diplo::qualifier::none)
      : year_(static_cast<std::int16_t>(static_cast<int>(ym.year()))),
        month_(static_cast<std::uint8_t>(static_cast<unsigned>(ym.month()))),
        precision_(diplo::precision::month),
        qualifier_(q) {
    if (!ym.ok() || !year_in_range(ym.year())) detail::throw_bad_partial_date("a valid month");
  }

  /// A year. Precondition: the year is in -9999..9999; otherwise throws diplo::error.
  /// Example: `diplo::partial_date y{2024_y, diplo::qualifier::uncertain};  // "2024?"`
  constexpr explicit partial_date(date::year y, diplo::qualifier q = diplo::qualifier::none)
      : year_(static_cast<std::int16_t>(static_cast<int>(y))), qualifier_(q) {
    if (!year_in_range(y)) detail::throw_bad_partial_date("a year in -9999..9999");
  }

  /// Parses one EDTF level 0/1 date (see the grammar above). Strict: throws
  /// diplo::parse_error naming the 1-based column and what was expected.
  /// Example: `partial_date::parse("2024-10~").approximate() == true`
  [[nodiscard]] static auto parse(std::string_view edtf) -> partial_date;

  /// As parse(), but returns std::nullopt instead of throwing.
  /// Example: `!partial_date::try_parse("2023-02-29")`
  [[nodiscard]] static auto try_parse(std::string_view edtf) noexcept -> std::optional<partial_date>;

  /// The first possible day. Example: "2024-10" -> 2024-10-01; "2024-24" -> 2024-12-01.
  [[nodiscard]] constexpr auto earliest() const noexcept -> date::sys_days {
    const date::year y{year_};
    switch (precision_) {
      case diplo::precision::year: return date::sys_days{y / date::January / 1};
      case diplo::precision::season: return date::sys_days{y / date::month{season_first_month()} / 1};
      case diplo::precision::month:
      case diplo::precision::day:
        if (month_ == 0) return date::sys_days{y / date::January / 1};
        if (day_ == 0) return date::sys_days{y / date::month{month_} / 1};
        return date::sys_days{y / date::month{month_} / date::day{day_}};
    }
    return {};
  }

  /// The last possible day, inclusive. Example: "2024-10" -> 2024-10-31; "20XX" -> 2099-12-31;
  /// "2023-24" (winter) -> 2024-02-29.
  [[nodiscard]] constexpr auto latest() const noexcept -> date::sys_days {
    switch (precision_) {
      case diplo::precision::year: {
        const int span = unspecified_digits_ == 2 ? 100 : unspecified_digits_ == 1 ? 10 : 1;
        return date::sys_days{date::year{year_ + span - 1} / date::December / 31};
      }
      case diplo::precision::season: {
        const unsigned last = season_first_month() + 2;  // 5, 8, 11 or 14 (= next February)
        const date::year y{year_ + (last > 12 ? 1 : 0)};
        return date::sys_days{y / date::month{last > 12 ? last - 12 : last} / date::last};
      }
      case diplo::precision::month:
      case diplo::precision::day:
        if (month_ == 0) return date::sys_days{date::year{year_} / date::December / 31};
        if (day_ == 0) return date::sys_days{date::year{year_} / date::month{month_} / date::last};
        return date::sys_days{date::year{year_} / date::month{month_} / date::day{day_}};
    }
    return {};
  }

  /// How finely the date is written: "2024-XX" and "2024-10" are month precision,
  /// "2024-10-XX" is day precision, "202X" is year precision.
  [[nodiscard]] constexpr auto precision() const noexcept -> diplo::precision { return precision_; }

  /// The qualifier written after the date ('?', '~', '%' or none).
  [[nodiscard]] constexpr auto qualifier() const noexcept -> diplo::qualifier { return qualifier_; }

  /// True for '?' and '%'.
  [[nodiscard]] constexpr auto uncertain() const noexcept -> bool {
    return qualifier_ == diplo::qualifier::uncertain || qualifier_ == diplo::qualifier::uncertain_approximate;
  }

  /// True for '~' and '%'.
  [[nodiscard]] constexpr auto approximate() const noexcept -> bool {
    return qualifier_ == diplo::qualifier::approximate ||
           qualifier_ == diplo::qualifier::uncertain_approximate;
  }

  /// True for a day-precision date without 'X' digits, i.e. earliest() == latest().
  /// A qualifier does not matter: "2024-10-22?" is an exact (if doubtful) day.
  [[nodiscard]] constexpr auto is_exact_day() const noexcept -> bool {
    return precision_ == diplo::precision::day && month_ != 0 && day_ != 0;
  }

  /// True when the date was written with unspecified 'X' digits ("202X", "2024-XX",
  /// "2024-10-XX"). Such dates are EDTF level 1 on their own but level 2 as interval ends.
  [[nodiscard]] constexpr auto has_unspecified_digits() const noexcept -> bool {
    return unspecified_digits_ != 0 ||
           ((precision_ == diplo::precision::month || precision_ == diplo::precision::day) && month_ == 0) ||
           (precision_ == diplo::precision::day && day_ == 0);
  }

  /// The same date with another qualifier. Example: `d.with(diplo::qualifier::none)`.
  [[nodiscard]] constexpr auto with(diplo::qualifier q) const noexcept -> partial_date {
    partial_date r = *this;
    r.qualifier_ = q;
    return r;
  }

  /// Canonical EDTF text; `parse(d.to_edtf()) == d` for every date.
  /// Example: "2024-10-22", "-0044", "202X", "2024-10-XX", "2024-21", "2024-10%".
  [[nodiscard]] auto to_edtf() const -> std::string;

  /// English text as printed by `fmt::format("{}", d)`: "22 October 2024", "October 2024",
  /// "spring 2024", "c. October 2024?", "2020–2029" (for "202X"), "2000–2099", "a month of 2024",
  /// "a day in October 2024", "45 BCE" (for "-0044").
  [[nodiscard]] auto to_text() const -> std::string;

  /// Equal when written the same way (same fields, precision and qualifier).
  friend constexpr auto operator==(const partial_date&, const partial_date&) noexcept -> bool = default;

  /// Total order for sorting: by earliest(), then latest(), then precision, qualifier and
  /// the remaining fields. Consistent with ==.
  friend constexpr auto operator<=>(const partial_date& a, const partial_date& b) noexcept
      -> std::strong_ordering {
    if (auto c = a.earliest().time_since_epoch().count() <=> b.earliest().time_since_epoch().count(); c != 0)
      return c;
    if (auto c = a.latest().time_since_epoch().count() <=> b.latest().time_since_epoch().count(); c != 0)
      return c;
    if (auto c = a.precision_ <=> b.precision_; c != 0) return c;
    if (auto c = a.qualifier_ <=> b.qualifier_; c != 0) return c;
    if (auto c = a.year_ <=> b.year_; c != 0) return c;
    if (auto c = a.month_ <=> b.month_; c != 0) return c;
    if (auto c = a.day_ <=> b.day_; c != 0) return c;
    return a.unspecified_digits_ <=> b.unspecified_digits_;
  }

 private:
  friend struct detail::edtf_reader;

  static constexpr auto year_in_range(date::year y) noexcept -> bool {
    return y.ok() && static_cast<int>(y) >= -9999 && static_cast<int>(y) <= 9999;
  }
  constexpr auto season_first_month() const noexcept -> unsigned {
    return 3U * (static_cast<unsigned>(month_) - 21U) + 3U;  // 21 -> 3, 22 -> 6, 23 -> 9, 24 -> 12
  }

  // Year with any 'X' digits read as 0 ("202X" -> 2020); month 1-12, or 21-24 for a season,
  // or 0 when unspecified ("XX") or absent; day 1-31, or 0 when unspecified or absent.
  std::int16_t year_ = 1970;
  std::uint8_t month_ = 0;
  std::uint8_t day_ = 0;
  std::uint8_t unspecified_digits_ = 0;  // trailing 'X' digits of the year: 0, 1 or 2
  diplo::precision precision_ = diplo::precision::year;
  diplo::qualifier qualifier_ = diplo::qualifier::none;
};

namespace detail {

[[noreturn]] inline void throw_bad_partial_date(std::string_view what) {
  throw diplo::error(fmt::format("[diplo.date] expected {}", what));
}

inline constexpr std::string_view month_names[12] = {"January",   "February", "March",    "April",
                                                     "May",       "June",     "July",     "August",
                                                     "September", "October",  "November", "December"};

inline constexpr std::string_view season_names[4] = {"spring", "summer", "autumn", "winter"};

/// A year for people: 2024 -> "2024", 0 -> "1 BCE", -44 -> "45 BCE" (astronomical numbering).
inline auto human_year(int y) -> std::string {
  return y > 0 ? fmt::format("{}", y) : fmt::format("{} BCE", 1 - y);
}

/// Where and why a date failed to parse; turned into a parse_error only when throwing, so
/// that try_parse() stays noexcept.
struct edtf_failure {
  std::size_t column = 0;  // 1-based
  std::string_view expected;
  std::string_view note;
  int bad_day_year = 0;  // when != 0 month: "a day of <month> <year>"
  unsigned bad_day_month = 0;

  [[nodiscard]] auto message() const -> std::string {
    if (bad_day_month != 0) {
      const date::year_month_day_last l{date::year{bad_day_year},
                                        date::month_day_last{date::month{bad_day_month}}};
      return fmt::format("a day of {} {}{:04} (01-{:02})", month_names[bad_day_month - 1],
                         bad_day_year < 0 ? "-" : "", bad_day_year < 0 ? -bad_day_year : bad_day_year,
                         static_cast<unsigned>(l.day()));
    }
    return fmt::format("{}{}", expected, note);
  }
};

struct edtf_result {
  partial_date value;
  edtf_failure failure;
  bool ok = false;
};

/// The EDTF date lexer shared by partial_date::parse and period::parse: one member per part
/// of the date (a 2012-draft keyword, the year, the month, the day, the qualifier and the
/// end), each returning false once it has recorded the failure.
struct edtf_reader {
  /// Reads one date from text[first, last). Column numbers count from the start of `text`.
  /// `interval_end`: 'X' digits are level 2 there. `before_slash`: the date is followed by
  /// '/' (only used to word the messages).
  static auto read(std::string_view text, std::size_t first, std::size_t last, bool interval_end,
                   bool before_slash) noexcept -> edtf_result {
    edtf_reader p(text, first, last, interval_end, before_slash);
    p.r_.value = partial_date{};
    p.r_.ok = p.no_keyword() && p.year() && p.month() && p.qualifier_and_end();
    return p.r_;
  }

 private:
  static constexpr std::string_view per_part =
      "; a qualifier ('?', '~' or '%') may only follow the whole date (per-part qualifiers are "
      "EDTF level 2)";
  static constexpr std::string_view draft_u = " ('u' is 2012-draft EDTF for an unspecified digit; write 'X')";
  static constexpr std::string_view level_2_x =
      " (unspecified 'X' digits in an interval end are EDTF level 2)";

  std::string_view text_;
  std::size_t first_;
  std::size_t last_;
  bool interval_end_;
  std::string_view end_or_qualifier_;
  std::string_view end_only_;
  std::size_t i_;
  int x_ = 0;  // the year's unspecified digits
  bool month_unspecified_ = false;
  edtf_result r_;

  edtf_reader(std::string_view text, std::size_t first, std::size_t last, bool interval_end,
              bool before_slash) noexcept
      : text_(text),
        first_(first),
        last_(last),
        interval_end_(interval_end),
        end_or_qualifier_(before_slash ? "a qualifier ('?', '~' or '%') or '/'"
                                       : "a qualifier ('?', '~' or '%') or end of input"),
        end_only_(before_slash ? "'/'" : "end of input"),
        i_(first) {}

  [[nodiscard]] auto at(std::size_t i) const noexcept -> char { return i < last_ ? text_[i] : '\0'; }
  static auto is_digit(char c) noexcept -> bool { return c >= '0' && c <= '9'; }
  static auto is_qualifier(char c) noexcept -> bool { return c == '?' || c == '~' || c == '%'; }

  auto fail(std::size_t i, std::string_view expected, std::string_view note = {}) noexcept -> bool {
    r_.failure.column = i + 1;
    r_.failure.expected = expected;
    r_.failure.note = note;
    return false;
  }

  // Not a date at all: nothing, a 2012-draft keyword, an open end, a 'Y' year.
  auto no_keyword() noexcept -> bool {
    const std::string_view rest = text_.substr(first_, last_ - first_);
    const std::size_t i = first_;
    if (rest.empty()) return fail(i, "a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    if (rest.starts_with("open"))
      return fail(i, "a date",
                  interval_end_ ? "; 'open' is 2012-draft EDTF, write '..' for an open end"
                                : "; 'open' is 2012-draft EDTF (an open interval end is now '..')");
    if (rest.starts_with("unknown"))
      return fail(i, "a date",
                  "; 'unknown' is 2012-draft EDTF, leave an unknown interval end empty "
                  "(e.g. '2024-10/')");
    if (rest.starts_with(".."))
      return fail(i, interval_end_ ? "a date or '..' alone" : "a date",
                  interval_end_ ? "" : " ('..' marks an open end and is valid only in an interval)");
    if (rest[0] == 'Y' || rest[0] == 'y')
      return fail(i, "a four-digit year",
                  " (years beyond -9999..9999 with the 'Y' prefix are not supported)");
    return true;
  }

  // An optional '-', four digits (the last one or two may be 'X'), and what may follow them.
  auto year() noexcept -> bool {
    partial_date& d = r_.value;
    const bool negative = at(i_) == '-';
    if (negative) ++i_;
    int year = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const char c = at(i_ + k);
      if (is_digit(c)) {
        if (x_ > 0) return fail(i_ + k, "'X'", " (unspecified digits must be the last year digits)");
        year = year * 10 + (c - '0');
      } else if (c == 'X') {
        if (interval_end_) return fail(i_ + k, "a digit", level_2_x);
        if (negative)
          return fail(i_ + k, "a digit", " (unspecified digits in negative years are not supported)");
        if (k < 2) return fail(i_ + k, "a digit", " (only the last one or two year digits may be 'X')");
        ++x_;
        year *= 10;
      } else if (c == 'u') {
        return fail(i_ + k, "a digit or 'X'", draft_u);
      } else {
        return fail(i_ + k, "a four-digit year", is_qualifier(c) ? per_part : std::string_view{});
      }
    }
    i_ += 4;
    d.year_ = static_cast<std::int16_t>(negative ? -year : year);
    d.unspecified_digits_ = static_cast<std::uint8_t>(x_);
    d.precision_ = precision::year;

    if (x_ == 0 && is_digit(at(i_)))
      return fail(i_, "'-' after the four-digit year",
                  " (years have exactly four digits; the basic format 20250509 is not EDTF, "
                  "write 2025-05-09)");
    if (x_ > 0 && at(i_) == '-')
      return fail(i_, end_or_qualifier_,
                  " (a year with unspecified digits cannot have a month: EDTF level 2)");
    return true;
  }

  // "-MM" (a month, 'XX' or a season), then the day, if there is a '-' after the year.
  auto month() noexcept -> bool {
    if (x_ != 0 || at(i_) != '-') return true;
    partial_date& d = r_.value;
    const std::size_t j = i_ + 1;
    const char c1 = at(j);
    const char c2 = at(j + 1);
    if (c1 == 'X' && c2 == 'X') {
      if (interval_end_) return fail(j, "a two-digit month (01-12)", level_2_x);
      month_unspecified_ = true;
      d.month_ = 0;
      d.precision_ = precision::month;
    } else if (c1 == 'u' || c2 == 'u') {
      return fail(j, "a two-digit month (01-12) or 'XX'", draft_u);
    } else if (is_digit(c1) && is_digit(c2)) {
      const int m = (c1 - '0') * 10 + (c2 - '0');
      if (m >= 1 && m <= 12) {
        d.precision_ = precision::month;
      } else if (m >= 21 && m <= 24) {
        d.precision_ = precision::season;
      } else {
        return fail(j, "a month (01-12) or a season (21-24)");
      }
      d.month_ = static_cast<std::uint8_t>(m);
    } else {
      return fail(j, "a two-digit month (01-12)",
                  is_qualifier(c1) || is_qualifier(c2) ? per_part : std::string_view{});
    }
    i_ = j + 2;
    if (d.precision_ == precision::season && at(i_) == '-')
      return fail(i_, end_or_qualifier_, " (a season has no day)");
    return at(i_) != '-' || day();
  }

  // "-DD" (a day of that month, or 'XX').
  auto day() noexcept -> bool {
    partial_date& d = r_.value;
    const std::size_t k = i_ + 1;
    const char e1 = at(k);
    const char e2 = at(k + 1);
    if (e1 == 'X' && e2 == 'X') {
      if (interval_end_) return fail(k, "a two-digit day (01-31)", level_2_x);
      d.day_ = 0;
    } else if (e1 == 'u' || e2 == 'u') {
      return fail(k, "a two-digit day (01-31) or 'XX'", draft_u);
    } else if (is_digit(e1) && is_digit(e2)) {
      if (month_unspecified_)
        return fail(k, "'XX'", " (a known day in an unspecified month is EDTF level 2)");
      const int dd = (e1 - '0') * 10 + (e2 - '0');
      if (dd < 1 || dd > 31) return fail(k, "a day (01-31)");
      const date::year_month_day ymd{date::year{d.year_}, date::month{d.month_},
                                     date::day{static_cast<unsigned>(dd)}};
      if (!ymd.ok()) {
        r_.failure.bad_day_year = d.year_;
        r_.failure.bad_day_month = d.month_;
        return fail(k, "a day");
      }
      d.day_ = static_cast<std::uint8_t>(dd);
    } else {
      return fail(k, "a two-digit day (01-31)",
                  is_qualifier(e1) || is_qualifier(e2) ? per_part : std::string_view{});
    }
    d.precision_ = precision::day;
    i_ = k + 2;
    return true;
  }

  // The qualifier, then the end.
  auto qualifier_and_end() noexcept -> bool {
    bool qualified = false;
    if (is_qualifier(at(i_))) {
      const char c = at(i_);
      r_.value.qualifier_ = c == '?'   ? qualifier::uncertain
                            : c == '~' ? qualifier::approximate
                                       : qualifier::uncertain_approximate;
      qualified = true;
      ++i_;
    }
    if (i_ < last_) {
      const char c = at(i_);
      if (qualified && is_qualifier(c))
        return fail(i_, end_only_, " (one qualifier only; '?~' is 2012-draft EDTF, write '%')");
      if (qualified && c == '-')
        return fail(i_, end_only_,
                    " (a qualifier applies to the whole date and must come last; per-part "
                    "qualifiers are EDTF level 2)");
      if (c == 'T')
        return fail(i_, qualified ? end_only_ : end_or_qualifier_, " (times of day are not supported)");
      return fail(i_, qualified ? end_only_ : end_or_qualifier_);
    }
    return true;
  }
};

}  // namespace detail

inline auto partial_date::parse(std::string_view edtf) -> partial_date {
  auto r = detail::edtf_reader::read(edtf, 0, edtf.size(), false, false);
  if (!r.ok) throw parse_error::at("edtf", edtf, r.failure.column, r.failure.message());
  return r.value;
}

inline auto partial_date::try_parse(std::string_view edtf) noexcept -> std::optional<partial_date> {
  auto r = detail::edtf_reader::read(edtf, 0, edtf.size(), false, false);
  if (!r.ok) return std::nullopt;
  return r.value;
}

inline auto partial_date::to_edtf() const -> std::string {
  std::string s = fmt::format("{}{:04}", year_ < 0 ? "-" : "", year_ < 0 ? -year_ : year_);
  for (std::size_t k = 0; k < unspecified_digits_; ++k) s[s.size() - 1 - k] = 'X';
  if (precision_ != diplo::precision::year) {
    s += month_ == 0 ? std::string("-XX") : fmt::format("-{:02}", month_);
    if (precision_ == diplo::precision::day)
      s += day_ == 0 ? std::string("-XX") : fmt::format("-{:02}", day_);
  }
  s += symbol(qualifier_);
  return s;
}

inline auto partial_date::to_text() const -> std::string {
  std::string s;
  const std::string y = detail::human_year(year_);
  switch (precision_) {
    case diplo::precision::year:
      if (unspecified_digits_ == 0) {
        s = y;
      } else {  // a decade and a century read alike: "2020–2029", "1900–1999"
        s = fmt::format("{}–{}", y, detail::human_year(year_ + (unspecified_digits_ == 1 ? 9 : 99)));
      }
      break;
    case diplo::precision::season:
      s = month_ == 24 ? fmt::format("winter {}–{}", y, detail::human_year(year_ + 1))
                       : fmt::format("{} {}", detail::season_names[month_ - 21], y);
      break;
    case diplo::precision::month:
      s = month_ == 0 ? fmt::format("a month of {}", y)
                      : fmt::format("{} {}", detail::month_names[month_ - 1], y);
      break;
    case diplo::precision::day:
      if (month_ == 0) {
        s = fmt::format("a day in {}", y);
      } else if (day_ == 0) {
        s = fmt::format("a day in {} {}", detail::month_names[month_ - 1], y);
      } else {
        s = fmt::format("{} {} {}", day_, detail::month_names[month_ - 1], y);
      }
      break;
  }
  if (approximate()) s.insert(0, "c. ");
  if (uncertain()) s += '?';
  return s;
}

}  // namespace diplo

namespace diplo::detail {
/// The formatter of partial dates and periods: `{}` their English text (`to_text()`),
/// `{:e}` their EDTF (`to_edtf()`); fill, alignment and width as for strings, after 'e'.
template <class T>
struct edtf_formatter : fmt::formatter<std::string_view> {
  bool edtf = false;

  template <class ParseContext>
  constexpr auto parse(ParseContext& ctx) -> decltype(ctx.begin()) {
    auto it = ctx.begin();
    if (it != ctx.end() && *it == 'e') {
      edtf = true;
      ctx.advance_to(++it);
    }
    return fmt::formatter<std::string_view>::parse(ctx);
  }

  template <class Context>
  auto format(const T& value, Context& ctx) const -> decltype(ctx.out()) {
    const std::string s = edtf ? value.to_edtf() : value.to_text();
    return fmt::formatter<std::string_view>::format(std::string_view(s), ctx);
  }
};
}  // namespace diplo::detail

/// Formats a partial date: `{}` English text ("c. October 2024?"), `{:e}` EDTF ("2024-10%").
/// Fill, alignment and width work as for strings and follow the optional 'e': `{:e>12}`.
template <>
struct fmt::formatter<diplo::partial_date> : diplo::detail::edtf_formatter<diplo::partial_date> {};

/// Formats a precision by name ("month").
template <>
struct fmt::formatter<diplo::precision> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(diplo::precision p, Context& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(name(p), ctx);
  }
};

/// Formats a qualifier by name ("approximate").
template <>
struct fmt::formatter<diplo::qualifier> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(diplo::qualifier q, Context& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(name(q), ctx);
  }
};
