// SPDX-License-Identifier: MIT
#pragma once

// Events: visits, summits, meetings and ceremonies.
//
// An event is something that happened (or is announced, planned, cancelled...) on
// some days, somewhere, among some actors. diplo has four kinds, each its own value
// type with the fields that kind has, held together in `diplo::event`, a std::variant:
//
//   visit     a guest (or a delegation of guests) in a host country: Xi Jinping's
//             state visit to Russia, 20-22 March 2023. Fields: guests, host country,
//             host (optional), level (state/official/working/private), cities.
//   summit    a named gathering of many leaders, usually one of a series: the 16th
//             BRICS summit, Kazan, 22-24 October 2024. Fields: name, series, host
//             country, host, attendees.
//   meeting   two or more people talking: bilateral talks, a trilateral, a phone or
//             video call. Fields: participants, mode (in person / phone / video).
//   ceremony  a parade, an inauguration, a funeral, an Olympic opening: name, host,
//             attendees.
//
// All four share `event_base`: a stable string id, the days (`period`, which may be
// of partial precision: "2024-10"), optional exact start/end instants (UTC, with the
// place's IANA zone name for local time, see diplo/tz.h), the place, the status, the
// sources that report it, a description and notes, and an optional parent: the talks
// held inside a state visit or on the sidelines of a summit name that visit or summit
// as their parent. A trip is then the parent with everything inside it.
//
//   diplo::meeting talks;
//   talks.id = diplo::event_id{"2024-10-22-kazan-brics-bilateral"};
//   talks.when = diplo::period::parse("2024-10-22");
//   talks.place = {.city = "Kazan", .country = diplo::country_code{"RU"}, .zone = "Europe/Moscow"};
//   talks.participants = {diplo::actor_id{"xi-jinping"}, diplo::actor_id{"vladimir-putin"}};
//   talks.parent = diplo::event_id{"2024-10-22-kazan-brics-summit"};
//   diplo::event e = talks;
//
// Events are plain values: build them, copy them, compare them. They are checked
// when they are added to a timeline (see diplo/timeline.h), which also resolves the
// actor ids and parent ids against each other.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>

#include "diplo/actor.h"
#include "diplo/country.h"
#include "diplo/detail/fold.h"
#include "diplo/id.h"
#include "diplo/partial_date.h"
#include "diplo/period.h"

namespace diplo {

/// Where an event stands: announced (publicly, with dates), planned (intended, often
/// without firm dates), occurred, cancelled, postponed.
enum class status : std::uint8_t { announced, planned, occurred, cancelled, postponed };

/// The name of a status as written in data files: "announced", "planned", ...
[[nodiscard]] constexpr auto name(status s) noexcept -> std::string_view {
  switch (s) {
    case status::announced: return "announced";
    case status::planned: return "planned";
    case status::occurred: return "occurred";
    case status::cancelled: return "cancelled";
    case status::postponed: return "postponed";
  }
  return "?";
}

/// The protocol level of a visit, from least to most formal.
/// `private_visit` is the "private" level (`private` is a C++ keyword).
enum class visit_level : std::uint8_t { unspecified, private_visit, working, official, state };

/// "unspecified", "private", "working", "official", "state".
[[nodiscard]] constexpr auto name(visit_level l) noexcept -> std::string_view {
  switch (l) {
    case visit_level::unspecified: return "unspecified";
    case visit_level::private_visit: return "private";
    case visit_level::working: return "working";
    case visit_level::official: return "official";
    case visit_level::state: return "state";
  }
  return "?";
}

/// How the participants of a meeting were together.
enum class meeting_mode : std::uint8_t { in_person, phone, video };

/// The name of a mode as written in data files: "in_person", "phone", "video".
[[nodiscard]] constexpr auto name(meeting_mode m) noexcept -> std::string_view {
  switch (m) {
    case meeting_mode::in_person: return "in_person";
    case meeting_mode::phone: return "phone";
    case meeting_mode::video: return "video";
  }
  return "?";
}

// Each name() above has its inverse here, so that readers and writers share one table.

namespace detail {
/// The enumerator of `Enum` (numbered 0 to Count - 1) whose name() is `text`, if any.
template <class Enum, std::size_t Count>
[[nodiscard]] constexpr auto by_name(std::string_view text) noexcept -> std::optional<Enum> {
  for (std::size_t i = 0; i < Count; ++i) {
    if (name(static_cast<Enum>(i)) == text) return static_cast<Enum>(i);
  }
  return std::nullopt;
}
}  // namespace detail

/// The status `name` writes as `text` ("planned"); nullopt for any other text (names are
/// lower case, exactly as written).
/// Example: `diplo::try_parse_status("planned") == diplo::status::planned`
[[nodiscard]] constexpr auto try_parse_status(std::string_view text) noexcept -> std::optional<status> {
  return detail::by_name<status, 5>(text);
}

/// The visit level `name` writes as `text`: "private" is visit_level::private_visit.
/// Example: `diplo::try_parse_visit_level("state") == diplo::visit_level::state`
[[nodiscard]] constexpr auto try_parse_visit_level(std::string_view text) noexcept
    -> std::optional<visit_level> {
  return detail::by_name<visit_level, 5>(text);
}

/// The meeting mode `name` writes as `text` ("in_person", "phone", "video").
/// Example: `diplo::try_parse_meeting_mode("video") == diplo::meeting_mode::video`
[[nodiscard]] constexpr auto try_parse_meeting_mode(std::string_view text) noexcept
    -> std::optional<meeting_mode> {
  return detail::by_name<meeting_mode, 3>(text);
}

/// A report that an event happened: where it was published, by whom, when.
struct source {
  std::string url;
  std::string publisher;
  std::string title;
  std::optional<partial_date> published;

  friend auto operator==(const source&, const source&) -> bool = default;
};

/// Where an event took place. `zone` is an IANA time-zone name ("Europe/Moscow"),
/// needed only to turn the event's exact instants into local time.
struct place {
  std::string city;
  country_code country;
  std::string zone;

  friend auto operator==(const place&, const place&) -> bool = default;
};

/// What every kind of event has.
struct event_base {
  /// Stable, unique within a timeline.
  event_id id;
  /// The days, inclusive as EDTF writes them; may be of partial precision.
  period when;
  /// Exact start and end, when known (UTC). The local day is found with diplo/tz.h.
  std::optional<date::sys_seconds> starts_at;
  std::optional<date::sys_seconds> ends_at;
  diplo::place place;
  diplo::status status = status::occurred;
  std::vector<source> sources;
  std::string description;
  /// Free text, e.g. where sources disagree.
  std::string notes;
  /// The event this one happens inside (talks within a visit or summit).
  std::optional<event_id> parent;
  /// The journey this event is a stop of: one traveller's consecutive stops abroad
  /// share it ("hist-journey-president-obama-barack-2009-03-31"). A grouping, not an
  /// event and not a parent: each stop stays its own trip to its own country, and the
  /// journey says how many times the traveller set out. Empty when not known.
  std::string journey;

  friend auto operator==(const event_base&, const event_base&) -> bool = default;
};

/// A visit of one or more guests to a host country.
struct visit : event_base {
  std::vector<actor_id> guests;
  country_code host_country;
  std::optional<actor_id> host;
  visit_level level = visit_level::unspecified;
  /// Every city visited, in order; `place.city` is the main one.
  std::vector<std::string> cities;

  friend auto operator==(const visit&, const visit&) -> bool = default;
};

/// A named multilateral gathering, usually one of a series ("BRICS", "G20", "SCO").
struct summit : event_base {
  std::string name;
  std::string series;
  country_code host_country;
  std::optional<actor_id> host;
  std::vector<actor_id> attendees;

  friend auto operator==(const summit&, const summit&) -> bool = default;
};

/// Two or more people meeting: in person, by phone or by video.
struct meeting : event_base {
  std::vector<actor_id> participants;
  meeting_mode mode = meeting_mode::in_person;

  friend auto operator==(const meeting&, const meeting&) -> bool = default;
};

/// A parade, an inauguration, a funeral, an opening ceremony.
struct ceremony : event_base {
  std::string name;
  std::optional<actor_id> host;
  std::vector<actor_id> attendees;

  friend auto operator==(const ceremony&, const ceremony&) -> bool = default;
};

/// Any event.
using event = std::variant<visit, summit, meeting, ceremony>;

/// The part every event has.
[[nodiscard]] inline auto base(const event& e) noexcept -> const event_base& {
  return std::visit([](const auto& x) -> const event_base& { return x; }, e);
}
/// The part every event has (mutable, for builders and readers).
[[nodiscard]] inline auto base(event& e) noexcept -> event_base& {
  return std::visit([](auto& x) -> event_base& { return x; }, e);
}

/// The names of the kinds of event, in the order of `event`'s alternatives (so
/// `event_kind_names[e.index()]` is `e`'s): what files and the tool write.
inline constexpr std::array<std::string_view, 4> event_kind_names = {"visit", "summit", "meeting",
                                                                     "ceremony"};
static_assert(std::variant_size_v<event> == event_kind_names.size());

/// "visit", "summit", "meeting", "ceremony".
[[nodiscard]] inline auto kind_name(const event& e) noexcept -> std::string_view {
  return event_kind_names[e.index()];
}

/// Calls `f(const actor_id&)` for everyone taking part, in the order `participants(e)`
/// lists them and without repeats, copying nothing (what indexes and checks use).
template <class F>
void for_each_participant(const event& e, F&& f) {
  // `list[0, i)` and `extra` (when not null) are the ids seen before list[i].
  auto seen = [](const std::vector<actor_id>& list, std::size_t i, const actor_id* extra) {
    if (extra != nullptr && *extra == list[i]) return true;
    return std::find(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(i), list[i]) !=
           list.begin() + static_cast<std::ptrdiff_t>(i);
  };
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, visit>) {
          for (std::size_t i = 0; i < x.guests.size(); ++i) {
            if (!seen(x.guests, i, nullptr)) f(x.guests[i]);
          }
          if (x.host && std::find(x.guests.begin(), x.guests.end(), *x.host) == x.guests.end()) f(*x.host);
        } else if constexpr (std::is_same_v<T, meeting>) {
          for (std::size_t i = 0; i < x.participants.size(); ++i) {
            if (!seen(x.participants, i, nullptr)) f(x.participants[i]);
          }
        } else {
          const actor_id* host = x.host ? &*x.host : nullptr;
          if (host != nullptr) f(*host);
          for (std::size_t i = 0; i < x.attendees.size(); ++i) {
            if (!seen(x.attendees, i, host)) f(x.attendees[i]);
          }
        }
      },
      e);
}

/// Everyone taking part, hosts included, in the order the event lists them and
/// without repeats: guests then host (visit); host then attendees (summit, ceremony);
/// participants (meeting).
[[nodiscard]] inline auto participants(const event& e) -> std::vector<actor_id> {
  std::vector<actor_id> out;
  for_each_participant(e, [&](const actor_id& a) { out.push_back(a); });
  return out;
}

/// The number of `participants(e)`, counted without copying them.
[[nodiscard]] inline auto participant_count(const event& e) -> std::size_t {
  std::size_t n = 0;
  for_each_participant(e, [&](const actor_id&) { ++n; });
  return n;
}

/// True when the event brought its participants together in one place: everything
/// but phone and video meetings.
[[nodiscard]] inline auto in_person(const event& e) noexcept -> bool {
  const auto* m = std::get_if<meeting>(&e);
  return m == nullptr || m->mode == meeting_mode::in_person;
}

/// The country an event was held in: the place's country, else the host country.
[[nodiscard]] inline auto country_of(const event& e) noexcept -> country_code {
  const event_base& b = base(e);
  if (!b.place.country.empty()) return b.place.country;
  if (const auto* v = std::get_if<visit>(&e)) return v->host_country;
  if (const auto* s = std::get_if<summit>(&e)) return s->host_country;
  return {};
}

/// A short label of what kind of event it is: "state visit", "summit",
/// "bilateral meeting", "trilateral meeting", "video call", "phone call", "ceremony".
[[nodiscard]] inline auto kind_label(const event& e) -> std::string {
  if (const auto* v = std::get_if<visit>(&e)) {
    return v->level == visit_level::unspecified ? std::string("visit")
                                                : fmt::format("{} visit", name(v->level));
  }
  if (const auto* m = std::get_if<meeting>(&e)) {
    if (m->mode == meeting_mode::phone) return "phone call";
    if (m->mode == meeting_mode::video) return "video call";
    switch (m->participants.size()) {
      case 2: return "bilateral meeting";
      case 3: return "trilateral meeting";
      default: return "multilateral meeting";
    }
  }
  if (std::holds_alternative<summit>(e)) return "summit";
  return "ceremony";
}

/// The name of a summit or ceremony, empty for visits and meetings.
[[nodiscard]] inline auto title_of(const event& e) noexcept -> std::string_view {
  if (const auto* s = std::get_if<summit>(&e)) return s->name;
  if (const auto* c = std::get_if<ceremony>(&e)) return c->name;
  return {};
}

/// What to call an event in a sentence: a summit's or ceremony's name, else its kind
/// ("16th BRICS summit", "Victory Day parade", "state visit", "bilateral meeting").
[[nodiscard]] inline auto title_or_kind(const event& e) -> std::string {
  const std::string_view title = title_of(e);
  return title.empty() ? kind_label(e) : std::string(title);
}

namespace detail {
/// "Moscow", "Moscow and Kazan", "Moscow, Kazan or Sochi" (with `last` "or"); "" for none.
inline auto cities_text(const std::vector<std::string>& cities, std::string_view last) -> std::string {
  std::string s;
  for (std::size_t i = 0; i < cities.size(); ++i) {
    if (i > 0) s += i + 1 == cities.size() ? fmt::format(" {} ", last) : std::string(", ");
    s += cities[i];
  }
  return s;
}

inline auto join_place(const place& p, country_code country) -> std::string {
  std::string where;
  if (!country.empty()) where = fmt::format("{}", country);
  if (!p.city.empty()) where = where.empty() ? p.city : fmt::format("{} ({})", where, p.city);
  return where;
}
}  // namespace detail

/// An event together with the registry that names its actors, for printing:
/// `fmt::print("{}", diplo::named(e, registry))` gives
/// "Xi Jinping — state visit to Russia (Moscow), 20–22 March 2023".
/// Without a registry (nullptr), actor ids are printed instead of names.
struct named_event {
  const event* e;
  const actor_registry* actors;
};

/// Pairs an event with a registry for printing (see named_event).
[[nodiscard]] inline auto named(const event& e, const actor_registry& actors) noexcept -> named_event {
  return {&e, &actors};
}

namespace detail {
inline auto actor_label(const actor_id& id, const actor_registry* actors) -> std::string {
  if (actors != nullptr) {
    if (const actor* a = actors->find(id)) return name_of(*a);
  }
  return id.value();
}

inline auto names_label(const std::vector<actor_id>& ids, const actor_registry* actors) -> std::string {
  std::string s;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) s += i + 1 == ids.size() ? " and " : ", ";
    s += actor_label(ids[i], actors);
  }
  return s;
}

/// Who and what, without the days: "Xi Jinping — state visit to Russia (Moscow)",
/// "Xi Jinping and Vladimir Putin — talks in Kazan, Russia", "16th BRICS summit, Kazan,
/// Russia". With actor ids when `actors` is null.
inline auto headline(const event& e, const actor_registry* actors) -> std::string {
  const event_base& b = base(e);
  std::string where = join_place(b.place, country_of(e));
  if (const auto* v = std::get_if<visit>(&e)) {
    std::string country = v->host_country.empty() ? std::string("?") : fmt::format("{}", v->host_country);
    std::string city = b.place.city;
    if (city.empty()) city = cities_text(v->cities, "and");
    return fmt::format("{} — {} to {}{}", names_label(v->guests, actors), kind_label(e), country,
                       city.empty() ? "" : fmt::format(" ({})", city));
  }
  if (const auto* m = std::get_if<meeting>(&e)) {
    return fmt::format("{} — {}{}", names_label(m->participants, actors), kind_label(e),
                       where.empty() ? "" : fmt::format(" in {}", where));
  }
  std::string t(title_of(e));
  std::string kind = kind_label(e);
  if (t.empty()) {
    t = kind;
  } else if (detail::fold(t).find(kind) == std::string::npos) {
    t = fmt::format("{} ({})", t, kind);  // "Victory Day parade (ceremony)"
  }
  return fmt::format("{}{}", t, where.empty() ? "" : fmt::format(", {}", where));
}

/// The headline, the days and a status other than "occurred".
inline auto describe(const event& e, const actor_registry* actors) -> std::string {
  const event_base& b = base(e);
  std::string s = fmt::format("{}, {}", headline(e, actors), b.when);
  if (b.status != status::occurred) s += fmt::format(" [{}]", name(b.status));
  return s;
}
}  // namespace detail

}  // namespace diplo

template <>
struct fmt::formatter<diplo::status> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(diplo::status s, Context& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(name(s), ctx);
  }
};

template <>
struct fmt::formatter<diplo::visit_level> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(diplo::visit_level l, Context& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(name(l), ctx);
  }
};

template <>
struct fmt::formatter<diplo::meeting_mode> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(diplo::meeting_mode m, Context& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(name(m), ctx);
  }
};

/// "Kazan, Russia"; "Russia" without a city.
template <>
struct fmt::formatter<diplo::place> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::place& p, Context& ctx) const -> decltype(ctx.out()) {
    std::string s = p.city;
    if (!p.country.empty()) s += fmt::format("{}{}", s.empty() ? "" : ", ", p.country);
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// "Kremlin: Talks with Xi Jinping <http://...> (14 May 2024)"; only what is known.
template <>
struct fmt::formatter<diplo::source> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::source& src, Context& ctx) const -> decltype(ctx.out()) {
    std::string s;
    if (!src.publisher.empty()) s += src.publisher;
    if (!src.title.empty()) s += fmt::format("{}{}", s.empty() ? "" : ": ", src.title);
    if (!src.url.empty()) s += s.empty() ? src.url : fmt::format(" <{}>", src.url);
    if (src.published) s += fmt::format(" ({})", *src.published);
    return fmt::formatter<std::string_view>::format(s, ctx);
  }
};

/// An event with actor ids (for names, format `diplo::named(e, registry)`):
/// "xi-jinping — state visit to Russia (Moscow), 20–22 March 2023".
template <>
struct fmt::formatter<diplo::event> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::event& e, Context& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(diplo::detail::describe(e, nullptr), ctx);
  }
};

/// "Xi Jinping — state visit to Russia (Moscow), 20–22 March 2023".
template <>
struct fmt::formatter<diplo::named_event> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::named_event& n, Context& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(diplo::detail::describe(*n.e, n.actors), ctx);
  }
};

// Each kind prints as the event it is.
template <>
struct fmt::formatter<diplo::visit> : fmt::formatter<diplo::event> {};
template <>
struct fmt::formatter<diplo::summit> : fmt::formatter<diplo::event> {};
template <>
struct fmt::formatter<diplo::meeting> : fmt::formatter<diplo::event> {};
template <>
struct fmt::formatter<diplo::ceremony> : fmt::formatter<diplo::event> {};
