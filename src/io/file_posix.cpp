// SPDX-License-Identifier: MIT
// The operating system's part of diplo/io/file.h, for POSIX systems (Linux, macOS, the BSDs):
// read_text_file (stat/open/fstat/read, regular files only) and write_file_atomic (a
// temporary file, write, fsync, rename). Everything else of diplo::io is portable C++; a port to another system is this
// one file (the CMake list of diplo::io picks it by platform).

#include "diplo/io/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>

#include <fmt/format.h>

#include "diplo/error.h"

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

// "a FIFO", "a character device"...: what a non-regular, non-directory file is.
auto kind_of(mode_t mode) -> const char* {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "of an unknown type";
}

}  // namespace

auto read_text_file(const std::filesystem::path& path, std::uint64_t max_size) -> std::string {
  auto fail = [&](int err) {
    return diplo::error(fmt::format("[diplo.io] cannot read \"{}\": {}", path.string(), reason(err)));
  };
  // Regular files only, refused by their type before they are opened (opening a FIFO
  // waits for a writer, a device may never end): stat() follows symbolic links, so a
  // link to /dev/zero is refused as the device it names. The type is checked again on
  // the open descriptor, opened without waiting, in case the file changed in between.
  auto check_type = [&](const struct stat& st) {
    if (S_ISDIR(st.st_mode)) throw fail(EISDIR);
    if (!S_ISREG(st.st_mode)) {
      throw diplo::error(fmt::format("[diplo.io] cannot read \"{}\": not a regular file ({})",
                                     path.string(), kind_of(st.st_mode)));
    }
  };
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw fail(errno);
  check_type(st);
  int fd = -1;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) throw fail(errno);
  fd_guard guard(fd);
  if (::fstat(fd, &st) != 0) throw fail(errno);
  check_type(st);
  auto too_large = [&] {
    return diplo::error(fmt::format(
        "[diplo.io] cannot read \"{}\": the file is larger than the limit of {} bytes "
        "(read_limits::max_file_size)",
        path.string(), max_size));
  };
  // Refused by its size, before a byte is read (a sparse 1 TB file costs nothing).
  if (static_cast<std::uint64_t>(st.st_size) > max_size) throw too_large();
  std::string out;
  if (st.st_size > 0) out.reserve(static_cast<std::size_t>(st.st_size));
  char chunk[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw fail(errno);
    }
    if (n == 0) break;
    if (out.size() + static_cast<std::size_t>(n) > max_size) throw too_large();  // it grew
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

}  // namespace diplo::io
