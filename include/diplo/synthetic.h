// SPDX-License-Identifier: MIT
#pragma once

// Synthetic worlds: a deterministic generator of leaders and their events, for tests and
// benchmarks.
//
// A synthetic world is a made-up but plausible diplomatic history: 200 countries (the first
// 200 current ISO 3166 countries diplo knows), each with about ten leaders holding office
// one after the other from 1 January 1950 to 31 December 2025, and N events among leaders in
// office on the event's days:
//
//   ~60%  bilateral visits of 1-4 days: one leader the guest, the other the host, in the
//         host's country, at a level (state, official, working, private or unspecified);
//   ~25%  bilateral meetings on the sidelines of summits, whose parent is the summit;
//   ~10%  summits of 5-40 leaders ("37th G20 summit"), hosted in one of their countries;
//    ~5%  phone and video calls between two leaders.
//
// The two countries of a bilateral event are drawn Zipf-like from all 19,900 pairs (a few
// pairs meet very often, most rarely), summit attendees Zipf-like from the countries. About
// 3% of the visits and calls have a month-precision date ("1987-03") and 1% a year-precision
// one ("1987"), always within both leaders' terms; about 1% of the visits were cancelled.
// Text looks real so that memory and parsing figures are honest: names with diacritics,
// cities, event ids like "1987-03-12-kasimbo-visit-2f9a", one or two sources per event with
// a publisher, a headline, a URL and a publication date, some descriptions.
//
//   diplo::synthetic::options o{.events = 100'000, .seed = 7};
//   diplo::io::document doc = diplo::synthetic::generate(o);   // actors + events
//   diplo::timeline t = diplo::io::build(std::move(doc));      // builds cleanly
//
// DETERMINISM. The same options give the same world on every compiler, standard library and
// machine: the generator has its own PRNG (splitmix64 seeding xoshiro256**), draws integers
// only (no std:: distributions, no floating point), and iterates no unordered container.
// Events come out in generation order; a summit is always followed by its sideline meetings.
//
// SIZE. Events are generated one at a time (`generate_events` hands each to a callback), so
// a caller can stream 1e7 events into a builder or a file without holding a document.
// `generate` collects them into an io::document (about 1.25 KB per event in memory).
//
// Built as the library target `diplo::synthetic` (src/synthetic/), when tests or
// benchmarks are built; it is not installed.

#include <cstddef>
#include <cstdint>
#include <functional>

#include "diplo/actor.h"
#include "diplo/event.h"
#include "diplo/io/document.h"

namespace diplo::synthetic {

/// What to generate. The defaults are the world of the benchmark suite (bench/).
///
/// **Example**:
///
///   diplo::synthetic::options o{.events = 1000, .seed = 42, .countries = 20};
struct options {
  /// The number of events, exactly.
  std::size_t events = 100'000;
  /// The seed: the same seed (and options) gives the same world.
  std::uint64_t seed = 2025;
  /// The number of countries (at most 200; at least 5, so that a summit can gather 5).
  std::size_t countries = 200;
  /// The mean number of leaders per country (each country has between this minus 2 and
  /// this plus 2, at least 1), with consecutive terms covering `first_year`..`last_year`.
  std::size_t leaders_per_country = 10;
  /// The first and last year of the world.
  int first_year = 1950;
  int last_year = 2025;
};

/// The leaders of the world `o` describes, in registry order: country by country, each
/// country's leaders in the order of their terms. Every leader is a `person` with one
/// office (title, country, term of exact days). Deterministic. Throws diplo::error when
/// the options are out of range (no events is fine; fewer than 5 countries or more than
/// 200, no leaders, last_year < first_year).
///
/// **Example**:
///
///   auto actors = diplo::synthetic::generate_actors({.countries = 200});
///   actors.size();   // about 2000
[[nodiscard]] auto generate_actors(const options& o) -> actor_registry;

/// Generates the `o.events` events of the world, in generation order, calling `sink` with
/// each (the actors are those of `generate_actors(o)`). Deterministic. Throws as
/// generate_actors.
///
/// **Example**:
///
///   diplo::timeline_builder b(diplo::synthetic::generate_actors(o));
///   diplo::synthetic::generate_events(o, [&](diplo::event e) { b.add(std::move(e)); });
void generate_events(const options& o, const std::function<void(event&&)>& sink);

/// The whole world as a document: `generate_actors(o)` and the events of
/// `generate_events(o, ...)`, with empty origins and the dataset title "synthetic world
/// (seed S, N events)". `io::build` turns it into a timeline without errors.
///
/// **Example**:
///
///   auto doc = diplo::synthetic::generate({.events = 1000});
///   doc.events.size() == 1000
[[nodiscard]] auto generate(const options& o) -> io::document;

}  // namespace diplo::synthetic
