// SPDX-License-Identifier: MIT
#include <diplo/io/merge.h>

#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <diplo/io/document.h>
#include <diplo/timeline.h>

namespace {

using diplo::actor_id;
using diplo::event_id;

auto person(std::string id, std::string name, diplo::country_code c, std::string wikidata = "")
    -> diplo::person {
  return {
      .id = actor_id{std::move(id)}, .name = std::move(name), .wikidata = std::move(wikidata), .country = c};
}

auto meeting(std::string id, actor_id a, actor_id b) -> diplo::meeting {
  diplo::meeting m;
  m.id = event_id{std::move(id)};
  m.when = diplo::period::parse("2020-01-01");
  m.participants = {std::move(a), std::move(b)};
  return m;
}

auto doc(std::vector<diplo::person> people, std::vector<diplo::event> events) -> diplo::io::document {
  diplo::io::document d;
  for (auto& p : people) d.actors.add(std::move(p));
  d.events = std::move(events);
  return d;
}

TEST(MergeSources, KeepsEverySourcesCoverageWithItsActorsRenamed) {
  auto into =
      doc({person("lula", "Luiz Inácio Lula da Silva", "BR"), person("putin", "Vladimir Putin", "RU")}, {});
  into.info.records = {{.subject = diplo::coverage_subject::events_between,
                        .actors = {actor_id{"lula"}, actor_id{"putin"}},
                        .source = "mine"}};
  auto from = doc({person("luiz-inacio-lula-da-silva", "Luiz Inacio Lula da Silva", "BR")}, {});
  from.info.records = {{.subject = diplo::coverage_subject::events_of,
                        .actors = {actor_id{"luiz-inacio-lula-da-silva"}},
                        .source = "theirs"},
                       {.subject = diplo::coverage_subject::trips_by,
                        .countries = {diplo::country_code::parse("BR")},
                        .source = "theirs"}};
  diplo::io::merge_sources(into, std::move(from));
  ASSERT_EQ(into.info.records.size(), 3U);
  EXPECT_EQ(into.info.records[0].source, "mine");
  EXPECT_EQ(into.info.records[1].actors, (std::vector<actor_id>{actor_id{"lula"}}));
  EXPECT_EQ(into.info.records[2].subject, diplo::coverage_subject::trips_by);
  const diplo::timeline t = diplo::io::build(std::move(into));
  EXPECT_EQ(t.coverage().size(), 3U);
}

TEST(MergeSources, OnePersonAcrossSpellingsAndIds) {
  auto into =
      doc({person("lula", "Luiz Inácio Lula da Silva", "BR"), person("putin", "Vladimir Putin", "RU")},
          {meeting("a", actor_id{"lula"}, actor_id{"putin"})});
  auto from = doc({person("luiz-inacio-lula-da-silva", "Luiz Inacio Lula da Silva", "BR"),
                   person("vladimir-putin", "Vladimir Putin", {})},
                  {meeting("b", actor_id{"luiz-inacio-lula-da-silva"}, actor_id{"vladimir-putin"})});
  diplo::io::source_merge_report r;
  diplo::io::merge_sources(into, std::move(from), &r);
  EXPECT_EQ(into.actors.size(), 2U);
  ASSERT_EQ(r.matched.size(), 2U);
  EXPECT_EQ(r.matched[0].kept, actor_id{"lula"});
  EXPECT_EQ(r.matched[0].evidence, "name \"luiz inacio lula da silva\"");
  const auto& b = std::get<diplo::meeting>(into.events.at(1));
  EXPECT_EQ(b.participants, (std::vector<actor_id>{actor_id{"lula"}, actor_id{"putin"}}));
  // The kept actor learns the other spelling.
  const auto* lula = into.actors.person_of(actor_id{"lula"});
  ASSERT_NE(lula, nullptr);
  EXPECT_EQ(lula->aliases, (std::vector<std::string>{"Luiz Inacio Lula da Silva"}));
  const diplo::timeline t = diplo::io::build(std::move(into));
  EXPECT_EQ(t.size(), 2U);
}

TEST(MergeSources, KeepsApartOtherCountriesAndOtherWikidataIds) {
  auto into = doc({person("jose-a", "José Rodríguez", "ES", "Q1"), person("m", "María López", "MX")}, {});
  auto from = doc({person("jose-b", "Jose Rodriguez", "ES", "Q2"), person("m", "Maria Lopez", "CO")}, {});
  diplo::io::source_merge_report r;
  diplo::io::merge_sources(into, std::move(from), &r);
  EXPECT_TRUE(r.matched.empty());
  EXPECT_EQ(into.actors.size(), 4U);
  // The second "m" is another person: it gets a free id.
  ASSERT_EQ(r.renamed.size(), 1U);
  EXPECT_EQ(r.renamed[0].second, actor_id{"m-2"});
}

TEST(MergeSources, MatchesByWikidataWhateverTheName) {
  auto into = doc({person("xi", "Xi Jinping", "CN", "Q15031")}, {});
  auto from = doc({person("xi-jin-ping", "习近平", {}, "Q15031")}, {});
  diplo::io::source_merge_report r;
  diplo::io::merge_sources(into, std::move(from), &r);
  ASSERT_EQ(r.matched.size(), 1U);
  EXPECT_EQ(r.matched[0].evidence, "Wikidata Q15031");
  EXPECT_EQ(into.actors.size(), 1U);
}

TEST(MergeSources, ReportsAnAmbiguousNameAndGuessesNothing) {
  auto into = doc({person("a", "Carlos Mesa", "BO"), person("b", "Carlos Mesa", "BO")}, {});
  auto from = doc({person("c", "Carlos Mesa", {})}, {meeting("x", actor_id{"c"}, actor_id{"c"})});
  diplo::io::source_merge_report r;
  diplo::io::merge_sources(into, std::move(from), &r);
  ASSERT_EQ(r.ambiguous.size(), 1U);
  EXPECT_EQ(r.ambiguous[0].candidates.size(), 2U);
  EXPECT_EQ(fmt::format("{}", r.ambiguous[0]), "\"c\" could be a, b; kept apart");
  EXPECT_EQ(into.actors.size(), 3U);
}

}  // namespace

namespace {

auto visit_of(std::string id, actor_id guest, diplo::country_code host, std::string when, std::string source)
    -> diplo::visit {
  diplo::visit v;
  v.id = event_id{std::move(id)};
  v.when = diplo::period::parse(when);
  v.guests = {std::move(guest)};
  v.host_country = host;
  v.place.country = host;
  v.sources = {
      {.url = "https://example.org/" + source, .publisher = source, .title = source, .published = {}}};
  return v;
}

TEST(MergeSources, OneTripReportedByTwoSourcesIsOneVisitCitingBoth) {
  // The Office of the Historian gives the day at the White House, COLT the whole trip.
  auto into = doc({person("lula", "Luiz Inácio Lula da Silva", "BR")},
                  {visit_of("hist-visit-1", actor_id{"lula"}, "US", "2003-06-20", "Historian")});
  auto talks = meeting("colt-1-met-1", actor_id{"lula-colt"}, actor_id{"bush"});
  talks.when = diplo::period::parse("2003-06-19/2003-06-20");
  talks.parent = event_id{"colt-1"};
  auto from =
      doc({person("lula-colt", "Luiz Inacio Lula da Silva", "BR"), person("bush", "George W. Bush", "US")},
          {visit_of("colt-1", actor_id{"lula-colt"}, "US", "2003-06-19/2003-06-20", "COLT"),
           visit_of("colt-2", actor_id{"lula-colt"}, "US", "2003-09-22", "COLT"), talks});
  diplo::io::source_merge_report r;
  diplo::io::merge_sources(into, std::move(from), &r);
  ASSERT_EQ(r.visits.size(), 1U);
  EXPECT_EQ(r.visits[0].kept, event_id{"hist-visit-1"});
  EXPECT_EQ(r.visits[0].merged, event_id{"colt-1"});
  EXPECT_EQ(fmt::format("{}", r.visits[0]).substr(0, 28), "\"colt-1\" is \"hist-visit-1\": ");
  EXPECT_EQ(r.visits[0].conflict, "days differ: 20 June 2003 and 19–20 June 2003; kept: the span of both");
  ASSERT_EQ(into.events.size(), 3U);  // the kept visit, the other trip, the talks
  const auto& kept = std::get<diplo::visit>(into.events[0]);
  EXPECT_EQ(kept.when.to_edtf(), "2003-06-19/2003-06-20");
  ASSERT_EQ(kept.sources.size(), 2U);
  EXPECT_EQ(kept.sources[1].title, "COLT");
  EXPECT_EQ(std::get<diplo::meeting>(into.events[2]).parent, event_id{"hist-visit-1"});
  const diplo::timeline t = diplo::io::build(std::move(into));
  EXPECT_EQ(t.size(), 3U);
}

}  // namespace
