#include <cstdio>
#include <filesystem>

#include "base/text.h"
#include "load/csv.h"
#include "load/load.h"
#include "load/load_internal.h"

namespace jv::load {
namespace {

using model::Project;
using Diagnostics = std::vector<Diagnostic>;

void LoadSite(const Folder& folder, Project* project, Diagnostics* diagnostics) {
  auto doc = ReadJson(folder, "site.json", diagnostics);
  if (!doc) return;
  ObjectReader site(*doc, "", diagnostics);
  site.RejectUnknownFields({"organisation", "short_name", "locale", "editions", "base_url",
                            "contact_email", "accessibility_date", "allow_raw_html"});
  project->site.where = site.where();
  project->site.organisation = site.String("organisation");
  project->site.short_name = site.OptionalString("short_name");
  if (site.Has("locale")) project->site.locale = site.String("locale");
  std::vector<std::pair<Location, std::string>> editions = site.LocatedStrings("editions", true);
  for (const auto& [where, name] : editions) {
    // The name is a folder below data/ and a folder of the site: never a path.
    if (IsIdentifier(name)) {
      project->site.editions.push_back(name);
    } else {
      diagnostics->push_back({Diagnostic::Severity::kError, where,
                              "edition '" + name + "' must be the name of a folder in " + folder.Display("") +
                                  "/: lower case letters, digits and hyphens, e.g. \"2023\""});
    }
  }
  project->site.base_url = site.OptionalString("base_url");
  if (!project->site.base_url.empty() && project->site.base_url.rfind("https://", 0) != 0 &&
      project->site.base_url.rfind("http://", 0) != 0) {
    site.Error("base_url", "'base_url' must start with https:// (the address where the site is published)");
  }
  if (!project->site.base_url.empty() && project->site.base_url.back() != '/') project->site.base_url += '/';
  project->site.contact_email = site.OptionalString("contact_email");
  project->site.accessibility_date = site.OptionalString("accessibility_date");
  if (!project->site.accessibility_date.empty() && !IsIsoDate(project->site.accessibility_date)) {
    site.Error("accessibility_date", "'" + project->site.accessibility_date +
                                         "' is not a date: write it as YYYY-MM-DD, e.g. 2024-03-15");
  }
  project->site.allow_raw_html = site.OptionalBool("allow_raw_html").value_or(false);
  if (editions.empty() && site.is_object()) {
    site.Error("editions", "'editions' lists no edition: add the year folder, e.g. \"2023\"");
  }
}

void LoadAreas(const Folder& folder, Project* project, Diagnostics* diagnostics) {
  auto doc = ReadJson(folder, "areas.json", diagnostics);
  if (!doc) return;
  ObjectReader root(*doc, "", diagnostics);
  for (const std::string& pointer : root.ArrayElements("areas", true)) {
    ObjectReader reader(*doc, pointer, diagnostics);
    if (!reader.is_object()) continue;
    reader.RejectUnknownFields({"id", "name", "kind", "note", "tile"});
    model::Area area;
    area.where = reader.where();
    area.id = reader.Id("id");
    area.name = reader.String("name");
    area.note = reader.OptionalString("note");
    area.kind = ReadChoice<model::AreaKind>(reader, "kind",
                                            {{"total", model::AreaKind::kTotal},
                                             {"district", model::AreaKind::kDistrict},
                                             {"other", model::AreaKind::kOther},
                                             {"comparison", model::AreaKind::kComparison}},
                                            model::AreaKind::kDistrict);
    if (reader.Has("tile")) {
      ObjectReader tile(*doc, reader.PointerOf("tile"), diagnostics);
      tile.RejectUnknownFields({"col", "row"});
      area.tile_col = tile.OptionalInt("col");
      area.tile_row = tile.OptionalInt("row");
    }
    project->areas.push_back(std::move(area));
  }
}

void LoadSources(const Folder& folder, Project* project, Diagnostics* diagnostics) {
  auto doc = ReadJson(folder, "sources.json", diagnostics);
  if (!doc) return;
  ObjectReader root(*doc, "", diagnostics);
  for (const std::string& pointer : root.ArrayElements("sources", true)) {
    ObjectReader reader(*doc, pointer, diagnostics);
    if (!reader.is_object()) continue;
    reader.RejectUnknownFields({"id", "title", "url"});
    project->sources.push_back(
        {reader.where(), reader.Id("id"), reader.String("title"), reader.OptionalString("url")});
  }
}

std::vector<model::Target> ReadTargets(const JsonDocument& doc, ObjectReader& indicator,
                                       Diagnostics* diagnostics) {
  std::vector<model::Target> targets;
  for (const std::string& pointer : indicator.ArrayElements("targets", false)) {
    ObjectReader reader(doc, pointer, diagnostics);
    if (!reader.is_object()) continue;
    reader.RejectUnknownFields({"value", "kind", "years", "area"});
    model::Target target;
    auto value = reader.OptionalNumber("value");
    if (!value) reader.Error("value", "a target needs a numeric 'value'");
    target.value = value.value_or(0);
    target.is_norm = ReadChoice<bool>(reader, "kind", {{"target", false}, {"norm", true}}, false);
    if (reader.Has("years")) {
      std::string years = reader.String("years");
      auto range = ParseYearRange(years);
      if (!range) reader.Error("years", "'" + years + "' is not a year or range like 2015-2022");
      else std::tie(target.first_year, target.last_year) = *range;
    }
    target.area = reader.OptionalString("area");
    targets.push_back(target);
  }
  return targets;
}

void LoadIndicators(const Folder& folder, Project* project, Diagnostics* diagnostics) {
  auto doc = ReadJson(folder, "indicators.json", diagnostics);
  if (!doc) return;
  ObjectReader root(*doc, "", diagnostics);
  for (const std::string& pointer : root.ArrayElements("indicators", true)) {
    ObjectReader reader(*doc, pointer, diagnostics);
    if (!reader.is_object()) continue;
    reader.RejectUnknownFields({"id", "label", "unit", "decimals", "direction", "targets",
                                "description", "footnote", "source", "group", "scale",
                                "change", "abbreviate"});
    model::Indicator ind;
    ind.where = reader.where();
    ind.id = reader.Id("id");
    ind.label = reader.String("label");
    ind.description = reader.OptionalString("description");
    ind.footnote = reader.OptionalString("footnote");
    ind.source = reader.OptionalString("source");
    ind.group = reader.OptionalString("group");
    ind.unit = ReadChoice<model::Unit>(reader, "unit",
                                       {{"percent", model::Unit::kPercent},
                                        {"count", model::Unit::kCount},
                                        {"euro", model::Unit::kEuro},
                                        {"score", model::Unit::kScore},
                                        {"fte", model::Unit::kFte}},
                                       model::Unit::kCount);
    if (!reader.Has("unit")) reader.Error("unit", "missing field 'unit'");
    ind.decimals = reader.OptionalInt("decimals").value_or(0);
    if (ind.decimals < 0 || ind.decimals > 6) {
      reader.Error("decimals", "'decimals' must be between 0 and 6");
      ind.decimals = 0;
    }
    ind.direction = ReadChoice<model::Direction>(reader, "direction",
                                                 {{"higher", model::Direction::kHigher},
                                                  {"lower", model::Direction::kLower},
                                                  {"neutral", model::Direction::kNeutral}},
                                                 model::Direction::kNeutral);
    model::ChangeKind default_change = ind.unit == model::Unit::kPercent
                                           ? model::ChangeKind::kPoints
                                           : model::ChangeKind::kRelative;
    ind.change = ReadChoice<model::ChangeKind>(reader, "change",
                                               {{"relative", model::ChangeKind::kRelative},
                                                {"points", model::ChangeKind::kPoints}},
                                               default_change);
    ind.scale = reader.OptionalNumber("scale");
    ind.abbreviate = reader.OptionalBool("abbreviate").value_or(false);
    ind.targets = ReadTargets(*doc, reader, diagnostics);
    project->indicators.push_back(std::move(ind));
  }
}

// Charts and tables may say "areas": "districts" for every district, in the areas' order.
void ExpandDistricts(Project* project) {
  std::vector<std::string> districts;
  for (const auto& area : project->areas) {
    if (area.kind == model::AreaKind::kDistrict) districts.push_back(area.id);
  }
  for (auto& edition : project->editions) {
    for (auto& chart : edition.charts) {
      if (chart.areas == std::vector<std::string>{"districts"}) chart.areas = districts;
    }
    for (auto& table : edition.tables) {
      if (table.areas == std::vector<std::string>{"districts"}) table.areas = districts;
    }
  }
}

}  // namespace

bool CheckUtf8(const std::string& file, const std::string& text, Diagnostics* diagnostics) {
  size_t bad = FindInvalidUtf8(text);
  if (bad == std::string::npos) return true;
  auto [line, column] = LineColumnAt(text, bad);
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
  diagnostics->push_back({Diagnostic::Severity::kError, {file, line, column},
                          std::string("invalid UTF-8 (byte ") + byte +
                              "): save the file with the encoding UTF-8"});
  return false;
}

std::optional<JsonDocument> ReadJson(const Folder& folder, const std::string& relative,
                                     Diagnostics* diagnostics) {
  Result<std::string> text = folder.Read(relative);
  if (!text.ok()) {
    for (const Diagnostic& d : text.status().diagnostics()) diagnostics->push_back(d);
    return std::nullopt;
  }
  Result<JsonDocument> doc = JsonDocument::Parse(folder.Display(relative), *text);
  if (!doc.ok()) {
    for (const Diagnostic& d : doc.status().diagnostics()) diagnostics->push_back(d);
    return std::nullopt;
  }
  return std::move(doc).value();
}

Result<model::Project> LoadProject(const std::string& data_dir, LoadMemo* memo) {
  JV_ASSIGN_OR_RETURN(Folder folder, Folder::Open(data_dir, kMaxDataFileBytes));
  Project project;
  Diagnostics diagnostics;
  LoadSite(folder, &project, &diagnostics);
  LoadAreas(folder, &project, &diagnostics);
  LoadSources(folder, &project, &diagnostics);
  if (memo != nullptr) memo->reused = 0;
  LoadPart(folder, memo ? &memo->indicators : nullptr, memo ? &memo->reused : nullptr, "indicators.json",
           &project.indicators, &diagnostics, [&] { LoadIndicators(folder, &project, &diagnostics); });
  LoadValues(folder, &project, &diagnostics, memo);
  LoadRules(folder, &project, &diagnostics);
  for (const std::string& year_folder : project.site.editions) {
    LoadPart(folder, memo ? &memo->editions : nullptr, memo ? &memo->reused : nullptr, year_folder,
             &project.editions, &diagnostics, [&] { LoadEdition(folder, year_folder, &project, &diagnostics); });
  }
  ExpandDistricts(&project);
  if (!diagnostics.empty()) return Status::FromDiagnostics(std::move(diagnostics));
  project.files = folder.files_read();
  return project;
}

Result<TemplateFiles> LoadTemplates(const std::string& templates_dir) {
  JV_ASSIGN_OR_RETURN(Folder folder, Folder::Open(templates_dir));
  TemplateFiles templates;
  templates.root = folder.Display("");
  for (const std::string& path : folder.ListRecursive("")) {
    JV_ASSIGN_OR_RETURN(std::string bytes, folder.Read(path));
    templates.files[path] = std::move(bytes);
  }
  return templates;
}

Result<std::map<std::string, std::string>> LoadTranslations(const TemplateFiles& templates,
                                                            const std::string& locale) {
  std::string relative = "i18n/" + locale + ".json";
  std::string file = templates.root + "/" + relative;
  auto found = templates.files.find(relative);
  if (found == templates.files.end()) {
    return Status::Error({file, 0, 0}, "no translation table for locale '" + locale + "'");
  }
  JV_ASSIGN_OR_RETURN(JsonDocument doc, JsonDocument::Parse(file, found->second));
  std::map<std::string, std::string> texts;
  if (!doc.root().is_object()) return Status::Error({file, 1, 1}, "expected an object of texts");
  for (const auto& [key, value] : doc.root().items()) {
    if (!value.is_string()) {
      return Status::Error(doc.At("/" + key), "translation '" + key + "' must be text");
    }
    texts[key] = value.get<std::string>();
  }
  return texts;
}

Result<std::string> LoadFontFile(const std::string& path) {
  std::filesystem::path file(path);
  JV_ASSIGN_OR_RETURN(Folder folder, Folder::Open(file.parent_path().string()));
  return folder.Read(file.filename().string());
}

}  // namespace jv::load
