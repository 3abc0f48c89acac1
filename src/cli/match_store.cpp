#include "cli/match_store.hpp"

#include "analysis/text_form.hpp"
#include "cli/index_sync.hpp"
#include "match/candidates.hpp"
#include "store/digest.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace stet::cli {

namespace {

// Versions of a run checked to hold the same matching text as the aligned
// one (the run is cut where one does not, or after this many).
constexpr int k_run_checks = 8;

// Candidates aligned exactly, whatever `-n` asks: the fingerprint count
// ranks documents well, but the alignment decides.
constexpr std::size_t k_aligned_candidates = 5;

struct MatchQuery {
  std::string_view text;
  store::Digest sha256;
  std::optional<store::Digest> normalized;  // absent when the query is not UTF-8 text
};

struct CandidateFinder {
  const store::ContentStore& store;
  index::MatchIndex& index;
  const MatchOptions& options;
  std::map<std::int64_t, std::optional<std::string>> names;

  const std::optional<std::string>& name(std::int64_t doc) {
    auto it = names.find(doc);
    if (it == names.end()) {
      it = names.emplace(doc, index.doc_name(doc)).first;
    }
    return it->second;
  }

  // The earliest version before `c.version` back to which every version
  // holds the aligned words too (fingerprints only suggest it).
  int checked_run_start(const MatchCandidate& c, const std::vector<store::Version>& history) const {
    match::Range span{c.alignment.regions.front().candidate.begin, c.alignment.regions.back().candidate.end};
    int start = c.last;
    for (int v = c.last - 1; v >= c.first && c.last - v <= k_run_checks; --v) {
      const store::Version& other = history[static_cast<std::size_t>(v) - 1];
      if (other.sha256 != c.version.sha256 && !match::contains_words(version_text(store, c.doc, other), c.text, span)) {
        break;
      }
      start = v;
    }
    return start;
  }

  bool accepted(const std::string& doc) const { return doc.rfind(options.doc_prefix, 0) == 0; }

  std::optional<MatchCandidate> align(const MatchQuery& q, const std::string& doc, int first, int last) {
    std::optional<std::vector<store::Version>> history = store.history(doc);
    if (history && last == match::k_open_run) {
      last = static_cast<int>(history->size());
    }
    if (!history || first < 1 || first > last || static_cast<std::size_t>(last) > history->size()) {
      return std::nullopt;  // the index is ahead of a store that lost versions: never claim them
    }
    MatchCandidate c{doc, first, last, (*history)[static_cast<std::size_t>(last) - 1], {}, {}, match::Verdict::none};
    c.text = version_text(store, doc, c.version);
    c.alignment = match::align_texts(c.text, q.text);
    bool same_bytes = c.version.sha256 == q.sha256;
    bool same_text = q.normalized && c.version.ingest.normalized_sha256 == *q.normalized;
    c.verdict = match::judge(c.alignment, same_bytes, same_text);
    if (c.verdict != match::Verdict::none) {
      c.first = checked_run_start(c, *history);
    }
    return c;
  }
};

int match_rank_of(const MatchCandidate& c) {
  switch (c.verdict) {
    case match::Verdict::exact:
      return 0;
    case match::Verdict::same_text:
      return 1;
    case match::Verdict::none:
      return 3;
    default:
      return 2;
  }
}

void sort_match_candidates(std::vector<MatchCandidate>& all) {
  std::stable_sort(all.begin(), all.end(), [](const MatchCandidate& x, const MatchCandidate& y) {
    return std::make_tuple(match_rank_of(x), y.alignment.matched_words, y.alignment.covered_words) <
           std::make_tuple(match_rank_of(y), x.alignment.matched_words, x.alignment.covered_words);
  });
}

std::vector<MatchCandidate> find_candidates(CandidateFinder& finder, const MatchQuery& q) {
  std::vector<MatchCandidate> out;
  auto seen = [&](const std::string& doc) {
    return std::any_of(out.begin(), out.end(), [&](const MatchCandidate& c) { return c.doc == doc; });
  };
  std::vector<index::VersionRef> same = finder.index.find_digest(q.sha256.hex(), false);
  if (q.normalized) {
    auto more = finder.index.find_digest(q.normalized->hex(), true);
    same.insert(same.end(), more.begin(), more.end());
  }
  for (const index::VersionRef& ref : same) {
    if (finder.accepted(ref.doc) && !seen(ref.doc)) {
      if (auto c = finder.align(q, ref.doc, ref.number, ref.number)) {
        out.push_back(std::move(*c));
      }
    }
  }
  auto lookup = [&](std::uint64_t hash) { return finder.index.postings(hash); };
  auto accept = [&](std::int64_t doc) { return finder.name(doc) && finder.accepted(*finder.name(doc)); };
  std::size_t limit = std::max(k_aligned_candidates, finder.options.limit);
  for (const match::Candidate& cand : match::rank_candidates(text_fingerprints(q.text), lookup, accept, limit)) {
    const std::string& doc = *finder.name(cand.doc);
    if (!seen(doc)) {
      if (auto c = finder.align(q, doc, cand.best.first, cand.best.last)) {
        out.push_back(std::move(*c));
      }
    }
  }
  sort_match_candidates(out);
  return out;
}

}  // namespace

std::filesystem::path index_path(const store::ContentStore& store) { return store.path() / "stet-index.sqlite"; }

std::vector<MatchCandidate> match_query(const store::ContentStore& store, std::string_view query,
                                        const MatchOptions& options) {
  MatchQuery q{query, store::sha256(query), std::nullopt};
  if (!analysis::text_problem(query)) {
    q.normalized = store::sha256(analysis::normalized_text(query));
  }
  std::vector<MatchCandidate> out;
  // A damaged index is deleted and built again; an index that cannot be
  // written where it lives (a read-only store) is built in memory.
  for (int attempt = 0;; ++attempt) {
    try {
      index::MatchIndex index = attempt < 2 ? open_index(store) : index::MatchIndex::open(":memory:");
      (void)sync_index(index, store, false);
      CandidateFinder finder{store, index, options, {}};
      out = find_candidates(finder, q);
      break;
    } catch (const index::IndexError&) {
      if (attempt == 2) {
        throw;
      }
      remove_index(store);
    }
  }
  // A candidate the alignment rejects is not an answer: never name it.
  std::erase_if(out, [](const MatchCandidate& c) { return c.verdict == match::Verdict::none; });
  if (out.size() > options.limit) {
    out.resize(options.limit);
  }
  return out;
}

std::size_t rebuild_index(const store::ContentStore& store) {
  remove_index(store);
  index::MatchIndex index = open_index(store);
  (void)sync_index(index, store, true);
  std::size_t versions = 0;
  for (const auto& [doc, list] : index.versions()) {
    versions += list.size();
  }
  return versions;
}

}  // namespace stet::cli
