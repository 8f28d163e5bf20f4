// SPDX-License-Identifier: MIT
#pragma once

// Internal: a JSON string literal, written in one place for the JSON and JSON Lines
// writers (src/io) and the tool's --json output (src/cli).
//
// The rules: '"' and '\' are escaped, the control characters U+0000-U+001F are written
// \b \f \n \r \t or \u00XX, and everything else is written as it is (U+007F and non-ASCII
// too, so "Путин" stays readable). Bytes that are not UTF-8 are written \ufffd, one per
// byte, so that the output always parses: RFC 8259 allows nothing else.
//
//   append_json_string(out, "say \"hi\"\n")   // "say \"hi\"\n"
//   append_json_string(out, "a\xFFz")          // "a\ufffdz"

#include <cstddef>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "diplo/detail/utf8.h"

namespace diplo::detail {

/// Appends `s` to `out` as a JSON string, quotes included (see the rules above).
inline void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  std::size_t run = 0;  // start of the pending run of bytes written as they are
  const bool utf8 = is_valid_utf8(s);
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80 && !utf8) {
      if (const utf8::decoded d = utf8::decode(s, i); d.ok()) {
        i += d.length;
        continue;
      }
      out.append(s.data() + run, i - run);
      out += "\\ufffd";
      run = ++i;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out.append(s.data() + run, i - run);
    run = ++i;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: out += fmt::format("\\u{:04x}", c); break;
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

/// `s` as a JSON string, quotes included (see append_json_string).
[[nodiscard]] inline auto json_string(std::string_view s) -> std::string {
  std::string out;
  out.reserve(s.size() + 2);
  append_json_string(out, s);
  return out;
}

}  // namespace diplo::detail
