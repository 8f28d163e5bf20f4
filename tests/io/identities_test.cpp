// SPDX-License-Identifier: MIT
// diplo's curated identities (src/io/identities.h): the table's rules, its errors, and what
// it does to a merge of sources that spell or place one person differently.
#include <diplo/io/identities.h>

#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <diplo/error.h>
#include <diplo/io/document.h>
#include <diplo/io/merge.h>

namespace {

using diplo::actor_id;
using diplo::io::identity_table;

constexpr const char* header = "name,spellings,countries,from,to,wikidata,evidence\n";

auto table(const std::string& rows) -> identity_table { return identity_table::read(header + rows, "t.csv"); }

auto days(int y1, int y2) -> std::pair<date::sys_days, date::sys_days> {
  return {date::sys_days{date::year{y1} / 6 / 1}, date::sys_days{date::year{y2} / 6 / 1}};
}

TEST(Identities, TheEmbeddedTableReadsAndEachEntryHasItsEvidence) {
  const auto& t = identity_table::embedded();
  ASSERT_FALSE(t.entries().empty());
  for (const auto& e : t.entries()) {
    EXPECT_FALSE(e.evidence.empty()) << e.name;
    EXPECT_FALSE(e.countries.empty()) << e.name;
  }
}

TEST(Identities, ARecordIsAnEntrysPersonBySpellingCountryYearsAndWikidata) {
  const auto t = table("Václav Havel,Vaclav Havel;V. Havel,CSHH;CZ,1989,2003,Q36233,Evidence.\n");
  const auto [first, last] = days(1990, 1999);
  const std::vector<diplo::country_code> cz{"CZ"}, cs{"CSHH"}, sk{"SK"}, none{};
  EXPECT_NE(t.find("vaclav havel", cz, first, last), nullptr);
  EXPECT_NE(t.find("v havel", cs, first, last), nullptr);
  EXPECT_NE(t.find("vaclav havel", none, first, last), nullptr);  // no country: may be
  EXPECT_EQ(t.find("vaclav havel", sk, first, last), nullptr);    // another country
  EXPECT_EQ(t.find("havel", cz, first, last), nullptr);           // another spelling
  const auto [a, b] = days(2010, 2012);
  EXPECT_EQ(t.find("vaclav havel", cz, a, b), nullptr);               // other years
  EXPECT_NE(t.find("vaclav havel", cz, b, a), nullptr);               // years unknown
  EXPECT_EQ(t.find("vaclav havel", cz, first, last, "Q1"), nullptr);  // another item
  EXPECT_NE(t.find("vaclav havel", cz, first, last, "Q36233"), nullptr);
  EXPECT_EQ(fmt::format("{}", t.entries().front()), "curated identity \"Václav Havel\" (t.csv:2)");
}

TEST(Identities, BadTablesAreErrorsThatSayWhere) {
  auto message = [](const std::string& text) -> std::string {
    try {
      (void)identity_table::read(text, "t.csv");
    } catch (const diplo::error& e) {
      return e.what();
    }
    return "no error";
  };
  EXPECT_EQ(
      message("name,countries\n"),
      "[diplo.import] t.csv:1:1: expected the header \"name,spellings,countries,from,to,wikidata,evidence\"");
  EXPECT_EQ(message(std::string(header) + "A B,,XX,1990,2000,,E.\n"),
            "[diplo.import] t.csv:2:6: \"XX\" is not an ISO 3166 code");
  EXPECT_EQ(message(std::string(header) + "A B,,FR,199O,2000,,E.\n"),
            "[diplo.import] t.csv:2:9: expected a year (YYYY), not \"199O\"");
  EXPECT_EQ(message(std::string(header) + "A B,,FR,2000,1990,,E.\n"),
            "[diplo.import] t.csv:2:14: `to` is before `from`");
  EXPECT_EQ(message(std::string(header) + "A B,,FR,1990,2000,36233,E.\n"),
            "[diplo.import] t.csv:2:19: \"36233\" is not a Wikidata id (Q and digits)");
  EXPECT_EQ(message(std::string(header) + "A B,,FR,1990,2000,,\n"),
            "[diplo.import] t.csv:2:20: expected the evidence");
  EXPECT_EQ(message(std::string(header) + "A B,,FR,1990,2000,,E.\nC D,a-b,FR,1990,2000,,E.\n"),
            "[diplo.import] t.csv:3:5: the spelling \"a b\" is also in the entry of line 2");
}

auto havel(std::string id, diplo::country_code c) -> diplo::person {
  diplo::person p{.id = actor_id{std::move(id)}, .name = "Vaclav Havel", .country = c};
  p.offices.push_back(
      {"President", c, diplo::period::parse(c == diplo::country_code{"CZ"} ? "1999" : "1991")});
  return p;
}

TEST(Identities, OnePersonAcrossTheCountriesOfAnEntryWhenSourcesMerge) {
  diplo::io::document into, from;
  into.actors.add(havel("vaclav-havel", "CSHH"));
  from.actors.add(havel("havel-cz", "CZ"));
  diplo::io::source_merge_report r;
  diplo::io::merge_sources(into, std::move(from), &r);
  EXPECT_EQ(into.actors.size(), 1U);
  ASSERT_EQ(r.matched.size(), 1U);
  EXPECT_EQ(r.matched[0].kept, actor_id{"vaclav-havel"});
  EXPECT_EQ(
      r.matched[0].evidence.rfind("curated identity \"Václav Havel\" (<embedded>/data/identities.csv:", 0),
      0U)
      << r.matched[0].evidence;
}

TEST(Identities, WithoutAnEntryDifferentCountriesStayTwoPeople) {
  diplo::io::document into, from;
  diplo::person a{.id = actor_id{"jan-novak"}, .name = "Jan Novak", .country = "CZ"};
  diplo::person b{.id = actor_id{"jan-novak-sk"}, .name = "Jan Novak", .country = "SK"};
  into.actors.add(a);
  from.actors.add(b);
  diplo::io::merge_sources(into, std::move(from));
  EXPECT_EQ(into.actors.size(), 2U);
}

}  // namespace
