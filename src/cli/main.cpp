// SPDX-License-Identifier: MIT
// diplo: questions about diplomatic visits, summits and meetings, from the command line.
//
// main() declares the global options and the commands (one file each), parses, and maps
// what happens to the exit status: 0 answered, 1 no such event, 2 bad usage or bad data.
// Every error goes to stderr as "diplo: <message>".

#include <csignal>
#include <cstdio>
#include <exception>
#include <new>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "common.h"
#include "diplo/version.h"

namespace {

constexpr const char* footer =
    "Exit status: 0 answered; 1 no such event (never met, no trip matched);\n"
    "2 bad usage or bad data (unknown or ambiguous name, bad date, broken file).\n"
    "Without --data the answers come from the embedded dataset: Xi Jinping and Vladimir\n"
    "Putin, every sourced meeting, visit, summit and call from 2013 on.\n"
    "Run 'diplo COMMAND --help' for the options of a command.";

// "diplo: <what>" and where to find help: the command's own --help when one was given.
auto failure(const CLI::App* app, const CLI::Error& e) -> std::string {
  std::string help = "diplo --help";
  std::string what = e.what();
  if (app != nullptr) {
    const auto subs = app->get_subcommands();
    if (!subs.empty()) {
      help = fmt::format("diplo {} --help", subs.front()->get_name());
    } else if (const auto rest = app->remaining(); !rest.empty() && !rest.front().starts_with("-")) {
      std::vector<std::string> names;
      for (const CLI::App* c : app->get_subcommands({})) names.push_back(c->get_name());
      what = fmt::format("unknown command \"{}\"; the commands are: {}", rest.front(),
                         fmt::join(names, ", "));
    }
  }
  return fmt::format("diplo: {}\nRun '{}' for more information.\n", what, help);
}

auto print_diagnostics(const diplo::validation_error& e) -> void {
  std::size_t errors = 0;
  for (const auto& d : e.diagnostics()) errors += d.severity == diplo::severity::error;
  fmt::print(stderr, "diplo: the data has {} error{}:\n", errors, errors == 1 ? "" : "s");
  for (const auto& d : e.diagnostics()) fmt::print(stderr, "{}\n", d);
}

}  // namespace

auto main(int argc, char** argv) -> int {
  using namespace diplo::cli;
  // Under a file-size limit (`ulimit -f`) a write past it fails with EFBIG, reported and
  // cleaned up, instead of SIGXFSZ ending the process with a temporary file left behind.
  (void)std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{"diplo: when did two leaders last meet, how often has one visited a country,\n"
               "where was someone on a day. Answers cite their events and sources.",
               "diplo"};
  app.failure_message(failure);  // before the subcommands, which copy it
  app.footer(footer);
  app.set_version_flag("--version", diplo::version);
  app.require_subcommand(1);
  app.fallthrough();  // --data may also follow the command

  context ctx;
  app.add_option("--data", ctx.data_files,
                 "Answer from FILE (.json, .jsonl or .csv) instead of the embedded dataset; "
                 "repeat to merge several files (CSV names resolve against the files before "
                 "it and the embedded dataset's actors). FILE may also be a folder of the Office "
                 "of the Historian's data (holding visits/ and travels/, e.g. data/historyatstate): "
                 "it is imported, and the import report's counts go to stderr")
      ->type_name("FILE")
      ->allow_extra_args(false);

  std::vector<command> commands = {add_last_meeting(app), add_first_meeting(app),
                                   add_meetings(app),     add_visits(app),
                                   add_where(app),        add_contacts(app),
                                   add_gap(app),          add_countries(app),
                                   add_on(app),           add_journeys(app),
                                   add_validate(app),     add_convert(app),
                                   add_import_report(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every usage error is 2, not CLI11's own codes.
    return app.exit(e) == 0 ? answered : bad_input;
  }

  for (command& c : commands) {
    if (!c.app->parsed()) continue;
    try {
      return c.run(ctx);
    } catch (const usage_error& e) {
      fmt::print(stderr, "diplo: {}\n", e.what());
    } catch (const diplo::validation_error& e) {
      print_diagnostics(e);
    } catch (const std::bad_alloc&) {  // the readers say which file; this is the rest
      fmt::print(stderr, "diplo: out of memory\n");
    } catch (const std::exception& e) {  // diplo::error (a file that cannot be read...), others
      fmt::print(stderr, "diplo: {}\n", e.what());
    }
    return bad_input;
  }
  return bad_input;  // unreachable: a command is required
}
