// SPDX-License-Identifier: MIT
#include <diplo/io/ics.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <diplo/detail/utf8.h>
#include <diplo/io/document.h>
#include <diplo/io/json.h>
#include <diplo/query.h>

namespace {

using diplo::io::ics_fold;
using diplo::io::ics_text;

// The lines of iCalendar text, unfolded (RFC 5545 §3.1: CRLF and one space removed).
auto unfolded_lines(const std::string& text) -> std::vector<std::string> {
  std::string flat;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    flat += text[i];
  }
  std::vector<std::string> lines;
  std::size_t at = 0;
  while (at < flat.size()) {
    const std::size_t end = flat.find("\r\n", at);
    lines.push_back(flat.substr(at, end - at));
    at = end + 2;
  }
  return lines;
}

auto has_line(const std::vector<std::string>& lines, const std::string& l) -> bool {
  return std::find(lines.begin(), lines.end(), l) != lines.end();
}

TEST(Ics, EscapesText) {
  EXPECT_EQ(ics_text("a\\b;c,d:e\"f"), "a\\\\b\\;c\\,d:e\"f");
  EXPECT_EQ(ics_text("one\ntwo\r\nthree\rfour"), "one\\ntwo\\nthree\\nfour");
  EXPECT_EQ(ics_text("tab\there"), "tab\there");
  EXPECT_EQ(ics_text(std::string_view("bell\x07 nul\0 del\x7F.", 17)), "bell nul del.");
  EXPECT_EQ(ics_text("Путин 习近平"), "Путин 习近平");
  EXPECT_EQ(ics_text("a\xFFz\xC3"), "a\xEF\xBF\xBDz\xEF\xBF\xBD");
}

TEST(Ics, FoldsAtSeventyFiveOctets) {
  EXPECT_EQ(ics_fold("SUMMARY:short"), "SUMMARY:short\r\n");
  const std::string l75(75, 'a');
  EXPECT_EQ(ics_fold(l75), l75 + "\r\n");
  EXPECT_EQ(ics_fold(l75 + "b"), l75 + "\r\n b\r\n");
  // The first line holds 75 octets, each continuation a space and 74.
  EXPECT_EQ(ics_fold(std::string(75 + 74 + 1, 'c')),
            std::string(75, 'c') + "\r\n " + std::string(74, 'c') + "\r\n c\r\n");
  // Never inside a character: 74 ASCII octets then a 3-octet character goes to the next line.
  EXPECT_EQ(ics_fold(std::string(74, 'x') + "习"), std::string(74, 'x') + "\r\n 习\r\n");
}

// The oracle: any text, escaped and folded, gives lines of at most 75 octets that are each
// valid UTF-8, and unfolds to the escaped text.
TEST(Ics, FoldingKeepsEveryTextWhole) {
  const std::vector<std::string> pieces = {"a",    " ",   ",", ";", "\\", "\n", "é", "习", "\xF0\x9F\x98\x80",
                                           "\xFF", "\x01"};
  std::mt19937 rng(5);
  for (int k = 0; k < 3000; ++k) {
    std::string s;
    for (unsigned n = rng() % 300; n > 0; --n) s += pieces[rng() % pieces.size()];
    const std::string value = "DESCRIPTION:" + ics_text(s);
    const std::string folded = ics_fold(value);
    ASSERT_TRUE(folded.ends_with("\r\n"));
    std::size_t at = 0;
    while (at < folded.size()) {
      const std::size_t end = folded.find("\r\n", at);
      ASSERT_LE(end - at, 75U) << k;
      ASSERT_TRUE(diplo::detail::is_valid_utf8(std::string_view(folded).substr(at, end - at))) << k;
      at = end + 2;
    }
    const auto lines = unfolded_lines(folded);
    ASSERT_EQ(lines.size(), 1U);
    ASSERT_EQ(lines.front(), value);
  }
}

const char* const sample = R"({
  "diplo": 1,
  "actors": [
    {"id": "ann", "kind": "person", "name": "Ann Example", "country": "FR"},
    {"id": "ben", "kind": "person", "name": "Ben Sample", "country": "DE"}
  ],
  "events": [
    {"id": "v1", "kind": "visit", "when": "2025-05-07/2025-05-10", "place": {"city": "Berlin", "country": "DE"},
     "guests": ["ann"], "host": "ben", "host_country": "DE", "level": "state",
     "description": "Talks; a banquet, and a wreath-laying.",
     "sources": [{"url": "https://example.org/v1", "publisher": "Example News", "title": "Ann in Berlin", "published": "2025-05-11"}]},
    {"id": "t1", "kind": "meeting", "when": "2025-05-08", "parent": "v1", "participants": ["ann", "ben"],
     "starts_at": "2025-05-08T12:00:00Z", "ends_at": "2025-05-08T14:30:00Z"},
    {"id": "m1", "kind": "meeting", "when": "2024-10~", "participants": ["ann", "ben"], "place": {"country": "FR"}},
    {"id": "p1", "kind": "meeting", "status": "planned", "when": "2026-03", "participants": ["ann", "ben"]},
    {"id": "c1", "kind": "meeting", "status": "cancelled", "when": "2023-01-05", "participants": ["ann", "ben"]},
    {"id": "o1", "kind": "visit", "when": "2022-02-03/..", "guests": ["ben"], "host_country": "FR"},
    {"id": "u1", "kind": "visit", "when": "/2021-06-30", "guests": ["ann"], "host_country": "DE"}
  ]
})";

auto sample_timeline() -> diplo::timeline {
  return diplo::io::build(diplo::io::read_json(sample, "sample.json"));
}

auto event_lines(const std::vector<std::string>& lines, const std::string& uid) -> std::vector<std::string> {
  auto it = std::find(lines.begin(), lines.end(), "UID:" + uid);
  std::vector<std::string> out;
  for (; it != lines.end() && *it != "END:VEVENT"; ++it) out.push_back(*it);
  return out;
}

TEST(Ics, WritesOneCalendarWithAnEventForEachEventGiven) {
  const auto t = sample_timeline();
  const auto events = diplo::events_with(t, {}, {.calls = true, .planned = true, .cancelled = true});
  ASSERT_EQ(events.size(), 7U);
  const std::string text = diplo::io::to_ics(t, events, {.uid_domain = "example.org", .name = "Ann, Ben"});
  EXPECT_EQ(text.find('\n'), text.find("\r\n") + 1);  // CRLF from the first line on
  for (std::size_t i = text.find('\n'); i != std::string::npos; i = text.find('\n', i + 1)) {
    ASSERT_EQ(text[i - 1], '\r') << "a bare LF at " << i;
  }
  const auto lines = unfolded_lines(text);
  EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  EXPECT_TRUE(has_line(lines, "VERSION:2.0"));
  EXPECT_TRUE(has_line(lines, "X-WR-CALNAME:Ann\\, Ben"));
  EXPECT_EQ(std::count(lines.begin(), lines.end(), "BEGIN:VEVENT"), 7);
  EXPECT_EQ(std::count(lines.begin(), lines.end(), "END:VEVENT"), 7);
  for (const auto& l : lines) EXPECT_EQ(l.find("METHOD"), std::string::npos);
}

TEST(Ics, DaysAreAllDayWithTheEndExclusive) {
  const auto t = sample_timeline();
  const auto lines = unfolded_lines(diplo::io::to_ics(t, diplo::events_with(t, {})));
  const auto v1 = event_lines(lines, "v1@diplo");
  EXPECT_TRUE(has_line(v1, "DTSTART;VALUE=DATE:20250507"));
  EXPECT_TRUE(has_line(v1, "DTEND;VALUE=DATE:20250511"));
  EXPECT_TRUE(has_line(v1, "DTSTAMP:20250511T000000Z"));  // its source's publication day
  EXPECT_TRUE(has_line(v1, "SUMMARY:Ann Example — state visit to Germany (Berlin)"));
  EXPECT_TRUE(has_line(v1, "LOCATION:Berlin\\, Germany"));
  EXPECT_TRUE(has_line(v1, "URL:https://example.org/v1"));
  EXPECT_TRUE(has_line(v1, "STATUS:CONFIRMED"));
  EXPECT_TRUE(has_line(v1, "CATEGORIES:visit\\,state"));
  EXPECT_FALSE(has_line(v1, "X-EDTF:2025-05-07/2025-05-10"));  // exact days need none
  const std::string description =
      "DESCRIPTION:Talks\\; a banquet\\, and a wreath-laying.\\n\\nWhen: 7–10 May 2025"
      "\\n\\nTaking part: Ann Example and Ben Sample\\n\\nSources:\\n- Example News: "
      "Ann in Berlin <https://example.org/v1> (11 May 2025)";
  EXPECT_TRUE(has_line(v1, description)) << ::testing::PrintToString(v1);
}

TEST(Ics, InstantsAreInUtcAndNestedEventsPointToTheirParent) {
  const auto t = sample_timeline();
  const auto t1 = event_lines(unfolded_lines(diplo::io::to_ics(t, diplo::events_with(t, {}))), "t1@diplo");
  EXPECT_TRUE(has_line(t1, "DTSTART:20250508T120000Z"));
  EXPECT_TRUE(has_line(t1, "DTEND:20250508T143000Z"));
  EXPECT_TRUE(has_line(t1, "RELATED-TO:v1@diplo"));
}

TEST(Ics, PartialDatesSpanEveryPossibleDayAndKeepTheirEdtf) {
  const auto t = sample_timeline();
  const auto lines = unfolded_lines(diplo::io::to_ics(t, diplo::events_with(t, {})));
  const auto m1 = event_lines(lines, "m1@diplo");
  EXPECT_TRUE(has_line(m1, "DTSTART;VALUE=DATE:20241001"));
  EXPECT_TRUE(has_line(m1, "DTEND;VALUE=DATE:20241101"));
  EXPECT_TRUE(has_line(m1, "X-EDTF:2024-10~"));
  EXPECT_TRUE(has_line(m1, "DTSTAMP:20241001T000000Z"));  // no source: its first possible day
  const auto o1 = event_lines(lines, "o1@diplo");         // an open end: the known day only
  EXPECT_TRUE(has_line(o1, "DTSTART;VALUE=DATE:20220203"));
  EXPECT_TRUE(has_line(o1, "DTEND;VALUE=DATE:20220204"));
  EXPECT_TRUE(has_line(o1, "X-EDTF:2022-02-03/.."));
  const auto u1 = event_lines(lines, "u1@diplo");  // an unknown start: the known last day
  EXPECT_TRUE(has_line(u1, "DTSTART;VALUE=DATE:20210630"));
  EXPECT_TRUE(has_line(u1, "DTEND;VALUE=DATE:20210701"));
  EXPECT_TRUE(has_line(u1, "X-EDTF:/2021-06-30"));
}

TEST(Ics, StatusFollowsTheEventsAndTheStampTheOptions) {
  const auto t = sample_timeline();
  const auto events = diplo::events_with(t, {}, {.planned = true, .cancelled = true});
  const auto lines =
      unfolded_lines(diplo::io::to_ics(t, events, {.stamp = date::sys_days{date::year{2026} / 2 / 4}}));
  EXPECT_TRUE(has_line(event_lines(lines, "p1@diplo"), "STATUS:TENTATIVE"));
  EXPECT_TRUE(has_line(event_lines(lines, "c1@diplo"), "STATUS:CANCELLED"));
  EXPECT_TRUE(has_line(event_lines(lines, "v1@diplo"), "DTSTAMP:20260204T000000Z"));
  EXPECT_TRUE(has_line(event_lines(lines, "p1@diplo"), "DTSTAMP:20260204T000000Z"));
}

TEST(Ics, WriteIcsWritesWhatToIcsGivesAndReportsAFailedStream) {
  const auto t = sample_timeline();
  const auto events = diplo::events_with(t, {});
  std::ostringstream out;
  diplo::io::write_ics(out, t, events);
  EXPECT_EQ(out.str(), diplo::io::to_ics(t, events));
  std::ostringstream broken;
  broken.setstate(std::ios::badbit);
  EXPECT_THROW(diplo::io::write_ics(broken, t, events), diplo::error);
  // No events: a calendar without any.
  const auto none = unfolded_lines(diplo::io::to_ics(t, {}));
  EXPECT_EQ(std::count(none.begin(), none.end(), "BEGIN:VEVENT"), 0);
  EXPECT_EQ(none.back(), "END:VCALENDAR");
}

}  // namespace
