// SPDX-License-Identifier: MIT
// diplo import-report DIR [--json]: the whole report of importing an Office of the
// Historian folder: counts per dataset, every rejection with its reason, the duplicates and
// how they were merged, the names left unresolved or resolved by rule, overlapping stops.

#include <memory>
#include <string>

#include <fmt/format.h>

#include "common.h"

namespace diplo::cli {

namespace {

auto record_json(const import::record_ref& r) -> json {
  json o = json::object{{"dataset", std::string(name(r.dataset))}, {"id", r.id}};
  if (!r.where.file.empty()) {
    o.set("file", r.where.file);
    o.set("line", r.where.line);
    o.set("column", r.where.column);
  }
  return o;
}

auto count_json(const import::dataset_count& c) -> json {
  return json::object{{"read", c.read}, {"events", c.events}, {"merged", c.merged}, {"rejected", c.rejected}};
}

auto notes_json(const std::vector<import::note>& notes) -> json {
  json a = json::make_array();
  for (const auto& n : notes) a.push(json::object{{"record", record_json(n.record)}, {"text", n.text}});
  return a;
}

auto colt_row_json(const import::colt_row& r) -> json {
  return json::object{{"trip_id", r.trip_id}, {"file", r.where.file}, {"line", r.where.line}};
}

auto colt_notes_json(const std::vector<import::colt_note>& notes) -> json {
  json a = json::make_array();
  for (const auto& n : notes) a.push(json::object{{"row", colt_row_json(n.row)}, {"text", n.text}});
  return a;
}

auto colt_summits_json(const import::colt_report& r) -> json {
  json a = json::make_array();
  for (const auto& m : r.summits) {
    json rows = json::make_array();
    for (const auto& x : m.rows) rows.push(colt_row_json(x));
    json names = json::make_array();
    for (const auto& n : m.spellings) names.push(n);
    a.push(json::object{{"id", m.id.value()},
                        {"name", m.name},
                        {"spellings", std::move(names)},
                        {"country", fmt::format("{:c}", m.country)},
                        {"when", m.when.to_edtf()},
                        {"rows", std::move(rows)}});
  }
  return a;
}

auto colt_similar_json(const import::colt_report& r) -> json {
  json a = json::make_array();
  for (const auto& m : r.similar_summits) {
    a.push(json::object{{"first", m.first},
                        {"second", m.second},
                        {"first_row", colt_row_json(m.first_row)},
                        {"second_row", colt_row_json(m.second_row)}});
  }
  return a;
}

// The COLT report: text, or --json.
auto colt_report(const std::string& file, bool as_json) -> int {
  const import::colt_result r = import::import_colt(file);
  const import::colt_report& rep = r.report;
  if (!as_json) {
    print_out("{}", rep);
    return answered;
  }
  json counts = json::object{
      {"read", rep.read}, {"events", rep.events}, {"merged", rep.merged}, {"rejected", rep.rejected}};
  json answer = json::object{{"counts", std::move(counts)},
                             {"summit_events", rep.summit_events},
                             {"meeting_events", rep.meeting_events},
                             {"meetings_told", rep.meetings_told},
                             {"actors", rep.actors},
                             {"travellers", rep.travellers},
                             {"rejections", colt_notes_json(rep.rejections)},
                             {"duplicates", colt_notes_json(rep.duplicates)},
                             {"warnings", colt_notes_json(rep.warnings)},
                             {"not_names", colt_notes_json(rep.not_names)},
                             {"unresolved_names", colt_notes_json(rep.unresolved_names)},
                             {"resolved_names", colt_notes_json(rep.resolved_names)},
                             {"summits", colt_summits_json(rep)},
                             {"similar_summits", colt_similar_json(rep)}};
  json doc =
      json::object{{"schema_version", answer_schema_version},
                   {"question", json::object{{"command", "import-report"}, {"from", "colt"}, {"file", file}}},
                   {"answer", std::move(answer)}};
  print_out("{}", doc.dump());
  return answered;
}

}  // namespace

auto add_import_report(CLI::App& app) -> command {
  struct options {
    std::string dir, curation;
    std::string from = "auto";
    bool json = false;
  };
  auto o = std::make_shared<options>();
  CLI::App* sub =
      app.add_subcommand("import-report",
                         "Import an Office of the Historian folder or a COLT file and print the whole "
                         "report");
  sub->add_option("DIR", o->dir,
                  "The folder, as the Office publishes it: visits/ and travels/ (data/historyatstate "
                  "in diplo's repository); or a COLT CSV file")
      ->required()
      ->type_name("DIR|FILE");
  sub->add_option("--from", o->from,
                  "What DIR is: auto (a folder holding visits/ and travels/, or a CSV file with COLT's "
                  "header), historyatstate or colt")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"auto", "historyatstate", "colt"}));
  add_curation_option(sub, o->curation);
  add_json_flag(sub, o->json);
  set_footer(sub,
             "Nothing is dropped silently: per dataset, records read = events made + records merged\n"
             "into another event + records rejected. Then every rejection with its reason, every\n"
             "duplicate and how it was merged, the names kept apart because their identity could\n"
             "not be resolved, the names resolved by the in-order word rule (for review), and the\n"
             "stops of one traveller whose days overlap. --data DIR prints the counts alone.\n"
             "For COLT: rows read = visits made + duplicate rows merged + rows rejected, then every\n"
             "rejection (TripID, file:line, reason), warning, piece of a names cell not read as a\n"
             "leader met, name resolved or left apart, gathering made one summit from several rows,\n"
             "and similar gathering names kept apart.\n"
             "The curated tables the import needs are embedded in diplo; --curation DIR2 (and\n"
             "DIR/curation/, if there is one) add rows before theirs, which win where both match.");

  return {
      sub, [o](context& ctx) -> int {
        if (o->from == "colt" ||
            (o->from == "auto" && !is_historyatstate_dir(o->dir) && is_colt_csv(o->dir))) {
          if (!is_colt_csv(o->dir)) {
            throw usage_error(fmt::format("FILE: \"{}\" is not a CSV file with COLT's header", o->dir));
          }
          return colt_report(o->dir, o->json);
        }
        if (!is_historyatstate_dir(o->dir)) {
          throw usage_error(fmt::format("DIR: \"{}\" is not a folder holding visits/ and travels/", o->dir));
        }
        const import::import_result r = import::import_historyatstate(o->dir, {.curation = o->curation});
        const import::import_report& rep = r.report;
        if (!o->json) {
          print_out("{}", rep);
          return answered;
        }
        using import::dataset;
        json counts = json::make_object();
        for (auto d : {dataset::visits, dataset::president_trips, dataset::secretary_trips}) {
          counts.set(std::string(name(d)), count_json(rep.of(d)));
        }
        counts.set("total", count_json(rep.total()));
        json rejected = json::make_array();
        for (const auto& x : rep.rejections) {
          rejected.push(json::object{{"record", record_json(x.record)}, {"reason", x.reason}});
        }
        json dups = json::make_array();
        for (const auto& d : rep.duplicates) {
          dups.push(json::object{{"kept", record_json(d.kept)},
                                 {"merged", record_json(d.merged)},
                                 {"kind", std::string(name(d.kind))},
                                 {"how", d.how}});
        }
        json overlaps = json::make_array();
        for (const auto& x : rep.overlapping_stops) {
          overlaps.push(json::object{
              {"first", record_json(x.first)}, {"second", record_json(x.second)}, {"days", x.days.count()}});
        }
        json answer = json::object{{"counts", std::move(counts)},
                                   {"actors", rep.actors},
                                   {"journeys", rep.journeys},
                                   {"rejections", std::move(rejected)},
                                   {"duplicates", std::move(dups)},
                                   {"unresolved_names", notes_json(rep.unresolved_names)},
                                   {"resolved_names", notes_json(rep.resolved_names)},
                                   {"overlapping_stops", std::move(overlaps)}};
        // The question and the answer only: no timeline is built, so no "names" or "data".
        json question = json::object{{"command", "import-report"}, {"dir", o->dir}};
        if (!o->curation.empty()) question.set("curation", o->curation);
        json doc = json::object{{"schema_version", answer_schema_version},
                                {"question", std::move(question)},
                                {"answer", std::move(answer)}};
        (void)ctx;
        print_out("{}", doc.dump());
        return answered;
      }};
}

}  // namespace diplo::cli
