// SPDX-License-Identifier: MIT
#include <diplo/tz.h>

#include <chrono>
#include <concepts>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace {

using std::chrono::hours;
using std::chrono::minutes;

static_assert(std::regular<diplo::tz::zoned_instant>);

// 07:00 UTC on 9 May 2025: the Victory Day parade in Moscow began at 10:00 local time.
auto parade_utc() -> date::sys_seconds {
  using namespace date::literals;
  return date::sys_days{2025_y / date::May / 9} + hours{7};
}

// 20:30 UTC on 21 Jan 2025: still the 21st in Moscow, already the 22nd in Beijing.
auto call_utc() -> date::sys_seconds {
  using namespace date::literals;
  return date::sys_days{2025_y / date::January / 21} + hours{20} + minutes{30};
}

TEST(TimeZone, ParadeAtTenInMoscowIsSevenUtc) {
  using namespace date::literals;
  auto local = date::local_days{2025_y / date::May / 9} + hours{10};
  EXPECT_EQ(diplo::tz::to_utc(local, "Europe/Moscow"), parade_utc());
  EXPECT_EQ(diplo::tz::local_time(parade_utc(), "Europe/Moscow"), local);
  EXPECT_EQ(diplo::tz::local_day(parade_utc(), "Europe/Moscow"), 2025_y / date::May / 9);
  EXPECT_EQ(diplo::tz::utc_offset(parade_utc(), "Europe/Moscow"), hours{3});
}

TEST(TimeZone, LocalDayDependsOnZone) {
  using namespace date::literals;
  EXPECT_EQ(diplo::tz::local_day(call_utc(), "Asia/Shanghai"), 2025_y / date::January / 22);
  EXPECT_EQ(diplo::tz::local_day(call_utc(), "Europe/Moscow"), 2025_y / date::January / 21);
  EXPECT_EQ(diplo::tz::local_day(call_utc(), "Etc/UTC"), 2025_y / date::January / 21);
  EXPECT_EQ(diplo::tz::local_time(call_utc(), "Asia/Shanghai"),
            date::local_days{2025_y / date::January / 22} + hours{4} + minutes{30});
  EXPECT_EQ(diplo::tz::local_time(call_utc(), "Europe/Moscow"),
            date::local_days{2025_y / date::January / 21} + hours{23} + minutes{30});
}

TEST(TimeZone, FormatsLocalTimeInEnglish) {
  EXPECT_EQ(diplo::tz::format_local(parade_utc(), "Europe/Moscow"), "10:00 MSK, 9 May 2025");
  EXPECT_EQ(diplo::tz::format_local(call_utc(), "Asia/Shanghai"), "04:30 CST, 22 January 2025");
  EXPECT_EQ(diplo::tz::format_local(call_utc(), "Europe/Moscow"), "23:30 MSK, 21 January 2025");
}

TEST(TimeZone, BerlinSpringGapMapsToTheJump) {
  using namespace date::literals;
  // 30 March 2025: Berlin's clocks went from 02:00 CET straight to 03:00 CEST (01:00 UTC).
  auto never = date::local_days{2025_y / date::March / 30} + hours{2} + minutes{30};
  auto jump = date::sys_days{2025_y / date::March / 30} + hours{1};
  EXPECT_EQ(diplo::tz::to_utc(never, "Europe/Berlin"), jump);
  EXPECT_EQ(diplo::tz::to_utc(never, "Europe/Berlin", date::choose::earliest), jump);
  EXPECT_EQ(diplo::tz::to_utc(never, "Europe/Berlin", date::choose::latest), jump);
  EXPECT_EQ(diplo::tz::abbreviation(jump - hours{1}, "Europe/Berlin"), "CET");
  EXPECT_EQ(diplo::tz::abbreviation(jump, "Europe/Berlin"), "CEST");
}

TEST(TimeZone, BerlinAutumnOverlapHonoursChoose) {
  using namespace date::literals;
  // 26 October 2025: 02:30 happened twice, first in CEST (00:30 UTC), then in CET (01:30 UTC).
  auto twice = date::local_days{2025_y / date::October / 26} + hours{2} + minutes{30};
  auto day = date::sys_days{2025_y / date::October / 26};
  EXPECT_EQ(diplo::tz::to_utc(twice, "Europe/Berlin"), day + minutes{30});
  EXPECT_EQ(diplo::tz::to_utc(twice, "Europe/Berlin", date::choose::latest), day + hours{1} + minutes{30});
}

TEST(TimeZone, KathmanduIsFiveFortyFiveAhead) {
  EXPECT_EQ(diplo::tz::utc_offset(parade_utc(), "Asia/Kathmandu"), hours{5} + minutes{45});
  using namespace date::literals;
  EXPECT_EQ(diplo::tz::local_time(parade_utc(), "Asia/Kathmandu"),
            date::local_days{2025_y / date::May / 9} + hours{12} + minutes{45});
  EXPECT_EQ(diplo::tz::format_local(parade_utc(), "Asia/Kathmandu"), "12:45 +0545, 9 May 2025");
}

TEST(TimeZone, AbbreviationsComeFromTheDatabase) {
  EXPECT_EQ(diplo::tz::abbreviation(parade_utc(), "Europe/Moscow"), "MSK");
  EXPECT_EQ(diplo::tz::abbreviation(parade_utc(), "Europe/Berlin"), "CEST");
  EXPECT_EQ(diplo::tz::abbreviation(call_utc(), "Europe/Berlin"), "CET");
  EXPECT_EQ(diplo::tz::abbreviation(parade_utc(), "Asia/Shanghai"), "CST");
  EXPECT_EQ(diplo::tz::abbreviation(parade_utc(), "Europe/Istanbul"), "+03");
  EXPECT_EQ(diplo::tz::abbreviation(parade_utc(), "Etc/UTC"), "UTC");
}

TEST(TimeZone, CanonicalisesAliases) {
  EXPECT_EQ(diplo::tz::canonical_zone("Europe/Kiev"), "Europe/Kyiv");
  EXPECT_EQ(diplo::tz::canonical_zone("W-SU"), "Europe/Moscow");
  EXPECT_EQ(diplo::tz::canonical_zone("Asia/Calcutta"), "Asia/Kolkata");
  EXPECT_EQ(diplo::tz::canonical_zone("US/Eastern"), "America/New_York");
  EXPECT_EQ(diplo::tz::canonical_zone("Europe/Moscow"), "Europe/Moscow");
  EXPECT_EQ(diplo::tz::canonical_zone("Asia/Kathmandu"), "Asia/Kathmandu");
  EXPECT_THROW((void)diplo::tz::canonical_zone("Europe/Moskva"), diplo::lookup_error);
}

TEST(TimeZone, AliasesStillLocate) {
  EXPECT_TRUE(diplo::tz::is_known_zone("Europe/Kiev"));
  EXPECT_EQ(diplo::tz::utc_offset(parade_utc(), "Europe/Kiev"),
            diplo::tz::utc_offset(parade_utc(), "Europe/Kyiv"));
}

TEST(TimeZone, UnknownZoneThrowsWithSuggestion) {
  EXPECT_FALSE(diplo::tz::is_known_zone("Europe/Moskva"));
  EXPECT_FALSE(diplo::tz::is_known_zone("MSK"));
  EXPECT_FALSE(diplo::tz::is_known_zone(""));
  EXPECT_FALSE(diplo::tz::is_known_zone("localtime"));
  EXPECT_TRUE(diplo::tz::is_known_zone("Europe/Moscow"));
  try {
    (void)diplo::tz::locate("Europe/Moskva");
    FAIL() << "expected diplo::lookup_error";
  } catch (const diplo::lookup_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "[diplo.tz] unknown time zone \"Europe/Moskva\" (did you mean \"Europe/Moscow\"?)");
    ASSERT_FALSE(e.candidates().empty());
    EXPECT_EQ(e.candidates().front(), "Europe/Moscow");
  }
  try {
    (void)diplo::tz::local_time(parade_utc(), "Nowhere/At_All_Really");
    FAIL() << "expected diplo::error";
  } catch (const diplo::error& e) {
    EXPECT_EQ(std::string(e.what()), "[diplo.tz] unknown time zone \"Nowhere/At_All_Really\"");
  }
}

TEST(TimeZone, SuggestsDespiteSwappedLetters) {
  // A swap of two neighbours is one edit (detail/edit_distance.h): "Aisa/Tkoyo" is two
  // from "Asia/Tokyo", within the limit of 2 for a 10-letter name (four edits apart when
  // a swap counted two).
  try {
    (void)diplo::tz::locate("Aisa/Tkoyo");
    FAIL() << "expected diplo::lookup_error";
  } catch (const diplo::lookup_error& e) {
    ASSERT_FALSE(e.candidates().empty());
    EXPECT_EQ(e.candidates().front(), "Asia/Tokyo");
  }
}

TEST(TimeZone, SuggestsDespiteCase) {
  try {
    (void)diplo::tz::locate("europe/moscow");
    FAIL() << "expected diplo::lookup_error";
  } catch (const diplo::lookup_error& e) {
    ASSERT_FALSE(e.candidates().empty());
    EXPECT_EQ(e.candidates().front(), "Europe/Moscow");
  }
}

TEST(TimeZone, ReportsDatabaseVersion) {
  auto v = diplo::tz::tzdb_version();
  EXPECT_TRUE(v == "unknown" || std::regex_match(v, std::regex("[0-9]{4}[a-z]"))) << v;
}

// TZDIR names the directory tzdata.zi is read from, on every call of database_dir().
TEST(TimeZoneDir, TzdirOverridesTheBuiltInDirectory) {
  const char* old = std::getenv("TZDIR");
  const std::string saved = old != nullptr ? old : "";
#ifndef _WIN32
  ::setenv("TZDIR", "/opt/elsewhere/zoneinfo", 1);
  EXPECT_EQ(diplo::tz::database_dir(), std::filesystem::path("/opt/elsewhere/zoneinfo"));
  ::setenv("TZDIR", "", 1);  // empty: as if unset
  EXPECT_EQ(diplo::tz::database_dir(), std::filesystem::path(DIPLO_TZDIR));
  if (old != nullptr) {
    ::setenv("TZDIR", saved.c_str(), 1);
  } else {
    ::unsetenv("TZDIR");
  }
#else
  GTEST_SKIP() << "setenv";
#endif
}

// Run by the ctest "tz.tzdir_fixture" with TZDIR=tests/data/tzdir (a tzdata.zi of release
// "2099z" with one made-up alias) and DIPLO_TEST_TZDIR_FIXTURE=1; skipped elsewhere, since
// tzdata.zi is read once per process.
TEST(TimeZoneDir, ReadsTzdataZiFromTzdir) {
  if (std::getenv("DIPLO_TEST_TZDIR_FIXTURE") == nullptr) GTEST_SKIP() << "run by ctest tz.tzdir_fixture";
  EXPECT_EQ(diplo::tz::tzdb_version(), "2099z");
  EXPECT_EQ(diplo::tz::canonical_zone("Test/Moskva_Alias"), "Europe/Moscow");
  EXPECT_TRUE(diplo::tz::is_known_zone("Test/Moskva_Alias"));
  EXPECT_FALSE(diplo::tz::is_known_zone("Europe/Moskva"));
}

// tzdata.zi's words are separated by any white space (detail/text.h), its lines may end in
// CR LF; other lines (rules, zones, links without an alias) are not links.
TEST(TimeZoneDir, ParsesTheLinksOfTzdataZi) {
  std::istringstream in(
      "# version 2099z\r\n"
      "L Europe/Moscow Test/One\n"
      "L\tEurope/Kyiv\t\tTest/Two\r\n"
      "L  Asia/Shanghai   Test/Three  \n"
      "L Europe/Berlin\n"
      "Li Europe/Berlin Test/Not\n"
      "Z Europe/Paris 0:9:21 - LMT 1891 Mar 16\n");
  const auto data = diplo::detail::parse_tzdata_zi(in);
  EXPECT_EQ(data.version, "2099z");
  EXPECT_EQ(data.links, (std::map<std::string, std::string, std::less<>>{{"Test/One", "Europe/Moscow"},
                                                                         {"Test/Two", "Europe/Kyiv"},
                                                                         {"Test/Three", "Asia/Shanghai"}}));
}

TEST(ZonedInstant, FormatsLocalOrUtc) {
  diplo::tz::zoned_instant parade{parade_utc(), "Europe/Moscow"};
  EXPECT_EQ(fmt::format("{}", parade), "10:00 MSK, 9 May 2025");
  EXPECT_EQ(fmt::format("{:u}", parade), "2025-05-09 07:00:00 UTC");
  EXPECT_EQ(fmt::format("[{:>24}]", parade), "[   10:00 MSK, 9 May 2025]");
  EXPECT_EQ(fmt::format("[{:u<25}]", parade), "[2025-05-09 07:00:00 UTC  ]");
  EXPECT_EQ(fmt::format("{:*^25}", parade), "**10:00 MSK, 9 May 2025**");
}

TEST(ZonedInstant, UnknownZoneThrowsWhenFormatted) {
  diplo::tz::zoned_instant z{parade_utc(), "Europe/Moskva"};
  EXPECT_THROW((void)fmt::format("{}", z), diplo::lookup_error);
  EXPECT_EQ(fmt::format("{:u}", z), "2025-05-09 07:00:00 UTC");
}

}  // namespace
