// SPDX-License-Identifier: MIT
#include "sqlite.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "flat.h"

namespace diplo::bench {
namespace {

using detail::flat_world;
using detail::none;

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
  throw std::runtime_error(
      fmt::format("sqlite baseline: {}: {}", what, db ? sqlite3_errmsg(db) : "out of memory"));
}

/// A prepared statement, prepared once; start() resets it for the next call.
class statement {
 public:
  statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s_, nullptr) != SQLITE_OK) {
      fail(db, fmt::format("preparing \"{}\"", sql));
    }
  }
  statement(const statement&) = delete;
  auto operator=(const statement&) -> statement& = delete;
  ~statement() { sqlite3_finalize(s_); }

  auto start() -> statement& {
    sqlite3_reset(s_);
    return *this;
  }
  auto bind(int i, std::int64_t v) -> statement& {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  auto bind_null(int i) -> statement& {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  /// Binds text that outlives the statement's use (static storage or the caller's string).
  auto bind(int i, std::string_view v) -> statement& {
    sqlite3_bind_text(s_, i, v.data() != nullptr ? v.data() : "", static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
  }
  /// True with a row, false when done.
  auto step() -> bool {
    const int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, "step");
  }
  /// Steps an INSERT.
  void run() {
    if (step()) fail(db_, "an insert returned a row");
  }
  auto raw() const noexcept -> sqlite3_stmt* { return s_; }
  auto is_null(int col) const -> bool { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  auto i64(int col) const -> std::int64_t { return sqlite3_column_int64(s_, col); }
  auto i32(int col) const -> day { return static_cast<day>(sqlite3_column_int64(s_, col)); }
  auto u32_or_none(int col) const -> std::uint32_t {
    return sqlite3_column_type(s_, col) == SQLITE_NULL
               ? none
               : static_cast<std::uint32_t>(sqlite3_column_int64(s_, col));
  }
  auto country(int col) const -> country_code {
    const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(s_, col));
    if (t == nullptr) return {};
    return country_code::try_parse(
               std::string_view(t, static_cast<std::size_t>(sqlite3_column_bytes(s_, col))))
        .value_or(country_code{});
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_ = nullptr;
};

/// Bulk insertion through one prepared multi-row INSERT ("VALUES (...), (...), ..." with
/// `batch` rows: the per-statement cost of the VDBE is paid once per batch), and a one-row
/// INSERT for the rest. row(), bind()s (1-based within the row), end_row(); finish() at the end.
class inserter {
 public:
  inserter(sqlite3* db, std::string_view table, int columns, int batch = 64)
      : columns_(columns),
        batch_(batch),
        values_(static_cast<std::size_t>(columns * batch)),
        full_(db, sql(table, columns, batch).c_str()),
        one_(db, sql(table, columns, 1).c_str()) {}
  auto row() -> inserter& { return *this; }
  auto bind(int col, std::int64_t v) -> inserter& {
    at(col) = {kind::integer, v, {}};
    return *this;
  }
  auto bind(int col, std::string_view v) -> inserter& {
    at(col) = {kind::text, 0, v};
    return *this;
  }
  auto bind_null(int col) -> inserter& {
    at(col) = {kind::null, 0, {}};
    return *this;
  }
  void end_row() {
    if (++rows_ < batch_) return;
    put(full_.start(), rows_);
    full_.run();
    rows_ = 0;
  }
  void finish() {
    const int rows = rows_;
    for (int r = 0; r < rows; ++r) {
      for (int c = 0; c < columns_; ++c)
        values_[static_cast<std::size_t>(c)] = values_[static_cast<std::size_t>(r * columns_ + c)];
      put(one_.start(), 1);
      one_.run();
    }
    rows_ = 0;
  }

 private:
  enum class kind : std::uint8_t { null, integer, text };
  struct value {
    kind k = kind::null;
    std::int64_t i = 0;
    std::string_view t;
  };
  int columns_;
  int batch_;
  int rows_ = 0;
  std::vector<value> values_;
  statement full_;
  statement one_;

  static auto sql(std::string_view table, int columns, int rows) -> std::string {
    std::string s = fmt::format("INSERT INTO {} VALUES ", table);
    for (int r = 0; r < rows; ++r) {
      s += r == 0 ? "(" : ", (";
      for (int c = 0; c < columns; ++c) s += c == 0 ? "?" : ", ?";
      s += ")";
    }
    return s;
  }
  auto at(int col) -> value& { return values_[static_cast<std::size_t>(rows_ * columns_ + col - 1)]; }
  void put(statement& s, int rows) {
    for (int k = 0; k < rows * columns_; ++k) {
      const value& v = values_[static_cast<std::size_t>(k)];
      if (v.k == kind::integer) {
        s.bind(k + 1, v.i);
      } else if (v.k == kind::text) {
        s.bind(k + 1, v.t);
      } else {
        s.bind_null(k + 1);
      }
    }
  }
};

void exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "?";
    sqlite3_free(err);
    throw std::runtime_error(fmt::format("sqlite baseline: \"{}\": {}", sql, msg));
  }
}

// The SQL of each question, per schema (see sqlite.h). ?1 = a, ?2 = b (pairs: lo, hi),
// ?3, ?4 = the days. The first event number whose earliest start is >= D is
// "(SELECT id FROM events WHERE es >= D ORDER BY es LIMIT 1)" on index events(es).
#define DIPLO_FIRST_AT(D) "ifnull((SELECT id FROM events WHERE es >= " D " ORDER BY es LIMIT 1), 1 << 62)"

constexpr const char* schema_base =
    "CREATE TABLE events(id INTEGER PRIMARY KEY, uid TEXT NOT NULL, kind INTEGER NOT NULL,"
    " status INTEGER NOT NULL, mode INTEGER NOT NULL, counts INTEGER NOT NULL, es INTEGER NOT NULL,"
    " ls INTEGER NOT NULL, le INTEGER NOT NULL, country TEXT NOT NULL, city TEXT NOT NULL,"
    " parent INTEGER, depth INTEGER NOT NULL, exact INTEGER NOT NULL, start_hi INTEGER,"
    " end_ok INTEGER NOT NULL);"
    "CREATE TABLE actors(id INTEGER PRIMARY KEY, slug TEXT NOT NULL, name TEXT NOT NULL,"
    " max_span INTEGER NOT NULL);";
constexpr const char* schema_participants =
    "CREATE TABLE participants(event INTEGER NOT NULL, actor INTEGER NOT NULL, role INTEGER NOT NULL,"
    " home TEXT NOT NULL, PRIMARY KEY(event, actor)) WITHOUT ROWID;";
constexpr const char* schema_cp =
    "CREATE TABLE cp(actor INTEGER NOT NULL, es INTEGER NOT NULL, event INTEGER NOT NULL,"
    " ls INTEGER NOT NULL, le INTEGER NOT NULL, counts INTEGER NOT NULL, role INTEGER NOT NULL,"
    " home TEXT NOT NULL, country TEXT NOT NULL, parent INTEGER, exact INTEGER NOT NULL,"
    " start_hi INTEGER, end_ok INTEGER NOT NULL, PRIMARY KEY(actor, es, event)) WITHOUT ROWID;";
constexpr const char* schema_pairs =
    "CREATE TABLE pairs(lo INTEGER NOT NULL, hi INTEGER NOT NULL, es INTEGER NOT NULL,"
    " event INTEGER NOT NULL, ls INTEGER NOT NULL, parent INTEGER,"
    " PRIMARY KEY(lo, hi, es, event)) WITHOUT ROWID;";
constexpr const char* index_base =
    "CREATE INDEX events_es ON events(es); CREATE INDEX events_parent ON events(parent);";
constexpr const char* index_participants = "CREATE INDEX participants_actor ON participants(actor, event);";
constexpr const char* index_cp =
    "CREATE INDEX cp_event ON cp(event); CREATE INDEX cp_country ON cp(actor, country);";

constexpr const char* q_event = "SELECT parent, kind, depth, es, ls, counts FROM events WHERE id = ?1";
constexpr const char* q_children = "SELECT id FROM events WHERE parent = ?1";

constexpr const char* n_last =
    "SELECT pa.event FROM participants pa JOIN events e ON e.id = pa.event"
    " WHERE pa.actor = ?1 AND pa.event < " DIPLO_FIRST_AT("?3") " AND e.counts AND e.ls < ?3"
    " AND EXISTS (SELECT 1 FROM participants pb WHERE pb.event = pa.event AND pb.actor = ?2)"
    " ORDER BY pa.event DESC LIMIT 1";
constexpr const char* n_meetings =
    "SELECT pa.event, e.parent FROM participants pa JOIN events e ON e.id = pa.event"
    " WHERE pa.actor = ?1 AND pa.event >= " DIPLO_FIRST_AT("?3") " AND pa.event < " DIPLO_FIRST_AT("?4")
    " AND e.counts AND e.ls < ?4"
    " AND EXISTS (SELECT 1 FROM participants pb WHERE pb.event = pa.event AND pb.actor = ?2)"
    " ORDER BY pa.event";
constexpr const char* n_both = "SELECT count(*) FROM participants WHERE event = ?1 AND actor IN (?2, ?3)";
constexpr const char* n_where =
    "SELECT DISTINCT e.country FROM participants p JOIN events e ON e.id = p.event"
    " WHERE p.actor = ?1"
    " AND p.event >= " DIPLO_FIRST_AT("?2 - (SELECT max_span FROM actors WHERE id = ?1)")
    " AND p.event < " DIPLO_FIRST_AT("?2 + 1") " AND e.le > ?2 AND e.counts";
constexpr const char* n_trips =
    "SELECT e.id, e.parent, e.es, e.ls, e.le, e.start_hi, e.exact, e.end_ok, e.country"
    " FROM participants p JOIN events e ON e.id = p.event"
    " WHERE p.actor = ?1 AND e.country = ?2 AND e.counts AND p.role != 1 AND p.home != ?2"
    " ORDER BY p.event";
constexpr const char* n_trips_any =
    "SELECT e.id, e.parent, e.es, e.ls, e.le, e.start_hi, e.exact, e.end_ok, e.country"
    " FROM participants p JOIN events e ON e.id = p.event"
    " WHERE p.actor = ?1 AND e.country != '' AND e.counts AND p.role != 1 AND p.home != e.country"
    " ORDER BY p.event";
constexpr const char* n_contacts =
    "SELECT x.event, e.parent, y.actor FROM participants x JOIN events e ON e.id = x.event"
    " JOIN participants y ON y.event = x.event"
    " WHERE x.actor = ?1 AND e.counts AND y.actor != ?1 ORDER BY x.event";

constexpr const char* c_last =
    "SELECT x.event FROM cp x WHERE x.actor = ?1 AND x.es < ?3 AND x.ls < ?3 AND x.counts"
    " AND EXISTS (SELECT 1 FROM cp y WHERE y.actor = ?2 AND y.es = x.es AND y.event = x.event)"
    " ORDER BY x.es DESC, x.event DESC LIMIT 1";
constexpr const char* c_meetings =
    "SELECT x.event, x.parent FROM cp x WHERE x.actor = ?1 AND x.es >= ?3 AND x.es < ?4"
    " AND x.ls < ?4 AND x.counts"
    " AND EXISTS (SELECT 1 FROM cp y WHERE y.actor = ?2 AND y.es = x.es AND y.event = x.event)"
    " ORDER BY x.es, x.event";
constexpr const char* c_both = "SELECT count(*) FROM cp WHERE actor IN (?2, ?3) AND es = ?4 AND event = ?1";
constexpr const char* c_where =
    "SELECT DISTINCT country FROM cp WHERE actor = ?1"
    " AND es >= ?2 - (SELECT max_span FROM actors WHERE id = ?1) AND es <= ?2 AND le > ?2 AND counts";
constexpr const char* c_trips =
    "SELECT event, parent, es, ls, le, start_hi, exact, end_ok, country FROM cp INDEXED BY cp_country"
    " WHERE actor = ?1 AND country = ?2 AND counts AND role != 1 AND home != ?2 ORDER BY es, event";
constexpr const char* c_trips_any =
    "SELECT event, parent, es, ls, le, start_hi, exact, end_ok, country FROM cp"
    " WHERE actor = ?1 AND country != '' AND counts AND role != 1 AND home != country ORDER BY es, event";
constexpr const char* c_contacts =
    "SELECT x.event, x.parent, y.actor FROM cp x JOIN cp y ON y.event = x.event"
    " WHERE x.actor = ?1 AND x.counts AND y.actor != ?1 ORDER BY x.es, x.event";

constexpr const char* p_last =
    "SELECT event FROM pairs WHERE lo = ?1 AND hi = ?2 AND es < ?3 AND ls < ?3"
    " ORDER BY es DESC, event DESC LIMIT 1";
constexpr const char* p_meetings =
    "SELECT event, parent FROM pairs WHERE lo = ?1 AND hi = ?2 AND es >= ?3 AND es < ?4 AND ls < ?4"
    " ORDER BY es, event";
constexpr const char* p_both =
    "SELECT count(*) FROM pairs WHERE lo = ?2 AND hi = ?3 AND es = ?4 AND event = ?1";

#undef DIPLO_FIRST_AT

auto text_of(country_code c) -> std::string_view { return c.alpha2(); }

struct db_handle {
  sqlite3* db = nullptr;
  db_handle() {
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
      fail(db, "opening an in-memory database");
    }
  }
  db_handle(const db_handle&) = delete;
  auto operator=(const db_handle&) -> db_handle& = delete;
  ~db_handle() { sqlite3_close_v2(db); }
};

class sqlite_engine final : public engine {
 public:
  sqlite_engine(flat_world w, sqlite_schema schema) : schema_(schema) {
    const auto before = sqlite3_memory_used();
    db_ = std::make_unique<db_handle>();
    sqlite3* db = db_->db;
    exec(db,
         "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY;"
         " PRAGMA cache_size = -16000000;");
    {
      load(db, w);
      actor_number_ = std::move(w.actor_number);
      name_rank_ = std::move(w.name_rank);
    }
    const bool p = schema == sqlite_schema::pairs;
    const bool c = schema == sqlite_schema::clustered;
    event_ = std::make_unique<statement>(db, q_event);
    children_ = std::make_unique<statement>(db, q_children);
    last_ = std::make_unique<statement>(db, p ? p_last : c ? c_last : n_last);
    meetings_ = std::make_unique<statement>(db, p ? p_meetings : c ? c_meetings : n_meetings);
    both_ = std::make_unique<statement>(db, p ? p_both : c ? c_both : n_both);
    where_ = std::make_unique<statement>(db, c ? c_where : n_where);
    trips_ = std::make_unique<statement>(db, c ? c_trips : n_trips);
    trips_any_ = std::make_unique<statement>(db, c ? c_trips_any : n_trips_any);
    contacts_ = std::make_unique<statement>(db, c ? c_contacts : n_contacts);
    memory_ = static_cast<std::size_t>(sqlite3_memory_used() - before);
    if (std::getenv("DIPLO_BASELINES_PLANS") != nullptr) print_plans(db, p, c);
  }

  auto name() const -> std::string_view override {
    switch (schema_) {
      case sqlite_schema::normalised: return "sqlite-normalised";
      case sqlite_schema::clustered: return "sqlite-clustered";
      case sqlite_schema::pairs: return "sqlite-pairs";
    }
    return "sqlite";
  }

  auto actor(const actor_id& id) const -> std::uint32_t override { return actor_number_.at(id.value()); }

  auto last_meeting(std::uint32_t a, std::uint32_t b, day before) -> std::optional<day> override {
    if (a == b) return std::nullopt;
    bind_pair(*last_, a, b).bind(3, before);
    if (!last_->step()) return std::nullopt;
    const auto best = static_cast<std::uint32_t>(last_->i64(0));
    source src{*this, a, b, detail::no_day, before};
    return detail::encounter_day(src, best);
  }

  auto meetings(std::uint32_t a, std::uint32_t b, day from, day to) -> std::size_t override {
    if (a == b) return 0;
    bind_pair(*meetings_, a, b).bind(3, from).bind(4, to);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> shared;
    while (meetings_->step())
      shared.emplace_back(static_cast<std::uint32_t>(meetings_->i64(0)), meetings_->u32_or_none(1));
    return detail::count_encounters(shared, [&](std::uint32_t e) { return info(e).parent; });
  }

  auto trips(std::uint32_t a, country_code c, day from, day to) -> std::size_t override {
    // An empty country: trips to every country, as diplo's visit_filter without host_country.
    statement& q =
        c.empty() ? trips_any_->start().bind(1, a) : trips_->start().bind(1, a).bind(2, text_of(c));
    std::vector<detail::trip_item> items;
    while (q.step()) {
      detail::trip_item it;
      it.event = static_cast<std::uint32_t>(q.i64(0));
      it.parent = q.u32_or_none(1);
      it.es = q.i32(2);
      it.ls = q.i32(3);
      it.le = q.i32(4);
      it.start_hi = q.is_null(5) ? detail::no_day : q.i32(5);
      it.exact = q.i64(6) != 0;
      it.end_ok = q.i64(7) != 0;
      it.country = q.country(8);
      items.push_back(it);
    }
    return detail::count_trips(items, from, to, [&](std::uint32_t e) { return info(e).parent; });
  }

  auto where(std::uint32_t a, day d) -> std::vector<country_code> override {
    where_->start().bind(1, a).bind(2, d);
    std::vector<country_code> out;
    while (where_->step()) out.push_back(where_->country(0));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  auto contacts(std::uint32_t a, std::size_t top) -> std::vector<contact_count> override {
    contacts_->start().bind(1, a);
    std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> rows;
    while (contacts_->step()) {
      rows.emplace_back(static_cast<std::uint32_t>(contacts_->i64(0)), contacts_->u32_or_none(1),
                        static_cast<std::uint32_t>(contacts_->i64(2)));
    }
    auto all = detail::contacts_from_rows(rows, [&](std::uint32_t e) { return info(e).parent; });
    return detail::rank_contacts(std::move(all), name_rank_, top);
  }

  auto memory_bytes() const -> std::size_t override { return memory_; }

 private:
  struct event_info {
    std::uint32_t parent;
    std::uint8_t kind;
    std::uint16_t depth;
    day es, ls;
    bool counts;
  };

  sqlite_schema schema_;
  std::unique_ptr<db_handle> db_;
  std::unordered_map<std::string, std::uint32_t> actor_number_;
  std::vector<std::uint32_t> name_rank_;
  std::unique_ptr<statement> event_, children_, last_, meetings_, both_, where_, trips_, trips_any_,
      contacts_;
  std::size_t memory_ = 0;

  auto bind_pair(statement& s, std::uint32_t a, std::uint32_t b) -> statement& {
    if (schema_ == sqlite_schema::pairs && a > b) std::swap(a, b);
    return s.start().bind(1, a).bind(2, b);
  }

  auto info(std::uint32_t e) -> event_info {
    statement& s = event_->start().bind(1, e);
    if (!s.step()) throw std::runtime_error(fmt::format("sqlite baseline: no event {}", e));
    return {s.u32_or_none(0),
            static_cast<std::uint8_t>(s.i64(1)),
            static_cast<std::uint16_t>(s.i64(2)),
            s.i32(3),
            s.i32(4),
            s.i64(5) != 0};
  }

  /// Both actors attended event e (pairs: e is in their pair's rows, which hold counting
  /// events only).
  auto both(std::uint32_t e, day es, std::uint32_t a, std::uint32_t b) -> bool {
    if (schema_ == sqlite_schema::pairs && a > b) std::swap(a, b);
    statement& s = both_->start().bind(1, e).bind(2, a).bind(3, b);
    if (schema_ != sqlite_schema::normalised) s.bind(4, es);
    s.step();
    return s.i64(0) == (schema_ == sqlite_schema::pairs ? 1 : 2);
  }

  struct source {
    sqlite_engine& self;
    std::uint32_t a, b;
    day after, before;
    auto parent(std::uint32_t e) -> std::uint32_t { return self.info(e).parent; }
    auto shared(std::uint32_t e) -> bool {
      const event_info i = self.info(e);
      return i.counts && i.ls < before && i.es >= after && self.both(e, i.es, a, b);
    }
    auto specificity(std::uint32_t e) -> std::pair<bool, std::uint16_t> {
      const event_info i = self.info(e);
      return {i.kind == 2, i.depth};
    }
    auto es(std::uint32_t e) -> day { return self.info(e).es; }
    template <class F>
    void children(std::uint32_t n, F&& f) {
      std::vector<std::uint32_t> found;
      statement& s = self.children_->start().bind(1, n);
      while (s.step()) found.push_back(static_cast<std::uint32_t>(s.i64(0)));
      for (auto c : found) f(c);
    }
  };

  /// DIPLO_BASELINES_PLANS=1 prints EXPLAIN QUERY PLAN of every question's statement.
  void print_plans(sqlite3* db, bool p, bool c) const {
    const std::pair<const char*, const char*> qs[] = {{"event", q_event},
                                                      {"children", q_children},
                                                      {"last_meeting", p   ? p_last
                                                                       : c ? c_last
                                                                           : n_last},
                                                      {"meetings", p   ? p_meetings
                                                                   : c ? c_meetings
                                                                       : n_meetings},
                                                      {"both", p   ? p_both
                                                               : c ? c_both
                                                                   : n_both},
                                                      {"where", c ? c_where : n_where},
                                                      {"trips", c ? c_trips : n_trips},
                                                      {"trips (any country)", c ? c_trips_any : n_trips_any},
                                                      {"contacts", c ? c_contacts : n_contacts}};
    for (const auto& [what, sql] : qs) {
      fmt::print(stderr, "[{}] {}:\n", name(), what);
      statement plan(db, fmt::format("EXPLAIN QUERY PLAN {}", sql).c_str());
      while (plan.step()) {
        const auto* detail = reinterpret_cast<const char*>(sqlite3_column_text(plan.raw(), 3));
        fmt::print(stderr, "    {}\n", detail ? detail : "");
      }
    }
  }

  // DIPLO_BASELINES_TRACE=1 prints the time of each loading step to stderr.
  const bool tracing_ = std::getenv("DIPLO_BASELINES_TRACE") != nullptr;
  std::chrono::steady_clock::time_point since_ = std::chrono::steady_clock::now();
  std::clock_t cpu_since_ = std::clock();
  void trace(std::string_view step) {
    if (!tracing_) return;
    const auto now = std::chrono::steady_clock::now();
    const std::clock_t cpu = std::clock();
    fmt::print(stderr, "  [{}] {}: {:.2f} s ({:.2f} s CPU)\n", name(), step,
               std::chrono::duration<double>(now - since_).count(),
               static_cast<double>(cpu - cpu_since_) / CLOCKS_PER_SEC);
    since_ = now;
    cpu_since_ = cpu;
  }

  void load(sqlite3* db, const flat_world& w) {
    exec(db, "BEGIN");
    exec(db, schema_base);
    const bool normal = schema_ != sqlite_schema::clustered;
    if (normal) exec(db, schema_participants);
    if (schema_ == sqlite_schema::clustered) exec(db, schema_cp);
    if (schema_ == sqlite_schema::pairs) exec(db, schema_pairs);
    const auto n = static_cast<std::uint32_t>(w.events.size());
    {
      inserter ins(db, "events", 16);
      for (std::uint32_t e = 0; e < n; ++e) {
        const auto& f = w.events[e];
        ins.row().bind(1, e).bind(2, w.event_ids[e]).bind(3, f.kind).bind(4, f.status);
        ins.bind(5, f.mode).bind(6, f.counts ? 1 : 0).bind(7, f.es).bind(8, f.ls).bind(9, f.le);
        ins.bind(10, text_of(f.country)).bind(11, w.cities[e]);
        if (f.parent == none) {
          ins.bind_null(12);
        } else {
          ins.bind(12, f.parent);
        }
        ins.bind(13, f.depth).bind(14, f.exact ? 1 : 0);
        if (f.start_hi == detail::no_day) {
          ins.bind_null(15);
        } else {
          ins.bind(15, f.start_hi);
        }
        ins.bind(16, f.end_ok ? 1 : 0);
        ins.end_row();
      }
      ins.finish();
    }
    trace("insert events");
    {
      inserter ins(db, "actors", 4);
      for (std::uint32_t a = 0; a < w.actor_ids.size(); ++a) {
        ins.row()
            .bind(1, a)
            .bind(2, w.actor_ids[a])
            .bind(3, w.actor_names[a])
            .bind(4, w.max_span[a])
            .end_row();
      }
      ins.finish();
    }
    trace("insert actors");
    if (normal) {
      inserter ins(db, "participants", 4);
      for (std::uint32_t e = 0; e < n; ++e) {
        auto [b, end] = w.participants(e);
        for (auto it = b; it != end; ++it) {
          ins.row()
              .bind(1, e)
              .bind(2, it->actor)
              .bind(3, static_cast<int>(it->what))
              .bind(4, text_of(it->home))
              .end_row();
        }
      }
      ins.finish();
    }
    if (schema_ == sqlite_schema::clustered) {
      // Rows in primary-key order (actor, es, event): per actor, events in timeline order.
      std::vector<std::uint32_t> offsets(w.actor_ids.size() + 1, 0);
      for (const auto& p : w.parts) ++offsets[p.actor + 1];
      for (std::size_t a = 0; a + 1 < offsets.size(); ++a) offsets[a + 1] += offsets[a];
      std::vector<std::pair<std::uint32_t, std::uint32_t>> rows(w.parts.size());  // (event, part index)
      std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
      for (std::uint32_t e = 0; e < n; ++e) {
        for (auto k = w.part_offsets[e]; k < w.part_offsets[e + 1]; ++k)
          rows[fill[w.parts[k].actor]++] = {e, k};
      }
      inserter ins(db, "cp", 13);
      for (const auto& [e, k] : rows) {
        const auto& f = w.events[e];
        const auto& p = w.parts[k];
        ins.row()
            .bind(1, p.actor)
            .bind(2, f.es)
            .bind(3, e)
            .bind(4, f.ls)
            .bind(5, f.le)
            .bind(6, f.counts ? 1 : 0);
        ins.bind(7, static_cast<int>(p.what)).bind(8, text_of(p.home)).bind(9, text_of(f.country));
        if (f.parent == none) {
          ins.bind_null(10);
        } else {
          ins.bind(10, f.parent);
        }
        ins.bind(11, f.exact ? 1 : 0);
        if (f.start_hi == detail::no_day) {
          ins.bind_null(12);
        } else {
          ins.bind(12, f.start_hi);
        }
        ins.bind(13, f.end_ok ? 1 : 0);
        ins.end_row();
      }
      ins.finish();
    }
    trace(normal ? "insert participants" : "insert cp");
    if (schema_ == sqlite_schema::pairs) {
      const std::size_t rows = load_pairs(db, w);
      trace(fmt::format("insert {} pair rows", rows));
    }
    exec(db, index_base);
    if (normal) exec(db, index_participants);
    if (schema_ == sqlite_schema::clustered) exec(db, index_cp);
    trace("create indexes");
    exec(db, "COMMIT");
    trace("commit");
  }

  static auto load_pairs(sqlite3* db, const flat_world& w) -> std::size_t {
    // Every pair of every counting event, sorted into primary-key order (lo, hi, es, event)
    // before inserting: events are numbered in time order, so (key, event) sorts them.
    struct row {
      std::uint64_t key;
      std::uint32_t event;
      auto operator<(const row& o) const noexcept -> bool {
        return key != o.key ? key < o.key : event < o.event;
      }
    };
    std::vector<row> rows;
    const auto n = static_cast<std::uint32_t>(w.events.size());
    for (std::uint32_t e = 0; e < n; ++e) {
      if (!w.events[e].counts) continue;
      auto [b, end] = w.participants(e);
      for (auto x = b; x != end; ++x) {
        for (auto y = x + 1; y != end; ++y) rows.push_back({(std::uint64_t{x->actor} << 32) | y->actor, e});
      }
    }
    std::sort(rows.begin(), rows.end());
    inserter ins(db, "pairs", 6);
    for (const row& r : rows) {
      const auto& f = w.events[r.event];
      ins.row()
          .bind(1, static_cast<std::int64_t>(r.key >> 32))
          .bind(2, static_cast<std::int64_t>(r.key & 0xffffffffU));
      ins.bind(3, f.es).bind(4, r.event).bind(5, f.ls);
      if (f.parent == none) {
        ins.bind_null(6);
      } else {
        ins.bind(6, f.parent);
      }
      ins.end_row();
    }
    ins.finish();
    return rows.size();
  }
};

}  // namespace

auto make_sqlite(const io::document& doc, sqlite_schema schema) -> std::unique_ptr<engine> {
  return make_sqlite(detail::flatten(doc, true), schema);
}

auto make_sqlite(detail::flat_world w, sqlite_schema schema) -> std::unique_ptr<engine> {
  return std::make_unique<sqlite_engine>(std::move(w), schema);
}

}  // namespace diplo::bench
