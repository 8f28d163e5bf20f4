// SPDX-License-Identifier: MIT
// The JSON and JSON Lines readers' and writers' shared parts (see json_common.h).

#include "json_common.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <variant>

#include <date/date.h>
#include <fmt/format.h>

#include "diplo/detail/instant.h"

namespace diplo::io::detail {

// ---- positions -------------------------------------------------------------------------

auto line_map::at(std::size_t offset) noexcept -> std::pair<std::uint32_t, std::uint32_t> {
  offset = std::min(offset, text_.size());
  if (offset < pos_) {
    // Back up from where we are (not from the start: errors out of order must not make
    // a large input quadratic).
    if (offset < line_start_) {
      line_ -= static_cast<std::uint32_t>(
          std::count(text_.data() + offset, text_.data() + line_start_, '\n'));
      const std::size_t nl = offset == 0 ? std::string_view::npos : text_.rfind('\n', offset - 1);
      line_start_ = nl == std::string_view::npos ? 0 : nl + 1;
    }
    pos_ = offset;
  }
  const char* p = text_.data() + pos_;
  const char* end = text_.data() + offset;
  while (p < end) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (nl == nullptr) break;
    p = static_cast<const char*>(nl) + 1;
    ++line_;
    line_start_ = static_cast<std::size_t>(p - text_.data());
  }
  pos_ = offset;
  return {line_, static_cast<std::uint32_t>(offset - line_start_ + 1)};
}

auto strip_prefix(std::string_view what) -> std::string_view {
  if (!what.empty() && what.front() == '[') {
    if (auto close = what.find("] "); close != std::string_view::npos) return what.substr(close + 2);
  }
  return what;
}

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 if invalid (RFC 3629).
auto utf8_length(std::string_view s, std::size_t i) noexcept -> std::size_t {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    if (i + k >= s.size()) return false;
    const auto b = static_cast<unsigned char>(s[i + k]);
    return b >= lo && b <= hi;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
  if (b0 == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (b0 == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (b0 == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xF1 && b0 <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

auto is_space(char c) noexcept -> bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

}  // namespace

auto locate_stage1_error(std::string_view json, simdjson::error_code code)
    -> std::pair<std::size_t, std::string> {
  using simdjson::error_code;
  // UTF-16 fails in many ways (NUL bytes, stray quotes); its byte order mark says why.
  if (json.starts_with("\xFF\xFE") || json.starts_with("\xFE\xFF")) {
    return {0, fmt::format("invalid UTF-8: the input is UTF-16 (it starts with the byte order "
                           "mark {}); save it as UTF-8",
                           json[0] == '\xFF' ? "FF FE" : "FE FF")};
  }
  if (code == error_code::UTF8_ERROR) {
    for (std::size_t i = 0; i < json.size();) {
      const std::size_t n = utf8_length(json, i);
      if (n == 0) return {i, "invalid UTF-8"};
      i += n;
    }
    return {0, "invalid UTF-8"};
  }
  if (code == error_code::EMPTY) {
    return {json.size(), "empty input (expected a JSON object)"};
  }
  // Strings: find an unclosed one or a raw control character in one.
  bool in_string = false;
  std::size_t open = 0;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      } else if (static_cast<unsigned char>(c) < 0x20 && code == error_code::UNESCAPED_CHARS) {
        return {i, "a control character in a string must be escaped"};
      }
    } else if (c == '"') {
      in_string = true;
      open = i;
    }
  }
  if (in_string) return {open, "unclosed string"};
  return {0, simdjson::error_message(code)};
}

auto too_deep_at(std::string_view json, std::size_t max_depth) noexcept -> std::size_t {
  // Nothing can nest deeper than the number of '{' and '[' in the text (those in strings
  // too): counting them with memchr, up to one past the limit, is a fraction of the walk
  // below, which only texts with more of them than the limit need.
  std::size_t opens = 0;
  const char* const end = json.data() + json.size();
  for (const char ch : {'{', '['}) {
    for (const char* q = json.data(); q < end && opens <= max_depth; ++q, ++opens) {
      q = static_cast<const char*>(std::memchr(q, ch, static_cast<std::size_t>(end - q)));
      if (q == nullptr) break;
    }
  }
  if (opens <= max_depth) return std::string_view::npos;
  std::size_t depth = 0;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '"') {  // skip the string, escapes included
      for (++i; i < json.size() && json[i] != '"'; ++i) {
        if (json[i] == '\\') ++i;
      }
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

auto locate_structure_error(std::string_view json) -> std::pair<std::size_t, std::string> {
  std::vector<std::size_t> open;  // offsets of unclosed '{' and '['
  bool in_string = false;
  bool root_done = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (is_space(c)) continue;
    if (root_done) return {i, "unexpected content after the end of the JSON value"};
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      open.push_back(i);
    } else if (c == '}' || c == ']') {
      if (open.empty() || json[open.back()] != (c == '}' ? '{' : '[')) {
        return {i, fmt::format("unexpected '{}'", c)};
      }
      open.pop_back();
      if (open.empty()) root_done = true;
    } else if (open.empty()) {
      // A scalar at the root: skip it.
      while (i + 1 < json.size() && !is_space(json[i + 1])) ++i;
      root_done = true;
    }
  }
  if (!open.empty()) {
    // The caller replaces "@" with the line:column of the opening bracket at `open.back()`.
    return {open.back(), fmt::format("unexpected end of input: the {} opened at @ is not closed",
                                     json[open.back()] == '{' ? "object" : "array")};
  }
  return {json.size(), "unexpected end of input"};
}

// ---- errors ----------------------------------------------------------------------------

auto record_reader::path(const where& w) const -> std::string {
  std::string p;
  if (!head_.empty()) {
    p = head_;
    if (head_index_ != static_cast<std::size_t>(-1)) p += fmt::format("[{}]", head_index_);
  }
  if (!w.key.empty()) {
    if (!p.empty()) p += '.';
    p += w.key;
    if (w.index != static_cast<std::size_t>(-1)) p += fmt::format("[{}]", w.index);
    if (!w.sub.empty()) {
      p += '.';
      p += w.sub;
    }
  }
  return p;
}

void record_reader::error(std::size_t offset, const where& w, std::string message) {
  const auto [line, column] = lines_.at(offset);
  if (errors_ >= max_diagnostics) {
    diags_.push_back({severity::error, std::string(file_), 0, 0,
                      fmt::format("too many errors (stopped after {})", max_diagnostics)});
    throw too_many_errors{};
  }
  ++errors_;
  std::string p = path(w);
  diags_.push_back({severity::error, std::string(file_), line, column,
                    p.empty() ? std::move(message) : fmt::format("{}: {}", p, message)});
}

namespace {

auto syntax_message(simdjson::error_code code) -> std::string {
  using simdjson::error_code;
  switch (code) {
    case error_code::TAPE_ERROR:
      return "invalid JSON: a missing or extra comma, colon, bracket or brace";
    case error_code::STRING_ERROR: return "invalid string (a bad escape sequence?)";
    case error_code::NUMBER_ERROR: return "invalid number";
    case error_code::T_ATOM_ERROR:
    case error_code::F_ATOM_ERROR:
    case error_code::N_ATOM_ERROR: return "invalid literal (expected true, false or null)";
    case error_code::UNESCAPED_CHARS: return "a control character in a string must be escaped";
    case error_code::UTF8_ERROR: return "invalid UTF-8";
    case error_code::UNCLOSED_STRING: return "unclosed string";
    case error_code::DEPTH_ERROR: return "nesting too deep";
    case error_code::INCOMPLETE_ARRAY_OR_OBJECT: return "unexpected end of input";
    default: return fmt::format("invalid JSON: {}", simdjson::error_message(code));
  }
}

}  // namespace

void record_reader::syntax(simdjson::error_code code) {
  const std::string_view json(buffer_, buffer_size_);
  if (code == simdjson::INCOMPLETE_ARRAY_OR_OBJECT) {
    auto [at, message] = locate_structure_error(json);
    if (auto mark = message.find('@'); mark != std::string::npos) {
      const auto [line, column] = lines_.at(buffer_offset_ + at);
      message.replace(mark, 1, fmt::format("{}:{}", line, column));
      at = buffer_size_;
    }
    error(buffer_offset_ + at, {}, std::move(message));
    throw syntax_stop{};
  }
  if (code == simdjson::UTF8_ERROR || code == simdjson::UNCLOSED_STRING ||
      code == simdjson::UNESCAPED_CHARS) {
    stage1(code);
  }
  std::size_t at = buffer_size_;
  const char* loc = nullptr;
  if (doc_ != nullptr && doc_->current_location().get(loc) == simdjson::SUCCESS) {
    at = offset_of(loc) - buffer_offset_;
  }
  // Failing at the very end means the text ended early: say which bracket is still open.
  std::size_t last = json.size();
  while (last > 0 && is_space(json[last - 1])) --last;
  if (at >= last && code != simdjson::INCOMPLETE_ARRAY_OR_OBJECT) {
    syntax(simdjson::INCOMPLETE_ARRAY_OR_OBJECT);
  }
  error(buffer_offset_ + at, {}, syntax_message(code));
  throw syntax_stop{};
}

void record_reader::stage1(simdjson::error_code code) {
  auto [at, message] = locate_stage1_error(std::string_view(buffer_, buffer_size_), code);
  error(buffer_offset_ + at, {}, std::move(message));
  throw syntax_stop{};
}

void record_reader::expect_end() {
  const char* loc = nullptr;
  if (doc_ != nullptr && doc_->current_location().get(loc) == simdjson::SUCCESS) {
    error(offset_of(loc), {}, "unexpected content after the end of the JSON value");
    throw syntax_stop{};
  }
}

auto record_reader::finish(std::string_view area) -> document {
  if (errors_ != 0) throw validation_error(area, std::move(diags_));
  return std::move(doc_out_);
}

auto record_reader::finish_lenient(std::vector<diagnostic>& problems) -> document {
  problems.insert(problems.end(), std::make_move_iterator(diags_.begin()),
                  std::make_move_iterator(diags_.end()));
  diags_.clear();
  return std::move(doc_out_);
}

void record_reader::left_out(const std::string& id, bool actor, bool event) {
  left_out_records& l = doc_out_.left_out;
  ++l.count;
  if (id.empty()) return;
  if (actor) l.actor_ids.push_back(id);
  if (event) l.event_ids.push_back(id);
}

// ---- typed values ----------------------------------------------------------------------

namespace {

auto type_name(od::value& v) -> std::string_view {
  od::json_type t{};
  if (v.type().get(t) != simdjson::SUCCESS) return "invalid JSON";
  switch (t) {
    case od::json_type::array: return "an array";
    case od::json_type::object: return "an object";
    case od::json_type::number: return "a number";
    case od::json_type::string: return "a string";
    case od::json_type::boolean: return "a boolean";
    case od::json_type::null: return "null";
  }
  return "something else";
}

}  // namespace

void record_reader::type_error(od::value& v, const where& w, std::string_view expected) {
  od::json_type t{};
  if (auto e = v.type().get(t); e != simdjson::SUCCESS) syntax(e);
  error(offset_of(v), w, fmt::format("expected {}, got {}", expected, type_name(v)));
}

auto record_reader::string_of(od::value& v, const where& w, std::string_view expected)
    -> std::optional<std::string_view> {
  std::string_view s;
  const auto e = v.get_string().get(s);
  if (e == simdjson::SUCCESS) return s;
  if (e == simdjson::INCORRECT_TYPE) {
    type_error(v, w, expected);
    return std::nullopt;
  }
  syntax(e);
}

auto record_reader::root_value(od::value& out) -> bool {
  if (!root_is_object({})) return false;
  if (auto e = doc_->get_value().get(out); e != simdjson::SUCCESS) syntax(e);
  return true;
}

auto record_reader::root_object(od::object& out, const where& w) -> bool {
  if (!root_is_object(w)) return false;
  if (auto e = doc_->get_object().get(out); e != simdjson::SUCCESS) syntax(e);
  return true;
}

auto record_reader::root_is_object(const where& w) -> bool {
  if (doc_ == nullptr) return false;
  od::json_type t{};
  if (auto e = doc_->type().get(t); e != simdjson::SUCCESS) syntax(e);
  if (t != od::json_type::object) {
    const char* loc = nullptr;
    std::size_t at = buffer_offset_;
    if (doc_->current_location().get(loc) == simdjson::SUCCESS) at = offset_of(loc);
    error(at, w, fmt::format("expected a JSON object, got {}",
                             t == od::json_type::array    ? "an array"
                             : t == od::json_type::string ? "a string"
                             : t == od::json_type::number ? "a number"
                             : t == od::json_type::null   ? "null"
                                                          : "a boolean"));
    return false;
  }
  return true;
}

auto record_reader::text(od::value& v, const where& w, std::string& out) -> bool {
  auto s = string_of(v, w, "a string");
  if (!s) return false;
  out.assign(*s);
  return true;
}

auto record_reader::object(od::value& v, const where& w, od::object& out) -> bool {
  const auto e = v.get_object().get(out);
  if (e == simdjson::SUCCESS) return true;
  if (e == simdjson::INCORRECT_TYPE) {
    type_error(v, w, "an object");
    return false;
  }
  syntax(e);
}

auto record_reader::array(od::value& v, const where& w, od::array& out, std::string_view what)
    -> bool {
  const auto e = v.get_array().get(out);
  if (e == simdjson::SUCCESS) return true;
  if (e == simdjson::INCORRECT_TYPE) {
    type_error(v, w, what);
    return false;
  }
  syntax(e);
}

auto record_reader::strings(od::value& v, const where& w, std::vector<std::string>& out) -> bool {
  od::array arr;
  if (!array(v, w, arr, "an array of strings")) return false;
  bool ok = true;
  std::size_t i = 0;
  for (auto item : arr) {
    od::value x;
    if (auto e = std::move(item).get(x); e != simdjson::SUCCESS) syntax(e);
    if (auto s = string_of(x, {w.key, i, {}}, "a string")) {
      out.emplace_back(*s);
    } else {
      ok = false;
    }
    ++i;
  }
  return ok;
}

auto record_reader::ids(od::value& v, const where& w, std::vector<actor_id>& out) -> bool {
  od::array arr;
  if (!array(v, w, arr, "an array of actor ids")) return false;
  bool ok = true;
  std::size_t i = 0;
  for (auto item : arr) {
    od::value x;
    if (auto e = std::move(item).get(x); e != simdjson::SUCCESS) syntax(e);
    if (auto s = string_of(x, {w.key, i, {}}, "an actor id (a string)")) {
      out.emplace_back(std::string(*s));
    } else {
      ok = false;
    }
    ++i;
  }
  return ok;
}

auto record_reader::country(od::value& v, const where& w, country_code& out) -> bool {
  const std::size_t at = offset_of(v);
  auto s = string_of(v, w, "an ISO 3166 country code (a string)");
  if (!s) return false;
  if (auto c = country_code::try_parse(*s)) {
    out = *c;
    return true;
  }
  try {
    out = country_code::parse(*s);
    return true;
  } catch (const parse_error& e) {
    error(at, w, std::string(strip_prefix(e.what())));
  }
  return false;
}

auto record_reader::when(od::value& v, const where& w, period& out) -> bool {
  const std::size_t at = offset_of(v);
  auto s = string_of(v, w, "an EDTF date or period (a string)");
  if (!s) return false;
  try {
    out = period::parse(*s);
    return true;
  } catch (const diplo::error& e) {
    error(at, w, std::string(strip_prefix(e.what())));
  }
  return false;
}

auto record_reader::date(od::value& v, const where& w, std::optional<partial_date>& out) -> bool {
  const std::size_t at = offset_of(v);
  auto s = string_of(v, w, "an EDTF date (a string)");
  if (!s) return false;
  try {
    out = partial_date::parse(*s);
    return true;
  } catch (const diplo::error& e) {
    error(at, w, std::string(strip_prefix(e.what())));
  }
  return false;
}

auto record_reader::instant(od::value& v, const where& w, std::optional<date::sys_seconds>& out)
    -> bool {
  const std::size_t at = offset_of(v);
  auto s = string_of(v, w, "an instant YYYY-MM-DDTHH:MM:SSZ (a string)");
  if (!s) return false;
  try {
    out = diplo::detail::parse_instant(*s);
    return true;
  } catch (const diplo::error& e) {
    error(at, w, std::string(strip_prefix(e.what())));
  }
  return false;
}

// ---- records ---------------------------------------------------------------------------

namespace {

enum rkey : std::uint8_t {
  k_id, k_kind, k_name, k_aliases, k_wikidata, k_country, k_offices, k_status, k_when,
  k_starts_at, k_ends_at, k_place, k_parent, k_journey, k_guests, k_host_country, k_host, k_level,
  k_cities, k_series, k_attendees, k_participants, k_mode, k_description, k_notes, k_sources,
  k_diplo, k_dataset, k_count
};

constexpr std::array<std::string_view, k_count> record_keys = {
    "id",        "kind",     "name",         "aliases",     "wikidata",  "country",
    "offices",   "status",   "when",         "starts_at",   "ends_at",   "place",
    "parent",    "journey",  "guests",   "host_country", "host",        "level",     "cities",
    "series",    "attendees", "participants", "mode",       "description", "notes",
    "sources",   "diplo",    "dataset"};

enum class rkind : std::uint8_t { none, person, organisation, visit, summit, meeting, ceremony };

constexpr std::array<std::string_view, 7> kind_names = {
    "", "person", "organisation", "visit", "summit", "meeting", "ceremony"};

constexpr auto bit(rkey k) -> std::uint32_t { return std::uint32_t{1} << k; }

constexpr std::uint32_t actor_keys =
    bit(k_id) | bit(k_kind) | bit(k_name) | bit(k_aliases) | bit(k_wikidata);
constexpr std::uint32_t event_keys = bit(k_id) | bit(k_kind) | bit(k_status) | bit(k_when) |
                                     bit(k_starts_at) | bit(k_ends_at) | bit(k_place) |
                                     bit(k_parent) | bit(k_journey) | bit(k_description) | bit(k_notes) |
                                     bit(k_sources);

constexpr auto allowed(rkind k) -> std::uint32_t {
  switch (k) {
    case rkind::person: return actor_keys | bit(k_country) | bit(k_offices);
    case rkind::organisation: return actor_keys;
    case rkind::visit:
      return event_keys | bit(k_guests) | bit(k_host_country) | bit(k_host) | bit(k_level) |
             bit(k_cities);
    case rkind::summit:
      return event_keys | bit(k_name) | bit(k_series) | bit(k_host_country) | bit(k_host) |
             bit(k_attendees);
    case rkind::meeting: return event_keys | bit(k_participants) | bit(k_mode);
    case rkind::ceremony: return event_keys | bit(k_name) | bit(k_host) | bit(k_attendees);
    case rkind::none: break;
  }
  return 0;
}

constexpr auto required(rkind k) -> std::uint32_t {
  switch (k) {
    case rkind::person:
    case rkind::organisation: return bit(k_id) | bit(k_kind) | bit(k_name);
    case rkind::visit: return bit(k_id) | bit(k_kind) | bit(k_when) | bit(k_guests);
    case rkind::summit:
    case rkind::meeting:
    case rkind::ceremony: return bit(k_id) | bit(k_kind) | bit(k_when);
    case rkind::none: break;
  }
  return 0;
}

constexpr auto article(rkind k) -> std::string_view {
  return k == rkind::organisation ? "an" : "a";
}

// Every key of every kind, read before the kind is known (keys come in any order).
struct record_fields {
  std::array<std::size_t, k_count> key_at{};
  std::uint32_t seen = 0;
  rkind kind = rkind::none;
  bool kind_bad = false;
  std::string id, name, wikidata, series, description, notes, journey;
  std::vector<std::string> aliases, cities;
  country_code country, host_country;
  std::vector<office> offices;
  diplo::status status = status::occurred;
  period when;
  std::optional<date::sys_seconds> starts_at, ends_at;
  diplo::place place;
  std::optional<event_id> parent;
  std::optional<actor_id> host;
  std::vector<actor_id> guests, attendees, participants;
  visit_level level = visit_level::unspecified;
  meeting_mode mode = meeting_mode::in_person;
  std::vector<source> sources;
};

constexpr std::array<std::string_view, 3> place_keys = {"city", "country", "zone"};
constexpr std::array<std::string_view, 3> office_keys = {"title", "country", "term"};
constexpr std::array<std::string_view, 4> source_keys = {"url", "publisher", "title",
                                                         "published"};
constexpr std::array<std::string_view, 5> dataset_keys = {"title", "coverage", "as_of",
                                                          "license", "description"};

}  // namespace

void record_reader::read_version(od::value& v, const where& w) {
  version_seen = true;
  const std::size_t at = offset_of(v);
  std::int64_t n = 0;
  const auto e = v.get_int64().get(n);
  if (e == simdjson::SUCCESS && n == 1) return;
  od::json_type t{};
  if (auto e2 = v.type().get(t); e2 != simdjson::SUCCESS) syntax(e2);
  if (t == od::json_type::number) {
    std::string_view token = v.raw_json_token();
    while (!token.empty() && is_space(token.back())) token.remove_suffix(1);
    error(at, w, fmt::format("unsupported format version {} (this reader knows version 1)", token));
    return;
  }
  type_error(v, w, "the format version 1 (a number)");
}

void record_reader::read_dataset(od::value& v, const where& w) {
  od::object obj;
  if (!object(v, w, obj)) return;
  dataset_info& info = doc_out_.info;
  fields(obj, dataset_keys, w, [&](std::size_t k, od::value val, std::size_t) {
    const where sub{w.key, w.index, dataset_keys[k]};
    std::string* target[] = {&info.title, &info.coverage, &info.as_of, &info.license,
                             &info.description};
    const std::size_t at = offset_of(val);
    if (!text(val, sub, *target[k])) return;
    // coverage and as_of must be EDTF; kept as written.
    try {
      if (k == 1) (void)period::parse(info.coverage);
      if (k == 2) (void)partial_date::parse(info.as_of);
    } catch (const diplo::error& e) {
      error(at, sub, std::string(strip_prefix(e.what())));
    }
  });
}

void record_reader::read_record(od::value v, record_context ctx, bool allow_header) {
  const std::size_t start = offset_of(v);
  const bool maybe_actor = ctx != record_context::event;
  const bool maybe_event = ctx != record_context::actor;
  od::object obj;
  if (!object(v, {}, obj)) {
    left_out({}, maybe_actor, maybe_event);
    return;
  }
  const std::size_t errors_before = errors_;
  record_fields f;
  std::int64_t version_errors = 0;
  // A record with errors is left out whole; note its id and what it is.
  auto leave_out = [&] {
    const bool actor = f.kind == rkind::person || f.kind == rkind::organisation;
    const bool known = f.kind != rkind::none;
    left_out(f.id, known ? actor : maybe_actor, known ? !actor : maybe_event);
  };

  auto read_kind = [&](od::value& val, const where& w) {
    const std::size_t at = offset_of(val);
    auto s = string_of(val, w, "a kind (a string)");
    if (!s) {
      f.kind_bad = true;
      return;
    }
    std::size_t first = ctx == record_context::event ? 3 : 1;
    std::size_t last = ctx == record_context::actor ? 2 : 6;
    for (std::size_t i = first; i <= last; ++i) {
      if (kind_names[i] == *s) {
        f.kind = static_cast<rkind>(i);
        return;
      }
    }
    f.kind_bad = true;
    error(at, w,
          fmt::format("unknown kind \"{}\" (expected {})", *s,
                      ctx == record_context::actor   ? "person or organisation"
                      : ctx == record_context::event ? "visit, summit, meeting or ceremony"
                                                     : "person, organisation, visit, summit, "
                                                       "meeting or ceremony"));
  };
  // `parse` is the enum's try_parse_* (diplo/event.h), the inverse of its name().
  auto read_enum = [&](od::value& val, const where& w, auto parse, auto& out,
                       std::string_view what, std::string_view expected) {
    const std::size_t at = offset_of(val);
    auto s = string_of(val, w, fmt::format("a {} (a string)", what));
    if (!s) return;
    if (auto e = parse(*s)) {
      out = *e;
    } else {
      error(at, w, fmt::format("unknown {} \"{}\" (expected {})", what, *s, expected));
    }
  };
  auto read_id = [&](od::value& val, const where& w, auto& out) {
    std::string s;
    if (text(val, w, s)) out.emplace(std::move(s));
  };
  auto read_place = [&](od::value& val, const where& w) {
    od::object o;
    if (!object(val, w, o)) return;
    fields(o, place_keys, w, [&](std::size_t k, od::value x, std::size_t) {
      const where sub{w.key, w.index, place_keys[k]};
      if (k == 0) text(x, sub, f.place.city);
      if (k == 1) country(x, sub, f.place.country);
      if (k == 2) text(x, sub, f.place.zone);
    });
  };
  auto read_offices = [&](od::value& val, const where& w) {
    od::array arr;
    if (!array(val, w, arr, "an array of offices")) return;
    std::size_t i = 0;
    for (auto item : arr) {
      od::value x;
      if (auto e = std::move(item).get(x); e != simdjson::SUCCESS) syntax(e);
      const where ow{w.key, i, {}};
      const std::size_t at = offset_of(x);
      od::object o;
      if (object(x, ow, o)) {
        office off;
        std::uint64_t seen = 0;
        fields(o, office_keys, ow, [&](std::size_t k, od::value y, std::size_t) {
          seen |= 1U << k;
          const where sub{w.key, i, office_keys[k]};
          if (k == 0) text(y, sub, off.title);
          if (k == 1) country(y, sub, off.country);
          if (k == 2) when(y, sub, off.term);
        });
        if ((seen & 1U) == 0) error(at, ow, "missing \"title\"");
        if ((seen & 4U) == 0) error(at, ow, "missing \"term\"");
        f.offices.push_back(std::move(off));
      }
      ++i;
    }
  };
  auto read_sources = [&](od::value& val, const where& w) {
    od::array arr;
    if (!array(val, w, arr, "an array of sources")) return;
    std::size_t i = 0;
    for (auto item : arr) {
      od::value x;
      if (auto e = std::move(item).get(x); e != simdjson::SUCCESS) syntax(e);
      const where sw{w.key, i, {}};
      const std::size_t at = offset_of(x);
      od::object o;
      if (object(x, sw, o)) {
        source src;
        bool has_url = false;
        fields(o, source_keys, sw, [&](std::size_t k, od::value y, std::size_t) {
          const where sub{w.key, i, source_keys[k]};
          if (k == 0) has_url = true, text(y, sub, src.url);
          if (k == 1) text(y, sub, src.publisher);
          if (k == 2) text(y, sub, src.title);
          if (k == 3) date(y, sub, src.published);
        });
        if (!has_url) error(at, sw, "missing \"url\"");
        f.sources.push_back(std::move(src));
      }
      ++i;
    }
  };

  try {
    fields(obj, record_keys, {}, [&](std::size_t k, od::value val, std::size_t key_at) {
      if (k >= k_diplo && ctx != record_context::any) {
        error(key_at, {}, fmt::format("unknown key \"{}\"", record_keys[k]));
        return;
      }
      f.key_at[k] = key_at;
      f.seen |= std::uint32_t{1} << k;
      const where w{record_keys[k]};
      switch (static_cast<rkey>(k)) {
        case k_id: text(val, w, f.id); break;
        case k_kind: read_kind(val, w); break;
        case k_name: text(val, w, f.name); break;
        case k_aliases: strings(val, w, f.aliases); break;
        case k_wikidata: text(val, w, f.wikidata); break;
        case k_country: country(val, w, f.country); break;
        case k_offices: read_offices(val, w); break;
        case k_status:
          read_enum(val, w, try_parse_status, f.status, "status",
                    "announced, planned, occurred, cancelled or postponed");
          break;
        case k_when: when(val, w, f.when); break;
        case k_starts_at: instant(val, w, f.starts_at); break;
        case k_ends_at: instant(val, w, f.ends_at); break;
        case k_place: read_place(val, w); break;
        case k_parent: read_id(val, w, f.parent); break;
        case k_journey: text(val, w, f.journey); break;
        case k_guests: ids(val, w, f.guests); break;
        case k_host_country: country(val, w, f.host_country); break;
        case k_host: read_id(val, w, f.host); break;
        case k_level:
          read_enum(val, w, try_parse_visit_level, f.level, "level",
                    "state, official, working, private or unspecified");
          break;
        case k_cities: strings(val, w, f.cities); break;
        case k_series: text(val, w, f.series); break;
        case k_attendees: ids(val, w, f.attendees); break;
        case k_participants: ids(val, w, f.participants); break;
        case k_mode: read_enum(val, w, try_parse_meeting_mode, f.mode, "mode", "in_person, phone or video"); break;
        case k_description: text(val, w, f.description); break;
        case k_notes: text(val, w, f.notes); break;
        case k_sources: read_sources(val, w); break;
        case k_diplo: {
          const std::size_t before = errors_;
          read_version(val, w);
          version_errors = static_cast<std::int64_t>(errors_ - before);
          break;
        }
        case k_dataset: read_dataset(val, w); break;
        case k_count: break;
      }
    });
  } catch (const syntax_stop&) {
    if ((f.seen & (bit(k_diplo) | bit(k_dataset))) == 0) leave_out();
    throw;
  } catch (const too_many_errors&) {
    if ((f.seen & (bit(k_diplo) | bit(k_dataset))) == 0) leave_out();
    throw;
  }

  // A JSON Lines header.
  constexpr std::uint32_t header_keys = bit(k_diplo) | bit(k_dataset);
  if ((f.seen & header_keys) != 0) {
    if ((f.seen & ~header_keys) != 0) {
      for (std::size_t k = 0; k < k_diplo; ++k) {
        if ((f.seen >> k) & 1U) {
          error(f.key_at[k], {},
                fmt::format("key \"{}\" is not allowed in a header line (only \"diplo\" and "
                            "\"dataset\" are)",
                            record_keys[k]));
        }
      }
    }
    if ((f.seen & bit(k_diplo)) == 0) {
      error(start, {}, "missing \"diplo\" (the format version, 1) in the header line");
    }
    if (!allow_header) {
      error(start, {}, header_seen ? "a second header line" : "the header must be the first line");
    }
    header_seen = true;
    (void)version_errors;
    return;
  }

  // Which keys this kind allows and needs.
  if (f.kind != rkind::none) {
    const std::uint32_t ok = allowed(f.kind);
    for (std::size_t k = 0; k < k_diplo; ++k) {
      if (((f.seen >> k) & 1U) != 0 && ((ok >> k) & 1U) == 0) {
        error(f.key_at[k], {},
              fmt::format("key \"{}\" is not allowed in {} {}", record_keys[k], article(f.kind),
                          kind_names[static_cast<std::size_t>(f.kind)]));
      }
    }
    const std::uint32_t need = required(f.kind);
    for (std::size_t k = 0; k < k_diplo; ++k) {
      if (((need >> k) & 1U) != 0 && ((f.seen >> k) & 1U) == 0) {
        error(start, {}, fmt::format("missing \"{}\"", record_keys[k]));
      }
    }
  } else {
    if ((f.seen & bit(k_id)) == 0) error(start, {}, "missing \"id\"");
    if (!f.kind_bad) error(start, {}, "missing \"kind\"");
  }
  record_seen = true;
  if (errors_ != errors_before) {
    leave_out();
    return;
  }

  const auto [line, column] = lines_.at(start);
  const origin here{std::string(file_), line, column};
  if (f.kind == rkind::person || f.kind == rkind::organisation) {
    const std::string id = f.id;
    actor a = f.kind == rkind::person
                  ? actor(person{.id = actor_id{std::move(f.id)},
                                 .name = std::move(f.name),
                                 .aliases = std::move(f.aliases),
                                 .wikidata = std::move(f.wikidata),
                                 .country = f.country,
                                 .offices = std::move(f.offices)})
                  : actor(organisation{.id = actor_id{std::move(f.id)},
                                       .name = std::move(f.name),
                                       .aliases = std::move(f.aliases),
                                       .wikidata = std::move(f.wikidata)});
    try {
      doc_out_.actors.add(std::move(a));
      doc_out_.actor_origins.push_back(here);
    } catch (const diplo::error& e) {
      left_out(id, true, false);
      error(start, {}, std::string(strip_prefix(e.what())));
    }
    return;
  }
  auto fill = [&](event_base& b) {
    b.id = event_id{std::move(f.id)};
    b.when = f.when;
    b.starts_at = f.starts_at;
    b.ends_at = f.ends_at;
    b.place = std::move(f.place);
    b.status = f.status;
    b.sources = std::move(f.sources);
    b.description = std::move(f.description);
    b.notes = std::move(f.notes);
    b.parent = std::move(f.parent);
    b.journey = std::move(f.journey);
  };
  event e;
  switch (f.kind) {
    case rkind::visit: {
      visit x;
      fill(x);
      x.guests = std::move(f.guests);
      x.host_country = f.host_country;
      x.host = std::move(f.host);
      x.level = f.level;
      x.cities = std::move(f.cities);
      e = std::move(x);
      break;
    }
    case rkind::summit: {
      summit x;
      fill(x);
      x.name = std::move(f.name);
      x.series = std::move(f.series);
      x.host_country = f.host_country;
      x.host = std::move(f.host);
      x.attendees = std::move(f.attendees);
      e = std::move(x);
      break;
    }
    case rkind::meeting: {
      meeting x;
      fill(x);
      x.participants = std::move(f.participants);
      x.mode = f.mode;
      e = std::move(x);
      break;
    }
    default: {
      ceremony x;
      fill(x);
      x.name = std::move(f.name);
      x.host = std::move(f.host);
      x.attendees = std::move(f.attendees);
      e = std::move(x);
      break;
    }
  }
  doc_out_.events.push_back(std::move(e));
  doc_out_.origins.push_back(here);
}

// ---- writing ---------------------------------------------------------------------------

void append_string(std::string& out, std::string_view s) {
  out += '"';
  std::size_t run = 0;  // start of the pending run of unescaped bytes
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: out += fmt::format("\\u{:04x}", c); break;
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

namespace {

auto str(std::string_view s) -> node {
  node n;
  n.raw.reserve(s.size() + 2);
  append_string(n.raw, s);
  return n;
}

template <class Range, class Text>
auto str_array(const Range& items, Text text) -> node {
  node n;
  n.raw = "[";
  bool first = true;
  for (const auto& x : items) {
    if (!first) n.raw += ", ";
    first = false;
    append_string(n.raw, text(x));
  }
  n.raw += ']';
  return n;
}

auto object_node() -> node {
  node n;
  n.t = node::type::object;
  return n;
}

auto code(country_code c) -> node { return str(c.alpha2()); }

auto source_node(const source& s) -> node {
  node n = object_node();
  n.one_line = true;
  n.add("url", str(s.url));
  if (!s.publisher.empty()) n.add("publisher", str(s.publisher));
  if (!s.title.empty()) n.add("title", str(s.title));
  if (s.published) n.add("published", str(s.published->to_edtf()));
  return n;
}

auto ids_node(const std::vector<actor_id>& ids) -> node {
  return str_array(ids, [](const actor_id& a) -> std::string_view { return a.value(); });
}

auto strings_node(const std::vector<std::string>& v) -> node {
  return str_array(v, [](const std::string& s) -> std::string_view { return s; });
}

}  // namespace

auto to_node(const actor& a) -> node {
  node n = object_node();
  const bool is_person = std::holds_alternative<person>(a);
  n.add("id", str(id_of(a).value()));
  n.add("kind", str(is_person ? "person" : "organisation"));
  n.add("name", str(name_of(a)));
  if (!aliases_of(a).empty()) n.add("aliases", strings_node(aliases_of(a)));
  const std::string& wikidata = std::visit([](const auto& x) -> const std::string& {
    return x.wikidata;
  }, a);
  if (!wikidata.empty()) n.add("wikidata", str(wikidata));
  if (const auto* p = std::get_if<person>(&a)) {
    if (!p->country.empty()) n.add("country", code(p->country));
    if (!p->offices.empty()) {
      node arr;
      arr.t = node::type::array;
      for (const office& o : p->offices) {
        node on = object_node();
        on.one_line = true;
        on.add("title", str(o.title));
        if (!o.country.empty()) on.add("country", code(o.country));
        on.add("term", str(o.term.to_edtf()));
        arr.items.push_back(std::move(on));
      }
      n.add("offices", std::move(arr));
    }
  }
  return n;
}

auto to_node(const event& e) -> node {
  const event_base& b = base(e);
  node n = object_node();
  n.add("id", str(b.id.value()));
  n.add("kind", str(kind_name(e)));
  if (b.status != status::occurred) n.add("status", str(name(b.status)));
  n.add("when", str(b.when.to_edtf()));
  if (b.starts_at) n.add("starts_at", str(diplo::detail::format_instant(*b.starts_at)));
  if (b.ends_at) n.add("ends_at", str(diplo::detail::format_instant(*b.ends_at)));
  if (!b.place.city.empty() || !b.place.country.empty() || !b.place.zone.empty()) {
    node p = object_node();
    p.one_line = true;
    if (!b.place.city.empty()) p.add("city", str(b.place.city));
    if (!b.place.country.empty()) p.add("country", code(b.place.country));
    if (!b.place.zone.empty()) p.add("zone", str(b.place.zone));
    n.add("place", std::move(p));
  }
  if (b.parent) n.add("parent", str(b.parent->value()));
  if (!b.journey.empty()) n.add("journey", str(b.journey));
  auto host = [&](const std::optional<actor_id>& h) {
    if (h) n.add("host", str(h->value()));
  };
  auto host_country = [&](country_code c) {
    if (!c.empty()) n.add("host_country", code(c));
  };
  if (const auto* v = std::get_if<visit>(&e)) {
    if (!v->guests.empty()) n.add("guests", ids_node(v->guests));
    host_country(v->host_country);
    host(v->host);
    if (v->level != visit_level::unspecified) n.add("level", str(name(v->level)));
    if (!v->cities.empty()) n.add("cities", strings_node(v->cities));
  } else if (const auto* s = std::get_if<summit>(&e)) {
    if (!s->name.empty()) n.add("name", str(s->name));
    if (!s->series.empty()) n.add("series", str(s->series));
    host_country(s->host_country);
    host(s->host);
    if (!s->attendees.empty()) n.add("attendees", ids_node(s->attendees));
  } else if (const auto* m = std::get_if<meeting>(&e)) {
    if (!m->participants.empty()) n.add("participants", ids_node(m->participants));
    if (m->mode != meeting_mode::in_person) n.add("mode", str(name(m->mode)));
  } else if (const auto* c = std::get_if<ceremony>(&e)) {
    if (!c->name.empty()) n.add("name", str(c->name));
    host(c->host);
    if (!c->attendees.empty()) n.add("attendees", ids_node(c->attendees));
  }
  if (!b.description.empty()) n.add("description", str(b.description));
  if (!b.notes.empty()) n.add("notes", str(b.notes));
  if (!b.sources.empty()) {
    node arr;
    arr.t = node::type::array;
    for (const source& s : b.sources) arr.items.push_back(source_node(s));
    n.add("sources", std::move(arr));
  }
  return n;
}

auto to_node(const dataset_info& info) -> node {
  node n = object_node();
  if (!info.title.empty()) n.add("title", str(info.title));
  if (!info.coverage.empty()) n.add("coverage", str(info.coverage));
  if (!info.as_of.empty()) n.add("as_of", str(info.as_of));
  if (!info.license.empty()) n.add("license", str(info.license));
  if (!info.description.empty()) n.add("description", str(info.description));
  return n;
}

void write_inline(std::string& out, const node& n) {
  switch (n.t) {
    case node::type::raw: out += n.raw; return;
    case node::type::object: {
      out += '{';
      bool first = true;
      for (const auto& [key, value] : n.members) {
        if (!first) out += ", ";
        first = false;
        append_string(out, key);
        out += ": ";
        write_inline(out, value);
      }
      out += '}';
      return;
    }
    case node::type::array: {
      out += '[';
      bool first = true;
      for (const node& item : n.items) {
        if (!first) out += ", ";
        first = false;
        write_inline(out, item);
      }
      out += ']';
      return;
    }
  }
}

void write_pretty(std::string& out, const node& n, std::size_t indent, bool comma) {
  if (n.t == node::type::raw) {
    out += n.raw;
  } else if (n.t == node::type::array) {
    out += "[\n";
    for (std::size_t i = 0; i < n.items.size(); ++i) {
      out.append(indent + 2, ' ');
      write_pretty(out, n.items[i], indent + 2, i + 1 < n.items.size());
      out += '\n';
    }
    out.append(indent, ' ');
    out += ']';
  } else if (n.one_line) {
    write_inline(out, n);
  } else {
    out += "{\n";
    for (std::size_t i = 0; i < n.members.size(); ++i) {
      const auto& [key, value] = n.members[i];
      out.append(indent + 2, ' ');
      append_string(out, key);
      out += ": ";
      write_pretty(out, value, indent + 2, i + 1 < n.members.size());
      out += '\n';
    }
    out.append(indent, ' ');
    out += '}';
  }
  if (comma) out += ',';
}

}  // namespace diplo::io::detail
