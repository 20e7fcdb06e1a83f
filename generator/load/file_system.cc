#include "load/file_system.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace jv::load {

Folder::Folder(std::string root, std::string canonical_root)
    : root_(std::move(root)), canonical_root_(std::move(canonical_root)) {}

Result<Folder> Folder::Open(const std::string& root) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    return Status::Error({root, 0, 0}, "folder not found");
  }
  std::string canonical = fs::canonical(root, ec).string();
  if (ec) return Status::Error({root, 0, 0}, "cannot open folder: " + ec.message());
  std::string shown = root;
  while (shown.size() > 1 && shown.back() == '/') shown.pop_back();
  return Folder(shown, canonical);
}

std::string Folder::Display(const std::string& relative) const {
  return relative.empty() ? root_ : root_ + "/" + relative;
}

Status Folder::CheckInside(const std::string& relative) const {
  fs::path rel(relative);
  if (rel.is_absolute()) {
    return Status::Error({Display(""), 0, 0}, "refusing absolute path '" + relative +
                                                  "': files must be inside the folder");
  }
  std::error_code ec;
  // weakly_canonical resolves symbolic links, so a link pointing out is caught too.
  fs::path resolved = fs::weakly_canonical(fs::path(canonical_root_) / rel, ec);
  std::string resolved_text = resolved.string();
  if (ec || (resolved_text != canonical_root_ &&
             resolved_text.rfind(canonical_root_ + "/", 0) != 0)) {
    return Status::Error({Display(relative), 0, 0},
                         "refusing to read a file outside " + root_ + "/");
  }
  return Status();
}

bool Folder::Exists(const std::string& relative) const {
  std::error_code ec;
  return CheckInside(relative).ok() && fs::is_regular_file(fs::path(root_) / relative, ec);
}

Result<std::string> Folder::Read(const std::string& relative) const {
  JV_RETURN_IF_ERROR(CheckInside(relative));
  std::ifstream in(fs::path(root_) / relative, std::ios::binary);
  if (!in) return Status::Error({Display(relative), 0, 0}, "file not found or not readable");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> Folder::List(const std::string& relative_dir,
                                      const std::string& suffix) const {
  std::vector<std::string> names;
  std::error_code ec;
  if (!CheckInside(relative_dir).ok()) return names;
  for (const auto& entry : fs::directory_iterator(fs::path(root_) / relative_dir, ec)) {
    std::string name = entry.path().filename().string();
    if (!entry.is_regular_file(ec) || name.size() < suffix.size() ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) {
      continue;
    }
    names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> Folder::ListRecursive(const std::string& relative_dir) const {
  std::vector<std::string> paths;
  std::error_code ec;
  if (!CheckInside(relative_dir).ok()) return paths;
  fs::path base = fs::path(root_);
  for (auto it = fs::recursive_directory_iterator(base / relative_dir, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (!it->is_regular_file(ec) || it->is_symlink(ec)) continue;
    paths.push_back(fs::relative(it->path(), base).generic_string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace jv::load
