#include "cli/warc_input.hpp"

#include "capture/uri_document_id.hpp"
#include "capture/wacz.hpp"
#include "capture/warc_reader.hpp"
#include "cli/warc_digest.hpp"
#include "store/digest.hpp"
#include "store/timestamp.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>
#include <unordered_map>

namespace stet::cli {

namespace {

std::string read_whole(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw UsageError(path + ": no such file");
  }
  if (std::filesystem::file_size(path, ec) > (std::uintmax_t{4} << 30)) {
    throw UsageError(path + ": is larger than 4 GiB");
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes;
  bytes.resize(static_cast<std::size_t>(std::filesystem::file_size(path, ec)));
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (ec || !in) {
    throw UsageError(path + ": cannot be read");
  }
  return bytes;
}

bool text_payload(const std::string& content_type, std::string_view payload) {
  std::string type = capture::essence(content_type);
  if (type == "text/html" || type == "application/xhtml+xml" || type == "text/plain") {
    return true;
  }
  return type.empty() && capture::sniff_media_type(payload).kind != capture::MediaKind::binary &&
         capture::sniff_media_type(payload).kind != capture::MediaKind::pdf;
}

struct Payload {
  std::string bytes;
  std::string content_type;
  std::optional<int> status;
  bool ok = false;  // a text capture worth a version
};

class Reader {
 public:
  Reader(std::string file, std::string prefix, capture::TextMode mode, store::Digest sha)
      : m_file(std::move(file)), m_prefix(std::move(prefix)), m_mode(mode), m_sha(sha) {}

  void read(std::string_view bytes, const std::string& label) {
    capture::WarcFile warc = capture::read_warc(bytes, label);
    for (const capture::WarcRecord& r : warc.records) {
      handle(r, label);
    }
    m_matched.clear();  // its views end with `warc`
  }

  // Derives the text of every distinct payload, on up to two threads (each
  // is independent and extraction is pure), then gives repeats their copy.
  // The first failing record in file order is the error, as without threads.
  WarcInputs take() {
    std::vector<std::size_t> jobs;
    for (std::size_t i = 0; i < m_source.size(); ++i) {
      if (m_source[i] == i) {
        jobs.push_back(i);
      }
    }
    std::vector<std::exception_ptr> failures(m_out.inputs.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t k = next++; k < jobs.size(); k = next++) {
        InputDocument& input = m_out.inputs[jobs[k]];
        try {
          input.captured = capture_text(input.origin, input.content, input.web->content_type, m_mode);
        } catch (...) {
          failures[jobs[k]] = std::current_exception();
        }
      }
    };
    std::size_t threads = std::min<std::size_t>(2, std::max(1U, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads && jobs.size() > 1; ++t) {
      pool.emplace_back(work);
    }
    work();
    for (std::thread& t : pool) {
      t.join();
    }
    for (const std::exception_ptr& failure : failures) {
      if (failure) {
        std::rethrow_exception(failure);
      }
    }
    for (std::size_t i = 0; i < m_source.size(); ++i) {
      if (m_source[i] != i) {
        m_out.inputs[i].captured = m_out.inputs[m_source[i]].captured;
      }
    }
    return std::move(m_out);
  }

 private:
  std::string where(const capture::WarcRecord& r, const std::string& label) const {
    return label + ": record at offset " + std::to_string(r.offset) + ": ";
  }

  void check_digests(const capture::WarcRecord& r, const std::string& label, std::string_view payload_raw,
                     std::string_view payload_decoded) {
    std::string block = r.header("WARC-Block-Digest");
    if (!block.empty() && check_in_file(block, r.block) == DigestCheck::mismatch) {
      m_out.warnings.push_back(where(r, label) + "WARC-Block-Digest does not match its block");
    }
    std::string payload = r.header("WARC-Payload-Digest");
    // The payload digest is checked on the body as transferred (what wget,
    // warcio and warcprox hash), and also accepted on the de-chunked body.
    if (!payload.empty() && check_in_file(payload, payload_raw) == DigestCheck::mismatch &&
        check_warc_digest(payload, payload_decoded) == DigestCheck::mismatch) {
      m_out.warnings.push_back(where(r, label) + "WARC-Payload-Digest does not match its payload");
    }
  }

  // check_warc_digest for `bytes` in the file being read: bytes equal to
  // ones that already matched the same declared digest match without
  // hashing them again (a crawl holds the same page many times over).
  DigestCheck check_in_file(const std::string& declared, std::string_view bytes) {
    std::vector<std::string_view>& matched = m_matched[declared];
    if (std::find(matched.begin(), matched.end(), bytes) != matched.end()) {
      return DigestCheck::match;
    }
    DigestCheck check = check_warc_digest(declared, bytes);
    if (check == DigestCheck::match) {
      matched.push_back(bytes);
    }
    return check;
  }

  Payload payload_of(const capture::WarcRecord& r, const std::string& label) {
    Payload p;
    std::string type = r.type();
    std::string uri = capture::clean_target_uri(r.header("WARC-Target-URI"));
    std::string scheme = uri.substr(0, uri.find(':'));
    if (scheme != "http" && scheme != "https") {
      return p;  // wget's metadata:// logs, dns: records and the like are not captures
    }
    if (type == "resource") {
      p.bytes = std::string(r.block);
      p.content_type = r.header("Content-Type");
      check_digests(r, label, r.block, r.block);
    } else if (type == "response" && capture::essence(r.header("Content-Type")).starts_with("application/http")) {
      capture::HttpMessage m;
      try {
        m = capture::parse_http_response(r.block, where(r, label));
      } catch (const capture::UnsupportedEncoding& e) {
        m_out.warnings.push_back(std::string(e.what()) + ": not recorded");
        return p;
      }
      check_digests(r, label, m.message_body, m.chunked ? std::string_view(m.payload) : std::string_view());
      p.bytes = std::move(m.payload);
      p.content_type = m.content_type;
      p.status = m.status;
      if (m.status >= 300 && m.status < 400) {
        return p;  // a redirect: the page is where it points
      }
    } else {
      return p;
    }
    p.ok = !p.bytes.empty() && text_payload(p.content_type, p.bytes);
    return p;
  }

  void add(const capture::WarcRecord& r, const std::string& label, Payload p) {
    WebOrigin web{capture::clean_target_uri(r.header("WARC-Target-URI")),
                  r.header("WARC-Date"),
                  p.status,
                  p.content_type,
                  r.header("WARC-Record-ID"),
                  m_file,
                  m_sha,
                  r.header("WARC-Truncated")};
    std::string id = capture::document_id_for_uri(web.uri, m_prefix);
    if (id.empty()) {
      throw UsageError(where(r, label) + "cannot derive a document id from WARC-Target-URI '" + web.uri + "'");
    }
    std::string origin = label + "@" + std::to_string(r.offset);
    m_source.push_back(source_of(p.bytes, p.content_type));
    m_out.inputs.push_back({origin, id, std::move(p.bytes), CapturedText{}, std::move(web)});  // text: take()
  }

  // The input whose text the payload about to be added gets: itself, or an
  // earlier one with the same bytes and Content-Type (extraction is
  // deterministic, so a page captured again unchanged, under its URI or
  // another, is not parsed again).
  std::size_t source_of(std::string_view bytes, const std::string& content_type) {
    std::size_t hash = std::hash<std::string_view>{}(bytes) ^ (std::hash<std::string>{}(content_type)*31);
    auto [begin, end] = m_texts.equal_range(hash);
    for (auto it = begin; it != end; ++it) {
      const InputDocument& seen = m_out.inputs[it->second];
      if (seen.content == bytes && seen.web->content_type == content_type) {
        return it->second;
      }
    }
    m_texts.emplace(hash, m_out.inputs.size());
    return m_out.inputs.size();
  }

  void handle(const capture::WarcRecord& r, const std::string& label) {
    std::string type = r.type();
    if (type == "revisit") {
      revisit(r, label);
      return;
    }
    Payload p = payload_of(r, label);
    if (!p.ok) {
      ++m_out.skipped;
      return;
    }
    // Revisits find the capture they repeat by its index in m_out.inputs (no copy of the payload).
    m_by_id[r.header("WARC-Record-ID")] = m_out.inputs.size();
    if (std::string digest = r.header("WARC-Payload-Digest"); !digest.empty()) {
      m_by_digest[digest] = m_out.inputs.size();
    }
    add(r, label, std::move(p));
  }

  // A revisit carries no payload: it is a sighting of the record it refers
  // to, found in this file by WARC-Refers-To or by payload digest.
  void revisit(const capture::WarcRecord& r, const std::string& label) {
    auto found = m_by_id.find(r.header("WARC-Refers-To"));
    if (found == m_by_id.end()) {
      found = m_by_digest.find(r.header("WARC-Payload-Digest"));
      if (found == m_by_digest.end()) {
        ++m_out.skipped;
        m_out.warnings.push_back(where(r, label) + "revisit of a capture not in this file: not recorded");
        return;
      }
    }
    const InputDocument& seen = m_out.inputs[found->second];
    Payload p{seen.content, seen.web->content_type, seen.web->http_status, true};
    if (r.block.starts_with("HTTP/") && r.block.size() > 12) {
      p.status = std::atoi(std::string(r.block.substr(r.block.find(' ') + 1, 3)).c_str());  // the revisit's own status
    }
    add(r, label, std::move(p));
  }

  std::string m_file;
  std::string m_prefix;
  capture::TextMode m_mode;
  store::Digest m_sha;
  WarcInputs m_out;
  std::map<std::string, std::size_t> m_by_id;      // WARC-Record-ID -> index in m_out.inputs
  std::map<std::string, std::size_t> m_by_digest;  // WARC-Payload-Digest -> index in m_out.inputs
  std::unordered_map<std::string, std::vector<std::string_view>> m_matched;  // digest -> bytes of this file matching it
  std::vector<std::size_t> m_source;                          // per input: the input whose derived text it takes
  std::unordered_multimap<std::size_t, std::size_t> m_texts;  // hash of a payload and Content-Type -> inputs with them
};

}  // namespace

WarcInputs read_warc_inputs(const std::string& path, const std::string& doc_prefix, capture::TextMode mode) {
  std::string bytes = read_whole(path);
  std::string name = std::filesystem::path(path).filename().string();
  Reader reader(name, doc_prefix, mode, store::sha256(bytes));
  try {
    if (bytes.starts_with("PK\x03\x04")) {
      auto hex = [](std::string_view data) { return store::sha256(data).hex(); };
      capture::WaczContents wacz = capture::read_wacz(bytes, path, hex);
      for (const capture::ZipEntry& warc : wacz.warcs) {
        reader.read(warc.data, path + "!" + warc.name);
      }
    } else {
      reader.read(bytes, path);
    }
  } catch (const capture::WarcError& e) {
    throw UsageError(e.what());
  }
  return reader.take();
}

}  // namespace stet::cli
