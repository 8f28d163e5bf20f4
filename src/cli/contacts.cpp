// SPDX-License-Identifier: MIT
// diplo contacts A [--top N] [--calls] [--from DATE] [--to DATE] [--json]

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "common.h"

namespace diplo::cli {

auto add_contacts(CLI::App& app) -> command {
  struct options {
    std::string who, from, to;
    std::size_t top = 0;
    bool calls = false, json = false;
  };
  auto o = std::make_shared<options>();
  CLI::App* sub = app.add_subcommand("contacts", "Whom did A meet, how often, first and last?");
  sub->add_option("A", o->who, "A person: a name, an alias or an id")->required()->type_name("NAME");
  sub->add_option("--top", o->top, "Only the N most frequent counterparts")
      ->type_name("N")
      ->check(positive_count());
  sub->add_flag("--calls", o->calls, "Count phone and video calls too");
  sub->add_option("--from", o->from, "Only meetings starting on or after DATE (its first day)")
      ->type_name("DATE");
  sub->add_option("--to", o->to, "Only meetings starting on or before DATE (its last day)")
      ->type_name("DATE");
  add_json_flag(sub, o->json);
  set_footer(sub, meet_footer);

  return {
      sub, [o](context& ctx) -> int {
        const auto [from, to] = date_range_of(o->from, o->to);
        const timeline& t = ctx.data();
        const actor_id a = resolve(t, o->who);
        meet_options opt{.calls = o->calls};
        if (from) opt.after = from->earliest();
        if (to) opt.before = to->latest() + date::days{1};
        auto [all, coverage] = answer_contacts(t, a, opt);
        const std::size_t total = all.size();
        if (o->top != 0 && all.size() > o->top) all.resize(o->top);

        if (o->json) {
          name_list names(t);
          names.add(a);
          json q = json::object{{"command", "contacts"},
                                {"who", a.value()},
                                {"top", o->top == 0 ? json(nullptr) : json(o->top)},
                                {"calls", o->calls},
                                {"from", date_json(from)},
                                {"to", date_json(to)}};
          json answer = nullptr;
          if (!all.empty()) {
            json list = json::make_array();
            for (const contact& c : all) {
              names.add(c.counterpart);
              list.push(json::object{{"counterpart", c.counterpart.value()},
                                     {"count", c.count},
                                     {"first", encounter_json(c.first, names)},
                                     {"last", encounter_json(c.last, names)}});
            }
            answer = json::object{{"total", total}, {"contacts", std::move(list)}};
          }
          print_json(ctx, std::move(q), std::move(answer), coverage, names);
          return all.empty() ? no_answer : answered;
        }
        const std::string bound = bounds_text(from, to);
        if (all.empty()) {
          print_out("{} {} nobody{}{} in this data.\n", name_of(t, a), o->calls ? "met or spoke with" : "met",
                    o->calls ? "" : " in person", bound);
          print_coverage_note(coverage);
          return no_answer;
        }
        print_out("{} {} {} {}{}{}{}:\n", name_of(t, a), o->calls ? "met or spoke with" : "met", total,
                  total == 1 ? "counterpart" : "counterparts", o->calls ? "" : " in person", bound,
                  all.size() < total ? fmt::format(" (the {} most frequent shown)", all.size()) : "");
        print_coverage_note(coverage);
        table tab({"counterpart", "times", "first", "last", "last place"});
        tab.align_right(1);
        for (const contact& c : all) {
          tab.add({name_of(t, c.counterpart), fmt::format("{}", c.count), fmt::format("{}", c.first.when()),
                   fmt::format("{}", c.last.when()), place_text(c.last.event.value())});
        }
        tab.print();
        return answered;
      }};
}

}  // namespace diplo::cli
