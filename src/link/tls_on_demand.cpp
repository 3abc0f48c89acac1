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
//   - mbedtls_entropy_init and mbedtls_ctr_drbg_seed (libgit2 seeds one
//     random generator for all TLS at init; with Debian's HAVEGE source that
//     is an eighth of `stet show`) are remembered the same way and done at
//     the first mbedtls_ssl_setup or handshake, before anything draws on the
//     generator. Freeing a context that was never set up forgets it.
//   - libssh2_init does nothing: libssh2_session_init_ex initialises libssh2
//     itself when it has not been (libssh2's _libssh2_init_if_needed), and
//     libssh2_exit is a no-op on an uninitialised library.

#include <cstddef>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

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

using EntropySource = int (*)(void*, unsigned char*, std::size_t);
void __real_mbedtls_entropy_init(void* entropy);
void __real_mbedtls_entropy_free(void* entropy);
int __real_mbedtls_ctr_drbg_seed(void* drbg, EntropySource source, void* source_state, const unsigned char* custom,
                                 std::size_t custom_size);
int __real_mbedtls_ssl_setup(void* ssl, const void* config);

void __wrap_mbedtls_entropy_init(void* entropy);
void __wrap_mbedtls_entropy_free(void* entropy);
int __wrap_mbedtls_ctr_drbg_seed(void* drbg, EntropySource source, void* source_state, const unsigned char* custom,
                                 std::size_t custom_size);
int __wrap_mbedtls_ssl_setup(void* ssl, const void* config);

}  // extern "C"

namespace {

// The CA files and folders to parse into one chain, in the order given.
struct Pending {
  void* chain = nullptr;                              // nullptr: nothing is waiting
  std::vector<std::pair<std::string, bool>> sources;  // path, is a folder
};

std::mutex g_mutex;
Pending g_pending;

// A random generator whose seeding waits for the first TLS session.
struct PendingSeed {
  void* entropy = nullptr;  // an entropy context not yet initialised
  void* drbg = nullptr;     // nullptr: no seeding is waiting
  EntropySource source = nullptr;
  void* source_state = nullptr;
  std::vector<unsigned char> custom;
};

PendingSeed g_seed;

// Initialises the remembered entropy context and seeds the generator; 0, or
// mbedTLS's error.
int seed_pending() {
  std::lock_guard lock(g_mutex);
  if (g_seed.entropy != nullptr) {
    __real_mbedtls_entropy_init(g_seed.entropy);
    g_seed.entropy = nullptr;
  }
  if (g_seed.drbg == nullptr) {
    return 0;
  }
  PendingSeed seed = std::move(g_seed);
  g_seed = PendingSeed{};
  return __real_mbedtls_ctr_drbg_seed(seed.drbg, seed.source, seed.source_state,
                                      seed.custom.empty() ? nullptr : seed.custom.data(), seed.custom.size());
}

int remember(void* chain, const char* path, bool folder) {
  std::lock_guard lock(g_mutex);
  if (chain != g_pending.chain) {
    g_pending = Pending{chain, {}};
  }
  g_pending.sources.emplace_back(path == nullptr ? std::string() : std::string(path), folder);
  return 0;
}

// Parses the remembered bundles into their chain; 0, or mbedTLS's error.
int load_pending() {
  std::lock_guard lock(g_mutex);
  if (g_pending.chain == nullptr) {
    return 0;
  }
  Pending pending = std::move(g_pending);
  g_pending = Pending{};
  for (const auto& [path, folder] : pending.sources) {
    int rc = folder ? __real_mbedtls_x509_crt_parse_path(pending.chain, path.c_str())
                    : __real_mbedtls_x509_crt_parse_file(pending.chain, path.c_str());
    if (rc < 0) {
      return rc;  // parse_path returns how many certificates it skipped
    }
  }
  return 0;
}

// What a TLS session needs before it starts: the generator, then the CA chain.
int prepare_session() {
  int rc = seed_pending();
  return rc != 0 ? rc : load_pending();
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
  int rc = prepare_session();
  return rc < 0 ? rc : __real_mbedtls_ssl_handshake(ssl);
}

int __wrap_mbedtls_ssl_setup(void* ssl, const void* config) {
  int rc = seed_pending();
  return rc != 0 ? rc : __real_mbedtls_ssl_setup(ssl, config);
}

void __wrap_mbedtls_entropy_init(void* entropy) {
  std::lock_guard lock(g_mutex);
  if (g_seed.entropy != nullptr) {  // a second context: set up the first now
    __real_mbedtls_entropy_init(g_seed.entropy);
  }
  g_seed.entropy = entropy;
}

void __wrap_mbedtls_entropy_free(void* entropy) {
  {
    std::lock_guard lock(g_mutex);
    if (entropy != nullptr && entropy == g_seed.entropy) {
      g_seed = PendingSeed{};  // never set up: nothing to free, nothing to seed from
      return;
    }
  }
  __real_mbedtls_entropy_free(entropy);
}

int __wrap_mbedtls_ctr_drbg_seed(void* drbg, EntropySource source, void* source_state, const unsigned char* custom,
                                 std::size_t custom_size) {
  std::lock_guard lock(g_mutex);
  if (g_seed.drbg != nullptr || source_state != g_seed.entropy || g_seed.entropy == nullptr) {
    // Not the one generator libgit2 seeds at init: seed it now, as asked.
    if (g_seed.entropy == source_state && source_state != nullptr) {
      __real_mbedtls_entropy_init(g_seed.entropy);
      g_seed.entropy = nullptr;
    }
    return __real_mbedtls_ctr_drbg_seed(drbg, source, source_state, custom, custom_size);
  }
  g_seed.drbg = drbg;
  g_seed.source = source;
  g_seed.source_state = source_state;
  g_seed.custom.assign(custom, custom + (custom == nullptr ? 0 : custom_size));
  return 0;
}

int __wrap_libssh2_init(int /*flags*/) { return 0; }

}  // extern "C"
