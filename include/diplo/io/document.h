// SPDX-License-Identifier: MIT
#pragma once

// Documents: what a data file holds, before its events are checked against each other.
//
// Reading a file (diplo/io/json.h, jsonl.h, csv.h, file.h) gives a `document`: the
// dataset's description, the actors it defines, its events, and for every event and
// actor the place in the file it was read from. A reader only checks each record on its
// own: the keys, the types, the dates, the codes. Whether the events fit together
// (actor ids that exist, unique event ids, parents) is decided by `build()`, which hands
// everything to a `timeline_builder` together with the origins, so that those problems,
// too, point back into the file:
//
//   events.json:12:5: error: event "2025-05-09-parade": unknown actor "xi-jinpin"
//
// A typical load of several files:
//
//   diplo::io::document doc = diplo::io::load("actors.json");
//   diplo::io::merge(doc, diplo::io::load("events-2025.jsonl"));
//   diplo::timeline t = diplo::io::build(std::move(doc));      // throws validation_error
//
// and the way back, for writers and converters:
//
//   diplo::io::document d = diplo::io::to_document(t, {.title = "Xi and Putin"});
//
// `merge` joins documents read from several files: events are appended, actors defined
// in both must be equal (the same record read twice is fine; two different records with
// one id are an error naming both places).

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "diplo/actor.h"
#include "diplo/error.h"
#include "diplo/event.h"
#include "diplo/timeline.h"

namespace diplo::io {

/// The most errors a reader reports before it stops; one last diagnostic then says that
/// there were too many.
inline constexpr std::size_t max_diagnostics = 100;

/// What a data set says about itself (the JSON "dataset" object). All fields are free
/// text, copied as read; `coverage` is meant to be an EDTF period and `as_of` an EDTF
/// date (the JSON readers check both).
///
/// **Example**:
///
///   diplo::io::dataset_info info{.title = "Xi-Putin meetings", .coverage = "2013/2025"};
///   fmt::format("{}", info)   // "Xi-Putin meetings (2013/2025)"
struct dataset_info {
  std::string title{};
  std::string coverage{};
  std::string as_of{};
  std::string license{};
  std::string description{};

  friend auto operator==(const dataset_info&, const dataset_info&) -> bool = default;
};

/// What one file (or several merged files) holds: the dataset description, the actors,
/// and the events in file order, each with the place it was read from.
///
/// Invariants kept by the readers and by `merge`: `origins.size() == events.size()`, and
/// `actor_origins.size() == actors.size()` (origins of hand-built documents may be empty
/// or shorter; they are then treated as unknown).
///
/// **Example**:
///
///   diplo::io::document d = diplo::io::read_json(text, "events.json");
///   d.events.size();     // number of event records read
///   d.origins[0];        // {"events.json", 12, 5}: the '{' of the first event
struct document {
  /// The dataset description (empty fields when the file has none).
  dataset_info info{};
  /// The actors defined in the file, in file order.
  actor_registry actors{};
  /// The events, in file order, not yet checked against each other.
  std::vector<event> events{};
  /// Parallel to `events`: where each was read (file, line and column of its '{').
  std::vector<origin> origins{};
  /// Parallel to `actors.actors()`: where each actor was read.
  std::vector<origin> actor_origins{};
};

namespace detail {

inline auto origin_at(const std::vector<origin>& v, std::size_t i) -> origin {
  return i < v.size() ? v[i] : origin{};
}

inline auto place_text(const origin& o) -> std::string {
  if (o.file.empty() && o.line == 0) return "an unknown place";
  if (o.line == 0) return o.file;
  return fmt::format("{}:{}:{}", o.file.empty() ? std::string("<input>") : o.file, o.line,
                     o.column);
}

}  // namespace detail

/// Appends `from` to `into`: its events and their origins after `into`'s, its actors after
/// `into`'s. An actor whose id `into` already has is skipped when both records are equal;
/// when they differ, nothing is changed and `diplo::validation_error` ("[diplo.io] ...")
/// is thrown, with one diagnostic per conflicting actor, at the place `from` defines it
/// and naming the place `into` does:
///
///   b.json:3:5: error: actor "xi-jinping" differs from the one read at a.json:10:5
///
/// `info`: each field of `into.info` that is empty is taken from `from.info`.
/// Other errors of `actor_registry::add` (not expected for actors a reader accepted) are
/// reported the same way.
///
/// **Example**:
///
///   auto doc = diplo::io::load("actors.json");
///   diplo::io::merge(doc, diplo::io::load("events.jsonl"));
inline void merge(document& into, document from) {
  std::vector<diagnostic> diags;
  std::vector<std::size_t> new_actors;
  const auto theirs = from.actors.actors();
  for (std::size_t i = 0; i < theirs.size(); ++i) {
    const actor& a = theirs[i];
    const origin here = detail::origin_at(from.actor_origins, i);
    if (const actor* mine = into.actors.find(id_of(a))) {
      if (*mine == a) continue;
      const auto ours = into.actors.actors();
      const auto j = static_cast<std::size_t>(mine - ours.data());
      diags.push_back({severity::error, here.file, here.line, here.column,
                       fmt::format("actor \"{}\" differs from the one read at {}", id_of(a),
                                   detail::place_text(detail::origin_at(into.actor_origins, j)))});
    } else {
      new_actors.push_back(i);
    }
  }
  if (!diags.empty()) throw validation_error("io", std::move(diags));

  // Check the additions on a copy, so that `into` stays unchanged on error.
  actor_registry merged = into.actors;
  std::vector<origin> merged_origins = into.actor_origins;
  merged_origins.resize(into.actors.size());
  for (std::size_t i : new_actors) {
    const origin here = detail::origin_at(from.actor_origins, i);
    try {
      merged.add(theirs[i]);
      merged_origins.push_back(here);
    } catch (const error& e) {
      diags.push_back({severity::error, here.file, here.line, here.column, e.what()});
    }
  }
  if (!diags.empty()) throw validation_error("io", std::move(diags));

  into.actors = std::move(merged);
  into.actor_origins = std::move(merged_origins);
  from.origins.resize(from.events.size());
  into.origins.resize(into.events.size());
  into.events.insert(into.events.end(), std::make_move_iterator(from.events.begin()),
                     std::make_move_iterator(from.events.end()));
  into.origins.insert(into.origins.end(), std::make_move_iterator(from.origins.begin()),
                      std::make_move_iterator(from.origins.end()));
  auto fill = [](std::string& mine, std::string& other) {
    if (mine.empty()) mine = std::move(other);
  };
  fill(into.info.title, from.info.title);
  fill(into.info.coverage, from.info.coverage);
  fill(into.info.as_of, from.info.as_of);
  fill(into.info.license, from.info.license);
  fill(into.info.description, from.info.description);
}

/// Checks the document's events against each other and against its actors, and freezes
/// them into a timeline: a `timeline_builder` made from `doc.actors`, every event added
/// with its origin, then `freeze()`. Throws `diplo::validation_error` ("[diplo.timeline]")
/// listing every error, each at the file, line and column its event was read from.
///
/// **Example**:
///
///   diplo::timeline t = diplo::io::build(diplo::io::read_json(text, "events.json"));
[[nodiscard]] inline auto build(document doc) -> timeline {
  timeline_builder b(std::move(doc.actors));
  for (std::size_t i = 0; i < doc.events.size(); ++i) {
    b.add(std::move(doc.events[i]), detail::origin_at(doc.origins, i));
  }
  return std::move(b).freeze();
}

/// The document a writer writes: the timeline's actors (registry order) and events
/// (timeline order), `info`, and empty origins. Cannot fail (but copies everything).
///
/// **Example**:
///
///   auto d = diplo::io::to_document(t, {.title = "Xi-Putin meetings"});
///   d.events.size() == t.size()
[[nodiscard]] inline auto to_document(const timeline& t, dataset_info info = {}) -> document {
  document d;
  d.info = std::move(info);
  d.actors = t.actors();
  d.events.assign(t.events().begin(), t.events().end());
  d.origins.resize(d.events.size());
  d.actor_origins.resize(d.actors.size());
  return d;
}

}  // namespace diplo::io

/// Formats a dataset description as its title and coverage: "Xi-Putin meetings
/// (2013/2025)"; either part alone when the other is empty. Fill, alignment and width
/// work as for strings: `fmt::format("{:>30}", info)`.
template <>
struct fmt::formatter<diplo::io::dataset_info> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::io::dataset_info& d, Context& ctx) const -> decltype(ctx.out()) {
    std::string s = d.title;
    if (!d.coverage.empty()) {
      s += s.empty() ? d.coverage : fmt::format(" ({})", d.coverage);
    }
    return fmt::formatter<std::string_view>::format(std::string_view(s), ctx);
  }
};
