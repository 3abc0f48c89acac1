// src/match: word keys, winnowing (its guarantee, as a property test),
// candidate runs and the exact alignment with its verdicts.

#include "match/alignment.hpp"
#include "match/candidates.hpp"
#include "match/fingerprint.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>

TEST_SUITE_BEGIN("unit");

namespace m = stet::match;

namespace {

std::vector<std::uint64_t> keys(const std::string& text) {
  std::vector<std::uint64_t> out;
  for (const m::Word& w : m::text_words(text)) {
    out.push_back(w.key);
  }
  return out;
}

std::string random_words(std::mt19937& rng, std::size_t n) {
  std::string out;
  std::uniform_int_distribution<int> letter('a', 'z');
  std::uniform_int_distribution<std::size_t> length(1, 7);
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t len = length(rng);
    for (std::size_t j = 0; j < len; ++j) {
      out += static_cast<char>(letter(rng));
    }
    out += i % 11 == 10 ? ".\n" : " ";
  }
  return out;
}

std::string seed_text(const std::string& name) { return stet::test::read_file(stet::test::seed_doc(name)); }

}  // namespace

TEST_CASE("match::text_words") {
  SUBCASE("typography, case, NFC and Markdown emphasis give the same keys") {
    CHECK(keys("Ukraine\u2019s \u201cfine\u201d Caf\u00e9 _emph_ **Bold**") ==
          keys("ukraine's \"\uFB01ne\" Cafe\u0301 emph bold"));
  }
  SUBCASE("different words differ, and offsets are the input's") {
    auto words = m::text_words("one  two\nthree");
    REQUIRE(words.size() == 3);
    CHECK(words[1].begin == 5);
    CHECK(words[2].end == 14);
    CHECK(words[0].key != words[1].key);
  }
  SUBCASE("invalid UTF-8 is skipped, never fatal") { CHECK(m::text_words(std::string("ab \xff\xfe cd")).size() == 2); }
}

TEST_CASE("match::winnow") {
  SUBCASE("every shared run of k_guarantee words shares a fingerprint (property)") {
    std::mt19937 rng(15);
    for (int trial = 0; trial < 300; ++trial) {
      CAPTURE(trial);
      std::string shared = random_words(rng, m::k_guarantee);
      std::string a = random_words(rng, rng() % 200) + shared + random_words(rng, rng() % 200);
      std::string b = random_words(rng, rng() % 200) + shared + random_words(rng, rng() % 200);
      auto fa = m::distinct_hashes(m::winnow(m::gram_hashes(m::text_words(a))));
      auto fb = m::distinct_hashes(m::winnow(m::gram_hashes(m::text_words(b))));
      std::vector<std::uint64_t> common;
      std::set_intersection(fa.begin(), fa.end(), fb.begin(), fb.end(), std::back_inserter(common));
      CHECK_FALSE(common.empty());
    }
  }
  SUBCASE("about 2 / (w + 1) of the k-grams are chosen") {
    std::mt19937 rng(7);
    auto grams = m::gram_hashes(m::text_words(random_words(rng, 20000)));
    double density = static_cast<double>(m::winnow(grams).size()) / static_cast<double>(grams.size());
    CHECK(density == doctest::Approx(2.0 / (m::k_window + 1)).epsilon(0.15));
  }
  SUBCASE("short texts") {
    CHECK(m::winnow(m::gram_hashes(m::text_words("too few words"))).empty());
    CHECK(m::winnow(m::gram_hashes(m::text_words("just five words right here"))).size() == 1);
  }
}

TEST_CASE("match::best_run") {
  using P = m::Posting;
  SUBCASE("the latest run with the most hits, merged while the same hashes match") {
    // hash 1 in versions 1-5, hash 2 in 2-3, hash 3 in 2-5: 2..3 has three hits.
    auto run = m::best_run({P{1, 1, 5}, P{1, 2, 3}, P{1, 2, 5}}, {1, 2, 3});
    CHECK(run.first == 2);
    CHECK(run.last == 3);
    CHECK(run.hits == 3);
  }
  SUBCASE("a tie goes to the later versions") {
    auto run = m::best_run({P{1, 1, 1}, P{1, 4, 6}}, {10, 20});
    CHECK(run.first == 4);
    CHECK(run.last == 6);
  }
  SUBCASE("rank_candidates ignores hashes too common to tell documents apart") {
    std::vector<P> common(m::k_common_postings + 1, P{9, 1, 1});
    auto lookup = [&](std::uint64_t h) { return h == 1 ? common : std::vector<P>{P{3, 1, 2}}; };
    auto ranked = m::rank_candidates({1, 2}, lookup, {}, 5);
    REQUIRE(ranked.size() == 1);
    CHECK(ranked[0].doc == 3);
  }
}

TEST_CASE("match::align_texts") {
  std::string original = seed_text("nac-statement-original.txt");
  SUBCASE("the seed: a copy cut after 'territorial integrity of'") {
    auto a = m::align_texts(original, seed_text("nac-statement-republished.txt"));
    CHECK(a.query_share() == 1.0);
    REQUIRE(a.after.has_value());
    CHECK(a.after->words == 13);
    CHECK(a.after->context == "territorial integrity of");
    CHECK_FALSE(a.before.has_value());
    CHECK(a.changes.empty());
    CHECK(m::judge(a, false, false) == m::Verdict::truncated_copy);
  }
  SUBCASE("rewrapped, straight quotes, an ad line and two edited words") {
    std::string copy = original;
    std::replace(copy.begin(), copy.end(), '\n', ' ');
    auto put = [&copy](const std::string& from, const std::string& to) {
      copy.replace(copy.find(from), from.size(), to);
    };
    put("\u2019", "'");
    put("deeply flawed", "very flawed");
    put("Furthermore,", "ADVERTISEMENT Subscribe now for our daily newsletter\nRead more\nFurthermore,");
    put("peaceful", "peacefull");
    auto a = m::align_texts(original, copy);
    CAPTURE(a.matched_words);
    // The two edits, and the inserted lines as 9 words added with none replaced.
    REQUIRE(a.changes.size() == 3);
    CHECK(a.changes[0].candidate_words == 0);
    CHECK(a.changes[0].query_words == 9);
    CHECK(a.altered_words() == 11);
    CHECK_FALSE(a.after.has_value());
    CHECK(a.query_share() > 0.9);
    CHECK(a.candidate_share() == 1.0);
    CHECK(m::judge(a, false, false) == m::Verdict::altered_copy);
  }
  SUBCASE("an excerpt from the middle") {
    std::size_t from = original.find("We urge");
    std::size_t to = original.find("We therefore");
    auto a = m::align_texts(original, original.substr(from, to - from));
    REQUIRE(a.before.has_value());
    CHECK(a.before->context == "We urge the");
    CHECK(a.after.has_value());
    CHECK(a.query_share() == 1.0);
    CHECK(m::judge(a, false, false) == m::Verdict::excerpt);
  }
  SUBCASE("the same words in another layout is same-text") {
    std::string copy = original;
    std::replace(copy.begin(), copy.end(), '\n', ' ');
    CHECK(m::judge(m::align_texts(original, copy), false, false) == m::Verdict::same_text);
    CHECK(m::judge(m::align_texts(original, copy), true, true) == m::Verdict::exact);
  }
  SUBCASE("unrelated texts are none, even sharing a phrase") {
    std::string other = seed_text("sg-crimea-republished.txt");
    CHECK(m::judge(m::align_texts(original, "Seven words about cooking pasta at home."), false, false) ==
          m::Verdict::none);
    std::string lorem =
        "The recipe calls for the so-called referendum held on 16 March in a pan, stirred gently "
        "until golden, then served with bread and olives to four hungry guests at the table.";
    CHECK(m::judge(m::align_texts(original, lorem), false, false) == m::Verdict::none);
    CHECK(m::judge(m::align_texts(original, other), false, false) == m::Verdict::none);
  }
  SUBCASE("contains_words compares words by key, in one stretch") {
    std::string source = "Alpha beta gamma delta";
    CHECK(m::contains_words("x ALPHA  beta\ngamma delta y", source, {0, source.size()}));
    CHECK_FALSE(m::contains_words("alpha beta x gamma delta", source, {0, source.size()}));
    CHECK(m::contains_words("beta gamma", source, {6, 16}));
  }
  SUBCASE("any bytes") {
    auto a = m::align_texts(original, std::string("\xff\x00\xc3 referendum", 14));
    CHECK(m::judge(a, false, false) == m::Verdict::none);
    CHECK(std::string(m::verdict_name(m::Verdict::altered_copy)) == "altered-copy");
  }
}

TEST_SUITE_END();
