// SPDX-License-Identifier: MIT
#pragma once

// Plain-text helpers shared by the readers, the importers and the name index: white
// space, trimming, splitting into words, and byte offsets turned into line:column.
//
// WHITE SPACE is ASCII's six: space, tab, line feed, carriage return, form feed and
// vertical tab (what std::isspace says in the "C" locale, without a locale). JSON's and
// XML's white space are four of them; the other two are never valid between tokens
// there, so a scanner of either reads the same text with `is_space`. Other spaces
// (U+00A0 and the like) are text: name folding (fold.h) is what treats them as
// separators.
//
// LINES AND COLUMNS. A line ends at LF, at CR LF or at a CR alone (so a file saved
// with old Mac line endings gets the line numbers an editor shows; it is also the rule
// of the CSV lexer and of XML's end-of-line handling). Lines and columns count from 1,
// and a column counts bytes from the start of its line: a position shows where to look
// in any editor whatever it takes a character to be. A position inside a CR LF pair (on
// the LF) is on the line the pair ends.
//
//   line_map m("ab\ncd");  m.at(4)  // {2, 2}: the 'd'

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace diplo::detail {

/// True for ASCII white space: ' ', '\t', '\n', '\r', '\f' and '\v'.
[[nodiscard]] constexpr auto is_space(char c) noexcept -> bool {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// `s` without the white space at either end.
///
///   trim("  Xi Jinping \n")  // "Xi Jinping"
[[nodiscard]] constexpr auto trim(std::string_view s) noexcept -> std::string_view {
  std::size_t first = 0;
  std::size_t last = s.size();
  while (first < last && is_space(s[first])) ++first;
  while (last > first && is_space(s[last - 1])) --last;
  return s.substr(first, last - first);
}

/// The words of `s`: the pieces between runs of white space, never empty, views into `s`.
///
///   split_words(" jean  claude ")  // {"jean", "claude"}
[[nodiscard]] inline auto split_words(std::string_view s) -> std::vector<std::string_view> {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (true) {
    while (i < s.size() && is_space(s[i])) ++i;
    if (i == s.size()) break;
    const std::size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    out.push_back(s.substr(start, i - start));
  }
  return out;
}

/// `s` trimmed, each run of white space inside it made one space.
///
///   collapse_space(" John \n F.  Kennedy ")  // "John F. Kennedy"
[[nodiscard]] inline auto collapse_space(std::string_view s) -> std::string {
  std::string out;
  out.reserve(s.size());
  for (std::string_view w : split_words(s)) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

/// The line and column of a byte offset, both from 1 (see "lines and columns" above).
struct text_position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;

  friend auto operator==(const text_position&, const text_position&) -> bool = default;
};

/// Turns byte offsets into one text into line:column. Fast for offsets that mostly
/// increase: it scans on from the last answer, and backs up from there (not from the
/// start) for an earlier one, so errors out of order do not make a large input
/// quadratic. Borrows `text`, which must outlive it.
class line_map {
 public:
  explicit line_map(std::string_view text) noexcept
      : text_(text), has_cr_(text.find('\r') != std::string_view::npos) {}

  /// The position of byte `offset` (an offset past the end is the end).
  ///
  ///   line_map("a\r\nb\rc").at(5)  // {3, 1}
  [[nodiscard]] auto at(std::size_t offset) noexcept -> text_position {
    offset = std::min(offset, text_.size());
    if (offset < pos_) {
      if (offset < line_start_) {
        std::size_t ends = 0;
        for (std::size_t i = offset; i < line_start_; ++i) {
          if (ends_line(i)) ++ends;
        }
        line_ -= static_cast<std::uint32_t>(ends);
        line_start_ = offset;
        while (line_start_ > 0 && !ends_line(line_start_ - 1)) --line_start_;
      }
      pos_ = offset;
    }
    if (!has_cr_) {  // LF only, the common case: memchr from line to line
      const char* p = text_.data() + pos_;
      const char* const end = text_.data() + offset;
      while (p < end) {
        const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
        if (nl == nullptr) break;
        p = static_cast<const char*>(nl) + 1;
        ++line_;
        line_start_ = static_cast<std::size_t>(p - text_.data());
      }
    } else {
      for (std::size_t i = pos_; i < offset; ++i) {
        if (ends_line(i)) {
          ++line_;
          line_start_ = i + 1;
        }
      }
    }
    pos_ = offset;
    return {line_, static_cast<std::uint32_t>(offset - line_start_ + 1)};
  }

 private:
  // True when the byte at `i` is the last of a line end: LF, or a CR not before an LF.
  [[nodiscard]] auto ends_line(std::size_t i) const noexcept -> bool {
    const char c = text_[i];
    return c == '\n' || (c == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n'));
  }

  std::string_view text_;
  bool has_cr_;
  std::size_t pos_ = 0;         // scanned up to here
  std::size_t line_start_ = 0;  // offset of the line containing pos_
  std::uint32_t line_ = 1;
};

}  // namespace diplo::detail
