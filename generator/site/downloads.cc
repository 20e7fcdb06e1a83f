#include "site/downloads.h"

#include <cstdio>

#include "base/text.h"

namespace jv::site {
namespace {

// Appends `text` as one CSV field, quoted when it holds a separator, a quote or a line break.
void AppendCsvField(std::string_view text, std::string* csv) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) {
    csv->append(text);
    return;
  }
  csv->push_back('"');
  for (char c : text) {
    if (c == '"') csv->push_back('"');
    csv->push_back(c);
  }
  csv->push_back('"');
}

std::string Number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

const char* UnitName(model::Unit unit) {
  switch (unit) {
    case model::Unit::kPercent: return "percent";
    case model::Unit::kCount: return "count";
    case model::Unit::kEuro: return "euro";
    case model::Unit::kScore: return "score";
    case model::Unit::kFte: return "fte";
  }
  return "";
}

const char* StatusName(model::ValueStatus status) {
  switch (status) {
    case model::ValueStatus::kExact: return "exact";
    case model::ValueStatus::kApproximate: return "approximate";
    case model::ValueStatus::kEstimate: return "estimate";
    case model::ValueStatus::kRevised: return "revised";
    case model::ValueStatus::kMissing: return "missing";
  }
  return "";
}

const char* CertaintyName(model::Certainty certainty) {
  switch (certainty) {
    case model::Certainty::kClear: return "clear";
    case model::Certainty::kInferred: return "inferred";
    case model::Certainty::kAmbiguous: return "ambiguous";
  }
  return "";
}

std::string Optional(const std::optional<double>& value) { return value ? Number(*value) : ""; }

}  // namespace

std::string FiguresCsv(const derive::Figures& figures, int last_year) {
  std::string csv = "indicator,label,unit,area,area_name,year,value,low,high,status,previous,"
                    "revised_on,certainty,source,note\n";
  for (const model::Value& v : figures.project().values) {
    if (last_year != 0 && v.year > last_year) continue;
    const model::Indicator& indicator = *figures.Indicator(v.indicator);
    const model::Area& area = *figures.Area(v.area);
    const std::string fields[] = {v.indicator, indicator.label, UnitName(indicator.unit), v.area,
                                  area.name, std::to_string(v.year), v.has_value ? Number(v.value) : "",
                                  Optional(v.low), Optional(v.high), StatusName(v.status),
                                  Optional(v.previous), v.revised_on, CertaintyName(v.certainty),
                                  v.source, v.note};
    for (const std::string& field : fields) {
      if (&field != fields) csv += ',';
      AppendCsvField(field, &csv);
    }
    csv += '\n';
  }
  return csv;
}

std::string FiguresJson(const derive::Figures& figures, int last_year) {
  const model::Project& project = figures.project();
  std::string json = "{\n  \"indicators\": [";
  for (size_t i = 0; i < project.indicators.size(); ++i) {
    const model::Indicator& ind = project.indicators[i];
    json += std::string(i ? "," : "") + "\n    {\"id\": " + JsonString(ind.id) + ", \"label\": " + JsonString(ind.label) +
            ", \"unit\": " + JsonString(UnitName(ind.unit)) + ", \"decimals\": " + std::to_string(ind.decimals) +
            ", \"source\": " + JsonString(ind.source) + "}";
  }
  json += "\n  ],\n  \"areas\": [";
  for (size_t i = 0; i < project.areas.size(); ++i) {
    json += std::string(i ? "," : "") + "\n    {\"id\": " + JsonString(project.areas[i].id) + ", \"name\": " +
            JsonString(project.areas[i].name) + "}";
  }
  json += "\n  ],\n  \"values\": [";
  bool first = true;
  for (const model::Value& v : project.values) {
    if (last_year != 0 && v.year > last_year) continue;
    json += std::string(first ? "" : ",") + "\n    {\"indicator\": " + JsonString(v.indicator) + ", \"area\": " +
            JsonString(v.area) + ", \"year\": " + std::to_string(v.year) + ", \"value\": " +
            (v.has_value ? Number(v.value) : "null") + ", \"status\": " + JsonString(StatusName(v.status)) +
            ", \"certainty\": " + JsonString(CertaintyName(v.certainty)) + ", \"source\": " + JsonString(v.source) +
            ", \"note\": " + JsonString(v.note);
    if (v.low) json += ", \"low\": " + Number(*v.low) + ", \"high\": " + Number(*v.high);
    if (v.previous) json += ", \"previous\": " + Number(*v.previous) + ", \"revised_on\": " + JsonString(v.revised_on);
    json += "}";
    first = false;
  }
  return json + "\n  ]\n}\n";
}

std::string Sitemap(const std::string& base_url, const std::vector<std::string>& pages) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const std::string& page : pages) {
    // Folders are linked as folder/ on a web server; index.html is implied there.
    std::string path = page;
    if (path.size() >= 10 && path.compare(path.size() - 10, 10, "index.html") == 0) path.resize(path.size() - 10);
    xml += "  <url><loc>" + EscapeHtml(base_url + path) + "</loc></url>\n";
  }
  return xml + "</urlset>\n";
}

std::string Robots(const std::string& base_url) {
  std::string robots = "User-agent: *\nAllow: /\n";
  if (!base_url.empty()) robots += "Sitemap: " + base_url + "sitemap.xml\n";
  return robots;
}

}  // namespace jv::site
