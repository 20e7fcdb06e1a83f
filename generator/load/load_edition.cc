// Reads one edition: data/<year>/edition.json, charts.json, tables.json and chapters/*.md.

#include "base/text.h"
#include "load/geojson.h"
#include "load/load.h"
#include "load/load_internal.h"

namespace jv::load {
namespace {

using Diagnostics = std::vector<Diagnostic>;

std::vector<model::SeriesRef> ReadSeriesRefs(const JsonDocument& doc, ObjectReader& chart,
                                             const std::string& key, Diagnostics* diagnostics) {
  std::vector<model::SeriesRef> refs;
  for (const std::string& pointer : chart.ArrayElements(key, false)) {
    ObjectReader reader(doc, pointer, diagnostics);
    if (!reader.is_object()) continue;
    reader.RejectUnknownFields({"indicator", "area", "label"});
    refs.push_back({reader.where(), reader.Id("indicator"), reader.OptionalString("area"),
                    reader.OptionalString("label")});
  }
  return refs;
}

// "areas": "districts" or a list of area ids. "districts" is kept as the single word and
// expanded by validate, which knows the areas.
std::vector<std::string> ReadAreaList(ObjectReader& reader) {
  const nlohmann::json* areas = reader.Get("areas");
  if (areas != nullptr && areas->is_string()) return {reader.String("areas")};
  return reader.StringList("areas", false);
}

void ReadYears(ObjectReader& reader, int* first, int* last) {
  if (!reader.Has("years")) return;
  std::string text = reader.String("years");
  auto range = ParseYearRange(text);
  if (!range) reader.Error("years", "'" + text + "' is not a year or range like 2015-2022");
  else std::tie(*first, *last) = *range;
}

// "band": {"low": 90, "high": 95, "label": "WHO-norm"}.
void ReadBand(const JsonDocument& doc, ObjectReader& chart_reader, model::Chart* chart,
              Diagnostics* diagnostics) {
  if (!chart_reader.Has("band")) return;
  ObjectReader band(doc, chart_reader.PointerOf("band"), diagnostics);
  band.RejectUnknownFields({"low", "high", "label"});
  auto low = band.OptionalNumber("low"), high = band.OptionalNumber("high");
  if (!low || !high) {
    band.Error("low", "a band needs numbers 'low' and 'high'");
  } else if (*low > *high) {
    band.Error("low", "band 'low' is greater than 'high'");
  } else {
    chart->band = std::make_pair(*low, *high);
  }
  chart->band_label = band.OptionalString("label");
}

// "geojson": "kaarten/stadsdelen.geojson" — read now (the load stage owns the disk), below data/.
void ReadGeoJson(const Folder& folder, ObjectReader& reader, model::Chart* chart,
                 Diagnostics* diagnostics) {
  if (!reader.Has("geojson")) return;
  chart->geojson = reader.String("geojson");
  std::string property = reader.Has("geojson_property") ? reader.String("geojson_property") : "id";
  Result<std::string> text = folder.Read(chart->geojson);
  if (!text.ok()) {
    reader.Error("geojson", "GeoJSON file '" + chart->geojson + "': " + text.status().diagnostics().front().message);
    return;
  }
  Result<JsonDocument> doc = JsonDocument::Parse(folder.Display(chart->geojson), *text);
  if (!doc.ok()) {
    for (const Diagnostic& d : doc.status().diagnostics()) diagnostics->push_back(d);
    return;
  }
  chart->shapes = ReadShapes(*doc, property, diagnostics);
}

void LoadCharts(const Folder& folder, const std::string& relative, model::Edition* edition,
                Diagnostics* diagnostics) {
  if (!folder.Exists(relative)) return;
  auto doc = ReadJson(folder, relative, diagnostics);
  if (!doc) return;
  ObjectReader root(*doc, "", diagnostics);
  for (const std::string& pointer : root.ArrayElements("charts", true)) {
    ObjectReader reader(*doc, pointer, diagnostics);
    if (!reader.is_object()) continue;
    reader.RejectUnknownFields({"id", "type", "title", "subtitle", "alt", "series", "years",
                                "bars", "slices", "year", "indicator", "areas", "target",
                                "highlight", "stacked", "percent", "band", "scale", "geojson",
                                "geojson_property"});
    model::Chart chart;
    chart.where = reader.where();
    chart.id = reader.Id("id");
    chart.type = ReadChoice<model::ChartType>(reader, "type",
                                              {{"bar", model::ChartType::kBar},
                                               {"hbar", model::ChartType::kHorizontalBar},
                                               {"line", model::ChartType::kLine},
                                               {"donut", model::ChartType::kDonut},
                                               {"pie", model::ChartType::kPie},
                                               {"map", model::ChartType::kMap}},
                                              model::ChartType::kBar);
    if (!reader.Has("type")) reader.Error("type", "missing field 'type'");
    chart.title = reader.String("title");
    chart.subtitle = reader.OptionalString("subtitle");
    chart.alt = reader.OptionalString("alt");
    chart.series = ReadSeriesRefs(*doc, reader, "series", diagnostics);
    ReadYears(reader, &chart.first_year, &chart.last_year);
    chart.items = ReadSeriesRefs(*doc, reader, "bars", diagnostics);
    for (auto& slice : ReadSeriesRefs(*doc, reader, "slices", diagnostics)) chart.items.push_back(slice);
    chart.year = reader.OptionalInt("year").value_or(0);
    chart.indicator = reader.OptionalString("indicator");
    chart.areas = ReadAreaList(reader);
    chart.target = reader.OptionalString("target");
    chart.highlight = reader.OptionalString("highlight");
    chart.stacked = reader.OptionalBool("stacked").value_or(false);
    chart.percent = reader.OptionalBool("percent").value_or(false);
    chart.diverging = ReadChoice<bool>(reader, "scale", {{"sequential", false}, {"diverging", true}}, false);
    ReadBand(*doc, reader, &chart, diagnostics);
    ReadGeoJson(folder, reader, &chart, diagnostics);
    edition->charts.push_back(std::move(chart));
  }
}

void LoadTables(const Folder& folder, const std::string& relative, model::Edition* edition,
                Diagnostics* diagnostics) {
  if (!folder.Exists(relative)) return;
  auto doc = ReadJson(folder, relative, diagnostics);
  if (!doc) return;
  ObjectReader root(*doc, "", diagnostics);
  for (const std::string& pointer : root.ArrayElements("tables", true)) {
    ObjectReader reader(*doc, pointer, diagnostics);
    if (!reader.is_object()) continue;
    reader.RejectUnknownFields({"id", "title", "rows", "area", "years", "areas", "year", "notes"});
    model::Table table;
    table.where = reader.where();
    table.id = reader.Id("id");
    table.title = reader.String("title");
    table.indicators = reader.StringList("rows", true);
    table.area = reader.OptionalString("area");
    ReadYears(reader, &table.first_year, &table.last_year);
    table.areas = ReadAreaList(reader);
    table.year = reader.OptionalInt("year").value_or(0);
    table.notes = reader.StringList("notes", false);
    edition->tables.push_back(std::move(table));
  }
}

// Front matter: a first line "---", then "key: value" lines, then "---".
void ParseFrontMatter(const std::string& file, const std::string& text, model::Chapter* chapter,
                      Diagnostics* diagnostics) {
  std::vector<std::string> lines = Split(text, '\n');
  auto error = [&](int line, const std::string& message) {
    diagnostics->push_back({Diagnostic::Severity::kError, {file, line, 1}, message});
  };
  if (lines.empty() || Trim(lines[0]) != "---") {
    error(1, "a chapter must start with a title block: ---, title: …, ---");
    return;
  }
  size_t end = 1;
  for (; end < lines.size() && Trim(lines[end]) != "---"; ++end) {
    std::string_view line = Trim(lines[end]);
    if (line.empty()) continue;
    size_t colon = line.find(':');
    int line_number = static_cast<int>(end) + 1;
    if (colon == std::string_view::npos) {
      error(line_number, "expected 'key: value' in the title block, found '" + std::string(line) + "'");
      continue;
    }
    std::string key(Trim(line.substr(0, colon)));
    std::string value(Trim(line.substr(colon + 1)));
    if (key == "title") chapter->title = value;
    else if (key == "summary") chapter->summary = value;
    else if (key == "numbered" && (value == "true" || value == "false")) chapter->numbered = value == "true";
    else if (key == "numbered") error(line_number, "'numbered' must be true or false");
    else {
      std::string suggestion = ClosestMatch(key, {"title", "summary", "numbered"});
      error(line_number, "unknown key '" + key + "' in the title block" +
                             (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)"));
    }
  }
  if (end >= lines.size()) {
    error(1, "the title block is not closed with a line ---");
    return;
  }
  if (chapter->title.empty()) error(1, "the title block has no 'title:'");
  chapter->body_line = static_cast<int>(end) + 2;
  size_t offset = 0;
  for (size_t i = 0; i <= end; ++i) offset += lines[i].size() + 1;
  chapter->markdown = offset < text.size() ? text.substr(offset) : "";
}

void LoadChapter(const Folder& folder, const std::string& dir, const std::string& slug,
                 const Location& listed_at, model::Edition* edition, Diagnostics* diagnostics) {
  std::string relative = dir + "/chapters/" + slug + ".md";
  if (!IsIdentifier(slug)) {
    diagnostics->push_back({Diagnostic::Severity::kError, listed_at,
                            "chapter name '" + slug + "' must be lower case letters, digits and hyphens"});
    return;
  }
  if (!folder.Exists(relative)) {
    diagnostics->push_back({Diagnostic::Severity::kError, listed_at,
                            "chapter '" + slug + "' has no file " + folder.Display(relative)});
    return;
  }
  Result<std::string> text = folder.Read(relative);
  if (!text.ok()) {  // e.g. a symbolic link pointing out of the data folder
    diagnostics->push_back({Diagnostic::Severity::kError, listed_at,
                            "chapter '" + slug + "': " + folder.Display(relative) + ": " +
                                text.status().diagnostics().front().message});
    return;
  }
  if (text->size() > kMaxChapterBytes) {
    diagnostics->push_back({Diagnostic::Severity::kError, {folder.Display(relative), 1, 1},
                            "chapter is larger than " + std::to_string(kMaxChapterBytes >> 20) +
                                " MB, the most this program reads from one chapter: split it into chapters"});
    return;
  }
  if (!CheckUtf8(folder.Display(relative), *text, diagnostics)) return;
  model::Chapter chapter;
  chapter.where = {folder.Display(relative), 1, 1};
  chapter.slug = slug;
  ParseFrontMatter(chapter.where.file, *text, &chapter, diagnostics);
  edition->chapters.push_back(std::move(chapter));
}

}  // namespace

void LoadEdition(const Folder& folder, const std::string& year_folder, model::Project* project,
                 std::vector<Diagnostic>* diagnostics) {
  auto doc = ReadJson(folder, year_folder + "/edition.json", diagnostics);
  if (!doc) return;
  ObjectReader reader(*doc, "", diagnostics);
  reader.RejectUnknownFields({"year", "title", "subtitle", "chapters", "dashboard"});
  model::Edition edition;
  edition.where = reader.where();
  edition.year_folder = year_folder;
  auto year = reader.OptionalInt("year");
  if (!year) reader.Error("year", "missing field 'year'");
  edition.year = year.value_or(0);
  edition.title = reader.String("title");
  edition.subtitle = reader.OptionalString("subtitle");
  std::vector<std::string> chapter_pointers = reader.ArrayElements("chapters", true);
  std::vector<std::string> chapters = reader.StringList("chapters", true);
  for (size_t i = 0; i < chapters.size() && i < chapter_pointers.size(); ++i) {
    LoadChapter(folder, year_folder, chapters[i], doc->At(chapter_pointers[i]), &edition, diagnostics);
  }
  if (reader.Has("dashboard")) {
    ObjectReader dashboard(*doc, "/dashboard", diagnostics);
    dashboard.RejectUnknownFields({"tiles", "charts"});
    for (auto& [where, id] : dashboard.LocatedStrings("tiles", false)) edition.dashboard_tiles.push_back({where, id});
    for (auto& [where, id] : dashboard.LocatedStrings("charts", false)) edition.dashboard_charts.push_back({where, id});
  }
  LoadCharts(folder, year_folder + "/charts.json", &edition, diagnostics);
  LoadTables(folder, year_folder + "/tables.json", &edition, diagnostics);
  project->editions.push_back(std::move(edition));
}

}  // namespace jv::load
