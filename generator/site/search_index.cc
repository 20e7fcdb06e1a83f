#include "site/search_index.h"

#include <optional>
#include <string_view>

#include "base/parallel.h"
#include "base/text.h"

namespace jv::site {
namespace {

constexpr char kStart[] = "window.JV_SEARCH_INDEX = [\n";

// The JSON string starting at `text[*pos]` (its opening quote), as JsonString writes them;
// *pos moves past its closing quote. nullopt for anything else.
std::optional<std::string> ReadJsonString(std::string_view text, size_t* pos) {
  if (*pos >= text.size() || text[*pos] != '"') return std::nullopt;
  std::string out;
  for (size_t i = *pos + 1; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      *pos = i + 1;
      return out;
    }
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i == text.size()) return std::nullopt;
    switch (text[i]) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {  // JsonString writes \u only for ASCII ('<' and control characters)
        if (i + 4 >= text.size()) return std::nullopt;
        std::string_view hex = text.substr(i + 1, 4);
        if (hex.find_first_not_of("0123456789abcdef") != std::string_view::npos) return std::nullopt;
        unsigned code = std::stoul(std::string(hex), nullptr, 16);
        if (code >= 0x80) return std::nullopt;
        out += static_cast<char>(code);
        i += 4;
        break;
      }
      default: return std::nullopt;
    }
  }
  return std::nullopt;
}

bool Expect(std::string_view text, size_t* pos, std::string_view what) {
  if (text.substr(*pos, what.size()) != what) return false;
  *pos += what.size();
  return true;
}

}  // namespace

bool IsSearchIndexPath(const std::string& path) {
  return path.rfind(std::string(kSearchFolder) + "zoekindex.", 0) == 0 && EndsWith(path, ".js");
}

std::string SearchIndexScript(const std::vector<SearchEntry>& entries, int jobs) {
  std::vector<std::string> lines(entries.size());
  ParallelFor(jobs, entries.size(), [&](size_t i) {
    const SearchEntry& entry = entries[i];
    std::string& out = lines[i];
    out.reserve(entry.title.size() + entry.href.size() + entry.text.size() + 64);
    out.append("{\"title\": ").append(JsonString(entry.title));
    out.append(", \"href\": ").append(JsonString(entry.href));
    out.append(", \"text\": ").append(JsonString(entry.text)).append("}");
  });
  size_t size = 64;
  for (const std::string& line : lines) size += line.size() + 2;
  std::string index;
  index.reserve(size);
  index += kStart;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i) index += ",\n";
    index += lines[i];
  }
  index += "\n];\n";
  return index;
}

std::map<std::string, std::string> SearchTexts(const std::string& script) {
  std::map<std::string, std::string> texts;
  std::string_view text(script);
  if (text.substr(0, sizeof kStart - 1) != kStart) return texts;
  for (size_t line = sizeof kStart - 1; line < text.size();) {
    size_t end = text.find('\n', line);
    if (end == std::string_view::npos) break;
    std::string_view entry = text.substr(line, end - line);
    line = end + 1;
    size_t pos = 0;
    std::optional<std::string> title, href, body;
    if (Expect(entry, &pos, "{\"title\": ") && (title = ReadJsonString(entry, &pos)) &&
        Expect(entry, &pos, ", \"href\": ") && (href = ReadJsonString(entry, &pos)) &&
        Expect(entry, &pos, ", \"text\": ") && (body = ReadJsonString(entry, &pos)) &&
        Expect(entry, &pos, "}")) {
      texts[*href] = std::move(*body);
    }
  }
  return texts;
}

}  // namespace jv::site
