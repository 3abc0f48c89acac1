#pragma once
// RFC 6962 / RFC 9162 Merkle trees over SHA-256: leaf and node hashes, tree
// hashes of any prefix, inclusion and consistency proofs and their
// verification. Leaf hash SHA-256(0x00 || data), node hash
// SHA-256(0x01 || left || right); the empty tree hashes to SHA-256("").

#include "store/digest.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace stet::store::log {

[[nodiscard]] Digest leaf_hash(std::string_view data);
[[nodiscard]] Digest node_hash(const Digest& left, const Digest& right);

// Where proofs read the hashes of complete subtrees from: node(level, i) is
// MTH of leaves [i * 2^level, (i + 1) * 2^level), for nodes within size().
// MerkleTree keeps them in memory; the log index (store/log) reads them from
// its file, so a proof touches O(log n) hashes, not the whole tree.
class NodeSource {
 public:
  virtual ~NodeSource() = default;
  [[nodiscard]] virtual std::uint64_t size() const = 0;
  [[nodiscard]] virtual Digest node(std::size_t level, std::uint64_t index) const = 0;
};

// MTH(D[begin:end]) from the complete subtrees of `source`; requires
// begin <= end <= source.size().
[[nodiscard]] Digest range_hash(const NodeSource& source, std::uint64_t begin, std::uint64_t end);
// PATH(index, D[0:tree_size]); requires index < tree_size <= source.size().
[[nodiscard]] std::vector<Digest> inclusion_proof(const NodeSource& source, std::uint64_t index,
                                                  std::uint64_t tree_size);

// A tree built from its leaf hashes (the log in order). Proofs are computed
// for any prefix size, so one tree answers for every older checkpoint. The
// hashes of every complete subtree are kept by level (level 0: the leaves,
// level l: subtrees of 2^l leaves), so roots and proofs take O(log^2 n).
class MerkleTree : public NodeSource {
 public:
  MerkleTree() = default;
  explicit MerkleTree(std::vector<Digest> leaf_hashes);
  // A tree from levels as levels() returns them; throws InvalidInputError
  // when their sizes do not fit together.
  [[nodiscard]] static MerkleTree from_levels(std::vector<std::vector<Digest>> levels);

  [[nodiscard]] std::uint64_t size() const override { return m_levels.empty() ? 0 : m_levels[0].size(); }
  [[nodiscard]] Digest node(std::size_t level, std::uint64_t index) const override { return m_levels[level][index]; }
  [[nodiscard]] const std::vector<Digest>& leaves() const;
  [[nodiscard]] const std::vector<std::vector<Digest>>& levels() const { return m_levels; }
  // Appends leaves (the log grew).
  void append(const std::vector<Digest>& leaf_hashes);
  // Keeps the first `tree_size` leaves (and the subtrees within them);
  // requires tree_size <= size().
  void truncate(std::uint64_t tree_size);

  // MTH(D[begin:end]); requires begin <= end <= size().
  [[nodiscard]] Digest range_hash(std::uint64_t begin, std::uint64_t end) const {
    return log::range_hash(*this, begin, end);
  }
  // The root of the first `tree_size` leaves; requires tree_size <= size().
  [[nodiscard]] Digest root(std::uint64_t tree_size) const { return range_hash(0, tree_size); }
  [[nodiscard]] Digest root() const { return root(size()); }

  // PATH(index, D[0:tree_size]); requires index < tree_size <= size().
  [[nodiscard]] std::vector<Digest> inclusion_proof(std::uint64_t index, std::uint64_t tree_size) const {
    return log::inclusion_proof(*this, index, tree_size);
  }
  // PROOF(old_size, D[0:new_size]); requires old_size <= new_size <= size().
  // Empty when old_size is 0 or equal to new_size.
  [[nodiscard]] std::vector<Digest> consistency_proof(std::uint64_t old_size, std::uint64_t new_size) const;

 private:
  void subproof(std::uint64_t m, std::uint64_t begin, std::uint64_t end, bool whole, std::vector<Digest>& out) const;
  void complete_levels();
  std::vector<std::vector<Digest>> m_levels;
};

// RFC 9162 section 2.1.3.2: true when `proof` links `leaf` at `index` to
// `root` of a tree of `tree_size` leaves.
[[nodiscard]] bool verify_inclusion(const Digest& leaf, std::uint64_t index, std::uint64_t tree_size,
                                    const std::vector<Digest>& proof, const Digest& root);

// RFC 9162 section 2.1.4.2: true when `proof` shows the tree of `old_size`
// leaves with `old_root` is a prefix of the tree of `new_size` leaves with
// `new_root`. Equal sizes need an empty proof and equal roots; old size 0
// needs an empty proof.
[[nodiscard]] bool verify_consistency(std::uint64_t old_size, std::uint64_t new_size, const Digest& old_root,
                                      const Digest& new_root, const std::vector<Digest>& proof);

}  // namespace stet::store::log
