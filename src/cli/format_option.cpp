#include "cli/format_option.hpp"

#include "cli/context.hpp"

namespace stet::cli {

Format parse_format(const std::string& value) {
  if (value == "text") {
    return Format::text;
  }
  if (value == "json") {
    return Format::json;
  }
  throw UsageError("unknown format '" + value + "' (expected text or json)");
}

DiffFormat parse_diff_format(const std::string& value) {
  if (value == "color" || value == "colour") {
    return DiffFormat::color;
  }
  if (value == "wdiff") {
    return DiffFormat::wdiff;
  }
  if (value == "json") {
    return DiffFormat::json;
  }
  if (value == "html") {
    return DiffFormat::html;
  }
  if (value == "stat") {
    return DiffFormat::stat;
  }
  throw UsageError("unknown format '" + value + "': use color, wdiff, json, html or stat");
}

}  // namespace stet::cli
