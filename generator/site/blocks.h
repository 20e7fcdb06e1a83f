#pragma once
// Renders the Markdown directive blocks (chart, kpi, table, story, quote, video, link) and
// resolves figure references and chapter links, through the templates in templates/blocks/.

#include <map>
#include <string>

#include "charts/display_list.h"
#include "markdown/markdown.h"
#include "site/edition_charts.h"
#include "templates/templates.h"

namespace jv::site {


/// A link to `chapter#anchor` written at `where`.
struct SectionLink {
  std::string chapter;
  std::string anchor;
  Location where;
};

/// Everything a page of one edition needs to render its blocks.
struct EditionScope {
  const model::Edition* edition;
  const derive::Figures* figures;
  const FigureText* text;
  const templates::TemplateSet* templates;
  const EditionCharts* charts;
  int* sparklines;  ///< counts the page's sparklines, so each SVG gets ids unique on the page
  /// Links to a section of another chapter, checked once every chapter's headings are known.
  std::vector<SectionLink>* section_links;
};

/// Context for templates/blocks/kpi.mustache: one tile per indicator (at `area`, "" = total).
templates::Context KpiTile(const EditionScope& scope, const model::Indicator& indicator,
                           const std::string& area);

/// Context for templates/blocks/chart.mustache.
Result<templates::Context> ChartBlock(const EditionScope& scope, const std::string& chart_id,
                                      const std::string& to_root);

/// Hooks for markdown::Render on a page `to_root` away from the site root.
markdown::Hooks MakeHooks(const EditionScope& scope, const std::string& to_root);

}  // namespace jv::site
