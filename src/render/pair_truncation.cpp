#include "render/pair_truncation.hpp"

namespace stet::cli {

std::optional<analysis::PairFinding> judge_diff_pair(diff::DiffResult& result, std::string_view a, int number_a,
                                                     std::string_view b, int number_b) {
  bool b_is_later = number_a == 0 || number_b == 0 || number_b >= number_a;
  auto finding = analysis::judge_pair({number_a, "", a}, {number_b, "", b}, b_is_later);
  result.truncation.reset();
  if (finding && finding->match.truncated) {
    const analysis::PrefixMatch& m = finding->match;
    result.truncation = diff::Truncation{finding->a_is_shorter, m.stops_at, m.missing_words, m.missing_bytes};
  }
  return finding;
}

std::string shorter_note(const std::optional<analysis::PairFinding>& finding) {
  if (!finding || finding->match.truncated) {
    return "";
  }
  const analysis::PrefixMatch& m = finding->match;
  std::string side = finding->a_is_shorter ? "A" : "B";
  std::string words = std::to_string(m.missing_words) + (m.missing_words == 1 ? " word" : " words");
  return side + " is shorter and ends cleanly, not a cut: " + (finding->a_is_shorter ? "B" : "A") + " goes on with '" +
         m.missing_excerpt + "' (" + words + (m.content_missing ? "" : ", not content") + ")";
}

}  // namespace stet::cli
