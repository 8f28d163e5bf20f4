// SPDX-License-Identifier: MIT
// Snapshots (diplo/io/snapshot.h): a frozen timeline's arrays written as they are in
// memory, mapped back and checked before any query reads them.

#include "diplo/io/snapshot.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "diplo/detail/column.h"
#include "diplo/detail/event_store.h"
#include "diplo/detail/timeline_index.h"
#include "diplo/detail/utf8.h"
#include "diplo/error.h"
#include "diplo/io/file.h"
#include "diplo/io/json.h"
#include "mapped_file.h"

namespace diplo::io {

namespace core = diplo::detail;

namespace {

constexpr std::string_view magic = "DIPLOSNP";
// 2: the checksum in eight lanes; hash tables of any size; trips in 8 bytes.
// 3: texts compressed in a pool of their own (diplo/detail/string_pool.h); the strings
//    most events lack in a table of extras.
constexpr std::uint32_t version = 4;
constexpr std::uint32_t byte_order_mark = 0x01020304;
constexpr std::size_t header_size = 64;
constexpr std::size_t toc_entry_size = 24;
constexpr std::size_t alignment = 64;

// The header's fields, at these offsets.
constexpr std::size_t at_version = 8, at_order = 12, at_size = 16, at_checksum = 24, at_arrays = 32;

/// A 64-bit checksum of `bytes` (an error detector, not a defence: see the header essay):
/// eight lanes, each mixing in every eighth word of eight bytes, so that the mixes run side
/// by side instead of one after another (one lane ran at ~4 GB/s, half of opening a
/// snapshot of 10^6 events); the lanes and the tail are mixed together at the end.
auto checksum(const std::byte* p, std::size_t n) noexcept -> std::uint64_t {
  constexpr std::size_t lanes = 8;
  constexpr std::uint64_t k = 0x9E3779B97F4A7C15ULL;
  std::array<std::uint64_t, lanes> h{};
  for (std::size_t l = 0; l < lanes; ++l) h[l] = 0x243F6A8885A308D3ULL ^ (n + l);
  std::size_t i = 0;
  for (; i + 8 * lanes <= n; i += 8 * lanes) {
    for (std::size_t l = 0; l < lanes; ++l) {
      std::uint64_t w = 0;
      std::memcpy(&w, p + i + 8 * l, 8);
      h[l] = (h[l] ^ w) * k;
      h[l] ^= h[l] >> 29;
    }
  }
  std::uint64_t all = 0;
  for (const std::uint64_t x : h) all = core::range_table::mix(all ^ x) + k;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, p + i, 8);
    all = core::range_table::mix(all ^ w) + k;
  }
  std::uint64_t w = 0;
  if (i < n) std::memcpy(&w, p + i, n - i);
  return core::range_table::mix(all ^ w);
}

template <class T>
void put(std::string& out, std::size_t at, T v) {
  std::memcpy(out.data() + at, &v, sizeof v);
}
template <class T>
auto get(const std::byte* p, std::size_t at) -> T {
  T v;
  std::memcpy(&v, p + at, sizeof v);
  return v;
}

/// Every array of a timeline's store, in the file's order: the metadata (JSON), the
/// warnings, the event store, the indexes.
template <class Store, class Meta, class F>
void for_each_array(Store& s, Meta& meta, Meta& warnings, F&& f) {
  f("metadata", meta);
  f("warnings", warnings);
  core::event_store::for_each_column(s.events, f);
  core::for_each_column(s.index, f);
}

// --- writing ---------------------------------------------------------------------------------

template <class T>
void put_text(std::vector<char>& out, T v) {
  const auto* b = reinterpret_cast<const char*>(&v);
  out.insert(out.end(), b, b + sizeof v);
}
void put_text(std::vector<char>& out, std::string_view s) {
  put_text(out, static_cast<std::uint32_t>(s.size()));
  out.insert(out.end(), s.begin(), s.end());
}

/// The warnings as bytes: per diagnostic its severity, line, column, then its place and
/// message, each a u32 length and the text.
auto encode(const std::vector<diagnostic>& warnings) -> std::vector<char> {
  std::vector<char> out;
  for (const diagnostic& d : warnings) {
    put_text(out, static_cast<std::uint8_t>(d.severity));
    put_text(out, d.line);
    put_text(out, d.column);
    put_text(out, std::string_view(d.where));
    put_text(out, std::string_view(d.message));
  }
  return out;
}

/// The metadata document: the actors, coverage and dataset description as diplo's JSON
/// (a timeline of them with no events).
auto metadata(const timeline& t, const dataset_info& info) -> std::string {
  timeline_builder b(t.actors());
  for (const coverage_scope& c : t.coverage()) b.declare(c);
  dataset_info i = info;
  i.records.clear();  // the timeline's own, written from it
  return to_json(std::move(b).freeze(), i);
}

auto round_up(std::size_t n) noexcept -> std::size_t { return (n + alignment - 1) / alignment * alignment; }

}  // namespace

auto to_snapshot(const timeline& t, const dataset_info& info) -> std::string {
  const core::timeline_store& s = t.internals();
  const std::string meta_text = metadata(t, info);
  core::column<char> meta(std::vector<char>(meta_text.begin(), meta_text.end()));
  core::column<char> warnings(encode(t.warnings()));
  struct entry {
    const std::byte* bytes;
    std::size_t count, item, offset;
  };
  std::vector<entry> arrays;
  for_each_array(s, meta, warnings, [&](std::string_view, const auto& c) {
    using T = typename std::decay_t<decltype(c)>::value_type;
    // No padding and no bit-fields: the bytes written are the values alone, so two packs of
    // one timeline are the same file (and no indeterminate byte is read).
    static_assert(std::has_unique_object_representations_v<T>, "an array's items must have no padding");
    arrays.push_back({reinterpret_cast<const std::byte*>(c.data()), c.size(), sizeof(T), 0});
  });
  std::size_t end = round_up(header_size + arrays.size() * toc_entry_size);
  for (entry& a : arrays) {
    a.offset = end;
    end = round_up(end + a.count * a.item);
  }
  std::string out(end, '\0');
  std::memcpy(out.data(), magic.data(), magic.size());
  put(out, at_version, version);
  put(out, at_order, byte_order_mark);
  put(out, at_size, static_cast<std::uint64_t>(end));
  put(out, at_arrays, static_cast<std::uint32_t>(arrays.size()));
  for (std::size_t k = 0; k < arrays.size(); ++k) {
    const entry& a = arrays[k];
    const std::size_t at = header_size + k * toc_entry_size;
    put(out, at, static_cast<std::uint64_t>(a.offset));
    put(out, at + 8, static_cast<std::uint64_t>(a.count));
    put(out, at + 16, static_cast<std::uint32_t>(a.item));
    if (a.count > 0) std::memcpy(out.data() + a.offset, a.bytes, a.count * a.item);
  }
  const auto* bytes = reinterpret_cast<const std::byte*>(out.data());
  put(out, at_checksum, checksum(bytes + header_size, out.size() - header_size));
  return out;
}

void write_snapshot(const std::filesystem::path& path, const timeline& t, const dataset_info& info) {
  write_file_atomic(path, to_snapshot(t, info));
}

void reseal_snapshot(std::string& bytes) noexcept {
  if (bytes.size() < header_size) return;
  const auto* p = reinterpret_cast<const std::byte*>(bytes.data());
  put(bytes, at_checksum, checksum(p + header_size, bytes.size() - header_size));
}

auto is_snapshot_path(const std::filesystem::path& path) -> bool {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return ext == ".diplo";
}

// --- reading ----------------------------------------------------------------------------------

namespace {

/// Reads a snapshot's bytes into a store, checking as it goes (see the header essay).
class reader {
 public:
  reader(const std::byte* bytes, std::size_t size, std::string file)
      : p_(bytes), size_(size), file_(std::move(file)) {}

  auto read(std::shared_ptr<const void> owner, dataset_info* info) -> timeline {
    check_header();
    auto store = std::make_shared<core::timeline_store>();
    core::column<char> meta, warnings;
    std::size_t k = 0;
    for_each_array(*store, meta, warnings, [&](std::string_view name, auto& c) { view(k++, name, c); });
    expect(k == arrays_, "it holds {} arrays, where version {} has {}", arrays_, version, k);
    read_metadata(std::string_view(meta.data(), meta.size()), *store, info);
    store->warnings = decode(warnings);
    check_store(store->events, store->actors);
    check_index(store->index, static_cast<std::uint32_t>(store->events.size()),
                static_cast<std::uint32_t>(store->actors.size()));
    store->mapping = std::move(owner);
    return core::adopt(std::move(store));
  }

 private:
  [[noreturn]] void fail(std::string_view what) const {
    throw diplo::error(fmt::format("[diplo.snapshot] \"{}\": {}", file_, what));
  }
  // The message is formatted only when the check fails (checks run per item).
  template <class... A>
  void expect(bool ok, fmt::format_string<A...> what, A&&... a) const {
    if (!ok) fail(fmt::format(what, std::forward<A>(a)...));
  }

  void check_header() {
    if (size_ < magic.size() || std::memcmp(p_, magic.data(), magic.size()) != 0) {
      fail("not a diplo snapshot (it does not begin with \"DIPLOSNP\"); write one with 'diplo pack'");
    }
    if (size_ < header_size) {
      fail(fmt::format("truncated: {} bytes, where a snapshot's header alone is {}", size_, header_size));
    }
    if (get<std::uint32_t>(p_, at_order) != byte_order_mark) {
      fail("written on a machine of the other byte order; pack it again here from its JSON file");
    }
    if (const auto v = get<std::uint32_t>(p_, at_version); v != version) {
      fail(
          fmt::format("snapshot format version {}, where this diplo reads version {}; pack it again "
                      "from its JSON file",
                      v, version));
    }
    if (const auto n = get<std::uint64_t>(p_, at_size); n != size_) {
      fail(fmt::format("{} bytes, where its header says {}: {}", size_, n,
                       size_ < n ? "truncated" : "something was appended"));
    }
    arrays_ = get<std::uint32_t>(p_, at_arrays);
    if (arrays_ > (size_ - header_size) / toc_entry_size) fail("its table of arrays runs past its end");
    if (checksum(p_ + header_size, size_ - header_size) != get<std::uint64_t>(p_, at_checksum)) {
      fail("corrupt: its checksum does not match its content");
    }
  }

  // Points column `c` at array k of the file, after checking where it lies.
  template <class T>
  void view(std::size_t k, std::string_view name, core::column<T>& c) {
    static_assert(alignof(T) <= 8);
    if (k >= arrays_) fail(fmt::format("it holds {} arrays, where version {} has more", arrays_, version));
    const std::size_t at = header_size + k * toc_entry_size;
    const auto offset = get<std::uint64_t>(p_, at);
    const auto count = get<std::uint64_t>(p_, at + 8);
    const auto item = get<std::uint32_t>(p_, at + 16);
    auto bad = [&](std::string_view why) { fail(fmt::format("array {} ({}): {}", k, name, why)); };
    if (item != sizeof(T)) bad(fmt::format("items of {} bytes, where this diplo's are {}", item, sizeof(T)));
    if (offset % alignment != 0) bad("not aligned");
    if (offset > size_ || count > (size_ - offset) / sizeof(T)) bad("runs past the end of the file");
    c = core::column<T>::view({reinterpret_cast<const T*>(p_ + offset), static_cast<std::size_t>(count)});
  }

  void read_metadata(std::string_view text, core::timeline_store& s, dataset_info* info) const {
    document doc;
    try {
      doc = read_json(text, fmt::format("{} (metadata)", file_));
    } catch (const diplo::error& e) {
      fail(fmt::format("its metadata does not read: {}", e.what()));
    }
    expect(doc.events.empty(), "its metadata holds events");
    // The actors and coverage held together as when they were written (metadata(): a
    // coverage record names known actors, ...): the timeline of them, frozen the same way.
    timeline_builder b(std::move(doc.actors));
    for (const coverage_scope& c : doc.info.records) b.declare(c);
    timeline meta;
    try {
      meta = std::move(b).freeze();
    } catch (const diplo::error& e) {
      fail(fmt::format("its metadata does not hold together: {}", e.what()));
    }
    s.actors = meta.actors();
    s.coverage.assign(meta.coverage().begin(), meta.coverage().end());
    if (info != nullptr) *info = std::move(doc.info);
  }

  auto decode(const core::column<char>& bytes) const -> std::vector<diagnostic> {
    std::vector<diagnostic> out;
    std::size_t at = 0;
    auto take = [&](void* v, std::size_t n) {
      expect(n <= bytes.size() - at, "its warnings are cut short");
      std::memcpy(v, bytes.data() + at, n);
      at += n;
    };
    auto text = [&] {
      std::uint32_t n = 0;
      take(&n, sizeof n);
      expect(n <= bytes.size() - at, "its warnings are cut short");
      std::string s(bytes.data() + at, n);
      at += n;
      return s;
    };
    while (at < bytes.size()) {
      diagnostic d;
      std::uint8_t sev = 0;
      take(&sev, 1);
      expect(sev <= static_cast<std::uint8_t>(severity::error), "a warning of an unknown severity");
      d.severity = static_cast<severity>(sev);
      take(&d.line, sizeof d.line);
      take(&d.column, sizeof d.column);
      d.where = text();
      d.message = text();
      out.push_back(std::move(d));
    }
    return out;
  }

  // Lists: offsets of `lists` + 1 entries from 0, never decreasing, ending at items.size().
  template <class Lists>
  void check_lists(const Lists& l, std::size_t lists, std::string_view name) const {
    expect(l.offsets.size() == lists + 1 && l.offsets[0] == 0 && l.offsets.back() == l.items.size(),
           "{}: lists that do not match their items", name);
    expect(std::is_sorted(l.offsets.begin(), l.offsets.end()), "{}: lists out of order", name);
  }
  template <class C, class F>
  void check_all(const C& items, std::string_view name, F ok) const {
    // Every item tested without a branch on the last one's result (this loop is most of
    // opening a snapshot), the array's name formatted only if one fails.
    bool all = true;
    for (const auto& x : items) all &= static_cast<bool>(ok(x));
    expect(all, "{}: a number out of range", name);
  }

  void check_store(const core::event_store& s, const actor_registry& registry) const {
    const auto n = static_cast<std::uint32_t>(s.size());
    check_store_lists(s, n);  // before any list is read
    const core::string_pool& pool = s.strings();
    const auto strings = static_cast<std::uint32_t>(pool.size());
    auto string = [&](std::uint32_t k) { return k < strings; };
    const auto texts = static_cast<std::uint32_t>(s.prose().size());
    auto text = [&](std::uint32_t k) { return k < texts; };
    // The store's actors are the registry's, by number (what the indexes count on).
    const auto actors = static_cast<std::uint32_t>(s.actor_count());
    expect(actors == registry.size(), "actor ids: {} where its metadata names {} actors", actors,
           registry.size());
    check_all(s.actor_ids(), "actor ids", string);
    for (std::uint32_t k = 0; k < actors; ++k) {
      expect(s.actor(k) == id_of(registry.actors()[k]).value(), "actor ids: actor {} is not the metadata's",
             k);
    }
    for (std::uint32_t i = 0; i < n; ++i) {
      const core::event_record& r = s.record(i);
      expect(r.kind < 4 && static_cast<unsigned>(r.status) <= static_cast<unsigned>(status::postponed) &&
                 r.level_or_mode <= static_cast<std::uint8_t>(visit_level::state) && r.when.well_formed() &&
                 well_formed(r.country) && well_formed(r.host_country),
             "event record {}: a field out of range", i);
      expect(text(r.id) && (text(r.parent) || r.parent == core::string_pool::absent) && text(r.city),
             "event record {}: a string number out of range", i);
      expect(r.host < actors || r.host == core::string_pool::absent, "event record {}: an unknown host", i);
      const auto everyone = s.everyone(i);
      expect((r.flags & ~core::record_flags) == 0 &&
                 ((r.flags & core::host_listed) == 0 || (!everyone.empty() && everyone.back() == r.host)),
             "event record {}: flags that do not hold", i);
      for (std::uint32_t k : s.everyone(i)) expect(k < actors, "event actors: an actor number out of range");
      for (std::uint32_t k : s.cities(i)) expect(text(k), "event cities: a text number out of range");
      for (const core::source_record& x : s.sources(i)) {
        expect(text(x.url) && text(x.publisher) && text(x.title) && x.well_formed(),
               "event sources: a field out of range");
      }
    }
    check_all(s.all_extras(), "event extras", [&](const core::extras_record& x) {
      return string(x.journey) && text(x.zone) && text(x.description) && text(x.notes) && text(x.name) &&
             text(x.series);
    });
  }

  void check_store_lists(const core::event_store& s, std::uint32_t n) const {
    core::event_store::for_each_column(s, [&](std::string_view name, const auto& c) {
      using T = typename std::decay_t<decltype(c)>::value_type;
      if constexpr (std::is_same_v<T, core::instants_record> || std::is_same_v<T, core::extras_record>) {
        std::uint32_t last = 0;
        bool first = true;
        for (const auto& x : c) {
          expect(x.event < n && (first || x.event > last), "{}: out of order or range", name);
          last = x.event;
          first = false;
        }
      } else if constexpr (std::is_same_v<T, std::uint32_t>) {
        if (name.ends_with("(offsets)")) {
          // One list per event; the strings: their count + 1 offsets, string 0 empty.
          const bool strings = name == "strings (offsets)";
          expect((strings ? c.size() >= 2 && c[1] == 0 : c.size() == std::size_t{n} + 1) && c[0] == 0 &&
                     std::is_sorted(c.begin(), c.end()),
                 "{}: lists that do not match their events", name);
        }
      }
    });
    check_text(s);
    // Each set of offsets ends at its items' end.
    std::span<const std::uint32_t> offsets;
    core::event_store::for_each_column(s, [&](std::string_view name, const auto& c) {
      if (name.ends_with("(offsets)")) {
        if constexpr (std::is_same_v<typename std::decay_t<decltype(c)>::value_type, std::uint32_t>) {
          offsets = c.span();
        }
      } else if (!offsets.empty()) {
        expect(offsets.back() == c.size(), "{}: lists that do not match their items", name);
        offsets = {};
      }
    });
    if (auto fault = s.prose().fault()) fail(*fault);
  }

  // Every string valid UTF-8, as a text file's reader guarantees (names are folded, ids
  // compared, text printed). The characters of all the strings are one UTF-8 text, and each
  // string starts where a character starts: then each is whole characters. (After
  // check_store_lists: the offsets are in bounds.) Only a failure looks for the string.
  void check_text(const core::event_store& s) const {
    std::string_view all;
    std::span<const std::uint32_t> starts;
    core::event_store::for_each_column(s, [&](std::string_view name, const auto& c) {
      using T = typename std::decay_t<decltype(c)>::value_type;
      if constexpr (std::is_same_v<T, char>) {
        if (name == "strings (characters)") all = {c.data(), c.size()};
      } else if constexpr (std::is_same_v<T, std::uint32_t>) {
        if (name == "strings (offsets)") starts = c.span();
      }
    });
    bool whole = core::is_valid_utf8(all);  // eight ASCII bytes at a time
    for (const std::uint32_t at : starts) {
      const auto byte = at < all.size() ? static_cast<unsigned char>(all[at]) : 0U;
      whole &= (byte & 0xC0U) != 0x80U;  // not a continuation byte
    }
    if (whole) return;
    const core::string_pool& pool = s.strings();
    for (std::uint32_t k = 0; k < pool.size(); ++k) {
      expect(core::is_valid_utf8(pool[k]), "string {}: not valid UTF-8", k);
    }
  }

  // A code of the country table (info() has an answer for every one); each code once
  // looked up, however many events name it.
  auto well_formed(country_code c) const -> bool {
    if (c.empty()) return true;
    // Events name a few hundred countries at most: each is parsed once, then found in a
    // small direct-mapped cache (a hash set's lookup was a fifth of opening a snapshot).
    const std::uint32_t bits = core::country_access::bits(c);
    std::uint32_t& seen = countries_seen_[(bits * 0x9E3779B1U) >> (32 - country_cache_bits)];
    if (seen == bits) return true;
    const auto parsed = country_code::try_parse(c.alpha2());
    if (!parsed || *parsed != c) return false;
    seen = bits;
    return true;
  }

  // A hash table: an empty slot (lookups stop at one), and no more slots than 32-bit
  // numbers can count (core::home_slot scales a 32-bit hash to the size).
  template <class Slot, class Empty>
  void check_table(const core::column<Slot>& slots, std::string_view name, Empty empty) const {
    if (slots.empty()) return;
    expect(slots.size() <= std::size_t{1} << 32 && std::any_of(slots.begin(), slots.end(), empty),
           "{}: not a well-formed hash table", name);
  }

  // A day number that the queries' arithmetic (a day after, a span between two) cannot
  // overflow: the far past and future sentinels of diplo::period are ±10^7.
  static auto day(std::int32_t d) noexcept -> bool { return d > -(1 << 28) && d < (1 << 28); }

  // The children lists say what the facts' parents say: each listed child names the list's
  // event as its parent, once, in timeline order, and every event with a parent is listed.
  // A walk down the lists then goes one level deeper each step (the depths are checked), so
  // it ends: a list that named an ancestor would walk forever.
  void check_children(const core::timeline_index& ix, std::uint32_t n) const {
    const auto& parents = ix.children.parents;
    std::size_t listed = 0;
    for (std::uint32_t k = 0; k < parents.size(); ++k) {
      const auto list = ix.children.children.of(k);
      for (std::size_t j = 0; j < list.size(); ++j) {
        expect(ix.facts[list[j]].parent == parents[k] && (j == 0 || list[j - 1] < list[j]),
               "children: a list that is not its event's children");
      }
      listed += list.size();
    }
    std::size_t with_parent = 0;
    for (std::uint32_t i = 0; i < n; ++i) with_parent += ix.facts[i].parent == core::no_index ? 0U : 1U;
    expect(listed == with_parent, "children: not every event inside another listed");
  }

  void check_index(const core::timeline_index& ix, std::uint32_t n, std::uint32_t actors) const {
    auto event = [&](std::uint32_t i) { return i < n; };
    auto actor = [&](std::uint32_t a) { return a < actors; };
    auto dated = [&](const core::dated& d) { return event(d.event) && day(d.day); };
    expect(ix.facts.size() == n, "facts: not one per event");
    check_all(ix.facts, "facts", [&](const core::event_facts& f) {
      return (f.parent == core::no_index || f.parent < n) && day(f.earliest_start) && day(f.latest_start);
    });
    // Each event one deeper than its parent, so that no chain of parents loops.
    for (std::uint32_t i = 0; i < n; ++i) {
      const core::event_facts& f = ix.facts[i];
      expect(f.parent == core::no_index ? f.depth == 0 : ix.facts[f.parent].depth + 1 == f.depth,
             "facts: a parent that is not one level up");
    }
    expect(core::inside_after_holds(ix.facts.span()), "facts: an event inside another sorts before it");
    const auto& parents = ix.children.parents;
    expect(std::adjacent_find(parents.begin(), parents.end(), std::greater_equal<>()) == parents.end(),
           "children: parents out of order");
    check_all(parents, "children (parents)", event);
    check_lists(ix.children.children, parents.size(), "children");
    check_all(ix.children.children.items, "children", event);
    check_children(ix, n);
    check_lists(ix.actor_events, actors, "actor events");
    check_all(ix.actor_events.items, "actor events", event);
    check_lists(ix.group_entries, actors, "group entries");
    check_all(ix.group_entries.items, "group entries", dated);
    check_table(ix.pair_table.slots, "pair table", [](const auto& x) { return x.key == 0; });
    check_all(ix.pair_table.slots, "pair table", [&](const core::range_table::slot& x) {
      return x.begin <= x.end && x.end <= ix.pair_entries.size();
    });
    check_all(ix.pair_entries, "pair entries", dated);
    check_lists(ix.span_events, std::size_t{actors} * core::span_classes, "span events");
    check_all(ix.span_events.items, "span events", dated);
    expect(ix.span_events.lengths.size() == ix.span_events.items.size(),
           "span events: not one length per entry");
    check_all(ix.span_events.lengths, "span events (lengths)", [](std::uint16_t x) { return x != 0; });
    expect(ix.span_max.size() == std::size_t{actors} * core::span_classes, "span max: not one per list");
    check_all(ix.span_max, "span max", day);
    check_all(ix.trips, "trips", [&](const core::trip_start& t) {
      return day(t.earliest) && t.latest() < (1 << 28) &&
             t.level() <= static_cast<std::uint8_t>(visit_level::state);
    });
    const auto& trips = ix.trip_table;
    expect(trips.offsets.size() == std::size_t{actors} + 1 && trips.offsets[0] == 0 &&
               std::is_sorted(trips.offsets.begin(), trips.offsets.end()) &&
               trips.offsets.back() + std::size_t{1} == trips.runs.size() &&
               trips.runs.back().begin == ix.trips.size(),
           "trip directory: runs that do not match the actors or the trips");
    check_all(trips.runs, "trip directory",
              [&](const core::trip_directory::run& r) { return r.begin <= ix.trips.size(); });
    check_table(ix.event_number.slots, "event numbers",
                [](const auto& x) { return x.number == core::no_index; });
    check_all(ix.event_number.slots, "event numbers",
              [&](const core::id_table::slot& x) { return x.number == core::no_index || x.number < n; });
    expect(ix.name_rank.size() == actors, "name ranks: not one per actor");
    check_all(ix.name_rank, "name ranks", actor);
    check_days(ix.days, n);
  }

  void check_days(const core::day_tree& d, std::uint32_t n) const {
    expect(d.stop.size() == n && d.by_start.size() == d.by_end.size(), "day tree: not one entry per event");
    const auto nodes = static_cast<std::uint32_t>(d.nodes.size());
    for (std::uint32_t k = 0; k < nodes; ++k) {
      const core::day_tree::node& x = d.nodes[k];
      // Children after their parent: a walk down the tree ends.
      auto child = [&](std::uint32_t c) { return c == core::no_index || (c > k && c < nodes); };
      expect(
          child(x.left) && child(x.right) && x.begin <= x.end && x.end <= d.by_start.size() && day(x.center),
          "day tree: node {} out of range", k);
    }
    check_all(d.by_start, "day tree", [&](std::uint32_t i) { return i < n; });
    check_all(d.stop, "day tree", day);
    check_all(d.by_end, "day tree", [&](std::uint32_t i) { return i < n; });
  }

  const std::byte* p_;
  std::size_t size_;
  std::string file_;
  std::uint32_t arrays_ = 0;
  static constexpr unsigned country_cache_bits = 12;
  mutable std::array<std::uint32_t, std::size_t{1} << country_cache_bits> countries_seen_{};  // 0: empty
};

}  // namespace

auto open_snapshot(const std::filesystem::path& path, dataset_info* info) -> timeline {
  detail::mapped_file m = detail::map_file(path);
  return reader(m.bytes, m.size, path.string()).read(std::move(m.owner), info);
}

auto read_snapshot(std::string_view bytes, std::string_view file, dataset_info* info) -> timeline {
  // Eight-byte words, so that every array is aligned as its items need.
  auto words = std::make_shared<std::vector<std::uint64_t>>((bytes.size() + 7) / 8);
  if (!bytes.empty()) std::memcpy(words->data(), bytes.data(), bytes.size());
  const auto* p = reinterpret_cast<const std::byte*>(words->data());
  return reader(p, bytes.size(), std::string(file)).read(std::move(words), info);
}

}  // namespace diplo::io
