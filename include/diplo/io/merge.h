// SPDX-License-Identifier: MIT
#pragma once

// One timeline from several sources: one person is one actor, whichever source names them.
//
// `io::merge` (diplo/io/document.h) joins the files of ONE dataset: an actor defined in two of
// them must be the same record. Sources made independently — the bundled Xi–Putin data, the
// Office of the Historian's lists, COLT — each make their own actors, under their own ids and
// spellings: "vladimir-putin" of the bundled data and the "vladimir-putin" COLT makes from
// "President Vladimir Putin" are one man with two different records; COLT's "Luiz Inacio Lula
// da Silva" is the bundled data's "Luiz Inácio Lula da Silva". `merge_sources(into, from)`
// adds the document of another source to `into`, taking each of its actors as one already in
// `into` when the evidence says so, and otherwise as a new actor:
//
//   1. the same Wikidata id ("Q1055"), when both have one;
//   2. else the same entry of diplo's curated identities (data/identities.csv, embedded: the
//      people sources write under several names or countries, such as Václav Havel of
//      Czechoslovakia and of the Czech Republic; each entry lists its spellings, countries and
//      years and gives its evidence; the rules are in src/io/identities.h);
//   3. else a name or alias of one equal, folded (diplo/detail/fold.h: case, accents,
//      hyphens and dots do not matter), to a name or alias of the other, both persons (or
//      both organisations), of compatible countries (the same, or one unknown; a person's
//      countries are their own and those of their offices), and with no Wikidata ids that
//      differ. When exactly one actor of `into` qualifies, it is that actor; when several do,
//      the name is ambiguous: it is reported and the actor is kept apart, never guessed.
//
// ONE TRIP, SEVERAL SOURCES. Then each visit of `from` whose guests (the same people, after
// the above) visited the same host country on overlapping days as a visit of `into` is that
// visit, reported by two sources: it is not added; the visit of `into` cites its sources too,
// gains its cities and its host when it had none, and events of `from` inside it (a COLT
// meeting's parent) move inside the visit kept. When the days differ, the visit kept spans the
// days of both (they overlap: each source places the traveller in the country on its days, and
// one stay holds them all; the Office of the Historian often gives only the day of the meeting
// at the White House, COLT the whole trip), both sources' days are written in its notes, and
// the difference is reported as a conflict for a person to check.
//
// The actor kept is `into`'s: it gains the other's spellings as aliases, its Wikidata id if it
// had none, and its offices (those it does not have). Every reference to the merged actor in
// `from`'s events is rewritten to the kept id. An actor kept apart whose id is taken gets a
// new one ("-2", "-3"...), and its events follow. Events are appended as `io::merge` appends
// them, with their origins; so are the dataset description (empty fields filled) and the
// left-out lists.
//
//   diplo::io::document d = diplo::io::load("data/xi-putin.json");
//   diplo::io::source_merge_report report;
//   diplo::io::merge_sources(d, diplo::import::import_colt("colt.csv").doc, &report);
//   diplo::timeline t = diplo::io::build(std::move(d));   // one Putin, one Lula

#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "diplo/export.h"
#include "diplo/id.h"
#include "diplo/io/document.h"

namespace diplo::io {

/// An actor of the source merged in, taken as one of `into`, and on what evidence.
struct actor_match {
  actor_id kept{};
  actor_id merged{};
  /// "Wikidata Q1055", "name \"vladimir putin\"".
  std::string evidence{};
  origin merged_at{};
};

/// An actor of the source merged in that could be any of several: kept apart.
struct actor_ambiguity {
  actor_id actor{};
  std::vector<actor_id> candidates{};
  origin at{};
};

/// A visit of the source merged in taken as a visit already in `into` (ONE TRIP, SEVERAL SOURCES).
struct visit_match {
  event_id kept{};
  event_id merged{};
  origin kept_at{};
  origin merged_at{};
  /// Empty when both give the same days; else "days differ: 19–20 June 2003 and 20 June 2003".
  std::string conflict{};
};

/// What `merge_sources` decided.
struct source_merge_report {
  std::vector<actor_match> matched{};
  std::vector<actor_ambiguity> ambiguous{};
  std::vector<visit_match> visits{};
  /// Actors kept apart whose id was taken: the old id and the new one.
  std::vector<std::pair<actor_id, actor_id>> renamed{};
};

/// Adds the document of another source to `into` (see the header essay). Throws what
/// `actor_registry::add` throws for a malformed actor (and std::bad_alloc); `into` is then
/// unchanged.
DIPLO_IO_API void merge_sources(document& into, document from, source_merge_report* report = nullptr);

}  // namespace diplo::io

/// "colt's \"luiz-inacio-lula-da-silva\" is \"lula\" (name \"luiz inacio lula da silva\")".
template <>
struct fmt::formatter<diplo::io::actor_match> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::io::actor_match& m, Context& ctx) const -> decltype(ctx.out()) {
    const std::string s = fmt::format("\"{}\" is \"{}\" ({})", m.merged, m.kept, m.evidence);
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "\"carlos-mesa\" could be carlos-mesa, carlos-mesa-2; kept apart".
template <>
struct fmt::formatter<diplo::io::actor_ambiguity> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::io::actor_ambiguity& a, Context& ctx) const -> decltype(ctx.out()) {
    const std::string s =
        fmt::format("\"{}\" could be {}; kept apart", a.actor, fmt::join(a.candidates, ", "));
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "\"colt-1\" is \"hist-visit-1505\"", then ": <conflict>" when the days differ.
template <>
struct fmt::formatter<diplo::io::visit_match> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::io::visit_match& v, Context& ctx) const -> decltype(ctx.out()) {
    const std::string s =
        fmt::format("\"{}\" is \"{}\"{}{}", v.merged, v.kept, v.conflict.empty() ? "" : ": ", v.conflict);
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};
