// SPDX-License-Identifier: MIT
// The JSON reader and writer (diplo/io/json.h).

#include "diplo/io/json.h"

#include <array>

#include <simdjson.h>

#include "diplo/detail/record_json.h"
#include "json_common.h"
#include "out_of_memory.h"
#include "padded_text.h"

namespace diplo::io {

namespace {

static_assert(detail::json_padding == simdjson::SIMDJSON_PADDING);

constexpr std::array<std::string_view, 4> root_keys = {"diplo", "dataset", "actors", "events"};

// Reads everything into `r`; the callers finish strictly or leniently. `text` is followed
// by `padding` readable bytes: with simdjson's padding it is parsed where it is, otherwise
// copied into a padded buffer first.
void read_into(detail::record_reader& r, std::string_view text, std::size_t padding,
               const read_limits& limits) {
  bool read_all = false;  // every record was read (a syntax error stops the reading)
  std::size_t records = 0;
  detail::read_document(r, text, padding, limits, [&](simdjson::ondemand::object& root, std::size_t skip) {
    std::size_t root_at = skip;
    while (root_at < text.size() && text[root_at] != '{') ++root_at;
    r.fields(root, root_keys, {}, [&](std::size_t k, simdjson::ondemand::value v, std::size_t) {
      const detail::where w{root_keys[k]};
      if (k == 0) {
        r.read_version(v, w);
      } else if (k == 1) {
        r.read_dataset(v, w);
      } else {
        simdjson::ondemand::array arr;
        if (!r.array(v, w, arr, "an array of objects")) return;
        const auto ctx = k == 2 ? detail::record_context::actor : detail::record_context::event;
        std::size_t i = 0;
        for (auto item : arr) {
          simdjson::ondemand::value x;
          if (auto e = std::move(item).get(x); e != simdjson::SUCCESS) r.syntax(e);
          r.record_path(root_keys[k], i);
          if (++records > limits.max_records) {
            r.error(r.offset_of(x), {},
                    fmt::format("more than the limit of {} records (read_limits::max_records)",
                                limits.max_records));
            throw detail::syntax_stop{};
          }
          r.read_record(x, ctx);
          r.record_path({}, static_cast<std::size_t>(-1));
          ++i;
        }
      }
    });
    read_all = true;
    r.expect_end();
    if (!r.version_seen) r.error(root_at, {}, "missing \"diplo\" (the format version, 1)");
  });
  if (!read_all) r.stopped();
}

}  // namespace

auto read_json(std::string_view text, std::string_view file, const read_limits& limits) -> document {
  return detail::read_json(text, 0, file, limits);
}

auto read_json_lenient(std::string_view text, std::string_view file, std::vector<diagnostic>& problems,
                       const read_limits& limits) -> document {
  return detail::read_json_lenient(text, 0, file, problems, limits);
}

auto detail::read_json(std::string_view text, std::size_t padding, std::string_view file,
                       const read_limits& limits) -> document {
  record_reader r(text, file);
  or_out_of_memory(file, [&] { read_into(r, text, padding, limits); });
  return r.finish("json");
}

auto detail::read_json_lenient(std::string_view text, std::size_t padding, std::string_view file,
                               std::vector<diagnostic>& problems, const read_limits& limits) -> document {
  record_reader r(text, file);
  or_out_of_memory(file, [&] { read_into(r, text, padding, limits); });
  return r.finish_lenient(problems);
}

auto to_json(const timeline& t, const dataset_info& info) -> std::string {
  using diplo::detail::json;
  json root = json::make_object(json::fold::spread);
  root.set("diplo", 1);
  if (json d = detail::dataset_json(info, t.coverage()); !d.empty()) root.set("dataset", std::move(d));
  if (!t.actors().empty()) {
    json arr = json::make_array();
    for (const actor& a : t.actors().actors()) arr.push(diplo::detail::to_json(a));
    root.set("actors", std::move(arr));
  }
  if (!t.empty()) {
    json arr = json::make_array();
    for (const event_ref& e : t.events()) arr.push(diplo::detail::to_json(e.value()));
    root.set("events", std::move(arr));
  }
  return root.dump();
}

}  // namespace diplo::io
