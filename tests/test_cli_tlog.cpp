// The transparency log end to end: the real binary writes C2SP checkpoints,
// consistency and inclusion proofs and tiles, and checks them; tampering
// and bad input give exit 1 (false) or 2 (unusable) with one error line.

#include "store/content_store.hpp"
#include "store/log/log.hpp"
#include "store/log/merkle.hpp"
#include "store/log/note.hpp"
#include "store/log/proof.hpp"
#include "store/sync.hpp"
#include "support/run.hpp"
#include "support/tamper.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>

using stet::test::expect_error;

TEST_SUITE_BEGIN("e2e");

namespace fs = std::filesystem;
namespace sl = stet::store::log;
using stet::test::read_file;
using stet::test::RunResult;
using stet::test::TempDir;

namespace {

RunResult run(const fs::path& store, std::vector<std::string> args) {
  args.insert(args.begin(), {"--store", store.string()});
  return stet::test::run_binary(args, "", {}, {{"STET_AUTHOR", "Tester <t@example.org>"}});
}

RunResult run_plain(std::vector<std::string> args) { return stet::test::run_binary(args); }

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary | std::ios::trunc) << text; }

void ingest(const TempDir& dir, const fs::path& store, const std::string& doc, const std::string& text) {
  fs::path f = dir.write("in/" + doc + "-" + std::to_string(std::hash<std::string>{}(text)) + ".txt", text);
  RunResult r = run(store, {"ingest", "--doc", doc, f.string()});
  REQUIRE_MESSAGE(r.code == 0, r.err);
}

struct Log {
  TempDir dir;
  fs::path store = dir / "store";
  fs::path key = dir / "key";
  std::string vkey;
  Log() {
    RunResult k = run(store, {"keygen", key.string(), "--name", "example.org/newsroom"});
    REQUIRE(k.code == 0);
    vkey = read_file(dir / "key.vkey");
    vkey.pop_back();
    CHECK(k.out.find(vkey) != std::string::npos);
    ingest(dir, store, "a", "first text of a\n");
    ingest(dir, store, "b", "only text of b\n");
    ingest(dir, store, "a", "second text of a\n");
  }
  fs::path checkpoint(const std::string& name) {
    fs::path out = dir / name;
    RunResult r = run(store, {"checkpoint", "--sign", key.string(), "-o", out.string()});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    return out;
  }
};

}  // namespace

TEST_CASE("tlog: checkpoint is a C2SP signed note that verifies, verify --checkpoint proves consistency") {
  Log log;
  fs::path c1 = log.checkpoint("c1");
  std::string text = read_file(c1);
  sl::Note note = sl::parse_note(text);
  sl::TreeHead head = sl::parse_tree_head(note.text);
  CHECK(head.origin == "example.org/newsroom");
  CHECK(head.size == 3);
  CHECK(head.root == sl::read_log(log.store).tree.root());
  auto checks = sl::check_signatures(note, {sl::parse_vkey(log.vkey)});
  CHECK(checks[0].state == sl::SignatureState::verified);

  RunResult same = run(log.store, {"verify", "--checkpoint", c1.string(), "--key", log.vkey});
  CHECK(same.code == 0);
  CHECK(same.out.find("prefix of today's log of 3") != std::string::npos);
  ingest(log.dir, log.store, "c", "a third document\n");
  RunResult later = run(log.store, {"verify", "--checkpoint", c1.string(), "--key", (log.dir / "key.vkey").string()});
  CHECK(later.code == 0);
  CHECK(later.out.find("records is a prefix of today's log of 4") != std::string::npos);
  CHECK(later.out.find("signed by example.org/newsroom+") != std::string::npos);
  // Unsigned checkpoints are the checkpoint text alone.
  RunResult bare = run(log.store, {"checkpoint"});
  CHECK(bare.code == 0);
  CHECK(sl::parse_tree_head(bare.out).origin == "stet");
  CHECK(bare.out.find("\n\n") == std::string::npos);
}

TEST_CASE("tlog: a branch moved back or rewritten fails verify --checkpoint (exit 1)") {
  Log log;
  ingest(log.dir, log.store, "c", "a third document\n");
  fs::path c = log.checkpoint("c");
  auto verify = [&] { return run(log.store, {"verify", "--checkpoint", c.string(), "--key", log.vkey}); };
  SUBCASE("moved back") {
    stet::test::git(log.store, {"update-ref", "refs/heads/main", "HEAD~1"});
    RunResult r = verify();
    CHECK(r.code == 1);
    CHECK(r.out.find("checkpoint-mismatch: the checkpoint's tree has 4 records, the store's log only 3") !=
          std::string::npos);
  }
  SUBCASE("rewritten with another record in place of the last") {
    stet::test::git(log.store, {"update-ref", "refs/heads/main", "HEAD~1"});
    ingest(log.dir, log.store, "c", "another third document\n");
    RunResult r = verify();
    CHECK(r.code == 1);
    CHECK(r.out.find("is not a prefix of the store's log") != std::string::npos);
  }
  SUBCASE("a note altered after signing") {
    std::string text = read_file(c);
    text.replace(text.find("\n4\n"), 3, "\n3\n");
    write(c, text);
    RunResult r = verify();
    CHECK(r.code == 1);
    CHECK(r.out.find("checkpoint-signature: the signature of example.org/newsroom") != std::string::npos);
  }
}

TEST_CASE("tlog: witness cosignatures are checked when their keys are given, unknown lines are ignored") {
  Log log;
  fs::path c = log.checkpoint("c");
  sl::Note note = sl::parse_note(read_file(c));
  sl::Signer witness{"witness.example/w1", sl::k_type_cosignature, std::string(32, '\x11')};
  sl::Signer stranger{"stranger.example", sl::k_type_ed25519, std::string(32, '\x22')};
  note.signatures.push_back(sl::sign_note(note.text, witness, 1767225600));
  note.signatures.push_back(sl::sign_note(note.text, stranger));
  write(c, sl::format_note(note));
  std::string wkey = sl::format_vkey(sl::signer_vkey(witness));
  std::string other =
      sl::format_vkey(sl::signer_vkey({"witness.example/w2", sl::k_type_cosignature, std::string(32, '\x33')}));
  RunResult ok = run(log.store, {"verify", "--checkpoint", c.string(), "--key", log.vkey, "--witness-key", wkey});
  CHECK(ok.code == 0);
  CHECK(ok.out.find("cosigned by witness witness.example/w1+") != std::string::npos);
  CHECK(ok.out.find("at time 1767225600") != std::string::npos);
  RunResult missing = run(log.store, {"verify", "--checkpoint", c.string(), "--key", log.vkey, "--witness-key", other});
  CHECK(missing.code == 1);
  CHECK(missing.out.find("not cosigned by witness witness.example/w2") != std::string::npos);
  // The witness line altered: its cosignature fails, the log's still verifies.
  note.signatures[1].bytes[20] ^= 1;
  write(c, sl::format_note(note));
  RunResult bad = run(log.store, {"verify", "--checkpoint", c.string(), "--key", log.vkey, "--witness-key", wkey});
  CHECK(bad.code == 1);
  CHECK(bad.out.find("the cosignature of witness witness.example/w1") != std::string::npos);
}

TEST_CASE("tlog: consistency OLD NEW prints a proof a witness can check") {
  Log log;
  fs::path c1 = log.checkpoint("c1");
  ingest(log.dir, log.store, "c", "a third document\n");
  ingest(log.dir, log.store, "a", "third text of a\n");
  fs::path c2 = log.checkpoint("c2");
  RunResult r = run(log.store, {"consistency", c1.string(), c2.string()});
  REQUIRE(r.code == 0);
  std::istringstream lines(r.out);
  std::string line;
  std::getline(lines, line);
  CHECK(line == "old 3");
  std::vector<stet::store::Digest> proof;
  while (std::getline(lines, line) && !line.empty()) {
    proof.push_back(sl::digest_from_base64(line).value());
  }
  std::string rest((std::istreambuf_iterator<char>(lines)), std::istreambuf_iterator<char>());
  CHECK(rest == read_file(c2));
  auto old_head = sl::parse_tree_head(sl::parse_note(read_file(c1)).text);
  auto new_head = sl::parse_tree_head(sl::parse_note(read_file(c2)).text);
  CHECK(sl::verify_consistency(3, 5, old_head.root, new_head.root, proof));
  expect_error(run(log.store, {"consistency", c2.string(), c1.string()}), "give the older checkpoint first");
  write(log.dir / "garbage", "not a checkpoint\n\n— x y\n");
  expect_error(run(log.store, {"consistency", (log.dir / "garbage").string(), c2.string()}), "malformed");
}

TEST_CASE("tlog: prove and verify-proof, offline, and every way a proof can be wrong") {
  Log log;
  fs::path proof = log.dir / "a1.tlog-proof";
  RunResult made = run(log.store, {"prove", "a@1", "--sign", log.key.string(), "-o", proof.string()});
  REQUIRE_MESSAGE(made.code == 0, made.err);
  CHECK(made.out.find("wrote proof of a@1 (leaf 0 of a tree of 3 records)") != std::string::npos);
  fs::path text = log.dir.write("a1.txt", "first text of a\n");
  fs::path elsewhere = log.dir / "elsewhere";  // no store anywhere near
  fs::create_directories(elsewhere);
  RunResult ok = stet::test::run_binary({"verify-proof", proof.string(), "--text", text.string(), "--key", log.vkey},
                                        "", elsewhere);
  CAPTURE(ok.err);
  CHECK(ok.code == 0);
  CHECK(ok.out.find("proof verified: a sha256 ") != std::string::npos);
  CHECK(ok.out.find("a1.txt is exactly this version") != std::string::npos);
  std::string good = read_file(proof);
  // Size: the path has ceil(log2 3) = 2 hashes.
  CHECK(sl::parse_proof(good).path.size() == 2);

  SUBCASE("another file") {
    fs::path other = log.dir.write("other.txt", "first text of a.\n");
    RunResult r = run_plain({"verify-proof", proof.string(), "--text", other.string(), "--key", log.vkey});
    CHECK(r.code == 1);
    CHECK(r.out.find("is not this version") != std::string::npos);
  }
  SUBCASE("an altered inclusion path") {
    sl::TlogProof p = sl::parse_proof(good);
    p.path[0] = stet::store::sha256("forged");
    write(proof, sl::format_proof(p));
    RunResult r = run_plain({"verify-proof", proof.string(), "--key", log.vkey});
    CHECK(r.code == 1);
    CHECK(r.out.find("inclusion proof does not lead") != std::string::npos);
  }
  SUBCASE("an altered record") {
    sl::TlogProof p = sl::parse_proof(good);
    p.extra->replace(p.extra->find("\"source\": \"\""), 12, "\"source\": \"x\"");
    write(proof, sl::format_proof(p));
    CHECK(run_plain({"verify-proof", proof.string(), "--key", log.vkey}).code == 1);
  }
  SUBCASE("a proof for another tree size") {
    sl::TlogProof p = sl::parse_proof(good);
    p.index = 7;
    write(proof, sl::format_proof(p));
    expect_error(run_plain({"verify-proof", proof.string(), "--key", log.vkey}), "another tree size");
  }
  SUBCASE("an unknown key") {
    RunResult k = run(log.store, {"keygen", (log.dir / "other").string(), "--name", "example.org/newsroom"});
    REQUIRE(k.code == 0);
    expect_error(run_plain({"verify-proof", proof.string(), "--key", (log.dir / "other.vkey").string()}),
                 "unknown key");
  }
  SUBCASE("a malformed note or proof") {
    std::string cut = good.substr(0, good.rfind("\xe2\x80\x94"));
    write(proof, cut);
    expect_error(run_plain({"verify-proof", proof.string(), "--key", log.vkey}), "malformed note");
    write(proof, "c2sp.org/tlog-proof@v1\nindex 01\n\n");
    expect_error(run_plain({"verify-proof", proof.string(), "--key", log.vkey}), "malformed proof");
    write(proof, good);
    expect_error(run_plain({"verify-proof", proof.string(), "--key", "not+a+key"}), "verifier key");
  }
  SUBCASE("against an older checkpoint, and one taken before the version") {
    fs::path c3 = log.checkpoint("c3");
    ingest(log.dir, log.store, "d", "a fourth document\n");
    RunResult r = run(log.store, {"prove", "a@2", "--checkpoint", c3.string()});
    CHECK(r.code == 0);
    write(proof, r.out);
    CHECK(run_plain({"verify-proof", proof.string(), "--key", log.vkey}).code == 0);
    expect_error(run(log.store, {"prove", "d", "--checkpoint", c3.string()}), "taken before this version");
  }
}

TEST_CASE("tlog: export-tiles writes C2SP tiles, a re-export only adds, verify-tiles finds holes and edits") {
  TempDir dir;
  fs::path store = dir / "store";
  std::vector<std::string> args = {"ingest"};
  for (int i = 0; i < 300; ++i) {
    args.push_back(dir.write("in/d" + std::to_string(i) + ".txt", "text number " + std::to_string(i) + "\n").string());
  }
  REQUIRE(run(store, args).code == 0);
  fs::path tiles = dir / "tiles";
  RunResult r = run(store, {"export-tiles", tiles.string()});
  REQUIRE_MESSAGE(r.code == 0, r.err);
  for (const char* f :
       {"checkpoint", "tile/0/000", "tile/0/001.p/44", "tile/1/000.p/1", "tile/entries/000", "tile/entries/001.p/44"}) {
    CHECK_MESSAGE(fs::exists(tiles / f), f);
  }
  // Independently: level 0 holds SHA-256(0x00 || entry) of the bundle's entries.
  std::string bundle = read_file(tiles / "tile/entries/000");
  std::string level0 = read_file(tiles / "tile/0/000");
  REQUIRE(level0.size() == 256 * 32);
  std::vector<stet::store::Digest> first;
  for (std::size_t at = 0, i = 0; at < bundle.size(); ++i) {
    std::size_t n = static_cast<unsigned char>(bundle[at]) * 256u + static_cast<unsigned char>(bundle[at + 1]);
    auto h = stet::store::sha256(std::string(1, '\0') + bundle.substr(at + 2, n));
    CHECK(std::string(reinterpret_cast<const char*>(h.bytes().data()), 32) == level0.substr(i * 32, 32));
    first.push_back(h);
    at += 2 + n;
  }
  REQUIRE(first.size() == 256);
  auto top = sl::MerkleTree(first).root();
  CHECK(read_file(tiles / "tile/1/000.p/1") == std::string(reinterpret_cast<const char*>(top.bytes().data()), 32));
  CHECK(run_plain({"verify-tiles", tiles.string()}).code == 0);

  std::string fingerprint_before = read_file(tiles / "tile/0/001.p/44");
  std::map<std::string, std::string> before;
  for (const auto& e : fs::recursive_directory_iterator(tiles)) {
    if (e.is_regular_file()) {
      before[fs::relative(e.path(), tiles).string()] = read_file(e.path());
    }
  }
  ingest(dir, store, "late", "a later document\n");
  RunResult again = run(store, {"export-tiles", tiles.string()});
  REQUIRE(again.code == 0);
  CHECK(again.out.find("already there") != std::string::npos);
  CHECK(read_file(tiles / "tile/0/001.p/44") == fingerprint_before);
  std::size_t added = 0;
  for (const auto& e : fs::recursive_directory_iterator(tiles)) {
    std::string name = fs::relative(e.path(), tiles).string();
    if (e.is_regular_file() && before.count(name) == 0) {
      ++added;
    }
  }
  for (const auto& file : before) {  // only added to: every old file but the checkpoint as it was
    const std::string& name = file.first;
    CAPTURE(name);
    CHECK(fs::exists(tiles / name));
    if (name != "checkpoint") {
      CHECK(read_file(tiles / name) == file.second);
    }
  }
  CHECK(added > 0);
  CHECK(again.out.find(" " + std::to_string(added) + " new files") != std::string::npos);
  CHECK(fs::exists(tiles / "tile/0/001.p/45"));
  CHECK(run_plain({"verify-tiles", tiles.string()}).code == 0);

  SUBCASE("a hole") {
    fs::remove(tiles / "tile/entries/000");
    expect_error(run_plain({"verify-tiles", tiles.string()}), "hole: tile/entries/000 is missing");
  }
  SUBCASE("an edited tile") {
    std::string t = read_file(tiles / "tile/0/000");
    t[5] ^= 1;
    write(tiles / "tile/0/000", t);
    RunResult bad = run_plain({"verify-tiles", tiles.string()});
    CHECK(bad.code == 1);
    CHECK(bad.out.find("tile/0/000 does not hold") != std::string::npos);
    expect_error(run(store, {"export-tiles", tiles.string()}), "already holds other bytes");
  }
}

TEST_CASE("tlog: after a pull, the remote's records keep their leaves and the local ones are appended") {
  TempDir dir;
  fs::path remote = dir / "remote.git";
  REQUIRE(stet::test::run_program({"git", "init", "-q", "--bare", remote.string()}).code == 0);
  fs::path a = dir / "a";
  fs::path b = dir / "b";
  ingest(dir, a, "x", "x from a\n");
  ingest(dir, b, "y", "y from b, ingested earlier elsewhere\n");
  REQUIRE(run(a, {"remote", "add", "origin", remote.string()}).code == 0);
  REQUIRE(run(b, {"remote", "add", "origin", remote.string()}).code == 0);
  REQUIRE(run(a, {"push"}).code == 0);
  auto remote_then = sl::read_log(a);
  auto b_before = sl::read_log(b);
  REQUIRE(run(b, {"pull"}).code == 0);
  REQUIRE(run(b, {"push"}).code == 0);
  REQUIRE(run(a, {"pull"}).code == 0);
  auto merged = sl::read_log(a);
  REQUIRE(merged.entries.size() == remote_then.entries.size() + b_before.entries.size());
  // What the remote had is a prefix; b's records follow, in their own order.
  std::uint64_t m = remote_then.tree.size();
  CHECK(sl::verify_consistency(m, merged.tree.size(), remote_then.tree.root(), merged.tree.root(),
                               merged.tree.consistency_proof(m, merged.tree.size())));
  for (std::size_t i = 0; i < b_before.entries.size(); ++i) {
    CHECK(merged.entries[m + i].bytes == b_before.entries[i].bytes);
  }
  CHECK(sl::read_log(b).tree.root() == merged.tree.root());
}

TEST_CASE("tlog: bad input to the log commands is one error line, exit 2") {
  Log log;
  fs::path c = log.checkpoint("c");
  for (const char* bad : {"", "x\n", "o\n1\nnot base64\n\n\xe2\x80\x94 k AAAAAAA=\n", "o\n1\nAAAA\n\n— k\n"}) {
    write(log.dir / "bad", bad);
    expect_error(run(log.store, {"verify", "--checkpoint", (log.dir / "bad").string(), "--key", log.vkey}),
                 "malformed");
  }
  RunResult k = run(log.store, {"keygen", (log.dir / "k2").string(), "--name", "someone.else"});
  REQUIRE(k.code == 0);
  expect_error(run(log.store, {"verify", "--checkpoint", c.string(), "--key", (log.dir / "k2.vkey").string()}),
               "unknown key");
  expect_error(run(log.store, {"verify", "--checkpoint", c.string(), "--key", (log.dir / "key.pub").string()}),
               "PEM key verifies only format 1");
  expect_error(run(log.store, {"keygen", (log.dir / "k3").string(), "--name", "bad name"}), "invalid key name");
  expect_error(run(log.store, {"checkpoint", "-o", c.string()}), "never overwritten");
  expect_error(run(log.store, {"prove", "nosuchdoc"}), "nosuchdoc");
  expect_error(run_plain({"verify-tiles", (log.dir / "nowhere").string()}), "cannot read checkpoint");
}

TEST_CASE("tlog: the log index beside the store follows the branch and is never trusted by verify") {
  Log log;
  auto same = [&] {
    sl::StoreLog full = sl::read_log(log.store);
    sl::StoreLog index = sl::read_log_index(log.store);
    REQUIRE(index.entries.size() == full.entries.size());
    for (std::size_t i = 0; i < full.entries.size(); ++i) {
      CHECK(index.entries[i].name == full.entries[i].name);
      CHECK(sl::read_entry_bytes(log.store, index.head, index.entries[i]) == full.entries[i].bytes);
    }
    CHECK(index.head == full.head);
    CHECK(index.tree.levels() == full.tree.levels());
  };
  same();
  CHECK(fs::exists(log.store / "stet-log.cache"));
  ingest(log.dir, log.store, "c", "a third document\n");
  ingest(log.dir, log.store, "a", "third text of a\n");
  same();  // extended from the cached head
  stet::test::git(log.store, {"update-ref", "refs/heads/main", "HEAD~2"});
  same();  // moved back: rebuilt
  ingest(log.dir, log.store, "d", "another line of history\n");
  same();
  write(log.store / "stet-log.cache", "stet-log-cache 1\ngarbage\n");
  same();
  std::string cache = read_file(log.store / "stet-log.cache");
  write(log.store / "stet-log.cache", cache.substr(0, cache.size() / 2));
  same();  // truncated: rebuilt
  cache = read_file(log.store / "stet-log.cache");
  cache[cache.size() - 40] ^= 1;  // the root, without fixing the checksum
  write(log.store / "stet-log.cache", cache);
  same();  // fails its checksum: rebuilt
}

namespace {

// The index file's layout (store/log/log_cache.hpp): header, entry lines,
// version rows, levels, checksum.
struct CacheFile {
  fs::path path;
  std::string bytes;
  explicit CacheFile(fs::path p) : path(std::move(p)), bytes(read_file(path)) {}
  std::uint64_t u64(std::size_t at) const {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
      v = (v << 8) | static_cast<unsigned char>(bytes[at + std::size_t(i)]);
    return v;
  }
  std::uint64_t leaves() const { return u64(58); }
  std::size_t entries_at() const { return 74; }
  std::size_t rows_at() const { return 74 + std::size_t(u64(66)); }
  std::size_t levels_at() const { return rows_at() + 32 * std::size_t(leaves()); }
  // Flips a byte and writes the file with a checksum that fits again: a
  // well-formed index that lies.
  void forge(std::size_t at) {
    bytes[at] ^= 0x20;
    std::string body = bytes.substr(0, bytes.size() - 32);
    auto sum = stet::store::sha256(body);
    bytes = body + std::string(reinterpret_cast<const char*>(sum.bytes().data()), 32);
    write(path, bytes);
  }
};

// The root the store's records give, as verify computes it.
stet::store::Digest records_root(const fs::path& store) { return sl::read_log(store).tree.root(); }

stet::store::Digest note_root(const fs::path& checkpoint) {
  return sl::parse_tree_head(sl::parse_note(read_file(checkpoint)).text).root;
}

}  // namespace

TEST_CASE("tlog: a checkpoint is never signed from a damaged or stale index") {
  Log log;
  fs::path cache = log.store / "stet-log.cache";
  auto check_signed = [&](const std::string& name) {
    fs::path cp = log.checkpoint(name);
    CHECK(note_root(cp) == records_root(log.store));
    RunResult r = run(log.store, {"verify", "--checkpoint", cp.string(), "--key", log.vkey});
    CAPTURE(r.out);
    CHECK(r.code == 0);
    return cp;
  };
  auto check_proof = [&](const std::string& ref, const fs::path& cp) {
    RunResult r = run(log.store, {"prove", ref, "--checkpoint", cp.string()});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    fs::path proof = log.dir.write("proof-" + ref, r.out);
    CHECK(run_plain({"verify-proof", proof.string(), "--key", log.vkey}).code == 0);
  };
  REQUIRE(run(log.store, {"checkpoint"}).code == 0);  // writes the index
  SUBCASE("no anchor yet: a well-formed index with a false root") {
    CacheFile f(cache);
    f.forge(f.bytes.size() - 33);
    CHECK(sl::read_log_index(log.store).tree.root() != records_root(log.store));  // the index lies
    fs::path cp = check_signed("cp");
    check_proof("a@1", cp);
  }
  SUBCASE("anchored by an earlier signing, then a false leaf and root after the anchor") {
    check_signed("cp1");
    ingest(log.dir, log.store, "c", "a third document\n");
    ingest(log.dir, log.store, "b", "second text of b\n");
    REQUIRE(run(log.store, {"checkpoint"}).code == 0);  // extends the index without the key
    CacheFile f(cache);
    REQUIRE(f.leaves() == 5);
    f.forge(f.levels_at() + 4 * 32);  // leaf 4
    CacheFile g(cache);
    g.forge(g.bytes.size() - 33);  // the largest complete subtree
    fs::path cp = check_signed("cp2");
    check_proof("b@2", cp);
  }
  SUBCASE("anchored, then a false leaf before the anchor") {
    check_signed("cp1");
    CacheFile f(cache);
    f.forge(f.levels_at());  // leaf 0, a@1
    ingest(log.dir, log.store, "c", "a third document\n");
    fs::path cp = check_signed("cp2");
    check_proof("a@1", cp);
  }
  SUBCASE("a forged anchor is not believed") {
    check_signed("cp1");
    ingest(log.dir, log.store, "c", "a third document\n");
    REQUIRE(run(log.store, {"checkpoint"}).code == 0);
    CacheFile f(cache);
    f.forge(f.bytes.size() - 33);
    sl::StoreLog lie = sl::read_log_index(log.store);
    std::string anchors = read_file(log.store / "stet-log.anchors");
    std::istringstream fields(anchors);
    std::string label;
    std::string head;
    std::string size;
    std::string root;
    std::string mac;
    fields >> label >> head >> size >> root >> mac;
    write(log.store / "stet-log.anchors", label + " " + lie.head + " 4 " + lie.tree.root().hex() + " " + mac + "\n");
    check_signed("cp2");
  }
  SUBCASE("a truncated index, or one of a branch moved back and on") {
    check_signed("cp1");
    std::string bytes = read_file(cache);
    write(cache, bytes.substr(0, bytes.size() - 100));
    check_signed("cp2");
    stet::test::git(log.store, {"update-ref", "refs/heads/main", "HEAD~1"});
    ingest(log.dir, log.store, "d", "another line of history\n");
    fs::path cp = check_signed("cp3");
    check_proof("d", cp);
  }
}

TEST_CASE("tlog: prove reads the index, and a byte changed anywhere in it never gives a false proof") {
  Log log;
  fs::path cache = log.store / "stet-log.cache";
  fs::path cp = log.checkpoint("cp");
  const std::string pristine = read_file(cache);
  CacheFile layout(cache);
  REQUIRE(layout.leaves() == 3);
  std::vector<std::size_t> offsets = {20,  // the head
                                      layout.entries_at() + 1,
                                      layout.entries_at() + 70,
                                      layout.rows_at() - 3,
                                      layout.rows_at() + 2,
                                      layout.rows_at() + 20,
                                      layout.rows_at() + 90,
                                      layout.levels_at() + 5,
                                      layout.levels_at() + 32 * 2 + 7,
                                      pristine.size() - 40};
  for (std::size_t at : offsets) {
    for (const char* ref : {"a@1", "b", "a@2"}) {
      CAPTURE(at);
      CAPTURE(ref);
      write(cache, pristine);
      CacheFile f(cache);
      f.forge(at);
      RunResult r = run(log.store, {"prove", ref, "--checkpoint", cp.string()});
      REQUIRE_MESSAGE(r.code == 0, r.err);
      fs::path proof = log.dir.write("proof", r.out);
      CHECK(run_plain({"verify-proof", proof.string(), "--key", log.vkey}).code == 0);
    }
  }
  write(cache, "stet-log-cache 2\n");  // truncated to its first line
  RunResult r = run(log.store, {"prove", "b", "--checkpoint", cp.string()});
  REQUIRE_MESSAGE(r.code == 0, r.err);
  fs::path proof = log.dir.write("proof", r.out);
  CHECK(run_plain({"verify-proof", proof.string(), "--key", log.vkey}).code == 0);
  // A checkpoint of another log is refused on the records' word (exit 2),
  // whatever the index says.
  Log other;
  fs::path foreign = other.checkpoint("foreign");
  expect_error(run(log.store, {"prove", "b", "--checkpoint", foreign.string()}),
               "not a checkpoint of this store's log");
}

namespace {

std::size_t tree_height(std::uint64_t n) {
  std::size_t l = 0;
  while ((std::uint64_t{1} << l) < n)
    ++l;
  return l;
}

std::size_t base64_size(std::size_t n) { return (n + 2) / 3 * 4; }

}  // namespace

TEST_CASE("tlog: real proofs stay within 32 x ceil(log2 n) bytes plus the note and the record, at several sizes") {
  Log log;  // 3 records
  int made = 3;
  for (int size : {3, 4, 5, 8, 9, 16, 17, 33, 100}) {
    std::vector<std::string> args = {"ingest"};
    for (; made < size; ++made) {
      args.push_back(
          log.dir.write("in/s" + std::to_string(made) + ".txt", "record " + std::to_string(made) + "\n").string());
    }
    if (args.size() > 1) {
      REQUIRE(run(log.store, args).code == 0);
    }
    fs::path cp = log.checkpoint("cp" + std::to_string(size));
    std::string note = read_file(cp);
    std::size_t l = tree_height(std::uint64_t(size));
    for (const std::string& doc : {std::string("a@1"), std::string("b"), "s" + std::to_string(size - 1)}) {
      if (size == 3 && doc == "s2")
        continue;
      CAPTURE(size);
      CAPTURE(doc);
      RunResult r = run(log.store, {"prove", doc, "--checkpoint", cp.string()});
      REQUIRE_MESSAGE(r.code == 0, r.err);
      sl::TlogProof p = sl::parse_proof(r.out);
      CHECK(p.checkpoint == note);
      // The payload is the path's 32-byte hashes, the note and the record:
      // within the bound when the path has at most ceil(log2 n) hashes.
      CHECK(p.path.size() <= l);
      CHECK(p.index < std::uint64_t(size));
      // The file is that payload in C2SP text: a header line, the record as a
      // base64 extra line, the index line, a 45-byte base64 line per hash, a
      // blank line and the note.
      std::size_t text = 23 + 6 + base64_size(p.extra->size()) + 1 + 6 + std::to_string(p.index).size() + 1 +
                         45 * p.path.size() + 1 + note.size();
      CHECK(r.out.size() == text);
      CHECK(r.out.size() <=
            23 + 6 + base64_size(p.extra->size()) + 1 + 6 + std::to_string(size).size() + 1 + 45 * l + 1 + note.size());
      fs::path proof = log.dir.write("proof", r.out);
      CHECK(run_plain({"verify-proof", proof.string(), "--key", log.vkey}).code == 0);
    }
  }
}

TEST_CASE("tlog: verify-proof checks a proof of another log (serverless-log, its test key)") {
  auto dir = stet::test::vectors_or_skip("c2sp/serverless-log", "entries.tsv");
  if (!dir)
    return;
  std::ifstream entries(*dir / "entries.tsv");
  std::string line;
  std::getline(entries, line);
  std::vector<std::string> data;
  std::vector<stet::store::Digest> hashes;
  while (std::getline(entries, line)) {
    data.push_back(line.substr(line.find('\t') + 1));
    hashes.push_back(sl::leaf_hash(data.back()));
  }
  sl::MerkleTree tree(hashes);
  const std::string vkey = "astra+cad5a3d2+AZJqeuyE/GnknsCNh1eCtDtwdAwKBddOlS8M2eI1Jt4b";
  TempDir tmp;
  for (std::uint64_t size : {1u, 7u, 15u}) {
    for (std::uint64_t i = 0; i < size; ++i) {
      sl::TlogProof p{data[i], i, tree.inclusion_proof(i, size),
                      read_file(*dir / "log" / ("checkpoint." + std::to_string(size)))};
      fs::path file = tmp / "p";
      write(file, sl::format_proof(p));
      RunResult r = run_plain({"verify-proof", file.string(), "--key", vkey});
      CAPTURE(r.err);
      CHECK(r.code == 0);
      CHECK(r.out.find("not a stet record") != std::string::npos);
      p.extra = data[(i + 1) % 15];
      write(file, sl::format_proof(p));
      CHECK(run_plain({"verify-proof", file.string(), "--key", vkey}).code == 1);
    }
  }
}

TEST_CASE("tlog: an ECDSA log key is reported unverifiable, exit 2") {
  auto dir = stet::test::vectors_or_skip("c2sp/notes/formats", "rekor-798034-ecdsa.checkpoint");
  if (!dir)
    return;
  TempDir tmp;
  sl::TlogProof p{std::string("x"), 0, {}, read_file(*dir / "rekor-798034-ecdsa.checkpoint")};
  write(tmp / "p", sl::format_proof(p));
  const std::string key =
      "rekor.sigstore.dev+c0d23d6a+AjBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABNhtmPtrWm3U1eQXBogSMdGvXwBcK5AW5i0hrZLOC96l+"
      "smGNM7nwZ4QvFK/4sueRoVj//QP22Ni4Qt9DPfkWLc=";
  expect_error(run_plain({"verify-proof", (tmp / "p").string(), "--key", key}), "unverifiable");
}

TEST_SUITE_END();
