// SPDX-License-Identifier: MIT
#include <diplo/actor.h>

#include <atomic>
#include <concepts>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <diplo/error.h>

namespace {

using diplo::actor_id;
using diplo::actor_registry;
using diplo::country_code;
using diplo::office;
using diplo::organisation;
using diplo::period;
using diplo::person;

static_assert(std::regular<office>);
static_assert(std::regular<person>);
static_assert(std::regular<organisation>);
static_assert(std::regular<diplo::actor>);
static_assert(std::is_nothrow_move_constructible_v<actor_registry>);

auto day(int y, unsigned m, unsigned d) -> date::sys_days {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}};
}

auto leaders() -> actor_registry {
  actor_registry reg;
  reg.add(person{.id = actor_id{"xi-jinping"},
                 .name = "Xi Jinping",
                 .aliases = {"习近平", "Си Цзиньпин"},
                 .wikidata = "Q15031",
                 .country = "CN",
                 .offices = {{"President", "CN", period::parse("2013-03-14/..")}}});
  reg.add(person{.id = actor_id{"vladimir-putin"},
                 .name = "Vladimir Putin",
                 .aliases = {"Путин", "Владимир Владимирович Путин", "弗拉基米尔·普京"},
                 .wikidata = "Q7747",
                 .country = "RU",
                 .offices = {{"Prime Minister", "RU", period::parse("1999-08-16/2000-05-07")},
                             {"President", "RU", period::parse("2000-05-07/2008-05-07")},
                             {"Prime Minister", "RU", period::parse("2008-05-08/2012-05-07")},
                             {"President", "RU", period::parse("2012-05-07/..")}}});
  reg.add(person{.id = actor_id{"recep-tayyip-erdogan"},
                 .name = "Recep Tayyip Erdoğan",
                 .aliases = {},
                 .wikidata = "Q39723",
                 .country = "TR",
                 .offices = {}});
  reg.add(person{.id = actor_id{"george-h-w-bush"},
                 .name = "George H. W. Bush",
                 .aliases = {},
                 .wikidata = "Q23505",
                 .country = "US",
                 .offices = {{"President", "US", period::parse("1989-01-20/1993-01-20")}}});
  reg.add(person{.id = actor_id{"george-w-bush"},
                 .name = "George W. Bush",
                 .aliases = {"Dubya"},
                 .wikidata = "Q207",
                 .country = "US",
                 .offices = {{"President", "US", period::parse("2001-01-20/2009-01-20")}}});
  reg.add(person{.id = actor_id{"mikheil-saakashvili"},
                 .name = "Mikheil Saakashvili",
                 .aliases = {"მიხეილ სააკაშვილი"},
                 .wikidata = "Q37594",
                 .country = "GE",
                 .offices = {{"President", "GE", period::parse("2004-01-25/2013-11-17")},
                             {"Governor of Odesa Oblast", "UA", period::parse("2015-05-30/2016-11-07")}}});
  reg.add(organisation{.id = actor_id{"un"},
                       .name = "United Nations",
                       .aliases = {"UN", "ONU", "Организация Объединённых Наций"},
                       .wikidata = "Q1065"});
  reg.add(organisation{.id = actor_id{"nato"},
                       .name = "NATO",
                       .aliases = {"North Atlantic Treaty Organization", "OTAN"},
                       .wikidata = "Q7184"});
  return reg;
}

// --- basics ---------------------------------------------------------------------------------

TEST(ActorRegistry, StartsEmpty) {
  const actor_registry reg;
  EXPECT_EQ(reg.size(), 0U);
  EXPECT_TRUE(reg.empty());
  EXPECT_TRUE(reg.actors().empty());
  EXPECT_EQ(reg.find(actor_id{"x"}), nullptr);
  EXPECT_TRUE(reg.candidates("x").empty());
  EXPECT_EQ(reg.try_resolve("x"), std::nullopt);
  EXPECT_TRUE(reg.suggestions("x").empty());
}

TEST(ActorRegistry, FindsByIdInInsertionOrder) {
  const auto reg = leaders();
  EXPECT_EQ(reg.size(), 8U);
  ASSERT_NE(reg.find(actor_id{"xi-jinping"}), nullptr);
  EXPECT_EQ(diplo::name_of(*reg.find(actor_id{"xi-jinping"})), "Xi Jinping");
  EXPECT_EQ(reg.find(actor_id{"nobody"}), nullptr);
  EXPECT_TRUE(reg.contains(actor_id{"un"}));
  EXPECT_FALSE(reg.contains(actor_id{"UN"}));

  std::vector<std::string> ids;
  for (const diplo::actor& a : reg.actors()) ids.push_back(diplo::id_of(a).value());
  EXPECT_EQ(ids, (std::vector<std::string>{"xi-jinping", "vladimir-putin", "recep-tayyip-erdogan",
                                           "george-h-w-bush", "george-w-bush", "mikheil-saakashvili", "un",
                                           "nato"}));
  for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(reg.position(actor_id{ids[i]}), i) << ids[i];
  EXPECT_EQ(reg.position(actor_id{"nobody"}), std::nullopt);
}

TEST(ActorRegistry, GetThrowsLookupErrorForUnknownIds) {
  const auto reg = leaders();
  EXPECT_EQ(diplo::id_of(reg.get(actor_id{"nato"})), actor_id{"nato"});
  try {
    (void)reg.get(actor_id{"xi-jinpin"});
    FAIL() << "expected lookup_error";
  } catch (const diplo::lookup_error& e) {
    EXPECT_STREQ(e.what(), "[diplo.actor] unknown actor id \"xi-jinpin\"; did you mean: xi-jinping?");
    EXPECT_EQ(e.candidates(), std::vector<std::string>{"xi-jinping"});
  }
  EXPECT_THROW((void)reg.get(actor_id{"zzzzzzzzzzzzzz"}), diplo::lookup_error);
}

TEST(ActorRegistry, PersonOfAndOrganisationOf) {
  const auto reg = leaders();
  ASSERT_NE(reg.person_of(actor_id{"vladimir-putin"}), nullptr);
  EXPECT_EQ(reg.person_of(actor_id{"vladimir-putin"})->country, country_code{"RU"});
  EXPECT_EQ(reg.person_of(actor_id{"un"}), nullptr);
  EXPECT_EQ(reg.person_of(actor_id{"nobody"}), nullptr);
  ASSERT_NE(reg.organisation_of(actor_id{"un"}), nullptr);
  EXPECT_EQ(reg.organisation_of(actor_id{"un"})->wikidata, "Q1065");
  EXPECT_EQ(reg.organisation_of(actor_id{"xi-jinping"}), nullptr);
  EXPECT_TRUE(std::holds_alternative<organisation>(reg.get(actor_id{"nato"})));
}

// --- name matching ----------------------------------------------------------------------------

TEST(ActorNames, FoldsCaseAndDiacritics) {
  const auto reg = leaders();
  const actor_id erdogan{"recep-tayyip-erdogan"};
  EXPECT_EQ(reg.resolve("Erdoğan"), erdogan);
  EXPECT_EQ(reg.resolve("Erdogan"), erdogan);
  EXPECT_EQ(reg.resolve("ERDOGAN"), erdogan);
  EXPECT_EQ(reg.resolve("ERDOĞAN"), erdogan);
  EXPECT_EQ(reg.resolve("recep tayyip erdogan"), erdogan);
  EXPECT_EQ(reg.resolve("  Recep   Tayyip  ERDOĞAN "), erdogan);
  EXPECT_EQ(reg.resolve("Tayyip Erdogan"), erdogan);
}

TEST(ActorNames, MatchesAliasesInOtherScripts) {
  const auto reg = leaders();
  EXPECT_EQ(reg.resolve("习近平"), actor_id{"xi-jinping"});
  EXPECT_EQ(reg.resolve("Си Цзиньпин"), actor_id{"xi-jinping"});
  EXPECT_EQ(reg.resolve("Путин"), actor_id{"vladimir-putin"});
  EXPECT_EQ(reg.resolve("ПУТИН"), actor_id{"vladimir-putin"});
  EXPECT_EQ(reg.resolve("普京"), actor_id{"vladimir-putin"});  // a word after the middle dot
  EXPECT_EQ(reg.resolve("სააკაშვილი"), actor_id{"mikheil-saakashvili"});
  EXPECT_EQ(reg.resolve("Организация Объединенных Наций"), actor_id{"un"});  // е for ё
}

TEST(ActorNames, TypographicPunctuationIsASeparator) {
  actor_registry reg;
  reg.add(person{.id = actor_id{"tip-oneill"}, .name = "Tip O’Neill"});
  reg.add(person{.id = actor_id{"jean-claude-juncker"}, .name = "Jean-Claude Juncker"});
  EXPECT_EQ(reg.resolve("Tip O'Neill"), actor_id{"tip-oneill"});
  EXPECT_EQ(reg.resolve("TIP O‘NEILL"), actor_id{"tip-oneill"});
  EXPECT_EQ(reg.resolve("Neill"), actor_id{"tip-oneill"});
  EXPECT_EQ(reg.resolve("Jean–Claude Juncker"), actor_id{"jean-claude-juncker"});  // en dash
  EXPECT_EQ(reg.resolve("jean claude juncker"), actor_id{"jean-claude-juncker"});
}

TEST(ActorNames, MatchesSurnamesAndSingleWords) {
  const auto reg = leaders();
  EXPECT_EQ(reg.resolve("Putin"), actor_id{"vladimir-putin"});
  EXPECT_EQ(reg.resolve("Xi"), actor_id{"xi-jinping"});
  EXPECT_EQ(reg.resolve("Jinping"), actor_id{"xi-jinping"});
  EXPECT_EQ(reg.resolve("Vladimir Putin"), actor_id{"vladimir-putin"});
  EXPECT_EQ(reg.resolve("Владимир Путин"), actor_id{"vladimir-putin"});  // words in order
  EXPECT_EQ(reg.resolve("Nations"), actor_id{"un"});
  EXPECT_EQ(reg.resolve("otan"), actor_id{"nato"});
  // Words must be whole, in order, and a one-word query needs two letters.
  EXPECT_EQ(reg.try_resolve("Puti"), std::nullopt);
  EXPECT_EQ(reg.try_resolve("Putin Vladimir"), std::nullopt);
  EXPECT_EQ(reg.try_resolve("W"), std::nullopt);
}

TEST(ActorNames, IdMatchWinsFirst) {
  const auto reg = leaders();
  EXPECT_EQ(reg.resolve("george-w-bush"), actor_id{"george-w-bush"});
  EXPECT_EQ(reg.resolve("un"), actor_id{"un"});

  // An id beats another actor's exact name.
  actor_registry r2;
  r2.add(person{.id = actor_id{"xi"}, .name = "Xi Jinping"});
  r2.add(person{.id = actor_id{"xi-zhongxun"}, .name = "Xi Zhongxun", .aliases = {"xi"}});
  EXPECT_EQ(r2.resolve("xi"), actor_id{"xi"});
  EXPECT_EQ(r2.resolve("Xi"), actor_id{"xi-zhongxun"});  // not the id: the exact alias
}

TEST(ActorNames, ExactNameBeatsWordMatch) {
  const auto reg = leaders();
  EXPECT_EQ(reg.resolve("George W. Bush"), actor_id{"george-w-bush"});
  EXPECT_EQ(reg.resolve("george w bush"), actor_id{"george-w-bush"});
  EXPECT_EQ(reg.resolve("George H.W. Bush"), actor_id{"george-h-w-bush"});
  EXPECT_EQ(reg.resolve("dubya"), actor_id{"george-w-bush"});

  actor_registry r2 = leaders();
  r2.add(person{.id = actor_id{"bush-sr"}, .name = "Prescott Bush", .aliases = {"Bush"}});
  EXPECT_EQ(r2.resolve("Bush"), actor_id{"bush-sr"});
}

TEST(ActorNames, AmbiguousNameListsCandidates) {
  const auto reg = leaders();
  EXPECT_EQ(reg.candidates("Bush"),
            (std::vector<actor_id>{actor_id{"george-h-w-bush"}, actor_id{"george-w-bush"}}));
  EXPECT_EQ(reg.try_resolve("Bush"), std::nullopt);
  try {
    (void)reg.resolve("Bush");
    FAIL() << "expected lookup_error";
  } catch (const diplo::lookup_error& e) {
    EXPECT_STREQ(e.what(),
                 "[diplo.actor] \"Bush\" is ambiguous: George H. W. Bush (george-h-w-bush), "
                 "George W. Bush (george-w-bush)");
    EXPECT_EQ(e.candidates(), (std::vector<std::string>{"George H. W. Bush", "George W. Bush"}));
  }
  EXPECT_EQ(reg.candidates("George Bush").size(), 2U);
  EXPECT_EQ(reg.candidates("W Bush").size(), 2U);  // "George H. W. Bush" has a W too
}

TEST(ActorNames, AliasCollidingWithAnotherNameIsAmbiguous) {
  actor_registry reg;
  reg.add(person{.id = actor_id{"kim-jong-un"}, .name = "Kim Jong Un", .aliases = {"김정은"}});
  reg.add(person{.id = actor_id{"kim-jong-un-2"}, .name = "Kim Jong-un II", .aliases = {"Kim Jong-un"}});
  EXPECT_EQ(reg.candidates("Kim Jong Un"),
            (std::vector<actor_id>{actor_id{"kim-jong-un"}, actor_id{"kim-jong-un-2"}}));
  EXPECT_THROW((void)reg.resolve("kim jong-un"), diplo::lookup_error);
  EXPECT_EQ(reg.resolve("김정은"), actor_id{"kim-jong-un"});
  EXPECT_EQ(reg.candidates("Kim").size(), 2U);
}

TEST(ActorNames, UnknownNameSuggestsNearest) {
  const auto reg = leaders();
  EXPECT_TRUE(reg.candidates("Pootin").empty());
  EXPECT_EQ(reg.try_resolve("Pootin"), std::nullopt);
  EXPECT_EQ(reg.suggestions("Pootin"), std::vector<std::string>{"Vladimir Putin"});
  try {
    (void)reg.resolve("Pootin");
    FAIL() << "expected lookup_error";
  } catch (const diplo::lookup_error& e) {
    EXPECT_STREQ(e.what(), "[diplo.actor] unknown name \"Pootin\"; did you mean: Vladimir Putin?");
    EXPECT_EQ(e.candidates(), std::vector<std::string>{"Vladimir Putin"});
  }
  EXPECT_EQ(reg.suggestions("Erdgoan"), std::vector<std::string>{"Recep Tayyip Erdoğan"});
  EXPECT_EQ(reg.suggestions("Saakashvli"), std::vector<std::string>{"Mikheil Saakashvili"});
  EXPECT_EQ(reg.suggestions("Путен"), std::vector<std::string>{"Vladimir Putin"});
  EXPECT_EQ(reg.suggestions("Vladimir Puttin"), std::vector<std::string>{"Vladimir Putin"});
  EXPECT_EQ(reg.suggestions("Bosh"), (std::vector<std::string>{"George H. W. Bush", "George W. Bush"}));
  EXPECT_EQ(reg.suggestions("Bosh", 1), std::vector<std::string>{"George H. W. Bush"});
  EXPECT_TRUE(reg.suggestions("Bosh", 0).empty());
}

TEST(ActorNames, UnknownNameWithNothingNearHasNoSuggestion) {
  const auto reg = leaders();
  EXPECT_TRUE(reg.suggestions("Angela Merkel").empty());
  try {
    (void)reg.resolve("Angela Merkel");
    FAIL() << "expected lookup_error";
  } catch (const diplo::lookup_error& e) {
    EXPECT_STREQ(e.what(), "[diplo.actor] unknown name \"Angela Merkel\"");
    EXPECT_TRUE(e.candidates().empty());
  }
  EXPECT_THROW((void)reg.resolve(""), diplo::lookup_error);
  EXPECT_THROW((void)reg.resolve(" - "), diplo::lookup_error);
}

TEST(ActorNames, InvalidUtf8Query) {
  const auto reg = leaders();
  EXPECT_THROW((void)reg.resolve("Erdo\xC4"), diplo::error);
  EXPECT_THROW((void)reg.candidates("\xff"), diplo::error);
  EXPECT_EQ(reg.try_resolve("\xff"), std::nullopt);
}

// --- adding -----------------------------------------------------------------------------------

TEST(ActorRegistry, RejectsDuplicateIds) {
  auto reg = leaders();
  try {
    reg.add(organisation{.id = actor_id{"xi-jinping"}, .name = "Someone else"});
    FAIL() << "expected diplo::error";
  } catch (const diplo::error& e) {
    EXPECT_STREQ(e.what(), "[diplo.actor] duplicate actor id \"xi-jinping\"");
  }
  EXPECT_EQ(reg.size(), 8U);
  EXPECT_EQ(reg.try_resolve("Someone else"), std::nullopt);
}

TEST(ActorRegistry, RejectsEmptyIdsAndNames) {
  actor_registry reg;
  EXPECT_THROW(reg.add(person{.id = actor_id{}, .name = "Xi Jinping"}), diplo::error);
  EXPECT_THROW(reg.add(person{.id = actor_id{"xi"}, .name = ""}), diplo::error);
  EXPECT_THROW(reg.add(person{.id = actor_id{"xi"}, .name = " ... "}), diplo::error);
  EXPECT_THROW(reg.add(person{.id = actor_id{"xi"}, .name = "Xi", .aliases = {"-"}}), diplo::error);
  EXPECT_EQ(reg.size(), 0U);
}

TEST(ActorRegistry, RejectsInvalidUtf8) {
  actor_registry reg;
  try {
    reg.add(person{.id = actor_id{"erdogan"},
                   .name = "Erdo\xC4"
                           "an"});
    FAIL() << "expected diplo::error";
  } catch (const diplo::error& e) {
    EXPECT_STREQ(e.what(), "[diplo.actor] actor \"erdogan\": name is not valid UTF-8");
  }
  try {
    reg.add(person{.id = actor_id{"erdogan"}, .name = "Erdoğan", .aliases = {"Erdogan", "\xff"}});
    FAIL() << "expected diplo::error";
  } catch (const diplo::error& e) {
    EXPECT_STREQ(e.what(), "[diplo.actor] actor \"erdogan\": alias 2 is not valid UTF-8");
  }
  EXPECT_THROW(reg.add(organisation{.id = actor_id{"\xC0"}, .name = "X"}), diplo::error);
  // Nothing was half-added: the same id goes in cleanly afterwards.
  EXPECT_EQ(reg.size(), 0U);
  EXPECT_EQ(reg.try_resolve("Erdogan"), std::nullopt);
  reg.add(person{.id = actor_id{"erdogan"}, .name = "Erdoğan"});
  EXPECT_EQ(reg.resolve("erdogan"), actor_id{"erdogan"});
}

TEST(ActorRegistry, ChecksWikidataIds) {
  actor_registry reg;
  for (const char* bad : {"15031", "Q", "q15031", "Q15031 ", "Q12a", "P31"}) {
    EXPECT_THROW(reg.add(person{.id = actor_id{"x"}, .name = "X Y", .wikidata = bad}), diplo::error) << bad;
  }
  EXPECT_EQ(reg.size(), 0U);
  reg.add(person{.id = actor_id{"x"}, .name = "X Y", .wikidata = "Q15031"});
  reg.add(person{.id = actor_id{"y"}, .name = "Y Z", .wikidata = ""});
  EXPECT_EQ(reg.size(), 2U);
}

TEST(ActorRegistry, AddsActorVariants) {
  actor_registry reg;
  reg.add(diplo::actor{
      organisation{.id = actor_id{"eu"}, .name = "European Union", .aliases = {"EU", "Union européenne"}}});
  EXPECT_EQ(reg.resolve("union europeenne"), actor_id{"eu"});
  EXPECT_EQ(reg.resolve("Union"), actor_id{"eu"});
  reg.add(organisation{.id = actor_id{"au"}, .name = "African Union", .aliases = {"AU"}});
  EXPECT_EQ(reg.candidates("Union").size(), 2U);
  EXPECT_EQ(reg.resolve("EU"), actor_id{"eu"});
}

// --- countries and offices --------------------------------------------------------------------

TEST(ActorCountry, FollowsOfficeTerms) {
  const auto reg = leaders();
  const actor_id saakashvili{"mikheil-saakashvili"};
  EXPECT_EQ(reg.country_of(saakashvili, day(2000, 1, 1)), country_code{"GE"});  // no office
  EXPECT_EQ(reg.country_of(saakashvili, day(2010, 6, 1)), country_code{"GE"});
  EXPECT_EQ(reg.country_of(saakashvili, day(2015, 5, 29)), country_code{"GE"});
  EXPECT_EQ(reg.country_of(saakashvili, day(2015, 5, 30)), country_code{"UA"});
  EXPECT_EQ(reg.country_of(saakashvili, day(2016, 11, 7)), country_code{"UA"});
  EXPECT_EQ(reg.country_of(saakashvili, day(2016, 11, 8)), country_code{"GE"});  // term ended
  EXPECT_EQ(reg.country_of(actor_id{"xi-jinping"}, day(2025, 5, 7)), country_code{"CN"});
  EXPECT_TRUE(reg.country_of(actor_id{"un"}, day(2025, 5, 7)).empty());
  EXPECT_TRUE(reg.country_of(actor_id{"nobody"}, day(2025, 5, 7)).empty());
}

TEST(ActorCountry, CertainOfficeBeatsPossibleOne) {
  actor_registry reg;
  reg.add(person{.id = actor_id{"envoy"},
                 .name = "A Envoy",
                 .country = "SE",
                 .offices = {{"Ambassador", "FR", period::parse("2010/2015-05")},
                             {"Minister", "DE", period::parse("2015-05-10/2016")},
                             {"Secretary-General", {}, period::parse("2017-01-01/..")}}});
  const actor_id envoy{"envoy"};
  // 20 May 2015: the embassy possibly ended already, the ministry had certainly begun.
  EXPECT_EQ(reg.country_of(envoy, day(2015, 5, 20)), country_code{"DE"});
  // 5 May 2015: only the embassy, possibly.
  EXPECT_EQ(reg.country_of(envoy, day(2015, 5, 5)), country_code{"FR"});
  // An office of no country does not change the person's country.
  EXPECT_EQ(reg.country_of(envoy, day(2020, 1, 1)), country_code{"SE"});
  EXPECT_EQ(reg.offices_on(envoy, day(2020, 1, 1)).size(), 1U);
}

TEST(ActorCountry, OfficesOnADay) {
  const auto reg = leaders();
  const actor_id putin{"vladimir-putin"};
  const auto handover = reg.offices_on(putin, day(2000, 5, 7));  // both ends are inclusive
  ASSERT_EQ(handover.size(), 2U);
  EXPECT_EQ(handover[0]->title, "Prime Minister");
  EXPECT_EQ(handover[1]->title, "President");
  const auto later = reg.offices_on(putin, day(2010, 1, 1));
  ASSERT_EQ(later.size(), 1U);
  EXPECT_EQ(later[0]->title, "Prime Minister");
  EXPECT_TRUE(reg.offices_on(putin, day(1990, 1, 1)).empty());
  EXPECT_TRUE(reg.offices_on(actor_id{"un"}, day(2010, 1, 1)).empty());
  EXPECT_TRUE(reg.offices_on(actor_id{"nobody"}, day(2010, 1, 1)).empty());
}

// --- formatting -------------------------------------------------------------------------------

TEST(ActorFormat, PrintsCanonicalNames) {
  const auto reg = leaders();
  const person& xi = *reg.person_of(actor_id{"xi-jinping"});
  EXPECT_EQ(fmt::format("{}", xi), "Xi Jinping");
  EXPECT_EQ(fmt::format("[{:>12}]", xi), "[  Xi Jinping]");
  EXPECT_EQ(fmt::format("[{:*<12}]", xi), "[Xi Jinping**]");
  EXPECT_EQ(fmt::format("{}", *reg.organisation_of(actor_id{"un"})), "United Nations");
  EXPECT_EQ(fmt::format("{}", reg.get(actor_id{"recep-tayyip-erdogan"})), "Recep Tayyip Erdoğan");
  EXPECT_EQ(fmt::format("[{:^8}]", reg.get(actor_id{"nato"})), "[  NATO  ]");
  EXPECT_EQ(fmt::format("{}", diplo::id_of(reg.get(actor_id{"nato"}))), "nato");
}

TEST(ActorFormat, PrintsOffices) {
  const office president{"President", "CN", period::parse("2013-03-14/..")};
  EXPECT_EQ(fmt::format("{}", president), "President of China (from 14 March 2013)");
  const office pm{"Prime Minister", "RU", period::parse("1999-08-16/2000-05-07")};
  EXPECT_EQ(fmt::format("{}", pm), "Prime Minister of Russia (16 August 1999 – 7 May 2000)");
  const office sg{"Secretary-General", {}, period::parse("2017-01-01/..")};
  EXPECT_EQ(fmt::format("{}", sg), "Secretary-General (from 1 January 2017)");
  EXPECT_EQ(fmt::format("[{:>45}]", president), "[      President of China (from 14 March 2013)]");
}

// --- threads ----------------------------------------------------------------------------------

TEST(ActorRegistry, ConstLookupsFromManyThreads) {
  const auto reg = leaders();
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (reg.try_resolve("Erdogan") != actor_id{"recep-tayyip-erdogan"}) ++wrong;
        if (reg.try_resolve("Bush").has_value()) ++wrong;
        if (reg.suggestions("Pootin").size() != 1) ++wrong;
        if (reg.country_of(actor_id{"xi-jinping"}, day(2020, 1, 1)) != country_code{"CN"}) ++wrong;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
}

TEST(ActorNames, AnAmbiguousNameNamesTenCandidatesAndCountsTheRest) {
  diplo::actor_registry reg;
  for (int i = 0; i < 25; ++i) {
    reg.add(diplo::person{.id = diplo::actor_id{fmt::format("smith-{:02}", i)}, .name = "John Smith"});
  }
  try {
    (void)reg.resolve("Smith");
    ADD_FAILURE() << "no error";
  } catch (const diplo::lookup_error& e) {
    std::string expected = "[diplo.actor] \"Smith\" is ambiguous: ";
    for (int i = 0; i < 10; ++i) expected += fmt::format("{}John Smith (smith-{:02})", i == 0 ? "" : ", ", i);
    expected += " and 15 more";
    EXPECT_EQ(e.what(), expected);
    EXPECT_EQ(e.candidates().size(), 25U);
  }
}

// Issue 19, item 20: one name is one byte string, however it was composed.
TEST(ActorRegistry, KeepsNamesAndAliasesInNfc) {
  actor_registry reg;
  reg.add(person{.id = actor_id{"erdogan"},
                 .name = "Recep Tayyip Erdog\u0306an",
                 .aliases = {"Erdog\u0306an", "Cafe\u0301"}});
  const person* p = reg.person_of(actor_id{"erdogan"});
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->name, "Recep Tayyip Erdo\u011Fan");
  EXPECT_EQ(p->aliases, (std::vector<std::string>{"Erdo\u011Fan", "Caf\u00E9"}));
  EXPECT_EQ(fmt::format("{}", *p), "Recep Tayyip Erdoğan");
  EXPECT_EQ(reg.resolve("Erdoğan"), actor_id{"erdogan"});
  // An actor read twice, once composed and once not, is the same record.
  actor_registry other;
  other.add(
      person{.id = actor_id{"erdogan"}, .name = "Recep Tayyip Erdoğan", .aliases = {"Erdoğan", "Café"}});
  EXPECT_EQ(*reg.find(actor_id{"erdogan"}), *other.find(actor_id{"erdogan"}));
}

auto warnings_of(const actor_registry& reg) -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const auto& w : reg.name_warnings()) {
    out.push_back(fmt::format("{}: {}", diplo::id_of(reg.actors()[w.actor]), w.message));
  }
  return out;
}

TEST(ActorNameWarnings, NoneForDistinctNamesInManyScripts) { EXPECT_TRUE(leaders().name_warnings().empty()); }

TEST(ActorNameWarnings, LookAlikesMixedScriptsAndIdsThatAreNames) {
  actor_registry reg = leaders();
  // The same name twice, composed and decomposed: two identical lines in every list.
  reg.add(person{.id = actor_id{"erdogan-2"}, .name = "Recep Tayyip Erdog\u0306an"});
  // "Vladimir Рutin" with a Cyrillic Р (U+0420).
  reg.add(person{.id = actor_id{"fake-putin"}, .name = "Vladimir \u0420utin"});
  // An id that another actor's alias spells: "xi" means this one, "Xi" the other.
  reg.add(person{.id = actor_id{"dubya"}, .name = "Someone Else"});
  EXPECT_EQ(warnings_of(reg),
            (std::vector<std::string>{
                "erdogan-2: name \"Recep Tayyip Erdoğan\" is also a name of actor "
                "\"recep-tayyip-erdogan\" (\"Recep Tayyip Erdoğan\"): the name is ambiguous",
                "fake-putin: name \"Vladimir Рutin\" mixes Latin and Cyrillic letters in the word "
                "\"Рutin\"",
                "fake-putin: name \"Vladimir Рutin\" looks like \"Vladimir Putin\" of actor "
                "\"vladimir-putin\" (letters of another script that look Latin)",
                "dubya: id \"dubya\" is also a name of actor \"george-w-bush\" (\"Dubya\"): "
                "\"dubya\" exactly as written means this actor, any other spelling (\"Dubya\") "
                "means \"george-w-bush\"",
            }));
  EXPECT_EQ(reg.resolve("dubya"), actor_id{"dubya"});
  EXPECT_EQ(reg.resolve("Dubya"), actor_id{"george-w-bush"});
  // Greek look-alikes too; a whole word in another script is not mixed.
  actor_registry greek;
  greek.add(person{.id = actor_id{"a"}, .name = "Tokyo"});
  greek.add(person{.id = actor_id{"b"}, .name = "Τοkyο"});  // Greek Tau and omicrons
  greek.add(person{.id = actor_id{"c"}, .name = "Путин Putin"});
  EXPECT_EQ(warnings_of(greek),
            (std::vector<std::string>{
                "b: name \"Τοkyο\" mixes Latin and Greek letters in the word \"Τοkyο\"",
                "b: name \"Τοkyο\" looks like \"Tokyo\" of actor \"a\" (letters of another "
                "script that look Latin)",
            }));
}

}  // namespace
