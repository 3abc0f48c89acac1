#pragma once
// Background `stet ingest` processes for the crash and concurrency tests,
// and the check that a store holds every version an ingest acknowledged.

#include "support/child.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace stet::test {

// One document an ingest is asked to record.
struct Planned {
  std::string doc;
  std::string content;
};

// One `stet --store S ingest f... --doc d...` run as a real child process.
class IngestJob {
 public:
  // Writes the inputs below `work` (as `<name>-<i>.txt`) and starts the
  // binary; `env` is added to the child's environment.
  IngestJob(const std::filesystem::path& work, const std::filesystem::path& store, const std::string& name,
            std::vector<Planned> items, const std::map<std::string, std::string>& env = {});

  [[nodiscard]] Child& child() { return *m_child; }
  [[nodiscard]] const std::vector<Planned>& items() const { return m_items; }
  // REQUIRES: the child has ended. True when it reported success: it printed
  // one line `doc@N  <sha12>  new|unchanged` per item, in order.
  [[nodiscard]] bool acknowledged() const;
  [[nodiscard]] std::string error_output() const;

 private:
  std::filesystem::path m_out;
  std::filesystem::path m_err;
  std::vector<Planned> m_items;
  std::unique_ptr<Child> m_child;
};

struct StoreCheck {
  int fsck_code = -1;
  std::string fsck_output;
  int verify_code = -1;  // `stet verify`: 0 when it has no findings
  std::string verify_output;
  std::size_t found = 0;                // acknowledged versions present with their exact bytes
  std::vector<std::string> missing;     // acknowledged versions absent ("doc sha")
  std::vector<std::string> unexpected;  // stored versions nobody asked for
  std::size_t stored = 0;               // versions in the store
  [[nodiscard]] bool ok() const { return fsck_code == 0 && verify_code == 0 && missing.empty() && unexpected.empty(); }
};

// Runs `git fsck --full --strict` and `stet verify` on `store`, opens it through the store
// API and checks that every `acknowledged` version is present byte for byte
// and that every stored version is one of `launched` (doc, sha256 hex).
[[nodiscard]] StoreCheck check_store(const std::filesystem::path& store, const std::vector<Planned>& acknowledged,
                                     const std::set<std::pair<std::string, std::string>>& launched);

}  // namespace stet::test
