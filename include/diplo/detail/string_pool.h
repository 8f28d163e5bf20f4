// SPDX-License-Identifier: MIT
#pragma once

// The event store's two pools of strings. A `string_pool` holds, plainly, the strings that
// queries compare as they run (actor ids, journeys). A `text_pool` holds the rest, compressed
// (issue 15: memory): event and parent ids, cities, zones, descriptions, notes, summit names
// and series, and every source's URL, publisher and title. These are most of a frozen
// timeline's bytes and are read only when an event is materialised, printed or looked up by
// its id, so they are kept compressed and decoded on reading (~80 ns a text). Internal.
//
// THE CODE. A table of at most 255 symbols, each 1 to 8 bytes of whole UTF-8 characters,
// learnt from the pool's own text (FSST's way: Boncz, Neumann, Leis, "FSST: Fast Random
// Access String Compression", VLDB 2020). A string is a sequence of one-byte codes: code c
// < the number of symbols stands for symbol c; code 255 is an escape, followed by one byte
// of the text as it is. Encoding takes the longest symbol that matches at each point. Each
// string decodes alone (random access), and the same text always gives the same codes, so
// strings are still stored once each: a URL cited by a thousand events is one string.
//
//   "https://newnation.io/putin-in-china-on-state-visit"   (50 bytes; a URL of the bundled
//   data, with the table learnt from its 650 texts: 37 KB to 20 KB)
//   -> [https://][ne][w][na][ti][on][.][i][o][/putin-][in-][china][-][on][-s][ta][te][-][visit]
//   (19 codes). The 10^5-event synthetic world's texts: 22.9 MB to 10.3 MB.
//
// THE RULE FOR A FILE'S POOL. A pool mapped from a snapshot is checked (`fault()`) before it
// is read: every code is a symbol or an escape with its byte, no escape is cut off by its
// string's end, every symbol is whole UTF-8 characters, and each run of escaped bytes
// between symbols is valid UTF-8. Then every string decodes to valid UTF-8, in bounds.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diplo/detail/column.h"
#include "diplo/export.h"

namespace diplo::detail {

/// The most strings, list items or events the store numbers (its numbers are 32 bits; the
/// largest is string_pool::absent).
inline constexpr std::size_t max_store_count = std::numeric_limits<std::uint32_t>::max() - 1;

/// Throws diplo::error: "too many `what` for the event store: `n` (at most max_store_count)".
[[noreturn]] DIPLO_API void throw_too_many(std::string_view what, std::size_t n);

/// Strings stored once each: string k is `chars[offsets[k], offsets[k+1])`; string 0 is
/// the empty string. `absent` is the number of no string at all (an absent optional).
class string_pool {
 public:
  static constexpr std::uint32_t absent = std::numeric_limits<std::uint32_t>::max();

  /// The number of strings (the empty one included).
  [[nodiscard]] auto size() const noexcept -> std::size_t { return offsets_.size() - 1; }

  /// String `k`. Precondition: k < size().
  [[nodiscard]] auto operator[](std::uint32_t k) const noexcept -> std::string_view {
    return {chars_.data() + offsets_[k], offsets_[k + 1] - offsets_[k]};
  }

  /// The bytes of the strings' characters, all strings together.
  [[nodiscard]] auto text_bytes() const noexcept -> std::size_t { return chars_.size(); }

  /// The heap this pool holds (characters and offsets, as allocated).
  [[nodiscard]] auto bytes() const noexcept -> std::size_t {
    return chars_.heap_bytes() + offsets_.heap_bytes();
  }

 private:
  friend class string_pool_builder;
  friend class event_store;
  column<std::uint32_t> offsets_{0, 0};
  column<char> chars_;
};

/// Interns strings into a pool: the same text gives the same number. An open-addressing
/// hash table of string numbers (no copy of any key), grown at half full.
class string_pool_builder {
 public:
  string_pool_builder();

  /// The number of `s` in the pool, adding it the first time. Throws diplo::error past 2^32 - 2
  /// strings or 4 GiB of characters (the pool's 32-bit offsets).
  DIPLO_API auto intern(std::string_view s) -> std::uint32_t;

  /// Makes room for `strings` distinct strings of `chars` characters in all without growing
  /// (upper bounds are fine: finish() trims).
  DIPLO_API void reserve(std::size_t strings, std::size_t chars);

  /// The pool, trimmed to its size.
  [[nodiscard]] DIPLO_API auto finish() && -> string_pool;

 private:
  void grow();
  void rehash(std::size_t slots);
  string_pool pool_;
  std::vector<std::uint64_t> slots_;  // hash bits, string number + 1; 0 is a free slot
};

/// Strings compressed with a symbol table (see above); string 0 is the empty string.
/// Where each string's codes lie takes ~1.25 bytes a string, not the 4 of an offset: one
/// byte of its size (the number of its codes), and per block of 16 strings where the
/// block's codes begin. A string of 255 codes or more has the size byte 255 and its size
/// in a short table of its own (`long_sizes`).
class text_pool {
 public:
  static constexpr std::size_t max_symbols = 255;
  static constexpr std::uint8_t escape = 255;
  static constexpr std::size_t max_symbol_length = 8;
  /// Strings per block (`starts`).
  static constexpr std::uint32_t block = 16;
  /// The size byte of a string of this many codes or more.
  static constexpr std::uint8_t long_size = 255;

  /// The size of a string of long_size codes or more.
  struct long_record {
    std::uint32_t string = 0;
    std::uint32_t size = 0;
  };

  /// The number of strings (the empty one included).
  [[nodiscard]] auto size() const noexcept -> std::size_t { return sizes_.size(); }

  /// String `k`, decoded. Precondition: k < size().
  [[nodiscard]] DIPLO_API auto operator[](std::uint32_t k) const -> std::string;

  /// The number of symbols in the table.
  [[nodiscard]] auto symbols() const noexcept -> std::size_t { return lengths_.size(); }
  /// Symbol `c` (c < symbols()).
  [[nodiscard]] auto symbol(std::size_t c) const noexcept -> std::string_view {
    return {symbols_.data() + c * max_symbol_length, lengths_[c]};
  }

  /// The bytes of the codes, all strings together.
  [[nodiscard]] auto code_bytes() const noexcept -> std::size_t { return codes_.size(); }

  /// The heap this pool holds (table, codes and where each string's lie, as allocated).
  [[nodiscard]] auto bytes() const noexcept -> std::size_t {
    return symbols_.heap_bytes() + lengths_.heap_bytes() + starts_.heap_bytes() + sizes_.heap_bytes() +
           longs_.heap_bytes() + codes_.heap_bytes();
  }

  /// What is wrong with a pool read from a file, if anything (see the rule above; and the
  /// strings' sizes and starts: string 0 empty, every string within the codes, the codes
  /// all some string's).
  [[nodiscard]] DIPLO_API auto fault() const -> std::optional<std::string>;

  /// Calls f(name, column) for each of its arrays, always in the same order (the event
  /// store's for_each_column).
  template <class Self, class F>
  static void for_each_column(Self& p, F&& f) {
    f("texts (symbols)", p.symbols_);
    f("texts (symbol lengths)", p.lengths_);
    f("texts (starts)", p.starts_);
    f("texts (sizes)", p.sizes_);
    f("texts (long sizes)", p.longs_);
    f("texts (codes)", p.codes_);
  }

 private:
  friend class text_pool_builder;
  /// The codes of string k. Precondition: k < size() (and, for a file's pool, no fault()).
  [[nodiscard]] auto codes_of(std::uint32_t k) const noexcept -> std::span<const std::uint8_t>;
  /// The size of string k (its number of codes).
  [[nodiscard]] auto size_of(std::uint32_t k) const noexcept -> std::size_t;
  /// What is wrong with the sizes and starts, if anything (fault()'s first part).
  [[nodiscard]] auto layout_fault() const -> std::optional<std::string>;

  column<char> symbols_;             // max_symbol_length bytes each, zero after the symbol
  column<std::uint8_t> lengths_;     // each symbol's length, 1 to 8
  column<std::uint32_t> starts_{0};  // per block of strings: where its first string's codes begin
  column<std::uint8_t> sizes_{0};    // per string: its number of codes, or long_size
  column<long_record> longs_;        // the sizes of the strings of long_size codes or more, by string
  column<std::uint8_t> codes_;
};

/// Gathers strings, each once (the same text gives the same number), then learns a symbol
/// table from them and compresses them all (`finish`).
class text_pool_builder {
 public:
  /// The number of `s` in the pool, adding it the first time. Throws diplo::error past 2^32 - 2
  /// strings or 4 GiB of text.
  DIPLO_API auto intern(std::string_view s) -> std::uint32_t;

  /// Makes room for `strings` distinct strings of `chars` characters in all.
  DIPLO_API void reserve(std::size_t strings, std::size_t chars);

  /// The pool, compressed. Deterministic: the same strings in the same order give the same
  /// bytes.
  [[nodiscard]] DIPLO_API auto finish() && -> text_pool;

  /// The pool of `strings`, compressed (what finish() does with the strings gathered).
  [[nodiscard]] DIPLO_API static auto compress(const string_pool& strings) -> text_pool;

 private:
  string_pool_builder raw_;
};

}  // namespace diplo::detail
