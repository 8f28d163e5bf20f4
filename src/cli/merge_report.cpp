// SPDX-License-Identifier: MIT
// diplo merge-report --data A --data B... [--json]: what loading several sources into one
// timeline decided (diplo/io/merge.h): the people taken as one and on what evidence, the names
// kept apart as ambiguous, the ids changed, the trips reported by two sources made one visit,
// and every conflict of days between them.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "common.h"

namespace diplo::cli {

namespace {

auto origin_text(const origin& o) -> std::string {
  return o.file.empty() ? std::string() : fmt::format(" ({}:{})", o.file, o.line);
}

void print_report(const std::string& file, const io::source_merge_report& r) {
  std::size_t conflicts = 0;
  for (const auto& v : r.visits) conflicts += v.conflict.empty() ? 0U : 1U;
  print_out(
      "{}: {} people taken as people already loaded, {} kept apart as ambiguous, {} ids changed; "
      "{} trips already loaded ({} with days in conflict)\n",
      file, r.matched.size(), r.ambiguous.size(), r.renamed.size(), r.visits.size(), conflicts);
  for (const auto& m : r.matched) print_out("  same person: {}{}\n", m, origin_text(m.merged_at));
  for (const auto& a : r.ambiguous) {
    print_out("  ambiguous: {}{}\n", a, origin_text(a.at));
  }
  for (const auto& [from, to] : r.renamed)
    print_out("  id changed: \"{}\" is now \"{}\" (another actor has it)\n", from, to);
  for (const auto& v : r.visits) {
    print_out("  same trip: \"{}\"{} is \"{}\"{}{}{}\n", v.merged, origin_text(v.merged_at), v.kept,
              origin_text(v.kept_at), v.conflict.empty() ? "" : ": ", v.conflict);
  }
}

auto report_json(const std::string& file, const io::source_merge_report& r) -> json {
  json people = json::make_array();
  for (const auto& m : r.matched) {
    people.push(
        json::object{{"kept", m.kept.value()}, {"merged", m.merged.value()}, {"evidence", m.evidence}});
  }
  json ambiguous = json::make_array();
  for (const auto& a : r.ambiguous) {
    json c = json::make_array();
    for (const auto& id : a.candidates) c.push(id.value());
    ambiguous.push(json::object{{"actor", a.actor.value()}, {"candidates", std::move(c)}});
  }
  json renamed = json::make_array();
  for (const auto& [from, to] : r.renamed)
    renamed.push(json::object{{"from", from.value()}, {"to", to.value()}});
  json trips = json::make_array();
  for (const auto& v : r.visits) {
    json t = json::object{{"kept", v.kept.value()}, {"merged", v.merged.value()}};
    if (!v.conflict.empty()) t.set("conflict", v.conflict);
    trips.push(std::move(t));
  }
  return json::object{{"source", file},
                      {"people", std::move(people)},
                      {"ambiguous", std::move(ambiguous)},
                      {"renamed", std::move(renamed)},
                      {"trips", std::move(trips)}};
}

}  // namespace

auto add_merge_report(CLI::App& app) -> command {
  struct options {
    bool json = false;
  };
  auto o = std::make_shared<options>();
  CLI::App* sub =
      app.add_subcommand("merge-report", "What loading several sources into one timeline decided");
  add_json_flag(sub, o->json);
  set_footer(sub,
             "Loads the --data sources as every command does and lists, for each source merged into\n"
             "the ones before it (an Office of the Historian folder, a COLT file, or a file after\n"
             "them): the people taken as one already loaded and on what evidence (a Wikidata id, or\n"
             "a name equal after folding, of a compatible country), the names kept apart because\n"
             "they could be several people, the ids changed, and the trips reported by two sources\n"
             "made one visit, with every conflict of days. See diplo/io/merge.h for the rules.");
  return {sub, [o](context& ctx) -> int {
            if (ctx.data_files.size() < 2) {
              throw usage_error("merge-report: give at least two sources with --data");
            }
            const auto& merges = ctx.merges();
            if (o->json) {
              json list = json::make_array();
              for (const auto& [file, r] : merges) list.push(report_json(file, r));
              json doc = json::object{{"schema_version", answer_schema_version},
                                      {"question", json::object{{"command", "merge-report"}}},
                                      {"answer", json::object{{"merges", std::move(list)}}}};
              print_out("{}", doc.dump());
              return answered;
            }
            if (merges.empty())
              print_out("No source was merged as a source of its own: the files are one dataset.\n");
            for (const auto& [file, r] : merges) print_report(file, r);
            return answered;
          }};
}

}  // namespace diplo::cli
