// SPDX-License-Identifier: MIT
#pragma once

// Actors: the persons and organisations that visit, host, meet and summit.
//
// An actor is either a `person` (a head of state or government, a minister, a
// monarch) or an `organisation` (the UN, the EU, NATO, BRICS). `actor` is the
// `std::variant` of the two. Each actor has a stable slug id (`actor_id{"xi-jinping"}`),
// a canonical name ("Xi Jinping"), any number of aliases in any script ("习近平",
// "Си Цзиньпин") and optionally a Wikidata item ("Q15031").
//
// A person also holds `office`s: "President" of CN from 2013-03-14, "Prime Minister"
// of RU from 1999-08-16 to 2000-05-07. A person's country on a given day is the
// country of the office they held that day, else their own `country`, so that a
// visit by a head of state is counted for the state they represented at the time.
//
// THE REGISTRY. `actor_registry` holds every known actor and indexes their names. It
// is built once (`add`), then only read; all `const` members are safe to call from
// many threads at once (there are no caches).
//
//   diplo::actor_registry reg;
//   reg.add(diplo::person{.id = diplo::actor_id{"xi-jinping"}, .name = "Xi Jinping",
//                         .aliases = {"习近平"}, .wikidata = "Q15031", .country = "CN",
//                         .offices = {{"President", "CN",
//                                      diplo::period::parse("2013-03-14/..")}}});
//   reg.add(diplo::organisation{.id = diplo::actor_id{"un"}, .name = "United Nations",
//                               .aliases = {"UN"}});
//
// NAME MATCHING. `resolve(name)` turns what a person typed, or what a source wrote,
// into one actor id. Names are compared after folding (`detail::fold`): Unicode NFKC,
// case folding, diacritics removed, and runs of spaces, hyphens, dots, apostrophes
// and middle dots made one space. So "Erdoğan", "Erdogan" and "ERDOGAN" are the same
// name, and so are "George W. Bush" and "george w bush". The rules, first match wins:
//
//   1. the query is an actor id, exactly:            "xi-jinping"     -> xi-jinping
//   2. the folded query equals a folded canonical
//      name or alias of some actors:                 "习近平"          -> xi-jinping
//                                "Recep Tayyip Erdogan" -> recep-tayyip-erdogan
//   3. otherwise, the folded query's words appear,
//      in order and as whole words, in a canonical
//      name or alias; one query word at least must
//      have two letters (code points), so "W" alone
//      matches nothing:                              "Putin", "Путин" -> vladimir-putin
//                                                    "Xi", "Jinping"  -> xi-jinping
//                                                    "Bush"           -> both Bushes
//
// Several actors under the winning rule make the name ambiguous: `resolve` throws a
// `lookup_error` listing them, `try_resolve` returns `std::nullopt`, and
// `candidates` returns them all. An exact name (rule 2) always beats a word match
// (rule 3): if some actor had the alias "Bush", "Bush" would mean that actor alone.
// Rule 3 also applies to organisations ("Nations" -> United Nations). Family names
// written first, as in Chinese and Korean, need no special case: every word of a
// name counts.
//
// An id wins over a name only exactly as written: if one actor has the id "xi" and another
// the alias "Xi", then "xi" means the first and "Xi" (or "XI", " xi ") the second, by rule 2.
// `name_warnings` reports such an id.
//
// Rules 1 and 2 are hash-table look-ups; rule 3 looks up the query's longest word in
// a word index and checks only the actors found there.
//
// When nothing matches, `suggestions` finds the nearest canonical names by edit
// distance (Damerau, on code points of the folded text, against whole names and
// against their single words), and the error message offers them:
//
//   [diplo.actor] unknown name "Pootin"; did you mean: Vladimir Putin?
//   [diplo.actor] "Bush" is ambiguous: George H. W. Bush (george-h-w-bush), George W. Bush
//   (george-w-bush)           <- one line in the message
//
// NAMES THAT MISLEAD. Names and aliases are stored in Unicode NFC (`add` normalises them),
// so a name typed with a combining breve ("g" + U+0306) and one typed with "ğ" are the same
// string. `name_warnings()` lists what may still mislead a reader, for `diplo validate`:
// a word that mixes Latin letters with Cyrillic or Greek ones ("Vladimir Рutin" with a
// Cyrillic Р, which no reader can tell from the Latin); two actors whose names or aliases
// are the same once folded (an ambiguous name) or once the Cyrillic and Greek letters that
// look Latin are read as Latin (`detail::skeleton`); an id that is another actor's name.
// They are warnings: the registry accepts all of them.
//
// FORMATTING. `fmt::format("{}", p)` prints the canonical name of a person, an
// organisation or an actor; an office prints as "President of China (from 14 March 2013)".
// Fill, alignment and width work as for strings.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>

#include "diplo/country.h"
#include "diplo/error.h"
#include "diplo/export.h"
#include "diplo/id.h"
#include "diplo/partial_date.h"
#include "diplo/period.h"

namespace diplo {

/// An office held for a period: the title, the country it belongs to (empty for an
/// office of no country, such as UN Secretary-General) and the term.
///
/// **Example**:
///
///   diplo::office{"President", "CN", diplo::period::parse("2013-03-14/..")}
///   // prints as "President of China (from 14 March 2013)"
struct office {
  std::string title{};
  country_code country{};
  period term{};

  friend auto operator==(const office&, const office&) -> bool = default;
};

/// A person: a head of state or government, a minister, a monarch, an envoy.
/// Every member has a default initialiser, so designated initialisers may leave any
/// of them out without -Wmissing-field-initializers complaining.
/// `country` is the person's own country, used on days when no office says otherwise.
/// `wikidata` is a Wikidata item id ("Q15031") or empty.
struct person {
  actor_id id{};
  std::string name{};
  std::vector<std::string> aliases{};
  std::string wikidata{};
  country_code country{};
  std::vector<office> offices{};

  friend auto operator==(const person&, const person&) -> bool = default;
};

/// An organisation that takes part in diplomacy as itself: UN, EU, NATO, BRICS, AU.
struct organisation {
  actor_id id{};
  std::string name{};
  std::vector<std::string> aliases{};
  std::string wikidata{};

  friend auto operator==(const organisation&, const organisation&) -> bool = default;
};

/// Someone or something that can visit, host, meet or attend.
using actor = std::variant<person, organisation>;

/// The id of a person or an organisation. Cannot fail.
[[nodiscard]] inline auto id_of(const actor& a) noexcept -> const actor_id& {
  return std::visit([](const auto& x) -> const actor_id& { return x.id; }, a);
}

/// The canonical name of a person or an organisation. Cannot fail.
[[nodiscard]] inline auto name_of(const actor& a) noexcept -> const std::string& {
  return std::visit([](const auto& x) -> const std::string& { return x.name; }, a);
}

/// The aliases of a person or an organisation. Cannot fail.
[[nodiscard]] inline auto aliases_of(const actor& a) noexcept -> const std::vector<std::string>& {
  return std::visit([](const auto& x) -> const std::vector<std::string>& { return x.aliases; }, a);
}

namespace detail::names {

/// True for a Wikidata item id: "Q" and digits.
inline auto is_wikidata_id(std::string_view s) noexcept -> bool {
  if (s.size() < 2 || s[0] != 'Q') return false;
  return std::all_of(s.begin() + 1, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace detail::names

/// All known actors and the index of their names. See the essay at the top of this
/// header for the matching rules.
///
/// Build it with `add`, then share it: every `const` member is thread-safe. Actors
/// are kept in insertion order; ambiguous candidates and `actors()` follow that order.
///
/// **Example**:
///
///   diplo::actor_registry reg;
///   reg.add(diplo::person{.id = diplo::actor_id{"vladimir-putin"}, .name = "Vladimir Putin",
///                         .aliases = {"Путин"}, .country = "RU"});
///   reg.resolve("putin") == diplo::actor_id{"vladimir-putin"}
class actor_registry {
 public:
  /// Adds a person. Throws `diplo::error` ("[diplo.actor] ...") when the id is empty
  /// or already known, the name is empty, the id, name or an alias is not valid UTF-8
  /// or folds to nothing (no letters), or `wikidata` is neither empty nor "Q<digits>".
  /// On error the registry is unchanged. An alias equal to another actor's name is
  /// allowed; it makes that name ambiguous (`name_warnings` reports it). The name and
  /// aliases are stored in Unicode NFC (`detail::nfc`), however they were composed.
  ///
  ///   reg.add(diplo::person{.id = diplo::actor_id{"xi-jinping"}, .name = "Xi Jinping"});
  void add(person p) { add_actor(actor(std::move(p))); }

  /// Adds an organisation; same checks as for a person.
  ///
  ///   reg.add(diplo::organisation{.id = diplo::actor_id{"nato"}, .name = "NATO"});
  void add(organisation o) { add_actor(actor(std::move(o))); }

  /// Adds a person or an organisation; same checks as above.
  void add(actor a) { add_actor(std::move(a)); }

  /// The number of actors. Cannot fail.
  [[nodiscard]] auto size() const noexcept -> std::size_t { return actors_.size(); }

  /// True when no actor has been added. Cannot fail.
  [[nodiscard]] auto empty() const noexcept -> bool { return actors_.empty(); }

  /// True when `id` is known. Cannot fail.
  [[nodiscard]] auto contains(const actor_id& id) const noexcept -> bool { return find(id) != nullptr; }

  /// The actor with this id, or nullptr. Cannot fail.
  ///
  ///   if (const diplo::actor* a = reg.find(diplo::actor_id{"un"})) fmt::print("{}", *a);
  [[nodiscard]] auto find(const actor_id& id) const noexcept -> const actor* {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : &actors_[it->second];
  }

  /// The position of the actor with this id in `actors()` (the order of adding), or
  /// nullopt. Cannot fail.
  [[nodiscard]] auto position(const actor_id& id) const noexcept -> std::optional<std::size_t> {
    auto it = by_id_.find(id);
    if (it == by_id_.end()) return std::nullopt;
    return it->second;
  }

  /// The actor with this id. Throws `lookup_error` when the id is unknown, with the
  /// nearest known ids as candidates:
  /// `[diplo.actor] unknown actor id "xi-jinpin"; did you mean: xi-jinping?`
  [[nodiscard]] auto get(const actor_id& id) const -> const actor& {
    if (const actor* a = find(id)) return *a;
    throw unknown_id(id);
  }

  /// The person with this id, or nullptr when the id is unknown or names an
  /// organisation. Cannot fail.
  [[nodiscard]] auto person_of(const actor_id& id) const noexcept -> const person* {
    const actor* a = find(id);
    return a == nullptr ? nullptr : std::get_if<person>(a);
  }

  /// The organisation with this id, or nullptr. Cannot fail.
  [[nodiscard]] auto organisation_of(const actor_id& id) const noexcept -> const organisation* {
    const actor* a = find(id);
    return a == nullptr ? nullptr : std::get_if<organisation>(a);
  }

  /// Every actor `name` could mean under the first matching rule, in insertion order;
  /// empty when none. Throws `diplo::error` only when `name` is not valid UTF-8.
  ///
  ///   reg.candidates("Bush")   // {george-h-w-bush, george-w-bush}
  [[nodiscard]] DIPLO_API auto candidates(std::string_view name) const -> std::vector<actor_id>;

  /// The one actor `name` means. Throws `lookup_error` when it means none (candidates:
  /// `suggestions(name)`) or several (candidates: their canonical names; the message
  /// names the first ten, then "and N more"); throws
  /// `diplo::error` when `name` is not valid UTF-8.
  ///
  ///   reg.resolve("Erdogan")    // actor_id{"recep-tayyip-erdogan"}
  ///   reg.resolve("Bush")       // throws: "Bush" is ambiguous: George H. W. Bush (...), ...
  [[nodiscard]] DIPLO_API auto resolve(std::string_view name) const -> actor_id;

  /// The one actor `name` means, or nullopt when it means none or several, or is not
  /// valid UTF-8. Cannot fail.
  ///
  ///   if (auto id = reg.try_resolve(text)) ...
  [[nodiscard]] DIPLO_API auto try_resolve(std::string_view name) const noexcept -> std::optional<actor_id>;

  /// Up to `n` canonical names nearest to `name`, nearest first (ties in insertion
  /// order), by edit distance on folded text against each whole name or alias and each
  /// of their words. Names farther than max(1, length/3) edits (length of the folded
  /// query in code points) are never suggested, so the result may be empty. Throws
  /// `diplo::error` only when `name` is not valid UTF-8.
  ///
  ///   reg.suggestions("Pootin")   // {"Vladimir Putin"}
  [[nodiscard]] DIPLO_API auto suggestions(std::string_view name, std::size_t n = 3) const
      -> std::vector<std::string>;

  /// The country a person represented on `day`: the country of the office whose term
  /// covers that day (an office certainly covering it beats one possibly covering it;
  /// then the first listed wins; offices with no country are skipped), else the
  /// person's own country. Empty for organisations and unknown ids. Cannot fail.
  ///
  ///   reg.country_of(diplo::actor_id{"xi-jinping"}, date::sys_days{2020_y / 1 / 1})  // CN
  [[nodiscard]] auto country_of(const actor_id& id, date::sys_days day) const noexcept -> country_code {
    const person* p = person_of(id);
    return p == nullptr ? country_code{} : country_on(*p, day);
  }

  /// The same for a person at hand (no lookup by id).
  [[nodiscard]] static auto country_on(const person& p, date::sys_days day) noexcept -> country_code {
    const office* possible = nullptr;
    for (const office& o : p.offices) {
      if (o.country.empty()) continue;
      const truth t = o.term.covers(day);
      if (t == truth::certainly) return o.country;
      if (t == truth::possibly && possible == nullptr) possible = &o;
    }
    return possible != nullptr ? possible->country : p.country;
  }

  /// The offices a person held, certainly or possibly, on `day`, in the order the person
  /// lists them. Empty for organisations and unknown ids. Throws only std::bad_alloc.
  [[nodiscard]] auto offices_on(const actor_id& id, date::sys_days day) const -> std::vector<const office*> {
    std::vector<const office*> out;
    if (const person* p = person_of(id)) {
      for (const office& o : p->offices) {
        if (o.term.covers(day) != truth::no) out.push_back(&o);
      }
    }
    return out;
  }

  /// Every actor, in insertion order. Cannot fail. The span is invalidated by `add`.
  [[nodiscard]] auto actors() const noexcept -> std::span<const actor> { return actors_; }

  /// One finding of `name_warnings`: the actor's position in `actors()` and what may
  /// mislead (without the actor's id).
  struct name_warning {
    std::size_t actor = 0;
    std::string message{};

    friend auto operator==(const name_warning&, const name_warning&) -> bool = default;
  };

  /// The names that may mislead a reader or `resolve`, in registry order (what `diplo
  /// validate` warns about; see NAMES THAT MISLEAD in the header essay):
  ///
  ///   name "Vladimir Рutin" mixes Latin and Cyrillic letters in the word "Рutin"
  ///   name "Vladimir Рutin" looks like "Vladimir Putin" of actor "vladimir-putin"
  ///   name "Erdoğan" is also a name of actor "erdogan" ("Erdoğan"): the name is ambiguous
  ///   id "xi" is also a name of actor "xi-jinping" ("Xi"): ...
  ///
  /// Each pair of actors is reported once, on the one added later. Throws only
  /// std::bad_alloc.
  [[nodiscard]] DIPLO_API auto name_warnings() const -> std::vector<name_warning>;

 private:
  // Indices into actors_, in insertion order, of the actors `name` can mean.
  [[nodiscard]] auto match(std::string_view name) const -> std::vector<std::size_t>;

  DIPLO_API void add_actor(actor a);

  static void append_unique(std::vector<std::size_t>& v, std::size_t index);

  void remove_from_indices(const actor_id& id, std::size_t index) noexcept;

  [[nodiscard]] DIPLO_API auto unknown_id(const actor_id& id) const -> lookup_error;

  std::vector<actor> actors_;
  std::vector<std::vector<std::string>> folded_;  // per actor: folded name, then aliases
  std::unordered_map<actor_id, std::size_t> by_id_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_name_;  // folded name -> actors
  std::unordered_map<std::string, std::vector<std::size_t>> by_word_;  // folded word -> actors
};

}  // namespace diplo

/// Formats a person as the canonical name; fill, alignment and width as for strings.
template <>
struct fmt::formatter<diplo::person> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::person& p, Context& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(std::string_view(p.name), ctx);
  }
};

/// Formats an organisation as the canonical name: "United Nations".
template <>
struct fmt::formatter<diplo::organisation> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::organisation& o, Context& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(std::string_view(o.name), ctx);
  }
};

/// Formats an actor (person or organisation) as the canonical name.
template <>
struct fmt::formatter<diplo::actor> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::actor& a, Context& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(std::string_view(diplo::name_of(a)), ctx);
  }
};

/// Formats an office as "President of China (from 14 March 2013)",
/// "Prime Minister of Russia (16 August 1999 – 7 May 2000)" (the period as
/// `{}` prints it), or without " of ..." when
/// the office has no country. Fill, alignment and width apply to the whole text.
template <>
struct fmt::formatter<diplo::office> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const diplo::office& o, Context& ctx) const -> decltype(ctx.out()) {
    std::string s = o.title;
    if (!o.country.empty()) s += fmt::format(" of {}", o.country);
    s += fmt::format(" ({})", o.term);
    return fmt::formatter<std::string_view>::format(std::string_view(s), ctx);
  }
};
