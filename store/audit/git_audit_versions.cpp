// The per-version checks on a tip's tree: the layout, each version's bytes
// against its SHA-256, each record against its path, name and content, and
// the `previous` chain between versions of one document.

#include "audit/git_audit_impl.hpp"
#include "format/layout.hpp"
#include "format/record_codec.hpp"
#include "store/document_id.hpp"
#include "store/error.hpp"
#include "store/timestamp.hpp"

#include <algorithm>
#include <set>

namespace stet::store::audit {

namespace {

std::string child_path(const std::string& path, const std::string& name) {
  return path.empty() ? name : path + "/" + name;
}

}  // namespace

Finding version_finding(FindingKind kind, const std::string& doc, const std::string& sha, std::string message,
                        std::string hint, std::string path) {
  Finding f;
  f.kind = kind;
  f.message = std::move(message);
  f.path = std::move(path);
  f.affected.push_back({doc, 0, sha, ""});
  f.hint = std::move(hint);
  return f;
}

namespace {

Finding layout_finding(const std::string& path, const std::string& what) {
  return {FindingKind::layout_invalid,
          path + ": " + what,
          "",
          "",
          path,
          {},
          "stet never writes this; find out what put it there (git log -- '" + path + "')"};
}

}  // namespace

void Auditor::check_versions(const git_oid& root) {
  if (!m_checked_roots.insert(root).second) {
    return;
  }
  TreePtr top = tree(root, "");
  for (const TreeEntry& e : top ? *top : Tree{}) {
    if (e.name == layout::k_docs_dir && e.is_tree()) {
      walk_shards(e.id, e.name, 0);
    } else if (e.name != layout::k_format_file || e.is_tree()) {
      add(layout_finding(e.name, "unexpected entry at the top of the store"));
    }
  }
}

// depth 0: docs/<aa>, depth 1: docs/<aa>/<bb>, deeper: document id segments.
void Auditor::walk_shards(const git_oid& id, const std::string& path, int depth) {
  TreePtr t = tree(id, path);
  for (const TreeEntry& e : t ? *t : Tree{}) {
    std::string child = child_path(path, e.name);
    if (!in_scope(child)) {
      continue;
    }
    bool shard = depth < 2;
    if (shard && (e.name.size() != 2 || !is_hex(e.name) || !e.is_tree())) {
      add(layout_finding(child, "not a shard folder"));
    } else if (!shard && e.name == layout::k_versions_dir && e.is_tree()) {
      check_document(e.id, path.substr(std::string("docs/aa/bb/").size()), child);
    } else if (!shard && !e.is_tree()) {
      add(layout_finding(child, "unexpected file among document folders"));
    } else {
      walk_shards(e.id, child, depth + 1);
    }
  }
}

void Auditor::check_document(const git_oid& versions_tree, const std::string& doc, const std::string& path) {
  if (auto problem = document_id_problem(doc)) {
    add(layout_finding(path, "invalid document id: " + *problem));
  } else if (layout::versions_dir(doc) != path) {
    add(layout_finding(path, "document " + doc + " is filed under the wrong shard folders"));
  }
  ++m_report.counts.documents;
  std::vector<SeenVersion> versions;
  TreePtr t = tree(versions_tree, path);
  for (const TreeEntry& e : t ? *t : Tree{}) {
    std::string vpath = child_path(path, e.name);
    if (!Digest::from_hex(e.name) || e.name != Digest::from_hex(e.name)->hex() || !e.is_tree()) {
      add(layout_finding(vpath, "not a version folder (a lowercase SHA-256)"));
      continue;
    }
    SeenVersion seen{e.name, "", {}, "", {}};
    check_version(e.id, doc, vpath, seen);
    versions.push_back(std::move(seen));
  }
  check_chain(doc, versions);
}

std::optional<std::size_t> Auditor::check_content(const TreeEntry& file, const std::string& doc,
                                                  const std::string& fpath, SeenVersion& seen) {
  seen.content_id = hex(file.id);
  auto bytes = blob(file.id, fpath);
  if (!bytes) {
    return std::nullopt;
  }
  Digest actual = sha256(*bytes);
  if (actual.hex() != seen.sha) {
    Finding f = version_finding(FindingKind::content_mismatch, doc, seen.sha,
                                "the content of " + doc + " version " + seen.sha.substr(0, 12) + " hashes to " +
                                    actual.hex().substr(0, 12) + ", not to its name",
                                "the bytes were replaced; restore object " + seen.content_id + " from a backup", fpath);
    f.object_id = seen.content_id;
    add(std::move(f));
  }
  return bytes->size();
}

void Auditor::check_version(const git_oid& id, const std::string& doc, const std::string& vpath, SeenVersion& seen) {
  ++m_report.counts.versions;
  TreePtr files = tree(id, vpath);
  std::optional<std::size_t> size;
  for (const TreeEntry& file : files ? *files : Tree{}) {
    std::string fpath = child_path(vpath, file.name);
    if (file.is_tree()) {
      add(layout_finding(fpath, "unexpected folder in a version folder"));
    } else if (file.name == layout::k_content_file) {
      size = check_content(file, doc, fpath, seen);
    } else if (file.name.ends_with(".json")) {
      check_record(file, doc, fpath, seen);
    } else if (layout::text_file_digest(file.name)) {
      check_text(file, doc, fpath, seen);
    } else {
      add(layout_finding(fpath, "unexpected file in a version folder"));
    }
  }
  if (files && seen.content_id.empty()) {
    add(version_finding(FindingKind::layout_invalid, doc, seen.sha,
                        doc + " version " + seen.sha.substr(0, 12) + " has no content file", "restore it from a backup",
                        vpath));
  }
  for (const SeenRecord& r : seen.records) {
    if (size && r.record.bytes != *size) {
      add(version_finding(FindingKind::record_mismatch, doc, seen.sha,
                          "record " + r.path + " says " + std::to_string(r.record.bytes) + " bytes, the content has " +
                              std::to_string(*size),
                          "the record or the content was altered; compare with a backup", r.path));
    }
  }
  check_text_references(doc, vpath, seen);
  m_known[{doc, seen.sha}] = AffectedVersion{doc, 0, seen.sha, seen.content_id};
}

// A text form must hash to its name (text-<sha256>).
void Auditor::check_text(const TreeEntry& file, const std::string& doc, const std::string& fpath, SeenVersion& seen) {
  std::string named = file.name.substr(layout::k_text_prefix.size());
  seen.texts.push_back(named);
  auto bytes = blob(file.id, fpath);
  if (!bytes) {
    return;
  }
  Digest actual = sha256(*bytes);
  if (actual.hex() != named) {
    Finding f =
        version_finding(FindingKind::content_mismatch, doc, seen.sha,
                        "the text form " + fpath + " hashes to " + actual.hex().substr(0, 12) + ", not to its name",
                        "the derived text was replaced; restore object " + hex(file.id) +
                            " from a backup (stet verify re-derives it from the content)",
                        fpath);
    f.object_id = hex(file.id);
    add(std::move(f));
  }
}

// Every record's text_sha256 names a text file of its version, and every
// text file is named by a record.
void Auditor::check_text_references(const std::string& doc, const std::string& vpath, const SeenVersion& seen) {
  std::set<std::string> named;
  for (const SeenRecord& r : seen.records) {
    if (!r.record.text_sha256) {
      continue;
    }
    std::string text = r.record.text_sha256->hex();
    named.insert(text);
    if (std::find(seen.texts.begin(), seen.texts.end(), text) == seen.texts.end()) {
      add(version_finding(FindingKind::layout_invalid, doc, seen.sha,
                          "record " + r.path + " names text form " + text.substr(0, 12) + ", which is missing",
                          "restore " + vpath + "/" + std::string(layout::k_text_prefix) + text + " from a backup",
                          r.path));
    }
  }
  for (const std::string& text : seen.texts) {
    if (named.count(text) == 0) {
      std::string path = vpath + "/" + std::string(layout::k_text_prefix) + text;
      add(layout_finding(path, "a text form no record names"));
    }
  }
}

}  // namespace stet::store::audit
