#pragma once
// Maps request paths to files of the output folder, the way a static web server would, and
// refuses everything that would leave the folder.

#include <string>

namespace jv::serve {

/// What to answer for a request path.
struct Resolved {
  enum class Kind {
    kFile,       ///< serve `file`
    kRedirect,   ///< a folder asked for without its "/": redirect to path + "/"
    kNotFound,   ///< 404
    kForbidden,  ///< 403: the path tries to leave the folder or is malformed
  };
  Kind kind = Kind::kNotFound;
  std::string file;  ///< absolute, symbolic links resolved; for kFile
};

/// Resolves `path` (already percent-decoded, e.g. "/2023/" or "/assets/style.css") below
/// `root`. A path ending in "/" means that folder's index.html. Forbidden: a path that does
/// not start with "/", or has an empty, "." or ".." segment (so "//etc/passwd" and an encoded
/// "%2e%2e" once decoded), a backslash or a NUL byte, and any file or folder that, with
/// symbolic links resolved, lies outside `root`.
Resolved ResolveRequestPath(const std::string& root, const std::string& path);

/// The Content-Type for a file name ("index.html" -> "text/html; charset=utf-8");
/// application/octet-stream for unknown extensions.
std::string MimeType(const std::string& file_name);

/// Whether responses of this file get the live-reload script: HTML pages only.
bool IsHtml(const std::string& file_name);

}  // namespace jv::serve
