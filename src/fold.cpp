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
  // name ("Jean-Claude", "George W. Bush", "O'Neill") collapse to one space.
  std::string result;
  result.reserve(folded.size());
  bool pending_space = false;
  for (char c : folded) {
    bool sep = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '.' ||
               c == '\'' || c == ',' || c == '_';
    if (sep) {
      pending_space = !result.empty();
      continue;
    }
    if (pending_space) result += ' ';
    pending_space = false;
    result += c;
  }
  return result;
}

}  // namespace diplo::detail
