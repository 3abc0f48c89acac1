// RFC 6962 tree hashes and proofs (RFC 9162 section 2.1 algorithms).

#include "store/log/merkle.hpp"

#include "store/error.hpp"

#include <algorithm>

namespace stet::store::log {

namespace {

std::string_view view(const Digest& d) { return {reinterpret_cast<const char*>(d.bytes().data()), Digest::k_size}; }

// The largest power of two strictly below n (n >= 2).
std::uint64_t split_point(std::uint64_t n) {
  std::uint64_t k = 1;
  while (k * 2 < n) {
    k *= 2;
  }
  return k;
}

void shift_while_even(std::uint64_t& fn, std::uint64_t& sn) {
  while ((fn & 1) == 0 && fn != 0) {
    fn >>= 1;
    sn >>= 1;
  }
}

}  // namespace

Digest leaf_hash(std::string_view data) {
  Sha256 hasher;
  hasher.update(std::string_view("\x00", 1));
  hasher.update(data);
  return hasher.finish();
}

Digest node_hash(const Digest& left, const Digest& right) {
  Sha256 hasher;
  hasher.update(std::string_view("\x01", 1));
  hasher.update(view(left));
  hasher.update(view(right));
  return hasher.finish();
}

MerkleTree::MerkleTree(std::vector<Digest> leaf_hashes) {
  m_levels.push_back(std::move(leaf_hashes));
  complete_levels();
}

MerkleTree MerkleTree::from_levels(std::vector<std::vector<Digest>> levels) {
  for (std::size_t l = 1; l < levels.size(); ++l) {
    if (levels[l].size() != levels[l - 1].size() / 2) {
      throw InvalidInputError("the levels of a Merkle tree do not fit together");
    }
  }
  if (!levels.empty() && levels.back().size() > 1) {
    throw InvalidInputError("the levels of a Merkle tree stop early");
  }
  MerkleTree tree;
  tree.m_levels = std::move(levels);
  return tree;
}

const std::vector<Digest>& MerkleTree::leaves() const {
  static const std::vector<Digest> k_none;
  return m_levels.empty() ? k_none : m_levels[0];
}

void MerkleTree::append(const std::vector<Digest>& leaf_hashes) {
  if (m_levels.empty()) {
    m_levels.emplace_back();
  }
  m_levels[0].insert(m_levels[0].end(), leaf_hashes.begin(), leaf_hashes.end());
  complete_levels();
}

void MerkleTree::truncate(std::uint64_t tree_size) {
  for (std::size_t l = 0; l < m_levels.size(); ++l) {
    m_levels[l].resize(std::min<std::uint64_t>(m_levels[l].size(), tree_size >> l));
  }
  while (m_levels.size() > 1 && m_levels.back().empty()) {
    m_levels.pop_back();
  }
}

// Adds the complete-subtree hashes that the leaves now allow.
void MerkleTree::complete_levels() {
  for (std::size_t l = 0; m_levels[l].size() > 1; ++l) {
    if (l + 1 == m_levels.size()) {
      m_levels.emplace_back();
    }
    std::vector<Digest>& below = m_levels[l];
    std::vector<Digest>& above = m_levels[l + 1];
    for (std::size_t i = above.size(); i < below.size() / 2; ++i) {
      above.push_back(node_hash(below[2 * i], below[2 * i + 1]));
    }
  }
}

Digest range_hash(const NodeSource& source, std::uint64_t begin, std::uint64_t end) {
  if (end == begin) {
    return sha256("");
  }
  std::uint64_t n = end - begin;
  if ((n & (n - 1)) == 0 && begin % n == 0) {  // a complete subtree: kept
    std::size_t level = 0;
    while ((std::uint64_t{1} << level) < n) {
      ++level;
    }
    return source.node(level, begin >> level);
  }
  std::uint64_t k = split_point(end - begin);
  return node_hash(range_hash(source, begin, begin + k), range_hash(source, begin + k, end));
}

namespace {

void path(const NodeSource& source, std::uint64_t index, std::uint64_t begin, std::uint64_t end,
          std::vector<Digest>& out) {
  if (end - begin <= 1) {
    return;
  }
  std::uint64_t k = split_point(end - begin);
  if (index < k) {
    path(source, index, begin, begin + k, out);
    out.push_back(range_hash(source, begin + k, end));
  } else {
    path(source, index - k, begin + k, end, out);
    out.push_back(range_hash(source, begin, begin + k));
  }
}

}  // namespace

std::vector<Digest> inclusion_proof(const NodeSource& source, std::uint64_t index, std::uint64_t tree_size) {
  std::vector<Digest> out;
  path(source, index, 0, tree_size, out);
  return out;
}

void MerkleTree::subproof(std::uint64_t m, std::uint64_t begin, std::uint64_t end, bool whole,
                          std::vector<Digest>& out) const {
  std::uint64_t n = end - begin;
  if (m == n) {
    if (!whole) {
      out.push_back(range_hash(begin, end));
    }
    return;
  }
  std::uint64_t k = split_point(n);
  if (m <= k) {
    subproof(m, begin, begin + k, whole, out);
    out.push_back(range_hash(begin + k, end));
  } else {
    subproof(m - k, begin + k, end, false, out);
    out.push_back(range_hash(begin, begin + k));
  }
}

std::vector<Digest> MerkleTree::consistency_proof(std::uint64_t old_size, std::uint64_t new_size) const {
  std::vector<Digest> out;
  if (old_size == 0 || old_size == new_size) {
    return out;
  }
  subproof(old_size, 0, new_size, true, out);
  return out;
}

bool verify_inclusion(const Digest& leaf, std::uint64_t index, std::uint64_t tree_size,
                      const std::vector<Digest>& proof, const Digest& root) {
  if (index >= tree_size) {
    return false;
  }
  std::uint64_t fn = index;
  std::uint64_t sn = tree_size - 1;
  Digest r = leaf;
  for (const Digest& p : proof) {
    if (sn == 0) {
      return false;
    }
    if ((fn & 1) == 1 || fn == sn) {
      r = node_hash(p, r);
      shift_while_even(fn, sn);
    } else {
      r = node_hash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && r == root;
}

bool verify_consistency(std::uint64_t old_size, std::uint64_t new_size, const Digest& old_root, const Digest& new_root,
                        const std::vector<Digest>& proof) {
  if (old_size > new_size) {
    return false;
  }
  if (old_size == new_size) {
    return proof.empty() && old_root == new_root;
  }
  if (old_size == 0) {
    return proof.empty();
  }
  if (proof.empty()) {
    return false;
  }
  std::vector<Digest> path;
  if ((old_size & (old_size - 1)) == 0) {
    path.push_back(old_root);
  }
  path.insert(path.end(), proof.begin(), proof.end());
  std::uint64_t fn = old_size - 1;
  std::uint64_t sn = new_size - 1;
  while ((fn & 1) == 1) {
    fn >>= 1;
    sn >>= 1;
  }
  Digest fr = path[0];
  Digest sr = path[0];
  for (std::size_t i = 1; i < path.size(); ++i) {
    if (sn == 0) {
      return false;
    }
    if ((fn & 1) == 1 || fn == sn) {
      fr = node_hash(path[i], fr);
      sr = node_hash(path[i], sr);
      shift_while_even(fn, sn);
    } else {
      sr = node_hash(sr, path[i]);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return fr == old_root && sr == new_root && sn == 0;
}

}  // namespace stet::store::log
