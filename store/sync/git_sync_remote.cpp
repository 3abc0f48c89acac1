// Remotes of a store: the names kept in its git config, resolving a name or
// a URL, the callbacks every conversation with a remote uses, the sync lock.

#include "repo/crash_hook.hpp"
#include "repo/git_tree_ops.hpp"
#include "store/error.hpp"
#include "sync/git_sync.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

namespace stet::store {

namespace fs = std::filesystem;

namespace git {

namespace {

constexpr auto k_sync_lock_timeout = std::chrono::minutes(10);

// Credentials: an ssh agent for ssh URLs; user and password embedded in an
// https URL are used by libgit2 itself. One attempt only, so a refused key
// ends in a clear error instead of a loop.
int credentials(git_credential** out, const char* /*url*/, const char* user_from_url, unsigned int allowed,
                void* payload) {
  auto* session = static_cast<RemoteSession*>(payload);
  return session->guard([&] {
    fault_point("credentials");
    if (session->credential_attempts++ > 0) {
      git_error_set_str(GIT_ERROR_NET, "authentication failed (credentials refused)");
      return static_cast<int>(GIT_EAUTH);
    }
    if ((allowed & GIT_CREDENTIAL_SSH_KEY) != 0) {
      return git_credential_ssh_key_from_agent(out, user_from_url != nullptr ? user_from_url : "git");
    }
    git_error_set_str(GIT_ERROR_NET, "authentication required: give the user and token in the URL or use ssh");
    return static_cast<int>(GIT_EAUTH);
  });
}

int push_update_reference(const char* refname, const char* status, void* payload) {
  auto* session = static_cast<RemoteSession*>(payload);
  return session->guard([&] {
    fault_point("push-update-reference");
    if (status != nullptr) {
      session->rejection = std::string(refname) + ": " + status;
    }
    return 0;
  });
}

bool is_url_like(const std::string& text) {
  std::error_code ec;
  return text.find("://") != std::string::npos || text.find(':') != std::string::npos ||
         text.find('/') != std::string::npos || text.starts_with(".") || fs::exists(text, ec);
}

// TLS trust, as OpenSSL's tools take it: SSL_CERT_FILE and SSL_CERT_DIR name
// the CA certificates for https remotes instead of the system bundle
// (docs/cli.md). Set for each conversation with a remote, not when a store
// is opened: parsing a CA folder costs tens of milliseconds that a local
// command must not pay.
void use_ca_locations_from_environment() {
  const char* cert_file = std::getenv("SSL_CERT_FILE");
  const char* cert_dir = std::getenv("SSL_CERT_DIR");
  bool has_file = cert_file != nullptr && *cert_file != '\0';
  bool has_dir = cert_dir != nullptr && *cert_dir != '\0';
  if (has_file || has_dir) {
    check(
        git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, has_file ? cert_file : nullptr, has_dir ? cert_dir : nullptr),
        "cannot use the CA certificates of SSL_CERT_FILE or SSL_CERT_DIR");
  }
}

}  // namespace

RemoteSession::RemoteSession() {
  use_ca_locations_from_environment();
  check(git_remote_init_callbacks(&callbacks, GIT_REMOTE_CALLBACKS_VERSION), "cannot set up remote callbacks");
  callbacks.credentials = credentials;
  callbacks.push_update_reference = push_update_reference;
  callbacks.payload = this;
}

void RemoteSession::check_call(int rc, const std::string& what, const std::string& url) {
  if (error) {
    std::rethrow_exception(error);
  }
  check_remote(rc, what, url);
}

void check_remote(int rc, const std::string& what, const std::string& url) {
  if (rc >= 0) {
    return;
  }
  std::string message = last_error_message();
  if (rc == GIT_EAUTH) {
    throw RemoteError("authentication failed for " + url + ": " + message);
  }
  throw RemoteError(what + " " + url + ": " + message);
}

git_repository_ptr open_store_repo(const fs::path& store) {
  git_repository* raw = nullptr;
  check(git_repository_open_ext(&raw, store.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr),
        "cannot open the store " + store.string());
  return git_repository_ptr(raw);
}

std::string normalize_url(const std::string& url) {
  std::error_code ec;
  if (url.find("://") == std::string::npos && fs::is_directory(url, ec)) {
    return fs::absolute(url).lexically_normal().string();
  }
  return url;
}

ResolvedRemote resolve_remote(git_repository* repo, const std::string& name_or_url) {
  ResolvedRemote resolved;
  git_remote* raw = nullptr;
  int rc = git_remote_lookup(&raw, repo, name_or_url.c_str());
  if (rc == 0) {
    resolved.remote.reset(raw);
    resolved.name = name_or_url;
    const char* url = git_remote_url(raw);
    resolved.url = url != nullptr ? url : "";
    resolved.tracking_ref = "refs/remotes/" + name_or_url + "/main";
    return resolved;
  }
  if (rc != GIT_ENOTFOUND && rc != GIT_EINVALIDSPEC) {
    check(rc, "cannot read remote '" + name_or_url + "'");
  }
  if (!is_url_like(name_or_url)) {
    throw InvalidInputError("no remote named '" + name_or_url + "' (see 'stet remote list')");
  }
  resolved.url = normalize_url(name_or_url);
  check(git_remote_create_anonymous(&raw, repo, resolved.url.c_str()), "invalid remote URL '" + name_or_url + "'");
  resolved.remote.reset(raw);
  resolved.tracking_ref = "refs/stet/fetched/main";
  return resolved;
}

SyncLock::SyncLock(const fs::path& store) {
  auto path = store / "stet-sync.lock";
  m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (m_fd < 0) {
    throw Error("cannot open lock file " + path.string() + ": " + std::strerror(errno));
  }
  auto deadline = std::chrono::steady_clock::now() + k_sync_lock_timeout;
  while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
    if ((errno != EWOULDBLOCK && errno != EINTR) || std::chrono::steady_clock::now() >= deadline) {
      int saved = errno;
      ::close(m_fd);
      throw Error("cannot lock " + path.string() + ": " +
                  (saved == EWOULDBLOCK ? std::string("another push or pull is running") : std::strerror(saved)));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

SyncLock::~SyncLock() {
  if (m_fd >= 0) {
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
  }
}

}  // namespace git

std::vector<Remote> remotes(const ContentStore& store) {
  git::Session session;
  auto repo = git::open_store_repo(store.path());
  git_strarray names{};
  git::check(git_remote_list(&names, repo.get()), "cannot list remotes");
  std::vector<Remote> out;
  for (std::size_t i = 0; i < names.count; ++i) {
    git_remote* raw = nullptr;
    if (git_remote_lookup(&raw, repo.get(), names.strings[i]) == 0) {
      git::git_remote_ptr remote(raw);
      const char* url = git_remote_url(raw);
      out.push_back({names.strings[i], url != nullptr ? url : ""});
    }
  }
  git_strarray_dispose(&names);
  std::sort(out.begin(), out.end(), [](const Remote& a, const Remote& b) { return a.name < b.name; });
  return out;
}

void add_remote(ContentStore& store, const std::string& name, const std::string& url) {
  git::Session session;
  auto repo = git::open_store_repo(store.path());
  int valid = 0;
  git::check(git_remote_name_is_valid(&valid, name.c_str()), "cannot check the remote name");
  if (valid == 0 || name.find('/') != std::string::npos) {
    throw InvalidInputError("invalid remote name '" + name + "': use letters, digits, '-', '_' or '.'");
  }
  if (url.empty()) {
    throw InvalidInputError("the URL of remote '" + name + "' is empty");
  }
  git_remote* raw = nullptr;
  int rc = git_remote_create(&raw, repo.get(), name.c_str(), git::normalize_url(url).c_str());
  git::git_remote_ptr remote(raw);
  if (rc == GIT_EEXISTS) {
    throw InvalidInputError("a remote named '" + name + "' already exists");
  }
  git::check(rc, "cannot add remote '" + name + "'");
}

void remove_remote(ContentStore& store, const std::string& name) {
  git::Session session;
  auto repo = git::open_store_repo(store.path());
  int rc = git_remote_delete(repo.get(), name.c_str());
  if (rc == GIT_ENOTFOUND || rc == GIT_EINVALIDSPEC) {
    throw InvalidInputError("no remote named '" + name + "'");
  }
  git::check(rc, "cannot remove remote '" + name + "'");
}

}  // namespace stet::store
