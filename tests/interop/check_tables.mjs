// SPDX-License-Identifier: MIT
// An independent check of `diplo export tables` with DuckDB (npm @duckdb/node-api): the four
// tables load with the types an analyst expects, and join.
//
//   node tests/interop/check_tables.mjs DIR [--jsonl] [--events N]
//
// Run from a folder whose node_modules holds @duckdb/node-api (interop-tests.cmake copies
// this script next to them). Checks: each table loads (read_csv with its header, or
// read_json for JSON Lines) with the columns of diplo/io/tables.h; `earliest` and `latest`
// read as DATE, and earliest <= latest; event and actor ids are unique; every participant's
// event and actor, every source's event and every parent is found (no orphans); roles are
// guest, host, attendee or participant. --events N: events has N rows.
// Exit 0 when all holds, 1 with the problems listed otherwise.
import { DuckDBInstance } from '@duckdb/node-api';

const args = process.argv.slice(2);
let dir = null;
let jsonl = false;
let wantEvents = null;
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--jsonl') jsonl = true;
  else if (args[i] === '--events') wantEvents = Number(args[++i]);
  else dir = args[i];
}
const columns = {
  events: ['id', 'kind', 'status', 'earliest', 'latest', 'precision', 'edtf', 'title', 'city', 'country', 'parent',
           'level', 'mode', 'description'],
  participants: ['event', 'actor', 'role'],
  actors: ['id', 'kind', 'name', 'country', 'wikidata'],
  sources: ['event', 'url', 'publisher', 'title', 'published'],
};
const problems = [];
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const one = async (sql) => (await c.runAndReadAll(sql)).getRows()[0][0];
const quote = (s) => `'${s.replaceAll("'", "''")}'`;
for (const [table, cols] of Object.entries(columns)) {
  const file = quote(`${dir}/${table}.${jsonl ? 'jsonl' : 'csv'}`);
  const reader = jsonl ? `read_json(${file}, format = 'newline_delimited')` : `read_csv(${file}, header = true)`;
  await c.run(`CREATE TABLE ${table} AS SELECT * FROM ${reader}`);
  const got = (await c.runAndReadAll(`DESCRIBE ${table}`)).getRowObjects().map((r) => [r.column_name, r.column_type]);
  const names = got.map((x) => x[0]);
  if (names.join() !== cols.join()) problems.push(`${table}: columns ${names.join()}, expected ${cols.join()}`);
  if (table === 'events') {
    for (const [name, type] of got) {
      if ((name === 'earliest' || name === 'latest') && type !== 'DATE') problems.push(`events.${name} reads as ${type}, not DATE`);
    }
  }
}
const checks = [
  ['events whose earliest day is after their latest', 'SELECT count(*) FROM events WHERE earliest > latest'],
  ['repeated event ids', 'SELECT count(*) - count(DISTINCT id) FROM events'],
  ['repeated actor ids', 'SELECT count(*) - count(DISTINCT id) FROM actors'],
  ['participants of no event', 'SELECT count(*) FROM participants p ANTI JOIN events e ON p.event = e.id'],
  ['participants who are no actor', 'SELECT count(*) FROM participants p ANTI JOIN actors a ON p.actor = a.id'],
  ['sources of no event', 'SELECT count(*) FROM sources s ANTI JOIN events e ON s.event = e.id'],
  ['parents that are no event',
   'SELECT count(*) FROM events c WHERE c.parent IS NOT NULL AND c.parent NOT IN (SELECT id FROM events)'],
  ['unknown roles', "SELECT count(*) FROM participants WHERE role NOT IN ('guest', 'host', 'attendee', 'participant')"],
  ['events with nobody taking part', 'SELECT count(*) FROM events e ANTI JOIN participants p ON p.event = e.id'],
];
for (const [what, sql] of checks) {
  const n = Number(await one(sql));
  if (n !== 0) problems.push(`${n} ${what}`);
}
const events = Number(await one('SELECT count(*) FROM events'));
if (wantEvents !== null && events !== wantEvents) problems.push(`${events} events, expected ${wantEvents}`);
const people = Number(await one('SELECT count(*) FROM participants'));
for (const p of problems) console.error(`check_tables.mjs: ${dir}: ${p}`);
if (problems.length === 0) {
  console.log(`check_tables.mjs: ${dir}: ${events} events and ${people} participants read by DuckDB, types and joins as expected`);
}
process.exit(problems.length === 0 ? 0 : 1);
