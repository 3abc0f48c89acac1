#include "capture/gzip_stream.hpp"

#include "capture/warc_reader.hpp"

#include <zlib.h>

#include <algorithm>

namespace stet::capture {

namespace {

struct Inflater {
  z_stream z{};
  explicit Inflater(int window_bits) {
    if (inflateInit2(&z, window_bits) != Z_OK) {
      throw WarcError("cannot start zlib");
    }
  }
  ~Inflater() { inflateEnd(&z); }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;
};

// Inflates one stream starting at `data`; returns the bytes consumed.
std::size_t inflate_one(std::string_view data, std::string& out, int window_bits, const std::string& where) {
  Inflater inf(window_bits);
  inf.z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  inf.z.avail_in = static_cast<uInt>(std::min<std::size_t>(data.size(), 1U << 30));
  char buffer[1 << 16];
  for (;;) {
    inf.z.next_out = reinterpret_cast<Bytef*>(buffer);
    inf.z.avail_out = sizeof buffer;
    int rc = inflate(&inf.z, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - inf.z.avail_out);
    if (rc == Z_STREAM_END) {
      return data.size() - inf.z.avail_in;
    }
    if (rc == Z_BUF_ERROR && inf.z.avail_in == 0) {
      throw WarcError(where + "the compressed data is cut short");
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      throw WarcError(where + "corrupt compressed data (" + (inf.z.msg != nullptr ? inf.z.msg : "zlib error") + ")");
    }
  }
}

}  // namespace

std::uint64_t Gunzipped::member_offset(std::uint64_t at) const {
  auto it = std::upper_bound(members.begin(), members.end(), at,
                             [](std::uint64_t value, const GzipMember& m) { return value < m.plain_offset; });
  return it == members.begin() ? 0 : std::prev(it)->compressed_offset;
}

Gunzipped gunzip_members(std::string_view file, const std::string& name) {
  Gunzipped out;
  // Text compresses about fivefold: room for that up front spares most of
  // the copies a growing buffer makes.
  out.plain.reserve(std::min(file.size() * 5, std::size_t{2} << 30));
  std::size_t pos = 0;
  while (pos < file.size()) {
    if (file.size() - pos < 2 || static_cast<unsigned char>(file[pos]) != 0x1F ||
        static_cast<unsigned char>(file[pos + 1]) != 0x8B) {
      throw WarcError(name + ": at offset " + std::to_string(pos) + ": not a gzip member (the file is damaged or " +
                      "has data after its last member)");
    }
    out.members.push_back({pos, out.plain.size()});
    std::string where = name + ": gzip member at offset " + std::to_string(pos) + ": ";
    pos += inflate_one(file.substr(pos), out.plain, 16 + MAX_WBITS, where);
  }
  return out;
}

std::string inflate_all(std::string_view data, const std::string& where, bool raw_deflate) {
  std::string out;
  int bits = raw_deflate ? -MAX_WBITS : 32 + MAX_WBITS;  // 32: zlib or gzip header, detected
  (void)inflate_one(data, out, bits, where);
  return out;
}

}  // namespace stet::capture
