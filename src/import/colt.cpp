// SPDX-License-Identifier: MIT
#include "diplo/import/colt.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "colt_rows.h"
#include "curated.h"
#include "diplo/country.h"
#include "diplo/detail/csv_lexer.h"
#include "diplo/detail/fold.h"
#include "diplo/detail/slug.h"
#include "diplo/detail/text.h"
#include "diplo/error.h"
#include "diplo/io/file.h"
#include "diplo/io/identities.h"

namespace diplo::import {
namespace {

namespace cd = diplo::import::detail;
using cd::colt_column;

constexpr std::string_view dataset_url = "https://doi.org/10.7910/DVN/87YG4K";
constexpr std::string_view dataset_publisher = "COLT (Diplometrics, University of Denver)";
// Mentions of one name further apart than this are not taken as one person by the word rule.
constexpr date::days era{4 * 366};
// A traveller's trips further apart than this start a new office span.
constexpr date::days office_gap{400};

// --- the rows ------------------------------------------------------------------------------

// One CSV record with the header's layout.
struct row_cells {
  std::span<const diplo::detail::csv_field> fields;
  const cd::colt_layout* layout = nullptr;
  [[nodiscard]] auto get(colt_column c) const -> std::string_view {
    return at(layout->at[static_cast<std::size_t>(c)]);
  }
  [[nodiscard]] auto at(std::size_t i) const -> std::string_view {
    return i < fields.size() ? diplo::detail::trim(fields[i].text) : std::string_view();
  }
  [[nodiscard]] auto yes(colt_column c) const -> bool { return get(c) == "Yes" || get(c) == "yes"; }
};

// A row read: one trip of one traveller to one country.
struct trip {
  colt_row ref;
  std::size_t traveller = 0;  // index into people
  country_code host_country;
  date::sys_days first{};
  date::sys_days last{};
  std::vector<std::string> cities;
  std::vector<cd::named_leader> hosts;   // met (MetHostHoGS is Yes)
  std::vector<cd::named_leader> others;  // NonhostHOGSNames
  std::vector<std::size_t> host_people;  // resolved, parallel to hosts
  std::vector<std::size_t> other_people;
  std::vector<std::string> gatherings;
  std::string notes;
  std::string description;
  std::vector<source> sources;
  bool merged = false;
};

// A person while the import collects them: a traveller, or a name met on a trip.
struct person_build {
  std::string key;  // folded name
  std::vector<std::string> words;
  std::optional<country_code> country;
  bool traveller = false;
  date::sys_days first = date::sys_days::max();
  date::sys_days last = date::sys_days::min();
  std::map<std::string, std::size_t> spellings;
  // (title, country) -> the days of the trips on which the person held it.
  std::map<std::pair<std::string, country_code>, std::vector<date::sys_days>> held;
  colt_row first_row;
  std::size_t root = 0;

  void saw(date::sys_days d) {
    first = std::min(first, d);
    last = std::max(last, d);
  }
};

auto iso(date::sys_days d) -> std::string { return date::format("%F", d); }

auto dataset_source(const std::string& trip_id) -> source {
  return {
      std::string(dataset_url), std::string(dataset_publisher), fmt::format("COLT, TripID {}", trip_id), {}};
}

// "Public address; agreement signed" from the trip's Yes/No columns.
auto trip_description(const row_cells& c) -> std::string {
  std::vector<std::string_view> parts;
  if (c.yes(colt_column::public_address)) parts.emplace_back("public address");
  if (c.yes(colt_column::signed_agreement)) parts.emplace_back("agreement signed");
  if (c.yes(colt_column::cultural)) parts.emplace_back("cultural site or ceremony");
  if (c.yes(colt_column::business)) parts.emplace_back("business leaders or forum");
  if (parts.empty()) return {};
  std::string s = fmt::format("{}", fmt::join(parts, "; "));
  s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s + " (COLT).";
}

auto office_spans(const std::vector<date::sys_days>& days_in) -> std::vector<period> {
  std::vector<date::sys_days> days = days_in;
  std::sort(days.begin(), days.end());
  std::vector<period> out;
  std::size_t from = 0;
  for (std::size_t i = 1; i <= days.size(); ++i) {
    if (i == days.size() || days[i] - days[i - 1] > office_gap) {
      out.push_back(period::days(days[from], days[i - 1]));
      from = i;
    }
  }
  return out;
}

template <class Map>
auto most_used(const Map& spellings) -> std::string {
  std::string best;
  std::size_t uses = 0;
  for (const auto& [s, n] : spellings) {
    // More uses win; on a tie, a spelling with letters beyond ASCII ("Chávez" over "Chavez").
    const bool richer =
        std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (n > uses || (n == uses && richer)) {
      best = s;
      uses = n;
    }
  }
  return best;
}

// One import of one file: each phase is a member, run in order by `run`.
class colt_importer {
 public:
  colt_importer(std::string_view text, std::string_view file)
      : text_(text), file_(file), words_(cd::colt_vocabulary::embedded()) {}

  auto run() && -> colt_result {
    read_rows();
    merge_duplicates();
    collect_names();
    resolve_names();
    make_actors();
    make_visits();
    make_summits();
    make_meetings();
    rep().actors = doc().actors.size();
    declare_coverage();
    return std::move(result_);
  }

 private:
  auto doc() -> io::document& { return result_.doc; }
  auto rep() -> colt_report& { return result_.report; }

  // What the file records completely (diplo/coverage.h): every trip abroad of the leaders of
  // the countries whose leaders travel in it (any office of those countries: COLT gives heads
  // of state and government only), with the leaders met, over the days of its rows.
  void declare_coverage() {
    coverage_scope trips{.subject = coverage_subject::trips_by, .counterparts = true, .source = "COLT"};
    for (const person_build& b : people_) {
      if (!b.traveller) continue;  // the leaders met are named, their own trips are not in the file
      for (const auto& held : b.held) {
        const country_code c = held.first.second;
        if (std::find(trips.countries.begin(), trips.countries.end(), c) == trips.countries.end()) {
          trips.countries.push_back(c);
        }
      }
    }
    if (trips.countries.empty()) return;
    std::sort(trips.countries.begin(), trips.countries.end());
    curated::span_records(trips, doc().events);
    doc().info.records = {std::move(trips)};
  }

  // --- reading ------------------------------------------------------------------------------

  void read_rows() {
    const auto on_error = [&](std::uint32_t line, std::uint32_t column, std::string message) -> bool {
      throw error(fmt::format("[diplo.import] {}:{}:{}: {}", file_, line, column, message));
    };
    // About one record per line: the rows are reserved once (a trip is large to move).
    trips_.reserve(static_cast<std::size_t>(std::count(text_.begin(), text_.end(), '\n')));
    std::size_t columns = 0;
    diplo::detail::lex_csv_each(
        text_,
        [&](const diplo::detail::csv_record_view& r) {
          if (columns == 0) {
            columns = read_header(r);
          } else {
            read_row(r, columns);
          }
          return true;
        },
        on_error);
    if (columns == 0) throw error(fmt::format("[diplo.import] {}:1:1: not a COLT file: it is empty", file_));
  }

  // The header's layout; returns the number of its columns.
  auto read_header(const diplo::detail::csv_record_view& r) -> std::size_t {
    std::vector<std::string> header;
    for (const auto& f : r.fields) header.push_back(f.text);
    layout_ = cd::colt_layout_of(header);
    if (layout_.missing) {
      throw error(
          fmt::format("[diplo.import] {}:1:1: not a COLT file: no column \"{}\"", file_, *layout_.missing));
    }
    return header.size();
  }

  void reject(const colt_row& r, std::string why) {
    ++rep().rejected;
    rep().rejections.push_back({r, std::move(why)});
  }

  void read_row(const diplo::detail::csv_record_view& rec, std::size_t columns) {
    ++rep().read;
    const row_cells c{rec.fields, &layout_};
    colt_row ref{std::string(c.get(colt_column::trip_id)), {file_, rec.line, 1}};
    if (rec.fields.size() > columns) {
      return reject(ref, fmt::format("{} cells, but the header has {} columns", rec.fields.size(), columns));
    }
    if (ref.trip_id.empty()) return reject(ref, "TripID is empty");
    if (auto [it, fresh] = trip_lines_.try_emplace(ref.trip_id, rec.line); !fresh) {
      return reject(ref, fmt::format("TripID repeats the one of line {}", it->second));
    }
    std::string why;
    const auto first = cd::colt_day(c.get(colt_column::start), why);
    if (!first) return reject(ref, fmt::format("TripStartDate: {}", why));
    const auto last = cd::colt_day(c.get(colt_column::end), why);
    if (!last) return reject(ref, fmt::format("TripEndDate: {}", why));
    if (*last < *first) {
      return reject(ref, fmt::format("ends ({}) before it starts ({})", iso(*last), iso(*first)));
    }
    const auto host = country_code::try_parse(c.get(colt_column::visited));
    if (!host || c.get(colt_column::visited).size() != 3) {
      return reject(ref, fmt::format("CountryVisitedISO \"{}\" is not an ISO 3166 alpha-3 code",
                                     c.get(colt_column::visited)));
    }
    const auto home = country_code::try_parse(c.get(colt_column::leader_country));
    if (!home || c.get(colt_column::leader_country).size() != 3) {
      return reject(ref, fmt::format("LeaderCountryISO \"{}\" is not an ISO 3166 alpha-3 code",
                                     c.get(colt_column::leader_country)));
    }
    if (c.get(colt_column::leader_name).empty()) return reject(ref, "LeaderFullName is empty");
    trip t;
    t.ref = std::move(ref);
    t.host_country = *host;
    t.first = *first;
    t.last = *last;
    t.traveller = traveller_of(c, *home, t);
    read_details(c, t);
    trips_.push_back(std::move(t));
  }

  void read_details(const row_cells& c, trip& t) {
    check_duration(c, t);
    t.cities = curated::split_list(c.get(colt_column::city));
    if (c.yes(colt_column::met_host)) {
      t.hosts = leaders_in(c.get(colt_column::host_name), t.ref);
      if (t.hosts.empty())
        rep().warnings.push_back({t.ref, "MetHostHoGS is Yes, but no host leader is named"});
    }
    t.others = leaders_in(c.get(colt_column::nonhost_names), t.ref);
    t.gatherings = curated::split_list(c.get(colt_column::multilat_name));
    t.description = trip_description(c);
    t.notes = std::string(c.get(colt_column::notes));
    if (const std::string_view conf = c.get(colt_column::confidence); !conf.empty()) {
      t.notes += fmt::format("{}COLT confidence {} (1-5).", t.notes.empty() ? "" : " ", conf);
    }
    if (!c.yes(colt_column::met_host) && !c.get(colt_column::host_name).empty()) {
      t.notes += fmt::format(" Host leader not met: {}.", c.get(colt_column::host_name));
    }
    t.sources.push_back(dataset_source(t.ref.trip_id));
    for (std::size_t i : layout_.links) {
      if (const std::string_view url = c.at(i); !url.empty()) t.sources.push_back(cd::colt_link_source(url));
    }
  }

  // The leaders a names cell names (cd::colt_leaders, once per cell text: host cells repeat
  // on many rows); the pieces not read as names go to the report under the row.
  auto leaders_in(std::string_view cell, const colt_row& row) -> std::vector<cd::named_leader> {
    if (cell.empty()) return {};
    auto it = leaders_.find(cell);
    if (it == leaders_.end()) {
      read_leaders r;
      r.leaders = cd::colt_leaders(cell, words_, r.rest);
      it = leaders_.emplace(std::string(cell), std::move(r)).first;
    }
    for (const auto& r : it->second.rest)
      rep().not_names.push_back({row, fmt::format("\"{}\": {}", r.text, r.why)});
    return it->second.leaders;
  }

  void check_duration(const row_cells& c, const trip& t) {
    const std::string_view d = c.get(colt_column::duration);
    if (d.empty()) return;
    const auto days = (t.last - t.first).count() + 1;
    if (d != std::to_string(days)) {
      rep().warnings.push_back(
          {t.ref, fmt::format("TripDuration is {}, but the dates {} to {} are {} day{}; the dates are kept",
                              d, iso(t.first), iso(t.last), days, days == 1 ? "" : "s")});
    }
  }

  // The traveller of a row: one per folded name and country, and one per LeaderID.
  auto traveller_of(const row_cells& c, country_code home, const trip& t) -> std::size_t {
    const std::string name = diplo::detail::collapse_space(c.get(colt_column::leader_name));
    const std::string& folded = fold(name);
    const std::string by_name = fmt::format("{}|{:c}", folded, home);
    const std::string by_id = fmt::format("id|{}", c.get(colt_column::leader_id));
    std::size_t p = 0;
    if (auto it = traveller_keys_.find(by_name); it != traveller_keys_.end()) {
      p = it->second;
    } else if (auto jt = traveller_keys_.find(by_id); jt != traveller_keys_.end() && by_id != "id|") {
      p = jt->second;
    } else {
      p = people_.size();
      person_build b;
      b.key = folded;
      b.words = curated::words_of(folded);
      b.country = home;
      b.traveller = true;
      b.first_row = t.ref;
      b.root = p;
      people_.push_back(std::move(b));
    }
    traveller_keys_.try_emplace(by_name, p);
    if (by_id != "id|") traveller_keys_.try_emplace(by_id, p);
    person_build& b = people_[p];
    ++b.spellings[name];
    b.saw(t.first);
    std::string title = diplo::detail::collapse_space(c.get(colt_column::leader_title));
    auto& days =
        b.held[{title.empty() ? std::string("Head of state or government") : std::move(title), home}];
    days.push_back(t.first);
    days.push_back(t.last);
    return p;
  }

  // --- duplicates ---------------------------------------------------------------------------

  // Rows of one traveller, one host country and the same days make one visit.
  void merge_duplicates() {
    std::vector<std::size_t> order(trips_.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    auto key = [&](std::size_t i) {
      const trip& t = trips_[i];
      return std::tuple(t.traveller, t.host_country, t.first, t.last);
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    for (std::size_t k = 1; k < order.size(); ++k) {
      std::size_t kept = order[k - 1];
      while (trips_[kept].merged) kept = merged_into_.at(kept);
      if (key(kept) == key(order[k])) merge_trip(trips_[kept], trips_[order[k]], kept, order[k]);
    }
  }

  void merge_trip(trip& kept, trip& r, std::size_t kept_index, std::size_t index) {
    r.merged = true;
    merged_into_[index] = kept_index;
    ++rep().merged;
    rep().duplicates.push_back(
        {r.ref, fmt::format("same traveller, country and days as {}: merged into its visit, "
                            "citing both rows",
                            kept.ref.trip_id)});
    for (auto& c : r.cities) {
      if (std::find(kept.cities.begin(), kept.cities.end(), c) == kept.cities.end()) kept.cities.push_back(c);
    }
    for (auto& g : r.gatherings) {
      if (std::find(kept.gatherings.begin(), kept.gatherings.end(), g) == kept.gatherings.end()) {
        kept.gatherings.push_back(g);
      }
    }
    for (auto& h : r.hosts) kept.hosts.push_back(std::move(h));
    for (auto& o : r.others) kept.others.push_back(std::move(o));
    for (auto& s : r.sources) {
      if (std::find(kept.sources.begin(), kept.sources.end(), s) == kept.sources.end())
        kept.sources.push_back(s);
    }
    if (!r.notes.empty() && r.notes != kept.notes) kept.notes += (kept.notes.empty() ? "" : " / ") + r.notes;
    if (kept.description.empty()) kept.description = r.description;
  }

  // --- names --------------------------------------------------------------------------------

  // A person per name met (folded, with its country when known), before resolution.
  void collect_names() {
    for (trip& t : trips_) {
      if (t.merged) continue;
      for (const auto& h : t.hosts) t.host_people.push_back(mention(h, t.host_country, t));
      for (const auto& o : t.others) {
        t.other_people.push_back(mention(o, o.country.value_or(country_code{}), t));
      }
    }
  }

  auto mention(const cd::named_leader& l, country_code country, const trip& t) -> std::size_t {
    const std::string& folded = fold(l.name);
    const std::string key = country.empty() ? folded + "|" : fmt::format("{}|{:c}", folded, country);
    auto [it, fresh] = mention_keys_.try_emplace(key, people_.size());
    if (fresh) {
      person_build b;
      b.key = folded;
      b.words = curated::words_of(folded);
      if (!country.empty()) b.country = country;
      b.first_row = t.ref;
      b.root = people_.size();
      people_.push_back(std::move(b));
    }
    person_build& b = people_[it->second];
    ++b.spellings[l.name];
    b.saw(t.first);
    if (!l.title.empty() && !country.empty()) {
      b.held[{l.title, country}].push_back(t.first);
      b.held[{l.title, country}].push_back(t.last);
    }
    return it->second;
  }

  // diplo::detail::fold, once per spelling (names repeat on many rows).
  auto fold(const std::string& name) -> const std::string& {
    auto it = folded_.find(name);
    if (it == folded_.end()) it = folded_.emplace(name, diplo::detail::fold(name)).first;
    return it->second;
  }

  auto root(std::size_t p) -> std::size_t {
    while (people_[p].root != p) p = people_[p].root = people_[people_[p].root].root;
    return p;
  }

  // May `a` and `b` be one person by the word rule? (Not whether they are: see resolve_name.)
  [[nodiscard]] auto may_be_one(const person_build& a, const person_build& b) const -> bool {
    if (a.country && b.country && *a.country != *b.country) return false;
    if (a.last + era < b.first || b.last + era < a.first) return false;
    return a.words.size() <= b.words.size() ? curated::in_order(a.words, b.words)
                                            : curated::in_order(b.words, a.words);
  }

  // Names met, made persons: first a name spelled as a traveller's or as another name's
  // (folded) is that person, then the word rule (see PEOPLE in the header essay).
  void resolve_names() {
    join_known_identities();
    std::map<std::string, std::vector<std::size_t>> by_key;
    for (std::size_t p = 0; p < people_.size(); ++p) by_key[people_[p].key].push_back(p);
    for (auto& [key, list] : by_key) join_same_spelling(list);
    std::map<std::string, std::vector<std::size_t>> by_word;
    for (std::size_t p = 0; p < people_.size(); ++p) {
      if (root(p) != p) continue;
      for (const auto& w : people_[p].words) by_word[w].push_back(p);
    }
    // Names with a country first (they anchor those without), fuller names first.
    std::vector<std::size_t> order;
    for (std::size_t p = 0; p < people_.size(); ++p) {
      if (!people_[p].traveller && root(p) == p) order.push_back(p);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const auto& x = people_[a];
      const auto& y = people_[b];
      return std::tuple(!x.country.has_value(), y.words.size()) <
             std::tuple(!y.country.has_value(), x.words.size());
    });
    for (std::size_t p : order) resolve_name(p, by_word);
  }

  // The names of one entry of diplo's curated identities (src/io/identities.h) are one
  // person, across countries and years (a traveller first).
  void join_known_identities() {
    std::map<const io::known_identity*, std::size_t> first;  // entry -> its person
    for (std::size_t p = 0; p < people_.size(); ++p) {
      const person_build& b = people_[p];
      std::vector<country_code> countries;
      if (b.country) countries.push_back(*b.country);
      const auto* id = io::identity_table::embedded().find(b.key, countries, b.first, b.last);
      if (id == nullptr) continue;
      identity_[p] = id;
      auto [it, fresh] = first.try_emplace(id, p);
      if (fresh) continue;
      std::size_t a = root(it->second), c = root(p);
      if (a == c) continue;
      if (people_[c].traveller && !people_[a].traveller) {
        std::swap(a, c);
        it->second = a;
      }
      if (people_[c].key != people_[a].key) {
        rep().resolved_names.push_back(
            {b.first_row, fmt::format("\"{}\" taken as \"{}\" by {}", most_used(b.spellings),
                                      most_used(people_[a].spellings), *id)});
      }
      join(c, a);
    }
  }

  // Persons of one folded spelling: those that may be one (country, years) are joined, to a
  // traveller when there is one; one of no country joins the one of a country if it is alone.
  void join_same_spelling(std::vector<std::size_t>& list) {
    std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
      return std::tuple(!people_[a].traveller, !people_[a].country.has_value()) <
             std::tuple(!people_[b].traveller, !people_[b].country.has_value());
    });
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (people_[list[i]].traveller) continue;
      std::set<std::size_t> roots;
      for (std::size_t j = 0; j < list.size(); ++j) {
        if (j != i && root(list[j]) != root(list[i]) && may_be_one(people_[list[i]], people_[list[j]]) &&
            (j < i || people_[list[j]].country)) {
          roots.insert(root(list[j]));
        }
      }
      if (roots.size() == 1) join(list[i], *roots.begin());
    }
  }

  void join(std::size_t p, std::size_t into) {
    const std::size_t from = root(p);
    people_[from].root = into;
    person_build& r = people_[into];
    if (!r.country && people_[from].country) r.country = people_[from].country;
    r.first = std::min(r.first, people_[from].first);
    r.last = std::max(r.last, people_[from].last);
  }

  void resolve_name(std::size_t p, const std::map<std::string, std::vector<std::size_t>>& by_word) {
    const person_build& me = people_[p];
    std::set<std::size_t> roots;
    for (const auto& w : me.words) {
      const auto& bucket = by_word.at(w);
      // A word most names share ("de") finds nothing the others do not.
      if (bucket.size() > 2000 && me.words.size() > 1) continue;
      for (std::size_t q : bucket) {
        if (root(q) == root(p) || !may_be_one(me, people_[root(q)])) continue;
        roots.insert(root(q));
      }
    }
    if (roots.size() == 1) {
      const std::size_t r = *roots.begin();
      if (people_[r].key != me.key)
        rep().resolved_names.push_back(
            {me.first_row, fmt::format("\"{}\" taken as \"{}\"", most_used(me.spellings),
                                       most_used(people_[r].spellings))});
      join(p, r);
    } else if (roots.size() > 1) {
      std::vector<std::string> names;
      for (std::size_t r : roots) names.push_back(most_used(people_[r].spellings));
      rep().unresolved_names.push_back(
          {me.first_row, fmt::format("\"{}\" could be any of: {}; kept as its own person",
                                     most_used(me.spellings), fmt::join(names, ", "))});
    }
  }

  // --- actors and events --------------------------------------------------------------------

  void make_actors() {
    std::vector<std::map<std::string, std::size_t>> spellings(people_.size());
    std::vector<std::map<std::pair<std::string, country_code>, std::vector<date::sys_days>>> held(
        people_.size());
    for (std::size_t p = 0; p < people_.size(); ++p) {
      const std::size_t r = root(p);
      // A traveller's own spelling names them; the names others wrote are aliases.
      if (people_[p].traveller || !people_[r].traveller) {
        for (const auto& [s, n] : people_[p].spellings) spellings[r][s] += n;
      }
      for (const auto& [k, days] : people_[p].held) {
        auto& to = held[r][k];
        to.insert(to.end(), days.begin(), days.end());
      }
    }
    ids_.resize(people_.size());
    for (const auto& [p, id] : identity_) {
      if (!id->wikidata.empty()) wikidata_[root(p)] = id->wikidata;
    }
    for (std::size_t p = 0; p < people_.size(); ++p) {
      if (root(p) != p) continue;
      ids_[p] = make_person(p, spellings[p], held[p]);
      if (people_[p].traveller) ++rep().travellers;
    }
    for (std::size_t p = 0; p < people_.size(); ++p) ids_[p] = ids_[root(p)];
  }

  auto make_person(std::size_t p, const std::map<std::string, std::size_t>& spellings,
                   const std::map<std::pair<std::string, country_code>, std::vector<date::sys_days>>& held)
      -> actor_id {
    const person_build& b = people_[p];
    person out;
    out.name = most_used(spellings);
    for (const auto& [s, n] : spellings) {
      if (s != out.name) out.aliases.push_back(s);
    }
    if (b.country) out.country = *b.country;
    if (auto it = wikidata_.find(p); it != wikidata_.end()) out.wikidata = it->second;
    for (const auto& [k, days] : held) {
      for (const period& span : office_spans(days)) out.offices.push_back({k.first, k.second, span});
    }
    out.id = actor_id{unique_id(diplo::detail::slug(out.name), out.country)};
    doc().actors.add(out);
    doc().actor_origins.push_back(b.first_row.where);
    return out.id;
  }

  auto unique_id(const std::string& base, country_code country) -> std::string {
    if (used_ids_.insert(base).second) return base;
    std::string id = country.empty()
                         ? base
                         : fmt::format("{}-{}", base, diplo::detail::slug(fmt::format("{:c}", country)));
    for (int n = 2; !used_ids_.insert(id).second; ++n) id = fmt::format("{}-{}", base, n);
    return id;
  }

  void make_visits() {
    doc().events.reserve(trips_.size() + meetings_ahead());
    doc().origins.reserve(doc().events.capacity());
    for (trip& t : trips_) {
      if (t.merged) continue;
      visit v;
      v.id = event_id{"colt-" + t.ref.trip_id};
      v.when = period::days(t.first, t.last);
      v.guests = {ids_[t.traveller]};
      v.host_country = t.host_country;
      v.place = {t.cities.empty() ? std::string() : t.cities.front(), t.host_country, {}};
      v.cities = t.cities;  // the summits read the trip's cities, not the rest moved here
      v.sources = std::move(t.sources);
      v.description = std::move(t.description);
      v.notes = std::move(t.notes);
      v.host = host_of(t);
      add_event(std::move(v), t.ref);
      ++rep().events;
    }
  }

  // How many meetings make_meetings makes at most, for one reservation.
  [[nodiscard]] auto meetings_ahead() const -> std::size_t {
    std::size_t n = 0;
    for (const trip& t : trips_) n += t.merged ? 0 : t.host_people.size() + t.other_people.size();
    return n;
  }

  auto host_of(const trip& t) -> std::optional<actor_id> {
    for (std::size_t h : t.host_people) {
      if (ids_[h] == ids_[t.traveller]) {
        rep().warnings.push_back({t.ref, "the host leader named is the traveller; no host kept"});
        continue;
      }
      return ids_[h];
    }
    return std::nullopt;
  }

  // The meetings of every trip, after the summits: a meeting of two leaders is made once
  // (MEETINGS INSIDE THE TRIP in the header).
  void make_meetings() {
    for (const trip& t : trips_) {
      if (!t.merged) make_meetings(t);
    }
  }

  void make_meetings(const trip& t) {
    std::set<actor_id> met{ids_[t.traveller]};
    if (!t.host_people.empty()) met.insert(ids_[t.host_people.front()]);
    std::size_t n = 0;
    auto meet = [&](std::size_t p) {
      if (!met.insert(ids_[p]).second || told_already(t, ids_[p])) return;
      meeting m;
      m.id = event_id{fmt::format("colt-{}-met-{}", t.ref.trip_id, ++n)};
      m.when = period::days(t.first, t.last);
      m.participants = {ids_[t.traveller], ids_[p]};
      m.place = {t.cities.empty() ? std::string() : t.cities.front(), t.host_country, {}};
      m.parent = event_id{"colt-" + t.ref.trip_id};
      m.sources = {dataset_source(t.ref.trip_id)};
      m.description = "Met during the trip; COLT does not record the day.";
      meetings_of_[pair_key(ids_[t.traveller], ids_[p], t.host_country)].push_back(doc().events.size());
      add_event(std::move(m), t.ref);
      ++rep().meeting_events;
    };
    // Co-hosts after the first, then the other leaders met.
    for (std::size_t i = 1; i < t.host_people.size(); ++i) meet(t.host_people[i]);
    for (std::size_t p : t.other_people) meet(p);
  }

  using pair_in_country = std::tuple<actor_id, actor_id, country_code>;
  static auto pair_key(const actor_id& a, const actor_id& b, country_code c) -> pair_in_country {
    return a < b ? pair_in_country{a, b, c} : pair_in_country{b, a, c};
  }

  // Whether the traveller of `t` meeting `other` is told already: by a summit in the trip's
  // country on overlapping days that both attended, or by the meeting the other's row made
  // (which then cites this row too).
  auto told_already(const trip& t, const actor_id& other) -> bool {
    const actor_id& me = ids_[t.traveller];
    const auto overlaps = [&](date::sys_days first, date::sys_days last) {
      return first <= t.last && t.first <= last;
    };
    if (auto it = summits_of_.find({me, t.host_country}); it != summits_of_.end()) {
      for (std::size_t k : it->second) {
        const attended& s = attended_[k];
        if (overlaps(s.first, s.last) && std::find(s.who.begin(), s.who.end(), other) != s.who.end()) {
          ++rep().meetings_told;
          return true;
        }
      }
    }
    if (auto it = meetings_of_.find(pair_key(me, other, t.host_country)); it != meetings_of_.end()) {
      for (std::size_t e : it->second) {
        auto& m = std::get<meeting>(doc().events[e]);
        if (!overlaps(m.when.earliest_start(), m.when.latest_end() - date::days{1})) continue;
        m.sources.push_back(dataset_source(t.ref.trip_id));
        m.description = "Met during the trip; both leaders' rows record it; COLT does not record the day.";
        ++rep().meetings_told;
        return true;
      }
    }
    return false;
  }

  void add_event(event e, const colt_row& r) {
    doc().events.push_back(std::move(e));
    doc().origins.push_back(r.where);
  }

  // --- summits ------------------------------------------------------------------------------

  struct gathering_row {
    std::size_t trip;
    std::string name;
  };

  // A name spelled out where another has it with its acronym ("Summit of the Americas" and
  // "Summit of the Americas (SOA)") takes the acronym's key.
  auto expansion_keys() -> std::map<std::string, std::string> {
    std::map<std::string, std::string> to_acronym;
    for (const trip& t : trips_) {
      for (const auto& g : t.gatherings) {
        const std::string acronym = cd::gathering_acronym(g);
        if (acronym.empty()) continue;
        std::string spelled = g;
        spelled.erase(spelled.find(fmt::format("({})", acronym)), acronym.size() + 2);
        // One acronym only: "BRICS (BRICS)-UNASUR (UNASUR) Summit" defines neither.
        if (!cd::gathering_acronym(spelled).empty()) continue;
        to_acronym.try_emplace(cd::gathering_key(spelled), cd::gathering_key(g));
      }
    }
    return to_acronym;
  }

  void make_summits() {
    const auto to_acronym = expansion_keys();
    std::map<std::pair<country_code, std::string>, std::vector<gathering_row>> by_key;
    for (std::size_t i = 0; i < trips_.size(); ++i) {
      if (trips_[i].merged) continue;
      std::set<std::string> keys;
      for (const auto& g : trips_[i].gatherings) {
        std::string key = cd::gathering_key(g);
        if (auto it = to_acronym.find(key); it != to_acronym.end() && cd::gathering_acronym(g).empty()) {
          key = it->second;
        }
        by_key[{trips_[i].host_country, key}].push_back({i, g});
        keys.insert(key);
      }
      // A row naming two gatherings says that they are two.
      for (const auto& a : keys) {
        for (const auto& b : keys) {
          if (a < b) distinct_.insert({a, b});
        }
      }
    }
    made_summits made;
    for (auto& [key, rows] : by_key) {
      std::sort(rows.begin(), rows.end(),
                [&](const auto& a, const auto& b) { return trips_[a.trip].first < trips_[b.trip].first; });
      std::size_t from = 0;
      date::sys_days end = trips_[rows[0].trip].last;
      for (std::size_t i = 1; i <= rows.size(); ++i) {
        if (i < rows.size() && trips_[rows[i].trip].first <= end) {
          end = std::max(end, trips_[rows[i].trip].last);
          continue;
        }
        made_summit m = make_summit(key.first, {rows.begin() + static_cast<std::ptrdiff_t>(from),
                                                rows.begin() + static_cast<std::ptrdiff_t>(i)});
        m.key = key.second;
        made[key.first].push_back(std::move(m));
        if (i < rows.size()) {
          from = i;
          end = trips_[rows[i].trip].last;
        }
      }
    }
    list_similar(made);
  }

  // A summit made: its days, name, first row and key.
  struct made_summit {
    period when;
    std::string name;
    colt_row row;
    std::string key;
  };
  using made_summits = std::map<country_code, std::vector<made_summit>>;

  auto make_summit(country_code country, const std::vector<gathering_row>& rows) -> made_summit {
    std::map<std::string, std::size_t> spellings;
    std::map<std::string, std::size_t> cities;
    date::sys_days lo = date::sys_days::min(), hi = date::sys_days::max();  // shared days
    date::sys_days first = date::sys_days::max(), last = date::sys_days::min();
    summit s;
    for (const auto& g : rows) {
      const trip& t = trips_[g.trip];
      ++spellings[g.name];
      if (!t.cities.empty()) ++cities[t.cities.front()];
      lo = std::max(lo, t.first);
      hi = std::min(hi, t.last);
      first = std::min(first, t.first);
      last = std::max(last, t.last);
      if (std::find(s.attendees.begin(), s.attendees.end(), ids_[t.traveller]) == s.attendees.end()) {
        s.attendees.push_back(ids_[t.traveller]);
      }
      s.sources.push_back(dataset_source(t.ref.trip_id));
    }
    s.name = most_used(spellings);
    s.series = cd::gathering_acronym(s.name);
    s.host_country = country;
    s.when = lo <= hi ? period::days(lo, hi) : period::days(first, last);
    s.place = {most_used(cities), country, {}};
    const std::string base =
        fmt::format("colt-summit-{}-{}", diplo::detail::slug(s.name), iso(s.when.earliest_start()));
    s.id = event_id{base};
    for (int n = 2; !summit_ids_.insert(s.id.value()).second; ++n)
      s.id = event_id{fmt::format("{}-{}", base, n)};
    if (spellings.size() > 1) {
      std::vector<std::string> names;
      for (const auto& [n, k] : spellings) names.push_back(n);
      s.notes = fmt::format("COLT's rows name it: {}.", fmt::join(names, "; "));
    }
    colt_summit listed{s.id, s.name, {}, country, s.when, {}};
    for (const auto& [n, k] : spellings) listed.spellings.push_back(n);
    for (const auto& g : rows) listed.rows.push_back(trips_[g.trip].ref);
    made_summit out{s.when, s.name, listed.rows.front(), {}};
    attended_.push_back({first, last, s.attendees});
    for (const actor_id& a : s.attendees) summits_of_[{a, country}].push_back(attended_.size() - 1);
    if (rows.size() > 1) rep().summits.push_back(std::move(listed));
    add_event(std::move(s), trips_[rows.front().trip].ref);
    ++rep().summit_events;
    return out;
  }

  // Summits in one country on overlapping days under different keys: listed, not merged.
  // (A row naming both gatherings says they are two: such pairs are not listed.)
  void list_similar(made_summits& made) {
    for (auto& [country, list] : made) {
      std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
        return a.when.earliest_start() < b.when.earliest_start();
      });
      for (std::size_t i = 0; i < list.size(); ++i) {
        for (std::size_t j = i + 1;
             j < list.size() && list[j].when.earliest_start() < list[i].when.latest_end(); ++j) {
          const auto pair = std::minmax(list[i].key, list[j].key);
          if (list[i].key == list[j].key || distinct_.count({pair.first, pair.second}) != 0) continue;
          rep().similar_summits.push_back({list[i].name, list[j].name, list[i].row, list[j].row});
        }
      }
    }
  }

  std::string_view text_;
  std::string file_;
  const cd::colt_vocabulary& words_;
  cd::colt_layout layout_;
  colt_result result_;
  std::vector<trip> trips_;
  std::unordered_map<std::string, std::uint32_t> trip_lines_;
  std::unordered_map<std::string, std::string> folded_;  // fold() of the names met, by spelling
  struct read_leaders {
    std::vector<cd::named_leader> leaders;
    std::vector<cd::not_a_name> rest;
  };
  std::map<std::string, read_leaders, std::less<>> leaders_;  // by names cell
  std::map<std::size_t, std::size_t> merged_into_;
  std::vector<person_build> people_;
  std::map<std::string, std::size_t> traveller_keys_;
  std::map<std::string, std::size_t> mention_keys_;
  std::vector<actor_id> ids_;
  std::map<std::size_t, const io::known_identity*> identity_;  // person -> curated entry
  std::map<std::size_t, std::string> wikidata_;                // root person -> its entry's
  std::set<std::string> used_ids_;
  std::set<std::string> summit_ids_;
  // The summits made, for telling a meeting at one from a meeting of its own.
  struct attended {
    date::sys_days first;
    date::sys_days last;
    std::vector<actor_id> who;
  };
  std::vector<attended> attended_;
  std::map<std::pair<actor_id, country_code>, std::vector<std::size_t>> summits_of_;  // into attended_
  std::map<pair_in_country, std::vector<std::size_t>> meetings_of_;  // into the document's events
  std::set<std::pair<std::string, std::string>> distinct_;           // gathering keys a row names together
};

auto header_cells(std::string_view text) -> std::vector<std::string> {
  const auto first_line = text.substr(0, text.find_first_of("\r\n"));
  std::vector<std::string> cells;
  const auto lexed =
      diplo::detail::lex_csv(first_line, [](std::uint32_t, std::uint32_t, std::string) { return false; });
  if (!lexed.records.empty()) {
    for (const auto& f : lexed.records[0].fields) cells.push_back(f.text);
  }
  return cells;
}

}  // namespace

auto is_colt_header(const std::vector<std::string>& header) noexcept -> bool {
  try {
    return !cd::colt_layout_of(header).missing.has_value();
  } catch (...) {
    return false;
  }
}

auto is_colt_file(const std::filesystem::path& path) noexcept -> bool {
  try {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return false;
    std::ifstream in(path, std::ios::binary);
    std::string head(65536, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return is_colt_header(header_cells(head));
  } catch (...) {
    return false;
  }
}

auto import_colt(const std::filesystem::path& file, const io::read_limits& limits) -> colt_result {
  const std::string text = io::read_text_file(file, limits.max_file_size);
  return import_colt_text(text, file.string());
}

auto import_colt_text(std::string_view text, std::string_view file_name) -> colt_result {
  colt_result r = colt_importer(text, file_name).run();
  r.doc.info.title = "COLT: Country-Organization-Leader Travel";
  r.doc.info.description = fmt::format(
      "Trips abroad of heads of state and government, imported by diplo from {} (COLT, Diplometrics, Pardee "
      "Institute, University of Denver; Moyer et al., International Studies Quarterly 2025; "
      "doi:10.7910/DVN/87YG4K)",
      file_name);
  return r;
}

namespace {

template <class List>
void list_section(std::string& s, std::string_view title, const List& list) {
  if (list.empty()) return;
  s += fmt::format("\n{} ({}):\n", title, list.size());
  for (const auto& x : list) s += fmt::format("  {}\n", x);
}

}  // namespace

auto to_text(const colt_report& r) -> std::string {
  std::string s =
      fmt::format("COLT rows: {} read = {} events + {} merged + {} rejected{}\n", r.read, r.events, r.merged,
                  r.rejected, r.read == r.events + r.merged + r.rejected ? "" : "  (MISMATCH)");
  s += fmt::format(
      "  also made: {} summits, {} meetings ({} more told by a summit both attended or by both leaders' "
      "rows, not made twice); {} persons ({} travellers)\n",
      r.summit_events, r.meeting_events, r.meetings_told, r.actors, r.travellers);
  s += fmt::format(
      "  {} warnings, {} pieces not read as names, {} names resolved, {} names left apart, "
      "{} gatherings of several rows, {} pairs of similar gathering names\n",
      r.warnings.size(), r.not_names.size(), r.resolved_names.size(), r.unresolved_names.size(),
      r.summits.size(), r.similar_summits.size());
  list_section(s, "Rejected rows", r.rejections);
  list_section(s, "Duplicate rows merged", r.duplicates);
  list_section(s, "Warnings", r.warnings);
  list_section(s, "Not read as a leader met", r.not_names);
  list_section(s, "Names left apart (not guessed)", r.unresolved_names);
  list_section(s, "Names resolved to a fuller name (for review)", r.resolved_names);
  list_section(s, "Gatherings of several rows, made one summit", r.summits);
  list_section(s, "Similar gatherings kept apart, same country and days", r.similar_summits);
  return s;
}

}  // namespace diplo::import
