#include "analysis/blame.hpp"

#include "analysis/words.hpp"
#include "diff/word_diff.hpp"

#include <algorithm>
#include <functional>
#include <optional>

namespace stet::analysis {

namespace {

// Inserted text is recognised as old when a run of this many words around
// it was seen before: long enough that common phrases ("of the Service")
// in new sentences are not taken for old text, short enough for a clause.
constexpr std::size_t k_ngram = 5;

// The hash of the k_ngram words from `first`, from the words' own hashes
// (each word is hashed once per text, not once per n-gram holding it).
std::size_t ngram_hash(const std::vector<std::size_t>& word_hashes, std::size_t first) {
  std::size_t h = 0;
  for (std::size_t i = first; i < first + k_ngram; ++i) {
    h ^= word_hashes[i] + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  }
  return h;
}

// The index of the word of `a` covering byte `offset`, if any.
std::optional<std::size_t> word_at(const std::vector<std::size_t>& starts, const std::vector<std::size_t>& ends,
                                   std::size_t offset) {
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  if (it == starts.begin()) {
    return std::nullopt;
  }
  auto i = static_cast<std::size_t>(it - starts.begin()) - 1;
  return offset < ends[i] ? std::optional<std::size_t>(i) : std::nullopt;
}

// The two sides being aligned: the state before (with its origins) and the
// new text, whose origins are being filled in.
struct Sides {
  std::string_view prev_text;
  const std::vector<std::size_t>& prev_starts;
  const std::vector<std::size_t>& prev_ends;
  const std::vector<std::size_t>& prev_origins;
  std::vector<bool>& used;  // prev words already given to a word of the new text
  std::string_view text;
  const std::vector<std::size_t>& starts;
  const std::vector<std::size_t>& ends;
  std::vector<std::size_t>& origins;

  [[nodiscard]] std::string_view prev_word(std::size_t i) const {
    return prev_text.substr(prev_starts[i], prev_ends[i] - prev_starts[i]);
  }
  [[nodiscard]] std::string_view word(std::size_t j) const { return text.substr(starts[j], ends[j] - starts[j]); }
  void take(std::size_t i, std::size_t j) {
    origins[j] = prev_origins[i];
    used[i] = true;
  }
};

// Gives words `to` of the new text the origins of the same words among
// `from` of the state before, keeping order: a longest common subsequence
// of the words' text (a greedy walk for very large regions).
void align_words(Sides& s, const std::vector<std::size_t>& from, const std::vector<std::size_t>& to) {
  std::size_t n = from.size();
  std::size_t m = to.size();
  if (n == 0 || m == 0) {
    return;
  }
  if (n * m > 250000) {
    for (std::size_t i = 0, j = 0; i < n && j < m; ++j) {
      for (std::size_t k = i; k < n && k < i + 50; ++k) {
        if (s.prev_word(from[k]) == s.word(to[j])) {
          s.take(from[k], to[j]);
          i = k + 1;
          break;
        }
      }
    }
    return;
  }
  std::vector<std::uint32_t> table((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return table[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      at(i, j) = s.prev_word(from[i]) == s.word(to[j]) ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  for (std::size_t i = 0, j = 0; i < n && j < m;) {
    if (s.prev_word(from[i]) == s.word(to[j])) {
      s.take(from[i], to[j]);
      ++i;
      ++j;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      ++i;
    } else {
      ++j;
    }
  }
}

// Text the diff did not mark as moved but that left one place and turned
// up at another: each remaining new word takes the first unused same word
// that was removed from the state before.
void align_moved_elsewhere(Sides& s, const std::vector<std::size_t>& removed, std::size_t unknown) {
  std::unordered_map<std::string_view, std::vector<std::size_t>> free_words;
  for (auto it = removed.rbegin(); it != removed.rend(); ++it) {
    if (!s.used[*it]) {
      free_words[s.prev_word(*it)].push_back(*it);
    }
  }
  for (std::size_t j = 0; j < s.starts.size(); ++j) {
    if (s.origins[j] != unknown) {
      continue;
    }
    auto found = free_words.find(s.word(j));
    if (found != free_words.end() && !found->second.empty()) {
      s.take(found->second.back(), j);
      found->second.pop_back();
    }
  }
}

// The indices of the words of a text whose start lies in `span`.
void words_in(const std::vector<std::size_t>& starts, diff::Span span, std::vector<std::size_t>& out) {
  auto first = std::lower_bound(starts.begin(), starts.end(), span.begin);
  for (auto i = static_cast<std::size_t>(first - starts.begin()); i < starts.size() && starts[i] < span.end; ++i) {
    out.push_back(i);
  }
}

}  // namespace

void Blamer::align_changes(const diff::DiffResult& result, Attributed& out, std::vector<bool>& used) const {
  const Attributed& prev = *m_previous;
  Sides sides{prev.text, prev.starts, prev.ends, prev.origins, used, out.text, out.starts, out.ends, out.origins};
  std::map<int, std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> moves;
  std::vector<std::size_t> removed, inserted, all_removed;
  for (const diff::Op& op : result.ops) {
    if (op.kind == diff::OpKind::equal) {
      align_words(sides, removed, inserted);
      removed.clear();
      inserted.clear();
      continue;
    }
    bool is_remove = op.kind == diff::OpKind::remove;
    if (is_remove) {
      words_in(prev.starts, op.a, all_removed);
    }
    auto& [from, to] = moves[op.move];  // move 0: the plain changes of this region
    words_in(is_remove ? prev.starts : out.starts, is_remove ? op.a : op.b,
             op.move > 0 ? (is_remove ? from : to) : (is_remove ? removed : inserted));
  }
  align_words(sides, removed, inserted);
  for (auto& [id, move] : moves) {
    align_words(sides, move.first, move.second);
  }
  align_moved_elsewhere(sides, all_removed, static_cast<std::size_t>(-1));
}

Blamer::Attributed Blamer::attribute(std::size_t id, std::string_view text) const {
  Attributed out;
  out.text = text;
  for (const TextWord& w : split_words(text)) {
    out.starts.push_back(w.offset);
    out.ends.push_back(w.offset + w.text.size());
    out.hashes.push_back(std::hash<std::string_view>{}(w.text));
  }
  const std::size_t unknown = static_cast<std::size_t>(-1);
  out.origins.assign(out.starts.size(), unknown);
  if (m_previous != nullptr) {
    // Kept words: mapped through the equal ops of the diff with the state before.
    diff::Options options;
    options.count_all_words = false;
    diff::DiffResult result = diff::word_diff(m_previous->text, text, options);
    std::vector<bool> used(m_previous->starts.size(), false);
    for (const diff::Op& op : result.ops) {
      if (op.kind != diff::OpKind::equal) {
        continue;
      }
      auto first = std::lower_bound(out.starts.begin(), out.starts.end(), op.b.begin);
      for (auto i = static_cast<std::size_t>(first - out.starts.begin());
           i < out.starts.size() && out.starts[i] < op.b.end; ++i) {
        auto old = word_at(m_previous->starts, m_previous->ends, op.a.begin + (out.starts[i] - op.b.begin));
        if (old) {
          out.origins[i] = m_previous->origins[*old];
          used[*old] = true;
        }
      }
    }
    align_changes(result, out, used);
  }
  // The rest: known from an earlier version when a run of k_ngram words
  // covering it was seen there, else new here.
  for (std::size_t i = 0; i < out.starts.size(); ++i) {
    if (out.origins[i] != unknown) {
      continue;
    }
    std::size_t lowest = i + 1 >= k_ngram ? i + 1 - k_ngram : 0;
    for (std::size_t first = lowest; first <= i && first + k_ngram <= out.starts.size(); ++first) {
      auto found = m_ngrams.find(ngram_hash(out.hashes, first));
      if (found != m_ngrams.end()) {
        out.origins[i] = found->second[i - first];
        break;
      }
    }
    if (out.origins[i] == unknown) {
      out.origins[i] = id;
    }
  }
  return out;
}

void Blamer::remember_ngrams(const Attributed& attributed) {
  for (std::size_t first = 0; first + k_ngram <= attributed.starts.size(); ++first) {
    std::size_t key = ngram_hash(attributed.hashes, first);
    // The first sighting wins: text that comes back keeps its oldest origin.
    m_ngrams.try_emplace(key, attributed.origins.begin() + static_cast<std::ptrdiff_t>(first),
                         attributed.origins.begin() + static_cast<std::ptrdiff_t>(first + k_ngram));
  }
}

void Blamer::add(std::size_t id, std::string_view text) {
  auto found = m_texts.find(id);
  if (found == m_texts.end()) {
    Attributed attributed = attribute(id, text);
    remember_ngrams(attributed);
    found = m_texts.emplace(id, std::move(attributed)).first;
  }
  m_previous = &found->second;
}

std::vector<BlameRun> Blamer::runs(std::size_t id) const {
  std::vector<BlameRun> out;
  auto found = m_texts.find(id);
  if (found == m_texts.end()) {
    return out;
  }
  const Attributed& a = found->second;
  for (std::size_t i = 0; i < a.starts.size(); ++i) {
    if (!out.empty() && out.back().origin == a.origins[i]) {
      out.back().end = a.ends[i];
    } else {
      out.push_back({a.starts[i], a.ends[i], a.origins[i]});
    }
  }
  return out;
}

}  // namespace stet::analysis
