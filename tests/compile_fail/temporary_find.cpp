// SPDX-License-Identifier: MIT
// Must not compile: the event pointer would outlive every handle to the timeline's store
// (LIFETIME in diplo/timeline.h). Keep the timeline, or ask a query: answers keep it alive.
// expect: find
#include <diplo/timeline.h>

auto make() -> diplo::timeline { return diplo::timeline_builder{}.freeze(); }

auto dangling() -> const diplo::event* { return make().find(diplo::event_id{"kazan"}); }
