// SPDX-License-Identifier: MIT
// Claims written in English (parse_claim in diplo/check.h): the sentence is cut into words,
// read by a small hand-written grammar into the parts of a claim (names, verb, country,
// dates, place, count...), and the parts are then checked against the shape of each kind of
// claim. Names are resolved last, so that a sentence of no known shape is reported as such,
// not as an unknown name.

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "diplo/check.h"
#include "diplo/detail/text.h"
#include "diplo/error.h"

namespace diplo {

namespace {

// ---- words ---------------------------------------------------------------------------------

auto lower(std::string_view s) -> std::string {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

auto one_of(std::string_view w, std::initializer_list<std::string_view> list) -> bool {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Quotes that may frame the sentence or a word: " “ ” « » ‘ ’ and '.
constexpr std::string_view quote_marks[] = {"\"",       "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB",
                                            "\xC2\xBB", "\xE2\x80\x98", "\xE2\x80\x99", "'"};

auto strip_quote_front(std::string_view s) -> std::string_view {
  for (std::string_view q : quote_marks) {
    if (s.starts_with(q)) return s.substr(q.size());
  }
  return s;
}

auto strip_quote_back(std::string_view s) -> std::string_view {
  for (std::string_view q : quote_marks) {
    if (s.ends_with(q)) return s.substr(0, s.size() - q.size());
  }
  return s;
}

// The sentence without white space, framing quotes and a final '.' or '!' around it.
auto strip_frame(std::string_view s) -> std::string_view {
  while (true) {
    const std::string_view before = s;
    s = strip_quote_back(strip_quote_front(detail::trim(s)));
    while (!s.empty() && (s.back() == '.' || s.back() == '!')) s.remove_suffix(1);
    if (s == before) return s;
  }
}

struct word {
  std::string_view text;  // as written: a view into the sentence
  std::string low;        // lower case, for matching
};

// A sentence cut into words: "Xi's" is "Xi" and "'s", "2024," is "2024" and ",", and
// parentheses are left out. Knows the column of each word, for the messages.
class sentence {
 public:
  explicit sentence(std::string_view input) : input_(input) {
    const std::string_view body = strip_frame(input);
    for (std::string_view raw : detail::split_words(body)) add(raw);
    end_ = offset(body.data() + body.size());
  }

  [[nodiscard]] auto size() const noexcept -> std::size_t { return words_.size(); }
  [[nodiscard]] auto input() const noexcept -> std::string_view { return input_; }

  // The word at i in lower case; "" past the end, so that looking ahead is always safe.
  [[nodiscard]] auto low(std::size_t i) const -> std::string_view {
    return i < words_.size() ? std::string_view(words_[i].low) : std::string_view();
  }
  [[nodiscard]] auto is(std::size_t i, std::string_view w) const -> bool { return low(i) == w; }

  // The text as written from word `first` to the end of word `end - 1`.
  [[nodiscard]] auto text(std::size_t first, std::size_t end) const -> std::string_view {
    if (first >= end) return {};
    const std::string_view a = words_[first].text;
    const std::string_view b = words_[end - 1].text;
    return {a.data(), static_cast<std::size_t>(b.data() + b.size() - a.data())};
  }

  // The 1-based column of word i in the input (past the end: just after the last word).
  [[nodiscard]] auto column(std::size_t i) const -> std::size_t {
    return (i < words_.size() ? offset(words_[i].text.data()) : end_) + 1;
  }

  [[noreturn]] void fail(std::size_t i, std::string_view expected) const {
    throw parse_error::at("check", input_, column(i), expected);
  }

 private:
  [[nodiscard]] auto offset(const char* p) const -> std::size_t {
    return static_cast<std::size_t>(p - input_.data());
  }

  void add(std::string_view raw) {
    while (!raw.empty() && (raw.front() == '(' || raw.front() == '[')) raw.remove_prefix(1);
    raw = strip_quote_front(raw);
    std::string_view comma;
    while (!raw.empty() && std::string_view(",;:)]").find(raw.back()) != std::string_view::npos) {
      if (raw.back() == ',' || raw.back() == ';') comma = raw.substr(raw.size() - 1);
      raw.remove_suffix(1);
    }
    if (raw != "'s" && raw != "\xE2\x80\x99s") raw = strip_quote_back(raw);
    add_possessive(raw);
    if (!comma.empty()) words_.push_back({comma, ","});
  }

  // "Xi's" (or "Xi’s") is two words, "Xi" and "'s".
  void add_possessive(std::string_view raw) {
    for (std::string_view s : {std::string_view("'s"), std::string_view("'S"),
                               std::string_view("\xE2\x80\x99s"), std::string_view("\xE2\x80\x99S")}) {
      if (raw.size() > s.size() && raw.ends_with(s)) {
        const std::string_view base = raw.substr(0, raw.size() - s.size());
        words_.push_back({base, lower(base)});
        words_.push_back({raw.substr(base.size()), "'s"});
        return;
      }
    }
    if (!raw.empty()) words_.push_back({raw, lower(raw)});
  }

  std::string_view input_;
  std::vector<word> words_;
  std::size_t end_ = 0;
};

// ---- numbers, ordinals, months -------------------------------------------------------------

constexpr std::string_view number_words[] = {"zero",    "one",     "two",       "three",    "four",
                                             "five",    "six",     "seven",     "eight",    "nine",
                                             "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                             "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::string_view tens_words[] = {"",      "",      "twenty",  "thirty", "forty",
                                           "fifty", "sixty", "seventy", "eighty", "ninety"};
constexpr std::string_view ordinal_words[] = {
    "zeroth",     "first",     "second",    "third",       "fourth",     "fifth",     "sixth",
    "seventh",    "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",   "thirteenth",
    "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
constexpr std::string_view tens_ordinals[] = {"",         "",         "twentieth",  "thirtieth", "fortieth",
                                              "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"};

template <std::size_t N>
auto index_in(const std::string_view (&table)[N], std::string_view w) -> std::optional<std::size_t> {
  for (std::size_t i = 0; i < N; ++i) {
    if (!table[i].empty() && table[i] == w) return i;
  }
  return std::nullopt;
}

// A word of tables `units` and `tens`: "three", "twenty", "twenty-one" (or "third", "twentieth",
// "twenty-first").
template <std::size_t N, std::size_t M>
auto spelled(std::string_view w, const std::string_view (&units)[N], const std::string_view (&tens)[M])
    -> std::optional<std::size_t> {
  if (auto n = index_in(units, w)) return n;
  if (auto n = index_in(tens, w)) return *n * 10;
  const std::size_t dash = w.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto t = index_in(tens_words, w.substr(0, dash));
  auto u = index_in(units, w.substr(dash + 1));
  if (!t || !u || *u == 0 || *u > 9) return std::nullopt;
  return *t * 10 + *u;
}

// The number of a word of digits only: "40".
auto digits(std::string_view w) -> std::optional<std::size_t> {
  std::size_t n = 0;
  const char* end = w.data() + w.size();
  auto [p, ec] = std::from_chars(w.data(), end, n);
  if (w.empty() || ec != std::errc{} || p != end) return std::nullopt;
  return n;
}

// "40", "forty", "twenty-one".
auto count_word(std::string_view w) -> std::optional<std::size_t> {
  if (auto n = digits(w)) return n;
  return spelled(w, number_words, tens_words);
}

// A number written with an ordinal suffix: "3rd", "21st", "9th" (the suffix is not checked
// against the number).
auto suffixed(std::string_view w) -> std::optional<std::size_t> {
  if (w.size() < 3) return std::nullopt;
  const std::string_view suffix = w.substr(w.size() - 2);
  if (!one_of(suffix, {"st", "nd", "rd", "th"})) return std::nullopt;
  return digits(w.substr(0, w.size() - 2));
}

// "third", "3rd", "twenty-first".
auto ordinal_word(std::string_view w) -> std::optional<std::size_t> {
  if (auto n = suffixed(w); n && *n > 0) return n;
  auto n = spelled(w, ordinal_words, tens_ordinals);
  if (n && *n == 0) return std::nullopt;
  return n;
}

struct month_name {
  unsigned month = 0;
  bool abbreviated = false;  // "Sep", "Sept.": a date only with a number after it
};

auto month_of(std::string_view w) -> std::optional<month_name> {
  static constexpr std::string_view full[] = {"january",   "february", "march",    "april",
                                              "may",       "june",     "july",     "august",
                                              "september", "october",  "november", "december"};
  static constexpr std::string_view short_names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                     "jul", "aug", "sep", "oct", "nov", "dec"};
  if (auto m = index_in(full, w)) return month_name{static_cast<unsigned>(*m + 1), false};
  if (w.ends_with('.')) w.remove_suffix(1);
  if (w == "sept") return month_name{9, true};
  if (auto m = index_in(short_names, w)) return month_name{static_cast<unsigned>(*m + 1), true};
  return std::nullopt;
}

// "spring" .. "winter" as EDTF's season codes 21..24 ("fall" too).
auto season_of(std::string_view w) -> std::optional<unsigned> {
  if (w == "spring") return 21U;
  if (w == "summer") return 22U;
  if (w == "autumn" || w == "fall") return 23U;
  if (w == "winter") return 24U;
  return std::nullopt;
}

// A four-digit year: "2024".
auto year_of(std::string_view w) -> std::optional<int> {
  if (w.size() != 4) return std::nullopt;
  auto n = digits(w);
  if (!n) return std::nullopt;
  return static_cast<int>(*n);
}

// A day of the month: "9", "09", "22nd".
auto day_of(std::string_view w) -> std::optional<unsigned> {
  auto n = w.size() <= 2 ? digits(w) : suffixed(w);
  if (!n || *n < 1 || *n > 31) return std::nullopt;
  return static_cast<unsigned>(*n);
}

// Whether a word is written like an ISO date: "2024", "2024-10", "2024-10-22".
auto iso_like(std::string_view w) -> bool {
  return w.size() > 4 && w.size() <= 10 && digits(w.substr(0, 4)) && w[4] == '-' &&
         std::all_of(w.begin(), w.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
}

// ---- the parts of a claim ------------------------------------------------------------------

// A value and the word it was read at (for the messages).
template <class T>
struct at {
  T value;
  std::size_t word = 0;
};

// Words first..end-1 of the sentence.
struct span {
  std::size_t first = 0;
  std::size_t end = 0;
};

enum class act : std::uint8_t { visit, meet, stay };
enum class recency : std::uint8_t { last, first };

// What a sentence says, before names are resolved and a kind of claim is chosen.
struct parts {
  std::vector<span> names;    // the subject: one name or two ("Xi and Putin")
  std::optional<span> other;  // "Xi met Putin", "Xi's last meeting with Putin"
  act action = act::visit;
  std::size_t verb = 0;        // the word of the verb (or noun: "visit", "meeting")
  bool ordinal_frame = false;  // "This will be ...": the claim must be an ordinal
  std::optional<at<country_code>> country;
  std::optional<at<recency>> recent;
  std::optional<at<std::size_t>> ordinal;
  std::optional<at<std::size_t>> times;
  std::optional<at<partial_date>> when;
  std::optional<at<partial_date>> since;
  std::optional<at<partial_date>> from;
  std::optional<at<partial_date>> to;
  std::optional<at<claimed_place>> place;
  std::optional<at<std::string>> occasion;
};

// ---- reading the parts ---------------------------------------------------------------------

constexpr std::string_view shape_expected =
    "a sentence of a known shape, such as \"X last visited Y in MONTH YEAR\" or "
    "\"A and B met N times since YEAR\"";

constexpr std::string_view modifier_expected =
    "\"in\" (a date or a place), \"on\" (a day), \"since\", \"from\", \"to\", \"for\" (an occasion), "
    "\"N times\" or the end of the sentence";

// Reads a sentence into its parts, left to right, with a cursor over the words.
class reader {
 public:
  explicit reader(const sentence& s) : s_(s) {}

  auto read() -> parts {
    if (s_.size() == 0) s_.fail(0, shape_expected);
    read_leading();
    if (at_ordinal_frame()) {
      read_ordinal_frame();
    } else if (at_noun_form()) {
      read_noun_form();
    } else {
      read_subject_form();
    }
    while (i_ < s_.size()) {
      if (!read_modifier()) s_.fail(i_, modifier_expected);
    }
    return std::move(p_);
  }

 private:
  [[nodiscard]] auto low(std::size_t i) const -> std::string_view { return s_.low(i); }
  [[nodiscard]] auto low() const -> std::string_view { return s_.low(i_); }

  void expect(std::string_view w, std::string_view expected) {
    if (low() != w) s_.fail(i_, expected);
    ++i_;
  }

  template <class T>
  void set_once(std::optional<at<T>>& slot, T value, std::size_t word, std::string_view what) {
    if (slot) {
      s_.fail(word, fmt::format("the end of the sentence or another part: the claim already has {}", what));
    }
    slot = at<T>{std::move(value), word};
  }

  struct count {
    std::size_t n = 0;
    std::size_t words = 0;  // how many words it takes
  };

  // The count at word i: "3 times", "three times", "once", "twice", "on 3 occasions".
  [[nodiscard]] auto count_at(std::size_t i) const -> std::optional<count> {
    if (low(i) == "once") return count{1, 1};
    if (low(i) == "twice") return count{2, 1};
    if (low(i) == "thrice") return count{3, 1};
    if (auto n = count_word(low(i)); n && one_of(low(i + 1), {"times", "time"})) return count{*n, 2};
    if (auto n = count_word(low(i + 1));
        n && low(i) == "on" && one_of(low(i + 2), {"occasions", "occasion"})) {
      return count{*n, 3};
    }
    return std::nullopt;
  }

  // Whether word i starts a count: "3 times", "once", "11 visits" (after "made").
  [[nodiscard]] auto starts_count(std::size_t i) const -> bool {
    return count_at(i) || (count_word(low(i)) && one_of(low(i + 1), {"visits", "trips", "meetings"}));
  }

  // Whether word i ends a name, a country or a place: a word of the grammar, a comma, a
  // number.
  [[nodiscard]] auto ends_name(std::size_t i) const -> bool {
    static constexpr std::string_view grammar[] = {
        "'s",        "has",      "have",   "had",      "will",      "would",      "did",    "does",
        "do",        "shall",    "is",     "are",      "was",       "were",       "be",     "been",
        "last",      "most",     "first",  "recently", "visited",   "visit",      "visits", "visiting",
        "made",      "make",     "makes",  "making",   "paid",      "pay",        "pays",   "paying",
        "travelled", "traveled", "travel", "travels",  "traveling", "travelling", "went",   "go",
        "goes",      "going",    "flew",   "fly",      "flies",     "came",       "come",   "comes",
        "met",       "meet",     "meets",  "meeting",  "in",        "on",         "for",    "since",
        "from",      "between",  "until",  "till",     "through",   "to",         "with",   ",",
        "took",      "happened", "more",   "over",     "nearly",    "almost",     "about",  "around",
        "several",   "many"};
    return std::find(std::begin(grammar), std::end(grammar), low(i)) != std::end(grammar) || digits(low(i)) ||
           starts_count(i);
  }

  // ---- names ----

  // One name or two joined by "and": "Xi", "Xi Jinping and Vladimir Putin".
  auto read_names() -> std::vector<span> {
    const std::size_t start = i_;
    while (i_ < s_.size() && !ends_name(i_)) ++i_;
    if (i_ == start) s_.fail(start, "a name, such as \"Xi\" or \"Xi and Putin\"");
    std::vector<span> names;
    std::size_t first = start;
    for (std::size_t k = start; k <= i_; ++k) {
      if (k < i_ && !one_of(low(k), {"and", "&"})) continue;
      if (k == first) s_.fail(k, "a name before and after \"and\"");
      if (names.size() == 2) s_.fail(first - 1, "at most two names (\"Xi and Putin\")");
      names.push_back({first, k});
      first = k + 1;
    }
    return names;
  }

  auto read_one_name(std::string_view expected) -> span {
    const std::size_t start = i_;
    std::vector<span> names = read_names();
    if (names.size() != 1) s_.fail(start, expected);
    return names.front();
  }

  // ---- dates ----

  // A date at the cursor, which moves past it; nullopt (and the cursor unmoved) when there is
  // none. Throws for what starts like a date and is not one ("May" with no year, "31 June").
  auto read_date() -> std::optional<at<partial_date>> {
    const std::size_t start = i_;
    if (low() == "the" &&
        (day_of(low(i_ + 1)) || season_of(low(i_ + 1)) || one_of(low(i_ + 1), {"start", "beginning"}))) {
      ++i_;
    }
    std::optional<partial_date> d = iso_date();
    if (!d) d = start_of();
    if (!d) d = day_month_year();
    if (!d) d = month_first();
    if (!d) d = season_year();
    if (!d) d = year_only();
    if (!d) {
      i_ = start;
      return std::nullopt;
    }
    return at<partial_date>{*d, start};
  }

  auto make_date(std::string_view edtf, std::size_t word, std::string_view expected) const -> partial_date {
    auto d = partial_date::try_parse(edtf);
    if (!d) s_.fail(word, expected);
    return *d;
  }

  auto iso_date() -> std::optional<partial_date> {
    if (!iso_like(low())) return std::nullopt;
    const std::size_t w = i_++;
    return make_date(low(w), w, "a date that exists, such as \"2024-10-22\" or \"2024-10\"");
  }

  // "the start of 2022", "the beginning of February 2022": the year or month itself (a
  // range counts from the first day of its FROM).
  auto start_of() -> std::optional<partial_date> {
    if (!one_of(low(), {"start", "beginning"}) || low(i_ + 1) != "of") return std::nullopt;
    i_ += 2;
    const std::size_t w = i_;
    std::optional<partial_date> d = month_first();
    if (!d) d = year_only();
    if (!d) s_.fail(w, "a month or a year after \"the start of\"");
    return d;
  }

  auto full_day(int year, unsigned month, unsigned day, std::size_t word) const -> partial_date {
    return make_date(fmt::format("{:04}-{:02}-{:02}", year, month, day), word,
                     "a day that exists, such as \"22 October 2024\"");
  }

  // "22 October 2024", "9th of May, 2025".
  auto day_month_year() -> std::optional<partial_date> {
    auto day = day_of(low());
    std::size_t k = i_ + 1;
    if (low(k) == "of") ++k;
    auto month = month_of(low(k));
    if (!day || !month) return std::nullopt;
    const std::size_t day_word = i_;
    i_ = k + 1;
    if (low() == ",") ++i_;
    auto year = year_of(low());
    if (!year) s_.fail(i_, fmt::format("a year after \"{}\"", s_.text(day_word, i_)));
    ++i_;
    return full_day(*year, month->month, *day, day_word);
  }

  // "October 22, 2024", "October 2024", "Sept. 2024", "October of 2024".
  auto month_first() -> std::optional<partial_date> {
    auto month = month_of(low());
    if (!month) return std::nullopt;
    const std::size_t month_word = i_;
    std::size_t k = i_ + 1;
    if (auto day = day_of(low(k)); day && !year_of(low(k))) {
      k += low(k + 1) == "," ? 2U : 1U;
      auto year = year_of(low(k));
      if (!year) s_.fail(k, fmt::format("a year after \"{}\"", s_.text(month_word, k)));
      i_ = k + 1;
      return full_day(*year, month->month, *day, month_word);
    }
    if (one_of(low(k), {",", "of"})) ++k;
    auto year = year_of(low(k));
    if (!year) {
      if (month->abbreviated) return std::nullopt;
      s_.fail(k, fmt::format("a year after \"{}\", such as \"{} 2024\"", s_.text(month_word, month_word + 1),
                             s_.text(month_word, month_word + 1)));
    }
    i_ = k + 1;
    return make_date(fmt::format("{:04}-{:02}", *year, month->month), month_word, "a month that exists");
  }

  // "spring 2024", "winter 2023", "the summer of 2024".
  auto season_year() -> std::optional<partial_date> {
    auto season = season_of(low());
    const std::size_t k = low(i_ + 1) == "of" ? i_ + 2 : i_ + 1;
    auto year = year_of(low(k));
    if (!season || !year) return std::nullopt;
    const std::size_t w = i_;
    i_ = k + 1;
    return make_date(fmt::format("{:04}-{}", *year, *season), w, "a season that exists");
  }

  auto year_only() -> std::optional<partial_date> {
    auto year = year_of(low());
    if (!year) return std::nullopt;
    const std::size_t w = i_++;
    return make_date(fmt::format("{:04}", *year), w, "a year");
  }

  // A date after `after` ("since", "from"...), or fails at the cursor.
  auto need_date(std::string_view after) -> at<partial_date> {
    if (auto d = read_date()) return *d;
    s_.fail(i_, fmt::format("a date after \"{}\", such as \"February 2022\", \"22 October 2024\" or \"2024\"",
                            after));
  }

  // ---- the start of the sentence ----

  // "On 9 May 2025, ...", "In 2023, ...", "Since 2022, ...".
  void read_leading() {
    while (true) {
      if (low() == ",") {
        ++i_;
      } else if (one_of(low(), {"in", "on"}) && starts_date(i_ + 1)) {
        read_in_or_on();
      } else if (one_of(low(), {"since", "from", "between"})) {
        read_range();
      } else {
        return;
      }
    }
  }

  auto starts_date(std::size_t k) -> bool {
    const std::size_t saved = i_;
    i_ = k;
    const bool found = read_date().has_value();
    i_ = saved;
    return found;
  }

  // "This will be", "It is", "It's", "This marks".
  [[nodiscard]] auto at_ordinal_frame() const -> bool {
    if (!one_of(low(), {"this", "it", "that"})) return false;
    return one_of(low(i_ + 1), {"is", "'s", "was", "marks", "marked"}) ||
           (one_of(low(i_ + 1), {"will", "would"}) && one_of(low(i_ + 2), {"be", "mark"}));
  }

  void read_ordinal_frame() {
    i_ += one_of(low(i_ + 1), {"will", "would"}) ? 3U : 2U;
    p_.ordinal_frame = true;
    if (at_noun_form()) {
      read_noun_form();
      return;
    }
    p_.names = read_names();
    expect("'s", "a name and \"'s\", such as \"Xi's third visit to Russia\"");
    read_possessed();
  }

  // ---- noun phrases: "Xi's last visit to Russia", "the first meeting of Xi and Putin" ----

  [[nodiscard]] auto head_noun(std::string_view w) const -> std::optional<act> {
    if (one_of(w, {"visit", "trip", "journey"})) return act::visit;
    if (one_of(w, {"meeting", "encounter"})) return act::meet;
    return std::nullopt;
  }

  [[nodiscard]] auto at_noun_form() const -> bool {
    if (low() != "the") return false;
    const std::string_view next = low(i_ + 1);
    return one_of(next, {"last", "latest", "most", "previous", "first"}) || ordinal_word(next) ||
           head_noun(next);
  }

  // [last | latest | most recent | previous | ORDINAL] visit | trip | meeting
  void read_noun_head() {
    const std::size_t w = i_;
    if (one_of(low(), {"last", "latest", "previous"})) {
      ++i_;
      p_.recent = at<recency>{recency::last, w};
    } else if (low() == "most" && low(i_ + 1) == "recent") {
      i_ += 2;
      p_.recent = at<recency>{recency::last, w};
    } else if (auto n = ordinal_word(low())) {
      ++i_;
      p_.ordinal = at<std::size_t>{*n, w};
    }
    auto a = head_noun(low());
    if (!a) s_.fail(i_, "\"visit to\" or \"meeting\", such as \"Xi's last visit to Russia\"");
    p_.action = *a;
    p_.verb = i_++;
  }

  // After "Xi's": "last visit to Russia", "third visit to Russia", "last meeting with Putin".
  void read_possessed() {
    read_noun_head();
    noun_form_ = true;
    if (p_.action == act::visit) {
      expect("to", "\"to\" and a country after \"visit\"");
      read_country("to");
    } else if (low() == "with") {
      ++i_;
      p_.other = read_one_name("one name after \"with\"");
    }
  }

  // "The last meeting of Xi and Putin", "the first meeting between Xi and Putin", "the last
  // visit of Xi to Russia".
  void read_noun_form() {
    ++i_;
    read_noun_head();
    noun_form_ = true;
    if (!one_of(low(), {"of", "by", "between"})) s_.fail(i_, "\"of\" or \"between\" and names");
    ++i_;
    if (p_.action == act::visit) {
      p_.names = {read_one_name("one name after \"of\": a visit is one guest's")};
      expect("to", "\"to\" and a country after the name");
      read_country("to");
      return;
    }
    p_.names = read_names();
    if (p_.names.size() == 1 && low() == "with") {
      ++i_;
      p_.other = read_one_name("one name after \"with\"");
    }
  }

  // ---- sentences with a verb: "Xi last visited Russia", "Xi and Putin met" ----

  void read_subject_form() {
    p_.names = read_names();
    if (low() == "'s") {
      ++i_;
      read_possessed();
      return;
    }
    read_adverbs();
    read_verb();
  }

  // Auxiliaries and the adverbs before the verb: "has", "will", "last", "most recently", "first".
  void read_adverbs() {
    while (true) {
      if (one_of(low(), {"has", "have", "had", "will", "would", "did", "does", "do", "shall", "also"})) {
        ++i_;
      } else if (!read_recency()) {
        return;
      }
    }
  }

  // "last", "most recently", "first": true when read.
  auto read_recency() -> bool {
    const std::size_t w = i_;
    if (low() == "last") {
      if (one_of(low(i_ + 1), {"year", "month", "week", "summer", "spring", "autumn", "winter", "fall"})) {
        s_.fail(w,
                "a date such as \"in July 2024\" (\"last year\" and other relative dates are not supported)");
      }
      ++i_;
      set_once(p_.recent, recency::last, w, "\"last\" or \"first\"");
      return true;
    }
    if (low() == "most" && low(i_ + 1) == "recently") {
      i_ += 2;
      set_once(p_.recent, recency::last, w, "\"last\" or \"first\"");
      return true;
    }
    if (low() == "first") {
      ++i_;
      set_once(p_.recent, recency::first, w, "\"last\" or \"first\"");
      return true;
    }
    if (low() == "recently") {
      s_.fail(w, "\"most recently\" or \"last\" (\"recently\" alone names no one visit or meeting)");
    }
    return false;
  }

  void read_verb() {
    const std::string_view v = low();
    p_.verb = i_;
    if (one_of(v, {"visited", "visit", "visits", "visiting"})) {
      ++i_;
      read_country(v);
    } else if (one_of(v, {"travelled", "traveled", "travel", "travels", "traveling", "travelling", "went",
                          "go", "goes", "going", "flew", "fly", "flies", "came", "come", "comes", "been"})) {
      ++i_;
      expect("to", fmt::format("\"to\" and a country after \"{}\"", s_.text(p_.verb, i_)));
      read_country("to");
    } else if (one_of(v, {"made", "make", "makes", "making", "paid", "pay", "pays", "paying"})) {
      ++i_;
      read_made_visit();
    } else if (one_of(v, {"met", "meet", "meets", "meeting"})) {
      ++i_;
      read_partner();
    } else if (one_of(v, {"was", "is", "were", "are", "be"})) {
      read_being();
    } else {
      s_.fail(i_, "a verb such as \"visited\", \"last visited\", \"met\" or \"was in\" after the name");
    }
  }

  // "is visiting Russia", "is meeting Putin", "was in Moscow".
  void read_being() {
    ++i_;
    if (one_of(low(), {"visiting", "meeting", "travelling", "traveling", "going"})) {
      read_verb();
    } else if (low() == "in") {
      p_.action = act::stay;
    } else {
      s_.fail(i_, fmt::format("\"in\" and a place after \"{}\", such as \"was in Moscow on 9 May 2025\"",
                              s_.text(p_.verb, p_.verb + 1)));
    }
  }

  // After "made" or "paid": "a state visit to", "11 visits to", "his third trip to", "a trip to".
  void read_made_visit() {
    if (one_of(low(), {"a", "an", "the", "his", "her", "its", "their"})) ++i_;
    const std::size_t w = i_;
    if (auto n = count_word(low());
        n && one_of(low(i_ + 1), {"visits", "trips", "journeys", "visit", "trip"})) {
      ++i_;
      p_.times = at<std::size_t>{*n, w};
    } else if (!read_noun_adverb()) {
      read_visit_kind();
    }
    if (!one_of(low(), {"visit", "visits", "trip", "trips", "journey", "journeys"})) {
      s_.fail(i_, "\"visit to\" after \"made\", such as \"made a state visit to Russia\"");
    }
    ++i_;
    expect("to", "\"to\" and a country after \"visit\"");
    read_country("to");
  }

  // "last", "latest", "most recent", "third" before "visit": true when read.
  auto read_noun_adverb() -> bool {
    const std::size_t w = i_;
    if (one_of(low(), {"last", "latest", "previous"}) || (low() == "most" && low(i_ + 1) == "recent")) {
      i_ += low() == "most" ? 2U : 1U;
      p_.recent = at<recency>{recency::last, w};
      return true;
    }
    if (auto n = ordinal_word(low())) {
      ++i_;
      p_.ordinal = at<std::size_t>{*n, w};
      return true;
    }
    return false;
  }

  // The words before "visit" ("state", "official"): the occasion "state visit".
  void read_visit_kind() {
    const std::size_t start = i_;
    while (i_ < s_.size() && i_ - start < 4 &&
           !one_of(low(), {"visit", "trip", "journey", "visits", "trips"}) && !ends_name(i_)) {
      ++i_;
    }
    if (i_ > start) {
      p_.occasion = at<std::string>{detail::collapse_space(s_.text(start, i_)) + " visit", start};
    }
  }

  // After "met": "Putin", "with Putin", "each other", or nothing ("Xi and Putin met in...").
  void read_partner() {
    p_.action = act::meet;
    if (low() == "with") ++i_;
    if (one_of(low(), {"each", "one"}) && one_of(low(i_ + 1), {"other", "another"})) {
      i_ += 2;
      return;
    }
    if (p_.names.size() == 1 && i_ < s_.size() && !ends_name(i_)) {
      p_.other = read_one_name("one name after \"met\", such as \"Xi met Putin\"");
    }
  }

  // The country after "visited" or "to": "Russia", "the United States", "RU". The longest run of
  // words that names one, so that a word after it is reported as itself ("next week").
  void read_country(std::string_view after) {
    const std::size_t start = i_;
    std::size_t end = start;
    while (end < s_.size() && !ends_name(end)) ++end;
    for (std::size_t k = end; k > start; --k) {
      if (auto c = country_in(start, k)) {
        p_.country = at<country_code>{*c, start};
        i_ = k;
        return;
      }
    }
    s_.fail(start, fmt::format("a country after \"{}\", such as \"Russia\" or \"RU\" (a visit names its host "
                               "country, not a city)",
                               after));
  }

  // The country words first..end-1 name, with or without "the".
  [[nodiscard]] auto country_in(std::size_t first, std::size_t end) const -> std::optional<country_code> {
    if (auto c = find_country(s_.text(first, end))) return c;
    if (low(first) == "the" && end > first + 1) return find_country(s_.text(first + 1, end));
    return std::nullopt;
  }

  // ---- what follows the verb: dates, places, counts, occasions ----

  // One modifier at the cursor; false when the word starts none.
  auto read_modifier() -> bool {
    const std::string_view w = low();
    if (w == ",") {
      ++i_;
      return true;
    }
    if (noun_form_ && read_copula()) return true;
    if (read_recency() || read_count() || read_filler()) return true;
    if (w == "in" || w == "on") {
      read_in_or_on();
      return true;
    }
    if (one_of(w, {"since", "from", "between", "until", "till", "through", "to", "by"})) {
      read_range();
      return true;
    }
    if (w == "for") {
      read_for();
      return true;
    }
    return false;
  }

  // Words that add nothing to a count: "in total", "in all", "altogether", "so far", "to date".
  auto read_filler() -> bool {
    if ((low() == "in" && one_of(low(i_ + 1), {"total", "all"})) || (low() == "so" && low(i_ + 1) == "far") ||
        (low() == "to" && low(i_ + 1) == "date")) {
      i_ += 2;
    } else if (low() == "altogether") {
      ++i_;
    } else {
      return false;
    }
    return true;
  }

  // "was", "is", "will be", "took place" in "Xi's last visit to Russia was in October 2024".
  auto read_copula() -> bool {
    if (one_of(low(), {"will", "would"}) && low(i_ + 1) == "be") {
      i_ += 2;
    } else if (one_of(low(), {"was", "is", "were"})) {
      i_ += low(i_ + 1) == "held" ? 2U : 1U;
    } else if (low() == "took" && low(i_ + 1) == "place") {
      i_ += 2;
    } else if (one_of(low(), {"happened", "occurred", "came"})) {
      ++i_;
    } else {
      return false;
    }
    return true;
  }

  // "3 times", "three times", "once", "twice", "on 3 occasions"; approximate counts fail.
  auto read_count() -> bool {
    const std::size_t w = i_;
    if (auto c = count_at(i_)) {
      i_ += c->words;
      set_once(p_.times, c->n, w, "a number of times");
      return true;
    }
    refuse_approximate_count();
    return false;
  }

  void refuse_approximate_count() const {
    const std::string_view w = low();
    const std::string_view next = low(i_ + 1);
    const bool approximate =
        (one_of(w, {"more", "fewer", "less"}) && next == "than") ||
        (w == "at" && one_of(next, {"least", "most"})) ||
        (one_of(w, {"over", "nearly", "almost", "about", "around", "roughly", "approximately", "some",
                    "under", "up"}) &&
         (count_word(next) || next == "to")) ||
        (one_of(w, {"several", "many", "numerous", "multiple", "dozens", "countless", "a"}) &&
         one_of(next, {"times", "of", "dozen", "number"}));
    if (approximate) {
      s_.fail(i_,
              "an exact number of times, such as \"40 times\" (\"more than\", \"at least\", \"about\" and "
              "other approximate counts are not supported)");
    }
  }

  // "in October 2024", "on 22 October 2024", "in Kazan", "in Kazan, Russia".
  void read_in_or_on() {
    const bool on = low() == "on";
    ++i_;
    if (auto d = read_date()) {
      set_once(p_.when, d->value, d->word, "a date");
      return;
    }
    if (one_of(low(), {"early", "late", "mid", "the"}) || low().starts_with("mid-")) {
      s_.fail(
          i_,
          "a date such as \"October 2024\" or \"2024\" (\"early\", \"late\", \"mid-\" are not supported)");
    }
    if (on) s_.fail(i_, "a date after \"on\", such as \"9 May 2025\" or \"May 9, 2025\"");
    read_place();
  }

  void read_place() {
    const std::size_t start = i_;
    while (i_ < s_.size() && !ends_place(i_)) ++i_;
    std::size_t end = i_;
    while (end > start && low(end - 1) == ",") --end;
    const std::string_view text = s_.text(start, end);
    constexpr std::string_view expected =
        "a date or a place after \"in\", such as \"October 2024\", \"Kazan\" or \"Kazan, Russia\"";
    if (end == start || text.find_first_of("0123456789") != std::string_view::npos) s_.fail(start, expected);
    set_once(p_.place, place_of(text), start, "a place");
  }

  // Whether word i ends a place: a word of the grammar (not a comma: "Kazan, Russia").
  [[nodiscard]] auto ends_place(std::size_t i) const -> bool {
    return one_of(low(i), {"in", "on", "since", "from", "between", "until", "till", "through", "to", "for",
                           "most", "last", "first", "was", "is", "will", "took"}) ||
           starts_count(i) || (!low(i).empty() && low(i).front() >= '0' && low(i).front() <= '9');
  }

  // claimed_place::parse, with its message placed in the sentence.
  [[nodiscard]] auto place_of(std::string_view text) const -> claimed_place {
    try {
      return claimed_place::parse(text);
    } catch (const parse_error& e) {
      const std::string_view what = e.what();
      const std::size_t x = what.find(": expected ");
      const std::string expected(x == std::string_view::npos ? std::string_view("a place")
                                                             : what.substr(x + 11));
      throw parse_error::at("check", s_.input(),
                            static_cast<std::size_t>(text.data() - s_.input().data()) + e.column(), expected);
    }
  }

  // "since 2022", "from 2022 to 2024", "between 2022 and 2024", "until 2024", "by 2024".
  void read_range() {
    const std::string_view w = low();
    const std::size_t word = i_++;
    if (w == "since") {
      set_once(p_.since, need_date(w).value, word, "\"since\"");
    } else if (w == "from" || w == "between") {
      set_once(p_.from, need_date(w).value, word, "a first date");
      const bool between = w == "between";
      if (between ? low() != "and" : !one_of(low(), {"to", "until", "till", "through"})) {
        if (between) s_.fail(i_, "\"and\" and a second date after \"between\"");
        return;
      }
      const std::string_view link = low();
      const std::size_t to_word = i_++;
      set_once(p_.to, need_date(link).value, to_word, "a last date");
    } else {
      set_once(p_.to, need_date(w).value, word, "a last date");
    }
  }

  // "for a BRICS summit" (the occasion, without its article), "for the first time",
  // "for the third time".
  void read_for() {
    const std::size_t w = i_++;
    if (low() == "the" && low(i_ + 2) == "time") {
      if (auto n = ordinal_word(low(i_ + 1))) {
        i_ += 3;
        set_once(p_.ordinal, *n, w, "an ordinal");
        return;
      }
      s_.fail(i_ + 1, "an ordinal such as \"first\" or \"third\" in \"for the ... time\"");
    }
    if (one_of(low(), {"a", "an", "the"})) ++i_;
    const std::size_t start = i_;
    while (i_ < s_.size() && !one_of(low(), {"in", "on", "since", "from", "between", "until", "till",
                                             "through", ",", "was", "is", "will", "took", "happened"})) {
      ++i_;
    }
    if (i_ == start) s_.fail(start, "an occasion after \"for\", such as \"a BRICS summit\"");
    set_once(p_.occasion, detail::collapse_space(s_.text(start, i_)), start, "an occasion");
  }

  const sentence& s_;
  std::size_t i_ = 0;
  bool noun_form_ = false;  // "was", "took place" may follow
  parts p_;
};

// ---- building the claim --------------------------------------------------------------------

// Fails at the word of `part` when it is there: what the kind of claim has no room for.
template <class T>
void refuse(const std::optional<at<T>>& part, const sentence& s, std::string_view expected) {
  if (part) s.fail(part->word, expected);
}

auto when_of(const parts& p, const sentence& s) -> period {
  if (!p.when) s.fail(s.size(), "a date, such as \"in September 2024\" or \"on 22 October 2024\"");
  return period::parse(p.when->value.to_edtf());
}

auto resolve(const actor_registry& actors, const sentence& s, span n) -> actor_id {
  return actors.resolve(s.text(n.first, n.end));
}

auto one_name(const parts& p, const sentence& s, const actor_registry& actors, std::string_view expected)
    -> actor_id {
  if (p.names.size() != 1 || p.other) s.fail(p.names.front().end, expected);
  return resolve(actors, s, p.names.front());
}

auto two_names(const parts& p, const sentence& s, const actor_registry& actors)
    -> std::pair<actor_id, actor_id> {
  const span second = p.names.size() == 2 ? p.names[1] : p.other ? *p.other : span{};
  if (second.end == 0) {
    s.fail(p.names.front().end, "two names, such as \"Xi and Putin met\" or \"Xi met Putin\"");
  }
  actor_id a = resolve(actors, s, p.names.front());
  actor_id b = resolve(actors, s, second);
  return {std::move(a), std::move(b)};
}

// FROM and TO of a count: "since 2022", "from 2022 to 2024", or "in 2023" (both).
auto count_range(const parts& p, const sentence& s)
    -> std::pair<std::optional<partial_date>, std::optional<partial_date>> {
  if (p.since && p.from) s.fail(p.from->word, "either \"since\" or \"from\", not both");
  if (p.when) {
    if (p.since || p.from || p.to) {
      s.fail(p.when->word, "either \"in\" and a date or \"since\", \"from\", \"to\", not both");
    }
    return {p.when->value, p.when->value};
  }
  std::optional<partial_date> from;
  if (p.since) from = p.since->value;
  if (p.from) from = p.from->value;
  std::optional<partial_date> to;
  if (p.to) to = p.to->value;
  return {from, to};
}

void refuse_range(const parts& p, const sentence& s, std::string_view expected) {
  refuse(p.since, s, expected);
  refuse(p.from, s, expected);
  refuse(p.to, s, expected);
}

auto build_visit_count(const parts& p, const sentence& s, const actor_registry& actors) -> claim {
  refuse(p.occasion, s, "the end of the sentence (a count of visits names no occasion)");
  refuse(p.recent, s,
         "a count without \"last\" or \"first\", such as \"Xi has visited Russia 3 times since 2022\"");
  refuse(p.ordinal, s, "either an ordinal or a number of times, not both");
  auto [from, to] = count_range(p, s);
  actor_id guest = one_name(p, s, actors, "one name before the verb: a visit is one guest's");
  return visit_count_claim{std::move(guest), p.country->value, from, to, p.times->value};
}

auto build_visit_ordinal(const parts& p, const sentence& s, const actor_registry& actors) -> claim {
  if (!p.since) {
    s.fail(s.size(), "\"since\" and a date, such as \"third visit to Russia since February 2022\"");
  }
  refuse(p.when, s,
         "the end of the sentence after \"since DATE\" (\"this is X's Nth visit\" names no other date)");
  refuse(p.occasion, s,
         "the end of the sentence after \"since DATE\" (\"this is X's Nth visit\" names no occasion)");
  refuse(p.recent, s,
         "an ordinal without \"last\" or \"first\", such as \"Xi's third visit to Russia since 2022\"");
  refuse(p.from, s, "\"since\" in \"this is X's Nth visit since DATE\"");
  refuse(p.to, s, "the end of the sentence after \"since DATE\"");
  actor_id guest = one_name(p, s, actors, "one name: a visit is one guest's");
  return visit_ordinal_claim{std::move(guest), p.country->value, p.since->value, p.ordinal->value};
}

auto build_visit(const parts& p, const sentence& s, const actor_registry& actors) -> claim {
  refuse(p.place, s, "a date after \"in\" (a visit claim names its country after the verb, not a city)");
  if (p.times) return build_visit_count(p, s, actors);
  if (p.ordinal) return build_visit_ordinal(p, s, actors);
  if (p.ordinal_frame) s.fail(p.verb, "an ordinal before \"visit\", such as \"Xi's third visit to Russia\"");
  refuse_range(p, s,
               "a number of times (\"3 times since 2022\") or an ordinal (\"Xi's third visit since 2022\")");
  if (p.recent && p.recent->value == recency::first) {
    s.fail(p.recent->word,
           "\"last\" or no adverb: no claim is about a first visit (but \"Xi's first visit to "
           "Russia since 2022\" is one)");
  }
  const period when = when_of(p, s);
  actor_id guest = one_name(p, s, actors, "one name before the verb: a visit is one guest's");
  const std::string occasion = p.occasion ? p.occasion->value : std::string();
  if (p.recent) return last_visit_claim{std::move(guest), p.country->value, when, occasion};
  return visited_in_claim{std::move(guest), p.country->value, when, occasion};
}

auto build_meeting(const parts& p, const sentence& s, const actor_registry& actors) -> claim {
  refuse(p.occasion, s, "\"in\" and a date or a place (a meeting claim names no occasion)");
  if (p.times) {
    refuse(p.place, s, "a date after \"in\" (a count of meetings names no place)");
    refuse(p.recent, s, "a count without \"last\" or \"first\", such as \"Xi and Putin have met 40 times\"");
    refuse(p.ordinal, s, "either an ordinal or a number of times, not both");
    auto [from, to] = count_range(p, s);
    auto [a, b] = two_names(p, s, actors);
    return meeting_count_claim{std::move(a), std::move(b), from, to, p.times->value};
  }
  if (p.ordinal && p.ordinal->value != 1) {
    s.fail(p.ordinal->word, "\"first\" or \"last\" meeting (no other ordinal)");
  }
  if (p.ordinal_frame) {
    s.fail(p.verb, "\"visit\": \"this is A and B's Nth meeting\" is not a claim diplo checks");
  }
  refuse_range(p, s,
               "a number of times before \"since\", such as \"Xi and Putin have met 40 times since 2013\"");
  const period when = when_of(p, s);
  const claimed_place place = p.place ? p.place->value : claimed_place{};
  auto [a, b] = two_names(p, s, actors);
  const bool first = p.ordinal || (p.recent && p.recent->value == recency::first);
  if (first) return first_meeting_claim{std::move(a), std::move(b), when, place};
  if (p.recent) return last_meeting_claim{std::move(a), std::move(b), when, place};
  return met_in_claim{std::move(a), std::move(b), when, place};
}

auto build_where(const parts& p, const sentence& s, const actor_registry& actors) -> claim {
  if (!p.place) s.fail(p.verb + 2, "a place after \"in\", such as \"Moscow\" or \"Moscow, Russia\"");
  constexpr std::string_view only = "\"on\" and one day, such as \"Xi was in Moscow on 9 May 2025\"";
  refuse(p.occasion, s, only);
  refuse(p.times, s, only);
  refuse(p.recent, s, only);
  refuse(p.ordinal, s, only);
  refuse_range(p, s, only);
  if (!p.when) s.fail(s.size(), only);
  if (!p.when->value.is_exact_day()) {
    s.fail(p.when->word, "one day, such as \"9 May 2025\": a where claim needs a day");
  }
  actor_id person = one_name(p, s, actors, "one name before \"was in\"");
  return where_claim{std::move(person), p.when->value, p.place->value};
}

auto build(const parts& p, const sentence& s, const actor_registry& actors) -> claim {
  switch (p.action) {
    case act::visit: return build_visit(p, s, actors);
    case act::meet: return build_meeting(p, s, actors);
    case act::stay: return build_where(p, s, actors);
  }
  s.fail(0, shape_expected);
}

}  // namespace

auto parse_claim(std::string_view text, const actor_registry& actors) -> claim {
  const sentence s(text);
  const parts p = reader(s).read();
  return build(p, s, actors);
}

auto try_parse_claim(std::string_view text, const actor_registry& actors) noexcept -> std::optional<claim> {
  try {
    return parse_claim(text, actors);
  } catch (...) {
    return std::nullopt;
  }
}

}  // namespace diplo
