// SPDX-License-Identifier: MIT
#pragma once

// Internal to libdiplo-io: one CSV cell as the writers write it (the data format's CSV,
// src/io/csv.cpp, and the analysis tables, src/io/tables.cpp), and the guard against cells
// a spreadsheet would run as formulas.
//
// QUOTING (RFC 4180): a cell holding ',', '"', CR or LF is put in double quotes, each '"'
// doubled; any other cell is written as it is.
//
// FORMULAS (OWASP, "CSV injection"): a cell starting with '=', '+', '-', '@', a tab or a
// CR is one a spreadsheet may take for a formula. Guarded, it gets a `'` in front, and so
// does a cell that already starts with quotes followed by one of these (so that taking one
// `'` off, as the CSV reader does, always gives the text back).
//
//   csv_quoted("Kazan, Russia")    // "\"Kazan, Russia\""
//   formula_guarded("=1+1")        // "'=1+1"

#include <string>
#include <string_view>

namespace diplo::io::detail {

[[nodiscard]] inline auto is_formula_start(char c) noexcept -> bool {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/// Whether `s`, past any leading `'`, starts as a formula would.
[[nodiscard]] inline auto starts_formula(std::string_view s) noexcept -> bool {
  const std::size_t k = s.find_first_not_of('\'');
  return k != std::string_view::npos && is_formula_start(s[k]);
}

/// `s` with a `'` in front when it starts as a formula would.
[[nodiscard]] inline auto formula_guarded(std::string_view s) -> std::string {
  // Built by append, not `"'" + std::string(s)`: GCC 12 at -O3 warns falsely (-Wrestrict)
  // on that operator+ once inlined.
  std::string out;
  out.reserve(s.size() + 1);
  if (starts_formula(s)) out += '\'';
  out += s;
  return out;
}

/// `s` as one CSV cell (see "quoting").
[[nodiscard]] inline auto csv_quoted(std::string_view s) -> std::string {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace diplo::io::detail
