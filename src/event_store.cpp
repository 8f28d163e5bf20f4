// SPDX-License-Identifier: MIT
// The columnar, interned event store (diplo/detail/event_store.h): building it from events
// and materializing them back.

#include "diplo/detail/event_store.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace diplo::detail {

namespace {

constexpr std::size_t max_count = max_store_count;

/// Builds an event_store's parts, one event at a time.
struct store_writer {
  string_pool_builder strings;
  text_pool_builder texts;
  std::vector<event_record> records;
  std::vector<instants_record> instants;
  std::vector<extras_record> extras;
  extras_record extra;  // the event's being added
  csr actors;
  std::vector<std::uint32_t> actor_ids;        // per actor number: its id's string number
  std::vector<std::uint32_t> actor_of_string;  // per string number: its actor number, or absent
  csr cities;
  compressed_lists<source_record> sources;

  // The number of the actor `id`, numbering it the first time.
  auto actor_number(std::string_view id) -> std::uint32_t {
    const std::uint32_t k = strings.intern(id);
    if (k >= actor_of_string.size()) actor_of_string.resize(std::size_t{k} + 1, string_pool::absent);
    if (actor_of_string[k] == string_pool::absent) {
      actor_of_string[k] = static_cast<std::uint32_t>(actor_ids.size());
      actor_ids.push_back(k);
    }
    return actor_of_string[k];
  }

  // Room for every string field of `events` in each pool (an upper bound: repeats are
  // stored once).
  void reserve(std::span<const event> events) {
    struct tally {
      std::size_t fields = 0;
      std::size_t chars = 0;
      void operator()(std::string_view s) noexcept {
        ++fields;
        chars += s.size();
      }
    };
    tally ids;
    tally text;
    for (const event& e : events) {
      const event_base& b = base(e);
      text(b.id.value());
      ids(b.journey);
      for (std::string_view s : {std::string_view(b.place.city), std::string_view(b.place.zone),
                                 std::string_view(b.description), std::string_view(b.notes)}) {
        text(s);
      }
      for (const source& x : b.sources) {
        text(x.url);
        text(x.publisher);
        text(x.title);
      }
      for_each_participant(e, [&](const actor_id& a) { ids(a.value()); });
      text(title_of(e));
      if (const auto* v = std::get_if<visit>(&e)) {
        for (const std::string& c : v->cities) text(c);
      }
    }
    strings.reserve(ids.fields, ids.chars);
    texts.reserve(text.fields, text.chars);
  }

  auto optional_actor(const std::optional<actor_id>& id) -> std::uint32_t {
    return id ? actor_number(id->value()) : string_pool::absent;
  }

  void close_list(csr& lists, std::string_view what) {
    if (lists.items.size() > max_count) throw_too_many(what, lists.items.size());
    lists.offsets.push_back(static_cast<std::uint32_t>(lists.items.size()));
  }

  void add_actors(const std::vector<actor_id>& ids) {
    for (const actor_id& a : ids) actors.items.push_back(actor_number(a.value()));
  }

  void add_base(const event_base& b, event_record& r) {
    r.when = b.when;
    r.status = b.status;
    r.country = b.place.country;
    r.id = texts.intern(b.id.value());
    r.parent = b.parent ? texts.intern(b.parent->value()) : string_pool::absent;
    r.city = texts.intern(b.place.city);
    extra.zone = texts.intern(b.place.zone);
    extra.description = texts.intern(b.description);
    extra.notes = texts.intern(b.notes);
    extra.journey = strings.intern(b.journey);
    for (const source& s : b.sources) {
      sources.items.push_back({.url = texts.intern(s.url),
                               .publisher = texts.intern(s.publisher),
                               .title = texts.intern(s.title),
                               .published = source_record::date_bytes(s.published)});
    }
    if (sources.items.size() > max_count) throw_too_many("sources", sources.items.size());
    sources.offsets.push_back(static_cast<std::uint32_t>(sources.items.size()));
    r.flags = static_cast<std::uint8_t>((b.starts_at ? has_start : 0) | (b.ends_at ? has_end : 0));
    if (b.starts_at || b.ends_at) {
      instants.push_back({.event = static_cast<std::uint32_t>(records.size()),
                          .starts = b.starts_at ? b.starts_at->time_since_epoch().count() : 0,
                          .ends = b.ends_at ? b.ends_at->time_since_epoch().count() : 0});
    }
  }

  // The fields of each kind beyond event_base.
  void add_kind(const visit& v, event_record& r) {
    add_actors(v.guests);
    r.host_country = v.host_country;
    r.host = optional_actor(v.host);
    r.level_or_mode = static_cast<std::uint8_t>(v.level);
    for (const std::string& c : v.cities) cities.items.push_back(texts.intern(c));
  }
  void add_kind(const summit& s, event_record& r) {
    add_actors(s.attendees);
    extra.name = texts.intern(s.name);
    extra.series = texts.intern(s.series);
    r.host_country = s.host_country;
    r.host = optional_actor(s.host);
  }
  void add_kind(const meeting& m, event_record& r) {
    add_actors(m.participants);
    r.level_or_mode = static_cast<std::uint8_t>(m.mode);
  }
  void add_kind(const ceremony& c, event_record& r) {
    add_actors(c.attendees);
    extra.name = texts.intern(c.name);
    r.host = optional_actor(c.host);
  }

  // The host at the end of the event's list of actors, unless listed (see everyone()).
  void add_unlisted_host(event_record& r) {
    if (r.host == string_pool::absent) return;
    const auto from = static_cast<std::ptrdiff_t>(actors.offsets.back());
    if (std::find(actors.items.begin() + from, actors.items.end(), r.host) != actors.items.end()) return;
    actors.items.push_back(r.host);
    r.flags |= host_listed;
  }

  void add(const event& e) {
    event_record r;
    extra = {.event = static_cast<std::uint32_t>(records.size())};
    r.kind = static_cast<std::uint8_t>(e.index());
    add_base(base(e), r);
    std::visit([&](const auto& x) { add_kind(x, r); }, e);
    if (!extra.empty()) {
      r.flags |= has_extras;
      extras.push_back(extra);
    }
    add_unlisted_host(r);
    close_list(actors, "actor mentions");
    close_list(cities, "cities");
    records.push_back(r);
  }
};

template <class T>
void shrink(compressed_lists<T>& lists) {
  lists.offsets.shrink_to_fit();
  lists.items.shrink_to_fit();
}

template <class T>
auto heap_of(const column<T>& v) noexcept -> std::size_t {
  return v.heap_bytes();
}

}  // namespace

auto event_store::build(std::span<const event> events, std::span<const std::string_view> actors)
    -> event_store {
  if (events.size() > max_count) throw_too_many("events", events.size());
  store_writer w;
  w.reserve(events);
  for (std::string_view id : actors) w.actor_number(id);
  w.records.reserve(events.size());
  w.actors.offsets.reserve(events.size() + 1);
  w.cities.offsets.reserve(events.size() + 1);
  w.sources.offsets.reserve(events.size() + 1);
  for (const event& e : events) w.add(e);
  event_store s;
  s.records_ = column(std::move(w.records));
  s.instants_ = column(std::move(w.instants));
  s.instants_.shrink_to_fit();
  s.extras_ = column(std::move(w.extras));
  s.extras_.shrink_to_fit();
  s.actors_ = std::move(w.actors);
  s.actor_ids_ = column(std::move(w.actor_ids));
  s.actor_ids_.shrink_to_fit();
  s.cities_ = std::move(w.cities);
  s.sources_ = std::move(w.sources);
  shrink(s.actors_);
  shrink(s.cities_);
  shrink(s.sources_);
  s.strings_ = std::move(w.strings).finish();
  s.prose_ = std::move(w.texts).finish();
  return s;
}

auto event_store::extras(std::uint32_t i) const noexcept -> const extras_record& {
  static constexpr extras_record none{};
  if ((records_[i].flags & has_extras) == 0) return none;
  auto it = std::lower_bound(extras_.begin(), extras_.end(), i,
                             [](const extras_record& x, std::uint32_t n) { return x.event < n; });
  return it == extras_.end() || it->event != i ? none : *it;
}

auto event_store::instants_of(std::uint32_t i) const noexcept -> const instants_record* {
  const auto& r = records_[i];
  if ((r.flags & (has_start | has_end)) == 0) return nullptr;
  auto it = std::lower_bound(instants_.begin(), instants_.end(), i,
                             [](const instants_record& x, std::uint32_t n) { return x.event < n; });
  return it == instants_.end() || it->event != i ? nullptr : &*it;
}

auto event_store::starts_at(std::uint32_t i) const noexcept -> std::optional<date::sys_seconds> {
  const instants_record* x = instants_of(i);
  if (x == nullptr || (records_[i].flags & has_start) == 0) return std::nullopt;
  return date::sys_seconds{std::chrono::seconds{x->starts}};
}

auto event_store::ends_at(std::uint32_t i) const noexcept -> std::optional<date::sys_seconds> {
  const instants_record* x = instants_of(i);
  if (x == nullptr || (records_[i].flags & has_end) == 0) return std::nullopt;
  return date::sys_seconds{std::chrono::seconds{x->ends}};
}

namespace {

/// Reads events back out of a store.
struct store_reader {
  const event_store& s;

  [[nodiscard]] auto string(std::uint32_t k) const -> std::string { return std::string(s.text(k)); }
  [[nodiscard]] auto optional_actor(std::uint32_t k) const -> std::optional<actor_id> {
    if (k == string_pool::absent) return std::nullopt;
    return actor_id{std::string(s.actor(k))};
  }
  [[nodiscard]] auto actor_list(std::uint32_t i) const -> std::vector<actor_id> {
    std::vector<actor_id> out;
    out.reserve(s.actors(i).size());
    for (std::uint32_t k : s.actors(i)) out.emplace_back(std::string(s.actor(k)));
    return out;
  }

  void fill_base(std::uint32_t i, event_base& b) const {
    const event_record& r = s.record(i);
    b.id = event_id{s.prose(r.id)};
    b.when = r.when;
    b.starts_at = s.starts_at(i);
    b.ends_at = s.ends_at(i);
    b.place = s.place(i);
    b.status = r.status;
    b.sources = s.source_list(i);
    const extras_record& x = s.extras(i);
    b.description = s.prose(x.description);
    b.notes = s.prose(x.notes);
    if (r.parent != string_pool::absent) b.parent = event_id{s.prose(r.parent)};
    b.journey = string(x.journey);
  }

  void fill_kind(std::uint32_t i, visit& v) const {
    const event_record& r = s.record(i);
    v.guests = actor_list(i);
    v.host_country = r.host_country;
    v.host = optional_actor(r.host);
    v.level = static_cast<visit_level>(r.level_or_mode);
    for (std::uint32_t k : s.cities(i)) v.cities.push_back(s.prose(k));
  }
  void fill_kind(std::uint32_t i, summit& x) const {
    const event_record& r = s.record(i);
    x.name = s.prose(s.extras(i).name);
    x.series = s.prose(s.extras(i).series);
    x.host_country = r.host_country;
    x.host = optional_actor(r.host);
    x.attendees = actor_list(i);
  }
  void fill_kind(std::uint32_t i, meeting& m) const {
    m.participants = actor_list(i);
    m.mode = static_cast<meeting_mode>(s.record(i).level_or_mode);
  }
  void fill_kind(std::uint32_t i, ceremony& c) const {
    const event_record& r = s.record(i);
    c.name = s.prose(s.extras(i).name);
    c.host = optional_actor(r.host);
    c.attendees = actor_list(i);
  }
};

/// The alternative of `event` numbered `kind`, default-constructed.
template <std::size_t... K>
auto make_kind(std::uint8_t kind, std::index_sequence<K...>) -> event {
  event e;
  ((kind == K ? (void)e.emplace<K>() : (void)0), ...);
  return e;
}

}  // namespace

auto event_store::materialize(std::uint32_t i) const -> event {
  const store_reader reader{*this};
  event e = make_kind(records_[i].kind, std::make_index_sequence<std::variant_size_v<event>>{});
  std::visit(
      [&](auto& x) {
        reader.fill_base(i, x);
        reader.fill_kind(i, x);
      },
      e);
  return e;
}

auto event_store::place(std::uint32_t i) const -> diplo::place {
  const event_record& r = records_[i];
  return {.city = prose(r.city), .country = r.country, .zone = prose(extras(i).zone)};
}

auto event_store::source_list(std::uint32_t i) const -> std::vector<source> {
  std::vector<source> out;
  out.reserve(sources(i).size());
  for (const source_record& x : sources(i)) {
    out.push_back({.url = prose(x.url),
                   .publisher = prose(x.publisher),
                   .title = prose(x.title),
                   .published = x.published_date()});
  }
  return out;
}

auto event_store::participants(std::uint32_t i) const -> std::vector<actor_id> {
  // The same actor is the same actor number.
  const event_record& r = records_[i];
  std::vector<std::uint32_t> numbers;
  auto add = [&](std::uint32_t k) {
    if (std::find(numbers.begin(), numbers.end(), k) == numbers.end()) numbers.push_back(k);
  };
  const auto kind = static_cast<record_kind>(r.kind);
  const bool host_first = kind == record_kind::summit || kind == record_kind::ceremony;
  if (host_first && r.host != string_pool::absent) add(r.host);
  for (std::uint32_t k : actors(i)) add(k);
  if (kind == record_kind::visit && r.host != string_pool::absent) add(r.host);
  std::vector<actor_id> out;
  out.reserve(numbers.size());
  for (std::uint32_t k : numbers) out.emplace_back(std::string(actor(k)));
  return out;
}

auto event_store::bytes() const noexcept -> footprint {
  footprint f;
  f.records = heap_of(records_) + heap_of(instants_) + heap_of(extras_);
  f.lists = heap_of(actors_.offsets) + heap_of(actors_.items) + heap_of(actor_ids_) +
            heap_of(cities_.offsets) + heap_of(cities_.items) + heap_of(sources_.offsets) +
            heap_of(sources_.items);
  f.strings = strings_.bytes() + prose_.bytes();
  return f;
}

}  // namespace diplo::detail
