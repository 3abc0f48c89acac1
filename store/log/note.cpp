// Signed notes: parsing, formatting, signing and checking.

#include "store/log/note.hpp"

#include "ed25519.hpp"
#include "store/digest.hpp"
#include "store/error.hpp"
#include "store/log/base64.hpp"

namespace stet::store::log {

namespace {

constexpr std::string_view k_dash = "\xe2\x80\x94 ";  // U+2014 and a space

// Valid UTF-8 without control characters other than newline.
std::optional<std::string> text_problem(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\n') {
      return "a control character";
    }
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) {
      return "invalid UTF-8";
    }
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) {
        return "invalid UTF-8";
      }
    }
    i += n;
  }
  return std::nullopt;
}

// Go's unicode.IsSpace.
bool is_unicode_space(std::uint32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0d) || cp == 0x85 || cp == 0xa0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

std::uint32_t read_big_endian32(std::string_view b) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    v = v << 8 | static_cast<unsigned char>(b[i]);
  }
  return v;
}

std::string be_bytes(std::uint64_t v, int count) {
  std::string out(static_cast<std::size_t>(count), '\0');
  for (int i = count - 1; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
  return out;
}

NoteSignature parse_signature_line(std::string_view line) {
  if (!line.starts_with(k_dash)) {
    throw InvalidInputError("malformed note: a line after the blank line is not a signature");
  }
  line.remove_prefix(k_dash.size());
  auto space = line.rfind(' ');
  if (space == std::string_view::npos || !valid_key_name(line.substr(0, space))) {
    throw InvalidInputError("malformed note: a signature line has no valid key name");
  }
  auto raw = base64_decode(line.substr(space + 1));
  if (!raw || raw->size() < 5) {
    throw InvalidInputError("malformed note: a signature is not base64 of a key ID and a signature");
  }
  return {std::string(line.substr(0, space)), read_big_endian32(*raw), raw->substr(4)};
}

std::string cosigned_message(std::string_view text, std::uint64_t timestamp) {
  return "cosignature/v1\ntime " + std::to_string(timestamp) + "\n" + std::string(text);
}

SignatureState verify_one(const Vkey& key, std::string_view text, const NoteSignature& sig,
                          std::optional<std::uint64_t>& timestamp) {
  if (key.type == k_type_ed25519) {
    return ed25519_verify(key.key, text, sig.bytes) ? SignatureState::verified : SignatureState::invalid;
  }
  if (key.type == k_type_cosignature) {
    if (sig.bytes.size() != 72) {
      return SignatureState::invalid;
    }
    std::uint64_t ts = 0;
    for (std::size_t i = 0; i < 8; ++i) {
      ts = ts << 8 | static_cast<unsigned char>(sig.bytes[i]);
    }
    if (ts > 0x7fffffffffffffffULL || !ed25519_verify(key.key, cosigned_message(text, ts), sig.bytes.substr(8))) {
      return SignatureState::invalid;
    }
    timestamp = ts;
    return SignatureState::verified;
  }
  return SignatureState::unsupported;
}

}  // namespace

bool valid_key_name(std::string_view name) {
  if (name.empty() || name.find('+') != std::string_view::npos || text_problem(name)) {
    return false;
  }
  for (std::size_t i = 0; i < name.size();) {
    auto c = static_cast<unsigned char>(name[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    std::uint32_t cp = n == 1 ? c : c & (0x7f >> n);
    for (std::size_t k = 1; k < n; ++k) {
      cp = cp << 6 | (static_cast<unsigned char>(name[i + k]) & 0x3f);
    }
    if (is_unicode_space(cp)) {
      return false;
    }
    i += n;
  }
  return true;
}

std::uint32_t key_id(std::string_view name, std::uint8_t type, std::string_view key) {
  std::string data(name);
  data += '\n';
  data += static_cast<char>(type);
  data += key;
  Digest d = sha256(data);
  return read_big_endian32({reinterpret_cast<const char*>(d.bytes().data()), 4});
}

Note parse_note(std::string_view bytes) {
  if (auto problem = text_problem(bytes)) {
    throw InvalidInputError("malformed note: " + *problem);
  }
  if (!bytes.ends_with('\n')) {
    throw InvalidInputError("malformed note: it does not end in a newline");
  }
  auto split = bytes.rfind("\n\n");
  if (split == std::string_view::npos) {
    throw InvalidInputError("malformed note: no blank line before the signatures");
  }
  Note note;
  note.text = std::string(bytes.substr(0, split + 1));
  std::string_view rest = bytes.substr(split + 2);
  if (rest.empty()) {
    throw InvalidInputError("malformed note: no signature lines");
  }
  while (!rest.empty()) {
    auto end = rest.find('\n');
    note.signatures.push_back(parse_signature_line(rest.substr(0, end)));
    if (note.signatures.size() > k_max_signatures) {
      throw InvalidInputError("malformed note: more than 100 signatures");
    }
    rest.remove_prefix(end + 1);
  }
  return note;
}

std::string format_note(const Note& note) {
  std::string out = note.text + "\n";
  for (const NoteSignature& s : note.signatures) {
    out += std::string(k_dash) + s.name + " " + base64_encode(be_bytes(s.id, 4) + s.bytes) + "\n";
  }
  return out;
}

NoteSignature sign_note(std::string_view text, const Signer& signer, std::uint64_t timestamp) {
  Vkey key = signer_vkey(signer);
  NoteSignature sig{signer.name, key.id, ""};
  if (signer.type == k_type_cosignature) {
    sig.bytes = be_bytes(timestamp, 8) + ed25519_sign(signer.seed, cosigned_message(text, timestamp));
  } else {
    sig.bytes = ed25519_sign(signer.seed, text);
  }
  return sig;
}

std::vector<KeyCheck> check_signatures(const Note& note, const std::vector<Vkey>& keys) {
  std::vector<KeyCheck> out;
  for (const Vkey& key : keys) {
    KeyCheck check{key, SignatureState::absent, std::nullopt};
    for (const NoteSignature& sig : note.signatures) {
      if (sig.name != key.name || sig.id != key.id) {
        continue;  // unknown keys are ignored, even sharing a name or an ID
      }
      check.state = verify_one(key, note.text, sig, check.timestamp);
      if (check.state != SignatureState::verified) {
        break;
      }
    }
    out.push_back(std::move(check));
  }
  return out;
}

}  // namespace stet::store::log
