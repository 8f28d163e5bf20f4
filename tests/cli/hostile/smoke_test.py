# SPDX-License-Identifier: MIT
"""The harness itself: the tool answers, and a failing answer has exit status 2."""
import unittest

from harness import ToolTest, run


class Harness(ToolTest):
    def test_answers(self):
        r = run("last-meeting", "Xi", "Putin", "--before", "2025-05-07")
        self.assertEqual(r.rc, 0, r.err)
        self.assertIn("22 October 2024", r.out)

    def test_bad_usage_is_2(self):
        r = run("last-meeting", "Xi", "Nobody-at-all")
        self.assertEqual(r.rc, 2)
        self.assertTrue(r.err.startswith("diplo: unknown name"), r.err)


if __name__ == "__main__":
    unittest.main()
