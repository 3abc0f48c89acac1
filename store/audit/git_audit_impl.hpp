#pragma once
// (private) The audit's state and its passes, shared by git_audit*.cpp:
// the commit walk (git_audit.cpp), the "only adds" history check
// (git_audit_history.cpp) and the per-version checks (git_audit_versions.cpp).

#include "audit/git_audit_objects.hpp"
#include "store/audit.hpp"
#include "store/version.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace stet::store::audit {

using Tree = std::vector<TreeEntry>;
using TreePtr = std::shared_ptr<const Tree>;

// A path inside the tree, split: docs/<aa>/<bb>/<doc>/_versions/<sha>/<file>.
struct VersionPath {
  std::string doc;
  std::string sha;   // empty above a version folder
  std::string file;  // empty above a file
};

// "a/b/c" -> {"a", "b", "c"}.
[[nodiscard]] std::vector<std::string> split_path(const std::string& path);

// Nullopt when `path` is not at or below a document folder.
[[nodiscard]] std::optional<VersionPath> parse_version_path(const std::string& path);

struct SeenRecord {
  Record record;
  std::string path;
};

// What the version pass learned about one version folder.
struct SeenVersion {
  std::string sha;
  std::string content_id;
  std::vector<SeenRecord> records;
  std::string earliest;            // the earliest ingested_at among its records
  std::vector<std::string> texts;  // hex SHA-256 of each text-<sha256> file present
};

// The timeline number (see store/timeline.hpp) of each version folder,
// given its name and its readable records; a version without records has none.
[[nodiscard]] std::map<std::string, int> timeline_numbers(
    const std::vector<std::pair<std::string, std::vector<Record>>>& versions);

// A finding about version `sha` of `doc`.
[[nodiscard]] Finding version_finding(FindingKind kind, const std::string& doc, const std::string& sha,
                                      std::string message, std::string hint, std::string path);

struct CommitNode {
  git_oid id{};
  std::optional<CommitInfo> info;  // nullopt: unreadable
};

class Auditor {
 public:
  Auditor(git_repository* repo, const std::filesystem::path& objects_dir, const AuditOptions& options);

  // The passes, in the order audit_store runs them.
  void walk_history(const std::vector<git_oid>& tips);
  void check_versions(const git_oid& root_tree);
  void check_pending_blobs();
  AuditReport finish();

  void add(Finding finding) { m_report.findings.push_back(std::move(finding)); }
  [[nodiscard]] AuditReport& report() { return m_report; }

  // A commit's header; nullopt (and one finding) when unreadable.
  [[nodiscard]] std::optional<CommitInfo> commit(const git_oid& id);
  // A tree, read once and cached; nullptr (and one finding) when unreadable.
  [[nodiscard]] TreePtr tree(const git_oid& id, const std::string& path);
  // A blob's bytes; nullopt (and one finding) when unreadable.
  [[nodiscard]] std::optional<std::string> blob(const git_oid& id, const std::string& path);
  [[nodiscard]] bool in_scope(const std::string& path) const;

 private:
  void diff_trees(const git_oid* old_tree, const git_oid& new_tree, const std::string& path, const CommitNode& commit,
                  const git_oid* parent_root);
  void report_removed(const TreeEntry& entry, const std::string& path, const CommitNode& commit,
                      const git_oid& parent_root);
  void report_changed(const TreeEntry& old_entry, const std::string& path, const CommitNode& commit,
                      const git_oid& parent_root);
  void collect_versions(const TreeEntry& entry, const std::string& path, std::vector<AffectedVersion>& out);
  void object_finding(const git_oid& id, const RawObject& object, const std::string& path);
  void check_document(const git_oid& versions_tree, const std::string& doc, const std::string& path);
  void check_version(const git_oid& id, const std::string& doc, const std::string& vpath, SeenVersion& seen);
  [[nodiscard]] std::optional<std::size_t> check_content(const TreeEntry& file, const std::string& doc,
                                                         const std::string& fpath, SeenVersion& seen);
  void check_record(const TreeEntry& file, const std::string& doc, const std::string& fpath, SeenVersion& seen);
  void check_text(const TreeEntry& file, const std::string& doc, const std::string& fpath, SeenVersion& seen);
  void check_text_references(const std::string& doc, const std::string& vpath, const SeenVersion& seen);
  void check_chain(const std::string& doc, std::vector<SeenVersion>& versions);
  void walk_shards(const git_oid& id, const std::string& path, int depth);
  void progress(const char* phase, std::size_t done, std::size_t total);
  [[nodiscard]] int number_in(const git_oid& root, const std::string& doc, const std::string& sha);
  void fill_numbers();

  git_repository* m_repo;
  ObjectReader m_reader;
  const AuditOptions& m_options;
  std::vector<std::string> m_scope;  // versions_dir of each requested document
  AuditReport m_report;
  std::unordered_map<git_oid, TreePtr, OidHash, OidEqual> m_trees;
  std::size_t m_cached_entries = 0;
  std::unordered_map<git_oid, std::optional<CommitInfo>, OidHash, OidEqual> m_commits;
  std::unordered_set<git_oid, OidHash, OidEqual> m_bad;
  std::unordered_set<git_oid, OidHash, OidEqual> m_blobs_ok;
  std::unordered_map<git_oid, std::string, OidHash, OidEqual> m_pending;   // blob -> a path naming it
  std::map<std::pair<std::string, std::string>, AffectedVersion> m_known;  // (doc, sha) -> numbered version
  std::unordered_set<git_oid, OidHash, OidEqual> m_checked_roots;
};

}  // namespace stet::store::audit
