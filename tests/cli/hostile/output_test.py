# SPDX-License-Identifier: MIT
"""What reaches the terminal: no abort when stderr is full, no exit 0 with a lost answer,
no raw control or bidi characters from the data, tables in time (and bytes) in proportion
to their text."""
import json
import unittest

from harness import ToolTest, run

# Names that act on a terminal: set its title, clear the screen, overwrite the line, a
# C1 control (CSI), and a right-to-left override that renders "Vladimir \u202eniTuP" as
# "Vladimir PuTin".
HOSTILE = {
    "title": "Ann \u001b]0;pwned\u0007 Title",
    "clear": "Ben \u001b[2J Clear",
    "cr": "Cat\rOverwritten",
    "csi": "Dan \u009b31m Red",
    "bidi": "Vladimir \u202eniTuP",
    "newline": "Eve\nXi Jinping and Vladimir Putin last met in person: 1 April 2030.",
}
RAW = [b"\x1b", b"\x07", b"\r", "\u009b".encode(), "\u202e".encode()]


def dataset(actors, events):
    return json.dumps({"diplo": 1, "dataset": {"title": "hostile"},
                       "actors": actors, "events": events}, ensure_ascii=False)


def meeting(i, a, b, when, city="Geneva"):
    return {"id": f"m{i}", "kind": "meeting", "when": when, "participants": [a, b],
            "mode": "in_person", "place": {"city": city, "country": "CH"},
            "sources": [{"url": "https://example.org/" + str(i)}]}


class FullDevices(ToolTest):
    def test_error_with_stderr_full_exits_2_without_abort(self):
        r = run("last-meeting", "Xi", "Nobody-at-all", stderr="/dev/full")
        self.assertEqual(r.rc, 2)

    def test_usage_error_with_stderr_full_exits_2(self):
        r = run("last-meeting", "--no-such-option", stderr="/dev/full")
        self.assertEqual(r.rc, 2)

    def test_answer_lost_on_full_stdout_exits_2(self):
        for extra in ([], ["--json"]):
            r = run("last-meeting", "Xi", "Putin", *extra, stdout="/dev/full")
            self.assertEqual(r.rc, 2, extra)
            self.assertIn("diplo: cannot write to standard output: No space left on device", r.err)

    def test_both_full_exits_2(self):
        r = run("last-meeting", "Xi", "Putin", stdout="/dev/full", stderr="/dev/full")
        self.assertEqual(r.rc, 2)

    def test_help_to_full_stdout_is_a_failure(self):
        r = run("--help", stdout="/dev/full")
        self.assertEqual(r.rc, 2)

    def test_answer_written_exits_0(self):
        out = self.dir / "answer.txt"
        r = run("last-meeting", "Xi", "Putin", stdout=str(out))
        self.assertEqual(r.rc, 0, r.err)
        self.assertIn(b"last met", out.read_bytes())


class TerminalBytes(ToolTest):
    def setUp(self):
        super().setUp()
        actors = [{"id": k, "kind": "person", "name": v, "country": "FR"} for k, v in HOSTILE.items()]
        actors.append({"id": "zed", "kind": "person", "name": "Zed", "country": "DE"})
        events = [meeting(i, k, "zed", f"2024-0{i + 1}-01", city="Gen\u001b[5mva")
                  for i, k in enumerate(HOSTILE)]
        self.data = self.write("hostile.json", dataset(actors, events))

    def assertTerminalSafe(self, r):
        for b in RAW:
            self.assertNotIn(b, r.stdout, f"raw {b!r} on stdout")
            self.assertNotIn(b, r.stderr, f"raw {b!r} on stderr")

    def test_names_in_sentences_and_tables_are_escaped(self):
        for args in (["meetings", "zed", "bidi"], ["contacts", "zed"], ["last-meeting", "zed", "title"],
                     ["last-meeting", "zed", "newline"], ["where", "clear", "2024-02-01"],
                     ["on", "2024-03-01"]):
            r = run("--data", str(self.data), *args)
            self.assertEqual(r.rc, 0, (args, r.err))
            self.assertTerminalSafe(r)
        r = run("--data", str(self.data), "meetings", "zed", "bidi")
        self.assertIn("Vladimir \\u202eniTuP", r.out)
        r = run("--data", str(self.data), "last-meeting", "zed", "newline")
        self.assertIn("Eve\\u000aXi Jinping", r.out)
        self.assertNotIn("\nXi Jinping and Vladimir Putin last met", r.out)

    def test_unknown_name_argument_is_escaped_in_the_error(self):
        r = run("--data", str(self.data), "last-meeting", "zed", "\u001b]0;x\u0007")
        self.assertEqual(r.rc, 2)
        self.assertTerminalSafe(r)
        self.assertIn("\\u001b]0;x\\u0007", r.err)

    def test_json_stays_json_with_the_names_as_recorded(self):
        r = run("--data", str(self.data), "meetings", "zed", "bidi", "--json")
        self.assertEqual(r.rc, 0, r.err)
        self.assertTerminalSafe(r)
        doc = json.loads(r.out)
        self.assertEqual(doc["names"]["bidi"], HOSTILE["bidi"])


class Tables(ToolTest):
    def test_a_huge_cell_does_not_pad_every_row(self):
        city = "X" * 20000
        actors = [{"id": f"p{i}", "kind": "person", "name": f"Person {i}", "country": "FR"}
                  for i in range(200)]
        actors.append({"id": "zed", "kind": "person", "name": "Zed", "country": "DE"})
        events = [meeting(i, f"p{i}", "zed", f"2020-01-{1 + i % 28:02d}",
                          city=city if i == 0 else "Geneva") for i in range(200)]
        data = self.write("wide.json", dataset(actors, events))
        r = run("--data", str(data), "contacts", "zed")
        self.assertEqual(r.rc, 0, r.err)
        self.assertIn(city, r.out)  # printed whole, once
        # 200 rows of short cells and one 20,000-byte cell: about 30 KB, not 200 x 20 KB.
        self.assertLess(len(r.stdout), 60000)
        lines = r.out.splitlines()
        short = [len(l) for l in lines if city not in l and "Person" in l]
        self.assertLess(max(short), 200)

    def test_wide_and_combining_characters_line_up(self):
        actors = [{"id": "zed", "kind": "person", "name": "Zed", "country": "DE"},
                  # q + combining tilde: no precomposed form, so it stays two code points in NFC
                  {"id": "erdogan-nfd", "kind": "person", "name": "Recep Erdoq\u0303an", "country": "TR"},
                  {"id": "xi", "kind": "person", "name": "习近平", "country": "CN"},
                  {"id": "plain", "kind": "person", "name": "Recep Erdogan-x", "country": "TR"}]
        events = [meeting(i, a, "zed", f"2020-01-0{i + 1}") for i, a in
                  enumerate(["erdogan-nfd", "xi", "plain"])]
        data = self.write("align.json", dataset(actors, events))
        r = run("--data", str(data), "contacts", "zed")
        self.assertEqual(r.rc, 0, r.err)
        rows = [l for l in r.out.splitlines() if "Recep" in l or "习" in l]
        self.assertEqual(len(rows), 3, r.out)
        # The "times" column starts at the same terminal column in every row.
        def column_of_count(line):
            head = line.split("  1  ")[0]
            return sum(2 if "\u4e00" <= ch <= "\u9fff" else 0 if "\u0300" <= ch <= "\u036f" else 1
                       for ch in head)
        self.assertEqual(len({column_of_count(l) for l in rows}), 1, r.out)


if __name__ == "__main__":
    unittest.main()
