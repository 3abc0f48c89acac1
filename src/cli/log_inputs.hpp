#pragma once
// Inputs shared by the transparency-log commands (checkpoint, verify
// --checkpoint, consistency, prove, verify-proof, export-tiles): key files,
// checkpoint notes and the one place a note's signatures are judged.

#include "store/log/log.hpp"
#include "store/log/note.hpp"

#include <optional>
#include <string>
#include <vector>

namespace stet::cli {

inline constexpr const char* k_default_origin = "stet";

// The bytes of `path`; throws UsageError naming `what`.
[[nodiscard]] std::string read_input(const std::string& path, const char* what);

// A vkey given as text (name+id+key) or as a file holding one. Throws
// UsageError.
[[nodiscard]] store::log::Vkey load_vkey(const std::string& arg);

// The signer in private key file `path`. A PEM key takes its name from
// `path`.vkey when keygen wrote one, else `origin`. Throws UsageError.
[[nodiscard]] store::log::Signer load_signer(const std::string& path, const std::string& origin);

// A checkpoint as read from a file: a signed note, or (unsigned) just the
// checkpoint text.
struct CheckpointNote {
  store::log::Note note;  // no signatures when unsigned
  store::log::TreeHead head;
};

// Parses checkpoint `bytes` (named `name` in errors). Throws UsageError.
[[nodiscard]] CheckpointNote parse_checkpoint_note(const std::string& bytes, const std::string& name);

// The checkpoint of `log` as note text, signed by `signer` when given.
[[nodiscard]] std::string checkpoint_note_text(const store::log::StoreLog& log, const std::string& origin,
                                               const std::optional<store::log::Signer>& signer);

// The judgement of a checkpoint's signatures for the log key and witness
// keys given: `problems` are false or missing signatures (exit 1), `notes`
// say what was verified. Throws UsageError (exit 2) when the log key is
// unknown to the note (no line with its name and key ID) or of a type stet
// cannot verify.
struct SignatureReport {
  std::vector<std::string> problems;
  std::vector<std::string> verified;
};
[[nodiscard]] SignatureReport judge_signatures(const CheckpointNote& checkpoint, const std::string& name,
                                               const std::optional<std::string>& log_key,
                                               const std::vector<std::string>& witness_keys);

}  // namespace stet::cli
