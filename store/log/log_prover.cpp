// The log as `stet prove` reads it (see LogProver in log.hpp): straight from
// the index file when it is current, else from memory.

#include "format/layout.hpp"
#include "log_cache.hpp"
#include "repo/git_handles.hpp"
#include "store/error.hpp"
#include "store/log/log.hpp"

#include <map>

namespace stet::store::log {

namespace fs = std::filesystem;

namespace {

// The branch's commit (hex), empty when it has none.
std::string branch_head(const fs::path& path) {
  git::Session session;
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, path.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) < 0) {
    throw NotAStoreError("not a stet store: " + path.string() + " is not a git repository");
  }
  git::git_repository_ptr repo(raw);
  git_oid head;
  int rc = git_reference_name_to_id(&head, raw, std::string(layout::k_branch).c_str());
  if (rc == GIT_ENOTFOUND) {
    return {};
  }
  git::check(rc, "cannot read the store's branch");
  std::string hex(GIT_OID_HEXSZ, '\0');
  git_oid_fmt(hex.data(), &head);
  return hex;
}

}  // namespace

struct LogProver::Impl {
  fs::path path;
  std::optional<LogCacheView> view;  // the current index file, when it is current
  StoreLog log;                      // otherwise, in memory
  bool from_records = false;
  mutable std::map<std::uint64_t, LogEntry> found;  // leaves looked up through the view

  [[nodiscard]] const NodeSource& nodes() const {
    return view ? static_cast<const NodeSource&>(*view) : static_cast<const NodeSource&>(log.tree);
  }
};

LogProver::LogProver(const fs::path& path) : m_impl(std::make_unique<Impl>()) {
  m_impl->path = path;
  std::string head = branch_head(path);
  auto view = LogCacheView::open(path);
  if (view && !head.empty() && view->head() == head) {
    m_impl->view.emplace(std::move(*view));
    return;
  }
  m_impl->log = read_log_index(path);
}

LogProver::LogProver(LogProver&&) noexcept = default;
LogProver& LogProver::operator=(LogProver&&) noexcept = default;
LogProver::~LogProver() = default;

const std::string& LogProver::head() const { return m_impl->view ? m_impl->view->head() : m_impl->log.head; }

std::uint64_t LogProver::size() const { return m_impl->nodes().size(); }

Digest LogProver::root(std::uint64_t tree_size) const { return range_hash(m_impl->nodes(), 0, tree_size); }

std::vector<Digest> LogProver::inclusion_proof(std::uint64_t index, std::uint64_t tree_size) const {
  return log::inclusion_proof(m_impl->nodes(), index, tree_size);
}

std::optional<std::uint64_t> LogProver::first_leaf(const std::string& doc, const std::string& sha256) const {
  if (m_impl->view) {
    auto leaf = m_impl->view->first_leaf(doc, sha256);
    if (!leaf) {
      return std::nullopt;
    }
    m_impl->found[leaf->index] = leaf->entry;
    return leaf->index;
  }
  const std::vector<LogEntry>& entries = m_impl->log.entries;
  for (std::uint64_t i = 0; i < entries.size(); ++i) {
    if (entries[i].doc == doc && entries[i].sha256 == sha256) {
      return i;
    }
  }
  return std::nullopt;
}

std::optional<std::string> LogProver::leaf_bytes(std::uint64_t index) const {
  const LogEntry* entry = nullptr;
  if (m_impl->view) {
    auto it = m_impl->found.find(index);
    entry = it == m_impl->found.end() ? nullptr : &it->second;
  } else if (index < m_impl->log.entries.size()) {
    entry = &m_impl->log.entries[index];
  }
  if (entry == nullptr || index >= size()) {
    throw Error("leaf " + std::to_string(index) + " was not looked up in the log");
  }
  std::string bytes;
  try {
    bytes = read_entry_bytes(m_impl->path, head(), *entry);
  } catch (const NotAStoreError&) {
    throw;
  } catch (const Error&) {
    return std::nullopt;  // the index names a record the store does not have there
  }
  if (leaf_hash(bytes) != m_impl->nodes().node(0, index)) {
    return std::nullopt;
  }
  return bytes;
}

bool LogProver::from_records() const { return m_impl->from_records; }

void LogProver::rebuild() {
  StoreLog log = read_log(m_impl->path);
  for (LogEntry& e : log.entries) {
    e.bytes.clear();
    e.bytes.shrink_to_fit();
  }
  save_log_cache(m_impl->path, log);
  m_impl->view.reset();
  m_impl->found.clear();
  m_impl->log = std::move(log);
  m_impl->from_records = true;
}

}  // namespace stet::store::log
