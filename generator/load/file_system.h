#pragma once
// All disk reads of the generator go through here: files are only read below a given root
// folder, and a path that leaves it (.., absolute, or a symbolic link pointing out) is refused.

#include <string>
#include <vector>

#include "base/status.h"

namespace jv::load {

class Folder {
 public:
  /// `root` must exist and be a directory.
  static Result<Folder> Open(const std::string& root);

  /// Reads `relative` (e.g. "values/a.csv"). Error when missing or outside the folder.
  Result<std::string> Read(const std::string& relative) const;
  bool Exists(const std::string& relative) const;
  /// Regular files directly in `relative_dir` whose names end in `suffix`, sorted by name.
  std::vector<std::string> List(const std::string& relative_dir, const std::string& suffix) const;
  /// Every regular file below `relative_dir`, recursively, as paths relative to the root, sorted.
  std::vector<std::string> ListRecursive(const std::string& relative_dir) const;
  /// The path as shown in messages: root/relative.
  std::string Display(const std::string& relative) const;

 private:
  explicit Folder(std::string root, std::string canonical_root);
  Status CheckInside(const std::string& relative) const;

  std::string root_;
  std::string canonical_root_;
};

}  // namespace jv::load
