#pragma once
// C2SP signed notes (c2sp.org/signed-note): text, a blank line, then one or
// more lines "— <key name> base64(key ID || signature)". Verifier keys
// (vkeys) "<name>+<hex key ID>+base64(type || public key)". Ed25519
// (type 0x01) note signatures and Ed25519 checkpoint cosignatures (type
// 0x04, c2sp.org/tlog-cosignature) are verified; other types are parsed and
// reported unsupported.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stet::store::log {

inline constexpr std::uint8_t k_type_ed25519 = 0x01;
inline constexpr std::uint8_t k_type_ecdsa = 0x02;
inline constexpr std::uint8_t k_type_cosignature = 0x04;
inline constexpr std::size_t k_max_signatures = 100;

struct Vkey {
  std::string name;
  std::uint32_t id = 0;
  std::uint8_t type = 0;
  std::string key;  // the public key material after the type byte
};

// A private key able to sign: Ed25519 seed, a name and the signature type.
struct Signer {
  std::string name;
  std::uint8_t type = k_type_ed25519;
  std::string seed;  // 32 bytes
};

struct NoteSignature {
  std::string name;
  std::uint32_t id = 0;
  std::string bytes;  // the signature after the 4-byte key ID
};

struct Note {
  std::string text;  // ends in a newline; excludes the separating blank line
  std::vector<NoteSignature> signatures;
};

// SHA-256(name || 0x0A || type || key)[:4], big-endian.
[[nodiscard]] std::uint32_t key_id(std::string_view name, std::uint8_t type, std::string_view key);

// True for a valid key name: non-empty, no spaces, no '+'.
[[nodiscard]] bool valid_key_name(std::string_view name);

// Parses a vkey. Throws InvalidInputError; for types 0x01 and 0x04 the key
// ID must be the one derived from the name and key.
[[nodiscard]] Vkey parse_vkey(std::string_view text);
[[nodiscard]] std::string format_vkey(const Vkey& key);

// A signer from a PEM Ed25519 private key (named `name`) or a Go-style
// "PRIVATE+KEY+<name>+<id>+base64(type || seed)" key. Throws InvalidInputError.
[[nodiscard]] Signer parse_signer(const std::string& text, const std::string& name);
// The vkey that verifies `signer` (type 0x01, or 0x04 for a cosigner).
[[nodiscard]] Vkey signer_vkey(const Signer& signer);

// Parses a signed note. Throws InvalidInputError naming what is malformed
// (not UTF-8, a control character, no signature, a bad line, > 100 lines).
[[nodiscard]] Note parse_note(std::string_view bytes);
[[nodiscard]] std::string format_note(const Note& note);

// A signature line over `text` by `signer`: a note signature for type 0x01,
// a v1 cosignature stamped `timestamp` for type 0x04.
[[nodiscard]] NoteSignature sign_note(std::string_view text, const Signer& signer, std::uint64_t timestamp = 0);

enum class SignatureState { verified, invalid, absent, unsupported };

struct KeyCheck {
  Vkey key;
  SignatureState state = SignatureState::absent;
  std::optional<std::uint64_t> timestamp;  // of a verified cosignature
};

// For each of `keys`, whether a signature line with its name and ID is in
// `note` and verifies. Lines of other keys are ignored, as the spec requires.
[[nodiscard]] std::vector<KeyCheck> check_signatures(const Note& note, const std::vector<Vkey>& keys);

}  // namespace stet::store::log
