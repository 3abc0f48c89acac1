#include "diff/internal.hpp"
#include "diff/tokenize.hpp"
#include "diff/typography.hpp"

#include <functional>
#include <map>
#include <string>
#include <unordered_map>

namespace stet::diff {

namespace {

constexpr std::size_t k_min_moved_words = 6;

bool plain_change(const Op& op) { return op.kind != OpKind::equal && op.minor == Minor::none && op.move == 0; }

// Each run of plain changes becomes one remove followed by one insert.
std::vector<Op> group_changes(const std::vector<Op>& ops) {
  std::vector<Op> out;
  out.reserve(ops.size());
  std::size_t k = 0;
  while (k < ops.size()) {
    if (!plain_change(ops[k])) {
      out.push_back(ops[k++]);
      continue;
    }
    Span a{ops[k].a.begin, ops[k].a.begin};
    Span b{ops[k].b.begin, ops[k].b.begin};
    for (; k < ops.size() && plain_change(ops[k]); ++k) {
      (ops[k].kind == OpKind::remove ? a : b).end = (ops[k].kind == OpKind::remove ? ops[k].a : ops[k].b).end;
    }
    if (!a.empty()) {
      out.push_back({OpKind::remove, a, {b.begin, b.begin}, 0, Minor::none});
    }
    if (!b.empty()) {
      out.push_back({OpKind::insert, {a.end, a.end}, b, 0, Minor::none});
    }
  }
  return out;
}

bool foldable_text(std::string_view text) {
  if (text.find('\n') != std::string_view::npos) {
    return false;
  }
  for (const Token& token : tokenize(text)) {
    if (token.kind == TokenKind::word) {
      return false;
    }
  }
  return true;
}

// Equalities (and ignored minor pairs) made only of spaces and punctuation
// on one line, between two changes, become part of the change: "[-cat sat-]"
// reads better than "[-cat-] [-sat-]" and no word is counted twice.
void fold_small_equalities(std::string_view a, std::string_view b, std::vector<Op>& ops) {
  for (std::size_t k = 1; k + 1 < ops.size(); ++k) {
    std::size_t width = ops[k].minor != Minor::none ? 2 : 1;
    bool equality = ops[k].kind == OpKind::equal || (width == 2 && ops[k].kind == OpKind::remove);
    if (!equality || k + width >= ops.size() || !plain_change(ops[k - 1]) || !plain_change(ops[k + width])) {
      continue;
    }
    std::string_view text_a = a.substr(ops[k].a.begin, ops[k].a.size());
    std::string_view text_b = b.substr(ops[k + width - 1].b.begin, ops[k + width - 1].b.size());
    if (!foldable_text(text_a) || !foldable_text(text_b)) {
      continue;
    }
    Op remove{OpKind::remove, ops[k].a, {ops[k].b.begin, ops[k].b.begin}, 0, Minor::none};
    Op insert{OpKind::insert, {ops[k].a.end, ops[k].a.end}, ops[k + width - 1].b, 0, Minor::none};
    ops[k] = remove;
    if (width == 2) {
      ops[k + 1] = insert;
    } else {
      ops.insert(ops.begin() + static_cast<std::ptrdiff_t>(k + 1), insert);
    }
    ++k;
  }
}

std::uint64_t words_key(std::string_view text, const Options& options, std::size_t& words) {
  std::string joined;
  words = 0;
  for (const Token& token : tokenize(text)) {
    if (token.kind != TokenKind::space) {
      std::string_view t = text.substr(token.begin, token.end - token.begin);
      joined += options.ignore_typography ? fold_typography(t) : std::string(t);
      joined += '\x1f';
      words += token.kind == TokenKind::word ? std::size_t{1} : std::size_t{0};
    }
  }
  return std::hash<std::string>{}(joined);
}

// A removed run whose words reappear as one inserted run elsewhere moved.
void mark_moved_runs(std::string_view a, std::string_view b, std::vector<Op>& ops, const Options& options,
                     int& next_id) {
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> removed;
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> inserted;
  for (std::size_t k = 0; k < ops.size(); ++k) {
    if (!plain_change(ops[k])) {
      continue;
    }
    std::string_view text = op_text(ops[k], a, b);
    if (text.size() < 2 * k_min_moved_words - 1) {
      continue;  // shorter than k_min_moved_words one-byte words with separators: no need to tokenize
    }
    std::size_t words = 0;
    std::uint64_t key = words_key(text, options, words);
    if (words >= k_min_moved_words) {
      (ops[k].kind == OpKind::remove ? removed : inserted)[key].push_back(k);
    }
  }
  std::map<std::size_t, std::size_t> pairs;  // ordered: ids do not depend on hashing
  for (const auto& [key, list] : removed) {
    auto it = inserted.find(key);
    if (list.size() == 1 && it != inserted.end() && it->second.size() == 1) {
      pairs[list.front()] = it->second.front();
    }
  }
  for (const auto& [r, i] : pairs) {
    ops[r].move = ops[i].move = ++next_id;
  }
}

// Move ids in the order the moved text appears in side B.
void renumber_moves(std::vector<Op>& ops) {
  std::map<int, int> ids;
  for (const Op& op : ops) {
    if (op.move != 0 && op.kind == OpKind::insert && ids.find(op.move) == ids.end()) {
      int next = static_cast<int>(ids.size()) + 1;
      ids[op.move] = next;
    }
  }
  for (Op& op : ops) {
    if (op.move != 0) {
      auto it = ids.find(op.move);
      op.move = it == ids.end() ? 0 : it->second;
    }
  }
}

}  // namespace

void tidy_ops(std::string_view a, std::string_view b, std::vector<Op>& ops, const Options& options, int moves_so_far) {
  ops = group_changes(ops);
  if (options.cleanup) {
    fold_small_equalities(a, b, ops);
    ops = group_changes(ops);
  }
  if (options.detect_moves) {
    int next_id = moves_so_far;
    mark_moved_runs(a, b, ops, options, next_id);
  }
  renumber_moves(ops);
}

}  // namespace stet::diff
