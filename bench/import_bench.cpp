// SPDX-License-Identifier: MIT
// The Office of the Historian import: all 7,535 records of data/historyatstate (XML parsing,
// country and title mapping, identity resolution, duplicates, journeys), then the same and
// the building of the timeline (validation and indexes).
#include <diplo/import/historyatstate.h>

#include <cstdint>

#include <benchmark/benchmark.h>

#include <diplo/io/document.h>
#include <diplo/timeline.h>

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

}  // namespace
