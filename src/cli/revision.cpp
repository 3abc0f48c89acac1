#include "cli/revision.hpp"

#include "cli/context.hpp"
#include "store/digest.hpp"

#include <algorithm>
#include <cctype>

namespace stet::cli {

namespace {

bool all_digits(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string describe(const std::vector<store::Version>& versions, const State& state) {
  const store::Version& v = versions[state.version];
  const store::Record& r = *state.since;
  return "v" + std::to_string(v.number) + " (" + v.sha256.hex().substr(0, 12) + ", seen " +
         (r.retrieved_at.empty() ? r.ingested_at : r.retrieved_at) + ")";
}

std::size_t position_of_version(const std::vector<State>& states, std::size_t version) {
  for (std::size_t i = 0; i < states.size(); ++i) {
    if (states[i].version == version) {
      return i;
    }
  }
  return 0;  // unreachable: every version's first observation starts a state
}

std::size_t version_by_hex(const std::vector<store::Version>& versions, const std::string& doc,
                           const std::string& rev) {
  std::string prefix = rev;
  for (char& c : prefix) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  std::optional<std::size_t> match;
  for (std::size_t i = 0; i < versions.size(); ++i) {
    if (versions[i].sha256.hex().starts_with(prefix)) {
      if (match) {
        throw UsageError("ambiguous revision '" + rev + "' of " + doc + ": give more hex digits");
      }
      match = i;
    }
  }
  if (!match) {
    throw UsageError("unknown revision '" + rev + "' of " + doc);
  }
  return *match;
}

std::size_t position_at_time(const std::vector<store::Version>& versions, const std::vector<State>& states,
                             const std::string& doc, const std::string& rev, store::TimeKey at) {
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < states.size(); ++i) {
    if (store::observed_at(*states[i].since) <= at) {
      found = i;
    }
  }
  if (!found) {
    throw UsageError(doc + " has no text at " + rev + ": its first observation is " + describe(versions, states[0]));
  }
  return *found;
}

// The position in `states` of a revision without its ~N suffix.
std::size_t base_position(const std::vector<store::Version>& versions, const std::vector<State>& states,
                          const std::string& doc, const std::string& base) {
  if (base.empty() || base == "latest") {
    return states.size() - 1;
  }
  if (base == "first") {
    return 0;
  }
  if (all_digits(base) && base.size() < 8) {
    std::size_t number = std::stoul(base);
    if (number == 0 || number > versions.size()) {
      throw UsageError("unknown revision '" + base + "' of " + doc + " (it has " + std::to_string(versions.size()) +
                       " version" + (versions.size() == 1 ? "" : "s") + ")");
    }
    return position_of_version(states, number - 1);
  }
  if (base.size() >= 8 && base.size() <= 64 && store::is_hex(base)) {
    return position_of_version(states, version_by_hex(versions, doc, base));
  }
  if (auto at = parse_user_time(base)) {
    return position_at_time(versions, states, doc, base, *at);
  }
  throw UsageError("invalid revision '" + base +
                   "': give a version number, 8 to 64 hex digits of a SHA-256, first, latest, a date "
                   "(2019-01-01 or RFC 3339), optionally followed by ~N");
}

}  // namespace

std::vector<State> states_of(const std::vector<store::Version>& versions) {
  std::vector<State> states;
  for (const store::Observation& o : store::timeline(versions)) {
    if (states.empty() || states.back().version != o.version) {
      states.push_back({o.version, o.record});
    }
  }
  return states;
}

std::optional<store::TimeKey> parse_user_time(const std::string& text) {
  if (auto full = rfc3339_from_user(text)) {
    return store::time_key(*full);
  }
  return std::nullopt;
}

std::optional<std::string> rfc3339_from_user(const std::string& text) {
  if (store::time_key(text)) {
    return text;
  }
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    std::string full = text + "T00:00:00Z";
    if (store::time_key(full)) {
      return full;
    }
  }
  return std::nullopt;
}

std::size_t resolve_revision_index(const std::vector<store::Version>& versions, const std::string& doc,
                                   const std::string& rev) {
  std::vector<State> states = states_of(versions);
  std::string base = rev;
  std::size_t steps = 0;
  if (auto tilde = rev.find('~'); tilde != std::string::npos) {
    base = rev.substr(0, tilde);
    std::string count = rev.substr(tilde + 1);
    if (!count.empty() && (!all_digits(count) || count.size() > 6)) {
      throw UsageError("invalid revision '" + rev + "': ~ takes a number of steps, e.g. latest~2");
    }
    steps = count.empty() ? 1 : std::stoul(count);
    if (base.empty()) {
      base = "latest";
    }
  }
  std::size_t position = base_position(versions, states, doc, base);
  if (steps > position) {
    throw UsageError("revision '" + rev + "' of " + doc + " goes back before its first state, " +
                     describe(versions, states[0]));
  }
  return states[position - steps].version;
}

}  // namespace stet::cli
