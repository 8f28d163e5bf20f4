// SPDX-License-Identifier: MIT
#pragma once

// The CSV lexer of diplo::io (compiled in src/io/csv_lexer.cpp): text to records of fields,
// with the line and column of each field. diplo's CSV reader (diplo/io/csv.h) and the Office
// of the Historian importer's curated tables (diplo/import/historyatstate.h) both read
// through it, so that both read the same CSV.
//
// THE SYNTAX (RFC 4180, read leniently where the RFC and spreadsheets disagree):
//   - Records end at LF, CR LF or CR alone; empty lines are skipped (they are no record).
//     A UTF-8 byte order mark at the start is skipped.
//   - Fields are separated by ','. A field that starts with '"' is quoted: it ends at the
//     next lone '"', and holds ',' and line breaks as they are ("" is one '"'; a CR LF
//     inside it is read as LF).
//   - With `csv_lex_options::comment` set (e.g. '#'), a line that starts with it where a
//     record would start is a comment, skipped to its end. Inside a quoted field it is text.
//
// ERRORS. Each syntax error goes to the handler, with its 1-based line and column (in bytes,
// counted in the physical line), and the record is marked `bad`:
//   - '"' inside an unquoted field (reported once per field; the '"' is kept as text);
//   - anything but ',' or the end of the line after a closing '"' (skipped to the next ',');
//   - a quoted field with no closing '"': it swallows the rest of the input, and the lexing
//     stops there with `csv_lexed::unterminated` set.
// A handler that returns false stops the lexing before the next record; one that throws
// stops it at once (the exception passes through).
//
//   auto r = diplo::detail::lex_csv("a,b\n\"x\ny\",2\n", [](auto line, auto col, std::string m) -> bool {
//     throw diplo::error(fmt::format("t.csv:{}:{}: {}", line, col, m));
//   });
//   // r.records[1].fields[0].text == "x\ny", at line 2, column 1
//
// STREAMING. `lex_csv_each` hands each record to a callback as it is read, in buffers it
// reuses, so that a large file costs no more memory than its longest record: the view and
// its fields are valid only during the call (copy what you keep). `lex_csv` collects them.

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diplo/export.h"

namespace diplo::detail {

/// One field: its text (quotes removed, "" made one '"') and where it starts.
struct csv_field {
  std::string text;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// One record: its fields, the line it starts on, whether a syntax error was reported in it.
struct csv_record {
  std::vector<csv_field> fields;
  std::uint32_t line = 0;
  bool bad = false;
};

/// One record as `lex_csv_each` hands it over: valid only during the call.
struct csv_record_view {
  std::span<const csv_field> fields;
  std::uint32_t line = 0;
  bool bad = false;
};

struct csv_lex_options {
  /// A line that starts with this character is a comment ('\0': no comments).
  char comment = '\0';
};

/// The records of a text, and whether an unterminated quoted field cut it short.
struct csv_lexed {
  std::vector<csv_record> records;
  bool unterminated = false;
};

/// Told of each syntax error (line, column, message); returns whether to go on.
using csv_error_handler = std::function<bool(std::uint32_t line, std::uint32_t column, std::string message)>;

/// Told of each record read; returns whether to go on.
using csv_record_handler = std::function<bool(const csv_record_view& record)>;

/// Hands each record of `text` to `on_record` as it is read (the syntax above), reporting
/// syntax errors to `on_error`. Returns whether an unterminated quoted field cut the text
/// short (its record, up to the end of the text, is handed over last).
DIPLO_IO_API auto lex_csv_each(std::string_view text, const csv_record_handler& on_record,
                               const csv_error_handler& on_error, const csv_lex_options& options = {})
    -> bool;

/// Splits `text` into records of fields (the syntax above), reporting syntax errors to
/// `on_error`. Never throws but what `on_error` throws (and std::bad_alloc).
DIPLO_IO_API auto lex_csv(std::string_view text, const csv_error_handler& on_error,
                          const csv_lex_options& options = {}) -> csv_lexed;

}  // namespace diplo::detail
