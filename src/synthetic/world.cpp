// SPDX-License-Identifier: MIT
// The synthetic world generator (diplo/synthetic.h).

#include "diplo/synthetic.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>

#include "diplo/country.h"
#include "diplo/detail/slug.h"
#include "diplo/error.h"
#include "diplo/partial_date.h"
#include "diplo/period.h"

namespace diplo::synthetic {

namespace {

// --- randomness: splitmix64 seeds xoshiro256** (both public domain, Vigna) ----------------

auto splitmix64(std::uint64_t& x) -> std::uint64_t {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31U);
}

class rng {
 public:
  explicit rng(std::uint64_t seed) {
    for (auto& w : s_) w = splitmix64(seed);
  }
  auto next() -> std::uint64_t {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17U;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  /// A number in [0, n), n > 0. The modulo bias (n / 2^64) is far below anything measured.
  auto below(std::uint64_t n) -> std::uint64_t { return next() % n; }
  /// True with probability per_mille / 1000.
  auto chance(std::uint64_t per_mille) -> bool { return below(1000) < per_mille; }
  template <class T, std::size_t N>
  auto pick(const std::array<T, N>& a) -> const T& {
    return a[below(N)];
  }

 private:
  static auto rotl(std::uint64_t x, int k) -> std::uint64_t { return (x << k) | (x >> (64 - k)); }
  std::array<std::uint64_t, 4> s_{};
};

/// Draws indices 0..n-1 with weight 2^32 / (rank + offset) (Zipf-Mandelbrot with exponent 1),
/// the ranks shuffled over the indices: integer arithmetic only, so identical everywhere.
class zipf {
 public:
  zipf(std::size_t n, std::uint64_t offset, rng& r) : order_(n), cumulative_(n) {
    for (std::size_t i = 0; i < n; ++i) order_[i] = static_cast<std::uint32_t>(i);
    for (std::size_t i = n; i > 1; --i) std::swap(order_[i - 1], order_[r.below(i)]);
    std::uint64_t sum = 0;
    for (std::size_t k = 0; k < n; ++k) {
      sum += (std::uint64_t{1} << 32U) / (k + offset);
      cumulative_[k] = sum;
    }
  }
  auto draw(rng& r) const -> std::uint32_t {
    const std::uint64_t u = r.below(cumulative_.back());
    const auto k = std::upper_bound(cumulative_.begin(), cumulative_.end(), u) - cumulative_.begin();
    return order_[static_cast<std::size_t>(k)];
  }

 private:
  std::vector<std::uint32_t> order_;
  std::vector<std::uint64_t> cumulative_;
};

// --- text -----------------------------------------------------------------------------

struct word {
  std::string_view text;
  std::string_view slug;
};

constexpr std::array<word, 56> given_names{{
    {"Amara", "amara"},       {"José", "jose"},           {"Li", "li"},
    {"Mehmet", "mehmet"},     {"Olga", "olga"},           {"Kwame", "kwame"},
    {"Ingrid", "ingrid"},     {"Rahul", "rahul"},         {"Sofía", "sofia"},
    {"Tomasz", "tomasz"},     {"Aiko", "aiko"},           {"Fatima", "fatima"},
    {"Jean-Luc", "jean-luc"}, {"Nguyen", "nguyen"},       {"Hamid", "hamid"},
    {"Björn", "bjorn"},       {"Chiara", "chiara"},       {"Dmitri", "dmitri"},
    {"Esther", "esther"},     {"Farid", "farid"},         {"Gabriela", "gabriela"},
    {"Hiroshi", "hiroshi"},   {"Ismail", "ismail"},       {"Jana", "jana"},
    {"Kofi", "kofi"},         {"Leïla", "leila"},         {"Mateus", "mateus"},
    {"Nadia", "nadia"},       {"Oleksandr", "oleksandr"}, {"Priya", "priya"},
    {"Quentin", "quentin"},   {"Rosa", "rosa"},           {"Sipho", "sipho"},
    {"Tariq", "tariq"},       {"Ursula", "ursula"},       {"Víctor", "victor"},
    {"Wei", "wei"},           {"Ximena", "ximena"},       {"Yusuf", "yusuf"},
    {"Zanele", "zanele"},     {"Andrés", "andres"},       {"Beatriz", "beatriz"},
    {"Carlos", "carlos"},     {"Dagny", "dagny"},         {"Emeka", "emeka"},
    {"François", "francois"}, {"Giorgi", "giorgi"},       {"Helga", "helga"},
    {"Ilhan", "ilhan"},       {"Juma", "juma"},           {"Karin", "karin"},
    {"Lars", "lars"},         {"Mariam", "mariam"},       {"Narendra", "narendra"},
    {"Ömer", "omer"},         {"Patrice", "patrice"},
}};

constexpr std::array<word, 64> family_names{{
    {"Okafor", "okafor"},
    {"García", "garcia"},
    {"Wang", "wang"},
    {"Yılmaz", "yilmaz"},
    {"Ivanova", "ivanova"},
    {"Mensah", "mensah"},
    {"Lindqvist", "lindqvist"},
    {"Sharma", "sharma"},
    {"Fernández", "fernandez"},
    {"Kowalski", "kowalski"},
    {"Tanaka", "tanaka"},
    {"Haddad", "haddad"},
    {"Dubois", "dubois"},
    {"Tran", "tran"},
    {"Rahimi", "rahimi"},
    {"Johansson", "johansson"},
    {"Rossi", "rossi"},
    {"Sokolov", "sokolov"},
    {"Cohen", "cohen"},
    {"Karimi", "karimi"},
    {"Silva", "silva"},
    {"Nakamura", "nakamura"},
    {"Demir", "demir"},
    {"Nováková", "novakova"},
    {"Boateng", "boateng"},
    {"Benali", "benali"},
    {"Pereira", "pereira"},
    {"Hassan", "hassan"},
    {"Shevchenko", "shevchenko"},
    {"Patel", "patel"},
    {"Lefèvre", "lefevre"},
    {"Morales", "morales"},
    {"Dlamini", "dlamini"},
    {"Aziz", "aziz"},
    {"Schmidt", "schmidt"},
    {"Rodríguez", "rodriguez"},
    {"Chen", "chen"},
    {"Castillo", "castillo"},
    {"Öztürk", "ozturk"},
    {"Ndlovu", "ndlovu"},
    {"Moreno", "moreno"},
    {"Alves", "alves"},
    {"Herrera", "herrera"},
    {"Eriksen", "eriksen"},
    {"Adeyemi", "adeyemi"},
    {"Laurent", "laurent"},
    {"Beridze", "beridze"},
    {"Müller", "muller"},
    {"Çelik", "celik"},
    {"Mwangi", "mwangi"},
    {"Berg", "berg"},
    {"Nielsen", "nielsen"},
    {"Khalil", "khalil"},
    {"Modi", "modi"},
    {"Kaya", "kaya"},
    {"Mbeki", "mbeki"},
    {"Zhou", "zhou"},
    {"Popescu", "popescu"},
    {"Horvát", "horvat"},
    {"Santos", "santos"},
    {"Virtanen", "virtanen"},
    {"Kim", "kim"},
    {"Park", "park"},
    {"Suzuki", "suzuki"},
}};

constexpr std::array<std::string_view, 16> city_starts{
    "Port ", "San ", "New ", "Nova ", "Saint-", "", "", "", "", "", "", "", "", "", "", ""};
constexpr std::array<std::string_view, 24> city_roots{
    "Kasim", "Aler", "Vel", "Tamar", "Orus", "Bel",  "Nadir", "Kor",  "Lum",  "Sar", "Mira", "Dov",
    "Ester", "Rhen", "Zan", "Qad",   "Pol",  "Ilia", "Marak", "Tesh", "Ulan", "Gor", "Sev",  "Anta"};
constexpr std::array<std::string_view, 16> city_ends{"bo",   "ia",  "grad", "pur", "ville", "stad",
                                                     "abad", "ona", "ek",   "ari", "heim",  "polis",
                                                     "os",   "an",  "ium",  "ara"};

constexpr std::array<std::string_view, 6> office_titles{"President",      "Prime Minister", "President",
                                                        "Prime Minister", "Chancellor",     "Head of State"};

constexpr std::array<std::string_view, 16> series_names{
    "G20",   "BRICS", "SCO", "ASEAN",    "APEC",   "African Union",  "Commonwealth", "NATO",
    "CELAC", "G7",    "OIC", "Mercosur", "ECOWAS", "Nordic Council", "Arab League",  "CICA"};

struct publisher {
  std::string_view name;
  std::string_view domain;
};
constexpr std::array<publisher, 14> publishers{{
    {"Reuters", "www.reuters.com/world"},
    {"Associated Press", "apnews.com/article"},
    {"Agence France-Presse", "www.afp.com/en/news"},
    {"Xinhua", "english.news.cn"},
    {"TASS", "tass.com/politics"},
    {"BBC News", "www.bbc.com/news"},
    {"Kyodo News", "english.kyodonews.net/news"},
    {"Anadolu Agency", "www.aa.com.tr/en/politics"},
    {"Al Jazeera", "www.aljazeera.com/news"},
    {"Deutsche Welle", "www.dw.com/en"},
    {"The Hindu", "www.thehindu.com/news/international"},
    {"Le Monde", "www.lemonde.fr/en/international/article"},
    {"El País", "english.elpais.com/international"},
    {"Yonhap", "en.yna.co.kr/view"},
}};

constexpr std::array<std::string_view, 10> descriptions{
    "Talks on trade, energy and security cooperation.",
    "The leaders signed agreements on investment and transport links.",
    "Discussions focused on the regional security situation.",
    "A joint statement on climate and development was adopted.",
    "The visit marked the anniversary of diplomatic relations.",
    "Agreements on education and cultural exchange were signed.",
    "The two sides discussed debt relief and infrastructure financing.",
    "Talks covered migration, border management and customs.",
    "The leaders reviewed progress on a free-trade negotiation.",
    "Health cooperation and vaccine supply were on the agenda.",
};

auto ordinal(std::size_t n) -> std::string {
  const std::size_t tens = n % 100;
  std::string_view suffix = "th";
  if (tens < 11 || tens > 13) {
    if (n % 10 == 1) suffix = "st";
    if (n % 10 == 2) suffix = "nd";
    if (n % 10 == 3) suffix = "rd";
  }
  return fmt::format("{}{}", n, suffix);
}

auto base36(std::uint64_t n) -> std::string {
  std::string s;
  do {
    s += "0123456789abcdefghijklmnopqrstuvwxyz"[n % 36];
    n /= 36;
  } while (n != 0);
  std::reverse(s.begin(), s.end());
  return s;
}

auto day_of(std::int32_t d) -> date::year_month_day {
  return date::year_month_day{date::sys_days{date::days{d}}};
}

auto iso(std::int32_t d) -> std::string {
  const auto ymd = day_of(d);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

auto day_number(date::year_month_day ymd) -> std::int32_t {
  return static_cast<std::int32_t>(date::sys_days{ymd}.time_since_epoch().count());
}

// --- the world ----------------------------------------------------------------------------

struct country_data {
  country_code code;
  std::string name;
  std::string title;
  std::vector<std::string> cities;
  std::vector<std::int32_t> term_start;  // per leader, day numbers
  std::vector<std::int32_t> term_end;    // inclusive
  std::vector<actor_id> leaders;
  std::vector<std::string> leader_names;
};

void check(const options& o) {
  if (o.countries < 5 || o.countries > 200) {
    throw error(fmt::format("[diplo.synthetic] countries must be 5..200, not {}", o.countries));
  }
  if (o.leaders_per_country == 0) throw error("[diplo.synthetic] leaders_per_country must be at least 1");
  if (o.last_year < o.first_year || o.first_year < 1000 || o.last_year > 9000) {
    throw error(fmt::format("[diplo.synthetic] bad years {}..{}", o.first_year, o.last_year));
  }
}

class world {
 public:
  explicit world(const options& o)
      : o_(o),
        first_day_(day_number(date::year{o.first_year} / date::January / 1)),
        last_day_(day_number(date::year{o.last_year} / date::December / 31)) {
    check(o);
    rng r(o.seed ^ 0x6163746F72730000ULL);  // "actors"
    std::vector<std::string> used_ids;
    for (const country_info& c : countries()) {
      if (c.former || c.user_assigned) continue;
      if (countries_.size() == o.countries) break;
      country_data cd;
      cd.code = c.code;
      cd.name = std::string(c.short_name);
      cd.title = std::string(r.pick(office_titles));
      const std::size_t ncities = 3 + r.below(4);
      for (std::size_t k = 0; k < ncities; ++k) {
        // One draw per statement: the order of evaluation of operands is unspecified.
        std::string city(r.pick(city_starts));
        city += r.pick(city_roots);
        city += r.pick(city_ends);
        if (std::find(cd.cities.begin(), cd.cities.end(), city) == cd.cities.end()) {
          cd.cities.push_back(std::move(city));
        }
      }
      const std::size_t lpc = o.leaders_per_country;
      std::size_t n = lpc + r.below(5);
      n = n > 2 ? n - 2 : 1;
      // Consecutive terms: lengths in proportion to random weights, the last one to the end.
      std::vector<std::uint64_t> w(n);
      std::uint64_t total = 0;
      for (auto& x : w) total += (x = 400 + r.below(1600));
      const auto days = static_cast<std::uint64_t>(last_day_ - first_day_) + 1;  // last_day_ >= first_day_
      std::int32_t start = first_day_;
      for (std::size_t k = 0; k < n; ++k) {
        std::int32_t end =
            k + 1 == n ? last_day_ : start + static_cast<std::int32_t>(days * w[k] / total) - 1;
        end = std::min(std::max(end, start), last_day_);
        cd.term_start.push_back(start);
        cd.term_end.push_back(end);
        start = end + 1;
        if (start > last_day_) break;
      }
      const std::string cc = detail::slug(c.code.alpha2());
      for (std::size_t k = 0; k < cd.term_start.size(); ++k) {
        const word& g = r.pick(given_names);
        const word& f = r.pick(family_names);
        std::string id = fmt::format("{}-{}-{}", g.slug, f.slug, cc);
        if (std::find(used_ids.begin(), used_ids.end(), id) != used_ids.end()) {
          id += fmt::format("-{}", k + 1);
        }
        used_ids.push_back(id);
        cd.leaders.emplace_back(std::move(id));
        cd.leader_names.push_back(fmt::format("{} {}", g.text, f.text));
      }
      countries_.push_back(std::move(cd));
    }
    if (countries_.size() < o.countries) throw error("[diplo.synthetic] not enough countries");
  }

  auto actors() const -> actor_registry {
    actor_registry reg;
    rng r(o_.seed ^ 0x77696B6964617461ULL);  // "wikidata"
    for (const country_data& c : countries_) {
      for (std::size_t k = 0; k < c.leaders.size(); ++k) {
        person p;
        p.id = c.leaders[k];
        p.name = c.leader_names[k];
        p.wikidata = fmt::format("Q{}", 100'000 + r.below(90'000'000));
        p.country = c.code;
        p.offices.push_back({c.title, c.code,
                             period::days(date::sys_days{date::days{c.term_start[k]}},
                                          date::sys_days{date::days{c.term_end[k]}})});
        reg.add(std::move(p));
      }
    }
    return reg;
  }

  void events(const std::function<void(event&&)>& sink) {
    rng r(o_.seed);
    const std::size_t nc = countries_.size();
    std::vector<std::pair<std::uint16_t, std::uint16_t>> pairs;
    for (std::size_t i = 0; i < nc; ++i) {
      for (std::size_t j = i + 1; j < nc; ++j) {
        pairs.emplace_back(static_cast<std::uint16_t>(i), static_cast<std::uint16_t>(j));
      }
    }
    const zipf pair_draw(pairs.size(), 20, r);
    const zipf country_draw(nc, 10, r);
    std::vector<std::size_t> series_count(series_names.size(), 0);

    emitted_ = 0;
    sink_ = &sink;
    while (emitted_ < o_.events) {
      const auto k = r.below(75);
      if (k < 60) {
        auto [a, b] = pairs[pair_draw.draw(r)];
        if (r.below(2) == 1) std::swap(a, b);
        make_visit(r, a, b);
      } else if (k < 70) {
        make_summit(r, country_draw, series_count);
      } else {
        auto [a, b] = pairs[pair_draw.draw(r)];
        if (r.below(2) == 1) std::swap(a, b);
        make_call(r, a, b);
      }
    }
  }

 private:
  struct span {
    std::int32_t first;
    std::int32_t last;  // inclusive
  };

  auto leader_at(std::size_t c, std::int32_t d) const -> std::size_t {
    const auto& s = countries_[c].term_start;
    return static_cast<std::size_t>(std::upper_bound(s.begin(), s.end(), d) - s.begin()) - 1;
  }

  auto random_start(rng& r, std::int32_t length) const -> std::int32_t {
    return first_day_ + static_cast<std::int32_t>(
                            r.below(static_cast<std::uint64_t>(last_day_ - first_day_ + 2 - length)));
  }

  /// Fits [d, d + length) into the terms of the leaders in office in countries a, b on day d:
  /// moves it earlier if a term ends first. nullopt when it cannot fit.
  auto fit(std::int32_t d, std::int32_t length, std::size_t a, std::size_t b) const -> std::optional<span> {
    const auto la = leader_at(a, d);
    const auto lb = leader_at(b, d);
    const std::int32_t lo = std::max(countries_[a].term_start[la], countries_[b].term_start[lb]);
    const std::int32_t hi = std::min(countries_[a].term_end[la], countries_[b].term_end[lb]);
    if (d + length - 1 > hi) d = hi - length + 1;
    if (d < lo) return std::nullopt;
    return span{d, d + length - 1};
  }

  /// The event's period: mostly exact days; sometimes (per mille) the month or the year of
  /// its start, when that lies within both leaders' terms.
  auto when(rng& r, span s, std::size_t a, std::size_t b, bool partial_allowed) const -> period {
    const auto ymd = day_of(s.first);
    if (partial_allowed) {
      const auto roll = r.below(100);
      auto inside = [&](std::int32_t lo, std::int32_t hi) {
        const auto la = leader_at(a, s.first);
        const auto lb = leader_at(b, s.first);
        return lo >= std::max(countries_[a].term_start[la], countries_[b].term_start[lb]) &&
               hi <= std::min(countries_[a].term_end[la], countries_[b].term_end[lb]);
      };
      if (roll < 3) {
        const date::year_month ym{ymd.year(), ymd.month()};
        if (inside(day_number(ym / date::day{1}), day_number(ym / date::last))) {
          return period(partial_date(ym));
        }
      } else if (roll < 4) {
        if (inside(day_number(ymd.year() / date::January / 1),
                   day_number(ymd.year() / date::December / 31))) {
          return period(partial_date(ymd.year()));
        }
      }
    }
    return period::days(date::sys_days{date::days{s.first}}, date::sys_days{date::days{s.last}});
  }

  auto leader(std::size_t c, std::int32_t d) const -> const actor_id& {
    return countries_[c].leaders[leader_at(c, d)];
  }
  auto leader_name(std::size_t c, std::int32_t d) const -> const std::string& {
    return countries_[c].leader_names[leader_at(c, d)];
  }

  auto make_id(std::int32_t d, std::string_view where, std::string_view kind) -> std::string {
    return fmt::format("{}-{}-{}-{}", iso(d), detail::slug(where), kind, base36(serial_++));
  }

  void add_sources(rng& r, event_base& b, std::int32_t d, const std::string& headline) {
    const std::size_t n = r.chance(333) ? 2 : 1;
    const auto ymd = day_of(d);
    for (std::size_t k = 0; k < n; ++k) {
      const publisher& p = r.pick(publishers);
      source s;
      s.publisher = std::string(p.name);
      s.title = headline;
      s.url = fmt::format("https://{}/{:04}/{:02}/{:02}/{}-{}", p.domain, static_cast<int>(ymd.year()),
                          static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                          detail::slug(headline), base36(r.below(1'000'000'000)));
      if (r.chance(700)) {
        s.published = partial_date(day_of(std::min(d + static_cast<std::int32_t>(r.below(2)), last_day_)));
      }
      b.sources.push_back(std::move(s));
    }
    if (r.chance(250)) b.description = std::string(r.pick(descriptions));
  }

  void emit(event&& e) {
    ++emitted_;
    (*sink_)(std::move(e));
  }

  void make_visit(rng& r, std::size_t guest, std::size_t host) {
    const auto length = static_cast<std::int32_t>(1 + r.below(4));
    std::optional<span> s;
    while (!(s = fit(random_start(r, length), length, guest, host))) {
    }
    const country_data& hc = countries_[host];
    visit v;
    v.when = when(r, *s, guest, host, true);
    v.guests.push_back(leader(guest, s->first));
    v.host = leader(host, s->first);
    v.host_country = hc.code;
    constexpr std::array<visit_level, 20> levels{
        visit_level::state,       visit_level::state,         visit_level::state,
        visit_level::state,       visit_level::state,         visit_level::official,
        visit_level::official,    visit_level::official,      visit_level::official,
        visit_level::official,    visit_level::working,       visit_level::working,
        visit_level::working,     visit_level::working,       visit_level::working,
        visit_level::working,     visit_level::private_visit, visit_level::unspecified,
        visit_level::unspecified, visit_level::unspecified};
    v.level = r.pick(levels);
    v.cities.push_back(hc.cities[r.below(hc.cities.size())]);
    if (r.chance(200)) {
      const std::string& second = hc.cities[r.below(hc.cities.size())];
      if (second != v.cities.front()) v.cities.push_back(second);
    }
    v.place.city = v.cities.front();
    v.place.country = hc.code;
    if (r.chance(10)) v.status = status::cancelled;
    v.id = event_id{make_id(s->first, v.place.city, "visit")};
    std::string headline =
        v.level == visit_level::unspecified
            ? fmt::format("{} arrives in {} for talks with {}", leader_name(guest, s->first), v.place.city,
                          leader_name(host, s->first))
            : fmt::format("{} begins {} visit to {}", leader_name(guest, s->first), name(v.level), hc.name);
    add_sources(r, v, s->first, headline);
    emit(std::move(v));
  }

  void make_call(rng& r, std::size_t a, std::size_t b) {
    const std::int32_t d = random_start(r, 1);
    meeting m;
    m.when = when(r, span{d, d}, a, b, true);
    m.participants = {leader(a, d), leader(b, d)};
    m.mode = r.chance(700) ? meeting_mode::phone : meeting_mode::video;
    m.id = event_id{make_id(d, countries_[a].name, "call")};
    add_sources(r, m, d,
                fmt::format("{} holds {} call with {}", leader_name(a, d),
                            m.mode == meeting_mode::phone ? "phone" : "video", leader_name(b, d)));
    emit(std::move(m));
  }

  void make_summit(rng& r, const zipf& country_draw, std::vector<std::size_t>& series_count) {
    const auto length = static_cast<std::int32_t>(1 + r.below(3));
    std::size_t host = 0;
    std::optional<span> s;
    do {
      host = country_draw.draw(r);
      s = fit(random_start(r, length), length, host, host);
    } while (!s);
    const std::size_t wanted = std::min<std::size_t>(5 + r.below(36), countries_.size());
    std::vector<std::size_t> members{host};
    // Zipf-like attendance; at least 5 unless the world is too small to gather them.
    for (std::size_t tries = 0;
         members.size() < wanted && (tries < 8 * wanted || members.size() < 5) && tries < 100 * wanted;
         ++tries) {
      const std::size_t c = country_draw.draw(r);
      if (std::find(members.begin(), members.end(), c) != members.end()) continue;
      const auto l = leader_at(c, s->first);
      if (countries_[c].term_end[l] < s->last) continue;  // leaves office during the summit
      members.push_back(c);
    }
    const country_data& hc = countries_[host];
    const std::size_t series = r.below(series_names.size());
    summit sm;
    sm.when = period::days(date::sys_days{date::days{s->first}}, date::sys_days{date::days{s->last}});
    sm.series = std::string(series_names[series]);
    sm.name = fmt::format("{} {} summit", ordinal(++series_count[series]), sm.series);
    sm.host_country = hc.code;
    sm.host = leader(host, s->first);
    for (std::size_t k = 1; k < members.size(); ++k) sm.attendees.push_back(leader(members[k], s->first));
    sm.place.city = hc.cities[r.below(hc.cities.size())];
    sm.place.country = hc.code;
    sm.id = event_id{make_id(s->first, sm.place.city, "summit")};
    add_sources(r, sm, s->first, fmt::format("Leaders gather in {} for the {}", sm.place.city, sm.name));
    const event_id parent = sm.id;
    const diplo::place where = sm.place;
    emit(std::move(sm));

    // The sideline meetings: 0-5 distinct pairs of participants, on one of the summit's days.
    const std::size_t talks = members.size() < 2 ? 0 : r.below(6);
    std::vector<std::pair<std::size_t, std::size_t>> held;
    for (std::size_t k = 0; k < talks && emitted_ < o_.events; ++k) {
      std::size_t x = r.below(members.size());
      std::size_t y = r.below(members.size() - 1);
      if (y >= x) ++y;
      if (x > y) std::swap(x, y);
      if (std::find(held.begin(), held.end(), std::pair{x, y}) != held.end()) continue;
      held.emplace_back(x, y);
      const std::int32_t d =
          s->first + static_cast<std::int32_t>(r.below(static_cast<std::uint64_t>(length)));
      meeting m;
      m.when = period::days(date::sys_days{date::days{d}}, date::sys_days{date::days{d}});
      m.participants = {leader(members[x], d), leader(members[y], d)};
      m.parent = parent;
      m.place = where;
      m.id = event_id{make_id(d, where.city, "talks")};
      add_sources(r, m, d,
                  fmt::format("{} and {} hold talks on the sidelines of the summit in {}",
                              leader_name(members[x], d), leader_name(members[y], d), where.city));
      emit(std::move(m));
    }
  }

  options o_;
  std::int32_t first_day_;
  std::int32_t last_day_;
  std::vector<country_data> countries_;
  std::uint64_t serial_ = 0;
  std::size_t emitted_ = 0;
  const std::function<void(event&&)>* sink_ = nullptr;
};

}  // namespace

auto generate_actors(const options& o) -> actor_registry { return world(o).actors(); }

void generate_events(const options& o, const std::function<void(event&&)>& sink) { world(o).events(sink); }

auto generate(const options& o) -> io::document {
  world w(o);
  io::document doc;
  doc.info.title = fmt::format("synthetic world (seed {}, {} events)", o.seed, o.events);
  doc.actors = w.actors();
  doc.events.reserve(o.events);
  w.events([&](event&& e) { doc.events.push_back(std::move(e)); });
  return doc;
}

}  // namespace diplo::synthetic
