// Sync end to end with real processes: the stet binary over git:// against
// a `git daemon` this test starts, a pull killed with SIGKILL, exit codes.

#include "store/content_store.hpp"
#include "store/sync.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <thread>

using stet::test::fsck_clean;

TEST_SUITE_BEGIN("e2e");

namespace st = stet::store;
namespace fs = std::filesystem;
using stet::test::run_binary;
using stet::test::run_program;
using stet::test::TempDir;

namespace {

// A child process in its own process group, killed (group and all) when
// this goes out of scope.
class Child {
 public:
  explicit Child(const std::vector<std::string>& args) {
    m_pid = ::fork();
    REQUIRE(m_pid >= 0);
    if (m_pid == 0) {
      ::setpgid(0, 0);
      std::vector<char*> argv;
      for (const std::string& arg : args) {
        argv.push_back(const_cast<char*>(arg.c_str()));
      }
      argv.push_back(nullptr);
      int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, 1);
      ::dup2(null, 2);
      ::execvp(argv[0], argv.data());
      ::_exit(127);
    }
    ::setpgid(m_pid, m_pid);
  }
  ~Child() { stop(SIGKILL); }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // Sends `signal` to the whole group and reaps the child.
  void stop(int signal) {
    if (m_pid > 0) {
      ::kill(-m_pid, signal);
      ::waitpid(m_pid, nullptr, 0);
      m_pid = -1;
    }
  }
  // True when the child ended by itself (reaping it).
  bool exited() {
    int status = 0;
    if (m_pid > 0 && ::waitpid(m_pid, &status, WNOHANG) == m_pid) {
      m_pid = -1;
      return true;
    }
    return m_pid < 0;
  }

 private:
  pid_t m_pid = -1;
};

int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  socklen_t length = sizeof address;
  REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
  ::close(fd);
  return ntohs(address.sin_port);
}

bool accepts_connections(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return ok;
}

std::vector<std::string> with_store(const fs::path& store, std::vector<std::string> args) {
  args.insert(args.begin(), {"--store", store.string()});
  return args;
}

std::string versions_of(const fs::path& store) {
  auto s = st::ContentStore::open(store);
  std::string out;
  for (const auto& d : s.documents()) {
    auto history = s.history(d.id).value();
    for (const auto& v : history) {
      out += d.id + " " + v.sha256.hex() + " " + std::to_string(1 + v.sightings.size()) + "\n";
    }
  }
  return out;
}

// A remote with 200 large, hardly compressible versions of 50 documents:
// fetching it takes a while, ingesting it (one fsync per object) does not.
void make_big_remote(const TempDir& dir, const fs::path& remote) {
  auto big = st::ContentStore::create(dir / "big", "2026-01-01T00:00:00Z");
  std::vector<st::IngestItem> items;
  std::uint32_t state = 12345;
  for (int i = 0; i < 200; ++i) {
    st::IngestItem item;
    item.record.doc = "doc-" + std::to_string(i % 50);
    for (int c = 0; c < 20000; ++c) {
      state = state * 1664525u + 1013904223u;
      item.content += static_cast<char>('a' + (state >> 24) % 26);
    }
    item.record.normalized_sha256 = st::sha256(item.content);
    item.record.ingested_at = "2026-01-02T00:00:00Z";
    item.record.ingested_by = "Big";
    items.push_back(std::move(item));
  }
  (void)big.ingest(items);
  (void)st::push(big, remote.string());
}

}  // namespace

TEST_CASE("sync over git:// with a real git daemon") {
  if (run_program({"git", "daemon", "--help"}).code == 127) {
    MESSAGE("git daemon is not installed; skipped");
    return;
  }
  TempDir dir;
  fs::path served = dir / "served";
  REQUIRE(run_program({"git", "init", "-q", "--bare", (served / "store.git").string()}).code == 0);
  int port = free_port();
  Child daemon({"git", "daemon", "--reuseaddr", "--export-all", "--enable=receive-pack", "--listen=127.0.0.1",
                "--port=" + std::to_string(port), "--base-path=" + served.string(), served.string()});
  for (int i = 0; i < 200 && !accepts_connections(port); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  REQUIRE(accepts_connections(port));
  std::string url = "git://127.0.0.1:" + std::to_string(port) + "/store.git";
  dir.write("in/report.txt", "The minister said the plan was final.\n");
  dir.write("in/notes.txt", "Draft two.\n");
  fs::path a = dir / "a";
  fs::path b = dir / "b";
  REQUIRE(run_binary(with_store(a, {"ingest", (dir / "in/report.txt").string()})).code == 0);
  REQUIRE(run_binary(with_store(a, {"remote", "add", "origin", url})).code == 0);
  auto pushed = run_binary(with_store(a, {"push"}));
  CHECK(pushed.code == 0);
  CHECK(pushed.out.starts_with("initialised " + url));
  auto cloned = run_binary({"clone", url, b.string()});
  CHECK(cloned.code == 0);
  dir.write("in/report.txt", "The minister said the plan was not final.\n");
  REQUIRE(
      run_binary(with_store(b, {"ingest", (dir / "in/report.txt").string(), (dir / "in/notes.txt").string()})).code ==
      0);
  REQUIRE(run_binary(with_store(a, {"ingest", (dir / "in/notes.txt").string()})).code == 0);
  CHECK(run_binary(with_store(b, {"push"})).code == 0);
  auto refused = run_binary(with_store(a, {"push"}));
  CHECK(refused.code == 2);
  CHECK(refused.err.find("run 'stet pull' first") != std::string::npos);
  auto retried = run_binary(with_store(a, {"push", "--pull"}));
  CHECK(retried.code == 0);
  CHECK(retried.out.find("merged") != std::string::npos);
  CHECK(run_binary(with_store(b, {"pull"})).code == 0);
  CHECK(versions_of(a) == versions_of(b));
  CHECK(versions_of(a).find("notes " + st::sha256("Draft two.\n").hex() + " 2\n") != std::string::npos);
  CHECK(fsck_clean(a));
  CHECK(fsck_clean(served / "store.git"));
  // An exception inside a libgit2 callback (here push_update_reference,
  // through the test-only fault point) is kept, libgit2 is told to stop, and
  // it surfaces after the call as one clean error line: no abort.
  dir.write("in/late.txt", "Late addition.\n");
  REQUIRE(run_binary(with_store(a, {"ingest", (dir / "in/late.txt").string()})).code == 0);
  auto faulted = run_binary(with_store(a, {"push"}), "", {}, {{"STET_TEST_FAULT_AT", "push-update-reference"}});
  CHECK(faulted.code == 2);
  CHECK(faulted.err == "stet: error: injected fault at push-update-reference\n");
  CHECK(run_binary(with_store(a, {"push"})).code == 0);
  CHECK(fsck_clean(served / "store.git"));
  daemon.stop(SIGTERM);
  auto down = run_binary(with_store(a, {"pull"}));
  CHECK(down.code == 2);
  CHECK(down.err.starts_with("stet: error: cannot reach " + url));
  CHECK(std::count(down.err.begin(), down.err.end(), '\n') == 1);
}

TEST_CASE("a pull killed with SIGKILL leaves the store valid") {
  TempDir dir;
  fs::path remote = dir / "remote.git";
  REQUIRE(run_program({"git", "init", "-q", "--bare", remote.string()}).code == 0);
  make_big_remote(dir, remote);
  fs::path local = dir / "local";
  REQUIRE(run_binary(with_store(local, {"ingest", "--doc", "mine", "-"}), "my own text\n").code == 0);
  std::string mine = versions_of(local);
  int killed = 0;
  for (int delay_ms : {1, 5, 10, 20, 40, 80, 150, 250, 400}) {
    CAPTURE(delay_ms);
    Child pull({stet::test::stet_binary().string(), "--store", local.string(), "pull", remote.string()});
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    if (!pull.exited()) {
      ++killed;
    }
    pull.stop(SIGKILL);
    auto store = st::ContentStore::open(local);
    CHECK(store.history("mine").has_value());
    std::string now = versions_of(local);
    CHECK((now == mine || now.size() > mine.size()));
    CHECK(fsck_clean(local));
  }
  CHECK(killed > 0);
  auto finished = run_binary(with_store(local, {"pull", remote.string()}));
  CHECK(finished.code == 0);
  auto store = st::ContentStore::open(local);
  CHECK(store.documents().size() == 51);
  CHECK(fsck_clean(local));
}

TEST_CASE("stet push, pull, clone and remote on the command line") {
  TempDir dir;
  fs::path remote = dir / "remote.git";
  REQUIRE(run_program({"git", "init", "-q", "--bare", remote.string()}).code == 0);
  fs::path a = dir / "a";
  REQUIRE(run_binary(with_store(a, {"ingest", "--doc", "d", "-"}), "text\n").code == 0);
  SUBCASE("no remote configured") {
    auto r = run_binary(with_store(a, {"push"}));
    CHECK(r.code == 2);
    CHECK(r.err == "stet: error: no remote given and none configured; add one with 'stet remote add NAME URL'\n");
  }
  SUBCASE("remote add, list (text and json), remove") {
    CHECK(run_binary(with_store(a, {"remote", "add", "origin", remote.string()})).code == 0);
    auto list = run_binary(with_store(a, {"remote", "list"}));
    CHECK(list.out == "origin\t" + remote.string() + "\n");
    auto json = run_binary(with_store(a, {"remote", "list", "--format", "json"}));
    CHECK(json.out.find("\"url\": \"" + remote.string() + "\"") != std::string::npos);
    auto again = run_binary(with_store(a, {"remote", "add", "origin", "x"}));
    CHECK(again.code == 2);
    CHECK(again.err == "stet: error: a remote named 'origin' already exists\n");
    CHECK(run_binary(with_store(a, {"remote", "remove", "origin"})).code == 0);
    CHECK(run_binary(with_store(a, {"remote", "list"})).out.empty());
    CHECK(run_binary(with_store(a, {"remote", "remove", "origin"})).code == 2);
  }
  SUBCASE("clone of an empty remote and of a missing one") {
    auto empty = run_binary({"clone", remote.string(), (dir / "c").string()});
    CHECK(empty.code == 2);
    CHECK(empty.err.find("is empty") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "c"));
    auto missing = run_binary({"clone", (dir / "nowhere.git").string() + "/", (dir / "c").string()});
    CHECK(missing.code == 2);
    CHECK_FALSE(fs::exists(dir / "c"));
  }
  SUBCASE("push, clone, pull with json output") {
    auto pushed = run_binary(with_store(a, {"push", remote.string(), "--format", "json"}));
    CHECK(pushed.code == 0);
    CHECK(pushed.out.find("\"result\": \"initialised\"") != std::string::npos);
    auto cloned = run_binary({"--store", (dir / "c").string(), "clone", remote.string()});
    CHECK(cloned.code == 0);
    auto head = st::ContentStore::open(a).head();
    CHECK(cloned.out == "cloned " + remote.string() + " into " + (dir / "c").string() + " (remote 'origin', head " +
                            head.substr(0, 12) + ")\n");
    CHECK(versions_of(dir / "c") == versions_of(a));
    auto pulled = run_binary(with_store(dir / "c", {"pull", "--format", "json"}));
    CHECK(pulled.out.find("\"result\": \"up-to-date\"") != std::string::npos);
  }
}

TEST_CASE("ingests during a pull are never lost") {
  TempDir dir;
  fs::path remote = dir / "remote.git";
  REQUIRE(run_program({"git", "init", "-q", "--bare", remote.string()}).code == 0);
  make_big_remote(dir, remote);
  fs::path local = dir / "local";
  auto store = st::ContentStore::create(local, "2026-01-01T00:05:00Z");
  Child pull({stet::test::stet_binary().string(), "--store", local.string(), "pull", remote.string()});
  std::set<std::string> mine;
  for (int i = 0; i < 15; ++i) {
    st::IngestItem item;
    item.record.doc = "mine";
    item.content = "local text " + std::to_string(i) + "\n";
    item.record.normalized_sha256 = st::sha256(item.content);
    item.record.ingested_at = "2026-01-03T00:00:" + std::string(i < 10 ? "0" : "") + std::to_string(i) + "Z";
    item.record.ingested_by = "Local";
    mine.insert(st::sha256(item.content).hex());
    (void)store.ingest({item});
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  for (int i = 0; i < 1000 && !pull.exited(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  REQUIRE(pull.exited());
  auto history = store.history("mine").value();
  std::set<std::string> kept;
  for (const auto& v : history) {
    kept.insert(v.sha256.hex());
  }
  CHECK(kept == mine);
  CHECK(store.documents().size() == 51);
  CHECK(fsck_clean(local));
}

// https through the TLS that libgit2 sets up (mbedTLS; in the static build,
// on demand: the CA bundle parsed and the random generator seeded at the
// first handshake). A real TLS server on 127.0.0.1 with its own CA: trusted
// through SSL_CERT_FILE, refused without it.
TEST_CASE("sync over https with a real TLS server and its own CA") {
  for (const std::vector<std::string>& probe :
       {std::vector<std::string>{"python3", "--version"}, std::vector<std::string>{"openssl", "version"}}) {
    REQUIRE_MESSAGE(run_program(probe).code == 0, probe[0] << " is needed (scripts/bootstrap.sh installs it)");
  }
  TempDir dir;
  fs::path served = dir / "served";
  REQUIRE(run_program({"git", "init", "-q", "--bare", (served / "store.git").string()}).code == 0);
  REQUIRE(run_program({"git", "-C", (served / "store.git").string(), "config", "http.receivepack", "true"}).code == 0);
  auto openssl = [&](std::vector<std::string> args) {
    args.insert(args.begin(), "openssl");
    auto done = run_program(args, "", dir.path());
    REQUIRE_MESSAGE(done.code == 0, done.err);
  };
  const std::string ec = "ec_paramgen_curve:prime256v1";
  openssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", ec, "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days",
           "2", "-subj", "/CN=stet test CA", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
           "keyUsage=critical,keyCertSign"});
  openssl({"req", "-newkey", "ec", "-pkeyopt", ec, "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj",
           "/CN=127.0.0.1"});
  dir.write("server.ext", "subjectAltName=IP:127.0.0.1,DNS:127.0.0.1\n");
  openssl({"x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out",
           "server.pem", "-days", "2", "-extfile", "server.ext"});
  int port = free_port();
  Child server({"python3", std::string(STET_SOURCE_DIR) + "/tests/support/https_git_server.py", std::to_string(port),
                served.string(), (dir / "server.pem").string(), (dir / "server.key").string()});
  for (int i = 0; i < 400 && !accepts_connections(port); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  REQUIRE(accepts_connections(port));
  std::string url = "https://127.0.0.1:" + std::to_string(port) + "/store.git";
  std::map<std::string, std::string> trust{{"SSL_CERT_FILE", (dir / "ca.pem").string()}};
  fs::path a = dir / "a";
  fs::path b = dir / "b";
  dir.write("in/report.txt", "The minister said the plan was final.\n");
  REQUIRE(run_binary(with_store(a, {"ingest", (dir / "in/report.txt").string()})).code == 0);
  auto pushed = run_binary(with_store(a, {"push", url}), "", {}, trust);
  CHECK_MESSAGE(pushed.code == 0, pushed.err);
  // The system's CAs do not know this server: one line, exit 2, no store.
  auto untrusted = run_binary({"clone", url, b.string()});
  CHECK(untrusted.code == 2);
  CHECK(untrusted.err.starts_with("stet: error: "));
  CHECK(std::count(untrusted.err.begin(), untrusted.err.end(), '\n') == 1);
  CHECK(untrusted.err.find("certificate") != std::string::npos);
  CHECK_FALSE(fs::exists(b));
  auto cloned = run_binary({"clone", url, b.string()}, "", {}, trust);
  CHECK_MESSAGE(cloned.code == 0, cloned.err);
  dir.write("in/report.txt", "The minister said the plan was not final.\n");
  REQUIRE(run_binary(with_store(a, {"ingest", (dir / "in/report.txt").string()})).code == 0);
  CHECK(run_binary(with_store(a, {"push", url}), "", {}, trust).code == 0);
  auto pulled = run_binary(with_store(b, {"pull", url}), "", {}, trust);
  CHECK_MESSAGE(pulled.code == 0, pulled.err);
  CHECK(versions_of(a) == versions_of(b));
  CHECK(versions_of(b).find(st::sha256("The minister said the plan was not final.\n").hex()) != std::string::npos);
  // A CA file that is not one fails at the handshake it was put off to.
  dir.write("bad.pem", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
  auto bad = run_binary(with_store(b, {"pull", url}), "", {}, {{"SSL_CERT_FILE", (dir / "bad.pem").string()}});
  CHECK(bad.code == 2);
  CHECK(std::count(bad.err.begin(), bad.err.end(), '\n') == 1);
  CHECK(fsck_clean(served / "store.git"));
  CHECK(fsck_clean(b));
}

TEST_SUITE_END();
