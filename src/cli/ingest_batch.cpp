#include "cli/ingest_batch.hpp"

#include "cli/manifest.hpp"
#include "cli/revision.hpp"
#include "store/document_id.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <ostream>

namespace stet::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::int64_t k_max_future_seconds = 24 * 60 * 60;

std::string parent_of(const std::string& origin) {
  std::string path = origin.substr(0, origin.find('#'));
  return fs::path(path).parent_path().lexically_normal().string();
}

std::string read_manifest_text(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::error_code ec;
  if (!file || fs::is_directory(path, ec)) {
    throw UsageError("cannot read the manifest '" + path + "'");
  }
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

// Reads one row into `batch`; a problem becomes a BadInput.
void add_row(const ManifestRow& row, const fs::path& base, const InputMeta& defaults, const Environment& env,
             Batch& batch) {
  try {
    InputMeta meta{row.doc, row.source.empty() ? defaults.source : row.source, defaults.retrieved,
                   row.title.empty() ? defaults.title : row.title, row.author.empty() ? defaults.author : row.author};
    if (!row.retrieved.empty()) {
      meta.retrieved = checked_retrieved(row.retrieved, env.now());
    }
    if (!meta.doc.empty()) {
      if (auto problem = store::document_id_problem(meta.doc)) {
        throw UsageError(*problem);
      }
    }
    fs::path file = fs::path(row.path).is_absolute() ? fs::path(row.path) : base / row.path;
    auto inputs = read_input(file.lexically_normal().string(), false, env);
    if (meta.doc.empty() && inputs.front().stem.empty()) {
      throw UsageError("cannot derive a document id from this file name; give a doc column");
    }
    batch.inputs.push_back(std::move(inputs.front()));
    batch.metas.push_back(std::move(meta));
  } catch (const UsageError& e) {
    std::string reason = e.what();
    // read_input names the file itself; the row already says which.
    std::string prefix = (base / row.path).lexically_normal().string() + ": ";
    if (reason.starts_with(prefix)) {
      reason.erase(0, prefix.size());
    }
    batch.bad.push_back({row.line, row.path, reason});
  }
}

}  // namespace

std::string checked_retrieved(const std::string& text, std::chrono::system_clock::time_point now) {
  auto full = rfc3339_from_user(text);
  if (!full) {
    throw UsageError("invalid --retrieved '" + text +
                     "': expected RFC 3339 (2014-03-17T12:00:00Z) or a date (2014-03-17)");
  }
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  if (store::time_key(*full)->seconds > seconds + k_max_future_seconds) {
    throw UsageError("--retrieved '" + text + "' is more than a day in the future");
  }
  return *full;
}

void refuse_clashing_stems(const std::vector<InputDocument>& inputs, const std::vector<std::string>& ids,
                           const std::vector<bool>& explicit_id) {
  std::map<std::string, std::size_t> first_of;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (explicit_id[i]) {
      continue;
    }
    auto [it, added] = first_of.emplace(ids[i], i);
    if (!added && parent_of(inputs[it->second].origin) != parent_of(inputs[i].origin)) {
      throw UsageError(inputs[it->second].origin + " and " + inputs[i].origin + " would both be document '" + ids[i] +
                       "'; give ids with --doc or a manifest");
    }
  }
}

Batch read_manifest_batch(const std::string& path, const InputMeta& defaults, const Environment& env,
                          std::ostream* progress) {
  Manifest manifest = parse_manifest(read_manifest_text(path));
  Batch batch;
  for (const ManifestProblem& p : manifest.problems) {
    batch.bad.push_back({p.line, p.path, p.reason});
  }
  fs::path base = fs::path(path).parent_path();
  for (std::size_t i = 0; i < manifest.rows.size(); ++i) {
    add_row(manifest.rows[i], base, defaults, env, batch);
    if (progress != nullptr) {
      *progress << "\rstet ingest: read " << (i + 1) << "/" << manifest.rows.size() << std::flush;
    }
  }
  if (progress != nullptr) {
    *progress << "\r\033[K" << std::flush;
  }
  std::sort(batch.bad.begin(), batch.bad.end(), [](const BadInput& a, const BadInput& b) { return a.line < b.line; });
  return batch;
}

std::string describe_bad(const std::vector<BadInput>& bad, const std::string& what) {
  std::string out =
      what + ": " + std::to_string(bad.size()) + (bad.size() == 1 ? " bad row" : " bad rows") + ", nothing recorded: ";
  for (std::size_t i = 0; i < bad.size(); ++i) {
    out += (i == 0 ? "" : "; ") + std::string("line ") + std::to_string(bad[i].line) +
           (bad[i].path.empty() ? "" : " (" + bad[i].path + ")") + ": " + bad[i].reason;
  }
  return out;
}

}  // namespace stet::cli
