#include <catch2/catch.hpp>

#include "load/csv.h"

using jv::load::ParseCsv;

TEST_CASE("CSV fields may be quoted with separators quotes and line breaks", "[load]") {
  auto rows = ParseCsv("v.csv", "a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n", ',');
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 3);
  CHECK((*rows)[1].fields[1] == "x, y");
  CHECK((*rows)[1].fields[2] == "say \"hi\"");
  CHECK((*rows)[2].fields[1] == "two\nlines");
  CHECK((*rows)[2].line == 3);
  CHECK((*rows)[1].columns[2] == 10);
}

TEST_CASE("CSV skips blank lines and a byte order mark and accepts CRLF", "[load]") {
  auto rows = ParseCsv("v.csv", "\xEF\xBB\xBFh1,h2\r\n\r\n1,2\r\n", ',');
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 2);
  CHECK((*rows)[0].fields[0] == "h1");
  CHECK((*rows)[1].line == 3);
}

TEST_CASE("An unclosed quote is an error with its line", "[load]") {
  auto rows = ParseCsv("v.csv", "a,b\n1,\"open\n", ',');
  REQUIRE_FALSE(rows.ok());
  CHECK(rows.status().ToString().find("v.csv:2: error: a quoted field is never closed") == 0);
}
