#include "load/file_system.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "base/content_hash.h"

namespace fs = std::filesystem;

namespace jv::load {

Folder::Folder(std::string root, std::string canonical_root, size_t max_file_bytes)
    : root_(std::move(root)), canonical_root_(std::move(canonical_root)), max_file_bytes_(max_file_bytes) {}

Result<Folder> Folder::Open(const std::string& root, size_t max_file_bytes) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    return Status::Error({root, 0, 0}, "folder not found");
  }
  std::string canonical = fs::canonical(root, ec).string();
  if (ec) return Status::Error({root, 0, 0}, "cannot open folder: " + ec.message());
  std::string shown = root;
  while (shown.size() > 1 && shown.back() == '/') shown.pop_back();
  return Folder(shown, canonical, max_file_bytes);
}

std::string Folder::Display(const std::string& relative) const {
  return relative.empty() ? root_ : root_ + "/" + relative;
}

Status Folder::CheckInside(const std::string& relative) const {
  fs::path rel(relative);
  if (rel.is_absolute()) {
    return Status::Error({relative, 0, 0}, "refusing an absolute path: name a file inside " + root_ +
                                               "/ with a path relative to that folder");
  }
  std::error_code ec;
  // weakly_canonical resolves symbolic links, so a link pointing out is caught too.
  fs::path resolved = fs::weakly_canonical(fs::path(canonical_root_) / rel, ec);
  std::string resolved_text = resolved.string();
  if (ec || (resolved_text != canonical_root_ &&
             resolved_text.rfind(canonical_root_ + "/", 0) != 0)) {
    fs::path normal = rel.lexically_normal();
    bool climbs = !normal.empty() && *normal.begin() == "..";
    return Status::Error({Display(relative), 0, 0},
                         climbs ? "refusing a path that leads outside " + root_ + "/ (files must be inside that folder)"
                                : "refusing a symbolic link that points outside " + root_ +
                                      "/ (files must be inside that folder)");
  }
  return Status();
}

bool Folder::Exists(const std::string& relative) const {
  std::error_code ec;
  fs::path rel(relative);
  bool exists = fs::exists(fs::symlink_status(rel.is_absolute() ? rel : fs::path(root_) / rel, ec));
  if (accesses_) accesses_->push_back({FileAccess::Kind::kExists, relative, exists ? "1" : "0"});
  return exists;
}

bool Folder::AnswersTheSame(const FileAccess& access) const {
  if (access.kind == FileAccess::Kind::kExists) return Exists(access.path) == (access.answer == "1");
  return Read(access.path).ok() && files_read_.at(access.path) == access.answer;
}

Result<std::string> Folder::Read(const std::string& relative) const {
  Result<std::string> bytes = ReadBytes(relative);
  if (accesses_) accesses_->push_back({FileAccess::Kind::kRead, relative, bytes.ok() ? files_read_[relative] : ""});
  return bytes;
}

Result<std::string> Folder::ReadBytes(const std::string& relative) const {
  JV_RETURN_IF_ERROR(CheckInside(relative));
  fs::path path = fs::path(root_) / relative;
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) return Status::Error({Display(relative), 0, 0}, "file not found");
  // A folder, a named pipe or a device: reading it would fail or never end.
  if (!fs::is_regular_file(status)) {
    return Status::Error({Display(relative), 0, 0}, "not a regular file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error({Display(relative), 0, 0}, "file not found or not readable");
  size_t limit = max_file_bytes_ == 0 ? std::string().max_size() : max_file_bytes_;
  auto too_large = [&] {
    return Status::Error({Display(relative), 0, 0},
                         "file is larger than " +
                             (limit >= (1 << 20) ? std::to_string(limit >> 20) + " MB"
                                                 : std::to_string(limit) + " bytes") +
                             ", the most this program reads from one file; split it or leave out "
                             "what the report does not show");
  };
  uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > limit) return too_large();
  // Read in blocks and stop past the limit: the size may change between the check and the read.
  std::string bytes;
  if (!ec) bytes.reserve(static_cast<size_t>(size));
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<size_t>(in.gcount()));
    if (bytes.size() > limit) return too_large();
  }
  if (in.bad()) return Status::Error({Display(relative), 0, 0}, "cannot read file");
  files_read_[relative] = ContentHash(bytes);
  return bytes;
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
