// SPDX-License-Identifier: MIT
// diplo where A DATE [--planned] [--json]

#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "common.h"

namespace diplo::cli {

namespace {

auto depth(const timeline& t, const event& e) -> int {
  int d = 0;
  for (const event* p = t.parent(e); p != nullptr; p = t.parent(*p)) ++d;
  return d;
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
             "only possibly cover the day, and says so. Calls place nobody.");

  return {sub, [o](context& ctx) -> int {
            const partial_date d = parse_date(o->day, "DATE");
            if (!d.is_exact_day()) {
              throw usage_error(fmt::format("DATE: \"{}\" is not one day; give YYYY-MM-DD", o->day));
            }
            const timeline& t = ctx.data();
            const actor_id a = resolve(t, o->who);
            const std::vector<whereabouts> found =
                where(t, a, d.earliest(), {.planned = o->planned, .cancelled = false});

            if (o->json) {
              name_list names(t);
              names.add(a);
              json q = json::object{{"command", "where"}, {"who", a.value()}, {"date", d.to_edtf()},
                                    {"planned", o->planned}};
              json answer = nullptr;
              if (!found.empty()) {
                json list = json::make_array();
                for (const whereabouts& w : found) {
                  list.push(json::object{{"certainty", std::string(name(w.certainty))},
                                         {"place", place_text(*w.event)},
                                         {"event", event_json(*w.event, names)}});
                }
                answer = json::object{{"places", std::move(list)}};
              }
              print_json(ctx, std::move(q), std::move(answer), names);
              return found.empty() ? no_answer : answered;
            }
            if (found.empty()) {
              print_out("No event in this data places {} on {}.\n", name_of(t, a), d);
              return no_answer;
            }
            // The answer: the most specific event that surely covers the day (the parade
            // rather than the state visit around it), else the first possible one.
            const whereabouts* best = &found.front();
            for (const whereabouts& w : found) {
              if (w.certainty == truth::certainly && depth(t, *w.event) > depth(t, *best->event)) best = &w;
            }
            const status st = base(*best->event).status;
            const std::string at = place_text(*best->event, "");
            print_out("{} {} {}{} on {}{}.\n", name_of(t, a), st == status::occurred ? "was" : "is to be",
                       best->certainty == truth::certainly ? "" : "possibly ",
                       at.empty() ? fmt::format("at a {} (no place recorded)", kind_label(*best->event))
                                  : "in " + at,
                       d, st == status::occurred ? "" : fmt::format(" ({})", st));
            for (const whereabouts& w : found) {
              print_out("\n  {}\n\n", w);
              print_evidence(t, *w.event);
            }
            return answered;
          }};
}

}  // namespace diplo::cli
