// SPDX-License-Identifier: MIT
#include "diplo/io/csv.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>

#include "csv_cell.h"
#include "diplo/actor.h"
#include "diplo/country.h"
#include "diplo/detail/csv_lexer.h"
#include "diplo/detail/fold.h"
#include "diplo/detail/instant.h"
#include "diplo/detail/slug.h"
#include "diplo/detail/text.h"
#include "diplo/error.h"
#include "diplo/event.h"
#include "diplo/id.h"
#include "diplo/io/document.h"
#include "diplo/partial_date.h"
#include "diplo/period.h"
#include "diplo/timeline.h"
#include "make_event.h"
#include "out_of_memory.h"

namespace diplo::io {
namespace {

using detail::csv_quoted;
using detail::formula_guarded;
using detail::starts_formula;

// ---- columns --------------------------------------------------------------------------

enum column : std::size_t {
  c_id,
  c_kind,
  c_status,
  c_start,
  c_end,
  c_city,
  c_country,
  c_zone,
  c_host,
  c_participants,
  c_parent,
  c_journey,
  c_name,
  c_series,
  c_starts_at,
  c_ends_at,
  c_description,
  c_sources,
  c_notes,
  column_count
};
static_assert(std::size(csv_columns) == column_count);

auto column_of(std::string_view name) -> std::optional<column> {
  for (std::size_t c = 0; c < column_count; ++c) {
    if (csv_columns[c] == name) return static_cast<column>(c);
  }
  return std::nullopt;
}

// ---- kinds ----------------------------------------------------------------------------

using row_kind = detail::event_kind;
using detail::event_fields;

struct kind_entry {
  std::string_view name;
  row_kind kind;
  visit_level level = visit_level::unspecified;
  meeting_mode mode = meeting_mode::in_person;
};

constexpr std::array<kind_entry, 11> kinds = {{
    {"state_visit", row_kind::visit, visit_level::state},
    {"official_visit", row_kind::visit, visit_level::official},
    {"working_visit", row_kind::visit, visit_level::working},
    {"private_visit", row_kind::visit, visit_level::private_visit},
    {"visit", row_kind::visit, visit_level::unspecified},
    {"summit", row_kind::summit},
    {"bilateral_meeting", row_kind::meeting, visit_level::unspecified, meeting_mode::in_person},
    {"meeting", row_kind::meeting, visit_level::unspecified, meeting_mode::in_person},
    {"phone_call", row_kind::meeting, visit_level::unspecified, meeting_mode::phone},
    {"video_call", row_kind::meeting, visit_level::unspecified, meeting_mode::video},
    {"ceremony", row_kind::ceremony},
}};

// ---- text helpers ---------------------------------------------------------------------

using diplo::detail::is_space;

// ---- escapes (data/FORMAT.md, "Escapes") ---------------------------------------------

// A character a backslash makes literal in a list cell: a backslash, a list separator
// (';' between names, '/' between a visit's cities) or white space.
auto is_escapable(char c) noexcept -> bool { return c == '\\' || c == ';' || c == '/' || is_space(c); }

// The items of a list cell (host, participants, sources, a visit's city): split at each
// unescaped `sep` (at each run of unescaped white space when `sep` is ' '; nowhere when it
// is '\0'), each item trimmed of unescaped white space, `\` + an escapable character read
// as that character, empty items dropped. Any other backslash is kept as it is.
auto list_items(std::string_view cell, char sep) -> std::vector<std::string> {
  std::vector<std::string> out;
  std::string item;
  std::size_t kept = 0;  // the item's length up to its last escaped or non-space character
  auto finish = [&] {
    item.resize(kept);
    if (!item.empty()) out.push_back(std::move(item));
    item.clear();
    kept = 0;
  };
  for (std::size_t i = 0; i < cell.size(); ++i) {
    const char c = cell[i];
    if (c == '\\' && i + 1 < cell.size() && is_escapable(cell[i + 1])) {
      item += cell[++i];
      kept = item.size();
    } else if (sep != '\0' && (sep == ' ' ? is_space(c) : c == sep)) {
      finish();
    } else if (is_space(c)) {
      if (!item.empty()) item += c;  // leading white space is dropped
    } else {
      item += c;
      kept = item.size();
    }
  }
  finish();
  return out;
}

// The item as list_items reads it back: a backslash before each backslash and each `sep`
// (each white space when `sep` is ' '), and before white space at either end.
auto escaped_item(std::string_view s, char sep) -> std::string {
  const std::string_view kept = diplo::detail::trim(s);  // [first, last): no white space at the ends
  const auto first = static_cast<std::size_t>(kept.data() - s.data());
  const std::size_t last = first + kept.size();
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool special =
        c == '\\' || (sep == ' ' ? is_space(c) : c == sep) || (is_space(c) && (i < first || i >= last));
    if (special) out += '\\';
    out += c;
  }
  return out;
}

// Formulas: see csv_cell.h. The reader takes the writer's one `'` off again.
void unguard_formula(std::string& cell) {
  if (cell.starts_with('\'') && starts_formula(cell)) cell.erase(0, 1);
}

// ---- diagnostics ----------------------------------------------------------------------

struct sink {
  std::string file;
  std::vector<diagnostic> errors;
  std::vector<diagnostic> warnings;

  bool stopped = false;    // more than max_diagnostics errors: reading stops
  bool cut_short = false;  // an unterminated quote swallowed the rest of the input

  [[nodiscard]] auto full() const noexcept -> bool { return stopped; }

  void error(std::uint32_t line, std::uint32_t column, std::string message) {
    if (stopped) return;
    if (errors.size() < max_diagnostics) {
      errors.push_back({severity::error, file, line, column, std::move(message)});
    } else {
      errors.push_back({severity::error, file, line, column,
                        fmt::format("too many errors; stopped after {}", max_diagnostics)});
      stopped = true;
    }
  }
  std::size_t warnings_left_out = 0;  // past max_diagnostics

  void warning(std::uint32_t line, std::uint32_t column, std::string message) {
    if (warnings.size() < max_diagnostics) {
      warnings.push_back({severity::warning, file, line, column, std::move(message)});
    } else {
      ++warnings_left_out;
    }
  }
};

// ---- RFC 4180 lexer (diplo/detail/csv_lexer.h) -----------------------------------------

using field = diplo::detail::csv_field;
using record = diplo::detail::csv_record;

// Splits `text` into records of fields. Reports syntax errors to `out`; stops at an
// unterminated quote (everything after it belongs to that field) or when `out` is full.
auto lex(std::string_view text, sink& out) -> std::vector<record> {
  auto lexed = diplo::detail::lex_csv(text, [&](std::uint32_t line, std::uint32_t column, std::string m) {
    out.error(line, column, std::move(m));
    return !out.full();
  });
  if (lexed.unterminated) out.cut_short = true;
  return std::move(lexed.records);
}

// ---- the reader -----------------------------------------------------------------------

class reader {
 public:
  reader(sink& out, const actor_registry* known, const read_limits& limits)
      : out_(out), known_(known), limits_(limits) {}

  auto read(std::string_view text) -> document {
    if (text.size() > limits_.max_file_size) {  // nothing is read: reported where it crosses
      const std::string_view head = text.substr(0, limits_.max_file_size + 1);  // + CR LF's LF
      const auto [line, column] = diplo::detail::line_map(head).at(limits_.max_file_size);
      out_.error(line, column,
                 fmt::format("the input is longer than the limit of {} bytes "
                             "(read_limits::max_file_size)",
                             limits_.max_file_size));
      doc_.left_out.stopped = true;
      return std::move(doc_);
    }
    // A line longer than the limit ends the reading there: what comes before is read.
    bool long_line = false;
    std::uint32_t long_line_number = 1;
    for (std::size_t at = 0; at < text.size(); ++long_line_number) {
      std::size_t end = text.find_first_of("\r\n", at);  // LF, CR LF or CR alone
      if (end == std::string_view::npos) end = text.size();
      if (end - at > limits_.max_line_length) {
        text = text.substr(0, at);
        long_line = true;
        break;
      }
      at = end + (text.substr(end).starts_with("\r\n") ? 2 : 1);
    }
    std::vector<record> records = lex(text, out_);
    if (long_line) {
      out_.error(long_line_number, static_cast<std::uint32_t>(limits_.max_line_length + 1),
                 fmt::format("line longer than the limit of {} bytes "
                             "(read_limits::max_line_length)",
                             limits_.max_line_length));
      out_.cut_short = true;
    }
    if (records.size() > limits_.max_records + 1) {  // the header and max_records rows
      out_.error(
          records[limits_.max_records + 1].line, 1,
          fmt::format("more than the limit of {} rows (read_limits::max_records)", limits_.max_records));
      records.resize(limits_.max_records + 1);
      out_.cut_short = true;
    }
    if (records.empty()) {
      if (out_.errors.empty()) out_.error(1, 1, "no header row (the input is empty)");
      if (out_.cut_short) doc_.left_out.stopped = true;
      return std::move(doc_);
    }
    const record& header = records.front();
    // Without a readable header no row can be read: the reading stops there.
    if (header.bad || !read_header(header)) {
      doc_.left_out.stopped = true;
      return std::move(doc_);
    }
    for (std::size_t k = 1; k < records.size() && !out_.full(); ++k) {
      for (field& f : records[k].fields) unguard_formula(f.text);
      read_row(records[k]);
    }
    if (out_.full() || out_.cut_short) doc_.left_out.stopped = true;
    if (doc_.left_out.count != 0) drop_unused_actors();
    return std::move(doc_);
  }

 private:
  auto read_header(const record& header) -> bool {
    header_size_ = header.fields.size();
    position_.fill(-1);
    std::string all;
    for (std::size_t c = 0; c < column_count; ++c) {
      all += fmt::format("{}{}", c == 0 ? "" : ", ", csv_columns[c]);
    }
    for (std::size_t k = 0; k < header.fields.size(); ++k) {
      const field& f = header.fields[k];
      const auto c = column_of(f.text);
      if (!c && !diplo::detail::is_valid_utf8(f.text)) {
        out_.error(f.line, f.column, "unknown column (not valid UTF-8)");
      } else if (!c) {
        out_.error(f.line, f.column, fmt::format("unknown column \"{}\"; the columns are: {}", f.text, all));
      } else if (position_[*c] >= 0) {
        out_.error(
            f.line, f.column,
            fmt::format("duplicate column \"{}\" (also field {} of the header)", f.text, position_[*c] + 1));
      } else {
        position_[*c] = static_cast<int>(k);
      }
    }
    bool complete = true;
    for (column c : {c_id, c_kind, c_start}) {
      if (position_[c] < 0) {
        out_.error(header.line, 0,
                   fmt::format("missing column \"{}\" (id, kind and start are required)", csv_columns[c]));
        complete = false;
      }
    }
    return complete;
  }

  // The field of column `c` in the current row, or nullptr when the column is absent.
  auto get(column c) const -> const field* {
    return position_[c] < 0 ? nullptr : &row_->fields[static_cast<std::size_t>(position_[c])];
  }
  auto text(column c) const -> std::string_view {
    const field* f = get(c);
    return f == nullptr ? std::string_view() : std::string_view(f->text);
  }
  void fail(column c, std::string message) {
    const field* f = get(c);
    out_.error(f != nullptr ? f->line : row_->line, f != nullptr ? f->column : 1,
               fmt::format("{}: {}", csv_columns[c], message));
    row_ok_ = false;
  }

  // A row with errors is left out whole; its id (when readable) is noted.
  void leave_out(std::string_view id) {
    ++doc_.left_out.count;
    if (!id.empty() && diplo::detail::is_valid_utf8(id)) doc_.left_out.event_ids.emplace_back(id);
  }

  // Reads a data row into an event, or leaves it out with its errors reported. Every field
  // is checked, even after an error, so that one pass reports them all.
  void read_row(const record& r) {
    if (!row_readable(r)) return;
    event_fields f;
    read_id(f.base);
    const kind_entry* kind = read_kind();
    read_status(f.base);
    read_period(f.base);
    read_place_and_notes(f.base);
    read_people(f);
    if (kind != nullptr) check_kind_columns(*kind);
    if (!row_ok_ || kind == nullptr) {
      leave_out(text(c_id));
      return;
    }
    kind_fields(*kind, f);
    doc_.events.push_back(detail::make_event(kind->kind, std::move(f)));
    doc_.origins.push_back(origin{out_.file, r.line, 1});
  }

  // Starts reading row `r`: false (the row left out) when it had a syntax error, has as
  // many fields as the header or is not UTF-8.
  auto row_readable(const record& r) -> bool {
    if (r.bad) {  // fields may be misaligned: the id is not trusted
      leave_out({});
      return false;
    }
    if (r.fields.size() != header_size_) {
      leave_out({});
      out_.error(r.line, 1,
                 fmt::format("row has {} field{}; the header has {}", r.fields.size(),
                             r.fields.size() == 1 ? "" : "s", header_size_));
      return false;
    }
    row_ = &r;
    row_ok_ = true;
    for (std::size_t c = 0; c < column_count; ++c) {
      if (!diplo::detail::is_valid_utf8(text(static_cast<column>(c)))) {
        fail(static_cast<column>(c), "invalid UTF-8");
      }
    }
    if (!row_ok_) {  // the checks after this would only repeat it
      leave_out(text(c_id));
      return false;
    }
    return true;
  }

  void read_id(event_base& b) {
    if (text(c_id).empty()) {
      fail(c_id, "missing (every row needs an id)");
    } else {
      b.id = event_id{std::string(text(c_id))};
    }
  }

  // The row's kind, or nullptr (with an error).
  auto read_kind() -> const kind_entry* {
    if (text(c_kind).empty()) {
      fail(c_kind, "missing (every row needs a kind)");
      return nullptr;
    }
    for (const kind_entry& k : kinds) {
      if (k.name == text(c_kind)) return &k;
    }
    std::string names;
    for (const kind_entry& k : kinds) names += fmt::format("{}{}", names.empty() ? "" : ", ", k.name);
    fail(c_kind, fmt::format("unknown kind \"{}\"; expected one of {}", text(c_kind), names));
    return nullptr;
  }

  void read_status(event_base& b) {
    if (text(c_status).empty()) return;
    if (auto s = try_parse_status(text(c_status))) {
      b.status = *s;
    } else {
      fail(c_status, fmt::format("unknown status \"{}\"; expected one of announced, planned, "
                                 "occurred, cancelled, postponed",
                                 text(c_status)));
    }
  }

  // The columns of event_base after the id, status and days (the city is the kind's).
  void read_place_and_notes(event_base& b) {
    const std::string_view country_text = text(c_country);
    if (!country_text.empty()) {
      try {
        b.place.country = country_code::parse(country_text);
      } catch (const parse_error& e) {
        fail(c_country, e.what());
      }
    }
    b.place.zone = std::string(text(c_zone));
    if (!text(c_parent).empty()) b.parent = event_id{std::string(text(c_parent))};
    b.journey = std::string(text(c_journey));
    for (column c : {c_starts_at, c_ends_at}) {
      if (text(c).empty()) continue;
      try {
        (c == c_starts_at ? b.starts_at : b.ends_at) = diplo::detail::parse_instant(text(c));
      } catch (const parse_error& e) {
        fail(c, e.what());
      }
    }
    for (std::string& url : list_items(text(c_sources), ' ')) {
      b.sources.emplace_back().url = std::move(url);
    }
    b.description = std::string(text(c_description));
    b.notes = std::string(text(c_notes));
  }

  // host -> f.host; participants -> f.people (each once).
  void read_people(event_fields& f) {
    for (const std::string& h : list_items(text(c_host), '\0')) f.host = resolve(h, c_host);
    std::unordered_set<std::string> seen;  // not std::find: a row may name a million people
    for (const std::string& p : list_items(text(c_participants), ';')) {
      if (auto id = resolve(p, c_participants)) {
        if (seen.insert(id->value()).second) f.people.push_back(*id);
      }
    }
  }

  // name and series are only for the kinds that have them.
  void check_kind_columns(const kind_entry& kind) {
    const bool named = kind.kind == row_kind::summit || kind.kind == row_kind::ceremony;
    if (!named && !text(c_name).empty()) {
      fail(c_name, fmt::format("only summits and ceremonies have a name, not a {}", kind.name));
    }
    if (kind.kind != row_kind::summit && !text(c_series).empty()) {
      fail(c_series, fmt::format("only summits have a series, not a {}", kind.name));
    }
  }

  // The fields that depend on the kind: the level or mode it names, the host country (the
  // country column), the city (a visit's list of cities), name and series, and who is a
  // guest (a visit's people but its host) or a participant (a meeting's host too).
  void kind_fields(const kind_entry& kind, event_fields& f) {
    const std::string city(text(c_city));
    f.level = kind.level;
    f.mode = kind.mode;
    f.host_country = f.base.place.country;
    f.name = std::string(text(c_name));
    f.series = std::string(text(c_series));
    switch (kind.kind) {
      case row_kind::visit: {
        if (f.host) std::erase(f.people, *f.host);
        f.cities = list_items(city, '/');
        if (!f.cities.empty()) f.base.place.city = f.cities.front();
        if (f.cities.size() < 2) f.cities.clear();
        break;
      }
      case row_kind::meeting:
        // A meeting has no host of its own: the host is one of the participants.
        if (f.host && std::find(f.people.begin(), f.people.end(), *f.host) == f.people.end()) {
          f.people.push_back(*f.host);
        }
        f.base.place.city = city;
        break;
      case row_kind::summit:
      case row_kind::ceremony: f.base.place.city = city; break;
    }
  }

  // start and end -> b.when.
  void read_period(event_base& b) {
    const std::string_view start = text(c_start);
    const std::string_view end = text(c_end);
    if (start.empty()) {
      fail(c_start, "missing (every row needs a start date)");
      return;
    }
    if (end.empty()) {  // one date, or a whole EDTF period in `start`
      try {
        b.when = period::parse(start);
      } catch (const diplo::error& e) {
        fail(c_start, e.what());
      }
      return;
    }
    if (start.find('/') != std::string_view::npos) {
      fail(c_start, fmt::format("\"{}\" is a period; with an end date, start must be one date", start));
      return;
    }
    std::optional<partial_date> first;
    std::optional<partial_date> last;
    bool ok = true;
    if (start != "..") {
      try {
        first = partial_date::parse(start);
      } catch (const diplo::error& e) {
        fail(c_start, e.what());
        ok = false;
      }
    }
    if (end != "..") {
      try {
        last = partial_date::parse(end);
      } catch (const diplo::error& e) {
        fail(c_end, e.what());
        ok = false;
      }
    }
    if (!ok) return;
    try {
      if (!first && !last) {
        fail(c_start, "both start and end are open (\"..\")");
      } else if (!first) {
        b.when = period::open_start(*last);
      } else if (!last) {
        b.when = period::open_end(*first);
      } else {
        b.when = period(*first, *last);
      }
    } catch (const diplo::error& e) {
      fail(c_end, e.what());
    }
  }

  // The actor a name means; nullopt (with an error) when it cannot be resolved.
  auto resolve(std::string_view name, column c) -> std::optional<actor_id> {
    const std::string key(name);
    if (auto it = by_name_.find(key); it != by_name_.end()) return it->second;
    try {
      if (known_ != nullptr) {
        const std::vector<actor_id> found = known_->candidates(name);
        if (found.size() > 1) {
          try {
            (void)known_->resolve(name);
          } catch (const lookup_error& e) {
            fail(c, e.what());
          }
          return std::nullopt;
        }
        if (found.size() == 1) {
          const actor_id& id = found.front();
          if (!doc_.actors.contains(id)) add_actor(known_->get(id), c);
          by_name_.emplace(key, id);
          return id;
        }
      }
      const std::string folded = diplo::detail::fold(name);
      if (folded.empty()) {
        fail(c, fmt::format("\"{}\" is not a name (it has no letters)", name));
        return std::nullopt;
      }
      if (auto it = by_folded_.find(folded); it != by_folded_.end()) {
        by_name_.emplace(key, it->second);
        return it->second;
      }
      const std::string base = diplo::detail::slug_of_folded(folded);
      std::string slug = base;
      // Counting on from the last number given to this slug, so that a million names
      // that slug alike ("A.", "A!", ...) are not quadratic.
      std::size_t& next = next_suffix_[base];
      for (std::size_t k = std::max<std::size_t>(next, 2);
           doc_.actors.contains(actor_id{slug}) || (known_ != nullptr && known_->contains(actor_id{slug}));
           ++k) {
        slug = fmt::format("{}-{}", base, k);
        next = k + 1;
      }
      actor_id id{slug};
      add_actor(person{.id = id, .name = key}, c);
      std::string hint;
      // Suggestions scan every known actor: only for the warnings that are kept.
      if (known_ != nullptr && out_.warnings.size() < max_diagnostics) {
        if (auto near = known_->suggestions(name, 1); !near.empty()) {
          hint = fmt::format(" (did you mean {}?)", near.front());
        }
      }
      const field* f = get(c);
      out_.warning(f->line, f->column,
                   fmt::format("{}: unknown name \"{}\"{}: added as a new person \"{}\"", csv_columns[c],
                               name, hint, slug));
      by_folded_.emplace(folded, id);
      by_name_.emplace(key, id);
      return id;
    } catch (const diplo::error& e) {  // invalid UTF-8 in the name
      fail(c, e.what());
      return std::nullopt;
    }
  }

  // Removes the actors that no event read names: those that only rows left out named.
  void drop_unused_actors() {
    std::unordered_set<std::string> used;
    for (const event& e : doc_.events) {
      for (const actor_id& a : participants(e)) used.insert(a.value());
    }
    if (used.size() == doc_.actors.size()) return;
    actor_registry kept;
    std::vector<origin> kept_origins;
    const auto all = doc_.actors.actors();
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (!used.contains(id_of(all[i]).value())) continue;
      kept.add(all[i]);
      kept_origins.push_back(detail::origin_at(doc_.actor_origins, i));
    }
    doc_.actors = std::move(kept);
    doc_.actor_origins = std::move(kept_origins);
  }

  // Adds an actor to the document, first read in column `c` of the current row.
  void add_actor(actor a, column c) {
    const field* f = get(c);
    doc_.actors.add(std::move(a));
    doc_.actor_origins.push_back(origin{out_.file, f->line, f->column});
  }

  sink& out_;
  const actor_registry* known_;
  read_limits limits_;
  document doc_;
  std::size_t header_size_ = 0;
  std::array<int, column_count> position_{};
  const record* row_ = nullptr;
  bool row_ok_ = true;
  std::unordered_map<std::string, actor_id> by_name_;         // exact text -> actor
  std::unordered_map<std::string, actor_id> by_folded_;       // folded new names -> actor
  std::unordered_map<std::string, std::size_t> next_suffix_;  // slug -> next number to try
};

// If document grows a `warnings` member, the warnings go there too.
template <class Document>
void keep_warnings(Document& doc, const std::vector<diagnostic>& warnings) {
  if constexpr (requires { doc.warnings.push_back(warnings.front()); }) {
    doc.warnings.insert(doc.warnings.end(), warnings.begin(), warnings.end());
  }
}

// ---- the writer -----------------------------------------------------------------------

// The city cell of a visit: its cities (two or more) or its one city, escaped.
auto city_cell(const visit& v) -> std::string {
  if (v.cities.size() < 2) return escaped_item(v.place.city, '/');
  std::string out;
  for (std::size_t k = 0; k < v.cities.size(); ++k) {
    out += (k == 0 ? "" : "/") + escaped_item(v.cities[k], '/');
  }
  return out;
}

auto sources_cell(const event_base& b) -> std::string {
  std::string out;
  for (std::size_t k = 0; k < b.sources.size(); ++k) {
    out += (k == 0 ? "" : " ") + escaped_item(b.sources[k].url, ' ');
  }
  return out;
}

auto kind_text(const event& e) -> std::string_view {
  if (const auto* v = std::get_if<visit>(&e)) {
    switch (v->level) {
      case visit_level::state: return "state_visit";
      case visit_level::official: return "official_visit";
      case visit_level::working: return "working_visit";
      case visit_level::private_visit: return "private_visit";
      case visit_level::unspecified: return "visit";
    }
    return "visit";
  }
  if (const auto* m = std::get_if<meeting>(&e)) {
    switch (m->mode) {
      case meeting_mode::phone: return "phone_call";
      case meeting_mode::video: return "video_call";
      case meeting_mode::in_person: return m->participants.size() == 2 ? "bilateral_meeting" : "meeting";
    }
    return "meeting";
  }
  if (std::holds_alternative<summit>(e)) return "summit";
  return "ceremony";
}

// The cells of each event's row, actors by canonical name (by id when the name would not
// read back as the same actor).
class row_writer {
 public:
  explicit row_writer(const actor_registry& actors) : actors_(actors) {}

  auto row(const event& e) -> std::array<std::string, column_count> {
    const event_base& b = base(e);
    std::array<std::string, column_count> f;
    f[c_id] = b.id.value();
    f[c_kind] = kind_text(e);
    f[c_status] = diplo::name(b.status);

    const period& p = b.when;
    if (p.start_kind() == period::end_kind::known && p.end_kind() == period::end_kind::known &&
        !(*p.first() == *p.last() && p.first()->has_unspecified_digits())) {
      f[c_start] = p.first()->to_edtf();
      f[c_end] = p.last()->to_edtf();
    } else {  // open or unknown ends, or one day not stated which ("2024-10-XX")
      f[c_start] = p.to_edtf();
    }

    f[c_city] = b.place.city;  // as it is: a list of cities only for a visit
    country_code country = b.place.country;
    f[c_zone] = b.place.zone;
    std::optional<actor_id> host;
    std::vector<actor_id> people;
    if (const auto* v = std::get_if<visit>(&e)) {
      f[c_city] = city_cell(*v);
      if (country.empty()) country = v->host_country;
      host = v->host;
      people = v->guests;
      if (host && std::find(people.begin(), people.end(), *host) == people.end()) {
        people.push_back(*host);
      }
    } else if (const auto* s = std::get_if<summit>(&e)) {
      if (country.empty()) country = s->host_country;
      host = s->host;
      people = s->attendees;
      f[c_name] = s->name;
      f[c_series] = s->series;
    } else if (const auto* m = std::get_if<meeting>(&e)) {
      people = m->participants;
    } else if (const auto* c = std::get_if<ceremony>(&e)) {
      host = c->host;
      people = c->attendees;
      f[c_name] = c->name;
    }
    if (!country.empty()) f[c_country] = std::string(country.alpha2());
    if (host) f[c_host] = name(*host);
    f[c_participants] = names(people);
    if (b.parent) f[c_parent] = b.parent->value();
    f[c_journey] = b.journey;
    if (b.starts_at) f[c_starts_at] = diplo::detail::format_instant(*b.starts_at);
    if (b.ends_at) f[c_ends_at] = diplo::detail::format_instant(*b.ends_at);
    f[c_description] = b.description;
    f[c_sources] = sources_cell(b);
    f[c_notes] = b.notes;
    return f;
  }

 private:
  auto name(const actor_id& id) -> const std::string& {
    auto it = names_.find(id.value());
    if (it != names_.end()) return it->second;
    std::string text = escaped_item(id.value(), ';');
    if (const actor* a = actors_.find(id)) {
      const std::string& n = name_of(*a);
      if (actors_.try_resolve(n) == id) text = escaped_item(n, ';');
    }
    return names_.emplace(id.value(), std::move(text)).first->second;
  }
  auto names(const std::vector<actor_id>& ids) -> std::string {
    std::string s;
    for (std::size_t k = 0; k < ids.size(); ++k) s += (k == 0 ? "" : ";") + name(ids[k]);
    return s;
  }

  const actor_registry& actors_;
  std::unordered_map<std::string, std::string> names_;  // id -> what to write
};

// ---- what CSV cannot hold ------------------------------------------------------------

struct loss_list {
  std::vector<csv_loss> all;
  void add(std::string_view what, std::size_t n) {
    if (n != 0) all.push_back(csv_loss{std::string(what), n});
  }
};

void actor_losses(const timeline& t, loss_list& out) {
  std::unordered_set<std::string> named;
  for (const auto& e_ref : t.events()) {
    const auto e = e_ref.value();
    for_each_participant(e, [&](const actor_id& a) { named.insert(a.value()); });
  }
  std::size_t ids = 0, organisations = 0, aliases = 0, wikidata = 0, countries = 0, offices = 0, unnamed = 0;
  for (const actor& a : t.actors().actors()) {
    if (!named.contains(id_of(a).value())) {
      ++unnamed;
      continue;
    }
    const std::string folded = diplo::detail::fold(name_of(a));
    if (folded.empty() || diplo::detail::slug_of_folded(folded) != id_of(a).value()) ++ids;
    std::visit(
        [&](const auto& x) {
          aliases += x.aliases.size();
          wikidata += !x.wikidata.empty();
        },
        a);
    if (const auto* p = std::get_if<person>(&a)) {
      countries += !p->country.empty();
      offices += p->offices.size();
    } else {
      ++organisations;
    }
  }
  out.add("actors that no event names (not written at all)", unnamed);
  out.add("actor ids other than the slug of the name (a reader makes ids from names)", ids);
  out.add("organisations (read back as persons)", organisations);
  out.add("aliases", aliases);
  out.add("Wikidata ids", wikidata);
  out.add("countries of persons", countries);
  out.add("offices", offices);
}

// True when the visit's city cell reads back as other cities (one city in `cities`, an
// empty one, or a first one other than place.city).
auto cities_change(const visit& v) -> bool {
  std::vector<std::string> back = list_items(city_cell(v), '/');
  const std::string city = back.empty() ? std::string() : back.front();
  if (back.size() < 2) back.clear();
  return city != v.place.city || back != v.cities;
}

// True when the people of `e` read back otherwise: a visit's host who is also a guest (a
// built timeline lists no actor twice in one event, but the check costs nothing).
auto people_change(const event& e) -> bool {
  std::vector<actor_id> people;  // as the event lists them (participants() drops repeats)
  if (const auto* v = std::get_if<visit>(&e)) {
    people = v->guests;
    if (v->host) people.push_back(*v->host);
  } else if (const auto* m = std::get_if<meeting>(&e)) {
    people = m->participants;
  } else if (const auto* s = std::get_if<summit>(&e)) {
    people = s->attendees;
  } else {
    people = std::get<ceremony>(e).attendees;
  }
  std::unordered_set<std::string> seen;
  for (const actor_id& a : people) {
    if (!seen.insert(a.value()).second) return true;
  }
  return false;
}

void event_losses(const timeline& t, loss_list& out) {
  std::size_t publishers = 0, titles = 0, dates = 0, empty_urls = 0, countries = 0, cities = 0, people = 0,
              crlf = 0;
  row_writer w(t.actors());
  for (const auto& e_ref : t.events()) {
    const auto e = e_ref.value();
    const event_base& b = base(e);
    for (const source& s : b.sources) {
      publishers += !s.publisher.empty();
      titles += !s.title.empty();
      dates += s.published.has_value();
      empty_urls += s.url.empty();
    }
    country_code host_country = b.place.country;
    if (const auto* v = std::get_if<visit>(&e)) {
      host_country = v->host_country;
      cities += cities_change(*v);
    }
    if (const auto* s = std::get_if<summit>(&e)) host_country = s->host_country;
    countries += host_country != b.place.country;
    people += people_change(e);
    const auto row = w.row(e);
    crlf +=
        std::any_of(row.begin(), row.end(), [](const std::string& c) { return c.find("\r\n") != c.npos; });
  }
  out.add("source publishers", publishers);
  out.add("source titles", titles);
  out.add("source dates", dates);
  out.add("empty source URLs", empty_urls);
  out.add("events whose place country is not the host country (one column holds both)", countries);
  out.add(
      "visits whose cities do not read back (one city, an empty one, or a first one "
      "other than the place's)",
      cities);
  out.add("visits whose host is also among its guests", people);
  out.add("events with a CR LF line break in a text (read back as LF)", crlf);
}

}  // namespace

auto read_csv_lenient(std::string_view text, std::string_view file, const actor_registry* known,
                      std::vector<diagnostic>& problems, const read_limits& limits) -> document {
  sink out;
  out.file = std::string(file);
  document doc = detail::or_out_of_memory(file, [&] { return reader(out, known, limits).read(text); });
  std::vector<diagnostic> all = std::move(out.errors);
  all.insert(all.end(), std::make_move_iterator(out.warnings.begin()),
             std::make_move_iterator(out.warnings.end()));
  sort_by_position(all);
  if (out.warnings_left_out != 0) {
    all.push_back({severity::warning, out.file, 0, 0,
                   fmt::format("... and {} more warning{}", out.warnings_left_out,
                               out.warnings_left_out == 1 ? "" : "s")});
  }
  problems.insert(problems.end(), std::make_move_iterator(all.begin()), std::make_move_iterator(all.end()));
  return doc;
}

auto read_csv(std::string_view text, std::string_view file, const actor_registry* known,
              std::vector<diagnostic>* warnings, const read_limits& limits) -> document {
  std::vector<diagnostic> problems;
  document doc = read_csv_lenient(text, file, known, problems, limits);
  // Errors first (in file order), then the warnings.
  const auto first_warning = std::stable_partition(
      problems.begin(), problems.end(), [](const diagnostic& d) { return d.severity == severity::error; });
  if (first_warning != problems.begin()) {
    if (problems.size() > max_diagnostics) {
      problems.resize(
          std::max<std::size_t>(max_diagnostics, static_cast<std::size_t>(first_warning - problems.begin())));
    }
    throw validation_error("csv", std::move(problems));
  }
  if (!problems.empty()) keep_warnings(doc, problems);
  if (warnings != nullptr) warnings->insert(warnings->end(), problems.begin(), problems.end());
  return doc;
}

auto to_csv(const timeline& t) -> std::string {
  std::string out;
  for (std::size_t c = 0; c < column_count; ++c) {
    out += fmt::format("{}{}", c == 0 ? "" : ",", csv_columns[c]);
  }
  out += '\n';
  row_writer w(t.actors());
  for (const auto& e_ref : t.events()) {
    const auto e = e_ref.value();
    const std::array<std::string, column_count> f = w.row(e);
    for (std::size_t c = 0; c < column_count; ++c) {
      if (c != 0) out += ',';
      out += csv_quoted(formula_guarded(f[c]));
    }
    out += '\n';
  }
  return out;
}

auto csv_losses(const timeline& t, const dataset_info& info) -> std::vector<csv_loss> {
  loss_list out;
  out.add("dataset fields (title, coverage, as_of, license, description)",
          static_cast<std::size_t>(!info.title.empty() + !info.coverage.empty() + !info.as_of.empty() +
                                   !info.license.empty() + !info.description.empty()));
  out.add("coverage records (dataset.records)",
          info.records.empty() ? t.coverage().size() : info.records.size());
  actor_losses(t, out);
  event_losses(t, out);
  return std::move(out.all);
}

}  // namespace diplo::io
