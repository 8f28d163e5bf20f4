// SPDX-License-Identifier: MIT
#include "diplo/detail/slug.h"

#include <cstddef>
#include <cstdint>

#include <fmt/format.h>
#include <utf8proc.h>

#include "diplo/detail/fold.h"
#include "diplo/detail/utf8.h"

namespace diplo::detail {
namespace {

// FNV-1a, 64 bits: stable across platforms and runs, which std::hash is not.
auto fnv1a64(std::string_view s) noexcept -> std::uint64_t {
  std::uint64_t h = 14695981039346656037ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

// A letter, a combining mark or a digit (Unicode general categories L*, M*, N*).
auto is_word_character(utf8proc_int32_t c) noexcept -> bool {
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO: return true;
    default: return false;
  }
}

}  // namespace

auto slug_of_folded(std::string_view folded) -> std::string {
  std::string out;
  out.reserve(folded.size());
  bool dash = false;  // a separator since the last word character
  std::size_t i = 0;
  while (i < folded.size()) {
    const auto b = static_cast<unsigned char>(folded[i]);
    std::size_t len = 1;
    bool word = false;
    if (b < 0x80) {  // ASCII, most names: no table look-up
      word = (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z');
    } else {
      if (const utf8::decoded d = utf8::decode(folded, i); d.ok()) {
        len = d.length;
        word = is_word_character(static_cast<utf8proc_int32_t>(d.code_point));
      }
    }
    if (word) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out.append(folded.substr(i, len));
    } else {
      dash = true;
    }
    i += len;
  }
  if (out.empty()) out = fmt::format("person-{:016x}", fnv1a64(folded));
  return out;
}

auto slug(std::string_view name) -> std::string { return slug_of_folded(fold(name)); }

}  // namespace diplo::detail
