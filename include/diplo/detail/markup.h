// SPDX-License-Identifier: MIT
#pragma once

// Internal: text put into HTML or XML (the TimelineJS slides, the timeline picture and
// its page), escaped in one place.
//
// `markup_text` escapes '&', '<' and '>' (text between tags) and '"' and '\'' (so the same
// text is safe inside an attribute value in either quotes); control characters other than
// tab and line feed, which XML 1.0 forbids, are left out; bytes that are not UTF-8 become
// U+FFFD. Everything else is written as it is.
//
//   markup_text("Tom & \"Jerry\" <3")  // "Tom &amp; &quot;Jerry&quot; &lt;3"

#include <string>
#include <string_view>

#include "diplo/detail/utf8.h"

namespace diplo::detail {

[[nodiscard]] inline auto markup_text(std::string_view s) -> std::string {
  std::string out;
  utf8::append_escaped(out, s, [&](char c, char) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n')
          out += c;  // XML has no other controls
        break;
    }
    return 0;
  });
  return out;
}

}  // namespace diplo::detail
