// SPDX-License-Identifier: MIT
// Reading and writing files (diplo/io/file.h): formats by extension, load, check, save.
// Portable; the system calls (reading a file, writing one atomically) are in file_posix.cpp.

#include "diplo/io/file.h"

#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "diplo/error.h"
#include "diplo/io/csv.h"
#include "diplo/io/json.h"
#include "diplo/io/jsonl.h"
#include "padded_text.h"

namespace diplo::io {

auto format_of(const std::filesystem::path& path) -> format {
  std::string ext = path.extension().string();
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (ext == ".json") return format::json;
  if (ext == ".jsonl" || ext == ".ndjson") return format::jsonl;
  if (ext == ".csv") return format::csv;
  throw diplo::error(
      fmt::format("[diplo.io] \"{}\": {} (expected .json, .jsonl, .ndjson or .csv)", path.string(),
                  ext.empty() ? std::string("no file extension")
                              : fmt::format("unknown file format \"{}\"", path.extension().string())));
}

auto load(const std::filesystem::path& path, const actor_registry* known, const read_limits& limits)
    -> document {
  const format f = format_of(path);
  const std::string file = path.string();
  if (f == format::json) {  // read once, parsed where it was read
    const detail::padded_text text =
        detail::read_padded_file(path, limits.max_file_size, detail::json_padding);
    return detail::read_json(text.view(), text.padding(), file, limits);
  }
  const std::string text = read_text_file(path, limits.max_file_size);
  switch (f) {
    case format::json: break;
    case format::jsonl: return read_jsonl(text, file, limits);
    case format::csv: return read_csv(text, file, known, nullptr, limits);
  }
  return {};
}

auto load_lenient(const std::filesystem::path& path, const actor_registry* known,
                  std::vector<diagnostic>& problems, const read_limits& limits) -> document {
  const format f = format_of(path);
  const std::string file = path.string();
  if (f == format::json) {
    const detail::padded_text text =
        detail::read_padded_file(path, limits.max_file_size, detail::json_padding);
    return detail::read_json_lenient(text.view(), text.padding(), file, problems, limits);
  }
  const std::string text = read_text_file(path, limits.max_file_size);
  switch (f) {
    case format::json: break;
    case format::jsonl: return read_jsonl_lenient(text, file, problems, limits);
    case format::csv: return read_csv_lenient(text, file, known, problems, limits);
  }
  return {};
}

auto check(std::string_view text, std::string_view file, format f, const actor_registry* known,
           const read_limits& limits) -> check_report {
  std::vector<diagnostic> problems;
  document doc;
  switch (f) {
    case format::json: doc = read_json_lenient(text, file, problems, limits); break;
    case format::jsonl: doc = read_jsonl_lenient(text, file, problems, limits); break;
    case format::csv: doc = read_csv_lenient(text, file, known, problems, limits); break;
  }
  return check(std::move(doc), std::move(problems));
}

auto check(const std::filesystem::path& path, const actor_registry* known, const read_limits& limits)
    -> check_report {
  const format f = format_of(path);
  if (f == format::json) {
    const detail::padded_text text =
        detail::read_padded_file(path, limits.max_file_size, detail::json_padding);
    std::vector<diagnostic> problems;
    document doc = detail::read_json_lenient(text.view(), text.padding(), path.string(), problems, limits);
    return check(std::move(doc), std::move(problems));
  }
  const std::string text = read_text_file(path, limits.max_file_size);
  return check(text, path.string(), f, known, limits);
}

void save(const std::filesystem::path& path, const timeline& t, const dataset_info& info) {
  const format f = format_of(path);
  switch (f) {
    case format::json: write_file_atomic(path, to_json(t, info)); return;
    case format::jsonl: write_file_atomic(path, to_jsonl(t, info)); return;
    case format::csv: write_file_atomic(path, to_csv(t)); return;
  }
}

}  // namespace diplo::io
