// SPDX-License-Identifier: MIT
#pragma once

// The cells of a COLT row, read one by one (private to the COLT importer, src/import/colt.cpp):
// the columns by name, the days in COLT's three spellings, the source links, the names of the
// leaders met and the keys of the gatherings' names. Each is a pure function of its cell, so
// that the tests (tests/import/colt_test.cpp) can pin them one by one.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "diplo/country.h"
#include "diplo/event.h"

namespace diplo::import::detail {

/// The columns the importer reads; the first `colt_required` are what makes a header COLT's.
enum class colt_column : std::size_t {
  trip_id,
  leader_id,
  leader_name,
  leader_title,
  leader_country,
  visited,
  city,
  start,
  end,
  met_host,
  multilat_name,
  // --- optional from here on
  duration,
  host_name,
  nonhost_met,
  nonhost_names,
  public_address,
  signed_agreement,
  cultural,
  business,
  notes,
  confidence,
  count_,
};
inline constexpr std::size_t colt_required = 11;
inline constexpr std::size_t colt_columns = static_cast<std::size_t>(colt_column::count_);

/// The header cell of each column, in enum order.
inline constexpr std::array<std::string_view, colt_columns> colt_column_names{"TripID",
                                                                              "LeaderID",
                                                                              "LeaderFullName",
                                                                              "LeaderTitle",
                                                                              "LeaderCountryISO",
                                                                              "CountryVisitedISO",
                                                                              "CityVisited",
                                                                              "TripStartDate",
                                                                              "TripEndDate",
                                                                              "MetHostHoGS",
                                                                              "NameMultilatEvent",
                                                                              "TripDuration",
                                                                              "HostHOGSName",
                                                                              "MetNonhostHOGS",
                                                                              "NonhostHOGSNames",
                                                                              "PublicAddress",
                                                                              "SignedAgreement",
                                                                              "CulturalSiteOrCeremony",
                                                                              "BusinessLeaderOrForum",
                                                                              "Notes",
                                                                              "Confidence(1-5)"};

/// Where each column is in a header (npos when absent), and the SourceLinkN columns in order of N.
struct colt_layout {
  std::array<std::size_t, colt_columns> at{};
  std::vector<std::size_t> links;
  /// The first required column missing, if any.
  std::optional<std::string_view> missing;
};

auto colt_layout_of(const std::vector<std::string>& header) -> colt_layout;

/// A day of TripStartDate / TripEndDate: "YYYY-MM-DDT00:00:00", "YYYY-MM-DD" or an Excel
/// serial day number ("40559" = 2011-01-16). On failure, `why` says what was wrong.
auto colt_day(std::string_view cell, std::string& why) -> std::optional<date::sys_days>;

/// A SourceLink cell as a source: publisher and title say what the link is (see the header essay).
auto colt_link_source(std::string_view url) -> source;

/// One leader named in HostHOGSName or NonhostHOGSNames.
struct named_leader {
  /// As written, for the report.
  std::string text;
  /// The name with its titles stripped ("Hugo Chávez").
  std::string name;
  /// The office of the first title stripped that names one ("President" for "Presidente"), if any.
  std::string title;
  /// The country in parentheses, when given and known.
  std::optional<country_code> country;
};

/// A piece of a names cell that is not read as a leader, and why.
struct not_a_name {
  std::string text;
  std::string why;
};

/// The titles stripped before names, and the Spanish and Portuguese country names, as the
/// curated tables data/colt/titles.csv and data/colt/country-names.csv give them (folded).
struct colt_vocabulary {
  struct title {
    std::vector<std::string> words;  // folded
    std::string office;              // empty: no office
  };
  std::vector<title> titles;  // longest first
  std::vector<std::pair<std::string, country_code>> countries;
  /// The tables embedded in diplo (data/colt/*.csv).
  static auto embedded() -> const colt_vocabulary&;
  /// The tables read from their text; errors name `titles_file` / `countries_file`.
  static auto read(std::string_view titles_csv, std::string_view titles_file, std::string_view countries_csv,
                   std::string_view countries_file) -> colt_vocabulary;
  /// The country a name (English, Spanish or Portuguese) or code names.
  [[nodiscard]] auto country(std::string_view name) const -> std::optional<country_code>;
};

/// The leaders of a names cell: "Title Name;Title Name" or "Name (Country), Name (Country)".
/// Pieces that are not a leader's name, or are hedged ("posiblemente ..."), go to `rest`.
auto colt_leaders(std::string_view cell, const colt_vocabulary& words, std::vector<not_a_name>& rest)
    -> std::vector<named_leader>;

/// The key under which gatherings' names are compared (see ONE GATHERING, ONE SUMMIT):
/// "Union of South American Nations (UNASUR) Summit" -> "unasur".
auto gathering_key(std::string_view name) -> std::string;

/// The acronym in parentheses of a gathering's name ("UNASUR"), or empty.
auto gathering_acronym(std::string_view name) -> std::string;

}  // namespace diplo::import::detail
