#include "load/json_document.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "base/text.h"

namespace jv::load {
namespace {

// Walks text that nlohmann has already accepted as valid JSON and records where every value
// starts. nlohmann itself keeps no positions, and messages must name the line of a bad field.
class PositionScanner {
 public:
  PositionScanner(const std::string& text, std::map<std::string, std::pair<int, int>>* out)
      : text_(text), out_(out) {}

  void Run() {
    SkipSpace();
    Value("");
  }

 private:
  void Value(const std::string& pointer) {
    (*out_)[pointer] = {line_, column_};
    if (pos_ >= text_.size()) return;
    char c = text_[pos_];
    if (c == '{') {
      Advance();
      SkipSpace();
      while (pos_ < text_.size() && text_[pos_] != '}') {
        std::string key = ReadString();
        SkipSpace();
        Advance();  // ':'
        SkipSpace();
        Value(pointer + "/" + EscapePointer(key));
        SkipSpace();
        if (pos_ < text_.size() && text_[pos_] == ',') {
          Advance();
          SkipSpace();
        }
      }
      Advance();
    } else if (c == '[') {
      Advance();
      SkipSpace();
      for (int index = 0; pos_ < text_.size() && text_[pos_] != ']'; ++index) {
        Value(pointer + "/" + std::to_string(index));
        SkipSpace();
        if (pos_ < text_.size() && text_[pos_] == ',') {
          Advance();
          SkipSpace();
        }
      }
      Advance();
    } else if (c == '"') {
      ReadString();
    } else {
      while (pos_ < text_.size() && !std::strchr(",]} \t\r\n", text_[pos_])) Advance();
    }
  }

  std::string ReadString() {
    std::string raw;
    Advance();  // opening quote
    while (pos_ < text_.size() && text_[pos_] != '"') {
      if (text_[pos_] == '\\') {
        raw += text_[pos_];
        Advance();
      }
      if (pos_ < text_.size()) {
        raw += text_[pos_];
        Advance();
      }
    }
    Advance();  // closing quote
    // Keys with escapes are rare in our files; decode them properly through nlohmann.
    if (raw.find('\\') == std::string::npos) return raw;
    return nlohmann::json::parse("\"" + raw + "\"").get<std::string>();
  }

  static std::string EscapePointer(const std::string& key) {
    std::string out;
    for (char c : key) {
      if (c == '~') out += "~0";
      else if (c == '/') out += "~1";
      else out += c;
    }
    return out;
  }

  void SkipSpace() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) Advance();
  }

  void Advance() {
    if (pos_ >= text_.size()) return;
    unsigned char c = static_cast<unsigned char>(text_[pos_++]);
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column_;  // count characters, not UTF-8 continuation bytes
    }
  }

  const std::string& text_;
  std::map<std::string, std::pair<int, int>>* out_;
  size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};


// Limits checked before nlohmann builds the document: the nesting depth (PositionScanner
// recurses once per level) and the number of values (each costs memory in the document and
// in the position table). The count is approximate: containers plus commas.
Status CheckLimits(const std::string& file, const std::string& text) {
  size_t depth = 0, values = 1;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      ++values;
      if (++depth > kMaxJsonDepth) {
        auto [line, column] = LineColumnAt(text, i);
        return Status::Error({file, line, column}, "JSON nested more than " + std::to_string(kMaxJsonDepth) +
                                                       " levels deep");
      }
    } else if (c == ']' || c == '}') {
      if (depth > 0) --depth;
    } else if (c == ',' && ++values > kMaxJsonValues) {
      auto [line, column] = LineColumnAt(text, i);
      return Status::Error({file, line, column}, "more than " + std::to_string(kMaxJsonValues) +
                                                     " values in one JSON file: split the file");
    }
  }
  return Status();
}

// nlohmann's message reads "[json.exception.parse_error.101] parse error at line 3, column 5:
// syntax error while parsing object - unexpected '}'; expected string literal". Keep the part
// a person needs.
std::string CleanParseMessage(const std::string& what) {
  std::string message = what;
  size_t colon = message.find("syntax error while parsing ");
  if (colon != std::string::npos) message = message.substr(colon);
  else if ((colon = message.rfind(": ")) != std::string::npos) message = message.substr(colon + 2);
  return "invalid JSON: " + message;
}

}  // namespace

Result<JsonDocument> JsonDocument::Parse(std::string file, const std::string& text) {
  JsonDocument doc;
  doc.file_ = std::move(file);
  JV_RETURN_IF_ERROR(CheckLimits(doc.file_, text));
  try {
    doc.root_ = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is one past the last character nlohmann read; for an unexpected string that is its
    // closing quote, so step back to where the string starts, where a reader would look.
    size_t offset = e.byte == 0 ? 0 : std::min(e.byte - 1, text.size());
    if (offset < text.size() && offset > 0 && text[offset] == '"') {
      size_t open = text.rfind('"', offset - 1);
      while (open != std::string::npos && open > 0 && text[open - 1] == '\\') open = text.rfind('"', open - 2);
      if (open != std::string::npos) offset = open;
    }
    auto [line, column] = LineColumnAt(text, offset);
    return Status::Error({doc.file_, line, column}, CleanParseMessage(e.what()));
  } catch (const nlohmann::json::out_of_range& e) {
    // A number beyond the largest double, e.g. 1e400 ("number overflow parsing '1e400'"):
    // nlohmann names the number but not where it stands; point at its first occurrence.
    std::string what = e.what();
    size_t open = what.find('\''), close = what.rfind('\'');
    std::string number = open != std::string::npos && close > open ? what.substr(open + 1, close - open - 1) : "";
    size_t offset = number.empty() ? std::string::npos : text.find(number);
    auto [line, column] = LineColumnAt(text, offset == std::string::npos ? 0 : offset);
    return Status::Error({doc.file_, line, column}, "invalid JSON: the number '" + number + "' is too large");
  } catch (const nlohmann::json::exception& e) {
    return Status::Error({doc.file_, 1, 1}, CleanParseMessage(e.what()));
  }
  PositionScanner(text, &doc.positions_).Run();
  return doc;
}

Location JsonDocument::At(const std::string& pointer) const {
  auto it = positions_.find(pointer);
  if (it == positions_.end()) return {file_, 0, 0};
  return {file_, it->second.first, it->second.second};
}

ObjectReader::ObjectReader(const JsonDocument& doc, std::string pointer,
                           std::vector<Diagnostic>* diagnostics)
    : doc_(doc), pointer_(std::move(pointer)), diagnostics_(diagnostics) {
  node_ = &doc.root().at(nlohmann::json::json_pointer(pointer_));
  if (!node_->is_object()) {
    diagnostics_->push_back({Diagnostic::Severity::kError, where(),
                             "expected an object { … }, found " + std::string(node_->type_name())});
  }
}

bool ObjectReader::is_object() const { return node_->is_object(); }

Location ObjectReader::WhereOf(const std::string& key) const {
  Location at = doc_.At(PointerOf(key));
  return at.line > 0 ? at : where();
}

bool ObjectReader::Has(const std::string& key) const {
  return node_->is_object() && node_->contains(key);
}

const nlohmann::json* ObjectReader::Get(const std::string& key) const {
  if (!Has(key)) return nullptr;
  return &(*node_)[key];
}

void ObjectReader::Error(const std::string& key, const std::string& message) {
  diagnostics_->push_back({Diagnostic::Severity::kError, WhereOf(key), message});
}

std::string ObjectReader::String(const std::string& key) {
  const nlohmann::json* value = Get(key);
  if (value == nullptr) {
    if (is_object()) {
      diagnostics_->push_back({Diagnostic::Severity::kError, where(),
                               "missing field '" + key + "'"});
    }
    return "";
  }
  if (!value->is_string()) {
    Error(key, "field '" + key + "' must be text, found " + value->type_name());
    return "";
  }
  return value->get<std::string>();
}

std::string ObjectReader::OptionalString(const std::string& key) {
  return Has(key) ? String(key) : "";
}

std::string ObjectReader::Id(const std::string& key) {
  std::string id = String(key);
  if (!id.empty() && !IsIdentifier(id)) {
    Error(key, "'" + id + "' is not a valid id: use lower case letters, digits and hyphens");
  }
  return id;
}

std::optional<double> ObjectReader::OptionalNumber(const std::string& key) {
  const nlohmann::json* value = Get(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number()) {
    Error(key, "field '" + key + "' must be a number, found " + value->type_name());
    return std::nullopt;
  }
  return value->get<double>();
}

std::optional<int> ObjectReader::OptionalInt(const std::string& key) {
  const nlohmann::json* value = Get(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number_integer()) {
    Error(key, "field '" + key + "' must be a whole number, found " + value->dump());
    return std::nullopt;
  }
  return value->get<int>();
}

std::optional<bool> ObjectReader::OptionalBool(const std::string& key) {
  const nlohmann::json* value = Get(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) {
    Error(key, "field '" + key + "' must be true or false, found " + value->dump());
    return std::nullopt;
  }
  return value->get<bool>();
}

std::vector<std::string> ObjectReader::ArrayElements(const std::string& key, bool required) {
  std::vector<std::string> pointers;
  const nlohmann::json* value = Get(key);
  if (value == nullptr) {
    if (required && is_object()) {
      diagnostics_->push_back({Diagnostic::Severity::kError, where(),
                               "missing field '" + key + "' (a list [ … ])"});
    }
    return pointers;
  }
  if (!value->is_array()) {
    Error(key, "field '" + key + "' must be a list [ … ], found " + value->type_name());
    return pointers;
  }
  for (size_t i = 0; i < value->size(); ++i) pointers.push_back(PointerOf(key) + "/" + std::to_string(i));
  return pointers;
}

std::vector<std::string> ObjectReader::StringList(const std::string& key, bool required) {
  std::vector<std::string> items;
  for (auto& [where, text] : LocatedStrings(key, required)) items.push_back(std::move(text));
  return items;
}

std::vector<std::pair<Location, std::string>> ObjectReader::LocatedStrings(const std::string& key,
                                                                           bool required) {
  std::vector<std::pair<Location, std::string>> items;
  for (const std::string& pointer : ArrayElements(key, required)) {
    const nlohmann::json& item = doc_.root().at(nlohmann::json::json_pointer(pointer));
    if (!item.is_string()) {
      diagnostics_->push_back({Diagnostic::Severity::kError, doc_.At(pointer),
                               "items of '" + key + "' must be text, found " + item.type_name()});
      continue;
    }
    items.emplace_back(doc_.At(pointer), item.get<std::string>());
  }
  return items;
}

void ObjectReader::RejectUnknownFields(const std::vector<std::string>& known) {
  if (!is_object()) return;
  for (const auto& [key, value] : node_->items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string message = "unknown field '" + key + "'";
    std::string suggestion = ClosestMatch(key, known);
    if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
    Error(key, message);
  }
}

std::optional<std::pair<int, int>> ParseYearRange(const std::string& text) {
  auto parse_year = [](std::string_view s) -> std::optional<int> {
    s = Trim(s);
    if (s.size() != 4 || !std::all_of(s.begin(), s.end(), ::isdigit)) return std::nullopt;
    return std::stoi(std::string(s));
  };
  size_t dash = text.find('-');
  if (dash == std::string::npos) {
    auto year = parse_year(text);
    if (!year) return std::nullopt;
    return std::make_pair(*year, *year);
  }
  auto first = parse_year(std::string_view(text).substr(0, dash));
  auto last = parse_year(std::string_view(text).substr(dash + 1));
  if (!first || !last || *first > *last) return std::nullopt;
  return std::make_pair(*first, *last);
}

}  // namespace jv::load
