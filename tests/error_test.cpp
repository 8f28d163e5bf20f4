// SPDX-License-Identifier: MIT
#include <diplo/error.h>

#include <type_traits>

#include <gtest/gtest.h>

namespace {

static_assert(std::is_base_of_v<std::runtime_error, diplo::error>);
static_assert(std::is_base_of_v<diplo::error, diplo::parse_error>);
static_assert(std::is_base_of_v<diplo::error, diplo::validation_error>);
static_assert(std::is_base_of_v<diplo::error, diplo::lookup_error>);

TEST(ParseError, NamesTheInputColumnAndExpectation) {
  auto e = diplo::parse_error::at("edtf", "2024-5-9", 6, "a two-digit month (01-12)");
  EXPECT_STREQ(e.what(), "[diplo.edtf] \"2024-5-9\" at column 6: expected a two-digit month (01-12)");
  EXPECT_EQ(e.input(), "2024-5-9");
  EXPECT_EQ(e.column(), 6u);
}

TEST(Diagnostic, FormatsLikeACompiler) {
  diplo::diagnostic d{diplo::severity::error, "events.json", 12, 7, "expected a string"};
  EXPECT_EQ(fmt::format("{}", d), "events.json:12:7: error: expected a string");
  d.column = 0;
  EXPECT_EQ(fmt::format("{}", d), "events.json:12: error: expected a string");
  d.line = 0;
  d.severity = diplo::severity::warning;
  EXPECT_EQ(fmt::format("{}", d), "events.json: warning: expected a string");
  d.where.clear();
  EXPECT_EQ(fmt::format("{}", d), "warning: expected a string");
  EXPECT_EQ(fmt::format("[{:>9}]", diplo::severity::error), "[    error]");
}

TEST(ValidationError, CountsErrorsAndListsEveryDiagnostic) {
  std::vector<diplo::diagnostic> ds{
      {diplo::severity::error, "a.csv", 2, 1, "bad date"},
      {diplo::severity::warning, "a.csv", 3, 0, "no sources"},
      {diplo::severity::error, "a.csv", 4, 5, "unknown actor"},
  };
  diplo::validation_error e("csv", ds);
  EXPECT_STREQ(e.what(),
               "[diplo.csv] 2 errors\n"
               "  a.csv:2:1: error: bad date\n"
               "  a.csv:3: warning: no sources\n"
               "  a.csv:4:5: error: unknown actor");
  EXPECT_EQ(e.diagnostics(), ds);
}

TEST(LookupError, CarriesCandidates) {
  diplo::lookup_error e("[diplo.actor] \"Bush\" is ambiguous", {"George H. W. Bush", "George W. Bush"});
  EXPECT_EQ(e.candidates().size(), 2u);
  EXPECT_STREQ(e.what(), "[diplo.actor] \"Bush\" is ambiguous");
}

}  // namespace
