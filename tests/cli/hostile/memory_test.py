# SPDX-License-Identifier: MIT
"""Out of memory (issue 19, item 7): under an address-space limit (RLIMIT_AS, `ulimit -v`)
the tool says so, "[diplo.io] out of memory reading "FILE"" while reading a file and
"diplo: out of memory" elsewhere, with exit status 2: never "empty input", simdjson's
"Error allocating memory", a raw "std::bad_alloc" or a signal.

Each test runs the tool at a sweep of limits, from too small to read anything to enough
for the whole answer, so that every place a large allocation can fail is met whatever the
build. Skipped under AddressSanitizer and ThreadSanitizer, which cannot run under RLIMIT_AS."""
import json
import re
import unittest

from harness import ToolTest, run, sanitized

MB = 1 << 20
CLEAR = re.compile(r'^diplo: (\[diplo\.io\] out of memory reading "[^"]+"|out of memory)$')
PEOPLE = [{"id": "a", "kind": "person", "name": "Ann Example"},
          {"id": "b", "kind": "person", "name": "Ben Example"}]


@unittest.skipIf(sanitized(), "the tool is built with a sanitizer, which cannot run under RLIMIT_AS")
class OutOfMemory(ToolTest):
    def sweep(self, data, limits_mb):
        """The distinct failure messages of `last-meeting Ann Ben` over `data` at each limit;
        fails on a signal or an unclear message, and when no limit is enough."""
        seen = set()
        answered = False
        for mb in limits_mb:
            r = run("--data", str(data), "last-meeting", "Ann", "Ben", as_limit=mb * MB)
            self.assertGreaterEqual(r.rc, 0, f"killed by signal {-r.rc} at {mb} MB")
            if r.rc in (0, 1):
                answered = True  # more memory changes nothing
                break
            last = r.err.rstrip("\n").split("\n")[-1]
            self.assertRegex(last, CLEAR, f"at {mb} MB")
            seen.add(last.replace(str(data), "FILE"))
        self.assertTrue(answered, "no limit was enough to answer")
        return seen

    def test_reading_a_large_file(self):
        # 64 MB of JSON: reading it, simdjson's padded copy and its parser's buffers each
        # fail at some limit (the copy failing was reported as "empty input").
        big = self.write("big.json", json.dumps({"diplo": 1, "actors": PEOPLE, "events": []})[:-1]
                         + " " * (64 * MB) + "}\n")
        seen = self.sweep(big, range(16, 1024, 24))
        self.assertIn('diplo: [diplo.io] out of memory reading "FILE"', seen)

    def test_after_reading(self):
        # 100,000 meetings (8 MB of JSON Lines): read, then the timeline built and queried,
        # where a failed allocation is no longer the reader's ("diplo: out of memory").
        lines = [json.dumps({"diplo": 1})] + [json.dumps(p) for p in PEOPLE]
        lines += [json.dumps({"id": f"m{i}", "kind": "meeting",
                              "when": f"{1000 + i // 336:04d}-{1 + i % 336 // 28:02d}-{1 + i % 28:02d}",
                              "participants": ["a", "b"]}) for i in range(100000)]
        many = self.write("many.jsonl", "\n".join(lines) + "\n")
        seen = self.sweep(many, range(16, 1024, 8))
        self.assertIn("diplo: out of memory", seen)
        self.assertIn('diplo: [diplo.io] out of memory reading "FILE"', seen)


if __name__ == "__main__":
    unittest.main()
