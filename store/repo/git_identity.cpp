#include "store/identity.hpp"

#include "repo/git_handles.hpp"

namespace stet::store {

namespace {

std::optional<std::string> config_string(git_config* config, const char* name) {
  git_buf value = GIT_BUF_INIT;
  if (git_config_get_string_buf(&value, config, name) < 0) {
    return std::nullopt;
  }
  std::string out(value.ptr, value.size);
  git_buf_dispose(&value);
  return out;
}

}  // namespace

std::optional<std::string> git_identity() {
  git::Session session;
  git_config* raw = nullptr;
  if (git_config_open_default(&raw) < 0) {
    return std::nullopt;
  }
  git::git_config_ptr config(raw);
  auto name = config_string(config.get(), "user.name");
  if (!name || name->empty()) {
    return std::nullopt;
  }
  auto email = config_string(config.get(), "user.email");
  return email && !email->empty() ? *name + " <" + *email + ">" : *name;
}

}  // namespace stet::store
