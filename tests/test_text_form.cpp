#include "analysis/text_form.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

TEST_SUITE_BEGIN("unit");

namespace an = stet::analysis;

TEST_CASE("analysis::text_problem") {
  struct Case {
    std::string text;
    bool ok;
    const char* says;
  };
  const Case cases[] = {
      {"plain ASCII\n", true, ""},
      {"\xEF\xBB\xBF"
       "BOM and CRLF\r\n",
       true, ""},
      {"caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80", true, ""},
      {"control \x01\x7F characters", true, ""},
      {std::string("nul\0byte", 8), false, "NUL byte at offset 3"},
      {"latin-1 caf\xE9", false, "offset 11"},
      {"overlong \xC0\xAF", false, "not valid UTF-8"},
      {"surrogate \xED\xA0\x80", false, "not valid UTF-8"},
      {"cut \xE2\x80", false, "offset 4"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    auto problem = an::text_problem(c.text);
    CHECK(problem.has_value() == !c.ok);
    if (problem) {
      CHECK(problem->find(c.says) != std::string::npos);
    }
  }
}

TEST_CASE("analysis::normalized_text") {
  SUBCASE("whitespace runs collapse and ends are trimmed") {
    CHECK(an::normalized_text("  a\t\tb\r\n\r\nc  \n") == "a b c");
    CHECK(an::normalized_text("a\xC2\xA0"
                              "b\xE2\x80\xAF"
                              "c\xE3\x80\x80"
                              "d") == "a b c d");
  }
  SUBCASE("typography folds to ASCII") {
    CHECK(an::normalized_text("\xE2\x80\x9Cquoted\xE2\x80\x9D it\xE2\x80\x99s") == "\"quoted\" it's");
    CHECK(an::normalized_text("1914\xE2\x80\x93"
                              "1918 \xE2\x80\x94 dash") == "1914-1918 - dash");
    CHECK(an::normalized_text("\xEF\xAC\x81nal o\xEF\xAC\x80"
                              "er") == "final offer");
    CHECK(an::normalized_text("soft\xC2\xADhyphen zero\xE2\x80\x8Bwidth") == "softhyphen zerowidth");
    CHECK(an::normalized_text("wait\xE2\x80\xA6") == "wait...");
  }
  SUBCASE("NFC composes combining marks, also after ASCII bases") {
    CHECK(an::normalized_text("e\xCC\x81t\xC3\xA9") == "\xC3\xA9t\xC3\xA9");
  }
  SUBCASE("copies differing only in typography and spacing normalize alike") {
    std::string curly =
        "NATO\xE2\x80\x99s \xE2\x80\x9C"
        "firm\xE2\x80\x9D  commitment \xE2\x80\x93 today.\r\n";
    std::string plain = "NATO's \"firm\" commitment - today.\n";
    CHECK(an::normalized_text(curly) == an::normalized_text(plain));
    CHECK(an::normalized_text("commitment today") != an::normalized_text("commitment tomorrow"));
  }
  SUBCASE("non-Latin text is kept") {
    CHECK(an::normalized_text(" \xE4\xB8\xAD\xE6\x96\x87  \xD7\xA2\xD7\x91 ") ==
          "\xE4\xB8\xAD\xE6\x96\x87 \xD7\xA2\xD7\x91");
  }
}

TEST_CASE("analysis::first_line_title") {
  CHECK(an::first_line_title("\n\n  Title here  \nbody") == "Title here");
  CHECK(an::first_line_title("\xEF\xBB\xBFWith BOM\r\n") == "With BOM");
  CHECK(an::first_line_title("\xEF\xBB\xA9 Arabic heh first\n") ==
        "\xEF\xBB\xA9 Arabic heh first");  // found by fuzz_text_form
  CHECK(an::first_line_title(" \xEF\xBB\xBF\xEF\xBF\xBD replacement\n") == "\xEF\xBF\xBD replacement");
  CHECK(an::first_line_title("   \n\t\n") == "");
  std::string long_line(150, 'a');
  long_line.append(60, 'x');
  long_line += "\xC3\xA9";
  CHECK(an::first_line_title(long_line).size() == 200);
  std::string accents;
  for (int i = 0; i < 150; ++i) {
    accents += "\xC3\xA9";
  }
  auto title = an::first_line_title(accents);
  CHECK(title.size() == 200);
  CHECK_FALSE(an::text_problem(title).has_value());
}

TEST_CASE("analysis::text_problem finds a bad byte at every offset") {
  // The scan takes eight ASCII bytes at a time; a NUL or a bad byte must be
  // found, at its exact offset, wherever it falls in or after such a block.
  for (std::size_t at = 0; at < 24; ++at) {
    CAPTURE(at);
    std::string nul(24, 'a');
    nul[at] = '\0';
    auto problem = an::text_problem(nul);
    REQUIRE(problem.has_value());
    std::ostringstream nul_at;
    nul_at << "NUL byte at offset " << at << " ";
    CHECK(problem->find(nul_at.str()) != std::string::npos);
    std::string bad(24, 'a');
    bad[at] = '\xFF';
    problem = an::text_problem(bad);
    REQUIRE(problem.has_value());
    std::ostringstream bad_at;
    bad_at << "bad byte at offset " << at << ")";
    CHECK(problem->find(bad_at.str()) != std::string::npos);
    std::string ok(24, 'a');
    ok.replace(at, 0, "\xC3\xA9");  // a valid two-byte character
    CHECK_FALSE(an::text_problem(ok).has_value());
  }
}

TEST_SUITE_END();
