// SPDX-License-Identifier: MIT
#pragma once

// Internal to libdiplo: the one place where a reader's fields become a visit, a summit, a
// meeting or a ceremony. The JSON and JSON Lines readers (json_common.cpp) and the CSV
// reader (csv.cpp) check their own syntax and their own rules (which keys or columns a
// kind may have), fill an `event_fields`, and call `make_event`.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diplo/country.h"
#include "diplo/event.h"
#include "diplo/id.h"

namespace diplo::io::detail {

/// The four kinds of event, in the order of diplo::event's alternatives.
enum class event_kind : std::uint8_t { visit, summit, meeting, ceremony };

/// What a reader collected for one event: the part every kind has, and the fields of the
/// kinds. A field the kind does not have is ignored (the readers refuse it before).
struct event_fields {
  event_base base;
  /// The guests of a visit, the attendees of a summit or ceremony, the participants of a
  /// meeting.
  std::vector<actor_id> people;
  std::optional<actor_id> host;                  // visit, summit, ceremony
  country_code host_country;                     // visit, summit
  std::string name;                              // summit, ceremony
  std::string series;                            // summit
  visit_level level = visit_level::unspecified;  // visit
  meeting_mode mode = meeting_mode::in_person;   // meeting
  std::vector<std::string> cities;               // visit
};

/// The event of kind `kind` made of `f` (moved from).
inline auto make_event(event_kind kind, event_fields&& f) -> event {
  switch (kind) {
    case event_kind::visit: {
      visit x;
      static_cast<event_base&>(x) = std::move(f.base);
      x.guests = std::move(f.people);
      x.host_country = f.host_country;
      x.host = std::move(f.host);
      x.level = f.level;
      x.cities = std::move(f.cities);
      return x;
    }
    case event_kind::summit: {
      summit x;
      static_cast<event_base&>(x) = std::move(f.base);
      x.name = std::move(f.name);
      x.series = std::move(f.series);
      x.host_country = f.host_country;
      x.host = std::move(f.host);
      x.attendees = std::move(f.people);
      return x;
    }
    case event_kind::meeting: {
      meeting x;
      static_cast<event_base&>(x) = std::move(f.base);
      x.participants = std::move(f.people);
      x.mode = f.mode;
      return x;
    }
    case event_kind::ceremony: break;
  }
  ceremony x;
  static_cast<event_base&>(x) = std::move(f.base);
  x.name = std::move(f.name);
  x.host = std::move(f.host);
  x.attendees = std::move(f.people);
  return x;
}

}  // namespace diplo::io::detail
