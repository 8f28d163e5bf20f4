// SPDX-License-Identifier: MIT
#pragma once

// What the importers share (private to diplo::io): the curated tables they read, and the
// word rule by which they tell whether two spellings of a name may be one person.
//
// (The namespace is not `detail`: inside diplo::import that would hide diplo::detail.)
//
// A CURATED TABLE is CSV as diplo's CSV reader reads it (diplo/detail/csv_lexer.h: a quoted
// cell may hold commas, line breaks and "" for '"'), with '#' comment lines; the first other
// line is the header and is left out. Cells are trimmed and their runs of white space made
// one space. A syntax error throws diplo::error "[diplo.import] <file>:<line>:<column>: ...".

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diplo/detail/csv_lexer.h"
#include "diplo/timeline.h"

namespace diplo::import::curated {

/// One row of a curated table: its cells and where it starts.
struct curated_row {
  std::vector<diplo::detail::csv_field> cells;
  origin where;
  /// Cell `i`, trimmed, white space collapsed; empty when the row has no such cell.
  [[nodiscard]] auto at(std::size_t i) const -> std::string;
  /// "file:line:column" of cell `i` (of the row when it has no such cell).
  [[nodiscard]] auto place(std::size_t i) const -> std::string;
};

/// A table's header: its cells, cleaned, joined by ',' (empty for an empty table), and its line.
struct curated_header {
  std::string cells;
  std::uint32_t line = 0;
};

/// The rows of the table `text` read from `file` (the name errors give), header left out
/// (and stored in `header` when given).
auto read_curated_table(std::string_view text, std::string_view file, curated_header* header = nullptr)
    -> std::vector<curated_row>;

/// The pieces of a `;`-separated cell, white space collapsed, empty and repeated ones left out
/// ("Lima; Cusco;;Lima" -> {"Lima", "Cusco"}).
auto split_list(std::string_view cell) -> std::vector<std::string>;

/// The days from the first of `events` to their last (only those whose id starts with
/// `id_prefix`), as a coverage scope's `when` and `as_of` take them: an import records what
/// it read, and only up to its latest record. Sets both on `scope` (nothing when no event
/// counts).
void span_records(coverage_scope& scope, const std::vector<event>& events, std::string_view id_prefix = {});

/// The words of a folded name (diplo::detail::fold's output).
auto words_of(std::string_view folded) -> std::vector<std::string>;

/// The words from `from` on, joined by one space.
auto join_words(const std::vector<std::string>& words, std::size_t from = 0) -> std::string;

/// True when every word of `part` occurs in `whole`, whole and in order
/// ("lula da silva" in "luiz inacio lula da silva").
auto in_order(const std::vector<std::string>& part, const std::vector<std::string>& whole) -> bool;

}  // namespace diplo::import::curated
