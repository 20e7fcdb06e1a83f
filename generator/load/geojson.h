#pragma once
// Reads area outlines from a GeoJSON FeatureCollection for choropleth maps.

#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "load/json_document.h"
#include "model/model.h"

namespace jv::load {

/// Outlines by area id: each Feature's `properties[id_property]` names the area; Polygon and
/// MultiPolygon geometries are read (rings of [longitude, latitude]). Problems are reported at
/// their place in the file; features without the property or with another geometry are errors.
std::map<std::string, model::Shape> ReadShapes(const JsonDocument& doc, const std::string& id_property,
                                               std::vector<Diagnostic>* diagnostics);

}  // namespace jv::load
