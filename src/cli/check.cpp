// SPDX-License-Identifier: MIT
// diplo check FILE [--as-of DATE] [--json]
// diplo check --text SENTENCE [--as-of DATE] [--json]

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "common.h"
#include "diplo/check.h"
#include "diplo/io/claims.h"

namespace diplo::cli {

namespace {

struct checked {
  io::claim_record record;
  verdict result;
};

auto claims_of(const timeline& t, const std::string& file, const std::vector<std::string>& texts,
               std::optional<date::sys_days> as_of) -> io::claims_file {
  io::claims_file f;
  if (!file.empty()) f = io::read_claims_file(file, t.actors());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    try {
      f.claims.push_back(
          {fmt::format("text{}", i + 1), texts[i], std::nullopt, parse_claim(texts[i], t.actors())});
    } catch (const error& e) {
      throw usage_error(fmt::format("--text \"{}\": {}", texts[i], e.what()));
    }
  }
  // --as-of gives the day of the claims that do not say theirs.
  for (io::claim_record& c : f.claims) {
    if (!c.as_of) c.as_of = as_of;
  }
  return f;
}

// The sentence a claim is shown by: its text as written, else the claim in English.
auto sentence(const timeline& t, const io::claim_record& c) -> std::string {
  return c.text.empty() ? describe(c.claim, &t.actors()) : c.text;
}

// How many of `all` got `r`.
auto count_of(const std::vector<checked>& all, rating r) -> std::size_t {
  return static_cast<std::size_t>(
      std::count_if(all.begin(), all.end(), [&](const checked& c) { return c.result.rating == r; }));
}

// "3 TRUE, 1 FALSE, 1 MISLEADING".
auto counts_text(const std::vector<checked>& all) -> std::string {
  std::vector<std::string> parts;
  for (rating r : ratings) {
    const std::size_t n = count_of(all, r);
    if (n > 0) parts.push_back(fmt::format("{} {}", n, label(r)));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

void print_table(const timeline& t, const io::claims_file& f, const std::vector<checked>& all,
                 const std::string& file) {
  const std::string what = !f.title.empty() ? fmt::format("\"{}\"", f.title)
                           : !file.empty()  ? file
                                            : std::string("the text given");
  print_out("{} claim{} of {}: {}.\n\n", all.size(), all.size() == 1 ? "" : "s", what, counts_text(all));
  table tab({"id", "verdict", "claim", "correction"});
  for (const checked& c : all) {
    tab.add({c.record.id, std::string(label(c.result.rating)), clip(sentence(t, c.record), 56),
             c.result.correction});
  }
  tab.print();
}

// One claim: its verdict, why, the correction, then each event of the evidence with its
// sources.
void print_details(const timeline& t, const checked& c) {
  print_out("\n{}  {}: \"{}\"{}\n", c.record.id, label(c.result.rating), one_line(sentence(t, c.record)),
            c.record.as_of ? fmt::format(" (made on {})", day_text(*c.record.as_of)) : std::string());
  print_out("  {}\n", one_line(c.result.explanation));
  if (!c.result.correction.empty()) print_out("  Correction: {}.\n", one_line(c.result.correction));
  if (!c.result.coverage.complete() && c.result.rating != rating::unverifiable &&
      !c.result.coverage.reason.empty()) {
    print_out("  Coverage: {}\n", one_line(c.result.coverage.reason));
  }
  if (!c.result.evidence.empty()) print_out("  Evidence:\n");
  for (const event_ref& e : c.result.evidence) {
    print_out("    {}  {}\n", one_line(e.id().value()), one_line(detail::describe(e.value(), &t.actors())));
    for (const source& s : e.sources()) print_out("      {}\n", one_line(fmt::format("{}", s)));
  }
}

auto result_json(const timeline& t, const checked& c, name_list& names) -> json {
  json evidence = json::make_array();
  for (const event_ref& e : c.result.evidence) evidence.push(e.id().value());
  json r =
      json::object{{"id", c.record.id},
                   {"text", sentence(t, c.record)},
                   {"kind", std::string(kind_name(c.record.claim))},
                   {"as_of", c.record.as_of ? json(day_edtf(*c.record.as_of)) : json(nullptr)},
                   {"verdict", std::string(name(c.result.rating))},
                   {"correction", c.result.correction.empty() ? json(nullptr) : json(c.result.correction)},
                   {"explanation", c.result.explanation},
                   {"evidence", std::move(evidence)},
                   {"coverage", coverage_json(c.result.coverage)}};
  for (const event_ref& e : c.result.evidence) {
    for (const actor_id& a : e.participants()) names.add(a);
  }
  return r;
}

}  // namespace

auto add_check(CLI::App& app) -> command {
  struct options {
    std::string file, as_of;
    std::vector<std::string> texts;
    bool json = false;
  };
  auto o = std::make_shared<options>();
  CLI::App* sub =
      app.add_subcommand("check", "Check claims: is \"Xi last visited Russia in September 2024\" true?");
  sub->add_option("FILE", o->file, "A claims file (JSON; data/claims/ap-2025-05-04.json)")->type_name("FILE");
  sub->add_option("--text", o->texts, "A claim as an English sentence (may be given more than once)")
      ->type_name("SENTENCE")
      ->allow_extra_args(false);  // one sentence a --text: "--text S FILE" keeps FILE a file
  sub->add_option("--as-of", o->as_of, "The day the claims were made, for those that do not say (YYYY-MM-DD)")
      ->type_name("DATE");
  add_json_flag(sub, o->json);
  set_footer(sub,
             "Checks each claim against the data and prints a verdict: TRUE, FALSE (with the\n"
             "correction), PARTLY TRUE (which part fails), MISLEADING (what it names happened, but a\n"
             "later or earlier fact changes its meaning) or UNVERIFIABLE (the data does not record\n"
             "every event the claim speaks of, or partial dates cannot decide), with the evidence\n"
             "and its sources. A claim made on a day (\"as_of\") is judged as of that day: later\n"
             "events do not count against it. Sentences --text understands: \"X last visited Y in\n"
             "MONTH YEAR (for OCCASION)\", \"X visited Y in ...\", \"this will be X's third visit to Y\n"
             "since ...\", \"X has visited Y N times since ...\", \"A and B last (first) met in ...\n"
             "(in PLACE)\", \"A and B have met N times since ...\", \"A and B met in ...\", \"X was in\n"
             "PLACE on DAY\".\n"
             "Exit status: 0 every claim holds; 1 one does not (or cannot be verified);\n"
             "2 bad usage or bad input (a broken claims file, a sentence that cannot be parsed).");

  return {sub, [o](context& ctx) -> int {
            if (o->file.empty() && o->texts.empty())
              throw usage_error("check: give a claims FILE or --text SENTENCE");
            std::optional<date::sys_days> as_of;
            if (!o->as_of.empty()) as_of = parse_day(o->as_of, "--as-of").earliest();
            const timeline& t = ctx.data();
            const io::claims_file f = claims_of(t, o->file, o->texts, as_of);
            std::vector<checked> all;
            for (const io::claim_record& c : f.claims) {
              try {
                all.push_back({c, check(t, c.claim, c.as_of)});
              } catch (const error& e) {
                throw usage_error(fmt::format("claim \"{}\": {}", c.id, e.what()));
              }
            }
            const bool every_one_holds =
                std::all_of(all.begin(), all.end(), [](const checked& c) { return c.result.holds(); });

            if (o->json) {
              name_list names(t);
              json results = json::make_array();
              for (const checked& c : all) results.push(result_json(t, c, names));
              json texts = json::make_array();
              for (const std::string& text : o->texts) texts.push(text);
              json q = json::object{{"command", "check"},
                                    {"file", o->file.empty() ? json(nullptr) : json(o->file)},
                                    {"texts", std::move(texts)},
                                    {"as_of", as_of ? json(day_edtf(*as_of)) : json(nullptr)}};
              json summary = json::make_object();
              for (rating r : ratings) summary.set(std::string(name(r)), count_of(all, r));
              print_json(ctx, std::move(q),
                         json::object{{"results", std::move(results)}, {"summary", std::move(summary)}},
                         nullptr, names);
              return every_one_holds ? answered : no_answer;
            }
            print_table(t, f, all, o->file);
            for (const checked& c : all) print_details(t, c);
            return every_one_holds ? answered : no_answer;
          }};
}

}  // namespace diplo::cli
