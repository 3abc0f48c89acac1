#pragma once
// Auditing a store: re-reads every object reachable from its refs, re-checks
// every version against its SHA-256 and records, and checks that the history
// only ever added. Results are plain values (see docs/audit.md).

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace stet::store {

// One version a finding affects. `number` is 0 when it cannot be known (the
// records that number it are unreadable); other fields may be empty likewise.
struct AffectedVersion {
  std::string doc;
  int number = 0;
  std::string sha256;     // hex, full; render a prefix
  std::string object_id;  // git blob id of the content (hex)
};

// Stable, machine-readable kinds of finding.
enum class FindingKind {
  object_corrupt,       // an object cannot be inflated, or its id does not match its bytes
  object_missing,       // a referenced object is absent
  content_mismatch,     // a version's bytes do not hash to its folder name
  record_invalid,       // a record file does not parse or is misplaced
  record_mismatch,      // a record disagrees with its path, content or name
  chain_broken,         // `previous` does not name an earlier version of the same document
  layout_invalid,       // something in the tree that a store never writes
  history_changed,      // a commit changed a version, record or store file
  history_removed,      // a commit removed a version, record or store file
  ref_problem,          // the branch is missing or points at something unreadable
  checkpoint_mismatch,  // the store no longer holds the checkpointed history
  checkpoint_signature  // the checkpoint's signature does not verify
};

// The kebab-case name of `kind`, e.g. "object-corrupt".
[[nodiscard]] std::string finding_kind_name(FindingKind kind);

struct Finding {
  FindingKind kind = FindingKind::object_corrupt;
  std::string message;    // one line: what is wrong
  std::string object_id;  // the object at fault, when there is one
  std::string commit;     // the commit at fault (history findings)
  std::string path;       // path inside the store's tree, when known
  std::vector<AffectedVersion> affected;
  std::string hint;  // one line: what to do
};

struct AuditProgress {
  std::string phase;  // "history", "versions", "objects"
  std::size_t done = 0;
  std::size_t total = 0;
};

struct AuditOptions {
  // Only these documents (their versions and their paths in the history);
  // empty: the whole store. Store-wide checks (refs, commits) always run.
  std::vector<std::string> docs;
  // Called now and then; must not throw.
  std::function<void(const AuditProgress&)> progress;
};

struct AuditCounts {
  std::size_t refs = 0;
  std::size_t commits = 0;
  std::size_t objects = 0;  // distinct objects read in full
  std::size_t documents = 0;
  std::size_t versions = 0;
  std::size_t records = 0;
  std::size_t bytes = 0;  // inflated bytes read
};

struct AuditReport {
  std::string head;  // the branch's commit (hex), empty if unreadable
  AuditCounts counts;
  std::vector<Finding> findings;
  std::vector<std::string> not_proven;  // what this run could not establish
};

// Audits the store at `path`. Every loose object is read and inflated by
// stet itself (bounded: a truncated object cannot hang the run); packed ones
// through libgit2 with the id re-checked. Throws NotAStoreError when `path`
// is not a store, Error when the audit itself cannot run (an unreadable
// folder); damage inside the store is reported as findings, never thrown.
[[nodiscard]] AuditReport audit_store(const std::filesystem::path& path, const AuditOptions& options = {});

// One record file of a store: the unit checkpoints commit to.
struct RecordLeaf {
  std::string doc;
  std::string sha256;       // the version's SHA-256 (hex)
  std::string ingested_at;  // as the digits of the file name (they sort in time order)
  std::string name;         // the record file's name
  std::string bytes;        // the record file's exact bytes
};

// Every record in the tree of `commit` (hex; empty: the branch head) in
// ingest order: by ingested_at, then document, then file name. nullopt when
// the commit is not in the store. Throws Error when it cannot be read.
[[nodiscard]] std::optional<std::vector<RecordLeaf>> record_leaves(const std::filesystem::path& path,
                                                                   const std::string& commit = "");

// The commit (hex) the store's branch points at; empty when there is none.
// Throws NotAStoreError when `path` is not a git repository.
[[nodiscard]] std::string branch_head(const std::filesystem::path& path);

// True when commit `ancestor` is `descendant` or one of its ancestors
// (hex ids); false also when either is absent. Throws Error on damage.
[[nodiscard]] bool is_ancestor(const std::filesystem::path& path, const std::string& ancestor,
                               const std::string& descendant);

}  // namespace stet::store
