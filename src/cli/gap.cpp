// SPDX-License-Identifier: MIT
// diplo gap A B [--calls] [--json]: the longest time between two meetings of A and B.

#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "common.h"

namespace diplo::cli {

auto add_gap(CLI::App& app) -> command {
  struct options {
    std::string a, b;
    bool calls = false, json = false;
  };
  auto o = std::make_shared<options>();
  CLI::App* sub = app.add_subcommand("gap", "The longest time between two meetings of A and B");
  sub->add_option("A", o->a, "A person: a name, an alias or an id")->required()->type_name("NAME");
  sub->add_option("B", o->b, "Another person")->required()->type_name("NAME");
  sub->add_flag("--calls", o->calls, "Count phone and video calls too");
  add_json_flag(sub, o->json);
  set_footer(sub,
             std::string(meet_footer) +
                 "\nThe gap runs from the last day of the encounters so far (the one that ended last, as a\n"
                 "long visit may outlast a meeting held during it) to the first day of the next.");

  return {
      sub, [o](context& ctx) -> int {
        const timeline& t = ctx.data();
        const auto [a, b] = resolve_pair(t, o->a, o->b);
        const auto [g, coverage] = answer_longest_gap(t, a, b, {.calls = o->calls});

        if (o->json) {
          name_list names(t);
          names.add(a);
          names.add(b);
          json q = json::object{{"command", "gap"}, {"a", a.value()}, {"b", b.value()}, {"calls", o->calls}};
          json answer = nullptr;
          if (g) {
            answer = json::object{{"days", g->length.count()},
                                  {"last_day", day_json(g->last_day())},
                                  {"next_day", day_json(g->next_day())},
                                  {"before", encounter_json(g->before, names)},
                                  {"after", encounter_json(g->after, names)}};
          }
          print_json(ctx, std::move(q), std::move(answer), coverage, names);
          return g ? answered : no_answer;
        }
        const std::string who = fmt::format("{} and {}", name_of(t, a), name_of(t, b));
        if (!g) {
          print_out("{} {} fewer than twice in this data: there is no gap between meetings.\n", who,
                    meet_verb(o->calls));
          print_coverage_note(coverage);
          return no_answer;
        }
        if (g->length.count() == 0) {
          print_out(
              "{} never went a day without {}: each encounter began by the day after "
              "the ones before it ended.\n",
              who, meeting_gerund(o->calls));
        } else {
          // The count's bounds: the last day of the encounter that ended last before the
          // gap (not always the latest to start), the first day of the next one.
          print_out(
              "The longest time {} went without {}: {} days, from the end of one "
              "encounter on {} to the start of the next on {}.\n",
              who, meeting_gerund(o->calls), g->length.count(), day_text(g->last_day()),
              day_text(g->next_day()));
        }
        if (!known_day(g->last_day())) {
          print_out(
              "(The encounter {} ({}) has no known end: it may still be under way, so no "
              "gap is counted after its start.)\n",
              g->before.events.front().id(), g->before.events.front().when());
        }
        print_coverage_note(coverage);
        print_out("\n  before: {}\n          ({})\n", one_line(fmt::format("{}", g->before)),
                  g->before.event.id());
        print_out("  after:  {}\n          ({})\n", one_line(fmt::format("{}", g->after)),
                  g->after.event.id());
        return answered;
      }};
}

}  // namespace diplo::cli
