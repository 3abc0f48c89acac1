// End to end: the commands share one truncation judgement (check, log,
// diff --format stat), the store's evidence about endings, and the
// dictionary signal's absence.
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

TEST_SUITE_BEGIN("e2e");

using stet::test::run_binary;
using stet::test::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string k_body =
    "We keep the data you give us safe, and we never sell it.\n\nYou can ask us to delete it at any time.\n";

void ingest_file(const std::string& store, const std::string& doc, const fs::path& file) {
  auto r = run_binary({"--store", store, "ingest", "--doc", doc, file.string()});
  REQUIRE(r.code == 0);
}

bool has_reason(const nlohmann::json& check, const std::string& code) {
  const auto& reasons = check["reasons"];
  return std::any_of(reasons.begin(), reasons.end(), [&](const nlohmann::json& r) { return r["code"] == code; });
}

}  // namespace

TEST_CASE("cli: a later capture that drops page chrome is complete everywhere, with a note") {
  TempDir dir;
  std::string store = (dir / "store").string();
  ingest_file(store, "site/privacy", dir.write("v1.txt", k_body + "\nLike this:\nLike Loading...\n"));
  ingest_file(store, "site/privacy", dir.write("v2.txt", k_body));

  auto check = run_binary({"--store", store, "check", "--doc", "site/privacy@2", "--format", "json"});
  CHECK(check.code == 0);
  auto json = nlohmann::json::parse(check.out)[0];
  CHECK(json["verdict"] == "complete");
  CHECK(json["measured_against"]["relation"] == "shorter-than");
  CHECK(json["missing_content"] == false);
  CHECK(json["missing_words"] == 4);

  auto log = run_binary({"--store", store, "log", "site/privacy"});
  CHECK(log.out.find("[truncated]") == std::string::npos);
  CHECK(log.out.find("check      shorter than v1: drops 'Like this: Like Loading...' (4 words, not content)") !=
        std::string::npos);

  auto stat = run_binary({"--store", store, "diff", "site/privacy", "1", "2", "--format", "stat"});
  CHECK(stat.out.find("truncation ") == std::string::npos);
  CHECK(stat.out.find("shorter         B is shorter and ends cleanly, not a cut: A goes on with 'Like this: Like "
                      "Loading...' (4 words, not content)") != std::string::npos);
}

TEST_CASE("cli: diff --format stat and check agree on real consecutive revisions") {
  auto history = stet::test::corpus_or_skip("history", "index.tsv");
  if (!history) {
    return;
  }
  TempDir dir;
  std::string store = (dir / "store").string();
  fs::path doc_dir = *history / "wpcom-privacy-policy";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(doc_dir)) {
    if (e.path().extension() == ".txt") {
      files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 6);
  files.resize(6);
  for (const fs::path& f : files) {
    ingest_file(store, "wpcom/privacy", f);
  }
  // A capture cut inside the last revision's text, as a seventh version.
  std::string last = stet::test::read_file(files.back());
  ingest_file(store, "wpcom/privacy", dir.write("cut.txt", last.substr(0, last.size() * 2 / 3)));
  auto checks = nlohmann::json::parse(run_binary({"--store", store, "log", "wpcom/privacy", "--format", "json"}).out);
  REQUIRE(checks.size() >= 6);
  std::size_t cut_pairs = 0;
  for (std::size_t v = 1; v < checks.size(); ++v) {
    CAPTURE(v);
    auto stat = run_binary(
        {"--store", store, "diff", "wpcom/privacy", std::to_string(v), std::to_string(v + 1), "--format", "stat"});
    bool a_cut = stat.out.find("truncation      A stops") != std::string::npos;
    bool b_cut = stat.out.find("truncation      B stops") != std::string::npos;
    if (a_cut || b_cut) {
      ++cut_pairs;
      CHECK(checks[a_cut ? v - 1 : v]["verdict"] == "truncated");
    }
    if (checks[v - 1]["verdict"] == "complete" && checks[v]["verdict"] == "complete") {
      CHECK_FALSE((a_cut || b_cut));
    }
  }
  CHECK(cut_pairs >= 1);  // the cut capture against the revision it was cut from
  CHECK(checks.back()["verdict"] == "truncated");
}

TEST_CASE("cli: a last line that ends many documents of the store is boilerplate") {
  TempDir dir;
  std::string store = (dir / "store").string();
  std::string footer = "Posted by the editorial team of the example newsroom for our readers at home\n";
  auto file = dir.write("doc.txt", "Our newsroom reports on the city.\n\n" + footer);
  ingest_file(store, "news/a", file);
  auto alone =
      nlohmann::json::parse(run_binary({"--store", store, "check", "--doc", "news/a", "--format", "json"}).out);
  CHECK(alone[0]["verdict"] == "truncated");
  for (const std::string name : {"b", "c", "d"}) {
    ingest_file(store, "news/" + name,
                dir.write(name + ".txt", "A story about " + name + " happened today.\n\n" + footer));
  }
  auto check = run_binary({"--store", store, "check", "--doc", "news/a", "--format", "json"});
  CHECK(check.code == 0);
  auto json = nlohmann::json::parse(check.out)[0];
  CHECK(json["verdict"] == "complete");
  CHECK(has_reason(json, "ends-with-boilerplate"));
}

TEST_CASE("cli: without a dictionary the cut-word signal is skipped, never an error") {
  TempDir dir;
  std::string text =
      "Der Unternehmer darf einen Arbeitnehmer nicht benachteiligen, weil dieser die Rechte nach diesem Gesetz "
      "in Anspruch nimmt. Die Frist für den Antrag beginnt nicht mit dem Tag der Zustellung.\n\nDer Arbeitgebe";
  auto file = dir.write("gesetz.txt", text).string();
  auto none =
      run_binary({"check", "--format", "json", file}, "", {}, {{"STET_DICTIONARY_DIR", (dir / "none").string()}});
  CHECK(none.code != 2);
  CHECK(none.err.empty());
  auto json = nlohmann::json::parse(none.out)[0];
  CHECK(json["reasons"].dump().find("dictionary") == std::string::npos);
  if (fs::exists("/usr/share/hunspell/de_DE.dic")) {
    auto with = nlohmann::json::parse(run_binary({"check", "--format", "json", file}).out)[0];
    CHECK(with["verdict"] == "truncated");
    CHECK(with["reasons"].dump().find("the de dictionary") != std::string::npos);
  }
}

TEST_SUITE_END();
