// SPDX-License-Identifier: MIT
#include <diplo/io/file.h>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>
#include <string_view>

#include <diplo/io/json.h>
#include <diplo/io/jsonl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;

// A fresh directory under the build's scratch dir for each test.
auto scratch(const char* name) -> fs::path {
  fs::path dir = fs::path(DIPLO_TEST_TMPDIR) / "io_file_test" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void put(const fs::path& p, std::string_view text) { std::ofstream(p, std::ios::binary) << text; }

auto entries(const fs::path& dir) -> std::size_t {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}));
}

auto error_of(auto&& f) -> std::string {
  try {
    f();
  } catch (const diplo::error& e) {
    return e.what();
  }
  return "(no error)";
}

// For death tests: in the child, writes `content` to `path` and exits 0 when that fails
// with `[diplo.io] cannot write "<path>": <reason>`, 1 otherwise.
[[noreturn]] void exit_whether_write_fails_with(const fs::path& path, const std::string& content,
                                                std::string_view reason) {
  const std::string message = error_of([&] { diplo::io::write_file_atomic(path, content); });
  const std::string expected = fmt::format("[diplo.io] cannot write \"{}\": {}", path.string(), reason);
  std::_Exit(message == expected ? 0 : 1);
}

// For death tests run as root (as in CI): the child becomes the user "nobody", whose
// permissions root's would hide. Exits 2 when it cannot.
void drop_to_nobody() {
  if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) std::_Exit(2);
}

constexpr std::string_view doc_json =
    "{\"diplo\": 1, \"actors\": [{\"id\": \"xi\", \"kind\": \"person\", \"name\": \"Xi Jinping\"},\n"
    "  {\"id\": \"putin\", \"kind\": \"person\", \"name\": \"Vladimir Putin\"}],\n"
    " \"events\": [{\"id\": \"c\", \"kind\": \"meeting\", \"when\": \"2022-02-04\", "
    "\"participants\": [\"xi\", \"putin\"], \"mode\": \"phone\"}]}\n";

TEST(File, ReadTextFile) {
  const fs::path dir = scratch("read");
  put(dir / "a.txt", std::string("x\0y", 3));
  EXPECT_EQ(diplo::io::read_text_file(dir / "a.txt"), std::string("x\0y", 3));
  EXPECT_EQ(error_of([&] { (void)diplo::io::read_text_file(dir / "missing.json"); }),
            fmt::format("[diplo.io] cannot read \"{}\": No such file or directory",
                        (dir / "missing.json").string()));
  EXPECT_EQ(error_of([&] { (void)diplo::io::read_text_file(dir); }),
            fmt::format("[diplo.io] cannot read \"{}\": Is a directory", dir.string()));
}

// Reads `path` on another thread; a read still blocked after 10 s (a FIFO without a
// writer) is a failure, and the FIFO is then opened and closed so that the read ends.
auto read_error_within_seconds(const fs::path& path, std::uint64_t max_size) -> std::string {
  auto f = std::async(std::launch::async,
                      [&] { return error_of([&] { (void)diplo::io::read_text_file(path, max_size); }); });
  if (f.wait_for(std::chrono::seconds(10)) == std::future_status::ready) return f.get();
  const int fd = ::open(path.c_str(), O_RDWR | O_NONBLOCK);
  if (fd >= 0) ::close(fd);
  return "(blocked) " + f.get();
}

TEST(File, ReadTextFileRefusesWhatIsNotARegularFile) {
  const fs::path dir = scratch("not-regular");
  auto refused = [](const fs::path& p, std::string_view kind) {
    return fmt::format("[diplo.io] cannot read \"{}\": not a regular file ({})", p.string(), kind);
  };
  // A FIFO without a writer: refused at once, not waited on.
  ASSERT_EQ(::mkfifo((dir / "fifo.json").c_str(), 0600), 0);
  EXPECT_EQ(read_error_within_seconds(dir / "fifo.json", 1 << 20), refused(dir / "fifo.json", "a FIFO"));
  // A device, and a symbolic link to one: refused before a byte is read (not read up to
  // the limit first).
  EXPECT_EQ(error_of([&] { (void)diplo::io::read_text_file("/dev/null"); }),
            refused("/dev/null", "a character device"));
  fs::create_symlink("/dev/zero", dir / "zero.csv");
  EXPECT_EQ(error_of([&] { (void)diplo::io::read_text_file(dir / "zero.csv", 4096); }),
            refused(dir / "zero.csv", "a character device"));
  // A Unix socket.
  const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(sock, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  const std::string name = (dir / "s.json").string();
  if (name.size() < sizeof addr.sun_path) {
    std::memcpy(addr.sun_path, name.c_str(), name.size() + 1);
    ASSERT_EQ(::bind(sock, reinterpret_cast<const sockaddr*>(&addr), sizeof addr), 0);
    EXPECT_EQ(error_of([&] { (void)diplo::io::read_text_file(dir / "s.json"); }),
              refused(dir / "s.json", "a socket"));
  }
  ::close(sock);
  // A link to a regular file is read.
  put(dir / "a.json", "{}");
  fs::create_symlink("a.json", dir / "link.json");
  EXPECT_EQ(diplo::io::read_text_file(dir / "link.json"), "{}");
}

TEST(File, ReadTextFileRefusesASparseFileOverTheLimitBySize) {
  // 1 GiB and one byte of holes: no disk used, refused before any of it is read.
  const fs::path dir = scratch("sparse");
  const fs::path big = dir / "big.json";
  put(big, "");
  fs::resize_file(big, diplo::io::read_limits{}.max_file_size + 1);
  EXPECT_EQ(error_of([&] { (void)diplo::io::read_text_file(big); }),
            fmt::format("[diplo.io] cannot read \"{}\": the file is larger than the limit of "
                        "1073741824 bytes (read_limits::max_file_size)",
                        big.string()));
  EXPECT_EQ(error_of([&] { (void)diplo::io::load(big); }),
            fmt::format("[diplo.io] cannot read \"{}\": the file is larger than the limit of "
                        "1073741824 bytes (read_limits::max_file_size)",
                        big.string()));
}

TEST(File, WriteFileAtomicReplacesContent) {
  const fs::path dir = scratch("write");
  diplo::io::write_file_atomic(dir / "out.json", "one");
  EXPECT_EQ(diplo::io::read_text_file(dir / "out.json"), "one");
  fs::permissions(dir / "out.json", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  diplo::io::write_file_atomic(dir / "out.json", "two");
  EXPECT_EQ(diplo::io::read_text_file(dir / "out.json"), "two");
  EXPECT_EQ(fs::status(dir / "out.json").permissions(),
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(entries(dir), 1U);  // no temporary file left behind
}

TEST(File, WriteFileAtomicFailsCleanly) {
  const fs::path dir = scratch("fail");
  // The directory does not exist.
  EXPECT_EQ(error_of([&] { diplo::io::write_file_atomic(dir / "no" / "x.json", "x"); }),
            fmt::format("[diplo.io] cannot write \"{}\": No such file or directory",
                        (dir / "no" / "x.json").string()));
  // A parent is a file.
  put(dir / "file", "old");
  EXPECT_EQ(
      error_of([&] { diplo::io::write_file_atomic(dir / "file" / "x.json", "x"); }),
      fmt::format("[diplo.io] cannot write \"{}\": Not a directory", (dir / "file" / "x.json").string()));
  // The target is a non-empty directory: the temporary file is written, the rename fails.
  fs::create_directories(dir / "target.json" / "inside");
  EXPECT_EQ(error_of([&] { diplo::io::write_file_atomic(dir / "target.json", "x"); }),
            fmt::format("[diplo.io] cannot write \"{}\": Is a directory", (dir / "target.json").string()));
  EXPECT_EQ(diplo::io::read_text_file(dir / "file"), "old");
  EXPECT_EQ(entries(dir), 2U);  // "file" and "target.json": no temporary file left
}

TEST(File, WriteFileAtomicKeepsTheOldFileWhenTheWriteFails) {
  // A real write failure without a testing hook: a file-size limit makes write() fail with
  // EFBIG in the middle of the content (SIGXFSZ ignored so that the call returns an error).
  const fs::path dir = scratch("efbig");
  put(dir / "data.json", "old content");
  rlimit old_limit{};
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &old_limit), 0);
  auto* old_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = old_limit;
  small.rlim_cur = 4096;
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
  const std::string message =
      error_of([&] { diplo::io::write_file_atomic(dir / "data.json", std::string(100000, 'x')); });
  setrlimit(RLIMIT_FSIZE, &old_limit);
  std::signal(SIGXFSZ, old_handler);
  EXPECT_EQ(message,
            fmt::format("[diplo.io] cannot write \"{}\": File too large", (dir / "data.json").string()));
  EXPECT_EQ(diplo::io::read_text_file(dir / "data.json"), "old content");
  EXPECT_EQ(entries(dir), 1U);
}

TEST(File, WriteFileAtomicUnderAFileSizeLimitNeedsNoSignalHandler) {
  // SIGXFSZ left at its default (ending the process): the library does not write past the
  // limit, so the call fails with EFBIG and cleans up without the caller ignoring SIGXFSZ.
  const fs::path dir = scratch("efbig-default");
  put(dir / "data.json", "old content");
  EXPECT_EXIT(
      {
        std::signal(SIGXFSZ, SIG_DFL);
        rlimit small{};
        getrlimit(RLIMIT_FSIZE, &small);
        small.rlim_cur = 4096;
        setrlimit(RLIMIT_FSIZE, &small);
        exit_whether_write_fails_with(dir / "data.json", std::string(100000, 'x'), "File too large");
      },
      testing::ExitedWithCode(0), "");
  EXPECT_EQ(diplo::io::read_text_file(dir / "data.json"), "old content");
  EXPECT_EQ(entries(dir), 1U);
}

TEST(File, WriteFileAtomicWritesThroughASymlinkAndRefusesADirectory) {
  const fs::path dir = scratch("links");
  // A symbolic link is kept: the file it points to is replaced, atomically in its own
  // folder (a chain of links is followed to its end).
  fs::create_directory(dir / "real");
  put(dir / "real" / "target.json", "target");
  fs::create_symlink("real/target.json", dir / "link1.json");
  fs::create_symlink("link1.json", dir / "link.json");
  diplo::io::write_file_atomic(dir / "link.json", "new");
  EXPECT_TRUE(fs::is_symlink(dir / "link.json"));
  EXPECT_EQ(fs::read_symlink(dir / "link.json"), "link1.json");
  EXPECT_EQ(diplo::io::read_text_file(dir / "real" / "target.json"), "new");
  EXPECT_EQ(entries(dir / "real"), 1U);
  // A dangling link: the file it names is made.
  fs::create_symlink("real/made.json", dir / "dangling.json");
  diplo::io::write_file_atomic(dir / "dangling.json", "made");
  EXPECT_TRUE(fs::is_symlink(dir / "dangling.json"));
  EXPECT_EQ(diplo::io::read_text_file(dir / "real" / "made.json"), "made");
  // A loop of links is refused.
  fs::create_symlink("loop2.json", dir / "loop1.json");
  fs::create_symlink("loop1.json", dir / "loop2.json");
  EXPECT_EQ(error_of([&] { diplo::io::write_file_atomic(dir / "loop1.json", "x"); }),
            fmt::format("[diplo.io] cannot write \"{}\": Too many levels of symbolic links",
                        (dir / "loop1.json").string()));
  EXPECT_EQ(entries(dir), 6U);
  EXPECT_EQ(entries(dir / "real"), 2U);
  // An empty directory in the way: refused, left as it was, nothing else left behind.
  fs::create_directory(dir / "empty.json");
  EXPECT_EQ(error_of([&] { diplo::io::write_file_atomic(dir / "empty.json", "x"); }),
            fmt::format("[diplo.io] cannot write \"{}\": Is a directory", (dir / "empty.json").string()));
  EXPECT_TRUE(fs::is_directory(dir / "empty.json"));
  EXPECT_EQ(entries(dir), 7U);
  // A path naming a directory by its trailing slash.
  EXPECT_THROW(diplo::io::write_file_atomic(dir / "x" / "", "x"), diplo::error);
  EXPECT_EQ(entries(dir), 7U);
}

TEST(File, WriteFileAtomicRefusesAFileItsUserMayNotWrite) {
  // A read-only file in a writable folder: `cp` refuses it, so does the write. Run as an
  // unprivileged user (root, as in CI, writes any file; the child drops to "nobody").
  const fs::path dir = scratch("readonly-file");
  fs::permissions(dir, fs::perms::all);
  put(dir / "data.json", "old");
  fs::permissions(dir / "data.json", fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  EXPECT_EXIT(
      {
        drop_to_nobody();
        exit_whether_write_fails_with(dir / "data.json", "new", "Permission denied");
      },
      testing::ExitedWithCode(0), "");
  EXPECT_EQ(diplo::io::read_text_file(dir / "data.json"), "old");
  EXPECT_EQ(entries(dir), 1U);
}

TEST(File, WriteFileAtomicKeepsOwnerGroupAndMode) {
  const fs::path dir = scratch("owner");
  put(dir / "data.json", "old");
  ::chmod((dir / "data.json").c_str(), 0640);
  // Only root can give the old file another owner; root then must keep it.
  const bool root = ::geteuid() == 0;
  if (root) {
    ASSERT_EQ(::chown((dir / "data.json").c_str(), 65534, 65534), 0);
  }
  diplo::io::write_file_atomic(dir / "data.json", "new");
  struct stat st {};
  ASSERT_EQ(::stat((dir / "data.json").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640U);
  EXPECT_EQ(st.st_uid, root ? 65534U : ::geteuid());
  EXPECT_EQ(st.st_gid, root ? 65534U : ::getegid());
  EXPECT_EQ(diplo::io::read_text_file(dir / "data.json"), "new");
  EXPECT_EQ(entries(dir), 1U);
}

TEST(File, WriteFileAtomicRefusesToBreakHardLinks) {
  const fs::path dir = scratch("hardlinks");
  put(dir / "data.json", "old");
  fs::create_hard_link(dir / "data.json", dir / "other.json");
  EXPECT_EQ(error_of([&] { diplo::io::write_file_atomic(dir / "data.json", "new"); }),
            fmt::format("[diplo.io] cannot write \"{}\": it has 2 hard links, which replacing "
                        "it would break (remove it first, or write to another name)",
                        (dir / "data.json").string()));
  EXPECT_EQ(diplo::io::read_text_file(dir / "other.json"), "old");
  EXPECT_EQ(fs::hard_link_count(dir / "data.json"), 2U);
  EXPECT_EQ(entries(dir), 2U);
}

TEST(File, WriteFileAtomicTakesNamesUpToTheLimit) {
  // The temporary name is longer than the target's; for a long target it is shortened to
  // fit NAME_MAX (255 bytes on Linux), so any name the folder allows can be written.
  const fs::path dir = scratch("long-names");
  for (const std::size_t length : {200U, 224U, 240U, 250U, 254U, 255U}) {
    const std::string name = std::string(length - 5, 'n') + ".json";
    diplo::io::write_file_atomic(dir / name, "one");
    diplo::io::write_file_atomic(dir / name, "two");  // replacing it too
    EXPECT_EQ(diplo::io::read_text_file(dir / name), "two") << length;
  }
  // Multi-byte characters are not cut in the middle (the name stays valid UTF-8).
  std::string wide;
  while (wide.size() + 2 + 5 <= 255) wide += "\xC3\xA9";  // é
  diplo::io::write_file_atomic(dir / (wide + ".json"), "é");
  EXPECT_EQ(diplo::io::read_text_file(dir / (wide + ".json")), "é");
  EXPECT_EQ(entries(dir), 7U);
}

TEST(File, WriteFileAtomicInAnUnwritableDirectoryLeavesTheOldFile) {
  // The file may be written, its folder not: the temporary file cannot be made. Run as an
  // unprivileged user (root, as in CI, writes into any folder; the child drops to "nobody",
  // who owns the file).
  const fs::path dir = scratch("readonly");
  put(dir / "data.json", "old");
  if (::geteuid() == 0) {
    ASSERT_EQ(::chown((dir / "data.json").c_str(), 65534, 65534), 0);
  }
  ::chmod((dir / "data.json").c_str(), 0644);
  ::chmod(dir.c_str(), 0555);
  EXPECT_EXIT(
      {
        drop_to_nobody();
        exit_whether_write_fails_with(dir / "data.json", "new", "Permission denied");
      },
      testing::ExitedWithCode(0), "");
  fs::permissions(dir, fs::perms::owner_all);
  EXPECT_EQ(diplo::io::read_text_file(dir / "data.json"), "old");
  EXPECT_EQ(entries(dir), 1U);
}

TEST(File, FormatOf) {
  using diplo::io::format;
  EXPECT_EQ(diplo::io::format_of("a/b.json"), format::json);
  EXPECT_EQ(diplo::io::format_of("B.JSON"), format::json);
  EXPECT_EQ(diplo::io::format_of("x.JsonL"), format::jsonl);
  EXPECT_EQ(diplo::io::format_of("x.ndjson"), format::jsonl);
  EXPECT_EQ(diplo::io::format_of("events.CSV"), format::csv);
  EXPECT_EQ(error_of([] { (void)diplo::io::format_of("notes.txt"); }),
            "[diplo.io] \"notes.txt\": unknown file format \".txt\" (expected .json, .jsonl, "
            ".ndjson or .csv)");
  EXPECT_EQ(error_of([] { (void)diplo::io::format_of("README"); }),
            "[diplo.io] \"README\": no file extension (expected .json, .jsonl, .ndjson or .csv)");
  EXPECT_EQ(fmt::format("{:>6}", format::jsonl), " jsonl");
  EXPECT_EQ(diplo::io::name(format::csv), "csv");
}

TEST(File, LoadAndSaveByExtension) {
  const fs::path dir = scratch("load");
  put(dir / "in.json", doc_json);
  const diplo::io::document doc = diplo::io::load(dir / "in.json");
  ASSERT_EQ(doc.events.size(), 1U);
  EXPECT_EQ(doc.origins[0].file, (dir / "in.json").string());
  const diplo::timeline t = diplo::io::build(doc);

  diplo::io::save(dir / "out.jsonl", t, {.title = "T"});
  const diplo::io::document lines = diplo::io::load(dir / "out.jsonl");
  EXPECT_EQ(lines.info.title, "T");
  EXPECT_EQ(lines.events, doc.events);

  diplo::io::save(dir / "out.JSON", t);
  EXPECT_EQ(diplo::io::read_text_file(dir / "out.JSON"), diplo::io::to_json(t));

  diplo::io::save(dir / "out.csv", t);
  const diplo::io::document rows = diplo::io::load(dir / "out.csv", &t.actors());
  EXPECT_EQ(rows.events.size(), 1U);

  EXPECT_THROW((void)diplo::io::load(dir / "in.txt"), diplo::error);
  put(dir / "bad.json", "{\"diplo\": 1, \"events\": [1]}");
  try {
    (void)diplo::io::load(dir / "bad.json");
    FAIL() << "no error";
  } catch (const diplo::validation_error& e) {
    EXPECT_EQ(fmt::format("{}", e.diagnostics().at(0)),
              fmt::format("{}:1:25: error: events[0]: expected an object, got a number",
                          (dir / "bad.json").string()));
  }
}

TEST(Check, ListsReaderAndCrossRecordProblemsOfAFile) {
  const fs::path dir = scratch("check");
  const fs::path file = dir / "events.jsonl";
  put(file,
      "{\"id\": \"xi\", \"kind\": \"person\", \"name\": \"Xi\"}\n"
      "{\"id\": \"a\", \"kind\": \"meeting\", \"when\": \"2024-13-01\", \"participants\": [\"xi\", "
      "\"putin\"]}\n"
      "{\"id\": \"b\", \"kind\": \"meeting\", \"when\": \"2024-01-02\", \"participants\": [\"xi\", "
      "\"putin\"]}\n");
  const diplo::io::check_report r = diplo::io::check(file);
  ASSERT_EQ(r.diagnostics.size(), 2U);
  EXPECT_EQ(r.diagnostics[0].line, 2U);
  EXPECT_EQ(r.diagnostics[0].column, 40U);
  EXPECT_EQ(fmt::format("{}", r.diagnostics[1]),
            fmt::format("{}:3:1: error: event \"b\": unknown actor \"putin\"", file.string()));
  EXPECT_EQ(r.events, 1U);
  EXPECT_EQ(r.actors, 1U);

  std::vector<diplo::diagnostic> problems;
  const auto doc = diplo::io::load_lenient(file, nullptr, problems);
  EXPECT_EQ(problems.size(), 1U);
  EXPECT_EQ(doc.events.size(), 1U);

  // A file that cannot be read, or of an unknown format, still throws.
  EXPECT_THROW((void)diplo::io::check(dir / "missing.json"), diplo::error);
  EXPECT_THROW((void)diplo::io::check(dir / "events.txt"), diplo::error);
  // A clean file: nothing.
  put(dir / "ok.json", "{\"diplo\": 1}\n");
  EXPECT_TRUE(diplo::io::check(dir / "ok.json").ok());
}

}  // namespace
