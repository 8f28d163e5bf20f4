// SPDX-License-Identifier: MIT
#pragma once

// The columnar, interned form of a frozen timeline's events (issue 15's "compact frozen
// timeline"): what a `diplo::event` holds, laid out as fixed-size records and flat arrays.
// Internal: the layout may change without notice.
//
// THE LAYOUT. Every string of every event is stored once however many events cite it: a
// source URL cited by a thousand events is one string, an actor id is one string whatever
// number of events name it. The strings queries compare (actor ids, journeys) are entries
// of a plain `string_pool`; the rest (event ids, parent ids, cities, zones, descriptions,
// notes, names, series, source URLs, publishers and titles) of a compressed `text_pool`
// (diplo/detail/string_pool.h). Actors are numbered (freeze() numbers them as its registry
// does, so that the indexes read an event's actors here and keep no copy). An event is then
// an `event_record` of 40 bytes (its kind, days, status, level or mode, countries, id,
// parent, host and city) plus three compressed lists (its actors, its cities, its sources
// of 16 bytes each) and, in tables of their own by event number for the events that have
// them, its other texts (a description, notes, a name, a series, a zone, a journey: an
// `extras_record`) and its exact instants. Nothing points anywhere: every link is a 32-bit
// number, so the whole store is a handful of flat arrays, ready to be written to a file and
// mapped back as it is.
//
// THE RULE. `materialize(i)` gives back exactly the event that was stored (operator==
// holds, tests/detail/event_store_test.cpp checks every event of the bundled data and of
// synthetic worlds): an absent optional (no parent, no host) and an empty string are told
// apart.

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include <date/date.h>

#include "diplo/country.h"
#include "diplo/detail/column.h"
#include "diplo/detail/string_pool.h"
#include "diplo/detail/timeline_index.h"
#include "diplo/event.h"
#include "diplo/export.h"
#include "diplo/partial_date.h"
#include "diplo/period.h"

namespace diplo::detail {

/// One source of an event: its strings, and the day it was published when known, in 16
/// bytes (a source per event or more: a quarter of a synthetic world's store).
struct source_record {
  std::uint32_t url = 0;
  std::uint32_t publisher = 0;
  std::uint32_t title = 0;
  std::uint32_t published = no_date;  // a partial_date's bytes (std::bit_cast), or no_date

  /// No partial_date has these bytes (its 'X' digits would be 3).
  static constexpr std::uint32_t no_date = 0xFFFFFFFF;

  /// The source's published date, as `published` holds it.
  [[nodiscard]] static auto date_bytes(const std::optional<partial_date>& d) noexcept -> std::uint32_t {
    return d ? std::bit_cast<std::uint32_t>(*d) : no_date;
  }
  /// The published date; std::nullopt when none (or, in a damaged snapshot, not a date).
  [[nodiscard]] auto published_date() const noexcept -> std::optional<partial_date> {
    const auto d = std::bit_cast<partial_date>(published);
    if (published == no_date || !d.well_formed()) return std::nullopt;
    return d;
  }
  /// Whether `published` is no_date or a well-formed date (what a snapshot is checked for).
  [[nodiscard]] auto well_formed() const noexcept -> bool {
    return published == no_date || std::bit_cast<partial_date>(published).well_formed();
  }
};
static_assert(sizeof(source_record) == 16 && sizeof(partial_date) == sizeof(std::uint32_t));

/// The fixed part of one event. `level_or_mode` is a visit's level or a meeting's mode;
/// `flags` says whether the event has exact instants (has_start, has_end) and extras
/// (has_extras), each kept apart, and whether its list of actors ends with its host
/// (host_listed). No padding (see snapshot_items).
struct event_record {
  period when;
  std::uint8_t kind = 0;  // event's alternative: visit, summit, meeting, ceremony
  diplo::status status = status::occurred;
  std::uint8_t level_or_mode = 0;
  std::uint8_t flags = 0;                      // has_start | has_end | has_extras | host_listed
  country_code country;                        // the place's
  country_code host_country;                   // a visit's or summit's
  std::uint32_t id = 0;                        // a text (text_pool)
  std::uint32_t parent = string_pool::absent;  // the parent's id, a text
  std::uint32_t host = string_pool::absent;    // an actor number, or absent
  std::uint32_t city = 0;                      // a text
};
static_assert(std::is_trivially_copyable_v<event_record> && sizeof(event_record) == 40);
inline constexpr std::uint8_t has_start = 1;    // event_record::flags: an exact start instant
inline constexpr std::uint8_t has_end = 2;      // an exact end instant
inline constexpr std::uint8_t has_extras = 4;   // an extras_record
inline constexpr std::uint8_t host_listed = 8;  // the host ends the list of actors (it lists not it)
inline constexpr std::uint8_t record_flags = has_start | has_end | has_extras | host_listed;

/// The strings of one event that most events do not have (all but `journey` are texts).
struct extras_record {
  std::uint32_t event = 0;
  std::uint32_t journey = 0;  // a string (string_pool)
  std::uint32_t zone = 0;
  std::uint32_t description = 0;
  std::uint32_t notes = 0;
  std::uint32_t name = 0;    // a summit's or ceremony's
  std::uint32_t series = 0;  // a summit's

  /// Whether it holds nothing but empty strings.
  [[nodiscard]] auto empty() const noexcept -> bool {
    return (journey | zone | description | notes | name | series) == 0;
  }
};

/// The exact instants of one event that has any (seconds since 1970 UTC).
struct instants_record {
  std::uint32_t event = 0;
  std::uint32_t reserved = 0;  // 0: no padding
  std::int64_t starts = 0;
  std::int64_t ends = 0;
};

/// A frozen timeline's events, columnar and interned (see the header essay).
class event_store {
 public:
  event_store() = default;

  /// The store of `events`, in their order. Actor k of the store is `actors[k]` (freeze()
  /// passes its registry's ids, so that the store's actor numbers are the registry's); an
  /// actor an event names that `actors` does not hold is numbered after them, in the order
  /// of first mention. Throws diplo::error past the 32-bit numbers' bounds (2^32 - 2
  /// events, strings, actor mentions or sources).
  [[nodiscard]] DIPLO_API static auto build(std::span<const event> events,
                                            std::span<const std::string_view> actors = {}) -> event_store;

  /// The number of events.
  [[nodiscard]] auto size() const noexcept -> std::size_t { return records_.size(); }
  [[nodiscard]] auto empty() const noexcept -> bool { return records_.empty(); }

  /// The fixed part of event `i`.
  [[nodiscard]] auto record(std::uint32_t i) const noexcept -> const event_record& { return records_[i]; }

  /// Event `i`'s guests (visit), participants (meeting) or attendees (summit, ceremony):
  /// actor numbers, in the order the event lists them.
  [[nodiscard]] auto actors(std::uint32_t i) const noexcept -> std::span<const std::uint32_t> {
    const auto all = actors_.of(i);
    return (records_[i].flags & host_listed) != 0 && !all.empty() ? all.first(all.size() - 1) : all;
  }
  /// Everyone taking part in event `i`, as actor numbers: its listed actors, then its host
  /// unless listed (stored so: the queries read one list, not the record too). Each once
  /// when its list has no repeats, as in a frozen timeline (freeze() refuses them).
  [[nodiscard]] auto everyone(std::uint32_t i) const noexcept -> std::span<const std::uint32_t> {
    return actors_.of(i);
  }
  /// Every event's list of everyone taking part (what `everyone(i)` reads; queries ask
  /// for them ahead).
  [[nodiscard]] auto actor_lists() const noexcept -> const csr& { return actors_; }
  /// The number of actors (the store's actor numbers are 0 .. actor_count() - 1).
  [[nodiscard]] auto actor_count() const noexcept -> std::size_t { return actor_ids_.size(); }
  /// Per actor number, the string of its id.
  [[nodiscard]] auto actor_ids() const noexcept -> std::span<const std::uint32_t> {
    return actor_ids_.span();
  }
  /// The id of actor `k`. Precondition: k < actor_count().
  [[nodiscard]] auto actor(std::uint32_t k) const noexcept -> std::string_view { return text(actor_ids_[k]); }

  /// Whether actor `k` takes part in event `i` (is listed, or is its host).
  [[nodiscard]] auto takes_part(std::uint32_t i, std::uint32_t k) const noexcept -> bool {
    const auto all = everyone(i);
    return std::find(all.begin(), all.end(), k) != all.end();
  }
  /// Every city of a visit, in order (text numbers).
  [[nodiscard]] auto cities(std::uint32_t i) const noexcept -> std::span<const std::uint32_t> {
    return cities_.of(i);
  }
  [[nodiscard]] auto sources(std::uint32_t i) const noexcept -> std::span<const source_record> {
    return sources_.of(i);
  }
  /// Event `i`'s extras (all empty strings when it has none).
  [[nodiscard]] DIPLO_API auto extras(std::uint32_t i) const noexcept -> const extras_record&;
  /// Every event's extras that has any, by event number.
  [[nodiscard]] auto all_extras() const noexcept -> std::span<const extras_record> { return extras_.span(); }
  /// Event `i`'s exact start and end, when it has them.
  [[nodiscard]] DIPLO_API auto starts_at(std::uint32_t i) const noexcept -> std::optional<date::sys_seconds>;
  [[nodiscard]] DIPLO_API auto ends_at(std::uint32_t i) const noexcept -> std::optional<date::sys_seconds>;

  /// The strings.
  [[nodiscard]] auto strings() const noexcept -> const string_pool& { return strings_; }
  /// String `k` (shorthand for strings()[k]).
  [[nodiscard]] auto text(std::uint32_t k) const noexcept -> std::string_view { return strings_[k]; }
  /// The compressed texts.
  [[nodiscard]] auto prose() const noexcept -> const text_pool& { return prose_; }
  /// Text `k`, decoded (shorthand for prose()[k]).
  [[nodiscard]] auto prose(std::uint32_t k) const -> std::string { return prose_[k]; }

  /// Event `i` as the value it was stored from.
  [[nodiscard]] DIPLO_API auto materialize(std::uint32_t i) const -> event;

  // Parts of event `i`, each a value of its own (what `event_ref`'s accessors return).
  [[nodiscard]] auto id(std::uint32_t i) const -> std::string { return prose(records_[i].id); }
  [[nodiscard]] DIPLO_API auto place(std::uint32_t i) const -> diplo::place;
  [[nodiscard]] DIPLO_API auto source_list(std::uint32_t i) const -> std::vector<source>;
  /// Everyone taking part (diplo::participants' order: the host joins a visit's guests
  /// last, a summit's or ceremony's attendees first, each once).
  [[nodiscard]] DIPLO_API auto participants(std::uint32_t i) const -> std::vector<actor_id>;

  /// The heap the store holds, by part.
  struct footprint {
    std::size_t records = 0;  // event records, extras and instants
    std::size_t lists = 0;    // actors, cities, sources
    std::size_t strings = 0;  // the pools
    [[nodiscard]] auto total() const noexcept -> std::size_t { return records + lists + strings; }
  };
  [[nodiscard]] DIPLO_API auto bytes() const noexcept -> footprint;

  /// Calls f(name, column) for each of its arrays, always in the same order: what a
  /// snapshot file writes and maps back (`Self` is event_store or const event_store).
  template <class Self, class F>
  static void for_each_column(Self& s, F&& f) {
    f("event records", s.records_);
    f("event instants", s.instants_);
    f("event extras", s.extras_);
    f("event actors (offsets)", s.actors_.offsets);
    f("event actors", s.actors_.items);
    f("event cities (offsets)", s.cities_.offsets);
    f("event cities", s.cities_.items);
    f("event sources (offsets)", s.sources_.offsets);
    f("event sources", s.sources_.items);
    f("actor ids", s.actor_ids_);
    f("strings (offsets)", s.strings_.offsets_);
    f("strings (characters)", s.strings_.chars_);
    text_pool::for_each_column(s.prose_, f);
  }

 private:
  [[nodiscard]] auto instants_of(std::uint32_t i) const noexcept -> const instants_record*;

  column<event_record> records_;
  column<instants_record> instants_;  // by event number
  column<extras_record> extras_;      // by event number
  csr actors_;                        // actor numbers
  column<std::uint32_t> actor_ids_;   // per actor number: its id, a string
  csr cities_;
  compressed_lists<source_record> sources_;
  string_pool strings_;
  text_pool prose_;
};

/// The id of stored event k, as id_table's `id_of` reads it.
[[nodiscard]] inline auto ids_of(const event_store& s) noexcept {
  return [&s](std::uint32_t k) -> std::string { return s.id(k); };
}

/// The alternatives of `diplo::event` as `event_record::kind` numbers them.
enum class record_kind : std::uint8_t { visit, summit, meeting, ceremony };
static_assert(std::is_same_v<std::variant_alternative_t<0, event>, visit> &&
              std::is_same_v<std::variant_alternative_t<1, event>, summit> &&
              std::is_same_v<std::variant_alternative_t<2, event>, meeting> &&
              std::is_same_v<std::variant_alternative_t<3, event>, ceremony>);

/// One stored event read in place: what the queries' rules test of it (diplo/event.h's
/// `country_of` and `in_person`, the trip rules' `visiting`), without materializing it.
class stored_event {
 public:
  stored_event(const event_store& s, std::uint32_t i) noexcept : store_(&s), i_(i) {}

  [[nodiscard]] auto record() const noexcept -> const event_record& { return store_->record(i_); }
  [[nodiscard]] auto kind() const noexcept -> record_kind { return static_cast<record_kind>(record().kind); }
  [[nodiscard]] auto when() const noexcept -> const period& { return record().when; }
  [[nodiscard]] auto status() const noexcept -> diplo::status { return record().status; }
  /// A visit's level (unspecified for other kinds).
  [[nodiscard]] auto level() const noexcept -> visit_level {
    return kind() == record_kind::visit ? static_cast<visit_level>(record().level_or_mode) : visit_level{};
  }
  /// As diplo::country_of: the place's country, else a visit's or summit's host country.
  [[nodiscard]] auto country() const noexcept -> country_code {
    const event_record& r = record();
    if (!r.country.empty()) return r.country;
    const bool hosted = kind() == record_kind::visit || kind() == record_kind::summit;
    return hosted ? r.host_country : country_code{};
  }
  /// As diplo::in_person: everything but phone and video meetings.
  [[nodiscard]] auto in_person() const noexcept -> bool {
    return kind() != record_kind::meeting ||
           static_cast<meeting_mode>(record().level_or_mode) == meeting_mode::in_person;
  }
  /// Whether `actor` is its host (a visit's, summit's or ceremony's).
  [[nodiscard]] auto hosted_by(std::string_view actor) const noexcept -> bool {
    const std::uint32_t h = record().host;
    return h != string_pool::absent && store_->actor(h) == actor;
  }
  /// Whether `actor` is among its guests, participants or attendees (its host aside).
  [[nodiscard]] auto lists(std::string_view actor) const noexcept -> bool {
    for (std::uint32_t k : store_->actors(i_)) {
      if (store_->actor(k) == actor) return true;
    }
    return false;
  }
  [[nodiscard]] auto journey() const noexcept -> std::string_view {
    return store_->text(store_->extras(i_).journey);
  }

 private:
  const event_store* store_;
  std::uint32_t i_;
};

}  // namespace diplo::detail
