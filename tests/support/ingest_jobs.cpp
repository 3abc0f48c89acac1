#include "support/ingest_jobs.hpp"

#include "store/content_store.hpp"
#include "store/digest.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <fstream>
#include <sstream>

namespace stet::test {

namespace fs = std::filesystem;

IngestJob::IngestJob(const fs::path& work, const fs::path& store, const std::string& name, std::vector<Planned> items,
                     const std::map<std::string, std::string>& env)
    : m_out(work / (name + ".out")), m_err(work / (name + ".err")), m_items(std::move(items)) {
  std::vector<std::string> argv = {stet_binary().string(), "--store", store.string(), "ingest"};
  for (std::size_t i = 0; i < m_items.size(); ++i) {
    fs::path input = work / (name + "-" + std::to_string(i) + ".txt");
    std::ofstream(input, std::ios::binary) << m_items[i].content;
    argv.push_back(input.string());
  }
  for (const Planned& item : m_items) {
    argv.push_back("--doc");
    argv.push_back(item.doc);
  }
  std::map<std::string, std::string> full_env = {{"STET_AUTHOR", "Crash Test <crash@example.org>"}};
  full_env.insert(env.begin(), env.end());
  m_child = std::make_unique<Child>(argv, m_out, m_err, full_env);
}

bool IngestJob::acknowledged() const {
  std::error_code ec;
  if (!fs::exists(m_out, ec)) {
    return false;  // killed before it even opened its output
  }
  std::istringstream lines(read_file(m_out));
  std::string line;
  for (const Planned& item : m_items) {
    if (!std::getline(lines, line)) {
      return false;
    }
    std::string sha12 = store::sha256(item.content).hex().substr(0, 12);
    if (!line.starts_with(item.doc + "@") || line.find("  " + sha12 + "  ") == std::string::npos) {
      return false;
    }
  }
  return true;
}

std::string IngestJob::error_output() const {
  std::error_code ec;
  return fs::exists(m_err, ec) ? read_file(m_err) : std::string();
}

namespace {

void find_acknowledged(const store::ContentStore& opened, const std::vector<Planned>& acknowledged, StoreCheck& check) {
  for (const Planned& item : acknowledged) {
    auto sha = store::sha256(item.content);
    auto bytes = opened.content(item.doc, sha);
    if (bytes && *bytes == item.content) {
      ++check.found;
    } else {
      check.missing.push_back(item.doc + " " + sha.hex());
    }
  }
}

void find_unexpected(const store::ContentStore& opened, const std::set<std::pair<std::string, std::string>>& launched,
                     StoreCheck& check) {
  for (const store::DocumentSummary& doc : opened.documents()) {
    for (const store::Version& version : opened.history(doc.id).value_or(std::vector<store::Version>{})) {
      ++check.stored;
      if (!launched.contains({doc.id, version.sha256.hex()})) {
        check.unexpected.push_back(doc.id + " " + version.sha256.hex());
      }
    }
  }
}

}  // namespace

StoreCheck check_store(const fs::path& store, const std::vector<Planned>& acknowledged,
                       const std::set<std::pair<std::string, std::string>>& launched) {
  StoreCheck check;
  auto fsck = run_program({"git", "--git-dir=" + store.string(), "fsck", "--full", "--strict", "--no-progress"});
  check.fsck_code = fsck.code;
  check.fsck_output = fsck.out + fsck.err;
  auto verify = run_binary({"--store", store.string(), "verify"});
  check.verify_code = verify.code;
  check.verify_output = verify.out + verify.err;
  auto opened = store::ContentStore::open(store);
  find_acknowledged(opened, acknowledged, check);
  find_unexpected(opened, launched, check);
  return check;
}

}  // namespace stet::test
