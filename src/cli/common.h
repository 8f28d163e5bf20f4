// SPDX-License-Identifier: MIT
#pragma once

// What the commands of the `diplo` tool share: the context (which data to answer
// from), turning arguments into actor ids, days and countries, a small JSON value
// that prints itself, aligned tables, and the evidence block printed under an answer.
//
// Every command is one file, `<command>.cpp`, with one function `add_<command>(app)`
// that declares its subcommand and returns how to run it. main.cpp parses, loads the
// data the command needs and maps what happens to an exit code:
//
//   0  answered          1  no such event (never met, no trip matched)
//   2  bad usage or bad data (unknown or ambiguous name, bad date, broken file)

#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <CLI/CLI.hpp>

#include "diplo/detail/json.h"
#include "diplo/diplo.h"
#include "diplo/import/colt.h"
#include "diplo/import/historyatstate.h"
#include "diplo/io/document.h"
#include "diplo/io/merge.h"
#include "output.h"

namespace diplo::cli {

/// The tool's exit codes.
enum exit_code : int { answered = 0, no_answer = 1, bad_input = 2 };

/// Bad usage found after parsing (an unknown name, a bad date): "diplo: <what>", exit 2.
class usage_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The data a command answers from: the --data files merged, else the embedded dataset.
class context {
 public:
  /// The --data files (or Office of the Historian folders), in the order given.
  std::vector<std::string> data_files;
  /// A folder of curated tables whose rows every Office of the Historian folder read
  /// comes with before the embedded ones (`convert --curation`); empty: none.
  std::string curation;

  /// The timeline to answer from, loaded on first use. Throws diplo::error
  /// (validation_error with every diagnostic) for a bad file.
  auto data() -> const timeline&;
  /// The description of that data (title, as-of date...).
  auto info() -> const io::dataset_info&;
  /// What merging each source into the ones before it decided (diplo/io/merge.h): the
  /// --data file and its report, for every file merged as a source of its own.
  auto merges() -> const std::vector<std::pair<std::string, io::source_merge_report>>&;

 private:
  std::vector<std::pair<std::string, io::source_merge_report>> merges_;
  std::optional<timeline> owned_;
  io::dataset_info info_;
  const timeline* data_ = nullptr;
};

/// True when `path` is a folder of the Office of the Historian's data as the Office
/// publishes it: a directory holding visits/ and travels/ (in this repository,
/// data/historyatstate). The curated tables are embedded: curation/ is not needed.
auto is_historyatstate_dir(const std::string& path) -> bool;

/// Imports such a folder (diplo::import::import_historyatstate, with the rows of the
/// tables in the folder `curation`, when not empty, before the embedded ones) and prints
/// the import report's counts, and the sizes of its lists, to stderr. Throws diplo::error.
auto import_historyatstate_dir(const std::string& path, const std::string& curation = {}) -> io::document;

/// Declares `--curation DIR` on `sub`, into `dir`: a folder of curated tables whose rows
/// come before the embedded ones (see diplo/import/historyatstate.h).
void add_curation_option(CLI::App* sub, std::string& dir);

/// Whether `path` is a CSV file with COLT's header (diplo/import/colt.h).
auto is_colt_csv(const std::string& path) -> bool;

/// Imports a COLT file (diplo::import::import_colt) and prints the report's counts to stderr.
auto import_colt_file(const std::string& path) -> io::document;

/// What `--data PATH` makes of a path: a folder of the Office of the Historian's data
/// (`is_historyatstate_dir`) or a COLT CSV file (`is_colt_csv`), both imported, or a file of
/// diplo's own formats, read by its extension.
enum class data_kind : std::uint8_t { historyatstate, colt, file };
auto data_kind_of(const std::string& path) -> data_kind;

/// Imports `path` of kind historyatstate or colt (precondition: not `file`), printing the
/// import report's counts to stderr; `curation` as for import_historyatstate_dir. An import
/// is a source of its own: it is merged into the files before it with io::merge_sources, and
/// so is every file after it (diplo/io/merge.h), while the files before any import merge
/// strictly (io::merge). Throws diplo::error.
auto import_data(const std::string& path, data_kind kind, const std::string& curation = {}) -> io::document;

/// The first lines of an import report: records read = events + merged + rejected per
/// dataset, then one line with the sizes of the lists and where to read them.
auto report_summary(const import::import_report& r, const std::string& dir) -> std::string;

/// The actors known to the embedded dataset, which CSV files name by name.
auto embedded_actors() -> const actor_registry&;

/// The actors the names of a CSV file resolve against while files are merged as --data
/// loads them: the actors of the files merged so far, then those of the embedded dataset
/// whose ids no file has defined. One registry, grown as files are merged (a copy per file
/// would make many files quadratic).
class known_actors {
 public:
  known_actors();

  [[nodiscard]] auto registry() const noexcept -> const actor_registry& { return registry_; }

  /// Adds the actors of `files` (the merged files' registry) from position `from` on: those
  /// of the file merged last.
  void add(const actor_registry& files, std::size_t from);

 private:
  void rebuild(const actor_registry& files);

  actor_registry registry_;
};

/// Loads one file of any format (by its extension); CSV names resolve against `known`
/// (may be null), and the CSV reader's warnings go to `*warnings` when given.
/// Throws diplo::error (validation_error listing every problem).
auto load_document(const std::string& path, const actor_registry* known,
                   std::vector<diagnostic>* warnings = nullptr) -> io::document;

// --- arguments -----------------------------------------------------------------------------

/// The most candidates an "is ambiguous" message lists ("... and N more" then).
inline constexpr std::size_t max_candidates_shown = 10;

/// The one actor `name` means (a name, an alias in any script, a surname or an id).
/// Throws usage_error listing the nearest names (unknown) or the candidates (ambiguous:
/// the first `max_candidates_shown`, then "... and N more").
auto resolve(const timeline& t, std::string_view name) -> actor_id;

/// An EDTF date given to `option` ("2025-05-07", "2025-05", "2025"). Throws
/// usage_error with diplo's parse message.
auto parse_date(std::string_view text, std::string_view option) -> partial_date;

/// One certain day, YYYY-MM-DD (no 'X' digits, no '?', '~' or '%'). Throws usage_error.
auto parse_day(std::string_view text, std::string_view option) -> partial_date;

/// Checks that --from is not after --to. Throws usage_error.
void check_range(const std::optional<partial_date>& from, const std::optional<partial_date>& to);

/// The dates of --from and --to, each empty when not given.
struct date_range {
  std::optional<partial_date> from;
  std::optional<partial_date> to;
};

/// The dates given to --from (`from`) and --to (`to`; an empty text: not given), parsed
/// (`parse_date`) and checked (`check_range`). Throws usage_error.
auto date_range_of(std::string_view from, std::string_view to) -> date_range;

/// A country by ISO code or name ("RU", "RUS", "Russia"). Throws usage_error.
auto parse_country(std::string_view text, std::string_view option) -> country_code;

/// The canonical name of an actor, or its id when unknown, made one_line (for text output).
auto name_of(const timeline& t, const actor_id& id) -> std::string;

/// "A", "A and B", "A, B and C" with canonical names.
auto names_of(const timeline& t, const std::vector<actor_id>& ids) -> std::string;

// --- JSON ----------------------------------------------------------------------------------

/// The tool's JSON values: the library's one JSON writer (diplo/detail/json.h), whose
/// objects fold onto one line when they fit in 100 columns.
using json = diplo::detail::json;

/// Collects the actors an answer names, for its "names" member ({id: canonical name}).
class name_list {
 public:
  explicit name_list(const timeline& t) : t_(&t) {}
  void add(const actor_id& id);
  [[nodiscard]] auto to_json() const -> json;

 private:
  const timeline* t_;
  std::vector<actor_id> ids_;
};

/// An event as a record of data/FORMAT.md with every field of its kind
/// (detail::record_style::complete). Adds the actors it names to `names`.
auto event_json(const event& e, name_list& names) -> json;

/// An encounter: {"when", "event": record, "context": record or null, "events": [ids]}.
auto encounter_json(const encounter& e, name_list& names) -> json;

/// A trip: {"guest", "country", "when", "level", "events": [records]}.
auto trip_json(const trip& tr, name_list& names) -> json;

/// The version of the --json answers' shape (data/answer.schema.json): the first key of
/// every answer, raised when a key changes meaning or goes away (not when one is added).
inline constexpr int answer_schema_version = 1;

/// Prints {"schema_version": 1, "question": question, "answer": answer, "coverage": ...,
/// "names": ..., "data": ...} to stdout.
void print_json(context& ctx, json question, json answer, const coverage_verdict& coverage,
                const name_list& names);
/// The same without "coverage", for answers whose parts each carry their own (`check`).
void print_json(context& ctx, json question, json answer, const coverage_verdict* coverage,
                const name_list& names);

/// The verdict as JSON: {"status": "partial", "reason": "...", "as_of": "2026-02-04"}.
auto coverage_json(const coverage_verdict& v) -> json;

/// After an answer that is not complete, the one line that says what the data may miss
/// (diplo/coverage.h); nothing for a complete one.
void print_coverage_note(const coverage_verdict& v);

/// Whether the data holds every trip an answer of `visits` or `journeys` needs: all those `f`
/// matches, or for --first those up to the first one found (`all` is in time order), for
/// --last those from the last one on. `T` is diplo::trip or diplo::journey.
template <class T>
auto chosen_coverage(const timeline& t, visit_filter f, const std::vector<T>& all, bool first, bool last)
    -> coverage_verdict {
  if (!all.empty() && last) f.from = all.back().when.earliest_start();
  if (!all.empty() && first) f.to = all.front().when.latest_start();
  return visits_coverage(t, f);
}

/// An optional day as an EDTF string, or null.
auto date_json(const std::optional<partial_date>& d) -> json;

// --- human output --------------------------------------------------------------------------

/// "Kazan, Russia" (the place of the event, or its country); `none` when not recorded.
auto place_text(const event& e, std::string_view none = "—") -> std::string;

/// ", in Kazan, Russia", or "" when the event has no recorded place (for sentences).
auto in_place(const event& e) -> std::string;

/// A short label for the table's "event" column: a summit's or ceremony's name, a
/// meeting's participants (but those in `omit`) and occasion ("at the 16th BRICS
/// summit"), a visit's guests and country.
/// The occasion is `context` when given, else the event's parent.
auto event_label(const timeline& t, const event_ref& e, const event_ref& context = {},
                 const std::vector<actor_id>& omit = {}) -> std::string;

/// The event's kind: "state visit", "bilateral meeting", "phone call"...; with its
/// status when it did not (yet) occur: "state visit (planned)".
auto kind_text(const event& e) -> std::string;

/// Prints the evidence for an answer: the event's id, kind, days, place, the event it
/// was part of, and its sources, one per line.
/// The occasion is `context` when given, else the event's parent.
void print_evidence(const timeline& t, const event_ref& e, const event_ref& context = {},
                    std::string_view indent = "  ");

/// "once", "twice", "3 times".
auto times(std::size_t n) -> std::string;

/// "met in person", or "met or spoke by phone or video" when calls count.
auto meet_verb(bool calls) -> std::string;

/// "meeting in person", or "meeting or speaking by phone or video" when calls count
/// ("went without meeting in person").
auto meeting_gerund(bool calls) -> std::string;

/// One day as text ("1 June 2021") and as EDTF ("2021-06-01").
auto day_text(date::sys_days day) -> std::string;
auto day_edtf(date::sys_days day) -> std::string;
/// False for the sentinel days of open and unknown ends (period::far_past, far_future).
auto known_day(date::sys_days day) -> bool;
/// A day as EDTF, or null for the sentinel day of an open or unknown end.
auto day_json(date::sys_days day) -> json;

/// Where an event places its people on one day: "Kazan, Russia"; for a visit to several
/// cities that does not say which city on which day, "Russia (Moscow, Kazan or Sochi)".
auto day_place_text(const event& e) -> std::string;

/// Prints, after a last (`later`) or first meeting `r`, the other encounters in `all`
/// whose partial dates allow them to have started later (earlier) than `r`, if any.
void print_partial_rivals(const encounter& r, const std::vector<encounter>& all, bool later);

/// Checks a count option (--top N): a whole number of at least 1.
auto positive_count() -> CLI::Validator;

/// The first line of a last/first-meeting answer: "Xi Jinping and Vladimir Putin last met
/// in person before 7 May 2025: 22 October 2024, in Kazan, Russia." (`which` is "last"
/// or "first"); for an event that has not occurred, "The last meeting in person of ... is
/// a planned one: ...".
auto encounter_answer(const timeline& t, const actor_id& a, const actor_id& b, const encounter& e,
                      std::string_view which, bool calls, std::string_view bound) -> std::string;

/// " before 7 May 2025", " from March 2023 to 2024", or "" (for sentences).
auto bounds_text(const std::optional<partial_date>& from, const std::optional<partial_date>& to,
                 std::string_view from_word = "from", std::string_view to_word = "to") -> std::string;

/// Prints an encounter: the library's one-line description, then the evidence.
void print_encounter(const timeline& t, const encounter& e);

/// Sets a command's footer: `text`, then the exit status.
void set_footer(CLI::App* sub, std::string_view text);

/// Adds --json to a command.
void add_json_flag(CLI::App* sub, bool& on);

/// The part of a visit_filter that `visits` and `journeys` share, read from their options
/// (`from`, `to`, `guest_country`, `host_country`, `planned`): dates checked and turned into
/// days (--from its first day, --to its last), countries parsed. The guest is resolved by the
/// caller once the data is loaded. Throws usage_error on a bad date, range or country.
struct trip_query {
  visit_filter filter;
  std::optional<partial_date> from;
  std::optional<partial_date> to;
};

template <class Options>
auto trip_query_of(const Options& o) -> trip_query {
  trip_query q;
  q.filter.planned = o.planned;
  const date_range dates = date_range_of(o.from, o.to);
  q.from = dates.from;
  q.to = dates.to;
  if (q.from) q.filter.from = q.from->earliest();
  if (q.to) q.filter.to = q.to->latest();
  if (!o.guest_country.empty()) q.filter.guest_country = parse_country(o.guest_country, "--guest-country");
  if (!o.host_country.empty()) q.filter.host_country = parse_country(o.host_country, "--host-country");
  return q;
}

/// Resolves two names and checks that they are two different actors.
auto resolve_pair(const timeline& t, std::string_view a, std::string_view b) -> std::pair<actor_id, actor_id>;

// --- commands ------------------------------------------------------------------------------

/// A declared subcommand and how to run it once the arguments are parsed.
struct command {
  CLI::App* app = nullptr;
  std::function<int(context&)> run;
};

auto add_last_meeting(CLI::App& app) -> command;
auto add_first_meeting(CLI::App& app) -> command;
auto add_meetings(CLI::App& app) -> command;
auto add_visits(CLI::App& app) -> command;
auto add_where(CLI::App& app) -> command;
auto add_contacts(CLI::App& app) -> command;
auto add_gap(CLI::App& app) -> command;
auto add_validate(CLI::App& app) -> command;
auto add_convert(CLI::App& app) -> command;
auto add_import_report(CLI::App& app) -> command;
auto add_merge_report(CLI::App& app) -> command;
auto add_pack(CLI::App& app) -> command;
auto add_export(CLI::App& app) -> command;
auto add_countries(CLI::App& app) -> command;
auto add_on(CLI::App& app) -> command;
auto add_journeys(CLI::App& app) -> command;
auto add_check(CLI::App& app) -> command;

/// The footer of the meeting commands: names, what "meet" means, the date bounds.
inline constexpr std::string_view meet_footer =
    "Names: \"Xi\", \"Xi Jinping\", \"习近平\", \"Putin\" or an actor id (vladimir-putin).\n"
    "To meet is to be together in person: a visit between them, talks, a summit or a\n"
    "ceremony both attended; --calls adds phone and video calls. Events inside one\n"
    "another (talks at a summit) are one encounter, shown as its most specific event.\n"
    "Dates are EDTF: 2025-05-07, 2025-05 or 2025. --before D: starting before the first\n"
    "day of D. --after D, --from D: starting on or after the first day of D. --to D:\n"
    "starting on or before the last day of D.";

/// The exit status, at the end of every footer.
inline constexpr std::string_view exit_footer =
    "Exit status: 0 answered; 1 no such event (never met, no trip matched);\n"
    "2 bad usage or bad data (unknown or ambiguous name, bad date, broken file).";

}  // namespace diplo::cli
