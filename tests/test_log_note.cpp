// Signed notes, vkeys and checkpoints against the C2SP and Go test vectors.

#include "store/error.hpp"
#include "store/log/log.hpp"
#include "store/log/note.hpp"
#include "store/log/proof.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

TEST_SUITE_BEGIN("unit");

using stet::store::InvalidInputError;
using namespace stet::store::log;

namespace {

// The value of `label`'s `kind` line in a keys.txt (tab separated).
std::string key_line(const std::filesystem::path& keys, const std::string& label, const std::string& kind) {
  std::ifstream in(keys);
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with(label + "\t" + kind + "\t"))
      return line.substr(label.size() + kind.size() + 2);
    if (label.empty() && line.starts_with(kind + "\t"))
      return line.substr(kind.size() + 1);
  }
  FAIL("no " << kind << " for " << label << " in " << keys.string());
  return "";
}

SignatureState state_of(const std::string& note_bytes, const std::vector<std::string>& vkeys, std::size_t which = 0) {
  std::vector<Vkey> keys;
  for (const auto& v : vkeys)
    keys.push_back(parse_vkey(v));
  return check_signatures(parse_note(note_bytes), keys).at(which).state;
}

constexpr const char* k_peter = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
constexpr const char* k_enoch = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";

}  // namespace

TEST_CASE("log note: the golang.org/x/mod notes verify, and any one-byte change fails") {
  auto dir = stet::test::vectors_or_skip("c2sp/notes/golang-mod", "peterneumann.note");
  if (!dir)
    return;
  std::string note = stet::test::read_file(*dir / "peterneumann.note");
  CHECK(state_of(note, {k_peter}) == SignatureState::verified);
  CHECK(state_of(note, {k_enoch}) == SignatureState::absent);
  for (std::size_t i = 0; i < note.size(); ++i) {
    std::string changed = note;
    changed[i] = static_cast<char>(changed[i] ^ 0x01);
    SignatureState s = SignatureState::absent;
    try {
      s = state_of(changed, {k_peter});
    } catch (const InvalidInputError&) {
      continue;  // no longer a note at all: also not verified
    }
    CHECK_MESSAGE(s != SignatureState::verified, "byte " << i);
  }
  std::string two = stet::test::read_file(*dir / "peterneumann-enochroot.note");
  CHECK(state_of(two, {k_peter, k_enoch}, 0) == SignatureState::verified);
  CHECK(state_of(two, {k_peter, k_enoch}, 1) == SignatureState::verified);
  CHECK(state_of(two, {k_peter}) == SignatureState::verified);
  CHECK(state_of(stet::test::read_file(*dir / "bad-signature.note"), {k_peter}) == SignatureState::invalid);
  for (const char* bad :
       {"too-many-signatures.note", "malformed-no-signatures.note", "malformed-blank-line-only.note",
        "malformed-no-final-newline.note", "malformed-control-char.note", "malformed-invalid-utf8.note",
        "malformed-space-in-name.note", "malformed-line-after-signatures.note"}) {
    CHECK_THROWS_AS_MESSAGE((void)parse_note(stet::test::read_file(*dir / bad)), InvalidInputError, bad);
  }
}

TEST_CASE("log note: signing the Go test note with its private key reproduces it byte for byte") {
  auto dir = stet::test::vectors_or_skip("c2sp/notes/golang-mod", "keys.txt");
  if (!dir)
    return;
  Signer signer = parse_signer(key_line(*dir / "keys.txt", "PeterNeumann", "skey"), "ignored");
  CHECK(format_vkey(signer_vkey(signer)) == k_peter);
  std::string note = stet::test::read_file(*dir / "peterneumann.note");
  Note parsed = parse_note(note);
  Note mine{parsed.text, {sign_note(parsed.text, signer)}};
  CHECK(format_note(mine) == note);
}

TEST_CASE("log note: the serverless-log checkpoints verify with its test key and parse as tree heads") {
  auto dir = stet::test::vectors_or_skip("c2sp/serverless-log", "keys.txt");
  if (!dir)
    return;
  std::string vkey = key_line(*dir / "keys.txt", "", "vkey");
  Signer signer = parse_signer(key_line(*dir / "keys.txt", "", "skey"), "ignored");
  CHECK(format_vkey(signer_vkey(signer)) == vkey);
  for (int n = 0; n <= 15; ++n) {
    std::string bytes = stet::test::read_file(*dir / "log" / ("checkpoint." + std::to_string(n)));
    CAPTURE(n);
    CHECK(state_of(bytes, {vkey}) == SignatureState::verified);
    TreeHead head = parse_tree_head(parse_note(bytes).text);
    CHECK(head.origin == "example.com/testdata");
    CHECK(head.size == static_cast<std::uint64_t>(n));
    CHECK(format_tree_head(head) == parse_note(bytes).text);
    std::string changed = bytes;
    changed[changed.find('\n') + 1] ^= 0x01;  // the size line
    CHECK(state_of(changed, {vkey}) == SignatureState::invalid);
  }
}

TEST_CASE(
    "log note: the transparency-dev checkpoints: sum.golang.org with extra signatures, Rekor ECDSA unverifiable") {
  auto dir = stet::test::vectors_or_skip("c2sp/notes/formats", "sum-golang-org-6476701.checkpoint");
  if (!dir)
    return;
  const std::string sum = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
  std::string plain = stet::test::read_file(*dir / "sum-golang-org-6476701.checkpoint");
  CHECK(state_of(plain, {sum}) == SignatureState::verified);
  TreeHead head = parse_tree_head(parse_note(plain).text);
  CHECK(head.origin == "go.sum database tree");
  CHECK(head.size == 6476701);
  std::string extra = stet::test::read_file(*dir / "sum-golang-org-6476701-extra-sigs.checkpoint");
  std::vector<std::string> all = {sum, "monkeys+db4d9f7e+AULaJMvTtDLHPUcUrjdDad9vDlh/PTfC2VV60JUtCfWT",
                                  "bananas+cf639f13+AaPjhFnPCQnid/Ql32KWhmh+uk72FVRfK+2DLmO3BI3M",
                                  "witness+f13a86db+AdYV1Ztajd9BvyjP2HgpwrqYL6TjOwIjGMOq8Bu42xbN"};
  for (std::size_t i = 0; i < all.size(); ++i) {
    CHECK(state_of(extra, all, i) == SignatureState::verified);
  }
  CHECK(state_of(extra, {sum}) == SignatureState::verified);  // the other three are ignored
  std::string rekor = stet::test::read_file(*dir / "rekor-798034-ecdsa.checkpoint");
  const std::string rekor_key =
      "rekor.sigstore.dev+c0d23d6a+AjBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABNhtmPtrWm3U1eQXBogSMdGvXwBcK5AW5i0hrZLOC96l+"
      "smGNM7nwZ4QvFK/4sueRoVj//QP22Ni4Qt9DPfkWLc=";
  CHECK(state_of(rekor, {rekor_key}) == SignatureState::unsupported);
}

TEST_CASE("log note: the C2SP spec examples parse, the elided tlog-proof example is a proof whose note is malformed") {
  auto dir = stet::test::vectors_or_skip("c2sp/spec-examples", "tlog-proof-1.txt");
  if (!dir)
    return;
  CHECK(parse_note(stet::test::read_file(*dir / "signed-note-1.txt")).signatures.size() == 1);
  CHECK(parse_note(stet::test::read_file(*dir / "signed-note-2.txt")).signatures.front().name == "example.com/foo");
  CHECK(parse_tree_head(parse_note(stet::test::read_file(*dir / "tlog-checkpoint-1.txt")).text).size == 20852163);
  Note cosigned = parse_note(stet::test::read_file(*dir / "tlog-cosignature-1.txt"));
  REQUIRE(cosigned.signatures.size() == 2);
  CHECK(cosigned.signatures[1].bytes.size() == 72);  // timestamp and signature
  TlogProof proof = parse_proof(stet::test::read_file(*dir / "tlog-proof-1.txt"));
  CHECK(proof.index == 73894);
  CHECK(proof.path.size() == 5);
  CHECK(proof.extra);
  CHECK_THROWS_AS((void)parse_note(proof.checkpoint), InvalidInputError);
}

TEST_CASE("log note: vkeys are strict, cosignatures carry a signed timestamp") {
  CHECK_THROWS_AS((void)parse_vkey("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"),
                  InvalidInputError);
  CHECK_THROWS_AS((void)parse_vkey("PeterNeumann+c74f20a3"), InvalidInputError);
  CHECK_THROWS_AS((void)parse_vkey("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"),
                  InvalidInputError);
  CHECK(format_vkey(parse_vkey(std::string(k_peter) + "\n")) == k_peter);
  Signer witness{"witness.example/w1", k_type_cosignature, std::string(32, '\x07')};
  Vkey wkey = signer_vkey(witness);
  CHECK(wkey.type == k_type_cosignature);
  CHECK(parse_vkey(format_vkey(wkey)).id == wkey.id);
  std::string text = "example.com/log\n3\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
  Note note{text, {sign_note(text, witness, 1679315147)}};
  auto checks = check_signatures(parse_note(format_note(note)), {wkey});
  CHECK(checks[0].state == SignatureState::verified);
  CHECK(checks[0].timestamp == 1679315147u);
  note.signatures[0].bytes[7] ^= 1;  // the timestamp
  CHECK(check_signatures(note, {wkey})[0].state == SignatureState::invalid);
  // The same key as a plain note signer has another key ID: its line is ignored.
  Vkey as_note_key = signer_vkey({witness.name, k_type_ed25519, witness.seed});
  CHECK(check_signatures(note, {as_note_key})[0].state == SignatureState::absent);
}

TEST_CASE("log note: tree heads refuse malformed sizes and roots") {
  CHECK_THROWS_AS((void)parse_tree_head("o\n01\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"), InvalidInputError);
  CHECK_THROWS_AS((void)parse_tree_head("o\n-1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"), InvalidInputError);
  CHECK_THROWS_AS((void)parse_tree_head("o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jx=\n"), InvalidInputError);
  CHECK_THROWS_AS((void)parse_tree_head("o\n1\n"), InvalidInputError);
  CHECK_THROWS_AS((void)parse_tree_head("\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"), InvalidInputError);
  CHECK_THROWS_AS((void)parse_tree_head("o\n99999999999999999999\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"),
                  InvalidInputError);
  CHECK(parse_tree_head("o\n0\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\next\n").extensions.size() == 1);
}

TEST_SUITE_END();
