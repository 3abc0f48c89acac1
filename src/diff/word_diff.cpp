#include "diff/word_diff.hpp"

#include "diff/align.hpp"
#include "diff/emitter.hpp"
#include "diff/internal.hpp"
#include "diff/tokenize.hpp"
#include "diff/typography.hpp"
#include "text/normalize.hpp"
#include "text/space.hpp"
#include "text/utf8.hpp"

#include <dtl/dtl.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <thread>

namespace stet::diff {

namespace {

// Token gaps up to this size go to dtl whole (minimal); larger ones are
// anchored first. dtl stays far from its coordinate limit at this size.
constexpr std::size_t k_direct_limit = 1000;
// Larger gaps without any anchor (rare: nothing in common that is unique or
// equally repeated) are not handed to dtl at all.
constexpr std::size_t k_leaf_cells = std::size_t{20000} * 20000;

// The tokens of one side. Words are aligned first (`keys`, `index`: their
// positions in `tokens`), so minimal means fewest changed words, the
// measure of git's word diff; punctuation is aligned afterwards between
// aligned words, and white space only separates.
struct Side {
  std::vector<Token> tokens;
  std::vector<std::uint64_t> token_keys;  // per token (0 for white space)
  std::vector<std::uint64_t> keys;        // per word
  std::vector<std::size_t> index;
};

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0x80U) == 0; });
}

std::uint64_t token_key(std::string_view text, const Token& token, const Options& options) {
  std::string_view bytes = text.substr(token.begin, token.end - token.begin);
  if (options.ignore_typography && !is_ascii(bytes)) {
    return std::hash<std::string_view>{}(fold_typography(bytes));
  }
  return std::hash<std::string_view>{}(bytes);
}

Side tokenize_pieces(std::string_view text, const std::vector<Span>& pieces, const Options& options) {
  Side side;
  std::size_t bytes = 0;
  for (const Span& piece : pieces) {
    bytes += piece.size();
  }
  side.tokens.reserve(bytes / 2 + 1);  // prose: about one token per three bytes
  for (const Span& piece : pieces) {
    tokenize_append(text.substr(piece.begin, piece.size()), piece.begin, side.tokens);
  }
  side.token_keys.resize(side.tokens.size());
  side.index.reserve(side.tokens.size() / 2 + 1);
  side.keys.reserve(side.tokens.size() / 2 + 1);
  for (std::size_t k = 0; k < side.tokens.size(); ++k) {
    const Token& token = side.tokens[k];
    std::uint64_t key = token.kind == TokenKind::space ? 0 : token_key(text, token, options);
    if (token.kind == TokenKind::word) {
      side.index.push_back(k);
      side.keys.push_back(key);
    }
    side.token_keys[k] = key;
  }
  return side;
}

// Whether two short sequences have an element in common; true (perhaps) for
// longer ones, which are left to dtl.
bool shares_a_key(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b) {
  if (a.size() * b.size() > 64) {
    return true;
  }
  return std::any_of(a.begin(), a.end(),
                     [&](std::uint64_t key) { return std::find(b.begin(), b.end(), key) != b.end(); });
}

// dtl's O(NP) alignment of one gap that anchoring could not split. Gaps are
// small once anchored, well inside dtl's coordinate limit.
void dtl_leaf(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b, const Gap& gap,
              std::vector<Match>& out) {
  if ((gap.a_end - gap.a_begin) * (gap.b_end - gap.b_begin) > k_leaf_cells) {
    return;  // no anchor in a huge gap: shown as replaced rather than risking dtl's approximation
  }
  if (!shares_a_key(a.subspan(gap.a_begin, gap.a_end - gap.a_begin), b.subspan(gap.b_begin, gap.b_end - gap.b_begin))) {
    return;  // the usual replaced word: nothing in common, so no common subsequence
  }
  std::vector<std::uint64_t> left(a.begin() + static_cast<std::ptrdiff_t>(gap.a_begin),
                                  a.begin() + static_cast<std::ptrdiff_t>(gap.a_end));
  std::vector<std::uint64_t> right(b.begin() + static_cast<std::ptrdiff_t>(gap.b_begin),
                                   b.begin() + static_cast<std::ptrdiff_t>(gap.b_end));
  dtl::Diff<std::uint64_t> diff(left, right);
  diff.compose();
  for (const auto& [element, info] : diff.getSes().getSequence()) {
    if (info.type == dtl::SES_COMMON) {
      out.push_back({gap.a_begin + static_cast<std::size_t>(info.beforeIdx - 1),
                     gap.b_begin + static_cast<std::size_t>(info.afterIdx - 1)});
    }
  }
}

Span span_of(const Token& token) { return {token.begin, token.end}; }

// The punctuation between two aligned words, and how it aligns.
struct PunctScratch {
  std::vector<std::size_t> at_a;
  std::vector<std::size_t> at_b;
  std::vector<std::uint64_t> keys_a;
  std::vector<std::uint64_t> keys_b;
  std::vector<Match> matches;

  void clear() {
    at_a.clear();
    at_b.clear();
    keys_a.clear();
    keys_b.clear();
    matches.clear();
  }
};

struct Emit {
  std::string_view a;
  std::string_view b;
  const Side& left;
  const Side& right;
  const Options& options;
  std::vector<Op>& ops;

  // Tokens that align: equal bytes, or a minor pair when only white space
  // or typography differs (a real change when white space is shown).
  void match(std::size_t i, std::size_t j) {
    Span sa = span_of(left.tokens[i]);
    Span sb = span_of(right.tokens[j]);
    if (a.substr(sa.begin, sa.size()) == b.substr(sb.begin, sb.size())) {
      ops.push_back({OpKind::equal, sa, sb, 0, Minor::none});
      return;
    }
    bool space = left.tokens[i].kind == TokenKind::space;
    Minor minor = !space ? Minor::typography : options.ignore_whitespace ? Minor::whitespace : Minor::none;
    ops.push_back({OpKind::remove, sa, {sb.begin, sb.begin}, 0, minor});
    ops.push_back({OpKind::insert, {sa.end, sa.end}, sb, 0, minor});
  }

  static bool has_punct(const Side& side, std::size_t begin, std::size_t end) {
    for (std::size_t k = begin; k < end; ++k) {
      if (side.tokens[k].kind == TokenKind::punct) {
        return true;
      }
    }
    return false;
  }

  bool spaces(std::size_t i, std::size_t j) const {
    return left.tokens[i].kind == TokenKind::space && right.tokens[j].kind == TokenKind::space;
  }

  // The tokens between two aligned words: punctuation aligned (dtl), then
  // what lies between as in plain_gap().
  void gap(std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1) {
    if (!has_punct(left, i0, i1) || !has_punct(right, j0, j1)) {
      plain_gap(i0, i1, j0, j1);  // the usual case, a space against a space: nothing to align
      return;
    }
    // Reused buffers: this runs between every two aligned words.
    thread_local PunctScratch scratch;
    scratch.clear();
    auto& [at_a, at_b, keys_a, keys_b, matches] = scratch;
    for (std::size_t i = i0; i < i1; ++i) {
      if (left.tokens[i].kind == TokenKind::punct) {
        at_a.push_back(i);
        keys_a.push_back(left.token_keys[i]);
      }
    }
    for (std::size_t j = j0; j < j1; ++j) {
      if (right.tokens[j].kind == TokenKind::punct) {
        at_b.push_back(j);
        keys_b.push_back(right.token_keys[j]);
      }
    }
    if (!keys_a.empty() && !keys_b.empty() && keys_a.size() + keys_b.size() <= k_direct_limit) {
      dtl_leaf(keys_a, keys_b, {0, keys_a.size(), 0, keys_b.size()}, matches);
    }
    for (const Match& m : matches) {
      plain_gap(i0, at_a[m.a], j0, at_b[m.b]);
      match(at_a[m.a], at_b[m.b]);
      i0 = at_a[m.a] + 1;
      j0 = at_b[m.b] + 1;
    }
    plain_gap(i0, i1, j0, j1);
  }

  // White space at both ends pairs up, the rest is removed and inserted.
  void plain_gap(std::size_t i0, std::size_t i1, std::size_t j0, std::size_t j1) {
    bool lead = i0 < i1 && j0 < j1 && spaces(i0, j0);
    if (lead) {
      match(i0++, j0++);
    }
    bool trail = i0 < i1 && j0 < j1 && spaces(i1 - 1, j1 - 1);
    if (trail) {
      --i1;
      --j1;
    }
    for (std::size_t i = i0; i < i1; ++i) {
      ops.push_back({OpKind::remove, span_of(left.tokens[i]), {}, 0, Minor::none});
    }
    for (std::size_t j = j0; j < j1; ++j) {
      ops.push_back({OpKind::insert, {}, span_of(right.tokens[j]), 0, Minor::none});
    }
    if (trail) {
      match(i1, j1);
    }
  }
};

// Emits `moved` pieces of one side that start before `offset`.
void flush_moves(const std::vector<MovedPiece>& moved, std::size_t& next, std::size_t offset, Emitter& emitter) {
  while (next < moved.size() && moved[next].span.begin < offset) {
    for (const Op& op : moved[next].ops) {
      emitter.add(op);
    }
    ++next;
  }
}

// The pieces of `range` outside the moved lines; `next` is the first moved
// piece not before `range` and moves past those inside it.
std::vector<Span> pieces_without(Span range, const std::vector<MovedPiece>& moved, std::size_t next) {
  std::vector<Span> pieces;
  std::size_t at = range.begin;
  for (; next < moved.size() && moved[next].span.begin < range.end; ++next) {
    pieces.push_back({at, moved[next].span.begin});
    at = moved[next].span.end;
  }
  pieces.push_back({at, range.end});
  std::erase_if(pieces, [](const Span& s) { return s.empty(); });
  return pieces;
}

struct Cursor {
  std::size_t a = 0;  // next moved piece of side A
  std::size_t b = 0;
};

// The word diff of one changed region, outside the moved lines (computed
// ahead, so that regions can be diffed on two threads).
struct RegionDiff {
  std::vector<Span> a_pieces;
  std::vector<Span> b_pieces;
  std::vector<Op> ops;
};

// The pieces of every changed region outside the moved lines, in order
// (the cursor each region starts from is where the previous one ended).
std::vector<RegionDiff> region_jobs(const std::vector<Region>& regions, const LineMoves& moves) {
  std::vector<RegionDiff> jobs;
  Cursor cursor;
  auto skip = [](const std::vector<MovedPiece>& moved, std::size_t& next, std::size_t offset) {
    while (next < moved.size() && moved[next].span.begin < offset) {
      ++next;
    }
  };
  for (const Region& region : regions) {
    if (region.equal) {
      continue;
    }
    jobs.push_back({pieces_without(region.a, moves.a, cursor.a), pieces_without(region.b, moves.b, cursor.b), {}});
    skip(moves.a, cursor.a, region.a.end);
    skip(moves.b, cursor.b, region.b.end);
  }
  return jobs;
}

// Changed text (both sides) below which a second thread costs more than it saves.
constexpr std::size_t k_parallel_bytes = 64 * 1024;

// Diffs every job, on two threads when there is enough text and a second
// core. Each job is independent and deterministic: the result is the same
// as one thread's.
void diff_jobs(std::string_view a, std::string_view b, std::vector<RegionDiff>& jobs, const Options& options) {
  std::size_t bytes = 0;
  for (const RegionDiff& job : jobs) {
    for (const Span& s : job.a_pieces) {
      bytes += s.size();
    }
    for (const Span& s : job.b_pieces) {
      bytes += s.size();
    }
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  auto work = [&](std::exception_ptr& error) {
    try {
      for (std::size_t k = next++; k < jobs.size(); k = next++) {
        jobs[k].ops = diff_pieces(a, b, jobs[k].a_pieces, jobs[k].b_pieces, options);
      }
    } catch (...) {
      error = std::current_exception();
      next = jobs.size();
    }
  };
  std::exception_ptr own;
  bool two = options.threads > 1 && std::thread::hardware_concurrency() > 1;
  if (two && bytes >= k_parallel_bytes && jobs.size() > 1) {
    std::thread helper(work, std::ref(failure));
    work(own);
    helper.join();
  } else {
    work(own);
  }
  for (const std::exception_ptr& error : {own, failure}) {
    if (error) {
      std::rethrow_exception(error);
    }
  }
}

void emit_region(const Region& region, std::vector<Op>& ops, const LineMoves& moves, Cursor& cursor, Emitter& emitter) {
  for (const Op& op : ops) {
    if (op.kind != OpKind::insert) {
      flush_moves(moves.a, cursor.a, op.a.begin + 1, emitter);
    }
    if (op.kind != OpKind::remove) {
      flush_moves(moves.b, cursor.b, op.b.begin + 1, emitter);
    }
    emitter.add(op);
  }
  std::vector<Op>().swap(ops);  // emitted: free it
  flush_moves(moves.a, cursor.a, region.a.end, emitter);
  flush_moves(moves.b, cursor.b, region.b.end, emitter);
}

// Under --ignore-typography, texts whose normalized forms are equal (the
// normalized SHA-256 of their records would be equal) differ in nothing that
// counts: changes the tokens could not pair up (… against ..., a zero-width
// space inside a word, white space at either end) become minor too.
void ignore_if_normalized_equal(std::string_view a, std::string_view b, std::vector<Op>& ops) {
  bool real = std::any_of(ops.begin(), ops.end(),
                          [](const Op& op) { return op.kind != OpKind::equal && op.minor == Minor::none; });
  if (!real || !text::valid_utf8(a) || !text::valid_utf8(b) || text::normalized_text(a) != text::normalized_text(b)) {
    return;
  }
  for (Op& op : ops) {
    if (op.kind != OpKind::equal && op.minor == Minor::none) {
      op.minor = text::all_space(op_text(op, a, b)) ? Minor::whitespace : Minor::typography;
      op.move = 0;
    }
  }
}

}  // namespace

std::vector<Op> diff_pieces(std::string_view a, std::string_view b, const std::vector<Span>& a_pieces,
                            const std::vector<Span>& b_pieces, const Options& options) {
  Side left = tokenize_pieces(a, a_pieces, options);
  Side right = tokenize_pieces(b, b_pieces, options);
  LeafAligner leaf = [&](const Gap& gap, std::vector<Match>& out) { dtl_leaf(left.keys, right.keys, gap, out); };
  std::vector<Match> matches = align(left.keys, right.keys, leaf, k_direct_limit);
  std::vector<Op> ops;
  ops.reserve(std::max(left.tokens.size(), right.tokens.size()) + 8);
  Emit emit{a, b, left, right, options, ops};
  std::size_t i = 0;
  std::size_t j = 0;
  for (const Match& m : matches) {
    std::size_t ti = left.index[m.a];
    std::size_t tj = right.index[m.b];
    if (ti < i || tj < j) {
      continue;  // never trust an aligner to stay monotonic: a skipped match is only a longer change
    }
    emit.gap(i, ti, j, tj);
    emit.match(ti, tj);
    i = ti + 1;
    j = tj + 1;
  }
  emit.gap(i, left.tokens.size(), j, right.tokens.size());
  return ops;
}

bool DiffResult::differs() const {
  return std::any_of(ops.begin(), ops.end(),
                     [](const Op& op) { return op.kind != OpKind::equal && op.minor == Minor::none; });
}

std::string_view op_text(const Op& op, std::string_view a, std::string_view b) {
  return op.kind == OpKind::insert ? b.substr(op.b.begin, op.b.size()) : a.substr(op.a.begin, op.a.size());
}

DiffResult word_diff(std::string_view a, std::string_view b, const Options& options) {
  DiffResult result;
  std::vector<Region> regions = line_regions(a, b, options.threads > 1);
  LineMoves moves;
  if (options.detect_moves) {
    moves = find_line_moves(a, b, regions, options);
  }
  std::vector<RegionDiff> jobs = region_jobs(regions, moves);
  diff_jobs(a, b, jobs, options);
  Emitter emitter;
  Cursor cursor;
  std::size_t job = 0;
  for (const Region& region : regions) {
    if (region.equal) {
      emitter.equal(region.a, region.b);
    } else {
      emit_region(region, jobs[job++].ops, moves, cursor, emitter);
    }
  }
  result.ops = emitter.take();
  tidy_ops(a, b, result.ops, options, moves.count);
  if (options.ignore_typography) {
    ignore_if_normalized_equal(a, b, result.ops);
  }
  summarize(a, b, result, options.count_all_words);
  return result;
}

}  // namespace stet::diff
