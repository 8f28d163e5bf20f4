// SPDX-License-Identifier: MIT
#pragma once

// Internal to diplo::io: a regular file mapped read-only into memory, for the snapshot
// reader (diplo/io/snapshot.h). The system's part is in src/io/file_<system>.cpp.

#include <cstddef>
#include <filesystem>
#include <memory>

namespace diplo::io::detail {

/// The bytes of a mapped file; `owner` unmaps them when its last copy goes.
struct mapped_file {
  const std::byte* bytes = nullptr;
  std::size_t size = 0;
  std::shared_ptr<const void> owner;
};

/// Maps the regular file at `path` (the checks and messages of read_text_file). Throws
/// diplo::error ("[diplo.io]") when it cannot.
[[nodiscard]] auto map_file(const std::filesystem::path& path) -> mapped_file;

}  // namespace diplo::io::detail
