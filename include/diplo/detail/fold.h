// SPDX-License-Identifier: MIT
#pragma once

// Unicode name folding and the checks on names (compiled in src/fold.cpp with utf8proc).

#include <string>
#include <string_view>

#include "diplo/detail/utf8.h"  // is_valid_utf8, which every caller of fold() checks with
#include "diplo/export.h"

namespace diplo::detail {

/// Folds a UTF-8 name for matching: NFKC-composed, case-folded, diacritics stripped,
/// runs of white space, hyphens and dashes, dots, commas, underscores, apostrophes
/// (' ’ ‘ ʼ) and middle dots (· ・) turned into one space, trimmed.
/// "Erdoğan" -> "erdogan", "  Jean-Claude  JUNCKER" -> "jean claude juncker",
/// "Путин" -> "путин", "习近平" -> "习近平".
/// Throws diplo::error on invalid UTF-8.
DIPLO_API auto fold(std::string_view utf8) -> std::string;

/// `utf8` in Unicode Normalization Form C (composed: "g" + U+0306 becomes "ğ"), so that
/// one name is one byte string however it was typed. Text that is already NFC (all ASCII
/// text is) comes back unchanged. Throws diplo::error on invalid UTF-8.
DIPLO_API auto nfc(std::string_view utf8) -> std::string;

/// The skeleton of a folded name (`fold`'s output): the Cyrillic and Greek letters that
/// look like Latin ones read as those Latin letters (Cyrillic а е о р с у х і ј ѕ ԁ ԛ ԝ
/// and the lower case of А В Е К М Н О Р С Т У Х; Greek α β ε ζ η ι κ μ ν ο ρ τ υ χ,
/// whose capitals look Latin), so that "vladimir рutin" (a Cyrillic р) and
/// "vladimir putin" have one skeleton. A small table, not Unicode's full list of
/// confusables (UTS #39). Folded text of no such letter comes back unchanged.
DIPLO_API auto skeleton(std::string_view folded) -> std::string;

/// A word that mixes Latin letters with Cyrillic or Greek ones (see `mixed_script_word`).
struct mixed_word {
  std::string_view word;    // the word, a view into the text searched
  std::string_view script;  // "Cyrillic" or "Greek": the script mixed with Latin
};

/// The first word of `utf8` (a run of letters and combining marks) that holds both Latin
/// letters and Cyrillic or Greek ones, as in "Vladimir Рutin" with a Cyrillic Р: a
/// look-alike that no reader can tell from the Latin word. An empty `word` when there is
/// none. Throws diplo::error on invalid UTF-8.
DIPLO_API auto mixed_script_word(std::string_view utf8) -> mixed_word;

}  // namespace diplo::detail
