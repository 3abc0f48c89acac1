// Sentences (src/text/sentences): UAX #29's sentence breaks with a language's
// abbreviations kept inside their sentence, an ASCII fast path that must
// give exactly ICU's breaks, and a cover of every byte.

#include "support/run.hpp"
#include "support/temp_dir.hpp"
#include "text/sentences.hpp"

#include <doctest/doctest.h>

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

std::vector<std::string> texts_of(std::string_view text, const std::vector<tx::Sentence>& found) {
  std::vector<std::string> out;
  for (const auto& s : found) {
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

std::vector<std::string> split(std::string_view text, const tx::SentenceOptions& options = {}) {
  return texts_of(text, tx::sentences(text, options));
}

// The sentences cover `text` exactly once, in order, none empty.
void check_cover(std::string_view text, const std::vector<tx::Sentence>& found) {
  std::size_t pos = 0;
  for (const auto& s : found) {
    REQUIRE(s.begin == pos);
    REQUIRE(s.end > s.begin);
    pos = s.end;
  }
  REQUIRE(pos == text.size());
}

bool same(const std::vector<tx::Sentence>& a, const std::vector<tx::Sentence>& b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].begin != b[i].begin || a[i].end != b[i].end || a[i].terminated != b[i].terminated) {
      return false;
    }
  }
  return true;
}

// The first sentence where the fast path and ICU part, for a readable failure.
std::string first_sentence_difference(std::string_view text, const std::vector<tx::Sentence>& fast,
                                      const std::vector<tx::Sentence>& icu) {
  std::size_t n = std::min(fast.size(), icu.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (fast[i].begin != icu[i].begin || fast[i].end != icu[i].end || fast[i].terminated != icu[i].terminated) {
      std::size_t from = std::min(fast[i].begin, icu[i].begin);
      return "fast [" + std::string(text.substr(fast[i].begin, fast[i].end - fast[i].begin)) + "] icu [" +
             std::string(text.substr(icu[i].begin, icu[i].end - icu[i].begin)) + "] near offset " +
             std::to_string(from);
    }
  }
  return "counts differ: " + std::to_string(fast.size()) + " vs " + std::to_string(icu.size());
}

}  // namespace

TEST_CASE("sentences: Unicode's rules on plain prose") {
  CHECK(split("It rained. We stayed in! Did you? Yes.") ==
        std::vector<std::string>{"It rained. ", "We stayed in! ", "Did you? ", "Yes."});
  // Decimal numbers, initialisms followed by a capital, and a lowercase
  // continuation do not end a sentence (rules SB6, SB7, SB8).
  CHECK(split("Pi is 3.14 today. The U.S.A. is big. See e.g. this one.") ==
        std::vector<std::string>{"Pi is 3.14 today. ", "The U.S.A. is big. ", "See e.g. this one."});
  // A period before a capital after a space does end one: "U.S. Army" needs
  // the language's abbreviations (below).
  CHECK(split("The U.S. Army came.") == std::vector<std::string>{"The U.S. ", "Army came."});
  // Closing quotes and brackets stay with the sentence they close (SB9).
  CHECK(split("He said \"stop.\" Then (quietly.) She left.") ==
        std::vector<std::string>{"He said \"stop.\" ", "Then (quietly.) ", "She left."});
  // A comma or another terminator after a period continues it (SB8a).
  CHECK(split("It was etc., and so on... Done.") == std::vector<std::string>{"It was etc., and so on... ", "Done."});
  CHECK(split("").empty());
}

TEST_CASE("sentences: terminated says how a sentence ended") {
  std::string text = "One. Two\nThree";
  auto found = tx::sentences(text);
  REQUIRE(found.size() == 3);
  CHECK(found[0].terminated);
  CHECK_FALSE(found[1].terminated);  // ended by the line break
  CHECK_FALSE(found[2].terminated);  // ended by the text's end
  CHECK(tx::sentences("Done.")[0].terminated);
  CHECK(tx::sentences("Done.\n")[0].terminated);  // a terminator, then the line break
}

TEST_CASE("sentences: line breaks and blank lines") {
  std::string text = "A heading\nA first line\nwrapped here. Next.\n\nNew paragraph.\n";
  // By default a line break ends a sentence (UAX #29); a blank line joins the
  // sentence before it, so no sentence is white space only.
  CHECK(split(text) ==
        std::vector<std::string>{"A heading\n", "A first line\n", "wrapped here. ", "Next.\n\n", "New paragraph.\n"});
  // Unwrapped: a single line break inside a paragraph reads as a space.
  tx::SentenceOptions unwrap;
  unwrap.unwrap_lines = true;
  CHECK(split(text, unwrap) ==
        std::vector<std::string>{"A heading\nA first line\nwrapped here. ", "Next.\n\n", "New paragraph.\n"});
  CHECK(split("a\r\nb. C", unwrap) == std::vector<std::string>{"a\r\nb. ", "C"});
  CHECK(split("a\r\nb") == std::vector<std::string>{"a\r\n", "b"});
  CHECK(split("\n\nStart. End.") == std::vector<std::string>{"\n\nStart. ", "End."});
}

TEST_CASE("sentences: a language's abbreviations stay inside their sentence") {
  std::string en = "Mr. Smith met Prof. Jones in the U.S. Army. They spoke.";
  CHECK(split(en) ==
        std::vector<std::string>{"Mr. ", "Smith met Prof. ", "Jones in the U.S. ", "Army. ", "They spoke."});
  tx::SentenceOptions english;
  english.language = "en";
  CHECK(split(en, english) == std::vector<std::string>{"Mr. Smith met Prof. Jones in the U.S. Army. ", "They spoke."});
  // Only whole words: "Prof." inside a longer token is not the abbreviation.
  CHECK(split("It was XProf. Then it rained.", english) ==
        std::vector<std::string>{"It was XProf. ", "Then it rained."});
  // A line break after an abbreviation still ends the sentence.
  CHECK(split("Signed, Mr.\nSmith", english) == std::vector<std::string>{"Signed, Mr.\n", "Smith"});
  // German, with a region tag that falls back to the language.
  tx::SentenceOptions german;
  german.language = "de-AT";
  CHECK(split("Das gilt z.B. Heute nicht. Vgl. Abs. 3.", german) ==
        std::vector<std::string>{"Das gilt z.B. Heute nicht. ", "Vgl. Abs. 3."});
  // A language ICU has no exceptions for: the rules alone.
  tx::SentenceOptions none;
  none.language = "xx";
  CHECK(split(en, none) == split(en));
}

TEST_CASE("sentences: text beyond ASCII goes through ICU") {
  CHECK(split("Привет. Как дела? Хорошо.") == std::vector<std::string>{"Привет. ", "Как дела? ", "Хорошо."});
  CHECK(split("第一句。第二句！") == std::vector<std::string>{"第一句。", "第二句！"});
  // U+2029 is a paragraph separator.
  CHECK(split("One\u2029Two") == std::vector<std::string>{"One\u2029", "Two"});
  // Ill-formed bytes are kept, never dropped.
  std::string bad = "Caf\xC3 au lait. Next.";
  check_cover(bad, tx::sentences(bad));
}

TEST_CASE("sentences: the ASCII fast path gives ICU's breaks (property over generated text)") {
  // Text made of the characters the rules tell apart: every Sentence_Break
  // class found in ASCII, in short words and runs.
  const std::string alphabet = "aZb.!?\"')(][ ,-:;0\t\n\r#$x.Y";
  std::mt19937 rng(20141703);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<std::size_t> length(0, 60);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    std::size_t n = length(rng);
    for (std::size_t i = 0; i < n; ++i) {
      text += alphabet[pick(rng)];
    }
    auto fast = tx::sentences(text);
    auto icu = tx::sentences_icu(text);
    check_cover(text, fast);
    INFO("text: [" << text << "] " << first_sentence_difference(text, fast, icu));
    REQUIRE(same(fast, icu));
  }
}

TEST_CASE("sentences: the fast path gives ICU's breaks on the corpus, per option") {
  auto dir = stet::test::corpus_or_skip("complete");
  if (!dir) {
    return;
  }
  std::size_t files = 0;
  std::size_t total = 0;
  std::vector<tx::SentenceOptions> variants(3);
  variants[1].language = "en";
  variants[2].unwrap_lines = true;
  variants[2].language = "de";
  for (const auto& entry : std::filesystem::directory_iterator(*dir)) {
    if (!entry.is_regular_file()) {
      continue;
    }
    std::string text = read_file(entry.path());
    for (const auto& options : variants) {
      auto fast = tx::sentences(text, options);
      auto icu = tx::sentences_icu(text, options);
      check_cover(text, fast);
      INFO(entry.path().filename().string() << ": " << first_sentence_difference(text, fast, icu));
      REQUIRE(same(fast, icu));
      total += fast.size();
    }
    ++files;
  }
  CHECK(files > 50);
  CHECK(total > files * 10);
}

TEST_SUITE_END();
