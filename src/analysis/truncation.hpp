#pragma once
// Whether a text is cut off, where, and how sure: a verdict for a lone text
// from how it ends, with the reasons. Pure: takes bytes, opens nothing.
// Cross-version evidence is in analysis/version_truncation.hpp.

#include <string>
#include <string_view>
#include <vector>

namespace stet::analysis {

enum class Verdict { complete, truncated };

// One piece of evidence. `code` is stable (see docs/truncation.md), the
// message is a sentence for people. `weight` (0..1) is how strongly it
// points to `truncated` when `for_truncation`, else to `complete`.
struct Reason {
  std::string code;
  std::string message;
  double weight = 0;
  bool for_truncation = true;
};

struct Assessment {
  Verdict verdict = Verdict::complete;
  double confidence = 0;        // in the verdict, 0.5..1
  std::vector<Reason> reasons;  // strongest first
  std::string cut_after;        // the last words before the cut; empty when complete
};

// Assesses `bytes` as one complete-or-cut text. Never throws on content:
// invalid UTF-8 in the middle is tolerated, an incomplete sequence at the
// end is itself a reason. An empty or blank text is `truncated`.
[[nodiscard]] Assessment assess_text(std::string_view bytes);

// "complete" or "truncated".
[[nodiscard]] std::string_view verdict_name(Verdict verdict);

// Combines `reasons` into a verdict and confidence (noisy-or of the
// truncation weights against the strongest completeness weight) and sorts
// them strongest first. `cut_after` is kept only for a truncated verdict.
[[nodiscard]] Assessment decide(std::vector<Reason> reasons, std::string cut_after);

// Orders `reasons` strongest first, those supporting `verdict` before the others.
void order_reasons(std::vector<Reason>& reasons, Verdict verdict);

// Byte or character lengths at which tools commonly cut text (255, 256,
// 500, 512, 1000, 1024, ...); whether `length` is one of them.
[[nodiscard]] bool is_common_limit(std::size_t length);

}  // namespace stet::analysis
