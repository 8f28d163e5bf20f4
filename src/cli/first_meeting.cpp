// SPDX-License-Identifier: MIT
// diplo first-meeting A B [--after DATE] [--calls] [--possibly] [--planned] [--json]

#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "common.h"

namespace diplo::cli {

auto add_first_meeting(CLI::App& app) -> command {
  struct options {
    std::string a, b, after;
    bool calls = false, possibly = false, planned = false, json = false;
  };
  auto o = std::make_shared<options>();
  CLI::App* sub = app.add_subcommand("first-meeting", "When did A and B first meet?");
  sub->add_option("A", o->a, "A person: a name, an alias or an id")->required()->type_name("NAME");
  sub->add_option("B", o->b, "Another person")->required()->type_name("NAME");
  sub->add_option("--after", o->after, "Only meetings starting on or after DATE (its first day)")
      ->type_name("DATE");
  sub->add_flag("--calls", o->calls, "Count phone and video calls too");
  sub->add_flag("--possibly", o->possibly,
                "With partial dates, accept meetings that may start on or after DATE");
  sub->add_flag("--planned", o->planned, "Count announced, planned and postponed events too");
  add_json_flag(sub, o->json);
  set_footer(sub, meet_footer);

  return {sub, [o](context& ctx) -> int {
            std::optional<partial_date> after;
            if (!o->after.empty()) after = parse_date(o->after, "--after");
            const timeline& t = ctx.data();
            const auto [a, b] = resolve_pair(t, o->a, o->b);
            meet_options opt{.calls = o->calls, .planned = o->planned, .possibly = o->possibly};
            if (after) opt.after = after->earliest();
            const auto [r, coverage] = answer_first_meeting(t, a, b, opt);

            if (o->json) {
              name_list names(t);
              names.add(a);
              names.add(b);
              json q =
                  json::object{{"command", "first-meeting"}, {"a", a.value()},    {"b", b.value()},
                               {"after", date_json(after)},  {"calls", o->calls}, {"possibly", o->possibly},
                               {"planned", o->planned}};
              print_json(ctx, std::move(q), r ? encounter_json(*r, names) : json(nullptr), coverage, names);
              return r ? answered : no_answer;
            }
            const std::string who = fmt::format("{} and {}", name_of(t, a), name_of(t, b));
            const std::string bound = bounds_text(after, std::nullopt, "on or after");
            if (!r) {
              print_out("{} never {}{} in this data.\n", who, meet_verb(o->calls), bound);
              print_coverage_note(coverage);
              return no_answer;
            }
            print_out("{}\n", encounter_answer(t, a, b, *r, "first", o->calls, bound));
            if (after && r->event.when().earliest_start() < opt.after) {
              print_out("(Its date is partial: it may also have started before {}.)\n", *after);
            }
            print_partial_rivals(*r, meetings(t, a, b, opt), false);
            print_coverage_note(coverage);
            print_encounter(t, *r);
            return answered;
          }};
}

}  // namespace diplo::cli
