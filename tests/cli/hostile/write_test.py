# SPDX-License-Identifier: MIT
"""`diplo convert IN OUT` writing OUT: under a file-size limit, over a file its user may not
write, through symbolic links, over hard links, with the longest names (issue 19, items 2,
10 and 22). A failed write exits 2 with a clear message, leaves OUT byte-for-byte as it was
and no temporary file behind."""
import json
import os
import unittest

from harness import NOBODY, SOURCE_DIR, ToolTest, run

DATA = SOURCE_DIR / "data" / "xi-putin.json"  # about 90 KB of JSON


class Write(ToolTest):
    def setUp(self):
        super().setUp()
        os.chmod(self.dir, 0o777)  # for the runs as NOBODY

    def old_out(self, name="out.jsonl", content=b"old content\n", mode=0o644):
        out = self.write(name, content)
        os.chmod(out, mode)
        return out

    def test_file_size_limit(self):
        # ulimit -f: not killed by SIGXFSZ (exit 153 in a shell), the write fails cleanly.
        out = self.old_out()
        r = run("convert", str(DATA), str(out), fsize_limit=8192)
        self.assertEqual(r.rc, 2, r.err)
        self.assertIn(f'diplo: [diplo.io] cannot write "{out}": File too large', r.err)
        self.assertEqual(out.read_bytes(), b"old content\n")
        self.assertNoTempFiles()

    def test_file_size_limit_on_stdout_does_not_kill(self):
        # Other writes under the limit fail with EFBIG rather than end the tool by SIGXFSZ.
        r = run("meetings", "Xi", "Putin", stdout=str(self.dir / "answer.txt"), fsize_limit=512)
        self.assertGreaterEqual(r.rc, 0, f"killed by signal {-r.rc}")

    def test_refuses_a_file_its_user_may_not_write(self):
        # A 0444 file in a writable folder: cp refuses it. (Root may write any file, so the
        # tool runs as "nobody" when the tests run as root.)
        out = self.old_out(mode=0o444)
        r = run("convert", str(DATA), str(out), as_user=NOBODY)
        self.assertEqual(r.rc, 2, r.err)
        self.assertIn(f'cannot write "{out}": Permission denied', r.err)
        self.assertEqual(out.read_bytes(), b"old content\n")
        self.assertEqual(os.stat(out).st_mode & 0o7777, 0o444)
        self.assertNoTempFiles()

    def test_keeps_mode_and_owner(self):
        out = self.old_out(mode=0o640)
        owner = NOBODY if os.geteuid() == 0 else os.geteuid()
        if os.geteuid() == 0:
            os.chown(out, NOBODY, NOBODY)
        r = run("convert", str(DATA), str(out))
        self.assertEqual(r.rc, 0, r.err)
        st = os.stat(out)
        self.assertEqual(st.st_mode & 0o7777, 0o640)
        self.assertEqual(st.st_uid, owner)
        self.assertNotEqual(out.read_bytes(), b"old content\n")
        self.assertNoTempFiles()

    def test_writes_through_a_symlink(self):
        (self.dir / "real").mkdir()
        target = self.old_out("real/target.json")
        link = self.dir / "out.json"
        link.symlink_to("real/target.json")
        r = run("convert", str(DATA), str(link))
        self.assertEqual(r.rc, 0, r.err)
        self.assertTrue(link.is_symlink(), "the link was replaced by a file")
        self.assertEqual(os.readlink(link), "real/target.json")
        self.assertEqual(json.loads(target.read_bytes())["diplo"], 1)
        self.assertNoTempFiles()
        self.assertNoTempFiles(self.dir / "real")

    def test_refuses_to_break_hard_links(self):
        out = self.old_out()
        os.link(out, self.dir / "other.jsonl")
        r = run("convert", str(DATA), str(out))
        self.assertEqual(r.rc, 2, r.err)
        self.assertIn(f'cannot write "{out}": it has 2 hard links', r.err)
        self.assertEqual(out.read_bytes(), b"old content\n")
        self.assertEqual(os.stat(out).st_nlink, 2)
        self.assertNoTempFiles()

    def test_longest_names(self):
        # The temporary name is longer than OUT's; it is shortened to fit 255 bytes.
        for length in (254, 255):
            out = self.dir / ("n" * (length - 6) + ".jsonl")
            r = run("convert", str(DATA), str(out))
            self.assertEqual(r.rc, 0, r.err)
            self.assertTrue(out.read_bytes().startswith(b'{"diplo"'), out.read_bytes()[:40])
        self.assertNoTempFiles()


if __name__ == "__main__":
    unittest.main()
