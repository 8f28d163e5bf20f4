// SPDX-License-Identifier: MIT
// The coverage verdicts of diplo/answer.h; the rules are in diplo/coverage.h.
//
// A question is a window of days and, on each day, the places its events could be held at
// (A's home, B's home, elsewhere). The verdict can only change where a scope's days or an
// office of one of its people begin or end, so the window is cut at those days and each
// piece is judged on its first day: a handful of pieces, whatever the window's length.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>

#include "diplo/answer.h"
#include "diplo/coverage.h"
#include "diplo/partial_date.h"
#include "diplo/timeline.h"

namespace diplo {
namespace {

using day_number = std::int64_t;
constexpr day_number minus_inf = std::numeric_limits<std::int32_t>::min();
constexpr day_number plus_inf = std::numeric_limits<std::int32_t>::max();

auto number_of(date::sys_days d) -> day_number { return d.time_since_epoch().count(); }
auto day_of(day_number n) -> date::sys_days { return date::sys_days{date::days{n}}; }

// Days lo..hi, both inclusive; empty when lo > hi.
struct days {
  day_number lo = minus_inf;
  day_number hi = plus_inf;
  [[nodiscard]] auto has(day_number x) const -> bool { return lo <= x && x <= hi; }
};

// The days a period certainly covers (an open end is unbounded).
auto certain_days(const period& p) -> days {
  const day_number lo = p.start_kind() == period::end_kind::open ? minus_inf : number_of(p.latest_start());
  const day_number hi = p.end_kind() == period::end_kind::open ? plus_inf : number_of(p.earliest_end()) - 1;
  return {lo, hi};
}

auto scope_days(const coverage_scope& s) -> days {
  days d = s.when ? certain_days(*s.when) : days{};
  if (s.as_of) d.hi = std::min(d.hi, number_of(*s.as_of));
  return d;
}

template <class T>
auto contains(const std::vector<T>& v, const T& x) -> bool {
  return std::find(v.begin(), v.end(), x) != v.end();
}

enum class asked : std::uint8_t { meetings, trips, whereabouts, contacts, everyone };

// Where an event the question asks for could be held: at the home of one of its people, in
// the country it names (a trip's host), or anywhere else.
struct spot {
  enum class kind : std::uint8_t { home, country, elsewhere } at = kind::elsewhere;
  std::size_t who = 0;
};

struct question {
  asked what = asked::meetings;
  std::vector<actor_id> ids;
  std::vector<const person*> people;  // parallel to ids; nullptr for an organisation
  country_code host;                  // trips: the country visited
  country_code guest_country;         // trips asked without a guest
  bool calls = false;
  days window;
  bool open_end = false;  // the window ends at the data's as-of day
  std::vector<spot> places;
};

class judge {
 public:
  judge(const timeline& t, question q) : t_(t), q_(std::move(q)) {}

  auto run() -> coverage_verdict;

 private:
  const timeline& t_;
  question q_;
  std::vector<days> uncovered_;
  std::vector<std::size_t> used_, related_;  // scopes that cover, that cover in part

  [[nodiscard]] auto home(std::size_t i, day_number x) const -> country_code {
    return q_.people[i] == nullptr ? country_code{} : actor_registry::country_on(*q_.people[i], day_of(x));
  }
  [[nodiscard]] auto country_at(const spot& p, day_number x) const -> country_code {
    if (p.at == spot::kind::home) return home(p.who, x);
    if (p.at == spot::kind::country) return q_.host;
    return {};
  }
  [[nodiscard]] auto abroad(std::size_t i, const spot& p, day_number x) const -> bool {
    if (p.at == spot::kind::elsewhere) return true;
    const country_code c = country_at(p, x);
    const country_code h = home(i, x);
    return !c.empty() && !h.empty() && c != h;
  }
  // An office of person i certainly held on day x that `keep` accepts.
  template <class Keep>
  [[nodiscard]] auto holds(std::size_t i, day_number x, Keep keep) const -> bool {
    if (q_.people[i] == nullptr) return false;
    return std::any_of(q_.people[i]->offices.begin(), q_.people[i]->offices.end(), [&](const office& o) {
      return !o.country.empty() && certain_days(o.term).has(x) && keep(o);
    });
  }
  [[nodiscard]] auto leads(std::size_t i, day_number x, const coverage_scope& s) const -> bool {
    return holds(i, x, [&](const office& o) {
      return contains(s.countries, o.country) && (s.offices.empty() || contains(s.offices, o.title));
    });
  }
  // A record of trips tells meetings (and so contacts) only when its trips name the leaders met.
  [[nodiscard]] auto tells_meetings(const coverage_scope& s) const -> bool {
    const bool trips = s.subject == coverage_subject::trips_by || s.subject == coverage_subject::visits_to;
    const bool about_meetings = q_.what == asked::meetings || q_.what == asked::contacts;
    return !about_meetings || !trips || s.counterparts;
  }
  [[nodiscard]] auto any_named(const coverage_scope& s) const -> bool {
    return std::any_of(q_.ids.begin(), q_.ids.end(),
                       [&](const actor_id& a) { return contains(s.actors, a); });
  }

  [[nodiscard]] auto covers(const coverage_scope& s, const spot& p, day_number x) const -> bool;
  [[nodiscard]] auto concerns(const coverage_scope& s, day_number x) const -> bool;
  void judge_piece(days piece);
  [[nodiscard]] auto cuts() const -> std::vector<day_number>;
  [[nodiscard]] auto reason(coverage_status status) const -> std::string;
  [[nodiscard]] auto tail() const -> std::string;
  [[nodiscard]] auto span_text() const -> std::string;
  [[nodiscard]] auto office_gap(const std::vector<std::size_t>& scopes) const -> std::string;
  [[nodiscard]] auto one_span_text(days u) const -> std::string;
};

auto judge::covers(const coverage_scope& s, const spot& p, day_number x) const -> bool {
  if (!scope_days(s).has(x) || !s.kinds.all() || (q_.calls && !s.calls) || !tells_meetings(s)) return false;
  const std::size_t n = q_.ids.size();
  switch (s.subject) {
    case coverage_subject::events_of: return any_named(s);
    case coverage_subject::events_between:
      return n > 0 && std::all_of(s.actors.begin(), s.actors.end(),
                                  [&](const actor_id& a) { return contains(q_.ids, a); });
    case coverage_subject::trips_by:
      for (std::size_t i = 0; i < n; ++i) {
        if (abroad(i, p, x) && leads(i, x, s)) return true;
      }
      return false;
    case coverage_subject::visits_to: {
      const country_code c = country_at(p, x);
      if (c.empty() || !contains(s.countries, c)) return false;
      if (!s.actors.empty()) {  // the visits of these guests only
        for (std::size_t i = 0; i < n; ++i) {
          if (abroad(i, p, x) && contains(s.actors, q_.ids[i])) return true;
        }
        return false;
      }
      if (n == 0) return q_.what == asked::trips;  // every visit to the country
      // Where was A: at home, the visits of foreign leaders are A's events there.
      if ((q_.what == asked::whereabouts || q_.what == asked::contacts) && !abroad(0, p, x)) {
        return c == home(0, x);
      }
      for (std::size_t i = 0; i < n; ++i) {
        if (abroad(i, p, x) &&
            holds(i, x, [&](const office& o) { return !contains(s.countries, o.country); })) {
          return true;
        }
      }
      return false;
    }
  }
  return false;
}

auto judge::concerns(const coverage_scope& s, day_number x) const -> bool {
  if (!scope_days(s).has(x) || !tells_meetings(s)) return false;
  if (q_.what == asked::everyone) return true;
  const std::size_t n = q_.ids.size();
  switch (s.subject) {
    case coverage_subject::events_of:
    case coverage_subject::events_between: return any_named(s);
    case coverage_subject::trips_by:
      if (n == 0) return q_.guest_country.empty() || contains(s.countries, q_.guest_country);
      for (std::size_t i = 0; i < n; ++i) {
        if (leads(i, x, s)) return true;
      }
      return false;
    case coverage_subject::visits_to:
      if (!s.actors.empty()) {
        return any_named(s) && (q_.what != asked::trips || q_.host.empty() || contains(s.countries, q_.host));
      }
      if (!q_.host.empty() && contains(s.countries, q_.host)) return true;
      if (q_.what == asked::trips) return false;  // visits to the traveller's own country
      for (std::size_t i = 0; i < n; ++i) {
        if (contains(s.countries, home(i, x))) return true;
      }
      return false;
  }
  return false;
}

void judge::judge_piece(days piece) {
  const auto scopes = t_.coverage();
  const day_number x = piece.lo;
  bool all = !q_.places.empty();
  for (const spot& p : q_.places) {
    bool here = false;
    for (std::size_t k = 0; k < scopes.size() && !here; ++k) {
      if (covers(scopes[k], p, x)) {
        here = true;
        if (!contains(used_, k)) used_.push_back(k);
      }
    }
    all = all && here;
  }
  for (std::size_t k = 0; k < scopes.size(); ++k) {
    if (!contains(related_, k) && concerns(scopes[k], x)) related_.push_back(k);
  }
  if (all) return;
  if (!uncovered_.empty() && uncovered_.back().hi + 1 == piece.lo) {
    uncovered_.back().hi = piece.hi;
  } else {
    uncovered_.push_back(piece);
  }
}

// The days after the window's first on which a verdict may change: where a scope's days or
// an office of one of the question's people begin, or end (the day after).
auto judge::cuts() const -> std::vector<day_number> {
  std::vector<day_number> out;
  auto add = [&](days d) {
    out.push_back(d.lo);
    if (d.hi < plus_inf) out.push_back(d.hi + 1);
  };
  for (const coverage_scope& s : t_.coverage()) add(scope_days(s));
  for (const person* p : q_.people) {
    if (p == nullptr) continue;
    for (const office& o : p->offices) add(certain_days(o.term));
  }
  std::erase_if(out, [&](day_number d) { return d <= q_.window.lo || d > q_.window.hi; });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

auto judge::run() -> coverage_verdict {
  const std::vector<day_number> at = cuts();
  day_number lo = q_.window.lo;
  for (day_number c : at) {
    judge_piece({lo, c - 1});
    lo = c;
  }
  judge_piece({lo, q_.window.hi});

  coverage_verdict v;
  if (uncovered_.empty()) {
    v.status = coverage_status::complete;
  } else {
    v.status = used_.empty() && related_.empty() ? coverage_status::outside : coverage_status::partial;
  }
  if (q_.open_end && q_.window.hi < plus_inf) v.as_of = day_of(q_.window.hi);
  v.reason = reason(v.status);
  return v;
}

// --- the reason, in words ---------------------------------------------------------------------

auto day_text(day_number d) -> std::string { return partial_date(date::year_month_day{day_of(d)}).to_text(); }

auto actor_text(const timeline& t, const actor_id& id) -> std::string {
  const actor* a = t.actors().find(id);
  return a == nullptr ? id.value() : name_of(*a);
}

// "A", "A and B", "A, B and C", then "A, B, C and 4 more <what>".
auto list_text(const std::vector<std::string>& items, std::string_view more) -> std::string {
  constexpr std::size_t shown = 3;
  std::string s;
  const std::size_t n = items.size() > shown + 1 ? shown : items.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) s += i + 1 == items.size() ? " and " : ", ";
    s += items[i];
  }
  if (n < items.size()) s += fmt::format(" and {} more {}", items.size() - n, more);
  return s;
}

// A country's name as it reads after "of" or "to": "the United States", "Brazil".
auto country_text(country_code c) -> std::string {
  std::string n = fmt::format("{}", c);
  constexpr std::string_view the[] = {"United ", "Netherlands",    "Philippines",        "Bahamas",
                                      "Gambia",  "Czech Republic", "Dominican Republic", "Central African",
                                      "Holy See"};
  for (std::string_view w : the) {
    if (n.starts_with(w)) return fmt::format("the {}", n);
  }
  return n;
}

auto days_text(days d) -> std::string {
  if (d.lo == minus_inf && d.hi == plus_inf) return {};
  if (d.lo == minus_inf) return fmt::format(" (until {})", day_text(d.hi));
  if (d.hi == plus_inf) return fmt::format(" (from {})", day_text(d.lo));
  return fmt::format(" ({} to {})", day_text(d.lo), day_text(d.hi));
}

auto scope_text(const timeline& t, const coverage_scope& s, bool calls_asked) -> std::string {
  std::vector<std::string> who;
  for (const actor_id& a : s.actors) who.push_back(actor_text(t, a));
  std::vector<std::string> where;
  for (country_code c : s.countries) where.push_back(country_text(c));
  std::string out;
  switch (s.subject) {
    case coverage_subject::events_of: out = fmt::format("every event of {}", list_text(who, "people")); break;
    case coverage_subject::events_between: {
      if (who.empty()) break;
      const std::string first = who.front();
      who.erase(who.begin());
      out =
          fmt::format("every event of {}{}{}", first, who.empty() ? "" : " with ", list_text(who, "people"));
      break;
    }
    case coverage_subject::trips_by:
      // A few titles name the travellers ("the President and Secretary of State"); many
      // (COLT's) are just leaders.
      out = fmt::format("every trip abroad of the {} of {}",
                        s.offices.empty() || s.offices.size() > 2 ? std::string("leaders")
                                                                  : list_text(s.offices, "offices"),
                        list_text(where, "countries"));
      break;
    case coverage_subject::visits_to:
      out = fmt::format("every visit of {} to {}",
                        who.empty() ? std::string("foreign leaders") : list_text(who, "people"),
                        list_text(where, "countries"));
      break;
  }
  if (!s.kinds.all()) {
    std::vector<std::string> kinds;
    const std::pair<bool, std::string_view> each[] = {{s.kinds.visits, "visits"},
                                                      {s.kinds.summits, "summits"},
                                                      {s.kinds.meetings, "meetings"},
                                                      {s.kinds.ceremonies, "ceremonies"}};
    for (const auto& [on, what] : each) {
      if (on) kinds.emplace_back(what);
    }
    out += fmt::format(" ({} only)", list_text(kinds, "kinds"));
  }
  if (s.counterparts) out += " with the leaders met";
  if (s.calls) out += ", calls included";
  if (calls_asked && !s.calls) out += ", not calls";
  return out;
}

// The scopes in words, each with its days; or the days once at the end when all share them.
auto scopes_text(const timeline& t, const std::vector<const coverage_scope*>& scopes, bool calls_asked)
    -> std::string {
  std::vector<std::string> parts, days;
  for (const coverage_scope* s : scopes) {
    parts.push_back(scope_text(t, *s, calls_asked));
    days.push_back(days_text(scope_days(*s)));
  }
  const bool shared =
      std::all_of(days.begin(), days.end(), [&](const std::string& d) { return d == days.front(); });
  if (shared) return list_text(parts, "promises") + (days.empty() ? std::string() : days.front());
  for (std::size_t i = 0; i < parts.size(); ++i) parts[i] += days[i];
  return list_text(parts, "promises");
}

// "before 18 February 1993", "since 28 June 2019", "between A and B", "at any time".
auto judge::one_span_text(days u) const -> std::string {
  const bool to_end = u.hi == q_.window.hi && (q_.open_end || u.hi == plus_inf);
  if (u.lo == minus_inf && to_end) return "at any time";
  if (u.lo == minus_inf) return fmt::format("before {}", day_text(u.hi + 1));
  if (to_end) return fmt::format("since {}", day_text(u.lo));
  if (u.lo == u.hi) return fmt::format("on {}", day_text(u.lo));
  return fmt::format("between {} and {}", day_text(u.lo), day_text(u.hi));
}

// The days the data does not cover: one or two stretches, then "and at other times".
auto judge::span_text() const -> std::string {
  std::string s = one_span_text(uncovered_.front());
  if (uncovered_.size() == 2) s += fmt::format(" or {}", one_span_text(uncovered_.back()));
  if (uncovered_.size() > 2) s += ", and at other times";
  return s;
}

// When records of leaders' trips or visits fall short because the data knows no office of a
// person then (an import that gives a guest an office only for the days of each visit):
// " (it knows no office of Narendra Modi on 26 May 2014)".
auto judge::office_gap(const std::vector<std::size_t>& scopes) const -> std::string {
  const auto all = t_.coverage();
  const bool by_office = std::any_of(scopes.begin(), scopes.end(), [&](std::size_t k) {
    return (all[k].subject == coverage_subject::trips_by || all[k].subject == coverage_subject::visits_to) &&
           all[k].actors.empty();
  });
  if (!by_office || uncovered_.empty() || uncovered_.front().lo == minus_inf) return {};
  const day_number d = uncovered_.front().lo;
  std::vector<std::string> none;
  for (std::size_t i = 0; i < q_.ids.size(); ++i) {
    if (q_.people[i] != nullptr && !holds(i, d, [](const office&) { return true; })) {
      none.push_back(actor_text(t_, q_.ids[i]));
    }
  }
  if (none.empty()) return {};
  return fmt::format(" (it knows no office of {} on {})", list_text(none, "people"), day_text(d));
}

// What the data may miss: "Xi Jinping and Narendra Modi may have met since 28 June 2019".
auto judge::tail() const -> std::string {
  std::vector<std::string> who;
  for (const actor_id& a : q_.ids) who.push_back(actor_text(t_, a));
  const std::string when = span_text();
  switch (q_.what) {
    case asked::meetings: return fmt::format("{} may have met {}", list_text(who, "people"), when);
    case asked::trips: {
      std::string traveller = who.empty() ? std::string("leaders") : who.front();
      if (who.empty() && !q_.guest_country.empty())
        traveller = fmt::format("leaders of {}", country_text(q_.guest_country));
      if (q_.host.empty()) return fmt::format("{} may have travelled abroad {}", traveller, when);
      return fmt::format("{} may have visited {} {}", traveller, country_text(q_.host), when);
    }
    case asked::whereabouts:
      return fmt::format("{} may have been at events not in this data {}", list_text(who, "people"), when);
    case asked::contacts: return fmt::format("{} may have met others {}", list_text(who, "people"), when);
    case asked::everyone:
      return fmt::format("it lists only the people it holds, and may miss events of theirs {}", when);
  }
  return {};
}

auto judge::reason(coverage_status status) const -> std::string {
  const auto scopes = t_.coverage();
  auto describe = [&](const std::vector<std::size_t>& which) {
    std::vector<const coverage_scope*> listed;
    for (std::size_t k : which) listed.push_back(&scopes[k]);
    return scopes_text(t_, listed, q_.calls);
  };
  switch (status) {
    case coverage_status::complete: return fmt::format("This data records {}.", describe(used_));
    case coverage_status::partial: {
      std::vector<std::size_t> all = used_;
      for (std::size_t k : related_) {
        if (!contains(all, k)) all.push_back(k);
      }
      std::sort(all.begin(), all.end());
      return fmt::format("This data records {} only; {}{}.", describe(all), tail(), office_gap(all));
    }
    case coverage_status::outside: {
      if (scopes.empty())
        return fmt::format("The data loaded does not say what it records completely; {}.", tail());
      std::vector<std::size_t> all(scopes.size());
      for (std::size_t k = 0; k < all.size(); ++k) all[k] = k;
      return fmt::format("This data records {}: none of it covers this question; {}.", describe(all), tail());
    }
  }
  return {};
}

// The window from..to (unset: open); an open end stops at the data's as-of day, the latest
// day a scope covers.
// Whether a scope speaks of the question's people or countries at all, on any day: the
// scopes whose as-of day an open question stops at.
auto speaks_of(const coverage_scope& s, const question& q) -> bool {
  if (q.what == asked::everyone) return true;
  auto named = [&](const actor_id& a) { return contains(s.actors, a); };
  if (std::any_of(q.ids.begin(), q.ids.end(), named)) return true;
  if (!s.actors.empty()) return false;
  auto of_its_countries = [&](const person* p) {
    if (p == nullptr) return false;
    if (contains(s.countries, p->country)) return true;
    return std::any_of(p->offices.begin(), p->offices.end(),
                       [&](const office& o) { return contains(s.countries, o.country); });
  };
  // The country visited matters to a record of visits, the travellers' to one of trips.
  const bool visits = s.subject == coverage_subject::visits_to;
  return (visits && contains(s.countries, q.host)) || (!visits && contains(s.countries, q.guest_country)) ||
         std::any_of(q.people.begin(), q.people.end(), of_its_countries);
}

// The window from..to (unset: open); an open end stops at the data's as-of day: the latest
// day covered by the scopes that speak of the question (by all of them when none does).
auto window_of(const timeline& t, std::optional<date::sys_days> from, std::optional<date::sys_days> to,
               question& q) -> void {
  q.window.lo = from ? number_of(*from) : minus_inf;
  if (to) {
    q.window.hi = number_of(*to);
  } else {
    q.open_end = true;
    day_number end = minus_inf, end_of_all = minus_inf;
    for (const coverage_scope& s : t.coverage()) {
      end_of_all = std::max(end_of_all, scope_days(s).hi);
      if (speaks_of(s, q)) end = std::max(end, scope_days(s).hi);
    }
    q.window.hi = t.coverage().empty() ? plus_inf : end != minus_inf ? end : end_of_all;
  }
  if (q.window.hi < q.window.lo) q.window.hi = q.window.lo;  // after the data's end: judge the day
}

auto add_person(const timeline& t, const actor_id& id, question& q) -> void {
  q.ids.push_back(id);
  q.people.push_back(t.actors().person_of(id));
}

}  // namespace

auto meetings_coverage(const timeline& t, const actor_id& a, const actor_id& b,
                       std::optional<date::sys_days> from, std::optional<date::sys_days> to, bool calls)
    -> coverage_verdict {
  question q{.what = asked::meetings, .calls = calls};
  add_person(t, a, q);
  add_person(t, b, q);
  window_of(t, from, to, q);
  q.places = {{spot::kind::home, 0}, {spot::kind::home, 1}, {spot::kind::elsewhere, 0}};
  return judge(t, std::move(q)).run();
}

auto visits_coverage(const timeline& t, const visit_filter& f) -> coverage_verdict {
  question q{.what = asked::trips, .host = f.host_country, .guest_country = f.guest_country};
  if (f.guest) add_person(t, *f.guest, q);
  window_of(t, f.from, f.to, q);
  q.places = {f.host_country.empty() ? spot{spot::kind::elsewhere, 0} : spot{spot::kind::country, 0}};
  return judge(t, std::move(q)).run();
}

auto whereabouts_coverage(const timeline& t, const actor_id& person, std::optional<date::sys_days> from,
                          std::optional<date::sys_days> to) -> coverage_verdict {
  question q{.what = asked::whereabouts};
  add_person(t, person, q);
  window_of(t, from, to, q);
  q.places = {{spot::kind::home, 0}, {spot::kind::elsewhere, 0}};
  return judge(t, std::move(q)).run();
}

auto contacts_coverage(const timeline& t, const actor_id& person, const meet_options& opt)
    -> coverage_verdict {
  question q{.what = asked::contacts, .calls = opt.calls};
  add_person(t, person, q);
  window_of(t, opt.after, detail::day_before(opt.before), q);
  q.places = {{spot::kind::home, 0}, {spot::kind::elsewhere, 0}};
  return judge(t, std::move(q)).run();
}

auto day_coverage(const timeline& t, date::sys_days day) -> coverage_verdict {
  question q{.what = asked::everyone};
  window_of(t, day, day, q);
  q.places = {{spot::kind::elsewhere, 0}};
  return judge(t, std::move(q)).run();
}

}  // namespace diplo
