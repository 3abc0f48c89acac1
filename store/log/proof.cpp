// tlog-proof files.

#include "store/log/proof.hpp"

#include "format/record_codec.hpp"
#include "store/error.hpp"
#include "store/log/base64.hpp"

namespace stet::store::log {

namespace {

std::string_view next_line(std::string_view& text) {
  auto end = text.find('\n');
  if (end == std::string_view::npos) {
    throw InvalidInputError("malformed proof: it ends before the checkpoint");
  }
  std::string_view line = text.substr(0, end);
  text.remove_prefix(end + 1);
  return line;
}

std::uint64_t parse_index(std::string_view digits) {
  if (digits.empty() || digits.size() > 19 || (digits.size() > 1 && digits[0] == '0') ||
      digits.find_first_not_of("0123456789") != std::string_view::npos) {
    throw InvalidInputError("malformed proof: the index is not a decimal number without leading zeros");
  }
  return std::stoull(std::string(digits));
}

}  // namespace

std::optional<Digest> digest_from_base64(std::string_view text) {
  auto raw = base64_decode(text);
  if (!raw || raw->size() != Digest::k_size) {
    return std::nullopt;
  }
  Digest::Bytes bytes{};
  std::copy(raw->begin(), raw->end(), bytes.begin());
  return Digest(bytes);
}

std::string format_hash_lines(const std::vector<Digest>& hashes) {
  std::string out;
  for (const Digest& d : hashes) {
    out += base64_encode({reinterpret_cast<const char*>(d.bytes().data()), Digest::k_size}) + "\n";
  }
  return out;
}

std::string format_proof(const TlogProof& proof) {
  std::string out = std::string(k_proof_header) + "\n";
  if (proof.extra) {
    out += "extra " + base64_encode(*proof.extra) + "\n";
  }
  out += "index " + std::to_string(proof.index) + "\n";
  out += format_hash_lines(proof.path);
  return out + "\n" + proof.checkpoint;
}

TlogProof parse_proof(std::string_view text) {
  TlogProof proof;
  if (next_line(text) != k_proof_header) {
    throw InvalidInputError("malformed proof: the first line is not " + std::string(k_proof_header));
  }
  std::string_view line = next_line(text);
  if (line.starts_with("extra ")) {
    proof.extra = base64_decode(line.substr(6));
    if (!proof.extra) {
      throw InvalidInputError("malformed proof: the extra line is not base64");
    }
    line = next_line(text);
  }
  if (!line.starts_with("index ")) {
    throw InvalidInputError("malformed proof: no index line");
  }
  proof.index = parse_index(line.substr(6));
  for (line = next_line(text); !line.empty(); line = next_line(text)) {
    auto hash = digest_from_base64(line);
    if (!hash) {
      throw InvalidInputError("malformed proof: an inclusion proof line is not base64 of 32 bytes");
    }
    if (proof.path.size() == 64) {
      throw InvalidInputError("malformed proof: more than 64 inclusion proof lines");
    }
    proof.path.push_back(*hash);
  }
  if (text.empty()) {
    throw InvalidInputError("malformed proof: no checkpoint after the inclusion proof");
  }
  proof.checkpoint = std::string(text);
  return proof;
}

Record parse_log_record(std::string_view bytes) {
  try {
    return codec::record_from_json(bytes);
  } catch (const InvalidInputError&) {
    throw;
  } catch (const Error& e) {
    throw InvalidInputError(std::string("the proof's record is not a stet record: ") + e.what());
  }
}

}  // namespace stet::store::log
