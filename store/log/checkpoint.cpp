// Checkpoints: the Merkle tree, the JSON statement and its signature.

#include "store/checkpoint.hpp"

#include "store/error.hpp"
#include "store/signing.hpp"
#include "store/timestamp.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <type_traits>

namespace stet::store {

namespace {

using nlohmann::json;

constexpr std::string_view k_signed_prefix = "stet-checkpoint-v1\n";

Digest hash_node(const Digest& left, const Digest& right) {
  Sha256 hasher;
  hasher.update(std::string_view("\x01", 1));
  hasher.update(std::string_view(reinterpret_cast<const char*>(left.bytes().data()), Digest::k_size));
  hasher.update(std::string_view(reinterpret_cast<const char*>(right.bytes().data()), Digest::k_size));
  return hasher.finish();
}

Digest subtree_root(const std::vector<std::string>& leaves, std::size_t begin, std::size_t end) {
  if (end - begin == 1) {
    Sha256 hasher;
    hasher.update(std::string_view("\x00", 1));
    hasher.update(leaves[begin]);
    return hasher.finish();
  }
  std::size_t split = 1;
  while (split * 2 < end - begin) {
    split *= 2;
  }
  return hash_node(subtree_root(leaves, begin, begin + split), subtree_root(leaves, begin + split, end));
}

json statement_json(const Checkpoint& c) {
  return {{"checkpoint_format", k_checkpoint_format},
          {"head", c.head},
          {"versions", c.versions},
          {"records", c.records},
          {"merkle_root", c.merkle_root.hex()},
          {"leaf_order", "ingested_at, document, record file name"},
          {"created_at", c.created_at}};
}

template <typename T>
T required(const json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end()) {
    throw InvalidInputError(std::string("checkpoint has no field '") + name + "'");
  }
  // nlohmann converts any number to an integer type, wrapping negatives and
  // with undefined behaviour for floats out of range: counts must be JSON
  // non-negative integers.
  if constexpr (std::is_integral_v<T>) {
    if (!it->is_number_unsigned()) {
      throw InvalidInputError(std::string("checkpoint field '") + name + "' is not a non-negative integer");
    }
  }
  try {
    return it->get<T>();
  } catch (const json::exception&) {
    throw InvalidInputError(std::string("checkpoint field '") + name + "' has the wrong type");
  }
}

}  // namespace

Digest merkle_root(const std::vector<std::string>& leaves) {
  return leaves.empty() ? sha256("") : subtree_root(leaves, 0, leaves.size());
}

Checkpoint make_checkpoint(const std::filesystem::path& path, const std::string& created_at) {
  Checkpoint c;
  c.head = branch_head(path);
  auto leaves = c.head.empty() ? std::nullopt : record_leaves(path, c.head);
  if (!leaves) {
    throw Error("the store's branch is missing; nothing to checkpoint");
  }
  std::vector<std::string> data;
  std::set<std::pair<std::string, std::string>> versions;
  for (const RecordLeaf& leaf : *leaves) {
    data.push_back(leaf.bytes);
    versions.emplace(leaf.doc, leaf.sha256);
  }
  c.versions = versions.size();
  c.records = data.size();
  c.merkle_root = merkle_root(data);
  c.created_at = created_at;
  return c;
}

std::string checkpoint_statement(const Checkpoint& checkpoint) {
  return std::string(k_signed_prefix) + statement_json(checkpoint).dump();
}

void sign_checkpoint(Checkpoint& checkpoint, const std::string& private_pem) {
  CheckpointSignature signature;
  signature.public_key = public_key_of(private_pem);
  signature.value = sign_ed25519(private_pem, checkpoint_statement(checkpoint));
  checkpoint.signature = std::move(signature);
}

std::string checkpoint_to_json(const Checkpoint& checkpoint) {
  json object = statement_json(checkpoint);
  if (checkpoint.signature) {
    object["signature"] = {{"algorithm", checkpoint.signature->algorithm},
                           {"public_key", checkpoint.signature->public_key},
                           {"value", checkpoint.signature->value}};
  }
  return object.dump(2) + "\n";
}

Checkpoint checkpoint_from_json(std::string_view text) {
  json object = json::parse(text, nullptr, false);
  if (object.is_discarded() || !object.is_object()) {
    throw InvalidInputError("the checkpoint is not a JSON object");
  }
  if (required<std::uint64_t>(object, "checkpoint_format") != static_cast<std::uint64_t>(k_checkpoint_format)) {
    throw InvalidInputError("unknown checkpoint_format");
  }
  Checkpoint c;
  c.head = required<std::string>(object, "head");
  c.versions = required<std::uint64_t>(object, "versions");
  c.records = required<std::uint64_t>(object, "records");
  auto root = Digest::from_hex(required<std::string>(object, "merkle_root"));
  if (!root || c.head.size() != 40 || !is_hex(c.head)) {
    throw InvalidInputError("the checkpoint's head or merkle_root is malformed");
  }
  c.merkle_root = *root;
  c.created_at = required<std::string>(object, "created_at");
  if (auto it = object.find("signature"); it != object.end() && !it->is_null()) {
    if (!it->is_object()) {
      throw InvalidInputError("checkpoint field 'signature' has the wrong type");
    }
    c.signature = CheckpointSignature{required<std::string>(*it, "algorithm"), required<std::string>(*it, "public_key"),
                                      required<std::string>(*it, "value")};
  }
  return c;
}

}  // namespace stet::store
