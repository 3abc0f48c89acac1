// The entry point of the audit: opening the store without trusting it, the
// refs, and the walk over every commit they reach (parents first).

#include "audit/git_audit_impl.hpp"
#include "format/layout.hpp"
#include "store/error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <system_error>

namespace stet::store {

namespace fs = std::filesystem;
using audit::CommitNode;
using audit::OidEqual;
using audit::OidHash;

namespace {

struct RefTip {
  std::string name;
  git_oid id{};
};

git::git_repository_ptr open_repository(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    throw NotAStoreError("no store at " + path.string() + " (create one with 'stet init')");
  }
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, path.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) < 0) {
    throw NotAStoreError("not a stet store: " + path.string() + " is not a git repository");
  }
  git::git_repository_ptr repo(raw);
  if (!git_repository_is_bare(repo.get())) {
    throw NotAStoreError("not a stet store: " + path.string() + " is a git work tree, not a bare store");
  }
  return repo;
}

std::vector<RefTip> list_refs(git_repository* repo, audit::Auditor& auditor) {
  git_reference_iterator* raw = nullptr;
  git::check(git_reference_iterator_new(&raw, repo), "cannot list the store's refs");
  git::git_reference_iterator_ptr iterator(raw);
  std::vector<RefTip> tips;
  git_reference* ref = nullptr;
  int rc = 0;
  while ((rc = git_reference_next(&ref, iterator.get())) == 0) {
    git::git_reference_ptr owned(ref);
    if (git_reference_type(owned.get()) == GIT_REFERENCE_DIRECT) {
      tips.push_back({git_reference_name(owned.get()), *git_reference_target(owned.get())});
    }
  }
  if (rc != GIT_ITEROVER) {
    Finding f{FindingKind::ref_problem,
              "the store's refs cannot all be read: " + git::last_error_message(),
              "",
              "",
              "",
              {},
              "compare the refs folder and packed-refs with a backup"};
    auditor.add(std::move(f));
  }
  return tips;
}

// Throws NotAStoreError when the head's tree is readable but has no valid
// format file; damage is left to the passes to report.
void check_store_format(audit::Auditor& auditor, const git_oid& root, const fs::path& path) {
  auto tree = auditor.tree(root, "");
  if (!tree) {
    return;
  }
  auto entry = std::find_if(tree->begin(), tree->end(),
                            [](const audit::TreeEntry& e) { return e.name == layout::k_format_file; });
  if (entry == tree->end()) {
    throw NotAStoreError("not a stet store: " + path.string() + " is a git repository without stet's format file");
  }
  auto text = auditor.blob(entry->id, std::string(layout::k_format_file));
  if (!text) {
    return;
  }
  auto format = nlohmann::json::parse(*text, nullptr, false);
  if (format.is_discarded() || !format.is_object() || format.value("format", "") != "stet-store" ||
      format.value("version", 0) != layout::k_format_version) {
    throw NotAStoreError("not a stet store, or an unsupported format: " + path.string());
  }
}

std::vector<std::string> not_proven(const AuditOptions& options) {
  std::vector<std::string> out = {
      "that the branch was not moved back or rewritten as a whole: a history that is consistent in itself "
      "passes; keep checkpoints outside the store (stet checkpoint) and pass --checkpoint to prove it",
      "that the ingest times and sources in the records are true: they are what the ingesting machine said",
      "word counts and normalized hashes in records (they are recorded, not recomputed)",
  };
  if (!options.docs.empty()) {
    out.push_back("anything about documents not named on the command line");
  }
  return out;
}

}  // namespace

namespace audit {

std::optional<CommitInfo> Auditor::commit(const git_oid& id) {
  if (auto found = m_commits.find(id); found != m_commits.end()) {
    return found->second;
  }
  if (m_bad.contains(id)) {
    return std::nullopt;
  }
  RawObject object = m_reader.read(id);
  std::optional<CommitInfo> info;
  if (object.status == ReadStatus::ok && (object.type != GIT_OBJECT_COMMIT || !(info = parse_commit(object.data)))) {
    object.status = ReadStatus::corrupt;
    object.problem = "not a well-formed commit";
  }
  if (object.status != ReadStatus::ok) {
    object_finding(id, object, "commit " + hex(id));
  }
  m_commits.emplace(id, info);
  return info;
}

void Auditor::walk_history(const std::vector<git_oid>& tips) {
  std::unordered_map<git_oid, CommitNode, OidHash, OidEqual> nodes;
  std::vector<git_oid> order;
  std::vector<std::pair<git_oid, bool>> stack;
  for (const git_oid& tip : tips) {
    stack.emplace_back(tip, false);
  }
  while (!stack.empty()) {
    auto [id, expanded] = stack.back();
    stack.pop_back();
    if (expanded) {
      order.push_back(id);
      continue;
    }
    if (nodes.contains(id)) {
      continue;
    }
    CommitNode node{id, commit(id)};
    stack.emplace_back(id, true);
    for (const git_oid& parent : node.info ? node.info->parents : std::vector<git_oid>{}) {
      if (!nodes.contains(parent)) {
        stack.emplace_back(parent, false);
      }
    }
    nodes.emplace(id, std::move(node));
  }
  m_report.counts.commits = nodes.size();
  for (std::size_t i = 0; i < order.size(); ++i) {
    progress("history", i + 1, order.size());
    const CommitNode& node = nodes.at(order[i]);
    if (!node.info) {
      continue;
    }
    if (node.info->parents.empty()) {
      diff_trees(nullptr, node.info->tree, "", node, nullptr);
    }
    for (const git_oid& parent : node.info->parents) {
      const CommitNode& p = nodes.at(parent);
      const git_oid* parent_tree = p.info ? &p.info->tree : nullptr;
      diff_trees(parent_tree, node.info->tree, "", node, parent_tree);
    }
  }
}

}  // namespace audit

AuditReport audit_store(const fs::path& requested, const AuditOptions& options) {
  git::Session session;
  fs::path path = fs::absolute(requested).lexically_normal();
  auto repo = open_repository(path);
  audit::Auditor auditor(repo.get(), fs::path(git_repository_commondir(repo.get())) / "objects", options);
  auto refs = list_refs(repo.get(), auditor);
  auto main = std::find_if(refs.begin(), refs.end(), [](const RefTip& t) { return t.name == layout::k_branch; });
  if (main == refs.end()) {
    if (refs.empty()) {
      throw NotAStoreError("not a stet store: " + path.string() + " has no branch " + std::string(layout::k_branch));
    }
    auditor.add({FindingKind::ref_problem,
                 "the store's branch " + std::string(layout::k_branch) + " is missing",
                 "",
                 "",
                 "",
                 {},
                 "restore refs/heads/main from a backup or a checkpoint's head commit"});
  }
  std::vector<git_oid> tips;
  for (const RefTip& tip : refs) {
    tips.push_back(tip.id);
  }
  auditor.report().counts.refs = refs.size();
  std::vector<git_oid> roots;
  for (const RefTip& tip : refs) {
    if (auto info = auditor.commit(tip.id)) {
      if (tip.name == layout::k_branch) {
        auditor.report().head = audit::hex(tip.id);
        check_store_format(auditor, info->tree, path);
      }
      roots.push_back(info->tree);
    }
  }
  auditor.walk_history(tips);
  for (const git_oid& root : roots) {
    auditor.check_versions(root);
  }
  auditor.check_pending_blobs();
  auditor.report().not_proven = not_proven(options);
  return auditor.finish();
}

}  // namespace stet::store
