#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""An independent check of an iCalendar file with Debian's python3-icalendar.

  /usr/bin/python3 tests/interop/check_ics.py FILE [--events N] [--expect UID=START/END]...

Checks what RFC 5545 asks of a plain export (after ../shared/docs/interop-examples/check_ics.py):
every line ends with CRLF and holds at most 75 octets; VERSION 2.0 and PRODID; each VEVENT has
UID, DTSTAMP and DTSTART, a DTEND after its DTSTART of the same value type, a VTIMEZONE for any
TZID; UIDs are unique. --events N: the file has N VEVENTs. --expect UID=START/END: that event's
DTSTART and DTEND as the library reads them (YYYY-MM-DD for dates, YYYY-MM-DDTHH:MM:SSZ for UTC
times). Exit 0 when all holds, 1 with the problems listed otherwise, 2 without python3-icalendar."""
import datetime
import sys

try:
    from icalendar import Calendar
except ImportError:
    print("check_ics.py: python3-icalendar is missing: apt-get install python3-icalendar "
          "(and run this with /usr/bin/python3)", file=sys.stderr)
    sys.exit(2)


def text_of(v):
    if isinstance(v, datetime.datetime):
        return v.strftime("%Y-%m-%dT%H:%M:%SZ") if v.utcoffset() == datetime.timedelta(0) else v.isoformat()
    return v.isoformat()


def main(argv):
    path, want_events, expect = None, None, {}
    args = iter(argv)
    for a in args:
        if a == "--events":
            want_events = int(next(args))
        elif a == "--expect":
            uid, span = next(args).split("=", 1)
            expect[uid] = tuple(span.split("/"))
        else:
            path = a
    raw = open(path, "rb").read()
    problems = []
    if b"\n" in raw.replace(b"\r\n", b""):
        problems.append("a bare LF: lines must end with CRLF")
    for n, line in enumerate(raw.split(b"\r\n"), 1):
        if len(line) > 75:
            problems.append(f"line {n}: {len(line)} octets (at most 75)")
    cal = Calendar.from_ical(raw)
    if cal.get("VERSION") != "2.0" or not cal.get("PRODID"):
        problems.append("VERSION 2.0 or PRODID missing")
    tzids = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
    uids = []
    for ev in cal.walk("VEVENT"):
        uid = str(ev.get("UID"))
        uids.append(uid)
        for p in ("UID", "DTSTAMP", "DTSTART"):
            if p not in ev:
                problems.append(f"{uid}: no {p}")
        for p in ("DTSTART", "DTEND"):
            if p in ev and "TZID" in ev[p].params and ev[p].params["TZID"] not in tzids:
                problems.append(f"{uid}: no VTIMEZONE for {ev[p].params['TZID']}")
        if "DTSTART" not in ev:
            continue
        start = ev.decoded("DTSTART")
        end = ev.decoded("DTEND") if "DTEND" in ev else None
        if end is not None:
            if isinstance(start, datetime.datetime) != isinstance(end, datetime.datetime):
                problems.append(f"{uid}: DTSTART and DTEND of different value types")
            elif end <= start:
                problems.append(f"{uid}: DTEND {end} not after DTSTART {start}")
        if uid in expect:
            got = (text_of(start), text_of(end) if end is not None else "")
            if got != expect[uid]:
                problems.append(f"{uid}: {got[0]}/{got[1]}, expected {expect[uid][0]}/{expect[uid][1]}")
            del expect[uid]
    if len(set(uids)) != len(uids):
        problems.append("UIDs repeat")
    if want_events is not None and len(uids) != want_events:
        problems.append(f"{len(uids)} events, expected {want_events}")
    for uid in expect:
        problems.append(f"{uid}: no such event")
    for p in problems:
        print(f"check_ics.py: {path}: {p}", file=sys.stderr)
    if not problems:
        print(f"check_ics.py: {path}: {len(uids)} events read by python3-icalendar, all well-formed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
