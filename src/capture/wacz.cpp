#include "capture/wacz.hpp"

#include "capture/warc_reader.hpp"

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <algorithm>
#include <cstdint>

namespace stet::capture {

namespace {

std::uint32_t le(std::string_view data, std::size_t at, int bytes) {
  std::uint32_t value = 0;
  for (int i = bytes - 1; i >= 0; --i) {
    value = (value << 8) | static_cast<unsigned char>(data[at + static_cast<std::size_t>(i)]);
  }
  return value;
}

std::size_t find_end_of_directory(std::string_view file, const std::string& name) {
  if (file.size() >= 22) {
    std::size_t lowest = file.size() > 22 + 65535 ? file.size() - 22 - 65535 : 0;
    for (std::size_t pos = file.size() - 22;; --pos) {
      if (le(file, pos, 4) == 0x06054b50) {
        return pos;
      }
      if (pos == lowest) {
        break;
      }
    }
  }
  throw WarcError(name + ": not a zip archive (no end of central directory)");
}

ZipEntry read_entry(std::string_view file, std::size_t central, const std::string& name) {
  std::uint32_t method = le(file, central + 10, 2);
  std::uint32_t crc = le(file, central + 16, 4);
  std::uint32_t packed = le(file, central + 20, 4);
  std::uint32_t size = le(file, central + 24, 4);
  std::uint32_t name_len = le(file, central + 28, 2);
  std::uint32_t local = le(file, central + 42, 4);
  ZipEntry entry{std::string(file.substr(central + 46, name_len)), {}};
  std::string where = name + ": zip entry " + entry.name + ": ";
  if (packed == 0xFFFFFFFF || size == 0xFFFFFFFF || local == 0xFFFFFFFF) {
    throw WarcError(where + "zip64 archives are not supported");
  }
  if (local + 30ULL > file.size() || le(file, local, 4) != 0x04034b50) {
    throw WarcError(where + "its local header is missing");
  }
  std::size_t data = local + 30 + le(file, local + 26, 2) + le(file, local + 28, 2);
  if (data + packed > file.size()) {
    throw WarcError(where + "its data runs past the end of the archive");
  }
  std::string_view raw = file.substr(data, packed);
  if (method == 0) {
    entry.data = std::string(raw);
  } else if (method == 8) {
    entry.data = inflate_all(raw, where, true);
  } else {
    throw WarcError(where + "compression method " + std::to_string(method) + " is not supported");
  }
  auto actual = crc32(0, reinterpret_cast<const Bytef*>(entry.data.data()), static_cast<uInt>(entry.data.size()));
  if (entry.data.size() != size || actual != crc) {
    throw WarcError(where + "its data does not match its CRC-32 and size (the archive is damaged)");
  }
  return entry;
}

}  // namespace

std::vector<ZipEntry> read_zip(std::string_view file, const std::string& name) {
  std::size_t end = find_end_of_directory(file, name);
  std::uint32_t count = le(file, end + 10, 2);
  std::size_t pos = le(file, end + 16, 4);
  std::vector<ZipEntry> entries;
  for (std::uint32_t i = 0; i < count; ++i) {
    if (pos + 46 > file.size() || le(file, pos, 4) != 0x02014b50) {
      throw WarcError(name + ": damaged zip central directory at offset " + std::to_string(pos));
    }
    std::size_t next = pos + 46 + le(file, pos + 28, 2) + le(file, pos + 30, 2) + le(file, pos + 32, 2);
    if (next > file.size()) {
      throw WarcError(name + ": damaged zip central directory at offset " + std::to_string(pos));
    }
    ZipEntry entry = read_entry(file, pos, name);
    if (!entry.name.ends_with("/")) {
      entries.push_back(std::move(entry));
    }
    pos = next;
  }
  return entries;
}

WaczContents read_wacz(std::string_view file, const std::string& name, const Sha256Hex& sha256_hex) {
  std::vector<ZipEntry> entries = read_zip(file, name);
  auto find = [&entries](const std::string& path) -> const ZipEntry* {
    auto it = std::find_if(entries.begin(), entries.end(), [&](const ZipEntry& e) { return e.name == path; });
    return it == entries.end() ? nullptr : &*it;
  };
  const ZipEntry* package = find("datapackage.json");
  if (package == nullptr) {
    throw WarcError(name + ": not a valid WACZ: it has no datapackage.json");
  }
  nlohmann::json json = nlohmann::json::parse(package->data, nullptr, false);
  if (json.is_discarded() || !json.is_object() || !json.contains("resources") || !json["resources"].is_array()) {
    throw WarcError(name + ": not a valid WACZ: datapackage.json has no resources list");
  }
  WaczContents out;
  for (const auto& resource : json["resources"]) {
    std::string path = resource.value("path", "");
    std::string hash = resource.value("hash", "");
    const ZipEntry* entry = find(path);
    if (entry == nullptr) {
      throw WarcError(name + ": datapackage.json lists " + path + ", which the archive lacks");
    }
    if (hash.starts_with("sha256:") && sha256_hex(entry->data) != hash.substr(7)) {
      throw WarcError(name + ": " + path + " does not match its sha256 digest in datapackage.json");
    }
    if (resource.contains("bytes") && resource["bytes"].is_number_unsigned() &&
        resource["bytes"].get<std::uint64_t>() != entry->data.size()) {
      throw WarcError(name + ": " + path + " does not have the size datapackage.json gives");
    }
    out.checked.push_back(path);
  }
  for (ZipEntry& e : entries) {
    if (e.name.starts_with("archive/") && (e.name.ends_with(".warc") || e.name.ends_with(".warc.gz"))) {
      out.warcs.push_back(std::move(e));
    }
  }
  if (out.warcs.empty()) {
    throw WarcError(name + ": not a valid WACZ: no WARC files in archive/");
  }
  std::sort(out.warcs.begin(), out.warcs.end(), [](const ZipEntry& a, const ZipEntry& b) { return a.name < b.name; });
  return out;
}

}  // namespace stet::capture
