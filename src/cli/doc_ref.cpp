#include "cli/doc_ref.hpp"

#include "cli/context.hpp"
#include "cli/revision.hpp"
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
  return versions[resolve_revision_index(versions, doc, rev)];
}

std::vector<store::Version> require_history(const store::ContentStore& store, const std::string& doc) {
  auto versions = store.history(doc);
  if (!versions || versions->empty()) {
    throw UsageError("unknown document '" + doc + "' (see stet list)");
  }
  return *versions;
}

std::string require_content(const store::ContentStore& store, const std::string& doc, const store::Version& version) {
  auto bytes = store.content(doc, version.sha256);
  if (!bytes) {
    throw store::Error("the content of " + doc + "@" + std::to_string(version.number) + " cannot be read");
  }
  return *bytes;
}

}  // namespace stet::cli
