#include "analysis/pair_judgement.hpp"
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

}  // namespace

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
