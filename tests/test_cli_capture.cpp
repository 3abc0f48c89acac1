// Web captures end to end through the real binary: HTML and Latin-1 files
// get a text form stored beside their bytes, `show --text` prints it, diff
// and check use it, verify re-derives it, and refusals name the format.

#include "support/run.hpp"
#include "support/tamper.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

using stet::test::run_binary;
using stet::test::TempDir;

namespace {

const char* const k_page_v1 =
    "<!DOCTYPE html><html><head><title>Council statement</title><script>var a = 1;</script></head><body>"
    "<nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>Statement</h1>"
    "<p>The council met on Monday, and it agreed the budget, the plan, and the calendar for next year.</p>"
    "<p>The vote was unanimous, with every member present, as the chair noted in her remarks.</p></article>"
    "<footer>Copyright Council</footer></body></html>\n";

const char* const k_page_v2 =
    "<!DOCTYPE html><html><head><title>Council statement</title></head><body>"
    "<nav><a href=/>Home</a> <a href=/about>About us</a></nav><article><h1>Statement</h1>"
    "<p>The council met on Monday, and it rejected the budget, the plan, and the calendar for next year.</p>"
    "<p>The vote was unanimous, with every member present, as the chair noted in her remarks.</p></article>"
    "<footer>Copyright Council</footer></body></html>\n";

}  // namespace

TEST_CASE("cli ingest of an HTML page records a text form") {
  TempDir dir;
  std::string store = (dir / "store").string();
  std::string page = dir.write("page.html", k_page_v1).string();
  auto ingest = run_binary({"--store", store, "ingest", "--doc", "council", page});
  REQUIRE(ingest.code == 0);
  auto meta = nlohmann::json::parse(run_binary({"--store", store, "show", "council", "--meta", "--format", "json"}).out);
  CHECK(meta["title"] == "Council statement");
  CHECK(meta["media_type"] == "text/html");
  CHECK(meta["charset"] == "utf-8");
  CHECK(meta["text_extractor"].get<std::string>().ends_with("html visible"));
  CHECK(meta["bytes"] == std::string(k_page_v1).size());

  SUBCASE("show prints the bytes, show --text the text form") {
    CHECK(run_binary({"--store", store, "show", "council"}).out == k_page_v1);
    auto text = run_binary({"--store", store, "show", "council", "--text"});
    CHECK(text.code == 0);
    CHECK(text.out.find("The council met on Monday") != std::string::npos);
    CHECK(text.out.find("<p>") == std::string::npos);
    CHECK(text.out.find("var a") == std::string::npos);
    CHECK(stet::test::git(store, {"cat-file", "-p", "main:" + stet::test::path_of(store, "council", "text-" +
                                                                meta["text_sha256"].get<std::string>())}) == text.out);
  }
  SUBCASE("diff compares text, and --text-mode main leaves the furniture out") {
    REQUIRE(run_binary({"--store", store, "ingest", "--doc", "council", dir.write("page2.html", k_page_v2).string()})
                .code == 0);
    auto diff = run_binary({"--store", store, "diff", "council", "--format", "wdiff"});
    CHECK(diff.code == 1);
    CHECK(diff.out.find("[-agreed-]") != std::string::npos);
    CHECK(diff.out.find("<p>") == std::string::npos);
    CHECK(diff.out.find("About us") != std::string::npos);
    auto main = run_binary({"--store", store, "diff", "council", "--format", "wdiff", "--text-mode", "main"});
    CHECK(main.code == 1);
    CHECK(main.out.find("[-agreed-]") != std::string::npos);
    CHECK(main.out.find("About us") == std::string::npos);
    CHECK(run_binary({"--store", store, "diff", "council", "--text-mode", "all"}).code == 2);
  }
  SUBCASE("verify re-derives the text form and finds a replaced one") {
    CHECK(run_binary({"--store", store, "verify"}).code == 0);
    std::string path = stet::test::path_of(store, "council", "text-" + meta["text_sha256"].get<std::string>());
    stet::test::commit_change(store, path, "The council rejected everything.\n");
    auto verify = run_binary({"--store", store, "verify"});
    CHECK(verify.code == 1);
    CHECK(verify.out.find("text form") != std::string::npos);
  }
  SUBCASE("check judges the text, not the markup") {
    auto check = run_binary({"--store", store, "check", "council", "--format", "json"});
    CHECK(check.out.find("</html>") == std::string::npos);
  }
}

TEST_CASE("cli ingest converts other encodings and refuses binaries") {
  TempDir dir;
  std::string store = (dir / "store").string();
  SUBCASE("Latin-1 text") {
    auto r = run_binary({"--store", store, "ingest", dir.write("latin1.txt", "caf\xe9 cr\xe8me.\n").string()});
    REQUIRE(r.code == 0);
    CHECK(run_binary({"--store", store, "show", "latin1", "--text"}).out == "caf\xc3\xa9 cr\xc3\xa8me.\n");
    CHECK(run_binary({"--store", store, "show", "latin1"}).out == "caf\xe9 cr\xe8me.\n");
    auto meta = nlohmann::json::parse(run_binary({"--store", store, "show", "latin1", "--meta", "--format", "json"}).out);
    CHECK(meta["charset"] == "windows-1252");
    CHECK(meta["media_type"] == "text/plain");
  }
  SUBCASE("UTF-16 with a BOM") {
    std::string utf16("\xFF\xFE", 2);
    for (char c : std::string("Hello there.\n")) {
      utf16 += c;
      utf16 += '\0';
    }
    REQUIRE(run_binary({"--store", store, "ingest", dir.write("wide.txt", utf16).string()}).code == 0);
    CHECK(run_binary({"--store", store, "show", "wide", "--text"}).out == "Hello there.\n");
  }
  SUBCASE("plain UTF-8 records carry no capture fields") {
    REQUIRE(run_binary({"--store", store, "ingest", stet::test::seed_doc("nac-statement-original.txt")}).code == 0);
    auto meta = nlohmann::json::parse(
        run_binary({"--store", store, "show", "nac-statement-original", "--meta", "--format", "json"}).out);
    CHECK_FALSE(meta.contains("media_type"));
    CHECK_FALSE(meta.contains("text_sha256"));
  }
  SUBCASE("a PDF and an image are refused, naming the format") {
    auto pdf = run_binary({"--store", store, "ingest", dir.write("a.pdf", "%PDF-1.4\n1 0 obj\n").string()});
    CHECK(pdf.code == 2);
    CHECK(stet::test::is_one_error_line(pdf.err));
    CHECK(pdf.err.find("PDF document") != std::string::npos);
    CHECK(pdf.err.find("pdftotext") != std::string::npos);
    auto png = run_binary({"--store", store, "ingest", dir.write("a.png", "\x89PNG\r\n\x1a\n\0\0").string()});
    CHECK(png.code == 2);
    CHECK(png.err.find("PNG image") != std::string::npos);
  }
}
