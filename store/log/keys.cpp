// Verifier keys and signers for signed notes.

#include "ed25519.hpp"
#include "store/error.hpp"
#include "store/log/base64.hpp"
#include "store/log/note.hpp"

#include <cstdio>

namespace stet::store::log {

namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) {
    s.remove_suffix(1);
  }
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  return std::string(s);
}

std::optional<std::uint32_t> parse_hex32(std::string_view s) {
  if (s.size() != 8) {
    return std::nullopt;
  }
  std::uint32_t v = 0;
  for (char c : s) {
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (d < 0) {
      return std::nullopt;
    }
    v = v << 4 | static_cast<std::uint32_t>(d);
  }
  return v;
}

// "<name>+<hex id>+<base64 type || key>", split at the last two '+' signs
// (the base64 part may itself hold '+').
struct KeyParts {
  std::string name;
  std::uint32_t id = 0;
  std::string material;  // type byte and key
};

KeyParts split_key(std::string_view text, const char* what) {
  auto first = text.find('+');
  auto second = first == std::string_view::npos ? first : text.find('+', first + 1);
  if (second == std::string_view::npos) {
    throw InvalidInputError(std::string("not a ") + what + ": expected name+keyid+key");
  }
  auto id = parse_hex32(text.substr(first + 1, second - first - 1));
  auto material = base64_decode(text.substr(second + 1));
  std::string name(text.substr(0, first));
  if (!valid_key_name(name) || !id || !material || material->empty()) {
    throw InvalidInputError(std::string("not a ") + what + ": bad name, key ID or base64 key");
  }
  return {name, *id, *material};
}

char hex_digit(unsigned v) { return "0123456789abcdef"[v & 15]; }

}  // namespace

Vkey parse_vkey(std::string_view input) {
  std::string text = trim(input);
  KeyParts parts = split_key(text, "verifier key");
  Vkey key{parts.name, parts.id, static_cast<std::uint8_t>(parts.material[0]), parts.material.substr(1)};
  if (key.type == k_type_ed25519 || key.type == k_type_cosignature) {
    if (key.key.size() != 32) {
      throw InvalidInputError("not a verifier key: an Ed25519 key is 32 bytes");
    }
    if (key_id(key.name, key.type, key.key) != key.id) {
      throw InvalidInputError("not a verifier key: the key ID does not match the name and key");
    }
  }
  return key;
}

std::string format_vkey(const Vkey& key) {
  std::string id;
  for (int shift = 28; shift >= 0; shift -= 4) {
    id += hex_digit(key.id >> shift);
  }
  return key.name + "+" + id + "+" + base64_encode(std::string(1, static_cast<char>(key.type)) + key.key);
}

Signer parse_signer(const std::string& input, const std::string& name) {
  if (auto seed = ed25519_seed_from_pem(input)) {
    if (!valid_key_name(name)) {
      throw InvalidInputError("invalid key name '" + name + "' (no spaces or '+')");
    }
    return {name, k_type_ed25519, *seed};
  }
  std::string text = trim(input);
  constexpr std::string_view k_prefix = "PRIVATE+KEY+";
  if (!text.starts_with(k_prefix)) {
    throw InvalidInputError("not an Ed25519 private key (PEM, or PRIVATE+KEY+name+keyid+key)");
  }
  KeyParts parts = split_key(std::string_view(text).substr(k_prefix.size()), "private key");
  auto type = static_cast<std::uint8_t>(parts.material[0]);
  if ((type != k_type_ed25519 && type != k_type_cosignature) || parts.material.size() != 33) {
    throw InvalidInputError("not an Ed25519 private key: unsupported key type");
  }
  Signer signer{parts.name, type, parts.material.substr(1)};
  if (signer_vkey(signer).id != parts.id) {
    throw InvalidInputError("private key: the key ID does not match the name and key");
  }
  return signer;
}

Vkey signer_vkey(const Signer& signer) {
  std::string key = ed25519_public(signer.seed);
  return {signer.name, key_id(signer.name, signer.type, key), signer.type, key};
}

}  // namespace stet::store::log
