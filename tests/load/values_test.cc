// data/values/*.csv: the two notations (comma, and "sep=;" with decimal commas) and the value
// statuses with the row-local checks, each error asserted with file, line and column.

#include <catch2/catch.hpp>

#include "load/load_internal.h"
#include "test_util.h"

using namespace jv::testing;
using jv::model::ValueStatus;

namespace {

struct Loaded {
  jv::model::Project project;
  std::vector<std::string> errors;
  std::string file;  ///< the values file as messages name it
};

Loaded LoadCsv(const std::string& text) {
  TempDir dir;
  WriteFile(dir.path() / "values/v.csv", text);
  auto folder = jv::load::Folder::Open(dir.str());
  REQUIRE(folder.ok());
  Loaded out;
  out.file = folder->Display("values/v.csv");
  std::vector<jv::Diagnostic> diagnostics;
  jv::load::LoadValues(*folder, &out.project, &diagnostics);
  for (const auto& d : diagnostics) out.errors.push_back(d.ToString());
  return out;
}

// One error expected: "<file>:<where>: error: <message>".
void CheckOneError(const Loaded& loaded, const std::string& where, const std::string& message) {
  REQUIRE(loaded.errors.size() == 1);
  CHECK(loaded.errors[0] == loaded.file + ":" + where + ": error: " + message);
}

const std::string kStatusHeader = "indicator,area,year,value,status,low,high,previous,revised_on,note\n";

}  // namespace

TEST_CASE("A values file starting with the semicolon sep line reads semicolons and decimal commas", "[load][values]") {
  Loaded loaded = LoadCsv("sep=;\nindicator;area;year;value;note\n"
                          "a;x;2023;98,8;komma's; mogen hier niet\n"
                          "a;x;2022;443.680;\n"
                          "a;x;2021;-1.234.567,25;\n"
                          "a;x;2020;1137;\n");
  // The first data row has a stray ';' in its note: an error on line 3, proving the count.
  CheckOneError(loaded, "3", "expected 5 fields, found 6");
  REQUIRE(loaded.project.values.size() == 3);
  CHECK(loaded.project.values[0].value == 443680);
  CHECK(loaded.project.values[0].where.line == 4);
  CHECK(loaded.project.values[1].value == -1234567.25);
  CHECK(loaded.project.values[2].value == 1137);
}

TEST_CASE("The semicolon dialect reads a decimal comma", "[load][values]") {
  Loaded loaded = LoadCsv("sep=;\nindicator;area;year;value\na;x;2023;98,8\n");
  REQUIRE(loaded.errors.empty());
  REQUIRE(loaded.project.values.size() == 1);
  CHECK(loaded.project.values[0].value == Approx(98.8));
}

TEST_CASE("The semicolon dialect refuses a decimal point and explains the notation", "[load][values]") {
  Loaded loaded = LoadCsv("sep=;\nindicator;area;year;value\na;x;2023;98.8\n");
  CheckOneError(loaded, "3:10",
                "'98.8' is not a number in this file's notation: the file starts with 'sep=;', so "
                "decimals take a comma (98,8) and a point may only separate thousands in groups of "
                "three (443.680)");
}

TEST_CASE("The semicolon dialect accepts thousands points only in groups of three", "[load][values]") {
  for (const std::string bad : {"1.23", "1234.567", "1..000", "1.000.", ".500", "1.000,", "12,3,4"}) {
    Loaded loaded = LoadCsv("sep=;\nindicator;area;year;value\na;x;2023;" + bad + "\n");
    INFO(bad);
    REQUIRE(loaded.errors.size() == 1);
    CHECK(loaded.errors[0].find(":3:10: error: '" + bad + "' is not a number in this file's notation") !=
          std::string::npos);
  }
  Loaded good = LoadCsv("sep=;\nindicator;area;year;value\na;x;2023;1.234\n");
  REQUIRE(good.errors.empty());
  CHECK(good.project.values[0].value == 1234);
}

TEST_CASE("The comma dialect refuses a decimal comma", "[load][values]") {
  Loaded loaded = LoadCsv("indicator,area,year,value\na,x,2023,\"98,8\"\n");
  CheckOneError(loaded, "2:10",
                "'98,8' is not a number: write it with a decimal point and no thousands separator, "
                "e.g. 1137 or 98.8 (or make 'sep=;' the first line of the file to use the Dutch "
                "notation with ';' between columns and decimal commas)");
}

TEST_CASE("The comma dialect stays the default and a comma sep line declares it", "[load][values]") {
  Loaded plain = LoadCsv("indicator,area,year,value\na,x,2023,98.8\n");
  Loaded declared = LoadCsv("sep=,\nindicator,area,year,value\na,x,2023,98.8\n");
  REQUIRE(plain.errors.empty());
  REQUIRE(declared.errors.empty());
  CHECK(plain.project.values[0].value == Approx(98.8));
  CHECK(declared.project.values[0].value == Approx(98.8));
  CHECK(declared.project.values[0].where.line == 3);
}

TEST_CASE("A byte order mark and CRLF before the sep line are accepted and the sep line counts", "[load][values]") {
  Loaded loaded = LoadCsv("\xEF\xBB\xBFsep=;\r\nindicator;area;year;value\r\na;x;2023;1,5\r\na;x;2022;1.5\r\n");
  CheckOneError(loaded, "4:10",
                "'1.5' is not a number in this file's notation: the file starts with 'sep=;', so "
                "decimals take a comma (98,8) and a point may only separate thousands in groups of "
                "three (443.680)");
  REQUIRE(loaded.project.values.size() == 1);
  CHECK(loaded.project.values[0].value == 1.5);
}

TEST_CASE("An unknown separator line is an error on line 1", "[load][values]") {
  Loaded loaded = LoadCsv("sep=|\nindicator|area|year|value\n");
  CheckOneError(loaded, "1:1",
                "'sep=|' is not a separator line this program reads: use sep=; (Dutch notation) "
                "or sep=, or leave the line out");
}

TEST_CASE("Each value status is read with its fields", "[load][values]") {
  Loaded loaded = LoadCsv(kStatusHeader +
                          "a,x,2015,98.8,,,,,,\n"
                          "a,x,2016,98.8,exact,,,,,\n"
                          "a,x,2017,400,approximate,,,,,\n"
                          "a,x,2018,400,estimate,,,,,geschat uit steekproef\n"
                          "a,x,2019,98.9,revised,,,98.8,2024-03-15,\n"
                          "a,x,2020,,missing,,,,,systeemwissel\n"
                          "a,x,2021,,,800,1000,,,\n"
                          "a,x,2022,900,estimate,800,1000,,,\n");
  REQUIRE(loaded.errors.empty());
  const auto& v = loaded.project.values;
  REQUIRE(v.size() == 8);
  CHECK(v[0].status == ValueStatus::kExact);
  CHECK(v[1].status == ValueStatus::kExact);
  CHECK(v[2].status == ValueStatus::kApproximate);
  CHECK(v[3].status == ValueStatus::kEstimate);
  CHECK(v[3].note == "geschat uit steekproef");
  CHECK(v[4].status == ValueStatus::kRevised);
  CHECK(*v[4].previous == Approx(98.8));
  CHECK(v[4].revised_on == "2024-03-15");
  CHECK(v[5].status == ValueStatus::kMissing);
  CHECK_FALSE(v[5].has_value);
  CHECK_FALSE(v[6].has_value);
  CHECK(*v[6].low == 800);
  CHECK(*v[6].high == 1000);
  CHECK(v[7].has_value);
  // Only exact values, estimates and revisions may be computed with.
  std::vector<bool> computable;
  for (const auto& value : v) computable.push_back(value.Computable());
  CHECK(computable == std::vector<bool>{true, true, false, true, true, false, false, false});
}

TEST_CASE("Ranges and revisions follow the semicolon dialect too", "[load][values]") {
  Loaded loaded = LoadCsv("sep=;\nindicator;area;year;value;status;low;high;previous;revised_on\n"
                          "a;x;2021;;;800;1.000;;\n"
                          "a;x;2022;98,9;revised;;;98,8;2024-03-15\n");
  REQUIRE(loaded.errors.empty());
  CHECK(*loaded.project.values[0].high == 1000);
  CHECK(*loaded.project.values[1].previous == Approx(98.8));
}

TEST_CASE("An unknown status word is an error with a suggestion", "[load][values]") {
  Loaded loaded = LoadCsv(kStatusHeader + "a,x,2023,400,approximat,,,,,\n");
  CheckOneError(loaded, "2:14",
                "'approximat' is not a status (expected one of: exact, approximate, estimate, "
                "revised, missing) (did you mean 'approximate'?)");
}

TEST_CASE("Low above high is an error at low", "[load][values]") {
  Loaded loaded = LoadCsv(kStatusHeader + "a,x,2023,,,1000,800,,,\n");
  CheckOneError(loaded, "2:12", "low '1000' is greater than high '800'");
}

TEST_CASE("A value outside its range is an error at the value", "[load][values]") {
  Loaded loaded = LoadCsv(kStatusHeader + "a,x,2023,1200,,800,1000,,,\n");
  CheckOneError(loaded, "2:10", "value '1200' lies outside the range from low '800' to high '1000'");
}

TEST_CASE("A range needs both ends and an empty value needs a range or status missing", "[load][values]") {
  CheckOneError(LoadCsv(kStatusHeader + "a,x,2023,,,800,,,,\n"), "2:16", "a range needs both 'low' and 'high'");
  CheckOneError(LoadCsv(kStatusHeader + "a,x,2023,,,,,,,\n"), "2:10",
                "empty value: give a number, a range in 'low' and 'high', or status 'missing' with "
                "the reason in 'note'");
}

TEST_CASE("Status revised without previous is an error", "[load][values]") {
  Loaded loaded = LoadCsv(kStatusHeader + "a,x,2023,98.9,revised,,,,2024-03-15,\n");
  CheckOneError(loaded, "2:25", "status 'revised' needs the earlier published value in column 'previous'");
}

TEST_CASE("Status revised without a previous column names the status field", "[load][values]") {
  Loaded loaded = LoadCsv("indicator,area,year,value,status,revised_on\na,x,2023,98.9,revised,2024-03-15\n");
  CheckOneError(loaded, "2:15", "status 'revised' needs the earlier published value in column 'previous'");
}

TEST_CASE("A bad revised_on date is an error", "[load][values]") {
  for (const std::string bad : {"15-03-2024", "2024-02-30", "2024-13-01", "2024-3-15"}) {
    Loaded loaded = LoadCsv(kStatusHeader + "a,x,2023,98.9,revised,,,98.8," + bad + ",\n");
    INFO(bad);
    CheckOneError(loaded, "2:30", "'" + bad + "' is not a date: write it as YYYY-MM-DD, e.g. 2024-03-15");
  }
  CHECK(LoadCsv(kStatusHeader + "a,x,2024,98.9,revised,,,98.8,2024-02-29,\n").errors.empty());
}

TEST_CASE("Status revised needs its date and previous needs status revised", "[load][values]") {
  CheckOneError(LoadCsv(kStatusHeader + "a,x,2023,98.9,revised,,,98.8,,\n"), "2:30",
                "status 'revised' needs the date of the revision in column 'revised_on' (YYYY-MM-DD)");
  CheckOneError(LoadCsv(kStatusHeader + "a,x,2023,98.9,,,,98.8,,\n"), "2:18",
                "'previous' is only used with status 'revised'");
}

TEST_CASE("Status missing with a value is an error", "[load][values]") {
  Loaded loaded = LoadCsv(kStatusHeader + "a,x,2023,12,missing,,,,,systeemwissel\n");
  CheckOneError(loaded, "2:10", "status 'missing' needs an empty value, found '12' (give the reason in 'note')");
}

TEST_CASE("Status missing without a reason is an error at the note", "[load][values]") {
  Loaded loaded = LoadCsv(kStatusHeader + "a,x,2023,,missing,,,,,\n");
  CheckOneError(loaded, "2:23", "status 'missing' needs the reason in column 'note'");
}
