// audit_store: opens the repository without trusting it, walks every commit
// reachable from the refs, and runs the history and version passes.

#include "audit/git_audit_impl.hpp"
#include "format/layout.hpp"
#include "store/error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace stet::store::audit {

namespace fs = std::filesystem;

namespace {

// Parsed tree entries kept at most (about 100 bytes each). Each commit's
// trees are mostly needed again only by its children, so clearing the
// cache when it fills costs a few re-reads, never correctness.
constexpr std::size_t k_tree_cache_entries = 4000000;

}  // namespace

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t at = 0;
  while (at <= path.size()) {
    auto slash = path.find('/', at);
    if (slash == std::string::npos) {
      slash = path.size();
    }
    parts.push_back(path.substr(at, slash - at));
    at = slash + 1;
  }
  return parts;
}

std::optional<VersionPath> parse_version_path(const std::string& path) {
  auto parts = split_path(path);
  auto marker = std::find(parts.begin(), parts.end(), std::string(layout::k_versions_dir));
  if (parts.size() < 4 || parts[0] != layout::k_docs_dir || marker == parts.end() || marker - parts.begin() < 4) {
    return std::nullopt;
  }
  VersionPath out;
  for (auto it = parts.begin() + 3; it != marker; ++it) {
    out.doc += (out.doc.empty() ? "" : "/") + *it;
  }
  auto rest = static_cast<std::size_t>(marker - parts.begin()) + 1;
  if (rest < parts.size()) {
    out.sha = parts[rest];
  }
  if (rest + 1 < parts.size()) {
    out.file = parts[rest + 1];
  }
  return out;
}

Auditor::Auditor(git_repository* repo, const fs::path& objects_dir, const AuditOptions& options)
    : m_repo(repo), m_reader(repo, objects_dir), m_options(options) {
  for (const std::string& doc : options.docs) {
    m_scope.push_back(layout::versions_dir(doc));
  }
}

bool Auditor::in_scope(const std::string& path) const {
  if (m_scope.empty() || path.empty()) {
    return true;
  }
  return std::any_of(m_scope.begin(), m_scope.end(), [&](const std::string& dir) {
    return dir.starts_with(path) ? (dir.size() == path.size() || dir[path.size()] == '/')
                                 : (path.starts_with(dir) && (path.size() == dir.size() || path[dir.size()] == '/'));
  });
}

void Auditor::progress(const char* phase, std::size_t done, std::size_t total) {
  if (m_options.progress && (done % 256 == 0 || done == total)) {
    m_options.progress(AuditProgress{phase, done, total});
  }
}

void Auditor::object_finding(const git_oid& id, const RawObject& object, const std::string& path) {
  if (!m_bad.insert(id).second) {
    return;
  }
  Finding f;
  f.kind = object.status == ReadStatus::missing ? FindingKind::object_missing : FindingKind::object_corrupt;
  f.object_id = hex(id);
  f.path = path;
  f.message = "object " + f.object_id.substr(0, 12) + (path.empty() ? "" : " (" + path + ")") + ": " + object.problem;
  if (auto where = parse_version_path(path); where && !where->sha.empty()) {
    AffectedVersion v{where->doc, 0, where->sha, where->file == layout::k_content_file ? f.object_id : ""};
    f.affected.push_back(std::move(v));
  }
  f.hint = object.status == ReadStatus::missing
               ? "restore the object from a backup or a clone of this store (git cat-file -e " + f.object_id + ")"
               : "restore the object from a backup or a clone; re-ingesting the same file does not repair it";
  add(std::move(f));
}

TreePtr Auditor::tree(const git_oid& id, const std::string& path) {
  if (auto found = m_trees.find(id); found != m_trees.end()) {
    return found->second;
  }
  if (m_bad.contains(id)) {
    return nullptr;
  }
  RawObject object = m_reader.read(id);
  if (object.status == ReadStatus::ok && object.type != GIT_OBJECT_TREE) {
    object.status = ReadStatus::corrupt;
    object.problem = "expected a folder (tree), found another kind of object";
  }
  std::optional<Tree> parsed;
  if (object.status == ReadStatus::ok && !(parsed = parse_tree(object.data))) {
    object.status = ReadStatus::corrupt;
    object.problem = "the folder (tree) object is malformed";
  }
  if (object.status != ReadStatus::ok) {
    object_finding(id, object, path);
    return nullptr;
  }
  if (m_cached_entries + parsed->size() > k_tree_cache_entries) {
    m_trees.clear();
    m_cached_entries = 0;
  }
  m_cached_entries += parsed->size();
  auto shared = std::make_shared<const Tree>(std::move(*parsed));
  m_trees.emplace(id, shared);
  return shared;
}

std::optional<std::string> Auditor::blob(const git_oid& id, const std::string& path) {
  if (m_bad.contains(id)) {
    return std::nullopt;
  }
  RawObject object = m_reader.read(id);
  if (object.status == ReadStatus::ok && object.type != GIT_OBJECT_BLOB) {
    object.status = ReadStatus::corrupt;
    object.problem = "expected a file (blob), found another kind of object";
  }
  if (object.status != ReadStatus::ok) {
    object_finding(id, object, path);
    return std::nullopt;
  }
  m_blobs_ok.insert(id);
  m_pending.erase(id);
  return std::move(object.data);
}

void Auditor::check_pending_blobs() {
  std::size_t done = 0;
  std::size_t total = m_pending.size();
  auto pending = std::move(m_pending);
  for (const auto& [id, path] : pending) {
    progress("objects", ++done, total);
    if (!m_blobs_ok.contains(id)) {
      (void)blob(id, path);
    }
  }
}

void Auditor::fill_numbers() {
  for (Finding& f : m_report.findings) {
    for (AffectedVersion& v : f.affected) {
      auto known = m_known.find({v.doc, v.sha256});
      if (known == m_known.end()) {
        continue;
      }
      if (v.number == 0) {
        v.number = known->second.number;
      }
      if (v.object_id.empty()) {
        v.object_id = known->second.object_id;
      }
    }
  }
}

AuditReport Auditor::finish() {
  fill_numbers();
  m_report.counts.objects = m_reader.objects_read();
  m_report.counts.bytes = m_reader.bytes_read();
  return std::move(m_report);
}

}  // namespace stet::store::audit
