// SPDX-License-Identifier: MIT
// Fuzz target: the Office of the Historian XML importer (diplo::import::import_historyatstate
// on files in memory; diplo/import/historyatstate.h), then the timeline built from what it
// imported (diplo::io::build).
//
// The curated tables and presidents.xml are the repository's own (data/historyatstate,
// read once); the input is one XML file, given as visits/fuzz.xml and as
// travels/president-travels/fuzz.xml and travels/secretary-travels/fuzz.xml, so that both
// record shapes (<visits><visit>, <trips><trip>) are read from it.
//
// Properties: bad input is diplo::error ("[diplo.import] ...") or a rejected record,
// nothing else; the report adds up (read == events + merged + rejected for each dataset);
// every event has an origin; the report prints.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <fmt/format.h>

#include <diplo/error.h>
#include <diplo/import/historyatstate.h>
#include <diplo/io/document.h>

#include "fuzz.h"

namespace {

auto tables() -> const diplo::import::historyatstate_files& {
  static const diplo::import::historyatstate_files files = [] {
    const std::filesystem::path dir = DIPLO_SOURCE_DIR "/data/historyatstate";
    diplo::import::historyatstate_files f;
    for (const char* rel : {"curation/countries.csv", "curation/titles.csv", "curation/levels.csv",
                            "curation/aliases.csv", "travels/presidents/presidents.xml"}) {
      std::ifstream in(dir / rel, std::ios::binary);
      if (!in) diplo::fuzz::fail(__FILE__, __LINE__, "in", (dir / rel).string());
      f[rel] = std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return f;
  }();
  return files;
}

}  // namespace

extern "C" auto LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) -> int {
  using namespace diplo::import;
  const std::string_view text = diplo::fuzz::text_of(data, size);
  historyatstate_files files = tables();
  for (const char* rel :
       {"visits/fuzz.xml", "travels/president-travels/fuzz.xml", "travels/secretary-travels/fuzz.xml"}) {
    files.emplace(rel, std::string(text));
  }

  import_result r;
  try {
    r = import_historyatstate(files);
  } catch (const diplo::error& e) {
    DIPLO_FUZZ_CHECK(std::string_view(e.what()).starts_with("[diplo.import] "), e.what());
    return 0;
  }
  for (const dataset_count& c : r.report.counts) {
    DIPLO_FUZZ_CHECK(c.read == c.events + c.merged + c.rejected, fmt::format("{}", c));
  }
  DIPLO_FUZZ_CHECK(r.doc.origins.size() == r.doc.events.size(), "an event without an origin");
  (void)fmt::format("{}\n{}", r, r.report);
  try {
    const diplo::timeline t = diplo::io::build(std::move(r.doc));
    DIPLO_FUZZ_CHECK(t.size() == r.report.total().events, "events lost between import and build");
  } catch (const diplo::error&) {
    // Records that do not fit together (two records with one id): rejected by the
    // timeline's checks, fine.
  }
  return 0;
}
