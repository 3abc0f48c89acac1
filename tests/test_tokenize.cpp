#include "diff/tokenize.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

TEST_SUITE_BEGIN("unit");

namespace {

using stet::diff::Token;
using stet::diff::TokenKind;

std::vector<std::string> texts(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    out.emplace_back(text.substr(t.begin, t.end - t.begin));
  }
  return out;
}

std::string kinds(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) {
    out += t.kind == TokenKind::word ? 'w' : t.kind == TokenKind::space ? 's' : 'p';
  }
  return out;
}

bool covers(std::string_view text, const std::vector<Token>& tokens) {
  std::size_t at = 0;
  for (const Token& t : tokens) {
    if (t.begin != at || t.end <= t.begin) {
      return false;
    }
    at = t.end;
  }
  return at == text.size();
}

// Empty when equal, else the first token where `fast` and `icu` differ.
std::string first_difference(std::string_view text, const std::vector<Token>& fast, const std::vector<Token>& icu) {
  for (std::size_t k = 0; k < fast.size() && k < icu.size(); ++k) {
    if (fast[k].begin != icu[k].begin || fast[k].end != icu[k].end || fast[k].kind != icu[k].kind) {
      std::size_t from = fast[k].begin > 20 ? fast[k].begin - 20 : 0;
      return "at " + std::to_string(fast[k].begin) + " near '" + std::string(text.substr(from, 40)) + "': fast " +
             std::string(text.substr(fast[k].begin, fast[k].end - fast[k].begin)) + "/" + kinds({fast[k]}) + " icu " +
             std::string(text.substr(icu[k].begin, icu[k].end - icu[k].begin)) + "/" + kinds({icu[k]});
    }
  }
  return fast.size() == icu.size() ? "" : "token counts differ";
}

}  // namespace

TEST_CASE("diff::tokenize") {
  SUBCASE("words, punctuation and merged white space") {
    std::string text = "Hello,  world!\n\tIt's 3.14 U.S. e_mail";
    auto tokens = stet::diff::tokenize(text);
    CHECK(covers(text, tokens));
    CHECK(texts(text, tokens) == std::vector<std::string>{"Hello", ",", "  ", "world", "!", "\n\t", "It's", " ", "3.14",
                                                          " ", "U.S", ".", " ", "e_mail"});
    CHECK(kinds(tokens) == "wpswpswswswpsw");
  }
  SUBCASE("empty input") { CHECK(stet::diff::tokenize("").empty()); }
  SUBCASE("CRLF is white space") {
    std::string text = "a\r\nb";
    CHECK(kinds(stet::diff::tokenize(text)) == "wsw");
  }
  struct Case {
    const char* name;
    std::string text;
    std::size_t words;
  };
  std::vector<Case> unicode{
      {"accents", "café naïve résumé", 3},
      {"combining marks", "cafe\xCC\x81 and n\xCC\x83", 3},
      {"Hebrew", "שלום עולם", 2},
      {"Arabic", "مرحبا بالعالم", 2},
      {"emoji with ZWJ", "hi 👩‍👩‍👧 there", 2},
      {"curly apostrophe", "don’t stop", 2},
  };
  for (const Case& c : unicode) {
    SUBCASE(c.name) {
      CAPTURE(c.text);
      auto tokens = stet::diff::tokenize(c.text);
      CHECK(covers(c.text, tokens));
      std::size_t words = 0;
      for (const Token& t : tokens) {
        words += t.kind == TokenKind::word ? 1U : 0U;
      }
      CHECK(words == c.words);
    }
  }
  SUBCASE("CJK is split into words, every byte kept") {
    std::string text = "我们支持乌克兰的主权。東京タワー";
    auto tokens = stet::diff::tokenize(text);
    CHECK(covers(text, tokens));
    CHECK(tokens.size() > 3);
    CHECK(tokens[tokens.size() - 1].kind == TokenKind::word);
  }
  SUBCASE("tokenize_append shifts offsets and never merges across slices") {
    std::vector<Token> tokens;
    stet::diff::tokenize_append("ab ", 0, tokens);
    stet::diff::tokenize_append("abc ", 10, tokens);
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[1].begin == 2);
    CHECK(tokens[1].end == 3);
    CHECK(tokens[2].begin == 10);
    CHECK(tokens[3].begin == 13);
    CHECK(tokens[3].end == 14);
  }
  SUBCASE("invalid UTF-8 bytes are kept") {
    std::string text = "ab\xFF\xFE cd";
    CHECK(covers(text, stet::diff::tokenize(text)));
  }
}

TEST_CASE("diff::tokenize fast path matches ICU") {
  std::vector<std::string> samples{
      "a:b a.b a'b 1,000.5 1;2 a_1 _x_ __ x. 'quoted' \"q\" -- 3:4 a..b 1..2 x'",
      "end.\nNew para\r\n\r\n  indented\ttab\f\v",
      "e-mail 12abc abc12 a1.b2 a.1 1.a $5 50% #tag @user http://example.com/a_b?c=d&e",
      "Müller's café, naïve. \xCC\x81 after space; 東京 tower 1,5 € x\u200Dy ✌️ ok",
  };
  if (auto complete = stet::test::corpus_or_skip("complete")) {
    for (const auto& entry : std::filesystem::directory_iterator(*complete)) {
      if (entry.path().extension() == ".txt") {
        samples.push_back(stet::test::read_file(entry.path()));
      }
    }
  }
  for (const std::string& text : samples) {
    CAPTURE(text.substr(0, 80));
    CHECK(first_difference(text, stet::diff::tokenize(text), stet::diff::tokenize_icu(text)) == "");
    std::size_t words = 0;
    for (const Token& t : stet::diff::tokenize_icu(text)) {
      words += t.kind == TokenKind::word ? 1U : 0U;
    }
    CHECK(stet::diff::word_count(text) == words);
  }
}

TEST_SUITE_END();
