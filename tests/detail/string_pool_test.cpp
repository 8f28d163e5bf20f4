// SPDX-License-Identifier: MIT
#include <diplo/detail/string_pool.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include <diplo/detail/utf8.h>

namespace {

using diplo::detail::string_pool;
using diplo::detail::string_pool_builder;
using diplo::detail::text_pool;
using diplo::detail::text_pool_builder;

TEST(StringPool, InternsEachTextOnce) {
  string_pool_builder b;
  EXPECT_EQ(b.intern(""), 0U);
  const auto kazan = b.intern("Kazan");
  EXPECT_EQ(b.intern("Moscow"), kazan + 1);
  EXPECT_EQ(b.intern(std::string("Kaz") + "an"), kazan);
  std::vector<std::uint32_t> numbers;
  for (int i = 0; i < 10'000; ++i) numbers.push_back(b.intern(std::to_string(i)));  // grows many times
  for (int i = 0; i < 10'000; ++i) EXPECT_EQ(b.intern(std::to_string(i)), numbers[i]);
  const string_pool p = std::move(b).finish();
  EXPECT_EQ(p.size(), 10'003U);
  EXPECT_EQ(p[0], "");
  EXPECT_EQ(p[kazan], "Kazan");
  EXPECT_EQ(p[numbers[9'999]], "9999");
  EXPECT_EQ(p.text_bytes(), 5U + 6U + 10U + 90U * 2U + 900U * 3U + 9000U * 4U);
}

// Texts like a timeline's: URLs, headlines, names, in several scripts, and a few bytes that
// start no UTF-8 character (a library user may store any bytes; they come back as they were).
auto sample_texts(std::size_t n, std::uint32_t seed) -> std::vector<std::string> {
  std::mt19937 rng(seed);
  const std::vector<std::string> words{"putin",  "xi",      "meets", "visit", "summit", "official", "talks",
                                       "moscow", "beijing", "Путин", "Си",    "会谈",   "Erdoğan",  "état"};
  const std::vector<std::string> sites{"https://www.reuters.com/", "https://apnews.com/article/",
                                       "https://www.dw.com/en/"};
  auto pick = [&](const std::vector<std::string>& v) -> const std::string& { return v[rng() % v.size()]; };
  std::vector<std::string> out;
  for (std::size_t k = 0; k < n; ++k) {
    std::string s;
    switch (rng() % 5) {
      case 0:
        s = pick(sites) + std::to_string(2000 + rng() % 26) + "/" + std::to_string(1 + rng() % 12) + "/";
        for (unsigned w = 0; w < 3 + rng() % 4; ++w) s += pick(words) + "-";
        s += std::to_string(rng() % 100000);
        break;
      case 1:
        for (unsigned w = 0; w < 1 + rng() % 8; ++w) s += (w ? " " : "") + pick(words);
        break;
      case 2: s = pick(words); break;
      case 3:  // any bytes, rarely
        if (rng() % 10 == 0) {
          for (unsigned w = 0; w < rng() % 6; ++w) s += static_cast<char>(rng() % 256);
        }
        break;
      default: s = std::string(rng() % 300, static_cast<char>('a' + rng() % 3));  // long runs
    }
    out.push_back(std::move(s));
  }
  return out;
}

auto compress(const std::vector<std::string>& texts, std::vector<std::uint32_t>* numbers = nullptr)
    -> text_pool {
  text_pool_builder b;
  for (const std::string& s : texts) {
    const std::uint32_t k = b.intern(s);
    if (numbers != nullptr) numbers->push_back(k);
  }
  return std::move(b).finish();
}

TEST(TextPool, EveryTextComesBackAsItWas) {
  for (const std::uint32_t seed : {1U, 2U, 3U}) {
    const auto texts = sample_texts(5'000, seed);
    std::vector<std::uint32_t> numbers;
    const text_pool p = compress(texts, &numbers);
    for (std::size_t i = 0; i < texts.size(); ++i)
      ASSERT_EQ(p[numbers[i]], texts[i]) << "seed " << seed << ", text " << i;
    EXPECT_EQ(p[0], "");
    EXPECT_GT(p.symbols(), 0U);
    EXPECT_LE(p.symbols(), text_pool::max_symbols);
  }
}

// The number of strings of `p` with a long size (255 codes or more).
auto long_sizes(const text_pool& p) -> std::size_t {
  std::size_t longs = 0;
  text_pool::for_each_column(p, [&](std::string_view name, const auto& c) {
    if (name == "texts (long sizes)") longs = c.size();
  });
  return longs;
}

TEST(TextPool, LongTextsAndManyBlocksComeBack) {
  // A byte 0xFF is in no symbol (symbols are whole UTF-8 characters): each takes two codes,
  // so these texts have 2 to 4,000 codes, on both sides of a size byte's limit (255), in
  // many blocks of 16 strings. (Not UTF-8: a file's check would refuse them, a library
  // user's pool holds them.)
  std::vector<std::string> texts;
  for (std::size_t n : {1U, 100U, 127U, 128U, 129U, 2000U}) {
    for (std::size_t k = 0; k < 20; ++k) texts.push_back(std::string(n, '\xFF') + std::to_string(k));
  }
  std::vector<std::uint32_t> numbers;
  const text_pool p = compress(texts, &numbers);
  for (std::size_t i = 0; i < texts.size(); ++i) ASSERT_EQ(p[numbers[i]], texts[i]) << i;
  EXPECT_EQ(long_sizes(p), 4U * 20U);  // 127 bytes and more: with their number, 255 codes and more
  // Long texts of UTF-8 that pass a file's check: random CJK characters, escaped mostly.
  std::mt19937 rng(7);
  std::vector<std::string> cjk;
  for (std::size_t k = 0; k < 100; ++k) {
    std::string s;
    for (std::size_t c = 0; c < (k % 10 == 0 ? 2000 : 20); ++c) {
      const unsigned cp = 0x4E00 + rng() % 20000;
      s += static_cast<char>(0xE0 | (cp >> 12));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    }
    cjk.push_back(std::move(s));
  }
  numbers.clear();
  const text_pool q = compress(cjk, &numbers);
  EXPECT_FALSE(q.fault().has_value()) << q.fault().value_or("");
  for (std::size_t i = 0; i < cjk.size(); ++i) ASSERT_EQ(q[numbers[i]], cjk[i]) << i;
  EXPECT_EQ(long_sizes(q), 10U);
}

TEST(TextPool, TheSameTextIsOneNumber) {
  const auto texts = sample_texts(3'000, 4);
  std::vector<std::uint32_t> numbers;
  const text_pool p = compress(texts, &numbers);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    for (std::size_t j = i + 1; j < std::min(texts.size(), i + 50); ++j) {
      EXPECT_EQ(numbers[i] == numbers[j], texts[i] == texts[j]) << i << ", " << j;
    }
  }
}

TEST(TextPool, SymbolsAreWholeCharactersAndAFileCheckPasses) {
  // Text in scripts of two- and three-byte characters: no symbol ends inside one.
  std::vector<std::string> texts;
  for (int i = 0; i < 2'000; ++i)
    texts.push_back("Путин и Си Цзиньпин: 会谈 " + std::to_string(i) + " Erdoğan état");
  const text_pool p = compress(texts);
  for (std::size_t c = 0; c < p.symbols(); ++c) {
    EXPECT_TRUE(diplo::detail::is_valid_utf8(p.symbol(c))) << "symbol " << c;
    EXPECT_GE(p.symbol(c).size(), 1U);
    EXPECT_LE(p.symbol(c).size(), text_pool::max_symbol_length);
  }
  EXPECT_FALSE(p.fault().has_value()) << p.fault().value_or("");
}

TEST(TextPool, CompressesTextThatRepeats) {
  std::vector<std::string> texts;
  for (const std::string& s : sample_texts(20'000, 5)) {
    if (diplo::detail::is_valid_utf8(s)) texts.push_back(s);
  }
  const text_pool p = compress(texts);
  std::size_t raw = 0;
  for (std::uint32_t k = 0; k < p.size(); ++k) raw += p[k].size();
  EXPECT_LT(p.code_bytes() * 2, raw) << p.code_bytes() << " bytes of codes for " << raw << " bytes of text";
}

TEST(TextPool, TheSameTextsGiveTheSameBytes) {
  const auto texts = sample_texts(4'000, 6);
  const text_pool a = compress(texts);
  const text_pool b = compress(texts);
  std::vector<std::string> bytes_a;
  std::vector<std::string> bytes_b;
  auto bytes_of = [](std::vector<std::string>& out) {
    return [&out](std::string_view, const auto& c) {
      out.emplace_back(reinterpret_cast<const char*>(c.data()), c.size() * sizeof(c[0]));
    };
  };
  text_pool::for_each_column(a, bytes_of(bytes_a));
  text_pool::for_each_column(b, bytes_of(bytes_b));
  EXPECT_EQ(bytes_a, bytes_b);
}

TEST(TextPool, EmptyPool) {
  const text_pool p = text_pool_builder{}.finish();
  EXPECT_EQ(p.size(), 1U);
  EXPECT_EQ(p[0], "");
  EXPECT_EQ(p.symbols(), 0U);
  EXPECT_FALSE(p.fault().has_value());
  const text_pool q = compress({"", "x", ""});  // one text of one byte: a symbol or an escape
  EXPECT_EQ(q[1], "x");
}

// A pool's arrays changed in place, as a file made to harm would have them.
template <class T, class F>
auto broken(const text_pool& good, std::string_view name, F change) -> text_pool {
  text_pool p = good;
  text_pool::for_each_column(p, [&](std::string_view n, auto& c) {
    if constexpr (std::is_same_v<typename std::decay_t<decltype(c)>::value_type, T>) {
      if (n == name) change(c.items());
    }
  });
  return p;
}

TEST(TextPool, AFileCheckFindsWhatIsWrong) {
  const text_pool good = compress({"", "moscow beijing moscow", "état", "moscow", "Путин"});
  ASSERT_FALSE(good.fault().has_value());
  ASSERT_GE(good.symbols(), 2U);
  ASSERT_LT(good.symbols(), 255U);
  auto fault = [](const text_pool& p) { return p.fault().value_or("(none)"); };
  EXPECT_NE(fault(broken<std::uint8_t>(good, "texts (symbol lengths)", [](auto l) { l[1] = 0; }))
                .find("symbol 1 is not"),
            std::string::npos);
  EXPECT_NE(fault(broken<std::uint8_t>(good, "texts (symbol lengths)", [](auto l) { l[1] = 9; }))
                .find("symbol 1 is not"),
            std::string::npos);
  // A symbol that ends inside a character.
  EXPECT_NE(
      fault(broken<char>(good, "texts (symbols)", [](auto s) { s[8] = '\xD0'; })).find("symbol 1 is not"),
      std::string::npos);
  const auto symbols = static_cast<std::uint8_t>(good.symbols());
  EXPECT_NE(fault(broken<std::uint8_t>(good, "texts (codes)", [&](auto c) { c[0] = symbols; }))
                .find("is no symbol"),
            std::string::npos);
  EXPECT_NE(fault(broken<std::uint8_t>(good, "texts (codes)", [](auto c) { c.back() = text_pool::escape; }))
                .find("an escape at the end"),
            std::string::npos);
  // Where the strings lie: string 0 not empty, a size past the codes, a block that starts
  // elsewhere, a long size byte with no long size.
  EXPECT_NE(
      fault(broken<std::uint8_t>(good, "texts (sizes)", [](auto z) { z[0] = 1; })).find("string 0 is not"),
      std::string::npos);
  EXPECT_NE(
      fault(broken<std::uint8_t>(good, "texts (sizes)", [](auto z) { z.back() += 1; })).find("runs past"),
      std::string::npos);
  EXPECT_NE(fault(broken<std::uint8_t>(good, "texts (sizes)", [](auto z) { z[1] -= 1; })).find("no string's"),
            std::string::npos);
  EXPECT_NE(fault(broken<std::uint8_t>(good, "texts (sizes)", [](auto z) { z[1] = text_pool::long_size; }))
                .find("long sizes"),
            std::string::npos);
  EXPECT_NE(
      fault(broken<std::uint32_t>(good, "texts (starts)", [](auto b) { b[0] = 1; })).find("starts elsewhere"),
      std::string::npos);
  // Escaped bytes that are half a character.
  EXPECT_NE(fault(broken<std::uint8_t>(good, "texts (codes)",
                                       [](auto c) {
                                         c[0] = text_pool::escape;
                                         c[1] = 0xD0;
                                       }))
                .find("string 1: not valid UTF-8"),
            std::string::npos);
}

}  // namespace
