#include <catch2/catch.hpp>

#include "load/json_document.h"

using namespace jv;
using jv::load::JsonDocument;
using jv::load::ObjectReader;

TEST_CASE("A JSON syntax error names file line and column", "[load]") {
  auto doc = JsonDocument::Parse("data/site.json", "{\n  \"a\": 1,\n  \"b\": }\n");
  REQUIRE_FALSE(doc.ok());
  std::string message = doc.status().ToString();
  CHECK(message.rfind("data/site.json:3:8: error: invalid JSON", 0) == 0);
}

TEST_CASE("Positions of values are kept for later messages", "[load]") {
  auto doc = JsonDocument::Parse("x.json", "{\"areas\": [\n  {\"id\": \"a\"},\n  {\"id\": \"b\"}\n]}");
  REQUIRE(doc.ok());
  CHECK(doc->At("/areas/1").line == 3);
  CHECK(doc->At("/areas/1").column == 3);
  CHECK(doc->At("/areas/1/id").column == 10);
}

TEST_CASE("The object reader reports missing and mistyped fields and suggests names", "[load]") {
  auto doc = JsonDocument::Parse("i.json", "{\n \"id\": \"Bad Id\",\n \"decimals\": \"1\",\n \"unti\": \"percent\"\n}");
  REQUIRE(doc.ok());
  std::vector<Diagnostic> diagnostics;
  ObjectReader reader(*doc, "", &diagnostics);
  reader.RejectUnknownFields({"id", "label", "unit", "decimals"});
  reader.Id("id");
  reader.String("label");
  reader.OptionalInt("decimals");
  REQUIRE(diagnostics.size() == 4);
  CHECK(diagnostics[0].ToString() == "i.json:4:10: error: unknown field 'unti' (did you mean 'unit'?)");
  CHECK(diagnostics[1].ToString().find("i.json:2:8: error: 'Bad Id' is not a valid id") == 0);
  CHECK(diagnostics[2].ToString() == "i.json:1:1: error: missing field 'label'");
  CHECK(diagnostics[3].ToString().find("i.json:3:14: error: field 'decimals' must be a whole number") == 0);
}

TEST_CASE("Year ranges parse and reject nonsense", "[load]") {
  CHECK(load::ParseYearRange("2015-2022") == std::make_pair(2015, 2022));
  CHECK(load::ParseYearRange("2017") == std::make_pair(2017, 2017));
  CHECK_FALSE(load::ParseYearRange("2022-2015"));
  CHECK_FALSE(load::ParseYearRange("twintig"));
}

// Found by tests/fuzz/load_fuzzer.cc: nlohmann throws out_of_range (not parse_error) for a
// number beyond the largest double, which escaped and aborted the generator.
TEST_CASE("A JSON number too large for a double is an error with its place", "[load]") {
  auto doc = JsonDocument::Parse("data/values/x.json", "{\"values\": [\n  {\"value\": 201e308}\n]}");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().ToString() ==
        "data/values/x.json:2:13: error: invalid JSON: the number '201e308' is too large\n");
}
