// SPDX-License-Identifier: MIT
// parse_claim (diplo/check.h): English sentences of every kind of claim, in many phrasings,
// and the sentences it must refuse, with the column and what it expected.

#include <diplo/check.h>

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <diplo/actor.h>
#include <diplo/data.h>
#include <diplo/error.h>

namespace diplo {

// gtest prints places as the claims write them ("Kazan, RU").
void PrintTo(const claimed_place& p, std::ostream* os) { *os << fmt::format("{}", p); }

}  // namespace diplo

namespace {

using diplo::claim;
using diplo::claimed_place;
using diplo::country_code;
using diplo::partial_date;
using diplo::period;

auto registry() -> const diplo::actor_registry& { return diplo::data::xi_putin().actors(); }

auto id(std::string_view name) -> diplo::actor_id { return registry().resolve(name); }
auto when(std::string_view edtf) -> period { return period::parse(edtf); }
auto date_of(std::string_view edtf) -> partial_date { return partial_date::parse(edtf); }
auto place(std::string_view text) -> claimed_place { return claimed_place::parse(text); }

// A claim in English, for the failure messages (gtest would print a variant's bytes).
auto shown(const claim& c) -> std::string {
  return fmt::format("{}: {}", diplo::kind_name(c), diplo::describe(c, &registry()));
}

const country_code ru = "RU";
const country_code cn = "CN";

struct example {
  std::string_view text;
  claim expected;
};

// Parses every example, reporting each failure with its sentence (one exception does not
// stop the others).
void expect_parses(const std::vector<example>& examples) {
  for (const example& e : examples) {
    SCOPED_TRACE(e.text);
    try {
      const claim got = diplo::parse_claim(e.text, registry());
      EXPECT_TRUE(got == e.expected) << "parsed: " << shown(got) << "\nwanted: " << shown(e.expected);
      const std::optional<claim> maybe = diplo::try_parse_claim(e.text, registry());
      EXPECT_TRUE(maybe && *maybe == e.expected) << "try_parse_claim differs";
    } catch (const diplo::error& x) {
      ADD_FAILURE() << "threw: " << x.what();
    }
  }
}

TEST(ParseClaim, LastVisit) {
  const auto xi = id("Xi");
  const auto putin = id("Putin");
  using v = diplo::last_visit_claim;
  expect_parses({
      {"Xi last visited Russia in September 2024", v{xi, ru, when("2024-09"), ""}},
      {"Xi last visited Russia in September 2024 for a BRICS summit",
       v{xi, ru, when("2024-09"), "BRICS summit"}},
      {"Xi's last visit to Russia was in October 2024", v{xi, ru, when("2024-10"), ""}},
      {"Xi most recently visited Russia in 2024", v{xi, ru, when("2024"), ""}},
      {"Xi Jinping has most recently visited Russia in Sept. 2024.", v{xi, ru, when("2024-09"), ""}},
      {"\"Xi last visited Russia in Sep 2024 for the BRICS summit.\"",
       v{xi, ru, when("2024-09"), "BRICS summit"}},
      {"XI LAST VISITED RUSSIA IN OCTOBER 2024", v{xi, ru, when("2024-10"), ""}},
      {"  Xi   last  visited   Russia in   2024-10-22 ", v{xi, ru, when("2024-10-22"), ""}},
      {"The last visit of Xi to Russia was in October 2024", v{xi, ru, when("2024-10"), ""}},
      {"Xi\xE2\x80\x99s most recent visit to Russia took place in 2024-10", v{xi, ru, when("2024-10"), ""}},
      {"Putin last visited China in May 2024 (for a state visit)",
       v{putin, cn, when("2024-05"), "state visit"}},
      {"Xi last visited Russia for the BRICS summit in October 2024",
       v{xi, ru, when("2024-10"), "BRICS summit"}},
      {"Xi made his last visit to Russia in October 2024", v{xi, ru, when("2024-10"), ""}},
      {"Xi visited Russia most recently in October 2024", v{xi, ru, when("2024-10"), ""}},
      {"Xi last visited RU on October 22, 2024", v{xi, ru, when("2024-10-22"), ""}},
  });
}

TEST(ParseClaim, VisitedIn) {
  const auto xi = id("Xi");
  const auto putin = id("Putin");
  using v = diplo::visited_in_claim;
  expect_parses({
      {"Xi visited Russia in March 2023", v{xi, ru, when("2023-03"), ""}},
      {"Xi made a state visit to Russia in March 2023", v{xi, ru, when("2023-03"), "state visit"}},
      {"Putin travelled to China in October 2023", v{putin, cn, when("2023-10"), ""}},
      {"Putin traveled to China in October 2023.", v{putin, cn, when("2023-10"), ""}},
      {"Putin went to China in October 2023", v{putin, cn, when("2023-10"), ""}},
      {"Putin made a trip to China in October 2023", v{putin, cn, when("2023-10"), ""}},
      {"Putin paid a state visit to China in May 2024", v{putin, cn, when("2024-05"), "state visit"}},
      {"Xi visited Russia on 20 March 2023", v{xi, ru, when("2023-03-20"), ""}},
      {"Xi visited Russia in 2023-03", v{xi, ru, when("2023-03"), ""}},
      {"Putin flew to China in Oct. 2023", v{putin, cn, when("2023-10"), ""}},
      {"Xi will visit Russia in May 2025", v{xi, ru, when("2025-05"), ""}},
      {"Putin visited China in October 2023 for the Belt and Road Forum",
       v{putin, cn, when("2023-10"), "Belt and Road Forum"}},
      {"In March 2023, Xi visited Russia", v{xi, ru, when("2023-03"), ""}},
      {"Narendra Modi visited Russia in July 2024", v{id("Narendra Modi"), ru, when("2024-07"), ""}},
      {"Xi is visiting Russia in May 2025", v{xi, ru, when("2025-05"), ""}},
      {"Xi visited the Russian Federation in March 2023", v{xi, ru, when("2023-03"), ""}},
      {"Putin visited China in spring 2024", v{putin, cn, when("2024-21"), ""}},
      {"'Xi visited Russia in March of 2023'", v{xi, ru, when("2023-03"), ""}},
  });
}

TEST(ParseClaim, VisitOrdinal) {
  const auto xi = id("Xi");
  const auto putin = id("Putin");
  using v = diplo::visit_ordinal_claim;
  expect_parses({
      {"This will be Xi's third visit to Russia since February 2022", v{xi, ru, date_of("2022-02"), 3}},
      {"It is Xi's 3rd visit to Russia since February 2022", v{xi, ru, date_of("2022-02"), 3}},
      {"Xi's third visit to Russia since February 2022", v{xi, ru, date_of("2022-02"), 3}},
      {"It's Xi's second trip to Russia since 2022", v{xi, ru, date_of("2022"), 2}},
      {"This is Putin's 4th visit to China since 24 February 2022", v{putin, cn, date_of("2022-02-24"), 4}},
      {"Xi will visit Russia for the third time since February 2022", v{xi, ru, date_of("2022-02"), 3}},
      {"This marks Xi's tenth visit to Russia since 2013", v{xi, ru, date_of("2013"), 10}},
      {"It will be the third visit of Xi to Russia since the start of 2022", v{xi, ru, date_of("2022"), 3}},
      {"Xi made his twenty-first visit to Russia since 2013", v{xi, ru, date_of("2013"), 21}},
      {"This is Xi's first visit to Russia since 2023", v{xi, ru, date_of("2023"), 1}},
  });
}

TEST(ParseClaim, VisitCount) {
  const auto xi = id("Xi");
  const auto putin = id("Putin");
  using v = diplo::visit_count_claim;
  const std::optional<partial_date> none;
  expect_parses({
      {"Xi has visited Russia 3 times since 2022", v{xi, ru, date_of("2022"), none, 3}},
      {"Xi visited Russia twice in 2023", v{xi, ru, date_of("2023"), date_of("2023"), 2}},
      {"Xi has visited Russia three times from 2022 to 2024", v{xi, ru, date_of("2022"), date_of("2024"), 3}},
      {"Xi has made 11 visits to Russia", v{xi, ru, none, none, 11}},
      {"Putin has visited China 19 times since 2000", v{putin, cn, date_of("2000"), none, 19}},
      {"Xi visited Russia once in 2024", v{xi, ru, date_of("2024"), date_of("2024"), 1}},
      {"Xi has been to Russia eleven times", v{xi, ru, none, none, 11}},
      {"Xi visited Russia 2 times between 2022 and 2024", v{xi, ru, date_of("2022"), date_of("2024"), 2}},
      {"Since 2013, Xi has visited Russia 11 times", v{xi, ru, date_of("2013"), none, 11}},
      {"Putin has traveled to China on 20 occasions", v{putin, cn, none, none, 20}},
      {"Xi visited Russia 8 times from March 2013 until December 2019",
       v{xi, ru, date_of("2013-03"), date_of("2019-12"), 8}},
      {"Putin made two trips to China in 2024", v{putin, cn, date_of("2024"), date_of("2024"), 2}},
  });
}

TEST(ParseClaim, LastMeeting) {
  const auto xi = id("Xi");
  const auto putin = id("Putin");
  using m = diplo::last_meeting_claim;
  expect_parses({
      {"Xi and Putin last met in July 2024 in Kazakhstan",
       m{xi, putin, when("2024-07"), place("Kazakhstan")}},
      {"Xi and Putin most recently met in Astana in July 2024",
       m{xi, putin, when("2024-07"), place("Astana")}},
      {"Xi and Putin met most recently in July 2024", m{xi, putin, when("2024-07"), {}}},
      {"The last meeting of Xi and Putin was in October 2024", m{xi, putin, when("2024-10"), {}}},
      {"Xi Jinping and Vladimir Putin last met on 22 October 2024 in Kazan, Russia",
       m{xi, putin, when("2024-10-22"), place("Kazan, Russia")}},
      {"Xi last met Putin in October 2024", m{xi, putin, when("2024-10"), {}}},
      {"Xi and Putin's last meeting was in Kazan in October 2024",
       m{xi, putin, when("2024-10"), place("Kazan")}},
      {"Xi's most recent meeting with Putin took place in October 2024", m{xi, putin, when("2024-10"), {}}},
      {"The latest meeting between Putin and Xi was held in Kazan on 22 October 2024",
       m{putin, xi, when("2024-10-22"), place("Kazan")}},
      {"Putin and Xi last met in Oct 2024", m{putin, xi, when("2024-10"), {}}},
  });
}

TEST(ParseClaim, FirstMeeting) {
  const auto xi = id("Xi");
  const auto putin = id("Putin");
  using m = diplo::first_meeting_claim;
  expect_parses({
      {"Xi and Putin first met in March 2013 in Moscow", m{xi, putin, when("2013-03"), place("Moscow")}},
      {"Xi and Putin met for the first time in 2013", m{xi, putin, when("2013"), {}}},
      {"The first meeting of Xi and Putin was in March 2013", m{xi, putin, when("2013-03"), {}}},
      {"Xi first met Putin in Moscow in 2013", m{xi, putin, when("2013"), place("Moscow")}},
      {"Xi and Putin's first meeting took place on 22 March 2013 in Moscow, Russia",
       m{xi, putin, when("2013-03-22"), place("Moscow, Russia")}},
      {"Xi Jinping met Vladimir Putin for the first time in March 2013", m{xi, putin, when("2013-03"), {}}},
  });
}

TEST(ParseClaim, MeetingCount) {
  const auto xi = id("Xi");
  const auto putin = id("Putin");
  using m = diplo::meeting_count_claim;
  const std::optional<partial_date> none;
  expect_parses({
      {"Xi and Putin have met 40 times since 2013", m{xi, putin, date_of("2013"), none, 40}},
      {"Xi and Putin met twice in 2024", m{xi, putin, date_of("2024"), date_of("2024"), 2}},
      {"Xi has met Putin forty times since 2013", m{xi, putin, date_of("2013"), none, 40}},
      {"Xi and Putin have met 10 times from 2019 to 2022",
       m{xi, putin, date_of("2019"), date_of("2022"), 10}},
      {"Xi and Putin met three times between 2023 and 2024",
       m{xi, putin, date_of("2023"), date_of("2024"), 3}},
      {"Xi and Putin met once in 2020", m{xi, putin, date_of("2020"), date_of("2020"), 1}},
      {"Putin and Modi have met on 5 occasions since 2020", m{putin, id("Modi"), date_of("2020"), none, 5}},
  });
}

TEST(ParseClaim, MetIn) {
  const auto xi = id("Xi");
  const auto putin = id("Putin");
  using m = diplo::met_in_claim;
  expect_parses({
      {"Xi and Putin met in Kazan in October 2024", m{xi, putin, when("2024-10"), place("Kazan")}},
      {"Xi met Putin in October 2024", m{xi, putin, when("2024-10"), {}}},
      {"Xi and Putin met in October 2024", m{xi, putin, when("2024-10"), {}}},
      {"Xi met with Putin in Beijing on 16 May 2024", m{xi, putin, when("2024-05-16"), place("Beijing")}},
      {"Xi and Putin met on October 22, 2024 in Kazan", m{xi, putin, when("2024-10-22"), place("Kazan")}},
      {"On 22 October 2024, Xi and Putin met in Kazan", m{xi, putin, when("2024-10-22"), place("Kazan")}},
      {"Xi and Putin met in Kazan, Russia, in October 2024",
       m{xi, putin, when("2024-10"), place("Kazan, Russia")}},
      {"Xi and Putin will meet in Moscow in May 2025", m{xi, putin, when("2025-05"), place("Moscow")}},
      {"Xi and Putin met in 2024-10-22", m{xi, putin, when("2024-10-22"), {}}},
      {"Xi and Putin met each other in Tianjin in August 2025",
       m{xi, putin, when("2025-08"), place("Tianjin")}},
  });
}

TEST(ParseClaim, Where) {
  const auto xi = id("Xi");
  const auto putin = id("Putin");
  using w = diplo::where_claim;
  expect_parses({
      {"Xi was in Moscow on 9 May 2025", w{xi, date_of("2025-05-09"), place("Moscow")}},
      {"On 9 May 2025 Xi was in Moscow", w{xi, date_of("2025-05-09"), place("Moscow")}},
      {"Xi was in Russia on May 9, 2025", w{xi, date_of("2025-05-09"), place("Russia")}},
      {"Putin was in Beijing on 2024-05-16", w{putin, date_of("2024-05-16"), place("Beijing")}},
      {"Xi will be in Moscow on the 9th of May 2025", w{xi, date_of("2025-05-09"), place("Moscow")}},
      {"On May 9, 2025, Xi Jinping was in Moscow, Russia.",
       w{xi, date_of("2025-05-09"), place("Moscow, Russia")}},
      {"Xi is in Kazan on 23 October 2024", w{xi, date_of("2024-10-23"), place("Kazan")}},
  });
}

TEST(ParseClaim, PlacesAreCountriesOrCities) {
  const auto xi = id("Xi");
  const claim c = diplo::parse_claim("Xi and Putin last met in July 2024 in Kazakhstan", registry());
  EXPECT_EQ(std::get<diplo::last_meeting_claim>(c).place, (claimed_place{"", "KZ"}));
  const claim d = diplo::parse_claim("Xi and Putin met in Kazan, Russia, in October 2024", registry());
  EXPECT_EQ(std::get<diplo::met_in_claim>(d).place, (claimed_place{"Kazan", "RU"}));
  EXPECT_TRUE(diplo::parse_claim("Xi was in Moscow on 9 May 2025", registry()) ==
              claim(diplo::where_claim{xi, date_of("2025-05-09"), claimed_place{"Moscow", {}}}));
  EXPECT_EQ(diplo::kind_name(diplo::parse_claim("Xi met Putin in 2024", registry())), "met_in");
}

// ---- refusals ------------------------------------------------------------------------------

struct refusal {
  std::string_view text;
  std::string_view expected;  // a part of what the message says was expected
  std::string_view at;        // the text the column points at; "" for the end of the sentence
};

// The 1-based column of `at` in `text` (its first occurrence), or just past the sentence (its
// final period left out) for "".
auto column_of(std::string_view text, std::string_view at) -> std::size_t {
  if (!at.empty()) return text.find(at) + 1;
  std::size_t end = text.size();
  while (end > 0 && (text[end - 1] == '.' || text[end - 1] == ' ')) --end;
  return end + 1;
}

TEST(ParseClaim, RefusesWithAClearMessage) {
  const std::vector<refusal> refusals = {
      {"Xi and Putin have met more than 40 times", "an exact number of times", "more"},
      {"Xi and Putin have met at least 40 times since 2013", "an exact number of times", "at least"},
      {"Xi and Putin met about 40 times", "an exact number of times", "about"},
      {"Xi visited Russia in May", "a year after \"May\"", ""},
      {"Xi last visited Russia", "a date, such as \"in September 2024\"", ""},
      {"Xi visited Moscow in March 2023", "a country after \"visited\"", "Moscow"},
      {"Xi visited Narnia in March 2023", "a country after \"visited\"", "Narnia"},
      {"", "a sentence of a known shape", ""},
      {"Hello.", "a verb such as \"visited\"", ""},
      {"Xi was in Moscow in May 2025", "one day, such as \"9 May 2025\"", "May 2025"},
      {"Xi and Putin visited Russia in 2023", "one name before the verb", "and"},
      {"Xi met in Kazan in October 2024", "two names", "met"},
      {"Xi visited Russia 3 times since 2022 for the BRICS summit", "names no occasion", "BRICS"},
      {"Xi visited Russia since 2022", "a number of times", "since"},
      {"Xi first visited Russia in 2013", "no claim is about a first visit", "first"},
      {"Xi and Putin met in Kazan for the BRICS summit in October 2024", "names no occasion", "BRICS"},
      {"Xi recently visited Russia in 2024", "\"most recently\" or \"last\"", "recently"},
      {"Xi visited Russia on 31 September 2024", "a day that exists", "31"},
      {"Xi visited Russia last year", "relative dates", "last"},
      {"Xi and Putin met in early 2024", "\"early\"", "early"},
      {"Xi and Putin met in October 2024 and November 2024", "the end of the sentence", "and November"},
      {"Xi visited Russia in 2023 in 2024", "already has a date", "2024"},
      {"Xi and Putin's second meeting was in 2014", "\"first\" or \"last\" meeting", "second"},
      {"This is Xi's visit to Russia", "an ordinal", "visit"},
      {"This will be Xi's third visit to Russia", "\"since\" and a date", ""},
      {"Xi visited Russia in Kazan in 2024", "a visit claim names its country", "Kazan"},
      {"Xi and Putin met in Kazan, Narnia in 2024", "a country after the comma", "Narnia"},
      {"Xi and Putin met 40 times in Kazan", "names no place", "Kazan"},
      {"Xi was in Moscow", "\"on\" and one day", ""},
      {"Xi, Putin and Modi met in 2024", "a verb such as", ","},
      {"Xi visits Russia next week", "\"in\" (a date or a place)", "next"},
      {"Xi will visit Russia for the third time since 2022 in May 2025", "names no other date", "May"},
  };
  for (const refusal& r : refusals) {
    SCOPED_TRACE(r.text);
    EXPECT_FALSE(diplo::try_parse_claim(r.text, registry()));
    try {
      const claim c = diplo::parse_claim(r.text, registry());
      ADD_FAILURE() << "parsed as " << shown(c);
    } catch (const diplo::parse_error& e) {
      const std::string what = e.what();
      EXPECT_EQ(what.rfind("[diplo.check] \"", 0), 0U) << what;
      EXPECT_NE(what.find(": expected "), std::string::npos) << what;
      EXPECT_NE(what.find(r.expected), std::string::npos) << what;
      EXPECT_EQ(e.column(), column_of(r.text, r.at)) << what;
      EXPECT_EQ(e.input(), r.text);
    } catch (const diplo::error& e) {
      ADD_FAILURE() << "not a parse_error: " << e.what();
    }
  }
}

TEST(ParseClaim, TheMessageQuotesTheSentenceAndTheColumn) {
  try {
    (void)diplo::parse_claim("Xi and Putin have met more than 40 times", registry());
    FAIL() << "parsed";
  } catch (const diplo::parse_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "[diplo.check] \"Xi and Putin have met more than 40 times\" at column 23: expected an exact "
              "number of "
              "times, such as \"40 times\" (\"more than\", \"at least\", \"about\" and other approximate "
              "counts are "
              "not supported)");
  }
}

TEST(ParseClaim, UnknownAndAmbiguousNamesThrowLookupError) {
  EXPECT_THROW((void)diplo::parse_claim("Biden visited Russia in 2023", registry()), diplo::lookup_error);
  EXPECT_THROW((void)diplo::parse_claim("Xi and Nobody met in 2024", registry()), diplo::lookup_error);
  EXPECT_FALSE(diplo::try_parse_claim("Biden visited Russia in 2023", registry()));

  diplo::actor_registry bushes;
  bushes.add(diplo::person{.id = diplo::actor_id{"george-h-w-bush"}, .name = "George H. W. Bush"});
  bushes.add(diplo::person{.id = diplo::actor_id{"george-w-bush"}, .name = "George W. Bush"});
  EXPECT_THROW((void)diplo::parse_claim("Bush visited China in 2005", bushes), diplo::lookup_error);
  EXPECT_TRUE(diplo::parse_claim("George W. Bush visited China in November 2005", bushes) ==
              claim(diplo::visited_in_claim{diplo::actor_id{"george-w-bush"}, cn, when("2005-11"), ""}));
}

TEST(ParseClaim, ShapeErrorsComeBeforeNameErrors) {
  // An unknown name in a sentence of no known shape: the shape is what is reported.
  EXPECT_THROW((void)diplo::parse_claim("Nobody visited Russia", registry()), diplo::parse_error);
}

}  // namespace
