#pragma once
// The store as evidence about endings, passed in as plain values: a last
// line the document's other versions share is its normal ending (a stable
// footer or closing line); a last line that ends many other documents is
// boilerplate. The analysis never opens the store: the caller counts.

#include "analysis/truncation.hpp"
#include "analysis/words.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stet::analysis {

// Endings of other documents, as the caller counted them in the store.
struct StoreEvidence {
  std::size_t documents = 0;                            // other documents whose endings were read
  std::map<std::string, std::size_t> ending_documents;  // ending_key -> how many of them end with it
};

// Other documents ending with the same last line for it to be boilerplate.
inline constexpr std::size_t k_boilerplate_documents = 3;

// The key of a text's ending: its last non-blank line, folded (lowercase,
// punctuation at the word edges dropped, single spaces). Empty for a blank text.
[[nodiscard]] std::string ending_key(std::string_view text);

// `ends-like-other-versions` when another version with other words before
// its end (not a prefix of this one, nor this one of it) ends with the
// same last line. `keys[i]` is ending_key of `texts[i]`, `words` their words.
[[nodiscard]] std::optional<Reason> sibling_ending_reason(const std::vector<std::string_view>& texts,
                                                          const std::vector<std::string>& keys,
                                                          const std::vector<std::vector<TextWord>>& words,
                                                          std::size_t index);

// `ends-with-boilerplate` when at least k_boilerplate_documents other
// documents of the store end with `key`.
[[nodiscard]] std::optional<Reason> boilerplate_reason(const std::string& key, const StoreEvidence& evidence);

}  // namespace stet::analysis
