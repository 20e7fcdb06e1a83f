// Reads data/values/*.csv and *.json: one figure per row or object, keyed by indicator × area × year, in the
// notation the file declares (see csv.h), with its status: exact, approximate, estimate,
// revised or missing, and optionally a range. Row-local rules are checked here so that each
// message can point at the exact field; rules across rows belong to the validate stage.

#include <algorithm>
#include <cstdio>
#include <functional>

#include "base/text.h"
#include "load/csv.h"
#include "load/load_internal.h"

namespace jv::load {
namespace {

const std::vector<std::string> kColumns = {"indicator", "area",     "year",     "value",
                                           "status",    "low",      "high",     "previous",
                                           "revised_on", "certainty", "source", "note"};
const std::vector<std::string> kRequired = {"indicator", "area", "year", "value"};

const std::vector<std::pair<std::string, model::ValueStatus>> kStatuses = {
    {"exact", model::ValueStatus::kExact},       {"approximate", model::ValueStatus::kApproximate},
    {"estimate", model::ValueStatus::kEstimate}, {"revised", model::ValueStatus::kRevised},
    {"missing", model::ValueStatus::kMissing}};

struct ColumnMap {
  std::map<std::string, size_t> index;
  const std::string* Field(const CsvRow& row, const std::string& name) const {
    auto it = index.find(name);
    if (it == index.end() || it->second >= row.fields.size()) return nullptr;
    return &row.fields[it->second];
  }
  int Column(const CsvRow& row, const std::string& name) const {
    auto it = index.find(name);
    return it == index.end() || it->second >= row.columns.size() ? 0 : row.columns[it->second];
  }
};

bool ReadHeader(const std::string& file, const CsvRow& header, ColumnMap* columns,
                std::vector<Diagnostic>* diagnostics) {
  bool ok = true;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    std::string name(Trim(header.fields[i]));
    if (std::find(kColumns.begin(), kColumns.end(), name) == kColumns.end()) {
      std::string message = "unknown column '" + name + "'";
      std::string suggestion = ClosestMatch(name, kColumns);
      if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
      diagnostics->push_back({Diagnostic::Severity::kError, {file, header.line, header.columns[i]}, message});
      ok = false;
    }
    columns->index[name] = i;
  }
  for (const std::string& name : kRequired) {
    if (!columns->index.count(name)) {
      diagnostics->push_back({Diagnostic::Severity::kError, {file, header.line, 0},
                              "missing column '" + name + "' in the header line"});
      ok = false;
    }
  }
  return ok;
}

// One record being read — a CSV row or a JSON object — seen as named text fields, so both
// formats share every check below and each message points at the exact field.
struct RowReader {
  /// The trimmed field, "" when absent.
  std::function<std::string(const std::string&)> field;
  /// Where the field stands; column 0 when the record has no such field.
  std::function<Location(const std::string&)> at;
  CsvDialect dialect;
  std::vector<Diagnostic>* diagnostics;
  bool ok = true;

  std::string Text(const std::string& name) const { return field(name); }
  /// Reports at `name`'s field; at `fallback`'s field when the record has no field `name`.
  void Error(const std::string& name, const std::string& message,
             const std::string& fallback = "value") {
    Location where = at(name);
    if (where.column == 0) where = at(fallback);
    diagnostics->push_back({Diagnostic::Severity::kError, where, message});
    ok = false;
  }
  /// The field as a number in the file's notation; nullopt when empty or (reported) invalid.
  std::optional<double> Number(const std::string& name) {
    std::string text = Text(name);
    if (text.empty()) return std::nullopt;
    std::string why;
    auto number = ParseCsvNumber(text, dialect, &why);
    if (!number) Error(name, why);
    return number;
  }
};

void ReadStatus(RowReader& r, model::Value* value) {
  std::string text = r.Text("status");
  if (text.empty()) return;  // exact
  for (const auto& [word, status] : kStatuses) {
    if (word == text) {
      value->status = status;
      return;
    }
  }
  std::vector<std::string> words;
  for (const auto& entry : kStatuses) words.push_back(entry.first);
  std::string suggestion = ClosestMatch(text, words);
  r.Error("status", "'" + text + "' is not a status (expected one of: exact, approximate, "
                    "estimate, revised, missing)" +
                        (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)"));
}

// The value and its range: a point, a range (low and high), both, or neither for `missing`.
void CheckRange(RowReader& r, const model::Value& value) {
  if (value.low.has_value() != value.high.has_value()) {
    r.Error(value.low ? "high" : "low", "a range needs both 'low' and 'high'");
  } else if (value.low && *value.low > *value.high) {
    r.Error("low", "low '" + r.Text("low") + "' is greater than high '" + r.Text("high") + "'");
  } else if (value.low && value.has_value && (value.value < *value.low || value.value > *value.high)) {
    r.Error("value", "value '" + r.Text("value") + "' lies outside the range from low '" +
                         r.Text("low") + "' to high '" + r.Text("high") + "'");
  }
  if (value.status == model::ValueStatus::kMissing) return;
  if (r.Text("value").empty() && !value.low && !value.high) {
    r.Error("value", "empty value: give a number, a range in 'low' and 'high', or status "
                     "'missing' with the reason in 'note'");
  }
}

void CheckMissing(RowReader& r, const model::Value& value) {
  if (!r.Text("value").empty()) {
    r.Error("value", "status 'missing' needs an empty value, found '" + r.Text("value") +
                         "' (give the reason in 'note')");
  }
  if (!r.Text("low").empty() || !r.Text("high").empty()) {
    r.Error(r.Text("low").empty() ? "high" : "low", "status 'missing' needs empty 'low' and 'high'");
  }
  if (value.note.empty()) r.Error("note", "status 'missing' needs the reason in column 'note'", "status");
}

void CheckRevision(RowReader& r, const model::Value& value) {
  bool revised = value.status == model::ValueStatus::kRevised;
  std::string date = r.Text("revised_on");
  if (!date.empty() && !IsIsoDate(date)) {
    r.Error("revised_on", "'" + date + "' is not a date: write it as YYYY-MM-DD, e.g. 2024-03-15");
  }
  if (revised && !value.previous) {
    r.Error("previous", "status 'revised' needs the earlier published value in column 'previous'", "status");
  }
  if (revised && date.empty()) {
    r.Error("revised_on", "status 'revised' needs the date of the revision in column 'revised_on' "
                          "(YYYY-MM-DD)", "status");
  }
  if (!revised && !r.Text("previous").empty()) r.Error("previous", "'previous' is only used with status 'revised'");
  if (!revised && !date.empty()) r.Error("revised_on", "'revised_on' is only used with status 'revised'");
}

void ReadRecord(RowReader& r, const Location& where, model::Project* project) {
  model::Value value;
  value.where = where;
  value.indicator = r.Text("indicator");
  value.area = r.Text("area");
  std::string year = r.Text("year");
  auto years = ParseYearRange(year);
  if (!years || years->first != years->second) r.Error("year", "'" + year + "' is not a year");
  else value.year = years->first;
  value.note = r.Text("note");
  value.source = r.Text("source");
  ReadStatus(r, &value);
  auto number = r.Number("value");
  value.has_value = number.has_value();
  value.value = number.value_or(0);
  value.low = r.Number("low");
  value.high = r.Number("high");
  value.previous = r.Number("previous");
  value.revised_on = r.Text("revised_on");
  if (!r.ok) return;  // one clear message per bad field is enough; skip the checks below
  CheckRange(r, value);
  if (value.status == model::ValueStatus::kMissing) CheckMissing(r, value);
  CheckRevision(r, value);
  std::string certainty = r.Text("certainty");
  if (certainty.empty() || certainty == "clear") value.certainty = model::Certainty::kClear;
  else if (certainty == "inferred") value.certainty = model::Certainty::kInferred;
  else if (certainty == "ambiguous") value.certainty = model::Certainty::kAmbiguous;
  else r.Error("certainty", "'" + certainty + "' is not a certainty (clear, inferred, ambiguous)");
  project->values.push_back(std::move(value));
}

void ReadCsvRow(const std::string& file, const CsvRow& row, const ColumnMap& columns,
                CsvDialect dialect, model::Project* project, std::vector<Diagnostic>* diagnostics) {
  if (row.fields.size() != columns.index.size()) {
    diagnostics->push_back({Diagnostic::Severity::kError, {file, row.line, 0},
                            "expected " + std::to_string(columns.index.size()) + " fields, found " +
                                std::to_string(row.fields.size())});
    return;
  }
  RowReader r;
  r.field = [&](const std::string& name) {
    const std::string* text = columns.Field(row, name);
    return text ? std::string(Trim(*text)) : std::string();
  };
  r.at = [&](const std::string& name) { return Location{file, row.line, columns.Column(row, name)}; };
  r.dialect = dialect;
  r.diagnostics = diagnostics;
  ReadRecord(r, {file, row.line, 1}, project);
}

void LoadCsvValues(const Folder& folder, const std::string& relative, model::Project* project,
                   std::vector<Diagnostic>* diagnostics) {
  std::string file = folder.Display(relative);
  Result<std::string> text = folder.Read(relative);
  if (!text.ok()) {
    for (const Diagnostic& d : text.status().diagnostics()) diagnostics->push_back(d);
    return;
  }
  if (!CheckUtf8(file, *text, diagnostics)) return;
  Result<DialectText> dialect = ReadSeparatorLine(file, *text);
  if (!dialect.ok()) {
    for (const Diagnostic& d : dialect.status().diagnostics()) diagnostics->push_back(d);
    return;
  }
  Result<std::vector<CsvRow>> rows = ParseCsv(file, dialect->text, Separator(dialect->dialect));
  if (!rows.ok()) {
    for (const Diagnostic& d : rows.status().diagnostics()) diagnostics->push_back(d);
    return;
  }
  if (rows->empty()) {
    diagnostics->push_back({Diagnostic::Severity::kError, {file, 1, 0}, "empty file: expected a header line"});
    return;
  }
  ColumnMap columns;
  if (!ReadHeader(file, rows->front(), &columns, diagnostics)) return;
  for (size_t i = 1; i < rows->size(); ++i) {
    ReadCsvRow(file, (*rows)[i], columns, dialect->dialect, project, diagnostics);
  }
}

// A JSON value file: {"values": [{"indicator": …, "area": …, "year": 2023, "value": 98.8}, …]}.
// Numbers are JSON numbers (a decimal point); the fields are the CSV columns.
void LoadJsonValues(const Folder& folder, const std::string& relative, model::Project* project,
                    std::vector<Diagnostic>* diagnostics) {
  auto doc = ReadJson(folder, relative, diagnostics);
  if (!doc) return;
  ObjectReader root(*doc, "", diagnostics);
  root.RejectUnknownFields({"values"});
  for (const std::string& pointer : root.ArrayElements("values", true)) {
    ObjectReader object(*doc, pointer, diagnostics);
    if (!object.is_object()) continue;
    object.RejectUnknownFields(kColumns);
    bool complete = true;
    for (const std::string& name : kRequired) {
      if (name != "value" && !object.Has(name)) {
        object.Error(name, "missing field '" + name + "'");
        complete = false;
      }
    }
    for (const char* name : {"value", "low", "high", "previous"}) {
      const nlohmann::json* number = object.Get(name);
      if (number != nullptr && !number->is_number() && !number->is_null()) {
        object.Error(name, "field '" + std::string(name) + "' must be a JSON number such as 98.8, found " + number->dump());
        complete = false;
      }
    }
    for (const std::string& name : kColumns) {
      const nlohmann::json* field = object.Get(name);
      bool number_field = name == "value" || name == "low" || name == "high" || name == "previous";
      if (!number_field && field != nullptr && (field->is_boolean() || field->is_structured())) {
        object.Error(name, "field '" + name + "' must be text or a number, found " + field->dump());
        complete = false;
      }
    }
    if (!complete) continue;
    RowReader r;
    r.field = [&object](const std::string& name) {
      const nlohmann::json* value = object.Get(name);
      if (value == nullptr || value->is_null()) return std::string();
      if (value->is_string()) return std::string(Trim(value->get<std::string>()));
      if (value->is_number_integer()) return std::to_string(value->get<long long>());
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, "%.15g", value->get<double>());
      return std::string(buffer);
    };
    r.at = [&object](const std::string& name) {
      return object.Has(name) ? object.WhereOf(name) : Location{object.where().file, object.where().line, 0};
    };
    r.dialect = CsvDialect::kComma;
    r.diagnostics = diagnostics;
    ReadRecord(r, object.where(), project);
  }
}

}  // namespace

void LoadValues(const Folder& folder, model::Project* project, std::vector<Diagnostic>* diagnostics,
                LoadMemo* memo) {
  auto load_each = [&](const std::string& suffix, auto load_file) {
    for (const std::string& name : folder.List("values", suffix)) {
      std::string relative = "values/" + name;
      LoadPart(folder, memo ? &memo->values : nullptr, memo ? &memo->reused : nullptr, relative, &project->values,
               diagnostics, [&] { load_file(folder, relative, project, diagnostics); });
    }
  };
  load_each(".csv", LoadCsvValues);
  load_each(".json", LoadJsonValues);
}

}  // namespace jv::load
