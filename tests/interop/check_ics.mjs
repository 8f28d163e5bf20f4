// SPDX-License-Identifier: MIT
// An independent check of an iCalendar file with ical.js (npm), the parser of Thunderbird's
// calendar and many web calendars.
//
//   node tests/interop/check_ics.mjs FILE [--events N] [--expect UID=START/END]...
//
// Run from a folder whose node_modules holds ical.js (interop-tests.cmake copies this script
// next to them). Every VEVENT must parse into an ICAL.Event with a UID and a start, an end
// after its start, unique UIDs. --events N and --expect as in check_ics.py (START and END as
// ical.js writes them: 2025-05-07 for a date, 2025-05-08T12:00:00Z for a UTC time).
// Exit 0 when all holds, 1 with the problems listed otherwise.
import ICAL from 'ical.js';
import fs from 'node:fs';

const args = process.argv.slice(2);
let path = null;
let wantEvents = null;
const expect = new Map();
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--events') wantEvents = Number(args[++i]);
  else if (args[i] === '--expect') {
    const [uid, span] = args[++i].split(/=(.*)/s);
    expect.set(uid, span);
  } else path = args[i];
}
const problems = [];
const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(path, 'utf8')));
if (comp.getFirstPropertyValue('version') !== '2.0' || !comp.getFirstPropertyValue('prodid')) {
  problems.push('VERSION 2.0 or PRODID missing');
}
for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
const uids = [];
for (const v of comp.getAllSubcomponents('vevent')) {
  const ev = new ICAL.Event(v);
  const uid = ev.uid;
  uids.push(uid);
  if (!uid || !ev.startDate || !v.getFirstPropertyValue('dtstamp')) {
    problems.push(`${uid}: UID, DTSTART or DTSTAMP missing`);
    continue;
  }
  const text = (t) => t.toString();  // 2025-05-07, 2025-05-08T12:00:00Z
  if (ev.endDate.compare(ev.startDate) < 0) problems.push(`${uid}: ends before it starts`);
  if (expect.has(uid)) {
    const got = `${text(ev.startDate)}/${v.hasProperty('dtend') ? text(ev.endDate) : ''}`;
    if (got !== expect.get(uid)) problems.push(`${uid}: ${got}, expected ${expect.get(uid)}`);
    expect.delete(uid);
  }
}
if (new Set(uids).size !== uids.length) problems.push('UIDs repeat');
if (wantEvents !== null && uids.length !== wantEvents) problems.push(`${uids.length} events, expected ${wantEvents}`);
for (const uid of expect.keys()) problems.push(`${uid}: no such event`);
for (const p of problems) console.error(`check_ics.mjs: ${path}: ${p}`);
if (problems.length === 0) console.log(`check_ics.mjs: ${path}: ${uids.length} events read by ical.js, all well-formed`);
process.exit(problems.length === 0 ? 0 : 1);
