#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Checks the timeline picture of `diplo export svg` or `html`: well-formed, and drawn.

  /usr/bin/python3 tests/interop/check_chart.py FILE [--events N] [--shot PNG]

An .svg file must be well-formed XML (xmllint --noout, Debian's libxml2-utils). Either file
is then opened in Debian's headless Chromium, offline, and its DOM after rendering is
checked: one mark per event (N distinct data-event ids, each mark with a shape), a legend
of the five kinds, the footer; an .html page also has a table row per event. --shot PNG
keeps a screenshot of the whole picture, to look at (the README's images are made so).
Exit 0 when all holds, 1 with the problems listed otherwise, 2 when a tool is missing."""
import os
import pathlib
import re
import shutil
import subprocess
import sys


def tool(name):
    exe = shutil.which(name) or f"/usr/bin/{name}"
    if not os.path.exists(exe):
        print(f"check_chart.py: {name} is missing (Debian: chromium, libxml2-utils; scripts/test installs them)",
              file=sys.stderr)
        sys.exit(2)
    return exe


def chromium(args, path):
    cmd = [tool("chromium"), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--no-first-run", "--virtual-time-budget=5000", *args, path.as_uri()]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False).stdout


def main(argv):
    path, want, shot = pathlib.Path(argv[0]).resolve(), None, None
    rest = iter(argv[1:])
    for a in rest:
        if a == "--events":
            want = int(next(rest))
        elif a == "--shot":
            shot = pathlib.Path(next(rest)).resolve()
    problems = []
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".svg":
        r = subprocess.run([tool("xmllint"), "--noout", str(path)], capture_output=True, text=True, check=False)
        if r.returncode != 0:
            problems.append(f"not well-formed XML: {r.stderr.strip()[:300]}")
    dom = chromium(["--dump-dom"], path)
    if "<svg" not in dom:
        problems.append("Chromium showed no picture")
    marks = re.findall(r'<g class="mark (\w+)" data-event="([^"]*)">(.*?)</g>', dom, re.S)
    ids = {m[1] for m in marks}
    if want is not None and len(ids) != want:
        problems.append(f"marks for {len(ids)} events, expected {want}")
    if not marks:
        problems.append("no marks")
    for kind, event, body in marks:
        if not re.search(r"<(rect|circle|path)\b", body):
            problems.append(f"the mark of {event} has no shape")
            break
    for kind in ("visit", "summit", "meeting", "call", "ceremony"):
        if f">{kind}</text>" not in dom:
            problems.append(f"no {kind} in the legend")
    if "drawn by diplo" not in dom:
        problems.append("no footer")
    if path.suffix == ".html":
        rows = len(re.findall(r'<tr id="event-', dom))
        if want is not None and rows != want:
            problems.append(f"{rows} rows in the table, expected {want}")
    if shot is not None:
        height = re.search(r'<svg[^>]* height="(\d+)"', text)
        size = f"1200,{int(height.group(1)) + (16 if path.suffix == '.svg' else 80)}" if height else "1200,900"
        chromium([f"--window-size={size}", "--hide-scrollbars", f"--screenshot={shot}"], path)
    for p in problems:
        print(f"check_chart.py: {path}: {p}", file=sys.stderr)
    if not problems:
        print(f"check_chart.py: {path}: {len(marks)} marks for {len(ids)} events, drawn")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
