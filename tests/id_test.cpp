// SPDX-License-Identifier: MIT
#include <diplo/id.h>

#include <concepts>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace {

using diplo::actor_id;
using diplo::event_id;

// Regular and totally ordered, like a string.
static_assert(std::regular<actor_id>);
static_assert(std::totally_ordered<actor_id>);
static_assert(std::regular<event_id>);
static_assert(std::is_nothrow_default_constructible_v<actor_id>);
static_assert(std::is_nothrow_move_constructible_v<actor_id>);

// Explicit to construct: never implicitly from a string or a literal.
static_assert(std::is_constructible_v<actor_id, std::string>);
static_assert(std::is_constructible_v<actor_id, const char*>);
static_assert(!std::is_convertible_v<std::string, actor_id>);
static_assert(!std::is_convertible_v<const char*, actor_id>);
static_assert(!std::is_convertible_v<std::string_view, actor_id>);
static_assert(!std::is_constructible_v<actor_id, int>);

// Explicit to unwrap: never implicitly to a string.
static_assert(std::is_constructible_v<std::string_view, actor_id>);
static_assert(!std::is_convertible_v<actor_id, std::string_view>);
static_assert(!std::is_convertible_v<actor_id, std::string>);

// Different tags are different types.
static_assert(!std::is_convertible_v<actor_id, event_id>);
static_assert(!std::is_constructible_v<event_id, actor_id>);
static_assert(!std::equality_comparable_with<actor_id, event_id>);

TEST(Id, HoldsItsValue) {
  const actor_id xi{"xi-jinping"};
  EXPECT_EQ(xi.value(), "xi-jinping");
  EXPECT_EQ(std::string_view(xi), "xi-jinping");
  EXPECT_FALSE(xi.empty());
  EXPECT_TRUE(actor_id{}.empty());
  EXPECT_EQ(actor_id{}.value(), "");
}

TEST(Id, ComparesAsStrings) {
  EXPECT_EQ(actor_id{"a"}, actor_id{std::string("a")});
  EXPECT_NE(actor_id{"a"}, actor_id{"b"});
  EXPECT_LT(actor_id{"abc"}, actor_id{"abd"});
  EXPECT_LT(actor_id{}, actor_id{"a"});
  EXPECT_EQ(actor_id{"a"} <=> actor_id{"a"}, std::strong_ordering::equal);
}

TEST(Id, HashesForUnorderedContainers) {
  std::unordered_map<actor_id, int> m;
  m[actor_id{"xi-jinping"}] = 1;
  m[actor_id{"vladimir-putin"}] = 2;
  m[actor_id{"xi-jinping"}] += 10;
  EXPECT_EQ(m.size(), 2U);
  EXPECT_EQ(m.at(actor_id{"xi-jinping"}), 11);
  EXPECT_EQ(std::hash<actor_id>{}(actor_id{"x"}), std::hash<actor_id>{}(actor_id{"x"}));

  std::unordered_set<event_id> s{event_id{"e1"}, event_id{"e2"}, event_id{"e1"}};
  EXPECT_EQ(s.size(), 2U);
}

TEST(Id, FormatsAsItsValue) {
  EXPECT_EQ(fmt::format("{}", actor_id{"xi-jinping"}), "xi-jinping");
  EXPECT_EQ(fmt::format("{}", event_id{"2025-05-07-moscow"}), "2025-05-07-moscow");
  EXPECT_EQ(fmt::format("[{:>7}]", actor_id{"putin"}), "[  putin]");
  EXPECT_EQ(fmt::format("[{:-<7}]", actor_id{"putin"}), "[putin--]");
  EXPECT_EQ(fmt::format("[{}]", actor_id{}), "[]");
}

}  // namespace
