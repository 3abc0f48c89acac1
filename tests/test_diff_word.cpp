#include "diff/word_diff.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

TEST_SUITE_BEGIN("unit");

namespace {

using stet::diff::Minor;
using stet::diff::OpKind;

struct Rebuilt {
  std::string a;
  std::string b;
};

Rebuilt rebuild(std::string_view a, std::string_view b, const stet::diff::DiffResult& result) {
  Rebuilt r;
  for (const auto& op : result.ops) {
    std::string_view text = stet::diff::op_text(op, a, b);
    if (op.kind != OpKind::insert) {
      r.a += text;
    }
    if (op.kind != OpKind::remove) {
      r.b += text;
    }
  }
  return r;
}

// The ops as wdiff-style text, for readable expectations.
std::string marked(std::string_view a, std::string_view b, const stet::diff::DiffResult& result) {
  std::string out;
  for (const auto& op : result.ops) {
    std::string text(stet::diff::op_text(op, a, b));
    if (op.kind == OpKind::equal || (op.minor != Minor::none && op.kind == OpKind::insert)) {
      out += text;
    } else if (op.minor != Minor::none) {
      continue;
    } else if (op.kind == OpKind::remove) {
      out += (op.move != 0 ? "[<" + std::to_string(op.move) + ":" : "[-") + text + "-]";
    } else {
      out += (op.move != 0 ? "{>" + std::to_string(op.move) + ":" : "{+") + text + "+}";
    }
  }
  return out;
}

void check_round_trip(std::string_view a, std::string_view b, const stet::diff::Options& options = {}) {
  auto result = stet::diff::word_diff(a, b, options);
  Rebuilt r = rebuild(a, b, result);
  CHECK(r.a == a);
  CHECK(r.b == b);
}

std::string random_edit(const std::string& text, std::mt19937& rng) {
  static const std::vector<std::string> k_words{"alpha", "beta", "the", "of", ",", " ", "\n", "é", "€", "Ukraine."};
  std::string out = text;
  std::uniform_int_distribution<int> edits(1, 8);
  for (int e = edits(rng); e > 0; --e) {
    std::size_t at = std::uniform_int_distribution<std::size_t>(0, out.size())(rng);
    while (at < out.size() && (static_cast<unsigned char>(out[at]) & 0xC0U) == 0x80U) {
      ++at;
    }
    std::size_t len = std::uniform_int_distribution<std::size_t>(0, 12)(rng);
    while (at + len < out.size() && (static_cast<unsigned char>(out[at + len]) & 0xC0U) == 0x80U) {
      ++len;
    }
    len = std::min(len, out.size() - at);
    out.replace(at, len, k_words[std::uniform_int_distribution<std::size_t>(0, k_words.size() - 1)(rng)]);
  }
  return out;
}

}  // namespace

TEST_CASE("diff::word_diff") {
  SUBCASE("identical and empty inputs") {
    CHECK(stet::diff::word_diff("", "").ops.empty());
    CHECK_FALSE(stet::diff::word_diff("same text\n", "same text\n").differs());
    auto added = stet::diff::word_diff("", "new words here\n");
    CHECK(added.differs());
    CHECK(added.stats.words_added == 3);
    auto removed = stet::diff::word_diff("old words\n", "");
    CHECK(removed.stats.words_removed == 2);
  }
  SUBCASE("a changed word") {
    std::string a = "The cat sat on the mat.\n";
    std::string b = "The dog sat on the mat.\n";
    auto r = stet::diff::word_diff(a, b);
    CHECK(marked(a, b, r) == "The [-cat-]{+dog+} sat on the mat.\n");
    CHECK(r.stats.words_added == 1);
    CHECK(r.stats.words_removed == 1);
  }
  SUBCASE("adjacent changes read as one, spaces folded in") {
    std::string a = "We call on Russia to stop now.\n";
    std::string b = "We call on everyone to act today.\n";
    auto r = stet::diff::word_diff(a, b);
    CHECK(marked(a, b, r) == "We call on [-Russia-]{+everyone+} to [-stop now-]{+act today+}.\n");
  }
  SUBCASE("re-wrapped lines are not changes by default") {
    std::string a = "one two three\nfour five\n";
    std::string b = "one two\nthree four five\n";
    auto r = stet::diff::word_diff(a, b);
    CHECK_FALSE(r.differs());
    CHECK(r.stats.whitespace_changes == 2);
    stet::diff::Options show;
    show.ignore_whitespace = false;
    CHECK(stet::diff::word_diff(a, b, show).differs());
  }
  SUBCASE("typography ignored on request, still reported") {
    std::string a = "It’s “fine” – really\n";
    std::string b = "It's \"fine\" - really\n";
    CHECK(stet::diff::word_diff(a, b).differs());
    stet::diff::Options typo;
    typo.ignore_typography = true;
    auto r = stet::diff::word_diff(a, b, typo);
    CHECK_FALSE(r.differs());
    CHECK(r.stats.typography_changes == 4);
    check_round_trip(a, b, typo);
  }
  SUBCASE("a moved paragraph is a move") {
    std::string p1 = "The first paragraph talks about the weather in spring.\n\n";
    std::string p2 = "The second paragraph is about the garden and its flowers.\n\n";
    std::string p3 = "The third paragraph closes with thanks to every reader.\n";
    std::string a = p1 + p2 + p3;
    std::string b = p2 + p3 + "\n" + p1;
    auto r = stet::diff::word_diff(a, b);
    CHECK(r.stats.moves == 1);
    CHECK(r.stats.words_moved == 9);
    CHECK(r.stats.words_added == 0);
    CHECK(r.stats.words_removed == 0);
    check_round_trip(a, b);
    stet::diff::Options no_moves;
    no_moves.detect_moves = false;
    CHECK(stet::diff::word_diff(a, b, no_moves).stats.words_removed == 9);
  }
  SUBCASE("a moved paragraph with an edit inside") {
    std::string p1 = "The first paragraph talks about the weather in spring and summer.\n\n";
    std::string p2 = "The second paragraph is about the garden and its flowers.\n\n";
    std::string p3 = "The third paragraph closes with thanks to every reader.\n";
    std::string a = p1 + p2 + p3;
    std::string b = p2 + p3 + "\nThe first paragraph talks about the weather in autumn and summer.\n\n";
    auto r = stet::diff::word_diff(a, b);
    CHECK(r.stats.moves == 1);
    CHECK(r.stats.words_added == 1);
    CHECK(r.stats.words_removed == 1);
    check_round_trip(a, b);
  }
  SUBCASE("a cut-off copy is a truncation") {
    std::string a = "Allies support the territorial integrity of Ukraine, and its borders.\n";
    std::string b = "Allies support the territorial integrity of\n";
    auto r = stet::diff::word_diff(a, b);
    REQUIRE(r.truncation.has_value());
    CHECK_FALSE(r.truncation->a_is_shorter);
    CHECK(a.substr(0, r.truncation->stops_at) == "Allies support the territorial integrity of");
    CHECK(r.truncation->missing_words == 4);
    auto mid_word = stet::diff::word_diff(a, "Allies support the territorial integ");
    REQUIRE(mid_word.truncation.has_value());
    CHECK(mid_word.truncation->stops_at == std::string("Allies support the territorial integ").size());
    CHECK_FALSE(stet::diff::word_diff("a b c d\n", "a x c d\n").truncation.has_value());
    std::string moved = "Closing words of thanks go to every member present.\n";
    std::string body = "The opening states the purpose of the meeting today.\n";
    CHECK_FALSE(stet::diff::word_diff(body + moved, moved + body).truncation.has_value());
  }
  SUBCASE("no final newline, CRLF") {
    check_round_trip("line one\r\nline two\r\n", "line one\r\nline 2\r\n");
    check_round_trip("ends here", "ends here\n");
    CHECK_FALSE(stet::diff::word_diff("a b\r\nc\r\n", "a b\nc\n").differs());
  }
  SUBCASE("Unicode: CJK, RTL, combining marks, emoji") {
    std::string a = "我们支持乌克兰。שלום עולם café 👩‍👩‍👧 done\n";
    std::string b = "我们支持和平。שלום חבר cafe\xCC\x81 👍 done\n";
    auto r = stet::diff::word_diff(a, b);
    CHECK(r.differs());
    check_round_trip(a, b);
    CAPTURE(marked(a, b, r));
    CHECK(marked(a, b, r).find("[-עולם café 👩‍👩‍👧-]{+חבר cafe\xCC\x81 👍+}") !=
          std::string::npos);
  }
}

TEST_CASE("diff::word_diff round trip on generated pairs") {
  std::mt19937 rng(20260101);
  std::string base =
      "NATO Allies reiterate their full support for the sovereignty and territorial integrity of Ukraine.\n\n"
      "We urge the Russian Federation to de-escalate the situation, including by ceasing all military activities.\n"
      "Les Alliés réaffirment leur soutien — « plein et entier » — à l’Ukraine.\n\n日本語の文章もあります。\n";
  for (int round = 0; round < 300; ++round) {
    std::string a = random_edit(base, rng);
    std::string b = random_edit(a, rng);
    CAPTURE(a);
    CAPTURE(b);
    stet::diff::Options options;
    options.ignore_whitespace = round % 2 == 0;
    options.ignore_typography = round % 3 == 0;
    options.detect_moves = round % 5 != 0;
    check_round_trip(a, b, options);
  }
}

TEST_CASE("diff::word_diff round trip on real histories") {
  auto corpus = stet::test::corpus_or_skip("history");
  if (!corpus) {
    return;
  }
  const std::filesystem::path& history = *corpus;
  std::size_t pairs = 0;
  for (const auto& doc : std::filesystem::directory_iterator(history)) {
    if (!doc.is_directory()) {
      continue;
    }
    std::string previous;
    for (int n = 1; std::filesystem::exists(doc.path() / (n < 10    ? "00"
                                                          : n < 100 ? "0"
                                                                    : "") += std::to_string(n) + ".txt");
         ++n) {
      std::string name = (n < 10 ? "00" : n < 100 ? "0" : "") + std::to_string(n) + ".txt";
      std::string current = stet::test::read_file(doc.path() / name);
      if (n > 1) {
        CAPTURE(doc.path() / name);
        check_round_trip(previous, current);
        ++pairs;
      }
      previous = std::move(current);
    }
  }
  CHECK(pairs > 0);
}

TEST_CASE("diff::word_diff gives the same ops on one thread as on two") {
  // Prose of a few hundred KB (real when the corpus is there), side B edited
  // every few dozen words and a paragraph moved: enough changed text for
  // the region diffs to go to a second thread.
  std::string a;
  if (auto corpus = stet::test::corpus_or_skip("complete")) {
    for (const auto& entry : std::filesystem::directory_iterator(*corpus)) {
      if (a.size() < 400000 && entry.path().extension() == ".txt") {
        a += stet::test::read_file(entry.path()) + "\n\n";
      }
    }
  }
  std::mt19937 rng(18);
  const std::vector<std::string> words = {"the",   "record",   "of", "caf\u00e9", "\u201cquoted\u201d",
                                          "data,", "it\u2019s"};
  while (a.size() < 400000) {
    for (int k = 0; k < 12; ++k) {
      a += words[rng() % words.size()] + (k == 11 ? ".\n" : " ");
    }
    a += rng() % 4 == 0 ? "\n" : "";
  }
  std::string b;
  std::size_t at = 0;
  while (at < a.size()) {
    std::size_t space = a.find(' ', at + 200 + rng() % 400);
    if (space == std::string::npos) {
      b += a.substr(at);
      break;
    }
    b += a.substr(at, space - at) + (rng() % 2 == 0 ? " amended" : "");
    at = a.find(' ', space + 1) == std::string::npos ? space : a.find(' ', space + 1);
  }
  b = b.substr(b.size() / 2) + b.substr(0, b.size() / 2);  // a large move as well
  for (bool typography : {false, true}) {
    stet::diff::Options one;
    one.threads = 1;
    one.ignore_typography = typography;
    stet::diff::Options two = one;
    two.threads = 2;
    auto single = stet::diff::word_diff(a, b, one);
    auto parallel = stet::diff::word_diff(a, b, two);
    REQUIRE(single.ops.size() == parallel.ops.size());
    std::size_t same = 0;
    for (std::size_t k = 0; k < single.ops.size(); ++k) {
      const auto& x = single.ops[k];
      const auto& y = parallel.ops[k];
      bool equal = x.kind == y.kind && x.a.begin == y.a.begin && x.a.end == y.a.end && x.b.begin == y.b.begin &&
                   x.b.end == y.b.end && x.move == y.move && x.minor == y.minor;
      same += equal ? 1U : 0U;
    }
    CHECK(same == single.ops.size());
    CHECK(single.ops.size() > 100);
    CHECK(single.stats.words_added == parallel.stats.words_added);
    Rebuilt r = rebuild(a, b, parallel);
    CHECK(r.a == a);
    CHECK(r.b == b);
  }
}

TEST_SUITE_END();
