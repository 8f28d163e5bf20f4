// SPDX-License-Identifier: MIT
// diplo pack IN OUT.diplo: a snapshot of IN's timeline (diplo/io/snapshot.h), which
// --data OUT.diplo opens without parsing or building; written atomically.

#include <memory>
#include <string>

#include <fmt/format.h>

#include "common.h"
#include "diplo/io/snapshot.h"

namespace diplo::cli {

auto add_pack(CLI::App& app) -> command {
  struct options {
    std::string in, out;
  };
  auto o = std::make_shared<options>();
  CLI::App* sub = app.add_subcommand("pack", "Build a timeline once and write it as a snapshot (.diplo)");
  sub->add_option("IN", o->in,
                  "The data to build: .json, .jsonl or .csv, or a folder of the Office of the "
                  "Historian's data, as --data reads it")
      ->required();
  sub->add_option("OUT", o->out, "The snapshot to write, OUT.diplo (replaced atomically)")->required();
  set_footer(sub,
             "IN is read, checked and built as --data reads it (with --data FILE..., they and IN\n"
             "merged, in that order). OUT holds the built timeline as it is in memory: 'diplo\n"
             "--data OUT.diplo ...' maps it and answers at once, without parsing or building.\n"
             "A snapshot is checked when it is opened (a truncated or corrupt file is an error)\n"
             "and is read only by the diplo version that wrote it: pack again after an upgrade.");
  return {sub, [o](context& ctx) -> int {
            if (!io::is_snapshot_path(o->out)) {
              throw usage_error(fmt::format("OUT: \"{}\" does not end in .diplo", o->out));
            }
            ctx.data_files.push_back(o->in);
            const timeline& t = ctx.data();
            io::write_snapshot(o->out, t, ctx.info());
            print_err("diplo: wrote a snapshot of {} event{}, {} actor{} to {}\n", t.size(),
                      t.size() == 1 ? "" : "s", t.actors().size(), t.actors().size() == 1 ? "" : "s", o->out);
            return answered;
          }};
}

}  // namespace diplo::cli
