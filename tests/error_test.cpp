// SPDX-License-Identifier: MIT
#include <diplo/error.h>

#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include <fmt/format.h>
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

TEST(Diagnostics, CapKeepsAHundredOfEachKindPerFileAndSumsUpTheRest) {
  using diplo::severity;
  std::vector<diplo::diagnostic> ds;
  for (std::uint32_t i = 1; i <= 250; ++i) ds.push_back({severity::error, "a.json", i, 1, "dup"});
  for (std::uint32_t i = 1; i <= 3; ++i) ds.push_back({severity::error, "b.json", i, 1, "dup"});
  for (std::uint32_t i = 1; i <= 101; ++i) ds.push_back({severity::warning, "a.json", i, 1, "like"});
  std::vector<diplo::diagnostic> capped = ds;
  diplo::cap_diagnostics(capped);
  // a.json: 100 errors, its summary, b.json's 3 errors, 100 warnings of a.json, their summary.
  ASSERT_EQ(capped.size(), 100U + 1 + 3 + 100 + 1);
  EXPECT_EQ(capped[99], ds[99]);
  EXPECT_EQ(fmt::format("{}", capped[100]), "a.json: error: ... and 150 more errors");
  EXPECT_EQ(capped[101], ds[250]);
  EXPECT_EQ(fmt::format("{}", capped.back()), "a.json: warning: ... and 1 more warning");
  EXPECT_EQ(diplo::omitted(capped[100]), 150U);
  EXPECT_EQ(diplo::omitted(capped[99]), 0U);
  // The counts include what was left out.
  EXPECT_EQ(diplo::diagnostic_count(capped, severity::error), 253U);
  EXPECT_EQ(diplo::diagnostic_count(capped, severity::warning), 101U);
  // Capping again (with more diagnostics added) adds the earlier summary in.
  std::vector<diplo::diagnostic> again = capped;
  again.push_back({severity::error, "a.json", 999, 1, "late"});
  diplo::cap_diagnostics(again);
  EXPECT_EQ(diplo::diagnostic_count(again, severity::error), 254U);
  EXPECT_EQ(fmt::format("{}", again[100]), "a.json: error: ... and 151 more errors");
  // Few diagnostics are left as they are; the header of a validation_error counts them all.
  std::vector<diplo::diagnostic> few(ds.begin() + 250, ds.begin() + 253);
  diplo::cap_diagnostics(few);
  EXPECT_EQ(few.size(), 3U);
  EXPECT_TRUE(std::string(diplo::validation_error("timeline", capped).what())
                  .starts_with("[diplo.timeline] 253 errors\n"));
}

TEST(LookupError, CarriesCandidates) {
  diplo::lookup_error e("[diplo.actor] \"Bush\" is ambiguous", {"George H. W. Bush", "George W. Bush"});
  EXPECT_EQ(e.candidates().size(), 2u);
  EXPECT_STREQ(e.what(), "[diplo.actor] \"Bush\" is ambiguous");
}

}  // namespace
