#include "load/csv.h"

namespace jv::load {

Result<std::vector<CsvRow>> ParseCsv(const std::string& file, const std::string& text,
                                     char separator) {
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  bool in_quotes = false, field_started = false;
  int line = 1, column = 1, field_column = 1, quote_line = 0;
  auto end_field = [&] {
    row.fields.push_back(field);
    row.columns.push_back(field_column);
    field.clear();
    field_started = false;
  };
  auto end_row = [&] {
    end_field();
    bool blank = row.fields.size() == 1 && row.fields[0].empty();
    if (!blank) rows.push_back(std::move(row));
    row = CsvRow{};
  };
  size_t start = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;  // spreadsheet programs add a BOM
  for (size_t i = start; i < text.size(); ++i) {
    char c = text[i];
    if (row.fields.empty() && !field_started && field.empty() && row.line == 0) row.line = line;
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
        ++column;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        field += c;
        if (c == '\n') {
          ++line;
          column = 0;
        }
      }
    } else if (c == '"' && field.empty()) {
      in_quotes = true;
      field_started = true;
      quote_line = line;
    } else if (c == separator) {
      end_field();
      field_column = column + 1;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      ++line;
      column = 0;
      field_column = 1;
    } else {
      field += c;
      field_started = true;
    }
    ++column;
  }
  if (in_quotes) {
    return Status::Error({file, quote_line, 0}, "a quoted field is never closed (missing \")");
  }
  if (field_started || !field.empty() || !row.fields.empty()) end_row();
  return rows;
}

}  // namespace jv::load
