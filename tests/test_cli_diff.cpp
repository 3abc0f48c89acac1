#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

TEST_SUITE_BEGIN("e2e");

namespace {

using stet::test::run_binary;
using stet::test::run_stet;

// Side A and side B rebuilt from the JSON ops, as the contract promises.
std::pair<std::string, std::string> rebuild_sides(const nlohmann::json& doc) {
  std::string a;
  std::string b;
  for (const auto& op : doc.at("ops")) {
    std::string text = op.at("text").get<std::string>();
    if (op.at("op") != "insert") {
      a += text;
    }
    if (op.at("op") != "delete") {
      b += text;
    }
  }
  return {a, b};
}

}  // namespace

TEST_CASE("cli diff --files") {
  std::string original = stet::test::seed_doc("nac-statement-original.txt");
  std::string republished = stet::test::seed_doc("nac-statement-republished.txt");
  SUBCASE("the republication is cut after 'integrity of'") {
    auto r = run_binary({"diff", "--files", original, republished, "--format", "stat"});
    CHECK(r.code == 1);
    CHECK(r.out.find("B stops after \"...and territorial integrity of\"; A goes on for 13 more words") !=
          std::string::npos);
  }
  SUBCASE("identical files: exit 0, nothing marked") {
    auto r = run_binary({"diff", "--files", original, original, "--format", "wdiff"});
    CHECK(r.code == 0);
    CHECK(r.out == stet::test::read_file(original));
  }
  SUBCASE("JSON ops rebuild both sides byte for byte") {
    auto r = run_binary({"diff", "--files", original, republished, "--format", "json"});
    CHECK(r.code == 1);
    auto doc = nlohmann::json::parse(r.out);
    auto [a, b] = rebuild_sides(doc);
    CHECK(a == stet::test::read_file(original));
    CHECK(b == stet::test::read_file(republished));
    CHECK(doc.at("stats").at("words_removed") == 13);
    CHECK(doc.at("truncation").at("shorter") == "b");
  }
  SUBCASE("colours: never when NO_COLOR is set, always on request") {
    auto plain = run_binary({"diff", "--files", original, republished, "--format", "color"});
    CHECK(plain.out.find("\x1b[") == std::string::npos);
    auto forced = run_binary({"diff", "--files", original, republished, "--format", "color", "--color=always"});
    CHECK(forced.out.find("\x1b[31m") != std::string::npos);
  }
  SUBCASE("HTML is one page with the text escaped") {
    stet::test::TempDir dir;
    auto a = dir.write("a.txt", "x <script>alert(1)</script> & y\n");
    auto b = dir.write("b.txt", "x <b>bold</b> & y\n");
    auto r = run_binary({"diff", "--files", a.string(), b.string(), "--format", "html"});
    CHECK(r.code == 1);
    CHECK(r.out.starts_with("<!DOCTYPE html>"));
    CHECK(r.out.find("<script") == std::string::npos);
    CHECK(r.out.find("&lt;") != std::string::npos);
    CHECK(r.out.find("<b>") == std::string::npos);
  }
  SUBCASE("--context limits unchanged lines") {
    stet::test::TempDir dir;
    std::string body;
    for (int k = 0; k < 30; ++k) {
      body += "line number " + std::to_string(k) + "\n";
    }
    auto a = dir.write("a.txt", body + "the end\n");
    auto b = dir.write("b.txt", body + "the finish\n");
    auto r = run_binary({"diff", "--files", a.string(), b.string(), "--format", "wdiff", "--context", "1"});
    CHECK(r.out == "@@ A line 30, B line 30 @@\nline number 29\nthe [-end-]{+finish+}\n");
  }
  SUBCASE("trouble: exit 2 and one error line") {
    auto missing = run_binary({"diff", "--files", original, "/no/such/file"});
    CHECK(missing.code == 2);
    CHECK(missing.err == "stet: error: cannot read '/no/such/file'\n");
    auto bad = run_binary({"diff", "--files", original});
    CHECK(bad.code == 2);
    stet::test::TempDir dir;
    auto binary = dir.write("bin.dat", std::string("a\0b", 3));
    auto not_text = run_binary({"diff", "--files", original, binary.string()});
    CHECK(not_text.code == 2);
    CHECK(not_text.err.starts_with("stet: error: "));
  }
  SUBCASE("empty inputs") {
    stet::test::TempDir dir;
    auto empty = dir.write("empty.txt", "");
    CHECK(run_binary({"diff", "--files", empty.string(), empty.string()}).code == 0);
    auto r = run_binary({"diff", "--files", empty.string(), original, "--format", "json"});
    CHECK(r.code == 1);
    CHECK(rebuild_sides(nlohmann::json::parse(r.out)).second == stet::test::read_file(original));
  }
}

TEST_CASE("cli diff on the store") {
  stet::test::TempDir dir;
  std::string store = (dir / "store").string();
  std::string original = stet::test::seed_doc("nac-statement-original.txt");
  std::string republished = stet::test::seed_doc("nac-statement-republished.txt");
  REQUIRE(run_stet({"--store", store, "init"}).code == 0);
  REQUIRE(run_stet({"--store", store, "ingest", "--doc", "nac", original}).code == 0);
  REQUIRE(run_stet({"--store", store, "ingest", "--doc", "nac", republished}).code == 0);
  REQUIRE(run_stet({"--store", store, "ingest", "--doc", "copy", republished}).code == 0);
  SUBCASE("default: previous against latest") {
    auto r = run_stet({"--store", store, "diff", "nac", "--format", "stat"});
    CHECK(r.code == 1);
    CHECK(r.out.find("words removed   13") != std::string::npos);
  }
  SUBCASE("explicit revisions") {
    auto same = run_stet({"--store", store, "diff", "nac", "2", "2", "--format", "stat"});
    CHECK(same.code == 0);
    auto back = run_stet({"--store", store, "diff", "nac", "2", "1", "--format", "json"});
    CHECK(back.code == 1);
    auto doc = nlohmann::json::parse(back.out);
    CHECK(doc.at("a") == "nac@2");
    CHECK(doc.at("stats").at("words_added") == 13);
  }
  SUBCASE("two documents") {
    auto r = run_stet({"--store", store, "diff", "copy@1", "nac@2", "--format", "stat"});
    CHECK(r.code == 0);
    auto other = run_stet({"--store", store, "diff", "nac@1", "copy@1", "--format", "wdiff"});
    CHECK(other.code == 1);
    CHECK(other.out.find("integrity of\n[-Ukraine,") != std::string::npos);
  }
  SUBCASE("unknown document or revision") {
    auto r = run_stet({"--store", store, "diff", "nope"});
    CHECK(r.code == 2);
    CHECK(r.err.starts_with("stet: error: unknown document"));
    CHECK(run_stet({"--store", store, "diff", "nac", "9"}).code == 2);
  }
}

TEST_SUITE_END();
