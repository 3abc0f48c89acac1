// The ingest manifest parser: CSV with a header line and JSON Lines.

#include "cli/manifest.hpp"

#include <doctest/doctest.h>

TEST_SUITE_BEGIN("unit");

using stet::cli::parse_manifest;

TEST_CASE("cli::parse_manifest") {
  SUBCASE("CSV with quoting, CRLF, a BOM and columns in any order") {
    auto m =
        parse_manifest("\xEF\xBB\xBFtitle,path,retrieved\r\n\"A, \"\"quoted\"\"\",a.txt,2019-01-01\r\n,b.txt,\r\n");
    REQUIRE(m.problems.empty());
    REQUIRE(m.rows.size() == 2);
    CHECK(m.rows[0].title == "A, \"quoted\"");
    CHECK(m.rows[0].path == "a.txt");
    CHECK(m.rows[0].retrieved == "2019-01-01");
    CHECK(m.rows[0].line == 2);
    CHECK(m.rows[1].path == "b.txt");
    CHECK(m.rows[1].line == 3);
  }
  SUBCASE("a quoted line break keeps the line numbers right") {
    auto m = parse_manifest("path,title\na.txt,\"two\nlines\"\nb.txt,x\n");
    REQUIRE(m.rows.size() == 2);
    CHECK(m.rows[0].title == "two\nlines");
    CHECK(m.rows[1].line == 4);
  }
  SUBCASE("bad rows are problems; good rows are kept") {
    auto m = parse_manifest("path,doc\na.txt,a\nb.txt\n,c\nd.txt,d\n");
    CHECK(m.rows.size() == 2);
    REQUIRE(m.problems.size() == 2);
    CHECK(m.problems[0].line == 3);
    CHECK(m.problems[0].path == "b.txt");
    CHECK(m.problems[1].line == 4);
    CHECK(m.problems[1].reason == "the row has no path");
  }
  SUBCASE("header problems") {
    CHECK(parse_manifest("path,colour\na,b\n").problems.at(0).reason.find("unknown column 'colour'") == 0);
    CHECK(parse_manifest("doc\na\n").problems.at(0).reason == "the header has no 'path' column");
    CHECK(parse_manifest("  \n").problems.at(0).reason == "the manifest is empty");
    CHECK(parse_manifest("path\n\"open\n").problems.at(0).reason == "a quoted field is not closed");
  }
  SUBCASE("JSON Lines") {
    auto m = parse_manifest(
        "{\"path\": \"a.txt\", \"doc\": \"a\"}\n\n{\"path\": 3}\nnot json\n{\"path\": \"b\", \"x\": \"y\"}\n");
    REQUIRE(m.rows.size() == 1);
    CHECK(m.rows[0].doc == "a");
    REQUIRE(m.problems.size() == 3);
    CHECK(m.problems[0].line == 3);
    CHECK(m.problems[1].line == 4);
    CHECK(m.problems[2].reason == "unknown field 'x'");
  }
}

TEST_SUITE_END();
