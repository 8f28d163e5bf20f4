// SPDX-License-Identifier: MIT
#include "diplo/io/identities.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include <fmt/format.h>

#include "../import/curated.h"
#include "diplo/detail/fold.h"
#include "diplo/detail/text.h"
#include "diplo/error.h"

namespace diplo::io {
namespace detail {
extern const char identities_csv_text[];
extern const std::size_t identities_csv_size;
}  // namespace detail

namespace {

using diplo::import::curated::curated_row;

constexpr std::string_view header = "name,spellings,countries,from,to,wikidata,evidence";

auto year_of(const curated_row& r, std::size_t i) -> date::year {
  const std::string cell = r.at(i);
  int y = 0;
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), y);
  if (ec != std::errc() || end != cell.data() + cell.size() || y < 1000 || y > 9999) {
    throw error(fmt::format("[diplo.import] {}: expected a year (YYYY), not \"{}\"", r.place(i), cell));
  }
  return date::year{y};
}

auto entry_of(const curated_row& r) -> known_identity {
  known_identity e;
  e.name = r.at(0);
  if (e.name.empty()) throw error(fmt::format("[diplo.import] {}: expected a name", r.place(0)));
  e.folded.push_back(diplo::detail::fold(e.name));
  for (const std::string& s : diplo::import::curated::split_list(r.at(1)))
    e.folded.push_back(diplo::detail::fold(s));
  for (const std::string& c : diplo::import::curated::split_list(r.at(2))) {
    const auto code = country_code::try_parse(c);
    if (!code) throw error(fmt::format("[diplo.import] {}: \"{}\" is not an ISO 3166 code", r.place(2), c));
    e.countries.push_back(*code);
  }
  e.from = year_of(r, 3);
  e.to = year_of(r, 4);
  if (e.to < e.from) throw error(fmt::format("[diplo.import] {}: `to` is before `from`", r.place(4)));
  e.wikidata = r.at(5);
  if (!e.wikidata.empty() && !diplo::detail::names::is_wikidata_id(e.wikidata)) {
    throw error(
        fmt::format("[diplo.import] {}: \"{}\" is not a Wikidata id (Q and digits)", r.place(5), e.wikidata));
  }
  e.evidence = r.at(6);
  if (e.evidence.empty()) throw error(fmt::format("[diplo.import] {}: expected the evidence", r.place(6)));
  e.where = r.where;
  return e;
}

// The days of an actor's offices (first > last when it has none).
auto office_days(const actor& a) -> std::pair<date::sys_days, date::sys_days> {
  date::sys_days first = date::sys_days::max(), last = date::sys_days::min();
  if (const auto* p = std::get_if<person>(&a)) {
    for (const office& o : p->offices) {
      first = std::min(first, o.term.earliest_start());
      last = std::max(last, o.term.latest_end() - date::days{1});
    }
  }
  return {first, last};
}

auto countries_of(const actor& a) -> std::vector<country_code> {
  std::vector<country_code> out;
  if (const auto* p = std::get_if<person>(&a)) {
    if (!p->country.empty()) out.push_back(p->country);
    for (const office& o : p->offices) {
      if (!o.country.empty()) out.push_back(o.country);
    }
  }
  return out;
}

}  // namespace

auto known_identity::cite() const -> std::string {
  return fmt::format("curated identity \"{}\" ({}:{})", name, where.file, where.line);
}

auto identity_table::embedded() -> const identity_table& {
  static const identity_table t =
      read(std::string_view(detail::identities_csv_text, detail::identities_csv_size),
           "<embedded>/data/identities.csv");
  return t;
}

auto identity_table::read(std::string_view csv, std::string_view file) -> identity_table {
  identity_table t;
  diplo::import::curated::curated_header h;
  const auto rows = diplo::import::curated::read_curated_table(csv, file, &h);
  if (h.cells != header) {
    throw error(fmt::format("[diplo.import] {}:{}:1: expected the header \"{}\"", file, h.line, header));
  }
  for (const curated_row& r : rows) {
    known_identity e = entry_of(r);
    for (const std::string& f : e.folded) {
      // (A spelling may repeat the entry's own name: "Lokke" is "Løkke" folded.)
      if (auto [it, fresh] = t.by_spelling_.try_emplace(f, t.entries_.size());
          !fresh && it->second != t.entries_.size()) {
        throw error(fmt::format("[diplo.import] {}: the spelling \"{}\" is also in the entry of line {}",
                                r.place(1), f, t.entries_[it->second].where.line));
      }
    }
    t.entries_.push_back(std::move(e));
  }
  return t;
}

auto identity_table::find(std::string_view folded, const std::vector<country_code>& countries,
                          date::sys_days first, date::sys_days last, std::string_view wikidata) const
    -> const known_identity* {
  const auto it = by_spelling_.find(std::string(folded));
  if (it == by_spelling_.end()) return nullptr;
  const known_identity& e = entries_[it->second];
  for (const country_code& c : countries) {
    if (std::find(e.countries.begin(), e.countries.end(), c) == e.countries.end()) return nullptr;
  }
  if (first <= last) {
    const date::sys_days from{e.from / 1 / 1};
    const date::sys_days to{e.to / 12 / 31};
    if (last < from || to < first) return nullptr;
  }
  if (!wikidata.empty() && !e.wikidata.empty() && wikidata != e.wikidata) return nullptr;
  return &e;
}

auto identity_table::of(const actor& a) const -> const known_identity* {
  // (Not a structured binding: clang before 16 cannot capture one in the lambda below.)
  const auto days = office_days(a);
  const auto first = days.first;
  const auto last = days.second;
  const auto countries = countries_of(a);
  return std::visit(
      [&](const auto& x) -> const known_identity* {
        if (const auto* e = find(diplo::detail::fold(x.name), countries, first, last, x.wikidata)) return e;
        for (const std::string& s : x.aliases) {
          if (const auto* e = find(diplo::detail::fold(s), countries, first, last, x.wikidata)) return e;
        }
        return nullptr;
      },
      a);
}

}  // namespace diplo::io
