// SPDX-License-Identifier: MIT
// fold() takes a short way for ASCII text; utf8proc's way is the oracle: text with one
// non-ASCII letter in front goes through utf8proc, and must fold to that letter's fold and
// the ASCII text's.
#include <diplo/detail/fold.h>

#include <random>
#include <string>

#include <gtest/gtest.h>

namespace {

using diplo::detail::fold;

// Through utf8proc: "é" + s folds to "e" + fold(s) when s starts with a letter.
auto fold_through_utf8proc(const std::string& s) -> std::string {
  const std::string f = fold("\xC3\xA9" + s);
  EXPECT_EQ(f.substr(0, 1), "e");
  return f.substr(1);
}

TEST(Fold, EveryAsciiCharacterFoldsAsUtf8procFoldsIt) {
  for (int c = 0; c < 128; ++c) {
    const std::string s = std::string("a") + static_cast<char>(c) + "b";
    EXPECT_EQ(fold(s), fold_through_utf8proc(s)) << "character " << c;
  }
}

TEST(Fold, RandomAsciiTextFoldsAsUtf8procFoldsIt) {
  std::mt19937 rng(7);
  for (int n = 0; n < 3000; ++n) {
    std::string s = "x";
    const std::size_t len = rng() % 12;
    for (std::size_t i = 0; i < len; ++i) s += static_cast<char>(rng() % 128);
    ASSERT_EQ(fold(s), fold_through_utf8proc(s)) << "text of " << s.size() << " bytes, seed 7 case " << n;
  }
}

TEST(Fold, AsciiNamesFoldToLowerCaseWordsOneSpaceApart) {
  EXPECT_EQ(fold("  George W. Bush "), "george w bush");
  EXPECT_EQ(fold("Jean-Claude  JUNCKER"), "jean claude juncker");
  EXPECT_EQ(fold("O'Neill,_Tip"), "o neill tip");
  EXPECT_EQ(fold(""), "");
  EXPECT_EQ(fold("--"), "");
}

}  // namespace
