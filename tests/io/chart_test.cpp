// SPDX-License-Identifier: MIT
#include <diplo/io/chart.h>

#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <diplo/detail/json.h>
#include <diplo/io/document.h>
#include <diplo/io/json.h>
#include <diplo/query.h>
#include <diplo/synthetic.h>

namespace {

const char* const sample = R"({
  "diplo": 1,
  "actors": [
    {"id": "ann", "kind": "person", "name": "Ann <A&B>"},
    {"id": "ben", "kind": "person", "name": "Ben"},
    {"id": "cy", "kind": "person", "name": "Cy"}
  ],
  "events": [
    {"id": "v1", "kind": "visit", "when": "2020-05-07/2020-05-10", "place": {"city": "Berlin"}, "guests": ["ann"],
     "host": "ben", "host_country": "DE"},
    {"id": "m1", "kind": "meeting", "when": "2021-10~", "participants": ["ann", "ben"], "place": {"country": "FR"}},
    {"id": "c1", "kind": "meeting", "when": "2022-01-05", "participants": ["ann", "cy"], "mode": "phone"},
    {"id": "s1", "kind": "summit", "when": "2022-06-01", "name": "A \"big\" summit", "attendees": ["ann", "ben", "cy"]}
  ]
})";

auto sample_timeline() -> diplo::timeline {
  return diplo::io::build(diplo::io::read_json(sample, "sample.json"));
}

// (event id, kind) of each mark, in order.
auto marks(const std::string& svg) -> std::vector<std::pair<std::string, std::string>> {
  std::vector<std::pair<std::string, std::string>> out;
  const std::regex mark(R"re(<g class="mark (\w+)" data-event="([^"]*)">)re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), mark); it != std::sregex_iterator(); ++it) {
    out.emplace_back((*it)[2], (*it)[1]);
  }
  return out;
}

TEST(Chart, EachEventIsMarkedInEachOfItsLanesWithTheShapeOfItsKind) {
  const auto t = sample_timeline();
  const std::string svg =
      diplo::io::to_svg(t, diplo::events_with(t, {}, {.calls = true}), {.title = "A & B"});
  EXPECT_TRUE(svg.starts_with(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_TRUE(svg.ends_with("</svg>\n"));
  const auto m = marks(svg);
  std::multiset<std::string> ids;
  std::map<std::string, std::string> kinds;
  for (const auto& [id, kind] : m) {
    ids.insert(id);
    kinds[id] = kind;
  }
  EXPECT_EQ(ids.count("v1"), 2U);  // Ann's lane and Ben's
  EXPECT_EQ(ids.count("m1"), 2U);
  EXPECT_EQ(ids.count("c1"), 2U);
  EXPECT_EQ(ids.count("s1"), 3U);
  EXPECT_EQ(kinds["v1"], "visit");
  EXPECT_EQ(kinds["m1"], "meeting");
  EXPECT_EQ(kinds["c1"], "call");
  EXPECT_EQ(kinds["s1"], "summit");
  // Lanes: Ann (4 events), Ben (3), Cy (2), names escaped.
  const auto ann = svg.find(">Ann &lt;A&amp;B&gt;</text>");
  const auto ben = svg.find(">Ben</text>");
  const auto cy = svg.find(">Cy</text>");
  ASSERT_NE(ann, std::string::npos);
  EXPECT_LT(ann, ben);
  EXPECT_LT(ben, cy);
  EXPECT_NE(svg.find("<title>A &amp; B</title>"), std::string::npos);
  EXPECT_NE(svg.find("A &quot;big&quot; summit"), std::string::npos);
}

TEST(Chart, ARoughDateIsAFuzzyBandOverItsPossibleDays) {
  const auto t = sample_timeline();
  const std::string svg = diplo::io::to_svg(t, diplo::events_with(t, {}, {.calls = true}));
  const auto at = svg.find("data-event=\"m1\"");
  const std::string m1 = svg.substr(at, svg.find("</g>", at) - at);
  EXPECT_NE(m1.find("stroke-dasharray"), std::string::npos) << m1;  // the band
  EXPECT_NE(m1.find("<circle"), std::string::npos);                 // the mark in its middle
  const auto v = svg.find("data-event=\"v1\"");
  EXPECT_EQ(svg.substr(v, svg.find("</g>", v) - v).find("stroke-dasharray"), std::string::npos);
}

TEST(Chart, LanesPastTheMostShareOneForTheOthersAndCountriesAreLanesToo) {
  const auto t = sample_timeline();
  const auto events = diplo::events_with(t, {}, {.calls = true});
  const std::string one = diplo::io::to_svg(t, events, {.max_lanes = 1});  // Ann's: she is in every event
  EXPECT_EQ(one.find(">Ben</text>"), std::string::npos);
  EXPECT_EQ(one.find(">Others</text>"), std::string::npos);
  EXPECT_EQ(marks(one).size(), 4U);
  const std::string by_country = diplo::io::to_svg(t, events, {.lanes = diplo::io::chart_lanes::country});
  EXPECT_NE(by_country.find(">Germany</text>"), std::string::npos);
  EXPECT_NE(by_country.find(">France</text>"), std::string::npos);
  EXPECT_NE(by_country.find(">Others</text>"), std::string::npos);  // the call and the summit have no country
}

// The oracle for labels: on a crowded synthetic world, the labels of each row of each lane
// never overlap (by the width the chart reckons them) and stay within the picture.
TEST(Chart, LabelsDoNotCollide) {
  auto t = diplo::io::build(diplo::synthetic::generate({.events = 600, .seed = 4, .countries = 6}));
  const std::string svg = diplo::io::to_svg(t, diplo::events_with(t, {}, {.calls = true}), {.width = 1200});
  const std::regex label(
      R"re(<text x="([0-9.]+)" y="([0-9]+)" font-size="10\.5" fill="#444">([^<]*)</text>)re");
  std::map<int, std::vector<std::pair<double, double>>> rows;  // y -> [x0, x1)
  std::size_t n = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), label); it != std::sregex_iterator();
       ++it, ++n) {
    const double x0 = std::stod((*it)[1]);
    const double width = 6.2 * static_cast<double>(diplo::detail::display_width((*it)[3].str()));
    rows[std::stoi((*it)[2])].emplace_back(x0, x0 + width);
    EXPECT_LE(x0 + width, 1200.0 - 3);
  }
  ASSERT_GT(n, 50U);
  for (auto& [y, spans] : rows) {
    std::sort(spans.begin(), spans.end());
    for (std::size_t k = 1; k < spans.size(); ++k)
      ASSERT_LE(spans[k - 1].second, spans[k].first) << "row " << y;
  }
}

TEST(Chart, HtmlHasTheChartAndATableRowPerEvent) {
  const auto t = sample_timeline();
  const auto events = diplo::events_with(t, {}, {.calls = true});
  const std::string html = diplo::io::to_html(t, events, {.title = "A & B", .footer = "Data: test"});
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  EXPECT_NE(html.find("<title>A &amp; B</title>"), std::string::npos);
  EXPECT_NE(html.find("<svg xmlns"), std::string::npos);
  EXPECT_EQ(html.find("<?xml"), std::string::npos);
  for (const char* id : {"v1", "m1", "c1", "s1"}) {
    EXPECT_NE(html.find(std::string("<tr id=\"event-") + id + "\">"), std::string::npos) << id;
  }
  EXPECT_NE(html.find("<footer>Data: test</footer>"), std::string::npos);
  for (const char* fetch : {"<script", "<link", "src=", "url("}) {  // nothing to fetch
    EXPECT_EQ(html.find(fetch), std::string::npos) << fetch;
  }
}

TEST(Chart, WritersWriteWhatTheTextsAreAndReportAFailedStream) {
  const auto t = sample_timeline();
  const auto events = diplo::events_with(t, {});
  std::ostringstream svg;
  diplo::io::write_svg(svg, t, events);
  EXPECT_EQ(svg.str(), diplo::io::to_svg(t, events));
  std::ostringstream html;
  diplo::io::write_html(html, t, events);
  EXPECT_EQ(html.str(), diplo::io::to_html(t, events));
  std::ostringstream broken;
  broken.setstate(std::ios::badbit);
  EXPECT_THROW(diplo::io::write_svg(broken, t, events), diplo::error);
  EXPECT_THROW(diplo::io::write_html(broken, t, events), diplo::error);
}

}  // namespace
