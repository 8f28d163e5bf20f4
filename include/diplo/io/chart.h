// SPDX-License-Identifier: MIT
#pragma once

// The timeline picture: events drawn as an SVG chart, alone or in a self-contained HTML page
// with a table of the events and their sources (no network needed to show either).
//
// THE PICTURE. Years run along the axis, whole years from the first event's to the last's.
// One lane per person (the people who take part in the most events first, up to
// `max_lanes`; the events of the others in a last lane, "Others") or one per country where
// the events took place. Each event is drawn once in each lane it belongs to, its kind told
// apart by shape and colour, with a legend:
//   visit      a bar over its days (at least a few pixels wide)
//   summit     a diamond              meeting    a disc
//   call       a ring (a phone or video meeting)
//   ceremony   a triangle
// A date known only to the month or year (or with an open or unknown end) is drawn as a
// fuzzy span, a pale band over every day it may have taken, with the mark in its middle.
// Labels (the place, or the summit's or ceremony's name) go above the marks, on the first of
// a few rows where they collide with no other label; one that fits nowhere is left out, and
// every mark keeps its full description as a tooltip (an SVG <title>). The footer names the
// data. Every mark carries `data-event="<event id>"`, for scripts and tests.
//
//   std::ofstream("xi-putin.svg") << diplo::io::to_svg(t, events, {.title = "Xi and Putin"});

#include <cstdint>
#include <ostream>
#include <span>
#include <string>

#include "diplo/export.h"
#include "diplo/timeline.h"

namespace diplo::io {

/// What the chart's lanes are.
enum class chart_lanes : std::uint8_t { person, country };

/// How the picture is drawn.
struct chart_options {
  std::string title{};
  /// The footer: where the data comes from.
  std::string footer{};
  chart_lanes lanes = chart_lanes::person;
  /// The most lanes drawn; the events of the rest share a last lane, "Others".
  std::size_t max_lanes = 8;
  /// The width of the picture in pixels; its height follows from the lanes.
  int width = 1200;
};

/// The chart of `events` of `t` as an SVG document.
[[nodiscard]] DIPLO_IO_API auto to_svg(const timeline& t, std::span<const event_ref> events,
                                       const chart_options& options = {}) -> std::string;

/// One HTML page: the chart, then a table of the events (days, kind, place, who and what,
/// sources as links). Self-contained: no script, style sheet or font is fetched.
[[nodiscard]] DIPLO_IO_API auto to_html(const timeline& t, std::span<const event_ref> events,
                                        const chart_options& options = {}) -> std::string;

/// Write `to_svg` or `to_html` to `out`. Throw diplo::error when the stream fails.
DIPLO_IO_API void write_svg(std::ostream& out, const timeline& t, std::span<const event_ref> events,
                            const chart_options& options = {});
DIPLO_IO_API void write_html(std::ostream& out, const timeline& t, std::span<const event_ref> events,
                             const chart_options& options = {});

}  // namespace diplo::io
