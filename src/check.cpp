// SPDX-License-Identifier: MIT
// Checking claims (diplo/check.h): one function per kind of claim, on the queries of
// diplo/query.h and the coverage of diplo/answer.h.

#include "diplo/check.h"

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "diplo/answer.h"
#include "diplo/detail/fold.h"
#include "diplo/detail/text.h"
#include "diplo/query.h"

namespace diplo {

// ---- places and occasions ------------------------------------------------------------------

auto claimed_place::parse(std::string_view text) -> claimed_place {
  const std::string_view s = detail::trim(text);
  if (s.empty()) throw parse_error::at("check", text, 1, "a city, a country, or \"city, country\"");
  claimed_place p;
  if (auto c = find_country(s)) {
    p.country = *c;
    return p;
  }
  const std::size_t comma = s.rfind(',');
  if (comma == std::string_view::npos) {
    p.city = detail::collapse_space(s);
    return p;
  }
  const std::string_view country = detail::trim(s.substr(comma + 1));
  auto c = find_country(country);
  if (!c) {
    throw parse_error::at("check", text, static_cast<std::size_t>(country.data() - text.data()) + 1,
                          "a country after the comma (an ISO 3166 code or a name)");
  }
  p.city = detail::collapse_space(s.substr(0, comma));
  p.country = *c;
  if (p.city.empty()) throw parse_error::at("check", text, 1, "a city before the comma");
  return p;
}

auto held_in(const event& e, const claimed_place& p) -> bool {
  if (!p.country.empty() && country_of(e) != p.country) return false;
  if (p.city.empty()) return true;
  const std::string city = detail::fold(p.city);
  if (detail::fold(base(e).place.city) == city) return true;
  if (const auto* v = std::get_if<visit>(&e)) {
    return std::any_of(v->cities.begin(), v->cities.end(),
                       [&](const std::string& c) { return detail::fold(c) == city; });
  }
  return false;
}

namespace {

// The words of an occasion, folded, without the small words that carry no name.
auto occasion_words(std::string_view occasion) -> std::vector<std::string> {
  static constexpr std::array<std::string_view, 5> small = {"a", "an", "the", "for", "of"};
  std::vector<std::string> out;
  const std::string folded = detail::fold(occasion);
  for (std::string_view w : detail::split_words(folded)) {
    if (std::find(small.begin(), small.end(), w) == small.end()) out.emplace_back(w);
  }
  return out;
}

// Whether every word of `occasion` names one of `events`' names (title, series, kind).
auto for_occasion(const std::vector<event_ref>& events, std::string_view occasion) -> bool {
  const std::vector<std::string> wanted = occasion_words(occasion);
  if (wanted.empty()) return true;
  std::string names;
  for (const event_ref& r : events) {
    const event e = r.value();
    names += fmt::format(" {} {}", title_of(e), kind_label(e));
    if (const auto* s = std::get_if<summit>(&e)) names += " " + s->series;
  }
  const std::string folded = detail::fold(names);  // the words below are views into it
  const std::vector<std::string_view> have = detail::split_words(folded);
  return std::all_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
    return std::find(have.begin(), have.end(), w) != have.end();
  });
}

auto in_place(const encounter& m, const claimed_place& p) -> bool {
  return std::any_of(m.events.begin(), m.events.end(),
                     [&](const event_ref& e) { return held_in(e.value(), p); });
}

// ---- days and texts ------------------------------------------------------------------------

// Every day a claimed `when` may cover, as an exact period. Throws for an open or unknown end.
auto window_of(const period& when) -> period {
  if (when.start_kind() != period::end_kind::known || when.end_kind() != period::end_kind::known) {
    throw error(
        fmt::format("[diplo.check] a claim's when, \"{:e}\", needs known ends (\"2024-09\", "
                    "\"2024-10-22\", \"2023-03-20/2023-03-22\")",
                    when));
  }
  return period::days(when.earliest_start(), when.latest_end() - date::days{1});
}

auto day_text(date::sys_days d) -> std::string { return partial_date(date::year_month_day{d}).to_text(); }

// `actual` as precisely as `claimed` names its days: "October 2024" against "2024-09",
// "22–24 October 2024" against "2024-10-21", "2024" against "2023" (when `actual` lies in
// one month, one year; else all its days).
auto like(const period& actual, const period& claimed) -> std::string {
  const auto first = claimed.first();
  const date::year_month_day a{actual.earliest_start()};
  const date::year_month_day b{actual.latest_end() - date::days{1}};
  if (first && first->precision() == precision::year && a.year() == b.year()) {
    return partial_date(a.year()).to_text();
  }
  if (first && first->precision() == precision::month && a.year() == b.year() && a.month() == b.month()) {
    return partial_date(a.year() / a.month()).to_text();
  }
  return actual.to_text();
}

// "22–24 October 2024 (16th BRICS summit, Kazan)".
auto trip_text(const trip& tr) -> std::string {
  const event e = tr.main().value();
  const std::string city = base(e).place.city;
  return fmt::format("{} ({}{})", tr.when, title_or_kind(e), city.empty() ? "" : ", " + city);
}

// "the 16th BRICS summit", "the state visit".
auto occasion_text(const trip& tr) -> std::string { return "the " + title_or_kind(tr.main().value()); }

// "Moscow, Russia": where an event places its people (its place, else its country).
auto event_place_text(const event& e) -> std::string {
  place p = base(e).place;
  if (p.country.empty()) p.country = country_of(e);
  return fmt::format("{}", p);
}

// "Kazan, Russia" for the encounter's most specific event.
auto place_text(const encounter& m) -> std::string { return event_place_text(m.event.value()); }

// "22 October 2024 in Kazan, Russia".
auto encounter_text(const encounter& m) -> std::string {
  const std::string where = place_text(m);
  return where.empty() ? m.when().to_text() : fmt::format("{} in {}", m.when(), where);
}

// "third", "21st".
auto ordinal(std::size_t n) -> std::string {
  static constexpr std::array<std::string_view, 13> words = {
      "zeroth",  "first",  "second", "third", "fourth",   "fifth",  "sixth",
      "seventh", "eighth", "ninth",  "tenth", "eleventh", "twelfth"};
  if (n < words.size()) return std::string(words[n]);
  const std::size_t tens = n % 100;
  const char* suffix = tens >= 11 && tens <= 13 ? "th"
                       : n % 10 == 1            ? "st"
                       : n % 10 == 2            ? "nd"
                       : n % 10 == 3            ? "rd"
                                                : "th";
  return fmt::format("{}{}", n, suffix);
}

auto plural(std::size_t n, std::string_view one, std::string_view many) -> std::string {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

auto actor_name(const timeline& t, const actor_id& a) -> std::string {
  return detail::actor_label(a, &t.actors());
}

// " before 4 May 2025", or "".
auto as_of_text(std::optional<date::sys_days> as_of) -> std::string {
  return as_of ? " before " + day_text(*as_of) : std::string();
}

auto day_before(std::optional<date::sys_days> d) -> std::optional<date::sys_days> {
  return d ? std::optional(*d - date::days{1}) : std::nullopt;
}

auto earlier(std::optional<date::sys_days> a, std::optional<date::sys_days> b)
    -> std::optional<date::sys_days> {
  if (!a) return b;
  if (!b) return a;
  return std::min(*a, *b);
}

// ---- the verdict being built ---------------------------------------------------------------

class judgement {
 public:
  explicit judgement(const timeline& t) { v_.source = t; }

  void cite(const event_ref& e) { v_.evidence.push_back(e); }
  void cite(const trip& tr) {
    for (const event_ref& e : tr.events) cite(e);
  }
  void cite(const encounter& m) {
    for (const event_ref& e : m.events) cite(e);
  }

  auto rule(rating r, std::string explanation, std::string correction = {}) -> judgement& {
    v_.rating = r;
    v_.explanation = std::move(explanation);
    v_.correction = r == rating::true_ ? std::string() : std::move(correction);
    return *this;
  }
  // Unverifiable for want of coverage: the explanation, then what the data may miss.
  auto uncovered(std::string explanation) -> judgement& {
    return rule(rating::unverifiable, fmt::format("{} {}", explanation, v_.coverage.reason));
  }
  void coverage(coverage_verdict c) { v_.coverage = std::move(c); }
  [[nodiscard]] auto covered() const noexcept -> bool { return v_.coverage.complete(); }

  auto done() -> verdict {
    auto& ev = v_.evidence;
    std::sort(ev.begin(), ev.end(),
              [](const event_ref& a, const event_ref& b) { return a.number() < b.number(); });
    ev.erase(std::unique(ev.begin(), ev.end()), ev.end());
    return std::move(v_);
  }

 private:
  verdict v_;
};

// ---- three-valued membership --------------------------------------------------------------

// The items of `all` (trips or encounters) that certainly, or only possibly, share a day
// with `window`.
template <class T, class When>
struct in_window {
  std::vector<const T*> certain;
  std::vector<const T*> possible;

  in_window(const std::vector<T>& all, const period& window, When when) {
    for (const T& x : all) {
      const truth in = overlaps(window, when(x));
      if (in == truth::certainly) certain.push_back(&x);
      if (in == truth::possibly) possible.push_back(&x);
    }
  }
};

auto trip_when(const trip& tr) -> period { return tr.when; }
auto encounter_when(const encounter& m) -> period { return m.when(); }

// The item of `all` nearest in time to `window` among those `keep` accepts (else among
// all): for a correction. Null when `all` is empty.
template <class T, class When, class Keep>
auto nearest(const std::vector<T>& all, const period& window, When when, Keep keep) -> const T* {
  const T* best = nullptr;
  bool best_kept = false;
  date::days best_gap{0};
  for (const T& x : all) {
    const period p = when(x);
    const date::days gap =
        p.latest_end() <= window.earliest_start()   ? window.earliest_start() - p.latest_end()
        : window.latest_end() <= p.earliest_start() ? p.earliest_start() - window.latest_end()
                                                    : date::days{0};
    const bool kept = keep(x);
    if (best == nullptr || (kept && !best_kept) || (kept == best_kept && gap < best_gap)) {
      best = &x;
      best_kept = kept;
      best_gap = gap;
    }
  }
  return best;
}

// The items of `all` that may be the last (`last`) or the first of them: `pick` and those
// whose start may come after (before) its start.
template <class T, class When>
auto rivals(const std::vector<T>& all, const T& pick, When when, bool last) -> std::vector<const T*> {
  std::vector<const T*> out;
  for (const T& x : all) {
    if (x == pick) continue;
    const truth before = last ? starts_before(when(x), when(pick)) : starts_before(when(pick), when(x));
    if (before != truth::certainly) out.push_back(&x);
  }
  return out;
}

// ---- the shapes of claims, whatever they count -----------------------------------------

// How a check speaks of the trips or encounters (`T`) it judges.
template <class T>
struct wording {
  /// "visit of Xi Jinping to Russia", "meeting of Xi Jinping and Vladimir Putin".
  std::string subject;
  /// "Xi Jinping visited Russia", "Xi Jinping and Vladimir Putin met".
  std::string did;
  /// "visit", "meeting".
  std::string noun;
  /// "22–24 October 2024 (16th BRICS summit, Kazan)", "22 October 2024 in Kazan, Russia".
  std::function<std::string(const T&)> text;
  /// The claim's detail ("for BRICS", "in Kazakhstan"); empty: none.
  std::string detail;
  /// Whether an item has the claimed detail.
  std::function<bool(const T&)> has_detail;
  /// The item's own detail: "for the 16th BRICS summit", "in Astana, Kazakhstan".
  std::function<std::string(const T&)> detail_of;
  /// The coverage of the items from `from` to `to` (unset: open).
  std::function<coverage_verdict(std::optional<date::sys_days>, std::optional<date::sys_days>)> coverage;
};

// "X visited Y in WHEN (for OCCASION)", "A and B met in WHEN (in PLACE)": `all` holds every
// item that may share a day with `when`'s window, `ever` every item (for the nearest one).
template <class T, class When>
auto judge_in(const std::vector<T>& all, const std::vector<T>& ever, const period& when, When when_of,
              const wording<T>& w, judgement& j) -> judgement& {
  const period win = window_of(when);
  const in_window<T, When> in(all, win, when_of);
  j.coverage(w.coverage(win.earliest_start(), win.latest_end() - date::days{1}));
  for (const T* x : in.certain) {
    if (w.has_detail(*x)) {
      j.cite(*x);
      return j.rule(rating::true_, fmt::format("{}: {}.", w.did, w.text(*x)));
    }
  }
  const bool possibly_right =
      std::any_of(in.possible.begin(), in.possible.end(), [&](const T* x) { return w.has_detail(*x); });
  if (!in.certain.empty() && !possibly_right) {
    const T& x = *in.certain.front();
    j.cite(x);
    return j.rule(rating::partly_true,
                  fmt::format("{} in {}: {}, but not {}.", w.did, when, w.text(x), w.detail),
                  fmt::format("{}, not {}", w.detail_of(x), w.detail));
  }
  if (!in.possible.empty()) {
    for (const T* x : in.possible) j.cite(*x);
    return j.rule(rating::unverifiable,
                  fmt::format("Partial dates cannot decide: the {} of {} may or may not fall in {}.", w.noun,
                              when_of(*in.possible.front()), when));
  }
  const T* near = nearest(ever, win, when_of, w.has_detail);
  std::string near_text;
  if (near != nullptr) {
    j.cite(*near);
    near_text = fmt::format(" The nearest {} this data holds is {}.", w.noun, w.text(*near));
  }
  if (!j.covered())
    return j.uncovered(fmt::format("This data holds no {} in {}.{}", w.subject, when, near_text));
  return j.rule(rating::false_, fmt::format("No {} in {}.{}", w.subject, when, near_text),
                near != nullptr ? fmt::format("{}, not {}", like(when_of(*near), when), when)
                                : fmt::format("none in {}", when));
}

// "X last visited Y in WHEN", "A and B first met in WHEN (in PLACE)": `sure` holds the items
// certainly within the claim's bounds (before as_of), `maybe` those possibly within them,
// each in order of their start.
template <class T, class When>
auto judge_extreme(const std::vector<T>& sure, const std::vector<T>& maybe, const period& when, When when_of,
                   bool last, std::optional<date::sys_days> as_of, const wording<T>& w, judgement& j)
    -> judgement& {
  const period win = window_of(when);
  const std::string which = last ? "last" : "first";
  const std::string bound = as_of_text(as_of);
  const std::optional<date::sys_days> to = day_before(as_of);
  if (sure.empty()) {
    j.coverage(w.coverage(std::nullopt, to));
    for (const T& x : maybe) j.cite(x);
    if (!maybe.empty()) {
      return j.rule(rating::unverifiable,
                    fmt::format("Partial dates cannot decide whether the {} of {} came{}.", w.noun,
                                when_of(maybe.front()), bound));
    }
    if (!j.covered()) return j.uncovered(fmt::format("This data holds no {}{}.", w.subject, bound));
    return j.rule(rating::false_, fmt::format("There was no {}{}.", w.subject, bound),
                  fmt::format("no {}{}", w.noun, bound));
  }
  const T& pick = last ? sure.back() : sure.front();
  const period picked = when_of(pick);
  j.coverage(last ? w.coverage(picked.earliest_start(), to)
                  : w.coverage(std::nullopt, picked.latest_start()));
  j.cite(pick);
  const std::string the = fmt::format("The {} {}{} was {}", which, w.subject, bound, w.text(pick));
  if (const auto others = rivals(maybe, pick, when_of, last); !others.empty()) {
    for (const T* x : others) j.cite(*x);
    return j.rule(rating::unverifiable,
                  fmt::format("Partial dates cannot tell which {} was the {}{}: {} or {}.", w.noun, which,
                              bound, w.text(pick), w.text(*others.front())));
  }
  const truth in = overlaps(win, picked);
  if (in == truth::possibly) {
    return j.rule(rating::unverifiable,
                  fmt::format("Partial dates cannot decide: the {} {}{}, {}, may or may not fall in {}.",
                              which, w.noun, bound, w.text(pick), when));
  }
  if (in == truth::certainly) {
    if (!j.covered()) {
      return j.uncovered(fmt::format("{} (in {}), as far as this data records.", the, when));
    }
    if (w.has_detail(pick)) return j.rule(rating::true_, the + ".");
    return j.rule(rating::partly_true,
                  fmt::format("{}: in {}, but {}, not {}.", the, when, w.detail_of(pick), w.detail),
                  fmt::format("{}, not {}", w.detail_of(pick), w.detail));
  }
  // Not in the window: did what the claim names happen at all?
  const in_window<T, When> claimed(sure, win, when_of);
  const T* happened = nullptr;
  for (const T* x : claimed.certain) {
    if (happened == nullptr || (w.has_detail(*x) && !w.has_detail(*happened))) happened = x;
  }
  if (happened != nullptr) {
    j.cite(*happened);
    return j.rule(rating::misleading,
                  fmt::format("{} in {}: {}. But that was not the {}{}: {} came {}.", w.did, when,
                              w.text(*happened), which, bound, w.text(pick), last ? "later" : "earlier"),
                  fmt::format("the {} {}{} was {}", which, w.noun, bound, w.text(pick)));
  }
  // The claim names a time beyond the one found (later than the last): only complete data
  // can say nothing happened then.
  const bool beyond = last ? before(picked, win) != truth::no : before(win, picked) != truth::no;
  if (beyond) {
    j.coverage(last ? w.coverage(win.earliest_start(), to)
                    : w.coverage(std::nullopt, win.latest_end() - date::days{1}));
    if (!j.covered()) return j.uncovered(fmt::format("{}, and this data holds none in {}.", the, when));
  }
  const std::string also = !w.detail.empty() && w.has_detail(pick)
                               ? fmt::format(" The rest holds: it was {}.", w.detail_of(pick))
                               : std::string();
  return j.rule(rating::false_, fmt::format("{}, not in {}.{}", the, when, also),
                fmt::format("{}, not {}", like(picked, when), when));
}

// "X has visited Y N times", "this is X's Nth visit": `sure` is the count of items certainly
// counted, `maybe` of those possibly counted, `claimed` the claimed count.
struct count_words {
  /// "3 visits", "the third visit": for corrections.
  std::function<std::string(std::size_t)> text;
  /// The sentence stating a count: "This data holds 3 visits of Xi Jinping to Russia since
  /// 2022, before 4 May 2025", "The visit of 7–10 May 2025 is Xi Jinping's third visit ...".
  std::function<std::string(std::size_t)> holds;
};

auto judge_count(std::size_t sure, std::size_t maybe, std::size_t claimed, const count_words& w, judgement& j)
    -> judgement& {
  if (claimed < sure) {
    return j.rule(
        rating::false_,
        fmt::format("{}{}.", w.holds(sure), sure == maybe ? "" : " (or more: some dates are partial)"),
        fmt::format("{}{}, not {}", sure == maybe ? "" : "at least ", w.text(sure), w.text(claimed)));
  }
  if (claimed <= maybe && sure < maybe) {
    return j.rule(rating::unverifiable,
                  fmt::format("Partial dates cannot decide between {} and {}.", w.text(sure), w.text(maybe)));
  }
  if (!j.covered()) return j.uncovered(fmt::format("{}, as far as this data records.", w.holds(maybe)));
  if (claimed == sure) return j.rule(rating::true_, w.holds(sure) + ".");
  return j.rule(rating::false_, w.holds(maybe) + ".",
                fmt::format("{}, not {}", w.text(maybe), w.text(claimed)));
}

// ---- visits --------------------------------------------------------------------------------

auto visit_question(const actor_id& guest, country_code host) -> visit_filter {
  visit_filter f;
  f.guest = guest;
  f.host_country = host;
  return f;
}

auto trips(const timeline& t, visit_filter f, std::optional<date::sys_days> from,
           std::optional<date::sys_days> to, bool possibly = false) -> std::vector<trip> {
  f.from = from;
  f.to = to;
  f.possibly = possibly;
  return visits(t, f);
}

// `f` for the trips starting on the days of `win`.
auto within(visit_filter f, const period& win) -> visit_filter {
  f.from = win.earliest_start();
  f.to = win.latest_end() - date::days{1};
  return f;
}

auto visit_wording(const timeline& t, const actor_id& guest, country_code host, const std::string& occasion)
    -> wording<trip> {
  const std::string who = actor_name(t, guest);
  wording<trip> w;
  w.subject = fmt::format("visit of {} to {}", who, host);
  w.did = fmt::format("{} visited {}", who, host);
  w.noun = "visit";
  w.text = trip_text;
  w.detail = occasion.empty() ? std::string() : "for " + occasion;
  w.has_detail = [occasion](const trip& tr) { return for_occasion(tr.events, occasion); };
  w.detail_of = [](const trip& tr) { return "for " + occasion_text(tr); };
  const visit_filter q = visit_question(guest, host);
  w.coverage = [&t, q](std::optional<date::sys_days> from, std::optional<date::sys_days> to) {
    visit_filter f = q;
    f.from = from;
    f.to = to;
    return visits_coverage(t, f);
  };
  return w;
}

auto check_claim(const timeline& t, const visited_in_claim& c, std::optional<date::sys_days>, judgement& j)
    -> judgement& {
  const visit_filter q = visit_question(c.guest, c.host_country);
  const std::vector<trip> ever = trips(t, q, std::nullopt, std::nullopt, true);
  return judge_in(ever, ever, c.when, &trip_when, visit_wording(t, c.guest, c.host_country, c.occasion), j);
}

auto check_claim(const timeline& t, const last_visit_claim& c, std::optional<date::sys_days> as_of,
                 judgement& j) -> judgement& {
  const visit_filter q = visit_question(c.guest, c.host_country);
  const std::optional<date::sys_days> to = day_before(as_of);
  return judge_extreme(trips(t, q, std::nullopt, to), trips(t, q, std::nullopt, to, true), c.when, &trip_when,
                       true, as_of, visit_wording(t, c.guest, c.host_country, c.occasion), j);
}

auto check_claim(const timeline& t, const visit_ordinal_claim& c, std::optional<date::sys_days> as_of,
                 judgement& j) -> judgement& {
  if (!as_of) {
    throw error(
        "[diplo.check] a visit_ordinal claim (\"this is X's Nth visit\") speaks of the next visit after the "
        "day it "
        "was made: give its as_of");
  }
  const std::string who = actor_name(t, c.guest);
  visit_filter q = visit_question(c.guest, c.host_country);
  const date::sys_days since = c.since.earliest();
  j.coverage(visits_coverage(t, within(q, period::days(since, *as_of - date::days{1}))));
  visit_filter upcoming = q;
  upcoming.planned = true;
  const std::vector<trip> next = trips(t, upcoming, as_of, std::nullopt);
  if (next.empty()) {
    return j.rule(
        rating::unverifiable,
        fmt::format("This data holds no visit of {} to {} from {} on: the visit the claim speaks of "
                    "is not in it.",
                    who, c.host_country, day_text(*as_of)));
  }
  j.cite(next.front());
  const std::vector<trip> sure = trips(t, q, since, *as_of - date::days{1});
  const std::vector<trip> maybe = trips(t, q, since, *as_of - date::days{1}, true);
  for (const trip& tr : maybe) j.cite(tr);
  count_words w;
  w.text = [](std::size_t k) { return fmt::format("the {} visit", ordinal(k)); };
  w.holds = [&, next = trip_text(next.front())](std::size_t k) {
    return fmt::format("The visit of {} is {}'s {} visit to {} since {}", next, who, ordinal(k),
                       c.host_country, c.since);
  };
  return judge_count(sure.size() + 1, maybe.size() + 1, c.n, w, j);
}

// The first and last days of a count's FROM and TO, the last one before `as_of`.
auto count_bounds(const std::optional<partial_date>& from, const std::optional<partial_date>& to,
                  std::optional<date::sys_days> as_of)
    -> std::pair<std::optional<date::sys_days>, std::optional<date::sys_days>> {
  std::optional<date::sys_days> first = from ? std::optional(from->earliest()) : std::nullopt;
  std::optional<date::sys_days> last =
      earlier(to ? std::optional(to->latest()) : std::nullopt, day_before(as_of));
  if (from && to && to->latest() < from->earliest()) {
    throw error(fmt::format("[diplo.check] a count from {} to {}: from is after to", *from, *to));
  }
  return {first, last};
}

// " from March 2023 to 2024", " since 2022", "".
auto range_text(const std::optional<partial_date>& from, const std::optional<partial_date>& to)
    -> std::string {
  std::string s;
  if (from) s += fmt::format("{} {}", to ? " from" : " since", *from);
  if (to) s += fmt::format(" to {}", *to);
  return s;
}

auto check_claim(const timeline& t, const visit_count_claim& c, std::optional<date::sys_days> as_of,
                 judgement& j) -> judgement& {
  const auto [from, to] = count_bounds(c.from, c.to, as_of);
  const visit_filter q = visit_question(c.guest, c.host_country);
  visit_filter f = q;
  f.from = from;
  f.to = to;
  j.coverage(visits_coverage(t, f));
  const std::vector<trip> sure = trips(t, q, from, to);
  const std::vector<trip> maybe = trips(t, q, from, to, true);
  for (const trip& tr : maybe) j.cite(tr);
  count_words w;
  w.text = [](std::size_t k) { return plural(k, "visit", "visits"); };
  w.holds = [&](std::size_t k) {
    return fmt::format("This data holds {} of {} to {}{}{}", plural(k, "visit", "visits"),
                       actor_name(t, c.guest), c.host_country, range_text(c.from, c.to), as_of_text(as_of));
  };
  return judge_count(sure.size(), maybe.size(), c.n, w, j);
}

// ---- meetings ------------------------------------------------------------------------------

auto meeting_wording(const timeline& t, const actor_id& a, const actor_id& b, const claimed_place& place)
    -> wording<encounter> {
  const std::string both = fmt::format("{} and {}", actor_name(t, a), actor_name(t, b));
  wording<encounter> w;
  w.subject = "meeting of " + both;
  w.did = both + " met";
  w.noun = "meeting";
  w.text = encounter_text;
  w.detail = place.empty() ? std::string() : fmt::format("in {}", place);
  w.has_detail = [place](const encounter& m) { return in_place(m, place); };
  w.detail_of = [](const encounter& m) { return "in " + place_text(m); };
  w.coverage = [&t, a, b](std::optional<date::sys_days> from, std::optional<date::sys_days> to) {
    return meetings_coverage(t, a, b, from, to);
  };
  return w;
}

auto encounters(const timeline& t, const actor_id& a, const actor_id& b, std::optional<date::sys_days> after,
                std::optional<date::sys_days> before, bool possibly = false) -> std::vector<encounter> {
  meet_options o;
  o.after = after;
  o.before = before;
  o.possibly = possibly;
  return meetings(t, a, b, o);
}

auto check_claim(const timeline& t, const met_in_claim& c, std::optional<date::sys_days>, judgement& j)
    -> judgement& {
  const std::vector<encounter> ever = encounters(t, c.a, c.b, std::nullopt, std::nullopt, true);
  return judge_in(ever, ever, c.when, &encounter_when, meeting_wording(t, c.a, c.b, c.place), j);
}

auto check_claim(const timeline& t, const last_meeting_claim& c, std::optional<date::sys_days> as_of,
                 judgement& j) -> judgement& {
  return judge_extreme(encounters(t, c.a, c.b, std::nullopt, as_of),
                       encounters(t, c.a, c.b, std::nullopt, as_of, true), c.when, &encounter_when, true,
                       as_of, meeting_wording(t, c.a, c.b, c.place), j);
}

auto check_claim(const timeline& t, const first_meeting_claim& c, std::optional<date::sys_days> as_of,
                 judgement& j) -> judgement& {
  return judge_extreme(encounters(t, c.a, c.b, std::nullopt, as_of),
                       encounters(t, c.a, c.b, std::nullopt, as_of, true), c.when, &encounter_when, false,
                       as_of, meeting_wording(t, c.a, c.b, c.place), j);
}

auto check_claim(const timeline& t, const meeting_count_claim& c, std::optional<date::sys_days> as_of,
                 judgement& j) -> judgement& {
  const auto [from, to] = count_bounds(c.from, c.to, as_of);
  const std::optional<date::sys_days> before = to ? std::optional(*to + date::days{1}) : std::nullopt;
  j.coverage(meetings_coverage(t, c.a, c.b, from, to));
  const std::vector<encounter> sure = encounters(t, c.a, c.b, from, before);
  const std::vector<encounter> maybe = encounters(t, c.a, c.b, from, before, true);
  for (const encounter& m : maybe) j.cite(m);
  count_words w;
  w.text = [](std::size_t k) { return plural(k, "meeting", "meetings"); };
  w.holds = [&](std::size_t k) {
    return fmt::format("This data holds {} in person of {} and {}{}{}", plural(k, "meeting", "meetings"),
                       actor_name(t, c.a), actor_name(t, c.b), range_text(c.from, c.to), as_of_text(as_of));
  };
  return judge_count(sure.size(), maybe.size(), c.n, w, j);
}

// ---- where ---------------------------------------------------------------------------------

auto check_claim(const timeline& t, const where_claim& c, std::optional<date::sys_days>, judgement& j)
    -> judgement& {
  if (!c.day.is_exact_day()) {
    throw error(fmt::format("[diplo.check] a where claim needs one day (YYYY-MM-DD), not \"{}\"", c.day));
  }
  const date::sys_days day = c.day.earliest();
  const std::string who = actor_name(t, c.person);
  j.coverage(whereabouts_coverage(t, c.person, day, day));
  const std::vector<whereabouts> found = where(t, c.person, day);
  std::vector<const whereabouts*> sure;
  std::vector<const whereabouts*> maybe;
  for (const whereabouts& w : found) (w.certainty == truth::certainly ? sure : maybe).push_back(&w);
  for (const whereabouts* w : sure) {
    if (held_in(w->event.value(), c.place)) {
      j.cite(w->event);
      return j.rule(rating::true_,
                    fmt::format("{} was in {} on {}: {}.", who, event_place_text(w->event.value()), c.day,
                                detail::describe(w->event.value(), &t.actors())));
    }
  }
  const bool possibly_there = std::any_of(
      maybe.begin(), maybe.end(), [&](const whereabouts* w) { return held_in(w->event.value(), c.place); });
  if (!sure.empty() && !possibly_there) {
    const event e = sure.front()->event.value();
    j.cite(sure.front()->event);
    const bool same_country =
        !c.place.city.empty() && !c.place.country.empty() && country_of(e) == c.place.country;
    return j.rule(same_country ? rating::partly_true : rating::false_,
                  fmt::format("{} was in {} on {}: {}.", who, event_place_text(e), c.day,
                              detail::describe(e, &t.actors())),
                  fmt::format("in {}, not {}", event_place_text(e), c.place));
  }
  if (!maybe.empty()) {
    for (const whereabouts* w : maybe) j.cite(w->event);
    return j.rule(rating::unverifiable,
                  fmt::format("Partial dates cannot decide: {} may or may not place {} there on {}.",
                              detail::describe(maybe.front()->event.value(), &t.actors()), who, c.day));
  }
  const country_code home = t.actors().country_of(c.person, day);
  const std::string none = fmt::format("No event in this data places {} anywhere on {}.", who, c.day);
  if (!j.covered()) return j.uncovered(none);
  if (!c.place.country.empty() && !home.empty() && c.place.country == home && c.place.city.empty()) {
    return j.rule(rating::true_,
                  fmt::format("{} The data records every trip of {}: at home, in {}.", none, who, home));
  }
  if (!c.place.country.empty() && !home.empty() && c.place.country != home) {
    return j.rule(rating::false_,
                  fmt::format("{} The data records every event of {}, so {} was not abroad in {}.", none, who,
                              who, c.place.country),
                  fmt::format("at home in {}, not in {}", home, c.place));
  }
  return j.rule(rating::unverifiable, fmt::format("{} It does not say in which city {} was.", none, who));
}

// The actors a claim names.
auto actors_of(const claim& c) -> std::vector<actor_id> {
  return std::visit(
      [](const auto& x) -> std::vector<actor_id> {
        using T = std::decay_t<decltype(x)>;
        if constexpr (requires { x.guest; }) {
          return {x.guest};
        } else if constexpr (std::is_same_v<T, where_claim>) {
          return {x.person};
        } else {
          return {x.a, x.b};
        }
      },
      c);
}

}  // namespace

auto check(const timeline& t, const claim& c, std::optional<date::sys_days> as_of) -> verdict {
  judgement j(t);
  for (const actor_id& a : actors_of(c)) {
    if (t.actors().find(a) == nullptr) {
      j.rule(rating::unverifiable, fmt::format("\"{}\" is not in this data.", a));
      return j.done();
    }
  }
  std::visit([&](const auto& x) { check_claim(t, x, as_of, j); }, c);
  return j.done();
}

// ---- describing claims ---------------------------------------------------------------------

namespace {

auto for_text(const std::string& occasion) -> std::string {
  return occasion.empty() ? std::string() : fmt::format(" (for {})", occasion);
}

auto in_text(const claimed_place& p) -> std::string {
  return p.empty() ? std::string() : fmt::format(" (in {})", p);
}

}  // namespace

auto describe(const claim& c, const actor_registry* actors) -> std::string {
  auto who = [&](const actor_id& a) { return detail::actor_label(a, actors); };
  return std::visit(
      [&](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, last_visit_claim>) {
          return fmt::format("{} last visited {} in {}{}", who(x.guest), x.host_country, x.when,
                             for_text(x.occasion));
        } else if constexpr (std::is_same_v<T, visited_in_claim>) {
          return fmt::format("{} visited {} in {}{}", who(x.guest), x.host_country, x.when,
                             for_text(x.occasion));
        } else if constexpr (std::is_same_v<T, visit_ordinal_claim>) {
          return fmt::format("This is {}'s {} visit to {} since {}", who(x.guest), ordinal(x.n),
                             x.host_country, x.since);
        } else if constexpr (std::is_same_v<T, visit_count_claim>) {
          return fmt::format("{} visited {} {}{}", who(x.guest), x.host_country, plural(x.n, "time", "times"),
                             range_text(x.from, x.to));
        } else if constexpr (std::is_same_v<T, last_meeting_claim>) {
          return fmt::format("{} and {} last met in {}{}", who(x.a), who(x.b), x.when, in_text(x.place));
        } else if constexpr (std::is_same_v<T, first_meeting_claim>) {
          return fmt::format("{} and {} first met in {}{}", who(x.a), who(x.b), x.when, in_text(x.place));
        } else if constexpr (std::is_same_v<T, meeting_count_claim>) {
          return fmt::format("{} and {} met {}{}", who(x.a), who(x.b), plural(x.n, "time", "times"),
                             range_text(x.from, x.to));
        } else if constexpr (std::is_same_v<T, met_in_claim>) {
          return fmt::format("{} and {} met in {}{}", who(x.a), who(x.b), x.when, in_text(x.place));
        } else {
          return fmt::format("{} was in {} on {}", who(x.person), x.place, x.day);
        }
      },
      c);
}

}  // namespace diplo
