// SPDX-License-Identifier: MIT
#pragma once

// A COLT-format CSV of any size, for benchmarks: the full COLT release (~78,000 rows, ~60 MB)
// is not redistributable here, so its shape is generated. Every row is one of the real rows of
// tests/import/data/colt-sample.csv (all 76 columns, quirks included) with its people, days,
// places and TripID replaced:
//   - ~4,500 leaders (COLT's figure for 212 countries, 1990-2024), each of one country, with
//     made-up names of two or three words; the traveller is one of them;
//   - the host met, "Title Name", is a leader of the host country; the other leaders met are
//     written in both of COLT's forms ("Title Name;Title Name" and "Name (Country), ...");
//   - a third of the rows attend one of ~1,400 gatherings (40 series over 35 years), with the
//     gathering's days and country, so that many rows make one summit;
//   - the links are the row's own, made distinct (a real release cites distinct articles).
// The same seed gives the same bytes.

#include <array>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>

#include <diplo/detail/csv_lexer.h>
#include <diplo/io/file.h>

namespace diplo_bench {

struct colt_gen_country {
  std::string_view alpha3;
  std::string_view name;
};

inline constexpr std::array<colt_gen_country, 40> colt_gen_countries{{
    {"ARG", "Argentina"},    {"BOL", "Bolivia"},   {"BRA", "Brazil"},       {"CHL", "Chile"},
    {"COL", "Colombia"},     {"ECU", "Ecuador"},   {"PRY", "Paraguay"},     {"PER", "Peru"},
    {"URY", "Uruguay"},      {"VEN", "Venezuela"}, {"MEX", "Mexico"},       {"USA", "United States"},
    {"CAN", "Canada"},       {"CUB", "Cuba"},      {"FRA", "France"},       {"DEU", "Germany"},
    {"ITA", "Italy"},        {"ESP", "Spain"},     {"PRT", "Portugal"},     {"GBR", "United Kingdom"},
    {"RUS", "Russia"},       {"CHN", "China"},     {"JPN", "Japan"},        {"IND", "India"},
    {"ZAF", "South Africa"}, {"EGY", "Egypt"},     {"NGA", "Nigeria"},      {"KEN", "Kenya"},
    {"TUR", "Turkey"},       {"IRN", "Iran"},      {"SAU", "Saudi Arabia"}, {"ISR", "Israel"},
    {"AUS", "Australia"},    {"IDN", "Indonesia"}, {"VNM", "Vietnam"},      {"KOR", "South Korea"},
    {"POL", "Poland"},       {"SWE", "Sweden"},    {"NLD", "Netherlands"},  {"BEL", "Belgium"},
}};

// Deterministic made-up names: a given name and one or two surnames of syllables.
class colt_gen_names {
 public:
  explicit colt_gen_names(std::mt19937& rng) : rng_(rng) {}
  auto next() -> std::string {
    static constexpr std::array<std::string_view, 24> given{
        "Ana",  "Carlos", "Maria", "Jorge",  "Luis",  "Elena", "Pedro", "Sofia",
        "Ivan", "Amara",  "Kenji", "Fatima", "Omar",  "Lena",  "Rahul", "Chen",
        "Nora", "Tomas",  "Ines",  "Hugo",   "Marta", "Diego", "Yusuf", "Olga"};
    static constexpr std::array<std::string_view, 30> syllables{
        "ba",  "ro", "mi",  "ten", "sa", "lor", "vi", "gal", "du",  "ne", "qua", "bel", "to", "ras", "ki",
        "mon", "fe", "zar", "li",  "po", "ran", "de", "hu",  "sel", "ma", "cor", "vel", "ti", "no",  "gra"};
    auto surname = [&] {
      std::string s;
      const int n = 2 + static_cast<int>(rng_() % 2);
      for (int i = 0; i < n; ++i) s += syllables[rng_() % syllables.size()];
      s[0] = static_cast<char>(s[0] - 'a' + 'A');
      return s;
    };
    std::string name = fmt::format("{} {}", given[rng_() % given.size()], surname());
    if (rng_() % 3 == 0) name += " " + surname();
    return name;
  }

 private:
  std::mt19937& rng_;
};

struct colt_gen_leader {
  std::string name;
  std::size_t country;  // into colt_gen_countries
  int first_year;       // in office from this year for eight years
};

inline auto colt_gen_quote(std::string_view cell) -> std::string {
  if (cell.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(cell);
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

/// A COLT CSV of `rows` rows (plus its header), built on the real rows of `sample_file`.
inline auto make_colt_text(const std::string& sample_file, std::size_t rows, std::uint32_t seed = 1)
    -> std::string {
  const std::string sample = diplo::io::read_text_file(sample_file);
  const auto lexed = diplo::detail::lex_csv(sample, [](auto, auto, std::string) { return true; });
  const auto& header = lexed.records.at(0).fields;
  auto col = [&](std::string_view name) {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (header[i].text == name) return i;
    }
    throw std::runtime_error(fmt::format("colt_gen: no column {}", name));
  };
  const std::size_t trip_id = col("TripID"), leader_id = col("LeaderID"), leader_name = col("LeaderFullName"),
                    leader_surname = col("LeaderSurname"), leader_iso = col("LeaderCountryISO"),
                    leader_country = col("LeaderCountryOrIGO"), visited_iso = col("CountryVisitedISO"),
                    visited = col("CountryVisited"), year = col("TripYear"), start = col("TripStartDate"),
                    end = col("TripEndDate"), duration = col("TripDuration"), met_host = col("MetHostHoGS"),
                    host_name = col("HostHOGSName"), attended = col("AttendedMultilatEvent"),
                    multilat = col("NameMultilatEvent"), met_nonhost = col("MetNonhostHOGS"),
                    nonhost = col("NonhostHOGSNames"), city = col("CityVisited");

  std::mt19937 rng(seed);
  colt_gen_names names(rng);
  std::vector<colt_gen_leader> leaders;
  for (std::size_t i = 0; i < 4500; ++i) {
    leaders.push_back({names.next(), i % colt_gen_countries.size(), 1990 + static_cast<int>(rng() % 28)});
  }
  auto leader_of = [&](std::size_t country) -> const colt_gen_leader& {
    const std::size_t per = leaders.size() / colt_gen_countries.size();
    return leaders[(rng() % per) * colt_gen_countries.size() + country];
  };
  static constexpr std::array<std::string_view, 8> kinds{"Summit", "Conference", "Forum",   "Meeting",
                                                         "Cumbre", "Assembly",   "Council", "Dialogue"};
  std::string out;
  for (std::size_t i = 0; i < header.size(); ++i) out += (i ? "," : "") + colt_gen_quote(header[i].text);
  out += "\r\n";
  std::vector<std::string> cells;
  for (std::size_t n = 0; n < rows; ++n) {
    const auto& tmpl = lexed.records[1 + n % (lexed.records.size() - 1)].fields;
    cells.assign(header.size(), std::string());
    for (std::size_t i = 0; i < tmpl.size() && i < cells.size(); ++i) cells[i] = tmpl[i].text;
    const std::size_t who = rng() % leaders.size();
    const colt_gen_leader& l = leaders[who];
    std::size_t host = rng() % colt_gen_countries.size();
    if (host == l.country) host = (host + 1) % colt_gen_countries.size();
    const int y = l.first_year + static_cast<int>(rng() % 8);
    date::sys_days first = date::sys_days{date::year{y} / 1 / 1} + date::days{rng() % 360};
    date::sys_days last = first + date::days{rng() % 5};
    const bool gathering = rng() % 3 == 0;
    if (gathering) {  // the gathering's country and days
      const std::size_t series = rng() % 40;
      host = (series * 7 + static_cast<std::size_t>(y)) % colt_gen_countries.size();
      if (host == l.country) host = (host + 1) % colt_gen_countries.size();
      first = date::sys_days{date::year{y} / 1 / 1} + date::days{(series * 9) % 360};
      last = first + date::days{2};
      cells[attended] = "Yes";
      cells[multilat] =
          fmt::format("{} {} of the {} Group ({}{})", y, kinds[series % kinds.size()],
                      colt_gen_countries[series % colt_gen_countries.size()].name,
                      static_cast<char>('A' + series % 26), static_cast<char>('A' + series / 26 + 10));
    } else {
      cells[attended] = "No";
      cells[multilat].clear();
    }
    cells[trip_id] = fmt::format("{}-{}-{}-{}", who + 1, colt_gen_countries[l.country].alpha3,
                                 colt_gen_countries[host].alpha3, 100000 + n);
    cells[leader_id] = fmt::format("{}", who + 1);
    cells[leader_name] = l.name;
    cells[leader_surname] = l.name.substr(l.name.rfind(' ') + 1);
    cells[leader_iso] = colt_gen_countries[l.country].alpha3;
    cells[leader_country] = colt_gen_countries[l.country].name;
    cells[visited_iso] = colt_gen_countries[host].alpha3;
    cells[visited] = colt_gen_countries[host].name;
    cells[year] = fmt::format("{}", y);
    cells[start] = date::format("%FT00:00:00", first);
    cells[end] = date::format("%FT00:00:00", last);
    cells[duration] = fmt::format("{}", (last - first).count() + 1);
    if (cells[met_host] == "Yes") cells[host_name] = "President " + leader_of(host).name;
    if (cells[met_nonhost] == "Yes" || gathering) {
      cells[met_nonhost] = "Yes";
      const std::size_t k = 1 + rng() % (gathering ? 6 : 2);
      std::string list;
      for (std::size_t j = 0; j < k; ++j) {
        const std::size_t c = rng() % colt_gen_countries.size();
        list += n % 2 == 0
                    ? fmt::format("{}{} ({})", j ? ", " : "", leader_of(c).name, colt_gen_countries[c].name)
                    : fmt::format("{}Prime Minister {}", j ? ";" : "", leader_of(c).name);
      }
      cells[nonhost] = list;
    }
    if (cells[city].empty()) cells[city] = "Capital";
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (header[i].text.starts_with("SourceLink") && !cells[i].empty()) cells[i] += fmt::format("&r={}", n);
    }
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + colt_gen_quote(cells[i]);
    out += "\r\n";
  }
  return out;
}

}  // namespace diplo_bench
