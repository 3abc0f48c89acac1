#include "render/render.hpp"

#include <ostream>

namespace stet::cli {

nlohmann::json record_json(const store::Record& record) {
  nlohmann::json object = {
      {"doc", record.doc},
      {"sha256", record.sha256.hex()},
      {"normalized_sha256", record.normalized_sha256.hex()},
      {"bytes", record.bytes},
      {"words", record.words},
      {"source", record.source},
      {"retrieved_at", record.retrieved_at.empty() ? nlohmann::json(nullptr) : nlohmann::json(record.retrieved_at)},
      {"ingested_at", record.ingested_at},
      {"ingested_by", record.ingested_by},
      {"title", record.title},
      {"previous", record.previous ? nlohmann::json(record.previous->hex()) : nlohmann::json(nullptr)},
      {"stet_version", record.stet_version},
  };
  // Capture fields appear only when the record has them.
  auto add = [&object](const char* name, const std::string& value) {
    if (!value.empty()) {
      object[name] = value;
    }
  };
  add("media_type", record.media_type);
  add("charset", record.charset);
  add("text_sha256", record.text_sha256 ? record.text_sha256->hex() : "");
  add("text_extractor", record.text_extractor);
  if (record.http_status) {
    object["http_status"] = *record.http_status;
  }
  add("content_type", record.content_type);
  add("warc_record_id", record.warc_record_id);
  add("warc_file", record.warc_file);
  add("warc_file_sha256", record.warc_file_sha256 ? record.warc_file_sha256->hex() : "");
  add("warc_truncated", record.warc_truncated);
  return object;
}

nlohmann::json version_json(const store::Version& version) {
  nlohmann::json object = record_json(version.ingest);
  object["version"] = version.number;
  object["object_id"] = version.object_id;
  nlohmann::json sightings = nlohmann::json::array();
  for (const store::Record& sighting : version.sightings) {
    sightings.push_back({{"source", sighting.source},
                         {"retrieved_at", sighting.retrieved_at.empty() ? nlohmann::json(nullptr)
                                                                        : nlohmann::json(sighting.retrieved_at)},
                         {"ingested_at", sighting.ingested_at},
                         {"ingested_by", sighting.ingested_by}});
  }
  object["sightings"] = sightings;
  return object;
}

void write_json(std::ostream& out, const nlohmann::json& value) {
  out << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

std::string short_sha(const store::Digest& digest, std::size_t n) { return digest.hex().substr(0, n); }

std::string or_unknown(const std::string& value) { return value.empty() ? "unknown" : value; }

std::string plural(std::size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace stet::cli
