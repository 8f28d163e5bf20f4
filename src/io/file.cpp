// SPDX-License-Identifier: MIT
// Reading and writing files (diplo/io/file.h). POSIX: open/read/write/fsync/rename.

#include "diplo/io/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "diplo/error.h"
#include "diplo/io/csv.h"
#include "diplo/io/json.h"
#include "diplo/io/jsonl.h"

namespace diplo::io {

namespace {

auto reason(int err) -> std::string { return std::strerror(err); }

// Closes a descriptor on scope exit unless released.
struct fd_guard {
  int fd = -1;
  fd_guard() = default;
  explicit fd_guard(int f) noexcept : fd(f) {}
  fd_guard(const fd_guard&) = delete;
  auto operator=(const fd_guard&) -> fd_guard& = delete;
  ~fd_guard() {
    if (fd >= 0) ::close(fd);
  }
  auto release() noexcept -> int {
    const int f = fd;
    fd = -1;
    return f;
  }
};

}  // namespace

auto read_text_file(const std::filesystem::path& path, std::uint64_t max_size) -> std::string {
  auto fail = [&](int err) {
    return diplo::error(fmt::format("[diplo.io] cannot read \"{}\": {}", path.string(), reason(err)));
  };
  int fd = -1;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) throw fail(errno);
  fd_guard guard(fd);
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw fail(errno);
  if (S_ISDIR(st.st_mode)) throw fail(EISDIR);
  auto too_large = [&] {
    return diplo::error(fmt::format(
        "[diplo.io] cannot read \"{}\": the file is larger than the limit of {} bytes "
        "(read_limits::max_file_size)",
        path.string(), max_size));
  };
  // Refused by its size, before a byte is read (a sparse 1 TB file costs nothing).
  if (S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) > max_size) throw too_large();
  std::string out;
  if (S_ISREG(st.st_mode) && st.st_size > 0) out.reserve(static_cast<std::size_t>(st.st_size));
  char chunk[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw fail(errno);
    }
    if (n == 0) break;
    if (out.size() + static_cast<std::size_t>(n) > max_size) throw too_large();  // a pipe
    out.append(chunk, static_cast<std::size_t>(n));
  }
  return out;
}

void write_file_atomic(const std::filesystem::path& path, std::string_view content) {
  auto fail = [&](int err) {
    return diplo::error(
        fmt::format("[diplo.io] cannot write \"{}\": {}", path.string(), reason(err)));
  };
  if (path.filename().empty()) throw fail(EISDIR);
  const std::filesystem::path dir = path.parent_path();

  // The new file keeps the permissions of the file it replaces.
  struct stat old {};
  const bool replacing = ::lstat(path.c_str(), &old) == 0 && S_ISREG(old.st_mode);

  // A temporary name unique to this process and call: .<name>.tmp-<pid>-<n>-<t>.
  static std::atomic<unsigned> counter{0};
  std::filesystem::path temp;
  int fd = -1;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    temp = dir / fmt::format(".{}.tmp-{}-{}-{:x}", path.filename().string(), ::getpid(),
                             counter.fetch_add(1), static_cast<unsigned long long>(stamp));
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST && errno != EINTR) throw fail(errno);
  }
  if (fd < 0) throw fail(EEXIST);
  fd_guard guard(fd);

  // From here on, any failure removes the temporary file.
  auto abandon = [&](int err) {
    ::close(guard.release());
    ::unlink(temp.c_str());
    return fail(err);
  };
  if (replacing && ::fchmod(fd, old.st_mode & 07777) != 0) throw abandon(errno);
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw abandon(errno);
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) throw abandon(errno);
  if (::close(guard.release()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    throw fail(err);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    throw fail(err);
  }
  // Make the rename itself durable; a failure here changes nothing for readers.
  const int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    (void)::fsync(dfd);
    ::close(dfd);
  }
}

auto format_of(const std::filesystem::path& path) -> format {
  std::string ext = path.extension().string();
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (ext == ".json") return format::json;
  if (ext == ".jsonl" || ext == ".ndjson") return format::jsonl;
  if (ext == ".csv") return format::csv;
  throw diplo::error(fmt::format(
      "[diplo.io] \"{}\": {} (expected .json, .jsonl, .ndjson or .csv)", path.string(),
      ext.empty() ? std::string("no file extension")
                  : fmt::format("unknown file format \"{}\"", path.extension().string())));
}

auto load(const std::filesystem::path& path, const actor_registry* known,
          const read_limits& limits) -> document {
  const format f = format_of(path);
  const std::string text = read_text_file(path, limits.max_file_size);
  const std::string file = path.string();
  switch (f) {
    case format::json: return read_json(text, file, limits);
    case format::jsonl: return read_jsonl(text, file, limits);
    case format::csv: return read_csv(text, file, known, nullptr, limits);
  }
  return {};
}

auto load_lenient(const std::filesystem::path& path, const actor_registry* known,
                  std::vector<diagnostic>& problems, const read_limits& limits) -> document {
  const format f = format_of(path);
  const std::string text = read_text_file(path, limits.max_file_size);
  const std::string file = path.string();
  switch (f) {
    case format::json: return read_json_lenient(text, file, problems, limits);
    case format::jsonl: return read_jsonl_lenient(text, file, problems, limits);
    case format::csv: return read_csv_lenient(text, file, known, problems, limits);
  }
  return {};
}

auto check(std::string_view text, std::string_view file, format f, const actor_registry* known,
           const read_limits& limits) -> check_report {
  std::vector<diagnostic> problems;
  document doc;
  switch (f) {
    case format::json: doc = read_json_lenient(text, file, problems, limits); break;
    case format::jsonl: doc = read_jsonl_lenient(text, file, problems, limits); break;
    case format::csv: doc = read_csv_lenient(text, file, known, problems, limits); break;
  }
  return check(std::move(doc), std::move(problems));
}

auto check(const std::filesystem::path& path, const actor_registry* known,
           const read_limits& limits) -> check_report {
  const format f = format_of(path);
  const std::string text = read_text_file(path, limits.max_file_size);
  return check(text, path.string(), f, known, limits);
}

void save(const std::filesystem::path& path, const timeline& t, const dataset_info& info) {
  const format f = format_of(path);
  switch (f) {
    case format::json: write_file_atomic(path, to_json(t, info)); return;
    case format::jsonl: write_file_atomic(path, to_jsonl(t, info)); return;
    case format::csv: write_file_atomic(path, to_csv(t)); return;
  }
}

}  // namespace diplo::io
