#include "analysis/pair_judgement.hpp"

#include "analysis/end_matter.hpp"
#include "analysis/line_shape.hpp"
#include "analysis/tail_content.hpp"
#include "analysis/truncation.hpp"

#include <sstream>

namespace stet::analysis {

namespace {

constexpr std::size_t k_max_differing = 4;  // own last words a near-prefix may have

bool is_marker_token(std::string_view word) {
  return word == "\u2026" || word == "..." || word == "[\u2026]" || word == "[...]" || word == "(\u2026)" ||
         word == "(...)";
}

// Whether this version's own last words are residue of a cut: markers,
// a label such as "Read more", or a word cut short ("integ" of "integrity").
bool cut_residue(const std::vector<TextWord>& mine, std::size_t from, const std::vector<TextWord>& theirs) {
  std::string tail;
  bool markers_only = true;
  for (std::size_t i = from; i < mine.size(); ++i) {
    tail += (tail.empty() ? "" : " ") + std::string(mine[i].text);
    markers_only = markers_only && is_marker_token(mine[i].text);
  }
  if (markers_only || is_dangling_label(tail)) {
    return true;
  }
  std::string_view first = mine[from].text;
  bool cut_word =
      from < theirs.size() && theirs[from].text.size() > first.size() && theirs[from].text.starts_with(first);
  if (!cut_word) {
    return false;
  }
  for (std::size_t i = from + 1; i < mine.size(); ++i) {
    if (!is_marker_token(mine[i].text)) {
      return false;
    }
  }
  return true;
}

std::string in_quotes(const std::string& text) { return "'" + text + "'"; }

// Whether `mine` stops at a boundary of `theirs`: after sentence
// punctuation, or where `theirs` goes on on a new line.
bool stops_at_boundary(const std::vector<TextWord>& mine, std::size_t shared, std::string_view theirs_text,
                       const std::vector<TextWord>& theirs) {
  if (shared == 0 || shared >= theirs.size()) {
    return true;
  }
  if (ends_with_terminal(mine[shared - 1].text)) {
    return true;
  }
  std::size_t from = theirs[shared - 1].offset + theirs[shared - 1].text.size();
  return theirs_text.substr(from, theirs[shared].offset - from).find('\n') != std::string_view::npos;
}

// The shared prefix of `mine` and `theirs`, or nullopt when `mine` is no
// (near-)prefix of `theirs`.
std::optional<std::size_t> shared_prefix(const std::vector<TextWord>& mine, const std::vector<TextWord>& theirs) {
  std::size_t shared = 0;
  while (shared < mine.size() && shared < theirs.size() && mine[shared].text == theirs[shared].text) {
    ++shared;
  }
  if (shared == 0 || theirs.size() <= shared) {
    return std::nullopt;
  }
  std::size_t own = mine.size() - shared;
  if (own > 0 && (own > k_max_differing || theirs.size() <= mine.size() || !cut_residue(mine, shared, theirs))) {
    return std::nullopt;
  }
  return shared;
}

// Words left in `reader` after `first` (counted when `has_first`), up to
// `limit` + 1.
std::size_t words_left(text::WordReader& reader, bool has_first, std::size_t limit) {
  std::size_t n = has_first ? 1 : 0;
  for (TextWord word; n <= limit && reader.next(word);) {
    ++n;
  }
  return n;
}

// Whether either text could be a near-prefix of the other: judge_prefix()
// refuses the shorter side when more than k_max_differing of its words
// follow the words the two texts share from the start. The usual pair
// differs early in long texts, so reading the words up to the first
// difference and a few after it settles the pair without splitting either
// text whole.
bool near_prefix_possible(std::string_view a, std::string_view b) {
  text::WordReader in_a(a);
  text::WordReader in_b(b);
  TextWord x;
  TextWord y;
  bool more_a = in_a.next(x);
  bool more_b = in_b.next(y);
  while (more_a && more_b && x.text == y.text) {
    more_a = in_a.next(x);
    more_b = in_b.next(y);
  }
  return words_left(in_a, more_a, k_max_differing) <= k_max_differing ||
         words_left(in_b, more_b, k_max_differing) <= k_max_differing;
}

}  // namespace

std::optional<PrefixMatch> judge_prefix(const std::vector<TextWord>& mine_words, const PairSide& theirs,
                                        const std::vector<TextWord>& theirs_words, bool theirs_is_later,
                                        bool mine_ends_as_cut) {
  auto shared = shared_prefix(mine_words, theirs_words);
  if (!shared) {
    return std::nullopt;
  }
  PrefixMatch m;
  m.of = theirs.number;
  m.of_sha256 = std::string(theirs.sha256);
  m.later = theirs_is_later;
  m.missing_words = 0;  // words with a letter or digit: a glued cut marker or a lone dash is no word
  for (std::size_t i = *shared; i < theirs_words.size(); ++i) {
    m.missing_words += fold_word(theirs_words[i].text).empty() ? 0U : 1U;
  }
  m.cut_after = join_words(mine_words, *shared > 3 ? *shared - 3 : 0, *shared);
  for (std::size_t i = *shared; i < mine_words.size(); ++i) {
    m.differing.emplace_back(mine_words[i].text);
  }
  const TextWord& last = theirs_words[*shared - 1];
  m.stops_at = m.differing.empty() ? last.offset + last.text.size() : theirs_words[*shared].offset;
  m.missing_bytes = theirs.text.size() - m.stops_at;
  TailReading tail = read_missing_tail(theirs.text.substr(m.stops_at));
  m.content_missing = tail.content;
  m.missing_excerpt = tail.excerpt;
  bool clean =
      !mine_ends_as_cut && m.differing.empty() && stops_at_boundary(mine_words, *shared, theirs.text, theirs_words);
  // A clean end lacking only non-content is a shorter version; so is an
  // earlier version with a clean end that a later one continued.
  m.truncated = !clean || (m.content_missing && !m.later);
  return m;
}

std::optional<PairFinding> judge_pair(const PairSide& a, const PairSide& b, bool b_is_later) {
  if (!near_prefix_possible(a.text, b.text)) {
    return std::nullopt;
  }
  auto a_words = split_words(a.text);
  auto b_words = split_words(b.text);
  if (a_words.size() < b_words.size()) {
    bool cut = assess_text(a.text).verdict == Verdict::truncated;
    if (auto m = judge_prefix(a_words, b, b_words, b_is_later, cut)) {
      return PairFinding{true, std::move(*m)};
    }
  } else if (b_words.size() < a_words.size()) {
    bool cut = assess_text(b.text).verdict == Verdict::truncated;
    if (auto m = judge_prefix(b_words, a, a_words, !b_is_later, cut)) {
      return PairFinding{false, std::move(*m)};
    }
  }
  return std::nullopt;
}

std::string prefix_message(const PrefixMatch& m) {
  std::ostringstream out;
  std::string words = std::to_string(m.missing_words) + (m.missing_words == 1 ? " word" : " words");
  std::string version = m.of > 0 ? "v" + std::to_string(m.of) : "the other text";
  if (!m.truncated) {
    out << "shorter than " << version << ": " << (m.later ? "it goes on with " : "drops ")
        << in_quotes(m.missing_excerpt) << " (" << words << (m.content_missing ? "" : ", not content") << ")";
    return out.str();
  }
  out << (m.later ? "truncated, completed by " : "truncated copy of ") << version << ": " << words << " missing after "
      << in_quotes(m.cut_after);
  if (!m.differing.empty()) {
    std::string own;
    for (const std::string& w : m.differing) {
      own += (own.empty() ? "" : " ") + w;
    }
    out << " (this version ends instead with " << in_quotes(own) << ")";
  }
  return out.str();
}

}  // namespace stet::analysis
