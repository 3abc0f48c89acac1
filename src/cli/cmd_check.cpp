#include "analysis/text_form.hpp"
#include "analysis/version_truncation.hpp"
#include "analysis/words.hpp"
#include "cli/capture_input.hpp"
#include "cli/check_report.hpp"
#include "cli/commands.hpp"
#include "cli/doc_ref.hpp"
#include "cli/format_option.hpp"
#include "cli/input_files.hpp"
#include "render/render.hpp"
#include "store/digest.hpp"
#include "store/document_id.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <ostream>
#include <sstream>

namespace stet::cli {

namespace {

namespace fs = std::filesystem;

struct CheckOptions {
  std::vector<std::string> targets;
  bool split = false;
  bool docs = false;
  std::string format = "text";
};

// One checked document, ready to print.
struct Checked {
  std::string label;
  nlohmann::json identity;  // input, doc, version, sha256
  analysis::VersionAssessment result;
  std::optional<std::string> capture_error;  // an error or challenge page, not a text
};

std::string read_bytes(const std::string& path, const Environment& env) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << env.in->rdbuf();
    return buffer.str();
  }
  if (fs::is_directory(path)) {
    throw UsageError(path + ": is a folder, not a file");
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    throw UsageError(path + ": cannot be read (permission denied?)");
  }
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

Checked check_lone(const std::string& label, const std::string& bytes) {
  analysis::VersionAssessment result;
  result.assessment = analysis::assess_text(bytes);
  nlohmann::json identity = {
      {"input", label}, {"doc", nullptr}, {"version", nullptr}, {"sha256", store::sha256(bytes).hex()}};
  return {label, identity, result, std::nullopt};
}

void check_file(const std::string& path, bool split, const Environment& env, std::vector<Checked>& out) {
  std::string name = path == "-" ? "standard input" : path;
  std::string bytes = read_bytes(path, env);
  CapturedText captured = capture_text(name, bytes, "", capture::TextMode::visible);
  if (!split || captured.capture.has_text_form) {
    // HTML and other encodings are checked by their text form.
    out.push_back(check_lone(name, captured.text));
    store::Record facts;
    facts.title = captured.capture.title.empty() ? analysis::first_line_title(captured.text) : captured.capture.title;
    out.back().capture_error = capture_error_of(facts, captured.text);
    return;
  }
  auto parts = split_parts(bytes);
  if (parts.empty()) {
    parts.push_back(bytes);
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    out.push_back(check_lone(name + "#" + std::to_string(i + 1), parts[i]));
  }
}

void check_document(const std::string& arg, const store::ContentStore& store, std::vector<Checked>& out) {
  DocRef ref = parse_doc_ref(arg);
  auto versions = require_history(store, ref.doc);
  const store::Version& chosen = resolve_revision(versions, ref.doc, ref.rev);
  auto texts = load_version_texts(store, ref.doc, versions);
  auto index = static_cast<std::size_t>(chosen.number - 1);
  std::string label = ref.doc + "@" + std::to_string(chosen.number);
  nlohmann::json identity = {
      {"input", arg}, {"doc", ref.doc}, {"version", chosen.number}, {"sha256", chosen.sha256.hex()}};
  out.push_back({label, identity, assess_texts(store, ref.doc, texts)[index],
                 capture_error_of(chosen.ingest, texts[index].text)});
}

// A target is a file when it is '-' or an existing path (a file wins over
// a document of the same name); otherwise a DOC[@REV] of the store.
bool is_file_target(const std::string& target, const CheckOptions& options) {
  return !options.docs && (target == "-" || fs::exists(target));
}

std::vector<Checked> check_all(Context& context, const CheckOptions& options) {
  std::vector<Checked> checked;
  std::optional<store::ContentStore> store;
  for (const std::string& target : options.targets) {
    if (is_file_target(target, options)) {
      check_file(target, options.split, *context.env, checked);
      continue;
    }
    if (options.split) {
      throw UsageError(target + ": no such file (--split applies to files only)");
    }
    std::string id = target.substr(0, target.rfind('@'));
    if (!options.docs && (store::document_id_problem(id) || !store::looks_like_store(context.store_path()))) {
      throw UsageError(target + ": no such file (nor a document of the store at " + context.store_path().string() +
                       ")");
    }
    if (!store) {
      store = context.open_store();
    }
    if (!options.docs && !store->history(id)) {
      throw UsageError(target + ": no such file, and no such document in the store");
    }
    check_document(target, *store, checked);
  }
  return checked;
}

ExitCode run_check(Context& context, const CheckOptions& options) {
  Format format = parse_format(options.format);
  auto checked = check_all(context, options);
  bool any_truncated = false;
  nlohmann::json array = nlohmann::json::array();
  for (const Checked& c : checked) {
    any_truncated = any_truncated || c.capture_error || c.result.assessment.verdict == analysis::Verdict::truncated;
    if (format == Format::json) {
      nlohmann::json object = c.identity;
      object.update(assessment_json(c.result));
      if (c.capture_error) {
        object["verdict"] = "capture-error";
        object["capture_error"] = *c.capture_error;
      }
      array.push_back(object);
    } else if (c.capture_error) {
      *context.out << c.label << ": capture-error (" << *c.capture_error << "): an error, challenge, consent or "
                   << "login page, not the text\n";
    } else {
      print_assessment(*context.out, c.label, c.result);
    }
  }
  if (format == Format::json) {
    write_json(*context.out, array);
  }
  return any_truncated ? ExitCode::differences : ExitCode::ok;
}

}  // namespace

void add_check_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* sub = app.add_subcommand("check", "Say whether texts are truncated, where, and how sure");
  sub->add_option("targets", options->targets,
                  "Files (- for standard input) or DOC[@REV] of the store; an existing file wins")
      ->required();
  sub->add_flag("--split", options->split, "Cut each file into documents at lines of five or more '='");
  sub->add_flag("--doc", options->docs, "Read every target as DOC[@REV], even if a file of that name exists");
  sub->add_option("--format", options->format, "Output format: text or json");
  table.push_back({sub, [options](Context& context) { return run_check(context, *options); }});
}

}  // namespace stet::cli
