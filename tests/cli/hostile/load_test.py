# SPDX-License-Identifier: MIT
"""Loading data: files that are not regular files, many files at once, floods of errors.

Every --data file (and every file of an Office of the Historian folder) is read only when it
is a regular file: a FIFO, a device or a link to one is refused at once, never waited on or
read without end. Merging many files takes time in proportion to their size. However many
problems a file has, at most 100 of each kind are printed, then "... and N more"."""
import json
import os
import unittest

from harness import SOURCE_DIR, ToolTest, run

HIST = SOURCE_DIR / "data" / "historyatstate"


def person(pid: str, name: str) -> dict:
    return {"id": pid, "kind": "person", "name": name}


def meeting(eid: str, a: str, b: str, when: str = "2024-05-09") -> dict:
    return {"id": eid, "kind": "meeting", "when": when, "participants": [a, b],
            "sources": [{"url": "https://example.org/" + eid}]}


def document(actors: list, events: list) -> str:
    return json.dumps({"diplo": 1, "actors": actors, "events": events})


class NotRegularFiles(ToolTest):
    def test_a_fifo_is_refused_not_waited_on(self):
        fifo = self.dir / "events.json"
        os.mkfifo(fifo)
        r = run("--data", str(fifo), "last-meeting", "Xi", "Putin", timeout=20)
        self.assertEqual(r.rc, 2, r.err)
        self.assertEqual(r.err, f'diplo: [diplo.io] cannot read "{fifo}": not a regular file (a FIFO)\n')

    def test_a_link_to_dev_zero_is_refused_before_it_is_read(self):
        link = self.dir / "events.csv"
        link.symlink_to("/dev/zero")
        r = run("--data", str(link), "last-meeting", "Xi", "Putin", timeout=20)
        self.assertEqual(r.rc, 2, r.err)
        self.assertIn("not a regular file (a character device)", r.err)
        r = run("validate", str(link), timeout=20)
        self.assertEqual(r.rc, 2, r.err)
        self.assertIn("not a regular file (a character device)", r.out)

    def test_a_sparse_file_over_the_limit_is_refused_by_its_size(self):
        big = self.dir / "big.jsonl"
        with open(big, "wb") as f:
            f.truncate((1 << 30) + 1)  # holes: no disk used
        r = run("--data", str(big), "last-meeting", "Xi", "Putin", timeout=20)
        self.assertEqual(r.rc, 2, r.err)
        self.assertIn("the file is larger than the limit of 1073741824 bytes", r.err)

    def historian_folder(self, name: str):
        """A folder of the Office of the Historian's layout: the repository's tables and
        presidents.xml linked, and empty dataset folders."""
        d = self.dir / name
        for sub in ("curation", "visits", "travels/presidents", "travels/president-travels",
                    "travels/secretary-travels"):
            (d / sub).mkdir(parents=True)
        for rel in ("curation/countries.csv", "curation/titles.csv", "curation/levels.csv",
                    "curation/aliases.csv", "travels/presidents/presidents.xml"):
            (d / rel).symlink_to(HIST / rel)
        return d

    def test_the_importer_refuses_a_fifo_and_a_link_to_dev_zero(self):
        d = self.historian_folder("fifo")
        (d / "curation/titles.csv").unlink()
        os.mkfifo(d / "curation/titles.csv")
        r = run("--data", str(d), "visits", "--guest", "Obama", timeout=20)
        self.assertEqual(r.rc, 2, r.err)
        self.assertIn(f'cannot read "{d}/curation/titles.csv": not a regular file (a FIFO)', r.err)

        d = self.historian_folder("zero")
        (d / "visits/2020.xml").symlink_to("/dev/zero")
        r = run("import-report", str(d), timeout=20)
        self.assertEqual(r.rc, 2, r.err)
        self.assertIn(f'cannot read "{d}/visits/2020.xml": not a regular file (a character device)',
                      r.err)


class ManyFiles(ToolTest):
    def test_csv_names_resolve_against_the_files_before_then_the_embedded_actors(self):
        # a.json redefines the embedded Putin (an alias more) and adds Ann Lee; b.csv names
        # both by name, and Xi (embedded only).
        a = self.write("a.json", document(
            [{"id": "vladimir-putin", "kind": "person", "name": "Vladimir Putin",
              "aliases": ["VVP"]}, person("ann-lee", "Ann Lee")], []))
        b = self.write("b.csv", "id,kind,start,participants\n"
                                "m1,bilateral_meeting,2031-01-02,VVP;Ann Lee\n"
                                "m2,bilateral_meeting,2031-02-03,Xi Jinping;Ann Lee\n")
        r = run("--data", str(a), "--data", str(b), "meetings", "Ann Lee", "VVP", "--json")
        self.assertEqual(r.rc, 0, r.err)
        answer = json.loads(r.out)
        self.assertEqual(answer["names"]["vladimir-putin"], "Vladimir Putin")
        self.assertEqual(answer["names"]["ann-lee"], "Ann Lee")
        r = run("--data", str(a), "--data", str(b), "last-meeting", "Ann Lee", "xi-jinping")
        self.assertEqual(r.rc, 0, r.err)
        self.assertIn("3 February 2031", r.out)
        self.assertEqual(r.err, "")  # no name was unknown: no "added as a new person"

    def test_many_files_load_in_linear_time(self):
        # 1,500 files of 100 actors each: merging them one after another took minutes when
        # each file copied everything merged before it (500 such files took 28 s, so these
        # about 4 minutes); now seconds. The timeout below is the test: no timing is
        # asserted otherwise.
        args = []
        for f in range(1500):
            actors = [person(f"p{f}-{k}", f"Person {f} {k}") for k in range(100)]
            events = [meeting(f"m{f}", f"p{f}-0", f"p{f}-1", f"20{f % 30 + 10}-01-01")]
            args += ["--data", str(self.write(f"f{f}.json", document(actors, events)))]
        r = run(*args, "last-meeting", "p1499-0", "p1499-1", timeout=120)
        self.assertEqual(r.rc, 0, r.err)
        self.assertIn("1 January 2039", r.out)  # 20{1499 % 30 + 10}


class Floods(ToolTest):
    def test_thirty_thousand_duplicate_ids_print_a_few_hundred_lines(self):
        n = 30_000
        events = [meeting("same", "xi-jinping", "vladimir-putin") for _ in range(n)]
        actors = [person("xi-jinping", "Xi Jinping"), person("vladimir-putin", "Vladimir Putin")]
        path = self.write("dup.json", document(actors, events))
        r = run("--data", str(path), "last-meeting", "Xi", "Putin")
        self.assertEqual(r.rc, 2, r.err)
        lines = r.err.splitlines()
        self.assertEqual(lines[0], f"diplo: the data has {n - 1} errors:")
        self.assertLessEqual(len(lines), 1 + 2 * 101)
        self.assertIn(f"{path}: error: ... and {n - 1 - 100} more errors", lines)
        self.assertTrue(lines[-1].startswith(f"{path}: warning: ... and "), lines[-1])
        # validate: the same cap, and the summary line counts them all.
        r = run("validate", str(path))
        self.assertEqual(r.rc, 2, r.err)
        lines = r.out.splitlines()
        self.assertLessEqual(len(lines), 2 * 101 + 1)
        self.assertIn(f"{path}: error: ... and {n - 1 - 100} more errors", lines)
        self.assertTrue(lines[-1].startswith(f"{path}: {n - 1} errors, "), lines[-1])

    def test_an_ambiguous_name_lists_ten_candidates(self):
        n = 30_000
        actors = [person(f"smith-{k}", "John Smith") for k in range(n)]
        path = self.write("smiths.json", document(actors, []))
        r = run("--data", str(path), "last-meeting", "Smith", "smith-1")
        self.assertEqual(r.rc, 2, r.err)
        lines = r.err.splitlines()
        self.assertEqual(lines[0], 'diplo: "Smith" is ambiguous; it may mean:')
        self.assertEqual(lines[1:11], [f"  John Smith (smith-{k})" for k in range(10)])
        self.assertEqual(lines[11:], [f"  ... and {n - 10} more", "(give a fuller name, or an id)"])

    def test_csv_warnings_stop_at_a_hundred(self):
        rows = "".join(f"m{k},bilateral_meeting,2030-01-01,Xi Jinping;Newcomer {k}\n"
                       for k in range(500))
        path = self.write("new.csv", "id,kind,start,participants\n" + rows)
        r = run("--data", str(path), "last-meeting", "Xi", "Newcomer 7")
        self.assertEqual(r.rc, 0, r.err)
        lines = r.err.splitlines()
        self.assertEqual(len(lines), 101)
        self.assertEqual(lines[-1], f"{path}: warning: ... and 400 more warnings")

    def test_build_warnings_stop_at_a_hundred_per_file(self):
        # 300 talks among the same two people on the same day, each id its own: likely duplicates.
        events = [meeting(f"t{k}", "xi-jinping", "vladimir-putin") for k in range(300)]
        actors = [person("xi-jinping", "Xi Jinping"), person("vladimir-putin", "Vladimir Putin")]
        path = self.write("likely.json", document(actors, events))
        r = run("--data", str(path), "last-meeting", "Xi", "Putin")
        self.assertEqual(r.rc, 0, r.err)
        lines = r.err.splitlines()
        self.assertEqual(len(lines), 101)
        self.assertRegex(lines[-1], rf"^{path}: warning: \.\.\. and [0-9]+ more warnings$")


if __name__ == "__main__":
    unittest.main()
