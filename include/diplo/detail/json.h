// SPDX-License-Identifier: MIT
#pragma once

// Internal: the one JSON writer. A small JSON value (null, true/false, an integer, a
// string, an array, an object with its keys in insertion order) that writes itself, for
// the data files' writers (src/io: JSON and JSON Lines), the tool's --json answers
// (src/cli) and the exports. Strings go through append_json_string (json_string.h), so
// whatever the text, the output parses.
//
// TWO LAYOUTS. `compact` writes a value on one line: {"k": v, "k2": [1, 2]} (JSON Lines).
// `pretty` lays it out for a reader, two spaces per level:
// - an array of scalars on one line, any other array one item per line;
// - an object by its `fold`: `one_line` always on one line (a place, a source, an office
//   in the data files); `spread` one key per line (an event, an actor); `automatic` (the
//   default) on one line when it holds only scalars and arrays of scalars and the line
//   ends within 100 terminal columns (detail::display_width), else one key per line.
//
//   json o = json::make_object();
//   o.set("id", "xi-jinping").set("offices", json::array{"President", "General Secretary"});
//   o.dump()  // {"id": "xi-jinping", "offices": ["President", "General Secretary"]}\n

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "diplo/export.h"

namespace diplo::detail {

class DIPLO_API json {
 public:
  using array = std::vector<json>;
  using object = std::vector<std::pair<std::string, json>>;

  /// How `pretty` lays out an object (see the essay above).
  enum class fold : std::uint8_t { automatic, one_line, spread };

  json() = default;
  json(std::nullptr_t) {}  // NOLINT: implicit, like a JSON literal
  json(bool b) : v_(b) {}  // NOLINT
  template <class Int>
  requires(std::is_integral_v<Int> && !std::is_same_v<Int, bool>) json(Int i)
      : v_(static_cast<long long>(i)) {}            // NOLINT
  json(std::string s) : v_(std::move(s)) {}         // NOLINT
  json(std::string_view s) : v_(std::string(s)) {}  // NOLINT
  json(const char* s) : v_(std::string(s)) {}       // NOLINT
  json(array a) : v_(std::move(a)) {}               // NOLINT
  json(object o) : v_(std::move(o)) {}              // NOLINT

  /// An empty object (laid out by `f`) or array, to fill with set() / push().
  static auto make_object(fold f = fold::automatic) -> json {
    json j(object{});
    j.fold_ = f;
    return j;
  }
  static auto make_array() -> json { return json(array{}); }

  /// Adds a key to an object (precondition: this is an object).
  auto set(std::string key, json value) -> json&;
  /// Appends to an array (precondition: this is an array).
  auto push(json value) -> json&;

  /// Whether this is an object or array with nothing in it.
  [[nodiscard]] auto empty() const noexcept -> bool;

  /// The `pretty` text with a final newline.
  [[nodiscard]] auto dump() const -> std::string;
  /// Appends the `pretty` text, its lines after the first indented by `indent` spaces
  /// (where the value starts in its enclosing text); no final newline.
  void write_pretty(std::string& out, std::size_t indent = 0) const;
  /// Appends the `compact` text: one line, no final newline.
  void write_compact(std::string& out) const;

 private:
  [[nodiscard]] auto is_scalar() const noexcept -> bool {
    return !std::holds_alternative<array>(v_) && !std::holds_alternative<object>(v_);
  }
  [[nodiscard]] auto is_flat() const noexcept -> bool;  // only scalars and arrays of scalars
  void write_scalar(std::string& out) const;

  std::variant<std::nullptr_t, bool, long long, std::string, array, object> v_;
  fold fold_ = fold::automatic;
};

/// The width of UTF-8 text in terminal columns (utf8proc's character widths: CJK two
/// columns, combining marks and zero-width characters none; an invalid byte one).
[[nodiscard]] DIPLO_API auto display_width(std::string_view text) -> std::size_t;

}  // namespace diplo::detail
