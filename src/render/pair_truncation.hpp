#pragma once
// The word diff's truncation finding, taken from the one cross-version
// judgement (analysis::judge_pair) that check, log and report use, so that
// `diff --format stat` and the report's diffs say what `check` says.

#include "analysis/pair_judgement.hpp"
#include "diff/word_diff.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace stet::cli {

// Replaces `result.truncation` by the judgement of the pair `a` (version
// `number_a`, 0 for a file) and `b`: set when the shorter side is a cut,
// cleared otherwise. Returns the finding, truncated or not (a shorter side
// that only drops non-content is a finding with `truncated` false).
std::optional<analysis::PairFinding> judge_diff_pair(diff::DiffResult& result, std::string_view a, int number_a,
                                                     std::string_view b, int number_b);

// "B is shorter: it drops 'Like this: Like Loading...' (4 words, not
// content) and ends cleanly; not a cut" for a finding that is not a cut, else "".
[[nodiscard]] std::string shorter_note(const std::optional<analysis::PairFinding>& finding);

}  // namespace stet::cli
