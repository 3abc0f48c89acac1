#include "repo/git_store_impl.hpp"

#include "format/layout.hpp"
#include "format/record_codec.hpp"
#include "repo/crash_hook.hpp"
#include "repo/git_tree_ops.hpp"
#include "store/timeline.hpp"
#include "store/timestamp.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <system_error>
#include <thread>

namespace stet::store::git {

namespace fs = std::filesystem;

namespace {

constexpr auto k_stale_ref_lock_age = std::chrono::seconds(10);
// Longer than k_stale_ref_lock_age, so a stale lock is always cleared
// before a writer gives up.
constexpr auto k_ref_lock_wait = std::chrono::seconds(30);

}  // namespace

void fsync_path(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

git_signature_ptr make_signature(const std::string& who, const std::string& when) {
  std::string name = who;
  std::string email = "stet@localhost";
  auto open = who.find('<');
  auto close = who.rfind('>');
  if (open != std::string::npos && close != std::string::npos && close > open) {
    email = who.substr(open + 1, close - open - 1);
    name = who.substr(0, open);
  }
  auto not_space = [](unsigned char c) { return c > ' '; };
  name.erase(name.begin(), std::find_if(name.begin(), name.end(), not_space));
  name.erase(std::find_if(name.rbegin(), name.rend(), not_space).base(), name.end());
  if (name.empty()) {
    name = "stet";
  }
  auto time = parse_rfc3339(when);
  if (!time) {
    throw InvalidInputError("invalid timestamp '" + when + "'");
  }
  git_signature* raw = nullptr;
  check(git_signature_new(&raw, name.c_str(), email.c_str(), time->seconds, 0), "cannot build a git signature");
  return git_signature_ptr(raw);
}

git_oid write_blob(git_repository* repo, std::string_view data) {
  git_oid id;
  check(git_blob_create_from_buffer(&id, repo, data.data(), data.size()), "cannot write an object");
  return id;
}

std::vector<Version> read_versions(git_repository* repo, const git_tree* versions_tree) {
  std::vector<Version> versions;
  std::size_t count = git_tree_entrycount(versions_tree);
  for (std::size_t i = 0; i < count; ++i) {
    const git_tree_entry* entry = git_tree_entry_byindex(versions_tree, i);
    std::string name = git_tree_entry_name(entry);
    auto sha = Digest::from_hex(name);
    if (!sha || git_tree_entry_type(entry) != GIT_OBJECT_TREE) {
      throw Error("unexpected entry '" + name + "' in a versions folder");
    }
    git_tree* raw = nullptr;
    check(git_tree_lookup(&raw, repo, git_tree_entry_id(entry)), "cannot read version " + name);
    git_tree_ptr version_tree(raw);
    Version version;
    version.sha256 = *sha;
    std::vector<Record> records;
    for (std::size_t j = 0; j < git_tree_entrycount(version_tree.get()); ++j) {
      const git_tree_entry* file = git_tree_entry_byindex(version_tree.get(), j);
      std::string file_name = git_tree_entry_name(file);
      if (file_name == layout::k_content_file) {
        version.object_id = oid_hex(*git_tree_entry_id(file));
      } else if (auto text = layout::text_file_digest(file_name)) {
        version.texts.push_back({*text, oid_hex(*git_tree_entry_id(file))});
      } else if (file_name.ends_with(".json")) {
        records.push_back(codec::record_from_json(read_blob(repo, *git_tree_entry_id(file))));
      }
    }
    if (version.object_id.empty() || records.empty()) {
      throw Error("version " + name + " lacks its content or its record");
    }
    version.ingest = std::move(records.front());
    version.sightings.assign(records.begin() + 1, records.end());
    versions.push_back(std::move(version));
  }
  order_versions(versions);
  return versions;
}

std::optional<std::vector<Version>> history_in(git_repository* repo, const git_tree* root, std::string_view doc) {
  auto tree = subtree(repo, root, layout::versions_dir(doc));
  if (!tree) {
    return std::nullopt;
  }
  return read_versions(repo, tree->get());
}

// A `.lock` on the branch left by a killed process blocks every writer.
// We hold the store lock, so no stet process can own it; a plain git
// process holds such a lock for milliseconds, so an old one is stale.
void clear_stale_ref_lock(const fs::path& store) {
  fs::path lock = store / (std::string(layout::k_branch) + ".lock");
  std::error_code ec;
  auto written = fs::last_write_time(lock, ec);
  if (ec) {
    return;
  }
  if (fs::file_time_type::clock::now() - written > k_stale_ref_lock_age) {
    fs::remove(lock, ec);
  }
}

// Moves the branch from `expected` to `target` only if nobody moved it
// meanwhile. Returns false when it moved (the caller rebuilds).
bool compare_and_swap_branch(git_repository* repo, const std::filesystem::path& store, const git_oid& target,
                             const git_oid& expected) {
  crash_point("before-ref-update");
  auto deadline = std::chrono::steady_clock::now() + k_ref_lock_wait;
  for (;;) {
    git_reference* raw = nullptr;
    int rc = git_reference_create_matching(&raw, repo, std::string(layout::k_branch).c_str(), &target, 1, &expected,
                                           "stet ingest");
    git_reference_ptr ref(raw);
    if (rc == GIT_EMODIFIED) {
      return false;
    }
    if (rc == GIT_ELOCKED && std::chrono::steady_clock::now() < deadline) {
      clear_stale_ref_lock(store);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      continue;
    }
    check(rc, "cannot update the store's branch");
    return true;
  }
}

}  // namespace stet::store::git
