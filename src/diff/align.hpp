#pragma once
// Sequence alignment by anchoring, as in patience diff: common prefix and
// suffix, then elements unique on both sides kept in order (the longest
// increasing run of them), recursively; what no anchor splits is handed to
// a leaf aligner. Works on 64-bit keys (hashes of lines or tokens).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace stet::diff {

struct Match {
  std::size_t a = 0;  // index in the first sequence
  std::size_t b = 0;  // index in the second
};

// A half-open range of both sequences that anchoring could not split.
struct Gap {
  std::size_t a_begin = 0;
  std::size_t a_end = 0;
  std::size_t b_begin = 0;
  std::size_t b_end = 0;
};

// Appends to `out` the matches the leaf aligner finds inside `gap`, in order.
using LeafAligner = std::function<void(const Gap& gap, std::vector<Match>& out)>;

// The matched pairs of `a` and `b`, strictly increasing on both sides.
// Equal prefix and suffix elements always match; `leaf` (may be empty: no
// matches) aligns the gaps that hold no element unique on both sides, and
// every gap of at most `direct_limit` elements (both sides together)
// without anchoring first: anchors keep large inputs fast, but a minimal
// aligner does better wherever it is affordable.
// With `weights` (one per element of `a`), anchors are chosen to keep the
// most weight (say, bytes of line) rather than the most elements, so a
// moved long paragraph does not outweigh several short lines.
[[nodiscard]] std::vector<Match> align(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b,
                                       const LeafAligner& leaf, std::size_t direct_limit = 0,
                                       std::span<const std::uint32_t> weights = {});

// The longest strictly increasing (in `b`) subsequence of `matches`, which
// are sorted by `a`.
[[nodiscard]] std::vector<Match> longest_increasing(const std::vector<Match>& matches);

// The strictly increasing subsequence of `matches` (sorted by `a`) with the
// greatest total weight, `weights[m.a]` each.
[[nodiscard]] std::vector<Match> heaviest_increasing(const std::vector<Match>& matches,
                                                     std::span<const std::uint32_t> weights);

}  // namespace stet::diff
