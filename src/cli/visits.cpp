// SPDX-License-Identifier: MIT
// diplo visits [--guest A] [--guest-country CC] [--host-country CC] [--level L]
//              [--from DATE] [--to DATE] [--planned] [--count|--first|--last|--longest-gap]
//              [--json]

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "common.h"

namespace diplo::cli {

namespace {

// What --level accepts: the names of the levels, highest first (diplo::name).
auto level_names() -> std::vector<std::string> {
  std::vector<std::string> out;
  for (auto l : {visit_level::state, visit_level::official, visit_level::working, visit_level::private_visit,
                 visit_level::unspecified}) {
    out.emplace_back(name(l));
  }
  return out;
}

// "Moscow, Russia"; "Beijing / Harbin, China" when the trip went to several cities.
auto trip_place(const trip& tr) -> std::string {
  std::vector<std::string> cities;
  auto add = [&](const std::string& c) {
    if (!c.empty() && std::find(cities.begin(), cities.end(), c) == cities.end()) cities.push_back(c);
  };
  for (const event_ref& ref : tr.events) {
    const event e = ref.value();
    add(base(e).place.city);
    if (const auto* v = std::get_if<visit>(&e)) {
      for (const auto& c : v->cities) add(c);
    }
  }
  std::string country = fmt::format("{}", tr.country);
  if (cities.empty()) return country;
  return fmt::format("{}, {}", fmt::join(cities, " / "), country);
}

auto trip_kind(const trip& tr) -> std::string {
  if (tr.level != visit_level::unspecified) return fmt::format("{} visit", tr.level);
  return kind_text(tr.main().value());
}

// The main event's name, or who hosted it; and how many events the trip holds.
auto trip_label(const timeline& t, const trip& tr) -> std::string {
  const event m = tr.main().value();
  std::string s(title_of(m));
  if (s.empty()) {
    if (const auto* v = std::get_if<visit>(&m); v != nullptr && v->host) {
      s = fmt::format("hosted by {}", name_of(t, *v->host));
    } else {
      s = event_label(t, tr.main());
    }
  }
  if (tr.events.size() > 1) s += fmt::format(" ({} events)", tr.events.size());
  return s;
}

struct visits_options {
  std::string guest, guest_country, host_country, level, from, to;
  bool planned = false, count = false, first = false, last = false, longest_gap = false, json = false;
};

auto select_name(const visits_options& o) -> const char* {
  return o.count ? "count" : o.first ? "first" : o.last ? "last" : o.longest_gap ? "longest-gap" : "all";
}

auto question_json(const visit_filter& f, const std::optional<partial_date>& from,
                   const std::optional<partial_date>& to, const visits_options& o) -> json {
  auto code = [](country_code c) -> json {
    return c.empty() ? json(nullptr) : json(std::string(c.alpha2()));
  };
  return json::object{{"command", "visits"},
                      {"guest", f.guest ? json(f.guest->value()) : json(nullptr)},
                      {"guest_country", code(f.guest_country)},
                      {"host_country", code(f.host_country)},
                      {"level", f.level ? json(std::string(name(*f.level))) : json(nullptr)},
                      {"from", date_json(from)},
                      {"to", date_json(to)},
                      {"planned", o.planned},
                      {"select", select_name(o)}};
}

// "visits by leaders of Denmark to the United States from 1990": who, where, when.
auto scope_text(const timeline& t, const visit_filter& f, const std::optional<partial_date>& from,
                const std::optional<partial_date>& to, bool planned) -> std::string {
  std::string scope;
  if (f.guest) scope += fmt::format(" by {}", name_of(t, *f.guest));
  if (!f.guest_country.empty()) {
    scope += fmt::format(" by {} of {}", f.guest ? "a leader" : "leaders", f.guest_country);
  }
  if (!f.host_country.empty()) scope += fmt::format(" to {}", f.host_country);
  scope += from ? bounds_text(from, to) : bounds_text(from, to, "from", "up to");
  if (planned) scope += " (planned ones included)";
  return scope;
}

// A trip with an open or unknown end may still be under way: no gap is counted after it.
void print_open_ends(const std::vector<trip>& all) {
  std::vector<std::string> open;
  for (const trip& tr : all) {
    if (tr.when.end_kind() != period::end_kind::known) {
      open.push_back(fmt::format("{} ({})", tr.main().id(), tr.when));
    }
  }
  if (open.empty()) return;
  const bool one = open.size() == 1;
  print_out(
      "(The trip{} {} ha{} no known end: {} may still be under way, so no gap is counted "
      "after {} start.)\n",
      one ? "" : "s", fmt::join(open, ", "), one ? "s" : "ve", one ? "it" : "they", one ? "its" : "their");
}

// visits --longest-gap: the answer, then both trips with their evidence.
auto print_longest_gap(context& ctx, const timeline& t, const visit_filter& f,
                       const std::optional<partial_date>& from, const std::optional<partial_date>& to,
                       const visits_options& o) -> int {
  const std::optional<trip_gap> g = longest_gap(t, f);
  const coverage_verdict coverage = visits_coverage(t, f);
  if (o.json) {
    name_list names(t);
    if (f.guest) names.add(*f.guest);
    json answer = nullptr;
    if (g) {
      answer = json::object{{"days", g->length.count()},
                            {"last_day", day_json(g->last_day())},
                            {"next_day", day_json(g->next_day())},
                            {"before", trip_json(g->before, names)},
                            {"after", trip_json(g->after, names)}};
    }
    print_json(ctx, question_json(f, from, to, o), std::move(answer), coverage, names);
    return g ? answered : no_answer;
  }
  std::string what = f.level ? fmt::format("{} visit", *f.level) : std::string("visit");
  const std::string scope = scope_text(t, f, from, to, o.planned);
  if (!g) {
    print_out("Fewer than two {}s{} in this data: there is no gap between them.\n", what, scope);
    print_coverage_note(coverage);
    return no_answer;
  }
  if (g->length.count() == 0) {
    print_out(
        "The longest time without a {}{}: none; each {} began by the day after the ones "
        "before it ended.\n",
        what, scope, what);
  } else {
    // The gap's bounds: the last day of the trip before, the first day of the trip after.
    print_out("The longest time without a {}{}: {} days, between {} and {}.\n", what, scope,
              g->length.count(), day_text(g->last_day()), day_text(g->next_day()));
  }
  print_open_ends(visits(t, f));
  print_coverage_note(coverage);
  for (const auto& [label, tr] : {std::pair{"before", &g->before}, std::pair{"after", &g->after}}) {
    print_out("\n  {}: {}\n\n", label, *tr);
    print_evidence(t, tr->main(), {}, "    ");
  }
  return answered;
}

// The options and flags of `diplo visits`, and its help footer.
void add_visits_options(CLI::App* sub, visits_options& o) {
  sub->add_option("--guest", o.guest, "Only trips of this person (a name, an alias or an id)")
      ->type_name("A");
  sub->add_option("--guest-country", o.guest_country,
                  "Only trips of leaders of this country (ISO code or name)")
      ->type_name("CC");
  sub->add_option("--host-country", o.host_country, "Only trips to this country (ISO code or name)")
      ->type_name("CC");
  sub->add_option("--level", o.level, "Only trips of this protocol level")
      ->type_name("LEVEL")
      ->check(CLI::IsMember(level_names()));
  sub->add_option("--from", o.from, "Only trips starting on or after DATE (its first day)")
      ->type_name("DATE");
  sub->add_option("--to", o.to, "Only trips starting on or before DATE (its last day)")->type_name("DATE");
  sub->add_flag("--planned", o.planned, "Count announced, planned and postponed events too");
  auto* count =
      sub->add_flag("--count", o.count, "Print the number of trips alone on the first line, then the trips");
  auto* first = sub->add_flag("--first", o.first, "Only the first trip, with its evidence");
  auto* last = sub->add_flag("--last", o.last, "Only the last trip, with its evidence");
  auto* gap = sub->add_flag("--longest-gap", o.longest_gap,
                            "The longest time between two matching trips, with both trips");
  count->excludes(first)->excludes(last)->excludes(gap);
  first->excludes(last)->excludes(gap);
  last->excludes(gap);
  add_json_flag(sub, o.json);
  set_footer(sub,
             "A person visits a country whenever they attend an event held there outside their own\n"
             "country: a state visit, but also a summit or a ceremony abroad. The events of one stay\n"
             "make one trip, counted once. Dates are EDTF (2022-02-24, 2022-02, 2022): --from uses\n"
             "the first day of DATE, --to its last day. Without --count, --first or --last every\n"
             "matching trip is listed. --longest-gap: the most days with no matching trip under\n"
             "way, from the end of the trips before (the one that ended last) to the next start;\n"
             "a trip with an open or unknown end (2020/..) may still be under way, so no gap is\n"
             "counted after it.");
}

// visits --json: the question, then the trips (or the one --first or --last chose).
auto print_visits_json(context& ctx, const timeline& t, const trip_query& q, const visits_options& o,
                       const std::vector<trip>& all, const coverage_verdict& coverage) -> int {
  const visit_filter& f = q.filter;
  const bool one = o.first || o.last;
  const trip* chosen = all.empty() ? nullptr : o.first ? &all.front() : &all.back();
  name_list names(t);
  if (f.guest) names.add(*f.guest);
  json question = question_json(f, q.from, q.to, o);
  json answer = nullptr;
  if (one && chosen != nullptr) {
    answer = trip_json(*chosen, names);
  } else if (!one && !all.empty()) {
    json list = json::make_array();
    for (const trip& tr : all) list.push(trip_json(tr, names));
    answer = json::object{{"count", all.size()}, {"trips", std::move(list)}};
  }
  print_json(ctx, std::move(question), std::move(answer), coverage, names);
  return all.empty() ? no_answer : answered;
}

// visits --first / --last: the trip, its evidence, and its events when it holds several.
void print_chosen_trip(const timeline& t, const visit_filter& f, const trip& tr, bool first,
                       const std::string& what, const std::string& scope, const coverage_verdict& coverage) {
  print_out("{} {}{}: {}, {}{}.\n", first ? "First" : "Last", what, scope, tr.when, trip_place(tr),
            f.guest ? "" : fmt::format(", by {}", name_of(t, tr.guest)));
  print_coverage_note(coverage);
  print_out("  {}\n\n", one_line(fmt::format("{}", tr)));
  print_evidence(t, tr.main());
  if (tr.events.size() > 1) {
    print_out("\n  Events of this trip:\n");
    table tab({"date", "place", "kind", "event"});
    for (const event_ref& ref : tr.events) {
      const event e = ref.value();
      tab.add({fmt::format("{}", base(e).when), place_text(e), kind_text(e),
               fmt::format("{} ({})", event_label(t, ref), base(e).id)});
    }
    tab.print("    ");
  }
}

// visits in words: none, the one chosen, or the number (with --count alone on a line) and
// the table of trips.
auto print_visits(const timeline& t, const trip_query& q, const visits_options& o,
                  const std::vector<trip>& all, const coverage_verdict& coverage) -> int {
  const visit_filter& f = q.filter;
  // "state visits by Xi Jinping to Russia from 24 February 2022 to 10 May 2025"
  std::string what = f.level ? fmt::format("{} visit", *f.level) : std::string("visit");
  const std::string scope = scope_text(t, f, q.from, q.to, o.planned);

  if (all.empty()) {
    if (o.count) print_out("0\n");
    print_out("No {}s{} in this data.\n", what, scope);
    print_coverage_note(coverage);
    return no_answer;
  }
  if (o.first || o.last) {
    print_chosen_trip(t, f, o.first ? all.front() : all.back(), o.first, what, scope, coverage);
    return answered;
  }
  if (o.count) print_out("{}\n", all.size());
  print_out("{} {}{}{}:\n", all.size(), what, all.size() == 1 ? "" : "s", scope);
  print_coverage_note(coverage);
  std::vector<std::string> header{"date", "place", "kind", "event"};
  if (!f.guest) header.insert(header.begin() + 1, "guest");
  table tab(header);
  for (const trip& tr : all) {
    std::vector<std::string> row{fmt::format("{}", tr.when), trip_place(tr), trip_kind(tr),
                                 trip_label(t, tr)};
    if (!f.guest) row.insert(row.begin() + 1, name_of(t, tr.guest));
    tab.add(std::move(row));
  }
  tab.print();
  return answered;
}

// The answer: the filter from the options, then the longest gap, JSON or words.
auto run_visits(context& ctx, const visits_options& o) -> int {
  trip_query q = trip_query_of(o);
  if (!o.level.empty()) {
    for (auto l : {visit_level::unspecified, visit_level::private_visit, visit_level::working,
                   visit_level::official, visit_level::state}) {
      if (name(l) == o.level) q.filter.level = l;
    }
  }
  const timeline& t = ctx.data();
  if (!o.guest.empty()) q.filter.guest = resolve(t, o.guest);
  if (o.longest_gap) return print_longest_gap(ctx, t, q.filter, q.from, q.to, o);
  const std::vector<trip> all = visits(t, q.filter);
  const coverage_verdict coverage = chosen_coverage(t, q.filter, all, o.first, o.last);
  return o.json ? print_visits_json(ctx, t, q, o, all, coverage) : print_visits(t, q, o, all, coverage);
}

}  // namespace

auto add_visits(CLI::App& app) -> command {
  auto o = std::make_shared<visits_options>();
  CLI::App* sub =
      app.add_subcommand("visits", "Trips abroad: who went where, when; how many times A visited a country");
  add_visits_options(sub, *o);
  return {sub, [o](context& ctx) -> int { return run_visits(ctx, *o); }};
}

}  // namespace diplo::cli
