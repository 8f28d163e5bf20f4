// SPDX-License-Identifier: MIT
// diplo convert [--from FORMAT] IN OUT: from one format to another (.json, .jsonl, .csv),
// or an Office of the Historian folder, a COLT file or a snapshot (.diplo) to any of them;
// written atomically.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "common.h"
#include "diplo/io/csv.h"
#include "diplo/io/file.h"
#include "diplo/io/snapshot.h"

namespace diplo::cli {
namespace {

// A warning naming what a CSV OUT cannot hold, with counts (diplo::io::csv_losses).
void warn_csv_losses(const timeline& t, const io::dataset_info& info, const std::string& out) {
  const std::vector<io::csv_loss> losses = io::csv_losses(t, info);
  if (losses.empty()) return;
  print_err(
      "diplo: warning: {} leaves out what CSV cannot hold (write .json or .jsonl "
      "to keep it):\n",
      out);
  for (const io::csv_loss& l : losses) print_err("  {} {}\n", l.count, l.what);
}

// OUT written (atomically) from `t`, with the summary line on stderr.
void write_out(const timeline& t, const io::dataset_info& info, const std::string& out,
               std::string_view merged = "") {
  if (io::format_of(out) == io::format::csv) warn_csv_losses(t, info, out);
  io::save(out, t, info);
  print_err("diplo: wrote {} event{}, {} actor{}{} to {}\n", t.size(), t.size() == 1 ? "" : "s",
            t.actors().size(), t.actors().size() == 1 ? "" : "s", merged, out);
}

}  // namespace

auto add_convert(CLI::App& app) -> command {
  struct options {
    std::string in, out, from = "auto", curation;
  };
  auto o = std::make_shared<options>();
  CLI::App* sub = app.add_subcommand("convert", "Convert a data file to another format");
  sub->add_option("IN", o->in,
                  "The file to read: .json, .jsonl or .csv, or a snapshot (.diplo) made by pack; or "
                  "a folder of the Office of the Historian's data (holding visits/ and travels/)")
      ->required();
  sub->add_option("OUT", o->out, "The file to write: .json, .jsonl or .csv (replaced atomically)")
      ->required();
  sub->add_option("--from", o->from,
                  "What IN is: auto (a file by its extension, or a folder holding visits/ and "
                  "travels/; a CSV file with COLT's header), historyatstate (such a folder) or colt "
                  "(a COLT CSV file)")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"auto", "historyatstate", "colt"}));
  add_curation_option(sub, o->curation);
  set_footer(sub,
             "The format of each file is given by its extension. IN is read and checked as a\n"
             "whole (as 'diplo validate' does) before OUT is written; OUT is replaced atomically,\n"
             "so it is never left half-written. CSV names resolve against the embedded dataset's\n"
             "actors. A summary goes to stderr. CSV holds no actor records, no dataset block and\n"
             "only the URL of each source: writing .csv warns with a count of each thing left out.\n"
             "A snapshot IN (.diplo, made by 'diplo pack') gives back the timeline it holds, with\n"
             "its actors, coverage and dataset description: 'diplo convert OUT.diplo back.json'.\n"
             "--from historyatstate DIR imports the Office of the Historian's visits and travels\n"
             "from a folder as the Office publishes them (visits/ and travels/; data/historyatstate\n"
             "in diplo's repository) and prints the import report's counts to stderr; 'diplo\n"
             "import-report DIR' prints the whole report. The curated tables the import needs are\n"
             "embedded in diplo; --curation DIR2 (and DIR/curation/, if there is one) add rows\n"
             "before theirs, which win where both match (diplo/import/historyatstate.h); with\n"
             "--data, --curation applies to the folders among the --data files too.\n"
             "--from colt FILE imports COLT (Country-Organization-Leader Travel) as published,\n"
             "a CSV file of 76 columns (recognised by its header with --from auto); 'diplo\n"
             "import-report --from colt FILE' prints the whole report.\n"
             "With --data FILE..., OUT holds them and IN merged, in that order: what\n"
             "'diplo --data FILE... --data IN' answers from (CSV names in IN resolve against\n"
             "the files before it).");

  return {
      sub, [o](context& ctx) -> int {
        (void)io::format_of(o->out);  // an unknown extension fails before any work
        const bool dir = o->from == "historyatstate" || (o->from == "auto" && is_historyatstate_dir(o->in));
        if (o->from == "historyatstate" && !is_historyatstate_dir(o->in)) {
          throw usage_error(fmt::format("IN: \"{}\" is not a folder holding visits/ and travels/", o->in));
        }
        const bool colt = o->from == "colt" || (o->from == "auto" && !dir && is_colt_csv(o->in));
        if (o->from == "colt" && !is_colt_csv(o->in)) {
          throw usage_error(
              fmt::format("IN: \"{}\" is not a CSV file with COLT's header (TripID, LeaderID, ...)", o->in));
        }
        if (!o->curation.empty() && !dir) {
          throw usage_error(
              fmt::format("--curation: IN (\"{}\") is not a folder of the Office of the Historian's "
                          "data: there is nothing to curate",
                          o->in));
        }
        ctx.curation = o->curation;     // for the folders among the --data files too
        if (!ctx.data_files.empty()) {  // the --data files, then IN, as --data merges them
          ctx.data_files.push_back(o->in);
          write_out(ctx.data(), ctx.info(), o->out, fmt::format(" ({} files merged)", ctx.data_files.size()));
          return answered;
        }
        if (!dir && !colt && io::is_snapshot_path(o->in)) {  // built already: read back as it is
          io::dataset_info info;
          const timeline t = io::open_snapshot(o->in, &info);
          write_out(t, info, o->out);
          return answered;
        }
        std::vector<diagnostic> warnings;
        io::document doc = dir    ? import_historyatstate_dir(o->in, o->curation)
                           : colt ? import_colt_file(o->in)
                                  : load_document(o->in, &embedded_actors(), &warnings);
        const io::dataset_info info = doc.info;
        const timeline t = io::build(std::move(doc));
        for (const diagnostic& w : warnings) print_err("{}\n", w);
        if (dir || colt) {
          if (!t.warnings().empty()) {
            print_err(
                "diplo: {} warning{} from building the timeline (likely "
                "duplicates in the source; kept as they are)\n",
                t.warnings().size(), t.warnings().size() == 1 ? "" : "s");
          }
        } else {
          for (const diagnostic& w : t.warnings()) print_err("{}\n", w);
        }
        write_out(t, info, o->out);
        return answered;
      }};
}

}  // namespace diplo::cli
