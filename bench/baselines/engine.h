// SPDX-License-Identifier: MIT
#pragma once

// The benchmark's engines: one interface, several ways of answering the five questions.
//
// diplo's benchmark suite (issue 5) measures diplo against what its users would do
// without it: put the events into SQLite and write SQL (three schemas, each with the
// indexes a competent engineer would add), scan a vector of compact event records, or
// hash every pair of participants. Each of those is an `engine`; so is diplo itself
// (`make_diplo`, in bench/). The harness asks every engine the same questions with the
// same parameters, checks the answers are equal, and times them.
//
// Actors are numbered by each engine (`actor()`, called outside the timed region), so no
// engine pays for string lookups the others do not. The baselines number them in registry
// order (the order of `doc.actors`, as diplo's timeline index does), so the actor numbers
// in `contacts()` answers compare directly across engines. Days are days since 1970-01-01
// (`date::sys_days{}.time_since_epoch().count()`). `where()` lists the empty country code
// too when an event placing the actor has no country.
//
// The semantics are diplo's (include/diplo/query.h): only occurred, in-person events
// count as meetings (default meet_options); partial dates count by their earliest and
// latest possible days as diplo counts them; the events two actors attended together
// are grouped into encounters (talks inside a summit both attended are one occasion);
// the events of one stay in a country make one trip. Where that needs C++ after the SQL,
// the baselines do it as an SQL user would, inside the timed call.

// SIZES (helper "baselines", measured with bench/baselines/measure.cpp, Release, this 2-core
// machine under load from other builds, so CPU seconds are quoted): at 1e6 synthetic events
// (4.06 participants per event, ~31 pair rows per event with summits of 5-40 exploded) the
// loads take, in CPU seconds and bytes per event (memory_bytes):
//
//   scan               3.4 s     85 B/event     (flattening alone: the ETL step of every engine)
//   pair-hash          6.0 s    411 B/event
//   sqlite-normalised 14.1 s    226 B/event     (8.2 s of it CREATE INDEX)
//   sqlite-clustered  13.2 s    408 B/event
//   sqlite-pairs      26.9 s   1003 B/event     (13.4 s inserting 3.1e7 pair rows, 2.3M rows/s)
//
// Extrapolated to 1e7 (x10, x1.15 for deeper b-trees): normalised and clustered ~2.5 min and
// 2.3 / 4.1 GB, pair-hash ~70 s and 4.1 GB, scan ~40 s and 0.85 GB: feasible. sqlite-pairs is
// NOT feasible at 1e7 on this machine: ~3.1e8 rows, ~5 min to load (over the 3-minute budget)
// and ~10 GB of SQLite pages, beside a ~10 GB io::document. Run it at 1e5 and 1e6 only.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "diplo/country.h"
#include "diplo/id.h"
#include "diplo/io/document.h"

namespace diplo::bench {

/// Days since 1970-01-01.
using day = std::int32_t;

/// The random parameters of the benchmark and of the agreement check: splitmix64, the
/// same sequence on every compiler and standard library.
struct rng {
  std::uint64_t s;
  auto next() -> std::uint64_t {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31U);
  }
  auto below(std::size_t n) -> std::size_t { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
  auto between(day lo, day hi) -> day {  // inclusive
    return hi <= lo ? lo : lo + static_cast<day>(below(static_cast<std::size_t>(hi - lo + 1)));
  }
};

/// One entry of a contacts ranking: the counterpart (engine's actor number) and the
/// number of encounters.
struct contact_count {
  std::uint32_t actor;
  std::uint32_t count;
  friend bool operator==(const contact_count&, const contact_count&) = default;
};

/// The SQLite schemas (see bench/baselines/sqlite.h).
enum class sqlite_schema { normalised, clustered, pairs };

/// One way of answering the five benchmark questions over one io::document. Actor numbers
/// come from actor(), called outside the timed region. Every answer must equal diplo's
/// (the harness checks it).
class engine {
 public:
  virtual ~engine() = default;
  /// "sqlite-normalised", "sqlite-clustered", "sqlite-pairs", "scan", "pair-hash", "diplo".
  virtual auto name() const -> std::string_view = 0;
  /// The engine's number for an actor of the document.
  virtual auto actor(const actor_id&) const -> std::uint32_t = 0;
  /// Earliest-start day of the latest shared event starting before `before` (diplo::last_meeting
  /// with meet_options{.before = before}: the encounter's .event), nullopt if none.
  virtual auto last_meeting(std::uint32_t a, std::uint32_t b, day before) -> std::optional<day> = 0;
  /// Number of encounters diplo::meetings(a, b, {.after = from, .before = to}) returns.
  virtual auto meetings(std::uint32_t a, std::uint32_t b, day from, day to) -> std::size_t = 0;
  /// diplo::count_visits({.guest = a, .host_country = c, .from = from, .to = to}) (to inclusive,
  /// as visit_filter; an empty `c` counts trips to every country, as diplo does): the number of
  /// trips diplo::visits() forms with that filter (trip_period with partial dates included).
  virtual auto trips(std::uint32_t a, country_code c, day from, day to) -> std::size_t = 0;
  /// The countries of diplo::where(a, d) (sorted, unique).
  virtual auto where(std::uint32_t a, day d) -> std::vector<country_code> = 0;
  /// diplo::contacts(a, {}) ranked as diplo ranks them, first `top` entries (actor numbers, counts).
  virtual auto contacts(std::uint32_t a, std::size_t top) -> std::vector<contact_count> = 0;
  /// Bytes the engine holds for the data (sqlite3_memory_used() for SQLite; container
  /// capacities otherwise).
  virtual auto memory_bytes() const -> std::size_t = 0;
};

/// An in-memory SQLite database of the document in `schema`, bulk-inserted in one transaction.
auto make_sqlite(const io::document&, sqlite_schema) -> std::unique_ptr<engine>;
/// A naive linear scan over compact event records.
auto make_scan(const io::document&) -> std::unique_ptr<engine>;
/// Every pair of participants (summits exploded) -> sorted (day, event); binary search.
auto make_pair_hash(const io::document&) -> std::unique_ptr<engine>;

}  // namespace diplo::bench
