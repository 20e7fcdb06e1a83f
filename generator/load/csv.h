#pragma once
// RFC 4180 CSV: quoted fields may hold separators, doubled quotes and line breaks.

#include <string>
#include <vector>

#include "base/status.h"

namespace jv::load {

struct CsvRow {
  int line = 0;                     ///< 1-based line where the row starts
  std::vector<std::string> fields;
  std::vector<int> columns;         ///< 1-based column where each field starts
};

/// Splits `text` into rows; blank lines are skipped. Error on an unterminated quote.
Result<std::vector<CsvRow>> ParseCsv(const std::string& file, const std::string& text,
                                     char separator);

}  // namespace jv::load
