// SPDX-License-Identifier: MIT
#pragma once

// The two naive baselines: what indexes buy, and what brute force costs in memory.
//
// `make_scan(doc)` keeps the events as a vector of compact records in timeline order (days,
// parent, kind, country, a flag for "occurred and in person") and their participants in one
// flat array, and answers every question by scanning: backwards from the day bound for the
// last meeting, the window of days that can hold the answer for the others (the vector is
// sorted by time, which any dump of events would be; there is no per-actor or per-pair index).
//
// `make_pair_hash(doc)` is the hash map of every pair of participants of every counting event
// (a 40-leader summit explodes into 780 pairs) to the sorted (earliest start, event) list of
// their events: last meeting and meetings are a hash lookup and a binary search. The map
// needs, for diplo's encounters, the events' compact records and their children. Its other
// questions (trips, where, contacts) fall back to the scan's participants array, which
// `memory_bytes()` leaves out: it counts the map (buckets, nodes, vector capacities), the
// compact records and the children lists, what its last-meeting answer needs.

#include "engine.h"
