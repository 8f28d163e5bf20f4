// SPDX-License-Identifier: MIT
#include "colt_rows.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "curated.h"
#include "diplo/detail/fold.h"
#include "diplo/detail/text.h"
#include "diplo/error.h"

namespace diplo::import::detail {

using curated::curated_row;
using curated::in_order;
using curated::join_words;
using curated::read_curated_table;
using curated::words_of;

// The curated tables, embedded at build time (cmake/diplo-embed.cmake).
extern const char colt_titles_csv_text[];
extern const std::size_t colt_titles_csv_size;
extern const char colt_country_names_csv_text[];
extern const std::size_t colt_country_names_csv_size;

namespace {

using diplo::detail::fold;
using diplo::detail::trim;

auto lower_ascii(std::string_view s) -> std::string {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

auto all_digits(std::string_view s) -> bool {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

auto number_of(std::string_view s) -> int {
  int n = 0;
  std::from_chars(s.data(), s.data() + s.size(), n);
  return n;
}

// "YYYY-MM-DD" with a valid day.
auto iso_day(std::string_view s) -> std::optional<date::sys_days> {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!all_digits(s.substr(0, 4)) || !all_digits(s.substr(5, 2)) || !all_digits(s.substr(8, 2))) {
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year{number_of(s.substr(0, 4))},
                                 date::month{static_cast<unsigned>(number_of(s.substr(5, 2)))},
                                 date::day{static_cast<unsigned>(number_of(s.substr(8, 2)))}};
  if (!ymd.ok()) return std::nullopt;
  return date::sys_days{ymd};
}

// "T00:00:00" and the like after a day: hh:mm:ss.
auto is_time_of_day(std::string_view s) -> bool {
  return s.size() == 9 && s[0] == 'T' && s[3] == ':' && s[6] == ':' && all_digits(s.substr(1, 2)) &&
         all_digits(s.substr(4, 2)) && all_digits(s.substr(7, 2));
}

// The database a link leads into, if it is one of the paywalled ones.
auto database_of(std::string_view lower_url) -> std::string_view {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> databases{{
      {"newsbank", "NewsBank"},
      {"proquest", "ProQuest"},
      {"nexis", "Nexis Uni"},
      {"lexis", "LexisNexis"},
      {"factiva", "Factiva"},
      {"gale", "Gale"},
      {"ebsco", "EBSCO"},
      {"jstor", "JSTOR"},
  }};
  for (const auto& [needle, name] : databases) {
    if (lower_url.find(needle) != std::string_view::npos) return name;
  }
  return {};
}

// The host of a URL, without "www.".
auto host_of(std::string_view url) -> std::string {
  if (auto p = url.find("://"); p != std::string_view::npos) url.remove_prefix(p + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  if (url.substr(0, 4) == "www.") url.remove_prefix(4);
  return lower_ascii(url);
}

// Folded words with everything but letters and digits made a space.
auto key_words(std::string_view text) -> std::vector<std::string> {
  std::string f = fold(text);
  for (char& c : f) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && std::isalnum(u) == 0) c = ' ';
  }
  return words_of(f);
}

auto is_roman_numeral(std::string_view w) -> bool {
  return !w.empty() && w.size() <= 6 && w.find_first_not_of("ivxlc") == std::string_view::npos;
}

auto is_ordinal(std::string_view w) -> bool {
  if (is_roman_numeral(w)) return true;
  std::size_t n = 0;
  while (n < w.size() && w[n] >= '0' && w[n] <= '9') ++n;
  if (n == 0) return false;
  const std::string_view rest = w.substr(n);
  return rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th" || rest == "a" ||
         rest == "o" || rest == "ra" || rest == "er";
}

auto is_filler(std::string_view w) -> bool {
  static const std::set<std::string_view> filler{
      // articles and prepositions (English, Spanish, Portuguese)
      "the", "of", "a", "an", "and", "for", "on", "in", "at", "de", "del", "la", "las", "los", "el", "y", "e",
      "en", "do", "da", "dos", "das", "o", "as", "os", "para", "sobre",
      // the words for a gathering
      "summit", "summits", "cumbre", "cupula", "cimeira", "meeting", "reunion", "reuniao", "conference",
      "conferencia", "session", "sesion", "sessao"};
  return filler.count(w) != 0;
}

// "Jr.", "Sr.", "II": what follows a name after a comma ("Ferdinand Marcos, Jr.").
auto is_name_suffix(std::string_view piece) -> bool {
  static const std::set<std::string_view> suffixes{"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "Jnr", "Snr"};
  return suffixes.count(piece) != 0;
}

// Splits `cell` at `;` and at `,` outside parentheses.
auto split_pieces(std::string_view cell) -> std::vector<std::string_view> {
  std::vector<std::string_view> out;
  int depth = 0;
  std::size_t from = 0;
  for (std::size_t i = 0; i <= cell.size(); ++i) {
    const char c = i < cell.size() ? cell[i] : ';';
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    const bool slash = c == '/' && i > 0 && cell[i - 1] == ' ' && i + 1 < cell.size() && cell[i + 1] == ' ';
    if (c == ';' || slash || (c == ',' && depth == 0)) {
      const std::string_view piece = trim(cell.substr(from, i - from));
      if (is_name_suffix(piece) && !out.empty()) {
        // The suffix stays with its name: the piece grows to end after it.
        out.back() = cell.substr(static_cast<std::size_t>(out.back().data() - cell.data()),
                                 static_cast<std::size_t>(piece.data() + piece.size() - out.back().data()));
      } else if (!piece.empty()) {
        out.push_back(piece);
      }
      from = i + 1;
    }
  }
  return out;
}

// A lower-case word inside a name: "da", "de", "bin", "arap", "wa"; "al-Sisi" and "el-Sisi" too.
auto is_particle(std::string_view w) -> bool {
  static const std::set<std::string_view> particles{
      "da",  "de",  "del",  "della", "dos", "das", "do", "la",   "las",  "los", "y",    "e",
      "van", "von", "der",  "den",   "ter", "zu",  "af", "bin",  "bint", "ben", "abu",  "al",
      "el",  "ibn", "ibni", "di",    "du",  "le",  "of", "arap", "wa",   "dei", "degli"};
  if (particles.count(w) != 0) return true;
  const auto dash = w.find('-');
  return dash != std::string_view::npos && particles.count(w.substr(0, dash)) != 0;
}

// Why `name` (titles stripped) is not a person's name, or empty when it may be one.
auto not_name_reason(std::string_view name) -> std::string_view {
  const auto words = diplo::detail::split_words(name);
  if (words.empty()) return "no name";
  if (words.size() > 10) return "too many words for a name";
  for (std::string_view w : words) {
    if (w.find_first_of("0123456789/:") != std::string_view::npos) return "not a name";
    const auto first = static_cast<unsigned char>(w.front());
    if (first < 0x80 && std::islower(first) != 0 && !is_particle(w)) return "not a name";
  }
  return {};
}

// Whether a piece is hedged: the leader may not have been there.
auto is_hedged(std::string_view piece) -> bool {
  const std::string f = fold(piece);
  for (std::string_view hedge : {"posiblemente", "possibly", "probablemente", "probably", "possivelmente",
                                 "quizas", "tal vez", "perhaps", "unconfirmed", "sin confirmar"}) {
    if (f.find(hedge) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

auto colt_layout_of(const std::vector<std::string>& header) -> colt_layout {
  colt_layout l;
  l.at.fill(std::string_view::npos);
  std::vector<std::pair<int, std::size_t>> links;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string_view h = trim(header[i]);
    for (std::size_t c = 0; c < colt_columns; ++c) {
      if (h == colt_column_names[c] && l.at[c] == std::string_view::npos) l.at[c] = i;
    }
    constexpr std::string_view link = "SourceLink";
    if (h.substr(0, link.size()) == link && all_digits(h.substr(link.size()))) {
      links.emplace_back(number_of(h.substr(link.size())), i);
    }
  }
  std::sort(links.begin(), links.end());
  for (const auto& [n, i] : links) l.links.push_back(i);
  for (std::size_t c = 0; c < colt_required; ++c) {
    if (l.at[c] == std::string_view::npos) {
      l.missing = colt_column_names[c];
      break;
    }
  }
  return l;
}

auto colt_day(std::string_view cell, std::string& why) -> std::optional<date::sys_days> {
  const std::string_view s = trim(cell);
  if (s.empty()) {
    why = "empty";
    return std::nullopt;
  }
  if (all_digits(s)) {
    // Excel's serial day numbers count from 1899-12-30 (for days after 1900-02-28, which is
    // every day COLT records; Excel's day 60 is its fictitious 1900-02-29).
    const int n = s.size() <= 7 ? number_of(s) : 0;
    if (n <= 60 || n > 2958465) {
      why = fmt::format("\"{}\" is not an Excel day number of a day after 1900-02-28", s);
      return std::nullopt;
    }
    return date::sys_days{date::year{1899} / 12 / 30} + date::days{n};
  }
  if (s.size() >= 10) {
    if (auto d = iso_day(s.substr(0, 10)); d && (s.size() == 10 || is_time_of_day(s.substr(10)))) return d;
  }
  why =
      fmt::format("\"{}\" is not a day (expected YYYY-MM-DD, YYYY-MM-DDThh:mm:ss or an Excel day number)", s);
  return std::nullopt;
}

auto colt_link_source(std::string_view url) -> source {
  source s;
  s.url = std::string(trim(url));
  const std::string lower = lower_ascii(s.url);
  const bool proxy = lower.find(".idm.oclc.org") != std::string::npos ||
                     lower.find("ezproxy") != std::string::npos ||
                     lower.find("login?url=") != std::string::npos;
  const std::string_view database = database_of(lower);
  if (!database.empty()) {
    s.publisher = std::string(database);
    s.title = proxy ? fmt::format("{} (paywalled database, through a library proxy)", database)
                    : fmt::format("{} (paywalled database)", database);
  } else {
    s.publisher = host_of(s.url);
    if (proxy) s.title = fmt::format("{} (through a library proxy)", s.publisher);
  }
  return s;
}

auto colt_vocabulary::embedded() -> const colt_vocabulary& {
  static const colt_vocabulary v =
      read(std::string_view(colt_titles_csv_text, colt_titles_csv_size), "<embedded>/data/colt/titles.csv",
           std::string_view(colt_country_names_csv_text, colt_country_names_csv_size),
           "<embedded>/data/colt/country-names.csv");
  return v;
}

auto colt_vocabulary::read(std::string_view titles_csv, std::string_view titles_file,
                           std::string_view countries_csv, std::string_view countries_file)
    -> colt_vocabulary {
  colt_vocabulary v;
  for (const curated_row& r : read_curated_table(titles_csv, titles_file)) {
    auto w = words_of(fold(r.at(0)));
    if (w.empty()) throw error(fmt::format("[diplo.import] {}: empty title", r.place(0)));
    v.titles.push_back({std::move(w), r.at(1)});
  }
  std::stable_sort(v.titles.begin(), v.titles.end(),
                   [](const auto& a, const auto& b) { return a.words.size() > b.words.size(); });
  for (const curated_row& r : read_curated_table(countries_csv, countries_file)) {
    const auto code = country_code::try_parse(r.at(1));
    if (!code) {
      throw error(fmt::format("[diplo.import] {}: \"{}\" is not an ISO 3166 code", r.place(1), r.at(1)));
    }
    v.countries.emplace_back(fold(r.at(0)), *code);
  }
  return v;
}

auto colt_vocabulary::country(std::string_view name) const -> std::optional<country_code> {
  const std::string f = fold(name);
  for (const auto& [n, code] : countries) {
    if (n == f) return code;
  }
  if (auto c = find_country(name)) return c;
  // "Presidente del Gobierno de España", "presidente electo de Chile": the country after the last "de".
  const auto words = words_of(f);
  for (std::size_t i = words.size(); i-- > 1;) {
    if (words[i - 1] == "de" || words[i - 1] == "of") {
      const std::string rest = join_words(words, i);
      for (const auto& [n, code] : countries) {
        if (n == rest) return code;
      }
      return find_country(rest);
    }
  }
  return std::nullopt;
}

namespace {

// Strips the leading titles of `text` (folded comparison, whole words only), returning the
// rest; `title` gets the office of the first title stripped that names one.
auto strip_titles(std::string_view text, const colt_vocabulary& v, std::string& title) -> std::string {
  const std::vector<std::string_view> raw = diplo::detail::split_words(text);
  std::vector<std::string> folded;  // the folded words of the raw words,
  std::vector<std::size_t> owner;   // each with the raw word it comes from
  for (std::size_t i = 0; i < raw.size(); ++i) {
    for (auto& w : words_of(fold(raw[i]))) {
      folded.push_back(std::move(w));
      owner.push_back(i);
    }
  }
  std::size_t at = 0;  // in `folded`
  for (bool again = true; again;) {
    again = false;
    for (const auto& t : v.titles) {
      const std::size_t end = at + t.words.size();
      // A title ends at a raw word's end, and a name remains after it.
      if (end >= folded.size() || owner[end] == owner[end - 1]) continue;
      if (!std::equal(t.words.begin(), t.words.end(), folded.begin() + static_cast<std::ptrdiff_t>(at)))
        continue;
      if (title.empty()) title = t.office;
      at = end;
      again = true;
      break;
    }
  }
  std::string out;
  for (std::size_t i = at < owner.size() ? owner[at] : raw.size(); i < raw.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += raw[i];
  }
  return out;
}

// One piece of a names cell, read as a leader (or not).
auto read_leader(std::string_view piece, const colt_vocabulary& v, std::vector<not_a_name>& rest)
    -> std::optional<named_leader> {
  named_leader l;
  l.text = std::string(piece);
  if (is_hedged(piece)) {
    rest.push_back({l.text, "hedged: the leader may not have been met"});
    return std::nullopt;
  }
  std::string_view name = piece;
  if (auto open = name.find('('); open != std::string_view::npos) {
    const auto close = name.find(')', open);
    std::string_view inside =
        name.substr(open + 1, close == std::string_view::npos ? close : close - open - 1);
    inside = trim(inside.substr(0, inside.find(',')));
    l.country = v.country(inside);
    name = trim(name.substr(0, open));
  }
  l.name = strip_titles(name, v, l.title);
  if (const std::string_view why = not_name_reason(l.name); !why.empty()) {
    rest.push_back({l.text, std::string(why)});
    return std::nullopt;
  }
  return l;
}

}  // namespace

auto colt_leaders(std::string_view cell, const colt_vocabulary& words, std::vector<not_a_name>& rest)
    -> std::vector<named_leader> {
  std::vector<named_leader> out;
  for (std::string_view piece : split_pieces(cell)) {
    // "Entre los 17 jefes de Estado presentes: Gustavo Petro (Colombia)": the names follow the ':'.
    if (auto colon = piece.rfind(':'); colon != std::string_view::npos && piece.find('(') > colon) {
      rest.push_back({std::string(trim(piece.substr(0, colon))), "a remark before the names"});
      piece = trim(piece.substr(colon + 1));
    }
    // "... (Brasil) -- 7 presidentes presentes": a remark after the names.
    if (auto dash = piece.find(" --"); dash != std::string_view::npos) {
      rest.push_back({std::string(trim(piece.substr(dash))), "a remark after the names"});
      piece = trim(piece.substr(0, dash));
    }
    if (auto l = read_leader(piece, words, rest)) out.push_back(std::move(*l));
  }
  return out;
}

auto gathering_acronym(std::string_view name) -> std::string {
  for (auto open = name.find('('); open != std::string_view::npos; open = name.find('(', open + 1)) {
    const auto close = name.find(')', open);
    if (close == std::string_view::npos) break;
    const std::string_view inside = trim(name.substr(open + 1, close - open - 1));
    const bool acronym =
        inside.size() >= 2 && inside.size() <= 12 && std::all_of(inside.begin(), inside.end(), [](char c) {
          return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '+';
        });
    if (acronym) return std::string(inside);
  }
  return {};
}

auto gathering_key(std::string_view name) -> std::string {
  std::string_view keyed = name;
  std::string text;
  if (const std::string acronym = gathering_acronym(name); !acronym.empty()) {
    // "<expansion> (ACR) <rest>" is keyed by "ACR <rest>".
    const auto close = name.find(')', name.find(fmt::format("({}", acronym)));
    text = fmt::format("{} {}", acronym, name.substr(close + 1));
    keyed = text;
  }
  // Other parentheses are remarks ("Cumbre del MERCOSUR (Chile asociado)").
  std::string plain;
  int depth = 0;
  for (char c : keyed) {
    if (c == '(') ++depth;
    if (depth == 0) plain += c;
    if (c == ')' && depth > 0) --depth;
  }
  std::vector<std::string> kept;
  for (auto& w : key_words(plain)) {
    if (!is_filler(w) && !is_ordinal(w)) kept.push_back(std::move(w));
  }
  if (kept.empty()) return join_words(key_words(name));
  std::sort(kept.begin(), kept.end());
  kept.erase(std::unique(kept.begin(), kept.end()), kept.end());
  return join_words(kept);
}

}  // namespace diplo::import::detail
