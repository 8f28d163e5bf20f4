// SPDX-License-Identifier: MIT
// diplo meetings A B [--from DATE] [--to DATE] [--calls] [--json]

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "common.h"

namespace diplo::cli {

auto add_meetings(CLI::App& app) -> command {
  struct options {
    std::string a, b, from, to;
    bool calls = false, planned = false, json = false;
  };
  auto o = std::make_shared<options>();
  CLI::App* sub = app.add_subcommand("meetings", "Every meeting of A and B, oldest first");
  sub->add_option("A", o->a, "A person: a name, an alias or an id")->required()->type_name("NAME");
  sub->add_option("B", o->b, "Another person")->required()->type_name("NAME");
  sub->add_option("--from", o->from, "Only meetings starting on or after DATE (its first day)")
      ->type_name("DATE");
  sub->add_option("--to", o->to, "Only meetings starting on or before DATE (its last day)")
      ->type_name("DATE");
  sub->add_flag("--calls", o->calls, "Count phone and video calls too");
  sub->add_flag("--planned", o->planned, "Count announced, planned and postponed events too");
  add_json_flag(sub, o->json);
  set_footer(sub, meet_footer);

  return {sub, [o](context& ctx) -> int {
            const auto [from, to] = date_range_of(o->from, o->to);
            const timeline& t = ctx.data();
            const auto [a, b] = resolve_pair(t, o->a, o->b);
            meet_options opt{.calls = o->calls, .planned = o->planned};
            if (from) opt.after = from->earliest();
            if (to) opt.before = to->latest() + date::days{1};  // "to" is inclusive
            const auto [all, coverage] = answer_meetings(t, a, b, opt);

            if (o->json) {
              name_list names(t);
              names.add(a);
              names.add(b);
              json q = json::object{{"command", "meetings"},   {"a", a.value()},      {"b", b.value()},
                                    {"from", date_json(from)}, {"to", date_json(to)}, {"calls", o->calls},
                                    {"planned", o->planned}};
              json answer = nullptr;
              if (!all.empty()) {
                json list = json::make_array();
                for (const encounter& e : all) list.push(encounter_json(e, names));
                answer = json::object{{"count", all.size()}, {"encounters", std::move(list)}};
              }
              print_json(ctx, std::move(q), std::move(answer), coverage, names);
              return all.empty() ? no_answer : answered;
            }
            const std::string who = fmt::format("{} and {}", name_of(t, a), name_of(t, b));
            const std::string bound = bounds_text(from, to);
            if (all.empty()) {
              print_out("{} never {}{} in this data.\n", who, meet_verb(o->calls), bound);
              print_coverage_note(coverage);
              return no_answer;
            }
            print_out("{} {} {}{}:\n", who, meet_verb(o->calls), times(all.size()), bound);
            print_coverage_note(coverage);
            table tab({"date", "place", "kind", "event"});
            for (const encounter& e : all) {
              const event ev = e.event.value();
              tab.add({fmt::format("{}", e.when()), place_text(ev), kind_text(ev),
                       event_label(t, e.event, e.context(), {a, b})});
            }
            tab.print();
            return answered;
          }};
}

}  // namespace diplo::cli
