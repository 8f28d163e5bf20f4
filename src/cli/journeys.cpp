// SPDX-License-Identifier: MIT
// diplo journeys [--guest A] [--guest-country CC] [--host-country CC] [--from DATE] [--to DATE]
//                [--planned] [--count|--first|--last] [--json]: how many times someone set out.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "common.h"

namespace diplo::cli {

namespace {

// "United Kingdom (London), France (Strasbourg), Germany (Baden-Baden)".
auto stops_text(const journey& j) -> std::string {
  std::vector<std::string> parts;
  for (const trip& s : j.stops) {
    std::string city = s.main().place().city;
    parts.push_back(city.empty() ? fmt::format("{}", s.country) : fmt::format("{} ({})", s.country, city));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

auto journey_json(const journey& j, name_list& names) -> json {
  names.add(j.guest);
  json stops = json::make_array();
  for (const trip& s : j.stops) stops.push(trip_json(s, names));
  json countries = json::make_array();
  for (const auto& c : j.countries()) countries.push(std::string(c.alpha2()));
  return json::object{{"id", j.id.empty() ? json(nullptr) : json(j.id)},
                      {"guest", j.guest.value()},
                      {"when", j.when.to_edtf()},
                      {"countries", std::move(countries)},
                      {"stops", std::move(stops)}};
}

struct journeys_options {
  std::string guest, guest_country, host_country, from, to;
  bool planned = false, count = false, first = false, last = false, json = false;
};

// The options and flags of `diplo journeys`, and its help footer.
void add_journeys_options(CLI::App* sub, journeys_options& o) {
  sub->add_option("--guest", o.guest, "Only journeys of this person (a name, an alias or an id)")
      ->type_name("A");
  sub->add_option("--guest-country", o.guest_country,
                  "Only journeys of leaders of this country (ISO code or name)")
      ->type_name("CC");
  sub->add_option("--host-country", o.host_country,
                  "Only journeys with a stop in this country (ISO code or name)")
      ->type_name("CC");
  sub->add_option("--from", o.from, "Only journeys starting on or after DATE (its first day)")
      ->type_name("DATE");
  sub->add_option("--to", o.to, "Only journeys starting on or before DATE (its last day)")->type_name("DATE");
  sub->add_flag("--planned", o.planned, "Count announced, planned and postponed events too");
  auto* count = sub->add_flag("--count", o.count,
                              "Print the number of journeys alone on the first line, then the journeys");
  auto* first = sub->add_flag("--first", o.first, "Only the first journey, with its stops");
  auto* last = sub->add_flag("--last", o.last, "Only the last journey, with its stops");
  count->excludes(first)->excludes(last);
  first->excludes(last);
  add_json_flag(sub, o.json);
  set_footer(sub,
             "A journey is one setting-out: the consecutive stops of one traveller that share a\n"
             "journey id (the Office of the Historian import groups stops starting at most a day\n"
             "after the journey so far ends). Each stop is a trip to one country, as 'diplo visits'\n"
             "counts them; a trip whose events name no journey is a journey of its own. So\n"
             "'journeys --count' says how many times someone went abroad, and 'visits --count'\n"
             "how many trips to countries that made.");
}

// journeys --json: the question, then the journeys (or the one --first or --last chose).
auto print_journeys_json(context& ctx, const timeline& t, const trip_query& q, const journeys_options& o,
                         const std::vector<journey>& all, const coverage_verdict& coverage) -> int {
  const visit_filter& f = q.filter;
  const bool one = o.first || o.last;
  const journey* chosen = all.empty() ? nullptr : o.first ? &all.front() : &all.back();
  std::size_t stops = 0;
  for (const journey& j : all) stops += j.stops.size();
  name_list names(t);
  if (f.guest) names.add(*f.guest);
  auto code = [](country_code c) -> json {
    return c.empty() ? json(nullptr) : json(std::string(c.alpha2()));
  };
  json question = json::object{{"command", "journeys"},
                               {"guest", f.guest ? json(f.guest->value()) : json(nullptr)},
                               {"guest_country", code(f.guest_country)},
                               {"host_country", code(f.host_country)},
                               {"from", date_json(q.from)},
                               {"to", date_json(q.to)},
                               {"planned", o.planned},
                               {"select", o.count   ? "count"
                                          : o.first ? "first"
                                          : o.last  ? "last"
                                                    : "all"}};
  json answer = nullptr;
  if (one && chosen != nullptr) {
    answer = journey_json(*chosen, names);
  } else if (!one && !all.empty()) {
    json list = json::make_array();
    for (const journey& j : all) list.push(journey_json(j, names));
    answer = json::object{{"count", all.size()}, {"stops", stops}, {"journeys", std::move(list)}};
  }
  print_json(ctx, std::move(question), std::move(answer), coverage, names);
  return all.empty() ? no_answer : answered;
}

// "by Barack Obama with a stop in France from 2009": who, where, when.
auto journeys_scope(const timeline& t, const trip_query& q, bool planned) -> std::string {
  const visit_filter& f = q.filter;
  std::string scope;
  if (f.guest) scope += fmt::format(" by {}", name_of(t, *f.guest));
  if (!f.guest_country.empty()) {
    scope += fmt::format(" by {} of {}", f.guest ? "a leader" : "leaders", f.guest_country);
  }
  if (!f.host_country.empty()) scope += fmt::format(" with a stop in {}", f.host_country);
  scope += q.from ? bounds_text(q.from, q.to) : bounds_text(q.from, q.to, "from", "up to");
  if (planned) scope += " (planned ones included)";
  return scope;
}

// journeys --first / --last: the journey, then every event of its stops with a source.
void print_chosen_journey(const timeline& t, const visit_filter& f, const journey& j, bool first,
                          const std::string& scope) {
  print_out("{} journey abroad{}: {}, {} stop{}{}.\n", first ? "First" : "Last", scope, j.when,
            j.stops.size(), j.stops.size() == 1 ? "" : "s",
            f.guest ? "" : fmt::format(", by {}", name_of(t, j.guest)));
  print_out("  {}\n", one_line(fmt::format("{}", j)));
  if (!j.id.empty()) print_out("  journey  {}\n", j.id);
  print_out("\n");
  table tab({"date", "place", "event", "source"});
  for (const trip& s : j.stops) {
    for (const event_ref& ref : s.events) {
      const event e = ref.value();
      const auto& src = base(e).sources;
      std::string text = "none recorded";
      if (!src.empty()) {
        text = src.front().publisher.empty() ? src.front().url
                                             : fmt::format("{} <{}>", src.front().publisher, src.front().url);
        if (!src.front().title.empty()) text += fmt::format(" ({})", src.front().title);
      }
      tab.add({fmt::format("{}", base(e).when), place_text(e), base(e).id.value(), text});
    }
  }
  tab.print();
}

// journeys in words: none, the one chosen, or the number (with --count alone on a line)
// and the table of journeys.
auto print_journeys(const timeline& t, const trip_query& q, const journeys_options& o,
                    const std::vector<journey>& all, const coverage_verdict& coverage) -> int {
  const visit_filter& f = q.filter;
  const std::string scope = journeys_scope(t, q, o.planned);
  if (all.empty()) {
    if (o.count) print_out("0\n");
    print_out("No journeys abroad{} in this data.\n", scope);
    print_coverage_note(coverage);
    return no_answer;
  }
  if (o.first || o.last) {
    print_chosen_journey(t, f, o.first ? all.front() : all.back(), o.first, scope);
    print_coverage_note(coverage);
    return answered;
  }
  std::size_t stops = 0;
  for (const journey& j : all) stops += j.stops.size();
  if (o.count) print_out("{}\n", all.size());
  print_out("{} journey{} abroad{} ({} stop{}):\n", all.size(), all.size() == 1 ? "" : "s", scope, stops,
            stops == 1 ? "" : "s");
  print_coverage_note(coverage);
  // The stops last: the one column of unbounded width.
  std::vector<std::string> header{"date", "journey", "stops"};
  if (!f.guest) header.insert(header.begin() + 1, "guest");
  table tab(header);
  for (const journey& j : all) {
    std::vector<std::string> row{fmt::format("{}", j.when),
                                 j.id.empty() ? j.stops.front().main().id().value() : j.id, stops_text(j)};
    if (!f.guest) row.insert(row.begin() + 1, name_of(t, j.guest));
    tab.add(std::move(row));
  }
  tab.print();
  return answered;
}

// The answer: the filter from the options, the journeys, then JSON or words.
auto run_journeys(context& ctx, const journeys_options& o) -> int {
  trip_query q = trip_query_of(o);
  const timeline& t = ctx.data();
  if (!o.guest.empty()) q.filter.guest = resolve(t, o.guest);
  const std::vector<journey> all = journeys(t, q.filter);
  const coverage_verdict coverage = chosen_coverage(t, q.filter, all, o.first, o.last);
  return o.json ? print_journeys_json(ctx, t, q, o, all, coverage) : print_journeys(t, q, o, all, coverage);
}

}  // namespace

auto add_journeys(CLI::App& app) -> command {
  auto o = std::make_shared<journeys_options>();
  CLI::App* sub = app.add_subcommand(
      "journeys", "Journeys abroad: how many times someone set out, and the stops of each");
  add_journeys_options(sub, *o);
  return {sub, [o](context& ctx) -> int { return run_journeys(ctx, *o); }};
}

}  // namespace diplo::cli
