// Hostile input through the real binary: what is refused (one error line,
// exit 2, store unchanged), what is stored byte for byte, and a read-only
// store and a full disk (real tmpfs mounts when we may mount, else skipped).

#include "support/child.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <sys/mount.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

TEST_SUITE_BEGIN("e2e");

namespace fs = std::filesystem;
using stet::test::is_one_error_line;
using stet::test::run_binary;
using stet::test::TempDir;
using stet::test::tree_fingerprint;

namespace {

fs::path new_store(const TempDir& dir) {
  fs::path store = dir / "store";
  REQUIRE(run_binary({"--store", store.string(), "init"}).code == 0);
  REQUIRE(run_binary({"--store", store.string(), "ingest", "-", "--doc", "seed"}, "Seed text.\n").code == 0);
  return store;
}

// Ingests `args` and requires a refusal that leaves `store` unchanged.
void require_refused(const fs::path& store, std::vector<std::string> args, const std::string& input,
                     const std::string& reason) {
  std::string before = tree_fingerprint(store);
  args.insert(args.begin(), {"--store", store.string(), "ingest"});
  auto result = run_binary(args, input);
  CAPTURE(result.err);
  CHECK(result.code == 2);
  CHECK(is_one_error_line(result.err));
  CHECK(result.err.find(reason) != std::string::npos);
  CHECK(tree_fingerprint(store) == before);
}

}  // namespace

TEST_CASE("hostile input: refused") {
  TempDir dir;
  fs::path store = new_store(dir);
  struct Case {
    const char* name;
    std::string input;
    std::vector<std::string> args;
    const char* reason;
  };
  const std::vector<Case> cases = {
      {"0 bytes", "", {"-", "--doc", "x"}, "empty"},
      {"NUL byte", std::string("text\0more\n", 10), {"-", "--doc", "x"}, "NUL"},
      // Invalid UTF-8 is read as a legacy charset now (see docs/capture.md); binaries are refused.
      {"a PDF", "%PDF-1.4\n\xe2\xe3\n", {"-", "--doc", "x"}, "PDF document"},
      {"an image", "GIF89a\x01\x00", {"-", "--doc", "x"}, "GIF image"},
      {"control character in id", "text\n", {"-", "--doc", "a\x01z"}, "document id"},
      {"newline in id", "text\n", {"-", "--doc", "a\nz"}, "document id"},
      {"escape sequence in id", "text\n", {"-", "--doc", "\x1b[31mred"}, "document id"},
      {"path traversal id", "text\n", {"-", "--doc", "../outside"}, "document id"},
      {"git folder id", "text\n", {"-", "--doc", ".git/config"}, "document id"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    require_refused(store, c.args, c.input, c.reason);
  }
}

TEST_CASE("hostile input: stored byte for byte") {
  TempDir dir;
  fs::path store = new_store(dir);
  struct Case {
    const char* id;
    std::string input;
  };
  // Built with push_back: g++ 12 reports a spurious -Warray-bounds on
  // `std::string(8 << 20, 'a') + "\n"` here.
  std::string long_line(8 << 20, 'a');
  long_line.push_back('\n');
  const std::vector<Case> cases = {
      {"bom", "\xef\xbb\xbfWith a byte order mark.\n"},
      {"crlf", "Windows\r\nline endings\r\n"},
      {"control-characters", "Bell \x07, escape \x1b[31m, form feed \x0c.\n"},
      {"long-line", long_line},
      {"looks-like-metadata", "Stet-Doc: other\nStet-Sha256: " + std::string(64, '0') +
                                  "\n{\"doc\": \"other\", \"sha256\": \"00\", \"stet_version\": \"9\"}\n"},
      {"looks-like-git",
       "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nparent 0000000000000000000000000000000000000000\n"
       "author A <a@b> 0 +0000\n\nStet-Doc: seed\n"},
      {"separator-only-text", "=====\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.id);
    auto result = run_binary({"--store", store.string(), "ingest", "-", "--doc", c.id}, c.input);
    CAPTURE(result.err);
    REQUIRE(result.code == 0);
    auto shown = run_binary({"--store", store.string(), "show", c.id});
    CHECK(shown.code == 0);
    CHECK(shown.out == c.input);
  }
  auto seed = run_binary({"--store", store.string(), "show", "seed"});
  CHECK(seed.out == "Seed text.\n");
  CHECK(stet::test::run_program({"git", "--git-dir=" + store.string(), "fsck", "--full", "--strict"}).code == 0);
}

TEST_CASE("hostile input: larger than the 64 MiB limit") {
  TempDir dir;
  fs::path store = new_store(dir);
  SUBCASE("a 1 GB file is refused by its size, without reading it") {
    fs::path huge = dir / "huge.txt";
    std::ofstream(huge).close();
    fs::resize_file(huge, std::uintmax_t{1} << 30);  // sparse: costs no disk
    require_refused(store, {huge.string(), "--doc", "huge"}, "", "larger than 64 MiB");
  }
  SUBCASE("a 1 GB stream is refused after at most 64 MiB, in bounded memory") {
    if (std::getenv("STET_SKIP_HUGE") != nullptr) {
      MESSAGE("STET_SKIP_HUGE is set: skipping the 1 GB stream");
      return;
    }
    std::string before = tree_fingerprint(store);
    std::string command = "yes 'A line of text that repeats in a very long document.' | head -c 1073741824 | '" +
                          stet::test::stet_binary().string() + "' --store '" + store.string() + "' ingest - --doc huge";
    stet::test::Child child({"/bin/sh", "-c", command}, dir / "huge.out", dir / "huge.err");
    CHECK(child.wait() == 2);
    std::string err = stet::test::read_file(dir / "huge.err");
    CHECK(err.find("larger than 64 MiB") != std::string::npos);
    CHECK(child.max_rss_kib() < 256 * 1024);
    MESSAGE("1 GB stream: peak RSS " << child.max_rss_kib() << " KiB");
    CHECK(tree_fingerprint(store) == before);
  }
}

namespace {

// A small tmpfs mounted for one test and unmounted after; `mounted()` is
// false when this process may not mount (not root, or in a container
// without CAP_SYS_ADMIN): the test then says so and skips.
class TmpfsMount {
 public:
  TmpfsMount(const fs::path& where, const char* options) : m_where(where) {
    fs::create_directories(where);
    m_mounted = ::mount("tmpfs", where.c_str(), "tmpfs", 0, options) == 0;
  }
  ~TmpfsMount() {
    if (m_mounted) {
      ::umount2(m_where.c_str(), MNT_DETACH);
    }
  }
  TmpfsMount(const TmpfsMount&) = delete;
  TmpfsMount& operator=(const TmpfsMount&) = delete;
  [[nodiscard]] bool mounted() const { return m_mounted; }
  [[nodiscard]] bool remount(unsigned long flags) const {
    return ::mount("tmpfs", m_where.c_str(), "tmpfs", MS_REMOUNT | flags, nullptr) == 0;
  }

 private:
  fs::path m_where;
  bool m_mounted = false;
};

}  // namespace

TEST_CASE("hostile input: a read-only store") {
  TempDir dir;
  TmpfsMount mount(dir / "mnt", "size=8m");
  if (!mount.mounted()) {
    MESSAGE("cannot mount a tmpfs here (needs root): skipping the read-only store test");
    return;
  }
  fs::path store = dir / "mnt" / "store";
  REQUIRE(run_binary({"--store", store.string(), "init"}).code == 0);
  REQUIRE(run_binary({"--store", store.string(), "ingest", "-", "--doc", "seed"}, "Seed text.\n").code == 0);
  REQUIRE(mount.remount(MS_RDONLY));
  require_refused(store, {"-", "--doc", "new"}, "New text.\n", "Read-only file system");
  require_refused(store, {"-", "--doc", "seed"}, "Seed text.\n", "Read-only file system");
  auto listed = run_binary({"--store", store.string(), "list"});
  CHECK(listed.code == 0);  // reading still works
  CHECK(listed.out.find("seed") != std::string::npos);
}

TEST_CASE("hostile input: a full disk") {
  TempDir dir;
  TmpfsMount mount(dir / "mnt", "size=1m");
  if (!mount.mounted()) {
    MESSAGE("cannot mount a tmpfs here (needs root): skipping the full disk test");
    return;
  }
  fs::path store = dir / "mnt" / "store";
  REQUIRE(run_binary({"--store", store.string(), "init"}).code == 0);
  REQUIRE(run_binary({"--store", store.string(), "ingest", "-", "--doc", "seed"}, "Seed text.\n").code == 0);
  fs::path filler = dir / "mnt" / "filler";
  {
    std::ofstream out(filler, std::ios::binary);
    std::string block(4096, 'x');
    while (out.write(block.data(), static_cast<std::streamsize>(block.size()))) {
    }
  }
  std::string big;
  for (int i = 0; big.size() < 200000; ++i) {
    big += "Line " + std::to_string(i * 7919 % 100003) + " of a document too large for the disk.\n";
  }
  require_refused(store, {"-", "--doc", "big"}, big, "No space left on device");
  CHECK(stet::test::run_program({"git", "--git-dir=" + store.string(), "fsck", "--full", "--strict"}).code == 0);
  fs::remove(filler);
  auto after = run_binary({"--store", store.string(), "ingest", "-", "--doc", "big"}, big);
  CHECK(after.code == 0);
  CHECK(run_binary({"--store", store.string(), "show", "big"}).out == big);
}

TEST_SUITE_END();
