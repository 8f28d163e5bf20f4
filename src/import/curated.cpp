// SPDX-License-Identifier: MIT
#include "curated.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "diplo/detail/text.h"
#include "diplo/error.h"

namespace diplo::import::curated {

auto curated_row::at(std::size_t i) const -> std::string {
  return i < cells.size() ? diplo::detail::collapse_space(cells[i].text) : std::string();
}

auto curated_row::place(std::size_t i) const -> std::string {
  return i < cells.size() ? fmt::format("{}:{}:{}", where.file, cells[i].line, cells[i].column)
                          : fmt::format("{}:{}:{}", where.file, where.line, where.column);
}

auto read_curated_table(std::string_view text, std::string_view file, curated_header* header)
    -> std::vector<curated_row> {
  const auto on_error = [&](std::uint32_t line, std::uint32_t column, std::string message) -> bool {
    throw error(fmt::format("[diplo.import] {}:{}:{}: {}", file, line, column, message));
  };
  diplo::detail::csv_lexed lexed = diplo::detail::lex_csv(text, on_error, {.comment = '#'});
  std::vector<curated_row> rows;
  if (header != nullptr) {
    *header = {};
    if (!lexed.records.empty()) {
      header->line = lexed.records[0].line;
      for (const auto& f : lexed.records[0].fields) {
        if (!header->cells.empty()) header->cells += ',';
        header->cells += diplo::detail::collapse_space(f.text);
      }
    }
  }
  for (std::size_t k = 1; k < lexed.records.size(); ++k) {
    diplo::detail::csv_record& r = lexed.records[k];
    rows.push_back({std::move(r.fields), {std::string(file), r.line, 1}});
  }
  return rows;
}

void span_records(coverage_scope& scope, const std::vector<event>& events, std::string_view id_prefix) {
  std::optional<date::sys_days> first, last;
  for (const event& e : events) {
    if (!base(e).id.value().starts_with(id_prefix)) continue;
    const period& p = base(e).when;
    first = first ? std::min(*first, p.earliest_start()) : p.earliest_start();
    last = last ? std::max(*last, p.latest_end()) : p.latest_end();
  }
  if (!first) return;
  *last -= date::days{1};  // latest_end is the day after
  scope.when = period::days(*first, *last);
  scope.as_of = *last;
}

auto split_list(std::string_view cell) -> std::vector<std::string> {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (std::size_t i = 0; i <= cell.size(); ++i) {
    if (i == cell.size() || cell[i] == ';') {
      std::string s = diplo::detail::collapse_space(cell.substr(from, i - from));
      if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
      from = i + 1;
    }
  }
  return out;
}

auto words_of(std::string_view folded) -> std::vector<std::string> {
  const std::vector<std::string_view> words = diplo::detail::split_words(folded);
  return {words.begin(), words.end()};
}

auto join_words(const std::vector<std::string>& words, std::size_t from) -> std::string {
  std::string s;
  for (std::size_t i = from; i < words.size(); ++i) {
    if (!s.empty()) s += ' ';
    s += words[i];
  }
  return s;
}

auto in_order(const std::vector<std::string>& part, const std::vector<std::string>& whole) -> bool {
  std::size_t q = 0;
  for (std::size_t n = 0; n < whole.size() && q < part.size(); ++n) {
    if (whole[n] == part[q]) ++q;
  }
  return q == part.size();
}

}  // namespace diplo::import::curated
