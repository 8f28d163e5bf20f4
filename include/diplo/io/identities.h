// SPDX-License-Identifier: MIT
#pragma once

// diplo's curated identities: people whom sources write under several
// names or countries, where the name rules alone keep their records apart — "Vaclav Havel"
// of Czechoslovakia and of the Czech Republic, "Abdullah II" and "Abdullah II bin
// Al-Hussein". The table is data/identities.csv, embedded at build time; each entry gives the
// evidence for it. The COLT import joins the names an entry covers into one person, and
// io::merge_sources takes the records of one entry, across sources, for one actor.
//
// THE RULE. A record (a person, or a name met on a trip) is an entry's person when
//   - one of its spellings, folded (diplo::detail::fold), is the entry's name or one of its
//     spellings;
//   - each country it is of (its country and its offices') is one of the entry's, or it has
//     none;
//   - its years, when known (its offices' terms, or the days it is seen on), overlap the
//     entry's `from`-`to`: a same-named person of other years is someone else;
//   - its Wikidata id, when it has one and the entry too, is the entry's.
// An entry's spellings are all its own: a spelling in two entries is a table error.
//
//   const auto& table = diplo::io::identity_table::embedded();
//   if (const auto* e = table.of(actor)) fmt::print("{}: {}\n", e->cite(), e->evidence);

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>

#include "diplo/actor.h"
#include "diplo/country.h"
#include "diplo/export.h"
#include "diplo/timeline.h"

namespace diplo::io {

/// One entry of the table.
struct DIPLO_IO_API known_identity {
  std::string name;
  std::vector<std::string> folded;  // the folded name, then the folded spellings
  std::vector<country_code> countries;
  date::year from{};
  date::year to{};
  std::string wikidata;
  std::string evidence;
  origin where;  // its row in the table

  /// "curated identity "Václav Havel" (<embedded>/data/identities.csv:17)".
  [[nodiscard]] auto cite() const -> std::string;
};

class DIPLO_IO_API identity_table {
 public:
  /// data/identities.csv as built into diplo.
  static auto embedded() -> const identity_table&;
  /// Reads a table (the columns of data/identities.csv). Throws diplo::error naming
  /// file:line:column and what was expected.
  static auto read(std::string_view csv, std::string_view file) -> identity_table;

  /// The entry a record is (THE RULE): by a folded spelling, its countries (none: unknown),
  /// the days it is known on (first > last: unknown) and its Wikidata id (empty: none).
  [[nodiscard]] auto find(std::string_view folded, const std::vector<country_code>& countries,
                          date::sys_days first, date::sys_days last, std::string_view wikidata = {}) const
      -> const known_identity*;
  /// The entry an actor is: by each of its spellings, its countries and its offices' terms.
  [[nodiscard]] auto of(const actor& a) const -> const known_identity*;

  [[nodiscard]] auto entries() const -> const std::vector<known_identity>& { return entries_; }

 private:
  std::vector<known_identity> entries_;
  std::unordered_map<std::string, std::size_t> by_spelling_;
};

}  // namespace diplo::io

/// "curated identity "Václav Havel" (<embedded>/data/identities.csv:18)" (known_identity::cite).
template <>
struct fmt::formatter<diplo::io::known_identity> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::io::known_identity& e, Context& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(e.cite(), ctx);
  }
};
