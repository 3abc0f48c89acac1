// RFC 6962 Merkle trees of the log: stet's proofs against a second, naive
// implementation written from the RFC's recursive definitions, and against
// the serverless-log test log's roots.

#include "store/log/base64.hpp"
#include "store/log/merkle.hpp"
#include "store/log/proof.hpp"
#include "support/run.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>

TEST_SUITE_BEGIN("unit");

using stet::store::Digest;
using namespace stet::store::log;

namespace {

// RFC 6962 section 2.1, literally: MTH, PATH and PROOF/SUBPROOF over the
// leaf data (slices copied, no shortcuts).
using Leaves = std::vector<std::string>;

Leaves slice(const Leaves& d, std::size_t b, std::size_t e) { return Leaves(d.begin() + long(b), d.begin() + long(e)); }

std::size_t k_of(std::size_t n) {
  std::size_t k = 1;
  while (k << 1 < n)
    k <<= 1;
  return k;
}

Digest naive_mth(const Leaves& d) {
  if (d.empty())
    return stet::store::sha256("");
  if (d.size() == 1)
    return stet::store::sha256(std::string(1, '\0') + d[0]);
  std::size_t k = k_of(d.size());
  Digest l = naive_mth(slice(d, 0, k));
  Digest r = naive_mth(slice(d, k, d.size()));
  std::string data = "\x01";
  data.append(reinterpret_cast<const char*>(l.bytes().data()), 32);
  data.append(reinterpret_cast<const char*>(r.bytes().data()), 32);
  return stet::store::sha256(data);
}

std::vector<Digest> naive_path(std::size_t m, const Leaves& d) {
  if (d.size() <= 1)
    return {};
  std::size_t k = k_of(d.size());
  std::vector<Digest> out;
  if (m < k) {
    out = naive_path(m, slice(d, 0, k));
    out.push_back(naive_mth(slice(d, k, d.size())));
  } else {
    out = naive_path(m - k, slice(d, k, d.size()));
    out.push_back(naive_mth(slice(d, 0, k)));
  }
  return out;
}

std::vector<Digest> naive_subproof(std::size_t m, const Leaves& d, bool b) {
  if (m == d.size())
    return b ? std::vector<Digest>{} : std::vector<Digest>{naive_mth(d)};
  std::size_t k = k_of(d.size());
  std::vector<Digest> out;
  if (m <= k) {
    out = naive_subproof(m, slice(d, 0, k), b);
    out.push_back(naive_mth(slice(d, k, d.size())));
  } else {
    out = naive_subproof(m - k, slice(d, k, d.size()), false);
    out.push_back(naive_mth(slice(d, 0, k)));
  }
  return out;
}

Leaves make_leaves(std::size_t n) {
  Leaves d;
  for (std::size_t i = 0; i < n; ++i)
    d.push_back("leaf " + std::to_string(i));
  return d;
}

MerkleTree tree_of(const Leaves& d) {
  std::vector<Digest> hashes;
  for (const auto& x : d)
    hashes.push_back(leaf_hash(x));
  return MerkleTree(hashes);
}

Digest flip(Digest d) {
  auto bytes = d.bytes();
  bytes[0] ^= 1;
  return Digest(bytes);
}

}  // namespace

TEST_CASE("log merkle: roots of every prefix match the RFC's recursive definition up to 300 leaves") {
  Leaves d = make_leaves(300);
  MerkleTree tree = tree_of(d);
  for (std::size_t n = 0; n <= d.size(); ++n) {
    REQUIRE(tree.root(n) == naive_mth(slice(d, 0, n)));
  }
}

TEST_CASE("log merkle: inclusion proofs equal the RFC's PATH and verify, every leaf of every size up to 200") {
  Leaves d = make_leaves(201);
  MerkleTree tree = tree_of(d);
  for (std::size_t n = 1; n < d.size(); ++n) {
    Leaves prefix = slice(d, 0, n);
    Digest root = naive_mth(prefix);
    for (std::size_t m = 0; m < n; ++m) {
      auto proof = tree.inclusion_proof(m, n);
      REQUIRE(proof == naive_path(m, prefix));
      REQUIRE(verify_inclusion(leaf_hash(d[m]), m, n, proof, root));
      CHECK_FALSE(verify_inclusion(leaf_hash(d[m] + "x"), m, n, proof, root));
      if (n > 1) {
        CHECK_FALSE(verify_inclusion(leaf_hash(d[m]), (m + 1) % n, n, proof, root));
        auto bad = proof;
        bad.back() = flip(bad.back());
        CHECK_FALSE(verify_inclusion(leaf_hash(d[m]), m, n, bad, root));
        CHECK_FALSE(verify_inclusion(leaf_hash(d[m]), m, n + 1, proof, tree.root(n + 1)));
      }
    }
  }
}

TEST_CASE("log merkle: consistency proofs equal the RFC's PROOF and verify, every pair of sizes up to 160") {
  Leaves d = make_leaves(161);
  MerkleTree tree = tree_of(d);
  for (std::size_t n = 1; n < d.size(); ++n) {
    Digest new_root = tree.root(n);
    for (std::size_t m = 1; m <= n; ++m) {
      auto proof = tree.consistency_proof(m, n);
      if (m < n) {
        REQUIRE(proof == naive_subproof(m, slice(d, 0, n), true));
      } else {
        REQUIRE(proof.empty());
      }
      Digest old_root = tree.root(m);
      REQUIRE(verify_consistency(m, n, old_root, new_root, proof));
      if (m < n) {
        CHECK_FALSE(verify_consistency(m, n, flip(old_root), new_root, proof));
        CHECK_FALSE(verify_consistency(m, n, old_root, flip(new_root), proof));
        CHECK_FALSE(verify_consistency(m, n + 1, old_root, tree.root(n + 1), proof));
        auto bad = proof;
        bad.front() = flip(bad.front());
        CHECK_FALSE(verify_consistency(m, n, old_root, new_root, bad));
      }
    }
  }
}

TEST_CASE("log merkle: a tree that changed an old leaf is not consistent with it") {
  Leaves d = make_leaves(40);
  Leaves changed = d;
  changed[7] = "rewritten";
  MerkleTree a = tree_of(d);
  MerkleTree b = tree_of(changed);
  for (std::size_t m = 8; m < 40; ++m) {
    CHECK_FALSE(verify_consistency(m, 40, a.root(m), b.root(40), b.consistency_proof(m, 40)));
  }
}

TEST_CASE("log merkle: a truncated tree is the tree of the prefix, and grows again to the same tree") {
  Leaves d = make_leaves(130);
  MerkleTree full = tree_of(d);
  for (std::size_t n : {0UL, 1UL, 2UL, 3UL, 7UL, 8UL, 64UL, 65UL, 100UL, 129UL, 130UL}) {
    CAPTURE(n);
    MerkleTree cut = full;
    cut.truncate(n);
    REQUIRE(cut.levels() == tree_of(slice(d, 0, n)).levels());
    std::vector<Digest> rest;
    for (std::size_t i = n; i < d.size(); ++i)
      rest.push_back(leaf_hash(d[i]));
    cut.append(rest);
    CHECK(cut.levels() == full.levels());
  }
}

namespace {

// Complete subtrees read through a NodeSource that counts its reads, as the
// log index reads them from its file.
struct CountingSource : NodeSource {
  const MerkleTree& tree;
  mutable std::size_t reads = 0;
  explicit CountingSource(const MerkleTree& t) : tree(t) {}
  std::uint64_t size() const override { return tree.size(); }
  Digest node(std::size_t level, std::uint64_t index) const override {
    ++reads;
    return tree.node(level, index);
  }
};

std::size_t ceil_log2(std::uint64_t n) {
  std::size_t l = 0;
  while ((std::uint64_t{1} << l) < n)
    ++l;
  return l;
}

}  // namespace

TEST_CASE("log merkle: a path has at most ceil(log2 n) hashes and reads O(log^2 n) subtrees, up to 2^17 leaves") {
  std::vector<Digest> hashes;
  for (std::uint64_t i = 0; i < 131'073; ++i)
    hashes.push_back(leaf_hash("leaf " + std::to_string(i)));
  MerkleTree tree(hashes);
  CountingSource source(tree);
  for (std::uint64_t n : {1ULL, 2ULL, 3ULL, 5ULL, 1000ULL, 65'536ULL, 65'537ULL, 100'000ULL, 131'072ULL, 131'073ULL}) {
    Digest root = range_hash(source, 0, n);
    CHECK(root == tree.root(n));
    for (std::uint64_t m : {std::uint64_t{0}, n / 3, n / 2, n - 1}) {
      CAPTURE(n);
      CAPTURE(m);
      source.reads = 0;
      auto proof = inclusion_proof(source, m, n);
      std::size_t l = ceil_log2(n);
      CHECK(proof.size() <= l);
      CHECK(source.reads <= (l + 1) * (l + 1));
      CHECK(proof == tree.inclusion_proof(m, n));
      CHECK(verify_inclusion(hashes[m], m, n, proof, root));
    }
  }
}

TEST_CASE("log merkle: the serverless-log roots of every size, and proofs between them") {
  auto dir = stet::test::vectors_or_skip("c2sp/serverless-log", "checkpoints.tsv");
  if (!dir) {
    return;
  }
  std::ifstream entries_file(*dir / "entries.tsv");
  std::string line;
  std::getline(entries_file, line);  // header
  Leaves d;
  while (std::getline(entries_file, line)) {
    d.push_back(line.substr(line.find('\t') + 1));
  }
  REQUIRE(d.size() == 15);
  MerkleTree tree = tree_of(d);
  std::ifstream roots_file(*dir / "checkpoints.tsv");
  std::getline(roots_file, line);
  std::map<std::uint64_t, Digest> roots;
  while (std::getline(roots_file, line)) {
    std::istringstream fields(line);
    std::string file, origin, size, root;
    fields >> file >> origin >> size >> root;
    auto digest = digest_from_base64(root);
    REQUIRE(digest);
    roots[std::stoull(size)] = *digest;
    CHECK(tree.root(std::stoull(size)) == *digest);
  }
  REQUIRE(roots.size() == 16);
  for (std::uint64_t n = 1; n <= 15; ++n) {
    for (std::uint64_t m = 0; m < n; ++m) {
      CHECK(verify_inclusion(leaf_hash(d[m]), m, n, tree.inclusion_proof(m, n), roots[n]));
    }
    for (std::uint64_t m = 1; m <= n; ++m) {
      CHECK(verify_consistency(m, n, roots[m], roots[n], tree.consistency_proof(m, n)));
    }
  }
}

TEST_CASE("log base64: canonical padded base64 only") {
  for (const std::string& s : std::vector<std::string>{"", "a", "ab", "abc", "abcd", std::string("\0\xff\x10", 3)}) {
    CHECK(base64_decode(base64_encode(s)) == s);
  }
  CHECK(base64_encode("abc") == "YWJj");
  CHECK_FALSE(base64_decode("YWJ"));
  CHECK_FALSE(base64_decode("YW J"));
  CHECK_FALSE(base64_decode("YR=="));  // stray bits
  CHECK(base64_decode("YQ==") == "a");
}

TEST_SUITE_END();
