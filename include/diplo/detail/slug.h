// SPDX-License-Identifier: MIT
#pragma once

// The id a reader or an importer makes from a person's name (compiled in src/slug.cpp with
// utf8proc). One rule for every reader, so that one name gets one id wherever it is read:
//
//   1. The name is folded (detail::fold: NFKC, case folded, accents stripped, white space,
//      hyphens, dots, commas and apostrophes made one space).
//   2. Each run of letters, combining marks and digits, of any script, is a word; every
//      other character separates words. The words are joined by '-'.
//   3. A name with no letter or digit at all ("???", "★") has no words: its id is "person-"
//      and the 16 lower-case hex digits of the FNV-1a (64-bit) hash of its folded form,
//      the same in every run and on every platform.
//
//   "Barack Obama"           -> "barack-obama"
//   "Recep Tayyip Erdoğan"   -> "recep-tayyip-erdogan"
//   "Jonas Gahr Støre"       -> "jonas-gahr-støre"   (ø is a letter, not an accented o)
//   "Владимир Путин"         -> "владимир-путин"
//   "习近平"                  -> "习近平"
//   "Kim Jong-un (DPRK)"     -> "kim-jong-un-dprk"
//
// Uniqueness is the caller's business: two names may make one slug ("A." and "A!"), and
// each reader gives the later one a suffix.

#include <string>
#include <string_view>

#include "diplo/export.h"

namespace diplo::detail {

/// The id of a person named `name` (the rule above). Throws diplo::error ("[diplo.name]")
/// on invalid UTF-8, as `fold` does.
///
/// **Example**: `slug("Jean-Claude  JUNCKER") == "jean-claude-juncker"`
DIPLO_API auto slug(std::string_view name) -> std::string;

/// The same for a name already folded (`fold`'s output), without folding it again:
/// `slug_of_folded(fold(n)) == slug(n)`. Bytes that are not UTF-8 separate words.
DIPLO_API auto slug_of_folded(std::string_view folded) -> std::string;

}  // namespace diplo::detail
