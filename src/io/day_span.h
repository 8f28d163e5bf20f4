// SPDX-License-Identifier: MIT
#pragma once

// Internal to libdiplo-io: the days the exports put an event on (iCalendar, the picture).
//
// A period is written over the widest span it can honestly take: from the first day it may
// have started to the day after the last it may have ended ("2024-10" covers October). An
// open or unknown end gives no day beyond the known end's own, so the span is that end's
// ("2025-05-07/.." is the 7th, "../2025-05-10" the 10th). A period is rough when it is not
// exact days or carries a qualifier ("2024-10", "2024-10-15?", "2025-05-07/..").

#include <algorithm>
#include <optional>

#include <date/date.h>

#include "diplo/period.h"

namespace diplo::io::detail {

/// Days [first, end), end exclusive.
struct day_span {
  date::sys_days first;
  date::sys_days end;
};

[[nodiscard]] inline auto widest_span(const period& p) -> day_span {
  const auto first = p.first();
  const auto last = p.last();
  // A period has at least one known end; an open or unknown one takes the other's span.
  const partial_date& from = first ? *first : *last;
  const partial_date& to = last ? *last : *first;
  return {from.earliest(), std::max(to.latest(), from.earliest()) + date::days{1}};
}

[[nodiscard]] inline auto is_rough(const period& p) -> bool {
  auto qualified = [](const std::optional<partial_date>& d) {
    return d && d->qualifier() != qualifier::none;
  };
  return !p.is_exact() || qualified(p.first()) || qualified(p.last());
}

}  // namespace diplo::io::detail
