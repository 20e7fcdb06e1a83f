// Hostile input: script or markup typed into any text the data can carry must reach the site
// as text, never as markup, and link targets that could run code must be dropped. A copy of
// the example gets a payload in every such field; then every generated .html, .svg, .json,
// .js and .xml file is scanned for markup the payload could have produced.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <functional>

#include "test_util.h"

using namespace jv::testing;
using nlohmann::json;

namespace {

const std::string kScript = "<script>alert(1)</script>";
const std::string kPayload = " <script>alert(1)</script>\"><img src=x onerror=alert(1)>'><svg/onload=alert(1)>";
const std::string kJavascript = "javascript:alert(1)";

void EditJson(const fs::path& file, const std::function<void(json&)>& edit) {
  json doc = json::parse(ReadFile(file));
  edit(doc);
  WriteFile(file, doc.dump(2));
}

void AppendTo(json& object, const std::string& key) {
  if (object.contains(key) && object[key].is_string()) object[key] = object[key].get<std::string>() + kPayload;
}

std::vector<std::string> Editions(const fs::path& data) {
  return json::parse(ReadFile(data / "site.json"))["editions"].get<std::vector<std::string>>();
}

// Only the latest edition, for tests about one chapter: a quicker build.
void OnlyLatestEdition(const fs::path& data) {
  std::string latest = Editions(data).back();
  EditJson(data / "site.json", [&](json& site) { site["editions"] = {latest}; });
}

// ---- CSV: the values files, with the payload in every note ----

std::vector<std::vector<std::string>> ParseCsv(const std::string& text, char separator) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == separator) {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

void InjectIntoCsv(const fs::path& file) {
  std::string text = ReadFile(file);
  std::string sep_line;
  char separator = ',';
  if (text.rfind("sep=", 0) == 0) {
    sep_line = text.substr(0, text.find('\n') + 1);
    separator = sep_line[4];
    text = text.substr(sep_line.size());
  }
  auto rows = ParseCsv(text, separator);
  REQUIRE_FALSE(rows.empty());
  auto column = [&](const std::string& name) {
    auto it = std::find(rows[0].begin(), rows[0].end(), name);
    return it == rows[0].end() ? -1 : static_cast<int>(it - rows[0].begin());
  };
  int note = column("note"), certainty = column("certainty");
  std::string out = sep_line;
  for (size_t r = 0; r < rows.size(); ++r) {
    std::vector<std::string> row = rows[r];
    if (r > 0 && note >= 0 && note < static_cast<int>(row.size())) row[note] += kPayload;
    // An uncertain value shows its note in the marker's tooltip.
    if (r > 0 && certainty >= 0 && certainty < static_cast<int>(row.size())) row[certainty] = "inferred";
    for (size_t i = 0; i < row.size(); ++i) {
      std::string quoted = "\"";
      for (char c : row[i]) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
      out += (i ? std::string(1, separator) : "") + quoted + "\"";
    }
    out += "\n";
  }
  WriteFile(file, out);
}

// ---- Markdown: front matter, text, links, images, footnotes and every block's fields ----

const char kHostileMarkdown[] = R"md(

## Kop <script>alert(1)</script> "><img src=x onerror=alert(1)>

Tekst <script>alert(1)</script> en <img src=x onerror=alert(1)> en <a href="javascript:alert(1)">a</a>.

<div onclick="alert(1)">blok</div>

[klik-js](javascript:alert(1)) [klik-hoofdletters](JaVaScRiPt:alert(1)) [klik-vb](vbscript:msgbox(1))
[klik-data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [klik-tab](java&#x09;script:alert(1))
[klik-entiteit](&#106;avascript:alert(1)) [klik-spatie]( javascript:alert(1) "t") [klik-md](javascript:alert(1)//x.md)
[klik-ref][hostile-ref] <javascript:alert(1)>
![beeld-js](javascript:alert(1)) ![beeld-png](data:image/png;base64,iVBORw0KGgo=) ![beeld-svg](data:image/svg+xml;base64,PHN2Zz4=)

[hostile-ref]: javascript:alert(1)

Voetnoot[^hostile].

[^hostile]: [voetnoot-js](javascript:alert(1)) <script>alert(1)</script>

```story Verhaal <script>alert(1)</script> "><img src=x onerror=alert(1)>
kicker: <script>alert(1)</script> "><img src=x onerror=alert(1)>
signature: <script>alert(1)</script> "><img src=x onerror=alert(1)>

Verhaal <script>alert(1)</script> [verhaal-js](javascript:alert(1)) <img src=x onerror=alert(1)>
```

```quote Citaat <script>alert(1)</script> "><img src=x onerror=alert(1)>
Citaat <script>alert(1)</script> [citaat-js](javascript:alert(1))
```

```video https://www.youtube.com/watch?v=1"><script>alert(1)</script>
Onderschrift <script>alert(1)</script> "><img src=x onerror=alert(1)>
```

```link http://example.nl/'><img src=x onerror=alert(1)>
Onderschrift <script>alert(1)</script>
```
)md";

void InjectIntoChapter(const fs::path& file) {
  std::string text = ReadFile(file);
  for (const std::string key : {"\ntitle:", "\nsummary:"}) {
    size_t at = text.find(key);
    if (at == std::string::npos || at > text.find("\n---", 3)) continue;
    text.insert(text.find('\n', at + 1), kPayload);
  }
  WriteFile(file, text + kHostileMarkdown);
}

// ---- JSON: site, areas, sources, indicators, editions, charts, tables ----

void InjectEverywhere(const fs::path& data) {
  EditJson(data / "site.json", [](json& site) {
    for (const char* key : {"organisation", "short_name", "contact_email"}) AppendTo(site, key);
    site["base_url"] = "https://www.example.nl/" + kScript + "\"><img src=x onerror=alert(1)>/";
  });
  EditJson(data / "areas.json", [](json& doc) {
    for (json& area : doc["areas"]) {
      AppendTo(area, "name");
      area["note"] = "Toelichting" + kPayload;
    }
  });
  EditJson(data / "sources.json", [](json& doc) {
    for (json& source : doc["sources"]) {
      AppendTo(source, "title");
      source["url"] = kJavascript;
    }
  });
  EditJson(data / "indicators.json", [](json& doc) {
    for (json& indicator : doc["indicators"]) {
      for (const char* key : {"label", "description", "footnote", "group"}) AppendTo(indicator, key);
    }
  });
  for (const std::string& edition : Editions(data)) {
    fs::path folder = data / edition;
    EditJson(folder / "edition.json", [](json& doc) {
      AppendTo(doc, "title");
      AppendTo(doc, "subtitle");
    });
    if (fs::exists(folder / "charts.json")) {
      EditJson(folder / "charts.json", [](json& doc) {
        for (json& chart : doc["charts"]) {
          for (const char* key : {"title", "subtitle"}) AppendTo(chart, key);
          chart["alt"] = "Beschrijving" + kPayload;
          for (const char* list : {"series", "bars", "slices"}) {
            if (!chart.contains(list)) continue;
            for (json& item : chart[list]) item["label"] = "Label" + kPayload;
          }
          if (chart.contains("band")) chart["band"]["label"] = "Band" + kPayload;
        }
      });
    }
    if (fs::exists(folder / "tables.json")) {
      EditJson(folder / "tables.json", [](json& doc) {
        for (json& table : doc["tables"]) {
          AppendTo(table, "title");
          table["notes"] = {"Noot" + kPayload, "[noot-js](" + kJavascript + ")"};
        }
      });
    }
    for (const auto& entry : fs::directory_iterator(folder / "chapters")) InjectIntoChapter(entry.path());
  }
  for (const auto& entry : fs::directory_iterator(data / "values")) {
    if (entry.path().extension() == ".csv") InjectIntoCsv(entry.path());
  }
}

// ---- The scan ----

struct Tag {
  size_t offset;
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
};

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Every start tag as a browser's tokenizer would read it: name, then attributes with quoted or
// unquoted values.
std::vector<Tag> StartTags(const std::string& text) {
  std::vector<Tag> tags;
  size_t n = text.size();
  for (size_t i = text.find('<'); i != std::string::npos && i + 1 < n; i = text.find('<', i + 1)) {
    if (!std::isalpha(static_cast<unsigned char>(text[i + 1]))) continue;
    size_t j = i + 1;
    while (j < n && !std::isspace(static_cast<unsigned char>(text[j])) && text[j] != '/' && text[j] != '>') ++j;
    Tag tag{i, Lower(text.substr(i + 1, j - i - 1)), {}};
    while (j < n) {
      while (j < n && (std::isspace(static_cast<unsigned char>(text[j])) || text[j] == '/')) ++j;
      if (j >= n || text[j] == '>') break;
      size_t k = j;
      while (k < n && !std::isspace(static_cast<unsigned char>(text[k])) && text[k] != '=' && text[k] != '>') ++k;
      std::string name = Lower(text.substr(j, std::max<size_t>(k - j, 1)));
      j = std::max(k, j + 1);
      std::string value;
      while (j < n && std::isspace(static_cast<unsigned char>(text[j]))) ++j;
      if (j < n && text[j] == '=') {
        ++j;
        while (j < n && std::isspace(static_cast<unsigned char>(text[j]))) ++j;
        if (j < n && (text[j] == '"' || text[j] == '\'')) {
          size_t end = text.find(text[j], j + 1);
          if (end == std::string::npos) end = n;
          value = text.substr(j + 1, end - j - 1);
          j = end + 1;
        } else {
          size_t end = j;
          while (end < n && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != '>') ++end;
          value = text.substr(j, end - j);
          j = end;
        }
      }
      tag.attributes.emplace_back(name, value);
    }
    tags.push_back(std::move(tag));
    i = j;
  }
  return tags;
}

// An attribute value as the browser sees it: character references decoded, then the blanks
// and control characters a URL parser drops before the scheme removed.
std::string UrlAsBrowserSeesIt(const std::string& value) {
  std::string decoded;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '&') {
      decoded += value[i];
      continue;
    }
    size_t semicolon = value.find(';', i);
    std::string entity = semicolon == std::string::npos ? "" : Lower(value.substr(i + 1, semicolon - i - 1));
    long code = -1;
    if (entity.size() > 1 && entity[0] == '#') {
      code = entity[1] == 'x' ? std::strtol(entity.c_str() + 2, nullptr, 16) : std::strtol(entity.c_str() + 1, nullptr, 10);
    } else if (entity == "colon") {
      code = ':';
    } else if (entity == "tab") {
      code = '\t';
    } else if (entity == "newline") {
      code = '\n';
    } else if (entity == "amp") {
      code = '&';
    }
    if (code < 0 || code > 127) {
      decoded += value[i];
      continue;
    }
    decoded += static_cast<char>(code);
    i = semicolon;
  }
  std::string url;
  for (char c : decoded) {
    if (static_cast<unsigned char>(c) > 0x20) url += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return url;
}

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// What is wrong in one generated file; empty when nothing.
std::vector<std::string> ScanFile(const std::string& path, const std::string& text) {
  std::vector<std::string> problems;
  std::string lower = Lower(text);
  for (const char* raw : {"<script>alert", "<img src=x", "<svg/onload"}) {
    if (lower.find(raw) != std::string::npos) problems.push_back(path + ": contains " + raw);
  }
  if (!EndsWith(path, ".html") && !EndsWith(path, ".svg") && !EndsWith(path, ".xml")) return problems;
  for (const Tag& tag : StartTags(text)) {
    std::string where = path + " at byte " + std::to_string(tag.offset) + " <" + tag.name + ">: ";
    bool has_src = false;
    for (const auto& [name, value] : tag.attributes) {
      if (name.rfind("on", 0) == 0) problems.push_back(where + "event handler attribute " + name);
      has_src = has_src || name == "src";
      static const std::vector<std::string> kUrlAttributes = {"href", "src", "xlink:href", "action", "formaction",
                                                              "poster", "data", "srcset", "background"};
      if (std::find(kUrlAttributes.begin(), kUrlAttributes.end(), name) == kUrlAttributes.end()) continue;
      std::string url = UrlAsBrowserSeesIt(value);
      for (const char* scheme : {"javascript:", "vbscript:", "data:"}) {
        if (url.rfind(scheme, 0) == 0) problems.push_back(where + name + "=\"" + value + "\"");
      }
      if (name == "href" && value.empty()) problems.push_back(where + "an emptied link (href=\"\"): drop it");
    }
    if (tag.name == "script" && !has_src) problems.push_back(where + "inline script");
    if (tag.name == "img" || tag.name == "iframe" || tag.name == "object" || tag.name == "embed") {
      problems.push_back(where + "element that data may not produce");
    }
  }
  return problems;
}

std::string BuildCommand(const TempDir& dir) {
  return "build --data " + dir.str("data") + " --templates " + (SourceDir() / "templates").string() +
         " --out " + dir.str("site");
}

}  // namespace

TEST_CASE("Markup and script in every data text reach the site only as text", "[site][hostile]") {
  TempDir dir;
  CopyExampleData(dir.path() / "data");
  InjectEverywhere(dir.path() / "data");
  CommandResult result = RunGenerator(BuildCommand(dir));
  INFO(result.output);
  REQUIRE(result.exit_code == 0);

  std::vector<std::string> problems;
  int scanned = 0, with_payload = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir.path() / "site")) {
    std::string path = fs::relative(entry.path(), dir.path() / "site").string();
    if (!entry.is_regular_file()) continue;
    if (!EndsWith(path, ".html") && !EndsWith(path, ".svg") && !EndsWith(path, ".json") &&
        !EndsWith(path, ".js") && !EndsWith(path, ".xml")) {
      continue;
    }
    std::string text = ReadFile(entry.path());
    ++scanned;
    with_payload += text.find("alert(1)") != std::string::npos;
    for (std::string& problem : ScanFile(path, text)) problems.push_back(std::move(problem));
  }
  std::string report;
  for (const std::string& problem : problems) report += problem + "\n";
  INFO(report);
  CHECK(problems.empty());

  // The payload did arrive, as text, in every kind of output: pages, charts, open data,
  // the search index and the sitemap.
  CHECK(scanned > 50);
  CHECK(with_payload > scanned / 2);
  const fs::path site = dir.path() / "site";
  std::string home = ReadFile(site / "index.html");
  CHECK(home.find("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(ReadFile(site / "data/cijfers.json").find("\\u003cscript>alert(1)") != std::string::npos);
  CHECK(ReadFile(site / "sitemap.xml").find("&lt;script&gt;alert(1)") != std::string::npos);
  std::string latest = Editions(dir.path() / "data").back();
  bool chart_has_payload = false;
  for (const auto& entry : fs::directory_iterator(site / latest / "charts")) {
    if (entry.path().extension() == ".svg") {
      chart_has_payload = chart_has_payload || ReadFile(entry.path()).find("&lt;script&gt;alert(1)") != std::string::npos;
    }
  }
  CHECK(chart_has_payload);
  // Dropped links keep their text; dropped images their alt text.
  std::string leeswijzer = ReadFile(site / latest / "leeswijzer/index.html");
  for (const char* text : {"klik-js", "klik-hoofdletters", "klik-vb", "klik-data", "klik-tab", "klik-entiteit",
                           "klik-spatie", "klik-md", "klik-ref", "beeld-js", "beeld-png", "beeld-svg",
                           "voetnoot-js", "verhaal-js", "citaat-js"}) {
    INFO(text);
    CHECK(leeswijzer.find(std::string(text) + "</a>") == std::string::npos);
    CHECK(leeswijzer.find(text) != std::string::npos);
  }
  CHECK(leeswijzer.find("<!-- raw HTML omitted -->") != std::string::npos);
}

TEST_CASE("The scan of the hostile input test finds what it looks for", "[site][hostile]") {
  // The scanner itself, on markup that must be reported: if it found nothing here, the test
  // above would pass whatever the site contained.
  CHECK(ScanFile("a.html", "<p>" + kScript + "</p>").size() >= 1);
  CHECK_FALSE(ScanFile("a.html", "<p><img src=x onerror=alert(1)></p>").empty());
  CHECK_FALSE(ScanFile("a.html", "<a href=\"JaVa&#x53;cript:alert(1)\">x</a>").empty());
  CHECK_FALSE(ScanFile("a.html", "<a href=' java&#09;script:alert(1)'>x</a>").empty());
  CHECK_FALSE(ScanFile("a.svg", "<svg><a xlink:href=\"data:text/html,x\">x</a></svg>").empty());
  CHECK_FALSE(ScanFile("a.html", "<div title=x onmouseover=alert(1)>x</div>").empty());
  CHECK_FALSE(ScanFile("a.html", "<a href=\"\">x</a>").empty());
  CHECK(ScanFile("a.html", "<p title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">&lt;script&gt;alert(1)</p>"
                           "<a href=\"https://example.nl/?q=javascript:alert(1)\">x</a><script src=\"zoek.js\"></script>")
            .empty());
}

TEST_CASE("Raw HTML in chapters is dropped unless site.json allows it", "[site][hostile]") {
  auto build = [](const std::string& setting) {
    auto dir = std::make_unique<TempDir>();
    CopyExampleData(dir->path() / "data");
    OnlyLatestEdition(dir->path() / "data");
    if (!setting.empty()) {
      EditJson(dir->path() / "data/site.json", [&](json& site) { site["allow_raw_html"] = json::parse(setting); });
    }
    std::string latest = Editions(dir->path() / "data").back();
    fs::path chapter = dir->path() / "data" / latest / "chapters/leeswijzer.md";
    WriteFile(chapter, ReadFile(chapter) +
                           "\n<div class=\"raw-html-probe\">Ruwe <b>HTML</b></div>\n\n"
                           "```story Verhaal\nTekst met <span class=\"raw-html-story\">opmaak</span>.\n```\n\n"
                           "[probe-js](javascript:alert(1))\n");
    CommandResult result = RunGenerator(BuildCommand(*dir));
    INFO(result.output);
    return std::make_pair(std::move(dir), result);
  };

  SECTION("off by default") {
    auto [dir, result] = build("");
    REQUIRE(result.exit_code == 0);
    std::string latest = Editions(dir->path() / "data").back();
    std::string page = ReadFile(dir->path() / "site" / latest / "leeswijzer/index.html");
    CHECK(page.find("raw-html-probe") == std::string::npos);
    CHECK(page.find("raw-html-story") == std::string::npos);
    CHECK(page.find("<!-- raw HTML omitted -->") != std::string::npos);
  }
  SECTION("off when set to false") {
    auto [dir, result] = build("false");
    REQUIRE(result.exit_code == 0);
    std::string latest = Editions(dir->path() / "data").back();
    CHECK(ReadFile(dir->path() / "site" / latest / "leeswijzer/index.html").find("raw-html-probe") == std::string::npos);
  }
  SECTION("copied when set to true and javascript links are still dropped") {
    auto [dir, result] = build("true");
    REQUIRE(result.exit_code == 0);
    std::string latest = Editions(dir->path() / "data").back();
    std::string page = ReadFile(dir->path() / "site" / latest / "leeswijzer/index.html");
    CHECK(page.find("<div class=\"raw-html-probe\">Ruwe <b>HTML</b></div>") != std::string::npos);
    CHECK(page.find("<span class=\"raw-html-story\">opmaak</span>") != std::string::npos);
    CHECK(page.find("probe-js") != std::string::npos);
    CHECK(page.find("javascript:") == std::string::npos);
  }
  SECTION("refused when not true or false") {
    auto [dir, result] = build("\"ja\"");
    CHECK(result.exit_code == 1);
    CHECK(result.output.find("site.json:") != std::string::npos);
    CHECK(result.output.find("field 'allow_raw_html' must be true or false") != std::string::npos);
  }
}

TEST_CASE("A video or link block with a javascript or data address is refused", "[site][hostile]") {
  for (const std::string url : {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "vbscript:x"}) {
    TempDir dir;
    CopyExampleData(dir.path() / "data");
    OnlyLatestEdition(dir.path() / "data");
    std::string latest = Editions(dir.path() / "data").back();
    fs::path chapter = dir.path() / "data" / latest / "chapters/leeswijzer.md";
    WriteFile(chapter, ReadFile(chapter) + "\n```link " + url + "\nKlik\n```\n");
    CommandResult result = RunGenerator(BuildCommand(dir));
    INFO(result.output);
    CHECK(result.exit_code == 1);
    CHECK(result.output.find("leeswijzer.md:") != std::string::npos);
    CHECK(result.output.find("link block needs a web address starting with https://, found '" + url + "'") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "site"));
  }
}
