// End-to-end tests of history as the commands show it: the timeline order
// of versions, revisions (numbers, hashes, first, latest, dates, ~N),
// back-fill with one --doc or a manifest, and log's filters.

#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

TEST_SUITE_BEGIN("unit");

namespace fs = std::filesystem;
using stet::test::is_one_error_line;
using stet::test::run_stet;
using stet::test::StepClock;
using stet::test::TempDir;

namespace {

struct History {
  TempDir dir;
  StepClock clock;
  std::string store = (dir / "store").string();

  stet::test::RunResult run(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--store", store});
    return run_stet(args, input, &clock);
  }
  std::string file(const std::string& name, const std::string& text) { return dir.write(name, text).string(); }
};

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    end = end == std::string::npos ? text.size() : end;
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

int commits(const std::string& store) {
  auto out = stet::test::run_program({"git", "-C", store, "rev-list", "--count", "main"});
  return std::stoi(out.out);
}

}  // namespace

TEST_CASE("cli history: the corpus example is numbered in argument order") {
  auto corpus = stet::test::corpus_or_skip("history/wpcom-privacy-policy", "003.txt");
  if (!corpus) {
    return;
  }
  History h;
  std::vector<std::string> files = {(*corpus / "003.txt").string(), (*corpus / "004.txt").string(),
                                    (*corpus / "005.txt").string()};
  auto out = h.run({"ingest", "--doc", "wpcom/privacy", files[0], files[1], files[2]});
  REQUIRE(out.code == 0);
  CHECK(out.out.find("wpcom/privacy@1") < out.out.find("wpcom/privacy@2"));
  for (std::size_t i = 0; i < files.size(); ++i) {
    CAPTURE(i);
    CHECK(h.run({"show", "wpcom/privacy@" + std::to_string(i + 1)}).out == stet::test::read_file(files[i]));
  }
  CHECK(h.run({"show", "wpcom/privacy"}).out == stet::test::read_file(files[2]));
  CHECK(commits(h.store) == 2);  // the store's first commit and this one
}

TEST_CASE("cli history: retrieved times order versions across calls") {
  History h;
  std::string older = h.file("old.txt", "The old wording of the page.\n");
  std::string newer = h.file("new.txt", "The new wording of the page.\n");
  REQUIRE(h.run({"ingest", "--doc", "p", newer, "--retrieved", "2019-06-01"}).code == 0);
  REQUIRE(h.run({"ingest", "--doc", "p", older, "--retrieved", "2014-03-19"}).code == 0);
  CHECK(h.run({"show", "p@1"}).out == "The old wording of the page.\n");
  CHECK(h.run({"show", "p"}).out == "The new wording of the page.\n");
  SUBCASE("dates name the state at that moment") {
    CHECK(h.run({"show", "p@2015-01-01"}).out == "The old wording of the page.\n");
    CHECK(h.run({"show", "p@2019-06-01T00:00:00Z"}).out == "The new wording of the page.\n");
    CHECK(h.run({"show", "p@2019-05-31T23:59:59+00:00"}).out == "The old wording of the page.\n");
    auto before = h.run({"show", "p@2010-01-01"});
    CHECK(before.code == 2);
    CHECK(is_one_error_line(before.err));
    CHECK(before.err.find("first observation is v1") != std::string::npos);
    CHECK(before.err.find("2014-03-19") != std::string::npos);
  }
  SUBCASE("--retrieved: plain dates are recorded as RFC 3339, the future is refused") {
    auto log = nlohmann::json::parse(h.run({"log", "p", "--format", "json"}).out);
    CHECK(log[0]["retrieved_at"] == "2014-03-19T00:00:00Z");
    std::string before = stet::test::tree_fingerprint(h.store);
    auto future = h.run({"ingest", "--doc", "p", older, "--retrieved", "2099-01-01T00:00:00Z"});
    CHECK(future.code == 2);
    CHECK(is_one_error_line(future.err));
    auto garbage = h.run({"ingest", "--doc", "p", older, "--retrieved", "yesterday"});
    CHECK(garbage.code == 2);
    CHECK(stet::test::tree_fingerprint(h.store) == before);
  }
}

TEST_CASE("cli history: a flip-flop A, B, A") {
  History h;
  std::string a = h.file("a.txt", "The service is free for everyone.\n");
  std::string b = h.file("b.txt", "The service is free for some.\n");
  REQUIRE(h.run({"ingest", "--doc", "t", a, b, a}).code == 0);
  CHECK(h.run({"show", "t"}).out == "The service is free for everyone.\n");
  CHECK(h.run({"show", "t@latest"}).out == "The service is free for everyone.\n");
  CHECK(h.run({"show", "t@latest~1"}).out == "The service is free for some.\n");
  CHECK(h.run({"show", "t@latest~2"}).out == "The service is free for everyone.\n");
  CHECK(h.run({"show", "t@first"}).out == "The service is free for everyone.\n");
  CHECK(h.run({"show", "t@2~1"}).out == "The service is free for everyone.\n");
  auto too_far = h.run({"show", "t@latest~3"});
  CHECK(too_far.code == 2);
  CHECK(too_far.err.find("before its first state") != std::string::npos);
  auto bad = h.run({"show", "t@latest~x"});
  CHECK(bad.code == 2);
  SUBCASE("diff DOC compares B with A") {
    auto diff = h.run({"diff", "t", "--format", "wdiff"});
    CHECK(diff.code == 1);
    CHECK(diff.out.find("[-some-]{+everyone+}") != std::string::npos);
  }
  SUBCASE("log shows the return") {
    auto log = h.run({"log", "t", "--oneline"});
    REQUIRE(log.code == 0);
    auto lines = split_lines(log.out);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].starts_with("v1  "));
    CHECK(lines[1].starts_with("v2  "));
    CHECK(lines[1].find("  new  +1 -1  ") != std::string::npos);
    CHECK(lines[2].starts_with("v1  "));
    CHECK(lines[2].find("  back  +1 -1  ") != std::string::npos);
    CHECK(h.run({"log", "t"}).out.find("back (after v2)") != std::string::npos);
  }
}

TEST_CASE("cli history: diff against a file, verify of an unknown document") {
  History h;
  std::string a = h.file("a.txt", "one two three\n");
  std::string copy = h.file("copy.txt", "one two four\n");
  REQUIRE(h.run({"ingest", "--doc", "d", a}).code == 0);
  auto forward = h.run({"diff", "d@1", copy, "--format", "wdiff"});
  CHECK(forward.code == 1);
  CHECK(forward.out.find("[-three-]{+four+}") != std::string::npos);
  auto backward = h.run({"diff", copy, "d@latest", "--format", "wdiff"});
  CHECK(backward.code == 1);
  CHECK(backward.out.find("[-four-]{+three+}") != std::string::npos);
  CHECK(h.run({"diff", "d@1", a, "--format", "wdiff"}).code == 0);
  auto unknown = h.run({"verify", "nope/doc"});
  CHECK(unknown.code == 2);
  CHECK(is_one_error_line(unknown.err));
  CHECK(h.run({"verify", "d"}).code == 0);
}

TEST_CASE("cli history: several bad inputs are named together, clashing ids refused") {
  History h;
  std::string good = h.file("good.txt", "fine text\n");
  std::string empty = h.file("empty.txt", "");
  REQUIRE(h.run({"ingest", good}).code == 0);
  std::string before = stet::test::tree_fingerprint(h.store);
  auto bad = h.run({"ingest", empty, good, (h.dir / "missing.txt").string()});
  CHECK(bad.code == 2);
  CHECK(is_one_error_line(bad.err));
  CHECK(bad.err.find("empty.txt") != std::string::npos);
  CHECK(bad.err.find("missing.txt") != std::string::npos);
  std::string x = h.file("x/terms.txt", "terms of x\n");
  std::string y = h.file("y/terms.txt", "terms of y\n");
  auto clash = h.run({"ingest", x, y});
  CHECK(clash.code == 2);
  CHECK(clash.err.find("x/terms.txt") != std::string::npos);
  CHECK(clash.err.find("y/terms.txt") != std::string::npos);
  CHECK(stet::test::tree_fingerprint(h.store) == before);
  CHECK(h.run({"ingest", x, y, "--doc", "x/terms", "--doc", "y/terms"}).code == 0);
}

TEST_CASE("cli history: ingest --manifest") {
  History h;
  h.file("caps/a1.txt", "first capture of a\n");
  h.file("caps/a2.txt", "second capture of a\n");
  h.file("caps/b.txt", "only capture of b\n");
  h.file("caps/empty.txt", "");
  SUBCASE("CSV: rows in any order, numbered by retrieved time, one commit") {
    std::string manifest = h.file("caps/m.csv",
                                  "path,doc,source,retrieved,title,author\n"
                                  "a2.txt,site/a,https://a.example/,2020-02-01,,\n"
                                  "a1.txt,site/a,https://a.example/,2019-01-01T12:00:00Z,\"A, first\",Ada\n"
                                  "b.txt,,\"quoted \"\"source\"\"\",,,\n");
    auto out = h.run({"ingest", "--manifest", manifest});
    REQUIRE(out.code == 0);
    CHECK(commits(h.store) == 2);
    CHECK(h.run({"show", "site/a@1"}).out == "first capture of a\n");
    CHECK(h.run({"show", "b"}).out == "only capture of b\n");
    auto log = nlohmann::json::parse(h.run({"log", "site/a", "--format", "json"}).out);
    CHECK(log[0]["title"] == "A, first");
    CHECK(log[0]["ingested_by"] == "Ada");
    auto b = nlohmann::json::parse(h.run({"log", "b", "--format", "json"}).out);
    CHECK(b[0]["source"] == "quoted \"source\"");
  }
  SUBCASE("JSON Lines") {
    std::string manifest = h.file("caps/m.jsonl",
                                  "{\"path\": \"a1.txt\", \"doc\": \"a\", \"retrieved\": \"2019-01-01\"}\n\n"
                                  "{\"path\": \"a2.txt\", \"doc\": \"a\", \"retrieved\": \"2018-01-01\"}\n");
    REQUIRE(h.run({"ingest", "--manifest", manifest}).code == 0);
    CHECK(h.run({"show", "a@1"}).out == "second capture of a\n");
  }
  SUBCASE("bad rows: all reported, nothing written; --skip-bad writes the good ones") {
    REQUIRE(h.run({"ingest", (h.dir / "caps/b.txt").string()}).code == 0);
    std::string manifest = h.file("caps/m.csv",
                                  "path,doc,retrieved\n"
                                  "a1.txt,a,2019-01-01\n"
                                  "empty.txt,e,\n"
                                  "nothere.txt,n,\n"
                                  "a2.txt,a,not-a-date\n"
                                  "a2.txt,Bad Id,\n");
    std::string before = stet::test::tree_fingerprint(h.store);
    auto bad = h.run({"ingest", "--manifest", manifest});
    CHECK(bad.code == 2);
    CHECK(is_one_error_line(bad.err));
    for (const char* part : {"line 3 (empty.txt)", "line 4 (nothere.txt)", "line 5 (a2.txt)", "line 6 (a2.txt)"}) {
      CAPTURE(part);
      CHECK(bad.err.find(part) != std::string::npos);
    }
    CHECK(stet::test::tree_fingerprint(h.store) == before);
    auto skip = h.run({"ingest", "--manifest", manifest, "--skip-bad"});
    CHECK(skip.code == 1);
    CHECK(skip.err.find("skipped line 3 (empty.txt)") != std::string::npos);
    CHECK(h.run({"show", "a"}).out == "first capture of a\n");
  }
}

TEST_CASE("cli history: log filters, -S and the store-wide log") {
  History h;
  std::string v1 = h.file("v1.txt", "We keep your data.\n");
  std::string v2 = h.file("v2.txt", "We keep your data\nfor “thirty days”.\n");
  std::string v3 = h.file("v3.txt", "We delete your data.\n");
  std::string v4 = h.file("v4.txt", "We delete your data. We keep logs for \"thirty\ndays\".\n");
  REQUIRE(h.run({"ingest", "--doc", "p", v1, "--retrieved", "2018-01-01"}).code == 0);
  REQUIRE(h.run({"ingest", "--doc", "p", v2, "--retrieved", "2019-01-01"}).code == 0);
  REQUIRE(h.run({"ingest", "--doc", "p", v3, "--retrieved", "2020-01-01"}).code == 0);
  REQUIRE(h.run({"ingest", "--doc", "p", v4, "--retrieved", "2021-01-01"}).code == 0);
  REQUIRE(h.run({"ingest", "--doc", "q", v1, "--retrieved", "2019-06-01"}).code == 0);
  auto lines = [&](std::vector<std::string> args) { return split_lines(h.run(args).out); };
  CHECK(lines({"log", "p", "--oneline"}).size() == 4);
  CHECK(lines({"log", "p", "--oneline", "--since", "2019-01-01", "--until", "2020-01-01"}).size() == 2);
  CHECK(lines({"log", "p", "--oneline", "--until", "2019-01-01"}).size() == 2);
  auto last = lines({"log", "p", "--oneline", "-n", "1"});
  REQUIRE(last.size() == 1);
  CHECK(last[0].starts_with("v4  "));
  SUBCASE("-S: appeared, went, came back, through quotes and line breaks") {
    auto pick = lines({"log", "p", "--oneline", "-S", "\"thirty days\""});
    REQUIRE(pick.size() == 3);
    CHECK(pick[0].starts_with("v2  "));
    CHECK(pick[1].starts_with("v3  "));
    CHECK(pick[2].starts_with("v4  "));
    CHECK(lines({"log", "p", "--oneline", "-S", "Thirty Days"}).size() == 3);
    CHECK(lines({"log", "p", "--oneline", "-S", "thirty day"}).empty());
  }
  SUBCASE("the store-wide log: every document, the same order") {
    auto all = lines({"log"});
    REQUIRE(all.size() == 5);
    CHECK(all[0].starts_with("p@1  "));
    CHECK(all[1].starts_with("p@2  "));
    CHECK(all[2].starts_with("q@1  "));
    CHECK(all[3].starts_with("p@3  "));
    CHECK(lines({"log", "--since", "2020-01-01"}).size() == 2);
    auto json = nlohmann::json::parse(h.run({"log", "--format", "json", "-n", "2"}).out);
    REQUIRE(json.size() == 2);
    CHECK(json[1]["doc"] == "p");
    CHECK(json[1]["version"] == 4);
  }
  CHECK(h.run({"log", "p", "--since", "soon"}).code == 2);
}

TEST_SUITE_END();
