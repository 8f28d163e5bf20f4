// SPDX-License-Identifier: MIT
// The benchmark suite of issue 5: diplo against SQLite (three schemas), a linear scan and an
// all-pairs hash map, on synthetic worlds of 1e5, 1e6 and 1e7 events (diplo/synthetic.h).
//
// Per size, one after the other (each size's data is freed before the next):
//   1. generate the world; build the timeline (io::build, timed) and measure its memory
//      (mallinfo2 deltas; events, their heap strings, the actors, the indexes);
//   2. draw K parameter sets per question from what exists (pairs that met, people with
//      events, countries they visited, days within their careers) and time diplo on each,
//      one call at a time with a steady clock (median, p99), keeping its answers;
//   3. write the world's JSON Lines (diplo's writer) to a temporary file, free the timeline;
//   4. ingest: diplo's JSONL reader against simdjson's DOM parse of the same file (the
//      limit), both through Google Benchmark (throughputs);
//   5. every baseline engine in turn: its load (the SQLite bulk insert), its memory, the same
//      questions with the same parameters, each answer checked against diplo's.
// Each (engine, question) cell stops after a time budget, so the slow ones cannot blow the
// run. The summary goes to a JSON file and a table on stdout; any answer that differs from
// diplo's is printed (the first few per cell) and makes the exit status 1.
//
//   suite [--quick] [--sizes 1e5,1e6] [--samples K] [--budget SECONDS] [--out FILE]
//         [--tmp DIR] [--seed S] [--engines LIST] [--time-limit SECONDS]
//
// A phase (diplo's, the ingest, one engine) of a bigger size is skipped, and says so in the
// summary, when the previous size predicts (scaling its peak RSS and its time by the ratio of
// the sizes) that it would not fit in the memory available or in what is left of the time
// limit.

#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <simdjson.h>

#include <diplo/detail/event_store.h>
#include <diplo/diplo.h>
#include <diplo/io/jsonl.h>
#include <diplo/io/snapshot.h>
#include <diplo/synthetic.h>

#include "diplo_engine.h"
#include "engine.h"
#include "flat.h"

#ifndef DIPLO_BUILD_TYPE
#define DIPLO_BUILD_TYPE "unknown"
#endif

namespace {

using diplo::bench::contact_count;
using diplo::bench::day;
using diplo::bench::engine;
using clock_type = std::chrono::steady_clock;

// --- small helpers ------------------------------------------------------------------------

using diplo::bench::rng;

auto num(date::sys_days d) -> day { return static_cast<day>(d.time_since_epoch().count()); }

auto seconds_since(clock_type::time_point t0) -> double {
  return std::chrono::duration<double>(clock_type::now() - t0).count();
}

/// Bytes in use by malloc: the arenas and the mmapped blocks.
auto heap_in_use() -> std::size_t {
  const struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

/// The peak resident set since the last reset_peak_rss(), from /proc/self/status (VmHWM).
auto peak_rss() -> std::size_t {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
  }
  return 0;
}
void reset_peak_rss() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
}

/// A field of /proc/self/status or /proc/meminfo in bytes ("VmRSS:", "MemAvailable:").
auto proc_bytes(const char* file, std::string_view key) -> std::size_t {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0) return std::stoull(line.substr(key.size())) * 1024;
  }
  return 0;
}

auto human_bytes(double b) -> std::string {
  if (b >= 1e9) return fmt::format("{:.2f} GB", b / 1e9);
  if (b >= 1e6) return fmt::format("{:.1f} MB", b / 1e6);
  if (b >= 1e3) return fmt::format("{:.1f} kB", b / 1e3);
  return fmt::format("{:.0f} B", b);
}

auto human_ns(double ns) -> std::string {
  if (ns >= 1e9) return fmt::format("{:.2f} s", ns / 1e9);
  if (ns >= 1e6) return fmt::format("{:.2f} ms", ns / 1e6);
  if (ns >= 1e3) return fmt::format("{:.2f} µs", ns / 1e3);
  return fmt::format("{:.0f} ns", ns);
}

auto size_label(std::size_t n) -> std::string {
  if (n >= 1'000'000 && n % 1'000'000 == 0 && n / 1'000'000 < 10) return fmt::format("{}e6", n / 1'000'000);
  if (n == 10'000'000) return "1e7";
  if (n == 100'000) return "1e5";
  return fmt::format("{}", n);
}

/// Heap bytes of an allocation that a string or vector owns (malloc's chunk: usable + header).
auto chunk(const void* p) -> std::size_t {
  return p == nullptr ? 0 : malloc_usable_size(const_cast<void*>(p)) + sizeof(std::size_t);
}
auto heap_of(const std::string& s) -> std::size_t {
  return s.capacity() > 15 ? chunk(s.data()) : 0;  // libstdc++: 15 chars inline
}
template <class T>
auto heap_of_vector(const std::vector<T>& v) -> std::size_t {
  return v.capacity() == 0 ? 0 : chunk(v.data());
}

// --- options --------------------------------------------------------------------------------

struct config {
  bool quick = false;
  std::vector<std::size_t> sizes{100'000, 1'000'000, 10'000'000};
  std::size_t samples = 2000;
  double budget = 2.0;  // seconds per (engine, question) cell
  std::string out;
  std::string tmp = std::filesystem::temp_directory_path().string();
  std::uint64_t seed = 2025;
  double time_limit = 0;  // seconds for the whole run; 0: none
  // Most telling first: should the time limit cut a size short, it cuts the scan.
  std::vector<std::string> engines{"sqlite-pairs", "sqlite-clustered", "pair-hash", "sqlite-normalised",
                                   "scan"};
};

auto parse_size(const std::string& s) -> std::size_t {
  return static_cast<std::size_t>(std::stod(s));  // "1e6" or "1000000"
}

auto split(const std::string& s) -> std::vector<std::string> {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

auto parse_args(int argc, char** argv) -> config {
  config c;
  bool sizes_given = false, samples_given = false, budget_given = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        fmt::print(stderr, "suite: {} needs a value\n", a);
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--quick") {
      c.quick = true;
    } else if (a == "--sizes") {
      c.sizes.clear();
      for (const auto& s : split(value())) c.sizes.push_back(parse_size(s));
      sizes_given = true;
    } else if (a == "--samples") {
      c.samples = std::stoul(value());
      samples_given = true;
    } else if (a == "--budget") {
      c.budget = std::stod(value());
      budget_given = true;
    } else if (a == "--out") {
      c.out = value();
    } else if (a == "--tmp") {
      c.tmp = value();
    } else if (a == "--time-limit") {
      c.time_limit = std::stod(value());
    } else if (a == "--seed") {
      c.seed = std::stoull(value());
    } else if (a == "--engines") {
      c.engines = split(value());
    } else if (a == "-h" || a == "--help") {
      fmt::print(
          "suite [--quick] [--sizes 1e5,1e6,1e7] [--samples K] [--budget SECONDS] "
          "[--out FILE] [--tmp DIR] [--seed S] [--engines LIST] [--time-limit SECONDS]\n");
      std::exit(0);
    } else {
      fmt::print(stderr, "suite: unknown argument {}\n", a);
      std::exit(2);
    }
  }
  if (c.quick) {
    if (!sizes_given) c.sizes = {100'000};
    if (!samples_given) c.samples = 300;
    if (!budget_given) c.budget = 0.25;
  }
  return c;
}

// --- machine facts ----------------------------------------------------------------------------

struct machine {
  std::string cpu;
  unsigned cores = 0;
  std::size_t ram = 0;
  std::string compiler;
  std::string build_type = DIPLO_BUILD_TYPE;
  std::string date;
  std::string os;
};

auto machine_facts() -> machine {
  machine m;
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      m.cpu = line.substr(line.find(':') + 2);
      break;
    }
  }
  m.cores = static_cast<unsigned>(sysconf(_SC_NPROCESSORS_ONLN));
  m.ram =
      static_cast<std::size_t>(sysconf(_SC_PHYS_PAGES)) * static_cast<std::size_t>(sysconf(_SC_PAGE_SIZE));
#if defined(__clang__)
  m.compiler = fmt::format("clang {}", __clang_version__);
#elif defined(__GNUC__)
  m.compiler = fmt::format("g++ {}", __VERSION__);
#endif
  const auto now = std::chrono::system_clock::now();
  const auto today = date::floor<date::days>(now);
  const date::hh_mm_ss hms{date::floor<std::chrono::seconds>(now - today)};
  m.date = fmt::format("{}T{:02}:{:02}:{:02}Z", date::format("%F", today), hms.hours().count(),
                       hms.minutes().count(), hms.seconds().count());
  std::ifstream os("/etc/os-release");
  while (std::getline(os, line)) {
    if (line.rfind("PRETTY_NAME=", 0) == 0) {
      m.os = line.substr(12);
      m.os.erase(std::remove(m.os.begin(), m.os.end(), '"'), m.os.end());
    }
  }
  return m;
}

// --- the questions ----------------------------------------------------------------------------

struct last_q {
  diplo::actor_id a, b;
  day before;
};
struct meet_q {
  diplo::actor_id a, b;
  day from, to;
};
struct trips_q {
  diplo::actor_id a;
  diplo::country_code c;
  day from, to;
};
struct where_q {
  diplo::actor_id a;
  day d;
};
struct contacts_q {
  diplo::actor_id a;
};

struct questions {
  std::vector<last_q> last;
  std::vector<meet_q> meet;
  std::vector<trips_q> trips;
  std::vector<where_q> where;
  std::vector<contacts_q> contacts;
};

constexpr std::size_t contacts_top = 10;
constexpr std::array<std::string_view, 5> question_names{"last_meeting", "meetings", "trips", "where",
                                                         "contacts"};

/// The days of the (only) office of a synthetic world's leader.
auto career(const diplo::timeline& t, const diplo::actor_id& a) -> std::pair<day, day> {
  const auto* p = t.actors().person_of(a);
  if (p == nullptr || p->offices.empty())
    return {num(date::sys_days{date::year{1950} / 1 / 1}), num(date::sys_days{date::year{2025} / 12 / 31})};
  const auto& term = p->offices.front().term;
  return {num(term.earliest_start()), num(term.latest_end()) - 1};
}

/// K parameter sets per question, drawn from what exists: pairs from events that count (so
/// frequent pairs are asked often, and the co-attendees of a summit, who rarely meet, too),
/// days within both careers; people with events, countries they visited.
auto draw_questions(const diplo::timeline& t, std::size_t k, std::uint64_t seed) -> questions {
  questions q;
  rng r{seed};
  auto random_counting_event = [&]() -> diplo::event {
    while (true) {
      diplo::event e = t.at(r.below(t.size())).value();
      if (diplo::base(e).status == diplo::status::occurred && diplo::in_person(e)) return e;
    }
  };
  auto random_pair = [&]() {
    const auto people = diplo::participants(random_counting_event());
    const std::size_t x = r.below(people.size());
    std::size_t y = r.below(people.size() - 1);
    if (y >= x) ++y;
    return std::pair{people[x], people[y]};
  };
  auto overlap = [&](const diplo::actor_id& a, const diplo::actor_id& b) {
    auto [sa, ea] = career(t, a);
    auto [sb, eb] = career(t, b);
    return std::pair{std::max(sa, sb), std::min(ea, eb)};
  };
  for (std::size_t i = 0; i < k; ++i) {
    auto [a, b] = random_pair();
    auto [lo, hi] = overlap(a, b);
    q.last.push_back({a, b, r.between(lo, hi) + 1});
  }
  for (std::size_t i = 0; i < k; ++i) {
    auto [a, b] = random_pair();
    auto [lo, hi] = overlap(a, b);
    day x = r.between(lo, hi), y = r.between(lo, hi);
    if (y < x) std::swap(x, y);
    q.meet.push_back({a, b, x, y + 1});
  }
  while (q.trips.size() < k) {
    const diplo::event& e = random_counting_event();
    std::optional<diplo::actor_id> guest;
    if (const auto* v = std::get_if<diplo::visit>(&e)) guest = v->guests.front();
    if (const auto* s = std::get_if<diplo::summit>(&e); s != nullptr && !s->attendees.empty()) {
      guest = s->attendees[r.below(s->attendees.size())];
    }
    if (!guest) continue;
    auto [lo, hi] = career(t, *guest);
    day x = r.between(lo, hi), y = r.between(lo, hi);
    if (y < x) std::swap(x, y);
    q.trips.push_back({*guest, diplo::country_of(e), x, y});
  }
  for (std::size_t i = 0; i < k; ++i) {
    const diplo::event& e = random_counting_event();
    const auto people = diplo::participants(e);
    const diplo::actor_id& a = people[r.below(people.size())];
    day d = 0;
    if (r.below(2) == 0) {  // a day of one of its events: somewhere to be found
      d = r.between(num(diplo::base(e).when.earliest_start()), num(diplo::base(e).when.latest_end()) - 1);
    } else {
      auto [lo, hi] = career(t, a);
      d = r.between(lo, hi);
    }
    q.where.push_back({a, d});
  }
  for (std::size_t i = 0; i < k; ++i) {
    const auto people = diplo::participants(random_counting_event());
    q.contacts.push_back({people[r.below(people.size())]});
  }
  return q;
}

/// diplo's answers, by question, for the samples it ran.
struct answers {
  std::vector<std::optional<day>> last;
  std::vector<std::size_t> meet;
  std::vector<std::size_t> trips;
  std::vector<std::vector<diplo::country_code>> where;
  std::vector<std::vector<std::pair<std::string, std::uint32_t>>> contacts;  // by actor id
};

struct cell {
  std::size_t samples = 0;
  bool capped = false;  // stopped by the time budget before all K
  double median = 0, p99 = 0, mean = 0, max = 0;
  std::size_t mismatches = 0;
};

auto summarise(std::vector<double> ns, std::size_t k) -> cell {
  cell c;
  c.samples = ns.size();
  c.capped = ns.size() < k;
  if (ns.empty()) return c;
  std::sort(ns.begin(), ns.end());
  c.median = ns[ns.size() / 2];
  c.p99 = ns[std::min(ns.size() - 1, ns.size() * 99 / 100)];
  double sum = 0;
  for (double x : ns) sum += x;
  c.mean = sum / static_cast<double>(ns.size());
  c.max = ns.back();
  return c;
}

/// Times call(i) for i = 0..k-1, one at a time, until the budget is spent.
/// `call(i)` times itself and returns the nanoseconds (so answers are kept outside the clock).
template <class Call>
auto run_cell(std::size_t k, double budget, Call&& call) -> std::vector<double> {
  std::vector<double> ns;
  ns.reserve(k);
  const auto t0 = clock_type::now();
  for (std::size_t i = 0; i < k; ++i) {
    ns.push_back(call(i));
    if (seconds_since(t0) > budget) break;
  }
  return ns;
}

template <class F>
auto timed(F&& f) -> std::pair<decltype(f()), double> {
  const auto t0 = clock_type::now();
  auto r = f();
  const auto t1 = clock_type::now();
  return {std::move(r), std::chrono::duration<double, std::nano>(t1 - t0).count()};
}

/// Runs the five questions on `e`; with `expected` null, fills `got` (diplo); otherwise
/// compares with it, printing the first few mismatches.
auto run_questions(engine& e, const questions& q, const config& c, answers* record, const answers* expected)
    -> std::map<std::string, cell> {
  std::map<std::string, cell> out;
  // The engine's numbering, both ways (outside the clock).
  std::unordered_map<std::string, std::uint32_t> number;
  std::unordered_map<std::uint32_t, std::string> id_of_number;
  auto n = [&](const diplo::actor_id& a) {
    auto it = number.find(a.value());
    if (it != number.end()) return it->second;
    const std::uint32_t x = e.actor(a);
    number.emplace(a.value(), x);
    id_of_number.emplace(x, a.value());
    return x;
  };
  const std::string name(e.name());
  auto report = [&](std::string_view question, std::size_t i, const std::string& want, const std::string& got,
                    cell& cl) {
    if (++cl.mismatches <= 3) {
      fmt::print(stderr, "MISMATCH {} {} #{}: diplo {} vs {}\n", name, question, i, want, got);
    }
  };

  {  // last meeting
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ab;
    for (const auto& x : q.last) ab.emplace_back(n(x.a), n(x.b));
    const std::size_t k = expected ? expected->last.size() : q.last.size();
    std::vector<std::optional<day>> got(k);
    auto ns = run_cell(k, c.budget, [&](std::size_t i) {
      auto [r, t] = timed([&] { return e.last_meeting(ab[i].first, ab[i].second, q.last[i].before); });
      got[i] = r;
      return t;
    });
    cell cl = summarise(ns, k);
    got.resize(ns.size());
    if (record) record->last = got;
    if (expected) {
      for (std::size_t i = 0; i < got.size(); ++i) {
        if (got[i] != expected->last[i]) {
          report("last_meeting", i, fmt::format("{}", expected->last[i] ? *expected->last[i] : -1),
                 fmt::format("{}", got[i] ? *got[i] : -1), cl);
        }
      }
    }
    out["last_meeting"] = cl;
  }
  {  // meetings in a range
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ab;
    for (const auto& x : q.meet) ab.emplace_back(n(x.a), n(x.b));
    const std::size_t k = expected ? expected->meet.size() : q.meet.size();
    std::vector<std::size_t> got(k);
    auto ns = run_cell(k, c.budget, [&](std::size_t i) {
      auto [r, t] =
          timed([&] { return e.meetings(ab[i].first, ab[i].second, q.meet[i].from, q.meet[i].to); });
      got[i] = r;
      return t;
    });
    cell cl = summarise(ns, k);
    got.resize(ns.size());
    if (record) record->meet = got;
    if (expected) {
      for (std::size_t i = 0; i < got.size(); ++i) {
        if (got[i] != expected->meet[i])
          report("meetings", i, fmt::format("{}", expected->meet[i]), fmt::format("{}", got[i]), cl);
      }
    }
    out["meetings"] = cl;
  }
  {  // trips
    std::vector<std::uint32_t> as;
    for (const auto& x : q.trips) as.push_back(n(x.a));
    const std::size_t k = expected ? expected->trips.size() : q.trips.size();
    std::vector<std::size_t> got(k);
    auto ns = run_cell(k, c.budget, [&](std::size_t i) {
      auto [r, t] = timed([&] { return e.trips(as[i], q.trips[i].c, q.trips[i].from, q.trips[i].to); });
      got[i] = r;
      return t;
    });
    cell cl = summarise(ns, k);
    got.resize(ns.size());
    if (record) record->trips = got;
    if (expected) {
      for (std::size_t i = 0; i < got.size(); ++i) {
        if (got[i] != expected->trips[i])
          report("trips", i, fmt::format("{}", expected->trips[i]), fmt::format("{}", got[i]), cl);
      }
    }
    out["trips"] = cl;
  }
  {  // where
    std::vector<std::uint32_t> as;
    for (const auto& x : q.where) as.push_back(n(x.a));
    const std::size_t k = expected ? expected->where.size() : q.where.size();
    std::vector<std::vector<diplo::country_code>> got(k);
    auto ns = run_cell(k, c.budget, [&](std::size_t i) {
      auto [r, t] = timed([&] { return e.where(as[i], q.where[i].d); });
      got[i] = std::move(r);
      return t;
    });
    cell cl = summarise(ns, k);
    got.resize(ns.size());
    if (expected) {
      for (std::size_t i = 0; i < got.size(); ++i) {
        if (got[i] != expected->where[i]) {
          report("where", i, fmt::format("{}", fmt::join(expected->where[i], ",")),
                 fmt::format("{}", fmt::join(got[i], ",")), cl);
        }
      }
    }
    if (record) record->where = std::move(got);
    out["where"] = cl;
  }
  {  // contacts
    std::vector<std::uint32_t> as;
    for (const auto& x : q.contacts) as.push_back(n(x.a));
    // Every actor's number, so that the answers can be compared by id.
    const std::size_t k = expected ? expected->contacts.size() : q.contacts.size();
    std::vector<std::vector<contact_count>> got(k);
    auto ns = run_cell(k, c.budget, [&](std::size_t i) {
      auto [r, t] = timed([&] { return e.contacts(as[i], contacts_top); });
      got[i] = std::move(r);
      return t;
    });
    cell cl = summarise(ns, k);
    got.resize(ns.size());
    std::vector<std::vector<std::pair<std::string, std::uint32_t>>> by_id(got.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      for (const auto& x : got[i]) {
        auto it = id_of_number.find(x.actor);
        by_id[i].emplace_back(it == id_of_number.end() ? fmt::format("#{}", x.actor) : it->second, x.count);
      }
    }
    if (expected) {
      for (std::size_t i = 0; i < by_id.size(); ++i) {
        if (by_id[i] != expected->contacts[i]) {
          auto show = [](const auto& v) {
            std::string s;
            for (const auto& [id, cnt] : v) s += fmt::format("{}:{} ", id, cnt);
            return s;
          };
          report("contacts", i, show(expected->contacts[i]), show(by_id[i]), cl);
        }
      }
    }
    if (record) record->contacts = std::move(by_id);
    out["contacts"] = cl;
  }
  return out;
}

// --- Google Benchmark for the throughputs ------------------------------------------------------

class capture final : public benchmark::BenchmarkReporter {
 public:
  auto ReportContext(const Context&) -> bool override { return true; }
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& r : runs) {
      seconds[r.run_name.function_name] = r.real_accumulated_time / static_cast<double>(r.iterations);
    }
  }
  std::map<std::string, double> seconds;
};

/// Seconds per run of each function, through Google Benchmark (fixed iterations, real time).
auto throughput(const std::vector<std::pair<std::string, std::function<void(benchmark::State&)>>>& fns,
                int iterations) -> std::map<std::string, double> {
  for (const auto& [name, fn] : fns) {
    benchmark::RegisterBenchmark(name.c_str(),
                                 [f = fn](benchmark::State& st) {
                                   for (auto _ : st) f(st);
                                 })
        ->Iterations(iterations)
        ->UseRealTime()
        ->Unit(benchmark::kMillisecond);
  }
  capture rep;
  benchmark::RunSpecifiedBenchmarks(&rep);
  benchmark::ClearRegisteredBenchmarks();
  return rep.seconds;
}

// --- one size ---------------------------------------------------------------------------------

struct load_figure {
  double seconds = 0;
  std::size_t bytes = 0;
};

struct size_result {
  std::size_t events = 0;
  std::size_t actors = 0;
  double generate_s = 0;
  double build_s = 0;
  std::size_t jsonl_bytes = 0;
  double write_s = 0;
  double read_jsonl_s = 0;
  // The snapshot (diplo/io/snapshot.h): its size, the time to write it, to open it (mapped
  // and checked; the file is in the page cache) and to answer a first question from it.
  std::size_t snapshot_bytes = 0;
  double snapshot_write_s = 0, snapshot_open_s = 0, snapshot_first_s = 0;
  double simdjson_s = 0;
  // Memory of the timeline, by part.
  std::size_t timeline_bytes = 0, actor_bytes = 0, warning_bytes = 0, index_bytes = 0;
  // The events as the timeline stores them (diplo/detail/event_store.h): columnar, interned.
  diplo::detail::event_store::footprint stored;
  std::size_t warnings = 0;
  std::map<std::string, load_figure> loads;                  // engine -> load
  std::map<std::string, std::map<std::string, cell>> cells;  // engine -> question -> cell
  std::size_t mismatches = 0;
  std::size_t peak_rss = 0;
  double wall_s = 0;
  // The peak resident set of each phase ("diplo", "ingest", each engine), to predict whether
  // the next size fits; the phases skipped because they would not.
  std::map<std::string, std::size_t> phase_peak;
  std::map<std::string, double> phase_seconds;
  std::vector<std::string> skipped;
};

clock_type::time_point run_start = clock_type::now();

/// Does `phase` of a world of n events fit in memory, judging by the previous size? Records
/// why not in `res.skipped`.
auto fits(const config& c, const size_result* prev, std::string_view phase, std::size_t n, size_result& res)
    -> bool {
  if (prev == nullptr) return true;
  const double scale = static_cast<double>(n) / static_cast<double>(prev->events);
  const auto it = prev->phase_peak.find(std::string(phase));
  if (it == prev->phase_peak.end()) {
    // Skipped at the previous size already (or never asked): no prediction, and no point.
    const bool skipped_before =
        std::any_of(prev->skipped.begin(), prev->skipped.end(), [&](const std::string& w) {
          return w.rfind(std::string(phase) + ":", 0) == 0 || w.rfind("diplo:", 0) == 0;
        });
    if (!skipped_before) return true;
    res.skipped.push_back(fmt::format("{}: skipped at {} events already", phase, prev->events));
    fmt::print(stderr, "   SKIPPED {}\n", res.skipped.back());
    return false;
  }
  // An SQLite schema that was the best (fastest median) for no question at the previous
  // size only costs time here (loading 10^7 events takes minutes): ratios are taken against
  // the best schema.
  if (phase.rfind("sqlite-", 0) == 0 && prev->cells.count(std::string(phase)) != 0) {
    bool best_somewhere = false;
    for (const auto& [question, mine] : prev->cells.at(std::string(phase))) {
      bool best = mine.samples > 0;
      for (const auto& [other, qs] : prev->cells) {
        if (other == phase || other.rfind("sqlite-", 0) != 0) continue;
        const auto o = qs.find(question);
        if (o != qs.end() && o->second.samples > 0 && o->second.median < mine.median) best = false;
      }
      best_somewhere = best_somewhere || best;
    }
    if (!best_somewhere) {
      res.skipped.push_back(
          fmt::format("{}: not the best SQLite schema for any question at {} events", phase, prev->events));
      fmt::print(stderr, "   SKIPPED {}\n", res.skipped.back());
      return false;
    }
  }
  const double predicted = static_cast<double>(it->second) * scale;
  const double room = static_cast<double>(proc_bytes("/proc/meminfo", "MemAvailable:") +
                                          proc_bytes("/proc/self/status", "VmRSS:"));
  if (predicted > 0.92 * room) {
    res.skipped.push_back(fmt::format("{}: needs about {} (peak RSS at {} events, scaled), {} available",
                                      phase, human_bytes(predicted), prev->events, human_bytes(room)));
    fmt::print(stderr, "   SKIPPED {}\n", res.skipped.back());
    return false;
  }
  if (c.time_limit > 0) {
    const double need = prev->phase_seconds.at(std::string(phase)) * scale * 1.2;
    const double left = c.time_limit - seconds_since(run_start);
    if (need > left) {
      res.skipped.push_back(
          fmt::format("{}: needs about {:.0f} s (its time at {} events, scaled), {:.0f} s left of "
                      "the time limit",
                      phase, need, prev->events, std::max(0.0, left)));
      fmt::print(stderr, "   SKIPPED {}\n", res.skipped.back());
      return false;
    }
  }
  return true;
}

/// The reader's limits for the generated worlds: the default 1 GiB and 10 million records
/// protect a tool from hostile files; 10^7 events make a 6.5 GB file of trusted text.
const diplo::io::read_limits big_world_limits{.max_file_size = std::uint64_t{1} << 40,
                                              .max_records = std::size_t{1} << 31};

/// The snapshot of `t`: written, opened (mapped and checked; the file is in the page cache)
/// and asked a first question, whose answer must be the timeline's.
void measure_snapshot(const diplo::timeline& t, const questions& q, const config& c, const std::string& label,
                      size_result& res) {
  const std::filesystem::path path =
      std::filesystem::path(c.tmp) / fmt::format("diplo-suite-{}-{}.diplo", getpid(), label);
  auto t0 = clock_type::now();
  diplo::io::write_snapshot(path, t);
  res.snapshot_write_s = seconds_since(t0);
  res.snapshot_bytes = std::filesystem::file_size(path);
  t0 = clock_type::now();
  const diplo::timeline u = diplo::io::open_snapshot(path);
  res.snapshot_open_s = seconds_since(t0);
  if (!q.meet.empty()) {
    t0 = clock_type::now();
    const auto first = diplo::last_meeting(u, q.meet.front().a, q.meet.front().b);
    res.snapshot_first_s = seconds_since(t0);
    const auto expected = diplo::last_meeting(t, q.meet.front().a, q.meet.front().b);
    if (fmt::format("{}", first.has_value()) != fmt::format("{}", expected.has_value()) ||
        (first && fmt::format("{}", *first) != fmt::format("{}", *expected))) {
      ++res.mismatches;
    }
  }
  std::filesystem::remove(path);
  fmt::print(stderr, "   snapshot: {} written in {:.2f} s, opened in {:.1f} ms, first answer in {:.1f} µs\n",
             human_bytes(static_cast<double>(res.snapshot_bytes)), res.snapshot_write_s,
             res.snapshot_open_s * 1e3, res.snapshot_first_s * 1e6);
}

auto run_size(const config& c, std::size_t n, const size_result* prev) -> size_result {
  size_result res;
  res.events = n;
  const auto wall0 = clock_type::now();
  const diplo::synthetic::options opt{.events = n, .seed = c.seed};
  const std::string label = size_label(n);
  fmt::print(stderr, "== {} events\n", label);
  auto phase_start = clock_type::now();
  auto end_phase = [&](const std::string& phase) {
    res.phase_peak[phase] = peak_rss();
    res.phase_seconds[phase] = seconds_since(phase_start);
    res.peak_rss = std::max(res.peak_rss, res.phase_peak[phase]);
    reset_peak_rss();
    phase_start = clock_type::now();
  };
  if (!fits(c, prev, "diplo", n, res)) {
    res.wall_s = seconds_since(wall0);
    return res;
  }
  reset_peak_rss();

  malloc_trim(0);
  const std::size_t m0 = heap_in_use();
  auto t0 = clock_type::now();
  diplo::io::document doc = diplo::synthetic::generate(opt);
  res.generate_s = seconds_since(t0);
  res.actors = doc.actors.size();
  fmt::print(stderr, "   generated in {:.2f} s ({} in memory)\n", res.generate_s,
             human_bytes(static_cast<double>(heap_in_use() - m0)));

  t0 = clock_type::now();
  auto t = std::make_unique<diplo::timeline>(diplo::io::build(std::move(doc)));
  res.build_s = seconds_since(t0);
  malloc_trim(0);
  res.timeline_bytes = heap_in_use() - m0;
  res.stored = t->stored().bytes();
  {
    const std::size_t before = heap_in_use();
    const diplo::actor_registry copy = t->actors();
    res.actor_bytes = heap_in_use() - before;
  }
  res.warnings = t->warnings().size();
  res.warning_bytes = t->warnings().size() * sizeof(diplo::diagnostic);
  for (const auto& w : t->warnings()) res.warning_bytes += heap_of(w.where) + heap_of(w.message);
  const std::size_t parts = res.stored.total() + res.actor_bytes + res.warning_bytes;
  res.index_bytes = res.timeline_bytes > parts ? res.timeline_bytes - parts : 0;
  fmt::print(stderr, "   built in {:.2f} s: {} ({:.0f} B/event; indexes {:.0f} B/event), {} warnings\n",
             res.build_s, human_bytes(static_cast<double>(res.timeline_bytes)),
             static_cast<double>(res.timeline_bytes) / static_cast<double>(n),
             static_cast<double>(res.index_bytes) / static_cast<double>(n), res.warnings);

  // diplo first: its answers are the reference.
  const questions q = draw_questions(*t, c.samples, c.seed ^ n);
  answers reference;
  {
    auto e = diplo::bench::make_diplo(*t, res.timeline_bytes);
    res.cells["diplo"] = run_questions(*e, q, c, &reference, nullptr);
  }
  fmt::print(stderr, "   diplo: {}\n", [&] {
    std::string s;
    for (const auto& [qn, cl] : res.cells["diplo"]) s += fmt::format("{} {} ", qn, human_ns(cl.median));
    return s;
  }());

  // The JSON Lines file, then the timeline is freed.
  const std::filesystem::path path =
      std::filesystem::path(c.tmp) / fmt::format("diplo-suite-{}-{}.jsonl", getpid(), label);
  t0 = clock_type::now();
  {
    // Streamed: at 10^7 events the text (~6.5 GB) would not fit beside the timeline.
    std::ofstream out(path, std::ios::binary);
    diplo::io::write_jsonl(out, *t);
    out.close();
    if (!out) {
      fmt::print(stderr, "suite: cannot write {}\n", path.string());
      std::exit(2);
    }
    res.jsonl_bytes = std::filesystem::file_size(path);
  }
  res.write_s = seconds_since(t0);
  measure_snapshot(*t, q, c, label, res);
  t.reset();
  malloc_trim(0);
  end_phase("diplo");

  // Ingest: diplo's reader against simdjson's parse of the same bytes.
  diplo::io::document read_back;
  if (!fits(c, prev, "ingest", n, res)) {
    std::filesystem::remove(path);
  } else {
    simdjson::padded_string text;
    if (simdjson::padded_string::load(path.string()).get(text) != simdjson::SUCCESS) {
      fmt::print(stderr, "suite: cannot read {}\n", path.string());
      std::exit(2);
    }
    std::filesystem::remove(path);
    const int iterations = n >= 10'000'000 ? 1 : n >= 1'000'000 ? 2 : 5;
    std::size_t docs = 0;
    simdjson::dom::parser parser;
    auto secs = throughput({{fmt::format("ingest/simdjson_dom_parse_many/{}", label),
                             [&](benchmark::State&) {
                               simdjson::dom::document_stream stream;
                               if (parser.parse_many(text, 1 << 20).get(stream) != simdjson::SUCCESS)
                                 std::exit(3);
                               docs = 0;
                               for (auto d : stream) {
                                 simdjson::dom::object o;
                                 if (d.get(o) != simdjson::SUCCESS) std::exit(3);
                                 docs += o.size();
                               }
                               benchmark::DoNotOptimize(docs);
                             }},
                            {fmt::format("ingest/diplo_read_jsonl/{}", label),
                             [&](benchmark::State& st) {
                               st.PauseTiming();
                               read_back = {};  // the previous run's document is freed outside the clock
                               st.ResumeTiming();
                               read_back = diplo::io::read_jsonl(std::string_view(text.data(), text.size()),
                                                                 "world.jsonl", big_world_limits);
                               benchmark::DoNotOptimize(read_back.events.data());
                             }}},
                           iterations);
    res.simdjson_s = secs[fmt::format("ingest/simdjson_dom_parse_many/{}", label)];
    res.read_jsonl_s = secs[fmt::format("ingest/diplo_read_jsonl/{}", label)];
  }
  malloc_trim(0);
  if (res.read_jsonl_s > 0) {
    fmt::print(stderr, "   ingest of {}: diplo {:.2f} s, simdjson {:.2f} s\n",
               human_bytes(static_cast<double>(res.jsonl_bytes)), res.read_jsonl_s, res.simdjson_s);
    end_phase("ingest");
  }

  // The baselines, one at a time. Each loads a flattened copy of the world (their common
  // ETL step, done once from the document read back or generated again, and added to each
  // engine's load time); the document is freed first, so that at 10^7 events no engine's
  // memory comes on top of it.
  std::optional<diplo::bench::detail::flat_world> flat;
  double flatten_s = 0;
  for (const std::string& name : c.engines) {
    if (!fits(c, prev, name, n, res)) continue;
    phase_start = clock_type::now();
    if (!flat) {
      if (read_back.events.empty() && n > 0) read_back = diplo::synthetic::generate(opt);
      t0 = clock_type::now();
      flat = diplo::bench::detail::flatten(read_back, true);
      flatten_s = seconds_since(t0);
      read_back = {};
      malloc_trim(0);
    }
    diplo::bench::detail::flat_world w = *flat;  // outside the clock: the flattening is timed once
    const std::size_t before = heap_in_use();
    t0 = clock_type::now();
    std::unique_ptr<engine> e;
    if (name == "sqlite-normalised")
      e = diplo::bench::make_sqlite(std::move(w), diplo::bench::sqlite_schema::normalised);
    if (name == "sqlite-clustered")
      e = diplo::bench::make_sqlite(std::move(w), diplo::bench::sqlite_schema::clustered);
    if (name == "sqlite-pairs")
      e = diplo::bench::make_sqlite(std::move(w), diplo::bench::sqlite_schema::pairs);
    if (name == "scan") e = diplo::bench::make_scan(std::move(w));
    if (name == "pair-hash") e = diplo::bench::make_pair_hash(std::move(w));
    if (!e) {
      fmt::print(stderr, "suite: unknown engine {}\n", name);
      std::exit(2);
    }
    const double load = flatten_s + seconds_since(t0);
    std::size_t bytes = e->memory_bytes();
    if (bytes == 0) bytes = heap_in_use() - before;
    res.loads[name] = {load, bytes};
    res.cells[name] = run_questions(*e, q, c, nullptr, &reference);
    std::size_t bad = 0;
    for (const auto& [qn, cl] : res.cells[name]) bad += cl.mismatches;
    res.mismatches += bad;
    fmt::print(stderr, "   {}: load {:.2f} s, {}{}\n", name, load, human_bytes(static_cast<double>(bytes)),
               bad ? fmt::format(", {} MISMATCHES", bad) : "");
    e.reset();
    malloc_trim(0);
    end_phase(name);
  }
  res.wall_s = seconds_since(wall0);
  return res;
}

// --- output -------------------------------------------------------------------------------

auto json_string(std::string_view s) -> std::string {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (static_cast<unsigned char>(ch) < 0x20) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(ch));
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

auto best_sqlite(const size_result& r, std::string_view question)
    -> std::optional<std::pair<std::string, double>> {
  std::optional<std::pair<std::string, double>> best;
  for (const auto& [name, qs] : r.cells) {
    if (name.rfind("sqlite-", 0) != 0) continue;
    const cell& cl = qs.at(std::string(question));
    if (cl.samples == 0) continue;
    if (!best || cl.median < best->second) best = std::pair{name, cl.median};
  }
  return best;
}

auto ratio(double engine_ns, double diplo_ns) -> double { return diplo_ns > 0 ? engine_ns / diplo_ns : 0; }

/// A JSON number, or null for what was not measured (0 s, infinities).
auto jnum(double x, int decimals = 3) -> std::string {
  if (!std::isfinite(x) || x == 0) return "null";
  return fmt::format("{:.{}f}", x, decimals);
}
auto per(double a, double b) -> double { return b > 0 ? a / b : 0; }

auto to_json(const config& c, const machine& m, const std::vector<size_result>& rs, std::size_t peak,
             double wall) -> std::string {
  std::string s = "{\n";
  s += fmt::format(
      "  \"machine\": {{\"cpu\": {}, \"cores\": {}, \"ram_bytes\": {}, \"os\": {}, \"compiler\": {}, "
      "\"build_type\": {}, \"date\": {}}},\n",
      json_string(m.cpu), m.cores, m.ram, json_string(m.os), json_string(m.compiler),
      json_string(m.build_type), json_string(m.date));
  s += fmt::format(
      "  \"run\": {{\"quick\": {}, \"seed\": {}, \"samples_per_question\": {}, \"budget_s_per_cell\": {}, "
      "\"contacts_top\": {}, \"peak_rss_bytes\": {}, \"wall_s\": {:.1f}}},\n",
      c.quick, c.seed, c.samples, c.budget, contacts_top, peak, wall);
  s += "  \"sizes\": [\n";
  for (std::size_t k = 0; k < rs.size(); ++k) {
    const size_result& r = rs[k];
    const double n = static_cast<double>(r.events);
    s += fmt::format(
        "    {{\"events\": {}, \"actors\": {}, \"generate_s\": {:.3f}, \"wall_s\": {:.1f}, "
        "\"peak_rss_bytes\": {}, \"mismatches\": {},\n",
        r.events, r.actors, r.generate_s, r.wall_s, r.peak_rss, r.mismatches);
    s += "     \"skipped\": [";
    for (std::size_t i = 0; i < r.skipped.size(); ++i) s += (i ? ", " : "") + json_string(r.skipped[i]);
    s += "], \"phase_peak_rss_bytes\": {";
    {
      bool f = true;
      for (const auto& [phase, b] : r.phase_peak) {
        s += fmt::format("{}{}: {}", f ? "" : ", ", json_string(phase), b);
        f = false;
      }
    }
    s += "}";
    if (r.cells.count("diplo") == 0) {
      s += k + 1 < rs.size() ? "},\n" : "}\n";
      continue;
    }
    s += ",\n";
    s += fmt::format("     \"build\": {{\"seconds\": {:.3f}, \"events_per_s\": {}}},\n", r.build_s,
                     jnum(per(n, r.build_s), 0));
    s += fmt::format(
        "     \"snapshot\": {{\"bytes\": {}, \"write_s\": {:.3f}, \"open_s\": {:.4f}, "
        "\"first_answer_s\": {:.6f}}},\n",
        r.snapshot_bytes, r.snapshot_write_s, r.snapshot_open_s, r.snapshot_first_s);
    const double mb = static_cast<double>(r.jsonl_bytes) / 1e6;
    s += fmt::format(
        "     \"ingest\": {{\"jsonl_bytes\": {}, \"write_s\": {:.3f},\n"
        "       \"diplo_read_jsonl\": {{\"seconds\": {}, \"events_per_s\": {}, \"mb_per_s\": {}}},\n"
        "       \"simdjson_dom_parse_many\": {{\"seconds\": {}, \"events_per_s\": {}, \"mb_per_s\": {}}},\n"
        "       \"diplo_share_of_simdjson\": {},\n       \"engine_load\": {{",
        r.jsonl_bytes, r.write_s, jnum(r.read_jsonl_s), jnum(per(n, r.read_jsonl_s), 0),
        jnum(per(mb, r.read_jsonl_s), 1), jnum(r.simdjson_s), jnum(per(n, r.simdjson_s), 0),
        jnum(per(mb, r.simdjson_s), 1), jnum(per(r.simdjson_s, r.read_jsonl_s)));
    bool first = true;
    for (const auto& [name, l] : r.loads) {
      s += fmt::format("{}{}: {{\"seconds\": {:.3f}, \"events_per_s\": {}}}", first ? "" : ", ",
                       json_string(name), l.seconds, jnum(per(n, l.seconds), 0));
      first = false;
    }
    s += "}},\n";
    s += fmt::format(
        "     \"memory\": {{\"diplo\": {{\"bytes\": {}, \"bytes_per_event\": {:.1f}, "
        "\"breakdown_bytes_per_event\": "
        "{{\"event_records\": {:.1f}, \"event_lists\": {:.1f}, \"strings\": {:.1f}, \"indexes\": {:.1f}, "
        "\"actors\": {:.1f}, "
        "\"warnings\": {:.1f}}}, \"without_strings_bytes_per_event\": {:.1f}, \"warnings\": {}}}",
        r.timeline_bytes, static_cast<double>(r.timeline_bytes) / n,
        static_cast<double>(r.stored.records) / n, static_cast<double>(r.stored.lists) / n,
        static_cast<double>(r.stored.strings) / n, static_cast<double>(r.index_bytes) / n,
        static_cast<double>(r.actor_bytes) / n, static_cast<double>(r.warning_bytes) / n,
        static_cast<double>(r.timeline_bytes - r.stored.strings) / n, r.warnings);
    for (const auto& [name, l] : r.loads) {
      s += fmt::format(", {}: {{\"bytes\": {}, \"bytes_per_event\": {:.1f}}}", json_string(name), l.bytes,
                       static_cast<double>(l.bytes) / n);
    }
    s += "},\n     \"queries\": {\n";
    for (std::size_t qi = 0; qi < question_names.size(); ++qi) {
      const std::string qn(question_names[qi]);
      const double d = r.cells.at("diplo").at(qn).median;
      s += fmt::format("       {}: {{", json_string(qn));
      bool f2 = true;
      for (const auto& [name, qs] : r.cells) {
        const cell& cl = qs.at(qn);
        s += fmt::format(
            "{}{}: {{\"median_ns\": {:.1f}, \"p99_ns\": {:.1f}, \"mean_ns\": {:.1f}, \"max_ns\": {:.1f}, "
            "\"samples\": {}, \"capped\": {}, \"mismatches\": {}, \"ratio_to_diplo\": {:.2f}}}",
            f2 ? "" : ",\n         ", json_string(name), cl.median, cl.p99, cl.mean, cl.max, cl.samples,
            cl.capped, cl.mismatches, ratio(cl.median, d));
        f2 = false;
      }
      if (auto b = best_sqlite(r, qn)) {
        s += fmt::format(",\n         \"best_sqlite\": {}, \"diplo_vs_best_sqlite\": {:.2f}",
                         json_string(b->first), ratio(b->second, d));
      }
      for (const char* other : {"scan", "pair-hash"}) {
        if (auto it = r.cells.find(other); it != r.cells.end() && it->second.at(qn).samples > 0) {
          s += fmt::format(", \"diplo_vs_{}\": {:.2f}", other[0] == 's' ? "scan" : "pair_hash",
                           ratio(it->second.at(qn).median, d));
        }
      }
      s += qi + 1 < question_names.size() ? "},\n" : "}\n";
    }
    s += "     }}";
    s += k + 1 < rs.size() ? ",\n" : "\n";
  }
  s += "  ]\n}\n";
  return s;
}

void print_table(const machine& m, const std::vector<size_result>& rs, std::size_t peak, double wall) {
  fmt::print("\n{} ({} cores, {} RAM), {}, {} build; peak RSS {}, wall {:.0f} s\n", m.cpu, m.cores,
             human_bytes(static_cast<double>(m.ram)), m.compiler.substr(0, m.compiler.find(' ', 6)),
             m.build_type, human_bytes(static_cast<double>(peak)), wall);
  for (const size_result& r : rs) {
    const double n = static_cast<double>(r.events);
    if (r.cells.count("diplo") == 0) {
      fmt::print("\n{} events: skipped\n", size_label(r.events));
      for (const auto& why : r.skipped) fmt::print("  {}\n", why);
      continue;
    }
    fmt::print("\n{} events ({} actors), median / p99 per call; ratio = engine median / diplo median\n",
               size_label(r.events), r.actors);
    for (const auto& why : r.skipped) fmt::print("  skipped {}\n", why);
    std::vector<std::string> engines;
    for (const auto& [name, qs] : r.cells) {
      if (name != "diplo") engines.push_back(name);
    }
    auto short_name = [](const std::string& e) {
      return e.rfind("sqlite-", 0) == 0 ? "sql-" + e.substr(7, 5) : e;
    };
    fmt::print("  {:<13}{:>20}{:>12}", "question", "diplo med / p99", "vs best SQL");
    for (const auto& e : engines) fmt::print("{:>24}", short_name(e) + " med (×)");
    fmt::print("\n");
    for (auto qv : question_names) {
      const std::string qn(qv);
      const cell& d = r.cells.at("diplo").at(qn);
      auto b = best_sqlite(r, qn);
      fmt::print("  {:<13}{:>20}{:>12}", qn, fmt::format("{} / {}", human_ns(d.median), human_ns(d.p99)),
                 b ? fmt::format("{:.1f}×", ratio(b->second, d.median)) : "-");
      for (const auto& e : engines) {
        const cell& cl = r.cells.at(e).at(qn);
        fmt::print("{:>24}", fmt::format("{} ({:.1f}×){}", human_ns(cl.median), ratio(cl.median, d.median),
                                         cl.capped ? "*" : " "));
      }
      fmt::print("\n");
    }
    fmt::print("  p99: ");
    for (auto qv : question_names) {
      const std::string qn(qv);
      std::string line;
      for (const auto& [name, qs] : r.cells)
        line += fmt::format(" {} {};", short_name(name), human_ns(qs.at(qn).p99));
      fmt::print("{}{}:{}\n", qv == question_names[0] ? "" : "       ", qn, line);
    }
    fmt::print("  build {:.2f} s ({:.0f}k events/s); JSONL {} ", r.build_s, per(n, r.build_s) / 1e3,
               human_bytes(static_cast<double>(r.jsonl_bytes)));
    if (r.read_jsonl_s > 0) {
      fmt::print(
          "read by diplo in {:.2f} s ({:.0f}k events/s, {:.0f} MB/s), simdjson {:.2f} s ({:.0f} MB/s): "
          "diplo at {:.0f}% of simdjson\n",
          r.read_jsonl_s, per(n, r.read_jsonl_s) / 1e3,
          per(static_cast<double>(r.jsonl_bytes) / 1e6, r.read_jsonl_s), r.simdjson_s,
          per(static_cast<double>(r.jsonl_bytes) / 1e6, r.simdjson_s),
          100 * per(r.simdjson_s, r.read_jsonl_s));
    } else {
      fmt::print("(ingest skipped)\n");
    }
    fmt::print(
        "  snapshot: {} ({:.0f} B/event), written in {:.2f} s, opened in {:.1f} ms, first answer in {:.1f} "
        "µs\n",
        human_bytes(static_cast<double>(r.snapshot_bytes)), static_cast<double>(r.snapshot_bytes) / n,
        r.snapshot_write_s, r.snapshot_open_s * 1e3, r.snapshot_first_s * 1e6);
    fmt::print(
        "  memory: diplo {:.0f} B/event, {:.0f} without strings (event records {:.0f}, their lists {:.0f}, "
        "strings {:.0f}, indexes {:.0f}, actors+warnings {:.0f})",
        static_cast<double>(r.timeline_bytes) / n,
        static_cast<double>(r.timeline_bytes - r.stored.strings) / n,
        static_cast<double>(r.stored.records) / n, static_cast<double>(r.stored.lists) / n,
        static_cast<double>(r.stored.strings) / n, static_cast<double>(r.index_bytes) / n,
        static_cast<double>(r.actor_bytes + r.warning_bytes) / n);
    for (const auto& [name, l] : r.loads) fmt::print("; {} {:.0f}", name, static_cast<double>(l.bytes) / n);
    fmt::print("\n  load: ");
    for (const auto& [name, l] : r.loads) fmt::print("{} {:.2f} s; ", name, l.seconds);
    fmt::print("peak RSS {}, {:.0f} s{}\n", human_bytes(static_cast<double>(r.peak_rss)), r.wall_s,
               r.mismatches ? fmt::format(", {} MISMATCHES", r.mismatches) : "");
  }
  fmt::print("  (* stopped by the time budget before all samples)\n");
}

}  // namespace

int main(int argc, char** argv) {
  const config c = parse_args(argc, argv);
  int bench_argc = 1;
  benchmark::Initialize(&bench_argc, argv);
  const machine m = machine_facts();
  const auto wall0 = clock_type::now();
  run_start = wall0;
  std::vector<size_result> results;
  std::size_t peak = 0;
  for (std::size_t n : c.sizes) {
    const size_result* prev = results.empty() ? nullptr : &results.back();
    results.push_back(run_size(c, n, prev));
    peak = std::max(peak, results.back().peak_rss);
  }
  const double wall = seconds_since(wall0);
  std::size_t mismatches = 0;
  for (const auto& r : results) mismatches += r.mismatches;
  if (!c.out.empty()) {
    std::ofstream out(c.out);
    out << to_json(c, m, results, peak, wall);
  }
  print_table(m, results, peak, wall);
  if (mismatches != 0) {
    fmt::print(stderr, "suite: {} answers differ from diplo's\n", mismatches);
    return 1;
  }
  return 0;
}
