#include "diff/internal.hpp"
#include "diff/tokenize.hpp"
#include "diff/typography.hpp"

#include <algorithm>
#include <functional>
#include <string>
#include <unordered_map>

namespace stet::diff {

namespace {

constexpr std::size_t k_min_words = 6;       // shorter lines are too common to call moved
constexpr std::size_t k_shingle = 3;         // words per shingle for near matches
constexpr double k_min_overlap = 0.6;        // share of shingles a near match must have

struct Candidate {
  Span span;
  std::size_t region = 0;
  std::uint64_t key = 0;                // the words in order (typography folded when ignored)
  std::vector<std::uint64_t> shingles;  // hashes of runs of k_shingle words
  bool used = false;
};

std::vector<std::string> words_of(std::string_view line, const Options& options) {
  std::vector<std::string> words;
  for (const Token& token : tokenize(line)) {
    if (token.kind != TokenKind::space) {
      std::string_view text = line.substr(token.begin, token.end - token.begin);
      words.push_back(options.ignore_typography ? fold_typography(text) : std::string(text));
    }
  }
  return words;
}

void add_candidates(std::string_view text, Span range, std::size_t region, const Options& options,
                    std::vector<Candidate>& out) {
  std::size_t at = range.begin;
  while (at < range.end) {
    std::size_t newline = text.find('\n', at);
    std::size_t end = newline == std::string_view::npos || newline >= range.end ? range.end : newline + 1;
    std::vector<std::string> words = words_of(text.substr(at, end - at), options);
    if (words.size() >= k_min_words) {
      Candidate c{{at, end}, region, 0, {}, false};
      std::string joined;
      for (std::size_t k = 0; k < words.size(); ++k) {
        joined += words[k];
        joined += '\x1f';
        if (k + 1 >= k_shingle) {
          c.shingles.push_back(std::hash<std::string>{}(words[k + 1 - k_shingle] + '\x1f' +
                                                        words[k + 2 - k_shingle] + '\x1f' + words[k]));
        }
      }
      c.key = std::hash<std::string>{}(joined);
      out.push_back(std::move(c));
    }
    at = end;
  }
}

struct Pair {
  std::size_t a = 0;
  std::size_t b = 0;
  double score = 0;
};

// Pairs of candidates from different regions: equal words first, then
// near matches by shared shingles, best first, each line used once.
std::vector<Pair> pair_candidates(std::vector<Candidate>& as, std::vector<Candidate>& bs) {
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> index;
  for (std::size_t j = 0; j < bs.size(); ++j) {
    for (std::uint64_t s : bs[j].shingles) {
      auto& list = index[s];
      if (list.empty() || list.back() != j) {
        list.push_back(j);
      }
    }
  }
  std::vector<Pair> pairs;
  for (std::size_t i = 0; i < as.size(); ++i) {
    std::unordered_map<std::size_t, std::size_t> hits;
    for (std::uint64_t s : as[i].shingles) {
      auto it = index.find(s);
      if (it != index.end() && it->second.size() <= 8) {
        for (std::size_t j : it->second) {
          ++hits[j];
        }
      }
    }
    for (const auto& [j, n] : hits) {
      if (bs[j].region == as[i].region) {
        continue;
      }
      double score = as[i].key == bs[j].key ? 2.0
                                            : static_cast<double>(n) /
                                                  static_cast<double>(std::max(as[i].shingles.size(), bs[j].shingles.size()));
      if (score >= k_min_overlap) {
        pairs.push_back({i, j, score});
      }
    }
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
    if (!regions[r].equal) {
      add_candidates(a, regions[r].a, r, options, as);
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
