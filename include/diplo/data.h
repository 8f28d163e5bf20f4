// SPDX-License-Identifier: MIT
#pragma once

// The bundled dataset, compiled into the library (target diplo::data).
//
// `data/xi-putin.json` — every sourced meeting, visit, summit and call of Xi Jinping
// and Vladimir Putin from 2013 on (see data/README.md for its coverage and sources) —
// is embedded at build time, so the command-line tool and the examples answer real
// questions with no files at hand:
//
//   const diplo::timeline& t = diplo::data::xi_putin();
//   auto r = diplo::last_meeting(t, t.actors().resolve("Xi"), t.actors().resolve("Putin"));
//
// The text is parsed once, on first use, thread-safely; the timeline lives until the
// program ends.

#include <string_view>

#include "diplo/export.h"
#include "diplo/io/document.h"
#include "diplo/timeline.h"

namespace diplo::data {

/// The embedded text of data/xi-putin.json.
[[nodiscard]] DIPLO_DATA_API auto xi_putin_json() noexcept -> std::string_view;

/// The dataset's description: title, coverage, as-of date, licence.
[[nodiscard]] DIPLO_DATA_API auto xi_putin_info() -> const io::dataset_info&;

/// The dataset as a frozen timeline (parsed on first use).
/// Throws diplo::error only if the embedded file is broken, which the tests rule out.
[[nodiscard]] DIPLO_DATA_API auto xi_putin() -> const timeline&;

}  // namespace diplo::data
