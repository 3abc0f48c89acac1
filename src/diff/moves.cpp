#include "diff/internal.hpp"
#include "diff/tokenize.hpp"
#include "diff/typography.hpp"

#include <algorithm>
#include <functional>
#include <string>

namespace stet::diff {

namespace {

constexpr std::size_t k_min_words = 6;  // shorter lines are too common to call moved
constexpr std::size_t k_shingle = 3;    // words per shingle for near matches
constexpr double k_min_overlap = 0.6;   // share of shingles a near match must have

struct Candidate {
  Span span;
  std::size_t region = 0;
  std::uint64_t key = 0;                // the words in order (typography folded when ignored)
  std::vector<std::uint64_t> shingles;  // hashes of runs of k_shingle words
  bool used = false;
};

std::uint64_t mix(std::uint64_t h, std::uint64_t v) { return (h ^ v) * 0x100000001b3ULL + (h >> 29); }

// Hashes of the non-space tokens of `line` (typography folded when ignored).
std::vector<std::uint64_t> word_hashes(std::string_view line, const Options& options, std::size_t& words) {
  std::vector<std::uint64_t> hashes;
  words = 0;
  for (const Token& token : tokenize(line)) {
    if (token.kind == TokenKind::space) {
      continue;
    }
    std::string_view text = line.substr(token.begin, token.end - token.begin);
    bool fold = options.ignore_typography && token.kind != TokenKind::word;
    hashes.push_back(fold ? std::hash<std::string>{}(fold_typography(text)) : std::hash<std::string_view>{}(text));
    words += token.kind == TokenKind::word ? 1U : 0U;
  }
  return hashes;
}

void add_candidates(std::string_view text, Span range, std::size_t region, const Options& options,
                    std::vector<Candidate>& out) {
  std::size_t at = range.begin;
  while (at < range.end) {
    std::size_t newline = text.find('\n', at);
    std::size_t end = newline == std::string_view::npos || newline >= range.end ? range.end : newline + 1;
    std::size_t words = 0;
    std::vector<std::uint64_t> hashes = word_hashes(text.substr(at, end - at), options, words);
    if (words >= k_min_words) {
      Candidate c{{at, end}, region, 0, {}, false};
      for (std::size_t k = 0; k < hashes.size(); ++k) {
        c.key = mix(c.key, hashes[k]);
        if (k + 1 >= k_shingle) {
          c.shingles.push_back(mix(mix(hashes[k - 2], hashes[k - 1]), hashes[k]));
        }
      }
      out.push_back(std::move(c));
    }
    at = end;
  }
}

std::size_t line_count(std::string_view text, Span range) {
  std::string_view part = text.substr(range.begin, range.size());
  std::size_t newlines = static_cast<std::size_t>(std::count(part.begin(), part.end(), '\n'));
  return newlines + (!part.empty() && part.back() != '\n' ? 1U : 0U);
}

struct Pair {
  std::size_t a = 0;
  std::size_t b = 0;
  double score = 0;
};

// Pairs of candidates from different regions: equal words first, then
// near matches by shared shingles, best first, each line used once.
std::vector<Pair> pair_candidates(std::vector<Candidate>& as, std::vector<Candidate>& bs) {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> index;  // (shingle, candidate in bs), sorted
  for (std::size_t j = 0; j < bs.size(); ++j) {
    for (std::uint64_t shingle : bs[j].shingles) {
      index.emplace_back(shingle, static_cast<std::uint32_t>(j));
    }
  }
  std::sort(index.begin(), index.end());
  index.erase(std::unique(index.begin(), index.end()), index.end());
  std::vector<std::uint32_t> hits(bs.size(), 0);
  std::vector<std::uint32_t> touched;
  std::vector<Pair> pairs;
  for (std::size_t i = 0; i < as.size(); ++i) {
    for (std::uint64_t shingle : as[i].shingles) {
      auto lo = std::lower_bound(index.begin(), index.end(), std::pair<std::uint64_t, std::uint32_t>{shingle, 0});
      auto hi = lo;
      while (hi != index.end() && hi->first == shingle && hi - lo <= 8) {
        ++hi;
      }
      if (hi - lo > 8) {
        continue;  // a shingle this common says nothing about where a line went
      }
      for (auto it = lo; it != hi; ++it) {
        touched.push_back(it->second);
        ++hits[it->second];
      }
    }
    for (std::uint32_t j : touched) {
      if (hits[j] == 0) {
        continue;
      }
      double score = as[i].key == bs[j].key
                         ? 2.0
                         : static_cast<double>(hits[j]) /
                               static_cast<double>(std::max(as[i].shingles.size(), bs[j].shingles.size()));
      hits[j] = 0;
      if (bs[j].region != as[i].region && score >= k_min_overlap) {
        pairs.push_back({i, j, score});
      }
    }
    touched.clear();
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
    return x.score != y.score ? x.score > y.score : (x.a != y.a ? x.a < y.a : x.b < y.b);
  });
  std::vector<Pair> chosen;
  for (const Pair& p : pairs) {
    if (!as[p.a].used && !bs[p.b].used) {
      as[p.a].used = bs[p.b].used = true;
      chosen.push_back(p);
    }
  }
  return chosen;
}

// The ops of a moved line on each side: words found on both sides are moved,
// the rest are plain removes (old place) and inserts (new place).
void split_moved(const std::vector<Op>& ops, int id, MovedPiece& old_place, MovedPiece& new_place) {
  for (const Op& op : ops) {
    bool shared = op.kind == OpKind::equal || op.minor != Minor::none;
    if (op.kind != OpKind::insert) {
      old_place.ops.push_back({OpKind::remove, op.a, {}, shared ? id : 0, Minor::none});
    }
    if (op.kind != OpKind::remove) {
      new_place.ops.push_back({OpKind::insert, {}, op.b, shared ? id : 0, Minor::none});
    }
  }
}

}  // namespace

LineMoves find_line_moves(std::string_view a, std::string_view b, const std::vector<Region>& regions,
                          const Options& options) {
  std::vector<Candidate> as;
  std::vector<Candidate> bs;
  for (std::size_t r = 0; r < regions.size(); ++r) {
    if (regions[r].equal) {
      continue;
    }
    // Text that left (or arrived) makes its region lopsided: only the side
    // with more lines can hold a moved line. This keeps ordinary edits,
    // one line against one line, out of the search.
    std::size_t lines_a = line_count(a, regions[r].a);
    std::size_t lines_b = line_count(b, regions[r].b);
    if (lines_a > lines_b) {
      add_candidates(a, regions[r].a, r, options, as);
    }
    if (lines_b > lines_a) {
      add_candidates(b, regions[r].b, r, options, bs);
    }
  }
  LineMoves moves;
  if (as.empty() || bs.empty()) {
    return moves;
  }
  for (const Pair& p : pair_candidates(as, bs)) {
    int id = ++moves.count;
    MovedPiece old_place{as[p.a].span, {}};
    MovedPiece new_place{bs[p.b].span, {}};
    split_moved(diff_pieces(a, b, {old_place.span}, {new_place.span}, options), id, old_place, new_place);
    moves.a.push_back(std::move(old_place));
    moves.b.push_back(std::move(new_place));
  }
  auto by_offset = [](const MovedPiece& x, const MovedPiece& y) { return x.span.begin < y.span.begin; };
  std::sort(moves.a.begin(), moves.a.end(), by_offset);
  std::sort(moves.b.begin(), moves.b.end(), by_offset);
  return moves;
}

}  // namespace stet::diff
