#include "cli/sync_report.hpp"

#include "render/render.hpp"
#include "render/visible.hpp"

#include <pwd.h>
#include <unistd.h>

#include <ostream>

namespace stet::cli {

namespace {

const char* pull_kind_name(store::PullKind kind) {
  switch (kind) {
    case store::PullKind::up_to_date:
      return "up-to-date";
    case store::PullKind::remote_empty:
      return "remote-empty";
    case store::PullKind::fast_forward:
      return "fast-forward";
    case store::PullKind::merged:
      return "merged";
  }
  return "unknown";
}

}  // namespace

std::string choose_remote(const store::ContentStore& store, const std::string& given) {
  if (!given.empty()) {
    return given;
  }
  auto remotes = store::remotes(store);
  for (const store::Remote& remote : remotes) {
    if (remote.name == "origin") {
      return remote.name;
    }
  }
  if (remotes.size() == 1) {
    return remotes.front().name;
  }
  if (remotes.empty()) {
    throw UsageError("no remote given and none configured; add one with 'stet remote add NAME URL'");
  }
  throw UsageError("no remote given and no remote named 'origin'; name one (see 'stet remote list')");
}

store::SyncIdentity sync_identity(const Context& context) {
  for (const char* name : {"STET_AUTHOR", "GIT_AUTHOR_NAME", "USER", "LOGNAME"}) {
    if (auto value = context.env->getenv(name); value && !value->empty()) {
      return {*value, context.now_utc()};
    }
  }
  if (const passwd* entry = ::getpwuid(::getuid()); entry != nullptr && entry->pw_name != nullptr) {
    return {entry->pw_name, context.now_utc()};
  }
  return {"unknown", context.now_utc()};
}

nlohmann::json pull_json(const store::PullResult& result) {
  return {{"remote", result.url},
          {"result", pull_kind_name(result.kind)},
          {"head", result.head},
          {"new_versions", result.new_versions},
          {"new_records", result.new_records},
          {"documents", result.documents}};
}

void print_pull(std::ostream& out, const store::PullResult& result) {
  switch (result.kind) {
    case store::PullKind::up_to_date:
      out << "already up to date with " << visible(result.url) << "\n";
      return;
    case store::PullKind::remote_empty:
      out << visible(result.url) << " is empty: nothing to pull\n";
      return;
    case store::PullKind::fast_forward:
    case store::PullKind::merged:
      break;
  }
  out << "pulled from " << visible(result.url) << ": " << plural(result.new_versions, "new version") << ", "
      << plural(result.new_records, "new record") << " in " << plural(result.documents.size(), "document") << " ("
      << pull_kind_name(result.kind) << ", head " << result.head.substr(0, 12) << ")\n";
}

}  // namespace stet::cli
