// SPDX-License-Identifier: MIT
#include <diplo/detail/text.h>

#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace {

using diplo::detail::line_map;
using diplo::detail::text_position;

TEST(Text, WhiteSpaceIsAsciisSix) {
  std::string spaces;
  for (int c = 0; c < 256; ++c) {
    if (diplo::detail::is_space(static_cast<char>(c))) spaces += static_cast<char>(c);
  }
  EXPECT_EQ(spaces, "\t\n\v\f\r ");
}

TEST(Text, TrimsBothEnds) {
  EXPECT_EQ(diplo::detail::trim("  Xi Jinping \n"), "Xi Jinping");
  EXPECT_EQ(diplo::detail::trim("\v\f\r\t"), "");
  EXPECT_EQ(diplo::detail::trim(""), "");
  EXPECT_EQ(diplo::detail::trim("a"), "a");
  EXPECT_EQ(diplo::detail::trim("\xC2\xA0x\xC2\xA0"), "\xC2\xA0x\xC2\xA0");  // U+00A0 is text
  static_assert(diplo::detail::trim(" x ") == "x");
}

TEST(Text, SplitsWordsAtRunsOfWhiteSpace) {
  using words = std::vector<std::string_view>;
  EXPECT_EQ(diplo::detail::split_words(" jean  claude "), (words{"jean", "claude"}));
  EXPECT_EQ(diplo::detail::split_words("a\tb\r\nc\vd\fe"), (words{"a", "b", "c", "d", "e"}));
  EXPECT_EQ(diplo::detail::split_words(""), words{});
  EXPECT_EQ(diplo::detail::split_words(" \n "), words{});
  EXPECT_EQ(diplo::detail::split_words("putin"), words{"putin"});
}

TEST(Text, CollapsesWhiteSpace) {
  EXPECT_EQ(diplo::detail::collapse_space(" John \n F.  Kennedy "), "John F. Kennedy");
  EXPECT_EQ(diplo::detail::collapse_space("\f\v"), "");
  EXPECT_EQ(diplo::detail::collapse_space("x"), "x");
}

// The oracle: a line ends at each LF and at each CR not followed by an LF; columns count
// bytes from the line's start.
auto position_oracle(std::string_view text, std::size_t offset) -> text_position {
  text_position p;
  for (std::size_t i = 0; i < offset; ++i) {
    const bool ends = text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
    if (ends) {
      ++p.line;
      p.column = 1;
    } else {
      ++p.column;
    }
  }
  return p;
}

TEST(Text, LineMapPlacesOffsets) {
  line_map m("ab\ncd");
  EXPECT_EQ(m.at(0), (text_position{1, 1}));
  EXPECT_EQ(m.at(4), (text_position{2, 2}));
  EXPECT_EQ(m.at(2), (text_position{1, 3}));   // the LF ends line 1
  EXPECT_EQ(m.at(99), (text_position{2, 3}));  // past the end: the end
  // LF, CR LF and a CR alone each end one line; the LF of a CR LF is on the line it ends.
  line_map crs("a\r\nb\rc\n");
  EXPECT_EQ(crs.at(2), (text_position{1, 3}));
  EXPECT_EQ(crs.at(3), (text_position{2, 1}));
  EXPECT_EQ(crs.at(5), (text_position{3, 1}));
  EXPECT_EQ(crs.at(7), (text_position{4, 1}));
  EXPECT_EQ(line_map("").at(0), (text_position{1, 1}));
  EXPECT_EQ(line_map("\r").at(1), (text_position{2, 1}));
}

TEST(Text, LineMapAgreesWithTheOracleInAnyOrder) {
  std::mt19937 rng(42);
  constexpr std::string_view alphabet = "ab\n\r";
  std::uniform_int_distribution<std::size_t> letter(0, alphabet.size() - 1);
  std::uniform_int_distribution<std::size_t> size(0, 40);
  for (int k = 0; k < 3000; ++k) {
    std::string text(size(rng), ' ');
    // Half the texts without CR: the map's LF-only path.
    for (char& c : text) c = alphabet[letter(rng) % (k % 2 == 0 ? 3 : 4)];
    line_map m(text);
    std::uniform_int_distribution<std::size_t> offset(0, text.size() + 1);
    for (int q = 0; q < 20; ++q) {  // random order: forward, back, back past lines
      const std::size_t at = offset(rng);
      ASSERT_EQ(m.at(at), position_oracle(text, std::min(at, text.size())))
          << testing::PrintToString(text) << " at " << at;
    }
  }
}

}  // namespace
