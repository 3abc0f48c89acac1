// Fetching a remote store's branch into a ref of its own (never the store's
// branch), and clone, which is a fetch into a new store.

#include "format/layout.hpp"
#include "repo/git_store_impl.hpp"
#include "repo/git_tree_ops.hpp"
#include "store/error.hpp"
#include "sync/git_sync.hpp"

#include <nlohmann/json.hpp>

#include <system_error>

namespace stet::store {

namespace fs = std::filesystem;

namespace git {

namespace {

constexpr auto k_stale_lock_age = std::chrono::seconds(10);

// A `.lock` on the tracking ref left by a killed fetch. We hold the sync
// lock, so no stet process owns it; plain git holds one for milliseconds.
void clear_stale_lock(const fs::path& store, const std::string& ref) {
  fs::path lock = store / (ref + ".lock");
  std::error_code ec;
  auto written = fs::last_write_time(lock, ec);
  if (!ec && fs::file_time_type::clock::now() - written > k_stale_lock_age) {
    fs::remove(lock, ec);
  }
}

}  // namespace

std::optional<git_oid> advertised_branch(git_remote* remote, const std::string& url, const std::string& hint) {
  const git_remote_head** heads = nullptr;
  std::size_t count = 0;
  check_remote(git_remote_ls(&heads, &count, remote), "cannot list the refs of", url);
  bool has_refs = false;
  for (std::size_t i = 0; i < count; ++i) {
    std::string name = heads[i]->name;
    if (name == layout::k_branch) {
      return heads[i]->oid;
    }
    has_refs = has_refs || name.starts_with("refs/");
  }
  if (has_refs) {
    throw NotAStoreError("not a stet store: " + url + " has no '" + std::string(layout::k_branch) + "' branch" + hint);
  }
  return std::nullopt;
}

void require_store_commit(git_repository* repo, const git_oid& commit_id, const std::string& url) {
  git_commit* raw = nullptr;
  check(git_commit_lookup(&raw, repo, &commit_id), "cannot read the fetched commit");
  git_commit_ptr commit(raw);
  auto tree = commit_tree(commit.get());
  const git_tree_entry* entry = git_tree_entry_byname(tree.get(), std::string(layout::k_format_file).c_str());
  if (entry == nullptr || git_tree_entry_type(entry) != GIT_OBJECT_BLOB) {
    throw NotAStoreError("not a stet store: " + url + " has no stet-store.json in its branch");
  }
  auto format = nlohmann::json::parse(read_blob(repo, *git_tree_entry_id(entry)), nullptr, false);
  if (format.is_discarded() || !format.is_object() || format.value("format", "") != "stet-store") {
    throw NotAStoreError("not a stet store: " + url + " has a malformed stet-store.json");
  }
  if (format.value("version", 0) != layout::k_format_version) {
    throw NotAStoreError("the store at " + url + " uses an unsupported format version");
  }
}

std::optional<git_oid> fetch_branch(git_repository* repo, const fs::path& store, ResolvedRemote& remote) {
  RemoteSession session;
  session.check_call(git_remote_connect(remote.remote.get(), GIT_DIRECTION_FETCH, &session.callbacks, nullptr, nullptr),
                     "cannot reach", remote.url);
  auto branch = advertised_branch(remote.remote.get(), remote.url);
  if (!branch) {
    return std::nullopt;
  }
  std::string spec = std::string(layout::k_branch) + ":" + remote.tracking_ref;
  char* specs[] = {spec.data()};
  git_strarray refspecs{specs, 1};
  git_fetch_options options;
  check(git_fetch_options_init(&options, GIT_FETCH_OPTIONS_VERSION), "cannot set up a fetch");
  options.callbacks = session.callbacks;
  options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE;
  options.update_fetchhead = 0;
  session.check_call(git_remote_download(remote.remote.get(), &refspecs, &options), "cannot fetch from", remote.url);
  git_remote_disconnect(remote.remote.get());
  require_store_commit(repo, *branch, remote.url);
  // The objects are complete on disk; only now does the tracking ref move.
  clear_stale_lock(store, remote.tracking_ref);
  git_reference* raw = nullptr;
  check(git_reference_create(&raw, repo, remote.tracking_ref.c_str(), &*branch, 1, "stet fetch"),
        "cannot record the fetched branch");
  git_reference_ptr ref(raw);
  return branch;
}

}  // namespace git

namespace {

void clone_into(const fs::path& temporary, const std::string& url) {
  auto repo = git::init_store_repo(temporary);
  git_remote* raw_remote = nullptr;
  git::check(git_remote_create(&raw_remote, repo.get(), "origin", url.c_str()), "cannot record remote 'origin'");
  git::ResolvedRemote remote{git::git_remote_ptr(raw_remote), "origin", url, "refs/remotes/origin/main"};
  auto branch = git::fetch_branch(repo.get(), temporary, remote);
  if (!branch) {
    throw NotAStoreError("nothing to clone: " + url + " is empty (create a store with 'stet init' and push it)");
  }
  git_reference* raw_ref = nullptr;
  git::check(
      git_reference_create(&raw_ref, repo.get(), std::string(layout::k_branch).c_str(), &*branch, 0, "stet clone"),
      "cannot write the store's branch");
  git::git_reference_ptr ref(raw_ref);
}

}  // namespace

ContentStore clone(const std::string& url, const fs::path& requested) {
  git::Session session;
  std::string normalized = git::normalize_url(url);
  fs::path path = git::build_then_rename(requested, "clone into", "clone",
                                         [&](const fs::path& temporary) { clone_into(temporary, normalized); });
  return ContentStore::open(path);
}

}  // namespace stet::store
