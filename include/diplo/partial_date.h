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
#include "diplo/export.h"

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
/// type (4 bytes, trivially copyable). Always valid: every constructor checks its input.
class partial_date {
 public:
  /// The year 1970 (year precision, no qualifier), matching date::sys_days{}'s epoch year.
  /// Example: `diplo::partial_date{}.to_edtf() == "1970"`
  constexpr partial_date() noexcept = default;

  /// An exact day. Precondition: `ymd.ok()` and the year is in -9999..9999; otherwise
  /// throws diplo::error.
  /// Example: `diplo::partial_date d = 2024_y / date::oct / 22;  // "2024-10-22"`
  constexpr partial_date(date::year_month_day ymd, diplo::qualifier q = diplo::qualifier::none)
      : year_(static_cast<std::int16_t>(static_cast<int>(ymd.year()))) {
    set(month_field, static_cast<unsigned>(ymd.month()));
    set(day_field, static_cast<unsigned>(ymd.day()));
    set(precision_field, static_cast<unsigned>(diplo::precision::day));
    set(qualifier_field, static_cast<unsigned>(q));
    if (!ymd.ok() || !year_in_range(ymd.year())) detail::throw_bad_partial_date("a valid day");
  }

  /// A month. Precondition: `ym.ok()` and the year is in -9999..9999; otherwise throws
  /// diplo::error.
  /// Example: `diplo::partial_date m = 2024_y / date::oct;  // "2024-10"`
  constexpr partial_date(date::year_month ym, diplo::qualifier q = diplo::qualifier::none)
      : year_(static_cast<std::int16_t>(static_cast<int>(ym.year()))) {
    set(month_field, static_cast<unsigned>(ym.month()));
    set(precision_field, static_cast<unsigned>(diplo::precision::month));
    set(qualifier_field, static_cast<unsigned>(q));
    if (!ym.ok() || !year_in_range(ym.year())) detail::throw_bad_partial_date("a valid month");
  }

  /// A year. Precondition: the year is in -9999..9999; otherwise throws diplo::error.
  /// Example: `diplo::partial_date y{2024_y, diplo::qualifier::uncertain};  // "2024?"`
  constexpr explicit partial_date(date::year y, diplo::qualifier q = diplo::qualifier::none)
      : year_(static_cast<std::int16_t>(static_cast<int>(y))) {
    set(qualifier_field, static_cast<unsigned>(q));
    if (!year_in_range(y)) detail::throw_bad_partial_date("a year in -9999..9999");
  }

  /// Parses one EDTF level 0/1 date (see the grammar above). Strict: throws
  /// diplo::parse_error naming the 1-based column and what was expected.
  /// Example: `partial_date::parse("2024-10~").approximate() == true`
  [[nodiscard]] DIPLO_API static auto parse(std::string_view edtf) -> partial_date;

  /// As parse(), but returns std::nullopt instead of throwing.
  /// Example: `!partial_date::try_parse("2023-02-29")`
  [[nodiscard]] DIPLO_API static auto try_parse(std::string_view edtf) noexcept
      -> std::optional<partial_date>;

  /// The first possible day. Example: "2024-10" -> 2024-10-01; "2024-24" -> 2024-12-01.
  [[nodiscard]] constexpr auto earliest() const noexcept -> date::sys_days {
    const date::year y{year_};
    switch (precision_bits()) {
      case diplo::precision::year: return date::sys_days{y / date::January / 1};
      case diplo::precision::season: return date::sys_days{y / date::month{season_first_month()} / 1};
      case diplo::precision::month:
      case diplo::precision::day:
        if (month_bits() == 0) return date::sys_days{y / date::January / 1};
        if (day_bits() == 0) return date::sys_days{y / date::month{month_bits()} / 1};
        return date::sys_days{y / date::month{month_bits()} / date::day{day_bits()}};
    }
    return {};
  }

  /// The last possible day, inclusive. Example: "2024-10" -> 2024-10-31; "20XX" -> 2099-12-31;
  /// "2023-24" (winter) -> 2024-02-29.
  [[nodiscard]] constexpr auto latest() const noexcept -> date::sys_days {
    switch (precision_bits()) {
      case diplo::precision::year: {
        const int span = x_digits() == 2 ? 100 : x_digits() == 1 ? 10 : 1;
        return date::sys_days{date::year{year_ + span - 1} / date::December / 31};
      }
      case diplo::precision::season: {
        const unsigned last = season_first_month() + 2;  // 5, 8, 11 or 14 (= next February)
        const date::year y{year_ + (last > 12 ? 1 : 0)};
        return date::sys_days{y / date::month{last > 12 ? last - 12 : last} / date::last};
      }
      case diplo::precision::month:
      case diplo::precision::day:
        if (month_bits() == 0) return date::sys_days{date::year{year_} / date::December / 31};
        if (day_bits() == 0)
          return date::sys_days{date::year{year_} / date::month{month_bits()} / date::last};
        return date::sys_days{date::year{year_} / date::month{month_bits()} / date::day{day_bits()}};
    }
    return {};
  }

  /// How finely the date is written: "2024-XX" and "2024-10" are month precision,
  /// "2024-10-XX" is day precision, "202X" is year precision.
  [[nodiscard]] constexpr auto precision() const noexcept -> diplo::precision { return precision_bits(); }

  /// The qualifier written after the date ('?', '~', '%' or none).
  [[nodiscard]] constexpr auto qualifier() const noexcept -> diplo::qualifier { return qualifier_bits(); }

  /// True for '?' and '%'.
  [[nodiscard]] constexpr auto uncertain() const noexcept -> bool {
    return qualifier_bits() == diplo::qualifier::uncertain ||
           qualifier_bits() == diplo::qualifier::uncertain_approximate;
  }

  /// True for '~' and '%'.
  [[nodiscard]] constexpr auto approximate() const noexcept -> bool {
    return qualifier_bits() == diplo::qualifier::approximate ||
           qualifier_bits() == diplo::qualifier::uncertain_approximate;
  }

  /// True for a day-precision date without 'X' digits, i.e. earliest() == latest().
  /// A qualifier does not matter: "2024-10-22?" is an exact (if doubtful) day.
  [[nodiscard]] constexpr auto is_exact_day() const noexcept -> bool {
    return precision_bits() == diplo::precision::day && month_bits() != 0 && day_bits() != 0;
  }

  /// True when its fields are in the ranges its constructors keep them in (a year of
  /// -9999..9999, a month or season that its precision allows, a day of at most 31): what
  /// a value read as bytes (a snapshot file, diplo/io/snapshot.h) is checked for before use.
  [[nodiscard]] constexpr auto well_formed() const noexcept -> bool {
    if (year_ < -9999 || year_ > 9999 || x_digits() > 2 || day_bits() > 31) return false;
    if (qualifier_bits() > diplo::qualifier::uncertain_approximate) return false;
    switch (precision_bits()) {
      case diplo::precision::year: return month_bits() == 0 && day_bits() == 0;
      case diplo::precision::season: return month_bits() >= 21 && month_bits() <= 24 && day_bits() == 0;
      case diplo::precision::month: return month_bits() <= 12 && day_bits() == 0;
      case diplo::precision::day: return month_bits() <= 12;
    }
    return false;
  }

  /// True when the date was written with unspecified 'X' digits ("202X", "2024-XX",
  /// "2024-10-XX"). Such dates are EDTF level 1 on their own but level 2 as interval ends.
  [[nodiscard]] constexpr auto has_unspecified_digits() const noexcept -> bool {
    return x_digits() != 0 ||
           ((precision_bits() == diplo::precision::month || precision_bits() == diplo::precision::day) &&
            month_bits() == 0) ||
           (precision_bits() == diplo::precision::day && day_bits() == 0);
  }

  /// The same date with another qualifier. Example: `d.with(diplo::qualifier::none)`.
  [[nodiscard]] constexpr auto with(diplo::qualifier q) const noexcept -> partial_date {
    partial_date r = *this;
    r.set(qualifier_field, static_cast<unsigned>(q));
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
    if (auto c = a.precision_bits() <=> b.precision_bits(); c != 0) return c;
    if (auto c = a.qualifier_bits() <=> b.qualifier_bits(); c != 0) return c;
    if (auto c = a.year_ <=> b.year_; c != 0) return c;
    if (auto c = a.month_bits() <=> b.month_bits(); c != 0) return c;
    if (auto c = a.day_bits() <=> b.day_bits(); c != 0) return c;
    return a.x_digits() <=> b.x_digits();
  }

 private:
  friend struct detail::edtf_reader;

  static constexpr auto year_in_range(date::year y) noexcept -> bool {
    return y.ok() && static_cast<int>(y) >= -9999 && static_cast<int>(y) <= 9999;
  }
  constexpr auto season_first_month() const noexcept -> unsigned {
    return 3U * (static_cast<unsigned>(month_bits()) - 21U) + 3U;  // 21 -> 3, 22 -> 6, 23 -> 9, 24 -> 12
  }

  // The fields after the year, in one 16-bit word (a date takes 4 bytes: a frozen timeline
  // holds millions; `bit` and `width` below name where each lies):
  //   month   1-12, or 21-24 for a season, or 0 when unspecified ("XX") or absent;
  //   day     1-31, or 0 when unspecified or absent;
  //   precision, qualifier (their enums' values);
  //   x       trailing 'X' digits of the year: 0, 1 or 2.
  enum field : unsigned {
    month_field = 0,
    day_field = 5,
    precision_field = 10,
    qualifier_field = 12,
    x_field = 14
  };
  static constexpr auto width(field f) noexcept -> unsigned { return f < precision_field ? 5U : 2U; }
  [[nodiscard]] constexpr auto get(field f) const noexcept -> unsigned {
    return (static_cast<unsigned>(bits_) >> f) & ((1U << width(f)) - 1U);
  }
  constexpr void set(field f, unsigned value) noexcept {
    const unsigned mask = ((1U << width(f)) - 1U) << f;
    bits_ = static_cast<std::uint16_t>((bits_ & ~mask) | ((value << f) & mask));
  }
  [[nodiscard]] constexpr auto month_bits() const noexcept -> unsigned { return get(month_field); }
  [[nodiscard]] constexpr auto day_bits() const noexcept -> unsigned { return get(day_field); }
  [[nodiscard]] constexpr auto x_digits() const noexcept -> unsigned { return get(x_field); }
  [[nodiscard]] constexpr auto precision_bits() const noexcept -> diplo::precision {
    return static_cast<diplo::precision>(get(precision_field));
  }
  [[nodiscard]] constexpr auto qualifier_bits() const noexcept -> diplo::qualifier {
    return static_cast<diplo::qualifier>(get(qualifier_field));
  }

  // Year with any 'X' digits read as 0 ("202X" -> 2020).
  std::int16_t year_ = 1970;
  std::uint16_t bits_ = 0;  // year precision, no qualifier: all fields 0
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

}  // namespace detail

inline auto partial_date::to_edtf() const -> std::string {
  std::string s = fmt::format("{}{:04}", year_ < 0 ? "-" : "", year_ < 0 ? -year_ : year_);
  for (std::size_t k = 0; k < x_digits(); ++k) s[s.size() - 1 - k] = 'X';
  if (precision_bits() != diplo::precision::year) {
    s += month_bits() == 0 ? std::string("-XX") : fmt::format("-{:02}", month_bits());
    if (precision_bits() == diplo::precision::day)
      s += day_bits() == 0 ? std::string("-XX") : fmt::format("-{:02}", day_bits());
  }
  s += symbol(qualifier_bits());
  return s;
}

inline auto partial_date::to_text() const -> std::string {
  std::string s;
  const std::string y = detail::human_year(year_);
  switch (precision_bits()) {
    case diplo::precision::year:
      if (x_digits() == 0) {
        s = y;
      } else {  // a decade and a century read alike: "2020–2029", "1900–1999"
        s = fmt::format("{}–{}", y, detail::human_year(year_ + (x_digits() == 1 ? 9 : 99)));
      }
      break;
    case diplo::precision::season:
      s = month_bits() == 24 ? fmt::format("winter {}–{}", y, detail::human_year(year_ + 1))
                             : fmt::format("{} {}", detail::season_names[month_bits() - 21], y);
      break;
    case diplo::precision::month:
      s = month_bits() == 0 ? fmt::format("a month of {}", y)
                            : fmt::format("{} {}", detail::month_names[month_bits() - 1], y);
      break;
    case diplo::precision::day:
      if (month_bits() == 0) {
        s = fmt::format("a day in {}", y);
      } else if (day_bits() == 0) {
        s = fmt::format("a day in {} {}", detail::month_names[month_bits() - 1], y);
      } else {
        s = fmt::format("{} {} {}", day_bits(), detail::month_names[month_bits() - 1], y);
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
