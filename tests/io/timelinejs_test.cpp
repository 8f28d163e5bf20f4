// SPDX-License-Identifier: MIT
#include <diplo/io/timelinejs.h>

#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include <diplo/io/document.h>
#include <diplo/io/json.h>
#include <diplo/query.h>

namespace {

const char* const sample = R"({
  "diplo": 1,
  "actors": [
    {"id": "ann", "kind": "person", "name": "Ann <Example>"},
    {"id": "ben", "kind": "person", "name": "Ben"}
  ],
  "events": [
    {"id": "v1", "kind": "visit", "when": "2025-05-07/2025-05-10", "guests": ["ann"], "host": "ben", "host_country": "DE",
     "description": "Talks & a \"banquet\".",
     "sources": [{"url": "https://example.org/v?a=1&b=2", "publisher": "Example", "title": "Ann's visit"}]},
    {"id": "m1", "kind": "meeting", "when": "2024-10~", "participants": ["ann", "ben"], "mode": "phone"},
    {"id": "p1", "kind": "meeting", "status": "planned", "when": "2026-03", "participants": ["ann", "ben"]},
    {"id": "o1", "kind": "summit", "when": "2022-02-03/..", "name": "Open summit", "attendees": ["ann", "ben"]},
    {"id": "x1", "kind": "ceremony", "when": "2023-XX", "name": "Some ceremony", "attendees": ["ann"]}
  ]
})";

auto export_all() -> std::string {
  const auto t = diplo::io::build(diplo::io::read_json(sample, "sample.json"));
  return diplo::io::to_timelinejs(t, diplo::events_with(t, {}, {.calls = true, .planned = true}),
                                  {.title = "Ann & Ben", .text = "Two <people>"});
}

auto slide_of(const std::string& all, const std::string& id) -> std::string {
  const auto end = all.find("\"unique_id\": \"event-" + id + "\"");
  const auto start = all.rfind("\"start_date\"", end);
  return all.substr(start, end - start);
}

TEST(TimelineJs, TitleSlideFirstWithItsTextEscaped) {
  const std::string all = export_all();
  EXPECT_EQ(all.find("{\n  \"title\": {\n    \"text\": {\"headline\": \"Ann &amp; Ben\", \"text\": \"<p>Two "
                     "&lt;people&gt;</p>\"},"),
            0U)
      << all.substr(0, 200);
  EXPECT_TRUE(all.ends_with("}\n"));
}

TEST(TimelineJs, DaysToTheirPrecisionAndInWords) {
  const std::string all = export_all();
  const std::string v1 = slide_of(all, "v1");
  EXPECT_NE(v1.find(R"("start_date": {"year": 2025, "month": 5, "day": 7})"), std::string::npos) << v1;
  EXPECT_NE(v1.find(R"("end_date": {"year": 2025, "month": 5, "day": 10})"), std::string::npos);  // inclusive
  EXPECT_NE(v1.find(R"("display_date": "7–10 May 2025")"), std::string::npos);
  const std::string m1 = slide_of(all, "m1");
  EXPECT_NE(m1.find(R"("start_date": {"year": 2024, "month": 10})"), std::string::npos) << m1;
  EXPECT_EQ(m1.find("end_date"), std::string::npos);
  EXPECT_NE(m1.find(R"("group": "Calls")"), std::string::npos);
  const std::string p1 = slide_of(all, "p1");
  EXPECT_NE(p1.find(R"x("display_date": "March 2026 (planned)")x"), std::string::npos) << p1;
  EXPECT_NE(p1.find(R"("group": "Meetings")"), std::string::npos);
  const std::string o1 = slide_of(all, "o1");  // an open end: no end date
  EXPECT_NE(o1.find(R"("start_date": {"year": 2022, "month": 2, "day": 3})"), std::string::npos) << o1;
  EXPECT_EQ(o1.find("end_date"), std::string::npos);
  EXPECT_NE(o1.find(R"("group": "Summits")"), std::string::npos);
  const std::string x1 = slide_of(all, "x1");  // 'X' digits: the year alone
  EXPECT_NE(x1.find(R"("start_date": {"year": 2023})"), std::string::npos) << x1;
}

TEST(TimelineJs, TextIsHtmlWithTheDataEscaped) {
  const std::string v1 = slide_of(export_all(), "v1");
  EXPECT_NE(v1.find(R"("headline": "Ann &lt;Example&gt; — visit to Germany")"), std::string::npos) << v1;
  EXPECT_NE(v1.find(R"(<p>Talks &amp; a &quot;banquet&quot;.</p>)"), std::string::npos);
  EXPECT_NE(v1.find(R"(<a href=\"https://example.org/v?a=1&amp;b=2\">Example: Ann&#39;s visit</a>)"),
            std::string::npos);
  EXPECT_NE(v1.find(R"("url": "https://example.org/v?a=1&b=2",)"), std::string::npos);  // a URL, not HTML
  EXPECT_NE(v1.find(R"("caption": "Ann&#39;s visit",)"), std::string::npos);
  EXPECT_NE(v1.find(R"("credit": "Example")"), std::string::npos);
  EXPECT_NE(v1.find(R"("group": "Visits")"), std::string::npos);
}

TEST(TimelineJs, WriteTimelinejsWritesTheTextAndReportsAFailedStream) {
  const auto t = diplo::io::build(diplo::io::read_json(sample, "sample.json"));
  const auto events = diplo::events_with(t, {});
  std::ostringstream out;
  diplo::io::write_timelinejs(out, t, events);
  EXPECT_EQ(out.str(), diplo::io::to_timelinejs(t, events));
  std::ostringstream broken;
  broken.setstate(std::ios::badbit);
  EXPECT_THROW(diplo::io::write_timelinejs(broken, t, events), diplo::error);
}

}  // namespace
