// Unit tests of the `stet report` page (escaping, structure, the cut point,
// which pairs are compared) and end-to-end tests of the command.

#include "render/html_escape.hpp"
#include "render/report_assets.hpp"
#include "render/report_diff_html.hpp"
#include "render/report_html.hpp"
#include "render/report_sections.hpp"
#include "store/digest.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include <filesystem>
#include <sstream>

using stet::test::count_of;

TEST_SUITE_BEGIN("e2e");

using stet::test::run_binary;
using stet::test::TempDir;

namespace {

stet::store::Version make_version(int number, const std::string& text, const std::string& source) {
  stet::store::Version v;
  v.number = number;
  v.sha256 = stet::store::sha256(text);
  v.ingest.doc = "memo";
  v.ingest.sha256 = v.sha256;
  v.ingest.bytes = text.size();
  v.ingest.source = source;
  v.ingest.ingested_at = "2026-01-0" + std::to_string(number) + "T10:00:00.000000Z";
  v.ingest.ingested_by = "Desk <desk@example.org>";
  return v;
}

// A three-version history: v2 is cut short, v3 carries markup in its text,
// its source and its title.
stet::cli::ReportInput sample_input() {
  std::vector<std::string> texts = {"The council met on Monday. It agreed to publish the full minutes next week.\n",
                                    "The council met on Monday. It agreed to publish the\n",
                                    "The council met on Tuesday. <script>document.title='pwned'</script> & more.\n"};
  std::vector<std::string> sources = {"https://example.org/a", "javascript:alert(1)",
                                      "\"><img src=x onerror=alert(1)>"};
  stet::cli::ReportInput input;
  input.doc = "memo";
  for (std::size_t i = 0; i < texts.size(); ++i) {
    input.versions.push_back(make_version(static_cast<int>(i + 1), texts[i], sources[i]));
    input.texts.push_back({static_cast<int>(i + 1), input.versions.back().sha256.hex(), texts[i]});
  }
  input.versions[2].ingest.title = "<b>bold</b>";
  input.checks = stet::analysis::assess_versions(input.texts);
  input.audit.counts.versions = 3;
  input.audit.counts.records = 3;
  input.audit.counts.commits = 3;
  input.generated_at = "2026-01-05T00:00:00.000000Z";
  input.generator = "stet test";
  return input;
}

std::string render_html(const stet::cli::ReportInput& input) {
  std::ostringstream out;
  stet::cli::write_report_html(out, input);
  return out.str();
}

}  // namespace

TEST_CASE("cli::html_escape") {
  struct Case {
    const char* in;
    const char* out;
  };
  for (const Case& c : {Case{"plain", "plain"}, Case{"<script>", "&lt;script&gt;"}, Case{"a & b", "a &amp; b"},
                        Case{"\"q\" 'a'", "&quot;q&quot; &#39;a&#39;"}, Case{"", ""}, Case{"é →", "é →"}}) {
    CAPTURE(c.in);
    CHECK(stet::cli::html_escape(c.in) == c.out);
  }
}

TEST_CASE("cli::display_time") {
  CHECK(stet::cli::display_time("2026-11-28T02:05:46.123456Z") == "2026-11-28 02:05 UTC");
  CHECK(stet::cli::display_time("2014-03-18T09:30:00+01:00") == "2014-03-18 09:30 +01:00");
  CHECK(stet::cli::display_time("2014-03-18T09:30:00") == "2014-03-18 09:30");
  CHECK(stet::cli::display_time("yesterday") == "yesterday");
}

TEST_CASE("cli::report_pairs") {
  using Pairs = std::vector<std::pair<std::size_t, std::size_t>>;
  CHECK(stet::cli::report_pairs(0).empty());
  CHECK(stet::cli::report_pairs(1).empty());
  CHECK(stet::cli::report_pairs(2) == Pairs{{0, 1}});
  CHECK(stet::cli::report_pairs(3) == Pairs{{0, 1}, {1, 2}, {0, 2}});
  std::size_t all = stet::cli::k_all_pairs_max_versions;
  CHECK(stet::cli::report_pairs(all).size() == all * (all - 1) / 2);
  auto capped = stet::cli::report_pairs(all + 1);
  CHECK(capped.size() == all);  // consecutive pairs only
  CHECK(capped.back() == std::pair<std::size_t, std::size_t>{all - 1, all});
}

TEST_CASE("cli::report_pairs with capture errors") {
  using Pairs = std::vector<std::pair<std::size_t, std::size_t>>;
  auto none = stet::cli::report_pairs(std::vector<bool>{false, false, false});
  CHECK(none.pairs == stet::cli::report_pairs(3));
  CHECK(none.shown == 2);
  // v2 is an error page: v1 -> v3 is shown, the pairs with v2 only when picked
  auto middle = stet::cli::report_pairs(std::vector<bool>{false, true, false});
  CHECK(middle.pairs == Pairs{{0, 2}, {0, 1}, {1, 2}});
  CHECK(middle.shown == 1);
  auto leading = stet::cli::report_pairs(std::vector<bool>{true, false, false, true});
  CHECK(leading.shown == 1);
  CHECK(leading.pairs.front() == std::pair<std::size_t, std::size_t>{1, 2});
  CHECK(leading.pairs.size() == 6);
  // a long history keeps its consecutive pairs reachable, the step over the error page shown
  std::vector<bool> many(stet::cli::k_all_pairs_max_versions + 3, false);
  many[4] = true;
  auto capped = stet::cli::report_pairs(many);
  CHECK(capped.shown == many.size() - 2);
  CHECK(capped.pairs.size() == capped.shown + 2);  // 3 -> 4 and 4 -> 5 as extras
  CHECK(std::find(capped.pairs.begin(), capped.pairs.end(), std::pair<std::size_t, std::size_t>{3, 5}) !=
        capped.pairs.end());
}

TEST_CASE("cli::write_pair_html") {
  std::string a = "alpha beta gamma delta epsilon\n";
  std::string b = "alpha beta\n";
  auto result = stet::diff::word_diff(a, b);
  REQUIRE(result.truncation);
  stet::cli::PairView view{"d-1-2", 1, 2, a, b, &result, true};
  std::ostringstream out;
  stet::cli::write_pair_html(out, view);
  std::string html = out.str();
  SUBCASE("the cut marker follows the last shared word, the rest is marked missing") {
    std::size_t cut = html.find("<span class=\"cut\"");
    REQUIRE(cut != std::string::npos);
    CHECK(html.find("v2 stops here · v1 goes on for 3 more words") != std::string::npos);
    CHECK(html.rfind("beta", cut) != std::string::npos);
    std::size_t missing = html.find("<del class=\"missing\"", cut);
    REQUIRE(missing != std::string::npos);
    CHECK(html.find("gamma delta epsilon", missing) != std::string::npos);
    CHECK(html.find("v2 is cut off.") != std::string::npos);
  }
  SUBCASE("inline and side-by-side views, balanced") {
    CHECK(count_of(html, "<div class=\"inline\">") == 1);
    CHECK(count_of(html, "<div class=\"side\">") == 1);
    CHECK(count_of(html, "<span class=\"cut\"") == 3);  // inline, and both columns
    CHECK(count_of(html, "<div") == count_of(html, "</div>"));
    CHECK(count_of(html, "<tr>") == count_of(html, "</tr>"));
    CHECK(html.find("id=\"d-1-2\"") != std::string::npos);
  }
}

TEST_CASE("cli::write_report_html") {
  stet::cli::ReportInput input = sample_input();
  std::string html = render_html(input);
  SUBCASE("document text and metadata are escaped") {
    CHECK(html.find("<script>document.title") == std::string::npos);
    CHECK(html.find("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    CHECK(html.find("<b>bold") == std::string::npos);
    CHECK(html.find("href=\"javascript:") == std::string::npos);
    CHECK(html.find("<a href=\"https://example.org/a\"") != std::string::npos);
    CHECK(count_of(html, "<script") == 1);
  }
  SUBCASE("self-contained, with a CSP that lists the one script by hash") {
    CHECK(html.find(" src=\"") == std::string::npos);  // no element loads anything
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("default-src 'none'") != std::string::npos);
    std::size_t hash = html.find("script-src 'sha256-");
    REQUIRE(hash != std::string::npos);
    std::string value = html.substr(hash + 19, html.find('\'', hash + 19) - hash - 19);
    CHECK(value.size() == 44);  // 32 bytes in base64; the browser test proves the value
    CHECK(value.ends_with("="));
    std::string script = "<script>" + std::string(stet::cli::report_script()) + "</script>";
    CHECK(html.find(script) != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
  }
  SUBCASE("structure: header, one timeline row per version, every pair") {
    CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(html.find("<h1>memo</h1>") != std::string::npos);
    CHECK(html.find("<span class=\"badge ok\">verified</span>") != std::string::npos);
    CHECK(count_of(html, "<tr id=\"v") == 3);
    CHECK(count_of(html, "class=\"cut-row\"") == 1);
    CHECK(count_of(html, "<article class=\"pair\"") == 2);
    CHECK(count_of(html, "<article class=\"pair extra\" id=\"d-1-3\"") == 1);
    CHECK(html.find("<a href=\"#d-1-3\">") != std::string::npos);
    for (const char* tag : {"section", "article", "table", "div", "details", "dl", "ul", "form", "select"}) {
      CAPTURE(tag);
      CHECK(count_of(html, std::string("<") + tag + ">") + count_of(html, std::string("<") + tag + " ") ==
            count_of(html, std::string("</") + tag + ">"));
    }
    CHECK(html.find(input.versions[1].sha256.hex()) != std::string::npos);
    CHECK(html.ends_with("</html>\n"));
  }
  SUBCASE("audit findings replace the verified badge") {
    stet::store::Finding finding;
    finding.kind = stet::store::FindingKind::content_mismatch;
    finding.message = "version 2 <changed>";
    input.audit.findings.push_back(finding);
    std::string damaged = render_html(input);
    CHECK(damaged.find("badge ok\">verified") == std::string::npos);
    CHECK(damaged.find("1 problem</span>") != std::string::npos);
    CHECK(damaged.find("<code>content-mismatch</code> version 2 &lt;changed&gt;") != std::string::npos);
  }
  SUBCASE("deterministic") { CHECK(render_html(input) == html); }
}

TEST_CASE("cli report DOC") {
  TempDir dir;
  std::string store = (dir.path() / "store").string();
  std::string docs = (stet::test::fixtures_dir() / "docs").string();
  REQUIRE(run_binary({"--store", store, "ingest", docs + "/nac-statement-republished.txt", "--source",
                      "https://example.org/news"})
              .code == 0);
  REQUIRE(run_binary({"--store", store, "ingest", docs + "/nac-statement-original.txt", "--doc",
                      "nac-statement-republished", "--source", "https://www.nato.int/"})
              .code == 0);
  SUBCASE("-o FILE writes the page, stdout gets nothing; the page is what standard output would get") {
    std::string page = (dir.path() / "report.html").string();
    auto written = run_binary({"--store", store, "report", "nac-statement-republished", "-o", page});
    CHECK(written.code == 0);
    CHECK(written.out.empty());
    std::string html = stet::test::read_file(page);
    CHECK(html.find("v1 stops here · v2 goes on for 13 more words") != std::string::npos);
    CHECK(html.find("<span class=\"badge ok\">verified</span>") != std::string::npos);
    auto printed = run_binary({"--store", store, "report", "nac-statement-republished"});
    CHECK(printed.code == 0);
    CHECK(printed.out.starts_with("<!DOCTYPE html>"));
    CHECK(printed.out.size() > 4000);
  }
  SUBCASE("bad input: one error line, exit 2, no file") {
    std::string page = (dir.path() / "none.html").string();
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"report", "no-such-doc", "-o", page},
          std::vector<std::string>{"report", "nac-statement-republished@1", "-o", page},
          std::vector<std::string>{"report", "nac-statement-republished", "-o", dir.path().string()}}) {
      std::vector<std::string> full = {"--store", store};
      full.insert(full.end(), args.begin(), args.end());
      auto r = run_binary(full);
      CAPTURE(args[1]);
      CHECK(r.code == 2);
      CHECK(r.err.starts_with("stet: error: "));
      CHECK(r.err.find('\n') == r.err.size() - 1);
      CHECK_FALSE(std::filesystem::exists(page));
    }
  }
}

TEST_SUITE_END();
