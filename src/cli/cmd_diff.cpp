#include "analysis/text_form.hpp"
#include "cli/capture_input.hpp"
#include "cli/commands.hpp"
#include "cli/doc_ref.hpp"
#include "cli/format_option.hpp"
#include "cli/revision.hpp"
#include "diff/layout_difference.hpp"
#include "render/diff_render.hpp"
#include "render/pair_truncation.hpp"
#include "store/digest.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>

namespace stet::cli {

namespace {

struct DiffOptions {
  std::vector<std::string> args;
  bool files = false;
  std::string format;
  std::string color = "auto";
  int context = -1;
  bool show_whitespace = false;
  bool ignore_typography = false;
  bool no_moves = false;
  std::string text_mode;  // empty: each version's recorded text form
  bool all_captures = false;
};

struct Side {
  std::string label;
  std::string text;
  int number = 0;      // the version number, 0 for a file
  std::string sha256;  // hex; for a file only when asked (the html format names it)
};

// `hash`: whether the html format will name the file by its SHA-256 (the
// other formats do not, and hashing costs OpenSSL's start-up).
Side read_side(const std::string& path, const Environment& env, const std::string& text_mode, bool hash) {
  std::string bytes;
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(*env.in), std::istreambuf_iterator<char>());
  } else {
    std::ifstream file(path, std::ios::binary);
    if (!file || std::filesystem::is_directory(path)) {
      throw UsageError("cannot read '" + path + "'");
    }
    file.seekg(0, std::ios::end);
    bytes.resize(static_cast<std::size_t>(std::max<std::streamoff>(0, file.tellg())));
    file.seekg(0, std::ios::beg);
    file.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!file) {
      throw UsageError("cannot read '" + path + "'");
    }
  }
  std::string sha = hash ? store::sha256(bytes).hex() : std::string();  // of the file's bytes, as a version's is
  // HTML and other encodings are compared by their text form (a binary
  // file is refused by capture_text, naming what it looks like).
  bool html = capture::sniff_media_type(bytes).kind == capture::MediaKind::html;
  if (analysis::text_problem(bytes) || html) {
    auto mode = parse_text_mode(text_mode.empty() ? "visible" : text_mode);
    bytes = capture_text("'" + path + "'", bytes, "", mode).text;
  }
  // The file name alone keeps labels (and golden outputs) independent of where the files live.
  return {path == "-" ? "stdin" : std::filesystem::path(path).filename().string(), std::move(bytes), 0, std::move(sha)};
}

// A version's recorded text, or with `text_mode` an HTML version's text
// extracted again from its bytes in that mode.
Side store_side(const store::ContentStore& store, const std::string& doc, const std::string& rev,
                const std::string& text_mode) {
  auto versions = require_history(store, doc);
  const store::Version& version = resolve_revision(versions, doc, rev);
  std::string label = doc + "@" + std::to_string(version.number);
  if (!text_mode.empty() && version.ingest.media_type == "text/html") {
    std::string bytes = require_content(store, doc, version);
    return {label, capture_text(label, bytes, version.ingest.content_type, parse_text_mode(text_mode)).text,
            version.number, version.sha256.hex()};
  }
  return {label, version_text(store, doc, version), version.number, version.sha256.hex()};
}

// `stet diff DOC`: the state before the latest against the latest (A, B,
// A again: B against A). For web captures, error and challenge pages stay
// in the record but are passed over (comparing a 404 page with an article
// says nothing) unless `all`.
std::pair<std::string, std::string> default_revisions(const store::ContentStore& store, const std::string& doc,
                                                      const std::vector<store::Version>& versions, bool all) {
  bool web = std::any_of(versions.begin(), versions.end(),
                         [](const store::Version& v) { return !v.ingest.media_type.empty() || v.ingest.http_status; });
  if (all || !web) {
    return {states_of(versions).size() > 1 ? "latest~1" : "latest", "latest"};
  }
  std::vector<int> good;
  for (const store::Version& v : versions) {
    if (!capture_error_of(v.ingest, version_text(store, doc, v))) {
      good.push_back(v.number);
    }
  }
  if (good.empty()) {
    return {"latest", "latest"};
  }
  int latest = good.back();
  int previous = good.size() > 1 ? good[good.size() - 2] : latest;
  return {std::to_string(previous), std::to_string(latest)};
}

// A file operand beside a DOC@REV: '-' or a path that exists as a file.
bool is_file_operand(const std::string& arg) {
  std::error_code ec;
  return arg == "-" || std::filesystem::is_regular_file(arg, ec);
}

std::pair<Side, Side> store_sides(Context& context, const std::vector<std::string>& args, const std::string& mode,
                                  bool all_captures, bool hash) {
  auto store = context.open_store();
  auto store_side = [&mode](const store::ContentStore& s, const std::string& doc, const std::string& rev) {
    return stet::cli::store_side(s, doc, rev, mode);
  };
  auto read_side = [&mode, hash](const std::string& path, const Environment& env) {
    return stet::cli::read_side(path, env, mode, hash);
  };
  if (args.size() == 2) {
    bool left_at = args[0].find('@') != std::string::npos;
    bool right_at = args[1].find('@') != std::string::npos;
    if (left_at && !right_at) {
      DocRef left = parse_doc_ref(args[0]);
      return {store_side(store, left.doc, left.rev), read_side(args[1], *context.env)};
    }
    if (right_at && is_file_operand(args[0])) {
      DocRef right = parse_doc_ref(args[1]);
      return {read_side(args[0], *context.env), store_side(store, right.doc, right.rev)};
    }
    if (right_at) {
      DocRef left = parse_doc_ref(args[0]);
      DocRef right = parse_doc_ref(args[1]);
      return {store_side(store, left.doc, left.rev), store_side(store, right.doc, right.rev)};
    }
  }
  DocRef ref = parse_doc_ref(args[0]);
  if (!ref.rev.empty()) {
    throw UsageError("give DOC REV_A [REV_B], DOC_A@REV DOC_B@REV or DOC@REV FILE, not '" + args[0] + "' alone");
  }
  if (args.size() == 1) {
    auto versions = require_history(store, ref.doc);
    auto [previous, latest] = default_revisions(store, ref.doc, versions, all_captures);
    return {store_side(store, ref.doc, previous), store_side(store, ref.doc, latest)};
  }
  return {store_side(store, ref.doc, args[1]), store_side(store, ref.doc, args.size() > 2 ? args[2] : "")};
}

// Says what differs when no word does (a BOM, line endings, white space):
// such a difference would otherwise print as nothing.
std::string layout_note(std::string_view a, std::string_view b, const diff::DiffResult& result, bool shown) {
  const diff::Stats& s = result.stats;
  if (s.words_added > 0 || s.words_removed > 0 || s.moves > 0 || result.truncation) {
    return "";
  }
  std::string note = diff::layout_difference(a, b).value_or("");
  bool white_space = note.find("white space") != std::string::npos;
  return white_space && !shown ? note + "; --show-whitespace marks them" : note;
}

// --context N: N >= 0 (without the option, everything is shown).
std::string context_problem(std::string& value) {
  return value.starts_with('-') ? "a number of lines, 0 or more, not " + value : "";
}

bool use_colors(const Context& context, const DiffOptions& options) {
  // An explicit --color=always wins over NO_COLOR (no-color.org).
  if (options.color == "always") {
    return true;
  }
  if (options.color == "never") {
    return false;
  }
  if (options.color != "auto") {
    throw UsageError("invalid --color '" + options.color + "': use never, always or auto");
  }
  auto no_color = context.env->getenv ? context.env->getenv("NO_COLOR") : std::nullopt;
  return context.env->out_is_terminal && (!no_color || no_color->empty());
}

ExitCode run_diff(Context& context, const DiffOptions& options) {
  // --color=always asks for colour, so it also picks the color format (`stet diff ... --color=always | less -R`).
  bool color_default = context.env->out_is_terminal || options.color == "always";
  DiffFormat format = parse_diff_format(options.format.empty() ? (color_default ? "color" : "wdiff") : options.format);
  bool colors = format == DiffFormat::color && use_colors(context, options);
  if (options.files && options.args.size() != 2) {
    throw UsageError("--files takes exactly two paths");
  }
  if (!options.files && (options.args.empty() || options.args.size() > 3)) {
    throw UsageError("give DOC [REV_A [REV_B]], DOC_A@REV DOC_B@REV, DOC@REV FILE, or --files A B");
  }
  bool hash = format == DiffFormat::html;  // only the html format names the files' SHA-256
  auto [left, right] = options.files
                           ? std::pair{read_side(options.args[0], *context.env, options.text_mode, hash),
                                       read_side(options.args[1], *context.env, options.text_mode, hash)}
                           : store_sides(context, options.args, options.text_mode, options.all_captures, hash);
  diff::Options engine;
  engine.ignore_whitespace = !options.show_whitespace;
  engine.ignore_typography = options.ignore_typography;
  engine.detect_moves = !options.no_moves;
  // Only the formats that print totals and similarity pay for counting every word.
  engine.count_all_words = format == DiffFormat::json || format == DiffFormat::html || format == DiffFormat::stat;
  diff::DiffResult result = diff::word_diff(left.text, right.text, engine);
  auto finding = judge_diff_pair(result, left.text, left.number, right.text, right.number);
  DiffView view{left.text,
                right.text,
                left.label,
                right.label,
                &result,
                colors,
                options.context,
                shorter_note(finding),
                left.sha256,
                right.sha256,
                layout_note(left.text, right.text, result, options.show_whitespace)};
  render_diff(*context.out, view, format);
  if (format == DiffFormat::wdiff && !view.layout_note.empty()) {
    // wdiff output stays pure markup; the note goes beside it.
    *context.err << "stet: " << view.layout_note << "\n";
  }
  return result.differs() ? ExitCode::differences : ExitCode::ok;
}

}  // namespace

void add_diff_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* sub = app.add_subcommand("diff", "Show what changed between two versions, word by word");
  sub->add_option("args", options->args,
                  "DOC [REV_A [REV_B]] (default: the state before the latest against the latest), DOC_A@REV DOC_B@REV, "
                  "DOC@REV FILE, FILE DOC@REV, or with --files: A B");
  sub->add_flag("--files", options->files, "Compare two files (or '-' for stdin) without a store");
  sub->add_option("--format", options->format,
                  "color (default on a terminal), wdiff (default otherwise), json, html or stat");
  sub->add_option("--color", options->color, "Colours in the color format: never, always or auto (default)");
  sub->add_option("--context", options->context, "Lines of unchanged text to show around each change (default: all)")
      ->check(CLI::Validator(context_problem, "N >= 0"));
  sub->add_flag("--show-whitespace", options->show_whitespace, "Count white-space-only differences as changes");
  sub->add_flag("--ignore-typography", options->ignore_typography,
                "Treat quote, dash, space and ligature variants as equal (still reported as typographic)");
  sub->add_flag("--no-moves", options->no_moves, "Show moved text as a removal and an insertion");
  sub->add_flag("--all-captures", options->all_captures,
                "With DOC alone: compare the last two versions even when one is an error or challenge page");
  sub->add_option("--text-mode", options->text_mode,
                  "Compare HTML pages by visible text or main content, extracted again from their bytes "
                  "(default: the text form recorded with each version)");
  table.push_back({sub, [options](Context& context) { return run_diff(context, *options); }});
}

}  // namespace stet::cli
