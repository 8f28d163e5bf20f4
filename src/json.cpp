// SPDX-License-Identifier: MIT
// The one JSON writer (diplo/detail/json.h).

#include "diplo/detail/json.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <utf8proc.h>

#include "diplo/detail/json_string.h"
#include "diplo/detail/utf8.h"

namespace diplo::detail {

namespace {

// The widest line `automatic` folds an object onto, in terminal columns.
constexpr std::size_t fold_width = 100;

// The column `out` ends at: the width of its last line.
auto column_of(const std::string& out) -> std::size_t {
  const std::size_t start = out.rfind('\n');
  return display_width(std::string_view(out).substr(start == std::string::npos ? 0 : start + 1));
}

}  // namespace

auto json::set(std::string key, json value) -> json& {
  std::get<object>(v_).emplace_back(std::move(key), std::move(value));
  return *this;
}

auto json::push(json value) -> json& {
  std::get<array>(v_).push_back(std::move(value));
  return *this;
}

auto json::empty() const noexcept -> bool {
  if (const array* a = std::get_if<array>(&v_)) return a->empty();
  if (const object* o = std::get_if<object>(&v_)) return o->empty();
  return false;
}

auto json::is_flat() const noexcept -> bool {
  auto scalars = [](const array& a) {
    return std::all_of(a.begin(), a.end(), [](const json& x) { return x.is_scalar(); });
  };
  if (const array* a = std::get_if<array>(&v_)) return scalars(*a);
  if (const object* o = std::get_if<object>(&v_)) {
    return std::all_of(o->begin(), o->end(), [&](const auto& kv) {
      const array* items = std::get_if<array>(&kv.second.v_);
      return kv.second.is_scalar() || (items != nullptr && scalars(*items));
    });
  }
  return true;
}

auto json::dump() const -> std::string {
  std::string out;
  write_pretty(out, 0);
  out += '\n';
  return out;
}

void json::write_scalar(std::string& out) const {
  if (std::holds_alternative<std::nullptr_t>(v_)) {
    out += "null";
  } else if (const bool* b = std::get_if<bool>(&v_)) {
    out += *b ? "true" : "false";
  } else if (const long long* i = std::get_if<long long>(&v_)) {
    fmt::format_to(std::back_inserter(out), "{}", *i);
  } else {
    append_json_string(out, std::get<std::string>(v_));
  }
}

void json::write_compact(std::string& out) const {
  if (const array* a = std::get_if<array>(&v_)) {
    out += '[';
    for (std::size_t k = 0; k < a->size(); ++k) {
      if (k > 0) out += ", ";
      (*a)[k].write_compact(out);
    }
    out += ']';
  } else if (const object* o = std::get_if<object>(&v_)) {
    out += '{';
    for (std::size_t k = 0; k < o->size(); ++k) {
      if (k > 0) out += ", ";
      append_json_string(out, (*o)[k].first);
      out += ": ";
      (*o)[k].second.write_compact(out);
    }
    out += '}';
  } else {
    write_scalar(out);
  }
}

void json::write_pretty(std::string& out, std::size_t indent) const {
  if (is_scalar() || empty()) {
    write_compact(out);
    return;
  }
  if (const array* a = std::get_if<array>(&v_)) {
    if (is_flat()) {
      write_compact(out);
      return;
    }
    out += '[';
    for (std::size_t k = 0; k < a->size(); ++k) {
      out += k > 0 ? ",\n" : "\n";
      out.append(indent + 2, ' ');
      (*a)[k].write_pretty(out, indent + 2);
    }
    out += '\n';
    out.append(indent, ' ');
    out += ']';
    return;
  }
  if (fold_ == fold::one_line) {
    write_compact(out);
    return;
  }
  if (fold_ == fold::automatic && is_flat()) {
    const std::size_t before = out.size();
    const std::size_t column = column_of(out);
    write_compact(out);
    if (column + display_width(std::string_view(out).substr(before)) <= fold_width) return;
    out.resize(before);
  }
  const object& o = std::get<object>(v_);
  out += '{';
  for (std::size_t k = 0; k < o.size(); ++k) {
    out += k > 0 ? ",\n" : "\n";
    out.append(indent + 2, ' ');
    append_json_string(out, o[k].first);
    out += ": ";
    o[k].second.write_pretty(out, indent + 2);
  }
  out += '\n';
  out.append(indent, ' ');
  out += '}';
}

auto display_width(std::string_view text) -> std::size_t {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const utf8::decoded d = utf8::decode(text, i);
    const char32_t cp = d.code_point;
    const int w =
        cp < 0x80 ? (cp >= 0x20 && cp < 0x7F ? 1 : 0) : utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
    width += static_cast<std::size_t>(std::max(w, 0));
    i += std::max<std::size_t>(d.length, 1);
  }
  return width;
}

}  // namespace diplo::detail
