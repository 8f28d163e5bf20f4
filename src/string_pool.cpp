// SPDX-License-Identifier: MIT
// The event store's pools of strings (diplo/detail/string_pool.h): interning, and the
// compressed text pool's symbol table, encoder, decoder and file check.

#include "diplo/detail/string_pool.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "diplo/detail/utf8.h"
#include "diplo/error.h"

namespace diplo::detail {

void throw_too_many(std::string_view what, std::size_t n) {
  throw diplo::error(fmt::format("[diplo.timeline] too many {} for the event store: {} (at most {})", what, n,
                                 max_store_count));
}

namespace {

auto hash_of(std::string_view s) noexcept -> std::size_t { return std::hash<std::string_view>{}(s); }

// A slot of the interning table: the string's number + 1 in the low 32 bits (0: a free slot),
// 32 bits of its hash above them.
auto high_bits(std::size_t h) noexcept -> std::uint32_t {
  return static_cast<std::uint32_t>(static_cast<std::uint64_t>(h) >> 32 ^ static_cast<std::uint64_t>(h));
}
auto make_slot(std::size_t number, std::size_t h) noexcept -> std::uint64_t {
  return std::uint64_t{high_bits(h)} << 32 | static_cast<std::uint32_t>(number + 1);
}
auto slot_hash(std::uint64_t slot) noexcept -> std::uint32_t {
  return static_cast<std::uint32_t>(slot >> 32);
}

}  // namespace

// --- string_pool_builder ---------------------------------------------------------------------

string_pool_builder::string_pool_builder() : slots_(64, 0) {}

auto string_pool_builder::intern(std::string_view s) -> std::uint32_t {
  if (s.empty()) return 0;
  const std::size_t h = hash_of(s);
  const std::size_t mask = slots_.size() - 1;
  std::size_t k = h & mask;
  for (; slots_[k] != 0; k = (k + 1) & mask) {
    // Most slots of other strings are told apart by the hash's high bits, without reading the text.
    if (slot_hash(slots_[k]) != high_bits(h)) continue;
    const std::uint32_t n = static_cast<std::uint32_t>(slots_[k]) - 1;
    if (pool_[n] == s) return n;
  }
  const std::size_t number = pool_.size();
  if (number >= max_store_count) throw_too_many("strings", number + 1);
  if (pool_.chars_.size() + s.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw_too_many("characters of text", pool_.chars_.size() + s.size());
  }
  pool_.chars_.append(s.begin(), s.end());
  pool_.offsets_.push_back(static_cast<std::uint32_t>(pool_.chars_.size()));
  slots_[k] = make_slot(number, h);
  if (2 * pool_.size() > slots_.size()) grow();
  return static_cast<std::uint32_t>(number);
}

void string_pool_builder::reserve(std::size_t strings, std::size_t chars) {
  pool_.chars_.reserve(chars);
  pool_.offsets_.reserve(strings + 2);
  std::size_t slots = slots_.size();
  while (slots < 2 * (strings + 1)) slots *= 2;
  if (slots > slots_.size()) rehash(slots);
}

void string_pool_builder::grow() { rehash(slots_.size() * 2); }

void string_pool_builder::rehash(std::size_t slots) {
  slots_.assign(slots, 0);
  const std::size_t mask = slots - 1;
  for (std::size_t n = 1; n < pool_.size(); ++n) {
    const std::size_t h = hash_of(pool_[static_cast<std::uint32_t>(n)]);
    std::size_t k = h & mask;
    while (slots_[k] != 0) k = (k + 1) & mask;
    slots_[k] = make_slot(n, h);
  }
}

auto string_pool_builder::finish() && -> string_pool {
  slots_ = {};
  pool_.chars_.shrink_to_fit();
  pool_.offsets_.shrink_to_fit();
  return std::move(pool_);
}

// --- the text pool's symbols -------------------------------------------------------------------

namespace {

constexpr std::size_t symbol_bytes = text_pool::max_symbol_length;

/// A symbol, or a candidate for one: up to 8 bytes, zero after them.
struct symbol {
  std::uint64_t bytes = 0;
  std::uint8_t length = 0;

  [[nodiscard]] static auto of(std::string_view s) noexcept -> symbol {
    symbol x;
    std::memcpy(&x.bytes, s.data(), s.size());
    x.length = static_cast<std::uint8_t>(s.size());
    return x;
  }
  [[nodiscard]] auto text() const noexcept -> std::string_view {
    return {reinterpret_cast<const char*>(&bytes), length};
  }
  [[nodiscard]] auto key() const noexcept -> std::uint64_t { return bytes * 9 + length; }
};

/// The mask of a word's first `n` bytes in memory (1 ≤ n ≤ 8).
constexpr auto first_bytes_mask(std::size_t n) noexcept -> std::uint64_t {
  if (n >= 8) return ~std::uint64_t{0};  // (a shift by 64 bits is undefined)
  return std::endian::native == std::endian::little ? (std::uint64_t{1} << (8 * n)) - 1
                                                    : ~(~std::uint64_t{0} >> (8 * n));
}

/// The length of the whole UTF-8 character at `at` of `s`, or 0 for a byte that starts none
/// (never part of a symbol, always escaped).
auto character_at(std::string_view s, std::size_t at) noexcept -> std::size_t {
  const auto b = static_cast<unsigned char>(s[at]);
  return b < 0x80 ? 1 : utf8::decode(s, at).length;
}

/// Longest-match lookup of a symbol table: the symbols of two bytes or more by their first
/// two bytes, longest first; those of one byte by it.
class symbol_finder {
 public:
  explicit symbol_finder(const std::vector<symbol>& table) : table_(table), start_(65537, 0) {
    single_.fill(none);
    for (std::size_t c = 0; c < table.size(); ++c) {
      if (table[c].length == 1)
        single_[first_byte(table[c])] = static_cast<std::uint16_t>(c);
      else
        ++start_[pair_of(table[c]) + 1];
    }
    for (std::size_t k = 1; k < start_.size(); ++k) start_[k] += start_[k - 1];
    std::vector<std::uint32_t> next(start_.begin(), start_.end() - 1);
    order_.resize(start_.back());
    for (std::size_t c = 0; c < table.size(); ++c) {
      if (table[c].length > 1) order_[next[pair_of(table[c])]++] = static_cast<std::uint8_t>(c);
    }
    for (std::size_t k = 0; k + 1 < start_.size(); ++k) {
      std::stable_sort(order_.begin() + start_[k], order_.begin() + start_[k + 1],
                       [&](std::uint8_t x, std::uint8_t y) { return table_[x].length > table_[y].length; });
    }
  }

  /// The code of the longest symbol that `s` (not empty) starts with, if any.
  [[nodiscard]] auto longest(std::string_view s) const noexcept -> std::optional<std::uint8_t> {
    std::uint64_t head = 0;
    std::memcpy(&head, s.data(), std::min(s.size(), symbol_bytes));
    if (s.size() >= 2) {
      const unsigned pair =
          unsigned{static_cast<unsigned char>(s[0])} << 8U | unsigned{static_cast<unsigned char>(s[1])};
      for (std::uint32_t k = start_[pair]; k < start_[pair + 1]; ++k) {
        const symbol& x = table_[order_[k]];
        if (x.length <= s.size() && (head & first_bytes_mask(x.length)) == x.bytes) return order_[k];
      }
    }
    const std::uint16_t c = single_[static_cast<unsigned char>(s[0])];
    if (c != none) return static_cast<std::uint8_t>(c);
    return std::nullopt;
  }

 private:
  static constexpr std::uint16_t none = 0xFFFF;
  static auto first_byte(const symbol& s) noexcept -> unsigned {
    return static_cast<unsigned char>(s.text()[0]);
  }
  static auto pair_of(const symbol& s) noexcept -> unsigned {
    return first_byte(s) << 8U | unsigned{static_cast<unsigned char>(s.text()[1])};
  }
  const std::vector<symbol>& table_;
  std::vector<std::uint32_t> start_;  // by first two bytes: where their symbols start in order_
  std::vector<std::uint8_t> order_;
  std::array<std::uint16_t, 256> single_{};
};

/// Learns a symbol table from a sample of strings (FSST's rounds): encode the sample with the
/// table so far, count how often each symbol, each escaped character and each two neighbours
/// joined occur, and keep the 255 that cover the most bytes. Deterministic.
class symbol_learner {
 public:
  explicit symbol_learner(std::vector<std::string_view> sample) : sample_(std::move(sample)) {}

  auto learn(int rounds) -> std::vector<symbol> {
    std::vector<symbol> table;
    for (int r = 0; r < rounds; ++r) table = round(table);
    return table;
  }

 private:
  auto round(const std::vector<symbol>& table) -> std::vector<symbol> {
    counts_.clear();
    const symbol_finder finder(table);
    for (std::string_view s : sample_) count_string(finder, table, s);
    std::vector<std::pair<std::uint64_t, symbol>> gains;
    gains.reserve(counts_.size());
    for (const auto& [key, c] : counts_) gains.emplace_back(c.count * c.what.length, c.what);
    const std::size_t keep = std::min(gains.size(), text_pool::max_symbols);
    std::partial_sort(gains.begin(), gains.begin() + static_cast<std::ptrdiff_t>(keep), gains.end(),
                      [](const auto& x, const auto& y) {
                        if (x.first != y.first) return x.first > y.first;
                        return x.second.text() < y.second.text();
                      });
    std::vector<symbol> next;
    next.reserve(keep);
    for (std::size_t k = 0; k < keep; ++k) next.push_back(gains[k].second);
    return next;
  }

  // The units `s` encodes to (a symbol, an escaped character, or a byte that starts no
  // character, which joins nothing), each counted, and each two neighbours joined.
  void count_string(const symbol_finder& finder, const std::vector<symbol>& table, std::string_view s) {
    symbol last;
    for (std::size_t at = 0; at < s.size();) {
      symbol unit;
      if (auto c = finder.longest(s.substr(at))) {
        unit = table[*c];
      } else if (const std::size_t n = character_at(s, at); n != 0) {
        unit = symbol::of(s.substr(at, n));
      }
      at += unit.length == 0 ? 1 : unit.length;
      if (unit.length == 0) {
        last = {};
        continue;
      }
      add(unit);
      if (last.length != 0 && last.length + unit.length <= symbol_bytes) {
        add(joined(last, unit));
      }
      last = unit;
    }
  }

  static auto joined(const symbol& a, const symbol& b) noexcept -> symbol {
    std::array<char, 2 * symbol_bytes> both{};
    std::memcpy(both.data(), &a.bytes, a.length);
    std::memcpy(both.data() + a.length, &b.bytes, b.length);
    return symbol::of({both.data(), std::size_t{a.length} + b.length});
  }

  void add(const symbol& s) {
    auto& c = counts_[s.key()];
    c.what = s;
    ++c.count;
  }

  struct counted {
    symbol what;
    std::uint64_t count = 0;
  };
  std::vector<std::string_view> sample_;
  std::unordered_map<std::uint64_t, counted> counts_;
};

/// About this many bytes of text (strings spread evenly over the pool) teach the table.
constexpr std::size_t sample_bytes = std::size_t{1} << 17;

auto sample_of(const string_pool& pool) -> std::vector<std::string_view> {
  const std::size_t n = pool.size();
  const std::size_t stride = std::max<std::size_t>(1, pool.text_bytes() / sample_bytes);
  std::vector<std::string_view> out;
  for (std::size_t k = 1; k < n; k += stride) out.push_back(pool[static_cast<std::uint32_t>(k)]);
  return out;
}

}  // namespace

// --- text_pool ---------------------------------------------------------------------------------

auto text_pool_builder::intern(std::string_view s) -> std::uint32_t { return raw_.intern(s); }

void text_pool_builder::reserve(std::size_t strings, std::size_t chars) { raw_.reserve(strings, chars); }

auto text_pool_builder::finish() && -> text_pool { return compress(std::move(raw_).finish()); }

auto text_pool_builder::compress(const string_pool& strings) -> text_pool {
  const std::vector<symbol> table = symbol_learner(sample_of(strings)).learn(5);
  text_pool p;
  std::vector<char> symbols(table.size() * symbol_bytes, 0);
  std::vector<std::uint8_t> lengths;
  for (std::size_t c = 0; c < table.size(); ++c) {
    std::memcpy(symbols.data() + c * symbol_bytes, &table[c].bytes, symbol_bytes);
    lengths.push_back(table[c].length);
  }
  p.symbols_ = column(std::move(symbols));
  p.lengths_ = column(std::move(lengths));

  const symbol_finder finder(table);
  std::vector<std::uint8_t> codes;
  codes.reserve(strings.text_bytes() / 2);
  std::vector<std::uint32_t> starts;
  starts.reserve(strings.size() / text_pool::block + 1);
  std::vector<std::uint8_t> sizes;
  sizes.reserve(strings.size());
  std::vector<text_pool::long_record> longs;
  for (std::uint32_t k = 0; k < strings.size(); ++k) {
    const std::string_view s = strings[k];
    const std::size_t from = codes.size();
    if (k % text_pool::block == 0) starts.push_back(static_cast<std::uint32_t>(from));
    for (std::size_t at = 0; at < s.size();) {
      if (auto c = finder.longest(s.substr(at))) {
        codes.push_back(*c);
        at += table[*c].length;
      } else {
        codes.push_back(text_pool::escape);
        codes.push_back(static_cast<std::uint8_t>(s[at]));
        ++at;
      }
    }
    if (codes.size() > std::numeric_limits<std::uint32_t>::max())
      throw_too_many("bytes of text", codes.size());
    const std::size_t size = codes.size() - from;
    sizes.push_back(static_cast<std::uint8_t>(std::min<std::size_t>(size, text_pool::long_size)));
    if (size >= text_pool::long_size) longs.push_back({k, static_cast<std::uint32_t>(size)});
  }
  codes.shrink_to_fit();
  p.codes_ = column(std::move(codes));
  p.starts_ = column(std::move(starts));
  p.sizes_ = column(std::move(sizes));
  p.longs_ = column(std::move(longs));
  return p;
}

auto text_pool::size_of(std::uint32_t k) const noexcept -> std::size_t {
  if (sizes_[k] != long_size) return sizes_[k];
  const auto it = std::lower_bound(longs_.begin(), longs_.end(), k,
                                   [](const long_record& x, std::uint32_t n) { return x.string < n; });
  return it == longs_.end() || it->string != k ? 0 : it->size;
}

auto text_pool::codes_of(std::uint32_t k) const noexcept -> std::span<const std::uint8_t> {
  const std::uint32_t first = k - k % block;
  std::size_t at = starts_[first / block];
  for (std::uint32_t j = first; j < k; ++j) at += size_of(j);
  return {codes_.data() + at, size_of(k)};
}

auto text_pool::operator[](std::uint32_t k) const -> std::string {
  const std::span<const std::uint8_t> codes = codes_of(k);
  const std::uint8_t* c = codes.data();
  const std::uint8_t* const end = c + codes.size();
  std::string out(static_cast<std::size_t>(end - c) * symbol_bytes, '\0');
  char* o = out.data();
  while (c != end) {
    const std::uint8_t code = *c++;
    if (code != escape) {
      // Eight bytes copied whatever the length: the room is there, the next code overwrites.
      std::memcpy(o, symbols_.data() + std::size_t{code} * symbol_bytes, symbol_bytes);
      o += lengths_[code];
    } else {
      *o++ = static_cast<char>(*c++);
    }
  }
  out.resize(static_cast<std::size_t>(o - out.data()));
  return out;
}

auto text_pool::layout_fault() const -> std::optional<std::string> {
  const std::size_t n = sizes_.size();
  if (n == 0 || sizes_[0] != 0) return std::string("texts: string 0 is not the empty string");
  if (starts_.size() != (n + block - 1) / block) {
    return fmt::format("texts: {} block starts for {} strings", starts_.size(), n);
  }
  // Each long size where a size byte says so, in order, and nowhere else.
  std::size_t longs = 0;
  for (std::uint8_t x : sizes_) longs += x == long_size;
  if (longs != longs_.size())
    return fmt::format("texts: {} long sizes for {} long strings", longs_.size(), longs);
  for (std::size_t j = 0; j < longs_.size(); ++j) {
    const long_record& x = longs_[j];
    if (x.string >= n || sizes_[x.string] != long_size || x.size < long_size ||
        (j > 0 && x.string <= longs_[j - 1].string)) {
      return fmt::format("texts: long size {} out of order or range", j);
    }
  }
  // The strings one after another, from the first code to the last.
  std::uint64_t at = 0;
  for (std::uint32_t k = 0; k < n; ++k) {
    if (k % block == 0 && starts_[k / block] != at)
      return fmt::format("texts: block {} starts elsewhere", k / block);
    at += size_of(k);
    if (at > codes_.size()) return fmt::format("texts: string {} runs past the codes", k);
  }
  if (at != codes_.size()) return std::string("texts: codes that are no string's");
  return std::nullopt;
}

auto text_pool::fault() const -> std::optional<std::string> {
  const std::size_t n = lengths_.size();
  if (n > max_symbols || symbols_.size() != n * symbol_bytes) {
    return fmt::format("texts: a table of {} symbol lengths and {} bytes", n, symbols_.size());
  }
  for (std::size_t c = 0; c < n; ++c) {
    if (lengths_[c] == 0 || lengths_[c] > symbol_bytes || !is_valid_utf8(symbol(c))) {
      return fmt::format("texts: symbol {} is not 1 to 8 bytes of UTF-8", c);
    }
  }
  if (auto f = layout_fault()) return f;
  std::string escaped;  // the run of escaped bytes since the last symbol
  // The strings in order, each starting where the last ended (layout_fault() checked that
  // this is where codes_of would find them, without summing each one's block again).
  const std::uint8_t* end = codes_.data();
  for (std::uint32_t k = 0; k < sizes_.size(); ++k) {
    const std::uint8_t* c = end;
    end = c + size_of(k);
    bool whole = true;
    escaped.clear();
    while (c != end && whole) {
      const std::uint8_t code = *c++;
      if (code == escape && c != end) {
        escaped.push_back(static_cast<char>(*c++));
      } else if (code < n) {
        whole = is_valid_utf8(escaped);
        escaped.clear();
      } else {
        return fmt::format("texts: string {}: code {} is no symbol{}", k, code,
                           code == escape ? " (an escape at the end)" : "");
      }
    }
    if (!whole || !is_valid_utf8(escaped)) return fmt::format("texts: string {}: not valid UTF-8", k);
  }
  return std::nullopt;
}

}  // namespace diplo::detail
