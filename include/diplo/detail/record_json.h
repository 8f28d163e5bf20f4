// SPDX-License-Identifier: MIT
#pragma once

// Internal: actors and events as the JSON records of data/FORMAT.md, in one place for the
// data files' writers (src/io), the tool's --json answers (src/cli) and the exports.
//
// Two styles of the same record. `canonical` is what the data files hold: a field at its
// default (status "occurred", mode "in_person", level "unspecified") or empty is left
// out, and the record is laid out the data files' way (an event one key per line; its
// place and each source on one line). `complete` is what an answer shows: every field of
// the event's kind, defaults and empty lists too, so that a program reading answers finds
// each key where it looks; laid out by detail::json's automatic folding.
//
//   to_json(e).dump()                          // as data/xi-putin.json has it
//   to_json(e, record_style::complete).dump()  // as `diplo on 2024-10-22 --json` shows it

#include <cstdint>

#include "diplo/actor.h"
#include "diplo/detail/json.h"
#include "diplo/event.h"
#include "diplo/export.h"

namespace diplo::detail {

/// Which fields a record shows and how it is laid out (see above).
enum class record_style : std::uint8_t { canonical, complete };

/// An actor record: id, kind, name, aliases, wikidata, country, offices.
[[nodiscard]] DIPLO_API auto to_json(const actor& a) -> json;

/// An event record: id, kind, status, when, the instants, place, parent, journey, the
/// fields of its kind, description, notes, sources.
[[nodiscard]] DIPLO_API auto to_json(const event& e, record_style style = record_style::canonical) -> json;

}  // namespace diplo::detail
