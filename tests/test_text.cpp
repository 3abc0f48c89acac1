// The text layer (src/text): the one UTF-8 decoder and encoder, white space,
// the typography table, the stored word count and the normalization, with
// the two consistency contracts of docs/text.md pinned end to end.

#include "diff/word_diff.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"
#include "text/chars.hpp"
#include "text/normalize.hpp"
#include "text/space.hpp"
#include "text/tokens.hpp"
#include "text/typography.hpp"
#include "text/utf8.hpp"
#include "text/words.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using stet::test::read_file;

TEST_SUITE_BEGIN("unit");

namespace {

namespace tx = stet::text;

// ICU's own decoder, the reference the text layer must agree with (tests
// may include ICU; src/ outside src/text may not).
std::int32_t icu_next(std::string_view s, std::size_t& pos) {
  const auto* data = reinterpret_cast<const std::uint8_t*>(s.data());
  auto length = static_cast<std::int32_t>(s.size());
  auto offset = static_cast<std::int32_t>(pos);
  UChar32 c = 0;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wold-style-cast"
  U8_NEXT(data, offset, length, c);
#pragma GCC diagnostic pop
  pos = static_cast<std::size_t>(offset);
  return c;
}

bool normalized_equal(std::string_view a, std::string_view b) {
  return tx::normalized_text(a) == tx::normalized_text(b);
}

bool diff_finds_nothing(std::string_view a, std::string_view b) {
  stet::diff::Options options;
  options.ignore_typography = true;
  return !stet::diff::word_diff(a, b, options).differs();
}

// Typographic variants of ASCII text, each saying the same thing.
std::string typographic_variant(std::string_view text, std::mt19937& rng) {
  std::string out;
  bool open = true;
  for (char c : text) {
    int roll = static_cast<int>(rng() % 4);
    if (c == '"' && roll > 0) {
      out += roll == 1   ? (open ? "\xE2\x80\x9C" : "\xE2\x80\x9D")
             : roll == 2 ? (open ? "\xC2\xAB" : "\xC2\xBB")
                         : "\xE2\x80\x9E";
      open = !open;
    } else if (c == '\'' && roll > 0) {
      out += roll == 1 ? "\xE2\x80\x99" : roll == 2 ? "\xCA\xBC" : "\xE2\x80\x98";
    } else if (c == '-' && roll > 0) {
      out += roll == 1 ? "\xE2\x80\x93" : roll == 2 ? "\xE2\x80\x94" : "\xE2\x88\x92";
    } else if (c == ' ' && roll == 3) {
      out += rng() % 2 == 0 ? "\xC2\xA0" : "  ";
    } else {
      out += c;
    }
  }
  return out;
}

// Random text made of words, punctuation and the variants the table folds.
std::string generated_text(std::mt19937& rng) {
  static const std::vector<std::string> k_pieces = {"yes",
                                                    "no",
                                                    "don't",
                                                    "don\xE2\x80\x99t",
                                                    "caf\xC3\xA9",
                                                    "cafe\xCC\x81",
                                                    "\xEF\xAC\x81nd",
                                                    "find",
                                                    "U.S.",
                                                    "2014",
                                                    "3.14",
                                                    "user@example.org",
                                                    "snake_case",
                                                    "\xE4\xB8\xAD\xE6\x96\x87",
                                                    "\"",
                                                    "\xC2\xAB",
                                                    "\xC2\xBB",
                                                    "\xE2\x80\x9C",
                                                    "'",
                                                    "\xE2\x80\x99",
                                                    "-",
                                                    "\xE2\x80\x94",
                                                    "...",
                                                    "\xE2\x80\xA6",
                                                    ",",
                                                    ".",
                                                    "!",
                                                    "(",
                                                    ")",
                                                    " ",
                                                    " ",
                                                    " ",
                                                    "\n",
                                                    "\n\n",
                                                    "\t",
                                                    "\xC2\xA0",
                                                    "\xE2\x80\x8B",
                                                    "\xC2\xAD",
                                                    "\xEF\xBB\xBF"};
  std::string out;
  std::size_t n = 1 + rng() % 24;
  for (std::size_t i = 0; i < n; ++i) {
    out += k_pieces[rng() % k_pieces.size()];
  }
  return out;
}

}  // namespace

TEST_CASE("text::decode") {
  SUBCASE("every scalar value round-trips through encode") {
    for (char32_t c = 0; c <= 0x10FFFF; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) {
        continue;
      }
      std::string bytes = tx::encoded(c);
      std::size_t pos = 0;
      CAPTURE(static_cast<std::uint32_t>(c));
      REQUIRE(tx::decode(bytes, pos) == static_cast<std::int32_t>(c));
      REQUIRE(pos == bytes.size());
    }
  }
  SUBCASE("ill-formed sequences, as ICU's U8_NEXT reads them") {
    std::mt19937 rng(12);
    const unsigned char interesting[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
                                         0xDF, 0xE0, 0xE1, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF};
    for (int round = 0; round < 200000; ++round) {
      std::string s;
      std::size_t n = 1 + rng() % 6;
      for (std::size_t k = 0; k < n; ++k) {
        s += static_cast<char>(interesting[rng() % sizeof interesting]);
      }
      std::size_t mine = 0;
      std::size_t theirs = 0;
      while (mine < s.size()) {
        CAPTURE(s);
        REQUIRE(tx::decode(s, mine) == icu_next(s, theirs));
        REQUIRE(mine == theirs);
      }
      CHECK(tx::valid_utf8(s) == (tx::first_invalid(s) == std::string_view::npos));
    }
  }
  SUBCASE("decode_before finds the start of the last character") {
    std::string s = "a\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80";
    std::size_t start = 0;
    CHECK(tx::decode_before(s, s.size(), start) == 0x1F600);
    CHECK(start == 6);
    CHECK(tx::decode_before(s, 6, start) == 0x2019);
    CHECK(start == 3);
    CHECK(tx::decode_before("\x80", 1, start) == -1);
    CHECK(start == 0);
  }
  SUBCASE("incomplete tails and code point counts") {
    CHECK(tx::incomplete_tail("ab\xE2\x80") == 2);
    CHECK(tx::incomplete_tail("ab\xE2\x80\x99") == 0);
    CHECK(tx::count_code_points("a\xC3\xA9\xFF") == 3);
  }
}

TEST_CASE("text::is_space") {
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    CAPTURE(c);
    REQUIRE(tx::is_space(static_cast<char32_t>(c)) == (u_isUWhiteSpace(c) != 0));
  }
  CHECK(tx::is_separator(U'\uFEFF'));
  CHECK_FALSE(tx::is_space(U'\uFEFF'));
  CHECK(tx::trim_space("\xC2\xA0 a b\n\xE3\x80\x80") == "a b");
  CHECK(tx::all_space(" \t\xE2\x80\xA8"));
  CHECK_FALSE(tx::all_space(" \xFF"));
}

TEST_CASE("text::typography_fold") {
  CHECK(tx::fold_typography("\xC2\xAByes\xC2\xBB") == "\"yes\"");
  CHECK(tx::fold_typography("\xE2\x80\x9Cyes\xE2\x80\x9D it\xCA\xBCs") == "\"yes\" it's");
  CHECK(tx::fold_typography("a\xE2\x80\x94"
                            "b\xE2\x80\xA6") == "a-b...");
  CHECK(tx::fold_typography("\xEF\xAC\x81nd\xC2\xA0x") == "find x");
  CHECK(tx::fold_typography("zero\xE2\x80\x8Bwidth\xC2\xAD") == "zerowidth");
  CHECK(tx::fold_typography("keep \xFF bytes") == "keep \xFF bytes");
  CHECK(tx::comparison_form("cafe\xCC\x81") == "caf\xC3\xA9");
}

TEST_CASE("text::word_count") {
  struct Case {
    const char* text;
    std::size_t words;
  };
  const Case cases[] = {
      {"", 0},
      {"   \n", 0},
      {"one", 1},
      {"Hello, world!", 2},
      {"don't stop", 2},
      {"the U.S. army", 3},
      {"end.", 1},
      {"caf\xC3\xA9 na\xC3\xAF"
       "ve",
       2},
      {"e\xCC\x81t\xC3\xA9", 1},
      {"\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xD0\xBC\xD0\xB8\xD1\x80", 2},
      {"2014-03-17", 3},
      {"alliance_statement", 1},
      {"write to press@nato.int", 3},
      {"1,000.50 euros", 2},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(tx::word_count(c.text) == c.words);
    std::size_t tokens = 0;
    for (const tx::Token& t : tx::tokenize(c.text)) {
      tokens += t.kind == tx::TokenKind::word ? 1U : 0U;
    }
    CHECK(tokens == c.words);
  }
}

TEST_CASE("text::split_words") {
  auto words = tx::split_words("integrity of\xE2\x80\xA6 \xEF\xBB\xBFUkraine,\xC2\xA0now");
  REQUIRE(words.size() == 5);
  CHECK(words[1].text == "of");
  CHECK(words[2].text == "\xE2\x80\xA6");
  CHECK(words[3].text == "Ukraine,");
  CHECK(words[4].offset == words[3].offset + 10);
}

TEST_CASE("text::lowercase and fold_case") {
  CHECK(tx::lowercase("\xC3\x89t\xC3\xA9 ABC") == "\xC3\xA9t\xC3\xA9 abc");
  CHECK(tx::fold_case("Stra\xC3\x9F"
                      "e") == "strasse");
  CHECK(tx::is_word_char(U'\u0301'));
  CHECK_FALSE(tx::is_word_char(U'\u00AB'));
}

TEST_CASE("consistency: one word count in show --meta, log, diff --format stat and report") {
  // The ingest count once split "alliance_statement" in two (12 words) while
  // the diff statistics counted 11 for the same text.
  stet::test::TempDir dir;
  std::string text = "NATO said on 17 March that the alliance_statement stands firm today.\n";
  std::string file = dir.write("a.txt", text).string();
  std::string store = (dir.path() / "store").string();
  stet::test::StepClock clock;
  REQUIRE(stet::test::run_stet({"--store", store, "init"}, "", &clock).code == 0);
  auto ingest = stet::test::run_stet({"--store", store, "ingest", file, "--doc", "nato/statement", "--source",
                                      "https://example.org/a", "--retrieved", "2025-11-28T09:00:00Z"},
                                     "", &clock);
  CAPTURE(ingest.err);
  REQUIRE(ingest.code == 0);
  std::size_t expected = tx::word_count(text);
  CHECK(expected == 11);
  auto show = stet::test::run_stet({"--store", store, "show", "nato/statement", "--meta"}, "", &clock);
  CHECK(show.out.find(", 11 words\n") != std::string::npos);
  auto log = stet::test::run_stet({"--store", store, "log", "nato/statement"}, "", &clock);
  CHECK(log.out.find(", 11 words\n") != std::string::npos);
  auto meta =
      stet::test::run_stet({"--store", store, "show", "nato/statement", "--meta", "--format", "json"}, "", &clock);
  CHECK(nlohmann::json::parse(meta.out).at("words") == 11);
  auto stat = stet::test::run_stet({"diff", "--files", file, file, "--format", "json"}, "", &clock);
  CHECK(nlohmann::json::parse(stat.out).at("stats").at("words_a") == 11);
  std::string report = (dir.path() / "r.html").string();
  REQUIRE(stet::test::run_stet({"--store", store, "report", "nato/statement", "-o", report}, "", &clock).code == 0);
  CHECK(read_file(report).find("11 words") != std::string::npos);
}

TEST_CASE("consistency: normalized hashes equal exactly when --ignore-typography finds no difference") {
  SUBCASE("the cases that once disagreed") {
    const std::pair<const char*, const char*> cases[] = {
        {"Say \xC2\xAByes\xC2\xBB now.", "Say \"yes\" now."},
        {"it\xCA\xBCs", "it's"},
        {"caf"
         "e\xCC\x81 ok",
         "caf\xC3\xA9 ok"},
        {"wait\xE2\x80\xA6 now", "wait... now"},
        {"foo\xE2\x80\x8B"
         "bar x",
         "foobar x"},
        {" foo\n", "foo"},
        {"a .", "a."},
        {"yes", "no"},
    };
    for (const auto& c : cases) {
      std::string a = c.first;  // named copies: clang 14 cannot capture structured bindings
      std::string b = c.second;
      CAPTURE(a);
      CAPTURE(b);
      CHECK(normalized_equal(a, b) == diff_finds_nothing(a, b));
    }
    CHECK(normalized_equal("Say \xC2\xAByes\xC2\xBB now.", "Say \"yes\" now."));
  }
  SUBCASE("generated text") {
    std::mt19937 rng(2026);
    int equal = 0;
    for (int round = 0; round < 3000; ++round) {
      std::string a = generated_text(rng);
      std::string b = rng() % 3 == 0 ? generated_text(rng) : typographic_variant(tx::fold_typography(a), rng);
      CAPTURE(a);
      CAPTURE(b);
      bool same = normalized_equal(a, b);
      equal += same ? 1 : 0;
      REQUIRE(same == diff_finds_nothing(a, b));
    }
    CHECK(equal > 500);  // both sides of the property are exercised
    CHECK(equal < 2900);
  }
  SUBCASE("end to end, diff --files --ignore-typography") {
    stet::test::TempDir dir;
    std::string a = dir.write("a.txt", "\xC2\xAByes\xC2\xBB, it\xE2\x80\x99s \xEF\xAC\x81ne\xE2\x80\xA6\n").string();
    std::string b = dir.write("b.txt", "\"yes\", it's fine...\n").string();
    std::string c = dir.write("c.txt", "\"no\", it's fine...\n").string();
    CHECK(stet::test::run_stet({"diff", "--files", a, b, "--ignore-typography"}).code == 0);
    CHECK(stet::test::run_stet({"diff", "--files", a, c, "--ignore-typography"}).code == 1);
  }
}

TEST_CASE("consistency: the normalized-hash property over the corpus") {
  auto dir = stet::test::corpus_or_skip("complete");
  if (!dir) {
    return;
  }
  std::mt19937 rng(17);
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(*dir)) {
    if (entry.path().extension() == ".txt") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  REQUIRE(!files.empty());
  for (std::size_t k = 0; k < files.size(); k += 4) {
    std::string a = read_file(files[k]);
    if (!tx::valid_utf8(a) || a.size() > 200000) {
      continue;
    }
    CAPTURE(files[k].string());
    std::string variant = typographic_variant(a, rng);
    CHECK(normalized_equal(a, variant) == diff_finds_nothing(a, variant));
    CHECK(diff_finds_nothing(a, variant));
    std::string changed = a + "\nOne added sentence.";
    CHECK(normalized_equal(a, changed) == diff_finds_nothing(a, changed));
    std::string other = read_file(files[(k + 1) % files.size()]);
    if (tx::valid_utf8(other) && other.size() <= 200000) {
      CHECK(normalized_equal(a, other) == diff_finds_nothing(a, other));
    }
  }
}

TEST_SUITE_END();
