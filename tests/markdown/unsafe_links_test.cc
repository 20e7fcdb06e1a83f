// Link and image targets that could run code in a reader's browser are dropped by the markdown
// stage, whatever the spelling; the text stays. Safe targets pass unchanged.

#include <catch2/catch.hpp>

#include "markdown/markdown.h"

using namespace jv;

namespace {

std::string Html(const std::string& text, bool raw_html = false) {
  markdown::Options options;
  options.allow_raw_html = raw_html;
  auto doc = markdown::Render(text, {"ch.md", 1, 1}, {}, options);
  REQUIRE(doc.ok());
  return doc->html;
}

}  // namespace

TEST_CASE("Markdown links with a script or data address lose the link but keep the text", "[markdown][hostile]") {
  for (const std::string target :
       {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java&#x09;script:alert(1)",
        "&#106;avascript:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd", "javascript:alert(1)//hoofdstuk.md", "<javascript:alert(1)>"}) {
    INFO(target);
    std::string html = Html("Zie [de tekst](" + target + ") hier.\n");
    CHECK(html == "<p>Zie de tekst hier.</p>\n");
  }
  CHECK(Html("[ref][r]\n\n[r]: javascript:alert(1)\n") == "<p>ref</p>\n");
  CHECK(Html("<javascript:alert(1)>\n") == "<p>javascript:alert(1)</p>\n");
  CHECK(Html("[**vet** en *schuin*](javascript:x)\n") == "<p><strong>vet</strong> en <em>schuin</em></p>\n");
}

TEST_CASE("Markdown images with a script or data address become their alt text", "[markdown][hostile]") {
  for (const std::string target : {"javascript:alert(1)", "data:image/png;base64,iVBORw0KGgo=",
                                   "data:image/svg+xml;base64,PHN2Zz4=", "vbscript:x"}) {
    INFO(target);
    CHECK(Html("![Een grafiek](" + target + ")\n") == "<p>Een grafiek</p>\n");
  }
  CHECK(Html("[![beeld](data:image/png;base64,AA==)](javascript:x)\n") == "<p>beeld</p>\n");
}

TEST_CASE("Markdown links to web pages mail phone numbers and paths stay links", "[markdown][hostile]") {
  for (const std::string target : {"https://www.amsterdam.nl/", "http://example.nl/a?b=c#d", "mailto:info@okt.nl",
                                   "tel:+31201234567", "bijlage/tabel.csv", "#a-preventie", "../2022/index.html",
                                   "pagina?javascript:x", "map/javascript:x"}) {
    INFO(target);
    CHECK(Html("[tekst](" + target + ")\n").find("<a href=\"") != std::string::npos);
  }
  CHECK(Html("![foto](beeld.png)\n").find("<img src=\"beeld.png\"") != std::string::npos);
  CHECK(Html("www.okt.nl\n").find("<a href=\"http://www.okt.nl\">") != std::string::npos);
}

TEST_CASE("Raw HTML in Markdown is dropped unless allowed and links are filtered either way", "[markdown][hostile]") {
  std::string text = "<div onclick=\"alert(1)\">blok</div>\n\nTekst <b>vet</b> [x](javascript:y)\n";
  std::string safe = Html(text);
  CHECK(safe.find("onclick") == std::string::npos);
  CHECK(safe.find("<b>") == std::string::npos);
  CHECK(safe.find("<!-- raw HTML omitted -->") != std::string::npos);
  std::string raw = Html(text, true);
  CHECK(raw.find("<div onclick=\"alert(1)\">blok</div>") != std::string::npos);  // trusted authors only
  CHECK(raw.find("<b>vet</b>") != std::string::npos);
  CHECK(raw.find("javascript:") == std::string::npos);
}

TEST_CASE("A paragraph with very many emphasis marks before links is refused at its line", "[markdown][huge]") {
  std::string paragraph;
  for (int i = 0; i < 2100; ++i) paragraph += "*a* ";
  for (int i = 0; i < 1000; ++i) paragraph += "[b](c) ";
  auto doc = markdown::Render("Eerste alinea.\n\n" + paragraph + "\n\nLaatste alinea.\n", {"ch.md", 10, 1}, {}, {});
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().ToString() ==
        "ch.md:12:1: error: this paragraph has 4200 emphasis marks and 1000 links, more than the Markdown "
        "library handles in reasonable time: split it with blank lines\n");
  // The same marks and links in paragraphs of their own are fine.
  std::string split;
  for (int i = 0; i < 1000; ++i) split += "*a* *a* *a* *a* [b](c) [b](c)\n\n";
  CHECK(markdown::Render(split, {"ch.md", 1, 1}, {}, {}).ok());
  // Escaped characters are text, not marks.
  std::string escaped;
  for (int i = 0; i < 5000; ++i) escaped += "\\*a\\* \\[b\\] ";
  CHECK(markdown::Render(escaped, {"ch.md", 1, 1}, {}, {}).ok());
}
