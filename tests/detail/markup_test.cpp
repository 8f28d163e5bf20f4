// SPDX-License-Identifier: MIT
#include <diplo/detail/markup.h>

#include <string>

#include <gtest/gtest.h>

namespace {

using diplo::detail::markup_text;

TEST(Markup, EscapesWhatHtmlAndXmlGiveAMeaningTo) {
  EXPECT_EQ(markup_text("Tom & \"Jerry\" <3 'x'"), "Tom &amp; &quot;Jerry&quot; &lt;3 &#39;x&#39;");
  EXPECT_EQ(markup_text("&amp;"), "&amp;amp;");  // text, not markup: escaped again
}

TEST(Markup, LeavesOutControlsXmlForbidsAndMendsBrokenUtf8) {
  EXPECT_EQ(markup_text(std::string_view("a\tb\nc\x01\x1b[31m\0d", 13)), "a\tb\nc[31md");
  EXPECT_EQ(markup_text("Путин 习近平 \xF0\x9F\x98\x80"), "Путин 习近平 \xF0\x9F\x98\x80");
  EXPECT_EQ(markup_text("a\xFF<\xC3"), "a\xEF\xBF\xBD&lt;\xEF\xBF\xBD");
}

}  // namespace
