// SPDX-License-Identifier: MIT
// diplo last-meeting A B [--before DATE] [--calls] [--possibly] [--planned] [--json]

#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "common.h"

namespace diplo::cli {

auto add_last_meeting(CLI::App& app) -> command {
  struct options {
    std::string a, b, before;
    bool calls = false, possibly = false, planned = false, json = false;
  };
  auto o = std::make_shared<options>();
  CLI::App* sub = app.add_subcommand("last-meeting", "When did A and B last meet?");
  sub->add_option("A", o->a, "A person: a name, an alias or an id")->required()->type_name("NAME");
  sub->add_option("B", o->b, "Another person")->required()->type_name("NAME");
  sub->add_option("--before", o->before, "Only meetings starting before DATE (its first day)")
      ->type_name("DATE");
  sub->add_flag("--calls", o->calls, "Count phone and video calls too");
  sub->add_flag("--possibly", o->possibly, "With partial dates, accept meetings that may start before DATE");
  sub->add_flag("--planned", o->planned, "Count announced, planned and postponed events too");
  add_json_flag(sub, o->json);
  set_footer(sub, meet_footer);

  return {sub, [o](context& ctx) -> int {
            std::optional<partial_date> before;
            if (!o->before.empty()) before = parse_date(o->before, "--before");
            const timeline& t = ctx.data();
            const auto [a, b] = resolve_pair(t, o->a, o->b);
            meet_options opt{.calls = o->calls, .planned = o->planned, .possibly = o->possibly};
            if (before) opt.before = before->earliest();
            const auto [r, coverage] = answer_last_meeting(t, a, b, opt);

            if (o->json) {
              name_list names(t);
              names.add(a);
              names.add(b);
              json q =
                  json::object{{"command", "last-meeting"},   {"a", a.value()},    {"b", b.value()},
                               {"before", date_json(before)}, {"calls", o->calls}, {"possibly", o->possibly},
                               {"planned", o->planned}};
              print_json(ctx, std::move(q), r ? encounter_json(*r, names) : json(nullptr), coverage, names);
              return r ? answered : no_answer;
            }
            const std::string who = fmt::format("{} and {}", name_of(t, a), name_of(t, b));
            const std::string bound = bounds_text(before, std::nullopt, "before");
            if (!r) {
              print_out("{} never {}{} in this data.\n", who, meet_verb(o->calls), bound);
              print_coverage_note(coverage);
              return no_answer;
            }
            print_out("{}\n", encounter_answer(t, a, b, *r, "last", o->calls, bound));
            if (before && r->event.when().latest_start() >= opt.before) {
              print_out("(Its date is partial: it may also have started on or after {}.)\n", *before);
            }
            print_partial_rivals(*r, meetings(t, a, b, opt), true);
            print_coverage_note(coverage);
            print_encounter(t, *r);
            return answered;
          }};
}

}  // namespace diplo::cli
