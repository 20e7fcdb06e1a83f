#pragma once
// What a build leaves for the next one, in the output folder's marker file: the content hash of
// every published file, the source fingerprint of every painted picture, and every figure as
// shown. The next build reuses pictures whose source is unchanged and reports what changed.

#include <map>
#include <string>
#include <tuple>

namespace jv::site {

struct BuildRecord {
  std::map<std::string, std::string> files;     ///< path -> content hash
  std::map<std::string, std::string> pictures;  ///< path -> hash of what it was painted from
  /// (indicator, area, year) -> the figure as shown ("98,8%", "800–1.000", "–")
  std::map<std::tuple<std::string, std::string, int>, std::string> values;

  std::string Serialize() const;
  /// The record in `text`; an empty record when the text is not one (an older marker, or a
  /// damaged file), so the build then renders everything.
  static BuildRecord Parse(const std::string& text);
};

/// 16 hex digits of XXH3 over `bytes`.
std::string ContentHash(const std::string& bytes);

}  // namespace jv::site
