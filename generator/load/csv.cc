#include "load/csv.h"

#include <cmath>
#include <cstdlib>

namespace jv::load {

Result<std::vector<CsvRow>> ParseCsv(const std::string& file, const std::string& text,
                                     char separator) {
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  bool in_quotes = false, field_started = false;
  int line = 1, column = 1, field_column = 1, quote_line = 0;
  size_t cells = 0;
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
      if (row.fields.size() >= kMaxCsvFields) {
        return Status::Error({file, row.line, column},
                             "more than " + std::to_string(kMaxCsvFields) + " fields on one line");
      }
      if (++cells > kMaxCsvCells) {
        return Status::Error({file, line, column}, "more than " + std::to_string(kMaxCsvCells) +
                                                       " fields in the file: split the file");
      }
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      if (rows.size() > kMaxCsvRows) {
        return Status::Error({file, line, 1}, "more than " + std::to_string(kMaxCsvRows) +
                                                  " rows: split the file");
      }
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

// ---- Dialects and numbers ----

namespace jv::load {
namespace {

bool AllDigits(const std::string& text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "443.680" → "443680"; nullopt unless the groups after the first are exactly three digits.
std::optional<std::string> JoinThousands(const std::string& whole) {
  if (whole.find('.') == std::string::npos) return AllDigits(whole) ? std::optional(whole) : std::nullopt;
  std::string joined;
  size_t start = 0;
  for (bool first = true;; first = false) {
    size_t point = whole.find('.', start);
    std::string group = whole.substr(start, point == std::string::npos ? std::string::npos : point - start);
    bool fits = first ? group.size() >= 1 && group.size() <= 3 : group.size() == 3;
    if (!AllDigits(group) || !fits) return std::nullopt;
    joined += group;
    if (point == std::string::npos) return joined;
    start = point + 1;
  }
}

// Dutch notation: optional minus, whole part (points between groups of three allowed),
// optional decimal comma with at least one digit.
std::optional<double> ParseDutch(const std::string& text) {
  std::string body = text.rfind('-', 0) == 0 ? text.substr(1) : text;
  size_t comma = body.find(',');
  std::string fraction = comma == std::string::npos ? "" : body.substr(comma + 1);
  if (comma != std::string::npos && !AllDigits(fraction)) return std::nullopt;
  auto whole = JoinThousands(body.substr(0, comma));
  if (!whole) return std::nullopt;
  std::string plain = (text[0] == '-' ? "-" : "") + *whole + (fraction.empty() ? "" : "." + fraction);
  return std::strtod(plain.c_str(), nullptr);
}

// The original notation: what strtod reads, but never a comma (Dutch "98,8" is refused here
// rather than misread).
std::optional<double> ParsePlain(const std::string& text) {
  if (text.empty() || text.find(',') != std::string::npos) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

Result<DialectText> ReadSeparatorLine(const std::string& file, const std::string& text) {
  size_t start = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  DialectText out{CsvDialect::kComma, text};
  if (text.compare(start, 4, "sep=") != 0) return out;
  size_t end = text.find('\n', start);
  std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line == "sep=;") out.dialect = CsvDialect::kSemicolon;
  else if (line != "sep=,") {
    return Status::Error({file, 1, 1}, "'" + line + "' is not a separator line this program reads: "
                                       "use sep=; (Dutch notation) or sep=, or leave the line out");
  }
  out.text = end == std::string::npos ? "" : text.substr(end);  // keeps the line break: line 1
  return out;
}

char Separator(CsvDialect dialect) { return dialect == CsvDialect::kSemicolon ? ';' : ','; }

std::optional<double> ParseCsvNumber(const std::string& text, CsvDialect dialect, std::string* why) {
  if (dialect == CsvDialect::kComma) {
    if (auto value = ParsePlain(text)) return value;
    *why = "'" + text + "' is not a number: write it with a decimal point and no thousands "
           "separator, e.g. 1137 or 98.8 (or make 'sep=;' the first line of the file to use "
           "the Dutch notation with ';' between columns and decimal commas)";
    return std::nullopt;
  }
  if (!text.empty() && text != "-") {
    if (auto value = ParseDutch(text)) return value;
  }
  *why = "'" + text + "' is not a number in this file's notation: the file starts with 'sep=;', "
         "so decimals take a comma (98,8) and a point may only separate thousands in groups of "
         "three (443.680)";
  return std::nullopt;
}

bool IsIsoDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  std::string y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!AllDigits(y) || !AllDigits(m) || !AllDigits(d)) return false;
  int year = std::stoi(y), month = std::stoi(m), day = std::stoi(d);
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

}  // namespace jv::load
