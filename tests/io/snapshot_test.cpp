// SPDX-License-Identifier: MIT
#include <diplo/io/snapshot.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include <diplo/data.h>
#include <diplo/detail/event_store.h>
#include <diplo/error.h>
#include <diplo/io/document.h>
#include <diplo/io/json.h>
#include <diplo/query.h>
#include <diplo/synthetic.h>

namespace {

using diplo::actor_id;
using diplo::timeline;

// Everything a reader sees of a timeline, as text: its events (values, in order, with
// names), actors, coverage, warnings, and the answers of every kind of question for its
// people (every pair for meetings; days of their events for where).
auto answers_of(const timeline& t, std::size_t most_people = 40) -> std::string {
  std::string s = fmt::format("{}\n", t);
  for (const diplo::event_ref e : t.events()) {
    s += fmt::format("{} | {} | {} | {}\n", e, e.id(), e.kind(), fmt::join(e.participants(), ","));
    if (const diplo::event_ref f = t.find(e.id()); !f || f.value() != e.value()) s += "find() differs\n";
  }
  for (const auto& a : t.actors().actors()) s += fmt::format("actor {}\n", diplo::name_of(a));
  s += fmt::format("coverage {}\n", t.coverage().size());
  for (const auto& w : t.warnings()) s += fmt::format("{}\n", w);
  std::vector<actor_id> people;
  for (const auto& a : t.actors().actors()) {
    if (people.size() < most_people && std::holds_alternative<diplo::person>(a))
      people.push_back(diplo::id_of(a));
  }
  for (const actor_id& a : people) {
    for (const actor_id& b : people) {
      if (!(a < b)) continue;
      if (auto m = diplo::last_meeting(t, a, b)) s += fmt::format("last {}\n", *m);
      s += fmt::format("meetings {}\n", diplo::meetings(t, a, b).size());
    }
    for (const auto& tr : diplo::visits(t, {.guest = a})) s += fmt::format("trip {}\n", tr);
    for (const auto& c : diplo::contacts(t, a)) s += fmt::format("contact {}\n", c);
    for (const diplo::event_ref& e : t.events_of(a)) {
      for (const auto& w : diplo::where(t, a, e.when().earliest_start())) s += fmt::format("where {}\n", w);
    }
  }
  for (const diplo::event_ref e : t.events()) {
    for (const auto& p : diplo::whereabouts_on(t, e.when().earliest_start())) s += fmt::format("on {}\n", p);
  }
  return s;
}

auto bundled_snapshot() -> std::string {
  return diplo::io::to_snapshot(diplo::data::xi_putin(), diplo::data::xi_putin_info());
}

auto expect_rejected(const std::string& bytes, const std::string& what) {
  try {
    (void)diplo::io::read_snapshot(bytes, "x.diplo");
    ADD_FAILURE() << "accepted: " << what;
  } catch (const diplo::error& e) {
    EXPECT_NE(std::string(e.what()).find("[diplo.snapshot] \"x.diplo\": "), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
  }
}

template <class T>
void put(std::string& bytes, std::size_t at, T v) {
  std::memcpy(bytes.data() + at, &v, sizeof v);
}

TEST(Snapshot, AnswersAsTheTimelineItWasWrittenFrom) {
  const timeline& t = diplo::data::xi_putin();
  diplo::io::dataset_info info;
  const timeline u = diplo::io::read_snapshot(bundled_snapshot(), "xi-putin.diplo", &info);
  EXPECT_EQ(u.size(), t.size());
  EXPECT_EQ(answers_of(u), answers_of(t));
  EXPECT_EQ(info.title, diplo::data::xi_putin_info().title);
  EXPECT_EQ(info.as_of, diplo::data::xi_putin_info().as_of);
  EXPECT_EQ(u.coverage().size(), t.coverage().size());
  for (std::size_t k = 0; k < t.coverage().size(); ++k) EXPECT_EQ(u.coverage()[k], t.coverage()[k]);
  EXPECT_EQ(u.warnings(), t.warnings());
  ASSERT_FALSE(t.warnings().empty());  // the bundled data has some: they travel too
}

TEST(Snapshot, RoundTripsASyntheticWorld) {
  const timeline t = diplo::io::build(
      diplo::synthetic::generate({.events = 3000, .seed = 5, .countries = 10, .leaders_per_country = 3}));
  const timeline u = diplo::io::read_snapshot(diplo::io::to_snapshot(t));
  EXPECT_EQ(answers_of(u, 25), answers_of(t, 25));
  for (std::size_t i = 0; i < t.size(); ++i) EXPECT_EQ(u.at(i).value(), t.at(i).value());
}

// Leaves 0xA5 in the stack below the caller, where the next calls' locals will be.
[[gnu::noinline]] void dirty_stack() {
  volatile char junk[256 * 1024];
  for (auto& c : junk) c = '\xA5';
}

TEST(Snapshot, TwoPacksOfOneTimelineAreTheSameFile) {
  // Built twice, the second time on a stack and a heap of freed blocks full of 0xA5, and
  // packed: byte for byte the same file (no padding byte is written; snapshot.cpp asserts
  // it), as is a pack of what was read back.
  const auto bundled = [] { return diplo::io::build(diplo::io::read_json(diplo::data::xi_putin_json())); };
  const std::string first = diplo::io::to_snapshot(bundled());
  for (int round = 0; round < 4; ++round) {
    std::vector<std::string> garbage;
    for (std::size_t size = 16; size < 70'000; size = size * 5 / 4 + 8) garbage.emplace_back(size, '\xA5');
  }
  dirty_stack();
  const std::string second = diplo::io::to_snapshot(bundled());
  ASSERT_EQ(first.size(), second.size());
  EXPECT_TRUE(first == second) << "first difference at byte "
                               << std::mismatch(first.begin(), first.end(), second.begin()).first -
                                      first.begin();
  EXPECT_TRUE(diplo::io::to_snapshot(diplo::io::read_snapshot(first)) == first);
}

TEST(Snapshot, AnEmptyTimelineRoundTrips) {
  const timeline u = diplo::io::read_snapshot(diplo::io::to_snapshot(timeline{}));
  EXPECT_TRUE(u.empty());
  EXPECT_EQ(u.actors().size(), 0U);
}

TEST(Snapshot, OpensAFileByMappingAndKeepsItWhileAnswersLive) {
  const auto dir = std::filesystem::temp_directory_path() /
                   fmt::format("diplo-snapshot-{}", ::testing::UnitTest::GetInstance()->random_seed());
  std::filesystem::create_directories(dir);
  const auto path = dir / "xi-putin.diplo";
  diplo::io::write_snapshot(path, diplo::data::xi_putin(), diplo::data::xi_putin_info());
  std::optional<diplo::encounter> last;
  diplo::event_ref first;
  {
    const timeline u = diplo::io::open_snapshot(path);
    EXPECT_EQ(answers_of(u), answers_of(diplo::data::xi_putin()));
    last = diplo::last_meeting(u, actor_id{"xi-jinping"}, actor_id{"vladimir-putin"});
    first = u.at(0);
  }
  std::filesystem::remove_all(dir);  // the mapping outlives the file's name, and the timeline
  ASSERT_TRUE(last);
  EXPECT_EQ(fmt::format("{}", *last),
            fmt::format("{}", *diplo::last_meeting(diplo::data::xi_putin(), actor_id{"xi-jinping"},
                                                   actor_id{"vladimir-putin"})));
  EXPECT_EQ(first.value(), diplo::data::xi_putin().at(0).value());
}

TEST(Snapshot, ExtensionSaysWhatASnapshotIs) {
  EXPECT_TRUE(diplo::io::is_snapshot_path("a/world.diplo"));
  EXPECT_TRUE(diplo::io::is_snapshot_path("WORLD.DIPLO"));
  EXPECT_FALSE(diplo::io::is_snapshot_path("world.json"));
  EXPECT_FALSE(diplo::io::is_snapshot_path("diplo"));
}

TEST(Snapshot, RejectsWhatIsNotOne) {
  expect_rejected("", "not a diplo snapshot");
  expect_rejected("hello\n", "not a diplo snapshot");
  expect_rejected(std::string(100, '{'), "not a diplo snapshot");
}

TEST(Snapshot, RejectsTruncatedFiles) {
  const std::string bytes = bundled_snapshot();
  expect_rejected(bytes.substr(0, 10), "truncated");
  expect_rejected(bytes.substr(0, 63), "truncated");
  for (std::size_t cut : {std::size_t{64}, std::size_t{200}, bytes.size() / 2, bytes.size() - 1}) {
    expect_rejected(bytes.substr(0, cut), "truncated");
  }
  expect_rejected(bytes + "x", "something was appended");
}

TEST(Snapshot, RejectsCorruptBytesByTheirChecksum) {
  const std::string bytes = bundled_snapshot();
  for (std::size_t at : {std::size_t{64}, std::size_t{500}, bytes.size() / 3, bytes.size() - 1}) {
    std::string bad = bytes;
    bad[at] = static_cast<char>(bad[at] ^ 0x10);
    expect_rejected(bad, "checksum");
  }
}

TEST(Snapshot, RejectsOtherVersionsAndByteOrders) {
  std::string bytes = bundled_snapshot();
  put<std::uint32_t>(bytes, 8, 3);
  expect_rejected(bytes, "snapshot format version 3, where this diplo reads version 4");
  put<std::uint32_t>(bytes, 8, 5);
  expect_rejected(bytes, "snapshot format version 5, where this diplo reads version 4");
  bytes = bundled_snapshot();
  put<std::uint32_t>(bytes, 12, 0x04030201);
  expect_rejected(bytes, "other byte order");
}

// The table of arrays: array k's offset, count and item size.
struct array_entry {
  std::uint64_t offset, count;
  std::uint32_t item;
};
auto array_at(const std::string& bytes, std::size_t k) -> array_entry {
  array_entry e{};
  std::memcpy(&e.offset, bytes.data() + 64 + k * 24, 8);
  std::memcpy(&e.count, bytes.data() + 64 + k * 24 + 8, 8);
  std::memcpy(&e.item, bytes.data() + 64 + k * 24 + 16, 4);
  return e;
}

TEST(Snapshot, RejectsTextThatIsNotUtf8) {
  // Behind a valid checksum, a byte of the strings' characters (the one array of bytes after
  // the metadata and the warnings) that no UTF-8 text holds: names are folded and printed,
  // so a snapshot's text is checked as a text file's is (a fuzzer found the crash).
  const std::string bytes = bundled_snapshot();
  std::uint32_t arrays = 0;
  std::memcpy(&arrays, bytes.data() + 32, 4);
  std::size_t k = 2;
  while (k < arrays && array_at(bytes, k).item != 1) ++k;
  ASSERT_LT(k, arrays);
  const array_entry chars = array_at(bytes, k);
  ASSERT_GT(chars.count, 100U);
  for (const std::uint64_t at : {std::uint64_t{0}, chars.count / 2, chars.count - 1}) {
    std::string bad = bytes;
    bad[chars.offset + at] = '\xFF';
    diplo::io::reseal_snapshot(bad);
    expect_rejected(bad, "not valid UTF-8");
  }
}

// The position in the file's table of the store's array `name` (after the metadata and the
// warnings, in event_store::for_each_column's order).
auto store_array(const std::string& bytes, std::string_view name) -> array_entry {
  std::size_t k = 2;
  std::size_t found = 0;
  const diplo::detail::event_store none;
  diplo::detail::event_store::for_each_column(none, [&](std::string_view n, const auto&) {
    if (n == name) found = k;
    ++k;
  });
  EXPECT_NE(found, 0U) << name;
  return array_at(bytes, found);
}

/// The index's array called `name` in a snapshot's table (after the store's).
auto index_array(const std::string& bytes, std::string_view name) -> array_entry {
  std::size_t k = 2;
  const diplo::detail::event_store none;
  diplo::detail::event_store::for_each_column(none, [&](std::string_view, const auto&) { ++k; });
  std::size_t found = 0;
  const diplo::detail::timeline_index no_index;
  diplo::detail::for_each_column(no_index, [&](std::string_view n, const auto&) {
    if (n == name) found = k;
    ++k;
  });
  EXPECT_NE(found, 0U) << name;
  return array_at(bytes, found);
}

TEST(Snapshot, RejectsBrokenTextsBehindAValidChecksum) {
  // The compressed texts (diplo/detail/string_pool.h) decode only what their rule allows: a
  // symbol of no length or past eight bytes, a code that is no symbol, an escape cut off
  // at its string's end, escaped bytes that are no UTF-8 are all refused.
  const std::string bytes = bundled_snapshot();
  const array_entry lengths = store_array(bytes, "texts (symbol lengths)");
  const array_entry symbols = store_array(bytes, "texts (symbols)");
  const array_entry starts = store_array(bytes, "texts (starts)");
  const array_entry sizes = store_array(bytes, "texts (sizes)");
  const array_entry codes = store_array(bytes, "texts (codes)");
  ASSERT_EQ(lengths.item, 1U);
  ASSERT_EQ(symbols.count, 8 * lengths.count);
  ASSERT_GT(lengths.count, 10U);
  ASSERT_GT(codes.count, 100U);
  auto resealed = [&](auto change) {
    std::string bad = bytes;
    change(bad);
    diplo::io::reseal_snapshot(bad);
    return bad;
  };
  for (const char n : {'\0', '\x09'}) {
    expect_rejected(resealed([&](std::string& b) { b[lengths.offset + 3] = n; }),
                    "texts: symbol 3 is not 1 to 8 bytes");
  }
  expect_rejected(resealed([&](std::string& b) { b[symbols.offset + 8 * 3] = '\xFF'; }),
                  "texts: symbol 3 is not");
  // The last string's last code made an escape: cut off by the string's end.
  expect_rejected(resealed([&](std::string& b) { b[codes.offset + codes.count - 1] = '\xFF'; }),
                  "an escape at the end");
  // The first text's first code an escape of the byte 0xFF, which no UTF-8 text holds
  // (text 1 starts at the first code: text 0 is empty).
  expect_rejected(resealed([&](std::string& b) {
                    b[codes.offset] = '\xFF';
                    b[codes.offset + 1] = '\xFF';
                  }),
                  "texts: string 1: not valid UTF-8");
  // A code past the table (when the table has fewer than 255 symbols).
  if (lengths.count < 255) {
    expect_rejected(resealed([&](std::string& b) { b[codes.offset] = static_cast<char>(lengths.count); }),
                    "is no symbol");
  }
  // Sizes that run past the codes, a block that starts past them, a long size missing.
  ASSERT_GT(starts.count, 2U);
  expect_rejected(resealed([&](std::string& b) { b[sizes.offset + sizes.count - 1] += 1; }),
                  "runs past the codes");
  expect_rejected(resealed([&](std::string& b) {
                    put<std::uint32_t>(b, starts.offset + (starts.count - 1) * 4,
                                       static_cast<std::uint32_t>(codes.count + 1));
                  }),
                  "starts elsewhere");
  expect_rejected(resealed([&](std::string& b) { b[sizes.offset + 1] = '\xFF'; }), "long sizes");
}

TEST(Snapshot, RejectsRecordFlagsThatDoNotHold) {
  // An event's list of actors ends with its host when the flag host_listed says so (the
  // queries read the list alone): a flag set on an event without a host, or a bit no flag
  // has, behind a valid checksum, is refused.
  const std::string bytes = bundled_snapshot();
  const diplo::timeline t = diplo::data::xi_putin();
  const array_entry records = store_array(bytes, "event records");
  ASSERT_EQ(records.item, sizeof(diplo::detail::event_record));
  std::uint32_t meeting = 0;
  while (meeting < t.size() && t.stored().record(meeting).host != diplo::detail::string_pool::absent)
    ++meeting;
  ASSERT_LT(meeting, t.size());
  const std::size_t flags =
      records.offset + meeting * records.item + offsetof(diplo::detail::event_record, flags);
  for (const std::uint8_t bit : {diplo::detail::host_listed, std::uint8_t{0x10}}) {
    std::string bad = bytes;
    bad[flags] = static_cast<char>(bad[flags] | bit);
    diplo::io::reseal_snapshot(bad);
    expect_rejected(bad, fmt::format("event record {}: flags that do not hold", meeting));
  }
}

TEST(Snapshot, RejectsAnEventSaidToComeBeforeAllInsideItWhenItDoesNot) {
  // The latest encounter skips the walk through a summit's talks when the summit's facts
  // say everything inside it comes after it. The bundled data has talks on the eve of a
  // summit (Fortaleza, 2014): the flag set on that summit, behind a valid checksum, is
  // refused.
  const std::string bytes = bundled_snapshot();
  const diplo::timeline t = diplo::data::xi_putin();
  const auto& facts = t.index().facts;
  std::vector<std::uint32_t> without;
  for (std::uint32_t i = 0; i < facts.size(); ++i) {
    if ((facts[i].flags & diplo::detail::flag_inside_after) == 0) without.push_back(i);
  }
  ASSERT_EQ(without.size(), 1U);
  EXPECT_LT(t.at(without[0]).children().front().number(), without[0]);
  const array_entry array = index_array(bytes, "facts");
  ASSERT_EQ(array.item, sizeof(diplo::detail::event_facts));
  const std::size_t flags =
      array.offset + without[0] * array.item + offsetof(diplo::detail::event_facts, flags);
  std::string bad = bytes;
  bad[flags] = static_cast<char>(bad[flags] | diplo::detail::flag_inside_after);
  diplo::io::reseal_snapshot(bad);
  expect_rejected(bad, "facts: an event inside another sorts before it");
}

TEST(Snapshot, RejectsChildrenListsThatAreNotTheFactsParents) {
  // An event listed among its own children, behind a valid checksum: the walk through an
  // encounter's events would go round for ever (a fuzzer found it, through contacts()).
  // Refused, as is a child listed under an event that is not its parent.
  const std::string bytes = bundled_snapshot();
  const diplo::timeline t = diplo::data::xi_putin();
  const auto& children = t.index().children;
  ASSERT_FALSE(children.parents.empty());
  const array_entry items = index_array(bytes, "children");
  ASSERT_EQ(items.item, sizeof(std::uint32_t));
  const std::uint32_t parent = children.parents[0];
  std::uint32_t other = 0;  // an event inside no other
  while (t.index().facts[other].parent != diplo::detail::no_index) ++other;
  for (const std::uint32_t bad_child : {parent, other}) {
    std::string bad = bytes;
    std::memcpy(bad.data() + items.offset, &bad_child, sizeof bad_child);
    diplo::io::reseal_snapshot(bad);
    expect_rejected(bad, "children: a list that is not its event's children");
  }
}

TEST(Snapshot, RejectsMetadataThatDoesNotHoldTogether) {
  // A coverage record that names an actor the metadata does not hold, behind a valid
  // checksum: refused on opening, as freezing refuses it (a fuzzer found a file that opened
  // and then could not be written again).
  std::string bytes = bundled_snapshot();
  const std::size_t at = bytes.find("\"vladimir-putin\"]}");  // in the first coverage record
  ASSERT_NE(at, std::string::npos);
  ASSERT_LT(at, bytes.find("\"actors\""));
  bytes[at + 14] = 'x';
  diplo::io::reseal_snapshot(bytes);
  expect_rejected(bytes, "its metadata does not hold together");
  expect_rejected(bytes, "unknown actor \"vladimir-putix\"");
}

TEST(Snapshot, ChecksNumbersBehindAValidChecksum) {
  // Made to harm: the checksum is right, the numbers inside are not.
  const std::string bytes = bundled_snapshot();
  std::uint32_t arrays = 0;
  std::memcpy(&arrays, bytes.data() + 32, 4);
  ASSERT_GT(arrays, 20U);
  std::size_t rejected = 0;
  for (std::size_t k = 2; k < arrays; ++k) {  // every array but the metadata and warnings
    const array_entry a = array_at(bytes, k);
    if (a.count == 0 || a.item < 4) continue;
    // Its first 32-bit word of the last item made huge: a number out of range, or a day
    // far away (which is no danger, so may be accepted).
    std::string bad = bytes;
    put<std::uint32_t>(bad, a.offset + (a.count - 1) * a.item, 0xFFFFFFF0U);
    diplo::io::reseal_snapshot(bad);
    try {
      const timeline u = diplo::io::read_snapshot(bad, "x.diplo");
      (void)answers_of(u, 10);  // whatever it answers, it reads in bounds (ASan checks)
    } catch (const diplo::error& e) {
      EXPECT_NE(std::string(e.what()).find("[diplo.snapshot]"), std::string::npos) << e.what();
      ++rejected;
    }
    // An array said to run past the end of the file.
    bad = bytes;
    put<std::uint64_t>(bad, 64 + k * 24 + 8, a.count + bytes.size());
    diplo::io::reseal_snapshot(bad);
    expect_rejected(bad, "runs past the end of the file");
  }
  EXPECT_GT(rejected, 15U);
}

TEST(Snapshot, SurvivesRandomBytesBehindAValidChecksum) {
  const std::string bytes = bundled_snapshot();
  std::uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  std::size_t opened = 0;
  for (int round = 0; round < 300; ++round) {
    std::string bad = bytes;
    for (int k = 0; k < 4; ++k) bad[64 + next() % (bad.size() - 64)] = static_cast<char>(next());
    diplo::io::reseal_snapshot(bad);
    try {
      const timeline u = diplo::io::read_snapshot(bad, "x.diplo");
      (void)answers_of(u, 6);
      ++opened;
    } catch (const diplo::error&) {
    }
  }
  SUCCEED() << opened << " of 300 opened";
}

}  // namespace
