// SPDX-License-Identifier: MIT
// The TimelineJS writer (diplo/io/timelinejs.h).

#include "diplo/io/timelinejs.h"

#include <string>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>

#include "diplo/detail/json.h"
#include "diplo/detail/markup.h"
#include "write_stream.h"

namespace diplo::io {

namespace {

using diplo::detail::json;
using diplo::detail::markup_text;

// A TimelineJS date: the parts of `d` down to its precision; the first day of a date
// with 'X' digits or of a season (display_date says what it is).
auto date_json(const partial_date& d) -> json {
  const date::year_month_day day{d.earliest()};
  json o = json::make_object();
  o.set("year", static_cast<int>(day.year()));
  if (d.has_unspecified_digits()) return o;  // "2024-XX", "2024-10-XX": the year alone
  if (d.precision() == precision::month || d.precision() == precision::day) {
    o.set("month", static_cast<unsigned>(day.month()));
  }
  if (d.precision() == precision::day) o.set("day", static_cast<unsigned>(day.day()));
  return o;
}

auto group_of(const event& e) -> std::string_view {
  if (std::holds_alternative<visit>(e)) return "Visits";
  if (std::holds_alternative<summit>(e)) return "Summits";
  if (std::holds_alternative<ceremony>(e)) return "Ceremonies";
  return in_person(e) ? "Meetings" : "Calls";
}

auto paragraph(std::string_view text) -> std::string { return "<p>" + markup_text(text) + "</p>"; }

auto slide_text(const timeline& t, const event& e) -> std::string {
  const event_base& b = base(e);
  std::string html;
  if (!b.description.empty()) html += paragraph(b.description);
  if (auto people = participants(e); !people.empty()) {
    html += paragraph(fmt::format("Taking part: {}", diplo::detail::names_label(people, &t.actors())));
  }
  if (!b.notes.empty()) html += paragraph(fmt::format("Notes: {}", b.notes));
  if (!b.sources.empty()) {
    html += "<p>Sources:</p><ul>";
    for (const source& s : b.sources) {
      std::string label = s.publisher.empty() ? s.url : s.publisher;
      if (!s.title.empty()) label += ": " + s.title;
      if (s.published) label += fmt::format(" ({})", *s.published);
      html += fmt::format("<li><a href=\"{}\">{}</a></li>", markup_text(s.url), markup_text(label));
    }
    html += "</ul>";
  }
  return html;
}

auto slide(const timeline& t, const event& e) -> json {
  const event_base& b = base(e);
  json o = json::make_object();
  const auto first = b.when.first();
  const auto last = b.when.last();
  o.set("start_date", date_json(first ? *first : *last));
  if (first && last && *last != *first) o.set("end_date", date_json(*last));  // not for "2024-10"
  std::string when = b.when.to_text();
  if (b.status != status::occurred) when += fmt::format(" ({})", name(b.status));
  o.set("display_date", markup_text(when));
  json text = json::make_object();
  text.set("headline", markup_text(diplo::detail::headline(e, &t.actors())));
  text.set("text", slide_text(t, e));
  o.set("text", std::move(text));
  o.set("group", group_of(e));
  if (!b.sources.empty()) {
    const source& s = b.sources.front();
    json media = json::make_object();
    media.set("url", s.url);
    if (!s.title.empty()) media.set("caption", markup_text(s.title));
    if (!s.publisher.empty()) media.set("credit", markup_text(s.publisher));
    o.set("media", std::move(media));
  }
  o.set("unique_id", "event-" + b.id.value());
  return o;
}

}  // namespace

auto to_timelinejs(const timeline& t, std::span<const event_ref> events, const timelinejs_options& options)
    -> std::string {
  json title = json::make_object();
  json title_text = json::make_object();
  title_text.set("headline", markup_text(options.title));
  if (!options.text.empty()) title_text.set("text", paragraph(options.text));
  title.set("text", std::move(title_text));
  title.set("unique_id", "title");
  json slides = json::make_array();
  for (const event_ref& e : events) slides.push(slide(t, e.value()));
  json root = json::make_object();
  root.set("title", std::move(title));
  root.set("events", std::move(slides));
  return root.dump();
}

void write_timelinejs(std::ostream& out, const timeline& t, std::span<const event_ref> events,
                      const timelinejs_options& options) {
  detail::write_to(out, to_timelinejs(t, events, options), "TimelineJS JSON");
}

}  // namespace diplo::io
