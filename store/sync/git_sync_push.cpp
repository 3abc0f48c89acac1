// push: send the store's branch to a remote as a fast-forward only. The
// remote's history is never rewritten: when it has commits the store lacks,
// the push is refused and the user pulls first.

#include "format/layout.hpp"
#include "repo/git_tree_ops.hpp"
#include "store/error.hpp"
#include "sync/git_sync.hpp"

namespace stet::store {

namespace {

using git::check;

[[noreturn]] void throw_remote_ahead(const std::string& url) {
  throw RemoteAheadError("the remote " + url +
                         " has versions this store does not have yet; run 'stet pull' first "
                         "(or 'stet push --pull')");
}

void record_tracking_ref(git_repository* repo, const git::ResolvedRemote& remote, const git_oid& head) {
  if (remote.name.empty()) {
    return;
  }
  git_reference* raw = nullptr;
  check(git_reference_create(&raw, repo, remote.tracking_ref.c_str(), &head, 1, "stet push"),
        "cannot record the pushed branch");
  git::git_reference_ptr ref(raw);
}

void upload(git::ResolvedRemote& remote, git::RemoteSession& session) {
  std::string spec = std::string(layout::k_branch) + ":" + std::string(layout::k_branch);
  char* specs[] = {spec.data()};
  git_strarray refspecs{specs, 1};
  git_push_options options;
  check(git_push_options_init(&options, GIT_PUSH_OPTIONS_VERSION), "cannot set up a push");
  options.callbacks = session.callbacks;
  options.pb_parallelism = 0;  // build the pack with every core, as git does
  int rc = git_remote_upload(remote.remote.get(), &refspecs, &options);
  if (rc == GIT_ENONFASTFORWARD && !session.error) {
    throw_remote_ahead(remote.url);
  }
  session.check_call(rc, "cannot push to", remote.url);
  rc = git_remote_update_tips(remote.remote.get(), &session.callbacks, 0, GIT_REMOTE_DOWNLOAD_TAGS_NONE, nullptr);
  session.check_call(rc, "cannot finish the push to", remote.url);
  if (!session.rejection.empty()) {
    if (session.rejection.find("fast") != std::string::npos ||
        session.rejection.find("fetch first") != std::string::npos) {
      throw_remote_ahead(remote.url);
    }
    throw RemoteError("the remote " + remote.url + " refused the push: " + session.rejection);
  }
}

}  // namespace

PushResult push(ContentStore& store, const std::string& remote_name) {
  git::Session session;
  auto repo = git::open_store_repo(store.path());
  git::SyncLock sync_lock(store.path());
  auto remote = git::resolve_remote(repo.get(), remote_name);
  auto head = git::branch_commit(repo.get());
  if (!head) {
    throw Error("the store's branch is missing");
  }
  const git_oid* ours = git_commit_id(head->get());
  PushResult result{PushKind::pushed, remote.url, git::oid_hex(*ours)};
  git::RemoteSession talk;
  talk.check_call(git_remote_connect(remote.remote.get(), GIT_DIRECTION_PUSH, &talk.callbacks, nullptr, nullptr),
                  "cannot reach", remote.url);
  auto theirs = git::advertised_branch(remote.remote.get(), remote.url,
                                       "; push a store only to an empty repository or another copy of it");
  if (!theirs) {
    result.kind = PushKind::initialised;
  } else if (git_oid_equal(&*theirs, ours) != 0) {
    result.kind = PushKind::up_to_date;
    record_tracking_ref(repo.get(), remote, *ours);
    return result;
  } else if (git_graph_descendant_of(repo.get(), ours, &*theirs) != 1) {
    // Unknown here, or known but not below our head: either way the
    // remote has history we would overwrite.
    throw_remote_ahead(remote.url);
  }
  upload(remote, talk);
  git_remote_disconnect(remote.remote.get());
  record_tracking_ref(repo.get(), remote, *ours);
  return result;
}

}  // namespace stet::store
