// SPDX-License-Identifier: MIT
#pragma once
// The checks the document fuzz targets (json, jsonl, csv) share: what a lenient reader
// returns is consistent and can be cross-checked (diplo::io::check), and a timeline built
// from an accepted document writes canonical JSON and JSON Lines that read back to the same
// text (data/FORMAT.md: "reading it back and writing again gives the same bytes").

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include <diplo/error.h>
#include <diplo/io/document.h>
#include <diplo/io/json.h>
#include <diplo/io/jsonl.h>
#include <diplo/timeline.h>

#include "fuzz.h"

namespace diplo::fuzz {

/// Runs the checks across records on what a lenient reader gave (with its problems), and
/// prints every diagnostic (to a string), as `diplo validate` does.
inline void check_lenient(io::document doc, std::vector<diagnostic> problems) {
  DIPLO_FUZZ_CHECK(doc.origins.size() == doc.events.size(), "origins and events differ in size");
  DIPLO_FUZZ_CHECK(doc.actor_origins.size() == doc.actors.size(), "actor origins and actors differ in size");
  const io::check_report r = io::check(std::move(doc), std::move(problems));
  std::string all;
  for (const diagnostic& d : r.diagnostics) all += fmt::format("{}\n", d);
  (void)all;
}

/// Builds the timeline of an accepted document (validation and indexing); when that
/// succeeds, checks that its canonical JSON reads back (as JSON, and as JSON Lines through
/// to_jsonl) to a timeline with the same canonical JSON.
inline void check_accepted(io::document doc) {
  const io::dataset_info info = doc.info;
  std::optional<timeline> t;
  try {
    t.emplace(io::build(std::move(doc)));
  } catch (const error&) {
    return;  // events that do not fit together: rejected, fine
  }
  const std::string json = io::to_json(*t, info);
  const timeline from_json = io::build(io::read_json(json, "written.json"));
  DIPLO_FUZZ_CHECK(io::to_json(from_json, info) == json, "to_json is not stable through read_json:\n" + json);
  const std::string jsonl = io::to_jsonl(*t, info);
  const io::document lines = io::read_jsonl(jsonl, "written.jsonl");
  DIPLO_FUZZ_CHECK(lines.info == info, "the dataset description changed through JSON Lines");
  DIPLO_FUZZ_CHECK(io::to_json(io::build(io::document(lines)), info) == json,
                   "JSON Lines does not read back to the same timeline:\n" + jsonl);
}

}  // namespace diplo::fuzz
