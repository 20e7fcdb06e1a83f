#include "site/build_site.h"

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


// Every stage but publish, in order. `warnings` receives what validation let through.
Result<publish::SitePlan> RenderSite(const std::string& data_dir, const std::string& templates_dir,
                                     std::vector<Diagnostic>* warnings) {
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
  // render: pages (markdown, templates), charts, assets
  templates::TemplateSet templates(template_files.root, template_files.files);
  SiteInput input{&project, &figures, &text, &templates, AssetFiles(template_files), "", "", kFontFamily};
  JV_RETURN_IF_ERROR(CheckAssets(template_files, input.assets));
  JV_ASSIGN_OR_RETURN(std::string regular_path, charts::FontFile(kFontFamily, false));
  JV_ASSIGN_OR_RETURN(std::string bold_path, charts::FontFile(kFontFamily, true));
  JV_ASSIGN_OR_RETURN(input.font_regular, load::LoadFontFile(regular_path));
  JV_ASSIGN_OR_RETURN(input.font_bold, load::LoadFontFile(bold_path));
  return PlanSite(input);
}

}  // namespace

Result<BuildSummary> BuildSite(const BuildOptions& options) {
  BuildSummary summary;
  JV_ASSIGN_OR_RETURN(publish::SitePlan plan,
                      RenderSite(options.data_dir, options.templates_dir, &summary.warnings));
  JV_ASSIGN_OR_RETURN(summary.files, publish::Publish(plan, options.out_dir));
  summary.pages = CountSuffix(plan, ".html");
  summary.charts = CountSuffix(plan, ".svg");
  return summary;
}

std::vector<Diagnostic> CheckSite(const BuildOptions& options) {
  std::vector<Diagnostic> warnings;
  Result<publish::SitePlan> plan = RenderSite(options.data_dir, options.templates_dir, &warnings);
  if (plan.ok()) return warnings;
  std::vector<Diagnostic> problems = plan.status().diagnostics();
  problems.insert(problems.end(), warnings.begin(), warnings.end());
  return problems;
}

}  // namespace jv::site
