// SPDX-License-Identifier: MIT
#include <diplo/country.h>

#include <algorithm>
#include <concepts>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <diplo/error.h>

using namespace diplo::literals;

// --- type properties ------------------------------------------------------------------------

static_assert(std::regular<diplo::country_code>);
static_assert(std::totally_ordered<diplo::country_code>);
static_assert(std::is_trivially_copyable_v<diplo::country_code>);
static_assert(sizeof(diplo::country_code) <= 4);
static_assert(!std::is_convertible_v<std::string, diplo::country_code>);
static_assert(!std::is_constructible_v<diplo::country_code, std::string>);
static_assert(!std::is_convertible_v<std::string_view, diplo::country_code>);
static_assert(!std::is_convertible_v<int, diplo::country_code>);
static_assert(std::is_nothrow_default_constructible_v<diplo::country_code>);

// --- compile-time use -----------------------------------------------------------------------

static_assert(diplo::country_code().empty());
static_assert(!"RU"_cc.empty());
static_assert("RU"_cc == diplo::country_code("RU"));
static_assert("RU"_cc == "RUS"_cc);
static_assert("ru"_cc == "RU"_cc);
static_assert("RU"_cc.alpha2() == "RU");
static_assert("RUS"_cc.alpha2() == "RU");
static_assert("SUHH"_cc == "SU"_cc);
static_assert("CSXX"_cc == "CS"_cc);
static_assert("CSHH"_cc != "CS"_cc);
static_assert("CSHH"_cc.alpha2() == "CSHH");
static_assert("AI"_cc.alpha2() == "AI");      // Anguilla, current
static_assert("AIDJ"_cc.alpha2() == "AIDJ");  // French Afars and Issas, former
static_assert(diplo::country_code() < "AD"_cc);
static_assert("DE"_cc < "FR"_cc);
static_assert(diplo::country_code::try_parse("QQ") == std::nullopt);
static_assert(diplo::country_code::try_parse("deu") == "DE"_cc);

// The next lines must not compile (checked by hand):
//   constexpr diplo::country_code q = "QQ";
//   auto q = "QQ"_cc;

TEST(CountryCode, DefaultIsEmpty) {
  diplo::country_code c;
  EXPECT_TRUE(c.empty());
  EXPECT_EQ(c.alpha2(), "");
  EXPECT_EQ(c, diplo::country_code{});
}

TEST(CountryCode, Literal) {
  constexpr diplo::country_code ru = "RU";
  EXPECT_EQ(ru.alpha2(), "RU");
  EXPECT_EQ(ru, "RU"_cc);
  EXPECT_EQ(diplo::country_code{"US"}, "USA"_cc);
  EXPECT_EQ("XK"_cc.alpha2(), "XK");
}

TEST(CountryCode, ParsesAlpha2AndAlpha3InAnyCase) {
  EXPECT_EQ(diplo::country_code::parse("RU"), "RU"_cc);
  EXPECT_EQ(diplo::country_code::parse("ru"), "RU"_cc);
  EXPECT_EQ(diplo::country_code::parse("rU"), "RU"_cc);
  EXPECT_EQ(diplo::country_code::parse("RUS"), "RU"_cc);
  EXPECT_EQ(diplo::country_code::parse("rus"), "RU"_cc);
  EXPECT_EQ(diplo::country_code::parse("gbr"), "GB"_cc);
  EXPECT_EQ(diplo::country_code::parse("Xkx"), "XK"_cc);
}

TEST(CountryCode, TryParse) {
  EXPECT_EQ(diplo::country_code::try_parse("fra"), "FR"_cc);
  EXPECT_EQ(diplo::country_code::try_parse("UK"), std::nullopt);  // not ISO; GB is
  EXPECT_EQ(diplo::country_code::try_parse(""), std::nullopt);
  EXPECT_EQ(diplo::country_code::try_parse("R"), std::nullopt);
  EXPECT_EQ(diplo::country_code::try_parse("RUSSIA"), std::nullopt);
  EXPECT_EQ(diplo::country_code::try_parse("R1"), std::nullopt);
  EXPECT_EQ(diplo::country_code::try_parse(" RU"), std::nullopt);
  EXPECT_EQ(diplo::country_code::try_parse(std::string_view("RU\0", 3)), std::nullopt);
}

TEST(CountryCode, UnknownCodeThrowsParseError) {
  try {
    (void)diplo::country_code::parse("QQ");
    FAIL() << "expected diplo::parse_error";
  } catch (const diplo::parse_error& e) {
    EXPECT_STREQ(e.what(),
                 "[diplo.country] \"QQ\" at column 1: "
                 "expected an ISO 3166 alpha-2 or alpha-3 code");
    EXPECT_EQ(e.input(), "QQ");
    EXPECT_EQ(e.column(), 1U);
  }
  try {
    (void)diplo::country_code::parse("R1");
    FAIL() << "expected diplo::parse_error";
  } catch (const diplo::parse_error& e) {
    EXPECT_EQ(e.column(), 2U);
  }
  EXPECT_THROW((void)diplo::country_code::parse(""), diplo::parse_error);
  EXPECT_THROW((void)diplo::country_code::parse("Russia"), diplo::error);
}

// --- former states --------------------------------------------------------------------------

TEST(CountryCode, FormerStates) {
  EXPECT_EQ(diplo::country_code::parse("SU"), "SU"_cc);
  EXPECT_EQ(diplo::country_code::parse("SUN"), "SU"_cc);
  EXPECT_EQ(diplo::country_code::parse("suhh"), "SU"_cc);
  EXPECT_EQ(diplo::country_code::parse("DD"), "DD"_cc);
  EXPECT_EQ(diplo::country_code::parse("DDR"), "DD"_cc);
  EXPECT_EQ(diplo::country_code::parse("DDDE"), "DD"_cc);
  EXPECT_EQ(diplo::country_code::parse("YU"), "YU"_cc);
  EXPECT_EQ(diplo::country_code::parse("YUG"), "YU"_cc);
  EXPECT_EQ(diplo::country_code::parse("YUCS"), "YU"_cc);

  const auto& su = diplo::info("SU"_cc);
  EXPECT_TRUE(su.former);
  EXPECT_EQ(su.alpha3, "SUN");
  EXPECT_EQ(su.alpha4, "SUHH");
  EXPECT_EQ(su.withdrawn, "1992-08-30");
  EXPECT_EQ(su.short_name, "Soviet Union");
  EXPECT_EQ(diplo::info("DD"_cc).short_name, "East Germany");
  EXPECT_EQ(diplo::info("YU"_cc).short_name, "Yugoslavia");
  EXPECT_FALSE(diplo::info("RU"_cc).former);
  EXPECT_EQ(diplo::info("RU"_cc).withdrawn, "");
}

TEST(CountryCode, CsIsSerbiaAndMontenegroAndCzechoslovakiaIsCshh) {
  // Both former states had "CS"; the most recently withdrawn keeps it.
  const auto& cs = diplo::info("CS"_cc);
  EXPECT_EQ(cs.short_name, "Serbia and Montenegro");
  EXPECT_EQ(cs.alpha3, "SCG");
  EXPECT_EQ(cs.alpha4, "CSXX");
  EXPECT_EQ(cs.withdrawn, "2006-09-26");
  EXPECT_EQ(diplo::country_code::parse("SCG"), "CS"_cc);
  EXPECT_EQ(diplo::country_code::parse("CSXX"), "CS"_cc);

  const auto& csk = diplo::info("CSHH"_cc);
  EXPECT_EQ(csk.short_name, "Czechoslovakia");
  EXPECT_EQ(csk.alpha2, "CS");  // as ISO assigned it
  EXPECT_EQ(csk.code.alpha2(), "CSHH");
  EXPECT_EQ(diplo::country_code::parse("CSK"), "CSHH"_cc);
  EXPECT_EQ(diplo::country_code::parse("cshh"), "CSHH"_cc);
}

TEST(CountryCode, FormerAlpha2TakenByCurrentCountryNeedsAlpha4) {
  EXPECT_FALSE(diplo::info("AI"_cc).former);  // Anguilla
  EXPECT_TRUE(diplo::info("AIDJ"_cc).former);
  EXPECT_EQ(diplo::info("AIDJ"_cc).alpha2, "AI");
  EXPECT_EQ(diplo::info("BY"_cc).short_name, "Belarus");
  EXPECT_EQ(diplo::info("BYAA"_cc).short_name, "Byelorussian SSR");
  EXPECT_EQ(diplo::country_code::parse("BYS"), "BYAA"_cc);
  // ATF is both the French Southern Territories (current) and the former FQ: current wins.
  EXPECT_EQ(diplo::country_code::parse("ATF"), "TF"_cc);
  EXPECT_EQ(diplo::country_code::parse("FQHH"), "FQ"_cc);
}

TEST(CountryCode, Kosovo) {
  const auto& xk = diplo::info("XK"_cc);
  EXPECT_TRUE(xk.user_assigned);
  EXPECT_FALSE(xk.former);
  EXPECT_EQ(xk.name, "Kosovo");
  EXPECT_FALSE(diplo::info("RS"_cc).user_assigned);
}

// --- info and the table ---------------------------------------------------------------------

TEST(CountryInfo, Fields) {
  const auto& ru = diplo::info("RU"_cc);
  EXPECT_EQ(ru.code, "RU"_cc);
  EXPECT_EQ(ru.alpha2, "RU");
  EXPECT_EQ(ru.alpha3, "RUS");
  EXPECT_EQ(ru.numeric, "643");
  EXPECT_EQ(ru.name, "Russian Federation");
  EXPECT_EQ(ru.short_name, "Russia");
  EXPECT_EQ(ru.alpha4, "");
  const auto& kr = diplo::info("KR"_cc);
  EXPECT_EQ(kr.name, "Korea, Republic of");
  EXPECT_EQ(kr.common_name, "South Korea");
  EXPECT_EQ(diplo::info("TR"_cc).official_name, "Republic of Türkiye");
}

TEST(Countries, CurrentThenFormerEachSortedAndUnique) {
  auto all = diplo::countries();
  ASSERT_GT(all.size(), 270U);
  auto first_former = std::find_if(all.begin(), all.end(), [](const auto& c) { return c.former; });
  ASSERT_NE(first_former, all.end());
  EXPECT_TRUE(std::all_of(first_former, all.end(), [](const auto& c) { return c.former; }));
  auto by_code = [](const auto& a, const auto& b) { return a.code < b.code; };
  EXPECT_TRUE(std::is_sorted(all.begin(), first_former, by_code));
  EXPECT_TRUE(std::is_sorted(first_former, all.end(), by_code));

  std::set<diplo::country_code> codes;
  std::set<std::string_view> alpha3s;
  for (const auto& c : all) {
    EXPECT_FALSE(c.code.empty());
    EXPECT_TRUE(codes.insert(c.code).second) << c.code.alpha2();
    // ISO reused some alpha-3s too (former FQ and current TF are both "ATF").
    if (!c.former) {
      EXPECT_TRUE(alpha3s.insert(c.alpha3).second) << c.alpha3;
    }
    EXPECT_FALSE(c.name.empty());
    EXPECT_FALSE(c.short_name.empty());
    EXPECT_EQ(&diplo::info(c.code), &c);
    EXPECT_EQ(diplo::country_code::parse(c.code.alpha2()), c.code);
    EXPECT_EQ(c.former, !c.withdrawn.empty()) << c.code.alpha2();
    EXPECT_EQ(c.former, !c.alpha4.empty()) << c.code.alpha2();
    if (c.former) {
      EXPECT_EQ(diplo::country_code::parse(c.alpha4), c.code) << c.alpha4;
    } else {
      EXPECT_EQ(c.code.alpha2(), c.alpha2);
      EXPECT_EQ(diplo::country_code::parse(c.alpha3), c.code) << c.alpha3;
    }
  }
  EXPECT_EQ(codes.size(), all.size());
  EXPECT_TRUE(std::any_of(all.begin(), all.end(), [](const auto& c) { return c.code == "SU"_cc; }));
}

// --- names ----------------------------------------------------------------------------------

TEST(FindCountry, Codes) {
  EXPECT_EQ(diplo::find_country("RU"), "RU"_cc);
  EXPECT_EQ(diplo::find_country("rus"), "RU"_cc);
  EXPECT_EQ(diplo::find_country("SUHH"), "SU"_cc);
}

TEST(FindCountry, Names) {
  EXPECT_EQ(diplo::find_country("Türkiye"), "TR"_cc);
  EXPECT_EQ(diplo::find_country("TÜRKIYE"), "TR"_cc);
  EXPECT_EQ(diplo::find_country("turkiye"), "TR"_cc);
  EXPECT_EQ(diplo::find_country("Turkey"), "TR"_cc);
  EXPECT_EQ(diplo::find_country("Republic of Türkiye"), "TR"_cc);
  EXPECT_EQ(diplo::find_country("Russia"), "RU"_cc);
  EXPECT_EQ(diplo::find_country("russian federation"), "RU"_cc);
  EXPECT_EQ(diplo::find_country("  Russian   Federation "), "RU"_cc);
  EXPECT_EQ(diplo::find_country("South Korea"), "KR"_cc);
  EXPECT_EQ(diplo::find_country("Korea, Republic of"), "KR"_cc);
  EXPECT_EQ(diplo::find_country("Republic of Korea"), "KR"_cc);
  EXPECT_EQ(diplo::find_country("North Korea"), "KP"_cc);
  EXPECT_EQ(diplo::find_country("Cote d'Ivoire"), "CI"_cc);
  EXPECT_EQ(diplo::find_country("Côte d’Ivoire"), "CI"_cc);
  EXPECT_EQ(diplo::find_country("Ivory Coast"), "CI"_cc);
  EXPECT_EQ(diplo::find_country("The Gambia"), "GM"_cc);
  EXPECT_EQ(diplo::find_country("St. Lucia"), "LC"_cc);
  EXPECT_EQ(diplo::find_country("Trinidad & Tobago"), "TT"_cc);
  EXPECT_EQ(diplo::find_country("Democratic Republic of the Congo"), "CD"_cc);
  EXPECT_EQ(diplo::find_country("Holy See"), "VA"_cc);
  EXPECT_EQ(diplo::find_country("Vatican"), "VA"_cc);
  EXPECT_EQ(diplo::find_country("Kosovo"), "XK"_cc);
}

TEST(FindCountry, Aliases) {
  EXPECT_EQ(diplo::find_country("UK"), "GB"_cc);
  EXPECT_EQ(diplo::find_country("U.K."), "GB"_cc);
  EXPECT_EQ(diplo::find_country("Great Britain"), "GB"_cc);
  EXPECT_EQ(diplo::find_country("USA"), "US"_cc);
  EXPECT_EQ(diplo::find_country("U.S.A."), "US"_cc);
  EXPECT_EQ(diplo::find_country("United States of America"), "US"_cc);
  EXPECT_EQ(diplo::find_country("America"), "US"_cc);
  EXPECT_EQ(diplo::find_country("Czech Republic"), "CZ"_cc);
  EXPECT_EQ(diplo::find_country("Swaziland"), "SZ"_cc);
  EXPECT_EQ(diplo::find_country("Macedonia"), "MK"_cc);
  EXPECT_EQ(diplo::find_country("Burma"), "MM"_cc);  // the current country, not BU
  EXPECT_EQ(diplo::find_country("East Timor"), "TL"_cc);
  EXPECT_EQ(diplo::find_country("West Germany"), "DE"_cc);
}

TEST(FindCountry, FormerStates) {
  EXPECT_EQ(diplo::find_country("USSR"), "SU"_cc);
  EXPECT_EQ(diplo::find_country("Soviet Union"), "SU"_cc);
  EXPECT_EQ(diplo::find_country("the Soviet Union"), "SU"_cc);
  EXPECT_EQ(diplo::find_country("East Germany"), "DD"_cc);
  EXPECT_EQ(diplo::find_country("German Democratic Republic"), "DD"_cc);
  EXPECT_EQ(diplo::find_country("Yugoslavia"), "YU"_cc);
  EXPECT_EQ(diplo::find_country("Czechoslovakia"), "CSHH"_cc);
  EXPECT_EQ(diplo::find_country("Serbia and Montenegro"), "CS"_cc);
  EXPECT_EQ(diplo::find_country("Zaire"), "ZR"_cc);
}

TEST(FindCountry, NothingFound) {
  EXPECT_EQ(diplo::find_country(""), std::nullopt);
  EXPECT_EQ(diplo::find_country("   "), std::nullopt);
  EXPECT_EQ(diplo::find_country("Atlantis"), std::nullopt);
  EXPECT_EQ(diplo::find_country("QQ"), std::nullopt);
  EXPECT_EQ(diplo::find_country("Korea"), std::nullopt);  // which one?
  EXPECT_THROW((void)diplo::find_country("\xff\xfe"), diplo::error);
}

// --- formatting -----------------------------------------------------------------------------

TEST(CountryFormat, ShortName) {
  EXPECT_EQ(fmt::format("{}", "RU"_cc), "Russia");
  EXPECT_EQ(fmt::format("{}", "CN"_cc), "China");
  EXPECT_EQ(fmt::format("{}", "US"_cc), "United States");
  EXPECT_EQ(fmt::format("{}", "GB"_cc), "United Kingdom");
  EXPECT_EQ(fmt::format("{}", "KR"_cc), "South Korea");
  EXPECT_EQ(fmt::format("{}", "KP"_cc), "North Korea");
  EXPECT_EQ(fmt::format("{}", "IR"_cc), "Iran");
  EXPECT_EQ(fmt::format("{}", "TR"_cc), "Türkiye");
  EXPECT_EQ(fmt::format("{}", "SU"_cc), "Soviet Union");
  EXPECT_EQ(fmt::format("{}", "CSHH"_cc), "Czechoslovakia");
  EXPECT_EQ(fmt::format("{}", diplo::country_code()), "");
}

TEST(CountryFormat, Code) {
  EXPECT_EQ(fmt::format("{:c}", "RU"_cc), "RU");
  EXPECT_EQ(fmt::format("{:c}", "RUS"_cc), "RU");
  EXPECT_EQ(fmt::format("{:c}", "SUHH"_cc), "SU");
  EXPECT_EQ(fmt::format("{:c}", "CSK"_cc), "CSHH");
  EXPECT_EQ(fmt::format("{:c}", diplo::country_code()), "");
}

TEST(CountryFormat, Width) {
  EXPECT_EQ(fmt::format("{:>10}", "RU"_cc), "    Russia");
  EXPECT_EQ(fmt::format("{:<10}|", "RU"_cc), "Russia    |");
  EXPECT_EQ(fmt::format("{:*^10}", "CN"_cc), "**China***");
  EXPECT_EQ(fmt::format("{:>4c}", "RU"_cc), "  RU");
  EXPECT_EQ(fmt::format("{:-<4c}|", "RU"_cc), "RU--|");
  EXPECT_EQ(fmt::format("{:>{}}", "RU"_cc, 8), "  Russia");
  EXPECT_EQ(fmt::format("{:>9}", "TR"_cc), "  Türkiye");  // width counts code points, not bytes
  EXPECT_EQ(fmt::format("{:.3}", "RU"_cc), "Rus");
}

TEST(CountryFormat, Info) {
  EXPECT_EQ(fmt::format("{}", diplo::info("DD"_cc)), "East Germany");
  EXPECT_EQ(fmt::format("{:c}", diplo::info("DD"_cc)), "DD");
}

TEST(CountryFormat, BadSpecIsRejected) {
  EXPECT_THROW((void)fmt::format(fmt::runtime("{:x}"), "RU"_cc), fmt::format_error);
  EXPECT_THROW((void)fmt::format(fmt::runtime("{:>{}c}"), "RU"_cc, 4), fmt::format_error);
}

// --- the generated table is up to date ------------------------------------------------------
// Registered separately as a ctest by the lead: `scripts/gen-countries --check`.
