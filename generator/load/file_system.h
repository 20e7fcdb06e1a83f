#pragma once
// All disk reads of the generator go through here: files are only read below a given root
// folder, and a path that leaves it (.., absolute, or a symbolic link pointing out) is refused.

#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "load/load_memo.h"

namespace jv::load {

class Folder {
 public:
  /// `root` must exist and be a directory. `max_file_bytes` (0: no limit) is the largest file
  /// Read accepts, so a huge input gives a clear error instead of exhausting memory.
  static Result<Folder> Open(const std::string& root, size_t max_file_bytes = 0);

  /// Reads `relative` (e.g. "values/a.csv"). Error when missing, not a regular file, larger
  /// than the limit, or outside the folder (an absolute path, a path through "..", or a
  /// symbolic link pointing out); the message names the path as written.
  Result<std::string> Read(const std::string& relative) const;
  /// Whether anything is at `relative` (a file, a folder or a link, also one pointing out of
  /// the folder), so that a caller that reads optional files reports such a file through Read
  /// instead of silently skipping it.
  bool Exists(const std::string& relative) const;
  /// Regular files directly in `relative_dir` whose names end in `suffix`, sorted by name.
  std::vector<std::string> List(const std::string& relative_dir, const std::string& suffix) const;
  /// Every regular file below `relative_dir`, recursively, as paths relative to the root, sorted.
  std::vector<std::string> ListRecursive(const std::string& relative_dir) const;
  /// The path as shown in messages: root/relative.
  std::string Display(const std::string& relative) const;
  /// Every file Read so far (relative path -> ContentHash of its bytes): what the result of
  /// loading depends on.
  const std::map<std::string, std::string>& files_read() const { return files_read_; }

  /// While set (not null), Read and Exists append the question they answered to `accesses`.
  void RecordAccesses(std::vector<FileAccess>* accesses) const { accesses_ = accesses; }
  /// Whether the folder gives the same answer to `access` now (a read counts as one).
  bool AnswersTheSame(const FileAccess& access) const;

 private:
  Folder(std::string root, std::string canonical_root, size_t max_file_bytes);
  Status CheckInside(const std::string& relative) const;
  Result<std::string> ReadBytes(const std::string& relative) const;

  std::string root_;
  std::string canonical_root_;
  size_t max_file_bytes_ = 0;
  mutable std::map<std::string, std::string> files_read_;
  mutable std::vector<FileAccess>* accesses_ = nullptr;
};

}  // namespace jv::load
