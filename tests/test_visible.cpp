// Terminal safety: control characters from records, stores and documents are
// shown, never obeyed, in text output; JSON, wdiff and show stay exact.

#include "render/visible.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

using stet::test::write_file;

TEST_SUITE_BEGIN("unit");

namespace fs = std::filesystem;
using stet::cli::visible;
using stet::cli::visible_text;
using stet::test::RunResult;

namespace {

// An OSC retitle, a BEL, an SGR recolour, an 8-bit CSI (U+009B), a lone
// carriage return and DEL.
const std::string k_evil =
    "evil\x1b]0;pwned\x07\x1b[31mRED\xc2\x9b"
    "2J\rX\x7f";

// What a terminal could act on: any C0 control but tab and newline, DEL, or
// a C1 control in UTF-8. `allow_sgr` lets stet's own colour codes through.
bool has_raw_controls(std::string text, bool allow_sgr) {
  if (allow_sgr) {
    text = std::regex_replace(text, std::regex("\x1b\\[[0-9;]*m"), "");
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    bool crlf = c == '\r' && i + 1 < text.size() && text[i + 1] == '\n';
    if ((c < 0x20 && c != '\n' && c != '\t' && !crlf) || c == 0x7F ||
        (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0)) {
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("cli::visible") {
  struct Case {
    std::string in;
    std::string out;
  };
  const Case cases[] = {
      {"plain text, é ü — ok", "plain text, é ü — ok"},
      {"a\x1b]0;t\x07z", "a\\x1b]0;t\\x07z"},
      {"tab\tnew\nline\r", "tab\\tnew\\nline\\r"},
      {"csi\xc2\x9b"
       "2J",
       "csi\\u009b2J"},
      {"nbsp\xc2\xa0kept", "nbsp\xc2\xa0kept"},
      {"del\x7f nul" + std::string(1, '\0'), "del\\x7f nul\\x00"},
      {"bad \xff\xfe utf-8 \xe2\x82", "bad \\xff\\xfe utf-8 \\xe2\\x82"},
      {"overlong \xc0\xaf", "overlong \\xc0\\xaf"},
      {"C:\\path\\kept", "C:\\path\\kept"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(visible(c.in) == c.out);
  }
}

TEST_CASE("cli::visible: bidirectional and invisible format characters") {
  struct Case {
    std::string in;
    std::string metadata;  // visible()
    std::string text;      // visible_text()
  };
  const Case cases[] = {
      // Trojan-source reordering: RLO ... PDF, the isolates, the marks, ALM.
      {"abc\u202Eevil\u202Cdef", "abc\\u202eevil\\u202cdef", "abc\\u202eevil\\u202cdef"},
      {"\u202A\u202B\u202D", "\\u202a\\u202b\\u202d", "\\u202a\\u202b\\u202d"},
      {"\u2066x\u2067y\u2068z\u2069", "\\u2066x\\u2067y\\u2068z\\u2069", "\\u2066x\\u2067y\\u2068z\\u2069"},
      {"l\u200Er\u200Fa\u061C", "l\\u200er\\u200fa\\u061c", "l\\u200er\\u200fa\\u061c"},
      // Zero-width space, word joiner, BOM, line separator, a tag character.
      {"pay\u200Bpal\u2060\uFEFF\u2028", "pay\\u200bpal\\u2060\\ufeff\\u2028", "pay\\u200bpal\\u2060\\ufeff\\u2028"},
      {"hidden\U000E0041\U000E007F", "hidden\\U000e0041\\U000e007f", "hidden\\U000e0041\\U000e007f"},
      // ZWNJ, ZWJ and the soft hyphen: escaped in metadata, kept in document text.
      {"\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", "\u0645\u06CC\\u200c\u062E\u0648\u0627\u0647\u0645",
       "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"},
      {"\U0001F469\u200D\U0001F4BB co\u00ADop", "\U0001F469\\u200d\U0001F4BB co\\u00adop",
       "\U0001F469\u200D\U0001F4BB co\u00ADop"},
      // Neighbours that stay: Arabic and Hebrew letters, en space, non-breaking space, variation selector.
      {"\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627\u2002\u00A0\u2764\uFE0F",
       "\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627\u2002\u00A0\u2764\uFE0F",
       "\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627\u2002\u00A0\u2764\uFE0F"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(visible(c.in) == c.metadata);
    CHECK(visible_text(c.in) == c.text);
    CHECK(stet::cli::needs_escaping(c.in) == (c.text != c.in));
  }
}

TEST_CASE("cli::visible_text") {
  CHECK(visible_text("line one\n\tline two\r\n") == "line one\n\tline two\r\n");
  CHECK(visible_text("over\rwrite") == "over\\rwrite");
  CHECK(visible_text("colour \x1b[31mred") == "colour \\x1b[31mred");
  CHECK(visible_text("ünïcödé stays") == "ünïcödé stays");
  CHECK_FALSE(stet::cli::needs_escaping("ünïcödé\r\n\t"));
  CHECK(stet::cli::needs_escaping("\xc2\x85"));
  CHECK(stet::cli::needs_escaping("\xf4\x90\x80\x80"));  // above U+10FFFF
}

TEST_CASE("cli: escape sequences through every field and command") {
  stet::test::TempDir dir;
  std::string store = (dir / "store").string();
  write_file(dir / "a.txt", "Title " + k_evil + " line\nSome text here and more words.\n");
  write_file(dir / "b.txt",
             "Title " + k_evil + " line\nSome text here and more words, changed " + k_evil + ".\nAnother line.\n");
  stet::test::StepClock clock;
  auto stet = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--store", store});
    return stet::test::run_stet(args, "", &clock);
  };
  REQUIRE(stet({"ingest", (dir / "a.txt").string(), "--doc", "d", "--source", k_evil, "--author", k_evil}).code == 0);
  REQUIRE(stet({"ingest", (dir / "b.txt").string(), "--doc", "d", "--source", k_evil, "--title", k_evil}).code == 0);
  REQUIRE(stet({"ingest", (dir / "b.txt").string(), "--doc", "d", "--source", k_evil}).code == 0);
  REQUIRE(stet({"remote", "add", "origin", k_evil}).code == 0);

  SUBCASE("text formats show the controls") {
    fs::path evil_file = dir / ("f" + k_evil + ".txt");
    write_file(evil_file, "Title line\nSome text here and more words, changed " + k_evil);
    struct Case {
      std::vector<std::string> args;
      bool shows = true;  // whether the output names the hostile text
    };
    const std::vector<Case> cases = {
        {{"log", "d"}},
        {{"show", "d@1", "--meta"}},
        {{"show", "d@2", "--meta"}},
        {{"check", evil_file.string()}},
        // v1 is no cut of v2 (its last line was edited), so no note names the text.
        {{"diff", "d", "--format", "stat"}, false},
        {{"diff", "d", "--format", "color", "--color=never"}},
        {{"diff", "--files", (dir / "a.txt").string(), evil_file.string(), "--format", "color"}},
        {{"remote", "list"}},
        {{"verify", "--file", evil_file.string()}},
        {{"pull"}},
        {{"log", k_evil}},
        {{"show", "d@" + k_evil}},
        {{"diff", "--files", k_evil, (dir / "a.txt").string()}},
        {{"list"}, false},
        {{"check", "d"}, false},
        {{"verify"}, false},
        {{"ingest", evil_file.string(), "--doc", "e"}},
        {{"log", "e"}},
        {{"check", "e"}},
    };
    for (const Case& c : cases) {
      CAPTURE(c.args);
      RunResult r = stet(c.args);
      CAPTURE(r.out);
      CAPTURE(r.err);
      CHECK_FALSE(has_raw_controls(r.out, false));
      CHECK_FALSE(has_raw_controls(r.err, false));
      CHECK(((r.out + r.err).find("\\x1b]0;pwned\\x07") != std::string::npos) == c.shows);
    }
  }
  SUBCASE("the color format keeps only its own colour codes") {
    RunResult r = stet({"diff", "d", "--format", "color", "--color=always"});
    CAPTURE(r.out);
    CHECK(r.out.find("\x1b[32m") != std::string::npos);
    CHECK_FALSE(has_raw_controls(r.out, true));
    CHECK(r.out.find("changed evil\\x1b]0;pwned\\x07\\x1b[31mRED\\u009b2J\\rX\\x7f") != std::string::npos);
  }
  SUBCASE("show, wdiff and json stay exact") {
    CHECK(stet({"show", "d@1"}).out == "Title " + k_evil + " line\nSome text here and more words.\n");
    CHECK(stet({"diff", "d", "--format", "wdiff"}).out.find("{+, changed " + k_evil + "+}") != std::string::npos);
    auto log = nlohmann::json::parse(stet({"log", "d", "--format", "json"}).out);
    CHECK(log[0]["source"] == k_evil);
    CHECK(log[0]["ingested_by"] == k_evil);
    CHECK(log[1]["title"] == k_evil);
    RunResult meta = stet({"show", "d@2", "--meta", "--format", "json"});
    CHECK(meta.out.find('\x1b') == std::string::npos);  // JSON escapes C0 controls
    CHECK(nlohmann::json::parse(meta.out)["source"] == k_evil);
  }
}

TEST_CASE("cli: bidirectional controls through log, check and list") {
  stet::test::TempDir dir;
  std::string store = (dir / "store").string();
  // "invoice_exe.txt" would show as "invoice_txt.exe" with RLO obeyed.
  const std::string rlo = "invoice_\u202Etxt.exe\u202C";
  const std::string shown = "invoice_\\u202etxt.exe\\u202c";
  write_file(dir / "a.txt", "The fee is 10 euros per month for every account holder.\n");
  write_file(dir / "b.txt", "The fee is 10 euros per month for every account.\n");
  write_file(dir / "c.txt", "The fee is \u2067100\u2069 euros\u200B per month for every account holder.\n");
  stet::test::StepClock clock;
  auto stet = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--store", store});
    return stet::test::run_stet(args, "", &clock);
  };
  REQUIRE(stet({"ingest", (dir / "a.txt").string(), "--doc", "fees", "--source", rlo, "--title", rlo}).code == 0);
  REQUIRE(stet({"ingest", (dir / "b.txt").string(), "--doc", "fees", "--source", rlo, "--author", rlo}).code == 0);
  REQUIRE(
      stet({"ingest", (dir / "c.txt").string(), "--doc", "fees", "--source", "https://example.org/\u200Efees"}).code ==
      0);
  auto no_raw_format = [](const std::string& text) {
    for (std::string_view bad : {"\u202E", "\u202C", "\u2067", "\u2069", "\u200B", "\u200E"}) {
      if (text.find(bad) != std::string::npos) {
        return false;
      }
    }
    return true;
  };
  SUBCASE("log and log --oneline show them as escapes") {
    for (std::vector<std::string> args : {std::vector<std::string>{"log", "fees"}, {"log", "fees", "--oneline"}}) {
      CAPTURE(args);
      RunResult r = stet(args);
      CAPTURE(r.out);
      CHECK(r.code == 0);
      CHECK(no_raw_format(r.out));
      CHECK(r.out.find(shown) != std::string::npos);
    }
    CHECK(stet({"log", "fees"}).out.find("https://example.org/\\u200efees") != std::string::npos);
  }
  SUBCASE("check quotes the cut with the escapes") {
    write_file(dir / "cut.txt", "The fee is 10 euros per month for every acc\u202Eount");
    for (std::vector<std::string> args :
         {std::vector<std::string>{"check", (dir / "cut.txt").string()}, {"check", "fees"}}) {
      CAPTURE(args);
      RunResult r = stet(args);
      CAPTURE(r.out);
      CHECK(no_raw_format(r.out + r.err));
    }
    RunResult cut = stet({"check", (dir / "cut.txt").string()});
    CHECK(cut.code == 1);
    CHECK(cut.out.find("acc\\u202eount") != std::string::npos);
  }
  SUBCASE("list and a rejected id") {
    RunResult list = stet({"list"});
    CHECK(list.code == 0);
    CHECK(list.out.find("fees") != std::string::npos);
    RunResult bad = stet({"log", "fe\u202Ees"});
    CHECK(bad.code == 2);
    CHECK(no_raw_format(bad.err));
    CHECK(bad.err.find("fe\\u202ees") != std::string::npos);
  }
  SUBCASE("the color diff shows document text's controls; show and json stay exact") {
    RunResult color = stet({"diff", "fees", "2", "3", "--format", "color", "--color=never"});
    CAPTURE(color.out);
    CHECK(no_raw_format(color.out));
    CHECK(color.out.find("\\u2067100\\u2069") != std::string::npos);
    CHECK(stet({"show", "fees@3"}).out ==
          "The fee is \u2067100\u2069 euros\u200B per month for every account holder.\n");
    auto log = nlohmann::json::parse(stet({"log", "fees", "--format", "json"}).out);
    CHECK(log[0]["source"] == rlo);
  }
}

TEST_SUITE_END();
