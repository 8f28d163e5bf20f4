// SPDX-License-Identifier: MIT
// The EDTF reader (level 0 and the level 1 features of diplo/partial_date.h): one pass over
// the text, each failure naming its column and what was expected there. Behind
// partial_date::parse and period::parse; compiled once here.

#include "diplo/partial_date.h"
#include "diplo/period.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>
#include <fmt/format.h>

#include "diplo/error.h"

namespace diplo {
namespace detail {

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
    d.set(partial_date::x_field, static_cast<unsigned>(x_));
    d.set(partial_date::precision_field, static_cast<unsigned>(precision::year));

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
      d.set(partial_date::month_field, 0);
      d.set(partial_date::precision_field, static_cast<unsigned>(precision::month));
    } else if (c1 == 'u' || c2 == 'u') {
      return fail(j, "a two-digit month (01-12) or 'XX'", draft_u);
    } else if (is_digit(c1) && is_digit(c2)) {
      const int m = (c1 - '0') * 10 + (c2 - '0');
      if (m >= 1 && m <= 12) {
        d.set(partial_date::precision_field, static_cast<unsigned>(precision::month));
      } else if (m >= 21 && m <= 24) {
        d.set(partial_date::precision_field, static_cast<unsigned>(precision::season));
      } else {
        return fail(j, "a month (01-12) or a season (21-24)");
      }
      d.set(partial_date::month_field, static_cast<unsigned>(m));
    } else {
      return fail(j, "a two-digit month (01-12)",
                  is_qualifier(c1) || is_qualifier(c2) ? per_part : std::string_view{});
    }
    i_ = j + 2;
    if (d.precision_bits() == precision::season && at(i_) == '-')
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
      d.set(partial_date::day_field, 0);
    } else if (e1 == 'u' || e2 == 'u') {
      return fail(k, "a two-digit day (01-31) or 'XX'", draft_u);
    } else if (is_digit(e1) && is_digit(e2)) {
      if (month_unspecified_)
        return fail(k, "'XX'", " (a known day in an unspecified month is EDTF level 2)");
      const int dd = (e1 - '0') * 10 + (e2 - '0');
      if (dd < 1 || dd > 31) return fail(k, "a day (01-31)");
      const date::year_month_day ymd{date::year{d.year_}, date::month{d.month_bits()},
                                     date::day{static_cast<unsigned>(dd)}};
      if (!ymd.ok()) {
        r_.failure.bad_day_year = d.year_;
        r_.failure.bad_day_month = d.month_bits();
        return fail(k, "a day");
      }
      d.set(partial_date::day_field, static_cast<unsigned>(dd));
    } else {
      return fail(k, "a two-digit day (01-31)",
                  is_qualifier(e1) || is_qualifier(e2) ? per_part : std::string_view{});
    }
    d.set(partial_date::precision_field, static_cast<unsigned>(precision::day));
    i_ = k + 2;
    return true;
  }

  // The qualifier, then the end.
  auto qualifier_and_end() noexcept -> bool {
    bool qualified = false;
    if (is_qualifier(at(i_))) {
      const char c = at(i_);
      const qualifier q = c == '?'   ? qualifier::uncertain
                          : c == '~' ? qualifier::approximate
                                     : qualifier::uncertain_approximate;
      r_.value.set(partial_date::qualifier_field, static_cast<unsigned>(q));
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

auto partial_date::parse(std::string_view edtf) -> partial_date {
  auto r = detail::edtf_reader::read(edtf, 0, edtf.size(), false, false);
  if (!r.ok) throw parse_error::at("edtf", edtf, r.failure.column, r.failure.message());
  return r.value;
}

auto partial_date::try_parse(std::string_view edtf) noexcept -> std::optional<partial_date> {
  auto r = detail::edtf_reader::read(edtf, 0, edtf.size(), false, false);
  if (!r.ok) return std::nullopt;
  return r.value;
}

auto period::parse(std::string_view edtf) -> period {
  const std::size_t slash = edtf.find('/');
  if (slash == std::string_view::npos) {
    auto r = detail::edtf_reader::read(edtf, 0, edtf.size(), false, false);
    if (!r.ok) throw parse_error::at("edtf", edtf, r.failure.column, r.failure.message());
    return period(r.value);
  }
  if (const std::size_t second = edtf.find('/', slash + 1); second != std::string_view::npos)
    throw parse_error::at("edtf", edtf, second + 1, "end of input (an interval has one '/')");

  struct end_t {
    enum end_kind kind = end_kind::known;
    partial_date date;
  };
  auto read_end = [&](std::size_t first, std::size_t last, bool before_slash) -> end_t {
    const std::string_view part = edtf.substr(first, last - first);
    if (part.empty()) return {end_kind::unknown, {}};
    if (part == "..") return {end_kind::open, {}};
    auto r = detail::edtf_reader::read(edtf, first, last, true, before_slash);
    if (!r.ok) throw parse_error::at("edtf", edtf, r.failure.column, r.failure.message());
    return {end_kind::known, r.value};
  };
  const end_t a = read_end(0, slash, true);
  const end_t b = read_end(slash + 1, edtf.size(), false);
  if (a.kind != end_kind::known && b.kind != end_kind::known)
    throw parse_error::at("edtf", edtf, 1,
                          "a date at one end of the interval at least (both ends are open or "
                          "unknown)");
  period p;
  if (a.kind == end_kind::known && b.kind == end_kind::known) {
    if (b.date.latest() < a.date.earliest())
      throw parse_error::at("edtf", edtf, slash + 2,
                            fmt::format("an end on or after the start (the interval is reversed: "
                                        "{} is before {})",
                                        b.date.to_edtf(), a.date.to_edtf()));
    return period(a.date, b.date);
  }
  p.start_kind_ = a.kind;
  p.end_kind_ = b.kind;
  p.start_ = a.kind == end_kind::known ? a.date : b.date;
  p.end_ = b.kind == end_kind::known ? b.date : a.date;
  return p;
}

auto period::try_parse(std::string_view edtf) noexcept -> std::optional<period> {
  try {
    return parse(edtf);
  } catch (...) {
    return std::nullopt;
  }
}

}  // namespace diplo
