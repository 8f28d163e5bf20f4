// SPDX-License-Identifier: MIT
#include <diplo/io/json.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <diplo/io/document.h>
#include <diplo/io/file.h>
#include <diplo/io/jsonl.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

namespace {

using diplo::actor_id;
using diplo::event_id;

// Every field of every kind, all statuses, partial dates, open and unknown ends, instants,
// nested events, organisations, offices, non-ASCII names and escapes; in canonical form.
constexpr std::string_view full = R"json({
  "diplo": 1,
  "dataset": {
    "title": "Test \"set\" with \\ and\ttabs",
    "coverage": "2013-03-22/..",
    "as_of": "2026-02-04",
    "license": "CC0-1.0",
    "description": "Line one\nline two \u0001 control; Ünïcödé ok",
    "records": [
      {"events_between": ["xi-jinping", "vladimir-putin"], "calls": true},
      {"trips_by": ["US"], "offices": ["President", "Secretary of State"], "kinds": ["visit", "summit"], "period": "2000/2020", "as_of": "2019-12-31"},
      {"visits_to": ["RU"], "guests": ["xi-jinping"], "counterparts": true}
    ]
  },
  "actors": [
    {
      "id": "xi-jinping",
      "kind": "person",
      "name": "Xi Jinping",
      "aliases": ["习近平", "Xi"],
      "wikidata": "Q15031",
      "country": "CN",
      "offices": [
        {"title": "President", "country": "CN", "term": "2013-03-14/.."}
      ]
    },
    {
      "id": "vladimir-putin",
      "kind": "person",
      "name": "Vladimir Putin",
      "aliases": ["Путин", "Vladimir Vladimirovich Putin"],
      "wikidata": "Q7747",
      "country": "RU",
      "offices": [
        {"title": "Prime Minister", "country": "RU", "term": "1999-08-16/2000-05-07"},
        {"title": "President", "country": "RU", "term": "2012-05-07/.."}
      ]
    },
    {
      "id": "recep-tayyip-erdogan",
      "kind": "person",
      "name": "Recep Tayyip Erdoğan",
      "country": "TR"
    },
    {
      "id": "antonio-guterres",
      "kind": "person",
      "name": "António Guterres",
      "offices": [
        {"title": "Secretary-General of the United Nations", "term": "2017-01-01/"}
      ]
    },
    {
      "id": "un",
      "kind": "organisation",
      "name": "United Nations",
      "aliases": ["UN"],
      "wikidata": "Q1065"
    }
  ],
  "events": [
    {
      "id": "open-start",
      "kind": "ceremony",
      "when": "../2010",
      "name": "Old ceremony",
      "attendees": ["un"]
    },
    {
      "id": "bce",
      "kind": "ceremony",
      "when": "-0044-03-15",
      "name": "Ides",
      "attendees": ["un"],
      "notes": "Ctrl \u001f and \r\n\b\f"
    },
    {
      "id": "unknown-end",
      "kind": "ceremony",
      "when": "2011/",
      "attendees": ["un", "antonio-guterres"]
    },
    {
      "id": "2018-postponed",
      "kind": "summit",
      "status": "postponed",
      "when": "2018-11%/2018-12",
      "name": "Postponed summit"
    },
    {
      "id": "2019-cancelled",
      "kind": "visit",
      "status": "cancelled",
      "when": "2019-06-XX",
      "guests": ["xi-jinping"],
      "host_country": "TR",
      "level": "private"
    },
    {
      "id": "2020-video",
      "kind": "meeting",
      "when": "202X",
      "participants": ["xi-jinping", "vladimir-putin", "un"],
      "mode": "video",
      "description": "Decade-precision call"
    },
    {
      "id": "2022-phone",
      "kind": "meeting",
      "when": "2022-21",
      "participants": ["xi-jinping", "vladimir-putin"],
      "mode": "phone"
    },
    {
      "id": "2023-03-20-moscow-state-visit",
      "kind": "visit",
      "when": "2023-03-20/2023-03-22",
      "starts_at": "2023-03-20T10:00:00Z",
      "ends_at": "2023-03-22T12:30:59Z",
      "place": {"city": "Moscow", "country": "RU", "zone": "Europe/Moscow"},
      "guests": ["xi-jinping"],
      "host_country": "RU",
      "host": "vladimir-putin",
      "level": "state",
      "cities": ["Moscow"],
      "description": "State visit; \"talks\" in the Kremlin.",
      "notes": "Tab\there, backslash \\ there.",
      "sources": [
        {"url": "http://en.kremlin.ru/events/president/news/70745", "publisher": "Kremlin", "title": "Russian-Chinese talks", "published": "2023-03-21"},
        {"url": "https://example.org/a"}
      ]
    },
    {
      "id": "2023-03-21-kremlin-talks",
      "kind": "meeting",
      "when": "2023-03-21",
      "parent": "2023-03-20-moscow-state-visit",
      "journey": "xi-2023-03",
      "participants": ["xi-jinping", "vladimir-putin"]
    },
    {
      "id": "2024-10-kazan-brics-summit",
      "kind": "summit",
      "when": "2024-10-22/2024-10-24",
      "place": {"city": "Kazan", "country": "RU"},
      "name": "16th BRICS summit",
      "series": "BRICS",
      "host_country": "RU",
      "host": "vladimir-putin",
      "attendees": ["vladimir-putin", "xi-jinping", "recep-tayyip-erdogan", "antonio-guterres"]
    },
    {
      "id": "2024-10-22-kazan-bilateral",
      "kind": "meeting",
      "when": "2024-10-22",
      "parent": "2024-10-kazan-brics-summit",
      "participants": ["xi-jinping", "vladimir-putin"]
    },
    {
      "id": "2024-10-24-kazan-erdogan-guterres",
      "kind": "meeting",
      "when": "2024-10-24~",
      "parent": "2024-10-kazan-brics-summit",
      "participants": ["recep-tayyip-erdogan", "antonio-guterres"]
    },
    {
      "id": "open-end",
      "kind": "visit",
      "when": "2025-05-07/..",
      "place": {"country": "CN"},
      "guests": ["un"],
      "host": "xi-jinping"
    },
    {
      "id": "2025-05-09-parade",
      "kind": "ceremony",
      "when": "2025-05-09",
      "starts_at": "2025-05-09T07:00:00Z",
      "place": {"city": "Moscow", "country": "RU", "zone": "Europe/Moscow"},
      "name": "Victory Day parade",
      "host": "vladimir-putin",
      "attendees": ["xi-jinping", "vladimir-putin"],
      "sources": [
        {"url": "https://tass.com/politics/2081713", "publisher": "TASS", "published": "2025-05"}
      ]
    },
    {
      "id": "2026-planned",
      "kind": "visit",
      "status": "planned",
      "when": "2026?",
      "guests": ["vladimir-putin"],
      "host_country": "CN",
      "level": "official"
    },
    {
      "id": "2026-announced",
      "kind": "visit",
      "status": "announced",
      "when": "2026-03-01/2026-03-03",
      "guests": ["recep-tayyip-erdogan"],
      "host_country": "CN",
      "level": "working"
    }
  ]
}
)json";

// The diagnostics of a document that read_json rejects, formatted "file:line:col: ...".
auto json_errors(std::string_view text, std::string_view file = "t.json") -> std::vector<std::string> {
  try {
    (void)diplo::io::read_json(text, file);
  } catch (const diplo::validation_error& e) {
    std::vector<std::string> out;
    for (const auto& d : e.diagnostics()) out.push_back(fmt::format("{}", d));
    return out;
  }
  return {"(no error)"};
}

auto one_error(std::string_view text) -> std::string {
  auto errors = json_errors(text);
  return errors.size() == 1 ? errors.front()
                            : fmt::format("{} errors: {}", errors.size(), fmt::join(errors, " | "));
}

// A document whose events array holds `event` (on line 2, starting at column 3).
auto with_event(std::string_view event) -> std::string {
  return fmt::format("{{\"diplo\": 1, \"actors\": [], \"events\": [\n  {}\n]}}\n", event);
}

TEST(Json, RoundTripIsByteIdentical) {
  const diplo::io::document doc = diplo::io::read_json(full, "full.json");
  const diplo::io::dataset_info info = doc.info;
  const diplo::timeline t = diplo::io::build(doc);
  EXPECT_EQ(diplo::io::to_json(t, info), full);
}

TEST(Json, RoundTripThroughJsonLines) {
  const diplo::io::document doc = diplo::io::read_json(full);
  const diplo::timeline t = diplo::io::build(doc);
  const std::string lines = diplo::io::to_jsonl(t, doc.info);
  diplo::io::document again = diplo::io::read_jsonl(lines, "full.jsonl");
  EXPECT_EQ(again.info, doc.info);
  const diplo::io::dataset_info info = again.info;
  EXPECT_EQ(diplo::io::to_json(diplo::io::build(std::move(again)), info), full);
}

TEST(Json, ReadsEveryField) {
  const diplo::io::document doc = diplo::io::read_json(full, "full.json");
  EXPECT_EQ(doc.info.title, "Test \"set\" with \\ and\ttabs");
  EXPECT_EQ(doc.info.description, "Line one\nline two \x01 control; Ünïcödé ok");
  ASSERT_EQ(doc.actors.size(), 5U);
  const auto* xi = doc.actors.person_of(actor_id{"xi-jinping"});
  ASSERT_NE(xi, nullptr);
  EXPECT_EQ(xi->aliases, (std::vector<std::string>{"习近平", "Xi"}));
  EXPECT_EQ(xi->wikidata, "Q15031");
  EXPECT_EQ(xi->country, diplo::country_code{"CN"});
  ASSERT_EQ(xi->offices.size(), 1U);
  EXPECT_EQ(xi->offices[0].term, diplo::period::parse("2013-03-14/.."));
  EXPECT_EQ(doc.actors.resolve("Путин"), actor_id{"vladimir-putin"});
  EXPECT_EQ(doc.actors.resolve("Erdogan"), actor_id{"recep-tayyip-erdogan"});
  EXPECT_NE(doc.actors.organisation_of(actor_id{"un"}), nullptr);
  EXPECT_TRUE(doc.actors.person_of(actor_id{"antonio-guterres"})->offices[0].country.empty());

  ASSERT_EQ(doc.events.size(), doc.origins.size());
  ASSERT_EQ(doc.actors.size(), doc.actor_origins.size());
  const auto* visit = std::get_if<diplo::visit>(&doc.events[7]);
  ASSERT_NE(visit, nullptr);
  EXPECT_EQ(visit->id, event_id{"2023-03-20-moscow-state-visit"});
  EXPECT_EQ(doc.origins[7], (diplo::origin{"full.json", 114, 5}));
  using namespace std::chrono_literals;
  using namespace date::literals;
  EXPECT_EQ(visit->starts_at, date::sys_days{2023_y / date::mar / 20} + 10h);
  EXPECT_EQ(visit->ends_at, date::sys_days{2023_y / date::mar / 22} + 12h + 30min + 59s);
  EXPECT_EQ(visit->place.zone, "Europe/Moscow");
  EXPECT_EQ(visit->level, diplo::visit_level::state);
  EXPECT_EQ(visit->host, actor_id{"vladimir-putin"});
  ASSERT_EQ(visit->sources.size(), 2U);
  EXPECT_EQ(visit->sources[0].published, diplo::partial_date::parse("2023-03-21"));
  EXPECT_EQ(visit->sources[0].title, "Russian-Chinese talks");
  const auto* call = std::get_if<diplo::meeting>(&doc.events[5]);
  ASSERT_NE(call, nullptr);
  EXPECT_EQ(call->mode, diplo::meeting_mode::video);
  const auto* summit = std::get_if<diplo::summit>(&doc.events[9]);
  ASSERT_NE(summit, nullptr);
  EXPECT_EQ(summit->series, "BRICS");
  EXPECT_EQ(summit->place.country, diplo::country_code{"RU"});
}

TEST(Json, AcceptsAnyKeyOrderAndWritesCanonically) {
  const auto doc = diplo::io::read_json(R"({"events": [{"participants": ["b", "a"], "when": "2024-05-16",
    "kind": "meeting", "status": "occurred", "id": "m", "mode": "in_person", "place": {"zone": "UTC", "city": "X"}}],
    "actors": [{"name": "B", "kind": "person", "id": "b"}, {"kind": "organisation", "id": "a", "name": "A"}],
    "diplo": 1})");
  EXPECT_EQ(diplo::io::to_json(diplo::io::build(doc)),
            "{\n"
            "  \"diplo\": 1,\n"
            "  \"actors\": [\n"
            "    {\n"
            "      \"id\": \"b\",\n"
            "      \"kind\": \"person\",\n"
            "      \"name\": \"B\"\n"
            "    },\n"
            "    {\n"
            "      \"id\": \"a\",\n"
            "      \"kind\": \"organisation\",\n"
            "      \"name\": \"A\"\n"
            "    }\n"
            "  ],\n"
            "  \"events\": [\n"
            "    {\n"
            "      \"id\": \"m\",\n"
            "      \"kind\": \"meeting\",\n"
            "      \"when\": \"2024-05-16\",\n"
            "      \"place\": {\"city\": \"X\", \"zone\": \"UTC\"},\n"
            "      \"participants\": [\"b\", \"a\"]\n"
            "    }\n"
            "  ]\n"
            "}\n");
}

TEST(Json, WritesAnEmptyTimeline) {
  EXPECT_EQ(diplo::io::to_json(diplo::timeline{}), "{\n  \"diplo\": 1\n}\n");
  EXPECT_EQ(diplo::io::to_json(diplo::timeline{}, {.title = "T"}),
            "{\n  \"diplo\": 1,\n  \"dataset\": {\n    \"title\": \"T\"\n  }\n}\n");
}

TEST(Json, CountsACarriageReturnAloneAsALineEnd) {
  // As the CSV reader and XML do (diplo/detail/text.h): old Mac line endings get the line
  // numbers an editor shows. CR LF is one line end.
  EXPECT_EQ(
      json_errors("{\"diplo\": 1,\r\"events\": 3}"),
      std::vector<std::string>{"t.json:2:11: error: events: expected an array of objects, got a number"});
  EXPECT_EQ(
      json_errors("{\"diplo\": 1,\r\n\"events\": 3}"),
      std::vector<std::string>{"t.json:2:11: error: events: expected an array of objects, got a number"});
}

TEST(Json, WritesBytesThatAreNotUtf8AsReplacementCharacters) {
  // A timeline refuses invalid UTF-8, a dataset_info built in code does not: the writer
  // (one with the tool's --json, detail/json_string.h) keeps its output JSON.
  const std::string json = diplo::io::to_json(diplo::timeline{}, {.title = "Kyiv\xFF \xC3\xA9\x01"});
  EXPECT_EQ(json,
            "{\n  \"diplo\": 1,\n  \"dataset\": {\n    \"title\": \"Kyiv\\ufffd \xC3\xA9\\u0001\"\n  }\n}\n");
  EXPECT_EQ(diplo::io::read_json(json).info.title, "Kyiv\xEF\xBF\xBD \xC3\xA9\x01");
}

TEST(Json, SkipsAByteOrderMark) {
  const auto doc = diplo::io::read_json("\xEF\xBB\xBF{\"diplo\": 1}");
  EXPECT_TRUE(doc.events.empty());
  EXPECT_EQ(
      json_errors("\xEF\xBB\xBF{\"diplo\": 2}"),
      std::vector<std::string>{"t.json:1:14: error: diplo: unsupported format version 2 (this reader knows "
                               "version 1)"});
}

// ---- errors ------------------------------------------------------------------------------

TEST(JsonErrors, BadDateNamesPathLineAndColumn) {
  EXPECT_EQ(one_error(with_event(
                R"({"id": "a", "kind": "meeting", "when": "2023-02-29", "participants": ["x", "y"]})")),
            "t.json:2:42: error: events[0].when: \"2023-02-29\" at column 9: expected a day of "
            "February 2023 (01-28)");
}

TEST(JsonErrors, ErrorsCarryTheAreaAndCount) {
  try {
    (void)diplo::io::read_json(with_event(R"({"id": "a", "kind": "meeting", "when": "2023-13"})"), "t.json");
    FAIL() << "no error";
  } catch (const diplo::validation_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "[diplo.json] 1 error\n  t.json:2:42: error: events[0].when: \"2023-13\" at column "
              "6: expected a month (01-12) or a season (21-24)");
  }
}

TEST(JsonErrors, UnknownKey) {
  EXPECT_EQ(one_error(with_event(R"({"id": "a", "kind": "meeting", "when": "2024", "hots": "x"})")),
            "t.json:2:50: error: events[0]: unknown key \"hots\"");
}

TEST(JsonErrors, KeyOfAnotherKind) {
  EXPECT_EQ(one_error(with_event(R"({"id": "a", "kind": "meeting", "when": "2024", "guests": []})")),
            "t.json:2:50: error: events[0]: key \"guests\" is not allowed in a meeting");
}

TEST(JsonErrors, DuplicateKey) {
  EXPECT_EQ(one_error(with_event(R"({"id": "a", "kind": "meeting", "when": "2024", "when": "2025"})")),
            "t.json:2:50: error: events[0]: duplicate key \"when\"");
}

TEST(JsonErrors, WrongType) {
  EXPECT_EQ(one_error(with_event(R"({"id": 7, "kind": "meeting", "when": "2024"})")),
            "t.json:2:10: error: events[0].id: expected a string, got a number");
  EXPECT_EQ(
      one_error(with_event(R"({"id": "a", "kind": "meeting", "when": "2024", "participants": ["x", null]})")),
      "t.json:2:72: error: events[0].participants[1]: expected an actor id (a string), got null");
  EXPECT_EQ(one_error(with_event(R"({"id": "a", "kind": "meeting", "when": "2024", "participants": "x"})")),
            "t.json:2:66: error: events[0].participants: expected an array of actor ids, got a string");
  EXPECT_EQ(one_error("{\"diplo\": 1, \"events\": {}}"),
            "t.json:1:24: error: events: expected an array of objects, got an object");
  EXPECT_EQ(one_error("{\"diplo\": 1, \"events\": [true]}"),
            "t.json:1:25: error: events[0]: expected an object, got a boolean");
}

TEST(JsonErrors, MissingKeys) {
  EXPECT_EQ(json_errors(with_event(R"({"kind": "visit", "when": "2024"})")),
            (std::vector<std::string>{"t.json:2:3: error: events[0]: missing \"id\"",
                                      "t.json:2:3: error: events[0]: missing \"guests\""}));
  EXPECT_EQ(one_error(with_event(R"({"id": "a", "when": "2024"})")),
            "t.json:2:3: error: events[0]: missing \"kind\"");
  EXPECT_EQ(one_error("{\"diplo\": 1, \"actors\": [{\"id\": \"a\", \"kind\": \"person\"}]}"),
            "t.json:1:25: error: actors[0]: missing \"name\"");
}

TEST(JsonErrors, UnknownNames) {
  EXPECT_EQ(one_error(with_event(R"({"id": "a", "kind": "visiting", "when": "2024"})")),
            "t.json:2:23: error: events[0].kind: unknown kind \"visiting\" (expected visit, "
            "summit, meeting or ceremony)");
  EXPECT_EQ(one_error("{\"diplo\": 1, \"actors\": [{\"id\": \"a\", \"kind\": \"visit\", \"name\": \"A\"}]}"),
            "t.json:1:45: error: actors[0].kind: unknown kind \"visit\" (expected person or "
            "organisation)");
  EXPECT_EQ(one_error(with_event(R"({"id": "a", "kind": "meeting", "when": "2024", "status": "ocurred"})")),
            "t.json:2:60: error: events[0].status: unknown status \"ocurred\" (expected "
            "announced, planned, occurred, cancelled or postponed)");
  EXPECT_EQ(one_error(with_event(
                R"({"id": "a", "kind": "visit", "when": "2024", "guests": ["x"], "level": "royal"})")),
            "t.json:2:74: error: events[0].level: unknown level \"royal\" (expected state, "
            "official, working, private or unspecified)");
  EXPECT_EQ(one_error(with_event(R"({"id": "a", "kind": "meeting", "when": "2024", "mode": "in person"})")),
            "t.json:2:58: error: events[0].mode: unknown mode \"in person\" (expected in_person, "
            "phone or video)");
}

TEST(JsonErrors, BadCountryCode) {
  EXPECT_EQ(one_error(with_event(
                R"({"id": "a", "kind": "visit", "when": "2024", "guests": ["x"], "host_country": "UK"})")),
            "t.json:2:81: error: events[0].host_country: \"UK\" at column 1: expected an ISO "
            "3166 alpha-2 or alpha-3 code");
  EXPECT_EQ(
      one_error(with_event(R"({"id": "a", "kind": "meeting", "when": "2024", "place": {"country": "R1"}})")),
      "t.json:2:71: error: events[0].place.country: \"R1\" at column 2: expected an ISO "
      "3166 alpha-2 or alpha-3 code");
}

TEST(JsonErrors, BadInstant) {
  EXPECT_EQ(one_error(with_event(
                R"({"id": "a", "kind": "meeting", "when": "2024", "starts_at": "2024-05-16 07:00:00Z"})")),
            "t.json:2:63: error: events[0].starts_at: \"2024-05-16 07:00:00Z\" at column 11: "
            "expected 'T' between the date and the time");
  EXPECT_EQ(one_error(with_event(
                R"({"id": "a", "kind": "meeting", "when": "2024", "ends_at": "2024-05-16T07:00:00+03:00"})")),
            "t.json:2:61: error: events[0].ends_at: \"2024-05-16T07:00:00+03:00\" at column 20: "
            "expected 'Z' (instants are in UTC)");
  EXPECT_EQ(one_error(with_event(
                R"({"id": "a", "kind": "meeting", "when": "2024", "ends_at": "2023-02-29T07:00:00Z"})")),
            "t.json:2:61: error: events[0].ends_at: \"2023-02-29T07:00:00Z\" at column 9: "
            "expected a day of the month (01-28)");
}

TEST(JsonErrors, BadNestedValues) {
  EXPECT_EQ(
      json_errors(with_event(
          R"({"id": "a", "kind": "meeting", "when": "2024", "sources": [{"title": "T", "published": "2024-5"}]})")),
      (std::vector<std::string>{"t.json:2:90: error: events[0].sources[0].published: \"2024-5\" at column 6: "
                                "expected a two-digit month (01-12)",
                                "t.json:2:62: error: events[0].sources[0]: missing \"url\""}));
  EXPECT_EQ(json_errors("{\"diplo\": 1, \"actors\": [{\"id\": \"a\", \"kind\": \"person\", \"name\": \"A\",\n"
                        "  \"offices\": [{\"title\": \"P\", \"term\": \"2020/2019\", \"since\": 1}]}]}"),
            (std::vector<std::string>{
                "t.json:2:38: error: actors[0].offices[0].term: \"2020/2019\" at column 6: "
                "expected an end on or after the start (the interval is reversed: 2019 is before "
                "2020)",
                "t.json:2:51: error: actors[0].offices[0]: unknown key \"since\""}));
}

TEST(JsonErrors, OfficesAndSourcesAreArraysOfObjects) {
  // Read by one loop (record_reader::each_object): a value that is not an array, and each
  // item that is not an object, reported with its index; the objects around are read.
  EXPECT_EQ(
      json_errors(with_event(R"({"id": "a", "kind": "meeting", "when": "2024", "sources": {"url": "u"}})")),
      (std::vector<std::string>{
          "t.json:2:61: error: events[0].sources: expected an array of sources, got an object"}));
  EXPECT_EQ(
      json_errors(with_event(
          R"({"id": "a", "kind": "meeting", "when": "2024", "sources": [{"url": "u"}, "v", {"title": "t"}]})")),
      (std::vector<std::string>{"t.json:2:76: error: events[0].sources[1]: expected an object, got a string",
                                "t.json:2:81: error: events[0].sources[2]: missing \"url\""}));
  EXPECT_EQ(
      json_errors("{\"diplo\": 1, \"actors\": [{\"id\": \"a\", \"kind\": \"person\", \"name\": \"A\",\n"
                  "  \"offices\": [1, {\"title\": \"P\"}, [], {\"title\": \"Q\", \"term\": \"2020\"}]}]}"),
      (std::vector<std::string>{
          "t.json:2:15: error: actors[0].offices[0]: expected an object, got a number",
          "t.json:2:18: error: actors[0].offices[1]: missing \"term\"",
          "t.json:2:34: error: actors[0].offices[2]: expected an object, got an array"}));
  EXPECT_EQ(json_errors("{\"diplo\": 1, \"actors\": [{\"id\": \"a\", \"kind\": \"person\", \"name\": \"A\",\n"
                        "  \"offices\": \"President\"}]}"),
            (std::vector<std::string>{
                "t.json:2:14: error: actors[0].offices: expected an array of offices, got a string"}));
}

TEST(JsonErrors, DatasetIsChecked) {
  EXPECT_EQ(
      json_errors("{\"diplo\": 1, \"dataset\": {\"title\": 1, \"as_of\": \"2024-02-30\", \"by\": \"x\"}}"),
      (std::vector<std::string>{
          "t.json:1:35: error: dataset.title: expected a string, got a number",
          "t.json:1:47: error: dataset.as_of: \"2024-02-30\" at column 9: expected a day "
          "of February 2024 (01-29)",
          "t.json:1:61: error: dataset: unknown key \"by\""}));
}

TEST(Json, ReadsCoverageRecordsWithTheDatasetsDefaults) {
  const diplo::io::document doc = diplo::io::read_json(full, "full.json");
  ASSERT_EQ(doc.info.records.size(), 3U);
  const diplo::coverage_scope& between = doc.info.records[0];
  EXPECT_EQ(between.subject, diplo::coverage_subject::events_between);
  EXPECT_TRUE(between.calls);
  EXPECT_EQ(between.when, diplo::period::parse("2013-03-22/.."));  // the dataset's coverage
  EXPECT_EQ(between.as_of, date::sys_days{date::year{2026} / 2 / 4});
  EXPECT_EQ(between.source, doc.info.title);
  const diplo::coverage_scope& trips = doc.info.records[1];
  EXPECT_EQ(trips.offices, (std::vector<std::string>{"President", "Secretary of State"}));
  EXPECT_EQ(trips.kinds,
            (diplo::event_kinds{.visits = true, .summits = true, .meetings = false, .ceremonies = false}));
  EXPECT_EQ(trips.when, diplo::period::parse("2000/2020"));
  EXPECT_EQ(trips.as_of, date::sys_days{date::year{2019} / 12 / 31});
  EXPECT_EQ(doc.info.records[2].actors, (std::vector<actor_id>{actor_id{"xi-jinping"}}));
  EXPECT_TRUE(doc.info.records[2].counterparts);
  // The timeline keeps them; a writer given no dataset_info writes them still.
  const diplo::timeline t = diplo::io::build(doc);
  ASSERT_EQ(t.coverage().size(), 3U);
  EXPECT_NE(diplo::io::to_json(t).find("\"records\": [\n      {\"events_between\""), std::string::npos);
}

TEST(JsonErrors, CoverageRecordsAreChecked) {
  EXPECT_EQ(
      json_errors("{\"diplo\": 1, \"dataset\": {\"records\": [\n"
                  "{\"events_of\": [\"a\"], \"trips_by\": [\"US\"]},\n"
                  "{\"visits_to\": [\"XX\"]},\n"
                  "{\"trips_by\": [\"US\"], \"kinds\": [\"parade\"], \"calls\": 1},\n"
                  "{\"events_of\": [\"a\"], \"guests\": [\"b\"], \"when\": \"2020\"},\n"
                  "3]}}"),
      (std::vector<std::string>{
          "t.json:2:1: error: dataset.records[0]: expected exactly one of \"events_of\", \"events_between\", "
          "\"trips_by\", \"visits_to\"",
          "t.json:3:16: error: dataset.records[1].visits_to: \"XX\" at column 1: expected an ISO 3166 "
          "alpha-2 or "
          "alpha-3 code",
          "t.json:4:31: error: dataset.records[2].kinds: unknown event kind \"parade\" (expected visit, "
          "summit, "
          "meeting or ceremony)",
          "t.json:4:52: error: dataset.records[2].calls: expected true or false, got a number",
          "t.json:5:39: error: dataset.records[3]: unknown key \"when\"",
          "t.json:5:1: error: dataset.records[3].guests: \"guests\" goes with \"visits_to\" only",
          "t.json:6:1: error: dataset.records[4]: expected an object, got a number"}));
}

TEST(JsonErrors, ACoverageRecordNamingAnUnknownActorStopsTheBuild) {
  const auto doc = diplo::io::read_json(
      "{\"diplo\": 1, \"dataset\": {\"title\": \"T\", \"records\": [{\"events_of\": [\"nobody\"]}]}}",
      "t.json");
  try {
    (void)diplo::io::build(doc);
    FAIL() << "built";
  } catch (const diplo::validation_error& e) {
    ASSERT_EQ(e.diagnostics().size(), 1U);
    EXPECT_EQ(fmt::format("{}", e.diagnostics()[0]),
              "t.json:1:52: error: coverage record (events_of): unknown actor \"nobody\"");
  }
}

TEST(JsonErrors, VersionIsRequired) {
  EXPECT_EQ(one_error("{\"events\": []}"), "t.json:1:1: error: missing \"diplo\" (the format version, 1)");
  EXPECT_EQ(one_error("  {\"diplo\": 2}"),
            "t.json:1:13: error: diplo: unsupported format version 2 (this reader knows version 1)");
  EXPECT_EQ(one_error("{\"diplo\": \"1\"}"),
            "t.json:1:11: error: diplo: expected the format version 1 (a number), got a string");
  EXPECT_EQ(one_error("{\"diplo\": 1, \"version\": 1}"), "t.json:1:14: error: unknown key \"version\"");
}

TEST(JsonErrors, ActorRegistryErrorsPointAtTheRecord) {
  EXPECT_EQ(json_errors("{\"diplo\": 1, \"actors\": [\n"
                        "  {\"id\": \"a\", \"kind\": \"person\", \"name\": \"A\"},\n"
                        "  {\"id\": \"a\", \"kind\": \"organisation\", \"name\": \"B\"},\n"
                        "  {\"id\": \"c\", \"kind\": \"person\", \"name\": \"C\", \"wikidata\": \"15031\"}\n"
                        "]}"),
            (std::vector<std::string>{
                "t.json:3:3: error: actors[1]: duplicate actor id \"a\"",
                "t.json:4:3: error: actors[2]: actor \"c\": wikidata \"15031\" is not an item id (Q "
                "followed by digits)"}));
}

TEST(JsonErrors, ReportsEveryProblemInOneFile) {
  const auto errors = json_errors(
      "{\"diplo\": 1, \"events\": [\n"
      "  {\"id\": \"a\", \"kind\": \"meeting\", \"when\": \"2024-13\"},\n"
      "  {\"id\": \"b\", \"kind\": \"summit\", \"when\": \"2024\", \"mode\": \"phone\"},\n"
      "  {\"id\": \"c\", \"kind\": \"ceremony\", \"when\": \"2024\", \"host_country\": \"XX\"},\n"
      "  {\"kind\": \"visit\", \"when\": \"2024\", \"guests\": [1]}\n"
      "]}");
  EXPECT_EQ(errors, (std::vector<std::string>{
                        "t.json:2:42: error: events[0].when: \"2024-13\" at column 6: expected a month "
                        "(01-12) or a season (21-24)",
                        "t.json:3:49: error: events[1]: key \"mode\" is not allowed in a summit",
                        "t.json:4:67: error: events[2].host_country: \"XX\" at column 1: expected an ISO "
                        "3166 alpha-2 or alpha-3 code",
                        "t.json:4:51: error: events[2]: key \"host_country\" is not allowed in a ceremony",
                        "t.json:5:48: error: events[3].guests[0]: expected an actor id (a string), got a "
                        "number",
                        "t.json:5:3: error: events[3]: missing \"id\""}));
}

TEST(JsonErrors, StopsAfterTooManyErrors) {
  std::string text = "{\"diplo\": 1, \"events\": [\n";
  for (int i = 0; i < 150; ++i)
    text += fmt::format("{}{{\"id\": \"e{}\", \"when\": 5}}\n", i == 0 ? "" : ",", i);
  text += "]}";
  const auto errors = json_errors(text);
  ASSERT_EQ(errors.size(), diplo::io::max_diagnostics + 1);
  EXPECT_EQ(errors[0],
            "t.json:2:22: error: events[0].when: expected an EDTF date or period (a string), got a number");
  EXPECT_EQ(errors[1], "t.json:2:1: error: events[0]: missing \"kind\"");
  EXPECT_EQ(errors.back(), "t.json: error: too many errors (stopped after 100)");
}

TEST(JsonErrors, SyntaxErrorStopsButKeepsEarlierProblems) {
  EXPECT_EQ(json_errors("{\"diplo\": 1, \"events\": [\n"
                        "  {\"id\": \"a\", \"kind\": \"meeting\", \"when\": \"2024-13\"},\n"
                        "  {\"id\": \"b\" \"kind\": \"meeting\"}\n"
                        "]}"),
            (std::vector<std::string>{
                "t.json:2:42: error: events[0].when: \"2024-13\" at column 6: expected a month "
                "(01-12) or a season (21-24)",
                "t.json:3:14: error: events[1]: invalid JSON: a missing or extra comma, colon, bracket or "
                "brace"}));
}

TEST(JsonErrors, TruncatedFile) {
  EXPECT_EQ(one_error("{\"diplo\": 1, \"events\": [\n  {\"id\": \"a\", \"kind\": \"meeting\""),
            "t.json:2:32: error: unexpected end of input: the object opened at 2:3 is not closed");
  EXPECT_EQ(one_error("{\"diplo\": 1, \"events\": [{\"id\": \"a"), "t.json:1:32: error: unclosed string");
  EXPECT_EQ(one_error(""), "t.json:1:1: error: empty input (expected a JSON object)");
  EXPECT_EQ(one_error("  \n"), "t.json:2:1: error: empty input (expected a JSON object)");
}

TEST(JsonErrors, TrailingContentAndWrongRoot) {
  EXPECT_EQ(one_error("{\"diplo\": 1}\n{\"diplo\": 1}"),
            "t.json:2:1: error: unexpected content after the end of the JSON value");
  EXPECT_EQ(one_error("[{\"diplo\": 1}]"), "t.json:1:1: error: expected a JSON object, got an array");
  EXPECT_EQ(one_error("{\"diplo\": 1, \"x\": tru}"), "t.json:1:14: error: unknown key \"x\"");
}

TEST(JsonErrors, InvalidUtf8) {
  EXPECT_EQ(one_error(with_event(
                "{\"id\": \"a\", \"kind\": \"meeting\", \"when\": \"2024\", \"notes\": \"caf\xC3\"}")),
            "t.json:2:63: error: invalid UTF-8");
  EXPECT_EQ(one_error("{\"diplo\": 1, \"dataset\": {\"title\": \"\xED\xA0\x80\"}}"),
            "t.json:1:36: error: invalid UTF-8");
}

TEST(JsonErrors, DeepNestingIsACleanError) {
  std::string deep(100000, '[');
  deep += std::string(100000, ']');
  // Past read_limits::max_depth (64, the root object included) the reading stops there.
  EXPECT_EQ(one_error(with_event(fmt::format(R"({{"id": {}, "kind": "meeting", "when": "2024"}})", deep))),
            "t.json:2:71: error: nesting deeper than the limit of 64 arrays and objects "
            "(read_limits::max_depth)");
  EXPECT_EQ(one_error(deep),
            "t.json:1:65: error: nesting deeper than the limit of 64 arrays and objects "
            "(read_limits::max_depth)");
  // With the limit raised, simdjson still reads it cleanly (iteratively, no deep recursion).
  try {
    (void)diplo::io::read_json(deep, "t.json", {.max_depth = 1'000'000});
    FAIL() << "no error";
  } catch (const diplo::validation_error& e) {
    EXPECT_EQ(fmt::format("{}", e.diagnostics().at(0)),
              "t.json:1:1: error: expected a JSON object, got an array");
  }
}

TEST(JsonErrors, BuildPointsIntoTheFile) {
  auto doc = diplo::io::read_json(
      "{\"diplo\": 1, \"actors\": [{\"id\": \"x\", \"kind\": \"person\", \"name\": \"X\"}],\n"
      " \"events\": [\n"
      "   {\"id\": \"m\", \"kind\": \"meeting\", \"when\": \"2024\", \"participants\": [\"x\", \"y\"]}\n"
      "]}",
      "events.json");
  try {
    (void)diplo::io::build(std::move(doc));
    FAIL() << "no error";
  } catch (const diplo::validation_error& e) {
    ASSERT_EQ(e.diagnostics().size(), 1U);
    EXPECT_EQ(fmt::format("{}", e.diagnostics()[0]),
              "events.json:3:4: error: event \"m\": unknown actor \"y\" (did you mean X?)");
  }
}

TEST(JsonWriter, EscapesMinimally) {
  diplo::actor_registry reg;
  reg.add(diplo::organisation{
      .id = actor_id{"o"}, .name = "Q\"\\\x01\x1f\x7f é 习", .aliases = {}, .wikidata = {}});
  diplo::timeline_builder b(std::move(reg));
  const std::string json = diplo::io::to_json(std::move(b).freeze());
  EXPECT_NE(json.find(R"("name": "Q\"\\\u0001\u001f)"
                      "\x7f"
                      R"( é 习")"),
            std::string::npos)
      << json;
}

TEST(JsonWriter, WritesTheBundledDatasetAsItIs) {
  // data/xi-putin.json is written by scripts/make-xi-putin-dataset in the same canonical
  // layout; skipped where the dataset is not there.
  const std::string path = std::string(DIPLO_SOURCE_DIR) + "/data/xi-putin.json";
  std::string text;
  try {
    text = diplo::io::read_text_file(path);
  } catch (const diplo::error&) {
    GTEST_SKIP() << path << " not found";
  }
  diplo::io::document doc = diplo::io::read_json(text, path);
  const diplo::io::dataset_info info = doc.info;
  EXPECT_EQ(diplo::io::to_json(diplo::io::build(std::move(doc)), info), text);
}

// ---- lenient reading and check() ------------------------------------------------------

// One file, five kinds of mistakes: a bad date (line 7), a wrong type (9), an unknown actor
// (10), a duplicate id (11), an unknown parent (12). Event "f" (13) is inside "a", whose
// record has an error: no "unknown parent" for it.
constexpr std::string_view broken_json = R"json({"diplo": 1,
 "actors": [
  {"id": "xi", "kind": "person", "name": "Xi"},
  {"id": "putin", "kind": "person", "name": "Putin"}
 ],
 "events": [
  {"id": "a", "kind": "meeting", "when": "2023-02-29", "participants": ["xi", "putin"]},
  {"id": "b", "kind": "meeting", "when": "2023-03-01", "participants": ["xi", "putin"]},
  {"id": "c", "kind": "visit", "when": "2024-05-16", "guests": "putin", "host_country": "CN"},
  {"id": "d", "kind": "meeting", "when": "2024-07-03", "participants": ["xi", "putn"]},
  {"id": "d", "kind": "meeting", "when": "2024-07-04", "participants": ["xi", "putin"]},
  {"id": "e", "kind": "meeting", "when": "2024-08-01", "parent": "nowhere", "participants": ["xi", "putin"]},
  {"id": "f", "kind": "meeting", "when": "2023-02-28", "parent": "a", "participants": ["xi", "putin"]}
 ]}
)json";

TEST(JsonLenient, KeepsTheGoodRecordsAndListsTheBad) {
  std::vector<diplo::diagnostic> problems;
  const diplo::io::document doc = diplo::io::read_json_lenient(broken_json, "b.json", problems);
  ASSERT_EQ(problems.size(), 2U);
  EXPECT_EQ(fmt::format("{}", problems[0]),
            "b.json:7:42: error: events[0].when: \"2023-02-29\" at column 9: expected a day of "
            "February 2023 (01-28)");
  EXPECT_EQ(fmt::format("{}", problems[1]),
            "b.json:9:64: error: events[2].guests: expected an array of actor ids, got a string");
  // "b", after the bad "a", is read; "a" and "c" are left out whole.
  ASSERT_EQ(doc.events.size(), 5U);
  EXPECT_EQ(doc.origins.size(), 5U);
  EXPECT_EQ(diplo::base(doc.events[0]).id, event_id{"b"});
  EXPECT_EQ(doc.origins[0], (diplo::origin{"b.json", 8, 3}));
  EXPECT_EQ(doc.actors.size(), 2U);
  EXPECT_EQ(doc.left_out.count, 2U);
  EXPECT_EQ(doc.left_out.event_ids, (std::vector<std::string>{"a", "c"}));
  EXPECT_TRUE(doc.left_out.actor_ids.empty());
  EXPECT_FALSE(doc.left_out.stopped);
}

TEST(JsonLenient, CheckListsEveryMistakeInFileOrder) {
  std::vector<diplo::diagnostic> problems;
  auto doc = diplo::io::read_json_lenient(broken_json, "b.json", problems);
  const diplo::io::check_report r = diplo::io::check(std::move(doc), std::move(problems));
  std::vector<std::string> got;
  for (const auto& d : r.diagnostics) got.push_back(fmt::format("{}", d));
  EXPECT_EQ(got, (std::vector<std::string>{
                     "b.json:7:42: error: events[0].when: \"2023-02-29\" at column 9: expected a "
                     "day of February 2023 (01-28)",
                     "b.json:9:64: error: events[2].guests: expected an array of actor ids, got "
                     "a string",
                     "b.json:10:3: error: event \"d\": unknown actor \"putn\" (did you mean Putin?)",
                     "b.json:11:3: error: event \"d\": duplicate id",
                     "b.json:12:3: error: event \"e\": unknown parent \"nowhere\"",
                 }));
  EXPECT_EQ(r.errors(), 5U);
  EXPECT_EQ(r.warnings(), 0U);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.cross_checked);
  EXPECT_EQ(r.events, 5U);
  EXPECT_EQ(r.actors, 2U);
  EXPECT_EQ(r.left_out.count, 2U);
}

TEST(JsonLenient, StrictReaderStillThrowsEverythingAndReturnsNothing) {
  const auto errors = json_errors(broken_json, "b.json");
  ASSERT_EQ(errors.size(), 2U);  // the reader's problems only: no checks across records
  EXPECT_EQ(errors[1],
            "b.json:9:64: error: events[2].guests: expected an array of actor ids, "
            "got a string");
}

TEST(JsonLenient, ALeftOutActorIsNotReportedAsUnknown) {
  constexpr std::string_view text = R"json({"diplo": 1,
 "actors": [
  {"id": "xi", "kind": "person", "name": "Xi"},
  {"id": "modi", "kind": "person", "name": "Modi", "aliases": "Narendra"}
 ],
 "events": [
  {"id": "a", "kind": "meeting", "when": "2024-01-01", "participants": ["xi", "modi"]},
  {"id": "b", "kind": "meeting", "when": "2024-01-02", "participants": ["xi", "mod"]}
 ]}
)json";
  std::vector<diplo::diagnostic> problems;
  auto doc = diplo::io::read_json_lenient(text, "m.json", problems);
  EXPECT_EQ(doc.left_out.actor_ids, (std::vector<std::string>{"modi"}));
  const auto r = diplo::io::check(std::move(doc), std::move(problems));
  std::vector<std::string> got;
  for (const auto& d : r.diagnostics) got.push_back(fmt::format("{}", d));
  EXPECT_EQ(got, (std::vector<std::string>{
                     "m.json:4:63: error: actors[1].aliases: expected an array of strings, got a "
                     "string",
                     "m.json:8:3: error: event \"b\": unknown actor \"mod\" (did you mean modi?)",
                 }));
}

TEST(JsonLenient, ASyntaxErrorStopsTheChecksAcrossRecords) {
  // Reading stops at line 4: the events after it are not read, so "putin" (defined
  // nowhere that was read) must not be reported as unknown.
  constexpr std::string_view text = R"json({"diplo": 1,
 "events": [
  {"id": "a", "kind": "meeting", "when": "2024-01-01", "participants": ["xi", "putin"]},
  {"id": "b" "kind": "meeting"}
 ],
 "actors": [{"id": "xi", "kind": "person", "name": "Xi"}]}
)json";
  std::vector<diplo::diagnostic> problems;
  auto doc = diplo::io::read_json_lenient(text, "s.json", problems);
  EXPECT_TRUE(doc.left_out.stopped);
  const auto r = diplo::io::check(std::move(doc), std::move(problems));
  EXPECT_FALSE(r.cross_checked);
  ASSERT_EQ(r.diagnostics.size(), 1U);
  EXPECT_EQ(r.diagnostics[0].line, 4U);
  EXPECT_NE(r.diagnostics[0].message.find("invalid JSON"), std::string::npos) << r.diagnostics[0].message;
}

// io::load, load_lenient and check of a JSON file parse the bytes where they were read,
// with simdjson's padding after them (not a copy): the same answers as the readers of text.
namespace fs = std::filesystem;

auto scratch_file(const char* name, std::string_view text) -> fs::path {
  const fs::path dir = fs::path(DIPLO_TEST_TMPDIR) / "io_json_test";
  fs::create_directories(dir);
  const fs::path p = dir / name;
  std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
  return p;
}

auto lines_of(const std::vector<diplo::diagnostic>& ds) -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(fmt::format("{}", d));
  return out;
}

// What io::check, io::load_lenient and io::load say of the file `p` against what the text
// readers say of its text: one line per answer.
void expect_file_reads_as_text(const fs::path& p, std::string_view text) {
  const std::string file = p.string();
  SCOPED_TRACE(fmt::format("{} bytes", text.size()));
  const auto by_file = diplo::io::check(p);
  const auto by_text = diplo::io::check(text, file, diplo::io::format::json);
  EXPECT_EQ(lines_of(by_file.diagnostics), lines_of(by_text.diagnostics));
  EXPECT_EQ(by_file.events, by_text.events);
  std::vector<diplo::diagnostic> from_file;
  std::vector<diplo::diagnostic> from_text;
  const auto doc = diplo::io::load_lenient(p, nullptr, from_file);
  const auto expected = diplo::io::read_json_lenient(text, file, from_text);
  EXPECT_EQ(lines_of(from_file), lines_of(from_text));
  EXPECT_EQ(doc.info, expected.info);
  auto strictly = [](auto&& read) -> std::string {
    try {
      return read().info.title;
    } catch (const diplo::validation_error& e) {
      return fmt::format("{}", fmt::join(lines_of(e.diagnostics()), " | "));
    }
  };
  EXPECT_EQ(strictly([&] { return diplo::io::load(p); }),
            strictly([&] { return diplo::io::read_json(text, file); }));
}

// A document of exactly `size` bytes (at least 44) that ends with its closing brace (no
// newline), so that the parser's reading ahead starts at the last byte of the file.
auto document_of_size(std::size_t size, std::string_view bom = "") -> std::string {
  const std::string head = fmt::format("{}{{\"diplo\": 1, \"dataset\": {{\"title\": \"", bom);
  const std::string title(size - head.size() - 3, 't');
  return head + title + "\"}}";
}

TEST(JsonFile, ReadsFilesOfEveryLengthAroundTheParsersBlocks) {
  // Lengths around multiples of 64 (simdjson's blocks and padding) and of the 64 KiB chunks
  // the file is read in; with and without a byte order mark; whole, cut short (the end of
  // input inside a string, then after it) and with a stray byte after the end.
  std::vector<std::size_t> sizes = {44, 45};
  for (const std::size_t base : {std::size_t{64}, std::size_t{128}, std::size_t{192}, std::size_t{4096},
                                 std::size_t{65536}, std::size_t{131072}}) {
    for (std::size_t n = base - 3; n <= base + 3; ++n) sizes.push_back(n);
  }
  for (const std::size_t n : sizes) {
    for (const std::string_view bom : {std::string_view(), std::string_view("\xEF\xBB\xBF")}) {
      const std::string whole = document_of_size(n, bom);
      ASSERT_EQ(whole.size(), n);
      expect_file_reads_as_text(scratch_file("whole.json", whole), whole);
      const std::string in_string = whole.substr(0, n - 3);
      expect_file_reads_as_text(scratch_file("in-string.json", in_string), in_string);
      const std::string unclosed = whole.substr(0, n - 1);
      expect_file_reads_as_text(scratch_file("unclosed.json", unclosed), unclosed);
      const std::string trailing = whole.substr(0, n - 1) + "x";
      expect_file_reads_as_text(scratch_file("trailing.json", trailing), trailing);
    }
  }
  const std::string title = diplo::io::load(scratch_file("whole.json", document_of_size(128))).info.title;
  EXPECT_EQ(title, std::string(128 - 38, 't'));
}

TEST(JsonFile, ReadsAFileExactlyAtTheSizeLimit) {
  const std::string text = document_of_size(128);
  const fs::path p = scratch_file("limit.json", text);
  diplo::io::read_limits limits;
  limits.max_file_size = text.size();
  EXPECT_EQ(diplo::io::load(p, nullptr, limits).info.title, std::string(128 - 38, 't'));
  std::vector<diplo::diagnostic> problems;
  EXPECT_EQ(diplo::io::load_lenient(p, nullptr, problems, limits).info.title, std::string(128 - 38, 't'));
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(diplo::io::check(p, nullptr, limits).errors(), 0U);
  // One byte over: refused by its size, with read_text_file's message.
  limits.max_file_size = text.size() - 1;
  const std::string refused = fmt::format(
      "[diplo.io] cannot read \"{}\": the file is larger than the limit of 127 bytes "
      "(read_limits::max_file_size)",
      p.string());
  auto error_of = [](auto&& f) -> std::string {
    try {
      f();
    } catch (const diplo::error& e) {
      return e.what();
    }
    return "(no error)";
  };
  EXPECT_EQ(error_of([&] { (void)diplo::io::read_text_file(p, limits.max_file_size); }), refused);
  EXPECT_EQ(error_of([&] { (void)diplo::io::load(p, nullptr, limits); }), refused);
  EXPECT_EQ(error_of([&] { (void)diplo::io::load_lenient(p, nullptr, problems, limits); }), refused);
  EXPECT_EQ(error_of([&] { (void)diplo::io::check(p, nullptr, limits); }), refused);
}

TEST(JsonFile, ReadsAFileWhoseSizeTheSystemDoesNotKnow) {
  // Files of /proc say they are empty (st_size 0) and are not: the buffer grows as they are
  // read. Not JSON, so the answer is an error, the same as for their text.
  const fs::path link = fs::path(DIPLO_TEST_TMPDIR) / "io_json_test" / "cmdline.json";
  fs::create_directories(link.parent_path());
  fs::remove(link);
  std::error_code ec;
  fs::create_symlink("/proc/self/cmdline", link, ec);
  if (ec || !fs::exists(link) || fs::file_size(link) != 0) GTEST_SKIP() << "no /proc/self/cmdline";
  const std::string text = diplo::io::read_text_file(link);
  ASSERT_FALSE(text.empty());
  expect_file_reads_as_text(link, text);
}

}  // namespace
