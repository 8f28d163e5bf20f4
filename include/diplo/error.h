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

#include <cstdint>
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
  parse_error(std::string what, std::string input, std::size_t column)
      : error(std::move(what)), input_(std::move(input)), column_(column) {}

  /// Builds "[diplo.<area>] "<input>" at column N: expected <expected>".
  /// Example: parse_error::at("edtf", "2024-5-9", 6, "a two-digit month (01-12)")
  [[nodiscard]] static auto at(std::string_view area, std::string_view input,
                               std::size_t column, std::string_view expected) -> parse_error {
    return parse_error(fmt::format("[diplo.{}] \"{}\" at column {}: expected {}", area, input,
                                   column, expected),
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

/// Thrown when a whole input is rejected; carries every diagnostic found (not only
/// the first). `what()` lists them, one per line.
class DIPLO_API validation_error : public error {
 public:
  validation_error(std::string_view area, std::vector<diagnostic> diagnostics);

  [[nodiscard]] auto diagnostics() const noexcept -> const std::vector<diagnostic>& {
    return diagnostics_;
  }

 private:
  std::vector<diagnostic> diagnostics_;
};

/// A name or id that does not resolve: unknown (with the nearest known names as
/// suggestions) or ambiguous (with every candidate).
class DIPLO_API lookup_error : public error {
 public:
  lookup_error(std::string what, std::vector<std::string> candidates)
      : error(std::move(what)), candidates_(std::move(candidates)) {}

  /// For an unknown name, the nearest known names; for an ambiguous one, all candidates.
  [[nodiscard]] auto candidates() const noexcept -> const std::vector<std::string>& {
    return candidates_;
  }

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

inline diplo::validation_error::validation_error(std::string_view area,
                                                 std::vector<diagnostic> diagnostics)
    : error([&] {
        std::size_t errors = 0;
        for (const auto& d : diagnostics) errors += d.severity == severity::error;
        std::string s = fmt::format("[diplo.{}] {} error{}", area, errors, errors == 1 ? "" : "s");
        for (const auto& d : diagnostics) s += fmt::format("\n  {}", d);
        return s;
      }()),
      diagnostics_(std::move(diagnostics)) {}
