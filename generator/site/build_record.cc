#include "site/build_record.h"

#include <xxhash.h>

#include <cstdio>

#include "base/text.h"

namespace jv::site {
namespace {

// Line-based, tab-separated: paths, ids and shown figures never hold tabs or newlines.
constexpr char kHeader[] = "jaarverslag build record 1";

}  // namespace

std::string ContentHash(const std::string& bytes) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(XXH3_64bits(bytes.data(), bytes.size())));
  return hex;
}

std::string BuildRecord::Serialize() const {
  std::string out = std::string(kHeader) + "\n";
  for (const auto& [path, hash] : files) out += "file\t" + path + "\t" + hash + "\n";
  for (const auto& [path, hash] : pictures) out += "picture\t" + path + "\t" + hash + "\n";
  for (const auto& [key, shown] : values) {
    const auto& [indicator, area, year] = key;
    out += "value\t" + indicator + "\t" + area + "\t" + std::to_string(year) + "\t" + shown + "\n";
  }
  return out;
}

BuildRecord BuildRecord::Parse(const std::string& text) {
  std::vector<std::string> lines = Split(text, '\n');
  if (lines.empty() || lines[0] != kHeader) return {};
  BuildRecord record;
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    std::vector<std::string> f = Split(lines[i], '\t');
    if (f[0] == "file" && f.size() == 3) {
      record.files[f[1]] = f[2];
    } else if (f[0] == "picture" && f.size() == 3) {
      record.pictures[f[1]] = f[2];
    } else if (f[0] == "value" && f.size() == 5 && !f[3].empty() &&
               f[3].find_first_not_of("0123456789") == std::string::npos && f[3].size() < 6) {
      record.values[{f[1], f[2], std::stoi(f[3])}] = f[4];
    } else {
      return {};
    }
  }
  return record;
}

}  // namespace jv::site
