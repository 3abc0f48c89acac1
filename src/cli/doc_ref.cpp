#include "cli/doc_ref.hpp"

#include "cli/context.hpp"
#include "store/document_id.hpp"
#include "store/error.hpp"

namespace stet::cli {

DocRef parse_doc_ref(const std::string& text) {
  DocRef ref;
  auto at = text.rfind('@');
  ref.doc = text.substr(0, at);
  if (at != std::string::npos) {
    ref.rev = text.substr(at + 1);
    if (ref.rev.empty()) {
      throw UsageError("empty revision after '@' in '" + text + "'");
    }
  }
  if (auto problem = store::document_id_problem(ref.doc)) {
    throw UsageError(*problem);
  }
  return ref;
}

const store::Version& resolve_revision(const std::vector<store::Version>& versions, const std::string& doc,
                                       const std::string& rev) {
  if (rev.empty()) {
    return versions.back();
  }
  bool numeric = rev.find_first_not_of("0123456789") == std::string::npos;
  if (numeric && rev.size() < 8) {
    std::size_t number = std::stoul(rev);
    if (number == 0 || number > versions.size()) {
      throw UsageError("unknown revision '" + rev + "' of " + doc + " (it has " + std::to_string(versions.size()) +
                       " version" + (versions.size() == 1 ? "" : "s") + ")");
    }
    return versions[number - 1];
  }
  if (rev.size() < 8 || rev.size() > 64 || !store::is_hex(rev)) {
    throw UsageError("invalid revision '" + rev + "': give a version number or 8 to 64 hex digits of a SHA-256");
  }
  std::string prefix = rev;
  for (char& c : prefix) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  const store::Version* match = nullptr;
  for (const store::Version& version : versions) {
    if (version.sha256.hex().starts_with(prefix)) {
      if (match != nullptr) {
        throw UsageError("ambiguous revision '" + rev + "' of " + doc + ": give more hex digits");
      }
      match = &version;
    }
  }
  if (match == nullptr) {
    throw UsageError("unknown revision '" + rev + "' of " + doc);
  }
  return *match;
}

std::vector<store::Version> require_history(const store::ContentStore& store, const std::string& doc) {
  auto versions = store.history(doc);
  if (!versions || versions->empty()) {
    throw UsageError("unknown document '" + doc + "' (see stet list)");
  }
  return *versions;
}

std::string require_content(const store::ContentStore& store, const std::string& doc,
                            const store::Version& version) {
  auto bytes = store.content(doc, version.sha256);
  if (!bytes) {
    throw store::Error("the content of " + doc + "@" + std::to_string(version.number) + " cannot be read");
  }
  return *bytes;
}

}  // namespace stet::cli
