// SPDX-License-Identifier: MIT
#include "common.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <system_error>

#include <date/date.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "diplo/data.h"
#include "diplo/detail/instant.h"
#include "diplo/detail/json_string.h"
#include "diplo/detail/record_json.h"
#include "diplo/detail/utf8.h"
#include "diplo/io/csv.h"
#include "diplo/io/file.h"
#include "diplo/io/json.h"
#include "diplo/io/jsonl.h"
#include "diplo/io/snapshot.h"

namespace diplo::cli {

// --- data ----------------------------------------------------------------------------------

auto embedded_actors() -> const actor_registry& { return data::xi_putin().actors(); }

auto is_historyatstate_dir(const std::string& path) -> bool {
  namespace fs = std::filesystem;
  std::error_code ec;
  return fs::is_directory(path, ec) && fs::is_directory(fs::path(path) / "visits", ec) &&
         fs::is_directory(fs::path(path) / "travels", ec);
}

auto report_summary(const import::import_report& r, const std::string& dir) -> std::string {
  using import::dataset;
  std::string s = fmt::format("diplo: imported {} (Office of the Historian)\n", dir);
  auto line = [&](std::string_view label, const import::dataset_count& c) {
    s += fmt::format("  {:<18} {:>5} read = {:>5} events + {:>2} merged + {:>2} rejected\n", label, c.read,
                     c.events, c.merged, c.rejected);
  };
  for (auto d : {dataset::visits, dataset::president_trips, dataset::secretary_trips}) {
    line(name(d), r.of(d));
  }
  line("total", r.total());
  s += fmt::format(
      "  {} actors, {} journeys; {} rejected, {} duplicates merged, {} unresolved "
      "names, {} overlapping stops (listed by 'diplo import-report {}')\n",
      r.actors, r.journeys, r.rejections.size(), r.duplicates.size(), r.unresolved_names.size(),
      r.overlapping_stops.size(), dir);
  return s;
}

auto import_historyatstate_dir(const std::string& path, const std::string& curation) -> io::document {
  import::import_result r = import::import_historyatstate(path, {.curation = curation});
  print_err("{}", report_summary(r.report, path));
  return std::move(r.doc);
}

auto is_colt_csv(const std::string& path) -> bool { return import::is_colt_file(path); }

auto colt_summary(const import::colt_report& r, const std::string& file) -> std::string {
  return fmt::format(
      "diplo: imported {} (COLT)\n"
      "  rows {:>5} read = {:>5} events + {:>2} merged + {:>2} rejected\n"
      "  also {} summits, {} meetings; {} persons; {} warnings, {} names left apart (listed by 'diplo "
      "import-report --from colt {}')\n",
      file, r.read, r.events, r.merged, r.rejected, r.summit_events, r.meeting_events, r.actors,
      r.warnings.size(), r.unresolved_names.size(), file);
}

auto import_colt_file(const std::string& path) -> io::document {
  import::colt_result r = import::import_colt(path);
  print_err("{}", colt_summary(r.report, path));
  return std::move(r.doc);
}

auto data_kind_of(const std::string& path) -> data_kind {
  if (is_historyatstate_dir(path)) return data_kind::historyatstate;
  if (is_colt_csv(path)) return data_kind::colt;
  return data_kind::file;
}

auto import_data(const std::string& path, data_kind kind, const std::string& curation) -> io::document {
  return kind == data_kind::colt ? import_colt_file(path) : import_historyatstate_dir(path, curation);
}

void add_curation_option(CLI::App* sub, std::string& dir) {
  sub->add_option("--curation", dir,
                  "A folder of curated tables (countries.csv, titles.csv, levels.csv, aliases.csv, "
                  "each optional) whose rows come before the embedded ones: a row of yours "
                  "overrides an embedded row matching the same thing, or adds one")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory);
}

known_actors::known_actors() : registry_(embedded_actors()) {}

void known_actors::add(const actor_registry& files, std::size_t from) {
  const auto all = files.actors();
  for (std::size_t i = from; i < all.size(); ++i) {
    const actor* mine = registry_.find(id_of(all[i]));
    if (mine == nullptr) {
      registry_.add(all[i]);
    } else if (*mine != all[i]) {
      // A file redefines an embedded actor: it replaces it. Rare (at most once per
      // embedded actor), so the registry is simply rebuilt.
      rebuild(files);
      return;
    }
  }
}

void known_actors::rebuild(const actor_registry& files) {
  actor_registry r = files;
  for (const actor& a : embedded_actors().actors()) {
    if (!r.contains(id_of(a))) r.add(a);
  }
  registry_ = std::move(r);
}

auto load_document(const std::string& path, const actor_registry* known, std::vector<diagnostic>* warnings)
    -> io::document {
  const io::format f = io::format_of(path);
  if (f == io::format::json) return io::load(path);  // read once, parsed where it lies
  const std::string text = io::read_text_file(path);
  if (f == io::format::jsonl) return io::read_jsonl(text, path);
  return io::read_csv(text, path, known, warnings);
}

namespace {

// The warnings of building a timeline, one per line. The Office of the Historian's data
// makes hundreds of them (the same leader listed twice on overlapping days...): for an
// import, their number and the first few, so that the answer is not buried.
void print_build_warnings(const timeline& t, bool imported) {
  const auto& w = t.warnings();
  if (!imported) {
    for (const diagnostic& d : w) print_err("{}\n", d);  // capped per file
    return;
  }
  const std::size_t all = diagnostic_count(w, severity::warning);
  std::size_t shown = 0;
  for (; shown < w.size() && shown < 3 && omitted(w[shown]) == 0; ++shown) {
    print_err("{}\n", w[shown]);
  }
  if (shown < all) {
    print_err("diplo: ... and {} more warning{} from building the timeline ({} in all)\n", all - shown,
              all - shown == 1 ? "" : "s", all);
  }
}

}  // namespace

auto context::data() -> const timeline& {
  if (data_ != nullptr) return *data_;
  if (data_files.empty()) {
    data_ = &data::xi_putin();
    info_ = data::xi_putin_info();
    return *data_;
  }
  if (std::any_of(data_files.begin(), data_files.end(),
                  [](const auto& f) { return io::is_snapshot_path(f); })) {
    if (data_files.size() > 1) {
      throw usage_error(
          "--data: a snapshot (.diplo) is a timeline already built and is read alone; to merge, "
          "pass the files it was packed from");
    }
    owned_ = io::open_snapshot(data_files.front(), &info_);
    data_ = &*owned_;
    return *data_;
  }
  io::document merged;
  bool imported = false;
  // CSV files name people by name: they resolve against everyone known so far, the files
  // before this one and the embedded dataset's actors (those no file redefines). One
  // registry, grown as files are merged: a copy per file would make many files quadratic.
  known_actors known;
  progress shown;
  std::size_t number = 0;
  for (const std::string& file : data_files) {
    shown.step(data_files.size() == 1
                   ? fmt::format("reading {}", file)
                   : fmt::format("reading {} ({} of {})", file, ++number, data_files.size()));
    const std::size_t before = merged.actors.size();
    // An import is a source of its own: its people are matched with those loaded before
    // (diplo/io/merge.h); the files of one dataset merge strictly (diplo/io/document.h).
    if (const data_kind kind = data_kind_of(file); kind != data_kind::file) {
      io::merge_sources(merged, import_data(file, kind, curation),
                        &merges_.emplace_back(file, io::source_merge_report{}).second);
      imported = true;
    } else if (imported) {
      std::vector<diagnostic> warnings;
      io::merge_sources(merged, load_document(file, &known.registry(), &warnings),
                        &merges_.emplace_back(file, io::source_merge_report{}).second);
      for (const diagnostic& w : warnings) print_err("{}\n", w);
    } else {
      std::vector<diagnostic> warnings;
      io::merge(merged, load_document(file, &known.registry(), &warnings));
      // At most max_diagnostics, then "... and N more warnings" (read_csv caps them).
      for (const diagnostic& w : warnings) print_err("{}\n", w);
    }
    known.add(merged.actors, before);
  }
  info_ = merged.info;
  shown.step(fmt::format("building the timeline of {} events", merged.events.size()));
  owned_ = io::build(std::move(merged));
  print_build_warnings(*owned_, imported);
  data_ = &*owned_;
  return *data_;
}

auto context::merges() -> const std::vector<std::pair<std::string, io::source_merge_report>>& {
  (void)data();
  return merges_;
}

auto context::info() -> const io::dataset_info& {
  (void)data();
  return info_;
}

// --- arguments -----------------------------------------------------------------------------

auto resolve(const timeline& t, std::string_view name) -> actor_id {
  const actor_registry& reg = t.actors();
  try {
    return reg.resolve(name);
  } catch (const lookup_error& e) {
    const std::vector<actor_id> all = reg.candidates(name);
    if (all.size() > 1) {
      // The first few candidates only: a name shared by 100,000 actors is not a list to read.
      std::string msg = fmt::format("\"{}\" is ambiguous; it may mean:", name);
      const std::size_t shown = std::min(all.size(), max_candidates_shown);
      for (std::size_t k = 0; k < shown; ++k) {
        msg += fmt::format("\n  {} ({})", name_of(t, all[k]), all[k]);
      }
      if (shown < all.size()) msg += fmt::format("\n  ... and {} more", all.size() - shown);
      msg += "\n(give a fuller name, or an id)";
      throw usage_error(msg);
    }
    std::string msg = fmt::format("unknown name \"{}\"", name);
    if (!e.candidates().empty()) {
      msg += fmt::format("; did you mean: {}?", fmt::join(e.candidates(), ", "));
    }
    throw usage_error(msg);
  } catch (const error& e) {  // invalid UTF-8
    throw usage_error(e.what());
  }
}

auto parse_date(std::string_view text, std::string_view option) -> partial_date {
  try {
    return partial_date::parse(text);
  } catch (const error& e) {
    throw usage_error(fmt::format("{}: {}", option, e.what()));
  }
}

auto parse_day(std::string_view text, std::string_view option) -> partial_date {
  const partial_date d = parse_date(text, option);
  if (!d.is_exact_day()) {
    throw usage_error(fmt::format("{}: \"{}\" is not one day; give YYYY-MM-DD", option, text));
  }
  if (d.qualifier() != qualifier::none) {
    throw usage_error(
        fmt::format("{}: \"{}\" is not one certain day; give YYYY-MM-DD without "
                    "'?', '~' or '%'",
                    option, text));
  }
  return d;
}

void check_range(const std::optional<partial_date>& from, const std::optional<partial_date>& to) {
  if (from && to && to->latest() < from->earliest()) {
    throw usage_error(fmt::format("--from {} is after --to {}", from->to_edtf(), to->to_edtf()));
  }
}

auto date_range_of(std::string_view from, std::string_view to) -> date_range {
  date_range r;
  if (!from.empty()) r.from = parse_date(from, "--from");
  if (!to.empty()) r.to = parse_date(to, "--to");
  check_range(r.from, r.to);
  return r;
}

auto parse_country(std::string_view text, std::string_view option) -> country_code {
  std::optional<country_code> c;
  try {
    c = find_country(text);
  } catch (const error&) {  // invalid UTF-8: not a country either
  }
  if (!c) {
    throw usage_error(
        fmt::format("{}: unknown country \"{}\" (give an ISO 3166 code such as RU, "
                    "or a name such as Russia)",
                    option, text));
  }
  return *c;
}

auto name_of(const timeline& t, const actor_id& id) -> std::string {
  if (const actor* a = t.actors().find(id)) return one_line(diplo::name_of(*a));
  return one_line(id.value());
}

auto names_of(const timeline& t, const std::vector<actor_id>& ids) -> std::string {
  std::string s;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) s += i + 1 == ids.size() ? " and " : ", ";
    s += name_of(t, ids[i]);
  }
  return s;
}

// --- JSON ----------------------------------------------------------------------------------

void name_list::add(const actor_id& id) {
  if (std::find(ids_.begin(), ids_.end(), id) == ids_.end()) ids_.push_back(id);
}

auto name_list::to_json() const -> json {
  json o = json::make_object();
  for (const actor_id& id : ids_) {
    const actor* a = t_->actors().find(id);  // the name as recorded: JSON escapes it itself
    o.set(id.value(), a != nullptr ? diplo::name_of(*a) : id.value());
  }
  return o;
}

auto date_json(const std::optional<partial_date>& d) -> json {
  if (!d) return nullptr;
  return d->to_edtf();
}

auto event_json(const event& e, name_list& names) -> json {
  for_each_participant(e, [&](const actor_id& a) { names.add(a); });  // in the record's order
  return detail::to_json(e, detail::record_style::complete);
}

auto encounter_json(const encounter& e, name_list& names) -> json {
  json o = json::make_object();
  o.set("when", e.when().to_edtf());
  o.set("event", event_json(e.event.value(), names));
  const event_ref c = e.context();
  o.set("context", c ? event_json(c.value(), names) : json(nullptr));
  json ids = json::make_array();
  for (const event_ref& x : e.events) ids.push(x.id().value());
  o.set("events", std::move(ids));
  return o;
}

auto trip_json(const trip& tr, name_list& names) -> json {
  names.add(tr.guest);
  json o = json::make_object();
  o.set("guest", tr.guest.value());
  o.set("country", std::string(tr.country.alpha2()));
  o.set("when", tr.when.to_edtf());
  o.set("level", std::string(name(tr.level)));
  json events = json::make_array();
  for (const event_ref& e : tr.events) events.push(event_json(e.value(), names));
  o.set("events", std::move(events));
  return o;
}

auto coverage_json(const coverage_verdict& v) -> json {
  json out = json::object{{"status", name(v.status)}, {"reason", v.reason}};
  if (v.as_of) out.set("as_of", day_edtf(*v.as_of));
  return out;
}

void print_coverage_note(const coverage_verdict& v) {
  if (!v.complete()) print_out("{}\n", one_line(v.reason));  // names inside may hold line breaks
}

void print_json(context& ctx, json question, json answer, const coverage_verdict& coverage,
                const name_list& names) {
  print_json(ctx, std::move(question), std::move(answer), &coverage, names);
}

void print_json(context& ctx, json question, json answer, const coverage_verdict* coverage,
                const name_list& names) {
  json doc = json::make_object();
  doc.set("schema_version", answer_schema_version);
  doc.set("question", std::move(question));
  doc.set("answer", std::move(answer));
  if (coverage != nullptr) doc.set("coverage", coverage_json(*coverage));
  doc.set("names", names.to_json());
  json data = json::make_object();
  const io::dataset_info& info = ctx.info();
  if (ctx.data_files.empty()) {
    data.set("embedded", true);
  } else {
    json files = json::make_array();
    for (const auto& f : ctx.data_files) files.push(f);
    data.set("files", std::move(files));
  }
  if (!info.title.empty()) data.set("title", info.title);
  if (!info.as_of.empty()) data.set("as_of", info.as_of);
  doc.set("data", std::move(data));
  print_out("{}", doc.dump());
}

// --- human output --------------------------------------------------------------------------

auto place_text(const event& e, std::string_view none) -> std::string {
  place p = base(e).place;
  if (p.country.empty()) p.country = country_of(e);
  if (p.city.empty()) {
    if (const auto* v = std::get_if<visit>(&e); v != nullptr && !v->cities.empty()) {
      p.city = v->cities.front();
    }
  }
  std::string s = one_line(fmt::format("{}", p));
  return s.empty() ? std::string(none) : s;
}

auto in_place(const event& e) -> std::string {
  const std::string p = place_text(e, "");
  return p.empty() ? p : ", in " + p;
}

auto kind_text(const event& e) -> std::string {
  std::string s = kind_label(e);
  if (base(e).status != status::occurred) s += fmt::format(" ({})", base(e).status);
  return s;
}

namespace {

// "the 16th BRICS summit", "Xi Jinping's state visit to Russia", "the Victory Day parade"
// (without "the" when `article` is false).
auto occasion(const timeline& t, const event& c, bool article = true) -> std::string {
  if (const auto* v = std::get_if<visit>(&c)) {
    return fmt::format("{}'s {} to {}", names_of(t, v->guests), kind_label(c), country_of(c));
  }
  std::string title = title_or_kind(c);
  return article ? "the " + title : title;
}

}  // namespace

auto event_label(const timeline& t, const event_ref& ref, const event_ref& context,
                 const std::vector<actor_id>& omit) -> std::string {
  const event e = ref.value();
  if (const auto* v = std::get_if<visit>(&e)) {
    std::string s = fmt::format("{} to {}", names_of(t, v->guests), country_of(e));
    if (v->host) s += fmt::format(", hosted by {}", name_of(t, *v->host));
    return s;
  }
  if (const auto* m = std::get_if<meeting>(&e)) {
    std::vector<actor_id> others;
    for (const actor_id& p : m->participants) {
      if (std::find(omit.begin(), omit.end(), p) == omit.end()) others.push_back(p);
    }
    std::string s;
    if (!others.empty()) s = (omit.empty() ? "" : "with ") + names_of(t, others);
    if (const event_ref within = context ? context : ref.parent()) {
      const event c = within.value();
      if (!s.empty()) s += ", ";
      s += std::holds_alternative<summit>(c) ? "at " : "during ";
      s += occasion(t, c);
    }
    return s;  // empty for talks between the two alone: the kind column says it all
  }
  return title_or_kind(e);
}

void print_evidence(const timeline& t, const event_ref& ref, const event_ref& context,
                    std::string_view indent) {
  const event e = ref.value();
  const event_base& b = base(e);
  auto row = [&](std::string_view label, const std::string& value) {
    print_out("{}{:<9}{}\n", indent, label, one_line(value));
  };
  row("event", b.id.value());
  row("kind", kind_text(e));
  row("date", fmt::format("{} ({})", b.when, b.when.to_edtf()));
  row("place", place_text(e));
  std::vector<actor_id> who = participants(e);
  if (!who.empty()) row("who", names_of(t, who));
  const event_ref within_ref = context ? context : ref.parent();
  const std::optional<event> within = within_ref ? std::optional(within_ref.value()) : std::nullopt;
  if (within) {
    row("part of",
        fmt::format("{} ({}), {}", occasion(t, *within, false), base(*within).id, base(*within).when));
  }
  // The event's own sources; when it has none, those of the occasion it was part of.
  const bool borrowed = b.sources.empty() && within;
  const event& cited = borrowed ? *within : e;
  const auto& sources = base(cited).sources;
  if (sources.empty()) {
    row("sources", "none recorded");
    return;
  }
  bool first = true;
  for (const source& s : sources) {
    std::string text = s.publisher.empty() ? s.url : fmt::format("{} <{}>", s.publisher, s.url);
    if (borrowed && first) text += fmt::format("  (of {})", base(cited).id);
    row(first ? "sources" : "", text);
    first = false;
  }
}

auto times(std::size_t n) -> std::string {
  return n == 1 ? "once" : n == 2 ? "twice" : fmt::format("{} times", n);
}

auto meet_verb(bool calls) -> std::string {
  return calls ? "met or spoke by phone or video" : "met in person";
}

auto meeting_gerund(bool calls) -> std::string {
  return calls ? "meeting or speaking by phone or video" : "meeting in person";
}

auto day_text(date::sys_days day) -> std::string { return partial_date(date::year_month_day{day}).to_text(); }

auto day_edtf(date::sys_days day) -> std::string { return partial_date(date::year_month_day{day}).to_edtf(); }

auto known_day(date::sys_days day) -> bool {
  return day > period::far_past + date::days{1} && day < period::far_future - date::days{2};
}

auto day_json(date::sys_days day) -> json { return known_day(day) ? json(day_edtf(day)) : json(nullptr); }

auto day_place_text(const event& e) -> std::string {
  const auto* v = std::get_if<visit>(&e);
  if (v == nullptr) return place_text(e);
  std::vector<std::string> cities;
  for (const std::string& c : v->cities) {
    if (std::find(cities.begin(), cities.end(), c) == cities.end()) cities.push_back(c);
  }
  const std::string& city = base(e).place.city;
  if (!city.empty() && std::find(cities.begin(), cities.end(), city) == cities.end()) {
    cities.insert(cities.begin(), city);
  }
  if (cities.size() < 2) return place_text(e);
  return fmt::format("{} ({})", country_of(e), detail::cities_text(cities, "or"));
}

void print_partial_rivals(const encounter& r, const std::vector<encounter>& all, bool later) {
  std::vector<std::string> rivals;
  for (const encounter& e : all) {
    if (e.events.front() == r.events.front()) continue;
    const period p = e.events.front().when();
    const period mine = r.events.front().when();
    const bool may =
        later ? p.latest_start() > mine.earliest_start() : p.earliest_start() < mine.latest_start();
    if (may) rivals.push_back(fmt::format("{} ({})", p, e.events.front().id()));
  }
  if (rivals.empty()) return;
  constexpr std::size_t shown = 5;
  std::string list = fmt::format(
      "{}", fmt::join(rivals.begin(),
                      rivals.begin() + static_cast<std::ptrdiff_t>(std::min(shown, rivals.size())), ", "));
  if (rivals.size() > shown) list += fmt::format(" and {} more", rivals.size() - shown);
  print_out("(Dates are partial: {} may have been {}: {}.)\n",
            rivals.size() == 1 ? "another meeting" : fmt::format("{} other meetings", rivals.size()),
            later ? "later" : "earlier", list);
}

auto positive_count() -> CLI::Validator {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        std::size_t n = 0;
        const bool digits =
            !text.empty() && text.size() <= 18 &&
            std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (digits) n = std::stoull(text);
        return digits && n > 0 ? std::string()
                               : fmt::format("\"{}\" is not a positive whole number (1, 2, ...)", text);
      },
      "POSITIVE");
}

auto encounter_answer(const timeline& t, const actor_id& a, const actor_id& b, const encounter& e,
                      std::string_view which, bool calls, std::string_view bound) -> std::string {
  const std::string who = fmt::format("{} and {}", name_of(t, a), name_of(t, b));
  const status st = e.event.status();
  // The sentence ends with the place, else with the date: "October 2024 (uncertain)." rather
  // than "October 2024?.".
  std::string when = fmt::format("{}", e.when());
  const std::string at = in_place(e.event.value());
  if (at.empty() && when.ends_with('?')) {
    when.pop_back();
    when += " (uncertain)";
  }
  if (st == status::occurred) {
    return fmt::format("{} {} {}{}: {}{}.", who, which, meet_verb(calls), bound, when, at);
  }
  return fmt::format("The {} {} of {}{} is {} {} one: {}{}.", which,
                     calls ? "meeting or call" : "meeting in person", who, bound,
                     st == status::announced ? "an" : "a", st, when, at);
}

auto bounds_text(const std::optional<partial_date>& from, const std::optional<partial_date>& to,
                 std::string_view from_word, std::string_view to_word) -> std::string {
  std::string s;
  if (from && to && *from == *to && from_word == "from") {
    return fmt::format(" {} {}", from->is_exact_day() ? "on" : "in", *from);  // "on 9 May 2025"
  }
  if (from) s += fmt::format(" {} {}", from_word, *from);
  if (to) s += fmt::format(" {} {}", to_word, *to);
  return s;
}

void print_encounter(const timeline& t, const encounter& e) {
  print_out("  {}\n\n", one_line(fmt::format("{}", e)));  // one line, whatever the names hold
  print_evidence(t, e.event, e.context());
}

void set_footer(CLI::App* sub, std::string_view text) {
  sub->footer(fmt::format("{}\n{}", text, exit_footer));
}

void add_json_flag(CLI::App* sub, bool& on) {
  sub->add_flag("--json", on, "Print the question and the answer as one JSON document");
}

auto resolve_pair(const timeline& t, std::string_view a, std::string_view b)
    -> std::pair<actor_id, actor_id> {
  actor_id x = resolve(t, a);
  actor_id y = resolve(t, b);
  if (x == y) {
    throw usage_error(
        fmt::format("\"{}\" and \"{}\" are the same actor ({}); give two different people", a, b, x));
  }
  return {std::move(x), std::move(y)};
}

}  // namespace diplo::cli
