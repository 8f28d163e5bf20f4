// SPDX-License-Identifier: MIT
#include <diplo/detail/json.h>
#include <diplo/detail/record_json.h>

#include <string>

#include <gtest/gtest.h>

namespace {

using diplo::detail::json;
using diplo::detail::record_style;
using diplo::detail::to_json;

auto compact(const json& j) -> std::string {
  std::string out;
  j.write_compact(out);
  return out;
}

TEST(Json, WritesScalars) {
  EXPECT_EQ(json().dump(), "null\n");
  EXPECT_EQ(json(true).dump(), "true\n");
  EXPECT_EQ(json(false).dump(), "false\n");
  EXPECT_EQ(json(-42).dump(), "-42\n");
  EXPECT_EQ(json(std::size_t{18446744073709551615U} >> 1).dump(), "9223372036854775807\n");
  EXPECT_EQ(json("a \"b\"\n\xFF").dump(), "\"a \\\"b\\\"\\n\\ufffd\"\n");
}

TEST(Json, CompactIsOneLine) {
  json o = json::make_object(json::fold::spread);  // the fold is for `pretty` only
  o.set("a", 1).set("b", json::array{"x", nullptr, json::object{{"c", true}}}).set("d", json::make_array());
  o.set("e", json::make_object());
  EXPECT_EQ(compact(o), R"({"a": 1, "b": ["x", null, {"c": true}], "d": [], "e": {}})");
}

TEST(Json, PrettyFoldsSmallObjectsOfScalarsOntoOneLine) {
  json o = json::make_object();
  o.set("city", "Kazan").set("country", "RU").set("days", json::array{1, 2});
  EXPECT_EQ(o.dump(), "{\"city\": \"Kazan\", \"country\": \"RU\", \"days\": [1, 2]}\n");
}

TEST(Json, PrettySpreadsAnObjectThatWouldPassOneHundredColumns) {
  json o = json::make_object();
  o.set("a", std::string(80, 'x'));
  EXPECT_EQ(o.dump().find('\n'), o.dump().size() - 1);  // 89 columns: one line
  o.set("b", std::string(10, 'y'));
  EXPECT_EQ(o.dump(), "{\n  \"a\": \"" + std::string(80, 'x') + "\",\n  \"b\": \"yyyyyyyyyy\"\n}\n");
}

TEST(Json, CountsColumnsAsATerminalShowsThem) {
  // 45 CJK characters are 135 bytes but 90 columns: with the braces and key, 99 columns.
  std::string wide;
  for (int i = 0; i < 45; ++i) wide += "习";
  json o = json::make_object();
  o.set("k", wide);
  EXPECT_EQ(o.dump(), "{\"k\": \"" + wide + "\"}\n");
  o = json::make_object();
  o.set("kk", wide + "习");  // 102 columns
  EXPECT_NE(o.dump().find("{\n  \"kk\""), std::string::npos);
  EXPECT_EQ(diplo::detail::display_width(wide), 90U);
  EXPECT_EQ(diplo::detail::display_width("e\xCC\x81"), 1U);  // a combining accent takes none
}

TEST(Json, FoldsByTheColumnWhereTheObjectStarts) {
  json inner = json::make_object();
  inner.set("a", std::string(85, 'x'));  // 94 columns alone
  json outer = json::make_object(json::fold::spread);
  outer.set("k", inner);
  // At column 7 ("  \"k\": ") it would end at 101: spread.
  EXPECT_EQ(outer.dump(), "{\n  \"k\": {\n    \"a\": \"" + std::string(85, 'x') + "\"\n  }\n}\n");
}

TEST(Json, OneLineAndSpreadAreKeptWhateverTheSize) {
  json line = json::make_object(json::fold::one_line);
  line.set("url", std::string(200, 'u'));
  json spread = json::make_object(json::fold::spread);
  spread.set("id", "x");
  spread.set("sources", json::array{line, line});
  const std::string u = "{\"url\": \"" + std::string(200, 'u') + "\"}";
  EXPECT_EQ(spread.dump(), "{\n  \"id\": \"x\",\n  \"sources\": [\n    " + u + ",\n    " + u + "\n  ]\n}\n");
}

TEST(Json, ArraysOfScalarsStayOnOneLineOthersOneItemALine) {
  json a = json::array{"a", "b"};
  EXPECT_EQ(a.dump(), "[\"a\", \"b\"]\n");
  json nested = json::array{json::array{1}, 2};
  EXPECT_EQ(nested.dump(), "[\n  [1],\n  2\n]\n");
  EXPECT_EQ(json::make_array().dump(), "[]\n");
  EXPECT_EQ(json::make_object(json::fold::spread).dump(), "{}\n");
}

TEST(Json, WritePrettyIndentsFromWhereTheValueStarts) {
  json o = json::make_object(json::fold::spread);
  o.set("a", 1);
  std::string out = "    ";
  o.write_pretty(out, 4);
  EXPECT_EQ(out, "    {\n      \"a\": 1\n    }");
}

TEST(Json, EmptyIsForContainersOnly) {
  EXPECT_TRUE(json::make_array().empty());
  EXPECT_TRUE(json::make_object().empty());
  EXPECT_FALSE(json("").empty());
  EXPECT_FALSE(json(nullptr).empty());
  EXPECT_FALSE(json::array{1}.empty());
}

diplo::event sample_meeting() {
  diplo::meeting m;
  m.id = diplo::event_id("2024-10-22-kazan-talks");
  m.when = diplo::period::parse("2024-10-22");
  m.participants = {diplo::actor_id("xi-jinping"), diplo::actor_id("vladimir-putin")};
  m.place.city = "Kazan";
  m.place.country = diplo::country_code("RU");
  return m;
}

TEST(RecordJson, CanonicalLeavesOutDefaultsAndCompleteShowsThem) {
  const diplo::event e = sample_meeting();
  EXPECT_EQ(to_json(e).dump(),
            "{\n"
            "  \"id\": \"2024-10-22-kazan-talks\",\n"
            "  \"kind\": \"meeting\",\n"
            "  \"when\": \"2024-10-22\",\n"
            "  \"place\": {\"city\": \"Kazan\", \"country\": \"RU\"},\n"
            "  \"participants\": [\"xi-jinping\", \"vladimir-putin\"]\n"
            "}\n");
  std::string line;
  to_json(e, record_style::complete).write_compact(line);
  EXPECT_EQ(
      line,
      R"({"id": "2024-10-22-kazan-talks", "kind": "meeting", "status": "occurred", "when": "2024-10-22", )"
      R"("place": {"city": "Kazan", "country": "RU"}, "participants": ["xi-jinping", "vladimir-putin"], )"
      R"("mode": "in_person", "sources": []})");
}

TEST(RecordJson, CompleteShowsEmptyListsOfEveryKind) {
  diplo::visit v;
  v.id = diplo::event_id("v");
  v.when = diplo::period::parse("2025");
  std::string line;
  to_json(diplo::event(v), record_style::complete).write_compact(line);
  EXPECT_EQ(line, R"({"id": "v", "kind": "visit", "status": "occurred", "when": "2025", "guests": [], )"
                  R"("level": "unspecified", "sources": []})");
  line.clear();
  to_json(diplo::event(v)).write_compact(line);
  EXPECT_EQ(line, R"({"id": "v", "kind": "visit", "when": "2025"})");
  diplo::summit s;
  s.id = diplo::event_id("s");
  s.when = diplo::period::parse("2025");
  s.host = diplo::actor_id("h");
  line.clear();
  to_json(diplo::event(s), record_style::complete).write_compact(line);
  EXPECT_EQ(
      line,
      R"({"id": "s", "kind": "summit", "status": "occurred", "when": "2025", "host": "h", "attendees": [], )"
      R"("sources": []})");
}

}  // namespace
