// SPDX-License-Identifier: MIT
#pragma once

// The umbrella header: everything in diplo::diplo.
// Time zones live in <diplo/tz.h> (target diplo::tz), which is not included here so
// that users who need no time zones need no compiled date library.

#include "diplo/actor.h"
#include "diplo/answer.h"
#include "diplo/check.h"
#include "diplo/country.h"
#include "diplo/coverage.h"
#include "diplo/error.h"
#include "diplo/event.h"
#include "diplo/id.h"
#include "diplo/partial_date.h"
#include "diplo/period.h"
#include "diplo/query.h"
#include "diplo/timeline.h"
#include "diplo/version.h"
