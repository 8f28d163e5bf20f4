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
#include "diplo/detail/json_string.h"
#include "diplo/detail/utf8.h"
#include "make_event.h"

namespace diplo::io::detail {

auto strip_prefix(std::string_view what) -> std::string_view {
  if (!what.empty() && what.front() == '[') {
    if (auto close = what.find("] "); close != std::string_view::npos) return what.substr(close + 2);
  }
  return what;
}

namespace {

using diplo::detail::is_space;

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
    const std::size_t bad = diplo::detail::utf8::first_invalid(json);
    return {bad == std::string_view::npos ? 0 : bad, "invalid UTF-8"};
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
    case error_code::TAPE_ERROR: return "invalid JSON: a missing or extra comma, colon, bracket or brace";
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
    error(at, w,
          fmt::format("expected a JSON object, got {}", t == od::json_type::array    ? "an array"
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

auto record_reader::array(od::value& v, const where& w, od::array& out, std::string_view what) -> bool {
  const auto e = v.get_array().get(out);
  if (e == simdjson::SUCCESS) return true;
  if (e == simdjson::INCORRECT_TYPE) {
    type_error(v, w, what);
    return false;
  }
  syntax(e);
}

auto record_reader::strings(od::value& v, const where& w, std::vector<std::string>& out) -> bool {
  return each_item(v, w, "an array of strings", [&](od::value& x, const where& at) {
    auto s = string_of(x, at, "a string");
    if (s) out.emplace_back(*s);
    return s.has_value();
  });
}

auto record_reader::ids(od::value& v, const where& w, std::vector<actor_id>& out) -> bool {
  return each_item(v, w, "an array of actor ids", [&](od::value& x, const where& at) {
    auto s = string_of(x, at, "an actor id (a string)");
    if (s) out.emplace_back(std::string(*s));
    return s.has_value();
  });
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

auto record_reader::instant(od::value& v, const where& w, std::optional<date::sys_seconds>& out) -> bool {
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
  k_id,
  k_kind,
  k_name,
  k_aliases,
  k_wikidata,
  k_country,
  k_offices,
  k_status,
  k_when,
  k_starts_at,
  k_ends_at,
  k_place,
  k_parent,
  k_journey,
  k_guests,
  k_host_country,
  k_host,
  k_level,
  k_cities,
  k_series,
  k_attendees,
  k_participants,
  k_mode,
  k_description,
  k_notes,
  k_sources,
  k_diplo,
  k_dataset,
  k_count
};

constexpr std::array<std::string_view, k_count> record_keys = {
    "id",           "kind",         "name",        "aliases", "wikidata", "country", "offices",
    "status",       "when",         "starts_at",   "ends_at", "place",    "parent",  "journey",
    "guests",       "host_country", "host",        "level",   "cities",   "series",  "attendees",
    "participants", "mode",         "description", "notes",   "sources",  "diplo",   "dataset"};

enum class rkind : std::uint8_t { none, person, organisation, visit, summit, meeting, ceremony };
static_assert(static_cast<int>(rkind::summit) - static_cast<int>(rkind::visit) ==
                  static_cast<int>(event_kind::summit) &&
              static_cast<int>(rkind::meeting) - static_cast<int>(rkind::visit) ==
                  static_cast<int>(event_kind::meeting) &&
              static_cast<int>(rkind::ceremony) - static_cast<int>(rkind::visit) ==
                  static_cast<int>(event_kind::ceremony));

constexpr std::array<std::string_view, 7> kind_names = {"",       "person",  "organisation", "visit",
                                                        "summit", "meeting", "ceremony"};

constexpr auto bit(rkey k) -> std::uint32_t { return std::uint32_t{1} << k; }

// The keys of a JSON Lines header line.
constexpr std::uint32_t header_keys = bit(k_diplo) | bit(k_dataset);

constexpr std::uint32_t actor_keys = bit(k_id) | bit(k_kind) | bit(k_name) | bit(k_aliases) | bit(k_wikidata);
constexpr std::uint32_t event_keys = bit(k_id) | bit(k_kind) | bit(k_status) | bit(k_when) |
                                     bit(k_starts_at) | bit(k_ends_at) | bit(k_place) | bit(k_parent) |
                                     bit(k_journey) | bit(k_description) | bit(k_notes) | bit(k_sources);

constexpr auto allowed(rkind k) -> std::uint32_t {
  switch (k) {
    case rkind::person: return actor_keys | bit(k_country) | bit(k_offices);
    case rkind::organisation: return actor_keys;
    case rkind::visit:
      return event_keys | bit(k_guests) | bit(k_host_country) | bit(k_host) | bit(k_level) | bit(k_cities);
    case rkind::summit:
      return event_keys | bit(k_name) | bit(k_series) | bit(k_host_country) | bit(k_host) | bit(k_attendees);
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

constexpr auto article(rkind k) -> std::string_view { return k == rkind::organisation ? "an" : "a"; }

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
constexpr std::array<std::string_view, 4> source_keys = {"url", "publisher", "title", "published"};
constexpr std::array<std::string_view, 6> dataset_keys = {"title",   "coverage",    "as_of",
                                                          "license", "description", "records"};
constexpr std::array<std::string_view, 11> scope_keys = {
    "events_of", "events_between", "trips_by", "visits_to",    "offices", "kinds",
    "calls",     "period",         "as_of",    "counterparts", "guests"};

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
  std::vector<std::pair<coverage_scope, scope_defaults>> scopes;
  fields(obj, dataset_keys, w, [&](std::size_t k, od::value val, std::size_t) {
    const where sub{w.key, w.index, dataset_keys[k]};
    if (k == 5) {
      read_records(val, scopes);
      return;
    }
    std::string* target[] = {&info.title, &info.coverage, &info.as_of, &info.license, &info.description};
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
  // The dataset's period and as-of day are the scopes' defaults, whichever key came first.
  const auto coverage = period::try_parse(info.coverage);
  const auto as_of = partial_date::try_parse(info.as_of);
  for (auto& [scope, given] : scopes) {
    if (!given.period && coverage) scope.when = *coverage;
    if (!given.as_of && as_of) scope.as_of = as_of->earliest();
    scope.source = info.title;
    info.records.push_back(std::move(scope));
  }
}

void record_reader::read_records(od::value& v, std::vector<std::pair<coverage_scope, scope_defaults>>& out) {
  const where w{"dataset.records"};
  each_object(
      v, w, "an array of coverage records", [&](std::size_t i, od::object& o, std::size_t at, const where&) {
        coverage_scope scope;
        const auto [line, column] = lines_.at(at);
        scope.read_at = {std::string(file_), line, column};
        scope_defaults given;
        std::size_t subjects = 0;
        bool guests = false;
        const std::size_t errors_before = errors_;
        fields(o, scope_keys, {w.key, i, {}}, [&](std::size_t k, od::value val, std::size_t) {
          const where sub{w.key, i, scope_keys[k]};
          switch (k) {
            case 0:
            case 1:
              ++subjects;
              scope.subject = k == 0 ? coverage_subject::events_of : coverage_subject::events_between;
              ids(val, sub, scope.actors);
              break;
            case 2:
            case 3:
              ++subjects;
              scope.subject = k == 2 ? coverage_subject::trips_by : coverage_subject::visits_to;
              countries(val, sub, scope.countries);
              break;
            case 4: strings(val, sub, scope.offices); break;
            case 5: read_kinds(val, sub, scope.kinds); break;
            case 6: boolean(val, sub, scope.calls); break;
            case 7: {
              period p;
              given.period = when(val, sub, p);
              if (given.period) scope.when = p;
              break;
            }
            case 9: boolean(val, sub, scope.counterparts); break;
            case 10: guests = ids(val, sub, scope.actors); break;
            default: {
              std::optional<partial_date> d;
              given.as_of = this->date(val, sub, d);
              if (d) scope.as_of = d->earliest();
            }
          }
        });
        if (subjects != 1) {
          error(at, {w.key, i, {}},
                "expected exactly one of \"events_of\", \"events_between\", \"trips_by\", \"visits_to\"");
        } else if (guests && scope.subject != coverage_subject::visits_to) {
          error(at, {w.key, i, "guests"}, "\"guests\" goes with \"visits_to\" only");
        }
        if (errors_ == errors_before) out.emplace_back(std::move(scope), given);
      });
}

void record_reader::read_kinds(od::value& v, const where& w, event_kinds& out) {
  std::vector<std::string> names;
  const std::size_t at = offset_of(v);
  if (!strings(v, w, names)) return;
  out = event_kinds::none();
  for (const std::string& n : names) {
    const auto* it = std::find(event_kind_names.begin(), event_kind_names.end(), n);
    if (it == event_kind_names.end()) {
      error(at, w, fmt::format("unknown event kind \"{}\" (expected visit, summit, meeting or ceremony)", n));
      continue;
    }
    out.set(static_cast<std::size_t>(it - event_kind_names.begin()));
  }
}

auto record_reader::countries(od::value& v, const where& w, std::vector<country_code>& out) -> bool {
  return each_item(v, w, "an array of ISO 3166 country codes", [&](od::value& x, const where& at) {
    country_code c;
    const bool ok = country(x, at, c);
    if (ok) out.push_back(c);
    return ok;
  });
}

auto record_reader::boolean(od::value& v, const where& w, bool& out) -> bool {
  const auto e = v.get_bool().get(out);
  if (e == simdjson::SUCCESS) return true;
  if (e == simdjson::INCORRECT_TYPE) {
    type_error(v, w, "true or false");
    return false;
  }
  syntax(e);
}

// Reads one record for record_reader::read_record, in steps: the keys in any order
// (read_fields), then the header line or the keys the kind allows and needs (check_header,
// check_keys), then the actor or event it makes (add_actor, add_event). A record with
// errors is left out whole (leave_out).
class record_builder {
 public:
  record_builder(record_reader& r, record_context ctx) : r_(r), ctx_(ctx) {}

  void read(od::value v, bool allow_header);

 private:
  void read_fields(od::object& obj);
  void read_field(std::size_t k, od::value val, std::size_t key_at);
  void read_kind(od::value& val, const where& w);
  template <class Enum, class Parse>
  void read_enum(od::value& val, const where& w, Parse parse, Enum& out, std::string_view what,
                 std::string_view expected);
  template <class Id>
  void read_id(od::value& val, const where& w, std::optional<Id>& out);
  void read_place(od::value& val, const where& w);
  void read_offices(od::value& val, const where& w);
  void read_sources(od::value& val, const where& w);
  void check_header(std::size_t start, bool allow_header);
  void check_keys(std::size_t start);
  void leave_out();
  void add_actor(std::size_t start, const origin& here);
  void add_event(const origin& here);

  [[nodiscard]] auto is_actor() const noexcept -> bool {
    return f_.kind == rkind::person || f_.kind == rkind::organisation;
  }

  record_reader& r_;
  record_context ctx_;
  record_fields f_;
};

void record_builder::read(od::value v, bool allow_header) {
  const std::size_t start = r_.offset_of(v);
  od::object obj;
  if (!r_.object(v, {}, obj)) {
    r_.left_out({}, ctx_ != record_context::event, ctx_ != record_context::actor);
    return;
  }
  const std::size_t errors_before = r_.errors();
  read_fields(obj);
  if ((f_.seen & header_keys) != 0) {  // a JSON Lines header
    check_header(start, allow_header);
    return;
  }
  check_keys(start);
  r_.record_seen = true;
  if (r_.errors() != errors_before) {
    leave_out();
    return;
  }
  const auto [line, column] = r_.lines_.at(start);
  const origin here{std::string(r_.file()), line, column};
  if (is_actor()) {
    add_actor(start, here);
  } else {
    add_event(here);
  }
}

void record_builder::read_fields(od::object& obj) {
  try {
    r_.fields(obj, record_keys, {},
              [&](std::size_t k, od::value val, std::size_t key_at) { read_field(k, val, key_at); });
  } catch (const syntax_stop&) {
    if ((f_.seen & header_keys) == 0) leave_out();
    throw;
  } catch (const too_many_errors&) {
    if ((f_.seen & header_keys) == 0) leave_out();
    throw;
  }
}

void record_builder::read_field(std::size_t k, od::value val, std::size_t key_at) {
  if (k >= k_diplo && ctx_ != record_context::any) {
    r_.error(key_at, {}, fmt::format("unknown key \"{}\"", record_keys[k]));
    return;
  }
  f_.key_at[k] = key_at;
  f_.seen |= std::uint32_t{1} << k;
  const where w{record_keys[k]};
  switch (static_cast<rkey>(k)) {
    case k_id: r_.text(val, w, f_.id); break;
    case k_kind: read_kind(val, w); break;
    case k_name: r_.text(val, w, f_.name); break;
    case k_aliases: r_.strings(val, w, f_.aliases); break;
    case k_wikidata: r_.text(val, w, f_.wikidata); break;
    case k_country: r_.country(val, w, f_.country); break;
    case k_offices: read_offices(val, w); break;
    case k_status:
      read_enum(val, w, try_parse_status, f_.status, "status",
                "announced, planned, occurred, cancelled or postponed");
      break;
    case k_when: r_.when(val, w, f_.when); break;
    case k_starts_at: r_.instant(val, w, f_.starts_at); break;
    case k_ends_at: r_.instant(val, w, f_.ends_at); break;
    case k_place: read_place(val, w); break;
    case k_parent: read_id(val, w, f_.parent); break;
    case k_journey: r_.text(val, w, f_.journey); break;
    case k_guests: r_.ids(val, w, f_.guests); break;
    case k_host_country: r_.country(val, w, f_.host_country); break;
    case k_host: read_id(val, w, f_.host); break;
    case k_level:
      read_enum(val, w, try_parse_visit_level, f_.level, "level",
                "state, official, working, private or unspecified");
      break;
    case k_cities: r_.strings(val, w, f_.cities); break;
    case k_series: r_.text(val, w, f_.series); break;
    case k_attendees: r_.ids(val, w, f_.attendees); break;
    case k_participants: r_.ids(val, w, f_.participants); break;
    case k_mode:
      read_enum(val, w, try_parse_meeting_mode, f_.mode, "mode", "in_person, phone or video");
      break;
    case k_description: r_.text(val, w, f_.description); break;
    case k_notes: r_.text(val, w, f_.notes); break;
    case k_sources: read_sources(val, w); break;
    case k_diplo: r_.read_version(val, w); break;
    case k_dataset: r_.read_dataset(val, w); break;
    case k_count: break;
  }
}

void record_builder::read_kind(od::value& val, const where& w) {
  const std::size_t at = r_.offset_of(val);
  auto s = r_.string_of(val, w, "a kind (a string)");
  if (!s) {
    f_.kind_bad = true;
    return;
  }
  const std::size_t first = ctx_ == record_context::event ? 3 : 1;
  const std::size_t last = ctx_ == record_context::actor ? 2 : 6;
  for (std::size_t i = first; i <= last; ++i) {
    if (kind_names[i] == *s) {
      f_.kind = static_cast<rkind>(i);
      return;
    }
  }
  f_.kind_bad = true;
  r_.error(at, w,
           fmt::format("unknown kind \"{}\" (expected {})", *s,
                       ctx_ == record_context::actor   ? "person or organisation"
                       : ctx_ == record_context::event ? "visit, summit, meeting or ceremony"
                                                       : "person, organisation, visit, summit, "
                                                         "meeting or ceremony"));
}

// `parse` is the enum's try_parse_* (diplo/event.h), the inverse of its name().
template <class Enum, class Parse>
void record_builder::read_enum(od::value& val, const where& w, Parse parse, Enum& out, std::string_view what,
                               std::string_view expected) {
  const std::size_t at = r_.offset_of(val);
  auto s = r_.string_of(val, w, fmt::format("a {} (a string)", what));
  if (!s) return;
  if (auto e = parse(*s)) {
    out = *e;
  } else {
    r_.error(at, w, fmt::format("unknown {} \"{}\" (expected {})", what, *s, expected));
  }
}

template <class Id>
void record_builder::read_id(od::value& val, const where& w, std::optional<Id>& out) {
  std::string s;
  if (r_.text(val, w, s)) out.emplace(std::move(s));
}

void record_builder::read_place(od::value& val, const where& w) {
  od::object o;
  if (!r_.object(val, w, o)) return;
  r_.fields(o, place_keys, w, [&](std::size_t k, od::value x, std::size_t) {
    const where sub{w.key, w.index, place_keys[k]};
    if (k == 0) r_.text(x, sub, f_.place.city);
    if (k == 1) r_.country(x, sub, f_.place.country);
    if (k == 2) r_.text(x, sub, f_.place.zone);
  });
}

void record_builder::read_offices(od::value& val, const where& w) {
  r_.each_object(val, w, "an array of offices",
                 [&](std::size_t i, od::object& o, std::size_t at, const where& ow) {
                   office off;
                   std::uint64_t seen = 0;
                   r_.fields(o, office_keys, ow, [&](std::size_t k, od::value y, std::size_t) {
                     seen |= 1U << k;
                     const where sub{w.key, i, office_keys[k]};
                     if (k == 0) r_.text(y, sub, off.title);
                     if (k == 1) r_.country(y, sub, off.country);
                     if (k == 2) r_.when(y, sub, off.term);
                   });
                   if ((seen & 1U) == 0) r_.error(at, ow, "missing \"title\"");
                   if ((seen & 4U) == 0) r_.error(at, ow, "missing \"term\"");
                   f_.offices.push_back(std::move(off));
                 });
}

void record_builder::read_sources(od::value& val, const where& w) {
  r_.each_object(val, w, "an array of sources",
                 [&](std::size_t i, od::object& o, std::size_t at, const where& sw) {
                   source src;
                   bool has_url = false;
                   r_.fields(o, source_keys, sw, [&](std::size_t k, od::value y, std::size_t) {
                     const where sub{w.key, i, source_keys[k]};
                     if (k == 0) has_url = true, r_.text(y, sub, src.url);
                     if (k == 1) r_.text(y, sub, src.publisher);
                     if (k == 2) r_.text(y, sub, src.title);
                     if (k == 3) r_.date(y, sub, src.published);
                   });
                   if (!has_url) r_.error(at, sw, "missing \"url\"");
                   f_.sources.push_back(std::move(src));
                 });
}

void record_builder::check_header(std::size_t start, bool allow_header) {
  if ((f_.seen & ~header_keys) != 0) {
    for (std::size_t k = 0; k < k_diplo; ++k) {
      if ((f_.seen >> k) & 1U) {
        r_.error(f_.key_at[k], {},
                 fmt::format("key \"{}\" is not allowed in a header line (only \"diplo\" and "
                             "\"dataset\" are)",
                             record_keys[k]));
      }
    }
  }
  if ((f_.seen & bit(k_diplo)) == 0) {
    r_.error(start, {}, "missing \"diplo\" (the format version, 1) in the header line");
  }
  if (!allow_header) {
    r_.error(start, {}, r_.header_seen ? "a second header line" : "the header must be the first line");
  }
  r_.header_seen = true;
}

// Which keys this kind allows and needs.
void record_builder::check_keys(std::size_t start) {
  if (f_.kind == rkind::none) {
    if ((f_.seen & bit(k_id)) == 0) r_.error(start, {}, "missing \"id\"");
    if (!f_.kind_bad) r_.error(start, {}, "missing \"kind\"");
    return;
  }
  const std::uint32_t ok = allowed(f_.kind);
  for (std::size_t k = 0; k < k_diplo; ++k) {
    if (((f_.seen >> k) & 1U) != 0 && ((ok >> k) & 1U) == 0) {
      r_.error(f_.key_at[k], {},
               fmt::format("key \"{}\" is not allowed in {} {}", record_keys[k], article(f_.kind),
                           kind_names[static_cast<std::size_t>(f_.kind)]));
    }
  }
  const std::uint32_t need = required(f_.kind);
  for (std::size_t k = 0; k < k_diplo; ++k) {
    if (((need >> k) & 1U) != 0 && ((f_.seen >> k) & 1U) == 0) {
      r_.error(start, {}, fmt::format("missing \"{}\"", record_keys[k]));
    }
  }
}

// A record with errors is left out whole; note its id and what it is.
void record_builder::leave_out() {
  const bool known = f_.kind != rkind::none;
  r_.left_out(f_.id, known ? is_actor() : ctx_ != record_context::event,
              known ? !is_actor() : ctx_ != record_context::actor);
}

void record_builder::add_actor(std::size_t start, const origin& here) {
  const std::string id = f_.id;
  actor a = f_.kind == rkind::person ? actor(person{.id = actor_id{std::move(f_.id)},
                                                    .name = std::move(f_.name),
                                                    .aliases = std::move(f_.aliases),
                                                    .wikidata = std::move(f_.wikidata),
                                                    .country = f_.country,
                                                    .offices = std::move(f_.offices)})
                                     : actor(organisation{.id = actor_id{std::move(f_.id)},
                                                          .name = std::move(f_.name),
                                                          .aliases = std::move(f_.aliases),
                                                          .wikidata = std::move(f_.wikidata)});
  try {
    r_.doc().actors.add(std::move(a));
    r_.doc().actor_origins.push_back(here);
  } catch (const diplo::error& e) {
    r_.left_out(id, true, false);
    r_.error(start, {}, std::string(strip_prefix(e.what())));
  }
}

void record_builder::add_event(const origin& here) {
  event_fields e;
  e.base.id = event_id{std::move(f_.id)};
  e.base.when = f_.when;
  e.base.starts_at = f_.starts_at;
  e.base.ends_at = f_.ends_at;
  e.base.place = std::move(f_.place);
  e.base.status = f_.status;
  e.base.sources = std::move(f_.sources);
  e.base.description = std::move(f_.description);
  e.base.notes = std::move(f_.notes);
  e.base.parent = std::move(f_.parent);
  e.base.journey = std::move(f_.journey);
  e.host = std::move(f_.host);
  e.host_country = f_.host_country;
  e.name = std::move(f_.name);
  e.series = std::move(f_.series);
  e.level = f_.level;
  e.mode = f_.mode;
  e.cities = std::move(f_.cities);
  // rkind lists the actor kinds, then the event kinds in event_kind's order.
  const auto kind = static_cast<event_kind>(static_cast<int>(f_.kind) - static_cast<int>(rkind::visit));
  e.people = std::move(kind == event_kind::visit     ? f_.guests
                       : kind == event_kind::meeting ? f_.participants
                                                     : f_.attendees);
  r_.doc().events.push_back(make_event(kind, std::move(e)));
  r_.doc().origins.push_back(here);
}

void record_reader::read_record(od::value v, record_context ctx, bool allow_header) {
  record_builder(*this, ctx).read(v, allow_header);
}

// ---- writing ---------------------------------------------------------------------------

namespace {

using diplo::detail::json;

auto strings_json(const std::vector<std::string>& v) -> json {
  json a = json::make_array();
  for (const std::string& s : v) a.push(s);
  return a;
}

auto ids_json(const std::vector<actor_id>& ids) -> json {
  json a = json::make_array();
  for (const actor_id& id : ids) a.push(id.value());
  return a;
}

// One coverage record; its period and as-of day only when they differ from the dataset's
// (which the reader gives a record without them).
auto scope_json(const coverage_scope& c, const dataset_info& info) -> json {
  json n = json::make_object(json::fold::one_line);
  if (c.subject == coverage_subject::events_of || c.subject == coverage_subject::events_between) {
    n.set(std::string(name(c.subject)), ids_json(c.actors));
  } else {
    json countries = json::make_array();
    for (country_code x : c.countries) countries.push(x.alpha2());
    n.set(std::string(name(c.subject)), std::move(countries));
    if (!c.actors.empty()) n.set("guests", ids_json(c.actors));
  }
  if (!c.offices.empty()) n.set("offices", strings_json(c.offices));
  if (!c.kinds.all()) {
    json kinds = json::make_array();
    for (std::size_t k = 0; k < event_kind_names.size(); ++k) {
      if (c.kinds.has(k)) kinds.push(event_kind_names[k]);
    }
    n.set("kinds", std::move(kinds));
  }
  if (c.counterparts) n.set("counterparts", true);
  if (c.calls) n.set("calls", true);
  const auto coverage = period::try_parse(info.coverage);
  if (c.when && c.when != coverage) n.set("period", c.when->to_edtf());
  const auto as_of = partial_date::try_parse(info.as_of);
  const std::optional<date::sys_days> default_as_of = as_of ? std::optional(as_of->earliest()) : std::nullopt;
  if (c.as_of && c.as_of != default_as_of) {
    n.set("as_of", partial_date(date::year_month_day{*c.as_of}).to_edtf());
  }
  return n;
}

}  // namespace

auto dataset_json(const dataset_info& info, std::span<const coverage_scope> declared) -> json {
  json n = json::make_object(json::fold::spread);
  if (!info.title.empty()) n.set("title", info.title);
  if (!info.coverage.empty()) n.set("coverage", info.coverage);
  if (!info.as_of.empty()) n.set("as_of", info.as_of);
  if (!info.license.empty()) n.set("license", info.license);
  if (!info.description.empty()) n.set("description", info.description);
  const std::span<const coverage_scope> records = info.records.empty() ? declared : info.records;
  if (!records.empty()) {
    json arr = json::make_array();
    for (const coverage_scope& c : records) arr.push(scope_json(c, info));
    n.set("records", std::move(arr));
  }
  return n;
}

}  // namespace diplo::io::detail
