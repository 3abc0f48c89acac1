#pragma once
// Private to stet_diff: the stages word_diff() runs, each in its own file.

#include "diff/word_diff.hpp"

#include <string_view>
#include <vector>

namespace stet::diff {

// A stretch of both texts: whole lines, equal byte for byte or changed.
struct Region {
  bool equal = false;
  Span a;
  Span b;
};

// Both texts cut into alternating equal and changed regions of whole lines
// (lines hashed and anchored, patience style); covers both texts in order.
// With `parallel`, large texts have side B's lines hashed on a second thread.
[[nodiscard]] std::vector<Region> line_regions(std::string_view a, std::string_view b, bool parallel);

// The word diff of the bytes of `a_pieces` (ranges of `a`, in order,
// disjoint) against those of `b_pieces`. Ops carry absolute offsets; a
// minor pair is a remove and an insert with the same reason.
[[nodiscard]] std::vector<Op> diff_pieces(std::string_view a, std::string_view b, const std::vector<Span>& a_pieces,
                                          const std::vector<Span>& b_pieces, const Options& options);

// A line that moved, with the ops that stand for it on its own side.
struct MovedPiece {
  Span span;
  std::vector<Op> ops;
};

struct LineMoves {
  std::vector<MovedPiece> a;  // sorted by offset
  std::vector<MovedPiece> b;
  int count = 0;
};

// Lines of changed regions that reappear (exactly or nearly) in another
// changed region of the other side.
[[nodiscard]] LineMoves find_line_moves(std::string_view a, std::string_view b, const std::vector<Region>& regions,
                                        const Options& options);

// Merges each run of changes into one remove and one insert, folds
// equalities without words between changes into them (when
// `options.cleanup`), and marks removed runs that reappear as inserts
// elsewhere as moves (numbered after `first_move`).
void tidy_ops(std::string_view a, std::string_view b, std::vector<Op>& ops, const Options& options, int moves_so_far);

// Fills in the statistics and the truncation of `result`.
void summarize(std::string_view a, std::string_view b, DiffResult& result, bool count_all_words);

}  // namespace stet::diff
