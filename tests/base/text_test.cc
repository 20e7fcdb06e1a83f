// base/text.h: JSON strings written into scripts and open-data files.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "base/text.h"

namespace jv {
namespace {

TEST_CASE("JsonString escapes what JSON and an inline script need and keeps the rest", "[base]") {
  CHECK(JsonString("") == "\"\"");
  CHECK(JsonString("Zuidoost 12,5%") == "\"Zuidoost 12,5%\"");
  CHECK(JsonString("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(JsonString("regel\nregel\r\ttab") == "\"regel\\nregel\\r\\ttab\"");
  // "</script>" must not end the script the string stands in.
  CHECK(JsonString("</script>") == "\"\\u003c/script>\"");
  CHECK(JsonString(std::string("\x01x\x1f", 3)) == "\"\\u0001x\\u001f\"");
  CHECK(JsonString("één – €") == "\"één – €\"");
  // Whatever goes in comes back out of a JSON parser unchanged.
  std::string mixed = "begin \"<b>\" \\ \n\x02 einde";
  CHECK(nlohmann::json::parse(JsonString(mixed)).get<std::string>() == mixed);
}

}  // namespace
}  // namespace jv
