#include "analysis/version_truncation.hpp"

#include "analysis/line_shape.hpp"
#include "analysis/words.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace stet::analysis {

namespace {

constexpr double k_drop_ratio = 0.5;      // below half the previous size is suspicious
constexpr std::size_t k_drop_bytes = 100;  // ... when at least this much went missing
constexpr std::size_t k_max_differing = 4;  // own last words a near-prefix may have

bool is_marker_word(std::string_view word) {
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
    markers_only = markers_only && is_marker_word(mine[i].text);
  }
  if (markers_only || is_dangling_label(tail)) {
    return true;
  }
  std::string_view first = mine[from].text;
  bool cut_word = from < theirs.size() && theirs[from].text.size() > first.size() && theirs[from].text.starts_with(first);
  if (!cut_word) {
    return false;
  }
  for (std::size_t i = from + 1; i < mine.size(); ++i) {
    if (!is_marker_word(mine[i].text)) {
      return false;
    }
  }
  return true;
}

std::string quoted(const std::string& text) { return "'" + text + "'"; }

std::string prefix_message(const PrefixMatch& m) {
  std::ostringstream out;
  out << (m.later ? "truncated, completed by v" : "truncated copy of v") << m.of << ": " << m.missing_words
      << (m.missing_words == 1 ? " word" : " words") << " missing after " << quoted(m.cut_after);
  if (!m.differing.empty()) {
    std::string own;
    for (const std::string& w : m.differing) {
      own += (own.empty() ? "" : " ") + w;
    }
    out << " (this version ends instead with " << quoted(own) << ")";
  }
  return out.str();
}

std::string drop_message(const SizeDrop& d) {
  std::ostringstream out;
  out << "suspicious capture: " << d.bytes << " bytes, " << std::lround(d.ratio * 100) << "% of v" << d.previous
      << "'s " << d.previous_bytes << " bytes";
  return out.str();
}

std::optional<PrefixMatch> match_words(const std::vector<TextWord>& mine, const std::vector<TextWord>& theirs,
                                       const VersionText& other, std::size_t max_differing) {
  std::size_t shared = 0;
  while (shared < mine.size() && shared < theirs.size() && mine[shared].text == theirs[shared].text) {
    ++shared;
  }
  if (shared == 0 || theirs.size() <= shared) {
    return std::nullopt;
  }
  std::size_t own = mine.size() - shared;
  if (own > 0 && (own > max_differing || theirs.size() <= mine.size() || !cut_residue(mine, shared, theirs))) {
    return std::nullopt;
  }
  PrefixMatch m;
  m.of = other.number;
  m.of_sha256 = other.sha256;
  m.missing_words = theirs.size() - shared;
  m.cut_after = join_words(mine, shared > 3 ? shared - 3 : 0, shared);
  for (std::size_t i = shared; i < mine.size(); ++i) {
    m.differing.emplace_back(mine[i].text);
  }
  return m;
}

using WordLists = std::vector<std::vector<TextWord>>;

std::optional<PrefixMatch> closest_prefix(const std::vector<VersionText>& versions, const WordLists& words,
                                          std::size_t index) {
  std::optional<PrefixMatch> best;
  int number = versions[index].number;
  for (std::size_t j = 0; j < versions.size(); ++j) {
    if (j == index) {
      continue;
    }
    auto match = match_words(words[index], words[j], versions[j], k_max_differing);
    if (!match) {
      continue;
    }
    match->later = versions[j].number > number;
    auto distance = [&](const PrefixMatch& m) { return std::abs(m.of - number) * 2 + (m.later ? 1 : 0); };
    if (!best || distance(*match) < distance(*best)) {
      best = match;
    }
  }
  return best;
}

std::optional<SizeDrop> size_drop(const std::vector<VersionText>& versions, std::size_t index) {
  const VersionText& v = versions[index];
  for (const VersionText& p : versions) {
    if (p.number != v.number - 1) {
      continue;
    }
    double ratio = p.text.empty() ? 1 : static_cast<double>(v.text.size()) / static_cast<double>(p.text.size());
    if (ratio < k_drop_ratio && p.text.size() - v.text.size() >= k_drop_bytes) {
      return SizeDrop{p.number, v.text.size(), p.text.size(), ratio};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<PrefixMatch> prefix_match(const std::string& text, const VersionText& other, std::size_t max_differing) {
  return match_words(split_words(text), split_words(other.text), other, max_differing);
}

namespace {

VersionAssessment assess_one(const std::vector<VersionText>& versions, const WordLists& words, std::size_t index) {
  VersionAssessment result;
  Assessment lone = assess_text(versions[index].text);
  std::vector<Reason> reasons = lone.reasons;
  result.prefix = closest_prefix(versions, words, index);
  result.size_drop = size_drop(versions, index);
  if (result.size_drop) {
    reasons.push_back({"suspicious-capture", drop_message(*result.size_drop), 0.65, true});
  }
  if (!result.prefix) {
    result.assessment = decide(std::move(reasons), lone.cut_after);
    return result;
  }
  const PrefixMatch& m = *result.prefix;
  // An earlier version completed later may also have been extended on
  // purpose; unless it ends mid-sentence as well, be less certain.
  bool certain = !m.later || lone.verdict == Verdict::truncated || !m.differing.empty();
  reasons.push_back({m.later ? "completed-later" : "truncated-copy", prefix_message(m), certain ? 0.99 : 0.8, true});
  result.assessment = decide(std::move(reasons), m.cut_after);
  result.assessment.verdict = Verdict::truncated;
  result.assessment.confidence = certain ? 0.99 : 0.8;
  result.assessment.cut_after = m.cut_after;
  order_reasons(result.assessment.reasons, Verdict::truncated);
  return result;
}

}  // namespace

VersionAssessment assess_version(const std::vector<VersionText>& versions, std::size_t index) {
  WordLists words;
  for (const VersionText& v : versions) {
    words.push_back(split_words(v.text));
  }
  return assess_one(versions, words, index);
}

std::vector<VersionAssessment> assess_versions(const std::vector<VersionText>& versions) {
  WordLists words;
  for (const VersionText& v : versions) {
    words.push_back(split_words(v.text));
  }
  std::vector<VersionAssessment> out;
  for (std::size_t i = 0; i < versions.size(); ++i) {
    out.push_back(assess_one(versions, words, i));
  }
  return out;
}

}  // namespace stet::analysis
