// The search index script, and reading the texts back from it (how a build finds the text of
// the chapters it keeps).

#include <catch2/catch.hpp>

#include "site/search_index.h"

namespace jv::site {
namespace {

TEST_CASE("The search index gives back every text it was written with", "[site][search]") {
  std::vector<SearchEntry> entries = {
      {"Voorwoord – Jaarverslag 2023", "2023/voorwoord/index.html", "Een \"quote\", a\\backslash, <script>&amp;"},
      {"Lege pagina", "2023/leeg/index.html", ""},
      {"Regels", "2023/regels/index.html", "regel 1\nregel 2\ttab\r\x01\x1f einde"},
      {"Ünïcode ✓", "2023/ü/index.html", "Zuidoost · 98,8% · € 35.402.800 · 😀"},
  };
  for (int jobs : {1, 3}) {
    std::string script = SearchIndexScript(entries, jobs);
    CHECK(script.find("<script>") == std::string::npos);  // never closes the page's script
    std::map<std::string, std::string> texts = SearchTexts(script);
    REQUIRE(texts.size() == entries.size());
    for (const SearchEntry& entry : entries) CHECK(texts[entry.href] == entry.text);
  }
}

TEST_CASE("A search index that is not one gives no texts", "[site][search]") {
  CHECK(SearchTexts("").empty());
  CHECK(SearchTexts("window.JV_SEARCH_INDEX = [\n{\"title\": \"a\", \"href\": \"b\"}\n];\n").empty());
  CHECK(SearchTexts("window.JV_SEARCH_INDEX = [\n{\"title\": \"a\", \"href\": \"b\", \"text\": \"\\u12\n];\n").empty());
  CHECK(SearchTexts("window.JV_SEARCH_INDEX = [\n{\"title\": \"a\", \"href\": \"b\", \"text\": \"\\uZZZZ\"}\n];\n").empty());
  CHECK(SearchTexts("alert(1)\n{\"title\": \"a\", \"href\": \"b\", \"text\": \"c\"}\n").empty());
}

}  // namespace
}  // namespace jv::site
