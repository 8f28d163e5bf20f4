// SPDX-License-Identifier: MIT
#pragma once

// The library version. CMake reads these three lines, so the header stays the truth.
#define DIPLO_VERSION_MAJOR 0
#define DIPLO_VERSION_MINOR 1
#define DIPLO_VERSION_PATCH 0

namespace diplo {
/// The version as "major.minor.patch".
inline constexpr const char* version = "0.1.0";
}  // namespace diplo
