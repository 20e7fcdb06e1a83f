#include "site/build_site.h"

#include <memory>
#include <optional>

#include "base/build_id.h"
#include "base/content_hash.h"
#include "base/text.h"
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

// Files of the site whose names end in `suffix`: rendered by this build, or (`with_kept`)
// kept from the previous one as well.
int CountSuffix(const publish::SitePlan& plan, const std::string& suffix, bool with_kept) {
  int count = 0;
  for (const auto& [path, bytes] : plan.files) count += EndsWith(path, suffix);
  for (const std::string& path : plan.kept) count += with_kept && EndsWith(path, suffix);
  return count;
}


// Identifies this build of the generator: any change to its code changes how pictures are
// painted, so pictures of a different generator are never reused. "" when unknown.
std::string GeneratorId() { return ProgramBuildId(); }

// The record of the build that made `out_dir`, without the files that are no longer as that
// build left them: gone, or changed by hand since (another size, or modified after the record,
// which the build wrote after every file).
BuildRecord PreviousRecord(const std::string& out_dir) {
  BuildRecord record = BuildRecord::Parse(publish::ReadMarker(out_dir));
  std::optional<publish::PublishedFile> marker = publish::StatPublished(out_dir, publish::kMarkerFile);
  for (auto it = record.files.begin(); it != record.files.end();) {
    std::optional<publish::PublishedFile> file = publish::StatPublished(out_dir, it->first);
    bool intact = marker && file && file->size == it->second.size && file->modified_ns <= marker->modified_ns;
    if (intact) ++it;
    else it = record.files.erase(it);
  }
  return record;
}

// Everything a build reads but the figures: the data files outside values/, the templates, the
// fonts and the generator. While it stays the same, a page or chart whose figures are unchanged
// comes out the same.
std::string InputsHash(const model::Project& project, const load::TemplateFiles& templates, const SiteInput& input) {
  std::string inputs = input.generator_id + "\n" + input.font_family + "\n" + ContentHash(input.font_regular) +
                       "\n" + ContentHash(input.font_bold) + "\n";
  for (const auto& [path, hash] : project.files) {
    if (path.rfind("values/", 0) != 0) inputs += "data\t" + path + "\t" + hash + "\n";
  }
  for (const auto& [path, bytes] : templates.files) inputs += "templates\t" + path + "\t" + ContentHash(bytes) + "\n";
  return ContentHash(inputs);
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
  SiteInput input;
  input.project = &project, input.figures = &figures, input.text = &text, input.templates = &templates;
  input.assets = AssetFiles(template_files);
  input.font_family = kFontFamily;
  JV_RETURN_IF_ERROR(CheckAssets(template_files, input.assets));
  JV_ASSIGN_OR_RETURN(std::string regular_path, charts::FontFile(kFontFamily, false));
  JV_ASSIGN_OR_RETURN(std::string bold_path, charts::FontFile(kFontFamily, true));
  JV_ASSIGN_OR_RETURN(input.font_regular, load::LoadFontFile(regular_path));
  JV_ASSIGN_OR_RETURN(input.font_bold, load::LoadFontFile(bold_path));
  input.generator_id = GeneratorId();
  input.previous = input.generator_id.empty() ? nullptr : previous;
  record->inputs = InputsHash(project, template_files, input);
  input.reuse_outputs = input.previous != nullptr && input.previous->inputs == record->inputs;
  input.published_dir = options.out_dir;
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
  std::map<std::string, std::string> published;
  for (const auto& [path, file] : previous.files) published[path] = file.hash;
  staging->TrustPublished(std::move(published));
  BuildRecord record;
  JV_ASSIGN_OR_RETURN(publish::SitePlan plan, RenderSite(options, options.force ? nullptr : &previous,
                                                         staging.get(), &summary.warnings, &record));
  for (const auto& [path, bytes] : plan.files) record.files[path] = {ContentHash(bytes), bytes.size()};
  for (const std::string& path : plan.kept) record.files[path] = previous.files.at(path);
  plan.marker = record.Serialize();
  JV_ASSIGN_OR_RETURN(summary.files, staging->Commit(plan, options.jobs));
  summary.changes = CompareBuilds(previous, record, summary.files);
  summary.pages = CountSuffix(plan, ".html", true);
  summary.charts = CountSuffix(plan, ".svg", true);
  summary.pages_rendered = CountSuffix(plan, ".html", false);
  summary.charts_drawn = CountSuffix(plan, ".svg", false);
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
