// SPDX-License-Identifier: MIT
// diplo validate FILE...: every problem of each file, as file:line:col: severity: message.

#include <filesystem>
#include <memory>
#include <string>
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

// Prints every diagnostic of one file, then its summary line; true when it has no error.
auto validate_file(const std::string& file) -> bool {
  io::check_report r;
  bool readable = true;
  try {
    // CSV names resolve against the embedded dataset's actors, as with --data. The
    // problems of the file, the time zones the tz database does not know, then the checks
    // across records (io::check sorts them all by position).
    std::vector<diagnostic> problems;
    io::document doc = io::load_lenient(std::filesystem::path(file), &embedded_actors(), problems);
    for (auto& d : tz::check_zones(doc.events, doc.origins)) problems.push_back(std::move(d));
    r = io::check(std::move(doc), std::move(problems));
  } catch (const error& e) {  // cannot be read at all: missing, unknown extension...
    readable = false;
    r.diagnostics.push_back({severity::error, file, 0, 0, e.what()});
  }
  for (const diagnostic& d : r.diagnostics) print_out("{}\n", d);

  const std::size_t errors = r.errors();
  const std::size_t warnings = r.warnings();
  const std::string w = warnings == 0 ? "" : ", " + plural(warnings, "warning");
  if (errors == 0) {
    print_out("{}: ok, {}, {}{}\n", file, plural(r.events, "event"), plural(r.actors, "actor"), w);
    return true;
  }
  std::string note;
  if (readable && !r.cross_checked) {
    note = " (reading stopped early; the checks across records run once the file reads to "
           "its end)";
  } else if (readable && r.left_out.count != 0) {
    note = fmt::format(" ({} with errors left out of the checks across records)",
                       plural(r.left_out.count, "record"));
  }
  print_out("{}: {}{}{}\n", file, plural(errors, "error"), w, note);
  return false;
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
             "Prints every problem of a file in one run, in file order, as\n"
             "file:line:column: error|warning: message (the compiler convention, which editors\n"
             "understand), then one summary line per file. Each record is checked on its own\n"
             "(keys, types, dates, codes); the records without errors are then checked against\n"
             "each other (unique ids, known actors and parents, children inside their parents,\n"
             "likely duplicates), and every time zone is looked up in the tz database. A\n"
             "reference to a record that has errors is not reported again.\n"
             "CSV names resolve against the embedded dataset's actors.\n"
             "Exit status 0 when no file has errors (warnings are fine), else 2.");

  return {sub, [o](context&) -> int {
            bool clean = true;
            for (const std::string& file : o->files) clean = validate_file(file) && clean;
            return clean ? answered : bad_input;
          }};
}

}  // namespace diplo::cli
