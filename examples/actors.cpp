// SPDX-License-Identifier: MIT
// The actor registry: resolving names in any spelling or script, ambiguity, suggestions.
#include <diplo/actor.h>

#include <date/date.h>
#include <fmt/format.h>

#include <diplo/error.h>
#include <diplo/period.h>

auto main() -> int {
  using diplo::actor_id;
  using diplo::period;
  using diplo::person;

  diplo::actor_registry reg;
  reg.add(person{.id = actor_id{"xi-jinping"},
                 .name = "Xi Jinping",
                 .aliases = {"习近平"},
                 .wikidata = "Q15031",
                 .country = "CN",
                 .offices = {{"President", "CN", period::parse("2013-03-14/..")}}});
  reg.add(person{.id = actor_id{"vladimir-putin"},
                 .name = "Vladimir Putin",
                 .aliases = {"Путин"},
                 .wikidata = "Q7747",
                 .country = "RU",
                 .offices = {{"Prime Minister", "RU", period::parse("2008-05-08/2012-05-07")},
                             {"President", "RU", period::parse("2012-05-07/..")}}});
  reg.add(person{.id = actor_id{"recep-tayyip-erdogan"},
                 .name = "Recep Tayyip Erdoğan",
                 .wikidata = "Q39723",
                 .country = "TR"});
  reg.add(person{
      .id = actor_id{"george-h-w-bush"}, .name = "George H. W. Bush", .wikidata = "Q23505", .country = "US"});
  reg.add(
      person{.id = actor_id{"george-w-bush"}, .name = "George W. Bush", .wikidata = "Q207", .country = "US"});
  reg.add(diplo::organisation{.id = actor_id{"un"}, .name = "United Nations", .aliases = {"UN"}});

  for (const char* name : {"Erdogan", "习近平", "Путин", "UN"}) {
    const actor_id id = reg.resolve(name);
    fmt::print("{:<8} -> {:<20} {}\n", name, id, reg.get(id));
  }

  using namespace date::literals;
  const actor_id putin{"vladimir-putin"};
  for (date::sys_days day : {2010_y / date::may / 9, 2015_y / date::may / 9}) {
    for (const diplo::office* o : reg.offices_on(putin, day))
      fmt::print("{:e}: {}\n", diplo::partial_date(date::year_month_day{day}), *o);
  }

  int failures = 0;
  for (const char* name : {"Bush", "Pootin"}) {
    try {
      (void)reg.resolve(name);
    } catch (const diplo::lookup_error& e) {
      fmt::print("{}\n", e.what());
      ++failures;
    }
  }
  return failures == 2 ? 0 : 1;
}
