// SPDX-License-Identifier: MIT
// diplo validate FILE...: every problem of each file, as file:line:col: severity: message.

#include <algorithm>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "common.h"

namespace diplo::cli {

namespace {

struct report {
  std::vector<diagnostic> diagnostics;
  std::size_t events = 0;
  std::size_t actors = 0;
  bool unreadable_records = false;  // the reader rejected records: no checks across events
};

auto check(const std::string& file) -> report {
  report r;
  bool loaded = false;
  try {
    std::vector<diagnostic> warnings;
    io::document doc = load_document(file, &embedded_actors(), &warnings);
    loaded = true;
    r.diagnostics = std::move(warnings);
    r.events = doc.events.size();
    r.actors = doc.actors.size();
    const timeline t = io::build(std::move(doc));
    r.diagnostics.insert(r.diagnostics.end(), t.warnings().begin(), t.warnings().end());
  } catch (const validation_error& e) {
    r.unreadable_records = !loaded;
    r.diagnostics.insert(r.diagnostics.end(), e.diagnostics().begin(), e.diagnostics().end());
  } catch (const error& e) {  // cannot be read at all: missing, unknown extension...
    r.diagnostics.push_back({severity::error, file, 0, 0, e.what()});
  }
  std::stable_sort(r.diagnostics.begin(), r.diagnostics.end(), [](const auto& x, const auto& y) {
    auto line = [](const diagnostic& d) { return d.line == 0 ? UINT32_MAX : d.line; };
    return std::tuple(x.where, line(x), x.column) < std::tuple(y.where, line(y), y.column);
  });
  return r;
}

}  // namespace

auto add_validate(CLI::App& app) -> command {
  struct options {
    std::vector<std::string> files;
  };
  auto o = std::make_shared<options>();
  CLI::App* sub = app.add_subcommand("validate", "Check data files and list every problem");
  sub->add_option("FILE", o->files, "Files to check: .json, .jsonl or .csv")->required();
  set_footer(sub,
             "Prints every problem as file:line:column: error|warning: message (the compiler\n"
             "convention, which editors understand), then one summary line per file. Each record is\n"
             "checked first (keys, types, dates, codes); the checks across events (unique ids, known\n"
             "actors, parents) run once every record reads. CSV names resolve against the embedded\n"
             "dataset's actors. Exit status 0 when no file has errors (warnings are fine), else 2.");

  return {sub, [o](context&) -> int {
            bool clean = true;
            for (const std::string& file : o->files) {
              const report r = check(file);
              std::size_t errors = 0;
              for (const diagnostic& d : r.diagnostics) {
                errors += d.severity == severity::error;
                fmt::print("{}\n", d);
              }
              const std::size_t warnings = r.diagnostics.size() - errors;
              const std::string w =
                  warnings == 0 ? "" : fmt::format(", {} warning{}", warnings, warnings == 1 ? "" : "s");
              if (errors == 0) {
                fmt::print("{}: ok, {} event{}, {} actor{}{}\n", file, r.events, r.events == 1 ? "" : "s",
                           r.actors, r.actors == 1 ? "" : "s", w);
              } else {
                clean = false;
                fmt::print("{}: {} error{}{}{}\n", file, errors, errors == 1 ? "" : "s", w,
                           !r.unreadable_records
                               ? ""
                               : " (the checks across events, such as unique ids and known "
                                    "actors, run once these are fixed)");
              }
            }
            return clean ? answered : bad_input;
          }};
}

}  // namespace diplo::cli
