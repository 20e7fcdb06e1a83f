// What the preview server adds to served pages: the live-reload script, the error overlay and
// the event stream messages.

#include "serve/live_reload.h"

#include <catch2/catch.hpp>

using namespace jv;
using namespace jv::serve;

namespace {

Diagnostic Error(const std::string& file, int line, int column, const std::string& message) {
  return Diagnostic{Diagnostic::Severity::kError, Location{file, line, column}, message};
}

OverlayTexts Dutch() {
  return OverlayTexts::FromTranslations({{"serve_build_failed", "Bouwen mislukt"},
                                         {"serve_build_failed_explanation", "Uitleg"},
                                         {"serve_close", "Sluiten"},
                                         {"serve_error", "fout"},
                                         {"serve_warning", "waarschuwing"}});
}

}  // namespace

TEST_CASE("The live-reload script goes before the closing body tag", "[serve]") {
  std::string page = "<html><body><p>Hallo</p></body></html>\n";
  std::string served = InjectLiveReload(page, "run-7", "");
  size_t script = served.find("<script id=\"jv-live-reload\">");
  REQUIRE(script != std::string::npos);
  CHECK(served.substr(0, script) == "<html><body><p>Hallo</p>");
  CHECK(served.substr(served.size() - 15) == "</body></html>\n");
  CHECK(served.find("var build = \"run-7\"") != std::string::npos);
  CHECK(served.find(std::string("new EventSource('") + kEventsPath + "')") != std::string::npos);
  // Without an overlay the page carries none.
  CHECK(served.find("jv-live-overlay\"") == std::string::npos);
}

TEST_CASE("The live-reload script finds the last body tag in any case or is appended", "[serve]") {
  std::string page = "<BODY><pre>&lt;/body&gt; </body> in text</pre></BODY>";
  std::string served = InjectLiveReload(page, "1", "");
  CHECK(served.find("</script>\n</BODY>") != std::string::npos);
  CHECK(served.find("</body> in text") < served.find("<script"));
  std::string fragment = InjectLiveReload("<p>geen body</p>", "1", "");
  CHECK(fragment.rfind("<p>geen body</p><script", 0) == 0);
}

TEST_CASE("The overlay lists each problem with file and line and escapes all text", "[serve]") {
  std::vector<Diagnostic> problems = {
      Error("data/<x>.json", 4, 32, "unexpected '<script>alert(1)</script>' & more"),
      Diagnostic{Diagnostic::Severity::kWarning, Location{"data/rules.json", 3, 0}, "sum differs"}};
  std::string overlay = RenderOverlay(problems, Dutch());
  CHECK(overlay.find("id=\"jv-live-overlay\"") != std::string::npos);
  CHECK(overlay.find("role=\"alert\"") != std::string::npos);
  CHECK(overlay.find(">Bouwen mislukt</h2>") != std::string::npos);
  CHECK(overlay.find(">Sluiten</button>") != std::string::npos);
  CHECK(overlay.find("<code style=\"font-weight:700;word-break:break-all\">data/&lt;x&gt;.json:4:32</code>") !=
        std::string::npos);
  CHECK(overlay.find("<strong>fout:</strong> unexpected &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39; &amp; more") !=
        std::string::npos);
  CHECK(overlay.find("<script>") == std::string::npos);
  CHECK(overlay.find("data/rules.json:3</code> <strong>waarschuwing:</strong> sum differs") != std::string::npos);
}

TEST_CASE("No problems means no overlay", "[serve]") { CHECK(RenderOverlay({}, Dutch()).empty()); }

TEST_CASE("Overlay texts fall back to built-in ones when the table lacks them", "[serve]") {
  OverlayTexts texts = OverlayTexts::FromTranslations({{"serve_close", "Sluiten"}});
  CHECK(texts.close == "Sluiten");
  CHECK_FALSE(texts.heading.empty());
  CHECK_FALSE(texts.error.empty());
}

TEST_CASE("A state event is one SSE message with the token and the overlay as JSON", "[serve]") {
  std::string event = StateEvent("run-3", "<section id=\"x\">\nline</section>");
  CHECK(event == "event: state\ndata: {\"build\":\"run-3\",\"overlay\":\"\\u003csection id=\\\"x\\\">\\nline"
                 "\\u003c/section>\"}\n\n");
  CHECK(StateEvent("run-4", "") == "event: state\ndata: {\"build\":\"run-4\",\"overlay\":\"\"}\n\n");
}
