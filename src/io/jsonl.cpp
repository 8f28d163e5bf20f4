// SPDX-License-Identifier: MIT
// The JSON Lines reader and writer (diplo/io/jsonl.h).

#include "diplo/io/jsonl.h"

#include <cstring>
#include <ostream>
#include <vector>

#include <simdjson.h>

#include "diplo/detail/record_json.h"
#include "diplo/detail/text.h"
#include "json_common.h"
#include "out_of_memory.h"

namespace diplo::io {

namespace {

// Reads every line into `r`; the callers finish strictly or leniently.
void read_into(detail::record_reader& r, std::string_view text, const read_limits& limits) {
  if (r.refuse_oversized(text, limits)) return;  // reported where it crosses the limit
  simdjson::ondemand::parser parser;
  std::vector<char> buffer;
  std::size_t pos = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  bool first = true;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    const std::size_t line_at = pos;
    pos = end + 1;
    if (diplo::detail::trim(line).empty()) continue;  // a blank line (white space: detail/text.h)

    // The limits: a line too long is left out (the next lines are read); too many records
    // end the reading.
    const std::size_t length = line.size() - (line.ends_with('\r') ? 1 : 0);
    const std::size_t records = r.doc().actors.size() + r.doc().events.size() + r.doc().left_out.count;
    if (length > limits.max_line_length || records >= limits.max_records) {
      const bool long_line = length > limits.max_line_length;
      const bool go_on = r.guarded([&] {
        if (long_line) {
          r.error(line_at + limits.max_line_length, {},
                  fmt::format("line longer than the limit of {} bytes "
                              "(read_limits::max_line_length)",
                              limits.max_line_length));
        } else {
          r.error(line_at, {},
                  fmt::format("more than the limit of {} records (read_limits::max_records)",
                              limits.max_records));
        }
      });
      first = false;
      if (long_line && go_on) {
        r.left_out({}, true, true);
        continue;
      }
      r.stopped();
      break;
    }

    buffer.resize(line.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(buffer.data(), line.data(), line.size());
    std::memset(buffer.data() + line.size(), 0, simdjson::SIMDJSON_PADDING);
    const bool allow_header = first;
    first = false;
    const std::size_t errors_before = r.errors();
    bool record_reached = false;  // read_record notes a bad record itself
    const bool go_on = r.guarded([&] {
      r.use(buffer.data(), line_at, line.size(), nullptr);
      r.refuse_too_deep(line, line_at, limits);
      simdjson::ondemand::document d;
      if (auto e = parser.iterate(buffer.data(), line.size(), buffer.size()).get(d); e != simdjson::SUCCESS) {
        if (e == simdjson::MEMALLOC) throw std::bad_alloc();
        r.stage1(e);
      }
      r.use(buffer.data(), line_at, line.size(), &d);
      simdjson::ondemand::value v;
      if (!r.root_value(v)) return;
      record_reached = true;
      r.read_record(v, detail::record_context::any, allow_header);
      r.expect_end();
    });
    // A line that is not even an object (broken JSON, an array...): a record left out
    // whose id and kind are unknown.
    if (!record_reached && r.errors() != errors_before) r.left_out({}, true, true);
    if (!go_on) {
      r.stopped();
      break;
    }
  }
}

}  // namespace

auto read_jsonl(std::string_view text, std::string_view file, const read_limits& limits) -> document {
  detail::record_reader r(text, file);
  detail::or_out_of_memory(file, [&] { read_into(r, text, limits); });
  return r.finish("jsonl");
}

auto read_jsonl_lenient(std::string_view text, std::string_view file, std::vector<diagnostic>& problems,
                        const read_limits& limits) -> document {
  detail::record_reader r(text, file);
  detail::or_out_of_memory(file, [&] { read_into(r, text, limits); });
  return r.finish_lenient(problems);
}

namespace {

/// Calls line(text) for each line of the JSON Lines form of `t` (with its newline), built
/// in `buffer` (reused).
template <class Line>
void jsonl_lines(const timeline& t, const dataset_info& info, std::string& buffer, Line line) {
  buffer = "{\"diplo\": 1";
  if (diplo::detail::json d = detail::dataset_json(info, t.coverage()); !d.empty()) {
    buffer += ", \"dataset\": ";
    d.write_compact(buffer);
  }
  buffer += "}\n";
  line(buffer);
  for (const actor& a : t.actors().actors()) {
    buffer.clear();
    diplo::detail::to_json(a).write_compact(buffer);
    buffer += '\n';
    line(buffer);
  }
  for (const auto& e_ref : t.events()) {
    buffer.clear();
    diplo::detail::to_json(e_ref.value()).write_compact(buffer);
    buffer += '\n';
    line(buffer);
  }
}

}  // namespace

auto to_jsonl(const timeline& t, const dataset_info& info) -> std::string {
  std::string out;
  std::string buffer;
  jsonl_lines(t, info, buffer, [&](const std::string& line) { out += line; });
  return out;
}

void write_jsonl(std::ostream& out, const timeline& t, const dataset_info& info) {
  std::string buffer;
  std::string chunk;  // lines are written a megabyte at a time
  auto flush = [&] {
    out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    chunk.clear();
    if (!out) throw error("[diplo.io] cannot write the JSON Lines text: the stream failed");
  };
  jsonl_lines(t, info, buffer, [&](const std::string& line) {
    chunk += line;
    if (chunk.size() >= (std::size_t{1} << 20)) flush();
  });
  flush();
}

}  // namespace diplo::io
