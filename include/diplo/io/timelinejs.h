// SPDX-License-Identifier: MIT
#pragma once

// TimelineJS 3 (Knight Lab's timeline for the web, timeline.knightlab.com): events as the
// JSON that `new TL.Timeline(element, data)` shows as slides.
//
// THE RULES. A title slide (the options' title and text), then one slide per event in the
// order given:
// - `start_date` {year, month, day} to the precision the start is known ("2024-10" gives
//   {year: 2024, month: 10}); `end_date` the last day, inclusive as TimelineJS reads it,
//   when the event takes more than one day. An open or unknown end gives no end; an
//   unknown start starts on the known end.
// - `display_date` the days in words ("7–10 May 2025", "c. October 2024", "from 7 May
//   2025"), so that a partial date never shows as the first of its month; planned and
//   cancelled events say so ("March 2026 (planned)").
// - `text.headline` who and what ("Xi Jinping — state visit to Russia (Moscow)"); `text.text`
//   the description, who took part, the notes and the sources as links. Both are HTML:
//   every text from the data is escaped.
// - `group` the kind, one row each: Visits, Summits, Meetings, Calls, Ceremonies.
// - `media` the first source: its URL, its title as the caption, its publisher as credit.
// - `unique_id` the event id, for links to a slide (#event-<id>).
//
//   auto json = diplo::io::to_timelinejs(t, diplo::events_with(t, {}), {.title = "Xi and Putin"});

#include <ostream>
#include <span>
#include <string>

#include "diplo/export.h"
#include "diplo/timeline.h"

namespace diplo::io {

/// The title slide of a TimelineJS export (plain text: escaped as HTML when written).
struct timelinejs_options {
  std::string title = "diplo";
  std::string text{};
};

/// The TimelineJS 3 JSON of `events` of `t` (see the rules above), with a final newline.
[[nodiscard]] DIPLO_IO_API auto to_timelinejs(const timeline& t, std::span<const event_ref> events,
                                              const timelinejs_options& options = {}) -> std::string;

/// Writes `to_timelinejs(t, events, options)` to `out`. Throws diplo::error when the stream
/// fails.
DIPLO_IO_API void write_timelinejs(std::ostream& out, const timeline& t, std::span<const event_ref> events,
                                   const timelinejs_options& options = {});

}  // namespace diplo::io
