// SPDX-License-Identifier: MIT
// Fuzz target: CSV (diplo::io::read_csv, read_csv_lenient; diplo/io/csv.h), names resolved
// against the bundled dataset's actors as the command-line tool does; then the timeline
// built from what was accepted (diplo::io::build), its CSV written and read back, and its
// canonical JSON and JSON Lines read back (documents.h).
//
// Properties: the lenient reader only reports; the strict one accepts exactly when the
// lenient one reports no error; the CSV written from a built timeline reads back (with its
// own actors as the known names) to the same events; JSON and JSON Lines read back unchanged.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <diplo/data.h>
#include <diplo/error.h>
#include <diplo/io/csv.h>

#include "documents.h"
#include "fuzz.h"

extern "C" auto LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) -> int {
  static const diplo::actor_registry& known = diplo::data::xi_putin().actors();
  const std::string_view text = diplo::fuzz::text_of(data, size);

  std::vector<diplo::diagnostic> problems;
  diplo::io::document lenient = diplo::io::read_csv_lenient(text, "fuzz.csv", &known, problems);
  const bool clean = std::none_of(problems.begin(), problems.end(), [](const auto& d) {
    return d.severity == diplo::severity::error;
  });
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
  const diplo::timeline again =
      diplo::io::build(diplo::io::read_csv(csv, "written.csv", &t->actors()));
  DIPLO_FUZZ_CHECK(again.size() == t->size(), "CSV read back has another number of events:\n" + csv);
  // A timeline read from CSV has nothing CSV cannot hold (diplo::io::csv_losses counts only
  // actor records, which t->actors() gives back): its CSV reads back to the same events.
  for (std::size_t i = 0; i < t->size(); ++i) {
    DIPLO_FUZZ_CHECK(again.events()[i] == t->events()[i], "CSV read back differs:\n" + csv);
  }
  diplo::fuzz::check_accepted(std::move(*doc));
  return 0;
}
