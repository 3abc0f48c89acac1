#include "diff/align.hpp"

#include <algorithm>

namespace stet::diff {

namespace {

struct Counts {
  std::uint64_t key = 0;
  std::uint32_t in_a = 0;  // 0: the slot is free (only keys of `a` are added)
  std::uint32_t in_b = 0;
  std::uint32_t taken = 0;   // occurrences in `a` already paired (repeated text)
  std::uint32_t filled = 0;  // occurrences in `b` already listed
  std::size_t b_index = 0;   // the (last) occurrence in `b`; then where its occurrences are listed
};

// An open-addressing table from key to Counts, about half full: the
// node-based std::unordered_map spent most of the line alignment allocating.
class CountTable {
 public:
  explicit CountTable(std::size_t n) {
    while (m_mask + 1 < n + n / 2 + 8) {
      m_mask = m_mask * 2 + 1;
    }
    m_slots.resize(m_mask + 1);
  }

  Counts& add_a(std::uint64_t key) {
    Counts& c = m_slots[slot(key)];
    c.key = key;
    ++c.in_a;
    return c;
  }

  Counts* find(std::uint64_t key) {
    Counts& c = m_slots[slot(key)];
    return c.in_a != 0 ? &c : nullptr;
  }

 private:
  std::size_t slot(std::uint64_t key) const {
    std::size_t at = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 20U) & m_mask;
    while (m_slots[at].in_a != 0 && m_slots[at].key != key) {
      at = (at + 1) & m_mask;
    }
    return at;
  }

  std::size_t m_mask = 7;
  std::vector<Counts> m_slots;
};

constexpr std::uint32_t k_max_repeats = 64;

bool repeated(const Counts* c) { return c != nullptr && c->in_a == c->in_b && c->in_a <= k_max_repeats; }

std::vector<Match> repeated_pairs(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b, const Gap& gap,
                                  CountTable& counts) {
  std::vector<std::size_t> positions;
  for (std::size_t j = gap.b_begin; j < gap.b_end; ++j) {
    Counts* c = counts.find(b[j]);
    if (repeated(c)) {
      if (c->filled == 0) {
        c->b_index = positions.size();
        positions.resize(positions.size() + c->in_b);
      }
      positions[c->b_index + c->filled++] = j;
    }
  }
  std::vector<Match> pairs;
  for (std::size_t i = gap.a_begin; i < gap.a_end; ++i) {
    Counts* c = counts.find(a[i]);
    if (repeated(c)) {
      pairs.push_back({i, positions[c->b_index + c->taken++]});
    }
  }
  return pairs;
}

// Elements that occur exactly once in each side of `gap`, paired, in `a`
// order. When there are none (repeated text), elements that occur equally
// often on both sides (at most k_max_repeats times), the k-th occurrence
// in `a` paired with the k-th in `b`.
std::vector<Match> unique_pairs(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b, const Gap& gap) {
  CountTable counts(gap.a_end - gap.a_begin);
  for (std::size_t i = gap.a_begin; i < gap.a_end; ++i) {
    counts.add_a(a[i]);
  }
  for (std::size_t j = gap.b_begin; j < gap.b_end; ++j) {
    if (Counts* c = counts.find(b[j])) {
      ++c->in_b;
      c->b_index = j;
    }
  }
  std::vector<Match> pairs;
  for (std::size_t i = gap.a_begin; i < gap.a_end; ++i) {
    const Counts* c = counts.find(a[i]);
    if (c->in_a == 1 && c->in_b == 1) {
      pairs.push_back({i, c->b_index});
    }
  }
  return pairs.empty() ? repeated_pairs(a, b, gap, counts) : pairs;
}

class Aligner {
 public:
  Aligner(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b, const LeafAligner& leaf,
          std::size_t direct_limit, std::span<const std::uint32_t> weights)
      : m_a(a), m_b(b), m_leaf(leaf), m_direct_limit(direct_limit), m_weights(weights) {}

  void run(Gap gap, std::vector<Match>& out) {
    std::vector<Match> tail;
    while (gap.a_begin < gap.a_end && gap.b_begin < gap.b_end && m_a[gap.a_begin] == m_b[gap.b_begin]) {
      out.push_back({gap.a_begin++, gap.b_begin++});
    }
    while (gap.a_begin < gap.a_end && gap.b_begin < gap.b_end && m_a[gap.a_end - 1] == m_b[gap.b_end - 1]) {
      tail.push_back({--gap.a_end, --gap.b_end});
    }
    if (gap.a_begin < gap.a_end && gap.b_begin < gap.b_end) {
      if (m_leaf && gap.a_end - gap.a_begin + gap.b_end - gap.b_begin <= m_direct_limit) {
        m_leaf(gap, out);
      } else {
        split(gap, out);
      }
    }
    out.insert(out.end(), tail.rbegin(), tail.rend());
  }

 private:
  void split(const Gap& gap, std::vector<Match>& out) {
    std::vector<Match> pairs = unique_pairs(m_a, m_b, gap);
    std::vector<Match> anchors = m_weights.empty() ? longest_increasing(pairs) : heaviest_increasing(pairs, m_weights);
    if (anchors.empty()) {
      if (m_leaf) {
        m_leaf(gap, out);
      }
      return;
    }
    std::size_t a = gap.a_begin;
    std::size_t b = gap.b_begin;
    for (const Match& anchor : anchors) {
      run({a, anchor.a, b, anchor.b}, out);
      out.push_back(anchor);
      a = anchor.a + 1;
      b = anchor.b + 1;
    }
    run({a, gap.a_end, b, gap.b_end}, out);
  }

  std::span<const std::uint64_t> m_a;
  std::span<const std::uint64_t> m_b;
  const LeafAligner& m_leaf;
  std::size_t m_direct_limit;
  std::span<const std::uint32_t> m_weights;
};

}  // namespace

std::vector<Match> longest_increasing(const std::vector<Match>& matches) {
  std::vector<std::size_t> tails;  // index into matches of the smallest tail of each length
  std::vector<std::size_t> previous(matches.size(), SIZE_MAX);
  for (std::size_t k = 0; k < matches.size(); ++k) {
    auto it = std::lower_bound(tails.begin(), tails.end(), matches[k].b,
                               [&](std::size_t t, std::size_t value) { return matches[t].b < value; });
    if (it != tails.begin()) {
      previous[k] = *(it - 1);
    }
    if (it == tails.end()) {
      tails.push_back(k);
    } else {
      *it = k;
    }
  }
  std::vector<Match> result;
  for (std::size_t k = tails.empty() ? SIZE_MAX : tails.back(); k != SIZE_MAX; k = previous[k]) {
    result.push_back(matches[k]);
  }
  std::reverse(result.begin(), result.end());
  return result;
}

std::vector<Match> heaviest_increasing(const std::vector<Match>& matches, std::span<const std::uint32_t> weights) {
  if (matches.empty()) {
    return {};
  }
  // A Fenwick tree over `b` (ranked) answering: the best chain ending below b.
  std::vector<std::size_t> ranks(matches.size());
  std::vector<std::size_t> order(matches.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    order[k] = k;
  }
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return matches[x].b < matches[y].b; });
  for (std::size_t r = 0; r < order.size(); ++r) {
    ranks[order[r]] = r + 1;
  }
  struct Best {
    std::uint64_t total = 0;
    std::size_t end = SIZE_MAX;
  };
  std::vector<Best> tree(matches.size() + 1);
  std::vector<std::size_t> previous(matches.size(), SIZE_MAX);
  Best overall;
  for (std::size_t k = 0; k < matches.size(); ++k) {
    Best below;
    for (std::size_t r = ranks[k] - 1; r > 0; r -= r & (~r + 1)) {
      below = tree[r].total > below.total ? tree[r] : below;
    }
    previous[k] = below.end;
    Best here{below.total + weights[matches[k].a], k};
    overall = here.total > overall.total ? here : overall;
    for (std::size_t r = ranks[k]; r < tree.size(); r += r & (~r + 1)) {
      tree[r] = here.total > tree[r].total ? here : tree[r];
    }
  }
  std::vector<Match> result;
  for (std::size_t k = overall.end; k != SIZE_MAX; k = previous[k]) {
    result.push_back(matches[k]);
  }
  std::reverse(result.begin(), result.end());
  return result;
}

std::vector<Match> align(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b, const LeafAligner& leaf,
                         std::size_t direct_limit, std::span<const std::uint32_t> weights) {
  std::vector<Match> out;
  Aligner aligner(a, b, leaf, direct_limit, weights);
  aligner.run({0, a.size(), 0, b.size()}, out);
  return out;
}

}  // namespace stet::diff
