#include "cli/manifest.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <optional>

namespace stet::cli {

namespace {

constexpr std::array<std::string_view, 6> k_columns = {"path", "doc", "source", "retrieved", "title", "author"};

bool set_field(ManifestRow& row, std::string_view column, std::string value) {
  if (column == "path") {
    row.path = std::move(value);
  } else if (column == "doc") {
    row.doc = std::move(value);
  } else if (column == "source") {
    row.source = std::move(value);
  } else if (column == "retrieved") {
    row.retrieved = std::move(value);
  } else if (column == "title") {
    row.title = std::move(value);
  } else if (column == "author") {
    row.author = std::move(value);
  } else {
    return false;
  }
  return true;
}

bool blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

void add_manifest_row(Manifest& out, ManifestRow row) {
  if (row.path.empty()) {
    out.problems.push_back({row.line, "", "the row has no path"});
  } else {
    out.rows.push_back(std::move(row));
  }
}

void parse_json_lines(std::string_view text, Manifest& out) {
  std::size_t pos = 0;
  for (std::size_t line = 1; pos < text.size(); ++line) {
    std::size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view content = text.substr(pos, end - pos);
    pos = end + 1;
    if (blank(content)) {
      continue;
    }
    auto object = nlohmann::json::parse(content, nullptr, false);
    if (object.is_discarded() || !object.is_object()) {
      out.problems.push_back({line, "", "not a JSON object"});
      continue;
    }
    ManifestRow row;
    row.line = line;
    std::string problem;
    for (const auto& [key, value] : object.items()) {
      if (!value.is_string()) {
        problem = "field '" + key + "' is not a string";
      } else if (!set_field(row, key, value.get<std::string>())) {
        problem = "unknown field '" + key + "'";
      }
    }
    if (!problem.empty()) {
      out.problems.push_back({line, row.path, problem});
      continue;
    }
    add_manifest_row(out, std::move(row));
  }
}

// One CSV record starting at `pos` (RFC 4180: quoted fields may hold commas,
// doubled quotes and line breaks). Advances `pos` and `line`; nullopt with
// `problem` set for an unterminated quote.
std::optional<std::vector<std::string>> csv_record(std::string_view text, std::size_t& pos, std::size_t& line,
                                                   std::string& problem) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  while (pos < text.size()) {
    char c = text[pos++];
    if (quoted) {
      if (c == '"' && pos < text.size() && text[pos] == '"') {
        fields.back() += '"';
        ++pos;
      } else if (c == '"') {
        quoted = false;
      } else {
        line += c == '\n' ? 1 : 0;
        fields.back() += c;
      }
    } else if (c == '"' && fields.back().empty()) {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n') {
      ++line;
      break;
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  if (quoted) {
    problem = "a quoted field is not closed";
    return std::nullopt;
  }
  return fields;
}

std::vector<std::string> csv_header(std::string_view text, std::size_t& pos, std::size_t& line, Manifest& out) {
  std::string problem;
  auto header = csv_record(text, pos, line, problem);
  if (!header) {
    out.problems.push_back({1, "", "header: " + problem});
    return {};
  }
  for (std::string& name : *header) {
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    if (std::find(k_columns.begin(), k_columns.end(), name) == k_columns.end()) {
      out.problems.push_back(
          {1, "", "unknown column '" + name + "' (known: path, doc, source, retrieved, title, author)"});
      return {};
    }
  }
  if (std::find(header->begin(), header->end(), "path") == header->end()) {
    out.problems.push_back({1, "", "the header has no 'path' column"});
    return {};
  }
  return *header;
}

void parse_csv(std::string_view text, Manifest& out) {
  std::size_t pos = 0;
  std::size_t line = 1;
  std::vector<std::string> header = csv_header(text, pos, line, out);
  if (header.empty()) {
    return;
  }
  while (pos < text.size()) {
    std::size_t start = line;
    std::string problem;
    auto fields = csv_record(text, pos, line, problem);
    if (!fields) {
      out.problems.push_back({start, "", problem});
      return;
    }
    if (fields->size() == 1 && blank((*fields)[0])) {
      continue;
    }
    ManifestRow row;
    row.line = start;
    for (std::size_t i = 0; i < fields->size() && i < header.size(); ++i) {
      set_field(row, header[i], (*fields)[i]);
    }
    if (fields->size() != header.size()) {
      out.problems.push_back(
          {start, row.path,
           std::to_string(fields->size()) + " fields where the header has " + std::to_string(header.size())});
      continue;
    }
    add_manifest_row(out, std::move(row));
  }
}

}  // namespace

Manifest parse_manifest(std::string_view text) {
  Manifest out;
  if (text.starts_with("\xEF\xBB\xBF")) {  // a BOM, as spreadsheets write
    text.remove_prefix(3);
  }
  std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    out.problems.push_back({1, "", "the manifest is empty"});
  } else if (text[first] == '{') {
    parse_json_lines(text, out);
  } else {
    parse_csv(text, out);
  }
  return out;
}

}  // namespace stet::cli
