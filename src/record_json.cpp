// SPDX-License-Identifier: MIT
// Actors and events as JSON records (diplo/detail/record_json.h).

#include "diplo/detail/record_json.h"

#include <string>
#include <variant>
#include <vector>

#include "diplo/detail/instant.h"

namespace diplo::detail {

namespace {

auto code(country_code c) -> json { return c.alpha2(); }

auto ids(const std::vector<actor_id>& v) -> json {
  json a = json::make_array();
  for (const actor_id& id : v) a.push(id.value());
  return a;
}

auto strings(const std::vector<std::string>& v) -> json {
  json a = json::make_array();
  for (const std::string& s : v) a.push(s);
  return a;
}

// The small objects inside a record: on one line in a data file.
auto inner_fold(record_style style) -> json::fold {
  return style == record_style::canonical ? json::fold::one_line : json::fold::automatic;
}

auto source_json(const source& s, record_style style) -> json {
  json o = json::make_object(inner_fold(style));
  o.set("url", s.url);
  if (!s.publisher.empty()) o.set("publisher", s.publisher);
  if (!s.title.empty()) o.set("title", s.title);
  if (s.published) o.set("published", s.published->to_edtf());
  return o;
}

auto place_json(const place& p, record_style style) -> json {
  json o = json::make_object(inner_fold(style));
  if (!p.city.empty()) o.set("city", p.city);
  if (!p.country.empty()) o.set("country", code(p.country));
  if (!p.zone.empty()) o.set("zone", p.zone);
  return o;
}

// Writes the fields of one kind of event into `r`: a list of actors or a setting is
// written when it is not empty or at its default, or when every field is asked for.
class kind_fields {
 public:
  kind_fields(json& r, record_style style) : r_(r), every_(style == record_style::complete) {}

  void operator()(const visit& v) {
    actors("guests", v.guests);
    country("host_country", v.host_country);
    host(v.host);
    setting("level", name(v.level), v.level == visit_level::unspecified);
    if (!v.cities.empty()) r_.set("cities", strings(v.cities));
  }
  void operator()(const summit& s) {
    text("name", s.name);
    text("series", s.series);
    country("host_country", s.host_country);
    host(s.host);
    actors("attendees", s.attendees);
  }
  void operator()(const meeting& m) {
    actors("participants", m.participants);
    setting("mode", name(m.mode), m.mode == meeting_mode::in_person);
  }
  void operator()(const ceremony& c) {
    text("name", c.name);
    host(c.host);
    actors("attendees", c.attendees);
  }

 private:
  void actors(const char* key, const std::vector<actor_id>& v) {
    if (every_ || !v.empty()) r_.set(key, ids(v));
  }
  void country(const char* key, country_code c) {
    if (!c.empty()) r_.set(key, code(c));
  }
  void host(const std::optional<actor_id>& h) {
    if (h) r_.set("host", h->value());
  }
  void setting(const char* key, std::string_view value, bool is_default) {
    if (every_ || !is_default) r_.set(key, value);
  }
  void text(const char* key, const std::string& s) {
    if (!s.empty()) r_.set(key, s);
  }

  json& r_;
  bool every_;
};

}  // namespace

auto to_json(const actor& a) -> json {
  json r = json::make_object(json::fold::spread);
  const bool is_person = std::holds_alternative<person>(a);
  r.set("id", id_of(a).value());
  r.set("kind", is_person ? "person" : "organisation");
  r.set("name", name_of(a));
  if (!aliases_of(a).empty()) r.set("aliases", strings(aliases_of(a)));
  const std::string& wikidata = std::visit([](const auto& x) -> const std::string& { return x.wikidata; }, a);
  if (!wikidata.empty()) r.set("wikidata", wikidata);
  if (const auto* p = std::get_if<person>(&a)) {
    if (!p->country.empty()) r.set("country", code(p->country));
    if (!p->offices.empty()) {
      json offices = json::make_array();
      for (const office& o : p->offices) {
        json x = json::make_object(json::fold::one_line);
        x.set("title", o.title);
        if (!o.country.empty()) x.set("country", code(o.country));
        x.set("term", o.term.to_edtf());
        offices.push(std::move(x));
      }
      r.set("offices", std::move(offices));
    }
  }
  return r;
}

auto to_json(const event& e, record_style style) -> json {
  const bool every = style == record_style::complete;
  const event_base& b = base(e);
  json r = json::make_object(every ? json::fold::automatic : json::fold::spread);
  r.set("id", b.id.value());
  r.set("kind", kind_name(e));
  if (every || b.status != status::occurred) r.set("status", name(b.status));
  r.set("when", b.when.to_edtf());
  if (b.starts_at) r.set("starts_at", format_instant(*b.starts_at));
  if (b.ends_at) r.set("ends_at", format_instant(*b.ends_at));
  if (!b.place.city.empty() || !b.place.country.empty() || !b.place.zone.empty()) {
    r.set("place", place_json(b.place, style));
  }
  if (b.parent) r.set("parent", b.parent->value());
  if (!b.journey.empty()) r.set("journey", b.journey);
  std::visit(kind_fields(r, style), e);
  if (!b.description.empty()) r.set("description", b.description);
  if (!b.notes.empty()) r.set("notes", b.notes);
  if (every || !b.sources.empty()) {
    json sources = json::make_array();
    for (const source& s : b.sources) sources.push(source_json(s, style));
    r.set("sources", std::move(sources));
  }
  return r;
}

}  // namespace diplo::detail
