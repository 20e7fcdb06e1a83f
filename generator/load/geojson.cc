#include "load/geojson.h"

namespace jv::load {
namespace {

using nlohmann::json;

// A ring is [[lon, lat], …] with at least 4 positions (closed); returns false when malformed.
bool ReadRing(const json& ring, std::vector<std::pair<double, double>>* out) {
  if (!ring.is_array() || ring.size() < 4) return false;
  for (const json& position : ring) {
    if (!position.is_array() || position.size() < 2 || !position[0].is_number() || !position[1].is_number()) {
      return false;
    }
    out->emplace_back(position[0].get<double>(), position[1].get<double>());
  }
  return true;
}

bool ReadPolygon(const json& rings, model::Shape* shape) {
  if (!rings.is_array() || rings.empty()) return false;
  for (const json& ring : rings) {
    std::vector<std::pair<double, double>> points;
    if (!ReadRing(ring, &points)) return false;
    shape->push_back(std::move(points));
  }
  return true;
}

// The text at `key`, "" when the key is absent or not text (json::value() would throw then).
std::string TextField(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

// The member at `key`, null when absent (operator[] on a const object must not miss).
const json& Member(const json& object, const char* key) {
  static const json kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

}  // namespace

std::map<std::string, model::Shape> ReadShapes(const JsonDocument& doc, const std::string& id_property,
                                               std::vector<Diagnostic>* diagnostics) {
  std::map<std::string, model::Shape> shapes;
  auto error = [&](const std::string& pointer, const std::string& message) {
    diagnostics->push_back({Diagnostic::Severity::kError, doc.At(pointer), message});
  };
  const json& root = doc.root();
  if (!root.is_object() || TextField(root, "type") != "FeatureCollection" || !root.contains("features") ||
      !root["features"].is_array()) {
    error("", "expected a GeoJSON FeatureCollection with a list of features");
    return shapes;
  }
  for (size_t i = 0; i < root["features"].size(); ++i) {
    std::string pointer = "/features/" + std::to_string(i);
    const json& feature = root["features"][i];
    const json* id = feature.contains("properties") && feature["properties"].is_object() &&
                             feature["properties"].contains(id_property)
                         ? &feature["properties"][id_property]
                         : nullptr;
    if (id == nullptr || !id->is_string()) {
      error(pointer, "feature has no text property '" + id_property + "' naming its area");
      continue;
    }
    const json& geometry = Member(feature, "geometry");
    std::string type = TextField(geometry, "type");
    const json& coordinates = Member(geometry, "coordinates");
    model::Shape shape;
    bool ok = false;
    if (type == "Polygon") {
      ok = ReadPolygon(coordinates, &shape);
    } else if (type == "MultiPolygon" && coordinates.is_array()) {
      ok = true;
      for (const json& polygon : coordinates) ok = ok && ReadPolygon(polygon, &shape);
    }
    if (!ok) {
      error(pointer + "/geometry", "area '" + id->get<std::string>() +
                                       "': expected a Polygon or MultiPolygon of [longitude, latitude] rings");
      continue;
    }
    shapes[id->get<std::string>()] = std::move(shape);
  }
  return shapes;
}

}  // namespace jv::load
