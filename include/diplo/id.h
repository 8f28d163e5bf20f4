// SPDX-License-Identifier: MIT
#pragma once

// Strong identifiers.
//
// Everything on a timeline is named by a stable, human-readable slug: a person is
// "xi-jinping", an event is "2025-05-07-moscow-xi-state-visit". Slugs are strings,
// but an actor id and an event id are different things, so each gets its own type,
// a `basic_id<Tag>` with a distinct tag. Like date's `year`, an id is explicit both
// ways: built from a string only on purpose, turned back into one only on purpose.
//
// CONSTRUCTION
//
//   diplo::actor_id xi{"xi-jinping"};          // OK: explicit
//   diplo::actor_id bad = std::string("x");    // does not compile: not implicit
//   diplo::event_id e{"2025-05-07-moscow"};
//   diplo::actor_id oops = e;                  // does not compile: different tags
//
// USE
//
//   xi.value()                       // const std::string&: "xi-jinping"
//   std::string_view(xi)             // explicit unwrap
//   fmt::format("{}", xi)            // "xi-jinping"
//   std::unordered_map<diplo::actor_id, int> m{{xi, 1}};   // hashable
//
// Ids compare and order as their strings do. A default-constructed id is empty;
// whether an empty id is acceptable is up to whoever stores it (the actor registry
// and the timeline reject it).

#include <compare>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace diplo {

/// A string-valued identifier, distinct per `Tag`. Regular, totally ordered and
/// hashable; never converts implicitly from or to a string.
///
/// **Example**:
///
///   struct room_tag;
///   using room_id = diplo::basic_id<room_tag>;
///   room_id r{"st-george-hall"};
template <class Tag>
class basic_id {
 public:
  /// The empty id.
  basic_id() = default;

  /// Wraps `v` as an id. Cannot fail; no validation happens here.
  explicit basic_id(std::string v) noexcept : value_(std::move(v)) {}

  /// The slug. Example: `actor_id{"xi-jinping"}.value() == "xi-jinping"`.
  [[nodiscard]] auto value() const noexcept -> const std::string& { return value_; }

  /// True for the default-constructed (empty) id.
  [[nodiscard]] auto empty() const noexcept -> bool { return value_.empty(); }

  /// Explicit unwrap: `std::string_view(id)`.
  explicit operator std::string_view() const noexcept { return value_; }

  /// Ids compare as their strings.
  friend auto operator==(const basic_id& a, const basic_id& b) noexcept -> bool {
    return a.value_ == b.value_;
  }
  // Written out rather than defaulted: libc++ before 17 has no operator<=> for std::string.
  // compare() orders as std::string's <=> does (char_traits<char>: bytes as unsigned char).
  friend auto operator<=>(const basic_id& a, const basic_id& b) noexcept -> std::strong_ordering {
    return a.value_.compare(b.value_) <=> 0;
  }

 private:
  std::string value_;
};

struct actor_tag;
struct event_tag;

/// Identifies a person or an organisation, e.g. `actor_id{"xi-jinping"}`.
using actor_id = basic_id<actor_tag>;

/// Identifies an event, e.g. `event_id{"2025-05-07-moscow-xi-state-visit"}`.
using event_id = basic_id<event_tag>;

}  // namespace diplo

/// Hashes an id as its string, so ids are keys of unordered containers.
template <class Tag>
struct std::hash<diplo::basic_id<Tag>> {
  auto operator()(const diplo::basic_id<Tag>& id) const noexcept -> std::size_t {
    return std::hash<std::string_view>{}(std::string_view(id.value()));
  }
};

/// Formats an id as its value: `fmt::format("{:>12}", actor_id{"putin"})` is
/// "       putin". Fill, alignment and width work as for strings.
template <class Tag>
struct fmt::formatter<diplo::basic_id<Tag>> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::basic_id<Tag>& id, Context& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(std::string_view(id.value()), ctx);
  }
};
