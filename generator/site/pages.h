#pragma once
// Plans the whole site in memory: every page, chart file, download and asset, as path -> bytes.

#include <map>
#include <string>

#include "derive/figures.h"
#include "publish/publish.h"
#include "site/figure_text.h"
#include "templates/templates.h"

namespace jv::site {

/// What the site plan is made from; everything already loaded and validated.
struct SiteInput {
  const model::Project* project;
  const derive::Figures* figures;
  const FigureText* text;
  const templates::TemplateSet* templates;
  /// Static files from templates/assets/ (relative to it), published with content hashes.
  std::map<std::string, std::string> assets;
  std::string font_regular, font_bold;  ///< the font files the charts were measured with
  std::string font_family;
};

/// Renders every page and chart. Errors name the Markdown, data or template file and line.
Result<publish::SitePlan> PlanSite(const SiteInput& input);

}  // namespace jv::site
