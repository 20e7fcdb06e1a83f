#include "site/build_site.h"

#include <future>
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

// The record of the build that made `out_dir` (taken from `memo`, may be null, when it is the
// one the last build left there), without the files that are no longer as that build left
// them: gone, or changed by hand since (another size, or modified after the record, which the
// build wrote after every file).
BuildRecord PreviousRecord(const std::string& out_dir, BuildMemo* memo) {
  std::string text = publish::ReadMarker(out_dir);
  BuildRecord record;
  if (memo != nullptr && !memo->record_hash.empty() && memo->record_hash == ContentHash(text)) {
    record = std::move(memo->record);
  } else {
    record = BuildRecord::Parse(text);
  }
  if (memo != nullptr) memo->record_hash.clear();  // taken, or not the one in the folder
  std::optional<publish::PublishedFile> marker = publish::StatPublished(out_dir, publish::kMarkerFile);
  for (auto it = record.files.begin(); it != record.files.end();) {
    std::optional<publish::PublishedFile> file = publish::StatPublished(out_dir, it->first);
    bool intact = marker && file && file->size == it->second.size && file->modified_ns <= marker->modified_ns;
    if (intact) ++it;
    else it = record.files.erase(it);
  }
  return record;
}

// The templates parsed from `files`: those of the previous build when they were made from the
// same files.
std::shared_ptr<const templates::TemplateSet> ParseTemplates(const load::TemplateFiles& files, BuildMemo* memo) {
  if (memo != nullptr && memo->templates && memo->template_files.root == files.root &&
      memo->template_files.files == files.files) {
    return memo->templates;
  }
  auto parsed = std::make_shared<const templates::TemplateSet>(files.root, files.files);
  if (memo != nullptr) memo->template_files = files, memo->templates = parsed;
  return parsed;
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

// Everything the stages before publish make of the data and template folders: loaded,
// validated and derived. Kept behind a pointer: its parts refer to each other.
struct Inputs {
  model::Project project;
  load::TemplateFiles template_files;
  std::optional<derive::Figures> figures;
  std::optional<FigureText> text;
  std::shared_ptr<const templates::TemplateSet> templates;
  SiteInput site;  // without what the previous build left (see PlanFromInputs)
};

// load, validate, derive. `warnings` receives what validation let through.
Result<std::unique_ptr<Inputs>> LoadInputs(const BuildOptions& options, std::vector<Diagnostic>* warnings) {
  auto in = std::make_unique<Inputs>();
  // load
  JV_ASSIGN_OR_RETURN(in->project, load::LoadProject(options.data_dir, options.memo ? &options.memo->load : nullptr));
  JV_ASSIGN_OR_RETURN(in->template_files, load::LoadTemplates(options.templates_dir));
  JV_ASSIGN_OR_RETURN(auto translations, load::LoadTranslations(in->template_files, in->project.site.locale));
  // validate
  std::vector<Diagnostic> diagnostics = validate::Validate(in->project);
  if (validate::HasErrors(diagnostics)) return Status::FromDiagnostics(std::move(diagnostics));
  *warnings = std::move(diagnostics);
  // derive
  in->figures.emplace(in->project);
  JV_ASSIGN_OR_RETURN(format::NumberFormat numbers, format::NumberFormat::Create(in->project.site.locale));
  in->text.emplace(numbers, translations);
  in->templates = ParseTemplates(in->template_files, options.memo);
  SiteInput& site = in->site;
  site.project = &in->project, site.figures = &*in->figures, site.text = &*in->text, site.templates = in->templates.get();
  site.assets = AssetFiles(in->template_files);
  site.font_family = kFontFamily;
  JV_RETURN_IF_ERROR(CheckAssets(in->template_files, site.assets));
  JV_ASSIGN_OR_RETURN(std::string regular_path, charts::FontFile(kFontFamily, false));
  JV_ASSIGN_OR_RETURN(std::string bold_path, charts::FontFile(kFontFamily, true));
  JV_ASSIGN_OR_RETURN(site.font_regular, load::LoadFontFile(regular_path));
  JV_ASSIGN_OR_RETURN(site.font_bold, load::LoadFontFile(bold_path));
  site.generator_id = GeneratorId();
  site.jobs = options.jobs;
  site.progress = options.progress;
  return in;
}

// render: pages (markdown, templates), charts, assets. `previous` (may be null) is the record
// of the build that made `published_dir`; pictures go to `staging` (may be null). `record`
// receives what the next build needs to know of this one (all but the files' hashes).
Result<publish::SitePlan> PlanFromInputs(Inputs* in, const BuildRecord* previous, const std::string& published_dir,
                                         publish::Staging* staging, BuildRecord* record) {
  SiteInput& site = in->site;
  RecordValues(in->project, *in->figures, *in->text, record);
  site.previous = site.generator_id.empty() ? nullptr : previous;
  record->inputs = InputsHash(in->project, in->template_files, site);
  site.reuse_outputs = site.previous != nullptr && site.previous->inputs == record->inputs;
  site.published_dir = published_dir;
  site.staging = staging;
  return PlanSite(site, record);
}

// The build's worker threads: those kept in the memo, else new ones. New ones start loading
// the charts' fonts at once, while the inputs load: a thread's first chart waits for them.
WorkerPool* WorkerThreads(const BuildOptions& options, std::unique_ptr<WorkerPool>* own) {
  std::unique_ptr<WorkerPool>& pool = options.memo != nullptr ? options.memo->pool : *own;
  if (!pool) {
    pool = std::make_unique<WorkerPool>(options.jobs);
    charts::Theme theme;
    theme.font_family = kFontFamily;
    if (options.jobs > 1) pool->Post([theme] { charts::WarmUp(theme); });
  }
  return pool.get();
}

// The output folder as the previous build left it, and the staging folder of the new site.
struct Published {
  BuildRecord previous;
  std::unique_ptr<publish::Staging> staging;
};

Result<Published> OpenPublished(const std::string& out_dir, BuildMemo* memo) {
  Published published;
  published.previous = PreviousRecord(out_dir, memo);
  JV_ASSIGN_OR_RETURN(published.staging, publish::Staging::Open(out_dir));
  std::map<std::string, std::string> hashes;
  for (const auto& [path, file] : published.previous.files) hashes[path] = file.hash;
  published.staging->TrustPublished(std::move(hashes));
  return published;
}

}  // namespace

Result<BuildSummary> BuildSite(const BuildOptions& options) {
  // The output folder is read on a thread of its own while the inputs load: neither needs the
  // other, and together they are most of a small rebuild's time. Of the memo, that thread uses
  // only the record.
  std::future<Result<Published>> opening =
      std::async(std::launch::async, OpenPublished, options.out_dir, options.memo);
  std::unique_ptr<WorkerPool> own_pool;
  WorkerPool* pool = WorkerThreads(options, &own_pool);
  BuildSummary summary;
  Result<std::unique_ptr<Inputs>> inputs = LoadInputs(options, &summary.warnings);
  JV_ASSIGN_OR_RETURN(Published published, opening.get());
  if (!inputs.ok()) return inputs.status();
  (*inputs)->site.pool = pool;
  const BuildRecord& previous = published.previous;
  publish::Staging* staging = published.staging.get();
  // Pictures go into the staging folder as they are painted; the rest of the plan follows.
  BuildRecord record;
  JV_ASSIGN_OR_RETURN(publish::SitePlan plan, PlanFromInputs(inputs->get(), options.force ? nullptr : &previous,
                                                             options.out_dir, staging, &record));
  for (const auto& [path, bytes] : plan.files) record.files[path] = {ContentHash(bytes), bytes.size()};
  for (const std::string& path : plan.kept) record.files[path] = previous.files.at(path);
  plan.marker = record.Serialize();
  JV_ASSIGN_OR_RETURN(summary.files, staging->Commit(plan, options.jobs));
  summary.changes = CompareBuilds(previous, record, summary.files);
  summary.pages = CountSuffix(plan, ".html", true);
  summary.charts = CountSuffix(plan, ".svg", true);
  summary.pages_rendered = CountSuffix(plan, ".html", false);
  summary.charts_drawn = CountSuffix(plan, ".svg", false);
  if (options.memo != nullptr) {
    options.memo->record = std::move(record);
    options.memo->record_hash = ContentHash(plan.marker);
  }
  return summary;
}

std::vector<Diagnostic> CheckSite(const BuildOptions& options) {
  std::vector<Diagnostic> warnings;
  BuildRecord record;
  Result<std::unique_ptr<Inputs>> inputs = LoadInputs(options, &warnings);
  Status status = inputs.status();
  if (inputs.ok()) status = PlanFromInputs(inputs->get(), nullptr, options.out_dir, nullptr, &record).status();
  if (status.ok()) return warnings;
  std::vector<Diagnostic> problems = status.diagnostics();
  problems.insert(problems.end(), warnings.begin(), warnings.end());
  return problems;
}

}  // namespace jv::site
