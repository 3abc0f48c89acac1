// ContentStore on a bare git repository through libgit2.

#include "store/content_store.hpp"

#include "format/layout.hpp"
#include "format/record_codec.hpp"
#include "repo/crash_hook.hpp"
#include "repo/git_store_impl.hpp"
#include "repo/git_tree_ops.hpp"
#include "repo/store_lock.hpp"
#include "store/digest.hpp"
#include "store/document_id.hpp"
#include "store/error.hpp"
#include "store/timestamp.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <system_error>
#include <thread>

namespace stet::store {

namespace fs = std::filesystem;
using git::check;
using git::make_signature;
using git::write_blob;

namespace {

// Writes the first commit of a new store: the format file alone.
void write_initial_commit(git_repository* repo, const std::string& created_at) {
  git_oid blob = write_blob(repo, layout::format_file_content());
  git_treebuilder* raw_builder = nullptr;
  check(git_treebuilder_new(&raw_builder, repo, nullptr), "cannot build the first tree");
  git::git_treebuilder_ptr builder(raw_builder);
  check(git_treebuilder_insert(nullptr, builder.get(), std::string(layout::k_format_file).c_str(), &blob,
                               GIT_FILEMODE_BLOB),
        "cannot build the first tree");
  git_oid tree_id;
  check(git_treebuilder_write(&tree_id, builder.get()), "cannot write the first tree");
  git_tree* raw_tree = nullptr;
  check(git_tree_lookup(&raw_tree, repo, &tree_id), "cannot read the first tree");
  git::git_tree_ptr tree(raw_tree);
  auto signature = make_signature("stet", created_at);
  git_oid commit;
  check(git_commit_create(&commit, repo, std::string(layout::k_branch).c_str(), signature.get(), signature.get(),
                          nullptr, "stet: create store\n", tree.get(), 0, nullptr),
        "cannot write the first commit");
}

void check_format(git_repository* repo, const fs::path& path) {
  auto head = git::branch_commit(repo);
  if (!head) {
    throw NotAStoreError("not a stet store: " + path.string() + " is a git repository without stet's format file");
  }
  auto tree = git::commit_tree(head->get());
  const git_tree_entry* entry = git_tree_entry_byname(tree.get(), std::string(layout::k_format_file).c_str());
  if (entry == nullptr) {
    throw NotAStoreError("not a stet store: " + path.string() + " is a git repository without stet's format file");
  }
  auto format = nlohmann::json::parse(git::read_blob(repo, *git_tree_entry_id(entry)), nullptr, false);
  if (format.is_discarded() || !format.is_object() || format.value("format", "") != "stet-store") {
    throw NotAStoreError("not a stet store: " + path.string() + " has a malformed format file");
  }
  if (format.value("version", 0) != layout::k_format_version) {
    throw NotAStoreError("unsupported store format version in " + path.string());
  }
}

// The newest ingest time in a document's versions folder, read from the
// record file names alone (they begin with the time), so listing a large
// store does not read every record.
std::string last_record_time(git_repository* repo, const git_tree* versions) {
  std::string newest;
  for (std::size_t i = 0; i < git_tree_entrycount(versions); ++i) {
    git_tree* raw = nullptr;
    check(git_tree_lookup(&raw, repo, git_tree_entry_id(git_tree_entry_byindex(versions, i))),
          "cannot read a version folder");
    git::git_tree_ptr version(raw);
    for (std::size_t j = 0; j < git_tree_entrycount(version.get()); ++j) {
      std::string name = git_tree_entry_name(git_tree_entry_byindex(version.get(), j));
      if (name.ends_with(".json")) {
        newest = std::max(newest, name);
      }
    }
  }
  return layout::time_from_record_name(newest);
}

// Collects the documents below `tree` (a shard folder); `prefix` is the id
// so far. A folder holding `_versions` is a document; others are segments.
void collect_documents(git_repository* repo, const git_tree* tree, const std::string& prefix,
                       std::vector<DocumentSummary>& out) {
  for (std::size_t i = 0; i < git_tree_entrycount(tree); ++i) {
    const git_tree_entry* entry = git_tree_entry_byindex(tree, i);
    if (git_tree_entry_type(entry) != GIT_OBJECT_TREE) {
      continue;
    }
    std::string name = git_tree_entry_name(entry);
    git_tree* raw = nullptr;
    check(git_tree_lookup(&raw, repo, git_tree_entry_id(entry)), "cannot read " + prefix + name);
    git::git_tree_ptr child(raw);
    if (name == layout::k_versions_dir) {
      DocumentSummary summary{prefix.substr(0, prefix.size() - 1), 0, ""};
      summary.versions = static_cast<int>(git_tree_entrycount(child.get()));
      summary.last_ingested_at = last_record_time(repo, child.get());
      out.push_back(std::move(summary));
    } else {
      collect_documents(repo, child.get(), prefix + name + "/", out);
    }
  }
}

// Every read re-hashes: bytes handed out are bytes that hash to the SHA-256
// their record names, whatever happened to the repository since ingest.
// Called on a mismatch (the history is read only then, to name the version).
[[noreturn]] void refuse_altered(std::string_view doc, const Digest& sha,
                                 const std::optional<std::vector<Version>>& versions) {
  std::string id(doc);
  std::string number = sha.hex().substr(0, 12);
  for (const Version& version : versions.value_or(std::vector<Version>{})) {
    if (version.sha256 == sha) {
      number = std::to_string(version.number);
    }
  }
  throw CorruptContentError("the stored bytes of " + id + "@" + number + " do not match their SHA-256 " +
                            sha.hex().substr(0, 12) + " (the store was altered; run 'stet verify " + id + "')");
}

}  // namespace

ContentStore::ContentStore(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
ContentStore::ContentStore(ContentStore&&) noexcept = default;
ContentStore& ContentStore::operator=(ContentStore&&) noexcept = default;
ContentStore::~ContentStore() = default;

ContentStore ContentStore::create(const fs::path& requested, const std::string& created_at) {
  git::Session session;
  fs::path path = git::build_then_rename(requested, "create a store at", "init", [&](const fs::path& temporary) {
    auto repo = git::init_store_repo(temporary);
    crash_point("init-after-git-init");
    write_initial_commit(repo.get(), created_at);
  });
  return open(path);
}

ContentStore ContentStore::open(const fs::path& requested) {
  auto impl = std::make_unique<Impl>();
  impl->path = fs::absolute(requested).lexically_normal();
  std::error_code ec;
  auto status = fs::status(impl->path, ec);
  if (!fs::exists(status)) {
    throw NotAStoreError("no store at " + impl->path.string() + " (create one with 'stet init')");
  }
  if (!fs::is_directory(status)) {
    throw NotAStoreError("not a stet store: " + impl->path.string() + " is not a folder");
  }
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, impl->path.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) < 0) {
    throw NotAStoreError("not a stet store: " + impl->path.string() + " is not a git repository");
  }
  impl->repo.reset(raw);
  if (!git_repository_is_bare(impl->repo.get())) {
    throw NotAStoreError("not a stet store: " + impl->path.string() + " is a git work tree, not a bare store");
  }
  check_format(impl->repo.get(), impl->path);
  return ContentStore(std::move(impl));
}

bool looks_like_store(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path / layout::k_format_file, ec) || fs::is_regular_file(path / "HEAD", ec);
}

const fs::path& ContentStore::path() const { return m_impl->path; }

std::string ContentStore::head() const {
  git_oid id;
  int rc = git_reference_name_to_id(&id, m_impl->repo.get(), std::string(layout::k_branch).c_str());
  if (rc == GIT_ENOTFOUND) {
    return "";
  }
  check(rc, "cannot read the store's branch");
  return git::oid_hex(id);
}

const git_tree* ContentStore::Impl::current_tree() const {
  git_oid id;
  int rc = git_reference_name_to_id(&id, repo.get(), std::string(layout::k_branch).c_str());
  if (rc == GIT_ENOTFOUND) {
    return nullptr;
  }
  check(rc, "cannot read the store's branch");
  if (!m_cached_tree || git_oid_cmp(&id, &m_cached_head) != 0) {
    git_commit* raw = nullptr;
    check(git_commit_lookup(&raw, repo.get(), &id), "cannot read the head commit " + git::oid_hex(id));
    git::git_commit_ptr commit(raw);
    m_cached_tree = git::commit_tree(commit.get());
    m_cached_head = id;
  }
  return m_cached_tree.get();
}

std::optional<std::vector<Version>> ContentStore::history(std::string_view doc) const {
  if (document_id_problem(doc)) {
    return std::nullopt;
  }
  const git_tree* tree = m_impl->current_tree();
  if (tree == nullptr) {
    return std::nullopt;
  }
  return git::history_in(m_impl->repo.get(), tree, doc);
}

std::optional<std::string> ContentStore::content(std::string_view doc, const Digest& sha256) const {
  if (document_id_problem(doc)) {
    return std::nullopt;
  }
  const git_tree* tree = m_impl->current_tree();
  if (tree == nullptr) {
    return std::nullopt;
  }
  // Straight to the one folder: reading the whole history per content made
  // a pass over a long history quadratic.
  auto folder = git::subtree(m_impl->repo.get(), tree, layout::versions_dir(doc) + "/" + sha256.hex());
  if (!folder) {
    return std::nullopt;
  }
  const git_tree_entry* entry = git_tree_entry_byname(folder->get(), std::string(layout::k_content_file).c_str());
  if (entry == nullptr) {
    return std::nullopt;
  }
  std::string bytes = git::read_blob(m_impl->repo.get(), *git_tree_entry_id(entry));
  if (store::sha256(bytes) != sha256) {
    refuse_altered(doc, sha256, history(doc));
  }
  return bytes;
}

std::optional<std::string> ContentStore::text_form(std::string_view doc, const Digest& sha256,
                                                   const Digest& text) const {
  auto versions = history(doc);
  for (const Version& version : versions.value_or(std::vector<Version>{})) {
    if (version.sha256 != sha256) {
      continue;
    }
    for (const TextObject& t : version.texts) {
      if (t.sha256 == text) {
        std::string bytes = git::read_blob(m_impl->repo.get(), git::oid_from_hex(t.object_id));
        if (store::sha256(bytes) != text) {
          refuse_altered(doc, sha256, versions);
        }
        return bytes;
      }
    }
  }
  return std::nullopt;
}

}  // namespace stet::store

namespace stet::store {

std::vector<DocumentSummary> ContentStore::documents() const {
  std::vector<DocumentSummary> out;
  const git_tree* root = m_impl->current_tree();
  if (root == nullptr) {
    return out;
  }
  auto docs = git::subtree(m_impl->repo.get(), root, std::string(layout::k_docs_dir));
  if (!docs) {
    return out;
  }
  for (std::size_t i = 0; i < git_tree_entrycount(docs->get()); ++i) {
    const git_tree_entry* shard1 = git_tree_entry_byindex(docs->get(), i);
    std::string name1 = git_tree_entry_name(shard1);
    auto level1 = git::subtree(m_impl->repo.get(), docs->get(), name1);
    for (std::size_t j = 0; level1 && j < git_tree_entrycount(level1->get()); ++j) {
      std::string name2 = git_tree_entry_name(git_tree_entry_byindex(level1->get(), j));
      auto level2 = git::subtree(m_impl->repo.get(), level1->get(), name2);
      if (level2) {
        collect_documents(m_impl->repo.get(), level2->get(), "", out);
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

}  // namespace stet::store
