// SPDX-License-Identifier: MIT
#include "diplo/detail/fold.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <utility>

#include <fmt/format.h>
#include <utf8proc.h>

#include "diplo/error.h"

namespace diplo::detail {

namespace {

// fold() of ASCII text, without utf8proc: on ASCII, NFKC changes nothing, case folding is
// lower-casing A-Z, and no character is a mark or default-ignorable (fold_test checks this
// against utf8proc for every ASCII character).
auto fold_ascii(std::string_view ascii) -> std::string {
  std::string result;
  result.reserve(ascii.size());
  bool pending_space = false;
  for (const char c : ascii) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '.' || c == '\'' || c == ',' ||
        c == '_') {
      pending_space = !result.empty();
      continue;
    }
    if (pending_space) result += ' ';
    pending_space = false;
    result += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return result;
}

}  // namespace

auto fold(std::string_view utf8) -> std::string {
  if (std::all_of(utf8.begin(), utf8.end(),
                  [](char c) { return (static_cast<unsigned char>(c) & 0x80U) == 0; })) {
    return fold_ascii(utf8);
  }
  if (!is_valid_utf8(utf8)) {
    throw error(fmt::format("[diplo.name] invalid UTF-8 in name ({} bytes)", utf8.size()));
  }
  utf8proc_uint8_t* out = nullptr;
  // NFKC so that full-width and compatibility forms match their plain letters.
  auto opts = utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
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
  for (std::size_t at = 0; at < folded.size();) {
    const utf8::decoded d = utf8::decode(folded, at);
    if (!d.ok()) break;  // cannot happen: utf8proc_map wrote valid UTF-8
    const char32_t c = d.code_point;
    bool sep = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '.' || c == '\'' ||
               c == ',' || c == '_' || c == 0x2018 || c == 0x2019 || c == 0x02BC ||  // ‘ ’ ʼ apostrophes
               (c >= 0x2010 && c <= 0x2015) || c == 0x2212 ||                        // hyphens and dashes
               c == 0x00B7 || c == 0x30FB || c == 0x2027;                            // middle dots
    if (sep) {
      pending_space = !result.empty();
    } else {
      if (pending_space) result += ' ';
      pending_space = false;
      result.append(folded.substr(at, d.length));
    }
    at += d.length;
  }
  return result;
}

auto nfc(std::string_view utf8) -> std::string {
  if (std::all_of(utf8.begin(), utf8.end(),
                  [](char c) { return (static_cast<unsigned char>(c) & 0x80U) == 0; })) {
    return std::string(utf8);  // ASCII is NFC
  }
  if (!is_valid_utf8(utf8)) {
    throw error(fmt::format("[diplo.name] invalid UTF-8 in name ({} bytes)", utf8.size()));
  }
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()),
                                      static_cast<utf8proc_ssize_t>(utf8.size()), &out,
                                      utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (len < 0) {
    throw error(fmt::format("[diplo.name] cannot normalise name: {}", utf8proc_errmsg(len)));
  }
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(out, &std::free);
  return {reinterpret_cast<const char*>(out), static_cast<std::size_t>(len)};
}

namespace {

// Cyrillic and Greek letters, as fold() leaves them (lower case, no marks), that look like
// a Latin letter: in lower case, or as the capital that case folding made them from.
constexpr std::pair<char32_t, char> look_alikes[] = {
    {0x03B1, 'a'}, {0x03B2, 'b'}, {0x03B5, 'e'}, {0x03B6, 'z'}, {0x03B7, 'h'},  // α β ε ζ η
    {0x03B9, 'i'}, {0x03BA, 'k'}, {0x03BC, 'm'}, {0x03BD, 'n'}, {0x03BF, 'o'},  // ι κ μ ν ο
    {0x03C1, 'p'}, {0x03C4, 't'}, {0x03C5, 'y'}, {0x03C7, 'x'}, {0x03F2, 'c'},  // ρ τ υ χ ϲ
    {0x03F3, 'j'},                                                              // ϳ
    {0x0430, 'a'}, {0x0432, 'b'}, {0x0435, 'e'}, {0x043A, 'k'}, {0x043C, 'm'},  // а в е к м
    {0x043D, 'h'}, {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'}, {0x0442, 't'},  // н о р с т
    {0x0443, 'y'}, {0x0445, 'x'}, {0x0455, 's'}, {0x0456, 'i'}, {0x0458, 'j'},  // у х ѕ і ј
    {0x04CF, 'l'}, {0x0501, 'd'}, {0x051B, 'q'}, {0x051D, 'w'},                 // ӏ ԁ ԛ ԝ
};

enum class script : unsigned char { other, latin, cyrillic, greek };

auto script_of(char32_t c) noexcept -> script {
  auto in = [c](char32_t lo, char32_t hi) { return c >= lo && c <= hi; };
  if (in('A', 'Z') || in('a', 'z') || in(0x00C0, 0x024F) || in(0x1E00, 0x1EFF) || in(0x2C60, 0x2C7F) ||
      in(0xA720, 0xA7FF) || in(0xFF21, 0xFF3A) || in(0xFF41, 0xFF5A)) {
    return script::latin;
  }
  if (in(0x0400, 0x052F) || in(0x1C80, 0x1C8F) || in(0x2DE0, 0x2DFF) || in(0xA640, 0xA69F)) {
    return script::cyrillic;
  }
  if (in(0x0370, 0x03FF) || in(0x1F00, 0x1FFF)) return script::greek;
  return script::other;
}

}  // namespace

auto skeleton(std::string_view folded) -> std::string {
  std::string out;
  out.reserve(folded.size());
  for (std::size_t at = 0; at < folded.size();) {
    const utf8::decoded d = utf8::decode(folded, at);
    if (!d.ok()) {  // not fold()'s output: kept as it is
      out.append(folded.substr(at));
      break;
    }
    const auto* hit =
        std::lower_bound(std::begin(look_alikes), std::end(look_alikes), d.code_point,
                         [](const std::pair<char32_t, char>& x, char32_t y) { return x.first < y; });
    if (hit != std::end(look_alikes) && hit->first == d.code_point) {
      out += hit->second;
    } else {
      out.append(folded.substr(at, d.length));
    }
    at += d.length;
  }
  return out;
}

auto mixed_script_word(std::string_view utf8) -> mixed_word {
  if (!is_valid_utf8(utf8)) {
    throw error(fmt::format("[diplo.name] invalid UTF-8 in name ({} bytes)", utf8.size()));
  }
  std::size_t start = 0;
  bool latin = false;
  script other = script::other;
  const std::size_t size = utf8.size();
  for (std::size_t at = 0; at <= size;) {
    const utf8::decoded d = at < size ? utf8::decode(utf8, at) : utf8::decoded{0, 0};
    const char32_t c = d.code_point;
    const std::size_t len = d.length;
    const auto cat = len > 0 ? utf8proc_category(static_cast<utf8proc_int32_t>(c)) : UTF8PROC_CATEGORY_CN;
    const bool in_word = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME;
    if (!in_word) {  // the word [start, at) ends here
      if (latin && other != script::other) {
        return {utf8.substr(start, at - start), other == script::cyrillic ? "Cyrillic" : "Greek"};
      }
      latin = false;
      other = script::other;
      start = at + std::max<std::size_t>(len, 1);
    } else if (const script s = script_of(c); s == script::latin) {
      latin = true;
    } else if (s != script::other) {
      other = s;
    }
    at += std::max<std::size_t>(len, 1);
  }
  return {};
}

}  // namespace diplo::detail
