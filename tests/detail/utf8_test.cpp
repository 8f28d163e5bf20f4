// SPDX-License-Identifier: MIT
#include <diplo/detail/utf8.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace {

namespace utf8 = diplo::detail::utf8;

// The oracle: Table 3-7 of the Unicode Standard 15.0 ("Well-Formed UTF-8 Byte
// Sequences"), row by row, byte ranges as printed there.
struct row {
  std::size_t length;
  std::array<std::pair<unsigned, unsigned>, 4> bytes;
};
constexpr std::array<row, 9> table_3_7{{
    {1, {{{0x00, 0x7F}}}},
    {2, {{{0xC2, 0xDF}, {0x80, 0xBF}}}},
    {3, {{{0xE0, 0xE0}, {0xA0, 0xBF}, {0x80, 0xBF}}}},
    {3, {{{0xE1, 0xEC}, {0x80, 0xBF}, {0x80, 0xBF}}}},
    {3, {{{0xED, 0xED}, {0x80, 0x9F}, {0x80, 0xBF}}}},
    {3, {{{0xEE, 0xEF}, {0x80, 0xBF}, {0x80, 0xBF}}}},
    {4, {{{0xF0, 0xF0}, {0x90, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}}}},
    {4, {{{0xF1, 0xF3}, {0x80, 0xBF}, {0x80, 0xBF}, {0x80, 0xBF}}}},
    {4, {{{0xF4, 0xF4}, {0x80, 0x8F}, {0x80, 0xBF}, {0x80, 0xBF}}}},
}};

// True when `s` is exactly one well-formed sequence: some row of the table matches it.
auto one_sequence(std::string_view s) -> bool {
  for (const row& r : table_3_7) {
    if (r.length != s.size()) continue;
    bool match = true;
    for (std::size_t k = 0; k < s.size(); ++k) {
      const auto b = static_cast<unsigned char>(s[k]);
      match = match && b >= r.bytes[k].first && b <= r.bytes[k].second;
    }
    if (match) return true;
  }
  return false;
}

// The length of the well-formed sequence `s` starts with, or 0 (UTF-8 is prefix-free:
// at most one prefix is a sequence).
auto oracle_length(std::string_view s) -> std::size_t {
  for (std::size_t n = 1; n <= 4 && n <= s.size(); ++n) {
    if (one_sequence(s.substr(0, n))) return n;
  }
  return 0;
}

// Well-formed text by the oracle alone: a greedy walk from sequence to sequence.
auto oracle_valid(std::string_view s) -> bool {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = oracle_length(s.substr(i));
    if (n == 0) return false;
    i += n;
  }
  return true;
}

auto encoded(char32_t cp) -> std::string {
  std::string s;
  utf8::encode(cp, s);
  return s;
}

// `s` decoded at 0 agrees with the oracle: the length of its first sequence or, when it
// has none, {U+FFFD, 0}; a decoded sequence encodes back to its own bytes.
void check_against_oracle(std::string_view s) {
  const utf8::decoded d = utf8::decode(s, 0);
  const std::size_t n = oracle_length(s);
  ASSERT_EQ(d.length, n) << testing::PrintToString(std::string(s));
  if (n == 0) {
    ASSERT_EQ(d.code_point, U'\uFFFD');
  } else {
    ASSERT_EQ(encoded(d.code_point), s.substr(0, n));
  }
}

TEST(Utf8, DecodesKnownCharacters) {
  EXPECT_EQ(utf8::decode("A", 0).code_point, U'A');
  EXPECT_EQ(utf8::decode("Erdo\xC4\x9F"
                         "an",
                         4)
                .code_point,
            U'\u011F');  // ğ
  EXPECT_EQ(utf8::decode("Erdo\xC4\x9F"
                         "an",
                         4)
                .length,
            2U);
  EXPECT_EQ(utf8::decode("\xE2\x82\xAC", 0).code_point, U'\u20AC');          // €
  EXPECT_EQ(utf8::decode("\xF0\x9D\x84\x9E", 0).code_point, U'\U0001D11E');  // 𝄞
  EXPECT_EQ(utf8::decode("\xF4\x8F\xBF\xBF", 0).code_point, U'\U0010FFFF');
  EXPECT_EQ(utf8::decode(std::string_view("\0", 1), 0).length, 1U);
}

TEST(Utf8, RefusesWhatTable37Excludes) {
  for (std::string_view bad : {"\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF",  // overlong
                               "\xED\xA0\x80", "\xED\xBF\xBF",                          // surrogates
                               "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF",          // too large
                               "\x80", "\xBF",                                          // continuation
                               "\xE2\x82", "\xF0\x9D\x84", "\xC4"}) {                   // cut short
    EXPECT_FALSE(utf8::decode(bad, 0).ok()) << testing::PrintToString(std::string(bad));
    EXPECT_FALSE(diplo::detail::is_valid_utf8(bad));
  }
}

TEST(Utf8, AllOneTwoAndThreeByteTextsAgreeWithTheTable) {
  std::string s;
  for (unsigned a = 0; a < 256; ++a) {
    s.assign(1, static_cast<char>(a));
    check_against_oracle(s);
    for (unsigned b = 0; b < 256; ++b) {
      s.assign({static_cast<char>(a), static_cast<char>(b)});
      check_against_oracle(s);
    }
  }
  // Three bytes: every text whose first byte is not ASCII (an ASCII first byte decodes
  // alone, whatever follows; the two-byte loop covered it).
  for (unsigned a = 0x80; a < 256; ++a) {
    for (unsigned b = 0; b < 256; ++b) {
      for (unsigned c = 0; c < 256; ++c) {
        s.assign({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
        const utf8::decoded d = utf8::decode(s, 0);
        if (d.length != oracle_length(s)) {
          check_against_oracle(s);  // reports the text
          return;
        }
      }
    }
  }
}

TEST(Utf8, SampledFourByteTextsAgreeWithTheTable) {
  // Every lead and second byte, with the bytes at the edges of the ranges after them.
  constexpr std::array<unsigned, 8> edges{0x00, 0x7F, 0x80, 0x8F, 0x90, 0xBF, 0xC0, 0xFF};
  std::string s;
  for (unsigned a = 0xC0; a < 256; ++a) {
    for (unsigned b = 0; b < 256; ++b) {
      for (unsigned c : edges) {
        for (unsigned d : edges) {
          s.assign({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c), static_cast<char>(d)});
          check_against_oracle(s);
          if (HasFatalFailure()) return;
        }
      }
    }
  }
  std::mt19937 rng(20261203);
  std::uniform_int_distribution<unsigned> lead(0xF0, 0xF4);
  std::uniform_int_distribution<unsigned> tail(0x70, 0xC0);
  for (int k = 0; k < 200'000; ++k) {
    s.assign({static_cast<char>(lead(rng)), static_cast<char>(tail(rng)), static_cast<char>(tail(rng)),
              static_cast<char>(tail(rng))});
    check_against_oracle(s);
    if (HasFatalFailure()) return;
  }
}

TEST(Utf8, EncodesEveryScalarValueAsTheTableSays) {
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (!utf8::is_scalar_value(cp)) {
      ASSERT_TRUE(cp >= 0xD800 && cp <= 0xDFFF);
      continue;
    }
    const std::string s = encoded(cp);
    const std::size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    ASSERT_EQ(s.size(), n) << static_cast<std::uint32_t>(cp);
    ASSERT_TRUE(one_sequence(s)) << static_cast<std::uint32_t>(cp);
    const utf8::decoded d = utf8::decode(s, 0);
    ASSERT_EQ(d.code_point, cp);
    ASSERT_EQ(d.length, n);
  }
  EXPECT_FALSE(utf8::is_scalar_value(0x110000));
}

TEST(Utf8, ValidatesTextLikeTheOracle) {
  EXPECT_TRUE(diplo::detail::is_valid_utf8(""));
  EXPECT_TRUE(
      diplo::detail::is_valid_utf8("Erdo\xC4\x9F"
                                   "an \xE4\xB9\xA0\xE8\xBF\x91\xE5\xB9\xB3"));
  std::mt19937 rng(13);
  // Mostly the bytes that make sequences, so that texts are often valid and often
  // broken in the middle.
  constexpr std::array<unsigned char, 14> pool{'a',  ' ',  0x80, 0x8F, 0x90, 0x9F, 0xA0,
                                               0xBF, 0xC2, 0xE0, 0xED, 0xEF, 0xF0, 0xF4};
  std::uniform_int_distribution<std::size_t> pick(0, pool.size() - 1);
  std::uniform_int_distribution<std::size_t> size(0, 12);
  int valid = 0;
  for (int k = 0; k < 100'000; ++k) {
    std::string s(size(rng), ' ');
    for (char& c : s) c = static_cast<char>(pool[pick(rng)]);
    const bool expected = oracle_valid(s);
    valid += expected ? 1 : 0;
    ASSERT_EQ(diplo::detail::is_valid_utf8(s), expected) << testing::PrintToString(s);
    if (!expected) {
      const std::size_t at = utf8::first_invalid(s);
      ASSERT_LT(at, s.size());
      ASSERT_TRUE(oracle_valid(s.substr(0, at)));
      ASSERT_EQ(oracle_length(s.substr(at)), 0U);
    } else {
      ASSERT_EQ(utf8::first_invalid(s), std::string_view::npos);
    }
  }
  EXPECT_GT(valid, 1000);  // the sample has both kinds
  EXPECT_LT(valid, 99'000);
}

TEST(Utf8, FindsTheFirstBadByteAfterRunsOfAscii) {
  // first_invalid skips eight ASCII bytes at a time: long ASCII runs with the sequence bytes
  // between them, the bad byte at every position of a word, against the oracle.
  std::mt19937 rng(17);
  constexpr std::array<unsigned char, 10> rare{0x80, 0x9F, 0xA0, 0xBF, 0xC2, 0xC3, 0xE0, 0xED, 0xF0, 0xFF};
  std::uniform_int_distribution<int> percent(0, 99);
  std::uniform_int_distribution<std::size_t> pick(0, rare.size() - 1);
  std::uniform_int_distribution<std::size_t> size(0, 40);
  int broken = 0;
  for (int k = 0; k < 50'000; ++k) {
    std::string s(size(rng), 'a');
    for (char& c : s) {
      if (percent(rng) < 4) c = static_cast<char>(rare[pick(rng)]);
    }
    const std::size_t at = utf8::first_invalid(s);
    if (oracle_valid(s)) {
      ASSERT_EQ(at, std::string_view::npos) << testing::PrintToString(s);
      continue;
    }
    ++broken;
    ASSERT_LT(at, s.size()) << testing::PrintToString(s);
    ASSERT_TRUE(oracle_valid(s.substr(0, at))) << testing::PrintToString(s);
    ASSERT_EQ(oracle_length(s.substr(at)), 0U) << testing::PrintToString(s);
  }
  EXPECT_GT(broken, 5'000);
  EXPECT_EQ(utf8::first_invalid(std::string(64, 'x') + "\xC3"), 64U);
  EXPECT_EQ(utf8::first_invalid(std::string(63, 'x') + "\xC3\xA9" + std::string(9, 'y') + "\x80"), 74U);
}

TEST(Utf8, CountsAndWidensCharactersEachBadByteOneReplacement) {
  EXPECT_EQ(utf8::length(""), 0U);
  EXPECT_EQ(utf8::length("Erdo\xC4\x9F"
                         "an"),
            7U);
  EXPECT_EQ(utf8::length("\xE4\xB9\xA0\xE8\xBF\x91\xE5\xB9\xB3"), 3U);  // 习近平
  EXPECT_EQ(utf8::to_utf32("Erdo\xC4\x9F"
                           "an"),
            U"Erdo\u011Fan");
  // An overlong NUL is two bad bytes, not U+0000 (the decoder in actor.h read it so).
  EXPECT_EQ(utf8::to_utf32("a\xC0\x80z"), U"a\uFFFD\uFFFDz");
  EXPECT_EQ(utf8::length("a\xC0\x80z"), 4U);
  EXPECT_EQ(utf8::to_utf32("\xE2\x82"), U"\uFFFD\uFFFD");  // cut short
}

TEST(Utf8, WorksAtCompileTime) {
  static_assert(utf8::decode("\xC4\x9F", 0).code_point == U'\u011F');
  static_assert(!utf8::decode("\xED\xA0\x80", 0).ok());
  static_assert(
      diplo::detail::is_valid_utf8("Erdo\xC4\x9F"
                                   "an"));
  static_assert(!diplo::detail::is_valid_utf8("\xF4\x90\x80\x80"));
  static_assert(utf8::length("\xE2\x82\xAC!") == 2);
  SUCCEED();
}

}  // namespace
