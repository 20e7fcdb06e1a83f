#pragma once
// A parsed JSON file that remembers where each value stands, and a reader for one object's
// fields that reports "file:line:col: what is wrong" for missing or mistyped fields.

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"

namespace jv::load {

/// Limits on a JSON file, checked before parsing: deeper nesting or more values is an error
/// naming the line and column where the limit is passed.
constexpr size_t kMaxJsonDepth = 64;
constexpr size_t kMaxJsonValues = 1000000;

/// A JSON document plus the line:column of every value, keyed by JSON pointer ("/areas/2/id").
class JsonDocument {
 public:
  /// Parses `text`; a syntax error becomes "file:line:col: <what is wrong>".
  static Result<JsonDocument> Parse(std::string file, const std::string& text);

  const nlohmann::json& root() const { return root_; }
  const std::string& file() const { return file_; }
  /// The location of the value at `pointer`, or of the file when unknown.
  Location At(const std::string& pointer) const;

 private:
  std::string file_;
  nlohmann::json root_;
  std::map<std::string, std::pair<int, int>> positions_;
};

/// Reads the fields of one JSON object, adding a diagnostic for every problem instead of
/// stopping at the first, so a user sees all mistakes in a file at once.
class ObjectReader {
 public:
  ObjectReader(const JsonDocument& doc, std::string pointer, std::vector<Diagnostic>* diagnostics);

  bool is_object() const;
  Location where() const { return doc_.At(pointer_); }
  Location WhereOf(const std::string& key) const;

  /// Required string; "" (and a diagnostic) when missing or not a string.
  std::string String(const std::string& key);
  std::string OptionalString(const std::string& key);
  /// Required identifier ([a-z0-9-]).
  std::string Id(const std::string& key);
  std::optional<double> OptionalNumber(const std::string& key);
  std::optional<int> OptionalInt(const std::string& key);
  std::optional<bool> OptionalBool(const std::string& key);
  std::vector<std::string> StringList(const std::string& key, bool required);
  /// Like StringList, with the location of each item.
  std::vector<std::pair<Location, std::string>> LocatedStrings(const std::string& key, bool required);
  /// Pointers of the elements of the array at `key` (empty when missing; diagnostic if not an array).
  std::vector<std::string> ArrayElements(const std::string& key, bool required);
  bool Has(const std::string& key) const;
  const nlohmann::json* Get(const std::string& key) const;
  std::string PointerOf(const std::string& key) const { return pointer_ + "/" + key; }

  /// Reports fields that are not in `known`, suggesting the closest known name.
  void RejectUnknownFields(const std::vector<std::string>& known);
  void Error(const std::string& key, const std::string& message);

 private:
  const JsonDocument& doc_;
  std::string pointer_;
  const nlohmann::json* node_;
  std::vector<Diagnostic>* diagnostics_;
};

/// "2015-2022" or "2017" -> {first, last}; nullopt when malformed.
std::optional<std::pair<int, int>> ParseYearRange(const std::string& text);

}  // namespace jv::load
