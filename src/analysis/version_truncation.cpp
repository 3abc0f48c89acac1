#include "analysis/version_truncation.hpp"

#include "analysis/words.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace stet::analysis {

namespace {

constexpr double k_drop_ratio = 0.5;       // below half the previous size is suspicious
constexpr std::size_t k_drop_bytes = 100;  // ... when at least this much went missing

std::string drop_message(const SizeDrop& d) {
  std::ostringstream out;
  out << "suspicious capture: " << d.bytes << " bytes, " << std::lround(d.ratio * 100) << "% of v" << d.previous
      << "'s " << d.previous_bytes << " bytes";
  return out.str();
}

// Everything computed once per version of the set.
struct Prepared {
  std::vector<std::vector<TextWord>> words;
  std::vector<std::string> keys;
  std::vector<std::string_view> texts;
  std::vector<Assessment> lone;
};

Prepared prepare(const std::vector<VersionText>& versions) {
  Prepared p;
  for (const VersionText& v : versions) {
    p.words.push_back(split_words(v.text));
    p.keys.push_back(ending_key(v.text));
    p.texts.emplace_back(v.text);
    p.lone.push_back(assess_text(v.text));
  }
  return p;
}

int distance(const PrefixMatch& m, int number) { return std::abs(m.of - number) * 2 + (m.later ? 1 : 0); }

// The closest truncated finding, else the closest shorter-version one.
std::optional<PrefixMatch> closest_prefix(const std::vector<VersionText>& versions, const Prepared& p,
                                          std::size_t index) {
  std::optional<PrefixMatch> best;
  const VersionText& mine = versions[index];
  bool cut = p.lone[index].verdict == Verdict::truncated;
  for (std::size_t j = 0; j < versions.size(); ++j) {
    if (j == index) {
      continue;
    }
    const VersionText& other = versions[j];
    auto match = judge_prefix(p.words[index], {other.number, other.sha256, other.text}, p.words[j],
                              other.number > mine.number, cut);
    if (!match) {
      continue;
    }
    bool better = !best || (match->truncated && !best->truncated) ||
                  (match->truncated == best->truncated && distance(*match, mine.number) < distance(*best, mine.number));
    if (better) {
      best = std::move(match);
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

VersionAssessment assess_one(const std::vector<VersionText>& versions, const Prepared& p, std::size_t index,
                             const StoreEvidence& store) {
  VersionAssessment result;
  const Assessment& lone = p.lone[index];
  std::vector<Reason> reasons = lone.reasons;
  if (auto sibling = sibling_ending_reason(p.texts, p.keys, p.words, index)) {
    reasons.push_back(*sibling);
  } else if (auto boilerplate = boilerplate_reason(p.keys[index], store)) {
    reasons.push_back(*boilerplate);
  }
  result.prefix = closest_prefix(versions, p, index);
  result.size_drop = size_drop(versions, index);
  if (result.size_drop) {
    reasons.push_back({"suspicious-capture", drop_message(*result.size_drop), 0.65, true});
  }
  if (!result.prefix || !result.prefix->truncated) {
    if (result.prefix) {
      reasons.push_back({"shorter-version", prefix_message(*result.prefix), 0, false});
    }
    result.assessment = decide(std::move(reasons), lone.cut_after);
    return result;
  }
  const PrefixMatch& m = *result.prefix;
  // A later version lacking prose an earlier one had, with a clean end,
  // could be a deliberate removal: less certain than a cut end.
  bool certain = lone.verdict == Verdict::truncated || !m.differing.empty() || !m.content_missing || m.later;
  double weight = certain ? 0.99 : 0.85;
  reasons.push_back({m.later ? "completed-later" : "truncated-copy", prefix_message(m), weight, true});
  result.assessment = decide(std::move(reasons), m.cut_after);
  result.assessment.verdict = Verdict::truncated;
  result.assessment.confidence = weight;
  result.assessment.cut_after = m.cut_after;
  order_reasons(result.assessment.reasons, Verdict::truncated);
  return result;
}

}  // namespace

std::optional<PrefixMatch> prefix_match(const std::string& text, const VersionText& other) {
  bool cut = assess_text(text).verdict == Verdict::truncated;
  return judge_prefix(split_words(text), {other.number, other.sha256, other.text}, split_words(other.text), false, cut);
}

VersionAssessment assess_version(const std::vector<VersionText>& versions, std::size_t index,
                                 const StoreEvidence& store) {
  return assess_one(versions, prepare(versions), index, store);
}

std::vector<VersionAssessment> assess_versions(const std::vector<VersionText>& versions, const StoreEvidence& store) {
  Prepared p = prepare(versions);
  std::vector<VersionAssessment> out;
  for (std::size_t i = 0; i < versions.size(); ++i) {
    out.push_back(assess_one(versions, p, i, store));
  }
  return out;
}

std::vector<std::string> endings_worth_counting(const std::vector<VersionText>& versions,
                                                const std::vector<VersionAssessment>& assessed) {
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < versions.size() && i < assessed.size(); ++i) {
    const VersionAssessment& a = assessed[i];
    bool by_ending = a.assessment.verdict == Verdict::truncated && !(a.prefix && a.prefix->truncated);
    std::string key = by_ending ? ending_key(versions[i].text) : "";
    if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) {
      keys.push_back(key);
    }
  }
  return keys;
}

}  // namespace stet::analysis
