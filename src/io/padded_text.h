// SPDX-License-Identifier: MIT
#pragma once

// Internal to diplo::io: a file read once into a buffer with zeroed bytes after its end that
// may be read, for a parser that reads ahead in blocks: simdjson reads up to
// SIMDJSON_PADDING bytes past the end, so `io::load` of a JSON file parses the bytes where
// they were read instead of copying the whole file once more into a simdjson::padded_string.
// `read_padded_file` is `read_text_file` (diplo/io/file.h) with another buffer: the same
// checks (regular files only, the size limit before and while reading) and the same
// messages. A std::string's spare capacity would not do: past size() it is not the
// string's to read (libc++'s AddressSanitizer annotations report it).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "diplo/io/document.h"

namespace diplo::io::detail {

/// The bytes of a file, followed by `padding()` zero bytes that may be read.
class padded_text {
 public:
  padded_text() = default;
  padded_text(std::unique_ptr<char[]> bytes, std::size_t size, std::size_t padding) noexcept
      : bytes_(std::move(bytes)), size_(size), padding_(padding) {}

  /// The file's bytes (without the padding).
  [[nodiscard]] auto view() const noexcept -> std::string_view { return {bytes_.get(), size_}; }
  /// How many readable bytes follow view().
  [[nodiscard]] auto padding() const noexcept -> std::size_t { return padding_; }

 private:
  std::unique_ptr<char[]> bytes_;
  std::size_t size_ = 0;
  std::size_t padding_ = 0;
};

/// Reads the file at `path` like `read_text_file(path, max_size)` (same checks, same errors),
/// with `padding` zero bytes after its end.
[[nodiscard]] auto read_padded_file(const std::filesystem::path& path, std::uint64_t max_size,
                                    std::size_t padding) -> padded_text;

/// The padding a JSON text needs to be parsed where it lies: simdjson::SIMDJSON_PADDING
/// (json.cpp checks that they agree; simdjson stays out of the other files).
inline constexpr std::size_t json_padding = 64;

/// `io::read_json` and `io::read_json_lenient` for a `text` followed by `padding` readable
/// bytes (json.cpp): with json_padding or more the text is parsed in place, with fewer it
/// is copied into a padded buffer first (the public functions pass 0).
[[nodiscard]] auto read_json(std::string_view text, std::size_t padding, std::string_view file,
                             const read_limits& limits) -> document;
[[nodiscard]] auto read_json_lenient(std::string_view text, std::size_t padding, std::string_view file,
                                     std::vector<diagnostic>& problems, const read_limits& limits)
    -> document;

}  // namespace diplo::io::detail
