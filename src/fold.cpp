// SPDX-License-Identifier: MIT
#include "diplo/detail/fold.h"

#include <cstdlib>
#include <memory>

#include <fmt/format.h>
#include <utf8proc.h>

#include "diplo/error.h"

namespace diplo::detail {

auto is_valid_utf8(std::string_view s) noexcept -> bool {
  auto p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  auto n = static_cast<utf8proc_ssize_t>(s.size());
  while (n > 0) {
    if (*p < 0x80) {  // ASCII, most of any text: one byte, always valid
      ++p;
      --n;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(p, n, &cp);
    if (len <= 0) return false;
    p += len;
    n -= len;
  }
  return true;
}

auto fold(std::string_view utf8) -> std::string {
  if (!is_valid_utf8(utf8)) {
    throw error(fmt::format("[diplo.name] invalid UTF-8 in name ({} bytes)", utf8.size()));
  }
  utf8proc_uint8_t* out = nullptr;
  // NFKC so that full-width and compatibility forms match their plain letters.
  auto opts = utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
  utf8proc_ssize_t len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()),
                                      static_cast<utf8proc_ssize_t>(utf8.size()), &out, opts);
  if (len < 0) {
    throw error(fmt::format("[diplo.name] cannot fold name: {}", utf8proc_errmsg(len)));
  }
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(out, &std::free);
  std::string_view folded(reinterpret_cast<const char*>(out), static_cast<std::size_t>(len));

  // Separators: white space and the punctuation that varies between spellings of one
  // name ("Jean-Claude", "George W. Bush", "O'Neill", "O’Neill") collapse to one space.
  // The middle dots join the parts of foreign names written in Chinese and Japanese
  // ("弗拉基米尔·普京"), so they separate words too.
  std::string result;
  result.reserve(folded.size());
  bool pending_space = false;
  auto p = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
  auto n = static_cast<utf8proc_ssize_t>(folded.size());
  while (n > 0) {
    utf8proc_int32_t c = 0;
    utf8proc_ssize_t clen = utf8proc_iterate(p, n, &c);
    if (clen <= 0) break;  // cannot happen: utf8proc_map wrote valid UTF-8
    bool sep = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '.' ||
               c == '\'' || c == ',' || c == '_' ||
               c == 0x2018 || c == 0x2019 || c == 0x02BC ||            // ‘ ’ ʼ apostrophes
               (c >= 0x2010 && c <= 0x2015) || c == 0x2212 ||          // hyphens and dashes
               c == 0x00B7 || c == 0x30FB || c == 0x2027;              // middle dots
    if (sep) {
      pending_space = !result.empty();
    } else {
      if (pending_space) result += ' ';
      pending_space = false;
      result.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(clen));
    }
    p += clen;
    n -= clen;
  }
  return result;
}

}  // namespace diplo::detail
