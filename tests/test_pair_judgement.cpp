#include "analysis/pair_judgement.hpp"
#include "analysis/truncation.hpp"
#include "analysis/version_truncation.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

TEST_SUITE_BEGIN("unit");

namespace an = stet::analysis;
namespace fs = std::filesystem;

namespace {

const std::string k_full = "Allies support the sovereignty and territorial integrity of Ukraine, and its borders.\n";

// The revisions of each document under history/, in order.
std::map<std::string, std::vector<std::string>> history_revisions(const fs::path& history) {
  std::map<std::string, std::vector<fs::path>> files;
  for (const auto& entry : fs::recursive_directory_iterator(history)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") {
      files[entry.path().parent_path().filename().string()].push_back(entry.path());
    }
  }
  std::map<std::string, std::vector<std::string>> texts;
  for (auto& [doc, paths] : files) {
    std::sort(paths.begin(), paths.end());
    for (const fs::path& p : paths) {
      texts[doc].push_back(stet::test::read_file(p));
    }
  }
  return texts;
}

// judge_pair() as it reads without its early refusal: both texts split
// whole, then judge_prefix() on the side with fewer words.
std::optional<an::PairFinding> judged_whole(const an::PairSide& a, const an::PairSide& b) {
  auto a_words = an::split_words(a.text);
  auto b_words = an::split_words(b.text);
  if (a_words.size() < b_words.size()) {
    bool cut = an::assess_text(a.text).verdict == an::Verdict::truncated;
    if (auto m = an::judge_prefix(a_words, b, b_words, true, cut)) {
      return an::PairFinding{true, std::move(*m)};
    }
  } else if (b_words.size() < a_words.size()) {
    bool cut = an::assess_text(b.text).verdict == an::Verdict::truncated;
    if (auto m = an::judge_prefix(b_words, a, a_words, false, cut)) {
      return an::PairFinding{false, std::move(*m)};
    }
  }
  return std::nullopt;
}

// Shorter copies of `text`: cut `k` words before its end, then given up to
// six words of their own (cut markers, a cut word, other words), or edited
// near the start.
std::vector<std::string> variants(const std::string& text) {
  auto words = an::split_words(text);
  std::vector<std::string> out;
  const std::vector<std::string> endings = {"",        " \u2026",  "\u2026",     " [...]",      " Read more",
                                            " and so", " a b c d", " a b c d e", " a b c d e f"};
  for (std::size_t k : {std::size_t{1}, std::size_t{2}, std::size_t{5}, std::size_t{40}}) {
    if (words.size() <= k) {
      continue;
    }
    const an::TextWord& w = words[words.size() - k];
    for (const std::string& ending : endings) {
      out.push_back(text.substr(0, w.offset) + ending);
      out.push_back(text.substr(0, w.offset + w.text.size() / 2) + ending);  // a cut word
    }
  }
  if (words.size() > 3) {
    out.push_back("Edited " + text.substr(words[2].offset));
  }
  return out;
}

}  // namespace

TEST_CASE("analysis::judge_pair refuses early exactly where the whole-text judgement refuses") {
  std::vector<std::string> texts = {k_full, "Allies support the", "a b c d e f g h", "one\u2026", ""};
  if (auto history = stet::test::corpus_or_skip("history", "index.tsv")) {
    for (const auto& entry : history_revisions(*history)) {
      texts.push_back(entry.second.front());
    }
  }
  std::size_t pairs = 0;
  std::size_t found = 0;
  for (const std::string& text : texts) {
    for (const std::string& other : variants(text)) {
      for (bool swap : {false, true}) {
        an::PairSide a{1, "", swap ? other : text};
        an::PairSide b{2, "", swap ? text : other};
        CAPTURE(b.text.substr(0, 80));
        auto fast = an::judge_pair(a, b);
        auto whole = judged_whole(a, b);
        REQUIRE(fast.has_value() == whole.has_value());
        ++pairs;
        if (fast) {
          ++found;
          CHECK(fast->a_is_shorter == whole->a_is_shorter);
          CHECK(fast->match.truncated == whole->match.truncated);
          CHECK(fast->match.stops_at == whole->match.stops_at);
          CHECK(fast->match.missing_words == whole->match.missing_words);
          CHECK(fast->match.differing == whole->match.differing);
        }
      }
    }
  }
  CHECK(pairs > 100);
  CHECK(found > 0);
  CHECK(found < pairs);  // both kinds of pair are exercised
}

TEST_CASE("analysis::judge_pair") {
  SUBCASE("a cut copy: the shorter side, where it stops, and what is missing") {
    std::string cut = "Allies support the sovereignty and territorial integrity of";
    auto f = an::judge_pair({1, "", k_full}, {2, "", cut});
    REQUIRE(f);
    CHECK_FALSE(f->a_is_shorter);
    CHECK(f->match.truncated);
    CHECK(f->match.missing_words == 4);
    CHECK(k_full.substr(f->match.stops_at).starts_with(" Ukraine"));
    CHECK(f->match.missing_bytes == k_full.size() - cut.size());
    CHECK(an::prefix_message(f->match) == "truncated copy of v1: 4 words missing after 'territorial integrity of'");
  }
  SUBCASE("either order: A can be the shorter side") {
    auto f = an::judge_pair({1, "", "Allies support the"}, {2, "", k_full});
    REQUIRE(f);
    CHECK(f->a_is_shorter);
    CHECK(f->match.truncated);
    CHECK(f->match.later);
  }
  SUBCASE("dropping a short tail of chrome with a clean end is not a cut") {
    std::string body = "Allies support the sovereignty of Ukraine.\n";
    auto f = an::judge_pair({3, "", body + "Like this: Like Loading...\n"}, {4, "", body});
    REQUIRE(f);
    CHECK_FALSE(f->match.truncated);
    CHECK_FALSE(f->match.content_missing);
    CHECK(f->match.missing_words == 4);
    CHECK(an::prefix_message(f->match) == "shorter than v3: drops 'Like this: Like Loading...' (4 words, not content)");
  }
  SUBCASE("dropping prose with a clean end is a cut of content the other version had") {
    std::string body = "Allies support the sovereignty of Ukraine.\n";
    auto f = an::judge_pair({1, "", body + "They call on Russia to withdraw its forces at once.\n"}, {2, "", body});
    REQUIRE(f);
    CHECK(f->match.truncated);
    CHECK(f->match.content_missing);
  }
  SUBCASE("an edit of the last words is no prefix at all") {
    CHECK_FALSE(an::judge_pair({1, "", k_full}, {2, "", "Allies support the sovereignty of Crimea."}));
    CHECK_FALSE(an::judge_pair({1, "", k_full}, {2, "", k_full}));
  }
}

TEST_CASE("one judgement on real consecutive revisions: pairs and versions agree") {
  auto history = stet::test::corpus_or_skip("history", "index.tsv");
  if (!history) {
    return;
  }
  std::size_t pairs = 0;
  for (const auto& entry : history_revisions(*history)) {
    const std::string& doc = entry.first;  // a plain name: CAPTURE cannot capture a structured binding
    const std::vector<std::string>& texts = entry.second;
    std::vector<an::VersionText> versions;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      versions.push_back({static_cast<int>(i) + 1, "", texts[i]});
    }
    auto assessed = an::assess_versions(versions);
    for (std::size_t i = 0; i + 1 < versions.size(); ++i) {
      CAPTURE(doc);
      CAPTURE(i + 1);
      auto f = an::judge_pair({versions[i].number, "", texts[i]}, {versions[i + 1].number, "", texts[i + 1]});
      if (f && f->match.truncated) {
        // The pair says the shorter side is cut: so does that version's verdict.
        CHECK(assessed[f->a_is_shorter ? i : i + 1].assessment.verdict == an::Verdict::truncated);
      }
      bool both_complete = assessed[i].assessment.verdict == an::Verdict::complete &&
                           assessed[i + 1].assessment.verdict == an::Verdict::complete;
      if (both_complete) {
        CHECK_FALSE((f && f->match.truncated));
      }
      ++pairs;
    }
  }
  CHECK(pairs > 600);
}

TEST_SUITE_END();
