#include "markdown/figure_references.h"

#include "base/text.h"

namespace jv::markdown {
namespace {

std::string EscapeMarkdown(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::ispunct(static_cast<unsigned char>(c))) out += '\\';
    out += c;
  }
  return out;
}

int ColumnOf(const std::string& source, size_t pos) {
  size_t line_start = source.rfind('\n', pos == 0 ? 0 : pos - 1);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  int column = 1;
  for (size_t i = line_start; i < pos; ++i) {
    if ((static_cast<unsigned char>(source[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

}  // namespace

std::string ReplaceFigureReferences(
    const std::string& source, const Location& start,
    const std::function<Result<std::string>(const std::string&, const Location&)>& resolve,
    std::vector<Diagnostic>* diagnostics) {
  std::string out;
  out.reserve(source.size());
  int line = start.line;
  size_t pos = 0;
  while (pos < source.size()) {
    size_t open = source.find("{{", pos);
    size_t segment_end = open == std::string::npos ? source.size() : open;
    for (size_t i = pos; i < segment_end; ++i) line += source[i] == '\n';
    out.append(source, pos, segment_end - pos);
    if (open == std::string::npos) break;
    Location where{start.file, line, ColumnOf(source, open)};
    size_t close = source.find("}}", open + 2);
    size_t newline = source.find('\n', open);
    if (close == std::string::npos || (newline != std::string::npos && newline < close)) {
      diagnostics->push_back({Diagnostic::Severity::kError, where,
                              "figure reference '{{' is not closed with '}}' on the same line"});
      out += "{{";
      pos = open + 2;
      continue;
    }
    std::string reference(Trim(std::string_view(source).substr(open + 2, close - open - 2)));
    Result<std::string> text = resolve(reference, where);
    if (text.ok()) {
      out += EscapeMarkdown(*text);
    } else {
      for (const Diagnostic& d : text.status().diagnostics()) diagnostics->push_back(d);
    }
    pos = close + 2;
  }
  return out;
}

}  // namespace jv::markdown
