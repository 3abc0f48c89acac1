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

// Words inside <RED>…<RESET> and <GREEN>…<RESET> of git's expected
// --color-words output (t4034 writes the colours as these tags).
std::size_t marked_words(const std::string& expect) {
  std::size_t words = 0;
  for (const std::string open : {"<RED>", "<GREEN>"}) {
    for (std::size_t at = expect.find(open); at != std::string::npos; at = expect.find(open, at)) {
      at += open.size();
      std::size_t end = expect.find("<RESET>", at);
      words += stet::diff::word_count(std::string_view(expect).substr(at, end - at));
    }
  }
  return words;
}

}  // namespace

TEST_CASE("diff::word_diff on git's word-diff cases (t4034)") {
  auto corpus = stet::test::corpus_or_skip("peer-tests/git-t4034");
  if (!corpus) {
    return;
  }
  const std::filesystem::path& cases = *corpus;
  std::vector<std::filesystem::path> languages;
  for (const auto& entry : std::filesystem::directory_iterator(cases)) {
    if (entry.is_directory()) {
      languages.push_back(entry.path());
    }
  }
  std::sort(languages.begin(), languages.end());
  CHECK(languages.size() >= 10);
  std::size_t ours = 0;
  std::size_t git = 0;
  for (const auto& dir : languages) {
    CAPTURE(dir.filename());
    std::string pre = stet::test::read_file(dir / "pre");
    std::string post = stet::test::read_file(dir / "post");
    auto result = stet::diff::word_diff(pre, post);
    std::string a;
    std::string b;
    std::size_t changed = 0;
    for (const auto& op : result.ops) {
      std::string_view text = stet::diff::op_text(op, pre, post);
      a += op.kind != stet::diff::OpKind::insert ? text : "";
      b += op.kind != stet::diff::OpKind::remove ? text : "";
      if (op.kind != stet::diff::OpKind::equal && op.minor == stet::diff::Minor::none) {
        changed += stet::diff::word_count(text);
      }
    }
    CHECK(a == pre);
    CHECK(b == post);
    CHECK(result.differs());
    ours += changed;
    git += marked_words(stet::test::read_file(dir / "expect"));
  }
  // git splits code with a pattern per language (inside "0xdead'1eaF" too);
  // Unicode word rules, made for prose, must still not change more words overall.
  CHECK(ours <= git);
}

TEST_SUITE_END();
