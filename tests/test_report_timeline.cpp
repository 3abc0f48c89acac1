// The size and the timeline of `stet report`: unchanged text collapsed
// unless --full, one inline SVG with a mark per observation, and a long real
// history kept small.

#include "render/report_html.hpp"
#include "render/report_timeline_svg.hpp"
#include "store/digest.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using stet::test::count_of;

TEST_SUITE_BEGIN("unit");

namespace fs = std::filesystem;

namespace {

// Three versions of a long text: v2 changes one word in the middle, v3 is
// v2 cut off; v1 was seen again later.
stet::cli::ReportInput long_history() {
  std::string body;
  for (int i = 0; i < 60; ++i) {
    body += "Paragraph " + std::to_string(i) + " says the same thing in every version of this policy.\n\n";
  }
  std::string v2 = body;
  v2.replace(v2.find("Paragraph 30 says the same"), 26, "Paragraph 30 says another");
  std::vector<std::string> texts = {body, v2, v2.substr(0, v2.size() / 2)};
  stet::cli::ReportInput input;
  input.doc = "policy";
  for (std::size_t i = 0; i < texts.size(); ++i) {
    stet::store::Version v;
    v.number = static_cast<int>(i + 1);
    v.sha256 = stet::store::sha256(texts[i]);
    v.ingest.sha256 = v.sha256;
    v.ingest.retrieved_at = "20" + std::to_string(14 + 2 * i) + "-06-01T00:00:00Z";
    v.ingest.ingested_at = "2026-01-01T00:00:00Z";
    input.versions.push_back(v);
    input.texts.push_back({v.number, v.sha256.hex(), texts[i]});
  }
  stet::store::Record again;
  again.ingested_at = "2015-06-01T00:00:00Z";
  input.versions[0].sightings.push_back(again);
  input.checks = stet::analysis::assess_versions(input.texts);
  input.generated_at = "2026-01-05T00:00:00Z";
  input.generator = "stet test";
  return input;
}

std::string render_report(const stet::cli::ReportInput& input) {
  std::ostringstream out;
  stet::cli::write_report_html(out, input);
  return out.str();
}

}  // namespace

TEST_CASE("cli::write_report_html collapses unchanged text unless full") {
  stet::cli::ReportInput input = long_history();
  std::string page = render_report(input);
  input.full = true;
  std::string full = render_report(input);
  CHECK(page.size() * 3 < full.size() * 2);  // the cut-off half of v3 is shown in both
  CHECK(count_of(page, "unchanged words ⋯") >= 2);
  CHECK(count_of(full, "unchanged words ⋯") == 0);
  // The change and its neighbourhood stay; far-away paragraphs do not.
  CHECK(page.find("<ins>another</ins>") != std::string::npos);
  CHECK(page.find("Paragraph 29 says") != std::string::npos);
  CHECK(page.find("Paragraph 5 says") == std::string::npos);
  CHECK(full.find("Paragraph 5 says") != std::string::npos);
}

TEST_CASE("cli::write_timeline_svg") {
  stet::cli::ReportInput input = long_history();
  std::string page = render_report(input);
  std::size_t begin = page.find("<figure class=\"chart\"><svg");
  REQUIRE(begin != std::string::npos);
  std::string svg = page.substr(begin, page.find("</figure>", begin) - begin);
  CHECK(count_of(svg, "<circle ") == 3);
  CHECK(count_of(svg, "<line class=\"seen\"") == 1);
  CHECK(count_of(svg, "<circle class=\"cut\"") == 1);  // v3 is cut off
  CHECK(svg.find("✂</text>") != std::string::npos);
  CHECK(count_of(svg, "<rect class=\"add\"") == 2);  // v2 and v3 each change something
  CHECK(count_of(svg, "<rect class=\"rem\"") == 2);
  CHECK(svg.find(">2016</text>") != std::string::npos);
  CHECK(svg.find("v2 · 2016-06-01 00:00 UTC · +1 −2 words") != std::string::npos);
  // Versions in time order from left to right (x of each circle).
  std::vector<double> xs;
  for (std::size_t at = svg.find("<circle "); at != std::string::npos; at = svg.find("<circle ", at + 1)) {
    std::size_t cx = svg.find("cx=\"", at) + 4;
    xs.push_back(std::stod(svg.substr(cx, svg.find('"', cx) - cx)));
  }
  REQUIRE(xs.size() == 3);
  CHECK(xs[0] < xs[1]);
  CHECK(xs[1] < xs[2]);
}

TEST_CASE("cli::write_timeline_svg marks capture errors apart from truncations") {
  stet::cli::ReportInput input = long_history();
  input.capture_errors = {std::nullopt, std::string("HTTP 404"), std::nullopt};
  std::string page = render_report(input);
  std::size_t begin = page.find("<figure class=\"chart\"><svg");
  REQUIRE(begin != std::string::npos);
  std::string svg = page.substr(begin, page.find("</figure>", begin) - begin);
  CHECK(count_of(svg, "<circle class=\"err\"") == 1);
  CHECK(count_of(svg, "<circle class=\"cut\"") == 1);  // v3 is still cut off
  CHECK(svg.find("v2 · 2016-06-01 00:00 UTC · capture error: HTTP 404") != std::string::npos);
  CHECK(svg.find("✕</text>") != std::string::npos);
  CHECK(count_of(svg, "<rect class=\"add\"") + count_of(svg, "<rect class=\"rem\"") <= 2);  // only v3's step
  CHECK(page.find("<tr id=\"v2\" class=\"err-row\">") != std::string::npos);
  CHECK(page.find("id=\"capture-errors\"") != std::string::npos);
}

TEST_CASE("cli::observed_at") {
  stet::store::Record r;
  r.ingested_at = "2026-01-01T00:00:00Z";
  CHECK(stet::cli::observed_at(r) == 1767225600);
  r.retrieved_at = "2014-03-17T00:00:00Z";
  CHECK(stet::cli::observed_at(r) == 1395014400);
  r.retrieved_at = "not a time";
  CHECK(stet::cli::observed_at(r) == 1767225600);
}

TEST_CASE("cli report: 107 real revisions make a small page") {
  auto history = stet::test::corpus_or_skip("history/wpcom-terms-of-service", "revisions.tsv");
  if (!history) {
    return;
  }
  stet::test::TempDir dir;
  std::string store = (dir / "store").string();
  stet::test::StepClock clock;
  std::size_t text_bytes = 0;
  int versions = 0;
  for (int rev = 1; fs::exists(*history / (std::string(rev < 10    ? "00"
                                                       : rev < 100 ? "0"
                                                                   : "") +
                                           std::to_string(rev) + ".txt"));
       ++rev) {
    fs::path file = *history / (std::string(rev < 10 ? "00" : rev < 100 ? "0" : "") + std::to_string(rev) + ".txt");
    text_bytes += fs::file_size(file);
    REQUIRE(stet::test::run_stet({"--store", store, "ingest", file.string(), "--doc", "tos"}, "", &clock).code == 0);
    ++versions;
  }
  REQUIRE(versions >= 100);
  fs::path page = dir / "report.html";
  auto r = stet::test::run_stet({"--store", store, "report", "tos", "-o", page.string()}, "", &clock);
  REQUIRE(r.code == 0);
  CAPTURE(text_bytes);
  CHECK(fs::file_size(page) <= 2'000'000);
  std::ifstream in(page);
  std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(count_of(html, "<circle ") == static_cast<std::size_t>(versions));
  CHECK(count_of(html, "<article class=\"pair\"") == static_cast<std::size_t>(versions - 1));
}

TEST_SUITE_END();
