#include <catch2/catch.hpp>

#include "markdown/markdown.h"

using namespace jv;

static markdown::Hooks EchoHooks() {
  markdown::Hooks hooks;
  hooks.figure = [](const std::string& ref, const Location& where) -> Result<std::string> {
    if (ref == "fout") return Status::Error(where, "unknown indicator 'fout'");
    if (ref == "plus") return std::string("+96%");
    return "[" + ref + "]";
  };
  hooks.directive = [](const markdown::Directive& d) -> Result<std::string> {
    return "<div class=\"" + d.name + "\" data-arg=\"" + d.argument + "\" data-line=\"" +
           std::to_string(d.where.line) + "\">" + d.body + "</div>";
  };
  hooks.link = [](const std::string& url, const Location& where) -> Result<std::string> {
    if (url.rfind("missing.md", 0) == 0) return Status::Error(where, "no chapter 'missing'");
    return "../" + url.substr(0, url.find(".md")) + "/index.html" + url.substr(url.find(".md") + 3);
  };
  return hooks;
}

static Result<markdown::Document> Render(const std::string& text, bool raw_html = false) {
  markdown::Options options;
  options.allow_raw_html = raw_html;
  return markdown::Render(text, {"ch.md", 5, 1}, EchoHooks(), options);
}

TEST_CASE("Figure references are replaced and stay text even at the start of a line", "[markdown]") {
  auto doc = Render("We bereikten {{bereik 2023}} van de kinderen.\n\n{{plus}} meer dan vorig jaar\n");
  REQUIRE(doc.ok());
  CHECK(doc->html.find("We bereikten [bereik 2023] van de kinderen.") != std::string::npos);
  CHECK(doc->html.find("<p>+96% meer dan vorig jaar</p>") != std::string::npos);
  CHECK(doc->html.find("<ul>") == std::string::npos);
}

TEST_CASE("Bad figure references are reported with their line all at once", "[markdown]") {
  auto doc = Render("Regel een {{fout}}\n\nRegel drie {{fout}} en {{open\n");
  REQUIRE_FALSE(doc.ok());
  std::string errors = doc.status().ToString();
  CHECK(errors.find("ch.md:5:11: error: unknown indicator 'fout'") != std::string::npos);
  CHECK(errors.find("ch.md:7:12: error: unknown indicator 'fout'") != std::string::npos);
  CHECK(errors.find("ch.md:7:24: error: figure reference '{{' is not closed") != std::string::npos);
}

TEST_CASE("Directive blocks are rendered by the hook and other code blocks stay code", "[markdown]") {
  auto doc = Render("Tekst\n\n```chart preventie-tijd\n```\n\n```python\nprint(1)\n```\n");
  REQUIRE(doc.ok());
  CHECK(doc->html.find("<div class=\"chart\" data-arg=\"preventie-tijd\" data-line=\"7\">") != std::string::npos);
  CHECK(doc->html.find("<code class=\"language-python\">print(1)") != std::string::npos);
}

TEST_CASE("Headings get unique anchors and make the outline", "[markdown]") {
  auto doc = Render("## A. Preventie\n\n## A. Preventie\n\n### Onder *druk*\n");
  REQUIRE(doc.ok());
  REQUIRE(doc->headings.size() == 3);
  CHECK(doc->headings[0].anchor == "a-preventie");
  CHECK(doc->headings[1].anchor == "a-preventie-2");
  CHECK(doc->headings[2].text == "Onder druk");
  CHECK(doc->html.find("<h3 id=\"onder-druk\">Onder <em>druk</em></h3>") != std::string::npos);
}

TEST_CASE("Raw HTML and javascript links are dropped unless raw HTML is allowed", "[markdown]") {
  auto doc = Render("<script>alert(1)</script>\n\n[klik](javascript:alert(1))\n");
  REQUIRE(doc.ok());
  CHECK(doc->html.find("<script>") == std::string::npos);
  CHECK(doc->html.find("javascript:") == std::string::npos);
  auto unsafe = Render("<b>vet</b>\n", true);
  CHECK(unsafe->html.find("<b>vet</b>") != std::string::npos);
}

TEST_CASE("Links to chapter files are rewritten and unknown chapters are errors", "[markdown]") {
  auto doc = Render("Zie [A](gezamenlijke-prioriteiten.md#a-preventie).\n");
  REQUIRE(doc.ok());
  CHECK(doc->html.find("href=\"../gezamenlijke-prioriteiten/index.html#a-preventie\"") != std::string::npos);
  auto bad = Render("\nZie [B](missing.md).\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().ToString().find("ch.md:6:1: error: no chapter 'missing'") == 0);
}

TEST_CASE("Footnotes get the page's prefix and a translated back link", "[markdown]") {
  markdown::Options options;
  options.footnote_prefix = "x-";
  options.footnote_back_label = "Terug naar de tekst";
  auto doc = markdown::Render("Tekst[^1]\n\n[^1]: Noot.\n", {"ch.md", 1, 1}, EchoHooks(), options);
  REQUIRE(doc.ok());
  CHECK(doc->html.find("id=\"x-fn-1\"") != std::string::npos);
  CHECK(doc->html.find("href=\"#x-fnref-1\"") != std::string::npos);
  CHECK(doc->html.find("aria-label=\"Terug naar de tekst\"") != std::string::npos);
  CHECK(doc->html.find("Back to content") == std::string::npos);
}
