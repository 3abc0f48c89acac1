#include "diff/tokenize.hpp"
#include "diff/word_diff.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

TEST_SUITE_BEGIN("unit");

namespace {

std::size_t stet_changed_words(const std::string& a, const std::string& b) {
  auto result = stet::diff::word_diff(a, b);
  std::size_t words = 0;
  for (const auto& op : result.ops) {
    if (op.kind != stet::diff::OpKind::equal && op.minor == stet::diff::Minor::none) {
      words += stet::diff::word_count(stet::diff::op_text(op, a, b));
    }
  }
  return words;
}

// Words in the removed and added lines of git's porcelain word diff.
std::size_t git_changed_words(const std::filesystem::path& a, const std::filesystem::path& b) {
  auto r = stet::test::run_program({"git", "diff", "--no-index", "--word-diff=porcelain", a.string(), b.string()});
  std::size_t words = 0;
  bool body = false;
  std::size_t at = 0;
  while (at < r.out.size()) {
    std::size_t end = r.out.find('\n', at);
    end = end == std::string::npos ? r.out.size() : end;
    std::string_view line(r.out.data() + at, end - at);
    body = body || line.starts_with("@@");
    if (body && (line.starts_with("-") || line.starts_with("+"))) {
      words += stet::diff::word_count(line.substr(1));
    }
    at = end + 1;
  }
  return words;
}

}  // namespace

TEST_CASE("diff::word_diff is never less minimal than git on real revisions") {
  auto corpus = stet::test::corpus_or_skip("history");
  if (!corpus) {
    return;
  }
  const std::filesystem::path& history = *corpus;
  std::vector<std::filesystem::path> docs;
  for (const auto& entry : std::filesystem::directory_iterator(history)) {
    if (entry.is_directory()) {
      docs.push_back(entry.path());
    }
  }
  std::sort(docs.begin(), docs.end());
  std::size_t pairs = 0;
  for (const auto& doc : docs) {
    std::vector<std::filesystem::path> revisions;
    for (const auto& entry : std::filesystem::directory_iterator(doc)) {
      if (entry.path().extension() == ".txt") {
        revisions.push_back(entry.path());
      }
    }
    std::sort(revisions.begin(), revisions.end());
    // Every third pair keeps the test quick; bench/diff covers them all.
    for (std::size_t k = 1; k < revisions.size(); k += 3) {
      CAPTURE(revisions[k]);
      std::string a = stet::test::read_file(revisions[k - 1]);
      std::string b = stet::test::read_file(revisions[k]);
      CHECK(stet_changed_words(a, b) <= git_changed_words(revisions[k - 1], revisions[k]));
      ++pairs;
    }
  }
  CHECK(pairs > 50);
}

TEST_SUITE_END();
