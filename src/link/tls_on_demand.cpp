// TLS and SSH set up on demand, for the statically linked build
// (STET_STATIC_DEPS), through the linker's --wrap (cmake/Dependencies.cmake).
//
// git_libgit2_init, which every store command needs, initialises what a
// remote over HTTPS or SSH would need: mbedTLS parses the whole system CA
// bundle (/etc/ssl/certs/ca-certificates.crt, about 140 certificates) and
// libssh2 initialises OpenSSL's cipher tables. For a local store that is
// over half of `stet show`'s CPU time (docs/performance.md). Here:
//   - mbedtls_x509_crt_parse_file/_path only remember which chain to fill
//     from which file; the first TLS handshake parses it (into the same
//     chain object, which libgit2 has already handed to its TLS config), and
//     a parse error then fails that handshake. Freeing a chain before that
//     forgets it.
//   - libssh2_init does nothing: libssh2_session_init_ex initialises libssh2
//     itself when it has not been (libssh2's _libssh2_init_if_needed), and
//     libssh2_exit is a no-op on an uninitialised library.

#include <mutex>
#include <string>

extern "C" {

int __real_mbedtls_x509_crt_parse_file(void* chain, const char* path);
int __real_mbedtls_x509_crt_parse_path(void* chain, const char* path);
void __real_mbedtls_x509_crt_free(void* chain);
int __real_mbedtls_ssl_handshake(void* ssl);

int __wrap_mbedtls_x509_crt_parse_file(void* chain, const char* path);
int __wrap_mbedtls_x509_crt_parse_path(void* chain, const char* path);
void __wrap_mbedtls_x509_crt_free(void* chain);
int __wrap_mbedtls_ssl_handshake(void* ssl);
int __wrap_libssh2_init(int flags);

}  // extern "C"

namespace {

struct Pending {
  void* chain = nullptr;  // nullptr: nothing is waiting
  std::string path;
  bool folder = false;
};

std::mutex g_mutex;
Pending g_pending;

int remember(void* chain, const char* path, bool folder) {
  std::lock_guard lock(g_mutex);
  g_pending = Pending{chain, path == nullptr ? std::string() : std::string(path), folder};
  return 0;
}

// Parses the remembered bundle into its chain; 0, or mbedTLS's error.
int load_pending() {
  std::lock_guard lock(g_mutex);
  if (g_pending.chain == nullptr) {
    return 0;
  }
  Pending pending = std::move(g_pending);
  g_pending = Pending{};
  int rc = pending.folder ? __real_mbedtls_x509_crt_parse_path(pending.chain, pending.path.c_str())
                          : __real_mbedtls_x509_crt_parse_file(pending.chain, pending.path.c_str());
  return rc < 0 ? rc : 0;  // parse_path returns how many certificates it skipped
}

}  // namespace

extern "C" {

int __wrap_mbedtls_x509_crt_parse_file(void* chain, const char* path) { return remember(chain, path, false); }

int __wrap_mbedtls_x509_crt_parse_path(void* chain, const char* path) { return remember(chain, path, true); }

void __wrap_mbedtls_x509_crt_free(void* chain) {
  {
    std::lock_guard lock(g_mutex);
    if (chain != nullptr && chain == g_pending.chain) {
      g_pending = Pending{};
    }
  }
  __real_mbedtls_x509_crt_free(chain);
}

int __wrap_mbedtls_ssl_handshake(void* ssl) {
  int rc = load_pending();
  return rc < 0 ? rc : __real_mbedtls_ssl_handshake(ssl);
}

int __wrap_libssh2_init(int /*flags*/) { return 0; }

}  // extern "C"
