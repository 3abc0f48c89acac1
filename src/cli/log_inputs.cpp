#include "cli/log_inputs.hpp"

#include "cli/context.hpp"
#include "store/error.hpp"

#include <fstream>
#include <iterator>

namespace stet::cli {

namespace sl = store::log;

std::string read_input(const std::string& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw UsageError(std::string("cannot read ") + what + " " + path);
  }
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

sl::Vkey load_vkey(const std::string& arg) {
  std::error_code ec;
  bool is_file = std::filesystem::is_regular_file(arg, ec);
  std::string text = is_file ? read_input(arg, "verifier key") : arg;
  if (text.starts_with("-----BEGIN")) {
    throw UsageError(arg +
                     ": a PEM key verifies only format 1 (JSON) checkpoints; give the verifier key "
                     "(name+keyid+key, printed by stet keygen)");
  }
  try {
    return sl::parse_vkey(text);
  } catch (const store::InvalidInputError& e) {
    throw UsageError((is_file ? arg + ": " : std::string()) + e.what());
  }
}

sl::Signer load_signer(const std::string& path, const std::string& origin) {
  std::string text = read_input(path, "private key");
  std::string name = origin;
  std::error_code ec;
  if (std::filesystem::exists(path + ".vkey", ec)) {
    name = load_vkey(path + ".vkey").name;
  }
  try {
    return sl::parse_signer(text, name);
  } catch (const store::InvalidInputError& e) {
    throw UsageError(path + ": " + e.what());
  }
}

CheckpointNote parse_checkpoint_note(const std::string& bytes, const std::string& name) {
  CheckpointNote out;
  try {
    if (bytes.find("\n\n") == std::string::npos) {
      out.note.text = bytes;  // an unsigned checkpoint: the text alone
    } else {
      out.note = sl::parse_note(bytes);
    }
    out.head = sl::parse_tree_head(out.note.text);
  } catch (const store::InvalidInputError& e) {
    throw UsageError(name + ": " + e.what());
  }
  return out;
}

std::string checkpoint_note_text(const sl::StoreLog& log, const std::string& origin,
                                 const std::optional<sl::Signer>& signer) {
  sl::TreeHead head{origin, log.tree.size(), log.tree.root(), {}};
  sl::Note note{sl::format_tree_head(head), {}};
  if (!signer) {
    return note.text;
  }
  note.signatures.push_back(sl::sign_note(note.text, *signer));
  return sl::format_note(note);
}

namespace {

std::string key_label(const sl::Vkey& key) { return sl::format_vkey(key).substr(0, key.name.size() + 9); }

void judge_witness(const sl::KeyCheck& check, SignatureReport& report) {
  std::string label = "witness " + key_label(check.key);
  switch (check.state) {
    case sl::SignatureState::verified:
      report.verified.push_back("cosigned by " + label +
                                (check.timestamp ? " at time " + std::to_string(*check.timestamp) : ""));
      break;
    case sl::SignatureState::invalid:
      report.problems.push_back("the cosignature of " + label + " does not verify");
      break;
    case sl::SignatureState::absent:
      report.problems.push_back("the checkpoint is not cosigned by " + label);
      break;
    case sl::SignatureState::unsupported:
      throw UsageError(label + ": stet verifies Ed25519 keys only (types 0x01 and 0x04)");
  }
}

}  // namespace

SignatureReport judge_signatures(const CheckpointNote& checkpoint, const std::string& name,
                                 const std::optional<std::string>& log_key,
                                 const std::vector<std::string>& witness_keys) {
  SignatureReport report;
  std::vector<sl::Vkey> keys;
  for (const std::string& arg : witness_keys) {
    keys.push_back(load_vkey(arg));
  }
  if (log_key) {
    sl::Vkey key = load_vkey(*log_key);
    auto check = sl::check_signatures(checkpoint.note, {key}).front();
    if (checkpoint.note.signatures.empty()) {
      report.problems.push_back("the checkpoint is not signed, and a key was given");
    } else if (check.state == sl::SignatureState::absent) {
      throw UsageError(name + ": unknown key: no signature by " + key_label(key) + " in the checkpoint");
    } else if (check.state == sl::SignatureState::unsupported) {
      throw UsageError(key_label(key) + ": unverifiable: stet verifies Ed25519 keys only (types 0x01 and 0x04)");
    } else if (check.state == sl::SignatureState::invalid) {
      report.problems.push_back("the signature of " + key_label(key) + " does not verify: the checkpoint was altered");
    } else {
      report.verified.push_back("signed by " + key_label(key));
    }
  }
  for (const sl::KeyCheck& check : sl::check_signatures(checkpoint.note, keys)) {
    judge_witness(check, report);
  }
  return report;
}

}  // namespace stet::cli
