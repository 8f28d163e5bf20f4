// SPDX-License-Identifier: MIT
#include <diplo/detail/csv_lexer.h>

#include <cstddef>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace {

using diplo::detail::csv_lexed;
using diplo::detail::lex_csv;

struct error_at {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string message;
  friend auto operator==(const error_at&, const error_at&) -> bool = default;
};

// Lexes `text`, collecting every error.
auto lex(std::string_view text, std::vector<error_at>& errors, char comment = '\0') -> csv_lexed {
  return lex_csv(text,
                 [&](std::uint32_t line, std::uint32_t column, std::string m) {
                   errors.push_back({line, column, std::move(m)});
                   return true;
                 },
                 {.comment = comment});
}

// The records as texts: "a|b" per record.
auto texts(const csv_lexed& r) -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const auto& rec : r.records) {
    std::string s;
    for (std::size_t k = 0; k < rec.fields.size(); ++k) s += (k == 0 ? "" : "|") + rec.fields[k].text;
    out.push_back(s);
  }
  return out;
}

TEST(CsvLexer, FieldsRecordsAndTheirPlaces) {
  std::vector<error_at> errors;
  const auto r =
      lex("\xEF\xBB\xBF"
          "id,name\r\n\r\n1,\"Xi, \"\"Jinping\"\"\"\n2,\"two\r\nlines\",x\r3,",
          errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_FALSE(r.unterminated);
  EXPECT_EQ(texts(r), (std::vector<std::string>{"id|name", "1|Xi, \"Jinping\"", "2|two\nlines|x", "3|"}));
  EXPECT_EQ(r.records[0].fields[0].column, 1U);  // the BOM is not a column
  EXPECT_EQ(r.records[1].line, 3U);              // the empty line is no record
  EXPECT_EQ(r.records[2].fields[2].line, 5U);    // after the quoted line break
  EXPECT_EQ(r.records[2].fields[2].column, 8U);
  EXPECT_EQ(r.records[3].line, 6U);  // CR alone ends a record
  EXPECT_EQ(r.records[3].fields[1].column, 3U);
}

TEST(CsvLexer, CommentLinesWhenAsked) {
  std::vector<error_at> errors;
  const std::string text = "# a \"note\", with commas\nslug,code\n\"a\n# not a comment\",X\n  # neither\n";
  EXPECT_EQ(texts(lex(text, errors, '#')),
            (std::vector<std::string>{"slug|code", "a\n# not a comment|X", "  # neither"}));
  EXPECT_TRUE(errors.empty());
  // Without the option, '#' is text (and the quotes in that line are errors).
  EXPECT_EQ(texts(lex(text, errors)).front(), "# a \"note\"| with commas");
  EXPECT_EQ(errors.size(), 1U);
}

TEST(CsvLexer, SyntaxErrorsNameTheirPlace) {
  std::vector<error_at> errors;
  const auto r = lex("a,b\"c\"\n\"q\"x,y\n", errors);
  EXPECT_EQ(errors, (std::vector<error_at>{
                        {1, 4, "'\"' inside an unquoted field (quote the whole field and double the '\"')"},
                        {2, 4,
                         "expected ',' or the end of the line after the closing '\"' of the field at "
                         "column 1"}}));
  EXPECT_EQ(texts(r), (std::vector<std::string>{"a|b\"c\"", "q|y"}));
  EXPECT_TRUE(r.records[0].bad);
  EXPECT_TRUE(r.records[1].bad);
}

TEST(CsvLexer, AnUnterminatedQuoteEndsTheInput) {
  std::vector<error_at> errors;
  const auto r = lex("a,b\n1,\"open\n2,3\n", errors);
  EXPECT_EQ(errors, (std::vector<error_at>{{2, 3, "unterminated quoted field: no closing '\"'"}}));
  EXPECT_TRUE(r.unterminated);
  ASSERT_EQ(r.records.size(), 2U);
  EXPECT_EQ(texts(r).back(), "1");  // the open field is not one
  EXPECT_TRUE(r.records.back().bad);
}

TEST(CsvLexer, TheHandlerStopsIt) {
  // Returning false: the record in hand is finished, no other is read.
  int calls = 0;
  const auto r = lex_csv("a\"\"\"\nb\"\nc\n", [&](std::uint32_t, std::uint32_t, std::string) {
    ++calls;
    return false;
  });
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(texts(r), (std::vector<std::string>{"a\"\"\""}));
  // Throwing: the exception passes through.
  EXPECT_THROW(
      (void)lex_csv("a\"\n",
                    [](std::uint32_t, std::uint32_t, std::string m) -> bool { throw std::runtime_error(m); }),
      std::runtime_error);
}

// Oracle: random records written the way a careful writer writes them (a field quoted when
// it holds ',', '"', a line break or when it is the only, empty, field of its record),
// with random line ends; the lexer must give back every field, at the line and column the
// writer put it.
TEST(CsvLexer, ReadsBackWhatAWriterWrote) {
  std::mt19937 rng(4180);
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  const std::vector<std::string_view> pieces = {"a", "Ø", " ", ",", "\"", "\n", "\r\n", "\r", "#", "x y"};
  const std::vector<std::string_view> ends = {"\n", "\r\n", "\r"};
  for (int round = 0; round < 500; ++round) {
    std::string text;
    std::vector<std::string> want;  // "a|b" per record
    std::vector<std::pair<std::uint32_t, std::uint32_t>> places;
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    auto put = [&](std::string_view s) {
      for (std::size_t k = 0; k < s.size(); ++k) {
        const bool eol = s[k] == '\n' || (s[k] == '\r' && (k + 1 == s.size() || s[k + 1] != '\n'));
        column = eol ? 1 : column + 1;
        line += eol ? 1 : 0;
      }
      text += s;
    };
    const int records = pick(6);
    for (int r = 0; r < records; ++r) {
      const int fields = 1 + pick(4);
      std::string record;
      for (int f = 0; f < fields; ++f) {
        std::string value;
        for (int k = pick(4); k > 0; --k) value += pieces[static_cast<std::size_t>(pick(10))];
        if (f != 0) put(",");
        places.emplace_back(line, column);
        const bool quote =
            value.find_first_of(",\"\r\n") != std::string::npos || (fields == 1 && value.empty());
        if (quote) {
          std::string q = "\"";
          for (char c : value) q += c == '"' ? std::string("\"\"") : std::string(1, c);
          put(q + "\"");
        } else {
          put(value);
        }
        std::string read;  // a CR LF inside a quoted field is read as LF
        for (std::size_t k = 0; k < value.size(); ++k) {
          if (value[k] == '\r' && k + 1 < value.size() && value[k + 1] == '\n') continue;
          read += value[k];
        }
        record += (f == 0 ? "" : "|") + read;
      }
      want.push_back(record);
      if (r + 1 < records || pick(2) == 0) put(ends[static_cast<std::size_t>(pick(3))]);
    }
    std::vector<error_at> errors;
    const auto got = lex(text, errors);
    ASSERT_TRUE(errors.empty()) << fmt::format("{:?}", text) << ": " << errors.front().message;
    ASSERT_EQ(texts(got), want) << fmt::format("{:?}", text);
    std::size_t k = 0;
    for (const auto& rec : got.records) {
      for (const auto& f : rec.fields) {
        EXPECT_EQ(std::pair(f.line, f.column), places[k]) << fmt::format("{:?} field {}", text, k);
        ++k;
      }
    }
  }
}

}  // namespace
