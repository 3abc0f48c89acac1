#include "match/alignment.hpp"

#include <algorithm>

namespace stet::match {

namespace {

// Fewer matched words than this is no evidence of copying.
constexpr std::size_t k_min_matched_words = 8;

// A query that skips no more than this share of the candidate's opening
// words (front matter, a headline) is still a copy from the start.
constexpr double k_dropped_opening_share = 0.02;
constexpr std::size_t k_dropped_opening_words = 3;

bool is_evidence(const Alignment& a) {
  std::size_t shorter = std::min(a.query_words, a.candidate_words);
  return a.matched_words >= k_min_matched_words && 2 * a.matched_words >= shorter;
}

}  // namespace

Verdict judge(const Alignment& a, bool same_bytes, bool same_normalized) {
  if (same_bytes) {
    return Verdict::exact;
  }
  if (same_normalized) {
    return Verdict::same_text;
  }
  if (a.regions.empty() || !is_evidence(a)) {
    return Verdict::none;
  }
  double opening = static_cast<double>(a.before ? a.before->words : 0);
  bool starts_late = a.before && a.before->words > k_dropped_opening_words &&
                     opening > k_dropped_opening_share * static_cast<double>(a.candidate_words);
  if (starts_late) {
    return Verdict::excerpt;
  }
  if (a.after) {
    return Verdict::truncated_copy;
  }
  if (a.changes.empty() && !a.before && a.matched_words == a.query_words) {
    return Verdict::same_text;
  }
  return Verdict::altered_copy;
}

}  // namespace stet::match
