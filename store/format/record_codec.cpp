#include "format/record_codec.hpp"

#include "store/error.hpp"

#include <nlohmann/json.hpp>

namespace stet::store::codec {

namespace {

using nlohmann::json;

const json& field(const json& object, const char* name, json::value_t type) {
  auto it = object.find(name);
  if (it == object.end()) {
    throw Error(std::string("record has no field '") + name + "'");
  }
  bool ok = it->type() == type || (type == json::value_t::number_unsigned &&
                                   it->type() == json::value_t::number_integer && it->get<std::int64_t>() >= 0);
  if (!ok) {
    throw Error(std::string("record field '") + name + "' has the wrong type");
  }
  return *it;
}

std::string text_field(const json& object, const char* name) {
  return field(object, name, json::value_t::string).get<std::string>();
}

Digest digest_field(const json& object, const char* name) {
  auto digest = Digest::from_hex(text_field(object, name));
  if (!digest) {
    throw Error(std::string("record field '") + name + "' is not a SHA-256 in hex");
  }
  return *digest;
}

// Trailer values are single lines: control characters become spaces.
std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      c = ' ';
    }
  }
  return out;
}

void add_text(json& object, const char* name, const std::string& value) {
  if (!value.empty()) {
    object[name] = value;
  }
}

// The optional capture fields: present only when set, so records of plain
// text stay exactly as before.
void add_capture_fields(json& object, const Record& r) {
  add_text(object, "media_type", r.media_type);
  add_text(object, "charset", r.charset);
  if (r.text_sha256) {
    object["text_sha256"] = r.text_sha256->hex();
  }
  add_text(object, "text_extractor", r.text_extractor);
  if (r.http_status) {
    object["http_status"] = *r.http_status;
  }
  add_text(object, "content_type", r.content_type);
  add_text(object, "warc_record_id", r.warc_record_id);
  add_text(object, "warc_file", r.warc_file);
  if (r.warc_file_sha256) {
    object["warc_file_sha256"] = r.warc_file_sha256->hex();
  }
  add_text(object, "warc_truncated", r.warc_truncated);
}

std::string optional_text(const json& object, const char* name) {
  return object.contains(name) ? text_field(object, name) : std::string();
}

void read_capture_fields(const json& object, Record& r) {
  r.media_type = optional_text(object, "media_type");
  r.charset = optional_text(object, "charset");
  if (object.contains("text_sha256")) {
    r.text_sha256 = digest_field(object, "text_sha256");
  }
  r.text_extractor = optional_text(object, "text_extractor");
  if (object.contains("http_status")) {
    auto status = field(object, "http_status", json::value_t::number_unsigned).get<std::uint64_t>();
    if (status > 999) {
      throw Error("record field 'http_status' is not an HTTP status");
    }
    r.http_status = static_cast<int>(status);
  }
  r.content_type = optional_text(object, "content_type");
  r.warc_record_id = optional_text(object, "warc_record_id");
  r.warc_file = optional_text(object, "warc_file");
  if (object.contains("warc_file_sha256")) {
    r.warc_file_sha256 = digest_field(object, "warc_file_sha256");
  }
  r.warc_truncated = optional_text(object, "warc_truncated");
}

}  // namespace

std::string record_to_json(const Record& record) {
  json object = {
      {"record_format", record.input_index ? k_record_format : 1},
      {"doc", record.doc},
      {"sha256", record.sha256.hex()},
      {"normalized_sha256", record.normalized_sha256.hex()},
      {"bytes", record.bytes},
      {"words", record.words},
      {"source", record.source},
      {"retrieved_at", record.retrieved_at},
      {"ingested_at", record.ingested_at},
      {"ingested_by", record.ingested_by},
      {"title", record.title},
      {"previous", record.previous ? json(record.previous->hex()) : json(nullptr)},
      {"stet_version", record.stet_version},
  };
  if (record.input_index) {
    object["input_index"] = *record.input_index;
  }
  add_capture_fields(object, record);
  // Invalid UTF-8 in free-text fields is replaced rather than refused: the
  // content itself is kept byte for byte elsewhere.
  return object.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Record record_from_json(std::string_view text) {
  json object = json::parse(text, nullptr, false);
  if (object.is_discarded() || !object.is_object()) {
    throw Error("record is not a JSON object");
  }
  auto format = field(object, "record_format", json::value_t::number_unsigned).get<std::uint64_t>();
  if (format != 1 && format != k_record_format) {
    throw Error("record has an unknown record_format");
  }
  Record record;
  if (format == 2) {
    record.input_index = field(object, "input_index", json::value_t::number_unsigned).get<std::uint64_t>();
  } else if (object.contains("input_index")) {
    throw Error("record of format 1 has an 'input_index'");
  }
  record.doc = text_field(object, "doc");
  record.sha256 = digest_field(object, "sha256");
  record.normalized_sha256 = digest_field(object, "normalized_sha256");
  record.bytes = field(object, "bytes", json::value_t::number_unsigned).get<std::uint64_t>();
  record.words = field(object, "words", json::value_t::number_unsigned).get<std::uint64_t>();
  record.source = text_field(object, "source");
  record.retrieved_at = text_field(object, "retrieved_at");
  record.ingested_at = text_field(object, "ingested_at");
  record.ingested_by = text_field(object, "ingested_by");
  record.title = text_field(object, "title");
  record.stet_version = text_field(object, "stet_version");
  auto previous = object.find("previous");
  if (previous == object.end()) {
    throw Error("record has no field 'previous'");
  }
  if (!previous->is_null()) {
    record.previous = digest_field(object, "previous");
  }
  read_capture_fields(object, record);
  return record;
}

std::string commit_message(const std::vector<Record>& records, const std::vector<IngestStatus>& statuses) {
  std::string message;
  std::size_t added = 0;
  for (IngestStatus status : statuses) {
    added += status == IngestStatus::added ? 1 : 0;
  }
  if (records.size() == 1) {
    message = "stet: ingest " + records.front().doc + " (" + (added == 1 ? "new version" : "unchanged") + ")";
  } else {
    message = "stet: ingest " + std::to_string(records.size()) + " versions (" + std::to_string(added) + " new, " +
              std::to_string(records.size() - added) + " unchanged)";
  }
  message += "\n\n";
  for (std::size_t i = 0; i < records.size(); ++i) {
    const Record& r = records[i];
    message += "Stet-Document: " + r.doc + "\n";
    message += "Stet-Sha256: " + r.sha256.hex() + "\n";
    message += std::string("Stet-Status: ") + (statuses[i] == IngestStatus::added ? "new" : "unchanged") + "\n";
    message += "Stet-Source: " + (r.source.empty() ? std::string("unknown") : one_line(r.source)) + "\n";
    message += "Stet-Retrieved-At: " + (r.retrieved_at.empty() ? std::string("unknown") : r.retrieved_at) + "\n";
    message += "Stet-Ingested-At: " + r.ingested_at + "\n";
    message += "Stet-Ingested-By: " + one_line(r.ingested_by) + "\n";
    if (r.previous) {
      message += "Stet-Previous: " + r.previous->hex() + "\n";
    }
  }
  return message;
}

}  // namespace stet::store::codec
