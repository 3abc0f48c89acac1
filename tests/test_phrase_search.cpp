// Phrase search on folded, normalized words (log -S, grep).

#include "analysis/phrase_search.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("unit");

namespace an = stet::analysis;

TEST_CASE("analysis::count_phrase") {
  std::string phrase = an::searchable_text("“thirty days”");
  CHECK(phrase == "thirty days");
  CHECK(an::count_phrase(an::searchable_text("for \"Thirty\n  days\". Thirty days!"), phrase) == 2);
  CHECK(an::count_phrase(an::searchable_text("thirty dayslong"), phrase) == 0);
  CHECK(an::count_phrase(an::searchable_text("fortythirty days"), phrase) == 0);
  CHECK(an::count_phrase(an::searchable_text("a a a"), "a a") == 1);
  CHECK(an::count_phrase("anything", "") == 0);
  CHECK(an::count_phrase(an::searchable_text("e‑mail and e-mail"), an::searchable_text("e–mail")) == 2);
}

TEST_CASE("analysis::matching_lines") {
  std::string text = "first line\nwe keep it for thirty\ndays, and thirty days more\nlast\n";
  auto lines = an::matching_lines(text, "thirty days");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == 1);  // wrapped over the break
  CHECK(lines[1] == 2);
  CHECK(an::matching_lines(text, "absent").empty());
  CHECK(an::text_lines("a\r\nb").size() == 2);
}

TEST_SUITE_END();
