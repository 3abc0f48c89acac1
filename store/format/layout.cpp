#include "format/layout.hpp"

namespace stet::store::layout {

std::string document_dir(std::string_view doc) {
  std::string shard = sha256(doc).hex();
  std::string dir(k_docs_dir);
  dir += '/';
  dir += shard.substr(0, 2);
  dir += '/';
  dir += shard.substr(2, 2);
  dir += '/';
  dir += doc;
  return dir;
}

std::string versions_dir(std::string_view doc) { return document_dir(doc) + "/" + std::string(k_versions_dir); }

std::string record_name(const Record& record, std::string_view record_json) {
  std::string stamp;
  for (char c : record.ingested_at) {
    if ((c >= '0' && c <= '9') || c == '.') {
      stamp += c;
    } else if (c == 'T') {
      stamp += 'T';
    }
  }
  return stamp + "Z-" + sha256(record_json).hex().substr(0, 16) + ".json";
}

std::string time_from_record_name(std::string_view name) {
  // YYYYMMDDTHHMMSS.ffffffZ-<hash>.json
  auto end = name.find("Z-");
  if (end == std::string_view::npos || end < 15 || name[8] != 'T') {
    return "";
  }
  std::string_view stamp = name.substr(0, end);
  std::string out;
  out.append(stamp.substr(0, 4)).append("-").append(stamp.substr(4, 2)).append("-").append(stamp.substr(6, 2));
  out.append("T").append(stamp.substr(9, 2)).append(":").append(stamp.substr(11, 2)).append(":");
  out.append(stamp.substr(13)).append("Z");
  return out;
}

std::string format_file_content() {
  return "{\n  \"format\": \"stet-store\",\n  \"version\": " + std::to_string(k_format_version) +
         ",\n  \"spec\": \"docs/store-format.md\"\n}\n";
}

std::string text_file_name(const Digest& text) { return std::string(k_text_prefix) + text.hex(); }

std::optional<Digest> text_file_digest(std::string_view name) {
  if (!name.starts_with(k_text_prefix)) {
    return std::nullopt;
  }
  std::string_view hex = name.substr(k_text_prefix.size());
  auto digest = Digest::from_hex(hex);
  // Only the spelling stet writes (lowercase) names a text form.
  return digest && digest->hex() == hex ? digest : std::nullopt;
}

}  // namespace stet::store::layout
