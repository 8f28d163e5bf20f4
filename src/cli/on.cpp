// SPDX-License-Identifier: MIT
// diplo on DATE [--country CC] [--planned] [--json]: who was where on a day.

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "common.h"

namespace diplo::cli {

namespace {

struct on_options {
  std::string day, country;
  bool planned = false, json = false;
};

// --json: the question, and everyone placed with their events.
auto print_on_json(context& ctx, const timeline& t, const on_options& o, const partial_date& d,
                   const whereabouts_options& opt, const std::vector<person_whereabouts>& all,
                   const coverage_verdict& coverage) -> int {
  name_list names(t);
  json q =
      json::object{{"command", "on"},
                   {"date", d.to_edtf()},
                   {"country", opt.country.empty() ? json(nullptr) : json(std::string(opt.country.alpha2()))},
                   {"planned", o.planned}};
  json answer = nullptr;
  if (!all.empty()) {
    json people = json::make_array();
    for (const person_whereabouts& p : all) {
      names.add(p.actor);
      json places = json::make_array();
      for (const whereabouts& w : p.whereabouts) {
        const event e = w.event.value();
        places.push(json::object{{"certainty", std::string(name(w.certainty))},
                                 {"place", day_place_text(e)},
                                 {"event", event_json(e, names)}});
      }
      people.push(json::object{{"who", p.actor.value()}, {"places", std::move(places)}});
    }
    answer = json::object{{"count", all.size()}, {"people", std::move(people)}};
  }
  print_json(ctx, std::move(q), std::move(answer), coverage, names);
  return all.empty() ? no_answer : answered;
}

// The table of people, places and events (people at one event stand together). Returns
// the events it lists, each once.
auto print_people(const timeline& t, const std::vector<person_whereabouts>& all) -> std::vector<event_ref> {
  table tab({"person", "place", "kind", "event"});
  std::vector<event_ref> cited;
  for (const person_whereabouts& p : all) {
    bool first = true;
    for (const whereabouts& w : p.whereabouts) {
      const event e = w.event.value();
      std::string place = day_place_text(e);
      if (w.certainty == truth::possibly) place += " (possibly)";
      tab.add({first ? name_of(t, p.actor) : "", place, kind_text(e), base(e).id.value()});
      first = false;
      if (std::find(cited.begin(), cited.end(), w.event) == cited.end()) cited.push_back(w.event);
    }
  }
  tab.print();
  return cited;
}

// Evidence: each event once, in timeline order, with its sources.
void print_sources(std::vector<event_ref> cited) {
  std::sort(cited.begin(), cited.end(),
            [](const event_ref& a, const event_ref& b) { return a.number() < b.number(); });
  print_out("\n  Sources:\n");
  table src({"event", "days", "source"});
  for (const event_ref& e : cited) {
    std::string days = fmt::format("{}", e.when());
    if (e.sources().empty()) src.add({e.id().value(), days, "none recorded"});
    bool first = true;
    for (const source& s : e.sources()) {
      std::string text = s.publisher.empty() ? s.url : fmt::format("{} <{}>", s.publisher, s.url);
      if (!s.title.empty()) text += fmt::format(" ({})", s.title);
      src.add({first ? e.id().value() : "", first ? days : "", text});
      first = false;
    }
  }
  src.print("    ");
}

// The answer: the question parsed, everyone placed on the day, then JSON or words.
auto run_on(context& ctx, const on_options& o) -> int {
  const partial_date d = parse_day(o.day, "DATE");
  whereabouts_options opt{.planned = o.planned};
  if (!o.country.empty()) opt.country = parse_country(o.country, "--country");
  const timeline& t = ctx.data();
  const auto [all, coverage] = answer_whereabouts_on(t, d.earliest(), opt);
  if (o.json) return print_on_json(ctx, t, o, d, opt, all, coverage);

  const std::string in = opt.country.empty() ? "" : fmt::format(" in {}", opt.country);
  if (all.empty()) {
    print_out("No event in this data places anyone{} on {}.\n", in, d);
    print_coverage_note(coverage);
    return no_answer;
  }
  print_out("On {}, this data places {}{}:\n", d,
            all.size() == 1 ? std::string("one person") : fmt::format("{} people", all.size()), in);
  print_coverage_note(coverage);
  print_sources(print_people(t, all));
  return answered;
}

}  // namespace

auto add_on(CLI::App& app) -> command {
  auto o = std::make_shared<on_options>();
  CLI::App* sub = app.add_subcommand("on", "Who was where on a day: everyone the data places somewhere");
  sub->add_option("DATE", o->day, "A day, YYYY-MM-DD")->required()->type_name("DATE");
  sub->add_option("--country", o->country, "Only events held in this country (ISO code or name)")
      ->type_name("CC");
  sub->add_flag("--planned", o->planned, "Count announced, planned and postponed events too");
  add_json_flag(sub, o->json);
  set_footer(sub,
             "Lists every person an in-person event places somewhere on DATE (guests, hosts,\n"
             "participants, attendees), with the event, as 'diplo where' would for each of them;\n"
             "people at one event stand together. An event of partial dates may only possibly\n"
             "cover the day, and says so. The sources of every event listed follow the table.");
  return {sub, [o](context& ctx) -> int { return run_on(ctx, *o); }};
}

}  // namespace diplo::cli
