// SPDX-License-Identifier: MIT
#include "diplo/import/historyatstate.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <pugixml.hpp>

#include "curated.h"
#include "diplo/country.h"
#include "diplo/detail/csv_lexer.h"
#include "diplo/detail/fold.h"
#include "diplo/detail/slug.h"
#include "diplo/detail/text.h"
#include "diplo/error.h"
#include "diplo/io/file.h"
#include "diplo/partial_date.h"

// The curated tables, embedded at build time from data/historyatstate/curation/
// (CMakeLists.txt, cmake/diplo-embed.cmake).
namespace diplo::detail {
extern const char historyatstate_countries_csv_text[];
extern const std::size_t historyatstate_countries_csv_size;
extern const char historyatstate_titles_csv_text[];
extern const std::size_t historyatstate_titles_csv_size;
extern const char historyatstate_levels_csv_text[];
extern const std::size_t historyatstate_levels_csv_size;
extern const char historyatstate_aliases_csv_text[];
extern const std::size_t historyatstate_aliases_csv_size;
}  // namespace diplo::detail

namespace diplo::import {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view publisher = "Office of the Historian";
constexpr std::string_view site = "https://history.state.gov/departmenthistory/";

// --- text helpers -----------------------------------------------------------------------

// Trims and collapses runs of white space into one space.
auto clean(std::string_view s) -> std::string { return detail::collapse_space(s); }

using curated::in_order;
using curated::join_words;
using curated::words_of;

auto parse_day(std::string_view text) -> std::optional<partial_date> {
  auto d = partial_date::try_parse(clean(text));
  if (!d || !d->is_exact_day()) return std::nullopt;
  return d;
}

auto day_of(const partial_date& d) -> date::sys_days { return d.earliest(); }

// --- files --------------------------------------------------------------------------------

struct xml_file {
  std::string name;  // relative to the import directory, '/'-separated
  std::string text;
  pugi::xml_document doc;
  mutable std::optional<detail::line_map> lines;  // of `text`; remembers where it looked last

  // The line and column of a byte offset into `text` (pugixml's offsets are signed).
  [[nodiscard]] auto at(std::ptrdiff_t offset) const -> detail::text_position {
    return lines->at(static_cast<std::size_t>(std::max<std::ptrdiff_t>(offset, 0)));
  }

  // The origin of an element: pugixml's offset points at its name, one past '<'.
  [[nodiscard]] auto origin_of(const pugi::xml_node& n) const -> origin {
    auto [line, column] = at(n.offset_debug() - 1);
    return {name, line, column};
  }
};

// The text of one file of the import, by its path relative to the import directory.
auto file_text(const historyatstate_files& files, const std::string& rel) -> const std::string& {
  auto it = files.find(rel);
  if (it == files.end()) throw error(fmt::format("[diplo.import] {}: cannot open the file", rel));
  return it->second;
}

auto load_xml(const historyatstate_files& files, const std::string& rel, xml_file& out) -> void {
  out.name = rel;
  out.text = file_text(files, rel);
  out.lines.emplace(out.text);
  const pugi::xml_parse_result r =
      out.doc.load_buffer(out.text.data(), out.text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!r) {
    auto [line, column] = out.at(r.offset);
    throw error(
        fmt::format("[diplo.import] {}:{}:{}: malformed XML: {}", out.name, line, column, r.description()));
  }
}

// `text` (of element `n`, or of its attribute `attr`), checked to be UTF-8: pugixml does not
// check, and a character reference such as "&#xD800;" makes invalid UTF-8 of valid XML.
auto checked_utf8(const xml_file& f, const pugi::xml_node& n, const char* attr, std::string text)
    -> std::string {
  if (!detail::is_valid_utf8(text)) {
    const origin o = f.origin_of(n);
    throw error(fmt::format("[diplo.import] {}:{}:{}: the text of <{}>{}{} is not valid UTF-8", o.file,
                            o.line, o.column, n.name(), attr == nullptr ? "" : " @",
                            attr == nullptr ? "" : attr));
  }
  return text;
}

auto child_text(const xml_file& f, const pugi::xml_node& rec, const char* name, bool required)
    -> std::string {
  const pugi::xml_node n = rec.child(name);
  if (!n && required) {
    const origin o = f.origin_of(rec);
    throw error(
        fmt::format("[diplo.import] {}:{}:{}: <{}> has no <{}>", o.file, o.line, o.column, rec.name(), name));
  }
  return checked_utf8(f, n, nullptr, clean(n.child_value()));
}

auto attribute_text(const xml_file& f, const pugi::xml_node& n, const char* attr) -> std::string {
  return checked_utf8(f, n, attr, clean(n.attribute(attr).value()));
}

auto sorted_files(const fs::path& dir) -> std::vector<fs::path> {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) {
    throw error(fmt::format("[diplo.import] {}: not a directory", dir.string()));
  }
  // Every .xml entry but a folder: one that is not a regular file (a FIFO, a link to a
  // device) is refused by io::read_text_file, not skipped.
  for (const auto& e : fs::directory_iterator(dir)) {
    std::error_code ec;
    if (e.path().extension() == ".xml" && !e.is_directory(ec)) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The XML files directly under `folder` ("visits/"), in path order.
auto xml_files_in(const historyatstate_files& files, std::string_view folder) -> std::vector<std::string> {
  std::vector<std::string> out;
  for (auto it = files.lower_bound(folder); it != files.end() && it->first.starts_with(folder); ++it) {
    const std::string_view rest = std::string_view(it->first).substr(folder.size());
    if (rest.find('/') == std::string_view::npos && rest.ends_with(".xml")) out.push_back(it->first);
  }
  return out;
}

// --- curated CSV tables -----------------------------------------------------------------

using csv_row = curated::curated_row;

// The four tables, by file name, in the order they are loaded.
constexpr std::array<std::string_view, 4> table_files{"countries.csv", "titles.csv", "levels.csv",
                                                      "aliases.csv"};

// Where a table's rows come from: its text, and the name its errors give (the real path of a
// user's file, "curation/countries.csv" in memory, "<embedded>/curation/countries.csv").
struct table_source {
  std::string name;
  std::string_view text;
};

// The sources of each table (by file name), in the order their rows are read: the user's
// first, the embedded table last.
using table_sources = std::map<std::string, std::vector<table_source>, std::less<>>;

// The header of each embedded table, its cells cleaned and joined by commas.
auto embedded_header(std::string_view file) -> const std::string& {
  static const std::map<std::string, std::string, std::less<>> headers = [] {
    std::map<std::string, std::string, std::less<>> h;
    for (const auto& [path, text] : historyatstate_curation()) {
      curated::curated_header header;
      (void)curated::read_curated_table(text, fmt::format("<embedded>/{}", path), &header);
      h.emplace(path.substr(std::string_view("curation/").size()), std::move(header.cells));
    }
    return h;
  }();
  return headers.find(file)->second;
}

// The rows of one source of table `file`, read by diplo's CSV lexer (diplo/detail/csv_lexer.h:
// '"' quotes, which may hold commas and line breaks, '""' inside) with '#' comment lines. The
// first row is the header, which must name the columns of the embedded table; it is left
// out. A syntax error or another header throws, naming file:line:column.
auto read_csv(const table_source& src, std::string_view file) -> std::vector<csv_row> {
  curated::curated_header header;
  std::vector<csv_row> rows = curated::read_curated_table(src.text, src.name, &header);
  if (header.cells.empty()) return rows;  // an empty table adds no row
  if (const std::string& want = embedded_header(file); header.cells != want) {
    throw error(fmt::format("[diplo.import] {}:{}:1: the header is \"{}\"; the columns of {} are \"{}\"",
                            src.name, header.line, header.cells, file, want));
  }
  return rows;
}

// The rows of table `file` from all its sources, in order.
auto rows_of(const table_sources& tables, std::string_view file) -> std::vector<csv_row> {
  std::vector<csv_row> rows;
  if (auto it = tables.find(file); it != tables.end()) {
    for (const table_source& src : it->second) {
      std::vector<csv_row> more = read_csv(src, file);
      rows.insert(rows.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
  }
  return rows;
}

// Adds each embedded table as the last source of its table.
auto with_embedded(table_sources tables) -> table_sources {
  for (const auto& [path, text] : historyatstate_curation()) {
    tables[path.substr(std::string_view("curation/").size())].push_back({"<embedded>/" + path, text});
  }
  return tables;
}

// Throws unless `file` (a ".csv" file in a folder of curated tables) is one of the four.
auto check_table_name(std::string_view file, const std::string& where) -> void {
  if (std::find(table_files.begin(), table_files.end(), file) == table_files.end()) {
    throw error(fmt::format(
        "[diplo.import] {}: not a curated table (they are countries.csv, titles.csv, levels.csv and "
        "aliases.csv)",
        where));
  }
}

auto csv_date(const csv_row& r, std::size_t i) -> std::optional<date::sys_days> {
  const std::string s = r.at(i);
  if (s.empty()) return std::nullopt;
  auto d = parse_day(s);
  if (!d) throw error(fmt::format("[diplo.import] {}: \"{}\" is not a YYYY-MM-DD date", r.place(i), s));
  return day_of(*d);
}

auto in_range(date::sys_days day, const std::optional<date::sys_days>& from,
              const std::optional<date::sys_days>& to) -> bool {
  return (!from || *from <= day) && (!to || day <= *to);
}

struct country_rule {
  std::string name;  // exact element text, or empty
  std::optional<date::sys_days> from, to;
  country_code code;
  std::string note;
};

struct country_table {
  std::unordered_map<std::string, std::vector<country_rule>> by_slug;

  // The code, or the reason there is none.
  [[nodiscard]] auto map(const std::string& slug, const std::string& text, date::sys_days day) const
      -> std::pair<country_code, std::string> {
    auto it = by_slug.find(slug);
    if (it == by_slug.end()) {
      return {{}, fmt::format("country slug \"{}\" is not in curation/countries.csv", slug)};
    }
    for (int pass = 0; pass < 2; ++pass) {
      for (const auto& r : it->second) {
        if ((pass == 0) == r.name.empty()) continue;
        if (pass == 0 && r.name != text) continue;
        if (!in_range(day, r.from, r.to)) continue;
        if (r.code.empty()) return {{}, fmt::format("no ISO 3166 code for {}: {}", slug, r.note)};
        return {r.code, {}};
      }
    }
    return {{},
            fmt::format("no row of curation/countries.csv maps {} (\"{}\") on {}", slug, text,
                        partial_date(date::year_month_day{day}).to_edtf())};
  }
};

auto load_countries(const table_sources& tables) -> country_table {
  country_table t;
  for (const auto& r : rows_of(tables, "countries.csv")) {
    country_rule rule;
    rule.name = r.at(1);
    rule.from = csv_date(r, 2);
    rule.to = csv_date(r, 3);
    rule.note = r.at(5);
    if (const std::string code = r.at(4); !code.empty()) {
      auto c = country_code::try_parse(code);
      if (!c) {
        throw error(fmt::format("[diplo.import] {}: \"{}\" is not an ISO 3166 code", r.place(4), code));
      }
      rule.code = *c;
    }
    t.by_slug[r.at(0)].push_back(std::move(rule));
  }
  return t;
}

struct title_rule {
  std::vector<std::string> words;  // folded prefix
  std::string office;              // empty: an honorific
};

auto load_titles(const table_sources& tables) -> std::vector<title_rule> {
  std::vector<title_rule> out;
  for (const auto& r : rows_of(tables, "titles.csv")) {
    out.push_back({words_of(detail::fold(r.at(0))), r.at(1)});
  }
  // Longest prefix first.
  std::stable_sort(out.begin(), out.end(),
                   [](const title_rule& a, const title_rule& b) { return a.words.size() > b.words.size(); });
  return out;
}

struct level_rule {
  std::vector<std::string> words;
  visit_level level = visit_level::unspecified;
};

auto load_levels(const table_sources& tables) -> std::vector<level_rule> {
  std::vector<level_rule> out;
  for (const auto& r : rows_of(tables, "levels.csv")) {
    const std::string l = r.at(1);
    const std::optional<visit_level> v = try_parse_visit_level(l);
    if (!v) throw error(fmt::format("[diplo.import] {}: unknown level \"{}\"", r.place(1), l));
    out.push_back({words_of(detail::fold(r.at(0))), *v});
  }
  return out;
}

struct alias_rule {
  std::string variant;    // folded
  std::string canonical;  // empty: a documented non-alias
  std::string slug, title;
  std::optional<date::sys_days> from, to;
};

auto load_aliases(const table_sources& tables) -> std::vector<alias_rule> {
  std::vector<alias_rule> out;
  for (const auto& r : rows_of(tables, "aliases.csv")) {
    out.push_back({detail::fold(r.at(0)), r.at(1), r.at(2), r.at(3), csv_date(r, 4), csv_date(r, 5)});
  }
  return out;
}

// --- visitors -------------------------------------------------------------------------------

struct guest_text {
  std::string office;               // the first title, or empty
  std::string name;                 // as written, titles removed
  std::vector<std::string> titles;  // every title as written
};

// Strips leading titles from a visitor part. The text is matched word by word on folded
// words; the name keeps its original spelling.
auto strip_titles(const std::string& part, const std::vector<title_rule>& titles) -> guest_text {
  guest_text g;
  std::vector<std::string> raw = words_of(part);  // original words (space separated)
  std::size_t at = 0;
  auto folded_from = [&](std::size_t i) { return words_of(detail::fold(join_words(raw, i))); };
  while (at < raw.size()) {
    const auto rest = folded_from(at);
    if (!rest.empty() && (rest[0] == "and" || rest[0] == "&") && !g.titles.empty()) {
      ++at;  // "Premier and Prince Sihanouk": titles joined by "and"
      continue;
    }
    const title_rule* hit = nullptr;
    for (const auto& t : titles) {
      if (t.words.size() <= rest.size() && std::equal(t.words.begin(), t.words.end(), rest.begin())) {
        hit = &t;
        break;
      }
    }
    if (hit == nullptr) break;
    // Consume raw words until their fold covers the title's words ("President- elect" is two
    // raw words and two folded ones; "President-elect" one raw word and two folded ones).
    std::size_t need = hit->words.size();
    std::size_t used = 0;
    std::string written;
    while (need > 0 && at + used < raw.size()) {
      const auto w = words_of(detail::fold(raw[at + used]));
      need -= std::min(need, w.size());
      written += (written.empty() ? "" : " ") + raw[at + used];
      ++used;
    }
    if (at + used >= raw.size()) break;  // nothing left for a name: the word is the name
    at += used;
    g.titles.push_back(written);
    if (g.office.empty() && !hit->office.empty()) g.office = hit->office;
  }
  g.name = join_words(raw, at);
  while (!g.name.empty() && (g.name.back() == '.' || g.name.back() == ',')) g.name.pop_back();
  return g;
}

auto split_visitor(const std::string& visitor, const std::vector<title_rule>& titles)
    -> std::vector<guest_text> {
  // Split on " and " / " & " where both sides keep a name once titles are stripped.
  const auto raw = words_of(visitor);
  for (std::size_t i = 1; i + 1 < raw.size(); ++i) {
    if (raw[i] != "and" && raw[i] != "&") continue;
    const std::string left =
        join_words(std::vector<std::string>(raw.begin(), raw.begin() + static_cast<std::ptrdiff_t>(i)));
    const std::string right = join_words(raw, i + 1);
    auto l = strip_titles(left, titles);
    auto r = strip_titles(right, titles);
    if (!l.titles.empty() && !r.titles.empty() && !l.name.empty() && !r.name.empty() &&
        words_of(detail::fold(l.name)) != words_of(detail::fold(left))) {
      std::vector<guest_text> out{l};
      auto rest = split_visitor(right, titles);
      out.insert(out.end(), rest.begin(), rest.end());
      return out;
    }
  }
  // "President Anwar Sadat Prime Minister Mustafa Khalil": a title of two or more words after
  // a name starts a second guest (one-word titles are not split on: "Mackenzie King").
  auto whole = strip_titles(visitor, titles);
  const auto name_words = words_of(whole.name);
  for (std::size_t i = 1; i < name_words.size(); ++i) {
    const auto rest = words_of(detail::fold(join_words(name_words, i)));
    for (const auto& t : titles) {
      if (t.words.size() < 2 || t.office.empty() || t.words.size() >= rest.size()) continue;
      if (!std::equal(t.words.begin(), t.words.end(), rest.begin())) continue;
      guest_text first = whole;
      first.name = join_words(
          std::vector<std::string>(name_words.begin(), name_words.begin() + static_cast<std::ptrdiff_t>(i)));
      std::vector<guest_text> out{first};
      auto more = split_visitor(join_words(name_words, i), titles);
      out.insert(out.end(), more.begin(), more.end());
      return out;
    }
  }
  return {whole};
}

auto level_of(const std::string& description, const std::vector<level_rule>& levels) -> visit_level {
  const auto w = words_of(detail::fold(description));
  std::size_t best_at = w.size();
  std::size_t best_len = 0;
  visit_level best = visit_level::unspecified;
  for (const auto& r : levels) {
    if (r.words.empty() || r.words.size() > w.size()) continue;
    for (std::size_t i = 0; i + r.words.size() <= w.size() && i <= best_at; ++i) {
      if (!std::equal(r.words.begin(), r.words.end(), w.begin() + static_cast<std::ptrdiff_t>(i))) continue;
      if (i < best_at || r.words.size() > best_len) {
        best_at = i;
        best_len = r.words.size();
        best = r.level;
      }
      break;
    }
  }
  return best;
}

// "Washington" unless the text names another place (" in X", " at X", " to X" with X
// capitalised) and not Washington.
auto visit_city(const std::string& description) -> std::string {
  if (description.find("Washington") != std::string::npos) return "Washington";
  const auto w = words_of(description);
  for (std::size_t i = 0; i + 1 < w.size(); ++i) {
    if ((w[i] == "in" || w[i] == "at" || w[i] == "to") && !w[i + 1].empty() && w[i + 1][0] >= 'A' &&
        w[i + 1][0] <= 'Z') {
      return {};
    }
  }
  return "Washington";
}

// --- records ------------------------------------------------------------------------------

struct guest_ref {
  std::string key;  // identity key, resolved later
  std::string office;
  std::string written;  // the name as written
  std::string canonical;
};

// The first and last day of a record.
struct day_span {
  partial_date start, end;
};

struct visit_record {
  record_ref ref;
  std::string slug, country_text, visitor, description;
  partial_date start, end;
  country_code country;
  std::vector<guest_ref> guests;
};

struct trip_record {
  record_ref ref;
  std::string role, who, name, slug, country_text, locale, remarks;
  partial_date start, end;
  country_code country;
  bool merged_away = false;
  std::vector<record_ref> also;  // records merged into this one
  std::vector<std::string> extra_remarks;
  std::vector<std::string> extra_cities;
};

auto split_cities(const std::string& locale) -> std::vector<std::string> {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::string c = clean(cur);
    while (!c.empty() && (c.back() == '.' || c.back() == ',')) c.pop_back();
    if (!c.empty() && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    cur.clear();
  };
  const auto w = words_of(locale);
  for (const auto& word : w) {
    if (word == "and" || word == "&") {
      flush();
      continue;
    }
    std::string piece;
    for (char c : word) {
      if (c == ',' || c == ';') {
        cur += " " + piece;
        piece.clear();
        flush();
      } else {
        piece += c;
      }
    }
    if (!piece.empty()) cur += " " + piece;
  }
  flush();
  return out;
}

auto make_source(const std::string& url, dataset ds, const std::string& id) -> source {
  return {url, std::string(publisher), fmt::format("{} record {}", name(ds), id), std::nullopt};
}

// Union-find over identity keys, resolved to the key with the most words.
struct identity_table {
  std::map<std::string, std::string> parent;
  auto root(std::string k) -> std::string {
    while (parent.count(k) != 0 && parent[k] != k) k = parent[k];
    return k;
  }
};

// --- the import, phase by phase ------------------------------------------------------------

// A person of the visits while the import collects them.
struct person_build {
  person p;
  std::set<std::string> folded;  // folded names seen (canonical first)
  date::sys_days latest{};
};

// A visitor's name as the identity rule compares it: its country, key and folded words.
struct identity_item {
  std::string slug, key;
  std::vector<std::string> words;
};

// One import of one set of files: each phase is a member, run in order by `run`.
class importer {
 public:
  importer(const historyatstate_files& files, const table_sources& tables)
      : files_(files),
        countries_(load_countries(tables)),
        titles_(load_titles(tables)),
        levels_(load_levels(tables)),
        aliases_(load_aliases(tables)) {}

  auto run() && -> import_result {
    doc().info = {
        "Office of the Historian: visits of foreign leaders, travels of presidents and "
        "secretaries of state",
        "1866/2025", "", "CC0-1.0",
        "history.state.gov (HistoryAtState/visits, HistoryAtState/travels), imported by "
        "diplo::import::import_historyatstate"};
    read_visits();
    resolve_identities();
    make_visit_events();
    read_terms();
    read_trips();
    merge_duplicate_trips();
    make_travellers();
    make_trip_events();
    fill_registry();
    declare_coverage();
    return std::move(result_);
  }

 private:
  auto doc() -> io::document& { return result_.doc; }
  auto rep() -> import_report& { return result_.report; }

  // What the lists record completely (diplo/coverage.h): every trip abroad of the President
  // and of the Secretary of State, and every visit of a foreign leader to the United States;
  // neither names the leaders met, so they record trips, not meetings.
  void declare_coverage() {
    const country_code us = country_code::parse("US");
    coverage_scope trips{.subject = coverage_subject::trips_by,
                         .countries = {us},
                         .offices = {"President", "Secretary of State"},
                         .source = "the Office of the Historian's lists"};
    coverage_scope visits{.subject = coverage_subject::visits_to, .countries = {us}, .source = trips.source};
    curated::span_records(trips, doc().events, "hist-trip-");
    curated::span_records(visits, doc().events, "hist-visit-");
    doc().info.records = {std::move(trips), std::move(visits)};
  }
  auto count(dataset d) -> dataset_count& { return rep().counts[static_cast<std::size_t>(d)]; }
  void reject(const record_ref& r, std::string why) {
    ++count(r.dataset).rejected;
    rep().rejections.push_back({r, std::move(why)});
  }

  // An id not given yet: `base_id`, else `base_id-suffix`, else `base_id-2`, `-3`, ...
  auto unique_id(const std::string& base_id, const std::string& suffix) -> std::string {
    std::string id = base_id;
    if (used_ids_.count(id) != 0 && !suffix.empty()) id = base_id + "-" + suffix;
    for (int n = 2; used_ids_.count(id) != 0; ++n) id = fmt::format("{}-{}", base_id, n);
    used_ids_.insert(id);
    return id;
  }

  // ---- visits -------------------------------------------------------------------------------

  void read_visits() {
    for (const auto& path : xml_files_in(files_, "visits/")) {
      xml_file f;
      load_xml(files_, path, f);
      for (pugi::xml_node v : f.doc.child("visits").children("visit")) {
        ++count(dataset::visits).read;
        std::optional<visit_record> r = read_visit(f, v);
        if (!r) continue;
        r->guests = guests_of(*r);
        if (r->guests.empty()) {
          reject(r->ref, fmt::format("no name in visitor \"{}\"", r->visitor));
          continue;
        }
        for (const auto& g : r->guests) note_key(g.key, *r);
        visits_.push_back(std::move(*r));
      }
    }
  }

  // The record of <visit> `v`, its guests left for later; none when it is rejected.
  auto read_visit(const xml_file& f, const pugi::xml_node& v) -> std::optional<visit_record> {
    visit_record r;
    r.ref = {dataset::visits, child_text(f, v, "id", true), f.origin_of(v)};
    const std::optional<day_span> days = read_days(f, v, r.ref);
    if (!days) return std::nullopt;
    r.start = days->start;
    r.end = days->end;
    r.slug = attribute_text(f, v.child("from"), "id");
    r.country_text = child_text(f, v, "from", true);
    r.visitor = child_text(f, v, "visitor", true);
    r.description = child_text(f, v, "description", false);
    const std::optional<country_code> code = map_country(r.ref, r.slug, r.country_text, r.start);
    if (!code) return std::nullopt;
    r.country = *code;
    return r;
  }

  // The first and last day of record `ref` (<start-date> and <end-date> of `n`); none, the
  // record rejected, unless both are exact days in order.
  auto read_days(const xml_file& f, const pugi::xml_node& n, const record_ref& ref)
      -> std::optional<day_span> {
    const std::string s = child_text(f, n, "start-date", true);
    const std::string e = child_text(f, n, "end-date", true);
    auto sd = parse_day(s);
    auto ed = parse_day(e);
    if (!sd || !ed || ed->earliest() < sd->earliest()) {
      reject(ref, fmt::format("bad dates \"{}\" .. \"{}\"", s, e));
      return std::nullopt;
    }
    return day_span{*sd, *ed};
  }

  // The ISO code of the country record `ref` names (slug and text, as in
  // curation/countries.csv) on its first day `start`; none, the record rejected, when there
  // is none.
  auto map_country(const record_ref& ref, const std::string& slug, const std::string& text,
                   const partial_date& start) -> std::optional<country_code> {
    auto [code, why] = countries_.map(slug, text, day_of(start));
    if (code.empty()) {
      reject(ref, std::move(why));
      return std::nullopt;
    }
    return code;
  }

  // The guests of a visit: its <visitor> split, titles off, names through the aliases.
  auto guests_of(const visit_record& r) const -> std::vector<guest_ref> {
    std::vector<guest_ref> out;
    for (auto& g : split_visitor(r.visitor, titles_)) {
      if (g.name.empty() || detail::fold(g.name).empty()) continue;
      guest_ref gr;
      gr.office = g.office;
      gr.written = g.name;
      gr.canonical = g.name;
      const std::string folded = detail::fold(g.name);
      for (const auto& a : aliases_) {
        if (a.variant != folded) continue;
        if (!a.slug.empty() && a.slug != r.slug) continue;
        if (!a.title.empty() && a.title != g.office) continue;
        if (!in_range(day_of(r.start), a.from, a.to)) continue;
        if (!a.canonical.empty()) gr.canonical = a.canonical;
        break;
      }
      const std::string cf = detail::fold(gr.canonical);
      gr.key = words_of(cf).size() >= 2 ? "n|" + cf : "s|" + r.slug + "|" + cf;
      out.push_back(std::move(gr));
    }
    return out;
  }

  // Identity key `key` is named by visit `r`: its country, its records, its span of years.
  void note_key(const std::string& key, const visit_record& r) {
    keys_of_slug_[r.slug].insert(key);
    records_of_key_[key].push_back(r.ref.id);
    const auto d = day_of(r.start);
    auto [sp, fresh] = span_of_key_.try_emplace(key, d, d);
    if (!fresh) {
      sp->second.first = std::min(sp->second.first, d);
      sp->second.second = std::max(sp->second.second, d);
    }
  }

  // Identity: a name whose words all appear, in order, in exactly one fuller name (after
  // that one's own resolution) of the same country is that person.
  void resolve_identities() {
    std::vector<identity_item> items;
    for (const auto& [slug, keys] : keys_of_slug_) {
      for (const auto& k : keys) items.push_back({slug, k, words_of(k.substr(k.rfind('|') + 1))});
    }
    std::stable_sort(items.begin(), items.end(), [](const identity_item& a, const identity_item& b) {
      return a.words.size() > b.words.size();
    });
    std::set<std::string> noted;
    for (const auto& it : items) {
      if (ids_.parent.count(it.key) != 0 && ids_.parent[it.key] != it.key) continue;
      resolve_identity(it, items, noted);
    }
  }

  // One name of `items` (fullest first): joined to the one fuller name it can be, or noted
  // as unresolved (in `noted` once) when it could be several or when they are years apart.
  void resolve_identity(const identity_item& it, const std::vector<identity_item>& items,
                        std::set<std::string>& noted) {
    // Only fuller names whose records start within `era` of this name's records count:
    // a father and a son, an uncle and a nephew share names but not years.
    constexpr date::days era{4 * 366};
    const auto& mine = span_of_key_.at(it.key);
    std::set<std::string> roots;
    std::vector<std::string> apart;
    for (const auto& other : items) {
      if (other.slug != it.slug || other.words.size() <= it.words.size()) continue;
      if (!in_order(it.words, other.words)) continue;
      const auto& theirs = span_of_key_.at(other.key);
      if (mine.second + era < theirs.first || theirs.second + era < mine.first) {
        apart.push_back(other.key.substr(other.key.rfind('|') + 1));
        continue;
      }
      roots.insert(ids_.root(other.key));
    }
    const auto& recs = records_of_key_[it.key];
    const record_ref first{dataset::visits, recs.front(), {}};
    if (roots.empty() && !apart.empty()) {
      rep().unresolved_names.push_back(
          {first, fmt::format("\"{}\" ({}) kept apart from {}: their records are more than 4 years "
                              "apart; kept as its own actor (records {})",
                              join_words(it.words), it.slug, fmt::join(apart, ", "), fmt::join(recs, " "))});
    }
    if (roots.size() == 1) {
      ids_.parent[it.key] = *roots.begin();
      rep().resolved_names.push_back(
          {first, fmt::format("\"{}\" ({}) taken as \"{}\" (records {})", join_words(it.words), it.slug,
                              roots.begin()->substr(roots.begin()->rfind('|') + 1), fmt::join(recs, " "))});
    } else if (roots.size() > 1 && noted.insert(it.key).second) {
      std::vector<std::string> names;
      names.reserve(roots.size());
      for (const auto& r : roots) names.push_back(r.substr(r.rfind('|') + 1));
      rep().unresolved_names.push_back(
          {first, fmt::format("\"{}\" ({}) could be any of: {}; kept as its own actor (records {})",
                              join_words(it.words), it.slug, fmt::join(names, ", "), fmt::join(recs, " "))});
    }
  }

  // Persons of the visits, keyed by root identity key, and one event per visit.
  void make_visit_events() {
    // Canonical name of a root key: the canonical spelling that made that key, most common first.
    for (const auto& r : visits_) {
      for (const auto& g : r.guests) ++spellings_[g.key][g.canonical];
    }
    for (auto& r : visits_) {
      visit ev;
      ev.id = event_id{"hist-visit-" + r.ref.id};
      ev.when = period(r.start, r.end);
      ev.host_country = "US";
      ev.place.country = "US";
      ev.place.city = visit_city(r.description);
      if (!ev.place.city.empty()) ev.cities = {ev.place.city};
      ev.level = level_of(r.description, levels_);
      ev.description = r.description;
      ev.sources.push_back(make_source(
          fmt::format("{}visits/{}", site, static_cast<int>(date::year_month_day{day_of(r.start)}.year())),
          dataset::visits, r.ref.id));
      if (r.guests.size() > 1) ev.notes = fmt::format("visitor: {}", r.visitor);
      for (const auto& g : r.guests) {
        const actor_id id = add_guest(g, r, ev.when);
        if (std::find(ev.guests.begin(), ev.guests.end(), id) == ev.guests.end()) ev.guests.push_back(id);
      }
      doc().events.emplace_back(std::move(ev));
      doc().origins.push_back(r.ref.where);
      ++count(dataset::visits).events;
    }
  }

  // The person guest `g` of visit `r` is, made on first sight, with what this visit tells of
  // them: another spelling, their country, the office they came in.
  auto add_guest(const guest_ref& g, const visit_record& r, const period& when) -> actor_id {
    const std::string root = ids_.root(g.key);
    auto [it, fresh] = people_.try_emplace(root);
    person_build& pb = it->second;
    if (fresh) {
      // The most common canonical spelling of the root key.
      std::string best = g.canonical;
      std::size_t n = 0;
      for (const auto& [s, c] : spellings_[root]) {
        if (c > n) {
          best = s;
          n = c;
        }
      }
      pb.p.name = best;
      pb.p.id = actor_id{unique_id(detail::slug(best), r.slug)};
      pb.folded.insert(detail::fold(best));
      person_order_.push_back(root);
    }
    for (const std::string* s : {&g.canonical, &g.written}) {
      if (pb.folded.insert(detail::fold(*s)).second) pb.p.aliases.push_back(*s);
    }
    if (day_of(r.start) >= pb.latest) {
      pb.latest = day_of(r.start);
      pb.p.country = r.country;
    }
    if (!g.office.empty()) {
      office o{g.office, r.country, when};
      if (std::find(pb.p.offices.begin(), pb.p.offices.end(), o) == pb.p.offices.end()) {
        pb.p.offices.push_back(std::move(o));
      }
    }
    return pb.p.id;
  }

  // ---- travels ------------------------------------------------------------------------------

  // Presidents' terms.
  void read_terms() {
    xml_file f;
    load_xml(files_, "travels/presidents/presidents.xml", f);
    for (pugi::xml_node p : f.doc.child("presidents").children("president")) {
      const std::string id = child_text(f, p, "id", true);
      auto took = parse_day(child_text(f, p, "took-office-date", true));
      auto left = parse_day(child_text(f, p, "left-office-date", false));
      if (!took) continue;
      terms_[id].push_back(left ? period(*took, *left) : period::open_end(*took));
    }
  }

  void read_trips() {
    for (const auto& [sub, ds] : {std::pair{"president-travels", dataset::president_trips},
                                  std::pair{"secretary-travels", dataset::secretary_trips}}) {
      for (const auto& path : xml_files_in(files_, fmt::format("travels/{}/", sub))) {
        xml_file f;
        load_xml(files_, path, f);
        for (pugi::xml_node t : f.doc.child("trips").children("trip")) {
          ++count(ds).read;
          if (auto r = read_trip(f, t, ds)) trips_.push_back(std::move(*r));
        }
      }
    }
  }

  // The record of <trip> `t`; none when it is rejected.
  auto read_trip(const xml_file& f, const pugi::xml_node& t, dataset ds) -> std::optional<trip_record> {
    trip_record r;
    r.ref = {ds, child_text(f, t, "id", true), f.origin_of(t)};
    r.role = attribute_text(f, t, "role");
    r.who = attribute_text(f, t, "who");
    r.name = child_text(f, t, "name", true);
    const std::optional<day_span> days = read_days(f, t, r.ref);
    if (!days) return std::nullopt;
    if (r.who.empty()) {
      reject(r.ref, "no traveller (@who)");
      return std::nullopt;
    }
    r.start = days->start;
    r.end = days->end;
    r.slug = attribute_text(f, t.child("country"), "id");
    r.country_text = child_text(f, t, "country", true);
    r.locale = child_text(f, t, "locale", false);
    r.remarks = child_text(f, t, "remarks", false);
    const std::optional<country_code> code = map_country(r.ref, r.slug, r.country_text, r.start);
    if (!code) return std::nullopt;
    r.country = *code;
    return r;
  }

  // Duplicates: same traveller, dates and country.
  void merge_duplicate_trips() {
    std::map<std::tuple<std::string, std::string, std::string, std::string, std::string>, std::size_t> first;
    for (std::size_t i = 0; i < trips_.size(); ++i) {
      auto& r = trips_[i];
      auto key = std::make_tuple(r.who, r.start.to_edtf(), r.end.to_edtf(), r.slug, r.role);
      auto [it, fresh] = first.try_emplace(key, i);
      if (!fresh) merge_trip(trips_[it->second], r);
    }
  }

  // `r` merged into `kept`, the first record of the same traveller, dates and country.
  void merge_trip(trip_record& kept, trip_record& r) {
    r.merged_away = true;
    ++count(r.ref.dataset).merged;
    kept.also.push_back(r.ref);
    const bool exact = r.name == kept.name && r.locale == kept.locale && r.remarks == kept.remarks &&
                       r.country_text == kept.country_text;
    std::string how;
    if (exact) {
      how = "identical but for the id: one event citing both records";
    } else {
      std::vector<std::string> parts;
      if (r.remarks != kept.remarks) {
        kept.extra_remarks.push_back(r.remarks);
        parts.emplace_back("both remarks kept, joined by \" / \"");
      }
      if (r.locale != kept.locale) {
        for (auto& c : split_cities(r.locale)) kept.extra_cities.push_back(c);
        parts.emplace_back("cities of both locales kept");
      }
      how = fmt::format("one event citing both records; {}", fmt::join(parts, "; "));
    }
    rep().duplicates.push_back({kept.ref, r.ref,
                                exact ? merge_kind::exact_copy : merge_kind::same_traveller_dates_country,
                                std::move(how)});
  }

  // U.S. persons: one per traveller, with their offices.
  void make_travellers() {
    std::map<std::string, std::pair<date::sys_days, date::sys_days>> secretary_span;
    for (const auto& r : trips_) {
      if (r.merged_away) continue;
      if (r.role == "secretary") {
        auto [it, fresh] = secretary_span.try_emplace(r.who, day_of(r.start), day_of(r.end));
        if (!fresh) {
          it->second.first = std::min(it->second.first, day_of(r.start));
          it->second.second = std::max(it->second.second, day_of(r.end));
        }
      }
      if (traveller_id_.count(r.who) != 0) continue;
      person p;
      p.name = r.name;
      p.id = actor_id{unique_id(detail::slug(r.name), r.who)};
      p.country = "US";
      traveller_id_.emplace(r.who, p.id);
      travellers_.emplace(r.who, std::move(p));
      traveller_order_.push_back(r.who);
    }
    for (auto& [who, p] : travellers_) {
      if (auto it = terms_.find(who); it != terms_.end()) {
        for (const auto& term : it->second) p.offices.push_back({"President", "US", term});
      }
      if (auto it = secretary_span.find(who); it != secretary_span.end()) {
        p.offices.push_back({"Secretary of State", "US", period::days(it->second.first, it->second.second)});
      }
    }
    // Trips made before taking office: the remarks say "[Visit made as President-elect.]".
    for (const auto& r : trips_) {
      if (r.merged_away || r.role != "president" ||
          r.remarks.find("made as President-elect") == std::string::npos) {
        continue;
      }
      auto& offices = travellers_.at(r.who).offices;
      office o{"President-elect", "US", period(r.start, r.end)};
      if (std::find(offices.begin(), offices.end(), o) == offices.end()) offices.push_back(std::move(o));
    }
  }

  // Events, journeys, overlaps: per traveller, in order of start.
  void make_trip_events() {
    std::map<std::string, std::vector<std::size_t>> by_who;
    for (std::size_t i = 0; i < trips_.size(); ++i) {
      if (!trips_[i].merged_away) by_who[trips_[i].role + "|" + trips_[i].who].push_back(i);
    }
    for (auto& [key, list] : by_who) {
      std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
        if (trips_[a].start.earliest() != trips_[b].start.earliest()) {
          return trips_[a].start.earliest() < trips_[b].start.earliest();
        }
        return trips_[a].end.earliest() < trips_[b].end.earliest();
      });
      make_journeys(list);
    }
    rep().journeys = result_.journeys.size();
  }

  // The stops of one traveller (`list`, in order of start): each an event, consecutive ones
  // one journey; stops whose days overlap are reported.
  void make_journeys(const std::vector<std::size_t>& list) {
    journey* cur = nullptr;
    date::sys_days cur_end{};
    for (std::size_t k = 0; k < list.size(); ++k) {
      const trip_record& r = trips_[list[k]];
      if (k > 0) {
        const trip_record& prev = trips_[list[k - 1]];
        if (day_of(r.start) <= day_of(prev.end)) {
          const auto last = std::min(day_of(r.end), day_of(prev.end));
          rep().overlapping_stops.push_back({prev.ref, r.ref, last - day_of(r.start) + date::days{1}});
        }
      }
      if (cur == nullptr || day_of(r.start) > cur_end + date::days{1}) {
        journey j;
        j.id = fmt::format("hist-journey-{}-{}-{}", r.role, r.who, r.start.to_edtf());
        j.traveller = traveller_id_.at(r.who);
        result_.journeys.push_back(std::move(j));
        cur = &result_.journeys.back();
        cur_end = day_of(r.end);
        cur->when = period(r.start, r.end);
      } else {
        cur_end = std::max(cur_end, day_of(r.end));
        cur->when = period::days(cur->when.earliest_start(), cur_end);
      }
      visit ev = trip_event(r, cur->id);
      cur->stops.push_back(ev.id);
      doc().events.emplace_back(std::move(ev));
      doc().origins.push_back(r.ref.where);
      ++count(r.ref.dataset).events;
    }
  }

  // The event of stop `r`, a stop of journey `journey_id`.
  auto trip_event(const trip_record& r, const std::string& journey_id) const -> visit {
    visit ev;
    ev.id = event_id{fmt::format("hist-trip-{}-{}", r.role, r.ref.id)};
    ev.when = period(r.start, r.end);
    ev.guests = {traveller_id_.at(r.who)};
    ev.host_country = r.country;
    ev.place.country = r.country;
    ev.cities = split_cities(r.locale);
    for (const auto& c : r.extra_cities) {
      if (std::find(ev.cities.begin(), ev.cities.end(), c) == ev.cities.end()) ev.cities.push_back(c);
    }
    if (!ev.cities.empty()) ev.place.city = ev.cities.front();
    ev.description = r.remarks;
    for (const auto& x : r.extra_remarks) ev.description += " / " + x;
    ev.journey = journey_id;
    const std::string url = fmt::format("{}travels/{}/{}", site, r.role, r.who);
    ev.sources.push_back(make_source(url, r.ref.dataset, r.ref.id));
    for (const auto& a : r.also) ev.sources.push_back(make_source(url, a.dataset, a.id));
    return ev;
  }

  // The registry: visitors, then U.S. travellers.
  void fill_registry() {
    for (const auto& k : person_order_) {
      doc().actors.add(std::move(people_.at(k).p));
      doc().actor_origins.push_back({});
    }
    for (const auto& who : traveller_order_) {
      doc().actors.add(std::move(travellers_.at(who)));
      doc().actor_origins.push_back({});
    }
    rep().actors = doc().actors.size();
  }

  const historyatstate_files& files_;
  const country_table countries_;
  const std::vector<title_rule> titles_;
  const std::vector<level_rule> levels_;
  const std::vector<alias_rule> aliases_;
  import_result result_;

  // Visits, and the identity keys of their guests.
  std::vector<visit_record> visits_;
  std::map<std::string, std::set<std::string>> keys_of_slug_;  // slug -> identity keys
  std::map<std::string, std::vector<std::string>> records_of_key_;
  std::map<std::string, std::pair<date::sys_days, date::sys_days>> span_of_key_;  // first, last start
  identity_table ids_;
  std::map<std::string, std::map<std::string, std::size_t>> spellings_;  // root key -> spelling -> uses
  std::map<std::string, person_build> people_;                           // by root identity key
  std::vector<std::string> person_order_;
  std::set<std::string> used_ids_;  // actor ids given, visitors' and travellers'

  // Trips, and their travellers.
  std::map<std::string, std::vector<period>> terms_;  // presidents.xml id -> terms
  std::vector<trip_record> trips_;
  std::map<std::string, actor_id> traveller_id_;
  std::map<std::string, person> travellers_;
  std::vector<std::string> traveller_order_;
};

}  // namespace

auto historyatstate_curation() -> const historyatstate_files& {
  static const historyatstate_files tables{
      {"curation/countries.csv",
       {detail::historyatstate_countries_csv_text, detail::historyatstate_countries_csv_size}},
      {"curation/titles.csv",
       {detail::historyatstate_titles_csv_text, detail::historyatstate_titles_csv_size}},
      {"curation/levels.csv",
       {detail::historyatstate_levels_csv_text, detail::historyatstate_levels_csv_size}},
      {"curation/aliases.csv",
       {detail::historyatstate_aliases_csv_text, detail::historyatstate_aliases_csv_size}}};
  return tables;
}

namespace {

// Reads the tables of the folder `folder` (any of the four; a missing one is no table) into
// `texts` (by path), and adds them as sources. `required`: the folder must exist and hold
// at least one table.
auto add_table_folder(const fs::path& folder, bool required, const io::read_limits& limits,
                      std::map<std::string, std::string>& texts, table_sources& tables) -> void {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    if (!required && !fs::exists(fs::symlink_status(folder, ec))) return;
    throw error(fmt::format("[diplo.import] {}: not a directory of curated tables", folder.string()));
  }
  for (const auto& e : fs::directory_iterator(folder)) {
    if (e.path().extension() == ".csv") check_table_name(e.path().filename().string(), e.path().string());
  }
  bool any = false;
  for (std::string_view file : table_files) {
    const fs::path p = folder / file;
    // A dangling link or a FIFO is there, and refused by io::read_text_file.
    if (!fs::exists(fs::symlink_status(p, ec))) continue;
    auto [at, fresh] = texts.try_emplace(p.string());
    if (fresh) at->second = io::read_text_file(p, limits.max_file_size);
    tables[std::string(file)].push_back({p.string(), at->second});
    any = true;
  }
  if (required && !any) {
    throw error(fmt::format(
        "[diplo.import] {}: holds no curated table (countries.csv, titles.csv, levels.csv or aliases.csv)",
        folder.string()));
  }
}

}  // namespace

auto import_historyatstate(const std::filesystem::path& dir, const historyatstate_options& options)
    -> import_result {
  historyatstate_files files;
  auto add = [&](const fs::path& p) {
    // Lexically: a file may be a symbolic link to a file elsewhere.
    files.emplace(p.lexically_relative(dir).generic_string(),
                  io::read_text_file(p, options.limits.max_file_size));
  };
  add(dir / "travels" / "presidents" / "presidents.xml");
  for (const fs::path& sub : {fs::path("visits"), fs::path("travels") / "president-travels",
                              fs::path("travels") / "secretary-travels"}) {
    for (const auto& p : sorted_files(dir / sub)) add(p);
  }
  // The tables: options.curation's rows first, then dir/curation's, then the embedded ones.
  std::map<std::string, std::string> texts;
  table_sources tables;
  if (!options.curation.empty()) add_table_folder(options.curation, true, options.limits, texts, tables);
  add_table_folder(dir / "curation", false, options.limits, texts, tables);
  return importer(files, with_embedded(std::move(tables))).run();
}

auto import_historyatstate(const historyatstate_files& files) -> import_result {
  table_sources tables;
  for (auto it = files.lower_bound("curation/"); it != files.end() && it->first.starts_with("curation/");
       ++it) {
    const std::string_view file = std::string_view(it->first).substr(std::string_view("curation/").size());
    if (file.find('/') != std::string_view::npos || !file.ends_with(".csv")) continue;
    check_table_name(file, it->first);
    tables[std::string(file)].push_back({it->first, it->second});
  }
  return importer(files, with_embedded(std::move(tables))).run();
}

}  // namespace diplo::import

auto fmt::formatter<diplo::import::import_report>::text(const diplo::import::import_report& r)
    -> std::string {
  using namespace diplo::import;
  std::string s = "Office of the Historian import\n";
  auto line = [&](std::string_view label, const dataset_count& c) {
    s += fmt::format("  {:<18} {:>5} read = {:>5} events + {:>2} merged + {:>2} rejected{}\n", label, c.read,
                     c.events, c.merged, c.rejected,
                     c.read == c.events + c.merged + c.rejected ? "" : "  (DOES NOT ADD UP)");
  };
  for (auto d : {dataset::visits, dataset::president_trips, dataset::secretary_trips}) {
    line(name(d), r.of(d));
  }
  line("total", r.total());
  s += fmt::format("  {} actors, {} journeys\n", r.actors, r.journeys);

  std::map<std::string, std::vector<std::string>> by_reason;
  for (const auto& x : r.rejections) by_reason[x.reason].push_back(fmt::format("{}", x.record));
  s += fmt::format("rejected ({}):\n", r.rejections.size());
  for (const auto& [reason, recs] : by_reason) {
    s += fmt::format("  {} ({}):\n", reason, recs.size());
    for (const auto& x : recs) s += fmt::format("    {}\n", x);
  }
  s += fmt::format("duplicates merged ({}):\n", r.duplicates.size());
  for (const auto& d : r.duplicates) {
    s += fmt::format("  {}\n", d);
  }
  s += fmt::format("unresolved names ({}):\n", r.unresolved_names.size());
  for (const auto& n : r.unresolved_names) s += fmt::format("  {}\n", n.text);
  s += fmt::format("names resolved by the in-order word rule ({}):\n", r.resolved_names.size());
  for (const auto& n : r.resolved_names) s += fmt::format("  {}\n", n.text);
  s += fmt::format("overlapping stops ({}):\n", r.overlapping_stops.size());
  for (const auto& o : r.overlapping_stops) {
    s += fmt::format("  {}\n", o);
  }
  return s;
}
