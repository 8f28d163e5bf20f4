// SPDX-License-Identifier: MIT
#pragma once

// UTF-8, decoded and checked in one place. Everything in diplo that reads a code point
// or asks whether bytes are UTF-8 (name folding, the readers' "invalid UTF-8" errors,
// the CLI's JSON quoting and terminal widths, "did you mean" on names) calls these.
//
// THE RULE. Well-formed UTF-8 is exactly what Table 3-7 of the Unicode Standard (15.0,
// section 3.9, "Well-Formed UTF-8 Byte Sequences") lists:
//
//   code points         first  second  third  fourth
//   U+0000..U+007F      00..7F
//   U+0080..U+07FF      C2..DF 80..BF
//   U+0800..U+0FFF      E0     A0..BF  80..BF
//   U+1000..U+CFFF      E1..EC 80..BF  80..BF
//   U+D000..U+D7FF      ED     80..9F  80..BF
//   U+E000..U+FFFF      EE..EF 80..BF  80..BF
//   U+10000..U+3FFFF    F0     90..BF  80..BF 80..BF
//   U+40000..U+FFFFF    F1..F3 80..BF  80..BF 80..BF
//   U+100000..U+10FFFF  F4     80..8F  80..BF 80..BF
//
// So overlong forms (C0 80 for U+0000), surrogates (ED A0 80 for U+D800), values past
// U+10FFFF (F4 90 80 80), the bytes C0, C1 and F5..FF anywhere, a lone continuation
// byte and a sequence cut short are all ill-formed.
//
// DECODING. `utf8::decode(s, at)` reads the character starting at byte `at`: its code
// point and its length in bytes, or length 0 (and U+FFFD) when the bytes there are
// ill-formed. Callers that go on past bad input skip one byte and try again, so each
// bad byte becomes one U+FFFD (what the CLI prints).
//
//   utf8::decode("Erdoğan", 4)   // {U'ğ', 2}
//   utf8::decode("\xC0\x80", 0)  // {U'\uFFFD', 0}: an overlong NUL

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace diplo::detail {

namespace utf8 {

/// One decoded character: its code point and its length in bytes (1 to 4), or
/// {U+FFFD, 0} when the bytes are not well-formed UTF-8.
struct decoded {
  char32_t code_point;
  std::size_t length;

  [[nodiscard]] constexpr auto ok() const noexcept -> bool { return length != 0; }
};

/// The character that starts at byte `at` of `s` (see the rule above). Precondition:
/// `at < s.size()`.
[[nodiscard]] constexpr auto decode(std::string_view s, std::size_t at) noexcept -> decoded {
  assert(at < s.size());
  constexpr decoded bad{U'\uFFFD', 0};
  const auto b0 = static_cast<unsigned char>(s[at]);
  if (b0 < 0x80) return {b0, 1};
  std::size_t n = 0;
  char32_t cp = 0;
  unsigned lo = 0x80;  // the range of the second byte; the later ones are always 80..BF
  unsigned hi = 0xBF;
  // A continuation byte, the start of an overlong 2-byte form, or a byte that starts
  // nothing (F5..FF: past U+10FFFF).
  if (b0 < 0xC2 || b0 > 0xF4) return bad;
  if (b0 <= 0xDF) {
    n = 2;
    cp = b0 & 0x1FU;
  } else if (b0 <= 0xEF) {
    n = 3;
    cp = b0 & 0x0FU;
    if (b0 == 0xE0) lo = 0xA0;  // overlong below U+0800
    if (b0 == 0xED) hi = 0x9F;  // surrogates U+D800..U+DFFF
  } else {
    n = 4;
    cp = b0 & 0x07U;
    if (b0 == 0xF0) lo = 0x90;  // overlong below U+10000
    if (b0 == 0xF4) hi = 0x8F;  // past U+10FFFF
  }
  if (s.size() - at < n) return bad;
  for (std::size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[at + k]);
    if (b < lo || b > hi) return bad;
    cp = (cp << 6U) | (b & 0x3FU);
    lo = 0x80;
    hi = 0xBF;
  }
  return {cp, n};
}

/// True when `cp` is a Unicode scalar value: at most U+10FFFF and not a surrogate.
[[nodiscard]] constexpr auto is_scalar_value(char32_t cp) noexcept -> bool {
  return cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
}

/// Appends the UTF-8 form of `cp` to `out`. Precondition: `is_scalar_value(cp)`.
///
///   std::string s; utf8::encode(U'ğ', s);  // s == "\xC4\x9F"
constexpr void encode(char32_t cp, std::string& out) {
  assert(is_scalar_value(cp));
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0U | (cp >> 6U));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0U | (cp >> 12U));
    out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  } else {
    out += static_cast<char>(0xF0U | (cp >> 18U));
    out += static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU));
    out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  }
}

/// The offset of the first byte of `s` that does not start a well-formed character, or
/// `std::string_view::npos` when `s` is all well-formed UTF-8.
[[nodiscard]] constexpr auto first_invalid(std::string_view s) noexcept -> std::size_t {
  for (std::size_t i = 0; i < s.size();) {
    if (!std::is_constant_evaluated() && i + 8 <= s.size()) {  // eight ASCII bytes at a time
      std::uint64_t w = 0;
      std::memcpy(&w, s.data() + i, 8);
      if ((w & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // ASCII, most of any text
      ++i;
      continue;
    }
    const decoded d = decode(s, i);
    if (!d.ok()) return i;
    i += d.length;
  }
  return std::string_view::npos;
}

/// The number of characters in `s`, each ill-formed byte counting as one (as U+FFFD).
[[nodiscard]] constexpr auto length(std::string_view s) noexcept -> std::size_t {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) {
    const decoded d = decode(s, i);
    i += d.ok() ? d.length : 1;
  }
  return n;
}

/// The code points of `s`, each ill-formed byte read as U+FFFD.
[[nodiscard]] inline auto to_utf32(std::string_view s) -> std::u32string {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const decoded d = decode(s, i);
    out.push_back(d.code_point);
    i += d.ok() ? d.length : 1;
  }
  return out;
}

/// Appends `s` to `out` for a text format that escapes some ASCII: each ASCII byte goes to
/// `ascii(c, next)` (which appends what it stands for and returns how many more bytes it
/// consumed, 0 mostly: 1 for a CR LF written as one line break), every other well-formed
/// character is appended as it is, and each ill-formed byte as U+FFFD.
///
///   append_escaped(out, "a&b", [&](char c, char) { out += c == '&' ? "&amp;" : std::string(1, c); return 0;
///   });
template <class Ascii>
void append_escaped(std::string& out, std::string_view s, Ascii ascii) {
  out.reserve(out.size() + s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      const char next = i + 1 < s.size() ? s[i + 1] : '\0';
      i += 1 + static_cast<std::size_t>(ascii(s[i], next));
      continue;
    }
    const decoded d = decode(s, i);
    if (d.ok()) {
      out.append(s.substr(i, d.length));
      i += d.length;
    } else {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
    }
  }
}

}  // namespace utf8

/// True when `s` is well-formed UTF-8 (Unicode 15, Table 3-7: see utf8.h).
[[nodiscard]] constexpr auto is_valid_utf8(std::string_view s) noexcept -> bool {
  return utf8::first_invalid(s) == std::string_view::npos;
}

}  // namespace diplo::detail
