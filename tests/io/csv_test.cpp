// SPDX-License-Identifier: MIT
#include <diplo/io/csv.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <diplo/io/document.h>
#include <diplo/query.h>

namespace {

using diplo::actor_id;
using diplo::event_id;
using diplo::io::read_csv;
using diplo::io::to_csv;

auto slurp(const std::string& path) -> std::string {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

auto real_csv() -> std::string {
  return slurp(std::string(DIPLO_SOURCE_DIR) + "/tests/io/data/xi-putin-events.csv");
}

auto leaders() -> diplo::actor_registry {
  diplo::actor_registry reg;
  reg.add(diplo::person{
      .id = actor_id{"xi-jinping"}, .name = "Xi Jinping", .aliases = {"习近平"}, .country = "CN"});
  reg.add(diplo::person{
      .id = actor_id{"vladimir-putin"}, .name = "Vladimir Putin", .aliases = {"Путин"}, .country = "RU"});
  reg.add(diplo::person{.id = actor_id{"narendra-modi"}, .name = "Narendra Modi", .country = "IN"});
  reg.add(diplo::person{.id = actor_id{"george-h-w-bush"}, .name = "George H. W. Bush", .country = "US"});
  reg.add(diplo::person{.id = actor_id{"george-w-bush"}, .name = "George W. Bush", .country = "US"});
  return reg;
}

// Every diagnostic of the validation_error read_csv throws, formatted; empty if none.
auto errors_of(std::string_view text, const diplo::actor_registry* known = nullptr)
    -> std::vector<std::string> {
  std::vector<std::string> out;
  try {
    (void)read_csv(text, "t.csv", known);
  } catch (const diplo::validation_error& e) {
    for (const auto& d : e.diagnostics()) out.push_back(fmt::format("{}", d));
  }
  return out;
}

auto what_of(std::string_view text, const diplo::actor_registry* known = nullptr) -> std::string {
  try {
    (void)read_csv(text, "t.csv", known);
  } catch (const diplo::validation_error& e) {
    return e.what();
  }
  return {};
}

template <class T>
auto only(const diplo::io::document& doc) -> const T& {
  EXPECT_EQ(doc.events.size(), 1U);
  return std::get<T>(doc.events.at(0));
}

// ---- the real file ---------------------------------------------------------------------

TEST(CsvReal, ImportsWithoutARegistry) {
  std::vector<diplo::diagnostic> warnings;
  auto doc = read_csv(real_csv(), "events.csv", nullptr, &warnings);
  EXPECT_EQ(doc.events.size(), 94U);
  EXPECT_EQ(doc.origins.size(), 94U);
  EXPECT_EQ(doc.origins[0], (diplo::origin{"events.csv", 2, 1}));
  EXPECT_EQ(doc.actor_origins.size(), doc.actors.size());

  // Every name is new: one warning per distinct name (27), at its first use.
  EXPECT_EQ(doc.actors.size(), 27U);
  EXPECT_EQ(warnings.size(), 27U);
  ASSERT_FALSE(warnings.empty());
  EXPECT_EQ(fmt::format("{}", warnings[0]),
            "events.csv:2:87: warning: host: unknown name \"Vladimir Putin\": added as a new "
            "person \"vladimir-putin\"");
  ASSERT_NE(doc.actors.person_of(actor_id{"ukhnaagiin-khurelsukh"}), nullptr);
  EXPECT_EQ(doc.actors.person_of(actor_id{"ukhnaagiin-khurelsukh"})->name, "Ukhnaagiin Khurelsukh");
  EXPECT_TRUE(doc.actors.person_of(actor_id{"ukhnaagiin-khurelsukh"})->country.empty());

  const diplo::timeline t = diplo::io::build(std::move(doc));
  EXPECT_EQ(t.size(), 94U);
  // The Fortaleza talks of 14 July 2014 were held on the eve of the summit they belong to.
  ASSERT_EQ(t.warnings().size(), 1U);
  EXPECT_EQ(fmt::format("{}", t.warnings()[0]),
            "events.csv:13:1: warning: event \"2014-07-14-fortaleza-brics-bilateral\": lies a day "
            "outside its parent \"2014-07-15-fortaleza-brics-summit\" (14 July 2014 vs 15–16 July "
            "2014)");

  using namespace date::literals;
  auto r = diplo::last_meeting(t, actor_id{"xi-jinping"}, actor_id{"vladimir-putin"},
                               {.before = 2025_y / date::May / 7});
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(base(r->event.value()).id, event_id{"2024-10-22-kazan-brics-bilateral"});
  EXPECT_EQ(base(r->event.value()).when, diplo::period::parse("2024-10-22"));
  ASSERT_TRUE(r->context());
  EXPECT_EQ(base(r->context().value()).id, event_id{"2024-10-22-kazan-brics-summit"});
}

TEST(CsvReal, ImportsWithARegistry) {
  const auto known = leaders();
  std::vector<diplo::diagnostic> warnings;
  auto doc = read_csv(real_csv(), "events.csv", &known, &warnings);
  ASSERT_EQ(doc.events.size(), 94U);

  // Known actors are copied, whole, into the document's registry.
  ASSERT_NE(doc.actors.person_of(actor_id{"xi-jinping"}), nullptr);
  EXPECT_EQ(*doc.actors.person_of(actor_id{"xi-jinping"}), *known.person_of(actor_id{"xi-jinping"}));
  EXPECT_TRUE(doc.actors.contains(actor_id{"narendra-modi"}));
  EXPECT_FALSE(doc.actors.contains(actor_id{"george-w-bush"}));  // not named in the file

  // No warning for the known names; one for each other name.
  for (const auto& w : warnings) {
    EXPECT_EQ(w.severity, diplo::severity::warning);
    EXPECT_EQ(w.message.find("Xi Jinping"), std::string::npos) << w.message;
    EXPECT_EQ(w.message.find("Narendra Modi"), std::string::npos) << w.message;
  }
  EXPECT_EQ(warnings.size(), doc.actors.size() - 3);

  // The first row: a state visit to Russia.
  const auto& v = std::get<diplo::visit>(doc.events[0]);
  EXPECT_EQ(v.id, event_id{"2013-03-22-moscow-xi-state-visit"});
  EXPECT_EQ(v.level, diplo::visit_level::state);
  EXPECT_EQ(v.guests, std::vector<actor_id>{actor_id{"xi-jinping"}});
  EXPECT_EQ(v.host, actor_id{"vladimir-putin"});
  EXPECT_EQ(v.host_country, diplo::country_code{"RU"});
  EXPECT_EQ(v.place.city, "Moscow");
  EXPECT_EQ(v.when, diplo::period::parse("2013-03-22/2013-03-24"));
  ASSERT_EQ(v.sources.size(), 2U);
  EXPECT_EQ(v.sources[1].url, "http://en.people.cn/90883/8179573.html");

  const diplo::timeline t = diplo::io::build(std::move(doc));
  EXPECT_EQ(t.size(), 94U);
  // The Fortaleza talks of 14 July 2014 were held on the eve of the summit they belong to.
  ASSERT_EQ(t.warnings().size(), 1U);
  EXPECT_EQ(fmt::format("{}", t.warnings()[0]),
            "events.csv:13:1: warning: event \"2014-07-14-fortaleza-brics-bilateral\": lies a day "
            "outside its parent \"2014-07-15-fortaleza-brics-summit\" (14 July 2014 vs 15–16 July "
            "2014)");
  const diplo::event_ref tianjin = t.find(event_id{"2025-08-31-china-putin-official-visit"});
  ASSERT_TRUE(tianjin);
  const auto tv = std::get<diplo::visit>(tianjin.value());
  EXPECT_EQ(tv.place.city, "Tianjin");
  EXPECT_EQ(tv.cities, (std::vector<std::string>{"Tianjin", "Beijing"}));
  EXPECT_EQ(tv.level, diplo::visit_level::official);
  const diplo::event_ref planned = t.find(event_id{"2026-h1-beijing-putin-official-visit"});
  ASSERT_TRUE(planned);
  EXPECT_EQ(base(planned.value()).status, diplo::status::planned);
  EXPECT_EQ(base(planned.value()).when.to_edtf(), "2026-01/2026-06");
  const diplo::event_ref video = t.find(event_id{"2021-06-28-video"});
  ASSERT_TRUE(video);
  EXPECT_EQ(std::get<diplo::meeting>(video.value()).mode, diplo::meeting_mode::video);
  const diplo::event_ref fortaleza = t.find(event_id{"2014-07-15-fortaleza-brics-summit"});
  ASSERT_TRUE(fortaleza);
  EXPECT_EQ(base(fortaleza.value()).place.city, "Fortaleza/Brasilia");  // not a visit: kept as is

  using namespace date::literals;
  auto r = diplo::last_meeting(t, actor_id{"xi-jinping"}, actor_id{"vladimir-putin"},
                               {.before = 2025_y / date::May / 7});
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(base(r->event.value()).id, event_id{"2024-10-22-kazan-brics-bilateral"});
}

TEST(CsvReal, RoundTrips) {
  const auto known = leaders();
  auto doc = read_csv(real_csv(), "events.csv", &known);
  const diplo::timeline t1 = diplo::io::build(std::move(doc));
  const std::string csv1 = to_csv(t1);
  const diplo::timeline t2 = diplo::io::build(read_csv(csv1, "again.csv", &t1.actors()));
  ASSERT_EQ(t2.size(), t1.size());
  for (std::size_t i = 0; i < t1.size(); ++i) {
    const diplo::event a = t1.at(i).value();
    EXPECT_EQ(a, t2.at(i).value()) << base(a).id.value();
  }
  EXPECT_TRUE(std::equal(t1.actors().actors().begin(), t1.actors().actors().end(),
                         t2.actors().actors().begin(), t2.actors().actors().end()));
  EXPECT_EQ(to_csv(t2), csv1);  // a fixed point

  // Without a registry, the names come back as the same slugs.
  const diplo::timeline t3 = diplo::io::build(read_csv(csv1));
  EXPECT_EQ(to_csv(t3), csv1);
}

// ---- rows to events --------------------------------------------------------------------

TEST(CsvRead, EveryKind) {
  const auto known = leaders();
  const std::string text =
      "id,kind,start,participants,host,country\n"
      "a,state_visit,2024-01-01,Xi Jinping;Vladimir Putin,Vladimir Putin,RU\n"
      "b,official_visit,2024-01-02,Xi Jinping,,RU\n"
      "c,working_visit,2024-01-03,Xi Jinping,,RU\n"
      "d,private_visit,2024-01-04,Xi Jinping,,RU\n"
      "e,visit,2024-01-05,Xi Jinping,,RU\n"
      "f,summit,2024-01-06,Xi Jinping;Vladimir Putin,Narendra Modi,IN\n"
      "g,bilateral_meeting,2024-01-07,Xi Jinping,Vladimir Putin,\n"
      "h,meeting,2024-01-08,Xi Jinping;Vladimir Putin;Narendra Modi,,\n"
      "i,phone_call,2024-01-09,Xi Jinping;Vladimir Putin,,\n"
      "j,video_call,2024-01-10,Xi Jinping;Vladimir Putin,,\n"
      "k,ceremony,2024-01-11,Xi Jinping;Vladimir Putin,Vladimir Putin,RU\n";
  const auto doc = read_csv(text, "t.csv", &known);
  ASSERT_EQ(doc.events.size(), 11U);
  const actor_id xi{"xi-jinping"}, putin{"vladimir-putin"}, modi{"narendra-modi"};
  auto level = [&](std::size_t i) { return std::get<diplo::visit>(doc.events[i]).level; };
  EXPECT_EQ(level(0), diplo::visit_level::state);
  EXPECT_EQ(level(1), diplo::visit_level::official);
  EXPECT_EQ(level(2), diplo::visit_level::working);
  EXPECT_EQ(level(3), diplo::visit_level::private_visit);
  EXPECT_EQ(level(4), diplo::visit_level::unspecified);
  EXPECT_EQ(std::get<diplo::visit>(doc.events[0]).guests, std::vector<actor_id>{xi});
  EXPECT_EQ(std::get<diplo::visit>(doc.events[0]).host, putin);
  EXPECT_EQ(std::get<diplo::visit>(doc.events[1]).host, std::nullopt);

  const auto& s = std::get<diplo::summit>(doc.events[5]);
  EXPECT_EQ(s.host, modi);
  EXPECT_EQ(s.attendees, (std::vector<actor_id>{xi, putin}));
  EXPECT_EQ(s.host_country, diplo::country_code{"IN"});
  EXPECT_EQ(s.place.country, diplo::country_code{"IN"});

  auto mtg = [&](std::size_t i) { return std::get<diplo::meeting>(doc.events[i]); };
  EXPECT_EQ(mtg(6).participants, (std::vector<actor_id>{xi, putin}));  // the host joins
  EXPECT_EQ(mtg(6).mode, diplo::meeting_mode::in_person);
  EXPECT_EQ(mtg(7).participants, (std::vector<actor_id>{xi, putin, modi}));
  EXPECT_EQ(mtg(8).mode, diplo::meeting_mode::phone);
  EXPECT_EQ(mtg(9).mode, diplo::meeting_mode::video);

  const auto& c = std::get<diplo::ceremony>(doc.events[10]);
  EXPECT_EQ(c.host, putin);
  EXPECT_EQ(c.attendees, (std::vector<actor_id>{xi, putin}));
}

TEST(CsvRead, AllColumnsInAnyOrder) {
  const auto known = leaders();
  const std::string text =
      "notes,sources,series,name,ends_at,starts_at,zone,city,country,parent,status,end,start,"
      "kind,id,participants,host,description\n"
      "n,http://a.example/1  http://b.example/2,BRICS,16th BRICS summit,2024-10-24T15:00:00Z,"
      "2024-10-22T09:30:00Z,Europe/Moscow,Kazan,rus,,announced,2024-10-24,2024-10-22,summit,"
      "kazan,Xi Jinping ; Vladimir Putin ;,Vladimir Putin,\"Kazan, \"\"BRICS\"\"\"\n";
  const auto doc = read_csv(text, "t.csv", &known);
  const auto& s = only<diplo::summit>(doc);
  EXPECT_EQ(s.id, event_id{"kazan"});
  EXPECT_EQ(s.status, diplo::status::announced);
  EXPECT_EQ(s.when.to_edtf(), "2024-10-22/2024-10-24");
  using namespace std::chrono_literals;
  using namespace date::literals;
  EXPECT_EQ(s.starts_at, date::sys_days{2024_y / date::October / 22} + 9h + 30min);
  EXPECT_EQ(s.ends_at, date::sys_days{2024_y / date::October / 24} + 15h);
  EXPECT_EQ(s.place, (diplo::place{"Kazan", "RU", "Europe/Moscow"}));
  EXPECT_EQ(s.name, "16th BRICS summit");
  EXPECT_EQ(s.series, "BRICS");
  EXPECT_EQ(s.attendees, (std::vector<actor_id>{actor_id{"xi-jinping"}, actor_id{"vladimir-putin"}}));
  ASSERT_EQ(s.sources.size(), 2U);
  EXPECT_EQ(s.sources[0], diplo::source{.url = "http://a.example/1"});
  EXPECT_EQ(s.sources[1].url, "http://b.example/2");
  EXPECT_EQ(s.description, "Kazan, \"BRICS\"");
  EXPECT_EQ(s.notes, "n");
  EXPECT_FALSE(s.parent.has_value());
}

TEST(CsvRead, Dates) {
  auto when = [](std::string_view start, std::string_view end) {
    const auto doc =
        read_csv(fmt::format("id,kind,start,end,participants\nx,meeting,{},{},A;B\n", start, end));
    return diplo::base(doc.events.at(0)).when;
  };
  EXPECT_EQ(when("2025-05-09", ""), diplo::period::parse("2025-05-09"));
  EXPECT_EQ(when("2025-05-09", "2025-05-09"), diplo::period::parse("2025-05-09"));
  EXPECT_EQ(when("2026-01", "2026-06"), diplo::period::parse("2026-01/2026-06"));
  EXPECT_EQ(when("2024-10-XX", ""), diplo::period::parse("2024-10-XX"));
  EXPECT_EQ(when("2025-05-07", ".."), diplo::period::parse("2025-05-07/.."));
  EXPECT_EQ(when("..", "2025-05-07"), diplo::period::parse("../2025-05-07"));
  EXPECT_EQ(when("2025-05-07/", ""), diplo::period::parse("2025-05-07/"));
  EXPECT_EQ(when("2024-10~", "2024-11-03?"), diplo::period::parse("2024-10~/2024-11-03?"));
}

TEST(CsvRead, CitiesOfAVisit) {
  const auto doc = read_csv(
      "id,kind,start,city,country,participants\n"
      "v,state_visit,2018-06-08,Beijing/Tianjin / Qingdao,CN,Vladimir Putin\n"
      "w,state_visit,2018-06-08,Beijing,CN,Vladimir Putin\n"
      "s,summit,2014-07-15,Fortaleza/Brasilia,BR,Vladimir Putin\n");
  const auto& v = std::get<diplo::visit>(doc.events[0]);
  EXPECT_EQ(v.place.city, "Beijing");
  EXPECT_EQ(v.cities, (std::vector<std::string>{"Beijing", "Tianjin", "Qingdao"}));
  const auto& w = std::get<diplo::visit>(doc.events[1]);
  EXPECT_EQ(w.place.city, "Beijing");
  EXPECT_TRUE(w.cities.empty());
  EXPECT_EQ(diplo::base(doc.events[2]).place.city, "Fortaleza/Brasilia");
}

TEST(CsvRead, NewNames) {
  std::vector<diplo::diagnostic> warnings;
  const auto doc = read_csv(
      "id,kind,start,participants\n"
      "a,meeting,2024-01-01,Ukhnaagiin Khurelsukh;Recep Tayyip Erdoğan\n"
      "b,meeting,2024-01-02,ukhnaagiin  KHURELSUKH;习近平;Kim Jong-un\n",
      "t.csv", nullptr, &warnings);
  const std::vector<actor_id> a = std::get<diplo::meeting>(doc.events[0]).participants;
  const std::vector<actor_id> b = std::get<diplo::meeting>(doc.events[1]).participants;
  EXPECT_EQ(a, (std::vector<actor_id>{actor_id{"ukhnaagiin-khurelsukh"}, actor_id{"recep-tayyip-erdogan"}}));
  ASSERT_EQ(b.size(), 3U);
  EXPECT_EQ(b[0], actor_id{"ukhnaagiin-khurelsukh"});  // folds alike: the same person
  EXPECT_EQ(b[1], actor_id{"习近平"});  // letters of every script make the slug (detail/slug.h)
  EXPECT_EQ(b[2], actor_id{"kim-jong-un"});
  // Stable: the same name gives the same id in another read.
  const auto again = read_csv("id,kind,start,participants\nx,meeting,2024-01-01,习近平;A\n");
  EXPECT_EQ(std::get<diplo::meeting>(again.events[0]).participants[0], b[1]);

  EXPECT_EQ(doc.actors.size(), 4U);
  EXPECT_EQ(doc.actors.person_of(b[1])->name, "习近平");
  ASSERT_EQ(warnings.size(), 4U);
  EXPECT_EQ(fmt::format("{}", warnings[0]),
            "t.csv:2:22: warning: participants: unknown name \"Ukhnaagiin Khurelsukh\": added as "
            "a new person \"ukhnaagiin-khurelsukh\"");
  EXPECT_EQ(warnings[1].message,
            "participants: unknown name \"Recep Tayyip Erdoğan\": added as a new person "
            "\"recep-tayyip-erdogan\"");
}

// One slug rule for every reader (diplo/detail/slug.h): the Office of the Historian importer
// makes "jonas-gahr-støre" of the same name. Before, this reader dropped the letters that are
// not ASCII ("jonas-gahr-st-re") and made a hash of a Cyrillic name.
TEST(CsvRead, NewNamesKeepTheLettersOfEveryScript) {
  const auto doc = read_csv(
      "id,kind,start,participants\n"
      "a,meeting,2024-01-01,Jonas Gahr Støre;Путин;???\n");
  const std::vector<actor_id> a = std::get<diplo::meeting>(doc.events[0]).participants;
  EXPECT_EQ(a, (std::vector<actor_id>{actor_id{"jonas-gahr-støre"}, actor_id{"путин"},
                                      actor_id{"person-79a2341835c376d4"}}));
}

TEST(CsvRead, UnknownNameWithSuggestion) {
  const auto known = leaders();
  std::vector<diplo::diagnostic> warnings;
  const auto doc = read_csv("id,kind,start,participants\nx,meeting,2024-01-01,Xi;Vladimir Pootin\n", "t.csv",
                            &known, &warnings);
  EXPECT_EQ(std::get<diplo::meeting>(doc.events[0]).participants,
            (std::vector<actor_id>{actor_id{"xi-jinping"}, actor_id{"vladimir-pootin"}}));
  ASSERT_EQ(warnings.size(), 1U);
  EXPECT_EQ(fmt::format("{}", warnings[0]),
            "t.csv:2:22: warning: participants: unknown name \"Vladimir Pootin\" (did you mean "
            "Vladimir Putin?): added as a new person \"vladimir-pootin\"");
  // The resolved known actor and the new one are in the document's registry.
  EXPECT_EQ(doc.actors.size(), 2U);
  EXPECT_EQ(doc.actor_origins[1], (diplo::origin{"t.csv", 2, 22}));
}

TEST(CsvRead, NewNameDoesNotTakeAKnownId) {
  diplo::actor_registry known;
  known.add(diplo::person{.id = actor_id{"john-smith"}, .name = "J. R. Smith"});
  const auto doc =
      read_csv("id,kind,start,participants\nx,meeting,2024-01-01,John Smith;J. R. Smith\n", "t.csv", &known);
  EXPECT_EQ(std::get<diplo::meeting>(doc.events[0]).participants,
            (std::vector<actor_id>{actor_id{"john-smith-2"}, actor_id{"john-smith"}}));
}

// ---- syntax ----------------------------------------------------------------------------

TEST(CsvSyntax, BomAndCrlf) {
  const std::string text =
      "\xEF\xBB\xBFid,kind,start,description,participants\r\n"
      "a,meeting,2024-01-01,\"two\r\nlines, one \"\"quote\"\"\",A;B\r\n"
      "\r\n"
      "b,meeting,2024-01-02,,A;B\r\n";
  const auto doc = read_csv(text);
  ASSERT_EQ(doc.events.size(), 2U);
  EXPECT_EQ(diplo::base(doc.events[0]).id, event_id{"a"});
  EXPECT_EQ(diplo::base(doc.events[0]).description, "two\nlines, one \"quote\"");
  EXPECT_EQ(diplo::base(doc.events[1]).description, "");
  EXPECT_EQ(doc.origins[1].line, 5U);
  // Columns after a multi-line field count from the start of its last line; no BOM column.
  EXPECT_EQ(errors_of("\xEF\xBB\xBFid,kind,start,description,country\r\n"
                      "a,meeting,2024-01-01,\"x\r\ny\",XX\r\n"),
            std::vector<std::string>{
                "t.csv:3:4: error: country: [diplo.country] \"XX\" at column 1: expected an ISO "
                "3166 alpha-2 or alpha-3 code"});
  EXPECT_EQ(errors_of("\xEF\xBB\xBF"
                      "dat\n"),
            (std::vector<std::string>{
                "t.csv:1:1: error: unknown column \"dat\"; the columns are: id, kind, status, "
                "start, end, city, country, zone, host, participants, parent, journey, name, series, "
                "starts_at, ends_at, description, sources, notes",
                "t.csv:1: error: missing column \"id\" (id, kind and start are required)",
                "t.csv:1: error: missing column \"kind\" (id, kind and start are required)",
                "t.csv:1: error: missing column \"start\" (id, kind and start are required)"}));
}

TEST(CsvSyntax, LastLineWithoutNewline) {
  const auto doc = read_csv("id,kind,start,participants\na,meeting,2024-01-01,A;B");
  EXPECT_EQ(doc.events.size(), 1U);
  EXPECT_EQ(read_csv("id,kind,start\n").events.size(), 0U);
}

TEST(CsvErrors, UnbalancedQuote) {
  EXPECT_EQ(errors_of("id,kind,start,description\n"
                      "a,meeting,2024-01-01,fine\n"
                      "b,meeting,2024-01-02,\"never closed\n"
                      "c,meeting,2024-01-03,x\n"),
            std::vector<std::string>{"t.csv:3:22: error: unterminated quoted field: no closing '\"'"});
  EXPECT_EQ(errors_of("id,kind,start,description\n"
                      "a,meeting,2024-01-01,\"closed\"x\n"),
            std::vector<std::string>{
                "t.csv:2:30: error: expected ',' or the end of the line after the closing '\"' "
                "of the field at column 22"});
  EXPECT_EQ(
      errors_of("id,kind,start,description\n"
                "a,meeting,2024-01-01,say \"hi\"\n"),
      std::vector<std::string>{"t.csv:2:26: error: '\"' inside an unquoted field (quote the whole field and "
                               "double the '\"')"});
}

TEST(CsvErrors, BadDate) {
  EXPECT_EQ(errors_of("id,kind,start,end\n"
                      "a,summit,2024-13-01,\n"
                      "b,summit,2024-10-22,2024-10-2\n"
                      "c,summit,2024-10-22,2024-10-20\n"
                      "d,summit,2024-10-22/2024-10-23,2024-10-24\n"
                      "e,summit,,\n"),
            (std::vector<std::string>{
                "t.csv:2:10: error: start: [diplo.edtf] \"2024-13-01\" at column 6: expected a "
                "month (01-12) or a season (21-24)",
                "t.csv:3:21: error: end: [diplo.edtf] \"2024-10-2\" at column 9: expected a "
                "two-digit day (01-31)",
                "t.csv:4:21: error: end: [diplo.period] the last date 2024-10-20 is before the "
                "first date 2024-10-22",
                "t.csv:5:10: error: start: \"2024-10-22/2024-10-23\" is a period; with an end "
                "date, start must be one date",
                "t.csv:6:10: error: start: missing (every row needs a start date)"}));
}

TEST(CsvErrors, BadInstant) {
  EXPECT_EQ(errors_of("id,kind,start,starts_at,ends_at\n"
                      "a,summit,2024-10-22,2024-10-22T09:30:00,2024-10-22 10:00:00Z\n"),
            (std::vector<std::string>{
                "t.csv:2:21: error: starts_at: [diplo.instant] \"2024-10-22T09:30:00\" at column "
                "20: expected 'Z' (instants are in UTC)",
                "t.csv:2:41: error: ends_at: [diplo.instant] \"2024-10-22 10:00:00Z\" at column "
                "11: expected 'T' between the date and the time"}));
  // One parser for every format (diplo/detail/instant.h): the first problem from the left,
  // worded as the JSON reader words it (the CSV reader's own parser checked the layout first).
  EXPECT_EQ(errors_of("id,kind,start,starts_at\n"
                      "a,summit,2024-10-22,2024-13-01 10:00:00Z\n"),
            (std::vector<std::string>{
                "t.csv:2:21: error: starts_at: [diplo.instant] \"2024-13-01 10:00:00Z\" at column "
                "6: expected a two-digit month (01-12)"}));
}

TEST(CsvErrors, UnknownKindAndStatus) {
  EXPECT_EQ(errors_of("id,kind,status,start\n"
                      "a,state visit,done,2024-10-22\n"
                      ",summit,,2024-10-22\n"),
            (std::vector<std::string>{
                "t.csv:2:3: error: kind: unknown kind \"state visit\"; expected one of "
                "state_visit, official_visit, working_visit, private_visit, visit, summit, "
                "bilateral_meeting, meeting, phone_call, video_call, ceremony",
                "t.csv:2:15: error: status: unknown status \"done\"; expected one of announced, "
                "planned, occurred, cancelled, postponed",
                "t.csv:3:1: error: id: missing (every row needs an id)"}));
}

TEST(CsvErrors, UnknownAndDuplicateColumns) {
  EXPECT_EQ(errors_of("id,kind,start,City,start\n"),
            (std::vector<std::string>{
                "t.csv:1:15: error: unknown column \"City\"; the columns are: id, kind, status, "
                "start, end, city, country, zone, host, participants, parent, journey, name, series, "
                "starts_at, ends_at, description, sources, notes",
                "t.csv:1:20: error: duplicate column \"start\" (also field 3 of the header)"}));
  EXPECT_EQ(errors_of(""), std::vector<std::string>{"t.csv:1:1: error: no header row (the input is empty)"});
}

TEST(CsvErrors, WrongFieldCount) {
  EXPECT_EQ(errors_of("id,kind,start,participants\n"
                      "a,meeting,2024-01-01\n"
                      "b,meeting,2024-01-01,A;B,extra\n"),
            (std::vector<std::string>{"t.csv:2:1: error: row has 3 fields; the header has 4",
                                      "t.csv:3:1: error: row has 5 fields; the header has 4"}));
}

TEST(CsvErrors, BadCountry) {
  EXPECT_EQ(errors_of("id,kind,start,country\na,summit,2024-01-01,UK\n"),
            std::vector<std::string>{
                "t.csv:2:21: error: country: [diplo.country] \"UK\" at column 1: expected an ISO "
                "3166 alpha-2 or alpha-3 code"});
}

TEST(CsvErrors, AmbiguousName) {
  const auto known = leaders();
  EXPECT_EQ(errors_of("id,kind,start,host,participants\n"
                      "a,summit,2001-01-01,Bush,Xi Jinping;Vladimir Putin\n"
                      "b,meeting,2001-01-02,,Bush;Vladimir Putin\n",
                      &known),
            (std::vector<std::string>{
                "t.csv:2:21: error: host: [diplo.actor] \"Bush\" is ambiguous: George H. W. Bush "
                "(george-h-w-bush), George W. Bush (george-w-bush)",
                "t.csv:3:23: error: participants: [diplo.actor] \"Bush\" is ambiguous: George H. "
                "W. Bush (george-h-w-bush), George W. Bush (george-w-bush)"}));
}

TEST(CsvErrors, NameAndSeriesOnlyWhereTheKindHasThem) {
  const auto known = leaders();
  EXPECT_EQ(
      errors_of("id,kind,start,name,series,participants\n"
                "a,ceremony,2001-01-01,Parade,Parades,Xi\n"
                "b,state_visit,2001-01-01,Trip,,Xi\n",
                &known),
      (std::vector<std::string>{"t.csv:2:30: error: series: only summits have a series, not a ceremony",
                                "t.csv:3:26: error: name: only summits and ceremonies have a name, not a "
                                "state_visit"}));
}

TEST(CsvErrors, ManyAtOnce) {
  const auto known = leaders();
  const std::string what = what_of(
      "id,kind,start,country,host,participants\n"
      "a,summit,2024-10-32,XX,Bush,Xi Jinping\n"
      "b,meeting,2024-01-01\n"
      "c,summt,2024-01-01,RU,,Xi Jinping\n",
      &known);
  EXPECT_EQ(what,
            "[diplo.csv] 5 errors\n"
            "  t.csv:2:10: error: start: [diplo.edtf] \"2024-10-32\" at column 9: expected a day "
            "(01-31)\n"
            "  t.csv:2:21: error: country: [diplo.country] \"XX\" at column 1: expected an ISO "
            "3166 alpha-2 or alpha-3 code\n"
            "  t.csv:2:24: error: host: [diplo.actor] \"Bush\" is ambiguous: George H. W. Bush "
            "(george-h-w-bush), George W. Bush (george-w-bush)\n"
            "  t.csv:3:1: error: row has 3 fields; the header has 6\n"
            "  t.csv:4:3: error: kind: unknown kind \"summt\"; expected one of state_visit, "
            "official_visit, working_visit, private_visit, visit, summit, bilateral_meeting, "
            "meeting, phone_call, video_call, ceremony");
}

TEST(CsvErrors, WarningsComeAfterErrors) {
  const auto errors = errors_of("id,kind,start,participants\na,meeting,2024-13-01,Nobody;Else\n");
  ASSERT_EQ(errors.size(), 3U);
  EXPECT_EQ(errors[0].find("t.csv:2:11: error: start:"), 0U) << errors[0];
  EXPECT_EQ(errors[1].find("t.csv:2:22: warning: participants: unknown name \"Nobody\""), 0U) << errors[1];
}

TEST(CsvErrors, StopsAfterMaxDiagnostics) {
  std::string text = "id,kind,start\n";
  for (int i = 0; i < 150; ++i) text += fmt::format("e{},meeting,2024-99\n", i);
  const auto errors = errors_of(text);
  ASSERT_EQ(errors.size(), diplo::io::max_diagnostics + 1);
  EXPECT_EQ(errors.back(), "t.csv:102:14: error: too many errors; stopped after 100");
}

TEST(CsvErrors, InvalidUtf8) {
  EXPECT_EQ(errors_of("id,kind,start,notes\na,summit,2024-01-01,\xff\n"),
            std::vector<std::string>{"t.csv:2:21: error: notes: invalid UTF-8"});
}

// ---- writing ---------------------------------------------------------------------------

TEST(CsvWrite, ShapeAndQuoting) {
  diplo::actor_registry reg = leaders();
  diplo::timeline_builder b(std::move(reg));
  diplo::visit v;
  v.id = event_id{"v"};
  v.when = diplo::period::parse("2018-06-08/2018-06-10");
  v.place = {.city = "Beijing", .country = "CN", .zone = "Asia/Shanghai"};
  v.guests = {actor_id{"vladimir-putin"}};
  v.host = actor_id{"xi-jinping"};
  v.host_country = "CN";
  v.level = diplo::visit_level::state;
  v.cities = {"Beijing", "Tianjin"};
  v.description = "Talks, \"friendship\" medal\nand a train ride";
  v.sources = {{.url = "http://a.example/1", .publisher = "Kremlin"}, {.url = "http://b.example/2"}};
  using namespace std::chrono_literals;
  using namespace date::literals;
  v.starts_at = date::sys_days{2018_y / date::June / 8} + 3h;
  b.add(v);
  diplo::meeting m;
  m.id = event_id{"m"};
  m.when = diplo::period::parse("2018-06-09");
  m.parent = event_id{"v"};
  m.participants = {actor_id{"xi-jinping"}, actor_id{"vladimir-putin"}, actor_id{"narendra-modi"}};
  b.add(m);
  diplo::summit s;
  s.id = event_id{"s"};
  s.when = diplo::period::parse("2030-XX");
  s.host_country = "IN";
  s.name = "BRICS summit";
  s.series = "BRICS";
  b.add(s);
  const diplo::timeline t = std::move(b).freeze();

  const std::string csv = to_csv(t);
  EXPECT_EQ(csv,
            "id,kind,status,start,end,city,country,zone,host,participants,parent,journey,name,series,"
            "starts_at,ends_at,description,sources,notes\n"
            "v,state_visit,occurred,2018-06-08,2018-06-10,Beijing/Tianjin,CN,Asia/Shanghai,"
            "Xi Jinping,Vladimir Putin;Xi Jinping,,,,,2018-06-08T03:00:00Z,,"
            "\"Talks, \"\"friendship\"\" medal\nand a train ride\","
            "http://a.example/1 http://b.example/2,\n"
            "m,meeting,occurred,2018-06-09,2018-06-09,,,,,Xi Jinping;Vladimir Putin;Narendra Modi,"
            "v,,,,,,,,\n"
            "s,summit,occurred,2030-XX,,,IN,,,,,,BRICS summit,BRICS,,,,,\n");
  const auto doc = read_csv(csv, "w.csv", &t.actors());
  EXPECT_EQ(std::get<diplo::meeting>(doc.events[1]), m);
  EXPECT_EQ(std::get<diplo::visit>(doc.events[0]).cities, v.cities);
  EXPECT_EQ(std::get<diplo::visit>(doc.events[0]).starts_at, v.starts_at);
  EXPECT_EQ(std::get<diplo::visit>(doc.events[0]).description, v.description);
  EXPECT_EQ(diplo::base(doc.events[2]).when, s.when);
  EXPECT_EQ(to_csv(diplo::io::build(diplo::io::read_csv(csv, "w.csv", &t.actors()))), csv);
}

TEST(CsvWrite, AmbiguousNamesAreWrittenAsIds) {
  diplo::actor_registry reg;
  reg.add(diplo::person{.id = actor_id{"a1"}, .name = "Same Name"});
  reg.add(diplo::person{.id = actor_id{"a2"}, .name = "Same Name"});
  reg.add(diplo::person{.id = actor_id{"semi"}, .name = "Odd; Name"});
  diplo::timeline_builder b(std::move(reg));
  diplo::meeting m;
  m.id = event_id{"m"};
  m.when = diplo::period::parse("2020-01-01");
  m.participants = {actor_id{"a1"}, actor_id{"a2"}, actor_id{"semi"}};
  b.add(m);
  const diplo::timeline t = std::move(b).freeze();
  const std::string csv = to_csv(t);
  // The same name twice: by id; a ';' in a name: escaped (data/FORMAT.md, "Escapes").
  EXPECT_NE(csv.find(",a1;a2;Odd\\; Name,"), std::string::npos) << csv;
  const auto doc = read_csv(csv, "w.csv", &t.actors());
  EXPECT_EQ(std::get<diplo::meeting>(doc.events[0]).participants, m.participants);
}

TEST(CsvWrite, OpenAndUnknownEnds) {
  diplo::timeline_builder b(leaders());
  auto add = [&](std::string id, std::string_view when) {
    diplo::meeting m;
    m.id = event_id{std::move(id)};
    m.when = diplo::period::parse(when);
    m.participants = {actor_id{"xi-jinping"}, actor_id{"vladimir-putin"}};
    b.add(m);
  };
  add("open", "2025-05-07/..");
  add("unknown", "2025-05-08/");
  add("open-start", "../2025-05-09");
  const diplo::timeline t = std::move(b).freeze();
  const std::string csv = to_csv(t);
  const auto doc = read_csv(csv, "w.csv", &t.actors());
  ASSERT_EQ(doc.events.size(), 3U);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(doc.events[i], t.at(i).value()) << csv;
}

// ---- lenient reading and check() ------------------------------------------------------

TEST(CsvLenient, CheckListsEveryMistakeWithLineAndColumn) {
  // A CSV file names people by name: an unknown name is a new person and a warning (row 5),
  // not an error. Row 4 has an unknown kind (CSV's wrong type) and names a new person that
  // only it names: that person is left out with the row.
  const std::string csv =
      "id,kind,start,country,host,participants,parent\n"
      "a,bilateral_meeting,2023-02-29,RU,,Xi Jinping;Vladimir Putin,\n"
      "b,bilateral_meeting,2023-03-01,RU,,Xi Jinping;Vladimir Putin,\n"
      "c,state_vist,2024-05-16,CN,Ukhnaagiin Khurelsukh,Vladimir Putin,\n"
      "d,bilateral_meeting,2024-07-03,KZ,,Xi Jinping;Vladimir Putn,\n"
      "d,bilateral_meeting,2024-07-04,KZ,,Xi Jinping;Vladimir Putin,\n"
      "e,bilateral_meeting,2024-08-01,KZ,,Xi Jinping;Vladimir Putin,nowhere\n"
      "f,bilateral_meeting,2023-02-28,RU,,Xi Jinping;Vladimir Putin,a\n";
  const diplo::actor_registry known = leaders();
  std::vector<diplo::diagnostic> problems;
  auto doc = diplo::io::read_csv_lenient(csv, "t.csv", &known, problems);
  ASSERT_EQ(doc.events.size(), 5U);  // b, d, d, e, f
  EXPECT_EQ(diplo::base(doc.events[0]).id, event_id{"b"});
  EXPECT_EQ(doc.origins[0], (diplo::origin{"t.csv", 3, 1}));
  EXPECT_EQ(doc.left_out.count, 2U);
  EXPECT_EQ(doc.left_out.event_ids, (std::vector<std::string>{"a", "c"}));
  EXPECT_FALSE(doc.left_out.stopped);
  EXPECT_FALSE(doc.actors.contains(actor_id{"ukhnaagiin-khurelsukh"}));
  EXPECT_TRUE(doc.actors.contains(actor_id{"vladimir-putn"}));
  EXPECT_EQ(doc.actors.size(), doc.actor_origins.size());

  const auto r = diplo::io::check(std::move(doc), std::move(problems));
  std::vector<std::string> got;
  for (const auto& d : r.diagnostics) got.push_back(fmt::format("{}", d));
  EXPECT_EQ(got, (std::vector<std::string>{
                     "t.csv:2:21: error: start: [diplo.edtf] \"2023-02-29\" at column 9: "
                     "expected a day of February 2023 (01-28)",
                     "t.csv:4:3: error: kind: unknown kind \"state_vist\"; expected one of "
                     "state_visit, official_visit, working_visit, private_visit, visit, summit, "
                     "bilateral_meeting, meeting, phone_call, video_call, ceremony",
                     "t.csv:4:28: warning: host: unknown name \"Ukhnaagiin Khurelsukh\": added "
                     "as a new person \"ukhnaagiin-khurelsukh\"",
                     "t.csv:5:36: warning: participants: unknown name \"Vladimir Putn\" (did "
                     "you mean Vladimir Putin?): added as a new person \"vladimir-putn\"",
                     "t.csv:6:1: error: event \"d\": duplicate id",
                     "t.csv:7:1: error: event \"e\": unknown parent \"nowhere\"",
                 }));
  // Row 8's parent "a" was left out: no "unknown parent" for it.
  EXPECT_EQ(r.errors(), 4U);
  EXPECT_EQ(r.warnings(), 2U);
  EXPECT_TRUE(r.cross_checked);
}

TEST(CsvLenient, StrictReaderThrowsTheSameErrorsFirst) {
  const std::string csv =
      "id,kind,start,host\n"
      "a,summit,2023-02-29,Ukhnaagiin Khurelsukh\n"
      "b,summit,2023-02-28,Someone Else\n";
  const auto errors = errors_of(csv);
  ASSERT_EQ(errors.size(), 3U);
  EXPECT_NE(errors[0].find("t.csv:2:10: error: start: "), std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("t.csv:2:21: warning: host: unknown name"), std::string::npos);
  EXPECT_NE(errors[2].find("t.csv:3:21: warning: host: unknown name"), std::string::npos);
}

TEST(CsvLenient, ABadHeaderStopsTheReading) {
  std::vector<diplo::diagnostic> problems;
  const auto doc = diplo::io::read_csv_lenient("id,kind\na,summit\n", "h.csv", nullptr, problems);
  EXPECT_TRUE(doc.left_out.stopped);
  EXPECT_TRUE(doc.events.empty());
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_NE(problems[0].message.find("missing column \"start\""), std::string::npos);
}

// ---- escapes, formulas, line ends (data/FORMAT.md "Escapes") ---------------------------

namespace escapes {

using diplo::io::csv_losses;

// Texts that break a naive CSV: list separators, white space at the ends, backslashes,
// quotes, spreadsheet formulas (and texts that look like the guard against them), line
// breaks. (No CR LF: a quoted CR LF is read as LF, which csv_losses reports.)
const std::vector<std::string> hostile = {"Frankfurt/Oder",
                                          "Smith; John",
                                          "a b",
                                          " lead",
                                          "trail ",
                                          "  ",
                                          "a\\b",
                                          "\\",
                                          "\\;",
                                          "x\\",
                                          "=SUM(A1)",
                                          "+1",
                                          "-0044",
                                          "@home",
                                          "\tTab",
                                          "\rCR",
                                          "'",
                                          "'=x",
                                          "''-y",
                                          "'plain",
                                          "say \"hi\"",
                                          "a,b",
                                          "two\nlines",
                                          "ünïcødé",
                                          ";",
                                          "/",
                                          "x/",
                                          "\\/",
                                          "a\\ b",
                                          "\n"};

auto pick(std::mt19937& rng, std::size_t n) -> std::size_t {
  return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
}

// One to three hostile pieces glued together (never a CR LF: see `hostile`).
auto text(std::mt19937& rng) -> std::string {
  std::string s;
  for (std::size_t k = pick(rng, 3) + 1; k > 0; --k) s += hostile[pick(rng, hostile.size())];
  for (std::size_t at; (at = s.find("\r\n")) != std::string::npos;) s.erase(at, 1);
  return s;
}

auto non_empty(std::mt19937& rng) -> std::string {
  std::string s = text(rng);
  return s.empty() ? "x" : s;
}

auto random_timeline(std::mt19937& rng) -> diplo::timeline {
  diplo::actor_registry reg;
  std::vector<actor_id> ids;
  for (int k = 0; k < 4; ++k) {
    ids.emplace_back(fmt::format("{}-{}", non_empty(rng), k));
    // A name of its own (the last word), so that each reads back as its actor.
    reg.add(diplo::person{.id = ids.back(), .name = fmt::format("{} Q{}", text(rng), k)});
  }
  const std::vector<std::string> dates = {"2024-01-05",    "-0044-03-15", "2024-10-XX",
                                          "2025-05-07/..", "-0001/0001",  "2020-02-29?"};
  diplo::timeline_builder b(std::move(reg));
  for (int k = 0; k < 6; ++k) {
    diplo::event_base base;
    base.id = event_id{fmt::format("{}{}", text(rng), k)};
    base.when = diplo::period::parse(dates[pick(rng, dates.size())]);
    base.place = {.city = text(rng), .country = "DE", .zone = text(rng)};
    base.journey = text(rng);
    base.description = text(rng);
    base.notes = text(rng);
    for (std::size_t s = pick(rng, 3); s > 0; --s) base.sources.push_back({.url = non_empty(rng)});
    const actor_id a = ids[pick(rng, 2)];
    const actor_id c = ids[2 + pick(rng, 2)];
    switch (pick(rng, 4)) {
      case 0: {
        diplo::visit v;
        static_cast<diplo::event_base&>(v) = base;
        v.guests = {a};
        v.host = c;
        v.host_country = "DE";
        if (pick(rng, 2) == 0) {
          v.cities = {non_empty(rng), non_empty(rng), non_empty(rng)};
          v.place.city = v.cities.front();
        } else {
          v.place.city = non_empty(rng);  // an empty one is lost: a list of none
        }
        b.add(v);
        break;
      }
      case 1: {
        diplo::summit s;
        static_cast<diplo::event_base&>(s) = base;
        s.name = text(rng);
        s.series = text(rng);
        s.host_country = "DE";
        s.host = c;
        s.attendees = {a, c};
        b.add(s);
        break;
      }
      case 2: {
        diplo::meeting m;
        static_cast<diplo::event_base&>(m) = base;
        m.participants = {c, a};
        b.add(m);
        break;
      }
      default: {
        diplo::ceremony cer;
        static_cast<diplo::event_base&>(cer) = base;
        cer.name = text(rng);
        cer.attendees = {a};
        b.add(cer);
      }
    }
  }
  return std::move(b).freeze();
}

TEST(CsvRoundTrip, HostileValuesSurviveWriteThenRead) {
  std::mt19937 rng(19);  // fixed: the same cases every run
  for (int round = 0; round < 300; ++round) {
    const diplo::timeline t = random_timeline(rng);
    const std::string csv = to_csv(t);
    const diplo::timeline back = diplo::io::build(read_csv(csv, "w.csv", &t.actors()));
    ASSERT_EQ(back.size(), t.size()) << csv;
    for (std::size_t i = 0; i < t.size(); ++i) {
      ASSERT_EQ(back.at(i).value(), t.at(i).value()) << "round " << round << ", event " << i << ":\n" << csv;
    }
    ASSERT_EQ(to_csv(back), csv);
    // Nothing of the events is lost: only actor ids (not slugs) and unnamed actors.
    for (const auto& l : csv_losses(t)) {
      EXPECT_NE(l.what.find("actor"), std::string::npos) << l.what << "\n" << csv;
    }
  }
}

auto one_event(diplo::event e, diplo::actor_registry reg) -> diplo::timeline {
  diplo::timeline_builder b(std::move(reg));
  b.add(std::move(e));
  return std::move(b).freeze();
}

TEST(CsvEscapes, SeparatorsInsideValuesAreEscaped) {
  diplo::actor_registry reg;
  reg.add(diplo::person{.id = actor_id{"a"}, .name = "Smith; John"});
  reg.add(diplo::person{.id = actor_id{"b"}, .name = "Back\\slash "});
  diplo::visit v;
  v.id = event_id{"v"};
  v.when = diplo::period::parse("2024-01-01");
  v.place = {.city = "Frankfurt/Oder", .country = "DE"};
  v.host_country = "DE";
  v.guests = {actor_id{"a"}, actor_id{"b"}};
  v.sources = {{.url = "http://a.example/with space"}, {.url = "http://b.example/"}};
  const diplo::timeline t = one_event(v, std::move(reg));
  const std::string csv = to_csv(t);
  EXPECT_NE(csv.find(",Frankfurt\\/Oder,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",Smith\\; John;Back\\\\slash\\ ,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",http://a.example/with\\ space http://b.example/,"), std::string::npos);

  // Read with no registry at all (as `diplo convert` reads names it does not know): one
  // city, two sources, two persons with the names as they were.
  const auto doc = read_csv(csv);
  const auto& back = only<diplo::visit>(doc);
  EXPECT_EQ(back.place.city, "Frankfurt/Oder");
  EXPECT_TRUE(back.cities.empty());
  ASSERT_EQ(back.sources.size(), 2U);
  EXPECT_EQ(back.sources[0].url, "http://a.example/with space");
  ASSERT_EQ(back.guests.size(), 2U);
  EXPECT_EQ(diplo::name_of(doc.actors.get(back.guests[0])), "Smith; John");
  EXPECT_EQ(diplo::name_of(doc.actors.get(back.guests[1])), "Back\\slash ");
}

TEST(CsvEscapes, FilesWithoutEscapesReadAsBefore) {
  const auto doc = read_csv(
      "id,kind,start,city,country,participants,sources\n"
      "v,state_visit,2018-06-08, Beijing / Tianjin ,CN,A ; B,C:\\x  http://y\n"
      "w,state_visit,2018-06-08,Moscow\\Kremlin,RU,A\\B,\n"
      "s,summit,2014-07-15,Fortaleza\\/Brasilia,BR,A,\n");
  const auto& v = std::get<diplo::visit>(doc.events[0]);
  EXPECT_EQ(v.cities, (std::vector<std::string>{"Beijing", "Tianjin"}));
  EXPECT_EQ(v.sources.size(), 2U);
  EXPECT_EQ(v.sources[0].url, "C:\\x");  // a backslash before another character is kept
  const auto& w = std::get<diplo::visit>(doc.events[1]);
  EXPECT_EQ(w.place.city, "Moscow\\Kremlin");
  EXPECT_EQ(diplo::name_of(doc.actors.get(w.guests[0])), "A\\B");
  // Only a visit's city cell is a list: other kinds keep the text as it is.
  EXPECT_EQ(diplo::base(doc.events[2]).place.city, "Fortaleza\\/Brasilia");
}

TEST(CsvFormulas, CellsASpreadsheetWouldRunAreGuarded) {
  diplo::actor_registry reg;
  reg.add(diplo::person{.id = actor_id{"x"}, .name = "@Someone"});
  reg.add(diplo::person{.id = actor_id{"y"}, .name = "Other"});
  diplo::meeting m;
  m.id = event_id{"-1"};
  m.when = diplo::period::parse("-0044-03-15");
  m.description = "=HYPERLINK(\"http://evil.example\")";
  m.notes = "'=already quoted";
  m.place.city = "+7";
  m.journey = "'plain";
  m.participants = {actor_id{"x"}, actor_id{"y"}};
  const diplo::timeline t = one_event(m, std::move(reg));
  const std::string csv = to_csv(t);
  EXPECT_EQ(csv.substr(csv.find('\n') + 1),
            "'-1,bilateral_meeting,occurred,'-0044-03-15,'-0044-03-15,'+7,,,,'@Someone;Other,,'plain,,,,,"
            "\"'=HYPERLINK(\"\"http://evil.example\"\")\",,''=already quoted\n");
  const auto doc = read_csv(csv, "w.csv", &t.actors());
  EXPECT_EQ(doc.events.at(0), t.at(0).value());

  // The reader takes one quote off a cell that starts with quotes and then = + - @ TAB CR,
  // and leaves every other cell as it is.
  const auto read = read_csv(
      "id,kind,start,participants,notes,description\n"
      "'-x,meeting,'-0044,A;B,'=1,'quoted\n"
      "y,meeting,-0044,A;B,''+1,'\n");
  EXPECT_EQ(diplo::base(read.events[0]).id, event_id{"-x"});
  EXPECT_EQ(diplo::base(read.events[0]).when, diplo::period::parse("-0044"));
  EXPECT_EQ(diplo::base(read.events[0]).notes, "=1");
  EXPECT_EQ(diplo::base(read.events[0]).description, "'quoted");
  EXPECT_EQ(diplo::base(read.events[1]).when, diplo::period::parse("-0044"));
  EXPECT_EQ(diplo::base(read.events[1]).notes, "'+1");
  EXPECT_EQ(diplo::base(read.events[1]).description, "'");
}

TEST(CsvSyntax, CrOnlyLineEnds) {
  const std::string text =
      "id,kind,start,description,participants\r"
      "a,meeting,2024-01-01,\"one\rtwo\",A;B\r"
      "\r"
      "b,meeting,2024-01-02,,A;B";
  const auto doc = read_csv(text);
  ASSERT_EQ(doc.events.size(), 2U);
  EXPECT_EQ(diplo::base(doc.events[0]).description, "one\rtwo");  // a CR in quotes is kept
  EXPECT_EQ(doc.origins[1].line, 5U);
  EXPECT_EQ(errors_of("id,kind,start\ra,meeting,2024-13-01\r"),
            std::vector<std::string>{
                "t.csv:2:11: error: start: [diplo.edtf] \"2024-13-01\" at column 6: expected a "
                "month (01-12) or a season (21-24)"});
  // A text past max_file_size: the error is placed on its CR-ended line.
  try {
    (void)read_csv("id,kind,start\ra,meeting,2024\r\nb,meeting,2024\rc,meeting,2024\r", "t.csv", nullptr,
                   nullptr, {.max_file_size = 40});
    ADD_FAILURE() << "no error";
  } catch (const diplo::validation_error& e) {
    ASSERT_EQ(e.diagnostics().size(), 1U);
    EXPECT_EQ(e.diagnostics()[0].line, 3U);
    EXPECT_EQ(e.diagnostics()[0].column, 11U);
  }
  // A limit that falls between the CR and the LF of a line end: the LF is on the line the
  // pair ends, one column past the CR (not column 1 of that line).
  try {
    (void)read_csv("id,kind,start\r\na,meeting,2024\r\n", "t.csv", nullptr, nullptr, {.max_file_size = 14});
    ADD_FAILURE() << "no error";
  } catch (const diplo::validation_error& e) {
    ASSERT_EQ(e.diagnostics().size(), 1U);
    EXPECT_EQ(e.diagnostics()[0].line, 1U);
    EXPECT_EQ(e.diagnostics()[0].column, 15U);
  }
  // The line limit counts each CR-ended line on its own.
  std::string many = "id,kind,start,participants\r";
  for (int k = 0; k < 100; ++k) many += fmt::format("e{},meeting,2024-01-01,A;B\r", k);
  EXPECT_EQ(read_csv(many, "t.csv", nullptr, nullptr, {.max_line_length = 40}).events.size(), 100U);
}

TEST(CsvLosses, NamesWhatCsvCannotHold) {
  diplo::actor_registry reg;
  reg.add(diplo::person{
      .id = actor_id{"macron"},
      .name = "Emmanuel Macron",
      .aliases = {"Macron"},
      .wikidata = "Q3052772",
      .country = "FR",
      .offices = {{.title = "President", .country = "FR", .term = diplo::period::parse("2017-05-14/..")}}});
  reg.add(diplo::person{.id = actor_id{"olaf-scholz"}, .name = "Olaf Scholz", .country = "DE"});
  reg.add(diplo::organisation{.id = actor_id{"un"}, .name = "United Nations"});
  reg.add(diplo::person{.id = actor_id{"nobody"}, .name = "Nobody"});
  diplo::timeline_builder b(std::move(reg));
  diplo::visit v;
  v.id = event_id{"v"};
  v.when = diplo::period::parse("2022-01-10");
  v.place = {.city = "Berlin", .country = "DE"};
  v.host_country = "DE";
  v.cities = {"Berlin"};
  v.guests = {actor_id{"macron"}, actor_id{"un"}, actor_id{"olaf-scholz"}};  // the host too
  v.host = actor_id{"olaf-scholz"};
  v.sources = {{.url = "http://a.example/",
                .publisher = "P",
                .title = "T",
                .published = diplo::partial_date::parse("2022-01")},
               {.url = "", .publisher = "Q"}};
  v.description = "a\r\nb";
  b.add(v);
  diplo::summit s;
  s.id = event_id{"s"};
  s.when = diplo::period::parse("2023-05-10");
  s.place = {.city = "Geneva", .country = "CH"};
  s.host_country = "FR";
  s.attendees = {actor_id{"macron"}, actor_id{"olaf-scholz"}};
  b.add(s);
  const diplo::timeline t = std::move(b).freeze();
  const diplo::io::dataset_info info{.title = "T", .license = "CC0-1.0"};
  std::vector<std::string> got;
  for (const auto& l : csv_losses(t, info)) got.push_back(fmt::format("{} {}", l.count, l.what));
  EXPECT_EQ(got, (std::vector<std::string>{
                     "2 dataset fields (title, coverage, as_of, license, description)",
                     "1 actors that no event names (not written at all)",
                     "2 actor ids other than the slug of the name (a reader makes ids from "
                     "names)",
                     "1 organisations (read back as persons)", "1 aliases", "1 Wikidata ids",
                     "2 countries of persons", "1 offices", "2 source publishers", "1 source titles",
                     "1 source dates", "1 empty source URLs",
                     "1 events whose place country is not the host country (one column holds "
                     "both)",
                     "1 visits whose cities do not read back (one city, an empty one, or a first "
                     "one other than the place's)",
                     "1 visits whose host is also among its guests",
                     "1 events with a CR LF line break in a text (read back as LF)"}));

  // A timeline whose actors are persons with only a name, and ids made from it: nothing.
  diplo::actor_registry plain;
  plain.add(diplo::person{.id = actor_id{"ann-lee"}, .name = "Ann Lee"});
  plain.add(diplo::person{.id = actor_id{"bo-li"}, .name = "Bo Li"});
  diplo::meeting m;
  m.id = event_id{"m"};
  m.when = diplo::period::parse("2020-01-01");
  m.participants = {actor_id{"ann-lee"}, actor_id{"bo-li"}};
  m.sources = {{.url = "http://x.example/"}};
  EXPECT_TRUE(csv_losses(one_event(m, std::move(plain))).empty());
}

}  // namespace escapes

}  // namespace
