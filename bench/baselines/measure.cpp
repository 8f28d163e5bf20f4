// SPDX-License-Identifier: MIT
// Rough figures for the baselines alone, before the harness (bench/) measures them beside
// diplo: per engine, the load time (rows/s), memory_bytes per event, and per question the
// median and p99 of single calls over random parameters drawn from pairs and people that
// exist. Not a test; a tool to size the full run.
//
//   baselines_measure EVENTS [ENGINE...]    ENGINE: scan pair-hash normalised clustered pairs

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include <diplo/synthetic.h>

#include "engine.h"

namespace {

using diplo::bench::day;
using clk = std::chrono::steady_clock;

using diplo::bench::rng;

auto num(date::sys_days d) -> day { return static_cast<day>(d.time_since_epoch().count()); }

struct sample {
  std::uint32_t a, b;
  day d;
  diplo::country_code c;
};

void report(std::string_view engine, std::string_view q, std::vector<double>& ns) {
  std::sort(ns.begin(), ns.end());
  const double med = ns[ns.size() / 2];
  const double p99 = ns[std::min(ns.size() - 1, ns.size() * 99 / 100)];
  fmt::print("  {:<18} {:<13} median {:>12.0f} ns   p99 {:>12.0f} ns   ({} calls)\n", engine, q, med, p99,
             ns.size());
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t events = argc > 1 ? std::stoul(argv[1]) : 100'000;
  std::vector<std::string> which(argv + std::min(argc, 2), argv + argc);
  if (which.empty()) which = {"scan", "pair-hash", "normalised", "clustered", "pairs"};
  auto t0 = clk::now();
  auto doc = diplo::synthetic::generate({.events = events});
  fmt::print("generated {} events in {:.1f} s\n", doc.events.size(),
             std::chrono::duration<double>(clk::now() - t0).count());
  std::size_t participations = 0;
  for (const auto& e : doc.events) participations += diplo::participants(e).size();

  for (const std::string& w : which) {
    std::function<std::unique_ptr<diplo::bench::engine>()> make;
    if (w == "scan") make = [&] { return diplo::bench::make_scan(doc); };
    if (w == "pair-hash") make = [&] { return diplo::bench::make_pair_hash(doc); };
    if (w == "normalised")
      make = [&] { return diplo::bench::make_sqlite(doc, diplo::bench::sqlite_schema::normalised); };
    if (w == "clustered")
      make = [&] { return diplo::bench::make_sqlite(doc, diplo::bench::sqlite_schema::clustered); };
    if (w == "pairs")
      make = [&] { return diplo::bench::make_sqlite(doc, diplo::bench::sqlite_schema::pairs); };
    if (!make) {
      fmt::print(stderr, "unknown engine {}\n", w);
      return 2;
    }
    t0 = clk::now();
    const std::clock_t c0 = std::clock();
    auto e = make();
    const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    const double load = std::chrono::duration<double>(clk::now() - t0).count();
    fmt::print(
        "{}: load {:.2f} s wall, {:.2f} s CPU ({:.0f} events/s, {:.0f} participations/s by CPU), memory "
        "{:.1f} MB = {:.0f} B/event\n",
        e->name(), load, cpu, static_cast<double>(events) / cpu, static_cast<double>(participations) / cpu,
        static_cast<double>(e->memory_bytes()) / 1e6,
        static_cast<double>(e->memory_bytes()) / static_cast<double>(events));
    if (std::getenv("DIPLO_BASELINES_LOAD_ONLY") != nullptr) continue;
    // Parameters: two participants of a random bilateral or multilateral event, a day near it.
    rng r{42};
    const bool slow = w == "scan";
    const std::size_t calls = slow ? (events > 200'000 ? 30 : 200) : 2000;
    std::vector<sample> samples;
    while (samples.size() < calls) {
      const auto& ev = doc.events[r.below(doc.events.size())];
      auto ps = diplo::participants(ev);
      if (ps.size() < 2) continue;
      const auto x = r.below(ps.size());
      auto y = r.below(ps.size() - 1);
      if (y >= x) ++y;
      const day d = num(diplo::base(ev).when.earliest_start());
      samples.push_back({e->actor(ps[x]), e->actor(ps[y]), d, diplo::country_of(ev)});
    }
    // A quarter of the pairs: two random leaders of one era, who mostly never met.
    for (std::size_t k = 0; k < samples.size(); k += 4) {
      const auto& ev = doc.events[r.below(doc.events.size())];
      auto ps = diplo::participants(ev);
      samples[k].b = e->actor(ps[r.below(ps.size())]);
    }
    auto time = [&](std::string_view q, auto&& call) {
      std::vector<double> ns;
      for (const sample& s : samples) {
        auto a = clk::now();
        call(s);
        ns.push_back(std::chrono::duration<double, std::nano>(clk::now() - a).count());
      }
      report(e->name(), q, ns);
    };
    std::size_t sink = 0;
    time("last_meeting", [&](const sample& s) { sink += e->last_meeting(s.a, s.b, s.d + 1).value_or(0); });
    time("meetings", [&](const sample& s) { sink += e->meetings(s.a, s.b, s.d - 3650, s.d + 1); });
    time("trips", [&](const sample& s) { sink += e->trips(s.a, s.c, s.d - 3650, s.d); });
    time("where", [&](const sample& s) { sink += e->where(s.a, s.d).size(); });
    time("contacts", [&](const sample& s) { sink += e->contacts(s.a, 10).size(); });
    fmt::print("  (checksum {})\n", sink);
  }
  return 0;
}
