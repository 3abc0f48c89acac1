#include "match/alignment.hpp"

#include "diff/align.hpp"
#include "diff/word_diff.hpp"
#include "match/fingerprint.hpp"

#include <algorithm>
#include <unordered_map>

namespace stet::match {

namespace {

// A k-gram occurring more often than this on either side anchors nothing.
constexpr std::size_t k_anchor_repeats = 4;
// Regions with fewer matched words are chance agreement inside unrelated text.
constexpr std::size_t k_min_region_words = 4;

// The longest in-order chain of k-grams shared by both sides (a: query word
// index, b: candidate word index).
std::vector<diff::Match> anchor_chain(const std::vector<Word>& cand, const std::vector<Word>& query) {
  std::vector<std::uint64_t> q_grams = gram_hashes(query);
  std::vector<std::uint64_t> c_grams = gram_hashes(cand);
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> q_pos;
  for (std::size_t i = 0; i < q_grams.size(); ++i) {
    q_pos[q_grams[i]].push_back(i);
  }
  std::unordered_map<std::uint64_t, std::size_t> c_count;
  for (std::uint64_t h : c_grams) {
    if (q_pos.count(h) != 0) {
      ++c_count[h];
    }
  }
  std::vector<diff::Match> pairs;
  for (std::size_t j = 0; j < c_grams.size(); ++j) {
    auto it = q_pos.find(c_grams[j]);
    if (it == q_pos.end() || it->second.size() > k_anchor_repeats || c_count[c_grams[j]] > k_anchor_repeats) {
      continue;
    }
    for (std::size_t i : it->second) {
      pairs.push_back({i, j});
    }
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const diff::Match& x, const diff::Match& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
  return diff::longest_increasing(pairs);
}

// The byte range of the candidate worth diffing against the query.
Range diff_window(std::string_view candidate, const std::vector<Word>& cand, std::size_t query_words,
                  const std::vector<diff::Match>& chain) {
  std::size_t slack = 8 + query_words / 10;
  std::size_t lead = chain.front().a + slack;
  std::size_t first = chain.front().b > lead ? chain.front().b - lead : 0;
  std::size_t tail = query_words - chain.back().a + slack;
  std::size_t last = std::min(cand.size(), chain.back().b + tail);
  return {first == 0 ? 0 : cand[first].begin, last == cand.size() ? candidate.size() : cand[last].begin};
}

struct Segment {
  bool same = false;
  Range query;
  Range candidate;
  std::size_t query_words = 0;
  std::size_t candidate_words = 0;
};

std::vector<std::uint64_t> keys_of(std::string_view text) {
  std::vector<std::uint64_t> keys;
  for (const Word& w : text_words(text)) {
    keys.push_back(w.key);
  }
  return keys;
}

// Equal ops, and runs of changes whose words have the same keys (case,
// Markdown emphasis, typography), are `same`; other runs are changes.
std::vector<Segment> segments(const std::vector<diff::Op>& ops, std::string_view cand, std::string_view query,
                              std::size_t offset) {
  std::vector<Segment> out;
  for (std::size_t i = 0; i < ops.size();) {
    Segment s;
    s.candidate = {ops[i].a.begin, ops[i].a.begin};
    s.query = {ops[i].b.begin, ops[i].b.begin};
    bool equal = ops[i].kind == diff::OpKind::equal;
    for (; i < ops.size() && (ops[i].kind == diff::OpKind::equal) == equal; ++i) {
      s.candidate.end = std::max(s.candidate.end, ops[i].a.end);
      s.query.end = std::max(s.query.end, ops[i].b.end);
    }
    auto c_keys = keys_of(cand.substr(s.candidate.begin, s.candidate.end - s.candidate.begin));
    auto q_keys = keys_of(query.substr(s.query.begin, s.query.end - s.query.begin));
    s.same = equal || c_keys == q_keys;
    s.candidate_words = c_keys.size();
    s.query_words = q_keys.size();
    s.candidate.begin += offset;
    s.candidate.end += offset;
    if (s.candidate_words + s.query_words > 0 || s.same) {
      out.push_back(s);
    }
  }
  return out;
}

struct Building {
  Region region;
  std::size_t matched = 0;
  std::vector<Change> changes;
};

std::vector<Building> build_regions(const std::vector<Segment>& segs) {
  std::vector<Building> out;
  std::vector<Change> pending;
  bool open = false;
  for (const Segment& s : segs) {
    if (s.same) {
      if (!open) {
        out.push_back({{s.query, s.candidate}, 0, {}});
        open = true;
      }
      Building& b = out.back();
      b.changes.insert(b.changes.end(), pending.begin(), pending.end());
      pending.clear();
      b.region.query.end = s.query.end;
      b.region.candidate.end = s.candidate.end;
      b.matched += s.query_words;
    } else if (open && s.query_words <= k_region_gap && s.candidate_words <= k_region_gap) {
      pending.push_back({s.query, s.candidate, s.query_words, s.candidate_words});
    } else {
      open = false;
      pending.clear();
    }
  }
  std::erase_if(out, [](const Building& b) { return b.matched < k_min_region_words; });
  return out;
}

std::size_t words_before(const std::vector<Word>& words, std::size_t offset) {
  auto it =
      std::lower_bound(words.begin(), words.end(), offset, [](const Word& w, std::size_t at) { return w.begin < at; });
  return static_cast<std::size_t>(it - words.begin());
}

std::string context_words(std::string_view text, const std::vector<Word>& words, std::size_t first, std::size_t count) {
  if (first >= words.size() || count == 0) {
    return "";
  }
  std::size_t last = std::min(words.size(), first + count) - 1;
  return std::string(text.substr(words[first].begin, words[last].end - words[first].begin));
}

void fill_ends(Alignment& out, std::string_view candidate, const std::vector<Word>& cand) {
  std::size_t start = words_before(cand, out.regions.front().candidate.begin);
  if (start > 0) {
    out.before = Missing{start, out.regions.front().candidate.begin, context_words(candidate, cand, start, 3)};
  }
  std::size_t stop = words_before(cand, out.regions.back().candidate.end);
  if (stop < cand.size()) {
    std::size_t from = stop >= 3 ? stop - 3 : 0;
    out.after = Missing{cand.size() - stop, out.regions.back().candidate.end,
                        context_words(candidate, cand, from, stop - from)};
  }
}

}  // namespace

double Alignment::query_share() const {
  return query_words == 0 ? 0.0 : static_cast<double>(matched_words) / static_cast<double>(query_words);
}

double Alignment::candidate_share() const {
  return candidate_words == 0 ? 0.0 : static_cast<double>(covered_words) / static_cast<double>(candidate_words);
}

std::size_t Alignment::altered_words() const {
  std::size_t n = 0;
  for (const Change& c : changes) {
    n += std::max(c.query_words, c.candidate_words);
  }
  return n;
}

Alignment align_texts(std::string_view candidate, std::string_view query) {
  std::vector<Word> cand = text_words(candidate);
  std::vector<Word> q = text_words(query);
  Alignment out;
  out.query_words = q.size();
  out.candidate_words = cand.size();
  std::vector<diff::Match> chain = anchor_chain(cand, q);
  if (chain.empty()) {
    return out;
  }
  Range window = diff_window(candidate, cand, q.size(), chain);
  std::string_view part = candidate.substr(window.begin, window.end - window.begin);
  diff::Options options;
  options.ignore_typography = true;
  options.detect_moves = false;
  options.count_all_words = false;
  diff::DiffResult result = diff::word_diff(part, query, options);
  for (const Building& b : build_regions(segments(result.ops, part, query, window.begin))) {
    out.regions.push_back(b.region);
    out.changes.insert(out.changes.end(), b.changes.begin(), b.changes.end());
    out.matched_words += b.matched;
    out.covered_words += words_before(cand, b.region.candidate.end) - words_before(cand, b.region.candidate.begin);
  }
  if (!out.regions.empty()) {
    fill_ends(out, candidate, cand);
  }
  return out;
}

bool contains_words(std::string_view text, std::string_view source, Range range) {
  std::vector<std::uint64_t> wanted = keys_of(source.substr(range.begin, range.end - range.begin));
  std::vector<std::uint64_t> have = keys_of(text);
  return std::search(have.begin(), have.end(), wanted.begin(), wanted.end()) != have.end();
}

const char* verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::exact:
      return "exact";
    case Verdict::same_text:
      return "same-text";
    case Verdict::truncated_copy:
      return "truncated-copy";
    case Verdict::excerpt:
      return "excerpt";
    case Verdict::altered_copy:
      return "altered-copy";
    case Verdict::none:
      break;
  }
  return "none";
}

}  // namespace stet::match
