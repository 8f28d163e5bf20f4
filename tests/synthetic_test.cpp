// SPDX-License-Identifier: MIT
#include <diplo/synthetic.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <variant>

#include <gtest/gtest.h>

#include <diplo/io/document.h>
#include <diplo/io/jsonl.h>
#include <diplo/query.h>
#include <diplo/timeline.h>

namespace {

using diplo::synthetic::options;

auto fnv1a(std::string_view s, std::uint64_t h = 0xcbf29ce484222325ULL) -> std::uint64_t {
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// A digest of what the generator decides (ids, days, people, countries, texts), independent
// of how the writers format it: pinned below, so that a compiler, a standard library or a
// platform that generated another world would fail.
auto digest(const diplo::io::document& doc) -> std::uint64_t {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const auto& a : doc.actors.actors()) {
    const auto& p = std::get<diplo::person>(a);
    h = fnv1a(p.id.value(), h);
    h = fnv1a(p.name, h);
    h = fnv1a(p.wikidata, h);
    for (const auto& o : p.offices) {
      h = fnv1a(fmt::format("{}|{}|{}", o.title, o.country, o.term), h);
    }
  }
  for (const auto& e : doc.events) {
    const auto& b = diplo::base(e);
    h = fnv1a(fmt::format("{}|{}|{}|{}|{}|{}|{}", e.index(), b.id, b.when, b.place.city, diplo::country_of(e),
                          b.description, diplo::name(b.status)),
              h);
    for (const auto& a : diplo::participants(e)) h = fnv1a(a.value(), h);
    for (const auto& s : b.sources) {
      h = fnv1a(fmt::format("{}|{}|{}|{}", s.url, s.publisher, s.title,
                            s.published ? s.published->to_edtf() : std::string()),
                h);
    }
    if (b.parent) h = fnv1a(b.parent->value(), h);
    if (const auto* s = std::get_if<diplo::summit>(&e)) h = fnv1a(s->name, h);
    if (const auto* v = std::get_if<diplo::visit>(&e)) {
      h = fnv1a(diplo::name(v->level), h);
      for (const auto& c : v->cities) h = fnv1a(c, h);
    }
    if (const auto* m = std::get_if<diplo::meeting>(&e)) h = fnv1a(diplo::name(m->mode), h);
  }
  return h;
}

TEST(Synthetic, GeneratesExactlyTheEventsAsked) {
  for (std::size_t n : {0, 1, 2, 7, 500}) {
    auto doc = diplo::synthetic::generate({.events = n, .seed = 3, .countries = 20});
    EXPECT_EQ(doc.events.size(), n);
  }
}

TEST(Synthetic, SameSeedSameWorld) {
  const options o{.events = 3000, .seed = 11};
  auto a = diplo::synthetic::generate(o);
  auto b = diplo::synthetic::generate(o);
  EXPECT_TRUE(a.events == b.events);
  EXPECT_EQ(digest(a), digest(b));
  const std::string ja = diplo::io::to_jsonl(diplo::io::build(std::move(a)));
  const std::string jb = diplo::io::to_jsonl(diplo::io::build(std::move(b)));
  EXPECT_EQ(fnv1a(ja), fnv1a(jb));
  EXPECT_EQ(ja.size(), jb.size());

  auto c = diplo::synthetic::generate({.events = 3000, .seed = 12});
  EXPECT_NE(fnv1a(diplo::io::to_jsonl(diplo::io::build(std::move(c)))), fnv1a(ja));
}

TEST(Synthetic, StreamingGivesTheDocumentsEvents) {
  const options o{.events = 800, .seed = 5, .countries = 30};
  const auto doc = diplo::synthetic::generate(o);
  std::vector<diplo::event> streamed;
  diplo::synthetic::generate_events(o, [&](diplo::event&& e) { streamed.push_back(std::move(e)); });
  EXPECT_TRUE(streamed == doc.events);
  const auto actors = diplo::synthetic::generate_actors(o);
  ASSERT_EQ(actors.size(), doc.actors.size());
  EXPECT_TRUE(std::equal(actors.actors().begin(), actors.actors().end(), doc.actors.actors().begin()));
}

// Pins the world itself: the same with g++ 12 and clang 14 (checked), any standard library and
// platform (no unspecified evaluation order, no std:: distributions, no floating point).
TEST(Synthetic, WorldIsPinned) {
  const auto doc = diplo::synthetic::generate({.events = 2000, .seed = 2025});
  EXPECT_EQ(digest(doc), 0x898ee44d1c3aa000ULL) << fmt::format("{:#x}", digest(doc));
}

TEST(Synthetic, TwoHundredCountriesAboutTenLeadersEach) {
  const auto actors = diplo::synthetic::generate_actors({});
  std::map<std::string, std::vector<const diplo::person*>> by_country;
  for (const auto& a : actors.actors()) {
    const auto* p = std::get_if<diplo::person>(&a);
    ASSERT_TRUE(p);
    ASSERT_EQ(p->offices.size(), 1U);
    EXPECT_EQ(p->offices[0].country, p->country);
    by_country[std::string(p->country.alpha2())].push_back(p);
  }
  EXPECT_EQ(by_country.size(), 200U);
  EXPECT_GT(actors.size(), 1900U);
  EXPECT_LT(actors.size(), 2100U);
  using namespace date::literals;
  for (const auto& [cc, leaders] : by_country) {
    EXPECT_GE(leaders.size(), 8U) << cc;
    EXPECT_LE(leaders.size(), 12U) << cc;
    // Consecutive terms from 1 January 1950 to 31 December 2025, no gap, no overlap.
    EXPECT_EQ(leaders.front()->offices[0].term.earliest_start(), date::sys_days{1950_y / 1 / 1});
    EXPECT_EQ(leaders.back()->offices[0].term.latest_end(), date::sys_days{2026_y / 1 / 1});
    for (std::size_t k = 1; k < leaders.size(); ++k) {
      EXPECT_EQ(leaders[k]->offices[0].term.earliest_start(), leaders[k - 1]->offices[0].term.latest_end())
          << cc;
    }
  }
}

struct SyntheticWorld : ::testing::Test {
  static auto doc() -> const diplo::io::document& {
    static const diplo::io::document d = diplo::synthetic::generate({.events = 10'000, .seed = 99});
    return d;
  }
};

TEST_F(SyntheticWorld, EveryoneIsInOfficeOnTheEventsDays) {
  const auto& d = doc();
  std::size_t checked = 0;
  for (const auto& e : d.events) {
    const auto& when = diplo::base(e).when;
    for (const auto& a : diplo::participants(e)) {
      const diplo::person* p = d.actors.person_of(a);
      ASSERT_TRUE(p) << a.value();
      const auto& term = p->offices.at(0).term;
      EXPECT_LE(term.earliest_start(), when.earliest_start()) << diplo::base(e).id.value();
      EXPECT_GE(term.latest_end(), when.latest_end()) << diplo::base(e).id.value();
      ++checked;
    }
  }
  EXPECT_GT(checked, 2 * d.events.size());
}

TEST_F(SyntheticWorld, MixOfKindsAsSpecified) {
  const auto& d = doc();
  std::size_t visits = 0, summits = 0, sideline = 0, calls = 0, other = 0;
  std::size_t month = 0, year = 0, cancelled = 0;
  std::map<std::string, const diplo::summit*> summit_of;
  for (const auto& e : d.events) {
    if (const auto* s = std::get_if<diplo::summit>(&e)) summit_of[s->id.value()] = s;
  }
  for (const auto& e : d.events) {
    const auto& b = diplo::base(e);
    const auto n = diplo::participants(e).size();
    if (const auto* v = std::get_if<diplo::visit>(&e)) {
      ++visits;
      EXPECT_EQ(n, 2U);
      EXPECT_EQ(v->host_country, b.place.country);
      if (b.when.is_exact()) {
        const auto days = (b.when.latest_end() - b.when.earliest_start()).count();
        EXPECT_GE(days, 1);
        EXPECT_LE(days, 4);
      }
    } else if (std::holds_alternative<diplo::summit>(e)) {
      ++summits;
      EXPECT_GE(n, 5U);
      EXPECT_LE(n, 40U);
    } else if (const auto* m = std::get_if<diplo::meeting>(&e)) {
      EXPECT_EQ(n, 2U);
      if (m->mode == diplo::meeting_mode::in_person) {
        ++sideline;
        ASSERT_TRUE(b.parent.has_value());
        const auto it = summit_of.find(b.parent->value());
        ASSERT_NE(it, summit_of.end()) << b.id.value();
        const auto people = diplo::participants(diplo::event(*it->second));
        for (const auto& a : m->participants) {
          EXPECT_NE(std::find(people.begin(), people.end(), a), people.end()) << b.id.value();
        }
      } else {
        ++calls;
        EXPECT_FALSE(b.parent.has_value());
      }
    } else {
      ++other;
    }
    if (b.when.first()->precision() == diplo::precision::month) ++month;
    if (b.when.first()->precision() == diplo::precision::year) ++year;
    if (b.status == diplo::status::cancelled) ++cancelled;
    EXPECT_FALSE(b.sources.empty());
  }
  const double n = static_cast<double>(d.events.size());
  EXPECT_NEAR(static_cast<double>(visits) / n, 0.60, 0.03);
  EXPECT_NEAR(static_cast<double>(sideline) / n, 0.25, 0.03);
  EXPECT_NEAR(static_cast<double>(summits) / n, 0.10, 0.02);
  EXPECT_NEAR(static_cast<double>(calls) / n, 0.05, 0.015);
  EXPECT_EQ(other, 0U);
  // ~3% and ~1% of visits and calls (fewer where a term ends within the month or year).
  EXPECT_GT(month, static_cast<std::size_t>(0.01 * n));
  EXPECT_LT(month, static_cast<std::size_t>(0.03 * n));
  EXPECT_GT(year, static_cast<std::size_t>(0.002 * n));
  EXPECT_LT(year, static_cast<std::size_t>(0.01 * n));
  EXPECT_GT(cancelled, 0U);
}

TEST_F(SyntheticWorld, CountryPairsAreZipfLike) {
  std::map<std::pair<std::string, std::string>, std::size_t> count;
  std::size_t bilateral = 0;
  for (const auto& e : doc().events) {
    if (std::holds_alternative<diplo::summit>(e) || diplo::base(e).parent) continue;
    auto people = diplo::participants(e);
    std::string a(doc().actors.person_of(people[0])->country.alpha2());
    std::string b(doc().actors.person_of(people[1])->country.alpha2());
    if (b < a) std::swap(a, b);
    ++count[{a, b}];
    ++bilateral;
  }
  std::vector<std::size_t> sizes;
  for (const auto& [k, c] : count) sizes.push_back(c);
  std::sort(sizes.rbegin(), sizes.rend());
  // A few pairs meet very often, most rarely: the top pair holds about 0.7% of them, far
  // more than the mean over all 19,900 pairs, and the top 1% of pairs hold about a fifth.
  EXPECT_GT(sizes.front(), bilateral / 300);
  EXPECT_GT(sizes.front(), 50 * bilateral / 19'900);
  std::size_t top = 0;
  for (std::size_t k = 0; k < 199 && k < sizes.size(); ++k) top += sizes[k];
  EXPECT_GT(top, bilateral / 8);
  EXPECT_GT(count.size(), 3000U);  // but many pairs meet
}

TEST_F(SyntheticWorld, BuildsCleanlyAndRoundTripsThroughJsonLines) {
  diplo::io::document copy = doc();
  const diplo::timeline t = diplo::io::build(std::move(copy));  // throws on any error
  EXPECT_EQ(t.size(), doc().events.size());
  const std::string text = diplo::io::to_jsonl(t);
  const diplo::timeline back = diplo::io::build(diplo::io::read_jsonl(text, "world.jsonl"));
  ASSERT_EQ(back.size(), t.size());
  for (std::size_t i = 0; i < t.size(); ++i) EXPECT_EQ(back.at(i).value(), t.at(i).value()) << i;
  EXPECT_EQ(diplo::io::to_jsonl(back), text);
}

TEST_F(SyntheticWorld, QueriesFindTheWorldsMeetings) {
  diplo::io::document copy = doc();
  const diplo::timeline t = diplo::io::build(std::move(copy));
  // The participants of a sideline meeting last met there (or later) before the day after.
  std::size_t checked = 0;
  for (const auto& e_ref : t.events()) {
    const auto e = e_ref.value();
    const auto* m = std::get_if<diplo::meeting>(&e);
    if (m == nullptr || !diplo::base(e).parent || ++checked > 50) continue;
    const auto after = diplo::base(e).when.latest_end();
    auto r = diplo::last_meeting(t, m->participants[0], m->participants[1], {.before = after});
    ASSERT_TRUE(r.has_value());
    EXPECT_GE(diplo::base(r->event.value()).when.earliest_start(), diplo::base(e).when.earliest_start());
  }
  EXPECT_GT(checked, 50U);
}

TEST(Synthetic, SmallWorlds) {
  auto doc = diplo::synthetic::generate({.events = 300,
                                         .seed = 1,
                                         .countries = 5,
                                         .leaders_per_country = 1,
                                         .first_year = 2000,
                                         .last_year = 2001});
  EXPECT_GE(doc.actors.size(), 5U);  // 1..3 leaders in each of the 5 countries
  EXPECT_LE(doc.actors.size(), 15U);
  const diplo::timeline t = diplo::io::build(std::move(doc));
  EXPECT_EQ(t.size(), 300U);
  for (const auto& e_ref : t.events()) {
    const auto e = e_ref.value();
    EXPECT_GE(diplo::base(e).when.earliest_start(), date::sys_days{date::year{2000} / 1 / 1});
    EXPECT_LE(diplo::base(e).when.latest_end(), date::sys_days{date::year{2002} / 1 / 1});
  }
}

TEST(Synthetic, RejectsImpossibleOptions) {
  EXPECT_THROW((void)diplo::synthetic::generate({.countries = 4}), diplo::error);
  EXPECT_THROW((void)diplo::synthetic::generate({.countries = 201}), diplo::error);
  EXPECT_THROW((void)diplo::synthetic::generate({.leaders_per_country = 0}), diplo::error);
  EXPECT_THROW((void)diplo::synthetic::generate_actors({.first_year = 2000, .last_year = 1999}),
               diplo::error);
}

}  // namespace
