// SPDX-License-Identifier: MIT
#pragma once

// Internal to libdiplo-io: the text of an export written to a stream, in one place.

#include <ostream>
#include <string_view>

#include <fmt/format.h>

#include "diplo/error.h"

namespace diplo::io::detail {

/// Writes `text` to `out`; throws diplo::error "[diplo.io] cannot write the <what>: the
/// stream failed" when it fails.
inline void write_to(std::ostream& out, std::string_view text, std::string_view what) {
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) throw error(fmt::format("[diplo.io] cannot write the {}: the stream failed", what));
}

}  // namespace diplo::io::detail
