// SPDX-License-Identifier: MIT
#pragma once

// Claims files: the claims of an article, to check with diplo::check (diplo/check.h).
//
// One JSON document (data/claims.schema.json is its schema; data/claims/ap-2025-05-04.json
// an example):
//
//   {
//     "title": "AP, 4 May 2025: China's Xi Jinping to pay official visit to Russia",
//     "url": "https://...",
//     "as_of": "2025-05-04",
//     "claims": [
//       {
//         "id": "c2",
//         "text": "Xi last visited Russia in September 2024 for a BRICS summit.",
//         "as_of": "2025-05-04",
//         "claim": {"kind": "last_visit", "guest": "Xi Jinping", "host_country": "RU",
//                   "when": "2024-09", "occasion": "BRICS"}
//       }
//     ]
//   }
//
// "title", "url" and the document's "as_of" are optional; a claim's "as_of" (the day it was
// made, YYYY-MM-DD) defaults to the document's. Each claim has an "id" (unique in the file), an
// optional "text" (the sentence as written) and its "claim": a "kind" of
// diplo::claim_kind_names and the fields of that kind, named as the structs of diplo/check.h
// name them:
//
//   last_visit, visited_in   guest, host_country, when; occasion
//   visit_ordinal            guest, host_country, since, n (1 or more)
//   visit_count              guest, host_country, n; from, to
//   last_meeting, first_meeting, met_in   a, b, when; place
//   meeting_count            a, b, n; from, to
//   where                    person, day (YYYY-MM-DD), place
//
// Names resolve as the tool resolves them (a name, an alias, a surname or an id:
// actor_registry::resolve), countries by ISO code or name (find_country), places as
// claimed_place::parse reads them; dates are EDTF.
//
// READING. `read_claims` checks every claim and collects every problem before it throws one
// validation_error ("[diplo.claims]"), each problem with its file, line, column and JSON path:
//
//   ap.json:9:55: error: claims[1].claim.guest: unknown name "Xi Jinpin"; did you mean: Xi Jinping?
//   ap.json:14:7: error: claims[2].claim: missing "when" (an EDTF date or period)
//
// Unknown and duplicate keys, missing ones, wrong types, unknown kinds, bad dates, names,
// countries and places, two ids alike, a meeting of an actor with themself, and counts that
// are not whole numbers are errors. Nothing is returned half read. The limits of
// read_limits (diplo/io/document.h) hold as for the data files.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "diplo/check.h"
#include "diplo/export.h"
#include "diplo/io/document.h"

namespace diplo::io {

/// One claim of a claims file.
struct claim_record {
  /// Unique within its file ("c2").
  std::string id;
  /// The sentence as the article wrote it; empty when the file gives none.
  std::string text;
  /// The day the claim was made (see AS OF in diplo/check.h), if known.
  std::optional<date::sys_days> as_of;
  diplo::claim claim;
};

/// A claims file read.
struct claims_file {
  std::string title;
  std::string url;
  std::optional<date::sys_days> as_of;
  std::vector<claim_record> claims;
};

/// Reads the claims file `text` (named `file` in messages), resolving names with `actors`.
/// Throws validation_error listing every problem (see READING).
[[nodiscard]] DIPLO_IO_API auto read_claims(std::string_view text, std::string_view file,
                                            const actor_registry& actors, const read_limits& limits = {})
    -> claims_file;

/// Reads the claims file at `path` (read_text_file, then read_claims).
[[nodiscard]] DIPLO_IO_API auto read_claims_file(const std::filesystem::path& path,
                                                 const actor_registry& actors, const read_limits& limits = {})
    -> claims_file;

}  // namespace diplo::io
