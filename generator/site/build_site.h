#pragma once
// The pipeline, stage by stage: load → validate → derive → render (markdown, charts,
// templates) → publish.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/parallel.h"
#include "base/status.h"
#include "load/load.h"
#include "publish/publish.h"
#include "site/build_record.h"
#include "site/change_report.h"
#include "templates/templates.h"

namespace jv::site {

/// What a build leaves for the next one in the same process (`serve` builds after every save):
/// the inputs that did not change are not parsed again, and the worker threads keep the fonts
/// they loaded.
struct BuildMemo {
  load::LoadMemo load;
  load::TemplateFiles template_files;  ///< what `templates` was parsed from
  std::shared_ptr<const templates::TemplateSet> templates;
  /// The record the last build left in the output folder, and the ContentHash of its text:
  /// while the folder's record reads the same, it need not be parsed.
  BuildRecord record;
  std::string record_hash;
  /// The worker threads, with the fonts they loaded for painting.
  std::unique_ptr<WorkerPool> pool;
};

/// Where to read and write. Defaults are the folders of a project checkout.
struct BuildOptions {
  std::string data_dir = "data";            ///< figures, narratives, editions
  std::string templates_dir = "templates";  ///< page templates, assets, translations
  std::string out_dir = "site";             ///< replaced atomically by the new site
  /// Paint every picture again instead of reusing the previous build's where their source is
  /// unchanged. The output is the same either way; this only costs time.
  bool force = false;
  int jobs = 1;  ///< threads painting charts and preview images; the output does not depend on it
  /// Progress of long stages, e.g. ("files", 12, 140); called one at a time.
  std::function<void(const std::string& stage, size_t done, size_t total)> progress;
  /// Kept between the builds of a process that builds again and again (`serve`); nullptr: none.
  BuildMemo* memo = nullptr;
};

struct BuildSummary {
  std::vector<Diagnostic> warnings;  ///< validation warnings; the build went on
  publish::PublishReport files;
  ChangeReport changes;  ///< figures and files changed since the previous build
  int pages = 0;
  int charts = 0;
  /// Of those, rendered or laid out by this build; the others were kept from the previous one
  /// because nothing they show changed.
  int pages_rendered = 0;
  int charts_drawn = 0;
};

/// Builds the site. On any error nothing in out_dir changes.
Result<BuildSummary> BuildSite(const BuildOptions& options);

/// Runs every stage but publish and writes nothing: every problem found in the data, the
/// chapters and the templates, errors and warnings. The output folder is not used.
std::vector<Diagnostic> CheckSite(const BuildOptions& options);

}  // namespace jv::site
