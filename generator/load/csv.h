#pragma once
// RFC 4180 CSV: quoted fields may hold separators, doubled quotes and line breaks.

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace jv::load {

struct CsvRow {
  int line = 0;                     ///< 1-based line where the row starts
  std::vector<std::string> fields;
  std::vector<int> columns;         ///< 1-based column where each field starts
};

/// Limits that keep the memory a CSV file needs in proportion to what a report can use.
constexpr size_t kMaxCsvFields = 1000;     ///< fields on one line
constexpr size_t kMaxCsvRows = 1000000;    ///< rows in one file
constexpr size_t kMaxCsvCells = 5000000;   ///< fields in one file

/// Splits `text` into rows; blank lines are skipped. Error on an unterminated quote and when
/// a line has more than kMaxCsvFields fields or the file more than kMaxCsvRows rows or
/// kMaxCsvCells fields.
Result<std::vector<CsvRow>> ParseCsv(const std::string& file, const std::string& text,
                                     char separator);

/// The notation of a data CSV. It is declared, never guessed: "1.137" means 1137 in one
/// notation and 1.137 in the other, so guessing could silently change a figure.
enum class CsvDialect {
  kComma,      ///< separator ',', decimal point, no thousands separator: 443680, 98.8
  kSemicolon,  ///< first line "sep=;": separator ';', decimal comma: 443680, 443.680, 98,8
};

struct DialectText {
  CsvDialect dialect = CsvDialect::kComma;
  std::string text;  ///< the file with its "sep=" line blanked (so line numbers stay right)
};

/// Reads the optional first line "sep=;" or "sep=," (the Excel convention; a byte order mark
/// before it is allowed) and blanks it. Without that line the file is in the comma dialect.
/// Error on any other "sep=" line.
Result<DialectText> ReadSeparatorLine(const std::string& file, const std::string& text);

char Separator(CsvDialect dialect);

/// A number written in `dialect`. nullopt with `*why` set to a message for the user (starting
/// with "'<text>' is not a number") when it does not follow the dialect.
std::optional<double> ParseCsvNumber(const std::string& text, CsvDialect dialect, std::string* why);

/// Whether `text` is a real calendar date written as YYYY-MM-DD.
bool IsIsoDate(const std::string& text);

}  // namespace jv::load
