// SPDX-License-Identifier: MIT
#pragma once

// Unicode name folding (compiled in src/fold.cpp with utf8proc).

#include <string>
#include <string_view>

#include "diplo/export.h"

namespace diplo::detail {

/// Folds a UTF-8 name for matching: NFKC-composed, case-folded, diacritics stripped,
/// runs of white space, hyphens and dashes, dots, commas, underscores, apostrophes
/// (' ’ ‘ ʼ) and middle dots (· ・) turned into one space, trimmed.
/// "Erdoğan" -> "erdogan", "  Jean-Claude  JUNCKER" -> "jean claude juncker",
/// "Путин" -> "путин", "习近平" -> "习近平".
/// Throws diplo::error on invalid UTF-8.
DIPLO_API auto fold(std::string_view utf8) -> std::string;

/// True when `s` is well-formed UTF-8.
DIPLO_API auto is_valid_utf8(std::string_view s) noexcept -> bool;

}  // namespace diplo::detail
