// SPDX-License-Identifier: MIT
// The Office of the Historian import: all 7,535 records of data/historyatstate (XML parsing,
// country and title mapping, identity resolution, duplicates, journeys), then the same and
// the building of the timeline (validation and indexes).
// The COLT import at the size of the full release (78,000 rows, ~60 MB, generated: see
// colt_gen.h): the import alone, and the import merged with the bundled dataset and built.
#include <diplo/import/colt.h>
#include <diplo/import/historyatstate.h>

#include <cstdint>

#include <benchmark/benchmark.h>

#include <diplo/data.h>
#include <diplo/io/document.h>
#include <diplo/io/json.h>
#include <diplo/io/merge.h>
#include <diplo/timeline.h>

#include "colt_gen.h"

namespace {

constexpr const char* dir = DIPLO_SOURCE_DIR "/data/historyatstate";

// The items processed are records read, so Google Benchmark reports records per second.
void set_records(benchmark::State& state, const diplo::import::import_result& r) {
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(r.report.total().read));
  state.counters["records"] = static_cast<double>(r.report.total().read);
  state.counters["events"] = static_cast<double>(r.report.total().events);
}

void BM_ImportHistoryAtState(benchmark::State& state) {
  diplo::import::import_result r;
  for (auto _ : state) {
    r = diplo::import::import_historyatstate(dir);
    benchmark::DoNotOptimize(r.doc.events.data());
  }
  set_records(state, r);
}
BENCHMARK(BM_ImportHistoryAtState)->Unit(benchmark::kMillisecond);

void BM_ImportAndBuildHistoryAtState(benchmark::State& state) {
  diplo::import::import_result r;
  std::size_t events = 0;
  for (auto _ : state) {
    r = diplo::import::import_historyatstate(dir);
    diplo::timeline t = diplo::io::build(r.doc);
    events = t.size();
    benchmark::DoNotOptimize(events);
  }
  set_records(state, r);
}
BENCHMARK(BM_ImportAndBuildHistoryAtState)->Unit(benchmark::kMillisecond);

// The build alone, from an imported document (copied each time: build consumes it).
void BM_BuildHistoryAtState(benchmark::State& state) {
  const diplo::import::import_result r = diplo::import::import_historyatstate(dir);
  for (auto _ : state) {
    state.PauseTiming();
    diplo::io::document doc = r.doc;
    state.ResumeTiming();
    diplo::timeline t = diplo::io::build(std::move(doc));
    benchmark::DoNotOptimize(t.size());
  }
  set_records(state, r);
}
BENCHMARK(BM_BuildHistoryAtState)->Unit(benchmark::kMillisecond);

// The generated file, made once for all the COLT benchmarks.
auto colt_text() -> const std::string& {
  static const std::string text =
      diplo_bench::make_colt_text(DIPLO_SOURCE_DIR "/tests/import/data/colt-sample.csv", 78000);
  return text;
}

// Rows read per second, bytes per second, and what the import made.
void set_colt(benchmark::State& state, const diplo::import::colt_report& r, std::size_t events) {
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(r.read));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(colt_text().size()));
  state.counters["rows"] = static_cast<double>(r.read);
  state.counters["events"] = static_cast<double>(events);
  state.counters["actors"] = static_cast<double>(r.actors);
}

void BM_ImportColt78k(benchmark::State& state) {
  diplo::import::colt_result r;
  for (auto _ : state) {
    r = diplo::import::import_colt_text(colt_text(), "colt-78k.csv");
    benchmark::DoNotOptimize(r.doc.events.data());
  }
  set_colt(state, r.report, r.doc.events.size());
}
BENCHMARK(BM_ImportColt78k)->Unit(benchmark::kMillisecond);

// What `--data xi-putin.json --data colt.csv` does: read both, merge them (one actor per
// person, one event per trip), build the timeline.
void BM_ImportMergeBuildColt78k(benchmark::State& state) {
  diplo::import::colt_result r;
  std::size_t events = 0;
  for (auto _ : state) {
    diplo::io::document doc = diplo::io::read_json(diplo::data::xi_putin_json(), "xi-putin.json");
    r = diplo::import::import_colt_text(colt_text(), "colt-78k.csv");
    diplo::io::merge_sources(doc, std::move(r.doc));
    diplo::timeline t = diplo::io::build(std::move(doc));
    events = t.size();
    benchmark::DoNotOptimize(events);
  }
  set_colt(state, r.report, events);  // events: in the timeline built
}
BENCHMARK(BM_ImportMergeBuildColt78k)->Unit(benchmark::kMillisecond);

}  // namespace
