#include "audit/git_audit_objects.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <system_error>

namespace stet::store::audit {

namespace fs = std::filesystem;

namespace {

// Larger objects are refused rather than allocated: no store writes them.
constexpr std::size_t k_max_object_size = std::size_t{4} << 30U;

// The file's bytes, read with plain read(2) calls (loose objects are small
// and there are tens of thousands of them).
std::optional<std::string> read_whole_file(const fs::path& file) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return std::nullopt;
  }
  std::string out;
  char buffer[65536];
  ssize_t n = 0;
  while ((n = ::read(fd, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR)) {
    out.append(buffer, static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
  }
  ::close(fd);
  if (n < 0) {
    return std::nullopt;
  }
  return out;
}

// Inflates `compressed` completely. Returns an error text when the stream
// is damaged or ends early (a truncated file never loops: every call to
// inflate either consumes input, produces output, or ends the loop).
std::optional<std::string> inflate_all(const std::string& compressed, std::string& out) {
  z_stream stream{};
  if (inflateInit(&stream) != Z_OK) {
    return "cannot start zlib";
  }
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  char buffer[65536];
  int rc = Z_OK;
  while (rc == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    rc = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
    if (out.size() > k_max_object_size) {
      rc = Z_MEM_ERROR;
    }
    if (rc == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) {
      rc = Z_BUF_ERROR;  // all input used, stream not finished: truncated
    }
  }
  inflateEnd(&stream);
  if (rc == Z_STREAM_END) {
    return std::nullopt;
  }
  if (rc == Z_BUF_ERROR) {
    return std::string("the zlib stream ends early (the file is truncated)");
  }
  return std::string("the zlib stream is damaged") + (stream.msg != nullptr ? std::string(": ") + stream.msg : "");
}

git_object_t type_from_name(std::string_view name) {
  if (name == "blob") {
    return GIT_OBJECT_BLOB;
  }
  if (name == "tree") {
    return GIT_OBJECT_TREE;
  }
  if (name == "commit") {
    return GIT_OBJECT_COMMIT;
  }
  if (name == "tag") {
    return GIT_OBJECT_TAG;
  }
  return GIT_OBJECT_INVALID;
}

RawObject corrupt(std::string problem) {
  RawObject object;
  object.status = ReadStatus::corrupt;
  object.problem = std::move(problem);
  return object;
}

// Splits "<type> <size>\0<content>" into the object.
RawObject split_header(std::string& inflated) {
  auto nul = inflated.find('\0');
  auto space = inflated.find(' ');
  if (nul == std::string::npos || space == std::string::npos || space > nul) {
    return corrupt("the object has no valid header");
  }
  RawObject object;
  object.type = type_from_name(std::string_view(inflated).substr(0, space));
  std::string size_text = inflated.substr(space + 1, nul - space - 1);
  if (object.type == GIT_OBJECT_INVALID || size_text.empty() ||
      size_text.find_first_not_of("0123456789") != std::string::npos || size_text.size() > 12) {
    return corrupt("the object has no valid header");
  }
  if (std::stoull(size_text) != inflated.size() - nul - 1) {
    return corrupt("the object's size does not match its header");
  }
  object.data = inflated.substr(nul + 1);
  return object;
}

}  // namespace

std::size_t OidHash::operator()(const git_oid& oid) const noexcept {
  std::size_t value = 0;
  std::memcpy(&value, oid.id, sizeof value);
  return value;
}

std::string hex(const git_oid& id) {
  char buffer[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buffer, sizeof buffer, &id);
  return buffer;
}

ObjectReader::ObjectReader(git_repository* repo, fs::path objects_dir) : m_objects_dir(std::move(objects_dir)) {
  git_odb* raw = nullptr;
  git::check(git_repository_odb(&raw, repo), "cannot open the object database");
  m_odb.reset(raw);
  // Makes git_odb_read hash every object it returns and fail on a
  // mismatch; on by default, set here so the audit never depends on that.
  git::check(git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 1), "cannot enable hash verification");
  list_loose_objects();
}

void ObjectReader::list_loose_objects() {
  std::error_code ec;
  for (const auto& dir : fs::directory_iterator(m_objects_dir, ec)) {
    std::string prefix = dir.path().filename().string();
    if (prefix.size() != 2 || prefix.find_first_not_of("0123456789abcdef") != std::string::npos) {
      continue;
    }
    std::error_code inner;
    for (const auto& file : fs::directory_iterator(dir.path(), inner)) {
      std::string text = prefix + file.path().filename().string();
      git_oid id;
      if (text.size() == GIT_OID_HEXSZ && git_oid_fromstrn(&id, text.data(), text.size()) == 0) {
        m_loose.insert(id);
      }
    }
  }
}

RawObject ObjectReader::read(const git_oid& id) {
  // A loose file that exists but cannot be opened is reported as corrupt
  // by read_loose; only an object with no loose file goes to the packs.
  RawObject object;
  if (m_loose.contains(id)) {
    std::string text = hex(id);
    object = read_loose(id, m_objects_dir / text.substr(0, 2) / text.substr(2));
    if (object.status == ReadStatus::ok) {
      check_id(id, object);
    }
  } else {
    object = read_packed(id);  // libgit2 checked the id (strict verification is on)
  }
  ++m_objects;
  m_bytes += object.data.size();
  return object;
}

RawObject ObjectReader::read_loose(const git_oid& id, const fs::path& file) {
  (void)id;
  auto compressed = read_whole_file(file);
  if (!compressed) {
    return corrupt("the loose object file cannot be read");
  }
  if (compressed->empty()) {
    return corrupt("the loose object file is empty");
  }
  std::string inflated;
  if (auto problem = inflate_all(*compressed, inflated)) {
    return corrupt(*problem);
  }
  return split_header(inflated);
}

RawObject ObjectReader::read_packed(const git_oid& id) {
  git_odb_object* raw = nullptr;
  int rc = git_odb_read(&raw, m_odb.get(), &id);
  if (rc == GIT_ENOTFOUND) {
    RawObject object;
    object.status = ReadStatus::missing;
    object.problem = "the object is not in the store";
    return object;
  }
  if (rc < 0) {
    return corrupt("the packed object cannot be read: " + git::last_error_message());
  }
  git::git_odb_object_ptr handle(raw);
  RawObject object;
  object.type = git_odb_object_type(handle.get());
  object.data.assign(static_cast<const char*>(git_odb_object_data(handle.get())), git_odb_object_size(handle.get()));
  return object;
}

void ObjectReader::check_id(const git_oid& id, RawObject& object) {
  git_oid actual;
  if (git_odb_hash(&actual, object.data.data(), object.data.size(), object.type) < 0 ||
      git_oid_equal(&actual, &id) == 0) {
    object = corrupt("the object's bytes do not hash to its id (they hash to " + hex(actual) + ")");
  }
}

std::optional<std::vector<TreeEntry>> parse_tree(std::string_view data) {
  std::vector<TreeEntry> entries;
  std::size_t at = 0;
  while (at < data.size()) {
    auto space = data.find(' ', at);
    auto nul = data.find('\0', at);
    if (space == std::string_view::npos || nul == std::string_view::npos || space > nul ||
        nul + 1 + GIT_OID_RAWSZ > data.size()) {
      return std::nullopt;
    }
    TreeEntry entry;
    for (char c : data.substr(at, space - at)) {
      if (c < '0' || c > '7') {
        return std::nullopt;
      }
      entry.mode = entry.mode * 8 + static_cast<unsigned>(c - '0');
    }
    entry.name = std::string(data.substr(space + 1, nul - space - 1));
    git_oid_fromraw(&entry.id, reinterpret_cast<const unsigned char*>(data.data() + nul + 1));
    entries.push_back(std::move(entry));
    at = nul + 1 + GIT_OID_RAWSZ;
  }
  return entries;
}

std::optional<CommitInfo> parse_commit(std::string_view data) {
  CommitInfo info;
  bool has_tree = false;
  std::size_t at = 0;
  while (at < data.size() && data[at] != '\n') {
    auto end = data.find('\n', at);
    if (end == std::string_view::npos) {
      return std::nullopt;
    }
    std::string_view line = data.substr(at, end - at);
    git_oid id;
    if (line.starts_with("tree ") || line.starts_with("parent ")) {
      std::string_view value = line.substr(line.find(' ') + 1);
      if (value.size() != GIT_OID_HEXSZ || git_oid_fromstrn(&id, value.data(), value.size()) < 0) {
        return std::nullopt;
      }
      if (line.starts_with("tree ")) {
        info.tree = id;
        has_tree = true;
      } else {
        info.parents.push_back(id);
      }
    }
    at = end + 1;
  }
  if (!has_tree) {
    return std::nullopt;
  }
  return info;
}

}  // namespace stet::store::audit
