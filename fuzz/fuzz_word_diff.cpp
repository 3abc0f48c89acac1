// Fuzz target: the word diff (src/diff/word_diff). The input is split at
// its first 0xFF byte (else in half) into two texts; the first byte picks
// the options. The ops must rebuild both texts in order, equal ops hold
// the same bytes, identical texts do not differ, move ids pair up and the
// statistics agree with the texts.

#include "diff/tokenize.hpp"
#include "diff/word_diff.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

namespace {

using stet::diff::Op;
using stet::diff::OpKind;

constexpr std::size_t k_max_side = 4096;

void require(bool ok) {
  if (!ok) {
    std::abort();
  }
}

stet::diff::Options options_from(std::uint8_t bits) {
  stet::diff::Options options;
  options.ignore_whitespace = (bits & 1U) != 0;
  options.ignore_typography = (bits & 2U) != 0;
  options.detect_moves = (bits & 4U) != 0;
  options.cleanup = (bits & 8U) != 0;
  options.count_all_words = (bits & 16U) != 0;
  return options;
}

void check_rebuild(const stet::diff::DiffResult& result, std::string_view a, std::string_view b) {
  std::size_t at_a = 0;
  std::size_t at_b = 0;
  for (const Op& op : result.ops) {
    require(op.a.begin == at_a && op.b.begin == at_b && op.a.end <= a.size() && op.b.end <= b.size());
    require(op.a.begin <= op.a.end && op.b.begin <= op.b.end);
    if (op.kind == OpKind::equal) {
      require(a.substr(op.a.begin, op.a.size()) == b.substr(op.b.begin, op.b.size()));
      require(op.move == 0 && op.minor == stet::diff::Minor::none);
    }
    require(op.kind != OpKind::insert || op.a.empty());
    require(op.kind != OpKind::remove || op.b.empty());
    at_a = op.a.end;
    at_b = op.b.end;
  }
  require(at_a == a.size() && at_b == b.size());
}

void check_moves(const stet::diff::DiffResult& result) {
  std::set<int> removed;
  std::set<int> inserted;
  for (const Op& op : result.ops) {
    require(op.move >= 0);
    if (op.move > 0) {
      (op.kind == OpKind::remove ? removed : inserted).insert(op.move);
    }
  }
  require(removed == inserted && removed.size() == result.stats.moves);
  require(removed.empty() || (*removed.begin() == 1 && static_cast<std::size_t>(*removed.rbegin()) == removed.size()));
}

void check_stats(const stet::diff::DiffResult& result, std::string_view a, std::string_view b, bool all_words) {
  const stet::diff::Stats& s = result.stats;
  require(s.similarity >= 0.0 && s.similarity <= 1.0);
  if (all_words) {
    require(s.words_a == stet::diff::word_count(a) && s.words_b == stet::diff::word_count(b));
    require(s.words_removed <= s.words_a && s.words_added + s.words_moved <= s.words_b);
  }
  if (result.truncation) {
    const stet::diff::Truncation& t = *result.truncation;
    std::size_t longer = t.a_is_shorter ? b.size() : a.size();
    require(t.stops_at <= longer && t.missing_bytes <= longer);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::size_t mark = rest.find('\xff');
  std::size_t cut = mark == std::string_view::npos ? rest.size() / 2 : mark;
  std::string_view a = rest.substr(0, cut);
  std::string_view b = rest.substr(mark == std::string_view::npos ? cut : cut + 1);
  if (a.size() > k_max_side || b.size() > k_max_side) {
    return 0;
  }
  stet::diff::Options options = options_from(data[0]);
  stet::diff::DiffResult result = stet::diff::word_diff(a, b, options);
  check_rebuild(result, a, b);
  check_moves(result);
  check_stats(result, a, b, options.count_all_words);
  if (a == b) {
    require(!result.differs());
  }
  return 0;
}
