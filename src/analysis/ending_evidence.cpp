#include "analysis/ending_evidence.hpp"

#include "analysis/line_shape.hpp"
#include "analysis/words.hpp"

#include <algorithm>

namespace stet::analysis {

namespace {

// Whether the two word lists differ before the shorter one ends.
bool differ_before_end(const std::vector<TextWord>& x, const std::vector<TextWord>& y) {
  std::size_t n = std::min(x.size(), y.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (x[i].text != y[i].text) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string ending_key(std::string_view text) {
  std::string_view trimmed = trim_line(text);
  std::size_t newline = trimmed.rfind('\n');
  std::string_view line = newline == std::string_view::npos ? trimmed : trimmed.substr(newline + 1);
  return fold_phrase(trim_line(line));
}

std::optional<Reason> sibling_ending_reason(const std::vector<std::string_view>& texts,
                                            const std::vector<std::string>& keys,
                                            const std::vector<std::vector<TextWord>>& words, std::size_t index) {
  const std::string& key = keys[index];
  if (key.empty()) {
    return std::nullopt;
  }
  for (std::size_t j = 0; j < texts.size(); ++j) {
    if (j != index && keys[j] == key && texts[j] != texts[index] && differ_before_end(words[index], words[j])) {
      return Reason{"ends-like-other-versions",
                    "the document's other versions end with the same line: it is this document's normal ending", 0.9,
                    false};
    }
  }
  return std::nullopt;
}

std::optional<Reason> boilerplate_reason(const std::string& key, const StoreEvidence& evidence) {
  auto it = evidence.ending_documents.find(key);
  if (key.empty() || it == evidence.ending_documents.end() || it->second < k_boilerplate_documents) {
    return std::nullopt;
  }
  return Reason{"ends-with-boilerplate",
                "the last line also ends " + std::to_string(it->second) + " of the store's " +
                    std::to_string(evidence.documents) + " other documents: it is boilerplate, not a cut",
                0.85, false};
}

}  // namespace stet::analysis
