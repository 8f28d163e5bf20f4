# SPDX-License-Identifier: MIT
"""What the hostile-environment tests of the diplo tool share.

Each `*_test.py` beside this file is one ctest test (`cli.hostile.<name>`, registered by
tests/cli/cli-tests.cmake) that runs the tool as a hostile but realistic user would: with
stderr on a full device, under a file-size limit, on FIFOs and read-only files, with names
made of terminal escapes. They check exit statuses, signals, the bytes written and the
state of files, which tests/cli/run.cmake cannot.

The environment gives the tool (DIPLO_EXE) and the repository (DIPLO_SOURCE_DIR).
"""
from __future__ import annotations

import os
import resource
import subprocess
import tempfile
import unittest
from dataclasses import dataclass
from pathlib import Path

EXE = os.environ.get("DIPLO_EXE", "")
SOURCE_DIR = Path(os.environ.get("DIPLO_SOURCE_DIR", Path(__file__).resolve().parents[3]))
CLI_DATA = SOURCE_DIR / "tests" / "cli" / "data"


@dataclass
class Result:
    rc: int  # the exit status; -N when killed by signal N
    stdout: bytes
    stderr: bytes

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8", "replace")

    @property
    def err(self) -> str:
        return self.stderr.decode("utf-8", "replace")


NOBODY = 65534  # the unprivileged user (and group) tests run the tool as when they are root


def sanitized() -> bool:
    """Whether the tool is built with AddressSanitizer or ThreadSanitizer, which reserve
    terabytes of address space and so cannot run under an address-space limit."""
    data = Path(EXE).read_bytes() if EXE else b""
    return b"__asan_init" in data or b"__tsan_init" in data


def run(*args: str, stdin: bytes | None = None, stdout=None, stderr=None,
        fsize_limit: int | None = None, as_limit: int | None = None,
        as_user: int | None = None, cwd: str | Path | None = None,
        timeout: float = 120, env: dict | None = None) -> Result:
    """Runs the tool with `args`. `stdout`/`stderr`, when given, are paths (such as
    /dev/full) the stream is opened on instead of a pipe; `fsize_limit` sets RLIMIT_FSIZE
    (bytes) in the child, as `ulimit -f` does; `as_limit` sets RLIMIT_AS (bytes, as
    `ulimit -v` does; see `sanitized`); `as_user`, when the tests run as root, runs the
    tool as that user and group (e.g. NOBODY), for what root's privileges would hide."""

    def limit():
        if fsize_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize_limit, fsize_limit))
        if as_limit is not None:
            resource.setrlimit(resource.RLIMIT_AS, (as_limit, as_limit))
        if as_user is not None and os.geteuid() == 0:
            os.setgroups([])
            os.setgid(as_user)
            os.setuid(as_user)

    files = []
    try:
        out = subprocess.PIPE
        err = subprocess.PIPE
        if stdout is not None:
            out = open(stdout, "wb")
            files.append(out)
        if stderr is not None:
            err = open(stderr, "wb")
            files.append(err)
        p = subprocess.run([EXE, *args], input=stdin, stdout=out, stderr=err, cwd=cwd,
                           timeout=timeout, preexec_fn=limit,
                           env={**os.environ, **(env or {})})
        return Result(p.returncode, p.stdout or b"", p.stderr or b"")
    finally:
        for f in files:
            f.close()


class ToolTest(unittest.TestCase):
    """A test case with a fresh scratch folder, `self.dir`, removed afterwards."""

    def setUp(self):
        if not EXE:
            self.skipTest("DIPLO_EXE is not set")
        self._tmp = tempfile.TemporaryDirectory(prefix="diplo-hostile-")
        self.dir = Path(self._tmp.name)

    def tearDown(self):
        self._tmp.cleanup()

    def write(self, name: str, content: str | bytes) -> Path:
        p = self.dir / name
        p.write_bytes(content.encode() if isinstance(content, str) else content)
        return p

    def assertNoTempFiles(self, folder: Path | None = None):
        left = [p.name for p in (folder or self.dir).iterdir() if ".tmp-" in p.name]
        self.assertEqual(left, [], "temporary files left behind")
