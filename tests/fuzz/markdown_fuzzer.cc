// libFuzzer target: a chapter's Markdown through the markdown stage with the site stage's real
// hooks, over the example report: figure references ({{bereik-0-jarigen 2022 verschil}}),
// directive blocks (chart, kpi, table, story, quote, video, link) and links to other chapters.
//
// The input is the Markdown. When its first byte is below 0x10 it is not text but flags:
//   1: allow raw HTML   2: a footnote id prefix   4: a footnote back-link label
//   8: the page sits at the site root (links start at "")

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "example_site.h"
#include "markdown/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 32 * 1024) return -1;  // larger chapters only slow the search down
  const jv::fuzz::ExampleSite& example = jv::fuzz::ExampleSite::Get();
  unsigned flags = 0;
  std::string source(reinterpret_cast<const char*>(data), size);
  if (!source.empty() && static_cast<unsigned char>(source[0]) < 0x10) {
    flags = static_cast<unsigned char>(source[0]);
    source.erase(0, 1);
  }
  int sparklines = 0;
  std::vector<jv::site::SectionLink> section_links;
  jv::site::EditionScope scope{&example.edition(), &example.figures(),   &example.text(),
                               &example.templates(), &example.charts(), &sparklines,
                               &section_links};
  jv::markdown::Options options;
  options.allow_raw_html = flags & 1;
  if (flags & 2) options.footnote_prefix = "hoofdstuk-";
  if (flags & 4) options.footnote_back_label = "Terug naar \"de tekst\" <&>";
  std::string to_root = flags & 8 ? "" : "../../";
  jv::Result<jv::markdown::Document> doc = jv::markdown::Render(
      source, {"data/2023/chapters/fuzz.md", 7, 1}, jv::site::MakeHooks(scope, to_root), options);
  if (!doc.ok()) {
    (void)doc.status().ToString();
    return 0;
  }
  for (const jv::markdown::Heading& heading : doc->headings) (void)jv::markdown::Slug(heading.text);
  return 0;
}
