#include "site/build_site.h"

#include <memory>
#include <optional>

#include "base/build_id.h"
#include "charts/render.h"
#include "derive/figures.h"
#include "format/number_format.h"
#include "load/load.h"
#include "site/pages.h"
#include "validate/validate.h"

namespace jv::site {
namespace {

const char kFontFamily[] = "Inter";

// Static assets are the files below templates/assets/.
std::map<std::string, std::string> AssetFiles(const load::TemplateFiles& files) {
  std::map<std::string, std::string> assets;
  for (const auto& [path, bytes] : files.files) {
    if (path.rfind("assets/", 0) == 0) assets[path.substr(7)] = bytes;
  }
  return assets;
}

Status CheckAssets(const load::TemplateFiles& files, const std::map<std::string, std::string>& assets) {
  if (!assets.count("style.css")) {
    return Status::Error({files.root + "/assets/style.css", 0, 0}, "missing the site's style sheet");
  }
  return Status();
}

int CountSuffix(const publish::SitePlan& plan, const std::string& suffix) {
  int count = 0;
  for (const auto& [path, bytes] : plan.files) {
    if (path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0) ++count;
  }
  return count;
}


// Identifies this build of the generator: any change to its code changes how pictures are
// painted, so pictures of a different generator are never reused. "" when unknown.
std::string GeneratorId() { return ProgramBuildId(); }

// The record of the build that made `out_dir`, without files that are gone and without
// pictures whose bytes are no longer what that build wrote (edited or damaged by hand).
BuildRecord PreviousRecord(const std::string& out_dir) {
  BuildRecord record = BuildRecord::Parse(publish::ReadMarker(out_dir));
  for (auto it = record.files.begin(); it != record.files.end();) {
    bool intact;
    if (record.pictures.count(it->first)) {
      std::optional<std::string> bytes = publish::ReadPublished(out_dir, it->first);
      intact = bytes && ContentHash(*bytes) == it->second;
    } else {
      intact = publish::IsPublished(out_dir, it->first);
    }
    if (intact) ++it;
    else it = record.files.erase(it);
  }
  return record;
}

// Every figure as the site shows it, for the next build's change report.
void RecordValues(const model::Project& project, const derive::Figures& figures, const FigureText& text,
                  BuildRecord* record) {
  for (const model::Value& value : project.values) {
    ValueDisplay shown = text.Display(*figures.Indicator(value.indicator), value);
    record->values[{value.indicator, value.area, value.year}] = shown.text + shown.marker;
  }
}

// Every stage but publish, in order. `warnings` receives what validation let through;
// `record` what the next build needs to know of this one (all but the files' hashes).
Result<publish::SitePlan> RenderSite(const BuildOptions& options, const BuildRecord* previous,
                                     publish::Staging* staging, std::vector<Diagnostic>* warnings,
                                     BuildRecord* record) {
  const std::string& data_dir = options.data_dir;
  const std::string& templates_dir = options.templates_dir;
  // load
  JV_ASSIGN_OR_RETURN(model::Project project, load::LoadProject(data_dir));
  JV_ASSIGN_OR_RETURN(load::TemplateFiles template_files, load::LoadTemplates(templates_dir));
  JV_ASSIGN_OR_RETURN(auto translations, load::LoadTranslations(template_files, project.site.locale));
  // validate
  std::vector<Diagnostic> diagnostics = validate::Validate(project);
  if (validate::HasErrors(diagnostics)) return Status::FromDiagnostics(std::move(diagnostics));
  *warnings = std::move(diagnostics);
  // derive
  derive::Figures figures(project);
  JV_ASSIGN_OR_RETURN(format::NumberFormat numbers, format::NumberFormat::Create(project.site.locale));
  FigureText text(numbers, translations);
  RecordValues(project, figures, text, record);
  // render: pages (markdown, templates), charts, assets
  templates::TemplateSet templates(template_files.root, template_files.files);
  SiteInput input{&project, &figures, &text, &templates, AssetFiles(template_files), "", "", kFontFamily};
  JV_RETURN_IF_ERROR(CheckAssets(template_files, input.assets));
  JV_ASSIGN_OR_RETURN(std::string regular_path, charts::FontFile(kFontFamily, false));
  JV_ASSIGN_OR_RETURN(std::string bold_path, charts::FontFile(kFontFamily, true));
  JV_ASSIGN_OR_RETURN(input.font_regular, load::LoadFontFile(regular_path));
  JV_ASSIGN_OR_RETURN(input.font_bold, load::LoadFontFile(bold_path));
  input.generator_id = GeneratorId();
  input.previous = input.generator_id.empty() ? nullptr : previous;
  input.jobs = options.jobs;
  input.staging = staging;
  input.progress = options.progress;
  return PlanSite(input, record);
}

}  // namespace

Result<BuildSummary> BuildSite(const BuildOptions& options) {
  BuildSummary summary;
  BuildRecord previous = PreviousRecord(options.out_dir);
  // Pictures go into the staging folder as they are painted; the rest of the plan follows.
  JV_ASSIGN_OR_RETURN(std::unique_ptr<publish::Staging> staging, publish::Staging::Open(options.out_dir));
  BuildRecord record;
  JV_ASSIGN_OR_RETURN(publish::SitePlan plan, RenderSite(options, options.force ? nullptr : &previous,
                                                         staging.get(), &summary.warnings, &record));
  for (const auto& [path, bytes] : plan.files) record.files[path] = ContentHash(bytes);
  for (const std::string& path : plan.kept) record.files[path] = previous.files.at(path);
  plan.marker = record.Serialize();
  JV_ASSIGN_OR_RETURN(summary.files, staging->Commit(plan));
  summary.changes = CompareBuilds(previous, record, summary.files);
  summary.pages = CountSuffix(plan, ".html");
  summary.charts = CountSuffix(plan, ".svg");
  return summary;
}

std::vector<Diagnostic> CheckSite(const BuildOptions& options) {
  std::vector<Diagnostic> warnings;
  BuildRecord record;
  Result<publish::SitePlan> plan = RenderSite(options, nullptr, nullptr, &warnings, &record);
  if (plan.ok()) return warnings;
  std::vector<Diagnostic> problems = plan.status().diagnostics();
  problems.insert(problems.end(), warnings.begin(), warnings.end());
  return problems;
}

}  // namespace jv::site
