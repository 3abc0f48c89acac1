// The "only adds" rule: every commit's tree must keep every entry of every
// parent's tree byte for byte. Only changed subtrees are compared, so the
// cost follows what each commit added, not the size of the store.

#include "audit/git_audit_impl.hpp"
#include "format/layout.hpp"
#include "format/record_codec.hpp"
#include "store/error.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace stet::store::audit {

namespace {

std::string join(const std::string& path, const std::string& name) { return path.empty() ? name : path + "/" + name; }

std::string short_id(const git_oid& id) { return hex(id).substr(0, 12); }

// What the entry at `path` is, for a message.
std::string describe(const std::string& path, bool is_tree) {
  auto where = parse_version_path(path);
  if (!where) {
    return (is_tree ? "folder " : "file ") + path;
  }
  if (!where->file.empty()) {
    return (where->file == layout::k_content_file ? "the content of " : "the record " + where->file + " of ") +
           where->doc + " version " + where->sha.substr(0, 12);
  }
  if (!where->sha.empty()) {
    return "version " + where->sha.substr(0, 12) + " of " + where->doc;
  }
  return "document folder " + path;
}

}  // namespace

void Auditor::diff_trees(const git_oid* old_tree, const git_oid& new_tree, const std::string& path,
                         const CommitNode& commit, const git_oid* parent_root) {
  if (old_tree != nullptr && git_oid_equal(old_tree, &new_tree) != 0) {
    return;
  }
  TreePtr now = tree(new_tree, path);
  TreePtr before = old_tree != nullptr ? tree(*old_tree, path) : nullptr;
  if (!now) {
    return;
  }
  std::unordered_map<std::string_view, const TreeEntry*> by_name;
  for (const TreeEntry& e : *now) {
    by_name.emplace(e.name, &e);
  }
  for (const TreeEntry& e : before ? *before : Tree{}) {
    std::string child = join(path, e.name);
    if (!in_scope(child)) {
      by_name.erase(e.name);
      continue;
    }
    auto found = by_name.find(e.name);
    if (found == by_name.end()) {
      report_removed(e, child, commit, *parent_root);
      continue;
    }
    const TreeEntry& n = *found->second;
    by_name.erase(found);
    if (git_oid_equal(&e.id, &n.id) != 0 && e.mode == n.mode) {
      continue;
    }
    if (e.is_tree() && n.is_tree()) {
      diff_trees(&e.id, n.id, child, commit, parent_root);
    } else {
      report_changed(e, child, commit, *parent_root);
      if (n.is_tree()) {
        diff_trees(nullptr, n.id, child, commit, parent_root);
      } else {
        m_pending.emplace(n.id, child);
      }
    }
  }
  // What is left was added by this commit: read it all.
  for (const auto& [name, entry] : by_name) {
    std::string child = join(path, std::string(name));
    if (!in_scope(child)) {
      continue;
    }
    if (entry->is_tree()) {
      diff_trees(nullptr, entry->id, child, commit, parent_root);
    } else if (!m_blobs_ok.contains(entry->id)) {
      m_pending.emplace(entry->id, child);
    }
  }
}

void Auditor::collect_versions(const TreeEntry& entry, const std::string& path, std::vector<AffectedVersion>& out) {
  auto where = parse_version_path(path);
  if (where && !where->sha.empty()) {
    out.push_back({where->doc, 0, where->sha, ""});
    return;
  }
  if (!entry.is_tree()) {
    return;
  }
  if (TreePtr t = tree(entry.id, path)) {
    for (const TreeEntry& child : *t) {
      collect_versions(child, join(path, child.name), out);
    }
  }
}

void Auditor::report_removed(const TreeEntry& entry, const std::string& path, const CommitNode& commit,
                             const git_oid& parent_root) {
  Finding f;
  f.kind = FindingKind::history_removed;
  f.commit = hex(commit.id);
  f.path = path;
  f.object_id = hex(entry.id);
  collect_versions(entry, path, f.affected);
  for (AffectedVersion& v : f.affected) {
    v.number = number_in(parent_root, v.doc, v.sha256);
  }
  f.message = "commit " + short_id(commit.id) + " removed " + describe(path, entry.is_tree());
  if (f.affected.size() > 1) {
    f.message += " (" + std::to_string(f.affected.size()) + " versions)";
  }
  f.hint =
      "a store only ever adds: restore the removed entries from the parent commit or a backup, and find who "
      "committed " +
      short_id(commit.id) + " outside stet";
  add(std::move(f));
}

void Auditor::report_changed(const TreeEntry& old_entry, const std::string& path, const CommitNode& commit,
                             const git_oid& parent_root) {
  Finding f;
  f.kind = FindingKind::history_changed;
  f.commit = hex(commit.id);
  f.path = path;
  f.object_id = hex(old_entry.id);
  if (auto where = parse_version_path(path); where && !where->sha.empty()) {
    f.affected.push_back({where->doc, number_in(parent_root, where->doc, where->sha), where->sha,
                          where->file == layout::k_content_file ? hex(old_entry.id) : ""});
  }
  f.message = "commit " + short_id(commit.id) + " changed " + describe(path, old_entry.is_tree()) + " (it was object " +
              short_id(old_entry.id) + ")";
  f.hint = "a store only ever adds: the earlier bytes are object " + hex(old_entry.id) +
           "; compare them with the current ones and find who committed " + short_id(commit.id) + " outside stet";
  add(std::move(f));
}

// The timeline number version `sha` of `doc` had in the tree `root`, or 0
// (its records read again, quietly). Only
// called for findings, so reading the folder again is fine.
int Auditor::number_in(const git_oid& root, const std::string& doc, const std::string& sha) {
  std::string path = layout::versions_dir(doc);
  git_oid at = root;
  std::string walked;
  for (const std::string& name : split_path(path)) {
    TreePtr t = tree(at, walked);
    if (!t) {
      return 0;
    }
    auto e = std::find_if(t->begin(), t->end(), [&](const TreeEntry& x) { return x.name == name; });
    if (e == t->end() || !e->is_tree()) {
      return 0;
    }
    at = e->id;
    walked = join(walked, name);
  }
  TreePtr versions = tree(at, path);
  if (!versions) {
    return 0;
  }
  std::vector<std::pair<std::string, std::vector<Record>>> records;
  for (const TreeEntry& v : *versions) {
    records.emplace_back(v.name, std::vector<Record>{});
    TreePtr files = v.is_tree() ? tree(v.id, join(path, v.name)) : nullptr;
    for (const TreeEntry& file : files ? *files : Tree{}) {
      if (!file.name.ends_with(".json")) {
        continue;
      }
      RawObject object = m_reader.read(file.id);  // quietly: damage there is reported elsewhere
      if (object.status != ReadStatus::ok) {
        continue;
      }
      try {
        records.back().second.push_back(codec::record_from_json(object.data));
      } catch (const Error&) {
        continue;
      }
    }
  }
  auto numbers = timeline_numbers(records);
  auto found = numbers.find(sha);
  return found == numbers.end() ? 0 : found->second;
}

}  // namespace stet::store::audit
