// Reads data/values/*.csv: one figure per row, keyed by indicator × area × year.

#include <cmath>
#include <cstdlib>

#include "base/text.h"
#include "load/csv.h"
#include "load/load_internal.h"

namespace jv::load {
namespace {

const std::vector<std::string> kColumns = {"indicator", "area",   "year", "value",
                                           "certainty", "source", "note"};
const std::vector<std::string> kRequired = {"indicator", "area", "year", "value"};

// A plain decimal number with a point: "98.8", "-3", "443680". Dutch notation ("98,8",
// "1.137") is rejected here rather than guessed: "1.137" would silently become 1,137.
std::optional<double> ParseNumber(const std::string& text) {
  if (text.empty() || text.find(',') != std::string::npos) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

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

void ReadRow(const std::string& file, const CsvRow& row, const ColumnMap& columns,
             model::Project* project, std::vector<Diagnostic>* diagnostics) {
  auto error = [&](const std::string& column, const std::string& message) {
    diagnostics->push_back(
        {Diagnostic::Severity::kError, {file, row.line, columns.Column(row, column)}, message});
  };
  if (row.fields.size() != columns.index.size()) {
    diagnostics->push_back({Diagnostic::Severity::kError, {file, row.line, 0},
                            "expected " + std::to_string(columns.index.size()) + " fields, found " +
                                std::to_string(row.fields.size())});
    return;
  }
  model::Value value;
  value.where = {file, row.line, 1};
  value.indicator = Trim(*columns.Field(row, "indicator"));
  value.area = Trim(*columns.Field(row, "area"));
  std::string year(Trim(*columns.Field(row, "year")));
  auto years = ParseYearRange(year);
  if (!years || years->first != years->second) {
    error("year", "'" + year + "' is not a year");
  } else {
    value.year = years->first;
  }
  std::string number(Trim(*columns.Field(row, "value")));
  auto parsed = ParseNumber(number);
  if (!parsed) {
    error("value", "'" + number + "' is not a number: write it with a decimal point and no "
                   "thousands separator, e.g. 1137 or 98.8");
  } else {
    value.value = *parsed;
  }
  if (const std::string* certainty = columns.Field(row, "certainty")) {
    std::string text(Trim(*certainty));
    if (text.empty() || text == "clear") value.certainty = model::Certainty::kClear;
    else if (text == "inferred") value.certainty = model::Certainty::kInferred;
    else if (text == "ambiguous") value.certainty = model::Certainty::kAmbiguous;
    else error("certainty", "'" + text + "' is not a certainty (clear, inferred, ambiguous)");
  }
  if (const std::string* source = columns.Field(row, "source")) value.source = Trim(*source);
  if (const std::string* note = columns.Field(row, "note")) value.note = Trim(*note);
  project->values.push_back(std::move(value));
}

}  // namespace

void LoadValues(const Folder& folder, model::Project* project,
                std::vector<Diagnostic>* diagnostics) {
  for (const std::string& name : folder.List("values", ".csv")) {
    std::string relative = "values/" + name;
    std::string file = folder.Display(relative);
    Result<std::string> text = folder.Read(relative);
    if (!text.ok()) {
      for (const Diagnostic& d : text.status().diagnostics()) diagnostics->push_back(d);
      continue;
    }
    Result<std::vector<CsvRow>> rows = ParseCsv(file, *text, ',');
    if (!rows.ok()) {
      for (const Diagnostic& d : rows.status().diagnostics()) diagnostics->push_back(d);
      continue;
    }
    if (rows->empty()) {
      diagnostics->push_back({Diagnostic::Severity::kError, {file, 1, 0}, "empty file: expected a header line"});
      continue;
    }
    ColumnMap columns;
    if (!ReadHeader(file, rows->front(), &columns, diagnostics)) continue;
    for (size_t i = 1; i < rows->size(); ++i) {
      ReadRow(file, (*rows)[i], columns, project, diagnostics);
    }
  }
}

}  // namespace jv::load
