// analysis::capture_error: error, challenge, consent and login pages told
// apart from texts, by status, title phrases (several languages) and size.

#include "analysis/capture_verdict.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>

TEST_SUITE_BEGIN("unit");

using stet::analysis::capture_error;

TEST_CASE("analysis::capture_error") {
  std::string article;
  for (int i = 0; i < 120; ++i) {
    article += "The minister said the plan, which was not found in earlier drafts, would go ahead. ";
  }
  struct Case {
    const char* name;
    std::optional<int> status;
    std::string title;
    std::string text;
    bool flagged;
  };
  const Case cases[] = {
      {"HTTP 404", 404, "Anything", "Some text.", true},
      {"HTTP 503", 503, "", "", true},
      {"HTTP 200 article", 200, "Budget agreed", article, false},
      {"Apache 404", std::nullopt, "404 Not Found", "Not Found The requested URL was not found on this server.", true},
      {"Cloudflare challenge", std::nullopt, "Just a moment...", "Checking your browser before accessing the site.",
       true},
      {"Akamai denial", std::nullopt, "Access Denied",
       "Access Denied You don't have permission to access this page on this server. Reference #18.", true},
      {"German 404", std::nullopt, "Seite nicht gefunden - Beispiel", "Die Seite existiert nicht.", true},
      {"French 404", std::nullopt, "Page introuvable", "Cette page n'existe pas.", true},
      {"Spanish 404", std::nullopt, "Página no encontrada", "Lo sentimos.", true},
      {"Russian 404", std::nullopt, "Страница не найдена", "Ошибка.", true},
      {"consent wall", std::nullopt, "Before you continue to YouTube", "We use cookies and data.", true},
      {"login wall", std::nullopt, "Sign in", "Please sign in to continue reading this article.", true},
      {"challenge phrase in a short text", std::nullopt, "Example", "Verify you are human by completing the action.",
       true},
      {"a long article titled with an error word", std::nullopt, "Why the 404 page matters", article, false},
      {"a page number, not a status", std::nullopt, "Report 14045", "Short text.", false},
      {"nginx 503", std::nullopt, "503 Service Temporarily Unavailable", "503 Service Temporarily Unavailable nginx",
       true},
      {"rate limit", std::nullopt, "Too Many Requests", "You have sent too many requests in a given amount of time.",
       true},
      {"bot wall without a telling title", std::nullopt, "example.com",
       "Pardon Our Interruption. As you were browsing something about your browser made us think you were a bot.",
       true},
      {"Google's unusual traffic page", std::nullopt, "Sorry...",
       "Our systems have detected unusual traffic from your computer network.", true},
      {"a short good page", std::nullopt, "Council statement", "The council met on Monday.", false},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.name));
    auto verdict = capture_error({c.status, c.title, c.text});
    CHECK(verdict.has_value() == c.flagged);
  }
  CHECK(*capture_error({404, "x", "y"}) == "HTTP 404");
  CHECK(capture_error({std::nullopt, "Just a moment...", "x"})->find("bot challenge") != std::string::npos);
}

TEST_SUITE_END();
