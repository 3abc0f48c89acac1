#include "match/candidates.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace stet::match {

namespace {

struct Event {
  int at = 0;     // version number where the change applies
  int delta = 0;  // +1 when a fingerprint starts, -1 after it ends
  std::uint64_t hash = 0;
};

struct DocHits {
  std::vector<Posting> postings;
  std::vector<std::uint64_t> hashes;
};

}  // namespace

VersionRun best_run(const std::vector<Posting>& postings, const std::vector<std::uint64_t>& hashes) {
  std::vector<Event> events;
  events.reserve(postings.size() * 2);
  for (std::size_t i = 0; i < postings.size(); ++i) {
    events.push_back({postings[i].first, 1, hashes[i]});
    events.push_back({postings[i].last + 1, -1, hashes[i]});
  }
  std::sort(events.begin(), events.end(), [](const Event& x, const Event& y) { return x.at < y.at; });
  VersionRun best;
  std::uint64_t best_set = 0;
  std::size_t count = 0;
  std::uint64_t set = 0;  // XOR of the hashes present: tells runs with equal counts apart
  for (std::size_t i = 0; i < events.size();) {
    int at = events[i].at;
    for (; i < events.size() && events[i].at == at; ++i) {
      count = static_cast<std::size_t>(static_cast<long long>(count) + events[i].delta);
      set ^= events[i].hash;
    }
    int until = i < events.size() ? events[i].at - 1 : at;
    if (count == 0 || count < best.hits) {
      continue;
    }
    if (count == best.hits && set == best_set && best.last + 1 == at) {
      best.last = until;  // the same matching text goes on
    } else {
      best = {at, until, count};
      best_set = set;
    }
  }
  return best;
}

std::vector<Candidate> rank_candidates(const std::vector<std::uint64_t>& hashes, const PostingLookup& lookup,
                                       const std::function<bool(std::int64_t)>& accept, std::size_t limit) {
  std::map<std::int64_t, DocHits> by_doc;
  for (std::uint64_t hash : hashes) {
    std::vector<Posting> postings = lookup(hash);
    if (postings.size() > k_common_postings) {
      continue;
    }
    for (const Posting& p : postings) {
      if (accept && !accept(p.doc)) {
        continue;
      }
      DocHits& hits = by_doc[p.doc];
      hits.postings.push_back(p);
      hits.hashes.push_back(hash);
    }
  }
  std::vector<Candidate> out;
  for (const auto& [doc, hits] : by_doc) {
    out.push_back({doc, best_run(hits.postings, hits.hashes)});
  }
  std::sort(out.begin(), out.end(), [](const Candidate& x, const Candidate& y) {
    return std::tie(y.best.hits, x.doc) < std::tie(x.best.hits, y.doc);
  });
  if (out.size() > limit) {
    out.resize(limit);
  }
  if (!out.empty()) {
    double floor = k_hits_share_to_align * static_cast<double>(out.front().best.hits);
    std::erase_if(out, [floor](const Candidate& c) { return static_cast<double>(c.best.hits) < floor; });
  }
  return out;
}

}  // namespace stet::match
