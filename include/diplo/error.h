// SPDX-License-Identifier: MIT
#pragma once

// Errors and diagnostics.
//
// diplo reports bad input in one way: it throws `diplo::error` (or a subclass where
// a caller may want to react differently). Queries, comparisons and formatting never
// throw; only the places where outside data enters the library do (parsing a date,
// adding an event, freezing a timeline, resolving a name).
//
// Every message starts with a stable, greppable prefix in brackets, naming the part
// of the library that complained, e.g.
//
//   [diplo.edtf] "2024-5-9" at column 6: expected a two-digit month (01-12)
//   [diplo.timeline] event "visit-1": unknown parent "summit-9"
//   [diplo.actor] "Bush" is ambiguous: George H. W. Bush, George W. Bush
//
// A `diagnostic` is one problem found in a larger input (a file, a set of events):
// where it is (file or field path, line, column), how bad it is, and what was
// expected. Validators collect all of them; `validation_error` carries the list.

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "diplo/export.h"

namespace diplo {

/// The root of all exceptions thrown by diplo for bad input.
class DIPLO_API error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Text that does not follow its grammar (EDTF dates and periods, codes, ids).
/// `column()` is 1-based, counted in bytes from the start of `input()`.
class DIPLO_API parse_error : public error {
 public:
  parse_error(const std::string& what, std::string input, std::size_t column)
      : error(what), input_(std::move(input)), column_(column) {}

  /// Builds "[diplo.<area>] "<input>" at column N: expected <expected>".
  /// Example: parse_error::at("edtf", "2024-5-9", 6, "a two-digit month (01-12)")
  [[nodiscard]] static auto at(std::string_view area, std::string_view input, std::size_t column,
                               std::string_view expected) -> parse_error {
    return parse_error(
        fmt::format("[diplo.{}] \"{}\" at column {}: expected {}", area, input, column, expected),
        std::string(input), column);
  }

  [[nodiscard]] auto input() const noexcept -> const std::string& { return input_; }
  [[nodiscard]] auto column() const noexcept -> std::size_t { return column_; }

 private:
  std::string input_;
  std::size_t column_;
};

/// How serious a diagnostic is: errors stop a load or a freeze, warnings are reported.
enum class severity : std::uint8_t { warning, error };

[[nodiscard]] constexpr auto name(severity s) noexcept -> std::string_view {
  return s == severity::error ? "error" : "warning";
}

/// Where a record came from: a file and the line and column of its record (1-based; 0
/// when not known). Readers pass it to timeline_builder::add so that a problem found
/// when freezing points back into the file: "events.json:12:5: error: event "x": ...".
struct origin {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;

  friend auto operator==(const origin&, const origin&) -> bool = default;
};

/// One problem found in a larger input.
/// `where` is a file name or a field path ("event visit-1: period"); `line` and
/// `column` are 1-based and 0 when not known.
struct diagnostic {
  diplo::severity severity = severity::error;
  std::string where;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string message;

  friend auto operator==(const diagnostic&, const diagnostic&) -> bool = default;
};

/// The most errors, and the most warnings, reported for one input (one file): past it,
/// `cap_diagnostics` sums the rest up in one line.
inline constexpr std::size_t max_diagnostics = 100;

/// For a line of `cap_diagnostics` that stands for diagnostics left out ("... and 99900
/// more errors"), how many; 0 for any other diagnostic. Cannot fail.
///
/// **Example**:
///
///   diplo::omitted({diplo::severity::error, "a.json", 0, 0, "... and 7 more errors"}) == 7
[[nodiscard]] inline auto omitted(const diagnostic& d) noexcept -> std::size_t {
  constexpr std::string_view head = "... and ";
  const std::string_view m = d.message;
  if (d.line != 0 || !m.starts_with(head)) return 0;
  const std::string_view tail = d.severity == severity::error ? " more error" : " more warning";
  std::size_t n = 0;
  const char* end = m.data() + m.size();
  auto [p, ec] = std::from_chars(m.data() + head.size(), end, n);
  if (ec != std::errc{} || !std::string_view(p, static_cast<std::size_t>(end - p)).starts_with(tail)) {
    return 0;
  }
  return n;
}

/// The number of diagnostics of severity `s` that `diags` report: one per diagnostic,
/// and N for a line "... and N more errors" (or warnings) of `cap_diagnostics`. Cannot fail.
///
/// **Example**:
///
///   diplo::diagnostic_count(e.diagnostics(), diplo::severity::error)   // 100000, 101 lines
[[nodiscard]] inline auto diagnostic_count(const std::vector<diagnostic>& diags, severity s) noexcept
    -> std::size_t {
  std::size_t n = 0;
  for (const diagnostic& d : diags) {
    if (d.severity == s) n += omitted(d) != 0 ? omitted(d) : 1;
  }
  return n;
}

/// Keeps, of each input, at most `most` errors and `most` warnings, the first in the
/// order of `diags`, and sums up the others of each kind in one diagnostic of that kind,
/// placed after the last one kept: `{error, "a.json", 0, 0, "... and 99900 more errors"}`
/// (`omitted` reads the number back; lines of an earlier cap are added in). An input is a
/// `where`; the diagnostics of events of no known origin (`where` "event ...", no line)
/// count as one input, named "". So a flood of problems (10^5 duplicate ids) is reported
/// in a few hundred lines, whichever check found it. Throws only std::bad_alloc.
///
/// **Example**:
///
///   diplo::cap_diagnostics(diags);   // 150 errors of a.json: the first 100, then
///                                     // "a.json: error: ... and 50 more errors"
inline void cap_diagnostics(std::vector<diagnostic>& diags, std::size_t most = max_diagnostics) {
  struct count {
    std::size_t kept = 0;
    std::size_t left = 0;
    std::size_t last = 0;  // where its summary goes: after this many kept diagnostics
  };
  std::map<std::pair<std::string, severity>, count> counts;
  std::vector<diagnostic> kept;
  for (diagnostic& d : diags) {
    const bool no_origin = d.line == 0 && std::string_view(d.where).starts_with("event ");
    count& c = counts[{no_origin ? std::string() : d.where, d.severity}];
    if (const std::size_t n = omitted(d); n != 0) {
      c.left += n;
      c.last = kept.size();
    } else if (c.kept < most) {
      ++c.kept;
      kept.push_back(std::move(d));
      c.last = kept.size();
    } else {
      ++c.left;
    }
  }
  if (kept.size() == diags.size()) {  // nothing to sum up (and no summary to redo)
    diags = std::move(kept);
    return;
  }
  // The summaries, inserted from the back so that the positions stay valid.
  std::vector<std::pair<std::size_t, diagnostic>> lines;
  for (const auto& [key, c] : counts) {
    if (c.left == 0) continue;
    const bool error = key.second == severity::error;
    lines.push_back(
        {c.last,
         {key.second, key.first, 0, 0,
          fmt::format("... and {} more {}{}", c.left, error ? "error" : "warning", c.left == 1 ? "" : "s")}});
  }
  std::stable_sort(lines.begin(), lines.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (auto& [at, d] : lines) kept.insert(kept.begin() + static_cast<std::ptrdiff_t>(at), std::move(d));
  diags = std::move(kept);
}

/// Thrown when a whole input is rejected; carries every diagnostic found (not only
/// the first). `what()` lists them, one per line.
class DIPLO_API validation_error : public error {
 public:
  validation_error(std::string_view area, std::vector<diagnostic> diagnostics);

  [[nodiscard]] auto diagnostics() const noexcept -> const std::vector<diagnostic>& { return diagnostics_; }

 private:
  std::vector<diagnostic> diagnostics_;
};

/// A name or id that does not resolve: unknown (with the nearest known names as
/// suggestions) or ambiguous (with every candidate).
class DIPLO_API lookup_error : public error {
 public:
  lookup_error(const std::string& what, std::vector<std::string> candidates)
      : error(what), candidates_(std::move(candidates)) {}

  /// For an unknown name, the nearest known names; for an ambiguous one, all candidates.
  [[nodiscard]] auto candidates() const noexcept -> const std::vector<std::string>& { return candidates_; }

 private:
  std::vector<std::string> candidates_;
};

}  // namespace diplo

/// Formats a diagnostic as "file:line:column: error: message" (the compiler convention,
/// which editors understand). Missing parts are left out.
template <>
struct fmt::formatter<diplo::diagnostic> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::diagnostic& d, Context& ctx) const -> decltype(ctx.out()) {
    std::string s = d.where;
    if (d.line != 0) {
      s += fmt::format(":{}", d.line);
      if (d.column != 0) s += fmt::format(":{}", d.column);
    }
    s += fmt::format("{}{}: {}", s.empty() ? "" : ": ", name(d.severity), d.message);
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

template <>
struct fmt::formatter<diplo::severity> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(diplo::severity s, Context& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(name(s), ctx);
  }
};

inline diplo::validation_error::validation_error(std::string_view area, std::vector<diagnostic> diagnostics)
    : error([&] {
        const std::size_t errors = diagnostic_count(diagnostics, severity::error);
        std::string s = fmt::format("[diplo.{}] {} error{}", area, errors, errors == 1 ? "" : "s");
        for (const auto& d : diagnostics) s += fmt::format("\n  {}", d);
        return s;
      }()),
      diagnostics_(std::move(diagnostics)) {}
