#include "cli/commands.hpp"
#include "cli/format_option.hpp"
#include "render/render.hpp"
#include "render/visible.hpp"

#include <CLI/CLI.hpp>

#include <ostream>

namespace stet::cli {

namespace {

struct ListOptions {
  std::string format = "text";
};

ExitCode run_list(Context& context, const ListOptions& options) {
  Format format = parse_format(options.format);
  auto store = context.open_store();
  auto documents = store.documents();
  if (format == Format::json) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& d : documents) {
      array.push_back({{"id", d.id}, {"versions", d.versions}, {"last_ingested_at", d.last_ingested_at}});
    }
    write_json(*context.out, array);
    return ExitCode::ok;
  }
  if (documents.empty()) {
    *context.out << "no documents yet (add one with stet ingest FILE)\n";
  }
  for (const auto& d : documents) {
    *context.out << visible(d.id) << "  " << d.versions << (d.versions == 1 ? " version" : " versions")
                 << "  last ingest " << visible(d.last_ingested_at) << "\n";
  }
  return ExitCode::ok;
}

}  // namespace

void add_list_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<ListOptions>();
  CLI::App* sub = app.add_subcommand("list", "List documents with their version counts and last ingest");
  sub->add_option("--format", options->format, "Output format: text or json");
  table.push_back({sub, [options](Context& context) { return run_list(context, *options); }});
}

}  // namespace stet::cli
