// SPDX-License-Identifier: MIT
// diplo where A DATE [--planned] [--json]

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "common.h"

namespace diplo::cli {

namespace {

// The certain events that hold no other certain one of `found` (the innermost), in order;
// the first possible event when none is certain.
auto most_specific(const std::vector<whereabouts>& found) -> std::vector<const whereabouts*> {
  std::vector<const whereabouts*> out;
  auto inside = [&](const event_ref& inner, const event_ref& outer) {
    for (event_ref p = inner.parent(); p; p = p.parent()) {
      if (p == outer) return true;
    }
    return false;
  };
  for (const whereabouts& w : found) {
    if (w.certainty != truth::certainly) continue;
    const bool holds_another = std::any_of(found.begin(), found.end(), [&](const whereabouts& x) {
      return x.certainty == truth::certainly && inside(x.event, w.event);
    });
    if (!holds_another) out.push_back(&w);
  }
  if (out.empty()) out.push_back(&found.front());
  return out;
}

}  // namespace

auto add_where(CLI::App& app) -> command {
  struct options {
    std::string who, day;
    bool planned = false, json = false;
  };
  auto o = std::make_shared<options>();
  CLI::App* sub = app.add_subcommand("where", "Where was A on a day?");
  sub->add_option("A", o->who, "A person: a name, an alias or an id")->required()->type_name("NAME");
  sub->add_option("DATE", o->day, "A day, YYYY-MM-DD")->required()->type_name("DATE");
  sub->add_flag("--planned", o->planned, "Count announced, planned and postponed events too");
  add_json_flag(sub, o->json);
  set_footer(sub,
             "Lists the in-person events that place A somewhere on DATE (as the event's place counts\n"
             "the day), certain ones first. An event whose dates are partial (\"October 2024\") may\n"
             "only possibly cover the day, and says so. Calls place nobody. A visit to several\n"
             "cities places A in one of them (\"Russia (Moscow, Kazan or Sochi)\") unless an event\n"
             "inside it says which; two events in different places on the day are both named.");

  return {sub, [o](context& ctx) -> int {
            const partial_date d = parse_day(o->day, "DATE");
            const timeline& t = ctx.data();
            const actor_id a = resolve(t, o->who);
            const auto [found, coverage] =
                answer_where(t, a, d.earliest(), {.planned = o->planned, .cancelled = false});

            if (o->json) {
              name_list names(t);
              names.add(a);
              json q = json::object{
                  {"command", "where"}, {"who", a.value()}, {"date", d.to_edtf()}, {"planned", o->planned}};
              json answer = nullptr;
              if (!found.empty()) {
                json list = json::make_array();
                for (const whereabouts& w : found) {
                  list.push(json::object{{"certainty", std::string(name(w.certainty))},
                                         {"place", day_place_text(w.event.value())},
                                         {"event", event_json(w.event.value(), names)}});
                }
                answer = json::object{{"places", std::move(list)}};
              }
              print_json(ctx, std::move(q), std::move(answer), coverage, names);
              return found.empty() ? no_answer : answered;
            }
            if (found.empty()) {
              print_out("No event in this data places {} on {}.\n", name_of(t, a), d);
              print_coverage_note(coverage);
              return no_answer;
            }
            // The answer: the most specific events that surely cover the day (the parade
            // rather than the state visit around it), each place once; else the first
            // possible one.
            const std::vector<const whereabouts*> best = most_specific(found);
            const status st = best.front()->event.status();
            std::vector<std::string> places;  // "in Paris, France and Brussels, Belgium"
            for (const whereabouts* w : best) {
              const event e = w->event.value();
              const std::string at = day_place_text(e);
              std::string p = at.empty()
                                  ? fmt::format("at a {} (no place recorded)", kind_label(e))
                                  : (places.empty() || places.back().starts_with("at ") ? "in " : "") + at;
              if (std::find(places.begin(), places.end(), p) == places.end()) places.push_back(std::move(p));
            }
            print_out("{} {} {}{} on {}{}.\n", name_of(t, a), st == status::occurred ? "was" : "is to be",
                      best.front()->certainty == truth::certainly ? "" : "possibly ",
                      fmt::join(places, " and "), d, st == status::occurred ? "" : fmt::format(" ({})", st));
            print_coverage_note(coverage);
            for (const whereabouts& w : found) {
              print_out("\n  {}\n\n", w);
              print_evidence(t, w.event);
            }
            return answered;
          }};
}

}  // namespace diplo::cli
