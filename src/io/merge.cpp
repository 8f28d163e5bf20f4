// SPDX-License-Identifier: MIT
#include "diplo/io/merge.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "diplo/actor.h"
#include "diplo/detail/fold.h"
#include "diplo/event.h"
#include "diplo/io/identities.h"

namespace diplo::io {
namespace {

auto wikidata_of(const actor& a) -> const std::string& {
  return std::visit([](const auto& x) -> const std::string& { return x.wikidata; }, a);
}

auto spellings_of(const actor& a) -> std::vector<std::string> {
  return std::visit(
      [](const auto& x) {
        std::vector<std::string> out{x.name};
        out.insert(out.end(), x.aliases.begin(), x.aliases.end());
        return out;
      },
      a);
}

auto countries_of(const actor& a) -> std::set<country_code> {
  std::set<country_code> out;
  if (const auto* p = std::get_if<person>(&a)) {
    if (!p->country.empty()) out.insert(p->country);
    for (const office& o : p->offices) {
      if (!o.country.empty()) out.insert(o.country);
    }
  }
  return out;
}

// May `a` and `b` be one actor, given that a spelling of one is a spelling of the other?
auto compatible(const actor& a, const actor& b) -> bool {
  if (a.index() != b.index()) return false;
  const std::string& wa = wikidata_of(a);
  const std::string& wb = wikidata_of(b);
  if (!wa.empty() && !wb.empty() && wa != wb) return false;
  const auto ca = countries_of(a);
  const auto cb = countries_of(b);
  if (ca.empty() || cb.empty()) return true;
  return std::any_of(ca.begin(), ca.end(), [&](const country_code& c) { return cb.count(c) != 0; });
}

// `kept` takes in what `other` knows: its spellings, Wikidata id and offices.
void absorb(actor& kept, const actor& other) {
  std::visit(
      [&](auto& k) {
        using T = std::decay_t<decltype(k)>;
        const T& o = std::get<T>(other);
        for (const std::string& s : spellings_of(other)) {
          if (s != k.name && std::find(k.aliases.begin(), k.aliases.end(), s) == k.aliases.end()) {
            k.aliases.push_back(s);
          }
        }
        if (k.wikidata.empty()) k.wikidata = o.wikidata;
        if constexpr (std::is_same_v<T, person>) {
          if (k.country.empty()) k.country = o.country;
          for (const office& x : o.offices) {
            if (std::find(k.offices.begin(), k.offices.end(), x) == k.offices.end()) k.offices.push_back(x);
          }
        }
      },
      kept);
}

void rename_in(std::optional<actor_id>& id, const std::map<actor_id, actor_id>& to) {
  if (!id) return;
  if (auto it = to.find(*id); it != to.end()) id = it->second;
}

void rename_in(std::vector<actor_id>& ids, const std::map<actor_id, actor_id>& to) {
  for (actor_id& id : ids) {
    if (auto it = to.find(id); it != to.end()) id = it->second;
  }
  // Two actors of one event may have become one.
  std::vector<actor_id> unique;
  for (actor_id& id : ids) {
    if (std::find(unique.begin(), unique.end(), id) == unique.end()) unique.push_back(std::move(id));
  }
  ids = std::move(unique);
}

void rename_actors(event& e, const std::map<actor_id, actor_id>& to) {
  std::visit(
      [&](auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, visit>) {
          rename_in(x.guests, to);
          rename_in(x.host, to);
        } else if constexpr (std::is_same_v<T, meeting>) {
          rename_in(x.participants, to);
        } else {
          rename_in(x.attendees, to);
          rename_in(x.host, to);
        }
      },
      e);
}

// `into`'s actors by folded spelling, by Wikidata id and by curated identity.
struct actor_index {
  const identity_table& identities = identity_table::embedded();
  std::unordered_map<std::string, std::vector<std::size_t>> by_spelling;
  std::unordered_map<std::string, std::size_t> by_wikidata;
  std::unordered_map<const known_identity*, std::vector<std::size_t>> by_identity;

  explicit actor_index(const std::vector<actor>& actors) {
    for (std::size_t i = 0; i < actors.size(); ++i) {
      if (const auto* id = identities.of(actors[i])) by_identity[id].push_back(i);
      for (const std::string& s : spellings_of(actors[i])) {
        auto& list = by_spelling[diplo::detail::fold(s)];
        if (std::find(list.begin(), list.end(), i) == list.end()) list.push_back(i);
      }
      if (!wikidata_of(actors[i]).empty()) by_wikidata.emplace(wikidata_of(actors[i]), i);
    }
  }

  // The actors `a` may be, and the spelling that says so.
  [[nodiscard]] auto candidates(const std::vector<actor>& actors, const actor& a, std::string& evidence) const
      -> std::set<std::size_t> {
    if (auto it = by_wikidata.find(wikidata_of(a)); !wikidata_of(a).empty() && it != by_wikidata.end()) {
      evidence = fmt::format("Wikidata {}", wikidata_of(a));
      return {it->second};
    }
    // The table's entry decides, across countries and spellings (src/io/identities.h).
    if (const auto* id = identities.of(a)) {
      if (auto it = by_identity.find(id); it != by_identity.end()) {
        evidence = id->cite();
        return {it->second.begin(), it->second.end()};
      }
    }
    std::set<std::size_t> out;
    for (const std::string& s : spellings_of(a)) {
      const std::string f = diplo::detail::fold(s);
      auto it = by_spelling.find(f);
      if (it == by_spelling.end()) continue;
      for (std::size_t i : it->second) {
        if (compatible(actors[i], a) && out.insert(i).second && evidence.empty()) {
          evidence = fmt::format("name \"{}\"", f);
        }
      }
    }
    return out;
  }
};

auto free_id(const actor_id& id, const std::set<actor_id>& used) -> actor_id {
  for (int n = 2;; ++n) {
    actor_id next{fmt::format("{}-{}", id, n)};
    if (used.count(next) == 0) return next;
  }
}

// The guests of a visit, sorted: visits of one group of people compare equal.
auto guest_key(const visit& v) -> std::vector<actor_id> {
  std::vector<actor_id> g = v.guests;
  std::sort(g.begin(), g.end());
  return g;
}

// The visits of `into` by guests and host country, for finding the one a visit of `from` is.
using visit_index = std::map<std::pair<std::vector<actor_id>, country_code>, std::vector<std::size_t>>;

auto index_visits(const document& into) -> visit_index {
  visit_index out;
  for (std::size_t i = 0; i < into.events.size(); ++i) {
    if (const auto* v = std::get_if<visit>(&into.events[i]))
      out[{guest_key(*v), v->host_country}].push_back(i);
  }
  return out;
}

// `kept` takes in what the same trip's other record says.
void absorb_visit(visit& kept, const visit& other, std::string& conflict) {
  for (const source& s : other.sources) {
    if (std::find(kept.sources.begin(), kept.sources.end(), s) == kept.sources.end())
      kept.sources.push_back(s);
  }
  for (const std::string& c : other.cities) {
    if (std::find(kept.cities.begin(), kept.cities.end(), c) == kept.cities.end()) kept.cities.push_back(c);
  }
  if (kept.place.city.empty()) kept.place.city = other.place.city;
  if (!kept.host) kept.host = other.host;
  if (kept.when != other.when) {
    conflict = fmt::format("days differ: {} and {}; kept: the span of both", kept.when, other.when);
    kept.notes +=
        fmt::format("{}Sources differ on the days: {} ({}), {} ({}).", kept.notes.empty() ? "" : " ",
                    kept.when, kept.sources.empty() ? std::string("?") : kept.sources.front().title,
                    other.when, other.sources.empty() ? std::string("?") : other.sources.front().title);
    kept.when = period::days(std::min(kept.when.earliest_start(), other.when.earliest_start()),
                             std::max(kept.when.latest_end(), other.when.latest_end()) - date::days{1});
  }
}

// Moves the visits of `from` that `into` already has into those, returning the ids that
// now name the kept visits.
auto merge_visits(document& into, document& from, const std::vector<origin>& into_origins,
                  source_merge_report& rep) -> std::map<event_id, event_id> {
  std::map<event_id, event_id> moved;
  const visit_index index = index_visits(into);
  std::vector<event> events;
  std::vector<origin> origins;
  events.reserve(from.events.size());
  origins.reserve(from.events.size());
  from.origins.resize(from.events.size());
  for (std::size_t i = 0; i < from.events.size(); ++i) {
    const auto* v = std::get_if<visit>(&from.events[i]);
    const auto it = v != nullptr ? index.find({guest_key(*v), v->host_country}) : index.end();
    std::optional<std::size_t> same;
    if (it != index.end()) {
      for (std::size_t j : it->second) {
        if (overlaps(base(into.events[j]).when, v->when) != truth::no) {
          same = j;
          break;
        }
      }
    }
    if (!same) {
      events.push_back(std::move(from.events[i]));
      origins.push_back(std::move(from.origins[i]));
      continue;
    }
    visit& kept = std::get<visit>(into.events[*same]);
    visit_match m{kept.id, v->id, detail::origin_at(into_origins, *same), from.origins[i], {}};
    absorb_visit(kept, *v, m.conflict);
    moved.emplace(v->id, kept.id);
    rep.visits.push_back(std::move(m));
  }
  from.events = std::move(events);
  from.origins = std::move(origins);
  return moved;
}

}  // namespace

void merge_sources(document& into, document from, source_merge_report* report) {
  source_merge_report local;
  source_merge_report& rep = report != nullptr ? *report : local;
  const auto ours = into.actors.actors();
  std::vector<actor> actors(ours.begin(), ours.end());
  std::vector<origin> origins = into.actor_origins;
  origins.resize(actors.size());
  std::set<actor_id> used;
  for (const actor& a : actors) used.insert(id_of(a));
  const actor_index index(actors);

  std::map<actor_id, actor_id> to;  // ids of `from` that change
  const auto theirs = from.actors.actors();
  for (std::size_t i = 0; i < theirs.size(); ++i) {
    const actor& a = theirs[i];
    const origin at = detail::origin_at(from.actor_origins, i);
    std::string evidence;
    const std::set<std::size_t> found = index.candidates(actors, a, evidence);
    if (found.size() == 1) {
      actor& kept = actors[*found.begin()];
      absorb(kept, a);
      if (id_of(kept) != id_of(a)) to.emplace(id_of(a), id_of(kept));
      rep.matched.push_back({id_of(kept), id_of(a), std::move(evidence), at});
      continue;
    }
    if (found.size() > 1) {
      actor_ambiguity amb{id_of(a), {}, at};
      for (std::size_t j : found) amb.candidates.push_back(id_of(actors[j]));
      rep.ambiguous.push_back(std::move(amb));
    }
    actor added = a;
    if (used.count(id_of(a)) != 0) {
      const actor_id fresh = free_id(id_of(a), used);
      std::visit([&](auto& x) { x.id = fresh; }, added);
      to.emplace(id_of(a), fresh);
      rep.renamed.emplace_back(id_of(a), fresh);
    }
    used.insert(id_of(added));
    actors.push_back(std::move(added));
    origins.push_back(at);
  }

  actor_registry registry;  // built whole before `into` changes: a throw leaves it as it was
  for (actor& a : actors) registry.add(std::move(a));
  for (event& e : from.events) rename_actors(e, to);
  for (coverage_scope& c : from.info.records) rename_in(c.actors, to);

  into.actors = std::move(registry);
  into.origins.resize(into.events.size());
  const std::map<event_id, event_id> moved = merge_visits(into, from, into.origins, rep);
  for (event& e : from.events) {
    auto& parent = std::visit([](auto& x) -> std::optional<event_id>& { return x.parent; }, e);
    if (auto it = parent ? moved.find(*parent) : moved.end(); it != moved.end()) parent = it->second;
  }
  into.actor_origins = std::move(origins);
  detail::append_records(into, from);
}

}  // namespace diplo::io
