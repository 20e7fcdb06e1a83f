// Maps in the site: tile maps from the areas' positions and choropleths from a user's GeoJSON.

#include <catch2/catch.hpp>

#include "test_util.h"

using namespace jv::testing;

namespace {

// Two made-up squares for Noord and Zuid; the point is the reading, not the geography.
const char kGeoJson[] = R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"id": "noord"},
   "geometry": {"type": "Polygon", "coordinates": [[[4.90, 52.40], [4.95, 52.40], [4.95, 52.42], [4.90, 52.42], [4.90, 52.40]]]}},
  {"type": "Feature", "properties": {"id": "zuid"},
   "geometry": {"type": "MultiPolygon", "coordinates": [[[[4.85, 52.33], [4.90, 52.33], [4.90, 52.35], [4.85, 52.35], [4.85, 52.33]]]]}}
]})";

std::string AddMap(const TempDir& dir, const std::string& geojson_field) {
  fs::path charts = dir.path() / "data/2023/charts.json";
  std::string text = ReadFile(charts);
  std::string chart = R"({"id": "kaart-test", "type": "map", "title": "Kaart", "indicator": "aandeel-jeugdhulp",
      "areas": ["noord", "zuid"], "year": 2023)" + geojson_field + "},\n";
  text.insert(text.find('{', text.find("\"charts\"")), chart);
  WriteFile(charts, text);
  return "build --data " + dir.str("data") + " --templates " + (SourceDir() / "templates").string() +
         " --out " + dir.str("site");
}

}  // namespace

TEST_CASE("A map with a GeoJSON file becomes a choropleth of the areas", "[site][map]") {
  TempDir dir;
  CopyExampleData(dir.path() / "data");
  WriteFile(dir.path() / "data/kaarten/stadsdelen.geojson", kGeoJson);
  CommandResult result = RunGenerator(AddMap(dir, R"(, "geojson": "kaarten/stadsdelen.geojson")"));
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  std::string svg = ReadFile(dir.path() / "site/2023/charts/kaart-test.svg");
  CHECK(svg.find("fill-rule=\"evenodd\"") != std::string::npos);  // outlines, not tiles
  CHECK(svg.find(">6,3%<") != std::string::npos);
  CHECK(svg.find(">4,3%<") != std::string::npos);
}

TEST_CASE("A map without GeoJSON draws tiles from the areas' positions", "[site][map]") {
  TempDir dir;
  CopyExampleData(dir.path() / "data");
  CommandResult result = RunGenerator(AddMap(dir, ""));
  REQUIRE(result.exit_code == 0);
  std::string svg = ReadFile(dir.path() / "site/2023/charts/kaart-test.svg");
  CHECK(svg.find("fill-rule=\"evenodd\"") == std::string::npos);
  CHECK(svg.find(">Noord<") != std::string::npos);
}

TEST_CASE("GeoJSON outside the data folder or without an area's outline is refused", "[site][map]") {
  TempDir dir;
  CopyExampleData(dir.path() / "data");
  WriteFile(dir.path() / "elders.geojson", kGeoJson);
  CommandResult outside = RunGenerator(AddMap(dir, R"(, "geojson": "../elders.geojson")"));
  CHECK(outside.exit_code == 1);
  CHECK(outside.output.find("GeoJSON file '../elders.geojson': refusing a path that leads outside") != std::string::npos);

  TempDir other;
  CopyExampleData(other.path() / "data");
  std::string only_noord = kGeoJson;
  only_noord.replace(only_noord.find("\"zuid\""), 6, "\"oost\"");
  WriteFile(other.path() / "data/kaart.geojson", only_noord);
  CommandResult missing = RunGenerator(AddMap(other, R"(, "geojson": "kaart.geojson")"));
  CHECK(missing.exit_code == 1);
  CHECK(missing.output.find("map 'kaart-test': area 'zuid' has no outline in kaart.geojson") != std::string::npos);
}

TEST_CASE("Chart alt texts describe the trend and the target", "[site][charts]") {
  TempDir dir;
  CopyExampleData(dir.path() / "data");
  CommandResult result = RunGenerator(AddMap(dir, ""));
  REQUIRE(result.exit_code == 0);
  std::string svg = ReadFile(dir.path() / "site/2023/charts/preventie-tijd.svg");
  CHECK(svg.find("Stichting OKT: gedaald van 28% in 2017 naar 27% in 2023, onder de streefwaarde 30%.") !=
        std::string::npos);
  CHECK(fs::exists(dir.path() / "site/2023/charts/preventie-tijd.pdf"));
  CHECK(fs::exists(dir.path() / "site/2023/charts/preventie-tijd-1x.png"));
}
