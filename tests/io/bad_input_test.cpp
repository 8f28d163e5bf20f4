// SPDX-License-Identifier: MIT
// The bad-input table: one row per class of malformed input, each with the reader that
// meets it, the exact exception type and every diagnostic it carries (file:line:col:
// severity: message). Every row also proves that nothing is half-loaded and nothing lost:
// the strict reader returns no document, a timeline assigned from the failed load keeps
// its old value, and an existing output file that a failed load-and-save (what
// `diplo convert IN OUT` does) would have replaced is byte-for-byte unchanged.
#include <diplo/io/file.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <diplo/io/csv.h>
#include <diplo/io/document.h>
#include <diplo/io/json.h>
#include <diplo/io/jsonl.h>
#include <diplo/timeline.h>
#include <diplo/tz.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;
using diplo::io::read_limits;

// ---- inputs ----------------------------------------------------------------------------

// A JSON document with the two actors `x` and `y` and the given event records.
auto json_with(std::string_view events) -> std::string {
  return fmt::format(
      "{{\"diplo\": 1,\n"
      " \"actors\": [{{\"id\": \"x\", \"kind\": \"person\", \"name\": \"Xi Jinping\"}},\n"
      "            {{\"id\": \"y\", \"kind\": \"person\", \"name\": \"Vladimir Putin\"}}],\n"
      " \"events\": [\n{}\n]}}\n",
      events);
}

// One meeting record of x and y; `extra` is spliced in after "when".
auto meeting(std::string_view id, std::string_view when, std::string_view extra = "") -> std::string {
  return fmt::format(
      "  {{\"id\": \"{}\", \"kind\": \"meeting\", \"when\": \"{}\"{}, \"participants\": [\"x\", "
      "\"y\"]}}",
      id, when, extra);
}

constexpr std::string_view jsonl_actors =
    "{\"diplo\": 1}\n"
    "{\"id\": \"x\", \"kind\": \"person\", \"name\": \"Xi Jinping\"}\n"
    "{\"id\": \"y\", \"kind\": \"person\", \"name\": \"Vladimir Putin\"}\n";

constexpr std::string_view csv_header = "id,kind,start,end,participants\n";

// ---- the table -------------------------------------------------------------------------

enum class via : std::uint8_t {
  json,   // read_json, then load() of a .json file
  jsonl,  // read_jsonl, then load() of a .jsonl file
  csv,    // read_csv, then load() of a .csv file
  build,  // read_json succeeds; diplo::io::build (timeline_builder::freeze) throws
};

// What was thrown: the most derived diplo type.
enum class thrown : std::uint8_t { nothing, validation_error, error };

auto extension(via v) -> std::string_view {
  switch (v) {
    case via::jsonl: return ".jsonl";
    case via::csv: return ".csv";
    default: return ".json";
  }
}

struct row {
  std::string_view name;  // the class of bad input
  via reader;
  std::string input;
  thrown type;
  // Every diagnostic, formatted "bad.<ext>:line:col: error: message" (validation_error),
  // or the what() of a plain diplo::error.
  std::vector<std::string> expected;
  read_limits limits{};
  // When load() of the file fails otherwise (a file refused by its size before it is read):
  // its what().
  std::string load_error{};
};

auto rows() -> std::vector<row> {
  const std::string x = "Xi Jinping";
  std::vector<row> t;
  // -- dates and periods --
  t.push_back({"invalid calendar date",
               via::json,
               json_with(meeting("a", "2023-02-29")),
               thrown::validation_error,
               {"bad.json:5:42: error: events[0].when: \"2023-02-29\" at column 9: expected a "
                "day of February 2023 (01-28)"}});
  t.push_back({"reversed period",
               via::json,
               json_with(meeting("a", "2024-05-09/2024-05-07")),
               thrown::validation_error,
               {"bad.json:5:42: error: events[0].when: \"2024-05-09/2024-05-07\" at column 12: "
                "expected an end on or after the start (the interval is reversed: 2024-05-07 is "
                "before 2024-05-09)"}});
  t.push_back({"unknown EDTF qualifier",
               via::json,
               json_with(meeting("a", "2024-05-09!")),
               thrown::validation_error,
               {"bad.json:5:42: error: events[0].when: \"2024-05-09!\" at column 11: expected "
                "a qualifier ('?', '~' or '%') or end of input"}});
  t.push_back({"invalid date in CSV",
               via::csv,
               std::string(csv_header) + "a,meeting,2024-13-01,,Xi Jinping;Vladimir Putin\n",
               thrown::validation_error,
               {"bad.csv:2:11: error: start: [diplo.edtf] \"2024-13-01\" at column 6: expected "
                "a month (01-12) or a season (21-24)"}});
  // CR-only line ends (old Mac files) are line ends: the error is on line 3, not an
  // "unknown column" holding the whole file.
  t.push_back({"invalid date in CSV with CR-only line ends",
               via::csv,
               "id,kind,start,end,participants\ra,meeting,2024-01-01,,Xi Jinping;Vladimir Putin\r"
               "b,meeting,2024-13-01,,Xi Jinping;Vladimir Putin\r",
               thrown::validation_error,
               {"bad.csv:3:11: error: start: [diplo.edtf] \"2024-13-01\" at column 6: expected "
                "a month (01-12) or a season (21-24)"}});
  t.push_back({"reversed period in CSV",
               via::csv,
               std::string(csv_header) + "a,meeting,2024-05-09,2024-05-07,Xi Jinping;Vladimir Putin\n",
               thrown::validation_error,
               {"bad.csv:2:22: error: end: [diplo.period] the last date 2024-05-07 is before the "
                "first date 2024-05-09"}});
  t.push_back({"year out of range",
               via::json,
               json_with(meeting("a", "99999-01-01")),
               thrown::validation_error,
               {"bad.json:5:42: error: events[0].when: \"99999-01-01\" at column 5: expected "
                "'-' after the four-digit year (years have exactly four digits; the basic format "
                "20250509 is not EDTF, write 2025-05-09)"}});
  // -- JSON types and keys --
  t.push_back({"wrong JSON type",
               via::json,
               json_with(R"(  {"id": "a", "kind": "meeting", "when": 2024, "participants": "x"})"),
               thrown::validation_error,
               {"bad.json:5:42: error: events[0].when: expected an EDTF date or period (a "
                "string), got a number",
                "bad.json:5:64: error: events[0].participants: expected an array of actor ids, "
                "got a string"}});
  t.push_back({"missing required field",
               via::json,
               json_with(R"(  {"id": "a", "kind": "meeting", "participants": ["x", "y"]})"),
               thrown::validation_error,
               {"bad.json:5:3: error: events[0]: missing \"when\""}});
  t.push_back({"number out of range",
               via::json,
               "{\"diplo\": 100000000000000000000000}\n",
               thrown::validation_error,
               {"bad.json:1:11: error: diplo: unsupported format version "
                "100000000000000000000000 (this reader knows version 1)"}});
  t.push_back({"wrong JSON Lines type",
               via::jsonl,
               std::string(jsonl_actors) +
                   R"({"id": "a", "kind": "meeting", "when": ["2024"], "participants": ["x", "y"]})"
                   "\n",
               thrown::validation_error,
               {"bad.jsonl:4:40: error: when: expected an EDTF date or period (a string), got "
                "an array"}});
  // -- checks across records (timeline_builder) --
  t.push_back({"unknown actor",
               via::build,
               json_with(R"(  {"id": "a", "kind": "meeting", "when": "2024", "participants": ["x", "z"]})"),
               thrown::validation_error,
               {"bad.json:5:3: error: event \"a\": unknown actor \"z\""}});
  t.push_back(
      {"unknown actor with a suggestion",
       via::build,
       json_with(
           R"(  {"id": "a", "kind": "meeting", "when": "2024", "participants": ["x", "Vladimir Putn"]})"),
       thrown::validation_error,
       {"bad.json:5:3: error: event \"a\": unknown actor \"Vladimir Putn\" (did you mean "
        "Vladimir Putin?)"}});
  t.push_back({"duplicate ids",
               via::build,
               json_with(meeting("a", "2024-01-01") + ",\n" + meeting("a", "2024-02-01")),
               thrown::validation_error,
               {"bad.json:6:3: error: event \"a\": duplicate id"}});
  t.push_back({"a parent cycle",
               via::build,
               json_with(meeting("a", "2024-05-09", ", \"parent\": \"b\"") + ",\n" +
                         meeting("b", "2024-05-09", ", \"parent\": \"a\"")),
               thrown::validation_error,
               {"bad.json:5:3: error: event \"a\": its parent chain makes a cycle",
                "bad.json:6:3: error: event \"b\": its parent chain makes a cycle"}});
  t.push_back({"a child outside its parent",
               via::build,
               json_with(meeting("summit", "2024-10-22/2024-10-24") + ",\n" +
                         meeting("talks", "2024-11-05", ", \"parent\": \"summit\"")),
               thrown::validation_error,
               {"bad.json:6:3: error: event \"talks\": lies outside its parent \"summit\" (5 "
                "November 2024 is not within 22–24 October 2024)"}});
  // Records that contradict themselves (issue 19, item 16).
  t.push_back(
      {"a participant listed twice",
       via::build,
       json_with(R"(  {"id": "a", "kind": "meeting", "when": "2024", "participants": ["x", "y", "y"]})"),
       thrown::validation_error,
       {"bad.json:5:3: error: event \"a\": participant \"y\" is listed twice"}});
  t.push_back(
      {"a visit held outside its host country",
       via::build,
       json_with(
           R"(  {"id": "a", "kind": "visit", "when": "2024", "place": {"country": "CN"}, "guests": ["y"], "host_country": "RU"})"),
       thrown::validation_error,
       {"bad.json:5:3: error: event \"a\": host_country RU (Russia) differs from "
        "place.country CN (China): a visit is held in the country it visits"}});
  t.push_back({"an instant outside the event's days",
               via::build,
               json_with(meeting("a", "2024-05-09", ", \"starts_at\": \"2024-06-09T10:00:00Z\"")),
               thrown::validation_error,
               {"bad.json:5:3: error: event \"a\": starts_at 2024-06-09T10:00:00Z is outside the "
                "event's days (9 May 2024) in every time zone"}});
  {
    // A chain of parents deeper than timeline_builder::max_nesting.
    std::string chain = meeting("e0", "2024-05-09");
    for (std::size_t i = 1; i <= diplo::timeline_builder::max_nesting + 1; ++i) {
      chain +=
          ",\n" + meeting(fmt::format("e{}", i), "2024-05-09", fmt::format(", \"parent\": \"e{}\"", i - 1));
    }
    t.push_back({"a parent chain too deep",
                 via::build,
                 json_with(chain),
                 thrown::validation_error,
                 {"bad.json:38:3: error: event \"e33\": nested 33 events deep, more than the "
                  "limit of 32 (timeline_builder::max_nesting)"}});
  }
  // -- encodings and bytes --
  t.push_back({"invalid UTF-8",
               via::json,
               json_with(meeting("a\xC3(", "2024")),
               thrown::validation_error,
               {"bad.json:5:12: error: invalid UTF-8"}});
  t.push_back({"invalid UTF-8 in CSV",
               via::csv,
               std::string(csv_header) + "a\xFF,meeting,2024,,Xi Jinping;Vladimir Putin\n",
               thrown::validation_error,
               {"bad.csv:2:1: error: id: invalid UTF-8"}});
  t.push_back({"UTF-16 (a byte order mark FF FE)",
               via::json,
               std::string("\xFF\xFE{\0\"\0d\0i\0p\0l\0o\0\"\0:\0 \0"
                           "1\0}\0",
                           26),
               thrown::validation_error,
               {"bad.json:1:1: error: invalid UTF-8: the input is UTF-16 (it starts with the "
                "byte order mark FF FE); save it as UTF-8"}});
  t.push_back({"NUL byte in a string",
               via::json,
               json_with(meeting(std::string("a\0b", 3), "2024")),
               thrown::validation_error,
               {"bad.json:5:12: error: a control character in a string must be escaped"}});
  t.push_back({"NUL byte in JSON Lines",
               via::jsonl,
               std::string("{\"diplo\": 1}\n\0\n", 15),
               thrown::validation_error,
               {"bad.jsonl:2:1: error: invalid JSON: a missing or extra comma, colon, bracket or "
                "brace"}});
  // -- truncated and empty --
  {
    const std::string whole = json_with(meeting("a", "2024"));
    t.push_back({"a truncated file",
                 via::json,
                 whole.substr(0, whole.size() - 40),
                 thrown::validation_error,
                 {"bad.json:5:41: error: unexpected end of input: the object opened at 5:3 is "
                  "not closed"}});
  }
  t.push_back({"a file truncated between values",
               via::json,
               "{\"diplo\": 1, \"events\": [{\"id\": \"a\"}, ",
               thrown::validation_error,
               {"bad.json:1:38: error: unexpected end of input: the array opened at 1:24 is "
                "not closed"}});
  t.push_back({"an empty JSON file",
               via::json,
               "",
               thrown::validation_error,
               {"bad.json:1:1: error: empty input (expected a JSON object)"}});
  t.push_back({"an empty CSV file",
               via::csv,
               "",
               thrown::validation_error,
               {"bad.csv:1:1: error: no header row (the input is empty)"}});
  t.push_back({"a BOM and nothing else",
               via::csv,
               "\xEF\xBB\xBF",
               thrown::validation_error,
               {"bad.csv:1:1: error: no header row (the input is empty)"}});
  // -- CSV syntax --
  t.push_back({"CSV with unbalanced quotes",
               via::csv,
               std::string(csv_header) + "a,meeting,2024,,\"Xi Jinping;Vladimir Putin\n"
                                         "b,meeting,2025,,Xi Jinping;Vladimir Putin\n",
               thrown::validation_error,
               {"bad.csv:2:17: error: unterminated quoted field: no closing '\"'"}});
  t.push_back({"a million columns",
               via::csv,
               std::string(csv_header) + std::string(1000000, ','),
               thrown::validation_error,
               {"bad.csv:2:1: error: row has 1000001 fields; the header has 5"}});
  // -- limits (read_limits) --
  t.push_back({"deep nesting (JSON)",
               via::json,
               "{\"diplo\": 1, \"x\": " + std::string(100000, '[') + std::string(100000, ']') + "}",
               thrown::validation_error,
               {"bad.json:1:82: error: nesting deeper than the limit of 64 arrays and objects "
                "(read_limits::max_depth)"}});
  t.push_back({"deep nesting (JSON Lines)",
               via::jsonl,
               std::string(jsonl_actors) + std::string(65, '[') + std::string(65, ']') + "\n",
               thrown::validation_error,
               {"bad.jsonl:4:65: error: nesting deeper than the limit of 64 arrays and objects "
                "(read_limits::max_depth)"}});
  t.push_back({"a line past max_line_length (JSON Lines)",
               via::jsonl,
               std::string(jsonl_actors) + "{\"id\": \"" + std::string(100, 'a') + "\"}\n",
               thrown::validation_error,
               {"bad.jsonl:4:65: error: line longer than the limit of 64 bytes "
                "(read_limits::max_line_length)"},
               {.max_line_length = 64}});
  t.push_back({"a line past max_line_length (CSV)",
               via::csv,
               std::string(csv_header) + "a,meeting,2024,," + std::string(100, 'x') + "\n",
               thrown::validation_error,
               {"bad.csv:2:65: error: line longer than the limit of 64 bytes "
                "(read_limits::max_line_length)"},
               {.max_line_length = 64}});
  t.push_back({"more records than max_records (JSON)",
               via::json,
               json_with(meeting("a", "2024") + ",\n" + meeting("b", "2025")),
               thrown::validation_error,
               {"bad.json:6:3: error: events[1]: more than the limit of 3 records "
                "(read_limits::max_records)"},
               {.max_records = 3}});
  t.push_back({"more records than max_records (JSON Lines)",
               via::jsonl,
               std::string(jsonl_actors) + "{\"id\": \"un\", \"kind\": \"organisation\", "
                                           "\"name\": \"United Nations\"}\n",
               thrown::validation_error,
               {"bad.jsonl:4:1: error: more than the limit of 2 records "
                "(read_limits::max_records)"},
               {.max_records = 2}});
  t.push_back({"more rows than max_records (CSV)",
               via::csv,
               std::string(csv_header) + "a,meeting,2024,,Xi Jinping;Vladimir Putin\n" +
                   "b,meeting,2025,,Xi Jinping;Vladimir Putin\n",
               thrown::validation_error,
               {"bad.csv:3:1: error: more than the limit of 1 rows (read_limits::max_records)"},
               {.max_records = 1}});
  t.push_back({"a file past max_file_size",
               via::json,
               json_with(meeting("a", "2024")),
               thrown::validation_error,
               {"bad.json:2:18: error: the input is longer than the limit of 30 bytes "
                "(read_limits::max_file_size)"},
               {.max_file_size = 30},
               "[diplo.io] cannot read \"{}\": the file is larger than the limit of 30 bytes "
               "(read_limits::max_file_size)"});
  {
    // More than max_diagnostics errors: the reading stops with one more line.
    std::string many;
    std::vector<std::string> expected;
    for (std::size_t i = 0; i <= diplo::io::max_diagnostics; ++i) {
      many += fmt::format("{}{}", i == 0 ? "" : ",\n", meeting(fmt::format("e{}", i), "2024-13"));
      if (i < diplo::io::max_diagnostics) {
        expected.push_back(
            fmt::format("bad.json:{}:{}: error: events[{}].when: \"2024-13\" at column 6: expected a month "
                        "(01-12) or a season (21-24)",
                        5 + i, i < 10 ? 43 : 44, i));
      }
    }
    expected.emplace_back("bad.json: error: too many errors (stopped after 100)");
    t.push_back(
        {"too many errors", via::json, json_with(many), thrown::validation_error, std::move(expected)});
  }
  (void)x;
  return t;
}

// ---- running a row -----------------------------------------------------------------------

struct outcome {
  thrown type = thrown::nothing;
  std::vector<std::string> messages;
  std::optional<diplo::io::document> doc;  // what the strict reader returned, if anything
};

// Runs `f` (which returns a document), classifying what it throws.
auto run(const std::function<diplo::io::document()>& f) -> outcome {
  outcome o;
  try {
    o.doc = f();
  } catch (const diplo::validation_error& e) {
    o.type = thrown::validation_error;
    for (const auto& d : e.diagnostics()) {
      if (d.severity == diplo::severity::error) o.messages.push_back(fmt::format("{}", d));
    }
  } catch (const diplo::error& e) {
    o.type = thrown::error;
    o.messages.emplace_back(e.what());
  }
  return o;
}

// The actors CSV names resolve against (as `diplo convert` resolves them against the
// embedded dataset's).
auto known() -> const diplo::actor_registry& {
  static const diplo::actor_registry r = [] {
    diplo::actor_registry a;
    a.add(diplo::person{.id = diplo::actor_id{"x"}, .name = "Xi Jinping"});
    a.add(diplo::person{.id = diplo::actor_id{"y"}, .name = "Vladimir Putin"});
    return a;
  }();
  return r;
}

auto read(const row& r, std::string_view file) -> diplo::io::document {
  switch (r.reader) {
    case via::jsonl: return diplo::io::read_jsonl(r.input, file, r.limits);
    case via::csv: return diplo::io::read_csv(r.input, file, &known(), nullptr, r.limits);
    default: return diplo::io::read_json(r.input, file, r.limits);
  }
}

auto scratch(std::string_view name) -> fs::path {
  fs::path dir = fs::path(DIPLO_TEST_TMPDIR) / "io_bad_input_test" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void put(const fs::path& p, std::string_view text) { std::ofstream(p, std::ios::binary) << text; }

// A small good timeline, the "previous" value a failed load must leave alone.
auto good_timeline() -> diplo::timeline {
  return diplo::io::build(diplo::io::read_json(json_with(meeting("good", "2020-01-01"))));
}

// The file name a row's diagnostics use, replaced by `path` for the load() variant.
auto renamed(std::vector<std::string> v, std::string_view from, const std::string& to)
    -> std::vector<std::string> {
  for (std::string& s : v) {
    if (s.starts_with(from)) s = to + s.substr(from.size());
  }
  return v;
}

TEST(BadInput, EveryRowFailsExactlyAndLeavesEverythingAsItWas) {
  const diplo::timeline previous = good_timeline();
  const std::string previous_json = diplo::io::to_json(previous);
  const std::string old_output = "the old output, which must survive\n";
  int n = 0;
  for (const row& r : rows()) {
    SCOPED_TRACE(r.name);
    const std::string file = fmt::format("bad{}", extension(r.reader));

    // 1. From text, strictly: the exact type and diagnostics; no document.
    outcome o;
    if (r.reader == via::build) {
      const diplo::io::document doc = diplo::io::read_json(r.input, file, r.limits);  // reads fine
      o = run([&]() -> diplo::io::document {
        (void)diplo::io::build(doc);
        return {};
      });
    } else {
      o = run([&] { return read(r, file); });
      EXPECT_FALSE(o.doc.has_value());
    }
    EXPECT_EQ(o.type, r.type);
    EXPECT_EQ(o.messages, r.expected);

    // 2. Nothing half-loaded: a timeline assigned from the failed load keeps its value.
    diplo::timeline t = previous;
    try {
      t = diplo::io::build(r.reader == via::build ? diplo::io::read_json(r.input, file, r.limits)
                                                  : read(r, file));
    } catch (const diplo::error&) {
    }
    EXPECT_EQ(diplo::io::to_json(t), previous_json);

    // 3. From a file, and into an existing output (what `diplo convert IN OUT` does):
    // the same error, and the output file byte-for-byte unchanged, no stray files.
    const fs::path dir = scratch(fmt::format("row{}", n++));
    const fs::path in = dir / file;
    const fs::path out = dir / "out.json";
    put(in, r.input);
    put(out, old_output);
    const outcome from_file = run([&] {
      diplo::io::document doc = diplo::io::load(in, &known(), r.limits);
      diplo::io::save(out, diplo::io::build(std::move(doc)));
      return diplo::io::document{};
    });
    if (r.load_error.empty()) {
      EXPECT_EQ(from_file.type, r.type);
      EXPECT_EQ(from_file.messages, renamed(r.expected, file, in.string()));
    } else {
      EXPECT_EQ(from_file.type, thrown::error);
      EXPECT_EQ(from_file.messages,
                std::vector<std::string>{fmt::format(fmt::runtime(r.load_error), in.string())});
    }
    EXPECT_EQ(diplo::io::read_text_file(out), old_output);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}), 2);

    // 4. The lenient reader reports the same errors (for the readers' rows) and never
    // throws.
    if (r.reader != via::build) {
      std::vector<diplo::diagnostic> problems;
      diplo::io::document doc;
      switch (r.reader) {
        case via::jsonl: doc = diplo::io::read_jsonl_lenient(r.input, file, problems, r.limits); break;
        case via::csv: doc = diplo::io::read_csv_lenient(r.input, file, &known(), problems, r.limits); break;
        default: doc = diplo::io::read_json_lenient(r.input, file, problems, r.limits); break;
      }
      std::vector<std::string> errors;
      for (const auto& d : problems) {
        if (d.severity == diplo::severity::error) errors.push_back(fmt::format("{}", d));
      }
      EXPECT_EQ(errors, r.expected);
    }
  }
}

// ---- a 1 GB line -------------------------------------------------------------------------

// A sparse file of 1 GiB + 1 byte (no disk used): refused by its size before a byte is
// read, with the limit named; the old output is untouched.
TEST(BadInput, AGigabyteLineIsRefusedByItsSizeAtOnce) {
  const fs::path dir = scratch("gigabyte");
  const fs::path in = dir / "huge.jsonl";
  const fs::path out = dir / "out.json";
  put(out, "old");
  {
    const int fd = ::open(in.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::ftruncate(fd, (off_t{1} << 30) + 1), 0);  // one line of 1 GiB + 1 NUL bytes
    ::close(fd);
  }
  for (const auto& f : std::vector<std::function<void()>>{
           [&] { (void)diplo::io::load(in); },
           [&] { diplo::io::save(out, diplo::io::build(diplo::io::load(in))); },
           [&] { (void)diplo::io::check(in); }, [&] { (void)diplo::io::read_text_file(in); }}) {
    const outcome o = run([&] {
      f();
      return diplo::io::document{};
    });
    EXPECT_EQ(o.type, thrown::error);
    EXPECT_EQ(o.messages, (std::vector<std::string>{fmt::format(
                              "[diplo.io] cannot read \"{}\": the file is larger than the limit of "
                              "1073741824 bytes (read_limits::max_file_size)",
                              in.string())}));
  }
  EXPECT_EQ(diplo::io::read_text_file(out), "old");
  // The limit is the caller's to raise or lower.
  EXPECT_THROW((void)diplo::io::load(in, nullptr, {.max_file_size = 1000}), diplo::error);
  put(dir / "small.json", "{\"diplo\": 1}");
  EXPECT_NO_THROW((void)diplo::io::load(dir / "small.json", nullptr, {.max_file_size = 12}));
  EXPECT_THROW((void)diplo::io::load(dir / "small.json", nullptr, {.max_file_size = 11}), diplo::error);
  fs::remove(in);
}

// ---- no input is quadratic ----------------------------------------------------------------

// Each input below took minutes before the readers and validate() were made linear on it
// (30,000 squared is 9 * 10^8 steps); now each takes a fraction of a second. No timing is
// asserted (timings belong in bench/, machines are shared): the test checks the answers on
// these adversarial inputs, and a quadratic regression shows as a suite that crawls.

TEST(BadInput, NoInputIsQuadratic) {
  constexpr std::size_t n = 30'000;
  // A JSON array of 30,000 copies of one event (same id, people and day): every copy is a
  // duplicate id and a likely duplicate of the others.
  {
    std::string events;
    for (std::size_t i = 0; i < n; ++i) events += (i == 0 ? "" : ",\n") + meeting("a", "2024-05-09");
    const std::string text = json_with(events);
    std::size_t errors = 0;
    std::size_t lines = 0;
    {
      try {
        (void)diplo::io::build(diplo::io::read_json(text, "copies.json"));
      } catch (const diplo::validation_error& e) {
        errors = diplo::diagnostic_count(e.diagnostics(), diplo::severity::error) +
                 diplo::diagnostic_count(e.diagnostics(), diplo::severity::warning);
        lines = e.diagnostics().size();
      }
    }
    EXPECT_GE(errors, n - 1);  // n - 1 duplicate ids, and at most 4 warnings per copy
    EXPECT_LE(errors, 5 * n);
    EXPECT_EQ(lines, 2 * (diplo::max_diagnostics + 1));  // 100 of each kind, and the sums
  }
  // A chain of 30,000 parents: one error per event deeper than max_nesting.
  {
    std::string events = meeting("e0", "2024-05-09");
    for (std::size_t i = 1; i < n; ++i) {
      events +=
          ",\n" + meeting(fmt::format("e{}", i), "2024-05-09", fmt::format(", \"parent\": \"e{}\"", i - 1));
    }
    diplo::timeline_builder b;
    const diplo::io::document doc = diplo::io::read_json(json_with(events), "chain.json");
    std::vector<diplo::diagnostic> found;
    {
      diplo::timeline_builder builder(doc.actors);
      for (std::size_t i = 0; i < doc.events.size(); ++i) builder.add(doc.events[i], doc.origins[i]);
      found = builder.validate();
    }
    EXPECT_EQ(diplo::diagnostic_count(found, diplo::severity::error),
              n - 1 - diplo::timeline_builder::max_nesting);
  }
  // A CSV row naming 30,000 new people whose names all make the id "a" ("a" and two Braille
  // patterns, symbols that ids leave out): a-2, a-3, ... each found at once.
  {
    std::string names;
    auto braille = [](std::size_t k) {  // U+2800 + k, as UTF-8
      const auto c = static_cast<char32_t>(0x2800 + k);
      return std::string{static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                         static_cast<char>(0x80 | (c & 0x3F))};
    };
    for (std::size_t i = 0; i < n; ++i)
      names += fmt::format("{}a{}{}", i == 0 ? "" : ";", braille(i / 256), braille(i % 256));
    const std::string text = std::string(csv_header) + "m,meeting,2024,," + names + "\n";
    std::vector<diplo::diagnostic> problems;
    diplo::io::document doc;
    { doc = diplo::io::read_csv_lenient(text, "names.csv", nullptr, problems); }
    EXPECT_EQ(doc.actors.size(), n);
    EXPECT_TRUE(doc.actors.contains(diplo::actor_id{fmt::format("a-{}", n)}));
    ASSERT_EQ(problems.size(), diplo::io::max_diagnostics + 1);  // the warnings kept, the rest counted
    EXPECT_EQ(fmt::format("{}", problems.back()),
              fmt::format("names.csv: warning: ... and {} more warnings", n - diplo::io::max_diagnostics));
  }
  // 20,000 events each naming another unknown actor, among 2,000 known ones: "did you
  // mean" is asked for the first 100 names only.
  {
    std::string actors;
    for (std::size_t i = 0; i < 2000; ++i) {
      actors += fmt::format("{}{{\"id\": \"p{}\", \"kind\": \"person\", \"name\": \"Person Number {}\"}}",
                            i == 0 ? "" : ", ", i, i);
    }
    std::string events;
    for (std::size_t i = 0; i < 20'000; ++i) {
      events += fmt::format(
          "{}{{\"id\": \"e{}\", \"kind\": \"meeting\", \"when\": \"2024\", "
          "\"participants\": [\"p1\", \"q{}\"]}}",
          i == 0 ? "" : ", ", i, i);
    }
    const std::string text =
        fmt::format("{{\"diplo\": 1, \"actors\": [{}], \"events\": [{}]}}", actors, events);
    std::size_t errors = 0;
    {
      try {
        (void)diplo::io::build(diplo::io::read_json(text, "unknown.json"));
      } catch (const diplo::validation_error& e) {
        errors = diplo::diagnostic_count(e.diagnostics(), diplo::severity::error);
        EXPECT_EQ(e.diagnostics().size(), diplo::max_diagnostics + 1);
      }
    }
    EXPECT_EQ(errors, 20'000U);
  }
  // 30,000 documents of one actor each, merged one after another (as --data a --data b
  // ... does): each merge takes time in proportion to what it adds, not to what is there.
  {
    diplo::io::document all;
    for (std::size_t i = 0; i < n; ++i) {
      diplo::io::document one;
      one.actors.add(
          diplo::person{.id = diplo::actor_id{fmt::format("p{}", i)}, .name = fmt::format("Person {}", i)});
      one.actor_origins.push_back({"one.json", 1, 1});
      diplo::io::merge(all, std::move(one));
    }
    EXPECT_EQ(all.actors.size(), n);
    EXPECT_EQ(all.actor_origins.size(), n);
    EXPECT_EQ(diplo::name_of(all.actors.actors().back()), fmt::format("Person {}", n - 1));
  }
}

// ---- the limits, at their defaults -------------------------------------------------------

TEST(BadInput, DefaultLimits) {
  constexpr read_limits d{};
  EXPECT_EQ(d.max_file_size, std::uint64_t{1} << 30);
  EXPECT_EQ(d.max_line_length, std::size_t{1} << 20);
  EXPECT_EQ(d.max_depth, 64U);
  EXPECT_EQ(d.max_records, 10'000'000U);
  EXPECT_EQ(diplo::timeline_builder::max_nesting, 32U);
  // A JSON Lines line of exactly max_line_length bytes (and a CRLF) is fine; one more is not.
  const std::string line =
      "{\"diplo\": 1, \"dataset\": {\"title\": \"" + std::string(d.max_line_length - 38, 't') + "\"}}";
  ASSERT_EQ(line.size(), d.max_line_length);
  EXPECT_EQ(diplo::io::read_jsonl(line + "\r\n").info.title.size(), d.max_line_length - 38);
  EXPECT_THROW((void)diplo::io::read_jsonl(line + " \n"), diplo::validation_error);
  // Nesting of exactly max_depth is fine (under an unknown key, still an error of its own).
  const std::string nested = std::string(63, '[') + std::string(63, ']');
  try {
    (void)diplo::io::read_json("{\"x\": " + nested + "}", "t.json");
    FAIL() << "no error";
  } catch (const diplo::validation_error& e) {
    EXPECT_EQ(fmt::format("{}", e.diagnostics().at(0)), "t.json:1:2: error: unknown key \"x\"");
  }
}

}  // namespace

// ---- an unknown time zone ------------------------------------------------------------------

// Zones are text to the readers (the core library has no tz database): a document naming an
// unknown zone reads, and diplo::tz::check_zones (run by `diplo validate`) reports it at the
// event's file:line:column, with the close names. The known zone passes.
TEST(BadInput, AnUnknownTimeZoneIsReportedWhereItIsNamed) {
  const std::string text =
      json_with(meeting("a", "2024-05-09", ", \"place\": {\"zone\": \"Europe/Moskva\"}") + ",\n" +
                meeting("b", "2024-05-10", ", \"place\": {\"zone\": \"Europe/Moscow\"}"));
  const diplo::io::document doc = diplo::io::read_json(text, "zones.json");
  ASSERT_EQ(doc.events.size(), 2u);
  const auto found = diplo::tz::check_zones(doc.events, doc.origins);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(fmt::format("{}", found[0]),
            "zones.json:5:3: error: event \"a\": place.zone: unknown time zone \"Europe/Moskva\" "
            "(did you mean \"Europe/Moscow\"?)");
  // Building does not look at zones: the timeline keeps the name as written.
  const diplo::timeline t = diplo::io::build(doc);
  EXPECT_EQ(diplo::base(t.find(diplo::event_id{"a"}).value()).place.zone, "Europe/Moskva");
}
