// SPDX-License-Identifier: MIT
// Fuzz target: CSV (diplo::io::read_csv, read_csv_lenient; diplo/io/csv.h), names resolved
// against the bundled dataset's actors as the command-line tool does; then the timeline
// built from what was accepted (diplo::io::build), its CSV written and read back, and its
// canonical JSON and JSON Lines read back (documents.h).
//
// Also the lexer alone (diplo/detail/csv_lexer.h), with '#' comment lines as the Office of the
// Historian importer reads its tables: records and fields come in the order of the text.
//
// Properties: the lenient reader only reports; the strict one accepts exactly when the
// lenient one reports no error; the CSV written from a built timeline reads back (with its
// own actors as the known names) to the same events; JSON and JSON Lines read back unchanged.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <diplo/data.h>
#include <diplo/detail/csv_lexer.h>
#include <diplo/error.h>
#include <diplo/io/csv.h>

#include "documents.h"
#include "fuzz.h"

namespace {

// The lexer with comment lines: each record starts at column 1 on a later line than the one
// before, its fields in order; errors are in order too, and only an error ends the input early.
void check_lexer(std::string_view text) {
  std::pair<std::uint32_t, std::uint32_t> last_error{0, 0};
  const auto lexed = diplo::detail::lex_csv(
      text,
      [&](std::uint32_t line, std::uint32_t column, const std::string&) {
        DIPLO_FUZZ_CHECK(std::pair(line, column) > last_error, "lexer errors out of order");
        last_error = {line, column};
        return true;
      },
      {.comment = '#'});
  std::uint32_t line = 0;
  for (const auto& r : lexed.records) {
    DIPLO_FUZZ_CHECK(r.line > line, "lexer records out of order");
    line = r.line;
    std::pair<std::uint32_t, std::uint32_t> at{0, 0};
    for (const auto& f : r.fields) {
      DIPLO_FUZZ_CHECK(std::pair(f.line, f.column) > at, "lexer fields out of order");
      DIPLO_FUZZ_CHECK(f.column >= 1 && f.line >= r.line, "lexer field before its record");
      at = {f.line, f.column};
      line = f.line;
    }
    DIPLO_FUZZ_CHECK(r.fields.empty() || r.fields.front().column == 1, "a record not at column 1");
  }
  DIPLO_FUZZ_CHECK(!lexed.unterminated || last_error.first != 0, "cut short without an error");
}

}  // namespace

extern "C" auto LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) -> int {
  static const diplo::actor_registry& known = diplo::data::xi_putin().actors();
  const std::string_view text = diplo::fuzz::text_of(data, size);
  check_lexer(text);

  std::vector<diplo::diagnostic> problems;
  diplo::io::document lenient = diplo::io::read_csv_lenient(text, "fuzz.csv", &known, problems);
  const bool clean = std::none_of(problems.begin(), problems.end(),
                                  [](const auto& d) { return d.severity == diplo::severity::error; });
  diplo::fuzz::check_lenient(std::move(lenient), std::move(problems));

  std::optional<diplo::io::document> doc;
  std::vector<diplo::diagnostic> warnings;
  try {
    doc.emplace(diplo::io::read_csv(text, "fuzz.csv", &known, &warnings));
  } catch (const diplo::validation_error&) {
    DIPLO_FUZZ_CHECK(!clean, "read_csv threw where read_csv_lenient found no error");
    return 0;
  }
  DIPLO_FUZZ_CHECK(clean, "read_csv accepted what read_csv_lenient reported");

  std::optional<diplo::timeline> t;
  try {
    t.emplace(diplo::io::build(diplo::io::document(*doc)));
  } catch (const diplo::error&) {
    return 0;  // events that do not fit together: rejected, fine
  }
  const std::string csv = diplo::io::to_csv(*t);
  const diplo::timeline again = diplo::io::build(diplo::io::read_csv(csv, "written.csv", &t->actors()));
  DIPLO_FUZZ_CHECK(again.size() == t->size(), "CSV read back has another number of events:\n" + csv);
  // A timeline read from CSV has nothing CSV cannot hold (diplo::io::csv_losses counts only
  // actor records, which t->actors() gives back): its CSV reads back to the same events.
  for (std::size_t i = 0; i < t->size(); ++i) {
    DIPLO_FUZZ_CHECK(again.at(i).value() == t->at(i).value(), "CSV read back differs:\n" + csv);
  }
  diplo::fuzz::check_accepted(std::move(*doc));
  return 0;
}
