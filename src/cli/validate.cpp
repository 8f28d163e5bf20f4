// SPDX-License-Identifier: MIT
// diplo validate FILE...: every problem of each file, as file:line:col: severity: message,
// the files checked together as --data loads them (imports included), with the checks of
// consistency across records (diplo/timeline.h).

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "common.h"
#include "diplo/io/file.h"
#include "diplo/tz.h"

namespace diplo::cli {

namespace {

auto plural(std::size_t n, std::string_view word) -> std::string {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// One file of a run: what reading it gave, and its diagnostics (its reader's, then its
// share of the checks across the files).
struct file_report {
  std::string file;
  // The names its records' diagnostics carry: the file, or for an Office of the Historian
  // folder the XML files in it.
  std::vector<std::string> places{};
  bool readable = true;
  std::size_t events = 0;
  std::size_t actors = 0;
  io::left_out_records left_out{};
  std::vector<diagnostic> diagnostics{};
};

template <class T>
void append(std::vector<T>& to, std::vector<T> from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// Adds `doc` to `merged` as --data does (io::merge). An actor that differs from one read
// before stops loading; here it is reported with io::merge's own message and left out, so
// that the checks go on with the rest.
void merge_into(io::document& merged, io::document doc, std::vector<diagnostic>& problems) {
  io::document clash;  // the actors that differ from those read before
  io::document rest = std::move(doc);
  const auto mine = rest.actors.actors();
  for (std::size_t i = 0; i < mine.size(); ++i) {
    const actor* before = merged.actors.find(id_of(mine[i]));
    if (before == nullptr || *before == mine[i]) continue;
    clash.actors.add(mine[i]);
    clash.actor_origins.push_back(io::detail::origin_at(rest.actor_origins, i));
  }
  if (!clash.actors.empty()) {
    actor_registry kept;
    std::vector<origin> kept_origins;
    for (std::size_t i = 0; i < mine.size(); ++i) {
      if (clash.actors.contains(id_of(mine[i]))) continue;
      kept.add(mine[i]);
      kept_origins.push_back(io::detail::origin_at(rest.actor_origins, i));
    }
    rest.actors = std::move(kept);
    rest.actor_origins = std::move(kept_origins);
  }
  for (io::document* part : {&clash, &rest}) {
    try {
      io::merge(merged, std::move(*part));
    } catch (const validation_error& e) {
      append(problems, e.diagnostics());
    }
  }
}

// Reads one file (an Office of the Historian folder, a COLT file) as --data would after the
// files merged so far, and adds it to them: an import, and every file after one, as a source
// of its own (io::merge_sources), the files before any import strictly (io::merge, leniently).
// Its reader's problems and its time zones' go to `problems`.
auto read_one(const std::string& file, io::document& merged, known_actors& known, bool& imported,
              std::vector<diagnostic>& problems) -> file_report {
  file_report r{.file = file};
  try {
    std::vector<diagnostic> mine;
    io::document doc;
    const data_kind kind = data_kind_of(file);
    if (kind != data_kind::file) {
      doc = import_data(file, kind);
    } else {
      doc = io::load_lenient(std::filesystem::path(file), &known.registry(), mine);
    }
    const bool as_source = imported || kind != data_kind::file;
    imported = as_source;
    // Records from no known place (an import's actors) are the file's.
    doc.origins.resize(doc.events.size());
    doc.actor_origins.resize(doc.actors.size());
    r.places.push_back(file);
    for (auto* origins : {&doc.origins, &doc.actor_origins}) {
      for (origin& o : *origins) {
        if (o.file.empty()) o.file = file;
        if (o.file != r.places.back()) r.places.push_back(o.file);
      }
    }
    append(mine, tz::check_zones(doc.events, doc.origins));
    append(mine, tz::check_instants(doc.events, doc.origins));
    r.events = doc.events.size();
    r.actors = doc.actors.size();
    r.left_out = doc.left_out;
    const std::size_t before = merged.actors.size();
    if (as_source) {
      io::merge_sources(merged, std::move(doc));
    } else {
      merge_into(merged, std::move(doc), mine);
    }
    known.add(merged.actors, before);
    append(problems, std::move(mine));
  } catch (const error& e) {  // cannot be read at all: missing, unknown extension...
    r.readable = false;
    r.diagnostics.push_back({severity::error, file, 0, 0, e.what()});
  }
  return r;
}

// "ok, 2 events, 3 actors" or "3 errors, 1 warning".
auto summary(const std::vector<diagnostic>& ds, std::size_t events, std::size_t actors) -> std::string {
  const std::size_t errors = diagnostic_count(ds, severity::error);
  const std::size_t warnings = diagnostic_count(ds, severity::warning);
  const std::string w = warnings == 0 ? "" : ", " + plural(warnings, "warning");
  if (errors == 0) return fmt::format("ok, {}, {}{}", plural(events, "event"), plural(actors, "actor"), w);
  return plural(errors, "error") + w;
}

// Prints a file's diagnostics and summary line; `unread` names a file that could not be read
// to its end when that kept the checks across records from running.
void print_file(const file_report& f, const std::string& unread) {
  for (const diagnostic& d : f.diagnostics) print_out("{}\n", d);
  std::string note;
  if (f.readable && f.left_out.stopped) {
    note =
        " (reading stopped early; the checks across records run once the file reads to "
        "its end)";
  } else if (f.readable && !unread.empty()) {
    note = fmt::format(" (not checked across records: {} could not be read to its end)", unread);
  } else if (f.readable && f.left_out.count != 0 && diagnostic_count(f.diagnostics, severity::error) != 0) {
    note = fmt::format(" ({} with errors left out of the checks across records)",
                       plural(f.left_out.count, "record"));
  }
  print_out("{}: {}{}\n", f.file, summary(f.diagnostics, f.events, f.actors), note);
}

// What checking files together gave: each file's report, the diagnostics about no file, and
// the totals.
struct validation {
  std::vector<file_report> reports;
  std::vector<diagnostic> elsewhere;  // about no file named (none expected)
  std::size_t events = 0;
  std::size_t actors = 0;
  std::string unread;  // the first file not read to its end
  bool clean = true;   // no error
};

// Checks the files together, as `--data FILE...` loads them, each problem under the file it
// is in.
auto check_files(const std::vector<std::string>& files) -> validation {
  validation v;
  io::document merged;
  std::vector<diagnostic> problems;
  known_actors known;
  bool imported = false;  // whether an import was read: the files after it merge as sources
  for (const std::string& file : files) {
    v.reports.push_back(read_one(file, merged, known, imported, problems));
    const file_report& r = v.reports.back();
    if (v.unread.empty() && (!r.readable || r.left_out.stopped)) v.unread = file;
  }
  // The checks across records need every record: references into an unread part would be
  // reported as unknown.
  merged.left_out.stopped = !v.unread.empty();
  v.events = merged.events.size();
  v.actors = merged.actors.size();
  io::check_report checked = io::check(std::move(merged), std::move(problems));

  std::unordered_map<std::string_view, std::size_t> owner;  // place -> report (the first)
  for (std::size_t k = 0; k < v.reports.size(); ++k) {
    for (const std::string& place : v.reports[k].places) owner.try_emplace(place, k);
  }
  for (diagnostic& d : checked.diagnostics) {
    v.clean = v.clean && d.severity != severity::error;
    auto it = owner.find(d.where);
    (it == owner.end() ? v.elsewhere : v.reports[it->second].diagnostics).push_back(std::move(d));
  }
  for (const file_report& f : v.reports) v.clean = v.clean && f.readable;
  return v;
}

void print_text(const validation& v, std::size_t files) {
  for (const file_report& f : v.reports) {
    const bool blocked = !f.left_out.stopped && f.readable;
    print_file(f, blocked && v.unread != f.file ? v.unread : std::string());
  }
  for (const diagnostic& d : v.elsewhere) print_out("{}\n", d);
  if (files > 1) {
    std::vector<diagnostic> all = v.elsewhere;
    for (const file_report& f : v.reports) all.insert(all.end(), f.diagnostics.begin(), f.diagnostics.end());
    print_out("all {} files together (as --data loads them): {}\n", files,
              v.unread.empty() ? summary(all, v.events, v.actors)
                               : fmt::format("not checked across files ({} could not be read to "
                                             "its end)",
                                             v.unread));
  }
}

auto diagnostics_json(const std::vector<diagnostic>& ds) -> json {
  json list = json::make_array();
  for (const diagnostic& d : ds) {
    json o =
        json::object{{"severity", d.severity == severity::error ? "error" : "warning"}, {"where", d.where}};
    if (d.line != 0) o.set("line", d.line);
    if (d.column != 0) o.set("column", d.column);
    o.set("message", d.message);
    list.push(std::move(o));
  }
  return list;
}

// {"schema_version", "question": {"command", "files"}, "answer": {"valid", "files": [...],
// "elsewhere": [...]}}: each file with its counts and diagnostics.
void print_json(const validation& v, const std::vector<std::string>& files) {
  json names = json::make_array();
  for (const std::string& f : files) names.push(f);
  json reports = json::make_array();
  for (const file_report& f : v.reports) {
    reports.push(json::object{{"file", f.file},
                              {"readable", f.readable},
                              {"events", f.events},
                              {"actors", f.actors},
                              {"errors", diagnostic_count(f.diagnostics, severity::error)},
                              {"warnings", diagnostic_count(f.diagnostics, severity::warning)},
                              {"stopped_early", f.left_out.stopped},
                              {"records_left_out", f.left_out.count},
                              {"diagnostics", diagnostics_json(f.diagnostics)}});
  }
  json doc = json::object{{"schema_version", answer_schema_version},
                          {"question", json::object{{"command", "validate"}, {"files", std::move(names)}}},
                          {"answer", json::object{{"valid", v.clean},
                                                  {"checked_across_records", v.unread.empty()},
                                                  {"files", std::move(reports)},
                                                  {"elsewhere", diagnostics_json(v.elsewhere)}}}};
  print_out("{}", doc.dump());
}

}  // namespace

auto add_validate(CLI::App& app) -> command {
  struct options {
    std::vector<std::string> files;
    bool json = false;
  };
  auto o = std::make_shared<options>();
  CLI::App* sub = app.add_subcommand("validate", "Check data files and list every problem");
  sub->add_option("FILE", o->files,
                  "Files to check: .json, .jsonl or .csv, a COLT CSV file, or a folder of the "
                  "Office of the Historian's data")
      ->required();
  add_json_flag(sub, o->json);
  set_footer(sub,
             "Prints every problem of a file in one run, in file order, as\n"
             "file:line:column: error|warning: message (the compiler convention, which editors\n"
             "understand), then one summary line per file. Each record is checked on its own\n"
             "(keys, types, dates, codes); the records without errors are then checked against\n"
             "each other (unique ids, known actors and parents, children inside their parents,\n"
             "likely duplicates, journeys, names that look alike), and every time zone is\n"
             "looked up in the tz database. A reference to a record that has errors is not\n"
             "reported again.\n"
             "Consistency across records, as warnings naming both records: a person placed\n"
             "in two countries on the same days (sharing two days or more, or one day strictly\n"
             "inside one of the events: one travel day is fine; events nested in one another\n"
             "or in one journey never conflict), and a visit more than 90 days away from every\n"
             "office its guest has recorded, when one is a head of state's or government's.\n"
             "Several files are checked together, as --data FILE... loads them: CSV names\n"
             "resolve against the files before and the embedded dataset's actors; an actor\n"
             "defined twice must be the same record, but an import (a COLT file, an Office of\n"
             "the Historian folder) and every file after it are sources of their own, whose\n"
             "people and trips are matched with those before (as diplo merge-report lists);\n"
             "the checks across records run over all the files (a last line sums them up). To\n"
             "check files that are never loaded together, validate each on its own.\n"
             "--json prints the same as one JSON document: each file with its counts and\n"
             "diagnostics (severity, where, line, column, message).\n"
             "Exit status 0 when no file has errors (warnings are fine), else 2.");

  return {sub, [o](context&) -> int {
            const validation v = check_files(o->files);
            if (o->json) {
              print_json(v, o->files);
            } else {
              print_text(v, o->files.size());
            }
            return v.clean ? answered : bad_input;
          }};
}

}  // namespace diplo::cli
