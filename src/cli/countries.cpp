// SPDX-License-Identifier: MIT
// diplo countries A [--from DATE] [--to DATE] [--planned] [--top N] [--json]:
// the countries A visited, ranked by the number of trips.

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

struct countries_options {
  std::string who, from, to;
  std::size_t top = 0;
  bool planned = false, json = false;
};

// The question, parsed: who, the filter and its bounds as given.
struct countries_query {
  actor_id who;
  visit_filter filter;
  std::optional<partial_date> from;
  std::optional<partial_date> to;
};

// The answer: the countries visited, most first, and how many of them are shown.
struct countries_answer {
  std::vector<country_visits> all;
  std::size_t trips = 0;  // to all of them
  std::size_t shown = 0;
  coverage_verdict coverage{};
};

// The options and flags of `diplo countries`, and its help footer.
void add_countries_options(CLI::App* sub, countries_options& o) {
  sub->add_option("A", o.who, "A person: a name, an alias or an id")->required()->type_name("NAME");
  sub->add_option("--from", o.from, "Only trips starting on or after DATE (its first day)")
      ->type_name("DATE");
  sub->add_option("--to", o.to, "Only trips starting on or before DATE (its last day)")->type_name("DATE");
  sub->add_option("--top", o.top, "Show only the N countries visited most")
      ->type_name("N")
      ->check(positive_count());
  sub->add_flag("--planned", o.planned, "Count announced, planned and postponed events too");
  add_json_flag(sub, o.json);
  set_footer(sub,
             "Counts trips as 'diplo visits' does: a person visits a country whenever they attend an\n"
             "event held there outside their own country, and the events of one stay are one trip\n"
             "(consecutive stops in one country, each starting by the day after the last ends).\n"
             "Abroad is told from A's country: on days the data gives A none (no country, no\n"
             "office), A's events count as no trip, and the answer says so.\n"
             "The answer names the country visited most; the trips to it follow as evidence.");
}

// countries --json: the question, then the countries shown with their first and last trips.
auto print_countries_json(context& ctx, const timeline& t, const countries_query& q,
                          const countries_options& o, const countries_answer& r) -> int {
  name_list names(t);
  names.add(q.who);
  json question = json::object{
      {"command", "countries"}, {"who", q.who.value()}, {"from", date_json(q.from)},
      {"to", date_json(q.to)},  {"planned", o.planned}, {"top", o.top == 0 ? json(nullptr) : json(o.top)}};
  json answer = nullptr;
  if (!r.all.empty()) {
    json list = json::make_array();
    for (std::size_t i = 0; i < r.shown; ++i) {
      const auto& c = r.all[i];
      list.push(json::object{{"country", std::string(c.country.alpha2())},
                             {"trips", c.trips},
                             {"first", trip_json(c.first, names)},
                             {"last", trip_json(c.last, names)}});
    }
    answer = json::object{{"countries", r.all.size()}, {"trips", r.trips}, {"visited", std::move(list)}};
  }
  print_json(ctx, std::move(question), std::move(answer), r.coverage, names);
  return r.all.empty() ? no_answer : answered;
}

// The evidence: the trips to the country visited most, with their sources.
void print_trips_to(const timeline& t, const countries_query& q, country_code country) {
  visit_filter g = q.filter;
  g.guest = q.who;
  g.host_country = country;
  print_out("\n  Trips to {}:\n", country);
  table ev({"date", "place", "event", "source"});
  std::vector<std::string> urls;
  for (const trip& tr : visits(t, g)) {
    const event e = tr.main().value();
    std::string src = "none recorded";
    if (!base(e).sources.empty()) {
      const source& s = base(e).sources.front();
      src = s.title.empty() ? s.url : s.title;
      if (base(e).sources.size() > 1) src += fmt::format(" (+{})", base(e).sources.size() - 1);
    }
    for (const source& s : base(e).sources) {
      std::string u = s.publisher.empty() ? s.url : fmt::format("{} <{}>", s.publisher, s.url);
      if (std::find(urls.begin(), urls.end(), u) == urls.end()) urls.push_back(u);
    }
    std::string id = base(e).id.value();
    if (tr.events.size() > 1) {
      id += fmt::format(" (+{} event{})", tr.events.size() - 1, tr.events.size() == 2 ? "" : "s");
    }
    ev.add({fmt::format("{}", tr.when), place_text(e), id, src});
  }
  ev.print("    ");
  for (std::size_t i = 0; i < urls.size(); ++i) {
    print_out("    {:<9}{}\n", i == 0 ? "sources" : "", urls[i]);
  }
}

// countries in words: the country (or countries, on a tie) visited most, the table of
// countries, then the trips to the first of them.
auto print_countries(const timeline& t, const countries_query& q, const countries_answer& r) -> int {
  const std::string who = name_of(t, q.who);
  const std::string bounds = bounds_text(q.from, q.to);
  // Abroad is told from home: with no country of their own, the days no office
  // gives one count nowhere (neither at home nor abroad).
  const auto* p = std::get_if<person>(t.actors().find(q.who));
  const std::string unknown_home =
      p != nullptr && p->country.empty()
          ? fmt::format(
                "({}'s own country is not in this data: events on days no office of "
                "theirs names a country are not counted as trips abroad.)\n",
                who)
          : "";
  if (r.all.empty()) {
    print_out("No trips abroad by {}{} in this data.\n{}", who, bounds, unknown_home);
    print_coverage_note(r.coverage);
    return no_answer;
  }
  const auto& all = r.all;
  std::vector<std::string> most;
  for (const auto& c : all) {
    if (c.trips == all.front().trips) most.push_back(fmt::format("{}", c.country));
  }
  const std::size_t n = all.front().trips;
  std::string list =
      most.size() == 1 ? most.front()
                       : fmt::format("{} and {}", fmt::join(most.begin(), most.end() - 1, ", "), most.back());
  print_out("{} visited {} most{}: {} trip{}{}.\n", who, list, bounds, n, n == 1 ? "" : "s",
            most.size() == 1 ? "" : " each");
  print_out("{}", unknown_home);
  print_coverage_note(r.coverage);
  print_out("{} trip{} to {} countr{}{}:\n", r.trips, r.trips == 1 ? "" : "s", all.size(),
            all.size() == 1 ? "y" : "ies",
            r.shown < all.size() ? fmt::format(" (the {} visited most shown)", r.shown) : "");
  table tab({"country", "trips", "first", "last"});
  tab.align_right(1);
  for (std::size_t i = 0; i < r.shown; ++i) {
    const auto& c = all[i];
    tab.add({fmt::format("{}", c.country), fmt::format("{}", c.trips), fmt::format("{}", c.first.when),
             fmt::format("{}", c.last.when)});
  }
  tab.print();
  print_trips_to(t, q, all.front().country);
  return answered;
}

// The answer: the question parsed, the countries counted, then JSON or words.
auto run_countries(context& ctx, const countries_options& o) -> int {
  countries_query q;
  const date_range dates = date_range_of(o.from, o.to);
  q.from = dates.from;
  q.to = dates.to;
  q.filter.planned = o.planned;
  if (q.from) q.filter.from = q.from->earliest();
  if (q.to) q.filter.to = q.to->latest();
  const timeline& t = ctx.data();
  q.who = resolve(t, o.who);
  countries_answer r;
  auto [all, coverage] = answer_visited_countries(t, q.who, q.filter);
  r.all = std::move(all);
  r.coverage = std::move(coverage);
  for (const auto& c : r.all) r.trips += c.trips;
  r.shown = o.top == 0 ? r.all.size() : std::min(o.top, r.all.size());
  return o.json ? print_countries_json(ctx, t, q, o, r) : print_countries(t, q, r);
}

}  // namespace

auto add_countries(CLI::App& app) -> command {
  auto o = std::make_shared<countries_options>();
  CLI::App* sub = app.add_subcommand("countries", "Which countries A visited, and how often (most first)");
  add_countries_options(sub, *o);
  return {sub, [o](context& ctx) -> int { return run_countries(ctx, *o); }};
}

}  // namespace diplo::cli
