#include "diff/align.hpp"

#include <algorithm>
#include <unordered_map>

namespace stet::diff {

namespace {

struct Counts {
  std::uint32_t in_a = 0;
  std::uint32_t in_b = 0;
  std::size_t a_index = 0;
  std::size_t b_index = 0;
  std::uint32_t taken = 0;  // occurrences in `a` already paired (repeated text)
};

constexpr std::uint32_t k_max_repeats = 64;

std::vector<Match> repeated_pairs(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b, const Gap& gap,
                                  std::unordered_map<std::uint64_t, Counts>& counts) {
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> in_b;
  for (std::size_t j = gap.b_begin; j < gap.b_end; ++j) {
    auto it = counts.find(b[j]);
    if (it != counts.end() && it->second.in_a == it->second.in_b && it->second.in_a <= k_max_repeats) {
      in_b[b[j]].push_back(j);
    }
  }
  std::vector<Match> pairs;
  for (std::size_t i = gap.a_begin; i < gap.a_end; ++i) {
    auto it = in_b.find(a[i]);
    if (it != in_b.end()) {
      Counts& c = counts.find(a[i])->second;
      pairs.push_back({i, it->second[c.taken++]});
    }
  }
  return pairs;
}

// Elements that occur exactly once in each side of `gap`, paired, in `a`
// order. When there are none (repeated text), elements that occur equally
// often on both sides (at most k_max_repeats times), the k-th occurrence
// in `a` paired with the k-th in `b`.
std::vector<Match> unique_pairs(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b, const Gap& gap) {
  std::unordered_map<std::uint64_t, Counts> counts;
  counts.reserve(gap.a_end - gap.a_begin + gap.b_end - gap.b_begin);
  for (std::size_t i = gap.a_begin; i < gap.a_end; ++i) {
    Counts& c = counts[a[i]];
    ++c.in_a;
    c.a_index = i;
  }
  for (std::size_t j = gap.b_begin; j < gap.b_end; ++j) {
    auto it = counts.find(b[j]);
    if (it != counts.end()) {
      ++it->second.in_b;
      it->second.b_index = j;
    }
  }
  std::vector<Match> pairs;
  for (std::size_t i = gap.a_begin; i < gap.a_end; ++i) {
    const Counts& c = counts.find(a[i])->second;
    if (c.in_a == 1 && c.in_b == 1) {
      pairs.push_back({i, c.b_index});
    }
  }
  return pairs.empty() ? repeated_pairs(a, b, gap, counts) : pairs;
}

class Aligner {
 public:
  Aligner(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b, const LeafAligner& leaf)
      : m_a(a), m_b(b), m_leaf(leaf) {}

  void run(Gap gap, std::vector<Match>& out) {
    std::vector<Match> tail;
    while (gap.a_begin < gap.a_end && gap.b_begin < gap.b_end && m_a[gap.a_begin] == m_b[gap.b_begin]) {
      out.push_back({gap.a_begin++, gap.b_begin++});
    }
    while (gap.a_begin < gap.a_end && gap.b_begin < gap.b_end && m_a[gap.a_end - 1] == m_b[gap.b_end - 1]) {
      tail.push_back({--gap.a_end, --gap.b_end});
    }
    if (gap.a_begin < gap.a_end && gap.b_begin < gap.b_end) {
      split(gap, out);
    }
    out.insert(out.end(), tail.rbegin(), tail.rend());
  }

 private:
  void split(const Gap& gap, std::vector<Match>& out) {
    std::vector<Match> anchors = longest_increasing(unique_pairs(m_a, m_b, gap));
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

std::vector<Match> align(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b,
                         const LeafAligner& leaf) {
  std::vector<Match> out;
  Aligner aligner(a, b, leaf);
  aligner.run({0, a.size(), 0, b.size()}, out);
  return out;
}

}  // namespace stet::diff
