// SPDX-License-Identifier: MIT
#pragma once

// The SQLite baseline: what a user without diplo would do, in three schemas.
//
// `make_sqlite(doc, schema)` opens an in-memory database (journal_mode=OFF, synchronous=OFF),
// flattens the document (bench/baselines/flat.h: events numbered in timeline order, so an
// event's INTEGER PRIMARY KEY also sorts it by time), inserts everything in one transaction
// through prepared statements, then creates the indexes. Every question runs through
// statements prepared once and reset and rebound per call; the C++ after them (grouping
// events into encounters, merging a trip's events, ranking contacts) is what an SQL user
// writes, and is timed with the query. Every schema has
//
//   events(id INTEGER PRIMARY KEY, uid, kind, status, mode, counts, es, ls, le, country, city,
//          parent, depth, exact, start_hi, end_ok)      indexes: events(es), events(parent)
//   actors(id INTEGER PRIMARY KEY, slug, name, max_span)
//
// (es/ls: earliest/latest possible start day; le: latest possible exclusive end; counts:
// occurred and in person; exact, start_hi, end_ok: what a trip's start needs with partial
// dates) and then
//
//   normalised  participants(event, actor, role, home) WITHOUT ROWID, primary key
//               (event, actor), index (actor, event): the natural schema. Questions walk
//               one actor's participations, bounded by event number where time allows.
//   clustered   cp(actor, es, event, ls, le, counts, role, home, country, parent, exact,
//               start_hi, end_ok) WITHOUT ROWID, primary key (actor, es, event): one actor's
//               events in time order, contiguous and covering; indexes cp(event) (who else
//               attended) and cp(actor, country) (trips).
//   pairs       the normalised tables plus pairs(lo, hi, es, event, ls, parent) WITHOUT
//               ROWID, primary key (lo, hi, es, event): every pair of participants of every
//               counting event (summits exploded into all pairs). Last meeting and meetings
//               seek one pair's range; the other questions use the normalised tables.
//
// `home` is the participant's country on the event's first possible day (the office it held:
// actor_registry::country_of), computed at load; `max_span` per actor bounds how far back an
// event covering a day can start (the `where` question). memory_bytes() is the growth of
// sqlite3_memory_used() from before opening the database to the end of loading (pages,
// schema, prepared statements).

#include "engine.h"
