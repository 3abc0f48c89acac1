// diff::layout_difference: what differs when the words are the same.

#include "diff/layout_difference.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("unit");

TEST_CASE("diff::layout_difference") {
  using stet::diff::layout_difference;
  struct Case {
    std::string a;
    std::string b;
    std::string says;  // "" : nullopt
  };
  const Case cases[] = {
      {"same\n", "same\n", ""},
      {"one word\n", "two words\n", ""},
      {"a\nb\n", "a\r\nb\r\n", "only the line endings differ: A uses LF, B uses CRLF"},
      {"a\rb\r", "a\nb\r\n", "only the line endings differ: A uses CR, B uses mixed line endings"},
      {"\xEF\xBB\xBFtext", "text", "only the byte-order mark differs: A has one, B has none"},
      {"\xEF\xBB\xBF"
       "a\r\n",
       "a\n", "only the byte-order mark and the line endings differ: A has one, B has none; A uses CRLF, B uses LF"},
      {"a  b\n", "a b", "only white space differs (spaces, tabs or line breaks)"},
      {"a b",
       "\xEF\xBB\xBF"
       "a\tb",
       "only the byte-order mark and white space differ: B has one, A has none (spaces, tabs or line breaks)"},
      {"ab", "a b", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.a);
    CAPTURE(c.b);
    auto said = layout_difference(c.a, c.b);
    CHECK(said.value_or("") == c.says);
  }
}

TEST_SUITE_END();
