#include "cli/commands.hpp"
#include "cli/format_option.hpp"
#include "cli/sync_report.hpp"
#include "render/render.hpp"
#include "render/visible.hpp"
#include "store/sync.hpp"

#include <CLI/CLI.hpp>

#include <ostream>

namespace stet::cli {

namespace {

constexpr int k_pull_retries = 5;

struct PushOptions {
  std::string remote;
  bool pull = false;
  std::string format = "text";
};

void print_push(std::ostream& out, const store::PushResult& result) {
  switch (result.kind) {
    case store::PushKind::up_to_date:
      out << visible(result.url) << " is already up to date (head " << result.head.substr(0, 12) << ")\n";
      return;
    case store::PushKind::initialised:
      out << "initialised " << visible(result.url) << " with this store (head " << result.head.substr(0, 12) << ")\n";
      return;
    case store::PushKind::pushed:
      out << "pushed to " << visible(result.url) << " (head " << result.head.substr(0, 12) << ")\n";
      return;
  }
}

const char* push_kind_name(store::PushKind kind) {
  switch (kind) {
    case store::PushKind::up_to_date:
      return "up-to-date";
    case store::PushKind::initialised:
      return "initialised";
    case store::PushKind::pushed:
      return "pushed";
  }
  return "unknown";
}

// Pushes; with --pull, a refusal because the remote moved on pulls and
// retries (the remote may move again between the two, hence a few tries).
store::PushResult push_with_retries(Context& context, store::ContentStore& store, const std::string& remote,
                                    const PushOptions& options, nlohmann::json& pulls) {
  for (int attempt = 0;; ++attempt) {
    try {
      return store::push(store, remote);
    } catch (const store::RemoteAheadError&) {
      if (!options.pull || attempt >= k_pull_retries) {
        throw;
      }
    }
    auto pulled = store::pull(store, remote, sync_identity(context));
    pulls.push_back(pull_json(pulled));
    if (parse_format(options.format) == Format::text) {
      print_pull(*context.out, pulled);
    }
  }
}

ExitCode run_push(Context& context, const PushOptions& options) {
  Format format = parse_format(options.format);
  auto store = context.open_store();
  std::string remote = choose_remote(store, options.remote);
  nlohmann::json pulls = nlohmann::json::array();
  auto result = push_with_retries(context, store, remote, options, pulls);
  if (format == Format::json) {
    write_json(
        *context.out,
        {{"remote", result.url}, {"result", push_kind_name(result.kind)}, {"head", result.head}, {"pulls", pulls}});
  } else {
    print_push(*context.out, result);
  }
  return ExitCode::ok;
}

}  // namespace

void add_push_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<PushOptions>();
  CLI::App* sub = app.add_subcommand("push", "Send this store's versions to a remote (never overwrites its history)");
  sub->add_option("remote", options->remote, "Remote name or URL (default: origin, or the only remote)");
  sub->add_flag("--pull", options->pull, "When the remote has versions this store lacks, pull them and push again");
  sub->add_option("--format", options->format, "Output format: text or json");
  table.push_back({sub, [options](Context& context) { return run_push(context, *options); }});
}

}  // namespace stet::cli
