// SPDX-License-Identifier: MIT
// diplo export FORMAT [--actor A]... [--from DATE] [--to DATE] [--planned] [--cancelled]
// [--calls] [-o OUT]: the events chosen (diplo::events_with) written for another program;
// OUT written atomically, or standard output.

#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "common.h"
#include "diplo/io/chart.h"
#include "diplo/io/file.h"
#include "diplo/io/ics.h"
#include "diplo/io/tables.h"
#include "diplo/io/timelinejs.h"

namespace diplo::cli {

namespace {

// The formats, by the name given on the command line.
constexpr std::string_view formats_help =
    "ics: iCalendar (RFC 5545), one event per event chosen; tables: a folder of tidy tables "
    "(events, participants, actors, sources) in CSV, or JSON Lines with --jsonl; timelinejs: "
    "the JSON of a TimelineJS 3 timeline, one slide per event; svg: a timeline picture; html: one "
    "page with the picture and a table of the events";

struct export_options {
  std::string format, from, to, out;
  std::vector<std::string> actors;
  std::string lanes = "person";
  bool calls = false, planned = false, cancelled = false, jsonl = false, guard_formulas = false;
};

// The options that do not suit the format. Throws usage_error.
void check_format_options(const export_options& o) {
  if (o.format == "tables" && o.out.empty()) {
    throw usage_error("export tables needs -o DIR, the folder to write the tables in");
  }
  if (o.format != "tables" && (o.jsonl || o.guard_formulas)) {
    throw usage_error(fmt::format("--jsonl and --guard-formulas are options of tables, not of {}", o.format));
  }
  if (o.format != "svg" && o.format != "html" && o.lanes != "person") {
    throw usage_error(fmt::format("--lanes is an option of svg and html, not of {}", o.format));
  }
}

// The text of a format written to one file: iCalendar or TimelineJS.
auto file_text(context& ctx, const export_options& o, const std::vector<event_ref>& events) -> std::string {
  const io::dataset_info& info = ctx.info();
  if (o.format == "svg" || o.format == "html") {
    io::chart_options chart{
        .title = info.title,
        .lanes = o.lanes == "country" ? io::chart_lanes::country : io::chart_lanes::person};
    chart.footer = info.title.empty() ? std::string("Data: diplo") : fmt::format("Data: {}", info.title);
    if (!info.as_of.empty()) chart.footer += fmt::format(", as of {}", info.as_of);
    return o.format == "svg" ? io::to_svg(ctx.data(), events, chart) : io::to_html(ctx.data(), events, chart);
  }
  if (o.format == "timelinejs") {
    std::string text = info.description;
    if (!info.as_of.empty()) text += fmt::format("{}Data as of {}.", text.empty() ? "" : " ", info.as_of);
    return io::to_timelinejs(ctx.data(), events,
                             {.title = info.title.empty() ? "diplo" : info.title, .text = text});
  }
  io::ics_options opt;
  opt.name = info.title;
  if (auto as_of = partial_date::try_parse(info.as_of)) opt.stamp = as_of->latest();
  return io::to_ics(ctx.data(), events, opt);
}

void write_file(context& ctx, const export_options& o, const std::vector<event_ref>& events) {
  const std::string text = file_text(ctx, o, events);
  if (o.out.empty()) {
    write_file_out(text);
  } else {
    io::write_file_atomic(o.out, text);
  }
}

}  // namespace

auto add_export(CLI::App& app) -> command {
  auto o = std::make_shared<export_options>();
  CLI::App* sub = app.add_subcommand("export", "Write the events for a calendar or another program");
  sub->add_option("FORMAT", o->format, std::string(formats_help))
      ->required()
      ->check(CLI::IsMember({"ics", "tables", "timelinejs", "svg", "html"}))
      ->type_name("FORMAT");
  sub->add_option("--actor", o->actors,
                  "Only the events NAME takes part in; repeated, those all of them take part in")
      ->type_name("NAME")
      ->allow_extra_args(false);
  sub->add_option("--from", o->from, "Only events starting on or after DATE (its first day)")
      ->type_name("DATE");
  sub->add_option("--to", o->to, "Only events starting on or before DATE (its last day)")->type_name("DATE");
  sub->add_flag("--calls", o->calls, "Phone and video calls too");
  sub->add_flag("--planned", o->planned, "Announced, planned and postponed events too");
  sub->add_flag("--cancelled", o->cancelled, "Cancelled events too");
  sub->add_option("-o,--output", o->out,
                  "The file to write (replaced atomically); none: standard output. For tables, the "
                  "folder to write them in (made if missing; each file replaced atomically)")
      ->type_name("OUT");
  sub->add_option("--lanes", o->lanes, "svg, html: one lane per person (the default) or per country")
      ->check(CLI::IsMember({"person", "country"}))
      ->type_name("person|country");
  sub->add_flag("--jsonl", o->jsonl,
                "tables: JSON Lines (one object a row, null for nothing) instead of CSV");
  sub->add_flag("--guard-formulas", o->guard_formulas,
                "tables: a ' before each CSV cell a spreadsheet would run as a formula (=, +, -, @)");
  set_footer(sub,
             "Without --actor every event of the data is written; --actor Xi --actor Putin keeps\n"
             "the events both took part in (as guest, host, attendee or participant). Exit status\n"
             "1 when no event is chosen (an empty calendar is written all the same).\n"
             "iCalendar: all-day events over the days each event took; a date known only to the\n"
             "month or year spans all its possible days and keeps its EDTF text in X-EDTF; exact\n"
             "times in UTC; planned events TENTATIVE, cancelled ones CANCELLED.\n"
             "Tables: events.csv (id, kind, status, earliest, latest, precision, edtf, title,\n"
             "city, country, parent, level, mode, description), participants.csv (event, actor,\n"
             "role), actors.csv (id, kind, name, country, wikidata) and sources.csv (event, url,\n"
             "publisher, title, published); earliest and latest are ISO days (the widest span of\n"
             "a partial date, empty for an open or unknown end).\n"
             "Dates are EDTF: 2025-05-07, 2025-05 or 2025.");
  return {sub, [o](context& ctx) -> int {
            check_format_options(*o);
            const auto [from, to] = date_range_of(o->from, o->to);
            const timeline& t = ctx.data();
            std::vector<actor_id> actors;
            for (const std::string& name : o->actors) actors.push_back(resolve(t, name));
            meet_options opt{.calls = o->calls, .planned = o->planned, .cancelled = o->cancelled};
            if (from) opt.after = from->earliest();
            if (to) opt.before = to->latest() + date::days{1};  // "to" is inclusive
            const std::vector<event_ref> events = events_with(t, actors, opt);
            if (o->format == "tables") {
              io::write_tables(o->out, t, events, {.jsonl = o->jsonl, .guard_formulas = o->guard_formulas});
            } else {
              write_file(ctx, *o, events);
            }
            print_err("diplo: wrote {} event{} as {}{}\n", events.size(), events.size() == 1 ? "" : "s",
                      o->format, o->out.empty() ? "" : fmt::format(" to {}", o->out));
            return events.empty() ? no_answer : answered;
          }};
}

}  // namespace diplo::cli
