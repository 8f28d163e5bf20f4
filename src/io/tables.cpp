// SPDX-License-Identifier: MIT
// The analysis tables (diplo/io/tables.h).

#include "diplo/io/tables.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>

#include "csv_cell.h"
#include "diplo/detail/json.h"
#include "diplo/error.h"
#include "diplo/io/file.h"

namespace diplo::io {

namespace {

using cell = std::optional<std::string>;  // nullopt: nothing (an empty CSV cell, JSON null)

// One table being built: its columns and rows.
class table {
 public:
  table(std::string name, std::vector<std::string_view> columns)
      : name_(std::move(name)), columns_(std::move(columns)) {}

  void add(std::vector<cell> row) { rows_.push_back(std::move(row)); }

  [[nodiscard]] auto file(const table_options& o) const -> table_file {
    return {name_ + (o.jsonl ? ".jsonl" : ".csv"), o.jsonl ? jsonl() : csv(o.guard_formulas)};
  }

 private:
  [[nodiscard]] auto csv(bool guard) const -> std::string {
    std::string out;
    auto line = [&](auto&& cells) {
      bool first = true;
      for (const auto& c : cells) {
        if (!first) out += ',';
        first = false;
        const std::string_view text = c ? std::string_view(*c) : std::string_view();
        out += detail::csv_quoted(guard ? detail::formula_guarded(text) : std::string(text));
      }
      out += '\n';
    };
    std::vector<cell> header(columns_.begin(), columns_.end());
    line(header);
    for (const auto& row : rows_) line(row);
    return out;
  }

  [[nodiscard]] auto jsonl() const -> std::string {
    std::string out;
    for (const auto& row : rows_) {
      diplo::detail::json o = diplo::detail::json::make_object();
      for (std::size_t k = 0; k < columns_.size(); ++k) {
        o.set(std::string(columns_[k]), row[k] ? diplo::detail::json(*row[k]) : diplo::detail::json(nullptr));
      }
      o.write_compact(out);
      out += '\n';
    }
    return out;
  }

  std::string name_;
  std::vector<std::string_view> columns_;
  std::vector<std::vector<cell>> rows_;
};

auto text(std::string_view s) -> cell { return s.empty() ? cell() : cell(std::string(s)); }
auto code(country_code c) -> cell { return c.empty() ? cell() : cell(std::string(c.alpha2())); }
auto iso_day(date::sys_days d) -> std::string { return date::format("%F", d); }

// The first day the event may have started and the last it may have ended (inclusive), each
// empty for an open or unknown end.
auto days(const period& p) -> std::pair<cell, cell> {
  cell first;
  cell last;
  if (p.first()) first = iso_day(p.earliest_start());
  if (p.last()) last = iso_day(p.latest_end() - date::days{1});
  return {first, last};
}

auto precision_of(const period& p) -> cell {
  const auto d = p.first() ? p.first() : p.last();
  return d ? cell(std::string(name(d->precision()))) : cell();
}

// Who took part and how: each actor once, a host who also attends as the host.
auto roles(const event& e) -> std::vector<std::pair<actor_id, std::string_view>> {
  std::vector<std::pair<actor_id, std::string_view>> out;
  auto add = [&](const actor_id& a, std::string_view role) {
    if (std::none_of(out.begin(), out.end(), [&](const auto& x) { return x.first == a; }))
      out.emplace_back(a, role);
  };
  auto hosted = [&](const std::optional<actor_id>& host, const std::vector<actor_id>& attendees) {
    if (host) add(*host, "host");
    for (const auto& a : attendees) add(a, "attendee");
  };
  if (const auto* v = std::get_if<visit>(&e)) {
    for (const auto& a : v->guests) add(a, "guest");
    if (v->host) add(*v->host, "host");
  } else if (const auto* m = std::get_if<meeting>(&e)) {
    for (const auto& a : m->participants) add(a, "participant");
  } else if (const auto* s = std::get_if<summit>(&e)) {
    hosted(s->host, s->attendees);
  } else if (const auto* c = std::get_if<ceremony>(&e)) {
    hosted(c->host, c->attendees);
  }
  return out;
}

auto event_row(const event& e) -> std::vector<cell> {
  const event_base& b = base(e);
  const auto [first, last] = days(b.when);
  cell level;
  cell mode;
  if (const auto* v = std::get_if<visit>(&e); v != nullptr && v->level != visit_level::unspecified) {
    level = std::string(name(v->level));
  }
  if (const auto* m = std::get_if<meeting>(&e)) mode = std::string(name(m->mode));
  return {b.id.value(),
          std::string(kind_name(e)),
          std::string(name(b.status)),
          first,
          last,
          precision_of(b.when),
          b.when.to_edtf(),
          text(title_of(e)),
          text(b.place.city),
          code(country_of(e)),
          b.parent ? cell(b.parent->value()) : cell(),
          level,
          mode,
          text(b.description)};
}

auto actor_row(const actor& a) -> std::vector<cell> {
  const auto* p = std::get_if<person>(&a);
  const std::string& wikidata = std::visit([](const auto& x) -> const std::string& { return x.wikidata; }, a);
  return {id_of(a).value(), std::string(p != nullptr ? "person" : "organisation"), name_of(a),
          p != nullptr ? code(p->country) : cell(), text(wikidata)};
}

}  // namespace

auto to_tables(const timeline& t, std::span<const event_ref> events, const table_options& options)
    -> std::vector<table_file> {
  table ev("events", {"id", "kind", "status", "earliest", "latest", "precision", "edtf", "title", "city",
                      "country", "parent", "level", "mode", "description"});
  table people("participants", {"event", "actor", "role"});
  table actors("actors", {"id", "kind", "name", "country", "wikidata"});
  table sources("sources", {"event", "url", "publisher", "title", "published"});
  std::set<actor_id> named;
  for (const event_ref& r : events) {
    const event e = r.value();
    const event_base& b = base(e);
    ev.add(event_row(e));
    for (const auto& [a, role] : roles(e)) {
      people.add({b.id.value(), a.value(), std::string(role)});
      named.insert(a);
    }
    for (const source& s : b.sources) {
      sources.add({b.id.value(), text(s.url), text(s.publisher), text(s.title),
                   s.published ? cell(s.published->to_edtf()) : cell()});
    }
  }
  for (const actor& a : t.actors().actors()) {  // in the timeline's order
    if (named.contains(id_of(a))) actors.add(actor_row(a));
  }
  return {ev.file(options), people.file(options), actors.file(options), sources.file(options)};
}

void write_tables(const std::filesystem::path& dir, const timeline& t, std::span<const event_ref> events,
                  const table_options& options) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec)
    throw error(fmt::format("[diplo.io] cannot make the folder \"{}\": {}", dir.string(), ec.message()));
  for (const table_file& f : to_tables(t, events, options)) write_file_atomic(dir / f.name, f.text);
}

}  // namespace diplo::io
