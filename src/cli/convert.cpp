// SPDX-License-Identifier: MIT
// diplo convert IN OUT: from one format to another (.json, .jsonl, .csv), written atomically.

#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "common.h"
#include "diplo/io/file.h"

namespace diplo::cli {

auto add_convert(CLI::App& app) -> command {
  struct options {
    std::string in, out;
  };
  auto o = std::make_shared<options>();
  CLI::App* sub = app.add_subcommand("convert", "Convert a data file to another format");
  sub->add_option("IN", o->in, "The file to read: .json, .jsonl or .csv")->required();
  sub->add_option("OUT", o->out, "The file to write: .json, .jsonl or .csv (replaced atomically)")
      ->required();
  set_footer(sub,
             "The format of each file is given by its extension. IN is read and checked as a\n"
             "whole (as 'diplo validate' does) before OUT is written; OUT is replaced atomically,\n"
             "so it is never left half-written. CSV names resolve against the embedded dataset's\n"
             "actors. A summary goes to stderr.");

  return {sub, [o](context&) -> int {
            (void)io::format_of(o->out);  // an unknown extension fails before any work
            std::vector<diagnostic> warnings;
            io::document doc = load_document(o->in, &embedded_actors(), &warnings);
            const io::dataset_info info = doc.info;
            const timeline t = io::build(std::move(doc));
            for (const diagnostic& w : warnings) fmt::print(stderr, "{}\n", w);
            for (const diagnostic& w : t.warnings()) fmt::print(stderr, "{}\n", w);
            io::save(o->out, t, info);
            fmt::print(stderr, "diplo: wrote {} event{}, {} actor{} to {}\n", t.size(),
                       t.size() == 1 ? "" : "s", t.actors().size(), t.actors().size() == 1 ? "" : "s",
                       o->out);
            return answered;
          }};
}

}  // namespace diplo::cli
