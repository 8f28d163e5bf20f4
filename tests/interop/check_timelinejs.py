#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Renders a TimelineJS 3 export with the real TimelineJS in headless Chromium, offline.

  /usr/bin/python3 tests/interop/check_timelinejs.py JSON DIST [--slides N] [--shot PNG]

JSON is what `diplo export timelinejs` wrote; DIST the `dist/` folder of npm's
@knight-lab/timelinejs. Writes a page (in a temporary folder) that loads DIST's timeline.js and
timeline.css from disk and calls `new TL.Timeline(element, data)`, has Chromium
(/usr/bin/chromium, headless) run it and print the DOM, then checks that TimelineJS made the
title slide and one slide per event, each with the headline of its event, in order.
--slides N: the JSON has N events. --shot PNG: also keep a screenshot, to look at.
Exit 0 when all holds, 1 with the problems listed otherwise, 2 when Chromium is missing."""
import html
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile


def chromium(args, page):
    exe = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(exe):
        print("check_timelinejs.py: Chromium is missing: apt-get install chromium (scripts/test does)",
              file=sys.stderr)
        sys.exit(2)
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--no-first-run", "--virtual-time-budget=15000", *args, page.as_uri()]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False).stdout


def main(argv):
    source, dist, want, shot = pathlib.Path(argv[0]).resolve(), pathlib.Path(argv[1]).resolve(), None, None
    rest = iter(argv[2:])
    for a in rest:
        if a == "--slides":
            want = int(next(rest))
        elif a == "--shot":
            shot = pathlib.Path(next(rest)).resolve()
    data = json.loads(source.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        return check(source, dist, data, want, shot, pathlib.Path(folder) / "timeline.html")


def check(source, dist, data, want, shot, page):
    page.write_text(
        '<!doctype html><html><head><meta charset="utf-8">'
        f'<link rel="stylesheet" href="{(dist / "css" / "timeline.css").as_uri()}">'
        f'<script src="{(dist / "js" / "timeline.js").as_uri()}"></script></head><body>'
        '<div id="timeline" style="width: 1200px; height: 700px"></div>'
        f"<script>window.timeline = new TL.Timeline('timeline', {json.dumps(data)});</script>"
        "</body></html>", encoding="utf-8")
    dom = chromium(["--dump-dom"], page)
    problems = []
    slides = len(re.findall(r'<div class="tl-slide"', dom))
    if 'tl-slide-titleslide' not in dom:
        problems.append("no title slide")
    if slides != len(data["events"]):
        problems.append(f"{slides} event slides in the page for {len(data['events'])} events in the JSON")
    if want is not None and len(data["events"]) != want:
        problems.append(f"{len(data['events'])} events in the JSON, expected {want}")
    shown = [html.unescape(h) for h in re.findall(r'<h2 class="tl-headline">([^<]*)</h2>', dom)]
    expected = [html.unescape(e["text"]["headline"]) for e in data["events"]]
    if shown[:len(expected)] != expected:
        problems.append(f"the slides' headlines differ from the events': first {shown[:2]} for {expected[:2]}")
    if shot is not None:
        chromium(["--window-size=1200,700", f"--screenshot={shot}"], page)
    for p in problems:
        print(f"check_timelinejs.py: {source}: {p}", file=sys.stderr)
    if not problems:
        print(f"check_timelinejs.py: {source}: TimelineJS made the title slide and {slides} event slides")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
