#include "analysis/stopwords.hpp"
#include "analysis/truncation.hpp"
#include "analysis/words.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

TEST_SUITE_BEGIN("unit");

namespace an = stet::analysis;

namespace {

struct Case {
  std::string name;
  std::string text;
  an::Verdict verdict;
  std::string code;  // the strongest reason
};

}  // namespace

TEST_CASE("analysis::split_words") {
  SUBCASE("white space of any kind separates, offsets are bytes") {
    auto words = an::split_words("  a\u00A0b\tc\n\nd ");
    REQUIRE(words.size() == 4);
    CHECK(words[0].text == "a");
    CHECK(words[0].offset == 2);
    CHECK(words[1].text == "b");
    CHECK(words[3].text == "d");
  }
  SUBCASE("a glued cut marker is a word of its own") {
    auto words = an::split_words("integrity of\u2026");
    REQUIRE(words.size() == 3);
    CHECK(words[1].text == "of");
    CHECK(words[2].text == "\u2026");
    CHECK(an::split_words("etc...").size() == 2);
    CHECK(an::split_words("...").size() == 1);
  }
}

TEST_CASE("analysis::fold_word") {
  CHECK(an::fold_word("\u00ABOf,") == "of");
  CHECK(an::fold_word("\u00C0") == "\u00E0");
  CHECK(an::fold_word("\u0412") == "\u0432");
  CHECK(an::fold_word("...").empty());
  CHECK(an::fold_word("don't") == "don't");
}

TEST_CASE("analysis::incomplete_utf8_tail") {
  CHECK(an::incomplete_utf8_tail("abc") == 0);
  CHECK(an::incomplete_utf8_tail("caf\xC3\xA9") == 0);
  CHECK(an::incomplete_utf8_tail("caf\xC3") == 1);
  CHECK(an::incomplete_utf8_tail("x\xE2\x80") == 2);
  CHECK(an::incomplete_utf8_tail("x\xF0\x9F\x98") == 3);
  CHECK(an::incomplete_utf8_tail("x\xF0\x9F\x98\x80") == 0);
  CHECK(an::incomplete_utf8_tail("") == 0);
}

TEST_CASE("analysis::non_final_word_language") {
  for (std::string word :
       {"the", "of", "und", "der", "et", "les", "y", "della", "pelo", "het", "\u0438", "\u0434\u043b\u044f"}) {
    CAPTURE(word);
    CHECK(an::non_final_word_language(word).has_value());
  }
  for (std::string word : {"ukraine", "up", "end", "crimea", "done", "op"}) {
    CAPTURE(word);
    CHECK_FALSE(an::non_final_word_language(word).has_value());
  }
}

TEST_CASE("analysis::assess_text") {
  const std::string prose = "The council met on Monday. It agreed on a statement. ";
  const std::vector<Case> cases = {
      {"sentence", prose + "All members signed it.\n", an::Verdict::complete, "ends-with-sentence"},
      {"function word", prose + "Allies support the territorial integrity of\n", an::Verdict::truncated,
       "ends-on-function-word"},
      {"french article", "Le conseil a adopt\u00e9 la\n", an::Verdict::truncated, "ends-on-function-word"},
      {"german conjunction", "Der Rat hat beschlossen und\n", an::Verdict::truncated, "ends-on-function-word"},
      {"russian preposition",
       "\u0421\u043e\u0432\u0435\u0442 \u043f\u0440\u0438\u043d\u044f\u043b \u0440\u0435\u0448\u0435\u043d\u0438\u0435 "
       "\u0432\n",
       an::Verdict::truncated, "ends-on-function-word"},
      {"mid sentence", prose + "Its members then discussed the", an::Verdict::truncated, "ends-on-function-word"},
      {"sentence fragment", prose + "The members then discussed sanct", an::Verdict::truncated, "stops-mid-sentence"},
      {"comma", prose + "\nFirst, second,", an::Verdict::truncated, "ends-on-comma"},
      {"incomplete utf-8", prose + "Caf\xC3", an::Verdict::truncated, "incomplete-utf8"},
      {"dangling source", prose + "\n\nSource", an::Verdict::truncated, "dangling-label"},
      {"read more", prose + "\nRead more \u00bb\n", an::Verdict::truncated, "dangling-label"},
      {"ellipsis", prose + "And then \u2026", an::Verdict::truncated, "cut-marker"},
      {"bracket ellipsis", prose + "It said [\u2026]\n", an::Verdict::truncated, "cut-marker"},
      {"url", prose + "\nMore at\nhttps://example.org/statement\n", an::Verdict::complete, "ends-with-link"},
      {"regards", prose + "\n\nRegards,\n", an::Verdict::complete, "ends-with-closing"},
      {"date field", prose + "\n\nName:\n\nSignature:\n\nDate:", an::Verdict::complete, "ends-with-form-field"},
      {"list intro", prose + "\n\nWeitere Informationen:\n", an::Verdict::truncated, "ends-on-colon"},
      {"dated closing", prose + "\n\nThis Privacy Policy is effective as of September 14, 2012\n",
       an::Verdict::complete, "ends-with-footer"},
      {"undated long line", prose + "\n\nWe share it with our partners from the year 2012\n", an::Verdict::truncated,
       "stops-mid-sentence"},
      {"repealed section", prose + "\n\n## \u00a7 15 (weggefallen)\n", an::Verdict::complete, "ends-with-heading"},
      {"open section", prose + "\n\n## \u00a7 15 Inkrafttreten\n", an::Verdict::truncated, "ends-with-heading"},
      {"form below", prose + "\n\nYou may also use the form below to submit a counter-notice:\n", an::Verdict::complete,
       "ends-before-form"},
      {"page chrome", prose + "All members signed it.\n\nLike this:\nLike Loading...\n", an::Verdict::complete,
       "ends-with-sentence"},
      {"chrome after a cut", prose + "All members signed the\n\nPowered by WordPress.com\n", an::Verdict::truncated,
       "ends-on-function-word"},
      {"table row", prose + "\n| a | b |\n| 1 | 2 |\n", an::Verdict::complete, "ends-with-table"},
      {"rule", prose + "\n____________________\n", an::Verdict::complete, "ends-with-rule"},
      {"footer", prose + "\n---\nDebian Policy 4.6.2.0, 2022-12-17\n", an::Verdict::complete, "ends-with-footer"},
      {"sign-off", prose + "\n -- Ian Jackson <ij@example.org>  Sat, 31 Aug 1996\n", an::Verdict::complete,
       "ends-with-footer"},
      {"list without punctuation", "Items:\n\n* First thing\n* Second thing\n* Third thing\n", an::Verdict::complete,
       "ends-with-list-item"},
      {"list item cut", "Rules:\n\n* You must sign.\n* You must date it.\n* You must send it to",
       an::Verdict::truncated, "ends-on-function-word"},
      {"unfinished list item", "Rules:\n\n* You must sign.\n* You must date it.\n* You must send it quickly",
       an::Verdict::truncated, "stops-mid-sentence"},
      {"heading-like name", prose + "\n\nThe Federal Minister of Health\n", an::Verdict::complete,
       "ends-with-short-line"},
      {"word cut short", "Territorial Integrity of Ukraine\n\nIts integrity matters.\n\nTerritorial Integ",
       an::Verdict::truncated, "ends-mid-word"},
      {"cut link", prose + "See our [policy](https://example.org/pol", an::Verdict::truncated, "ends-inside-link"},
      {"empty", "", an::Verdict::truncated, "empty"},
      {"blank", " \n\n", an::Verdict::truncated, "empty"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    an::Assessment a = an::assess_text(c.text);
    CHECK(a.verdict == c.verdict);
    REQUIRE_FALSE(a.reasons.empty());
    CHECK(a.reasons.front().code == c.code);
    CHECK(a.confidence >= 0.5);
    CHECK(a.confidence <= 1.0);
    if (c.code != "empty") {
      CHECK(a.cut_after.empty() == (c.verdict == an::Verdict::complete));
    }
  }
}

TEST_CASE("analysis::assess_text on the seed") {
  SUBCASE("the republished statement is cut after 'territorial integrity of'") {
    an::Assessment a = an::assess_text(stet::test::fixture_doc("nac-statement-republished.txt"));
    CHECK(a.verdict == an::Verdict::truncated);
    CHECK(a.cut_after == "territorial integrity of");
  }
  SUBCASE("the Secretary General's text ends on a dangling 'Source'") {
    an::Assessment a = an::assess_text(stet::test::fixture_doc("sg-crimea-republished.txt"));
    CHECK(a.verdict == an::Verdict::truncated);
    CHECK(a.reasons.front().code == "dangling-label");
    CHECK(a.cut_after == "Source");
  }
  SUBCASE("the original statement is complete") {
    an::Assessment a = an::assess_text(stet::test::fixture_doc("nac-statement-original.txt"));
    CHECK(a.verdict == an::Verdict::complete);
    CHECK(a.cut_after.empty());
  }
}

TEST_CASE("analysis::is_common_limit") {
  for (std::size_t n : {255U, 256U, 500U, 512U, 1000U, 1024U, 2048U, 4096U, 5000U, 8192U, 10000U, 32767U, 65535U}) {
    CAPTURE(n);
    CHECK(an::is_common_limit(n));
  }
  CHECK_FALSE(an::is_common_limit(1597));
  SUBCASE("a text at a limit that ends on a short line is truncated") {
    std::string text = "Statement\n\n" + std::string(1024 - 11 - 13, 'x') + "\n\nClosing Line";
    text.resize(1024, 'e');
    CHECK(an::assess_text(text).verdict == an::Verdict::truncated);
  }
}

TEST_CASE("analysis::assess_text is total") {
  // Property: any byte string gets a verdict, a confidence in [0.5, 1] and at least one reason.
  std::mt19937 generator(4);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> length(0, 300);
  for (int i = 0; i < 500; ++i) {
    std::string bytes;
    int n = length(generator);
    for (int j = 0; j < n; ++j) {
      bytes += static_cast<char>(byte(generator));
    }
    an::Assessment a = an::assess_text(bytes);
    CHECK(a.confidence >= 0.5);
    CHECK(a.confidence <= 1.0);
    CHECK_FALSE(a.reasons.empty());
  }
}

TEST_CASE("analysis::assess_text on prefixes ending on a function word") {
  // Property: the original statement cut right after any occurrence of a
  // function word (mid-line) is always truncated.
  std::string text = stet::test::fixture_doc("nac-statement-original.txt");
  auto words = an::split_words(text);
  std::size_t checked = 0;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    std::string_view w = words[i].text;
    if (an::fold_word(w).size() != w.size() || !an::non_final_word_language(an::fold_word(w))) {
      continue;
    }
    std::string cut = text.substr(0, words[i].offset + w.size());
    CAPTURE(cut.substr(cut.size() > 60 ? cut.size() - 60 : 0));
    CHECK(an::assess_text(cut).verdict == an::Verdict::truncated);
    ++checked;
  }
  CHECK(checked > 50);
}

TEST_CASE("analysis::assess_text on the shared corpus of complete documents") {
  // Real complete documents must stay complete (the bound: at most
  // 1% false positives). The full accuracy evaluation is bench/truncation.
  auto corpus = stet::test::corpus_or_skip("complete", "index.tsv");
  if (!corpus) {
    return;
  }
  const std::filesystem::path& complete = *corpus;
  std::size_t documents = 0;
  std::size_t false_positives = 0;
  for (const auto& entry : std::filesystem::directory_iterator(complete)) {
    if (entry.path().extension() != ".txt") {
      continue;
    }
    an::Assessment a = an::assess_text(stet::test::read_file(entry.path()));
    ++documents;
    if (a.verdict == an::Verdict::truncated) {
      ++false_positives;
      MESSAGE("called truncated: ", entry.path().filename().string(), " (", a.reasons.front().code, ")");
    }
  }
  CHECK(documents >= 50);
  CHECK(false_positives * 100 <= documents);
}

TEST_SUITE_END();
