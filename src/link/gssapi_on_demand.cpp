// GSSAPI on demand, for the statically linked build (STET_STATIC_DEPS).
//
// libgit2 calls GSSAPI only to answer an HTTP server's "Negotiate"
// (Kerberos) challenge, yet linking it to libgssapi_krb5 makes every stet
// process load and relocate that library and the six it needs (libkrb5,
// libk5crypto, libcom_err, libkrb5support, libkeyutils, libresolv) before
// main: about a third of `stet --version` in that build (docs/performance.md).
// These definitions stand in for the eight functions and the one object
// libgit2 uses; the first call opens libgssapi_krb5.so.2 with dlopen and
// forwards to it. Without the library, every call fails with
// GSS_S_UNAVAILABLE, which libgit2 reports as Negotiate being unavailable.
//
// The declarations follow RFC 2744 (the GSSAPI C bindings): Debian ships
// the library without its headers unless libkrb5-dev is installed.

#include <dlfcn.h>

#include <cstddef>
#include <cstdint>
#include <mutex>

extern "C" {

using OM_uint32 = std::uint32_t;
struct gss_OID_desc {
  OM_uint32 length;
  void* elements;
};
using gss_OID = gss_OID_desc*;
struct gss_OID_set_desc;
using gss_OID_set = gss_OID_set_desc*;
struct gss_buffer_desc;
using gss_buffer_t = gss_buffer_desc*;
struct gss_name_struct;
using gss_name_t = gss_name_struct*;
struct gss_ctx_id_struct;
using gss_ctx_id_t = gss_ctx_id_struct*;
struct gss_cred_id_struct;
using gss_cred_id_t = gss_cred_id_struct*;
struct gss_channel_bindings_struct;
using gss_channel_bindings_t = gss_channel_bindings_struct*;

}  // extern "C"

namespace {

constexpr OM_uint32 k_unavailable = 16U << 16U;  // GSS_S_UNAVAILABLE, a routine error

// 1.2.840.113554.1.2.1.4, GSS_C_NT_HOSTBASED_SERVICE (RFC 2744, 4.1).
// MIT's library compares name types by value, so this copy is as good as its own.
unsigned char k_hostbased_bytes[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x12, 0x01, 0x02, 0x01, 0x04};
gss_OID_desc k_hostbased = {sizeof k_hostbased_bytes, k_hostbased_bytes};

void* library() {
  static void* handle = nullptr;
  static std::once_flag once;
  std::call_once(once, [] { handle = dlopen("libgssapi_krb5.so.2", RTLD_NOW | RTLD_LOCAL); });
  return handle;
}

// The real function `name` of type F, or nullptr when the library is missing.
template <typename F>
F* real(const char* name) {
  void* handle = library();
  return handle == nullptr ? nullptr : reinterpret_cast<F*>(dlsym(handle, name));
}

template <typename F, typename... Args>
OM_uint32 forward(const char* name, OM_uint32* minor, Args... args) {
  F* f = real<F>(name);
  if (f == nullptr) {
    if (minor != nullptr) {
      *minor = 0;
    }
    return k_unavailable;
  }
  return f(minor, args...);
}

}  // namespace

extern "C" {

gss_OID GSS_C_NT_HOSTBASED_SERVICE = &k_hostbased;

OM_uint32 gss_delete_sec_context(OM_uint32* minor, gss_ctx_id_t* context, gss_buffer_t output_token) {
  return forward<decltype(gss_delete_sec_context)>("gss_delete_sec_context", minor, context, output_token);
}

OM_uint32 gss_display_status(OM_uint32* minor, OM_uint32 status, int status_type, gss_OID mech_type,
                             OM_uint32* message_context, gss_buffer_t status_string) {
  return forward<decltype(gss_display_status)>("gss_display_status", minor, status, status_type, mech_type,
                                               message_context, status_string);
}

OM_uint32 gss_import_name(OM_uint32* minor, gss_buffer_t input_name, gss_OID name_type, gss_name_t* output_name) {
  return forward<decltype(gss_import_name)>("gss_import_name", minor, input_name, name_type, output_name);
}

OM_uint32 gss_indicate_mechs(OM_uint32* minor, gss_OID_set* mech_set) {
  return forward<decltype(gss_indicate_mechs)>("gss_indicate_mechs", minor, mech_set);
}

OM_uint32 gss_init_sec_context(OM_uint32* minor, gss_cred_id_t claimant, gss_ctx_id_t* context, gss_name_t target,
                               gss_OID mech_type, OM_uint32 req_flags, OM_uint32 time_req,
                               gss_channel_bindings_t bindings, gss_buffer_t input_token, gss_OID* actual_mech_type,
                               gss_buffer_t output_token, OM_uint32* ret_flags, OM_uint32* time_rec) {
  return forward<decltype(gss_init_sec_context)>("gss_init_sec_context", minor, claimant, context, target, mech_type,
                                                 req_flags, time_req, bindings, input_token, actual_mech_type,
                                                 output_token, ret_flags, time_rec);
}

OM_uint32 gss_release_buffer(OM_uint32* minor, gss_buffer_t buffer) {
  return forward<decltype(gss_release_buffer)>("gss_release_buffer", minor, buffer);
}

OM_uint32 gss_release_name(OM_uint32* minor, gss_name_t* name) {
  return forward<decltype(gss_release_name)>("gss_release_name", minor, name);
}

OM_uint32 gss_release_oid_set(OM_uint32* minor, gss_OID_set* set) {
  return forward<decltype(gss_release_oid_set)>("gss_release_oid_set", minor, set);
}

}  // extern "C"
