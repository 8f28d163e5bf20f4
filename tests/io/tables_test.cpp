// SPDX-License-Identifier: MIT
#include <diplo/io/tables.h>

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include <diplo/io/document.h>
#include <diplo/io/file.h>
#include <diplo/io/json.h>
#include <diplo/query.h>

namespace {

const char* const sample = R"({
  "diplo": 1,
  "actors": [
    {"id": "ann", "kind": "person", "name": "Ann, the First", "country": "FR", "wikidata": "Q1"},
    {"id": "ben", "kind": "person", "name": "=Ben", "country": "DE"},
    {"id": "cy", "kind": "person", "name": "Cy"},
    {"id": "un", "kind": "organisation", "name": "United Nations"}
  ],
  "events": [
    {"id": "v1", "kind": "visit", "when": "2025-05-07/2025-05-10", "place": {"city": "Berlin"},
     "guests": ["ann"], "host": "ben", "host_country": "DE", "level": "state",
     "description": "Talks, \"frank\"\nand long.",
     "sources": [{"url": "https://example.org/v1", "publisher": "Example", "published": "2025-05"}]},
    {"id": "s1", "kind": "summit", "when": "2024-10~", "name": "A summit", "host": "ben", "host_country": "DE",
     "attendees": ["ben", "ann"]},
    {"id": "t1", "kind": "meeting", "when": "2025-05-08", "parent": "v1", "participants": ["ann", "ben"], "mode": "phone"},
    {"id": "o1", "kind": "visit", "when": "2022-02-03/..", "guests": ["ann"], "host_country": "FR"}
  ]
})";

auto sample_timeline() -> diplo::timeline {
  return diplo::io::build(diplo::io::read_json(sample, "sample.json"));
}

auto table(const std::vector<diplo::io::table_file>& files, const std::string& name) -> std::string {
  for (const auto& f : files) {
    if (f.name == name) return f.text;
  }
  ADD_FAILURE() << "no table " << name;
  return {};
}

TEST(Tables, EventsHaveTheirWidestDaysAndTheirEdtf) {
  const auto t = sample_timeline();
  const auto files = diplo::io::to_tables(t, diplo::events_with(t, {}, {.calls = true}));
  ASSERT_EQ(files.size(), 4U);
  EXPECT_EQ(files[0].name, "events.csv");
  EXPECT_EQ(table(files, "events.csv"),
            "id,kind,status,earliest,latest,precision,edtf,title,city,country,parent,level,mode,description\n"
            "o1,visit,occurred,2022-02-03,,day,2022-02-03/..,,,FR,,,,\n"
            "s1,summit,occurred,2024-10-01,2024-10-31,month,2024-10~,A summit,,DE,,,,\n"
            "v1,visit,occurred,2025-05-07,2025-05-10,day,2025-05-07/2025-05-10,,Berlin,DE,,state,,"
            "\"Talks, \"\"frank\"\"\nand long.\"\n"
            "t1,meeting,occurred,2025-05-08,2025-05-08,day,2025-05-08,,,,v1,,phone,\n");
}

TEST(Tables, ParticipantsHaveOneRoleEachAndActorsAreThoseNamed) {
  const auto t = sample_timeline();
  const auto files = diplo::io::to_tables(t, diplo::events_with(t, {}, {.calls = true}));
  EXPECT_EQ(table(files, "participants.csv"),
            "event,actor,role\n"
            "o1,ann,guest\n"
            "s1,ben,host\n"  // the host who also attends, once
            "s1,ann,attendee\n"
            "v1,ann,guest\n"
            "v1,ben,host\n"
            "t1,ann,participant\n"
            "t1,ben,participant\n");
  EXPECT_EQ(table(files, "actors.csv"),
            "id,kind,name,country,wikidata\n"
            "ann,person,\"Ann, the First\",FR,Q1\n"
            "ben,person,=Ben,DE,\n");  // Cy and the UN take part in nothing chosen
  EXPECT_EQ(table(files, "sources.csv"),
            "event,url,publisher,title,published\nv1,https://example.org/v1,Example,,2025-05\n");
}

TEST(Tables, FormulasAreGuardedOnlyWhenAsked) {
  const auto t = sample_timeline();
  const auto events = diplo::events_with(t, {});
  EXPECT_NE(table(diplo::io::to_tables(t, events), "actors.csv").find("\nben,person,=Ben,"),
            std::string::npos);
  const auto guarded = diplo::io::to_tables(t, events, {.guard_formulas = true});
  EXPECT_NE(table(guarded, "actors.csv").find("\nben,person,'=Ben,"), std::string::npos);
  EXPECT_NE(table(guarded, "events.csv").find("2022-02-03/..,"), std::string::npos);  // the rest unchanged
}

TEST(Tables, JsonLinesHaveNullForNothing) {
  const auto t = sample_timeline();
  const auto files = diplo::io::to_tables(t, diplo::events_with(t, {}), {.jsonl = true});
  EXPECT_EQ(files[0].name, "events.jsonl");
  const std::string events = table(files, "events.jsonl");
  EXPECT_EQ(
      events.substr(0, events.find('\n')),
      R"({"id": "o1", "kind": "visit", "status": "occurred", "earliest": "2022-02-03", "latest": null, )"
      R"("precision": "day", "edtf": "2022-02-03/..", "title": null, "city": null, "country": "FR", )"
      R"("parent": null, "level": null, "mode": null, "description": null})");
  const std::string people = table(files, "participants.jsonl");
  EXPECT_EQ(people.substr(0, people.find('\n')), R"({"event": "o1", "actor": "ann", "role": "guest"})");
}

TEST(Tables, WriteTablesMakesTheFolderAndReportsWhatItCannotWrite) {
  const auto t = sample_timeline();
  const auto events = diplo::events_with(t, {});
  const auto dir = std::filesystem::temp_directory_path() / "diplo-tables-test" / "nested";
  std::filesystem::remove_all(dir.parent_path());
  diplo::io::write_tables(dir, t, events);
  for (const char* name : {"events.csv", "participants.csv", "actors.csv", "sources.csv"}) {
    EXPECT_EQ(diplo::io::read_text_file(dir / name), table(diplo::io::to_tables(t, events), name));
  }
  const auto file = dir / "events.csv";  // a file where the folder should be
  EXPECT_THROW(diplo::io::write_tables(file / "sub", t, events), diplo::error);
  std::filesystem::remove_all(dir.parent_path());
}

}  // namespace
