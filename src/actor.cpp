// SPDX-License-Identifier: MIT
// The actor registry's run-once and matching code: adding an actor (checks, NFC, the name
// indexes), resolving a name by the rules of diplo/actor.h's essay, "did you mean"
// suggestions and the warnings on misleading names. Compiled once here.

#include "diplo/actor.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "diplo/detail/edit_distance.h"
#include "diplo/detail/fold.h"
#include "diplo/detail/text.h"
#include "diplo/detail/utf8.h"

namespace diplo {

namespace detail::names {
namespace {

// True when every word of `query` occurs in `name`, whole and in order.
auto contains_in_order(const std::vector<std::string_view>& query,
                       const std::vector<std::string_view>& name) noexcept -> bool {
  std::size_t q = 0;
  for (std::size_t n = 0; n < name.size() && q < query.size(); ++n) {
    if (name[n] == query[q]) ++q;
  }
  return q == query.size();
}

}  // namespace
}  // namespace detail::names

auto actor_registry::candidates(std::string_view name) const -> std::vector<actor_id> {
  std::vector<actor_id> out;
  for (std::size_t i : match(name)) out.push_back(id_of(actors_[i]));
  return out;
}

auto actor_registry::resolve(std::string_view name) const -> actor_id {
  const auto found = match(name);
  if (found.size() == 1) return id_of(actors_[found.front()]);
  if (found.empty()) {
    auto near = suggestions(name);
    std::string what = fmt::format("[diplo.actor] unknown name \"{}\"", name);
    if (!near.empty()) what += fmt::format("; did you mean: {}?", fmt::join(near, ", "));
    throw lookup_error(what, std::move(near));
  }
  // The message names the first ten (a name may be shared by thousands); the
  // candidates list has them all.
  constexpr std::size_t shown = 10;
  std::vector<std::string> names;
  std::string what = fmt::format("[diplo.actor] \"{}\" is ambiguous: ", name);
  for (std::size_t k = 0; k < found.size(); ++k) {
    const actor& a = actors_[found[k]];
    if (k < shown) what += fmt::format("{}{} ({})", k == 0 ? "" : ", ", name_of(a), id_of(a));
    names.push_back(name_of(a));
  }
  if (found.size() > shown) what += fmt::format(" and {} more", found.size() - shown);
  throw lookup_error(what, std::move(names));
}

auto actor_registry::try_resolve(std::string_view name) const noexcept -> std::optional<actor_id> {
  try {
    const auto found = match(name);
    if (found.size() == 1) return id_of(actors_[found.front()]);
  } catch (...) {  // invalid UTF-8 or out of memory: no answer
  }
  return std::nullopt;
}

auto actor_registry::suggestions(std::string_view name, std::size_t n) const -> std::vector<std::string> {
  const std::string q = detail::fold(name);
  std::vector<std::string> out;
  if (q.empty() || n == 0) return out;
  const std::u32string query = detail::utf8::to_utf32(q);
  const std::size_t limit = std::max<std::size_t>(1, query.size() / 3);
  std::vector<std::pair<std::size_t, std::size_t>> scored;  // (distance, actor index)
  auto distance_to = [&](std::string_view text) {
    return detail::edit_distance(query, detail::utf8::to_utf32(text), limit);
  };
  for (std::size_t i = 0; i < actors_.size(); ++i) {
    std::size_t best = limit + 1;
    for (const std::string& f : folded_[i]) {
      best = std::min(best, distance_to(f));
      for (std::string_view w : detail::split_words(f)) {
        if (detail::utf8::length(w) >= 2) best = std::min(best, distance_to(w));
      }
    }
    if (best <= limit) scored.emplace_back(best, i);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  for (std::size_t k = 0; k < scored.size() && k < n; ++k) {
    out.push_back(name_of(actors_[scored[k].second]));
  }
  return out;
}

auto actor_registry::name_warnings() const -> std::vector<name_warning> {
  std::vector<name_warning> out;
  // The first actor and name (0: the name, k: alias k) seen with each skeleton.
  std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> first;
  auto text = [&](std::size_t i, std::size_t k) -> const std::string& {
    return k == 0 ? name_of(actors_[i]) : aliases_of(actors_[i])[k - 1];
  };
  auto what = [](std::size_t k) -> std::string_view { return k == 0 ? "name" : "alias"; };
  for (std::size_t i = 0; i < actors_.size(); ++i) {
    std::size_t reported = i;  // the last other actor this one was reported with
    for (std::size_t k = 0; k < folded_[i].size(); ++k) {
      const std::string& t = text(i, k);
      if (const auto m = detail::mixed_script_word(t); !m.word.empty()) {
        out.push_back({i, fmt::format("{} \"{}\" mixes Latin and {} letters in the word \"{}\"", what(k), t,
                                      m.script, m.word)});
      }
      const auto [it, fresh] = first.try_emplace(detail::skeleton(folded_[i][k]), i, k);
      const auto [j, kj] = it->second;
      if (fresh || j == i || j == reported) continue;
      reported = j;
      const actor_id& other = id_of(actors_[j]);
      out.push_back({i, folded_[j][kj] == folded_[i][k]
                            ? fmt::format("{} \"{}\" is also a name of actor \"{}\" (\"{}\"): "
                                          "the name is ambiguous",
                                          what(k), t, other, text(j, kj))
                            : fmt::format("{} \"{}\" looks like \"{}\" of actor \"{}\" (letters "
                                          "of another script that look Latin)",
                                          what(k), t, text(j, kj), other)});
    }
    // An id that is another actor's name: resolve() takes an exact id first (rule 1). An
    // id spelling the actor's own name ("recep-tayyip-erdogan") adds nothing to the above.
    const actor_id& id = id_of(actors_[i]);
    const std::string fid = detail::fold(id.value());
    auto named = by_name_.find(fid);
    if (named == by_name_.end() || std::find(folded_[i].begin(), folded_[i].end(), fid) != folded_[i].end()) {
      continue;
    }
    for (std::size_t j : named->second) {
      if (j == i) continue;
      const auto& names = folded_[j];
      const auto kj = static_cast<std::size_t>(std::find(names.begin(), names.end(), fid) - names.begin());
      out.push_back({i, fmt::format("id \"{0}\" is also a name of actor \"{1}\" (\"{2}\"): "
                                    "\"{0}\" exactly as written means this actor, any other "
                                    "spelling (\"{2}\") means \"{1}\"",
                                    id, id_of(actors_[j]), text(j, kj))});
      break;
    }
  }
  return out;
}

auto actor_registry::match(std::string_view name) const -> std::vector<std::size_t> {
  if (auto it = by_id_.find(actor_id{std::string(name)}); it != by_id_.end()) {
    return {it->second};
  }
  const std::string q = detail::fold(name);
  if (q.empty()) return {};
  if (auto it = by_name_.find(q); it != by_name_.end()) return it->second;

  const auto query = detail::split_words(q);
  std::string_view key;
  std::size_t key_length = 0;
  for (std::string_view w : query) {
    if (const std::size_t len = detail::utf8::length(w); len > key_length) {
      key = w;
      key_length = len;
    }
  }
  if (key_length < 2) return {};
  auto it = by_word_.find(std::string(key));
  if (it == by_word_.end()) return {};
  if (query.size() == 1) return it->second;
  std::vector<std::size_t> out;
  for (std::size_t i : it->second) {
    for (const std::string& f : folded_[i]) {
      if (detail::names::contains_in_order(query, detail::split_words(f))) {
        out.push_back(i);
        break;
      }
    }
  }
  return out;
}

void actor_registry::add_actor(actor a) {
  const actor_id& id = id_of(a);
  const std::string& name = name_of(a);
  if (id.empty()) {
    throw error(fmt::format("[diplo.actor] actor \"{}\": empty id", name));
  }
  if (!detail::is_valid_utf8(id.value())) {
    throw error("[diplo.actor] actor id is not valid UTF-8");
  }
  if (by_id_.contains(id)) {
    throw error(fmt::format("[diplo.actor] duplicate actor id \"{}\"", id));
  }
  if (name.empty()) {
    throw error(fmt::format("[diplo.actor] actor \"{}\": empty name", id));
  }
  const std::string& wikidata = std::visit([](const auto& x) -> const std::string& { return x.wikidata; }, a);
  if (!wikidata.empty() && !detail::names::is_wikidata_id(wikidata)) {
    throw error(
        fmt::format("[diplo.actor] actor \"{}\": wikidata \"{}\" is not an item id (Q followed by digits)",
                    id, wikidata));
  }

  // Normalise and fold everything before changing anything, so that a bad alias leaves
  // the registry as it was. Names and aliases are kept in NFC: this is the one place
  // where actors enter a registry (readers, merges and builders all add here), so one
  // name typed composed or decomposed ("Erdoğan") is one byte string everywhere after.
  std::vector<std::string> folded;
  auto fold_one = [&](const std::string& text, std::string_view what) {
    if (!detail::is_valid_utf8(text)) {
      throw error(fmt::format("[diplo.actor] actor \"{}\": {} is not valid UTF-8", id, what));
    }
    std::string f = detail::fold(text);
    if (f.empty()) {
      throw error(fmt::format("[diplo.actor] actor \"{}\": {} \"{}\" has no letters", id, what, text));
    }
    folded.push_back(std::move(f));
  };
  std::visit(
      [&](auto& x) {
        fold_one(x.name, "name");
        for (std::size_t k = 0; k < x.aliases.size(); ++k) {
          fold_one(x.aliases[k], fmt::format("alias {}", k + 1));
        }
        x.name = detail::nfc(x.name);
        for (std::string& alias : x.aliases) alias = detail::nfc(alias);
      },
      a);

  // The index entries, built aside; only non-throwing moves and the container
  // insertions below touch the registry.
  const std::size_t index = actors_.size();
  std::vector<std::string> words;
  for (const std::string& f : folded) {
    for (std::string_view w : detail::split_words(f)) {
      if (detail::utf8::length(w) >= 2) words.emplace_back(w);
    }
  }

  // Room for one more, growing geometrically, so that the push_backs below cannot throw.
  if (actors_.size() == actors_.capacity()) {
    actors_.reserve(std::max<std::size_t>(8, 2 * actors_.size()));
  }
  if (folded_.size() == folded_.capacity()) folded_.reserve(actors_.capacity());
  try {
    by_id_.emplace(id, index);
    for (const std::string& f : folded) append_unique(by_name_[f], index);
    for (const std::string& w : words) append_unique(by_word_[w], index);
  } catch (...) {
    remove_from_indices(id, index);
    throw;
  }
  folded_.push_back(std::move(folded));
  actors_.push_back(std::move(a));
}

void actor_registry::append_unique(std::vector<std::size_t>& v, std::size_t index) {
  if (v.empty() || v.back() != index) v.push_back(index);
}

void actor_registry::remove_from_indices(const actor_id& id, std::size_t index) noexcept {
  by_id_.erase(id);
  for (auto* map : {&by_name_, &by_word_}) {
    for (auto it = map->begin(); it != map->end();) {
      if (!it->second.empty() && it->second.back() == index) it->second.pop_back();
      it = it->second.empty() ? map->erase(it) : std::next(it);
    }
  }
}

auto actor_registry::unknown_id(const actor_id& id) const -> lookup_error {
  const std::u32string query = detail::utf8::to_utf32(id.value());
  const std::size_t limit = std::max<std::size_t>(1, query.size() / 3);
  std::vector<std::pair<std::size_t, std::size_t>> scored;
  for (std::size_t i = 0; i < actors_.size(); ++i) {
    const std::u32string known = detail::utf8::to_utf32(id_of(actors_[i]).value());
    const std::size_t d = detail::edit_distance(query, known, limit);
    if (d <= limit) scored.emplace_back(d, i);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> near;
  for (std::size_t k = 0; k < scored.size() && k < 3; ++k) {
    near.push_back(id_of(actors_[scored[k].second]).value());
  }
  std::string what = fmt::format("[diplo.actor] unknown actor id \"{}\"", id);
  if (!near.empty()) what += fmt::format("; did you mean: {}?", fmt::join(near, ", "));
  return lookup_error(what, std::move(near));
}

}  // namespace diplo
