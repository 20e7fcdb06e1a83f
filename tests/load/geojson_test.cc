// GeoJSON outlines for choropleth maps: malformed files are reported, never thrown.

#include <catch2/catch.hpp>

#include "load/geojson.h"

using namespace jv;

namespace {

std::vector<Diagnostic> ShapeProblems(const std::string& text) {
  auto doc = load::JsonDocument::Parse("kaart.geojson", text);
  REQUIRE(doc.ok());
  std::vector<Diagnostic> diagnostics;
  load::ReadShapes(*doc, "id", &diagnostics);
  return diagnostics;
}

}  // namespace

// Found by tests/fuzz/load_fuzzer.cc: json::value("type", "") throws type_error when "type"
// is not text, and operator[] on a const object without "coordinates" is undefined.
TEST_CASE("GeoJSON with a type that is not text or without coordinates is an error", "[load]") {
  auto root = ShapeProblems("{\"type\": 5, \"features\": []}");
  REQUIRE(root.size() == 1);
  CHECK(root[0].message == "expected a GeoJSON FeatureCollection with a list of features");
  const std::string feature = "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
                              "\"properties\": {\"id\": \"noord\"}, \"geometry\": ";
  for (const std::string& geometry : {std::string("{\"type\": 1}"), std::string("{\"type\": \"Polygon\"}"),
                                      std::string("{\"type\": \"MultiPolygon\"}"), std::string("[1, 2]"),
                                      std::string("null")}) {
    INFO(geometry);
    auto problems = ShapeProblems(feature + geometry + "}]}");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.find("area 'noord': expected a Polygon or MultiPolygon") == 0);
  }
}
