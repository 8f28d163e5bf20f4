// SPDX-License-Identifier: MIT
#pragma once

// What the `diplo` tool prints, and how: every byte for the terminal goes through
// `print_out()` (stdout) or `print_err()` (stderr), which
//
//   - make text safe for a terminal: control characters (but the newline), C1 controls,
//     bidirectional overrides and isolates and line/paragraph separators come out as
//     `\uXXXX` escapes, invalid UTF-8 as U+FFFD. A name cannot set the terminal's
//     title, clear the screen, overwrite the answer line (`\r`) or render "Putin"
//     backwards; JSON output stays valid JSON with the same meaning (the escapes are
//     JSON's own).
//   - never throw: stderr that cannot be written (`2>/dev/full`) is given up silently,
//     stdout that cannot be written is remembered, and `finish_stdout()` reports it
//     (then the tool exits with status 2, never 0 with a lost answer).
//
// Aligned tables (`table`) measure text in terminal columns with utf8proc (a CJK
// character is two columns, a combining accent none) and pad at most
// `table::max_pad_width` columns: a longer cell is printed whole and shifts the rest of
// its row, so printing takes time in proportion to the text.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "diplo/detail/json.h"

namespace diplo::cli {

/// `text` with every character that could act on a terminal escaped as `\uXXXX`:
/// C0 controls but '\n' (and DEL), C1 controls (U+0080–U+009F), the bidirectional
/// marks, embeddings, overrides and isolates (U+061C, U+200E–U+200F, U+202A–U+202E,
/// U+2066–U+2069) and U+2028/U+2029; invalid UTF-8 bytes become U+FFFD.
auto terminal_safe(std::string_view text) -> std::string;

/// Like terminal_safe, and the newline escaped too: for one-line data (a name, a city)
/// put into a line of output, so that it cannot forge the lines after it.
auto one_line(std::string_view text) -> std::string;

/// Writes `text`, made terminal_safe, to stdout (out) or stderr (err).
void write_out(std::string_view text);
void write_err(std::string_view text);

/// Writes the bytes of a file format (an iCalendar text: CR LF line ends) to stdout as
/// they are, for `diplo export ... > FILE`; failures are remembered as by write_out.
void write_file_out(std::string_view bytes);

/// fmt::print to stdout (print_out) or stderr (print_err), through write_out/write_err.
template <class... T>
void print_out(fmt::format_string<T...> f, T&&... args) {
  write_out(fmt::format(f, std::forward<T>(args)...));
}
template <class... T>
void print_err(fmt::format_string<T...> f, T&&... args) {
  write_err(fmt::format(f, std::forward<T>(args)...));
}

/// A status line on stderr while something long runs (reading and importing --data files,
/// building the timeline), for a person watching a terminal: each step() replaces the line,
/// and the line is wiped when the progress ends or other text goes to stderr. Silent when stderr is no
/// terminal (a pipe, a file, a test), so that output meant for programs never carries it.
class progress {
 public:
  progress();
  ~progress();
  progress(const progress&) = delete;
  auto operator=(const progress&) -> progress& = delete;

  /// Shows `what` ("reading colt.csv (2 of 3)"), made one_line, as the status line.
  void step(std::string_view what);

 private:
  bool shown_;
};

/// Flushes and closes stdout. Returns "" when everything written reached it, else the
/// reason ("No space left on device") for the tool to report and exit 2 with.
auto finish_stdout() -> std::string;

/// The width of UTF-8 text in terminal columns (diplo/detail/json.h).
using diplo::detail::display_width;

/// `text` cut to at most `columns` terminal columns, ending with "…" when cut; never inside a
/// UTF-8 character (for a table cell that would be too wide).
auto clip(std::string_view text, std::size_t columns) -> std::string;

/// An aligned table: columns separated by two spaces, the last column not padded.
class table {
 public:
  /// Cells wider than this many columns are not padded to: they overflow their column.
  static constexpr std::size_t max_pad_width = 60;

  explicit table(std::vector<std::string> header) : header_(std::move(header)) {}
  /// Right-aligns column `i` (numbers).
  void align_right(std::size_t i) { right_.push_back(i); }
  /// Adds a row; its cells are made one_line (a newline in a name cannot break the table).
  void add(std::vector<std::string> row);
  [[nodiscard]] auto empty() const noexcept -> bool { return rows_.empty(); }
  /// The table as text, each line starting with `indent`.
  [[nodiscard]] auto text(std::string_view indent = "  ") const -> std::string;
  void print(std::string_view indent = "  ") const { write_out(text(indent)); }

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::size_t> right_;
};

}  // namespace diplo::cli
