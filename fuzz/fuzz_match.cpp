// Fuzz target: the query path of `stet match` on arbitrary bytes. The input
// is split at its first 0xFF byte (else in half) into a recorded text and a
// query; the text is indexed in an in-memory match index, the query's
// fingerprints are looked up and ranked, and the query is aligned against
// the text. Offsets must stay inside both texts, in order, and the counts
// and shares must agree with each other.

#include "index/match_index.hpp"
#include "match/alignment.hpp"
#include "match/candidates.hpp"
#include "match/fingerprint.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

constexpr std::size_t k_max_side = 8192;

void require(bool ok) {
  if (!ok) {
    std::abort();
  }
}

void check_alignment(const stet::match::Alignment& a, std::string_view text, std::string_view query) {
  require(a.matched_words <= a.query_words && a.covered_words <= a.candidate_words);
  require(a.query_share() >= 0.0 && a.query_share() <= 1.0);
  require(a.candidate_share() >= 0.0 && a.candidate_share() <= 1.0);
  std::size_t q_at = 0;
  std::size_t c_at = 0;
  for (const stet::match::Region& r : a.regions) {
    require(r.query.begin >= q_at && r.query.begin <= r.query.end && r.query.end <= query.size());
    require(r.candidate.begin >= c_at && r.candidate.begin <= r.candidate.end && r.candidate.end <= text.size());
    q_at = r.query.end;
    c_at = r.candidate.end;
  }
  for (const stet::match::Change& c : a.changes) {
    require(c.query.begin <= c.query.end && c.query.end <= query.size());
    require(c.candidate.begin <= c.candidate.end && c.candidate.end <= text.size());
  }
  require(!a.before || a.before->words <= a.candidate_words);
  require(!a.after || a.after->words <= a.candidate_words);
  stet::match::Verdict v = stet::match::judge(a, false, false);
  require(v != stet::match::Verdict::exact && (v == stet::match::Verdict::none || !a.regions.empty()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t mark = input.find('\xff');
  std::size_t cut = mark == std::string_view::npos ? input.size() / 2 : mark;
  std::string_view text = input.substr(0, cut);
  std::string_view query = input.substr(mark == std::string_view::npos ? cut : cut + 1);
  if (text.size() > k_max_side || query.size() > k_max_side) {
    return 0;
  }
  namespace m = stet::match;
  auto hashes = m::distinct_hashes(m::winnow(m::gram_hashes(m::text_words(text))));
  auto index = stet::index::MatchIndex::open(":memory:");
  index.begin_write();
  index.add_version("d", {1, "sha", "normalized"}, hashes, {});
  index.add_version("d", {2, "sha2", "normalized2"}, hashes, hashes);
  index.commit();
  auto query_hashes = m::distinct_hashes(m::winnow(m::gram_hashes(m::text_words(query))));
  auto lookup = [&](std::uint64_t h) { return index.postings(h); };
  for (const m::Candidate& c : m::rank_candidates(query_hashes, lookup, {}, 5)) {
    require(c.best.first >= 1 && c.best.first <= 2 && c.best.hits > 0);
    require(c.best.last == m::k_open_run || (c.best.first <= c.best.last && c.best.last <= 2));
  }
  check_alignment(m::align_texts(text, query), text, query);
  return 0;
}
