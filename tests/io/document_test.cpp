// SPDX-License-Identifier: MIT
#include <diplo/io/document.h>

#include <concepts>
#include <cstdint>
#include <string>
#include <vector>

#include <diplo/io/json.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

namespace {

using diplo::actor_id;
using diplo::event_id;

auto person(const char* id, const char* name) -> diplo::person {
  return diplo::person{
      .id = actor_id{id}, .name = name, .aliases = {}, .wikidata = {}, .country = {}, .offices = {}};
}

auto call(const char* id, const char* when) -> diplo::meeting {
  diplo::meeting m;
  m.id = event_id{id};
  m.when = diplo::period::parse(when);
  m.participants = {actor_id{"xi"}, actor_id{"putin"}};
  m.mode = diplo::meeting_mode::phone;
  return m;
}

auto doc_with(std::vector<diplo::person> people, std::string_view file) -> diplo::io::document {
  diplo::io::document d;
  std::uint32_t line = 1;
  for (auto& p : people) {
    d.actors.add(std::move(p));
    d.actor_origins.push_back({std::string(file), line++, 3});
  }
  return d;
}

TEST(Document, MergeAppendsEventsAndSkipsEqualActors) {
  auto a = doc_with({person("xi", "Xi Jinping")}, "a.json");
  a.events.push_back(call("c1", "2022-02-04"));
  a.origins.push_back({"a.json", 9, 5});
  a.info.title = "A";
  auto b = doc_with({person("xi", "Xi Jinping"), person("putin", "Vladimir Putin")}, "b.json");
  b.events.push_back(call("c2", "2023-02-04"));
  b.origins.push_back({"b.json", 4, 5});
  b.info = {.title = "B", .coverage = "2023", .as_of = {}, .license = "CC0-1.0", .description = {}};
  diplo::io::merge(a, std::move(b));
  EXPECT_EQ(a.actors.size(), 2U);
  EXPECT_EQ(a.actor_origins.size(), 2U);
  EXPECT_EQ(a.actor_origins[1], (diplo::origin{"b.json", 2, 3}));
  ASSERT_EQ(a.events.size(), 2U);
  EXPECT_EQ(a.origins[1], (diplo::origin{"b.json", 4, 5}));
  EXPECT_EQ(a.info,
            (diplo::io::dataset_info{
                .title = "A", .coverage = "2023", .as_of = {}, .license = "CC0-1.0", .description = {}}));
  const diplo::timeline t = diplo::io::build(std::move(a));
  EXPECT_EQ(t.size(), 2U);
}

TEST(Document, MergeRejectsDifferentActorsWithOneIdNamingBothFiles) {
  auto a = doc_with({person("xi", "Xi Jinping")}, "a.json");
  auto b = doc_with({person("putin", "Vladimir Putin"), person("xi", "Xi")}, "b.json");
  try {
    diplo::io::merge(a, std::move(b));
    FAIL() << "no error";
  } catch (const diplo::validation_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "[diplo.io] 1 error\n  b.json:2:3: error: actor \"xi\" differs from the one read "
              "at a.json:1:3");
  }
  EXPECT_EQ(a.actors.size(), 1U);  // unchanged
}

TEST(Document, BuildReportsAtTheOrigins) {
  auto d = doc_with({person("xi", "Xi Jinping"), person("putin", "Vladimir Putin")}, "a.json");
  d.events.push_back(call("c1", "2022-02-04"));
  d.events.push_back(call("c1", "2022-03-04"));
  d.origins = {{"a.json", 10, 5}, {"a.json", 20, 5}};
  try {
    (void)diplo::io::build(std::move(d));
    FAIL() << "no error";
  } catch (const diplo::validation_error& e) {
    ASSERT_FALSE(e.diagnostics().empty());
    EXPECT_EQ(fmt::format("{}", e.diagnostics()[0]), "a.json:20:5: error: event \"c1\": duplicate id");
  }
}

TEST(Document, ToDocumentCopiesTheTimeline) {
  auto d = doc_with({person("xi", "Xi Jinping"), person("putin", "Vladimir Putin")}, "a.json");
  d.events.push_back(call("later", "2023-02-04"));
  d.events.push_back(call("earlier", "2022-02-04"));
  const diplo::timeline t = diplo::io::build(std::move(d));
  const diplo::io::document back = diplo::io::to_document(t, {.title = "T"});
  EXPECT_EQ(back.info.title, "T");
  ASSERT_EQ(back.events.size(), 2U);
  EXPECT_EQ(diplo::base(back.events[0]).id, event_id{"earlier"});  // timeline order
  EXPECT_EQ(back.origins.size(), 2U);
  EXPECT_EQ(back.actors.size(), 2U);
  EXPECT_EQ(diplo::io::to_json(diplo::io::build(back)), diplo::io::to_json(t));
}

TEST(Document, DatasetInfoFormats) {
  static_assert(std::regular<diplo::io::dataset_info>);
  const diplo::io::dataset_info info{
      .title = "Xi-Putin", .coverage = "2013/2025", .as_of = {}, .license = {}, .description = {}};
  EXPECT_EQ(fmt::format("{}", info), "Xi-Putin (2013/2025)");
  EXPECT_EQ(fmt::format("{:>22}", info), "  Xi-Putin (2013/2025)");
  EXPECT_EQ(fmt::format("{}",
                        diplo::io::dataset_info{
                            .title = {}, .coverage = "2013", .as_of = {}, .license = {}, .description = {}}),
            "2013");
  EXPECT_EQ(diplo::io::max_diagnostics, 100U);
}

TEST(Check, SortsByPositionAndCapsTheErrors) {
  std::vector<diplo::diagnostic> d = {
      {diplo::severity::error, "f", 0, 0, "whole file"},
      {diplo::severity::warning, "f", 12, 0, "whole line"},
      {diplo::severity::error, "f", 12, 5, "b"},
      {diplo::severity::error, "f", 3, 9, "a"},
  };
  diplo::io::sort_by_position(d);
  EXPECT_EQ(d[0].message, "a");
  EXPECT_EQ(d[1].message, "b");
  EXPECT_EQ(d[2].message, "whole line");
  EXPECT_EQ(d[3].message, "whole file");

  std::vector<diplo::diagnostic> many;
  for (std::uint32_t i = 1; i <= 150; ++i) many.push_back({diplo::severity::error, "f", i, 1, "x"});
  const auto r = diplo::io::check(diplo::io::document{}, std::move(many));
  ASSERT_EQ(r.diagnostics.size(), diplo::io::max_diagnostics + 1);
  EXPECT_EQ(fmt::format("{}", r.diagnostics.back()), "f: error: ... and 50 more errors");
  EXPECT_EQ(r.errors(), 150U);
}

TEST(Check, MergeJoinsWhatWasLeftOut) {
  std::vector<diplo::diagnostic> problems;
  auto a = diplo::io::read_json_lenient(
      R"({"diplo": 1, "events": [{"id": "x", "kind": "meeting", "when": "2024-02-30"}]})", "a.json",
      problems);
  auto b = diplo::io::read_json_lenient(
      R"({"diplo": 1, "events": [{"id": "y", "kind": "meeting", "when": "2024-02-01", "parent": "x",
          "participants": ["p", "q"]}], "actors": [{"id": "p", "kind": "person", "name": "P"},
          {"id": "q", "kind": "person", "name": "Q"}]})",
      "b.json", problems);
  diplo::io::merge(a, std::move(b));
  EXPECT_EQ(a.left_out.count, 1U);
  EXPECT_EQ(a.left_out.event_ids, (std::vector<std::string>{"x"}));
  const auto r = diplo::io::check(std::move(a), std::move(problems));
  ASSERT_EQ(r.diagnostics.size(), 1U);  // the bad date; no "unknown parent" for "y"
  EXPECT_EQ(r.diagnostics[0].where, "a.json");
  EXPECT_EQ(r.events, 1U);
}

}  // namespace

namespace {
TEST(DocumentFormat, DocumentsReportsAndLeftOutRecords) {
  diplo::io::document d;
  d.info.title = "Xi-Putin meetings";
  d.info.coverage = "2013/2025";
  EXPECT_EQ(fmt::format("{}", d), "0 events, 0 actors: Xi-Putin meetings (2013/2025)");
  diplo::io::left_out_records l;
  l.count = 2;
  l.event_ids = {"a", "b"};
  l.stopped = true;
  EXPECT_EQ(fmt::format("{}", l), "2 records left out (events: a, b), reading stopped early");
  diplo::io::check_report r;
  r.events = 3;
  r.actors = 2;
  EXPECT_EQ(fmt::format("{:>25}", r), "   ok, 3 events, 2 actors");
  r.diagnostics.push_back({diplo::severity::error, "f.json", 1, 1, "bad"});
  EXPECT_EQ(fmt::format("{}", r), "1 error, 0 warnings");
}
}  // namespace
