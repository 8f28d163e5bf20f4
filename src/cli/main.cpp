// SPDX-License-Identifier: MIT
// diplo: questions about diplomatic visits, summits and meetings, from the command line.
//
// main() declares the global options and the commands (one file each), parses, and maps
// what happens to the exit status: 0 answered, 1 no such event, 2 bad usage or bad data.
// Every error goes to stderr as "diplo: <message>"; all output goes through output.h (made
// safe for a terminal; a failed write to stdout is reported and exits 2).

#include <csignal>
#include <cstdio>
#include <exception>
#include <functional>
#include <new>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <CLI/CLI.hpp>

#include "common.h"
#include "diplo/data.h"
#include "diplo/version.h"
#include "manual.h"

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
      what =
          fmt::format("unknown command \"{}\"; the commands are: {}", rest.front(), fmt::join(names, ", "));
    }
  }
  return fmt::format("diplo: {}\nRun '{}' for more information.\n", what, help);
}

auto print_diagnostics(const diplo::validation_error& e) -> void {
  using diplo::cli::print_err;
  const std::size_t errors = diplo::diagnostic_count(e.diagnostics(), diplo::severity::error);
  const bool claims = std::string_view(e.what()).starts_with("[diplo.claims]");  // diplo check FILE
  print_err("diplo: the {} has {} error{}:\n", claims ? "claims file" : "data", errors,
            errors == 1 ? "" : "s");
  for (const auto& d : e.diagnostics()) print_err("{}\n", d);
}

// Parses the arguments and runs the one command given; returns the exit status. Nothing
// escapes as an exception: every error is printed (made terminal-safe) to stderr.
auto run(CLI::App& app, std::vector<diplo::cli::command>& commands, diplo::cli::context& ctx, int argc,
         char** argv) -> int {
  using namespace diplo::cli;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every usage error is 2, not CLI11's own codes. CLI11's
    // text goes through write_out/write_err: it may quote an argument.
    std::ostringstream out;
    std::ostringstream err;
    const int code = app.exit(e, out, err);
    write_out(out.str());
    write_err(err.str());
    return code == 0 ? answered : bad_input;
  }

  for (command& c : commands) {
    if (!c.app->parsed()) continue;
    try {
      return c.run(ctx);
    } catch (const usage_error& e) {
      print_err("diplo: {}\n", e.what());
    } catch (const diplo::validation_error& e) {
      print_diagnostics(e);
    } catch (const std::bad_alloc&) {  // the readers say which file; this is the rest
      print_err("diplo: out of memory\n");
    } catch (const std::exception& e) {  // diplo::error (a file that cannot be read...), others
      print_err("diplo: {}\n", e.what());
    }
    return bad_input;
  }
  return bad_input;  // unreachable: a command is required
}

}  // namespace

auto main(int argc, char** argv) -> int {
  using namespace diplo::cli;
  // Under a file-size limit (`ulimit -f`) a write past it fails with EFBIG, reported and
  // cleaned up, instead of SIGXFSZ ending the process with a temporary file left behind.
  (void)std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{
      "diplo: when did two leaders last meet, how often has one visited a country,\n"
      "where was someone on a day. Answers cite their events and sources.",
      "diplo"};
  app.failure_message(failure);  // before the subcommands, which copy it
  app.footer(footer);
  app.set_version_flag("--version", [] {
    const auto& info = diplo::data::xi_putin_info();
    return fmt::format("diplo {}\nbundled data: {} (as of {}, {} events)", diplo::version, info.title,
                       info.as_of, diplo::data::xi_putin().size());
  });
  // Hidden (no group): what the build installs, written from the definitions below, and the
  // actor ids the completion offers. Each prints its text and ends the parse with status 0.
  auto printer = [&app](const char* flag, std::function<std::string()> text) {
    app.add_flag_callback(flag,
                          [text = std::move(text)] {
                            write_file_out(text());
                            throw CLI::Success();
                          })
        ->group("")
        ->trigger_on_parse();
  };
  printer("--man", [&app] { return man_page(app); });
  printer("--bash-completion", [&app] { return bash_completion(app); });
  printer("--complete-names", [] {
    std::string ids;
    for (const auto& a : embedded_actors().actors()) ids += id_of(a).value() + "\n";
    return ids;
  });
  app.require_subcommand(1);
  app.fallthrough();  // --data may also follow the command

  context ctx;
  app.add_option("--data", ctx.data_files,
                 "Answer from FILE (.json, .jsonl, .csv, or a snapshot .diplo made by pack) instead of the "
                 "embedded dataset; "
                 "repeat to merge several files (CSV names resolve against the files before "
                 "it and the embedded dataset's actors). FILE may also be a folder of the Office "
                 "of the Historian's data (holding visits/ and travels/, e.g. data/historyatstate): "
                 "it is imported, and the import report's counts go to stderr")
      ->type_name("FILE")
      ->allow_extra_args(false);

  std::vector<command> commands = {add_last_meeting(app),  add_first_meeting(app), add_meetings(app),
                                   add_visits(app),        add_where(app),         add_contacts(app),
                                   add_gap(app),           add_countries(app),     add_on(app),
                                   add_journeys(app),      add_validate(app),      add_convert(app),
                                   add_import_report(app), add_merge_report(app),  add_pack(app),
                                   add_export(app),        add_check(app)};
  const int status = run(app, commands, ctx, argc, argv);
  // An answer that did not reach stdout (a full disk, a closed pipe) is no answer.
  if (const std::string failure = finish_stdout(); !failure.empty()) {
    print_err("diplo: cannot write to standard output: {}\n", failure);
    return bad_input;
  }
  return status;
}
