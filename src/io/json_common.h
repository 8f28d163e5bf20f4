// SPDX-License-Identifier: MIT
#pragma once

// Internal to libdiplo: what the JSON and JSON Lines readers and writers share. Not
// installed; simdjson stays a private dependency.
//
// Reading: `record_reader` walks simdjson On Demand values, turns records into actors and
// events, and collects diagnostics with file:line:column of the offending value or key.
// Writing: the "dataset" object (`dataset_json`), beside the records of
// diplo/detail/record_json.h.

#include <array>
#include <cstddef>
#include <cstdint>
#include <new>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <simdjson.h>

#include "diplo/detail/json.h"
#include "diplo/detail/text.h"
#include "diplo/error.h"
#include "diplo/io/document.h"

namespace diplo::io::detail {

namespace od = simdjson::ondemand;

/// Thrown to stop reading: too many errors.
struct too_many_errors {};
/// Thrown to stop reading the current JSON text (a syntax error was reported).
struct syntax_stop {};

/// A JSON path relative to the current record: key[index].sub (each part optional).
struct where {
  std::string_view key{};
  std::size_t index = static_cast<std::size_t>(-1);
  std::string_view sub{};
};

/// Where simdjson's stage 1 (iterate) failed, found by a scalar scan; only used on errors.
/// Returns the offset in `json` and a message.
auto locate_stage1_error(std::string_view json, simdjson::error_code code)
    -> std::pair<std::size_t, std::string>;

/// For an unbalanced document (INCOMPLETE_ARRAY_OR_OBJECT) or trailing content: the offset
/// and message of the first structural problem, by a scalar scan. For an unclosed bracket
/// the offset is the bracket's and the message has an '@' where its line:column goes.
auto locate_structure_error(std::string_view json) -> std::pair<std::size_t, std::string>;

/// The offset in `json` of the first '[' or '{' (outside strings) nested deeper than
/// `max_depth`, or npos when there is none. Linear; never recursive.
auto too_deep_at(std::string_view json, std::size_t max_depth) noexcept -> std::size_t;

class record_builder;  // the steps of record_reader::read_record (json_common.cpp)

/// What the reader is reading, which decides the allowed kinds and keys of a record.
enum class record_context : std::uint8_t { actor, event, any };

/// Reads records and collects diagnostics for one input text (a JSON file or all lines of
/// a JSON Lines file).
class record_reader {
 public:
  record_reader(std::string_view text, std::string_view file) : text_(text), file_(file), lines_(text) {}

  /// The JSON text being parsed now: `buffer` (padded) holds text[offset, offset + size).
  void use(const char* buffer, std::size_t offset, std::size_t size, od::document* doc) noexcept {
    buffer_ = buffer;
    buffer_offset_ = offset;
    buffer_size_ = size;
    doc_ = doc;
  }
  /// The record prefix of paths: "events[3]" (head "events", index 3) or "" (JSONL).
  void record_path(std::string_view head, std::size_t index) noexcept {
    head_ = head;
    head_index_ = index;
  }

  /// Reports an error at a global offset. Throws too_many_errors past max_diagnostics.
  void error(std::size_t offset, const where& w, std::string message);
  /// Reports a syntax error from simdjson and throws syntax_stop.
  [[noreturn]] void syntax(simdjson::error_code code);
  /// Reports a stage-1 failure of iterate() on the current buffer and throws syntax_stop.
  [[noreturn]] void stage1(simdjson::error_code code);
  /// Checks that nothing follows the root value; reports and throws syntax_stop if so.
  void expect_end();

  /// Global offset of a pointer into the current buffer.
  [[nodiscard]] auto offset_of(const char* p) const noexcept -> std::size_t {
    return buffer_offset_ + static_cast<std::size_t>(p - buffer_);
  }
  [[nodiscard]] auto offset_of(od::value& v) noexcept -> std::size_t {
    return offset_of(v.raw_json_token().data());
  }

  /// The root value as an object (reports "expected an object" and returns false).
  auto root_object(od::object& out, const where& w) -> bool;
  /// The root value, which must be an object (reports "expected an object" otherwise).
  auto root_value(od::value& out) -> bool;

  /// Reads one actor or event record (per `ctx`) into the document. For `any` (JSONL), a
  /// header record (keys "diplo"/"dataset") is read into the document's info instead;
  /// `allow_header` says whether a header may stand here.
  void read_record(od::value v, record_context ctx, bool allow_header = false);

  /// Reads the "dataset" object into the document's info.
  void read_dataset(od::value& v, const where& w);
  /// Which fields of a coverage record were given (the others come from the dataset).
  struct scope_defaults {
    bool period = false;
    bool as_of = false;
  };
  /// Reads "dataset.records": the coverage records (diplo/coverage.h).
  void read_records(od::value& v, std::vector<std::pair<coverage_scope, scope_defaults>>& out);
  /// Reads a record's "kinds": an array of "visit", "summit", "meeting", "ceremony".
  void read_kinds(od::value& v, const where& w, event_kinds& out);

  /// Reads the "diplo" version value (must be the integer 1).
  void read_version(od::value& v, const where& w);

  /// The number of errors so far.
  [[nodiscard]] auto errors() const noexcept -> std::size_t { return errors_; }
  /// The document read; throws validation_error(area, ...) when there were errors.
  auto finish(std::string_view area) -> document;
  /// The records read without error (the others are in its `left_out`); every problem is
  /// appended to `problems`, in the order found.
  auto finish_lenient(std::vector<diagnostic>& problems) -> document;
  /// Reading stopped before the end of the input (see left_out_records::stopped).
  void stopped() noexcept { doc_out_.left_out.stopped = true; }
  /// Reports, and stops the record with syntax_stop, when `json` (starting at byte `at` of
  /// the input) nests deeper than limits.max_depth: simdjson's On Demand parser does not
  /// bound the depth itself.
  void refuse_too_deep(std::string_view json, std::size_t at, const read_limits& limits) {
    const std::size_t deep = too_deep_at(json, limits.max_depth);
    if (deep == std::string_view::npos) return;
    error(at + deep, {},
          fmt::format("nesting deeper than the limit of {} arrays and objects "
                      "(read_limits::max_depth)",
                      limits.max_depth));
    throw syntax_stop{};
  }
  /// True, with the error reported and reading stopped, when `text` is longer than
  /// limits.max_file_size: nothing of it is read.
  auto refuse_oversized(std::string_view text, const read_limits& limits) -> bool {
    if (text.size() <= limits.max_file_size) return false;
    guarded([&] {
      error(limits.max_file_size, {},
            fmt::format("the input is longer than the limit of {} bytes "
                        "(read_limits::max_file_size)",
                        limits.max_file_size));
    });
    stopped();
    return true;
  }
  /// Notes a record left out because of its errors: its id (empty when it could not be
  /// read) and whether it is an actor and/or an event record.
  void left_out(const std::string& id, bool actor, bool event);

  /// Runs `f`, catching the stop signals (too_many_errors ends everything: returns false).
  template <class F>
  auto guarded(F&& f) -> bool {
    try {
      f();
    } catch (const syntax_stop&) {
    } catch (const too_many_errors&) {
      return false;
    }
    return true;
  }

  [[nodiscard]] auto file() const noexcept -> std::string_view { return file_; }
  [[nodiscard]] auto doc() noexcept -> document& { return doc_out_; }

  // Typed value readers; each reports its own errors and returns false on failure.
  auto text(od::value& v, const where& w, std::string& out) -> bool;
  auto object(od::value& v, const where& w, od::object& out) -> bool;
  auto array(od::value& v, const where& w, od::array& out, std::string_view what) -> bool;
  auto strings(od::value& v, const where& w, std::vector<std::string>& out) -> bool;
  auto ids(od::value& v, const where& w, std::vector<actor_id>& out) -> bool;
  auto country(od::value& v, const where& w, country_code& out) -> bool;
  auto countries(od::value& v, const where& w, std::vector<country_code>& out) -> bool;
  auto boolean(od::value& v, const where& w, bool& out) -> bool;
  auto when(od::value& v, const where& w, period& out) -> bool;
  auto date(od::value& v, const where& w, std::optional<partial_date>& out) -> bool;
  auto instant(od::value& v, const where& w, std::optional<date::sys_seconds>& out) -> bool;

  /// Iterates the fields of `obj`: `keys` are the known keys; unknown and duplicate keys
  /// are reported; `on_key(index, value, key_offset)` is called for the others.
  template <std::size_t N, class OnKey>
  void fields(od::object& obj, const std::array<std::string_view, N>& keys, const where& w, OnKey&& on_key);

  /// Iterates the array of objects `v` (`what` names it: "an array of offices"), reporting
  /// a value that is not an array and each item that is not an object: `on_object(index,
  /// object, item_offset, item_where)` is called for the objects, `item_where` being
  /// `{w.key, index, {}}`.
  template <class OnObject>
  void each_object(od::value& v, const where& w, std::string_view what, OnObject&& on_object);

  /// Iterates the array `v` (`what` names it: "an array of strings"), reporting a value that
  /// is not an array: `read_one(item, item_where)` reads each item and returns whether it
  /// could; `item_where` is `{w.key, index, {}}` (`w` itself under a sub-key, which has no
  /// room for the index). Returns whether every item was read.
  template <class ReadOne>
  auto each_item(od::value& v, const where& w, std::string_view what, ReadOne&& read_one) -> bool;

  bool header_seen = false;   // JSONL: a header line was read
  bool record_seen = false;   // JSONL: a record line was read
  bool version_seen = false;  // "diplo" was read (JSON root or JSONL header)

 private:
  friend class record_builder;

  auto path(const where& w) const -> std::string;
  auto root_is_object(const where& w) -> bool;
  void type_error(od::value& v, const where& w, std::string_view expected);
  auto string_of(od::value& v, const where& w, std::string_view expected) -> std::optional<std::string_view>;

  std::string_view text_;
  std::string_view file_;
  diplo::detail::line_map lines_;  // file positions: line and byte column
  const char* buffer_ = nullptr;
  std::size_t buffer_offset_ = 0;
  std::size_t buffer_size_ = 0;
  od::document* doc_ = nullptr;
  std::string_view head_{};
  std::size_t head_index_ = static_cast<std::size_t>(-1);
  std::vector<diagnostic> diags_;
  std::size_t errors_ = 0;
  document doc_out_;
};

/// Reads one JSON document into `r`: refuses a text longer than limits.max_file_size and
/// nesting deeper than limits.max_depth, skips a UTF-8 byte order mark (counted in the
/// columns of line 1), parses `text` where it is when `padding` readable bytes follow it
/// (simdjson's padding), else a padded copy, and calls `read_root(root, skip)` with the root
/// object and the length of the mark, all inside `guarded`: a syntax error stops the reading
/// there. A root that is not an object is reported and not read. What the JSON reader and the
/// claims reader share.
template <class ReadRoot>
void read_document(record_reader& r, std::string_view text, std::size_t padding, const read_limits& limits,
                   ReadRoot&& read_root) {
  if (r.refuse_oversized(text, limits)) return;  // reported where it crosses the limit
  const std::size_t skip = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  const std::string_view json = text.substr(skip);
  simdjson::padded_string copy;
  simdjson::padded_string_view buffer(json.data(), json.size(), json.size() + padding);
  if (padding < simdjson::SIMDJSON_PADDING) {
    copy = simdjson::padded_string(json);
    // simdjson reports a failed allocation as an empty buffer, not by throwing.
    if (copy.data() == nullptr && !json.empty()) throw std::bad_alloc();
    buffer = simdjson::padded_string_view(copy.data(), copy.size(), copy.size() + simdjson::SIMDJSON_PADDING);
  }
  od::parser parser;
  r.guarded([&] {
    r.use(buffer.data(), skip, buffer.size(), nullptr);
    r.refuse_too_deep(json, skip, limits);
    od::document d;
    if (auto e = parser.iterate(buffer).get(d); e != simdjson::SUCCESS) {
      if (e == simdjson::MEMALLOC) throw std::bad_alloc();
      r.stage1(e);
    }
    r.use(buffer.data(), skip, buffer.size(), &d);
    od::object root;
    if (!r.root_object(root, {})) return;
    read_root(root, skip);
  });
}

/// The text after an error's "[diplo.area] " prefix.
auto strip_prefix(std::string_view what) -> std::string_view;

// ---- writing ---------------------------------------------------------------------------
// Records are written by diplo/detail/record_json.h, laid out by diplo/detail/json.h.

/// The "dataset" object; an object without members when `info` is all empty. Its "records"
/// are `info.records`, or when those are empty the scopes a timeline declares.
auto dataset_json(const dataset_info& info, std::span<const coverage_scope> declared = {})
    -> diplo::detail::json;

template <std::size_t N, class OnKey>
inline void record_reader::fields(od::object& obj, const std::array<std::string_view, N>& keys,
                                  const where& w, OnKey&& on_key) {
  static_assert(N <= 64);
  std::uint64_t seen = 0;
  for (auto item : obj) {
    od::field f;
    if (auto e = std::move(item).get(f); e != simdjson::SUCCESS) syntax(e);
    const std::size_t key_at = offset_of(f.key().raw()) - 1;
    std::string_view key;
    if (auto e = f.unescaped_key().get(key); e != simdjson::SUCCESS) syntax(e);
    std::size_t k = 0;
    while (k < N && keys[k] != key) ++k;
    if (k == N) {
      error(key_at, w, fmt::format("unknown key \"{}\"", key));
      continue;
    }
    if ((seen >> k) & 1U) {
      error(key_at, w, fmt::format("duplicate key \"{}\"", key));
      continue;
    }
    seen |= std::uint64_t{1} << k;
    on_key(k, f.value(), key_at);
  }
}

template <class OnObject>
inline void record_reader::each_object(od::value& v, const where& w, std::string_view what,
                                       OnObject&& on_object) {
  od::array arr;
  if (!array(v, w, arr, what)) return;
  std::size_t i = 0;
  for (auto item : arr) {
    od::value x;
    if (auto e = std::move(item).get(x); e != simdjson::SUCCESS) syntax(e);
    const where item_where{w.key, i, {}};
    const std::size_t at = offset_of(x);
    od::object o;
    if (object(x, item_where, o)) on_object(i, o, at, item_where);
    ++i;
  }
}

template <class ReadOne>
inline auto record_reader::each_item(od::value& v, const where& w, std::string_view what, ReadOne&& read_one)
    -> bool {
  od::array arr;
  if (!array(v, w, arr, what)) return false;
  bool ok = true;
  std::size_t i = 0;
  for (auto item : arr) {
    od::value x;
    if (auto e = std::move(item).get(x); e != simdjson::SUCCESS) syntax(e);
    const where item_where = w.sub.empty() ? where{w.key, i, {}} : w;
    ok = read_one(x, item_where) && ok;
    ++i;
  }
  return ok;
}

}  // namespace diplo::io::detail
