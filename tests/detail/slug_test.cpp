// SPDX-License-Identifier: MIT
#include <diplo/detail/slug.h>

#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include <diplo/detail/fold.h>
#include <diplo/error.h>

namespace {

using diplo::detail::slug;
using diplo::detail::slug_of_folded;

TEST(Slug, LatinNamesAreFoldedWordsJoinedByHyphens) {
  EXPECT_EQ(slug("Barack Obama"), "barack-obama");
  EXPECT_EQ(slug("  Jean-Claude  JUNCKER "), "jean-claude-juncker");
  EXPECT_EQ(slug("Recep Tayyip Erdoğan"), "recep-tayyip-erdogan");
  EXPECT_EQ(slug("George W. Bush"), "george-w-bush");
  EXPECT_EQ(slug("Peter Paire O’Neill"), "peter-paire-o-neill");
  EXPECT_EQ(slug("Kim Jong-un (DPRK)"), "kim-jong-un-dprk");
  EXPECT_EQ(slug("Pope John Paul II"), "pope-john-paul-ii");
  EXPECT_EQ(slug("Louis 14"), "louis-14");
}

// The rule the CSV reader and the Office of the Historian importer share. Before, the CSV
// reader kept ASCII letters only ("Jonas Gahr Støre" -> "jonas-gahr-st-re", "Путин" -> a
// hash) while the importer kept every byte above ASCII, punctuation too.
TEST(Slug, LettersOfEveryScriptAreKept) {
  EXPECT_EQ(slug("Jonas Gahr Støre"), "jonas-gahr-støre");  // ø has no accent to strip
  EXPECT_EQ(slug("Lech Wałęsa"), "lech-wałesa");
  EXPECT_EQ(slug("Путин"), "путин");
  EXPECT_EQ(slug("Владимир Путин"), "владимир-путин");
  EXPECT_EQ(slug("习近平"), "习近平");
  EXPECT_EQ(slug("弗拉基米尔·普京"), "弗拉基米尔-普京");  // the middle dot separates
  EXPECT_EQ(slug("김정은"), "김정은");
  // Punctuation outside ASCII separates words too; it is never part of an id.
  EXPECT_EQ(slug("«Путин»"), "путин");
  EXPECT_EQ(slug("Xi ★ Jinping"), "xi-jinping");
}

TEST(Slug, ANameWithoutLettersOrDigitsGetsAStableHash) {
  // FNV-1a of the folded text, pinned so that ids do not change between releases.
  EXPECT_EQ(slug("???"), "person-79a2341835c376d4");
  EXPECT_EQ(slug_of_folded("?"), "person-af63b24c8601a52e");
  EXPECT_EQ(slug_of_folded(""), "person-cbf29ce484222325");  // the FNV-1a offset basis
  EXPECT_NE(slug("!!!"), slug("???"));                       // different names differ
  const std::string star = slug("★");
  EXPECT_TRUE(star.starts_with("person-"));
  EXPECT_EQ(star.size(), 7U + 16U);
  EXPECT_EQ(star.find_first_not_of("0123456789abcdef", 7), std::string::npos);
}

TEST(Slug, InvalidUtf8IsANameError) {
  EXPECT_THROW((void)slug("Putin \xff"), diplo::error);
  EXPECT_EQ(slug_of_folded("a\xff"
                           "b"),
            "a-b");  // bytes that are not UTF-8 separate words
}

TEST(Slug, FoldedOrNotOneSlug) {
  for (const char* n : {"Barack Obama", "Jonas Gahr Støre", "Ｘｉ Ｊｉｎｐｉｎｇ", "Путин", "???", "Erdoğan",
                        "ǅemal Bijedić"}) {
    EXPECT_EQ(slug_of_folded(diplo::detail::fold(n)), slug(n)) << n;
  }
  EXPECT_EQ(slug("Ｘｉ Ｊｉｎｐｉｎｇ"), "xi-jinping");  // full-width forms (NFKC)
}

// Oracle: names made of pieces whose folded form and class (word or separator) are known;
// the slug is the words' folded forms, runs of separators made one '-', none at the ends.
TEST(Slug, AgreesWithAnOracleOnRandomNames) {
  const std::vector<std::pair<std::string_view, std::string_view>> words = {
      {"Anna", "anna"}, {"ÉTÉ", "ete"}, {"Støre", "støre"}, {"Путин", "путин"},
      {"习", "习"},     {"7", "7"},     {"Ğ", "g"},         {"ß", "ss"}};
  const std::vector<std::string_view> separators = {" ", "-", ".", "(", "!", "«", "★", "’", ",", "/"};
  std::mt19937 rng(20261203);
  for (int round = 0; round < 2000; ++round) {
    std::string name;
    std::string expected;
    bool pending = false;
    const int n = std::uniform_int_distribution<int>(0, 8)(rng);
    for (int k = 0; k < n; ++k) {
      if (std::uniform_int_distribution<int>(0, 1)(rng) == 0) {
        const auto& [w, f] = words[std::uniform_int_distribution<std::size_t>(0, words.size() - 1)(rng)];
        name += w;
        if (pending && !expected.empty()) expected += '-';
        pending = false;
        expected += f;
      } else {
        name += separators[std::uniform_int_distribution<std::size_t>(0, separators.size() - 1)(rng)];
        pending = true;
      }
    }
    if (expected.empty()) {
      EXPECT_TRUE(slug(name).starts_with("person-")) << name;
    } else {
      EXPECT_EQ(slug(name), expected) << name;
    }
  }
}

}  // namespace
