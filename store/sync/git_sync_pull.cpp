// pull: fetch a remote store's branch, then merge it into the store as a
// union of versions. Each version lives under its own SHA-256 and each
// record under a unique name, so two stores' trees merge without conflict;
// anything else (a removed or changed file) is refused before the branch moves.

#include "format/layout.hpp"
#include "repo/git_store_impl.hpp"
#include "repo/git_tree_ops.hpp"
#include "repo/store_lock.hpp"
#include "store/error.hpp"
#include "sync/git_sync.hpp"

#include <chrono>
#include <set>

namespace stet::store {

namespace {

using git::check;

constexpr auto k_pull_lock_timeout = std::chrono::seconds(120);
constexpr int k_pull_max_attempts = 50;

using git::git_diff_ptr;
using git::git_index_ptr;

git::git_commit_ptr lookup_commit(git_repository* repo, const git_oid& id) {
  git_commit* raw = nullptr;
  check(git_commit_lookup(&raw, repo, &id), "cannot read commit " + git::oid_hex(id));
  return git::git_commit_ptr(raw);
}

// What `after` adds to `before`: counts new versions and records and names
// the documents they belong to. Throws MergeRefusedError when `after` lacks
// or changes anything `before` has, or adds files outside documents.
void collect_additions(git_repository* repo, git_tree* before, git_tree* after, PullResult& result,
                       const std::string& side) {
  git_diff_options options;
  check(git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION), "cannot compare the two histories");
  git_diff* raw = nullptr;
  check(git_diff_tree_to_tree(&raw, repo, before, after, &options), "cannot compare the two histories");
  git_diff_ptr diff(raw);
  std::set<std::string> documents(result.documents.begin(), result.documents.end());
  // Built by appending: `"/" + std::string(...)` trips g++ 12's false -Wrestrict at -O3.
  const std::string marker = std::string("/").append(layout::k_versions_dir).append("/");
  const std::string content_suffix = std::string("/").append(layout::k_content_file);
  for (std::size_t i = 0; i < git_diff_num_deltas(diff.get()); ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
    std::string path = delta->new_file.path != nullptr ? delta->new_file.path : delta->old_file.path;
    if (delta->status != GIT_DELTA_ADDED) {
      throw MergeRefusedError("cannot merge: " + side + " changes or removes " + path +
                              "; a stet store only ever adds files (is one side damaged or not a stet store?)");
    }
    auto at = path.find(marker);
    if (!path.starts_with(std::string(layout::k_docs_dir) + "/") || at == std::string::npos) {
      throw MergeRefusedError("cannot merge: " + side + " adds " + path + ", which is not part of a stet store");
    }
    // docs/<aa>/<bb>/<doc>/_versions/<sha>/<file>
    std::string doc = path.substr(11, at - 11);
    documents.insert(doc);
    if (path.ends_with(content_suffix)) {
      ++result.new_versions;
    } else {
      ++result.new_records;
    }
  }
  result.documents.assign(documents.begin(), documents.end());
}

// Every commit the remote brings must only add files to each of its
// parents: a store's history never removes or rewrites a record, so a
// remote whose history does (even if a later commit restores it) is refused.
void check_incoming_history(git_repository* repo, const git_oid& theirs, const git_oid& ours) {
  git_revwalk* raw = nullptr;
  check(git_revwalk_new(&raw, repo), "cannot walk the fetched history");
  git::git_revwalk_ptr walk(raw);
  check(git_revwalk_push(walk.get(), &theirs), "cannot walk the fetched history");
  check(git_revwalk_hide(walk.get(), &ours), "cannot walk the fetched history");
  git_oid id;
  int rc = 0;
  while ((rc = git_revwalk_next(&id, walk.get())) == 0) {
    auto commit = lookup_commit(repo, id);
    auto tree = git::commit_tree(commit.get());
    for (unsigned int i = 0; i < git_commit_parentcount(commit.get()); ++i) {
      auto parent = lookup_commit(repo, *git_commit_parent_id(commit.get(), i));
      PullResult ignored;
      collect_additions(repo, git::commit_tree(parent.get()).get(), tree.get(), ignored,
                        "the remote's commit " + git::oid_hex(id).substr(0, 12));
    }
  }
  if (rc != GIT_ITEROVER) {
    check(rc, "cannot walk the fetched history");
  }
}

// Every document that gained records must read back (records parse, every
// version has its content): a malformed remote is refused, not merged.
void check_documents_read(git_repository* repo, const git_tree* merged, const PullResult& result) {
  for (const std::string& doc : result.documents) {
    try {
      (void)git::history_in(repo, merged, doc);
    } catch (const Error& e) {
      throw MergeRefusedError("cannot merge: document '" + doc + "' would not read back: " + e.what());
    }
  }
}

// The merged tree of `ours` and `theirs`, with no rename detection and a
// refusal on any conflict. Unrelated histories (two stores created apart)
// merge with no ancestor: their identical format files agree.
git_oid merge_trees(git_repository* repo, git_commit* ours, git_commit* theirs) {
  git_oid base;
  git::git_tree_ptr ancestor;
  int rc = git_merge_base(&base, repo, git_commit_id(ours), git_commit_id(theirs));
  if (rc != GIT_ENOTFOUND) {
    check(rc, "cannot find the common history");
    ancestor = git::commit_tree(lookup_commit(repo, base).get());
  }
  auto our_tree = git::commit_tree(ours);
  auto their_tree = git::commit_tree(theirs);
  git_merge_options options;
  check(git_merge_options_init(&options, GIT_MERGE_OPTIONS_VERSION), "cannot merge the two histories");
  options.flags = GIT_MERGE_FAIL_ON_CONFLICT;
  git_index* raw = nullptr;
  rc = git_merge_trees(&raw, repo, ancestor.get(), our_tree.get(), their_tree.get(), &options);
  git_index_ptr index(raw);
  if (rc == GIT_EMERGECONFLICT || (rc == 0 && git_index_has_conflicts(index.get()) != 0)) {
    throw MergeRefusedError(
        "cannot merge: the two histories conflict, which a stet store never does "
        "(is one side damaged or not a stet store?); nothing was changed");
  }
  check(rc, "cannot merge the two histories");
  git_oid tree;
  check(git_index_write_tree_to(&tree, index.get(), repo), "cannot write the merged tree");
  return tree;
}

git_oid write_merge_commit(git_repository* repo, const git_oid& tree_id, git_commit* ours, git_commit* theirs,
                           const SyncIdentity& identity, const std::string& url) {
  git_tree* raw = nullptr;
  check(git_tree_lookup(&raw, repo, &tree_id), "cannot read the merged tree");
  git::git_tree_ptr tree(raw);
  auto signature = git::make_signature(identity.who, identity.when);
  // The remote's line is the first parent: the log (docs/audit.md) follows
  // first parents, so what was already pushed keeps its leaves and the
  // local versions are appended after it.
  const git_commit* parents[] = {theirs, ours};
  std::string message =
      "stet: merge versions from " + url + "\n\nStet-Merge: " + git::oid_hex(*git_commit_id(theirs)) + "\n";
  git_oid commit;
  check(git_commit_create(&commit, repo, nullptr, signature.get(), signature.get(), nullptr, message.c_str(),
                          tree.get(), 2, parents),
        "cannot write the merge commit");
  return commit;
}

// One attempt to move the branch from `ours` to include `theirs`. Returns
// false when the branch moved meanwhile (the caller retries).
bool merge_once(git_repository* repo, const std::filesystem::path& store, git_commit* ours, git_commit* theirs,
                const SyncIdentity& identity, PullResult& result) {
  const git_oid* our_id = git_commit_id(ours);
  const git_oid* their_id = git_commit_id(theirs);
  result = PullResult{PullKind::up_to_date, result.url, git::oid_hex(*our_id), 0, 0, {}};
  if (git_oid_equal(our_id, their_id) != 0 || git_graph_descendant_of(repo, our_id, their_id) == 1) {
    return true;
  }
  check_incoming_history(repo, *their_id, *our_id);
  auto our_tree = git::commit_tree(ours);
  git_oid target = *their_id;
  git_oid merged_tree = *git_tree_id(git::commit_tree(theirs).get());
  result.kind = PullKind::fast_forward;
  if (git_graph_descendant_of(repo, their_id, our_id) != 1) {
    merged_tree = merge_trees(repo, ours, theirs);
    result.kind = PullKind::merged;
  }
  git_tree* raw = nullptr;
  check(git_tree_lookup(&raw, repo, &merged_tree), "cannot read the merged tree");
  git::git_tree_ptr merged(raw);
  PullResult local_side;  // only checked: the remote gains what the local store adds
  collect_additions(repo, git::commit_tree(theirs).get(), merged.get(), local_side, "the local store");
  collect_additions(repo, our_tree.get(), merged.get(), result, "the remote");
  check_documents_read(repo, merged.get(), result);
  if (result.kind == PullKind::merged) {
    target = write_merge_commit(repo, merged_tree, ours, theirs, identity, result.url);
  }
  if (!git::compare_and_swap_branch(repo, store, target, *our_id)) {
    return false;
  }
  result.head = git::oid_hex(target);
  return true;
}

}  // namespace

PullResult pull(ContentStore& store, const std::string& remote_name, const SyncIdentity& identity) {
  git::Session session;
  auto repo = git::open_store_repo(store.path());
  git::SyncLock sync_lock(store.path());
  auto remote = git::resolve_remote(repo.get(), remote_name);
  PullResult result;
  result.url = remote.url;
  auto theirs_id = git::fetch_branch(repo.get(), store.path(), remote);
  if (!theirs_id) {
    result.kind = PullKind::remote_empty;
    result.head = store.head();
    return result;
  }
  auto theirs = lookup_commit(repo.get(), *theirs_id);
  StoreLock lock(store.path(), k_pull_lock_timeout);
  for (int attempt = 0; attempt < k_pull_max_attempts; ++attempt) {
    auto ours = git::branch_commit(repo.get());
    if (!ours) {
      throw Error("the store's branch is missing");
    }
    if (merge_once(repo.get(), store.path(), ours->get(), theirs.get(), identity, result)) {
      return result;
    }
  }
  throw Error("the store's branch kept moving; gave up after " + std::to_string(k_pull_max_attempts) + " attempts");
}

}  // namespace stet::store
