#include "analysis/tail_content.hpp"

#include <doctest/doctest.h>

#include <string>

TEST_SUITE_BEGIN("unit");

namespace an = stet::analysis;

TEST_CASE("analysis::read_missing_tail") {
  SUBCASE("page chrome, residue and non-words are not content") {
    for (std::string tail : {"Like this: Like Loading...", "\n\nRendered in 0.001 seconds\n",
                             "Powered by WordPress.com", "\nShare this:\nTwitter\nFacebook\n", "mmmmmmmmmmlli",
                             "\n© 2024 Example Inc.\n", "  \n", "Gefällt mir: Wird geladen …"}) {
      CAPTURE(tail);
      CHECK_FALSE(an::read_missing_tail(tail).content);
    }
  }
  SUBCASE("prose is content, even short prose") {
    for (std::string tail : {" of Ukraine, and its borders.", "\nWe may change this policy at any time.\n",
                             "Der Arbeitgeber darf die Kündigung nicht aussprechen."}) {
      CAPTURE(tail);
      CHECK(an::read_missing_tail(tail).content);
    }
  }
  SUBCASE("the excerpt quotes the first twelve words") {
    CHECK(an::read_missing_tail("Like this: Like Loading...").excerpt == "Like this: Like Loading...");
    auto long_tail = an::read_missing_tail("one two three four five six seven eight nine ten eleven twelve thirteen");
    CHECK(long_tail.excerpt == "one two three four five six seven eight nine ten eleven twelve \u2026");
  }
}

TEST_CASE("analysis::chrome_tail_start") {
  std::string body = "We keep your data safe.\n";
  CHECK(an::chrome_tail_start(body + "\nLike this:\nLike Loading...\n") == body.size() + 1);
  CHECK(an::chrome_tail_start(body + "Powered by WordPress.com\n") == body.size());
  CHECK(an::chrome_tail_start(body) == std::string::npos);
  CHECK(an::chrome_tail_start("Like Loading...\n") == std::string::npos);  // nothing but chrome
  // Footers, links and cut markers are endings of their own, not chrome.
  CHECK(an::chrome_tail_start(body + "\u00a9 2024 Example Inc.\n") == std::string::npos);
  CHECK(an::chrome_tail_start(body + "https://example.org/policy\n") == std::string::npos);
  CHECK(an::chrome_tail_start(body + "[\u2026]\n") == std::string::npos);
}

TEST_CASE("analysis::is_non_word") {
  CHECK(an::is_non_word("wordpress.com"));
  CHECK(an::is_non_word("2012"));
  CHECK(an::is_non_word("mmmmmmmmmmlli"));
  CHECK_FALSE(an::is_non_word("e.g"));
  CHECK_FALSE(an::is_non_word("policy"));
}

TEST_SUITE_END();
