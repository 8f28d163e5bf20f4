// SPDX-License-Identifier: MIT
#include <diplo/io/jsonl.h>

#include <string>
#include <vector>

#include <diplo/io/document.h>
#include <diplo/io/json.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

namespace {

using diplo::actor_id;
using diplo::event_id;

auto jsonl_errors(std::string_view text) -> std::vector<std::string> {
  try {
    (void)diplo::io::read_jsonl(text, "t.jsonl");
  } catch (const diplo::validation_error& e) {
    std::vector<std::string> out;
    for (const auto& d : e.diagnostics()) out.push_back(fmt::format("{}", d));
    return out;
  }
  return {"(no error)"};
}

constexpr std::string_view sample =
    "{\"diplo\": 1, \"dataset\": {\"title\": \"Xi and Putin\", \"license\": \"CC0-1.0\"}}\n"
    "{\"id\": \"xi-jinping\", \"kind\": \"person\", \"name\": \"Xi Jinping\", \"aliases\": "
    "[\"习近平\"], \"country\": \"CN\", \"offices\": [{\"title\": \"President\", \"country\": "
    "\"CN\", \"term\": \"2013-03-14/..\"}]}\n"
    "{\"id\": \"vladimir-putin\", \"kind\": \"person\", \"name\": \"Vladimir Putin\", "
    "\"aliases\": [\"Путин\"]}\n"
    "{\"id\": \"brics\", \"kind\": \"organisation\", \"name\": \"BRICS\"}\n"
    "{\"id\": \"2024-10-22-kazan-summit\", \"kind\": \"summit\", \"when\": "
    "\"2024-10-22/2024-10-24\", \"place\": {\"city\": \"Kazan\", \"country\": \"RU\"}, \"name\": "
    "\"16th BRICS summit\", \"series\": \"BRICS\", \"attendees\": [\"xi-jinping\", "
    "\"vladimir-putin\"]}\n"
    "{\"id\": \"2024-10-22-kazan-talks\", \"kind\": \"meeting\", \"when\": \"2024-10-22\", "
    "\"parent\": \"2024-10-22-kazan-summit\", \"participants\": [\"xi-jinping\", "
    "\"vladimir-putin\"], \"sources\": [{\"url\": \"https://example.org/k\", \"published\": "
    "\"2024-10-22\"}]}\n";

TEST(Jsonl, RoundTripIsByteIdentical) {
  diplo::io::document doc = diplo::io::read_jsonl(sample, "s.jsonl");
  const diplo::io::dataset_info info = doc.info;
  EXPECT_EQ(info.title, "Xi and Putin");
  EXPECT_EQ(doc.origins[1], (diplo::origin{"s.jsonl", 6, 1}));
  EXPECT_EQ(doc.actor_origins[2], (diplo::origin{"s.jsonl", 4, 1}));
  EXPECT_EQ(diplo::io::to_jsonl(diplo::io::build(std::move(doc)), info), sample);
}

TEST(Jsonl, ReadsRecordsOfEveryKindInAnyOrder) {
  const auto doc = diplo::io::read_jsonl(
      "\n"
      "{\"kind\": \"ceremony\", \"id\": \"c\", \"when\": \"2025-05-09\", \"attendees\": [\"o\"]}\n"
      "   \n"
      "{\"name\": \"O\", \"id\": \"o\", \"kind\": \"organisation\"}\r\n");
  ASSERT_EQ(doc.events.size(), 1U);
  EXPECT_TRUE(std::holds_alternative<diplo::ceremony>(doc.events[0]));
  EXPECT_EQ(doc.origins[0].line, 2U);
  EXPECT_NE(doc.actors.organisation_of(actor_id{"o"}), nullptr);
  EXPECT_EQ(doc.info, diplo::io::dataset_info{});
}

TEST(Jsonl, WritesHeaderActorsEvents) {
  const auto t = diplo::io::build(diplo::io::read_jsonl(sample));
  EXPECT_EQ(diplo::io::to_jsonl(diplo::timeline{}), "{\"diplo\": 1}\n");
  const std::string lines = diplo::io::to_jsonl(t);
  EXPECT_EQ(lines.substr(0, lines.find('\n')), "{\"diplo\": 1}");
  EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 6);
}

TEST(Jsonl, BadLinesAreReportedAndOthersStillChecked) {
  EXPECT_EQ(jsonl_errors("{\"diplo\": 1}\n"
                         "{\"id\": \"a\", \"kind\": \"meeting\", \"when\": \"2023-02-29\"}\n"
                         "{\"id\": \"b\", \"kind\": \"meeting\" \"when\": \"2023\"}\n"
                         "\n"
                         "{\"id\": \"c\", \"kind\": \"meeting\", \"when\": \"2023\", \"mood\": 1}\n"
                         "[1]\n"
                         "{\"id\": \"d\", \"kind\": \"summit\", \"when\": \"2023\", \"name\": \"\xC3\"}\n"
                         "{\"id\": \"e\", \"kind\": \"summit\", \"when\": \"2023\"\n"
                         "{\"id\": \"f\", \"kind\": \"person\", \"name\": \"F\"} x\n"),
            (std::vector<std::string>{
                "t.jsonl:2:40: error: when: \"2023-02-29\" at column 9: expected a day of "
                "February 2023 (01-28)",
                "t.jsonl:3:31: error: invalid JSON: a missing or extra comma, colon, bracket or "
                "brace",
                "t.jsonl:5:48: error: unknown key \"mood\"",
                "t.jsonl:6:1: error: expected a JSON object, got an array",
                "t.jsonl:7:56: error: invalid UTF-8",
                "t.jsonl:8:45: error: unexpected end of input: the object opened at 8:1 is not "
                "closed",
                "t.jsonl:9:44: error: unexpected content after the end of the JSON value"}));
}

TEST(Jsonl, HeaderRules) {
  EXPECT_EQ(jsonl_errors("{\"id\": \"o\", \"kind\": \"organisation\", \"name\": \"O\"}\n"
                         "{\"diplo\": 1}\n"),
            std::vector<std::string>{"t.jsonl:2:1: error: the header must be the first line"});
  EXPECT_EQ(jsonl_errors("{\"dataset\": {\"title\": \"T\"}}\n"),
            std::vector<std::string>{
                "t.jsonl:1:1: error: missing \"diplo\" (the format version, 1) in the header line"});
  EXPECT_EQ(jsonl_errors("{\"diplo\": 3, \"id\": \"x\"}\n"),
            (std::vector<std::string>{
                "t.jsonl:1:11: error: diplo: unsupported format version 3 (this reader knows "
                "version 1)",
                "t.jsonl:1:14: error: key \"id\" is not allowed in a header line (only \"diplo\" "
                "and \"dataset\" are)"}));
  EXPECT_EQ(jsonl_errors("{\"diplo\": 1}\n{\"diplo\": 1}\n"),
            std::vector<std::string>{"t.jsonl:2:1: error: a second header line"});
}

TEST(Jsonl, KindDecidesActorOrEvent) {
  EXPECT_EQ(jsonl_errors("{\"id\": \"x\", \"kind\": \"persn\", \"name\": \"X\"}\n"
                         "{\"id\": \"y\", \"name\": \"Y\"}\n"
                         "{\"id\": \"z\", \"kind\": \"organisation\", \"name\": \"Z\", \"when\": \"2024\"}\n"),
            (std::vector<std::string>{
                "t.jsonl:1:21: error: kind: unknown kind \"persn\" (expected person, "
                "organisation, visit, summit, meeting or ceremony)",
                "t.jsonl:2:1: error: missing \"kind\"",
                "t.jsonl:3:50: error: key \"when\" is not allowed in an organisation"}));
}

TEST(Jsonl, DeepNestingIsACleanError) {
  const std::string deep = std::string(50000, '[') + std::string(50000, ']');
  EXPECT_EQ(jsonl_errors(deep + "\n{\"id\": " + deep + "}\n"),
            (std::vector<std::string>{"t.jsonl:1:1: error: expected a JSON object, got an array",
                                      "t.jsonl:2:8: error: id: expected a string, got an array",
                                      "t.jsonl:2:1: error: missing \"kind\""}));
}

}  // namespace
