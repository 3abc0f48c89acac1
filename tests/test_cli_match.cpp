// `stet match` and `stet index`, in-process and as the real binary: the seed,
// none for unrelated text, options, and an index that is missing, stale,
// damaged or was being written by a killed process.

#include "support/child.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <thread>

TEST_SUITE_BEGIN("e2e");

namespace fs = std::filesystem;
using stet::test::run_stet;
using stet::test::seed_doc;
using stet::test::TempDir;

namespace {

struct SeedStore {
  TempDir dir;
  std::string store = (dir / "s").string();
  stet::test::StepClock clock;

  SeedStore() {
    REQUIRE(
        run_stet({"--store", store, "ingest", seed_doc("nac-statement-original.txt"), "--doc", "nato/nac"}, "", &clock)
            .code == 0);
    REQUIRE(run_stet({"--store", store, "ingest", seed_doc("sg-crimea-republished.txt"), "--doc", "un/sg"}, "", &clock)
                .code == 0);
  }
  stet::test::RunResult match(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--store", store, "match"});
    return run_stet(args, input, &clock);
  }
};

}  // namespace

TEST_CASE("cli match") {
  SeedStore s;
  SUBCASE("the seed: the original, 100% of the copy, truncated 13 words after 'territorial integrity of'") {
    auto r = s.match({seed_doc("nac-statement-republished.txt")});
    CAPTURE(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find(": truncated-copy of nato/nac@1: 100.0% of its 229 words found in order") != std::string::npos);
    CHECK(r.out.find("stops after 'territorial integrity of': 13 words missing") != std::string::npos);
    CHECK(r.out.find("un/sg") == std::string::npos);
    CHECK(fs::exists(fs::path(s.store) / "stet-index.sqlite"));
  }
  SUBCASE("json") {
    auto r = s.match({seed_doc("nac-statement-republished.txt"), "--format", "json"});
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["verdict"] == "truncated-copy");
    REQUIRE(j["candidates"].size() == 1);
    const auto& c = j["candidates"][0];
    CHECK(c["doc"] == "nato/nac");
    CHECK(c["query_share"] == 1.0);
    CHECK(c["stops_short"]["missing_words"] == 13);
    CHECK(c["stops_short"]["stops_after"] == "territorial integrity of");
    CHECK(c["starts_after"].is_null());
    CHECK(c["sha256"].get<std::string>().size() == 64);
  }
  SUBCASE("the exact bytes and standard input") {
    auto r = s.match({"-"}, stet::test::read_file(seed_doc("nac-statement-original.txt")));
    CHECK(r.code == 0);
    CHECK(r.out.starts_with("standard input: exact of nato/nac@1"));
  }
  SUBCASE("unrelated text is none, exit 1") {
    auto r = s.match({"-"}, "A short note about the weather in Lisbon, which was sunny and warm all week long.\n");
    CHECK(r.code == 1);
    CHECK(r.out == "standard input: none: no recorded text is its origin\n");
  }
  SUBCASE("--doc limits the documents and -n the candidates") {
    CHECK(s.match({seed_doc("nac-statement-republished.txt"), "--doc", "un/"}).code == 1);
    CHECK(s.match({seed_doc("nac-statement-republished.txt"), "--doc", "nato/"}).code == 0);
    auto r = s.match({seed_doc("nac-statement-republished.txt"), "-n", "0"});
    CHECK(r.code == 2);
    CHECK(stet::test::is_one_error_line(r.err));
  }
  SUBCASE("bad input: one error line, exit 2") {
    auto r = s.match({(s.dir / "missing.txt").string()});
    CHECK(r.code == 2);
    CHECK(stet::test::is_one_error_line(r.err));
    r = s.match({"-"}, std::string("\x00\x01\xff", 3));
    CHECK(r.code == 2);
    CHECK(stet::test::is_one_error_line(r.err));
  }
  SUBCASE("versions ingested after the index was built are found") {
    REQUIRE(s.match({seed_doc("nac-statement-republished.txt")}).code == 0);
    std::string text =
        "A completely new statement about fisheries policy in the North Sea, agreed by the "
        "ministers after three days of talks on quotas, inspections and the protection of young fish.";
    auto file = s.dir.write("fish.txt", text);
    REQUIRE(run_stet({"--store", s.store, "ingest", file.string(), "--doc", "eu/fish"}, "", &s.clock).code == 0);
    auto r = s.match({"-"}, text.substr(10));
    CAPTURE(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find("eu/fish@1") != std::string::npos);
  }
  SUBCASE("versions with the same matching text are one run; a version without it ends the run") {
    std::string body = stet::test::read_file(seed_doc("nac-statement-original.txt"));
    auto ingest = [&](const std::string& name, const std::string& text) {
      auto file = s.dir.write(name, text);
      REQUIRE(run_stet({"--store", s.store, "ingest", file.string(), "--doc", "nato/copy"}, "", &s.clock).code == 0);
    };
    std::string changed = body;
    changed.replace(changed.find("deeply flawed"), 13, "very flawed");
    ingest("v1.txt", changed);
    ingest("v2.txt", "Header one\n" + body);
    ingest("v3.txt", "Header two\n" + body);
    auto r = s.match({"--doc", "nato/copy", seed_doc("nac-statement-republished.txt")});
    CAPTURE(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find("truncated-copy of nato/copy@2..3:") != std::string::npos);
  }
  SUBCASE("a damaged index file is rebuilt, never trusted") {
    REQUIRE(s.match({seed_doc("nac-statement-republished.txt")}).code == 0);
    fs::path index = fs::path(s.store) / "stet-index.sqlite";
    std::string bytes = stet::test::read_file(index);
    for (std::size_t i = 100; i < bytes.size(); i += 7) {
      bytes[i] = static_cast<char>(bytes[i] ^ 0x5a);
    }
    std::ofstream(index, std::ios::binary | std::ios::trunc) << bytes;
    auto r = s.match({seed_doc("nac-statement-republished.txt")});
    CAPTURE(r.err);
    CHECK(r.code == 0);
    CHECK(r.out.find("13 words missing") != std::string::npos);
    std::ofstream(index, std::ios::binary | std::ios::trunc) << "not sqlite";
    CHECK(s.match({seed_doc("nac-statement-republished.txt")}).code == 0);
  }
  SUBCASE("index --rebuild") {
    auto r = run_stet({"--store", s.store, "index", "--rebuild"}, "", &s.clock);
    CHECK(r.code == 0);
    CHECK(r.out.starts_with("rebuilt the match index of 2 versions"));
    CHECK(run_stet({"--store", s.store, "index"}, "", &s.clock).code == 2);
    auto json = run_stet({"--store", s.store, "index", "--rebuild", "--format", "json"}, "", &s.clock);
    REQUIRE(json.code == 0);
    auto j = nlohmann::json::parse(json.out);
    CHECK(j["versions"] == 2);
    CHECK(j["index"].get<std::string>().ends_with(".sqlite"));
  }
}

TEST_CASE("stet match (binary)") {
  TempDir dir;
  std::string store = (dir / "s").string();
  REQUIRE(stet::test::run_binary({"--store", store, "ingest", seed_doc("nac-statement-original.txt")}).code == 0);
  auto r = stet::test::run_binary({"--store", store, "match", seed_doc("nac-statement-republished.txt")});
  CAPTURE(r.err);
  CHECK(r.code == 0);
  CHECK(r.out.find("truncated-copy of nac-statement-original@1: 100.0% of its 229 words") != std::string::npos);
  CHECK(r.out.find("13 words missing") != std::string::npos);
}

TEST_CASE("stet index killed while writing") {
  TempDir dir;
  std::string store = (dir / "s").string();
  // Enough versions that a rebuild takes a while: 300 documents of 400 words.
  std::vector<std::string> args = {"--store", store, "ingest"};
  for (int i = 0; i < 300; ++i) {
    std::string text;
    for (int w = 0; w < 400; ++w) {
      text += "w" + std::to_string((i * 7919 + w * 104729) % 100003) + (w % 15 == 14 ? ".\n" : " ");
    }
    args.push_back(dir.write("d" + std::to_string(i) + ".txt", text).string());
  }
  REQUIRE(stet::test::run_binary(args).code == 0);
  std::string query = stet::test::read_file(dir / "d123.txt").substr(500, 1500);
  for (int delay_ms : {5, 40, 120}) {
    CAPTURE(delay_ms);
    stet::test::Child child({stet::test::stet_binary().string(), "--store", store, "index", "--rebuild"}, dir / "out",
                            dir / "err");
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    (void)child.kill_and_reap();
    auto r = stet::test::run_binary({"--store", store, "match", "-", "--format", "json"}, query);
    CAPTURE(r.err);
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["candidates"][0]["doc"] == "d123");
    CHECK(j["verdict"] == "excerpt");
  }
  CHECK(stet::test::run_binary({"--store", store, "verify"}).code == 0);
}

TEST_SUITE_END();
