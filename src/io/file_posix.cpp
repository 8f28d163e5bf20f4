// SPDX-License-Identifier: MIT
// The operating system's part of diplo/io/file.h, for POSIX systems (Linux, macOS, the BSDs):
// read_text_file and read_padded_file (stat/open/fstat/read, regular files only) and write_file_atomic (a
// temporary file, write, fsync, rename, through symbolic links). Everything else of diplo::io is portable
// C++; a port to another system is this one file (the CMake list of diplo::io picks it by platform).

#include "diplo/io/file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <utility>

#include <fmt/format.h>

#include "diplo/error.h"
#include "mapped_file.h"
#include "out_of_memory.h"
#include "padded_text.h"

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

auto read_error(const std::filesystem::path& path, int err) -> diplo::error {
  return diplo::error(fmt::format("[diplo.io] cannot read \"{}\": {}", path.string(), reason(err)));
}

// Opens the regular file at `path` for reading: its descriptor, and what fstat says of it.
auto open_regular_file(const std::filesystem::path& path, struct stat& st) -> fd_guard {
  // Regular files only, refused by their type before they are opened (opening a FIFO
  // waits for a writer, a device may never end): stat() follows symbolic links, so a
  // link to /dev/zero is refused as the device it names. The type is checked again on
  // the open descriptor, opened without waiting, in case the file changed in between.
  auto check_type = [&](const struct stat& s) {
    if (S_ISDIR(s.st_mode)) throw read_error(path, EISDIR);
    if (!S_ISREG(s.st_mode)) {
      throw diplo::error(fmt::format("[diplo.io] cannot read \"{}\": not a regular file ({})", path.string(),
                                     kind_of(s.st_mode)));
    }
  };
  if (::stat(path.c_str(), &st) != 0) throw read_error(path, errno);
  check_type(st);
  int fd = -1;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) throw read_error(path, errno);
  fd_guard guard(fd);
  if (::fstat(fd, &st) != 0) throw read_error(path, errno);
  check_type(st);
  return fd_guard(guard.release());
}

// Reads the regular file at `path` into `sink` (see read_text_file for the checks and the
// errors). A Sink has reserve(n), size() and append(bytes, n).
template <class Sink>
void read_regular_file(const std::filesystem::path& path, std::uint64_t max_size, Sink& sink) {
  auto fail = [&](int err) { return read_error(path, err); };
  struct stat st {};
  const fd_guard file = open_regular_file(path, st);
  const int fd = file.fd;
  auto too_large = [&] {
    return diplo::error(
        fmt::format("[diplo.io] cannot read \"{}\": the file is larger than the limit of {} bytes "
                    "(read_limits::max_file_size)",
                    path.string(), max_size));
  };
  // Refused by its size, before a byte is read (a sparse 1 TB file costs nothing).
  if (static_cast<std::uint64_t>(st.st_size) > max_size) throw too_large();
  detail::or_out_of_memory(path.string(), [&] {
    if (st.st_size > 0) sink.reserve(static_cast<std::size_t>(st.st_size));
    char chunk[1 << 16];
    while (true) {
      const ssize_t n = ::read(fd, chunk, sizeof chunk);
      if (n < 0) {
        if (errno == EINTR) continue;
        throw fail(errno);
      }
      if (n == 0) break;
      if (sink.size() + static_cast<std::size_t>(n) > max_size) throw too_large();  // it grew
      sink.append(chunk, static_cast<std::size_t>(n));
    }
  });
}

// A sink of read_regular_file: a std::string.
struct string_sink {
  std::string out;
  void reserve(std::size_t n) { out.reserve(n); }
  [[nodiscard]] auto size() const noexcept -> std::size_t { return out.size(); }
  void append(const char* p, std::size_t n) { out.append(p, n); }
};

// A sink of read_regular_file: a buffer with `padding` bytes after the content.
class padded_sink {
 public:
  explicit padded_sink(std::size_t padding) noexcept : padding_(padding) {}
  void reserve(std::size_t n) {
    if (n > capacity_) grow_to(n);
  }
  [[nodiscard]] auto size() const noexcept -> std::size_t { return size_; }
  void append(const char* p, std::size_t n) {
    if (n > capacity_ - size_) grow_to(std::max(size_ + n, 2 * capacity_));
    std::memcpy(bytes_.get() + size_, p, n);
    size_ += n;
  }
  // The content, its padding zeroed.
  auto finish() -> detail::padded_text {
    if (!bytes_) grow_to(0);
    std::memset(bytes_.get() + size_, 0, padding_);
    return {std::move(bytes_), size_, padding_};
  }

 private:
  void grow_to(std::size_t n) {
    std::unique_ptr<char[]> bigger(new char[n + padding_]);
    if (size_ > 0) std::memcpy(bigger.get(), bytes_.get(), size_);
    bytes_ = std::move(bigger);
    capacity_ = n;
  }

  std::unique_ptr<char[]> bytes_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;  // without the padding
  std::size_t padding_;
};

}  // namespace

auto detail::map_file(const std::filesystem::path& path) -> mapped_file {
  struct stat st {};
  const fd_guard file = open_regular_file(path, st);
  mapped_file m;
  m.size = static_cast<std::size_t>(st.st_size);
  if (m.size == 0) return m;
  void* p = ::mmap(nullptr, m.size, PROT_READ, MAP_PRIVATE, file.fd, 0);
  if (p == MAP_FAILED) throw read_error(path, errno);
  m.bytes = static_cast<const std::byte*>(p);
  const std::size_t size = m.size;
  m.owner = std::shared_ptr<const void>(p, [size](const void* q) { ::munmap(const_cast<void*>(q), size); });
  return m;
}

auto read_text_file(const std::filesystem::path& path, std::uint64_t max_size) -> std::string {
  string_sink sink;
  read_regular_file(path, max_size, sink);
  return std::move(sink.out);
}

auto detail::read_padded_file(const std::filesystem::path& path, std::uint64_t max_size, std::size_t padding)
    -> padded_text {
  padded_sink sink(padding);
  read_regular_file(path, max_size, sink);
  return detail::or_out_of_memory(path.string(), [&] { return sink.finish(); });
}

namespace {

auto write_error(const std::filesystem::path& path, std::string_view why) -> diplo::error {
  return diplo::error(fmt::format("[diplo.io] cannot write \"{}\": {}", path.string(), why));
}

// The file a write to `path` replaces: `path`, or the file its chain of symbolic links
// ends at (which may not exist yet). Symbolic links are followed, not replaced.
auto resolve_links(const std::filesystem::path& path) -> std::filesystem::path {
  std::filesystem::path p = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p;
    std::error_code ec;
    std::filesystem::path target = std::filesystem::read_symlink(p, ec);
    if (ec) throw write_error(path, reason(ec.value()));
    p = target.is_absolute() ? std::move(target) : p.parent_path() / target;
  }
  throw write_error(path, reason(ELOOP));
}

// Refuses to replace a file that `cp` could not overwrite (no write permission) or whose
// hard links replacing it would break.
void check_replaceable(const std::filesystem::path& path, const std::filesystem::path& target,
                       const struct stat& old) {
  if (::faccessat(AT_FDCWD, target.c_str(), W_OK, AT_EACCESS) != 0) {
    throw write_error(path, reason(errno));
  }
  if (old.st_nlink > 1) {
    throw write_error(path, fmt::format("it has {} hard links, which replacing it would break "
                                        "(remove it first, or write to another name)",
                                        static_cast<unsigned long long>(old.st_nlink)));
  }
}

// A temporary name unique to this process and call, ".<name>.tmp-<pid>-<n>-<t>", that
// fits the folder's limit on names: a long <name> is cut and a hash of it added
// (".<start of name>~<hash>.tmp-...").
auto temp_name(const std::filesystem::path& dir, std::string_view name) -> std::string {
  static std::atomic<unsigned> counter{0};
  const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
  const std::string suffix = fmt::format(".tmp-{}-{}-{:x}", ::getpid(), counter.fetch_add(1),
                                         static_cast<unsigned long long>(stamp));
  const long limit = ::pathconf(dir.empty() ? "." : dir.c_str(), _PC_NAME_MAX);
  const std::size_t name_max = limit > 0 ? static_cast<std::size_t>(limit) : NAME_MAX;
  if (1 + name.size() + suffix.size() <= name_max) return fmt::format(".{}{}", name, suffix);
  const std::string hash = fmt::format("~{:016x}", std::hash<std::string_view>{}(name));
  std::size_t keep = name_max - std::min(name_max, 1 + hash.size() + suffix.size());
  while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0U) == 0x80U) --keep;
  return fmt::format(".{}{}{}", name.substr(0, keep), hash, suffix);
}

// Whether `size` bytes pass the file-size limit (RLIMIT_FSIZE, `ulimit -f`). Checked
// before writing: a write past the limit raises SIGXFSZ, whose default action ends the
// process before the temporary file can be removed.
auto over_file_size_limit(std::size_t size) -> bool {
  rlimit lim{};
  return ::getrlimit(RLIMIT_FSIZE, &lim) == 0 && lim.rlim_cur != RLIM_INFINITY && size > lim.rlim_cur;
}

// The new file keeps the owner, group and permissions of the file it replaces; a user who
// may not give it the old owner (or group) is refused rather than taking the file over.
auto keep_attributes(int fd, const std::filesystem::path& path, const struct stat& old)
    -> std::optional<diplo::error> {
  struct stat now {};
  if (::fstat(fd, &now) != 0) return write_error(path, reason(errno));
  if ((now.st_uid != old.st_uid || now.st_gid != old.st_gid) && ::fchown(fd, old.st_uid, old.st_gid) != 0) {
    return write_error(path, fmt::format("it belongs to another user or group (uid {}, gid "
                                         "{}), which replacing it would change ({})",
                                         old.st_uid, old.st_gid, reason(errno)));
  }
  if (::fchmod(fd, old.st_mode & 07777) != 0) return write_error(path, reason(errno));
  return std::nullopt;
}

}  // namespace

void write_file_atomic(const std::filesystem::path& path, std::string_view content) {
  auto fail = [&](int err) { return write_error(path, reason(err)); };
  if (path.filename().empty()) throw fail(EISDIR);
  const std::filesystem::path target = resolve_links(path);
  const std::filesystem::path dir = target.parent_path();

  struct stat old {};
  const bool replacing = ::stat(target.c_str(), &old) == 0 && S_ISREG(old.st_mode);
  if (replacing) check_replaceable(path, target, old);
  if (over_file_size_limit(content.size())) throw fail(EFBIG);

  std::filesystem::path temp;
  int fd = -1;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    temp = dir / temp_name(dir, target.filename().string());
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST && errno != EINTR) throw fail(errno);
  }
  if (fd < 0) throw fail(EEXIST);
  fd_guard guard(fd);

  // From here on, any failure removes the temporary file.
  auto abandon = [&](diplo::error e) {
    ::close(guard.release());
    ::unlink(temp.c_str());
    return e;
  };
  if (replacing) {
    if (auto e = keep_attributes(fd, path, old)) throw abandon(std::move(*e));
  }
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw abandon(fail(errno));
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) throw abandon(fail(errno));
  if (::close(guard.release()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    throw fail(err);
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
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
