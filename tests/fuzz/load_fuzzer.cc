// libFuzzer target: the load, validate and derive stages on a data folder.
//
// The input is a bundle of data files, each introduced by a line "--- <path>":
//
//   --- indicators.json
//   {"indicators": [...]}
//   --- values/a.csv
//   indicator,area,year,value
//   ...
//
// Every file named in the bundle replaces the file of the same path in a small, valid built-in
// data set (below); paths not in that set are ignored, so the fuzzer only writes below its own
// temporary folder. Without any "---" line the whole input replaces values/a.csv. The data set is
// written to a temporary folder and read with load::LoadProject; when that succeeds, the model
// is validated and, without errors, goes on as in a build: every value through the derive
// functions and the site's number formatting, and every chart built from the data, laid out
// and painted as SVG.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "charts/render.h"
#include "derive/figures.h"
#include "format/number_format.h"
#include "load/load.h"
#include "site/chart_builder.h"
#include "site/figure_text.h"
#include "validate/validate.h"

namespace {

namespace fs = std::filesystem;

// A complete, valid data folder: every file kind the loader reads, kept small so that an
// iteration stays fast.
const std::map<std::string, std::string>& DefaultFiles() {
  static const std::map<std::string, std::string> files = {
      {"site.json", R"({"organisation": "Org", "short_name": "O", "locale": "nl-NL",
 "editions": ["2023"], "base_url": "https://example.org/jv/"})"},
      {"areas.json", R"({"areas": [
 {"id": "stad", "name": "Stad", "kind": "total"},
 {"id": "noord", "name": "Noord", "kind": "district", "tile": {"col": 1, "row": 0}},
 {"id": "zuid", "name": "Zuid", "kind": "district", "tile": {"col": 1, "row": 1}},
 {"id": "land", "name": "Land", "kind": "comparison"}]})"},
      {"sources.json", R"({"sources": [{"id": "bron", "title": "Bron", "url": "https://example.org"}]})"},
      {"indicators.json", R"({"indicators": [
 {"id": "bereik", "label": "Bereik", "unit": "percent", "decimals": 1, "direction": "higher",
  "targets": [{"value": 95, "kind": "norm"}, {"value": 90, "years": "2015-2020", "area": "noord"}],
  "source": "bron"},
 {"id": "aantal", "label": "Aantal", "unit": "count", "direction": "lower"},
 {"id": "deel-a", "label": "Deel A", "unit": "percent"},
 {"id": "deel-b", "label": "Deel B", "unit": "percent"},
 {"id": "geld", "label": "Geld", "unit": "euro", "abbreviate": true, "change": "relative"},
 {"id": "cijfer", "label": "Cijfer", "unit": "score", "scale": 10, "decimals": 1}]})"},
      {"rules.json", R"({"rules": [
 {"id": "som", "kind": "areas-sum-to-total", "indicator": "aantal", "severity": "warning"},
 {"id": "delen", "kind": "shares-sum-to-100", "indicators": ["deel-a", "deel-b"], "area": "stad",
  "severity": "error", "tolerance": 0.5}]})"},
      {"values/a.csv", "indicator,area,year,value,status,low,high,previous,revised_on,certainty,source,note\n"
                       "bereik,stad,2022,97.5,,,,,,clear,bron,\n"
                       "bereik,stad,2023,98.8,revised,,,98.1,2024-03-15,clear,bron,\"a, b\"\n"
                       "bereik,noord,2023,95,,,,,,inferred,,\n"
                       "bereik,zuid,2023,,missing,,,,,,,geen meting\n"
                       "aantal,stad,2023,30,,,,,,,,\n"
                       "aantal,noord,2023,10,,,,,,,,\n"
                       "aantal,zuid,2023,20,approximate,,,,,,,\n"
                       "aantal,stad,2022,,estimate,25,35,,,ambiguous,,\n"
                       "deel-a,stad,2023,40,,,,,,,,\n"
                       "deel-b,stad,2023,60,,,,,,,,\n"},
      {"values/b.csv", "sep=;\nindicator;area;year;value\ngeld;stad;2023;35.402.800\n"
                       "geld;stad;2022;31.000.000,5\ncijfer;land;2023;7,5\n"},
      {"values/c.json", R"({"values": [{"indicator": "cijfer", "area": "stad", "year": 2023, "value": 8.1,
 "source": "bron"}, {"indicator": "cijfer", "area": "stad", "year": 2022, "value": 7.9}]})"},
      {"2023/edition.json", R"({"year": 2023, "title": "Jaarverslag", "subtitle": "Sub",
 "chapters": ["een", "twee"],
 "dashboard": {"tiles": ["bereik", "aantal"], "charts": ["lijn", "kaart"]}})"},
      {"2023/charts.json", R"({"charts": [
 {"id": "lijn", "type": "line", "title": "Lijn", "series": [{"indicator": "bereik", "label": "B"}],
  "years": "2022-2023", "target": "bereik", "band": {"low": 90, "high": 95, "label": "Norm"}},
 {"id": "staaf", "type": "bar", "title": "Staaf", "indicator": "aantal", "areas": "districts",
  "year": 2023},
 {"id": "stapel", "type": "hbar", "title": "Stapel", "bars": [{"indicator": "deel-a"},
  {"indicator": "deel-b", "area": "stad"}], "year": 2023, "stacked": true, "percent": true},
 {"id": "taart", "type": "donut", "title": "Taart", "slices": [{"indicator": "deel-a"},
  {"indicator": "deel-b"}], "year": 2023, "highlight": "deel-a"},
 {"id": "kaart", "type": "map", "title": "Kaart", "indicator": "bereik", "areas": ["noord", "zuid"],
  "year": 2023, "scale": "diverging", "geojson": "kaart.geojson"}]})"},
      {"2023/tables.json", R"({"tables": [{"id": "tabel", "title": "Tabel", "rows": ["bereik", "aantal"],
 "areas": "districts", "year": 2023, "notes": ["Noot"]},
 {"id": "reeks", "title": "Reeks", "rows": ["geld"], "area": "stad", "years": "2022-2023"}]})"},
      {"2023/chapters/een.md", "---\ntitle: Een\nsummary: Samenvatting\nnumbered: true\n---\n\n"
                               "## Kop\n\nWe bereikten {{bereik stad 2023}}.\n\n```chart lijn\n```\n"},
      {"2023/chapters/twee.md", "---\ntitle: Twee\n---\nTekst.\n"},
      {"kaart.geojson", R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"id": "noord"}, "geometry": {"type": "Polygon",
  "coordinates": [[[4.9, 52.4], [5.0, 52.4], [5.0, 52.5], [4.9, 52.4]]]}},
 {"type": "Feature", "properties": {"id": "zuid"}, "geometry": {"type": "MultiPolygon",
  "coordinates": [[[[4.9, 52.3], [5.0, 52.3], [5.0, 52.35], [4.9, 52.3]]]]}}]})"},
  };
  return files;
}

// Splits the bundle into path -> text, keeping only the paths of the default set.
std::map<std::string, std::string> ReadBundle(const std::string& input) {
  std::map<std::string, std::string> files = DefaultFiles();
  if (input.rfind("--- ", 0) != 0) {
    files["values/a.csv"] = input;
    return files;
  }
  size_t pos = 0;
  while (pos < input.size()) {
    size_t line_end = input.find('\n', pos);
    if (line_end == std::string::npos) line_end = input.size();
    std::string path = input.substr(pos + 4, line_end - pos - 4);
    size_t next = input.find("\n--- ", line_end);
    size_t body_start = std::min(line_end + 1, input.size());
    size_t body_end = next == std::string::npos ? input.size() : next + 1;
    if (body_end < body_start) body_end = body_start;
    if (files.count(path)) files[path] = input.substr(body_start, body_end - body_start);
    pos = next == std::string::npos ? input.size() : next + 1;
  }
  return files;
}

// The fuzzer's own temporary folder, removed when the process exits normally. Never
// destroyed: the exit handler still needs it after static objects are gone.
const fs::path& Root() {
  static const fs::path* root = [] {
    std::string pattern = (fs::temp_directory_path() / "jv-load-fuzz-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    return new fs::path(pattern);
  }();
  static const bool cleanup = std::atexit([] {
    std::error_code ignored;
    fs::remove_all(*root, ignored);
  }) == 0;
  (void)cleanup;
  return *root;
}

void WriteFiles(const fs::path& data, const std::map<std::string, std::string>& files) {
  std::error_code ignored;
  fs::remove_all(data, ignored);
  for (const auto& [path, text] : files) {
    fs::path file = data / path;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
  }
}

// The templates folder of the source tree, for the translations of the site's texts.
const jv::load::TemplateFiles& Templates() {
  static const jv::load::TemplateFiles* files =
      new jv::load::TemplateFiles(jv::load::LoadTemplates(std::string(JV_SOURCE_DIR) + "/templates").value());
  return *files;
}

void DeriveAndDraw(const jv::model::Project& project) {
  jv::derive::Figures figures(project);
  auto numbers = jv::format::NumberFormat::Create(project.site.locale);
  auto translations = jv::load::LoadTranslations(Templates(), project.site.locale);
  if (!numbers.ok() || !translations.ok()) return;
  jv::site::FigureText text(*numbers, *translations);
  for (const auto& value : project.values) {
    const jv::model::Indicator* indicator = figures.Indicator(value.indicator);
    if (indicator == nullptr) continue;
    jv::derive::ChangeFromPreviousYear(figures, *indicator, value.area, value.year);
    if (auto target = jv::derive::TargetFor(*indicator, value.year, value.area)) {
      jv::derive::AssessTarget(*indicator, value.value, *target);
    }
    jv::derive::ShareOfTotal(figures, *indicator, value.area, value.year);
    jv::derive::RankAmongDistricts(figures, *indicator, value.area, value.year);
    jv::derive::TrendUpTo(figures, *indicator, value.area, value.year);
    jv::derive::Complement(value.value);
    jv::derive::RoundHalfAwayFromZero(value.value, indicator->decimals);
    figures.Years(value.indicator, value.area);
    (void)text.Display(*indicator, value);
    (void)text.InlineValue(*indicator, value);
  }
  for (const jv::model::Edition& edition : project.editions) {
    for (const jv::model::Chart& chart : edition.charts) {
      jv::site::ChartContent content = jv::site::BuildChart(chart, figures, text);
      jv::Result<jv::charts::DisplayList> list = jv::charts::Layout(content.spec, jv::charts::Theme());
      if (list.ok()) (void)jv::charts::PaintSvg(*list);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return -1;  // larger inputs only slow the search down
  fs::path folder = Root() / "data";
  WriteFiles(folder, ReadBundle(std::string(reinterpret_cast<const char*>(data), size)));
  // With JV_FUZZ_DUMP set, prints what load and validate found, to see what an input means.
  static const bool dump = std::getenv("JV_FUZZ_DUMP") != nullptr;
  jv::Result<jv::model::Project> project = jv::load::LoadProject(folder.string());
  if (!project.ok()) {
    std::string message = project.status().ToString();
    if (dump) std::fprintf(stderr, "load:\n%s", message.c_str());
    return 0;
  }
  std::vector<jv::Diagnostic> diagnostics = jv::validate::Validate(*project);
  for (const jv::Diagnostic& d : diagnostics) {
    std::string message = d.ToString();
    if (dump) std::fprintf(stderr, "validate: %s\n", message.c_str());
  }
  if (dump) std::fprintf(stderr, "%zu values, %zu diagnostics\n", project->values.size(), diagnostics.size());
  if (!jv::validate::HasErrors(diagnostics)) DeriveAndDraw(*project);
  return 0;
}
