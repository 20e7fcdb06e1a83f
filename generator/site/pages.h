#pragma once
// Plans the whole site in memory: every page, chart file, download and asset, as path -> bytes.

#include <functional>
#include <map>
#include <string>

#include "base/parallel.h"
#include "derive/figures.h"
#include "publish/publish.h"
#include "site/build_record.h"
#include "site/figure_text.h"
#include "templates/templates.h"

namespace jv::site {

/// What the site plan is made from; everything already loaded and validated.
struct SiteInput {
  const model::Project* project = nullptr;
  const derive::Figures* figures = nullptr;
  const FigureText* text = nullptr;
  const templates::TemplateSet* templates = nullptr;
  /// Static files from templates/assets/ (relative to it), published with content hashes.
  std::map<std::string, std::string> assets;
  std::string font_regular, font_bold;  ///< the font files the charts were measured with
  std::string font_family;
  /// The previous build's record: its pictures are reused where their source is unchanged.
  /// nullptr: paint everything.
  const BuildRecord* previous = nullptr;
  /// Whether `previous` was built from the same inputs but the figures (BuildRecord::inputs):
  /// then its pages and charts whose figures did not change are kept without rendering them.
  bool reuse_outputs = false;
  std::string published_dir;  ///< the output folder, where kept files are read from
  std::string generator_id;  ///< differs between generator builds; part of every picture's source
  int jobs = 1;              ///< threads painting pictures
  /// Threads kept by the caller between builds (`serve`): their fonts and buffers stay warm.
  /// nullptr: the build starts `jobs` threads of its own.
  WorkerPool* pool = nullptr;
  /// Where painted pictures are written as soon as they are painted (their hashes then go to
  /// the record's files), so they need not wait in memory. nullptr: they go into the plan.
  publish::Staging* staging = nullptr;
  /// Called as pictures are painted (from any thread, one call at a time).
  std::function<void(const std::string& stage, size_t done, size_t total)> progress;
};

/// Renders every page and chart that cannot be kept from the previous build. Errors name the
/// Markdown, data or template file and line. `record` receives the source of every picture
/// planned and the figures every page and chart was made from.
Result<publish::SitePlan> PlanSite(const SiteInput& input, BuildRecord* record);

}  // namespace jv::site
