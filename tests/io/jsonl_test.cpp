// SPDX-License-Identifier: MIT
#include <diplo/io/jsonl.h>

#include <sstream>
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

TEST(Jsonl, BlankLinesAreLinesOfWhiteSpace) {
  // White space is ASCII's six (detail/text.h): a line of any of them is skipped, and
  // still counted in the line numbers.
  const auto doc = diplo::io::read_jsonl(
      " \t\f\v\r\n"
      "\f\n"
      "\v\r\n"
      "{\"kind\": \"ceremony\", \"id\": \"c\", \"when\": \"2025-05-09\"}\n"
      "\t\n",
      "b.jsonl");
  ASSERT_EQ(doc.events.size(), 1U);
  EXPECT_EQ(doc.origins[0], (diplo::origin{"b.jsonl", 4, 1}));
  // A line with something else than white space is read, and refused.
  EXPECT_EQ(jsonl_errors("{\"diplo\": 1}\n\f x\n"),
            (std::vector<std::string>{
                "t.jsonl:2:1: error: invalid JSON: a missing or extra comma, colon, bracket or brace"}));
}

TEST(Jsonl, WritesHeaderActorsEvents) {
  const auto t = diplo::io::build(diplo::io::read_jsonl(sample));
  EXPECT_EQ(diplo::io::to_jsonl(diplo::timeline{}), "{\"diplo\": 1}\n");
  const std::string lines = diplo::io::to_jsonl(t);
  EXPECT_EQ(lines.substr(0, lines.find('\n')), "{\"diplo\": 1}");
  EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 6);
}

TEST(Jsonl, WritesToAStreamWhatToJsonlReturns) {
  diplo::io::document doc = diplo::io::read_jsonl(sample, "s.jsonl");
  const diplo::io::dataset_info info = doc.info;
  const auto t = diplo::io::build(std::move(doc));
  std::ostringstream out;
  diplo::io::write_jsonl(out, t, info);
  EXPECT_EQ(out.str(), sample);
  EXPECT_EQ(out.str(), diplo::io::to_jsonl(t, info));

  // More than one megabyte: written in several chunks, all of it, in order.
  diplo::io::document big = diplo::io::read_jsonl(sample);
  for (int i = 0; i < 8000; ++i) {
    diplo::meeting m;
    m.id = event_id{fmt::format("talks-{:05}", i)};
    m.when = diplo::period::parse(fmt::format("{}-06-01", 1950 + i % 70));
    m.participants = {actor_id{"xi-jinping"}, actor_id{"vladimir-putin"}};
    m.description = std::string(150, 'x');
    big.events.push_back(m);
    big.origins.emplace_back();
  }
  const auto bt = diplo::io::build(std::move(big));
  std::ostringstream big_out;
  diplo::io::write_jsonl(big_out, bt);
  EXPECT_GT(big_out.str().size(), std::size_t{1} << 20);
  EXPECT_EQ(big_out.str(), diplo::io::to_jsonl(bt));
}

TEST(Jsonl, AFailingStreamIsAnError) {
  const auto t = diplo::io::build(diplo::io::read_jsonl(sample));
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  try {
    diplo::io::write_jsonl(out, t);
    FAIL() << "no error";
  } catch (const diplo::error& e) {
    EXPECT_STREQ(e.what(), "[diplo.io] cannot write the JSON Lines text: the stream failed");
  }
}

TEST(Jsonl, BadLinesAreReportedAndOthersStillChecked) {
  EXPECT_EQ(
      jsonl_errors("{\"diplo\": 1}\n"
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
          "t.jsonl:6:1: error: expected a JSON object, got an array", "t.jsonl:7:56: error: invalid UTF-8",
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
  EXPECT_EQ(
      jsonl_errors("{\"id\": \"x\", \"kind\": \"persn\", \"name\": \"X\"}\n"
                   "{\"id\": \"y\", \"name\": \"Y\"}\n"
                   "{\"id\": \"z\", \"kind\": \"organisation\", \"name\": \"Z\", \"when\": \"2024\"}\n"),
      (std::vector<std::string>{"t.jsonl:1:21: error: kind: unknown kind \"persn\" (expected person, "
                                "organisation, visit, summit, meeting or ceremony)",
                                "t.jsonl:2:1: error: missing \"kind\"",
                                "t.jsonl:3:50: error: key \"when\" is not allowed in an organisation"}));
}

TEST(Jsonl, DeepNestingIsACleanError) {
  const std::string deep = std::string(50000, '[') + std::string(50000, ']');
  // Past read_limits::max_depth (64, the record's object included) the line is left out.
  EXPECT_EQ(
      jsonl_errors(deep + "\n{\"id\": " + deep + "}\n"),
      (std::vector<std::string>{"t.jsonl:1:65: error: nesting deeper than the limit of 64 arrays and objects "
                                "(read_limits::max_depth)",
                                "t.jsonl:2:71: error: nesting deeper than the limit of 64 arrays and objects "
                                "(read_limits::max_depth)"}));
}

// ---- lenient reading and check() ------------------------------------------------------

TEST(JsonLinesLenient, CheckListsEveryMistakeWithLineAndColumn) {
  constexpr std::string_view text =
      "{\"diplo\": 1}\n"
      "{\"id\": \"xi\", \"kind\": \"person\", \"name\": \"Xi\"}\n"
      "{\"id\": \"putin\", \"kind\": \"person\", \"name\": \"Putin\"}\n"
      // 4: a bad date
      "{\"id\": \"a\", \"kind\": \"meeting\", \"when\": \"2023-02-29\", \"participants\": [\"xi\", "
      "\"putin\"]}\n"
      // 5: good, after a bad one
      "{\"id\": \"b\", \"kind\": \"meeting\", \"when\": \"2023-03-01\", \"participants\": [\"xi\", "
      "\"putin\"]}\n"
      // 6: a wrong type
      "{\"id\": \"c\", \"kind\": \"visit\", \"when\": \"2024-05-16\", \"guests\": \"putin\", "
      "\"host_country\": \"CN\"}\n"
      // 7: an unknown actor
      "{\"id\": \"d\", \"kind\": \"meeting\", \"when\": \"2024-07-03\", \"participants\": [\"xi\", "
      "\"putn\"]}\n"
      // 8: a duplicate id
      "{\"id\": \"d\", \"kind\": \"meeting\", \"when\": \"2024-07-04\", \"participants\": [\"xi\", "
      "\"putin\"]}\n"
      // 9: an unknown parent
      "{\"id\": \"e\", \"kind\": \"meeting\", \"when\": \"2024-08-01\", \"parent\": \"nowhere\", "
      "\"participants\": [\"xi\", \"putin\"]}\n"
      // 10: inside "a", which is left out: no follow-on error
      "{\"id\": \"f\", \"kind\": \"meeting\", \"when\": \"2023-02-28\", \"parent\": \"a\", \"participants\": "
      "[\"xi\", \"putin\"]}\n"
      // 11: an actor of an unknown kind; 12 names it: no follow-on error
      "{\"id\": \"modi\", \"kind\": \"persn\", \"name\": \"Modi\"}\n"
      "{\"id\": \"g\", \"kind\": \"meeting\", \"when\": \"2024-09-01\", \"participants\": [\"xi\", "
      "\"modi\"]}\n"
      // 13: not even JSON
      "{\"id\": \"h\",,}\n";
  std::vector<diplo::diagnostic> problems;
  auto doc = diplo::io::read_jsonl_lenient(text, "t.jsonl", problems);
  ASSERT_EQ(doc.events.size(), 6U);  // b, d, d, e, f, g
  EXPECT_EQ(diplo::base(doc.events[0]).id, event_id{"b"});
  EXPECT_EQ(doc.origins[0], (diplo::origin{"t.jsonl", 5, 1}));
  EXPECT_EQ(doc.actors.size(), 2U);
  EXPECT_EQ(doc.left_out.count, 4U);
  // "modi" and "h" (whose id was read before the syntax error) may be either kind.
  EXPECT_EQ(doc.left_out.event_ids, (std::vector<std::string>{"a", "c", "modi", "h"}));
  EXPECT_EQ(doc.left_out.actor_ids, (std::vector<std::string>{"modi", "h"}));
  EXPECT_FALSE(doc.left_out.stopped);

  const auto r = diplo::io::check(std::move(doc), std::move(problems));
  std::vector<std::string> got;
  for (const auto& d : r.diagnostics) got.push_back(fmt::format("{}", d));
  EXPECT_EQ(got, (std::vector<std::string>{
                     "t.jsonl:4:40: error: when: \"2023-02-29\" at column 9: expected a day of "
                     "February 2023 (01-28)",
                     "t.jsonl:6:62: error: guests: expected an array of actor ids, got a string",
                     "t.jsonl:7:1: error: event \"d\": unknown actor \"putn\" (did you mean Putin?)",
                     "t.jsonl:8:1: error: event \"d\": duplicate id",
                     "t.jsonl:9:1: error: event \"e\": unknown parent \"nowhere\"",
                     "t.jsonl:11:24: error: kind: unknown kind \"persn\" (expected person, "
                     "organisation, visit, summit, meeting or ceremony)",
                     "t.jsonl:13:12: error: invalid JSON: a missing or extra comma, colon, bracket "
                     "or brace",
                 }));
  EXPECT_TRUE(r.cross_checked);
}

}  // namespace
