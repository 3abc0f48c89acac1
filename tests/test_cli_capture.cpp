// Web captures end to end through the real binary: HTML and Latin-1 files
// get a text form stored beside their bytes, `show --text` prints it, diff
// and check use it, verify re-derives it, and refusals name the format.

#include "support/run.hpp"
#include "support/tamper.hpp"
#include "support/temp_dir.hpp"

#include "store/content_store.hpp"
#include "store/digest.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

TEST_SUITE_BEGIN("e2e");

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
  auto meta =
      nlohmann::json::parse(run_binary({"--store", store, "show", "council", "--meta", "--format", "json"}).out);
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
    CHECK(stet::test::git(store, {"cat-file", "-p",
                                  "main:" + stet::test::path_of(store, "council",
                                                                "text-" + meta["text_sha256"].get<std::string>())}) ==
          text.out);
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
    auto meta =
        nlohmann::json::parse(run_binary({"--store", store, "show", "latin1", "--meta", "--format", "json"}).out);
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

TEST_CASE("cli ingest --warc") {
  auto warcs = stet::test::corpus_or_skip("web/warc", "index.tsv");
  if (!warcs) {
    return;
  }
  TempDir dir;
  std::string store = (dir / "store").string();
  SUBCASE("a wget crawl: pages become versions with their provenance, 404s are capture errors") {
    auto r = run_binary({"--store", store, "ingest", "--warc", (*warcs / "wget-1.21.3-site-dev.warc.gz").string(),
                         "--doc-prefix", "crawl", "--format", "json"});
    REQUIRE(r.code == 0);
    auto out = nlohmann::json::parse(r.out);
    CHECK(out.size() == 13);
    int errors = 0;
    for (const auto& item : out) {
      errors += item["verdict"] == "capture-error" ? 1 : 0;
      CHECK(item["id"].get<std::string>().starts_with("crawl/127.0.0.1-"));
    }
    CHECK(errors == 2);
    std::string doc = out[0]["id"];
    auto meta = nlohmann::json::parse(run_binary({"--store", store, "show", doc, "--meta", "--format", "json"}).out);
    CHECK(meta["source"].get<std::string>().starts_with("http://127.0.0.1:"));
    CHECK(meta["retrieved_at"].get<std::string>().starts_with("2026-"));
    CHECK(meta["http_status"] == 200);
    CHECK(meta["warc_file"] == "wget-1.21.3-site-dev.warc.gz");
    CHECK(meta["warc_file_sha256"] == "8cb775dd3e5d62b7a329315e3af2c91465b5d6a0028239aa45960774d73b73d4");
    CHECK(meta["warc_record_id"].get<std::string>().starts_with("<urn:uuid:"));
    CHECK(r.err.find("does not match") == std::string::npos);
    CHECK(run_binary({"--store", store, "verify"}).code == 0);
    // log shows the same verdicts, per observation, in every format
    auto oneline = run_binary({"--store", store, "log", "--oneline"});
    REQUIRE(oneline.code == 0);
    std::size_t flagged = 0;
    for (std::size_t at = oneline.out.find("  capture-error\n"); at != std::string::npos;
         at = oneline.out.find("  capture-error\n", at + 1)) {
      ++flagged;
    }
    CHECK(flagged == 2);
    auto logged = nlohmann::json::parse(run_binary({"--store", store, "log", "--format", "json"}).out);
    int json_errors = 0;
    for (const auto& item : logged) {
      if (item["verdict"] == "capture-error") {
        ++json_errors;
        CHECK(item["capture_error"] == "HTTP 404");
      } else {
        CHECK_FALSE(item.contains("capture_error"));
      }
    }
    CHECK(json_errors == 2);
    for (const auto& item : out) {
      if (item["verdict"] == "capture-error") {
        std::string error_doc = item["id"];
        auto text = run_binary({"--store", store, "log", error_doc});
        CHECK(text.out.find("[capture-error]") != std::string::npos);
        CHECK(text.out.find("check      capture-error: HTTP 404") != std::string::npos);
        auto report = run_binary({"--store", store, "report", error_doc});
        REQUIRE(report.code == 0);
        CHECK(report.out.find("<circle class=\"err\"") != std::string::npos);
        CHECK(report.out.find("<span class=\"badge err\">capture error</span>") != std::string::npos);
        CHECK(report.out.find("<circle class=\"cut\"") == std::string::npos);
      }
    }
  }
  SUBCASE("a revisit record is a sighting") {
    auto r = run_binary({"--store", store, "ingest", "--warc", (*warcs / "warcio--example.warc.gz").string()});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("new") != std::string::npos);
    CHECK(r.out.find("unchanged") != std::string::npos);
  }
  SUBCASE("a digest that does not match is reported") {
    std::string bytes;
    std::ifstream in(*warcs / "wget-1.21.3-single-dev.warc", std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    std::size_t at = bytes.find("</title>");
    REQUIRE(at != std::string::npos);
    bytes[at - 1] = bytes[at - 1] == 'x' ? 'y' : 'x';
    auto r = run_binary({"--store", store, "ingest", "--warc", dir.write("tampered.warc", bytes).string()});
    CHECK(r.code == 0);
    CHECK(r.err.find("WARC-Payload-Digest does not match") != std::string::npos);
    CHECK(r.err.find("WARC-Block-Digest does not match") != std::string::npos);
  }
  SUBCASE("a WACZ with its datapackage digests checked") {
    auto r = run_binary({"--store", store, "ingest", "--warc", (*warcs / "py-wacz--valid_example_2.wacz").string()});
    CHECK(r.code == 0);
  }
  SUBCASE("broken archives: one error naming file and offset, nothing written") {
    for (const char* name : {"warcio--example-trunc.warc", "pywb--example.warc", "py-wacz--invalid_example_1.wacz"}) {
      CAPTURE(std::string(name));
      auto r = run_binary({"--store", store, "ingest", "--warc", (*warcs / name).string()});
      CHECK(r.code == 2);
      CHECK(stet::test::is_one_error_line(r.err));
      CHECK(r.err.find(name) != std::string::npos);
      CHECK_FALSE(std::filesystem::exists(store));
    }
    auto r = run_binary({"--store", store, "ingest", "--warc", (*warcs / "warcio--example-trunc.warc").string()});
    CHECK(r.err.find("record at offset") != std::string::npos);
  }
  SUBCASE("--warc takes no files") {
    CHECK(run_binary({"--store", store, "ingest", "--warc", "x.warc", "a.txt"}).code == 2);
  }
}

namespace {

std::string warc_response(const std::string& uri, const std::string& date, const std::string& html) {
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html;
  return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri + "\r\nWARC-Date: " + date +
         "\r\nWARC-Record-ID: <urn:uuid:" + uri + ">\r\nContent-Type: application/http; msgtype=response\r\n" +
         "Content-Length: " + std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
}

}  // namespace

TEST_CASE("cli ingest --warc: a payload seen again under another URI gets the same text form") {
  TempDir dir;
  std::string store = (dir / "store").string();
  std::string shared = "<html><head><title>Notice</title></head><body><p>The office moves on Monday.</p></body></html>";
  std::string other = "<html><head><title>Other</title></head><body><p>Opening hours are unchanged.</p></body></html>";
  std::string warc;
  for (int i = 0; i < 6; ++i) {  // more records than threads, repeats interleaved
    warc += warc_response("https://a.example/p" + std::to_string(i), "2025-01-0" + std::to_string(i + 1) + "T00:00:00Z",
                          i % 2 == 0 ? shared : other + std::string(static_cast<std::size_t>(i), ' '));
  }
  auto r =
      run_binary({"--store", store, "ingest", "--warc", dir.write("pages.warc", warc).string(), "--format", "json"});
  REQUIRE(r.code == 0);
  REQUIRE(nlohmann::json::parse(r.out).size() == 6);
  auto text_of = [&](int i) {
    return run_binary({"--store", store, "show", "a.example/p" + std::to_string(i), "--text"}).out;
  };
  CHECK(text_of(0) == "The office moves on Monday.\n");  // the title is in the record, not the text
  for (int i = 0; i < 6; ++i) {
    CAPTURE(i);
    CHECK(text_of(i) == (i % 2 == 0 ? text_of(0) : text_of(1)));
  }
  CHECK(text_of(1).find("Opening hours are unchanged.") != std::string::npos);
  CHECK(run_binary({"--store", store, "verify"}).code == 0);  // verify re-derives every text form
}

TEST_CASE("cli ingest --warc: repeated payloads are recorded as when each is ingested alone") {
  // Twelve records (enough for the store's batch path) of three payloads,
  // each under its own URI, one with a wrong payload digest: one call must
  // record what twelve single-record calls record, byte for byte.
  TempDir dir;
  std::string batch_store = (dir / "batch").string();
  std::string alone_store = (dir / "alone").string();
  const std::string pages[] = {
      "<html><head><title>Notice</title></head><body><p>The office moves on Monday.</p></body></html>",
      "<html><body><p>Opening hours are unchanged, and the desk is open until</p></body></html>",
      "<html><head><title>Rates</title></head><body><p>The rates for next year are set.</p></body></html>"};
  auto record = [&](int i) {
    const std::string& html = pages[i % 3];
    std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html;
    // Record 7 declares the digest of the first page, whose bytes matched it before.
    std::string digest = stet::store::sha256(i == 7 ? pages[0] : html).hex();
    std::string uri = "https://a.example/p" + std::to_string(i);
    return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
           "\r\nWARC-Date: 2025-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + uri +
           ">\r\nWARC-Payload-Digest: sha256:" + digest +
           "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " + std::to_string(http.size()) +
           "\r\n\r\n" + http + "\r\n\r\n";
  };
  std::string warc;
  std::size_t bad_offset = 0;
  for (int i = 0; i < 12; ++i) {
    bad_offset = i == 7 ? warc.size() : bad_offset;
    warc += record(i);
  }
  auto batch = run_binary(
      {"--store", batch_store, "ingest", "--warc", dir.write("all.warc", warc).string(), "--format", "json"});
  REQUIRE(batch.code == 0);
  // The one bad digest is reported, though its bytes were seen (and matched) before.
  CHECK(batch.err.find("record at offset " + std::to_string(bad_offset) + ": WARC-Payload-Digest does not match") !=
        std::string::npos);
  std::size_t warnings = 0;
  for (std::size_t at = batch.err.find("does not match"); at != std::string::npos;
       at = batch.err.find("does not match", at + 1)) {
    ++warnings;
  }
  CHECK(warnings == 1);
  auto batch_out = nlohmann::json::parse(batch.out);
  REQUIRE(batch_out.size() == 12);
  auto batch_db = stet::store::ContentStore::open(batch_store);
  for (int i = 0; i < 12; ++i) {
    CAPTURE(i);
    std::string file = std::to_string(i) + ".warc";
    auto alone = run_binary(
        {"--store", alone_store, "ingest", "--warc", dir.write(file, record(i)).string(), "--format", "json"});
    REQUIRE(alone.code == 0);
    auto alone_out = nlohmann::json::parse(alone.out);
    REQUIRE(alone_out.size() == 1);
    for (const char* key : {"id", "version", "sha256", "status", "previous", "verdict", "check"}) {
      CHECK(batch_out[static_cast<std::size_t>(i)][key] == alone_out[0][key]);
    }
  }
  auto alone_db = stet::store::ContentStore::open(alone_store);
  for (int i = 0; i < 12; ++i) {
    CAPTURE(i);
    std::string doc = "a.example/p" + std::to_string(i);
    auto in_batch = batch_db.history(doc);
    auto in_alone = alone_db.history(doc);
    REQUIRE(in_batch);
    REQUIRE(in_alone);
    REQUIRE(in_batch->size() == 1);
    REQUIRE(in_alone->size() == 1);
    const stet::store::Version& b = in_batch->front();
    const stet::store::Version& a = in_alone->front();
    CHECK(b.object_id == a.object_id);
    REQUIRE(b.texts.size() == 1);
    REQUIRE(a.texts.size() == 1);
    CHECK(b.texts[0].object_id == a.texts[0].object_id);
    CHECK(batch_db.content(doc, b.sha256) == pages[i % 3]);
    CHECK(batch_db.text_form(doc, b.sha256, b.texts[0].sha256) == alone_db.text_form(doc, a.sha256, a.texts[0].sha256));
    // Everything but when, where in its call and from which file it came.
    stet::store::Record rb = b.ingest;
    stet::store::Record ra = a.ingest;
    for (stet::store::Record* r : {&rb, &ra}) {
      r->ingested_at.clear();
      r->input_index.reset();
      r->warc_file.clear();
      r->warc_file_sha256.reset();
    }
    CHECK(rb == ra);
    CHECK(rb.words > 0);
  }
  CHECK(run_binary({"--store", batch_store, "verify"}).code == 0);
}

TEST_SUITE_END();
