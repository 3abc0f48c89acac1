#pragma once
// Word-level blame: which state of a history brought in each word of a
// version. Words kept from the state before keep their origin (aligned with
// the diff engine); inserted words that appeared in any earlier version
// (moved text, or text that went and came back) keep the origin they had
// there; the rest are new with this state.

#include "diff/word_diff.hpp"

#include <cstddef>
#include <map>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace stet::analysis {

struct BlameRun {
  std::size_t begin = 0;   // byte offsets into the blamed text: the first word's start ...
  std::size_t end = 0;     // ... and the last word's end
  std::size_t origin = 0;  // the id of the text that brought these words in
};

class Blamer {
 public:
  // Adds the next state of the history (timeline order). `id` names the
  // distinct text (a version); a text added before under the same id keeps
  // its attribution, so a return to it changes nothing. REQUIRES: `text`
  // outlives this object, and the same id always comes with the same text.
  void add(std::size_t id, std::string_view text);

  // The runs of words of text `id`, in order, each as long as the origin
  // stays the same (the white space between words belongs to the run).
  // Empty when `id` was never added.
  [[nodiscard]] std::vector<BlameRun> runs(std::size_t id) const;

 private:
  struct Attributed {
    std::string_view text;
    std::vector<std::size_t> starts;  // word start offsets
    std::vector<std::size_t> ends;
    std::vector<std::size_t> hashes;  // of each word's text
    std::vector<std::size_t> origins;
  };
  [[nodiscard]] Attributed attribute(std::size_t id, std::string_view text) const;
  // Words of changed regions and moved text found again on the other side.
  void align_changes(const diff::DiffResult& result, Attributed& out, std::vector<bool>& used) const;
  void remember_ngrams(const Attributed& attributed);

  std::map<std::size_t, Attributed> m_texts;
  std::unordered_map<std::size_t, std::vector<std::size_t>> m_ngrams;  // hash of k words -> their origins
  const Attributed* m_previous = nullptr;
};

}  // namespace stet::analysis
