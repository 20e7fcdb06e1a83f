#include "site/build_record.h"

#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <string_view>

#include "base/text.h"

namespace jv::site {
namespace {

// Line-based, tab-separated. Free text (anchors, file names) is escaped so that it holds no tab
// or newline; ids and read keys never do.
constexpr char kHeader[] = "jaarverslag build record 3";

std::string Escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string Unescape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out += text[i];
      continue;
    }
    char c = text[++i];
    out += c == 't' ? '\t' : c == 'n' ? '\n' : c;
  }
  return out;
}

bool IsNumber(const std::string& text, size_t max_digits) {
  return !text.empty() && text.size() <= max_digits && text.find_first_not_of("0123456789") == std::string::npos;
}

// Doubles as text that reads back as the same double.
std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

std::optional<double> ParseNumber(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::string BuildRecord::Serialize() const {
  std::string out;
  // One line: the fields separated by tabs. Appended in place: the record has thousands of
  // lines, and concatenated temporaries made writing it a noticeable part of a small rebuild.
  auto line = [&out](std::initializer_list<std::string_view> fields) {
    for (const std::string_view& field : fields) out.append(field) += '\t';
    out.back() = '\n';
  };
  out.reserve(64 * (files.size() + pictures.size() + read_hashes.size() + values.size()) + 4096);
  out += std::string(kHeader) + "\n";
  if (!inputs.empty()) line({"inputs", inputs});
  for (const auto& [path, file] : files) line({"file", path, file.hash, std::to_string(file.size)});
  for (const auto& [path, hash] : pictures) line({"picture", path, hash});
  for (const auto& [output, keys] : reads) {
    out.append("reads\t") += output;
    for (const std::string& key : keys) (out += '\t') += key;
    out += '\n';
  }
  for (const auto& [key, hash] : read_hashes) line({"read", key, hash});
  for (const auto& [path, facts] : chapters) {
    line({"chapter", path});
    for (const std::string& anchor : facts.anchors) line({"anchor", path, Escape(anchor)});
    for (const SectionLink& link : facts.links) {
      line({"link", path, Escape(link.chapter), Escape(link.anchor), Escape(link.where.file),
            std::to_string(link.where.line), std::to_string(link.where.column)});
    }
  }
  for (const auto& [path, frame] : charts) {
    line({"chart", path, Number(frame.width), Number(frame.height)});
    for (const charts::Hotspot& spot : frame.hotspots) {
      line({"hotspot", path, std::to_string(spot.category), Number(spot.x), Number(spot.y), Number(spot.width),
            Number(spot.height)});
    }
  }
  for (const auto& [key, shown] : values) {
    const auto& [indicator, area, year] = key;
    line({"value", indicator, area, std::to_string(year), shown});
  }
  return out;
}

BuildRecord BuildRecord::Parse(const std::string& text) {
  std::string_view rest(text);
  auto next_line = [&rest] {
    size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    return line;
  };
  if (next_line() != kHeader) return {};
  BuildRecord record;
  std::vector<std::string> f;  // the fields of one line, reused: the record has thousands
  while (!rest.empty()) {
    std::string_view line = next_line();
    if (line.empty()) continue;
    f.clear();
    for (size_t start = 0;;) {
      size_t tab = line.find('\t', start);
      f.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    const std::string& kind = f[0];
    if (kind == "inputs" && f.size() == 2) {
      record.inputs = f[1];
    } else if (kind == "file" && f.size() == 4 && IsNumber(f[3], 15)) {
      record.files[f[1]] = {f[2], static_cast<size_t>(std::stoull(f[3]))};
    } else if (kind == "picture" && f.size() == 3) {
      record.pictures[f[1]] = f[2];
    } else if (kind == "reads" && f.size() >= 2) {
      record.reads[f[1]].assign(std::make_move_iterator(f.begin() + 2), std::make_move_iterator(f.end()));
    } else if (kind == "read" && f.size() == 3) {
      record.read_hashes[f[1]] = f[2];
    } else if (kind == "chapter" && f.size() == 2) {
      record.chapters[f[1]];
    } else if (kind == "anchor" && f.size() == 3) {
      record.chapters[f[1]].anchors.push_back(Unescape(f[2]));
    } else if (kind == "link" && f.size() == 7 && IsNumber(f[5], 9) && IsNumber(f[6], 9)) {
      record.chapters[f[1]].links.push_back(
          {Unescape(f[2]), Unescape(f[3]), {Unescape(f[4]), std::stoi(f[5]), std::stoi(f[6])}});
    } else if (kind == "chart" && f.size() == 4 && ParseNumber(f[2]) && ParseNumber(f[3])) {
      record.charts[f[1]] = {*ParseNumber(f[2]), *ParseNumber(f[3]), {}};
    } else if (kind == "hotspot" && f.size() == 7 && record.charts.count(f[1]) && IsNumber(f[2], 9) &&
               ParseNumber(f[3]) && ParseNumber(f[4]) && ParseNumber(f[5]) && ParseNumber(f[6])) {
      record.charts[f[1]].hotspots.push_back({std::stoul(f[2]), *ParseNumber(f[3]), *ParseNumber(f[4]),
                                              *ParseNumber(f[5]), *ParseNumber(f[6])});
    } else if (kind == "value" && f.size() == 5 && IsNumber(f[3], 5)) {
      record.values[{f[1], f[2], std::stoi(f[3])}] = f[4];
    } else {
      return {};
    }
  }
  return record;
}

}  // namespace jv::site
