// SPDX-License-Identifier: MIT
#pragma once

// The readers' one answer to a failed allocation: std::bad_alloc (from `new`, a
// std::string or std::vector growing, simdjson's buffers) becomes a diplo::error that
// names the file: `[diplo.io] out of memory reading "big.json"`. Internal to diplo::io.

#include <new>
#include <string_view>

#include <fmt/format.h>

#include "diplo/error.h"

namespace diplo::io::detail {

/// The error for a file that could not be read for want of memory.
inline auto out_of_memory(std::string_view file) -> diplo::error {
  return diplo::error(fmt::format("[diplo.io] out of memory reading \"{}\"", file));
}

/// Runs `f`, turning std::bad_alloc into `out_of_memory(file)`. The memory of what `f`
/// built is freed by the time the message is made.
template <class F>
auto or_out_of_memory(std::string_view file, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::bad_alloc&) {
    throw out_of_memory(file);
  }
}

}  // namespace diplo::io::detail
