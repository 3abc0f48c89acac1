// What checkpoints are built from: the record files of a commit in ingest
// order, and ancestry between commits. Reads go through the audit's bounded
// reader, so a damaged store cannot hang `stet checkpoint` either.

#include "audit/git_audit_impl.hpp"
#include "format/layout.hpp"
#include "store/error.hpp"

#include <algorithm>
#include <deque>

namespace stet::store {

namespace fs = std::filesystem;
using audit::TreePtr;

namespace {

struct OpenedStore {
  git::Session session;
  git::git_repository_ptr repo;
  AuditOptions options;
  std::unique_ptr<audit::Auditor> auditor;
};

std::unique_ptr<OpenedStore> open_for_reading(const fs::path& path) {
  auto opened = std::make_unique<OpenedStore>();
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, path.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) < 0) {
    throw NotAStoreError("not a stet store: " + path.string() + " is not a git repository");
  }
  opened->repo.reset(raw);
  opened->auditor =
      std::make_unique<audit::Auditor>(raw, fs::path(git_repository_commondir(raw)) / "objects", opened->options);
  return opened;
}

void throw_on_findings(audit::Auditor& auditor) {
  if (!auditor.report().findings.empty()) {
    throw Error("the store is damaged (" + auditor.report().findings.front().message + "); run stet verify");
  }
}

std::optional<git_oid> resolve(git_repository* repo, const std::string& commit) {
  git_oid id;
  if (commit.empty()) {
    int rc = git_reference_name_to_id(&id, repo, std::string(layout::k_branch).c_str());
    if (rc == GIT_ENOTFOUND) {
      return std::nullopt;
    }
    git::check(rc, "cannot read the store's branch");
    return id;
  }
  if (commit.size() != GIT_OID_HEXSZ || git_oid_fromstrn(&id, commit.data(), commit.size()) < 0) {
    return std::nullopt;
  }
  return id;
}

void collect(audit::Auditor& auditor, const git_oid& id, const std::string& path, std::vector<RecordLeaf>& out) {
  TreePtr tree = auditor.tree(id, path);
  for (const audit::TreeEntry& e : tree ? *tree : audit::Tree{}) {
    std::string child = path.empty() ? e.name : path + "/" + e.name;
    auto where = audit::parse_version_path(child);
    if (e.is_tree()) {
      collect(auditor, e.id, child, out);
    } else if (where && !where->file.empty() && where->file.ends_with(".json")) {
      auto bytes = auditor.blob(e.id, child);
      std::string stamp = where->file.substr(0, where->file.find('Z'));
      out.push_back({where->doc, where->sha, stamp, where->file, bytes.value_or("")});
    }
  }
}

}  // namespace

std::optional<std::vector<RecordLeaf>> record_leaves(const fs::path& path, const std::string& commit) {
  auto opened = open_for_reading(path);
  auto id = resolve(opened->repo.get(), commit);
  if (!id) {
    return std::nullopt;
  }
  git_odb* raw_odb = nullptr;
  git::check(git_repository_odb(&raw_odb, opened->repo.get()), "cannot open the object database");
  git::git_odb_ptr odb(raw_odb);
  if (git_odb_exists(odb.get(), &*id) == 0) {
    return std::nullopt;
  }
  auto info = opened->auditor->commit(*id);
  throw_on_findings(*opened->auditor);
  std::vector<RecordLeaf> leaves;
  collect(*opened->auditor, info->tree, "", leaves);
  throw_on_findings(*opened->auditor);
  std::sort(leaves.begin(), leaves.end(), [](const RecordLeaf& a, const RecordLeaf& b) {
    return std::tie(a.ingested_at, a.doc, a.name) < std::tie(b.ingested_at, b.doc, b.name);
  });
  return leaves;
}

std::string branch_head(const fs::path& path) {
  auto opened = open_for_reading(path);
  auto id = resolve(opened->repo.get(), "");
  return id ? audit::hex(*id) : std::string();
}

bool is_ancestor(const fs::path& path, const std::string& ancestor, const std::string& descendant) {
  auto opened = open_for_reading(path);
  auto target = resolve(opened->repo.get(), ancestor);
  auto start = resolve(opened->repo.get(), descendant);
  if (!target || !start) {
    return false;
  }
  std::unordered_set<git_oid, audit::OidHash, audit::OidEqual> seen;
  std::deque<git_oid> queue = {*start};
  while (!queue.empty()) {
    git_oid id = queue.front();
    queue.pop_front();
    if (git_oid_equal(&id, &*target) != 0) {
      return true;
    }
    if (!seen.insert(id).second) {
      continue;
    }
    auto info = opened->auditor->commit(id);
    for (const git_oid& parent : info ? info->parents : std::vector<git_oid>{}) {
      queue.push_back(parent);
    }
  }
  return false;
}

std::string finding_kind_name(FindingKind kind) {
  switch (kind) {
    case FindingKind::object_corrupt:
      return "object-corrupt";
    case FindingKind::object_missing:
      return "object-missing";
    case FindingKind::content_mismatch:
      return "content-mismatch";
    case FindingKind::record_invalid:
      return "record-invalid";
    case FindingKind::record_mismatch:
      return "record-mismatch";
    case FindingKind::chain_broken:
      return "chain-broken";
    case FindingKind::layout_invalid:
      return "layout-invalid";
    case FindingKind::history_changed:
      return "history-changed";
    case FindingKind::history_removed:
      return "history-removed";
    case FindingKind::ref_problem:
      return "ref-problem";
    case FindingKind::checkpoint_mismatch:
      return "checkpoint-mismatch";
    case FindingKind::checkpoint_signature:
      return "checkpoint-signature";
  }
  return "unknown";
}

}  // namespace stet::store
