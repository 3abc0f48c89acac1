#include "diff/internal.hpp"
#include "diff/tokenize.hpp"

#include <optional>

namespace stet::diff {

namespace {

bool blank(std::string_view text) {
  for (const Token& token : tokenize(text)) {
    if (token.kind != TokenKind::space) {
      return false;
    }
  }
  return true;
}

void count_words(std::string_view a, std::string_view b, DiffResult& result, bool count_all_words) {
  Stats& s = result.stats;
  std::size_t shared = 0;
  for (const Op& op : result.ops) {
    if (op.kind == OpKind::equal && !count_all_words) {
      continue;
    }
    std::size_t words = word_count(op_text(op, a, b));
    if (op.kind == OpKind::equal) {
      s.words_a += words;
      s.words_b += words;
      shared += 2 * words;
      continue;
    }
    (op.kind == OpKind::remove ? s.words_a : s.words_b) += words;
    if (op.minor != Minor::none) {
      shared += words;
      if (op.kind == OpKind::insert) {
        ++(op.minor == Minor::whitespace ? s.whitespace_changes : s.typography_changes);
      }
    } else if (op.move != 0) {
      shared += words;
      s.words_moved += op.kind == OpKind::insert ? words : std::size_t{0};
    } else {
      (op.kind == OpKind::remove ? s.words_removed : s.words_added) += words;
    }
  }
  if (!count_all_words) {
    s.words_a = s.words_b = 0;
    return;
  }
  std::size_t total = s.words_a + s.words_b;
  s.similarity = total == 0 ? 1.0 : static_cast<double>(shared) / static_cast<double>(total);
}

std::size_t count_moves(const std::vector<Op>& ops) {
  int most = 0;
  for (const Op& op : ops) {
    most = op.move > most ? op.move : most;
  }
  return static_cast<std::size_t>(most);
}

// The changes after the last equal or moved op are all on one side: that side goes on where the other stops. A
// cut inside a word shows as a short insert that starts the removed text.
std::optional<Truncation> find_truncation(std::string_view a, std::string_view b, const std::vector<Op>& ops) {
  std::size_t k = ops.size();
  std::size_t equal_before = 0;
  // Moved text is not missing text: a move ends the search like an equal op.
  while (k > 0 && ops[k - 1].kind != OpKind::equal && ops[k - 1].move == 0) {
    --k;
  }
  for (std::size_t e = 0; e < k; ++e) {
    equal_before += ops[e].kind == OpKind::equal ? std::size_t{1} : std::size_t{0};
  }
  if (equal_before == 0 || k == ops.size()) {
    return std::nullopt;
  }
  Span removed{ops[k].a.begin, a.size()};
  Span inserted{ops[k].b.begin, b.size()};
  std::string_view gone = a.substr(removed.begin);
  std::string_view added = b.substr(inserted.begin);
  Truncation t;
  if (blank(added) || (!added.empty() && gone.starts_with(added) && gone.size() > added.size())) {
    t.a_is_shorter = false;
    t.stops_at = removed.begin + (blank(added) ? 0 : added.size());
    t.missing_bytes = a.size() - t.stops_at;
    t.missing_words = word_count(a.substr(t.stops_at));
  } else if (blank(gone) || (!gone.empty() && added.starts_with(gone) && added.size() > gone.size())) {
    t.a_is_shorter = true;
    t.stops_at = inserted.begin + (blank(gone) ? 0 : gone.size());
    t.missing_bytes = b.size() - t.stops_at;
    t.missing_words = word_count(b.substr(t.stops_at));
  } else {
    return std::nullopt;
  }
  if (t.missing_words == 0) {
    return std::nullopt;
  }
  return t;
}

}  // namespace

void summarize(std::string_view a, std::string_view b, DiffResult& result, bool count_all_words) {
  count_words(a, b, result, count_all_words);
  result.stats.moves = count_moves(result.ops);
  result.truncation = find_truncation(a, b, result.ops);
}

}  // namespace stet::diff
