// End-to-end tests of `stet check` (files, --split, DOC[@REV], standard
// input) through the real binary, and the verdicts shown by ingest and log.

#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

TEST_SUITE_BEGIN("e2e");

namespace fs = std::filesystem;
using stet::test::is_one_error_line;
using stet::test::run_binary;
using stet::test::run_stet;
using stet::test::seed_doc;
using stet::test::TempDir;

TEST_CASE("cli check FILE...") {
  SUBCASE("the seed: two truncated parts, the original complete, in input order") {
    auto r = run_binary({"check", "--format", "json", seed_doc("nac-statement-republished.txt"),
                         seed_doc("sg-crimea-republished.txt"), seed_doc("nac-statement-original.txt")});
    CHECK(r.code == 1);
    auto json = nlohmann::json::parse(r.out);
    REQUIRE(json.size() == 3);
    CHECK(json[0]["verdict"] == "truncated");
    CHECK(json[0]["cut_after"] == "territorial integrity of");
    CHECK(json[0]["reasons"][0]["code"] == "ends-on-function-word");
    CHECK(json[1]["verdict"] == "truncated");
    CHECK(json[1]["reasons"][0]["code"] == "dangling-label");
    CHECK(json[2]["verdict"] == "complete");
    CHECK(json[2]["cut_after"].is_null());
    for (const auto& object : json) {
      CHECK(object["confidence"].get<double>() >= 0.5);
      CHECK(object["confidence"].get<double>() <= 1.0);
      CHECK(object["missing_words"].is_null());
      CHECK(object["measured_against"].is_null());
    }
  }
  SUBCASE("all complete exits 0, text output names the reason") {
    auto r = run_binary({"check", seed_doc("nac-statement-original.txt")});
    CHECK(r.code == 0);
    CHECK(r.out.find(": complete, confidence 0.75\n  + ends-with-sentence:") != std::string::npos);
  }
  SUBCASE("--split checks each part") {
    auto r = run_binary({"check", "--split", "--format", "json", seed_doc("nato-2014-03-17-republished.txt")});
    CHECK(r.code == 1);
    auto json = nlohmann::json::parse(r.out);
    REQUIRE(json.size() == 2);
    CHECK(json[0]["input"].get<std::string>().ends_with("#1"));
    CHECK(json[0]["cut_after"] == "territorial integrity of");
    CHECK(json[1]["cut_after"] == "Source");
  }
  SUBCASE("standard input, and an incomplete UTF-8 sequence is a finding, not an error") {
    auto r = run_binary({"check", "-", "--format", "json"}, "It said caf\xC3");
    CHECK(r.code == 1);
    auto json = nlohmann::json::parse(r.out);
    CHECK(json[0]["input"] == "standard input");
    CHECK(json[0]["reasons"][0]["code"] == "incomplete-utf8");
  }
  SUBCASE("an empty file is truncated") {
    TempDir dir;
    auto r = run_binary({"check", dir.write("empty.txt", "").string()});
    CHECK(r.code == 1);
    CHECK(r.out.find("empty") != std::string::npos);
  }
}

TEST_CASE("cli check refuses bad input") {
  TempDir dir;
  SUBCASE("a missing file without a store") {
    auto r = run_binary({"--store", (dir / "none").string(), "check", (dir / "missing.txt").string()});
    CHECK(r.code == 2);
    CHECK(is_one_error_line(r.err));
    CHECK(r.out.empty());
  }
  SUBCASE("an image, and NUL bytes") {
    auto bad = run_binary({"check", dir.write("bad.txt", "\x89PNG\r\n\x1a\n....").string()});
    CHECK(bad.code == 2);
    CHECK(is_one_error_line(bad.err));
    CHECK(bad.err.find("PNG image") != std::string::npos);
    auto binary = run_binary({"check", dir.write("nul.txt", std::string("a\0b.\n", 5)).string()});
    CHECK(binary.code == 2);
  }
  SUBCASE("a folder") {
    auto r = run_binary({"check", dir.path().string()});
    CHECK(r.code == 2);
    CHECK(is_one_error_line(r.err));
  }
  SUBCASE("an unknown format") {
    CHECK(run_binary({"check", "--format", "xml", seed_doc("nac-statement-original.txt")}).code == 2);
  }
}

TEST_CASE("cli check DOC[@REV]") {
  TempDir dir;
  std::string store = (dir / "store").string();
  auto first = run_binary({"--store", store, "ingest", "--doc", "nato/nac", seed_doc("nac-statement-republished.txt")});
  REQUIRE(first.code == 0);
  CHECK(first.out.find("new  truncated (cut after 'territorial integrity of')") != std::string::npos);
  auto second = run_binary(
      {"--store", store, "ingest", "--doc", "nato/nac", "--format", "json", seed_doc("nac-statement-original.txt")});
  REQUIRE(second.code == 0);
  CHECK(nlohmann::json::parse(second.out)[0]["verdict"] == "complete");

  SUBCASE("the earlier version was completed by the later one") {
    auto r = run_binary({"--store", store, "check", "nato/nac@1", "--format", "json"});
    CHECK(r.code == 1);
    auto json = nlohmann::json::parse(r.out);
    CHECK(json[0]["doc"] == "nato/nac");
    CHECK(json[0]["version"] == 1);
    CHECK(json[0]["missing_words"] == 13);
    CHECK(json[0]["measured_against"]["version"] == 2);
    CHECK(json[0]["measured_against"]["relation"] == "completed-by");
    CHECK(json[0]["reasons"][0]["code"] == "completed-later");
  }
  SUBCASE("the latest version by default") {
    auto r = run_binary({"--store", store, "check", "nato/nac"});
    CHECK(r.code == 0);
    CHECK(r.out.starts_with("nato/nac@2: complete"));
  }
  SUBCASE("log marks the truncated version") {
    auto text = run_binary({"--store", store, "log", "nato/nac"});
    CHECK(text.out.find("  [truncated]\n") != std::string::npos);
    CHECK(text.out.find("check      truncated, completed by v2: 13 words missing after 'territorial integrity of'") !=
          std::string::npos);
    auto json = nlohmann::json::parse(run_binary({"--store", store, "log", "nato/nac", "--format", "json"}).out);
    CHECK(json[0]["verdict"] == "truncated");
    CHECK(json[1]["verdict"] == "complete");
  }
  SUBCASE("an existing file wins over a document; --doc forces the document") {
    dir.write("nato/nac", "A file that ends properly.\n");
    auto as_file = run_binary({"--store", store, "check", "nato/nac", "--format", "json"}, "", dir.path());
    CHECK(nlohmann::json::parse(as_file.out)[0]["doc"].is_null());
    auto as_doc = run_binary({"--store", store, "check", "--doc", "nato/nac@1", "--format", "json"}, "", dir.path());
    CHECK(nlohmann::json::parse(as_doc.out)[0]["doc"] == "nato/nac");
  }
  SUBCASE("unknown documents and revisions are errors, and the store is unchanged") {
    std::string before = stet::test::tree_fingerprint(store);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--store", store, "check", "nato/other"},
          std::vector<std::string>{"--store", store, "check", "nato/nac@9"},
          std::vector<std::string>{"--store", store, "check", "--doc", "Not An Id"}}) {
      auto r = run_stet(args);
      CAPTURE(args.back());
      CHECK(r.code == 2);
      CHECK(is_one_error_line(r.err));
    }
    CHECK(stet::test::tree_fingerprint(store) == before);
  }
}

TEST_SUITE_END();
