// Crash tests: real `stet ingest` and `stet init` processes killed with
// SIGKILL at random moments and at fixed points (STET_TEST_CRASH_AT); after
// each kill the store passes `git fsck` and the store API finds every
// version whose ingest reported success. See docs/reliability.md.

#include "support/child.hpp"
#include "support/ingest_jobs.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include "store/content_store.hpp"
#include "store/digest.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <random>

TEST_SUITE_BEGIN("e2e");

namespace fs = std::filesystem;
using stet::test::env_int;
using stet::test::IngestJob;
using stet::test::Planned;
using stet::test::run_binary;
using stet::test::TempDir;

namespace {

std::string init_store(const fs::path& store) {
  auto result = run_binary({"--store", store.string(), "init"});
  REQUIRE(result.code == 0);
  return store.string();
}

// The ingests of one crash test: what was launched, what was acknowledged.
struct Ledger {
  std::vector<Planned> acknowledged;
  std::set<std::pair<std::string, std::string>> launched;
  std::vector<Planned> contents;  // every planned item, for same-bytes reuse
  int runs = 0;
  int acknowledged_runs = 0;
  int killed = 0;
  int sequence = 0;
};

std::vector<Planned> plan_items(std::mt19937& rng, Ledger& ledger, int round, int slot) {
  std::vector<Planned> items;
  int kind = static_cast<int>(rng() % 8);
  int count = kind == 0 ? 10 : 1;  // 10 inputs take the pack path
  for (int i = 0; i < count; ++i) {
    Planned item;
    if (kind == 1 && !ledger.contents.empty()) {
      item = ledger.contents[rng() % ledger.contents.size()];  // same bytes again
    } else {
      item.doc =
          count > 1 ? "batch-" + std::to_string(i) : (rng() % 2 == 0 ? "shared" : "slot-" + std::to_string(slot));
      item.content = "Round " + std::to_string(round) + ", slot " + std::to_string(slot) + ", ingest " +
                     std::to_string(ledger.sequence++) + ".\nThe minister said " + std::to_string(rng()) + " words.\n";
    }
    ledger.launched.insert({item.doc, stet::store::sha256(item.content).hex()});
    ledger.contents.push_back(item);
    items.push_back(std::move(item));
  }
  return items;
}

// Records the result of a finished job; a failure other than our SIGKILL
// is a spurious error and fails the test.
void harvest(IngestJob& job, Ledger& ledger, bool killed_by_us) {
  int code = *job.child().poll();
  if (job.acknowledged()) {
    ++ledger.acknowledged_runs;
    ledger.acknowledged.insert(ledger.acknowledged.end(), job.items().begin(), job.items().end());
    return;
  }
  if (killed_by_us && code == 137) {
    ++ledger.killed;
    return;
  }
  FAIL("an ingest failed on its own (code " << code << "): " << job.error_output());
}

void run_round(const fs::path& work, const fs::path& store, std::mt19937& rng, Ledger& ledger, int round) {
  constexpr int k_slots = 3;
  auto kill_at = std::chrono::steady_clock::now() + std::chrono::milliseconds(20 + rng() % 1000);
  std::vector<std::unique_ptr<IngestJob>> jobs(k_slots);
  while (std::chrono::steady_clock::now() < kill_at) {
    std::vector<stet::test::Child*> running;
    for (int s = 0; s < k_slots; ++s) {
      auto& job = jobs[static_cast<std::size_t>(s)];
      if (job && job->child().poll()) {
        harvest(*job, ledger, false);
        job.reset();
      }
      if (!job) {
        std::string name = "r" + std::to_string(round) + "-" + std::to_string(ledger.runs++);
        job = std::make_unique<IngestJob>(work, store, name, plan_items(rng, ledger, round, s));
      }
      running.push_back(&job->child());
    }
    stet::test::wait_for_any(running, kill_at);
  }
  for (auto& job : jobs) {
    bool was_running = !job->child().poll();
    job->child().kill_and_reap();
    harvest(*job, ledger, was_running);
  }
}

void require_valid(const fs::path& store, const Ledger& ledger) {
  auto check = stet::test::check_store(store, ledger.acknowledged, ledger.launched);
  CAPTURE(check.fsck_output);
  CAPTURE(check.verify_output);
  CAPTURE(check.missing.size());
  CAPTURE(check.unexpected.size());
  REQUIRE(check.ok());
  REQUIRE(check.found == ledger.acknowledged.size());
}

}  // namespace

TEST_CASE("crash: ingest loops killed with SIGKILL at random moments") {
  int rounds = env_int("STET_CRASH_ROUNDS", 20);
  unsigned seed = static_cast<unsigned>(env_int("STET_CRASH_SEED", static_cast<int>(std::random_device{}() >> 1)));
  CAPTURE(seed);
  std::mt19937 rng(seed);
  TempDir dir;
  fs::path store = init_store(dir / "store");
  fs::create_directories(dir / "work");
  Ledger ledger;
  for (int round = 0; round < rounds; ++round) {
    CAPTURE(round);
    run_round(dir / "work", store, rng, ledger, round);
    require_valid(store, ledger);
  }
  auto after = run_binary({"--store", store.string(), "ingest", "-", "--doc", "after-the-crashes"}, "Still works.\n");
  CHECK(after.code == 0);
  MESSAGE("crash figures: seed " << seed << ", " << rounds << " rounds, " << ledger.runs << " ingest processes, "
                                 << ledger.killed << " killed mid-run, " << ledger.acknowledged_runs
                                 << " acknowledged with " << ledger.acknowledged.size() << " versions, all found");
  CHECK(ledger.acknowledged_runs > 0);
  CHECK(ledger.killed > 0);
}

namespace {

std::vector<Planned> numbered_items(int count, const std::string& tag) {
  std::vector<Planned> items;
  for (int i = 0; i < count; ++i) {
    items.push_back({"fixed-" + std::to_string(i), "Text " + tag + " of part " + std::to_string(i) + ".\n"});
  }
  return items;
}

std::set<std::pair<std::string, std::string>> launched_of(const std::vector<Planned>& items) {
  std::set<std::pair<std::string, std::string>> launched;
  for (const Planned& item : items) {
    launched.insert({item.doc, stet::store::sha256(item.content).hex()});
  }
  return launched;
}

}  // namespace

TEST_CASE("crash: ingest killed at fixed points (STET_TEST_CRASH_AT)") {
  const std::vector<std::string> points = {"after-objects", "after-commit-object", "before-ref-update",
                                           "after-ref-update"};
  for (const std::string& point : points) {
    for (int count : {1, 10}) {  // loose objects and one pack
      CAPTURE(point);
      CAPTURE(count);
      TempDir dir;
      fs::path store = init_store(dir / "store");
      fs::create_directories(dir / "work");
      auto base = numbered_items(count, "base");
      {
        IngestJob job(dir / "work", store, "base", base);
        REQUIRE(job.child().wait() == 0);
      }
      auto next = numbered_items(count, "next");
      IngestJob crashed(dir / "work", store, "crashed", next, {{"STET_TEST_CRASH_AT", point}});
      REQUIRE(crashed.child().wait() == 137);
      auto launched = launched_of(base);
      launched.merge(launched_of(next));
      auto check = stet::test::check_store(store, base, launched);
      CAPTURE(check.fsck_output);
      CAPTURE(check.verify_output);
      REQUIRE(check.ok());
      bool committed = point == "after-ref-update";
      CHECK(check.stored == static_cast<std::size_t>(committed ? 2 * count : count));
      IngestJob again(dir / "work", store, "again", next);
      REQUIRE(again.child().wait() == 0);
      CHECK(again.acknowledged());
      base.insert(base.end(), next.begin(), next.end());
      auto after = stet::test::check_store(store, base, launched);
      CHECK(after.ok());
      CHECK(after.stored == static_cast<std::size_t>(2 * count));
    }
  }
}

TEST_CASE("crash: a stale branch lock of a dead process is cleared") {
  TempDir dir;
  fs::path store = init_store(dir / "store");
  fs::path lock = store / "refs" / "heads" / "main.lock";
  dir.write("store/refs/heads/main.lock", "0000000000000000000000000000000000000000\n");
  fs::last_write_time(lock, fs::file_time_type::clock::now() - std::chrono::minutes(5));
  auto result = run_binary({"--store", store.string(), "ingest", "-", "--doc", "after-lock"}, "Text.\n");
  CHECK(result.code == 0);
  CHECK_FALSE(fs::exists(lock));
}

TEST_CASE("crash: init killed at fixed points leaves no store or a valid one") {
  for (std::string point : {"init-after-git-init", "init-before-rename", "init-after-rename"}) {
    CAPTURE(point);
    TempDir dir;
    fs::path store = dir / "store";
    auto killed = run_binary({"--store", store.string(), "init"}, "", {}, {{"STET_TEST_CRASH_AT", point}});
    REQUIRE(killed.code == 137);
    bool exists = fs::exists(store);
    CHECK(exists == (point == "init-after-rename"));
    if (exists) {
      CHECK(stet::test::check_store(store, {}, {}).ok());
    }
    auto ingest = run_binary({"--store", store.string(), "ingest", "-", "--doc", "first"}, "First text.\n");
    CHECK(ingest.code == 0);
    Planned first{"first", "First text.\n"};
    CHECK(stet::test::check_store(store, {first}, launched_of({first})).ok());
  }
}

TEST_SUITE_END();
