#include "serve/static_files.h"

#include <cctype>
#include <filesystem>
#include <map>
#include <vector>

namespace jv::serve {
namespace {

namespace fs = std::filesystem;

// Whether `path` is `root` or below it; both canonical.
bool Inside(const fs::path& root, const fs::path& path) {
  std::string r = root.string();
  std::string p = path.string();
  if (p == r) return true;
  if (r.empty() || r.back() != '/') r += '/';
  return p.rfind(r, 0) == 0;
}

Resolved Answer(Resolved::Kind kind, std::string file = "") { return Resolved{kind, std::move(file)}; }

std::string Extension(const std::string& file_name) {
  size_t slash = file_name.find_last_of('/');
  size_t dot = file_name.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = file_name.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

}  // namespace

Resolved ResolveRequestPath(const std::string& root, const std::string& path) {
  using Kind = Resolved::Kind;
  if (path.empty() || path[0] != '/') return Answer(Kind::kForbidden);
  if (path.find('\0') != std::string::npos || path.find('\\') != std::string::npos) {
    return Answer(Kind::kForbidden);
  }
  // Check every segment before touching the disk, so "..", "." and "//" (an absolute path in
  // disguise) are refused whether or not what they point at exists.
  bool wants_folder = path.back() == '/';
  std::vector<std::string> segments;
  std::string rest = path.substr(1, wants_folder ? path.size() - 2 : std::string::npos);
  if (!(wants_folder && path.size() == 1)) {
    size_t start = 0;
    while (true) {
      size_t slash = rest.find('/', start);
      std::string segment = rest.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
      if (segment.empty() || segment == "." || segment == "..") return Answer(Kind::kForbidden);
      segments.push_back(segment);
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
  }
  std::error_code ec;
  fs::path canonical_root = fs::canonical(root, ec);
  if (ec) return Answer(Kind::kNotFound);
  fs::path target = canonical_root;
  for (const std::string& segment : segments) target /= segment;
  // canonical() resolves symbolic links, so a link pointing out of the folder lands outside.
  fs::path real = fs::canonical(target, ec);
  if (ec) return Answer(Kind::kNotFound);
  if (!Inside(canonical_root, real)) return Answer(Kind::kForbidden);
  if (fs::is_directory(real, ec)) {
    // Relative links on a folder's page only work when its URL ends in "/".
    if (!wants_folder) return Answer(Kind::kRedirect);
    real = fs::canonical(real / "index.html", ec);
    if (ec) return Answer(Kind::kNotFound);
    if (!Inside(canonical_root, real)) return Answer(Kind::kForbidden);
  } else if (wants_folder) {
    return Answer(Kind::kNotFound);
  }
  if (!fs::is_regular_file(real, ec)) return Answer(Kind::kNotFound);
  return Answer(Kind::kFile, real.string());
}

std::string MimeType(const std::string& file_name) {
  static const std::map<std::string, std::string> kTypes = {
      {"html", "text/html; charset=utf-8"}, {"htm", "text/html; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},   {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"}, {"json", "application/json"},
      {"geojson", "application/geo+json"}, {"csv", "text/csv; charset=utf-8"},
      {"txt", "text/plain; charset=utf-8"}, {"xml", "application/xml"},
      {"svg", "image/svg+xml"},             {"png", "image/png"},
      {"jpg", "image/jpeg"},                {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},                 {"webp", "image/webp"},
      {"ico", "image/x-icon"},              {"pdf", "application/pdf"},
      {"otf", "font/otf"},                  {"ttf", "font/ttf"},
      {"woff", "font/woff"},                {"woff2", "font/woff2"},
      {"webmanifest", "application/manifest+json"},
  };
  auto found = kTypes.find(Extension(file_name));
  return found == kTypes.end() ? "application/octet-stream" : found->second;
}

bool IsHtml(const std::string& file_name) {
  std::string ext = Extension(file_name);
  return ext == "html" || ext == "htm";
}

}  // namespace jv::serve
