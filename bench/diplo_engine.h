// SPDX-License-Identifier: MIT
#pragma once

// diplo behind the benchmark's engine interface (bench/baselines/engine.h), so that the
// suite asks diplo and the baselines the same questions in the same way.
//
// Each call goes through diplo's public API exactly as an application would write it:
// `diplo::last_meeting(t, a, b, {.before = d})`, `diplo::meetings`, `diplo::count_visits`,
// `diplo::where`, `diplo::contacts`, with actor ids (so diplo pays for its id lookup, which
// the baselines, handed numbers, do not). The numbers actor() returns are the timeline's
// (registry order).
//
//   auto e = diplo::bench::make_diplo(t, measured_bytes);
//   auto when = e->last_meeting(e->actor(xi), e->actor(putin), day_before);

#include <cstddef>
#include <memory>

#include <diplo/timeline.h>

#include "engine.h"

namespace diplo::bench {

/// diplo answering over `t` (which must outlive the engine). `memory_bytes()` returns
/// `bytes`: the harness measures the timeline's memory (mallinfo2) and passes it here.
[[nodiscard]] auto make_diplo(const timeline& t, std::size_t bytes) -> std::unique_ptr<engine>;

}  // namespace diplo::bench
