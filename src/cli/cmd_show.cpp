#include "cli/capture_input.hpp"
#include "cli/commands.hpp"
#include "cli/doc_ref.hpp"
#include "cli/format_option.hpp"
#include "render/render.hpp"
#include "render/visible.hpp"

#include <CLI/CLI.hpp>

#include <ostream>

namespace stet::cli {

namespace {

struct ShowOptions {
  std::string target;
  bool meta = false;
  bool text = false;
  std::string format = "text";
};

ExitCode run_show(Context& context, const ShowOptions& options) {
  Format format = parse_format(options.format);
  DocRef ref = parse_doc_ref(options.target);
  auto store = context.open_store();
  auto versions = require_history(store, ref.doc);
  const store::Version& version = resolve_revision(versions, ref.doc, ref.rev);
  if (options.meta && options.text) {
    throw UsageError("give --meta or --text, not both");
  }
  if (!options.meta) {
    std::string bytes = options.text ? version_text(store, ref.doc, version) : require_content(store, ref.doc, version);
    context.out->write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return ExitCode::ok;
  }
  if (format == Format::json) {
    write_json(*context.out, version_json(version));
    return ExitCode::ok;
  }
  const store::Record& r = version.ingest;
  std::ostream& out = *context.out;
  out << "document      " << visible(r.doc) << "\n";
  out << "version       " << version.number << " of " << versions.size() << "\n";
  out << "sha256        " << r.sha256.hex() << "\n";
  out << "normalized    " << r.normalized_sha256.hex() << "\n";
  out << "previous      " << (r.previous ? r.previous->hex() : std::string("none")) << "\n";
  out << "size          " << r.bytes << " bytes, " << r.words << " words\n";
  out << "title         " << visible(r.title) << "\n";
  if (!r.media_type.empty()) {
    out << "media type    " << visible(r.media_type) << (r.charset.empty() ? "" : ", charset " + visible(r.charset))
        << "\n";
  }
  if (r.text_sha256) {
    out << "text form     " << r.text_sha256->hex() << " (" << visible(r.text_extractor) << ")\n";
  }
  if (r.http_status) {
    out << "http status   " << *r.http_status << (r.content_type.empty() ? "" : ", " + visible(r.content_type)) << "\n";
  }
  if (!r.warc_record_id.empty()) {
    out << "warc record   " << visible(r.warc_record_id) << " in " << visible(r.warc_file) << "\n";
  }
  if (!r.warc_truncated.empty()) {
    out << "cut at capture " << visible(r.warc_truncated) << " (WARC-Truncated)\n";
  }
  out << "source        " << visible(or_unknown(r.source)) << "\n";
  out << "retrieved at  " << visible(or_unknown(r.retrieved_at)) << "\n";
  out << "ingested at   " << visible(r.ingested_at) << "\n";
  out << "ingested by   " << visible(r.ingested_by) << "\n";
  out << "git object    " << version.object_id << "\n";
  out << "sightings     " << version.sightings.size() << "\n";
  return ExitCode::ok;
}

}  // namespace

void add_show_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<ShowOptions>();
  CLI::App* sub = app.add_subcommand("show", "Print the exact bytes of a version (default: the latest)");
  sub->add_option("target", options->target, "DOC or DOC@REV (REV: version number or 8+ hex digits of SHA-256)")
      ->required();
  sub->add_flag("--meta", options->meta, "Print the version's provenance instead of its bytes");
  sub->add_flag("--text", options->text,
                "Print the version's text: its derived text form (HTML, other encodings), else its bytes");
  sub->add_option("--format", options->format, "Output format for --meta: text or json");
  table.push_back({sub, [options](Context& context) { return run_show(context, *options); }});
}

}  // namespace stet::cli
