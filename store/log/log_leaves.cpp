// The log order of a store: its first-parent history, each commit appending
// the records its first parent lacked. Reads go through the audit's bounded
// reader, so a damaged store cannot hang the commands built on the log.

#include "git_audit_impl.hpp"
#include "git_handles.hpp"
#include "layout.hpp"
#include "store/error.hpp"
#include "store/log/log.hpp"

#include <algorithm>
#include <tuple>

namespace stet::store::log {

namespace fs = std::filesystem;
using audit::TreeEntry;
using audit::TreePtr;

namespace {

struct Reader {
  git::Session session;
  git::git_repository_ptr repo;
  AuditOptions options;
  std::unique_ptr<audit::Auditor> auditor;
};

std::unique_ptr<Reader> open_reader(const fs::path& path) {
  auto reader = std::make_unique<Reader>();
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, path.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) < 0) {
    throw NotAStoreError("not a stet store: " + path.string() + " is not a git repository");
  }
  reader->repo.reset(raw);
  reader->auditor = std::make_unique<audit::Auditor>(
      raw, fs::path(git_repository_commondir(raw)) / "objects", reader->options);
  return reader;
}

void throw_on_findings(audit::Auditor& auditor) {
  if (!auditor.report().findings.empty()) {
    throw Error("the store is damaged (" + auditor.report().findings.front().message + "); run stet verify");
  }
}

struct Walk {
  audit::Auditor& auditor;
  std::vector<LogEntry> added;
};

const TreeEntry* find_entry(const audit::Tree* tree, const std::string& name) {
  if (tree == nullptr) {
    return nullptr;
  }
  auto it = std::lower_bound(tree->begin(), tree->end(), name,
                             [](const TreeEntry& e, const std::string& n) { return e.name < n; });
  if (it != tree->end() && it->name == name) {
    return &*it;
  }
  for (const TreeEntry& e : *tree) {  // git orders tree names with a '/' after folders
    if (e.name == name) {
      return &e;
    }
  }
  return nullptr;
}

// The record files under `now` that `before` (may be null) lacks.
void added_records(Walk& walk, const git_oid* before, const git_oid& now, const std::string& path) {
  if (before != nullptr && git_oid_equal(before, &now) != 0) {
    return;
  }
  TreePtr old_tree = before ? walk.auditor.tree(*before, path) : nullptr;
  TreePtr new_tree = walk.auditor.tree(now, path);
  for (const TreeEntry& e : new_tree ? *new_tree : audit::Tree{}) {
    const TreeEntry* old_entry = find_entry(old_tree.get(), e.name);
    std::string child = path.empty() ? e.name : path + "/" + e.name;
    if (e.is_tree()) {
      added_records(walk, old_entry && old_entry->is_tree() ? &old_entry->id : nullptr, e.id, child);
      continue;
    }
    auto where = audit::parse_version_path(child);
    if (!where || where->file.empty() || !where->file.ends_with(".json")) {
      continue;
    }
    if (old_entry != nullptr) {
      if (git_oid_equal(&old_entry->id, &e.id) == 0) {
        throw Error("commit history changed record " + child + "; run stet verify");
      }
      continue;
    }
    auto bytes = walk.auditor.blob(e.id, child);
    walk.added.push_back({where->doc, where->sha, where->file, bytes.value_or("")});
  }
}

std::vector<git_oid> first_parent_chain(audit::Auditor& auditor, const git_oid& head) {
  std::vector<git_oid> chain = {head};
  for (;;) {
    auto info = auditor.commit(chain.back());
    throw_on_findings(auditor);
    if (!info || info->parents.empty()) {
      break;
    }
    chain.push_back(info->parents.front());
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

std::string stamp(const LogEntry& e) { return e.name.substr(0, e.name.find('Z')); }

}  // namespace

StoreLog read_log(const fs::path& path) {
  auto reader = open_reader(path);
  StoreLog result;
  git_oid head;
  int rc = git_reference_name_to_id(&head, reader->repo.get(), std::string(layout::k_branch).c_str());
  if (rc == GIT_ENOTFOUND) {
    return result;
  }
  git::check(rc, "cannot read the store's branch");
  result.head = audit::hex(head);
  Walk walk{*reader->auditor, {}};
  std::optional<git_oid> previous_tree;
  for (const git_oid& id : first_parent_chain(*reader->auditor, head)) {
    auto info = reader->auditor->commit(id);
    throw_on_findings(*reader->auditor);
    walk.added.clear();
    added_records(walk, previous_tree ? &*previous_tree : nullptr, info->tree, "");
    throw_on_findings(*reader->auditor);
    std::sort(walk.added.begin(), walk.added.end(), [](const LogEntry& a, const LogEntry& b) {
      return std::make_tuple(stamp(a), std::cref(a.doc), std::cref(a.name)) <
             std::make_tuple(stamp(b), std::cref(b.doc), std::cref(b.name));
    });
    std::move(walk.added.begin(), walk.added.end(), std::back_inserter(result.entries));
    previous_tree = info->tree;
  }
  std::vector<Digest> hashes;
  hashes.reserve(result.entries.size());
  for (const LogEntry& e : result.entries) {
    hashes.push_back(leaf_hash(e.bytes));
  }
  result.tree = MerkleTree(std::move(hashes));
  return result;
}

}  // namespace stet::store::log
