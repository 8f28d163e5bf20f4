// SPDX-License-Identifier: MIT
#include "output.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <system_error>

#include <unistd.h>

#include "diplo/detail/utf8.h"

namespace diplo::cli {
namespace {

// One character: its code point, and its length (0 for an invalid byte, read as U+FFFD).
using diplo::detail::utf8::decode;
using diplo::detail::utf8::decoded;

// Characters that act on a terminal or reorder the text around them.
auto is_unsafe(char32_t cp, bool keep_newline) noexcept -> bool {
  if (cp == '\n') return !keep_newline;
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

auto escape(std::string_view text, bool keep_newline) -> std::string {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F) {  // printable ASCII: the common case, copied as is
      out += text[i++];
      continue;
    }
    const decoded d = decode(text, i);
    if (is_unsafe(d.code_point, keep_newline)) {
      out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(d.code_point));
    } else if (!d.ok()) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(text.substr(i, d.length));
    }
    i += std::max<std::size_t>(d.length, 1);
  }
  return out;
}

// The first failure to write stdout, kept for finish_stdout().
std::error_code stdout_failure;

void write_bytes(std::FILE* f, std::string_view bytes) {
  errno = 0;
  if (std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size() && f == stdout && !stdout_failure) {
    stdout_failure = std::error_code(errno != 0 ? errno : EIO, std::generic_category());
  }
}

// The width of the progress line on stderr now (0: none), which other text wipes first.
std::size_t status_width = 0;

void wipe_status() {
  if (status_width == 0) return;
  write_bytes(stderr, "\r" + std::string(status_width, ' ') + "\r");
  status_width = 0;
}

void write(std::FILE* f, std::string_view text) {
  if (f == stderr) wipe_status();
  write_bytes(f, terminal_safe(text));
}

}  // namespace

auto terminal_safe(std::string_view text) -> std::string { return escape(text, true); }

auto clip(std::string_view text, std::size_t columns) -> std::string {
  if (display_width(text) <= columns) return std::string(text);
  std::size_t end = 0;  // the bytes kept
  while (end < text.size()) {
    const detail::utf8::decoded c = detail::utf8::decode(text, end);
    const std::size_t next = end + std::max<std::size_t>(c.length, 1);
    if (display_width(text.substr(0, next)) + 1 > columns) break;  // room for the "…"
    end = next;
  }
  return std::string(text.substr(0, end)) + "…";
}

auto one_line(std::string_view text) -> std::string { return escape(text, false); }

void write_out(std::string_view text) { write(stdout, text); }

void write_file_out(std::string_view bytes) { write_bytes(stdout, bytes); }

progress::progress() : shown_(isatty(STDERR_FILENO) == 1) {}

progress::~progress() {
  if (shown_) wipe_status();
}

void progress::step(std::string_view what) {
  if (!shown_) return;
  wipe_status();
  const std::string line = "diplo: " + one_line(what) + "…";
  write_bytes(stderr, line);
  status_width = display_width(line);
  std::fflush(stderr);
}

void write_err(std::string_view text) { write(stderr, text); }

auto finish_stdout() -> std::string {
  errno = 0;
  if (std::fflush(stdout) != 0 && !stdout_failure) {
    stdout_failure = std::error_code(errno != 0 ? errno : EIO, std::generic_category());
  }
  if (std::ferror(stdout) != 0 && !stdout_failure) stdout_failure = std::make_error_code(std::errc::io_error);
  errno = 0;
  if (std::fclose(stdout) != 0 && !stdout_failure) {
    stdout_failure = std::error_code(errno != 0 ? errno : EIO, std::generic_category());
  }
  return stdout_failure ? stdout_failure.message() : std::string();
}

void table::add(std::vector<std::string> row) {
  for (std::string& cell : row) cell = one_line(cell);
  rows_.push_back(std::move(row));
}

auto table::text(std::string_view indent) const -> std::string {
  // Each cell's width once; a column is as wide as its widest cell, up to max_pad_width.
  auto measure = [](const std::vector<std::string>& row) {
    std::vector<std::size_t> w;
    w.reserve(row.size());
    for (const std::string& cell : row) w.push_back(display_width(cell));
    return w;
  };
  std::vector<std::vector<std::size_t>> cell_widths;
  cell_widths.reserve(rows_.size() + 1);
  cell_widths.push_back(measure(header_));
  for (const auto& row : rows_) cell_widths.push_back(measure(row));
  std::vector<std::size_t> widths(header_.size(), 0);
  for (const auto& row : cell_widths) {
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], std::min(row[i], max_pad_width));
    }
  }
  std::string s;
  auto line = [&](const std::vector<std::string>& row, const std::vector<std::size_t>& w) {
    const std::size_t start = s.size();
    s += indent;
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      const bool last = i + 1 == row.size();
      const bool right = std::find(right_.begin(), right_.end(), i) != right_.end();
      const std::size_t pad = widths[i] > w[i] ? widths[i] - w[i] : 0;
      if (i > 0) s += "  ";
      if (right) s.append(pad, ' ');
      s += row[i];
      if (!right && !last) s.append(pad, ' ');
    }
    while (s.size() > start && s.back() == ' ') s.pop_back();
    s += '\n';
  };
  line(header_, cell_widths[0]);
  for (std::size_t r = 0; r < rows_.size(); ++r) line(rows_[r], cell_widths[r + 1]);
  return s;
}

}  // namespace diplo::cli
