// SPDX-License-Identifier: MIT
#include <diplo/detail/json_string.h>

#include <string>

#include <gtest/gtest.h>

namespace {

using diplo::detail::json_string;

TEST(JsonString, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(json_string(""), "\"\"");
  EXPECT_EQ(json_string("say \"hi\"\\"), R"("say \"hi\"\\")");
  EXPECT_EQ(json_string("\b\f\n\r\t"), R"("\b\f\n\r\t")");
  EXPECT_EQ(json_string(std::string_view("\0\x01\x1f\x20\x7f", 5)), "\"\\u0000\\u0001\\u001f \x7f\"");
  EXPECT_EQ(json_string("/"), "\"/\"");
}

TEST(JsonString, WritesUtf8AsItIs) {
  EXPECT_EQ(json_string("Путин"), "\"Путин\"");
  EXPECT_EQ(json_string("习近平 \xF0\x9F\x98\x80"), "\"习近平 \xF0\x9F\x98\x80\"");
  EXPECT_EQ(json_string("Erdog\xCC\x86"
                        "an"),
            "\"Erdog\xCC\x86"
            "an\"");
}

TEST(JsonString, WritesEachByteThatIsNotUtf8AsReplacementCharacter) {
  EXPECT_EQ(json_string("a\xFFz"), R"("a\ufffdz")");
  EXPECT_EQ(json_string("\xC3"), R"("\ufffd")");                                // cut short
  EXPECT_EQ(json_string("\xC0\x80"), R"("\ufffd\ufffd")");                      // overlong
  EXPECT_EQ(json_string("\xED\xA0\x80"), R"("\ufffd\ufffd\ufffd")");            // a surrogate
  EXPECT_EQ(json_string("\xF4\x90\x80\x80"), R"("\ufffd\ufffd\ufffd\ufffd")");  // past U+10FFFF
  EXPECT_EQ(json_string("\xC3\xA9\xFF\xC3\xA9\n"), "\"\xC3\xA9\\ufffd\xC3\xA9\\n\"");
  EXPECT_EQ(json_string("\xE2\x82\"\xE2\x82\xAC"), "\"\\ufffd\\ufffd\\\"\xE2\x82\xAC\"");
}

// The oracle: every byte string of up to three bytes from a set that covers ASCII, each
// kind of lead and continuation byte and the escapes is written as a valid UTF-8 JSON
// string whose content, unescaped, is the input with each ill-formed byte as U+FFFD.
TEST(JsonString, AgreesWithAByteByByteOracle) {
  const std::string bytes =
      std::string("a\"\\\n\x01\x7f\x80\xBF\xC2\xC3\xDF\xE0\xE2\xED\xEF\xF0\xF4\xF5\xFF", 19) +
      std::string(1, '\xA0') + std::string(1, '\x9F') + std::string(1, '\x90') + std::string(1, '\x8F');
  auto unescape = [](std::string_view q) {
    std::string out;
    for (std::size_t i = 1; i + 1 < q.size(); ++i) {
      if (q[i] != '\\') {
        out += q[i];
        continue;
      }
      const char e = q[++i];
      if (e == 'u') {
        const std::string hex(q.substr(i + 1, 4));
        i += 4;
        const unsigned cp = static_cast<unsigned>(std::stoul(hex, nullptr, 16));
        out += cp == 0xFFFD ? std::string("\xEF\xBF\xBD") : std::string(1, static_cast<char>(cp));
      } else {
        out += e == 'n' ? '\n' : e == 'b' ? '\b' : e == 'f' ? '\f' : e == 'r' ? '\r' : e == 't' ? '\t' : e;
      }
    }
    return out;
  };
  // Expected: ill-formed bytes one by one as U+FFFD, found with is_valid_utf8 on the
  // shortest prefix (a different walk from the writer's when the whole text is valid).
  auto expected = [](std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
      std::size_t n = 1;
      while (n <= 4 && i + n <= s.size() && !diplo::detail::is_valid_utf8(s.substr(i, n))) ++n;
      if (n <= 4 && i + n <= s.size()) {
        out += s.substr(i, n);
        i += n;
      } else {
        out += "\xEF\xBF\xBD";
        ++i;
      }
    }
    return out;
  };
  std::size_t checked = 0;
  for (std::size_t len = 0; len <= 3; ++len) {
    std::size_t count = 1;
    for (std::size_t k = 0; k < len; ++k) count *= bytes.size();
    for (std::size_t code = 0; code < count; ++code) {
      std::string s;
      for (std::size_t k = 0, c = code; k < len; ++k, c /= bytes.size()) s += bytes[c % bytes.size()];
      const std::string q = json_string(s);
      ASSERT_TRUE(diplo::detail::is_valid_utf8(q)) << q;
      for (char ch : q) ASSERT_GE(static_cast<unsigned char>(ch), 0x20U) << q;
      ASSERT_EQ(unescape(q), expected(s)) << q;
      ++checked;
    }
  }
  EXPECT_GT(checked, 10000U);
}

}  // namespace
