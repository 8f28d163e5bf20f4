// SPDX-License-Identifier: MIT
// The claims file reader (diplo/io/claims.h): the bundled file, every kind of claim, and
// located errors for bad files.
#include <diplo/io/claims.h>

#include <string>
#include <string_view>
#include <vector>

#include <diplo/data.h>
#include <gtest/gtest.h>

namespace {

using diplo::actor_id;
using diplo::country_code;

auto names() -> const diplo::actor_registry& { return diplo::data::xi_putin().actors(); }

auto read(std::string_view text) -> diplo::io::claims_file {
  return diplo::io::read_claims(text, "c.json", names());
}

// The messages of the errors reading `text` reports, each "file:line:col: error: ...".
auto errors(std::string_view text) -> std::vector<std::string> {
  try {
    (void)read(text);
  } catch (const diplo::validation_error& e) {
    std::vector<std::string> out;
    for (const auto& d : e.diagnostics()) out.push_back(fmt::format("{}", d));
    return out;
  }
  return {};
}

auto one_claim(std::string_view claim) -> std::string {
  return fmt::format(R"({{"claims": [{{"id": "x", "claim": {}}}]}})", claim);
}

TEST(ClaimsFile, ReadsTheBundledArticle) {
  const auto f = diplo::io::read_claims_file(DIPLO_SOURCE_DIR "/data/claims/ap-2025-05-04.json", names());
  ASSERT_EQ(f.claims.size(), 5U);
  EXPECT_EQ(f.as_of, date::sys_days{date::year{2025} / 5 / 4});
  EXPECT_EQ(f.claims[1].id, "c2");
  EXPECT_EQ(f.claims[1].text, "Xi last visited Russia in September 2024 for a BRICS summit.");
  EXPECT_EQ(f.claims[1].as_of, f.as_of);  // from the document
  EXPECT_EQ(f.claims[1].claim,
            diplo::claim(diplo::last_visit_claim{actor_id{"xi-jinping"}, country_code{"RU"},
                                                 diplo::period::parse("2024-09"), "BRICS summit"}));
}

TEST(ClaimsFile, ReadsEveryKind) {
  const auto f = read(R"({"as_of": "2025-05-04", "claims": [
    {"id": "1", "claim": {"kind": "visited_in", "guest": "Putin", "host_country": "China", "when": "2023-10"}},
    {"id": "2", "as_of": "2024-01-01",
     "claim": {"kind": "visit_ordinal", "guest": "Xi", "host_country": "RUS", "since": "2022-02-24", "n": 3}},
    {"id": "3", "claim": {"kind": "visit_count", "guest": "Xi", "host_country": "RU", "from": "2022", "n": 2}},
    {"id": "4", "claim": {"kind": "first_meeting", "a": "Xi", "b": "Putin", "when": "2013-03", "place": "Moscow"}},
    {"id": "5", "claim": {"kind": "meeting_count", "a": "Xi", "b": "Putin", "to": "2024", "n": 40}},
    {"id": "6", "claim": {"kind": "met_in", "a": "Xi", "b": "Putin", "when": "2024-10", "place": "Kazan, Russia"}},
    {"id": "7", "claim": {"kind": "where", "person": "Xi", "day": "2025-05-09", "place": "Moscow"}},
    {"id": "8", "claim": {"kind": "last_meeting", "a": "Xi", "b": "Putin", "when": "2024"}}
  ]})");
  ASSERT_EQ(f.claims.size(), 8U);
  const actor_id xi{"xi-jinping"}, putin{"vladimir-putin"};
  EXPECT_EQ(f.claims[0].claim, diplo::claim(diplo::visited_in_claim{putin, country_code{"CN"},
                                                                    diplo::period::parse("2023-10"), ""}));
  EXPECT_EQ(f.claims[1].as_of, date::sys_days{date::year{2024} / 1 / 1});
  EXPECT_EQ(f.claims[1].claim, diplo::claim(diplo::visit_ordinal_claim{
                                   xi, country_code{"RU"}, diplo::partial_date::parse("2022-02-24"), 3}));
  EXPECT_EQ(f.claims[2].claim,
            diplo::claim(diplo::visit_count_claim{xi, country_code{"RU"}, diplo::partial_date::parse("2022"),
                                                  std::nullopt, 2}));
  EXPECT_EQ(std::get<diplo::first_meeting_claim>(f.claims[3].claim).place.city, "Moscow");
  EXPECT_EQ(std::get<diplo::meeting_count_claim>(f.claims[4].claim).n, 40U);
  EXPECT_EQ(std::get<diplo::met_in_claim>(f.claims[5].claim).place,
            (diplo::claimed_place{"Kazan", country_code{"RU"}}));
  EXPECT_EQ(std::get<diplo::where_claim>(f.claims[6].claim).day, diplo::partial_date::parse("2025-05-09"));
  EXPECT_TRUE(std::get<diplo::last_meeting_claim>(f.claims[7].claim).place.empty());
}

TEST(ClaimsFile, ReportsEveryProblemWithItsPlace) {
  const auto e = errors(R"({"claims": [
    {"id": "a", "claim": {"kind": "last_visti", "guest": "Xi"}},
    {"id": "b", "claim": {"kind": "last_visit", "guest": "Xi Jinpin", "host_country": "Narnia", "when": "2024-13"}},
    {"id": "b", "claim": {"kind": "met_in", "a": "Xi", "b": "Xi Jinping", "when": "2024", "city": "Kazan"}},
    {"id": "d", "claim": {"kind": "where", "person": "Xi", "day": "2025-05", "place": "Moscow"}},
    {"claim": {"kind": "meeting_count", "a": "Xi", "b": "Putin", "n": -1}},
    {"id": "f", "claim": {"kind": "met_in", "a": "Xi", "b": "Putin"}}
  ]})");
  const std::vector<std::string> expected = {
      R"(c.json:2:35: error: claims[0].claim.kind: unknown kind "last_visti" (expected one of last_visit, )"
      "visited_in, visit_ordinal, visit_count, last_meeting, first_meeting, meeting_count, met_in, where)",
      R"(c.json:3:58: error: claims[1].claim.guest: unknown name "Xi Jinpin"; did you mean: Xi Jinping?)",
      R"(c.json:3:87: error: claims[1].claim.host_country: unknown country "Narnia" (expected an ISO 3166 code )"
      "such as RU, or a name such as Russia)",
      "c.json:3:105: error: claims[1].claim.when: \"2024-13\" at column 6: expected a month (01-12) or a "
      "season (21-24)",
      R"(c.json:4:12: error: claims[2].id: duplicate claim id "b")",
      R"(c.json:4:99: error: claims[2].claim: unknown key "city" for a met_in claim (expected a, b, when; )"
      "optional: place)",
      "c.json:5:67: error: claims[3].claim.day: \"2025-05\": expected one day, YYYY-MM-DD",
      "c.json:6:71: error: claims[4].claim.n: expected a whole number of at least 0",
      R"(c.json:6:5: error: claims[4]: missing "id" (a name for the claim, unique in the file))",
      R"(c.json:7:26: error: claims[5].claim: missing "when" (an EDTF date or period))",
  };
  for (const std::string& x : expected) {
    EXPECT_NE(std::find(e.begin(), e.end(), x), e.end()) << "missing: " << x << "\ngot:\n"
                                                         << fmt::format("{}", fmt::join(e, "\n"));
  }
  // The same actor twice.
  EXPECT_EQ(
      errors(one_claim(R"({"kind": "met_in", "a": "Xi", "b": "xi-jinping", "when": "2024"})")),
      std::vector<std::string>{"c.json:1:69: error: claims[0].claim.b: \"xi-jinping\" is the same actor as a "
                               "(xi-jinping): a claim of meetings names two"});
}

TEST(ClaimsFile, RefusesBrokenDocuments) {
  EXPECT_EQ(errors("[]"),
            std::vector<std::string>{"c.json:1:1: error: expected a JSON object, got an array"});
  EXPECT_EQ(errors("{}"),
            std::vector<std::string>{"c.json:1:1: error: missing \"claims\" (an array of claims)"});
  EXPECT_EQ(errors(R"({"claims": [], "as_of": "2025-05"})"),
            std::vector<std::string>{"c.json:1:25: error: as_of: \"2025-05\": expected one day, YYYY-MM-DD "
                                     "(the day the claim was made)"});
  EXPECT_FALSE(errors(R"({"claims": [)").empty());
  EXPECT_EQ(errors(R"({"claims": [], "claims": []})").size(), 1U);
  EXPECT_EQ(
      errors(R"({"claims": {}})"),
      std::vector<std::string>{"c.json:1:12: error: claims: expected an array of claims, got an object"});
  EXPECT_EQ(errors(one_claim(R"({"kind": "met_in", "a": "Xi", "b": "Putin", "when": "2024/.."})")),
            std::vector<std::string>{
                "c.json:1:86: error: claims[0].claim.when: \"2024/..\": expected a date or period "
                "with known ends (\"2024-09\", \"2023-03-20/2023-03-22\"), not an open or "
                "unknown end"});
  EXPECT_EQ(
      errors(
          R"({"claims": [{"id": "", "claim": {"kind": "met_in", "a": "Xi", "b": "Putin", "when": "2024"}}]})"),
      std::vector<std::string>{
          "c.json:1:20: error: claims[0].id: expected a name for the claim, not an empty string"});
  // Nothing is returned half read: one bad claim and the whole file is refused.
  EXPECT_THROW((void)read(R"({"claims": [{"id": "x", "claim": {"kind": "where"}}]})"),
               diplo::validation_error);
}

TEST(ClaimsFile, AFileThatCannotBeReadSaysSo) {
  EXPECT_THROW((void)diplo::io::read_claims_file(DIPLO_SOURCE_DIR "/no/such/claims.json", names()),
               diplo::error);
}

}  // namespace
