#include "base/status.h"

namespace jv {

std::string Location::ToString() const {
  std::string out = file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  return out;
}

std::string Diagnostic::ToString() const {
  std::string out = where.ToString();
  if (!out.empty()) out += ": ";
  out += severity == Severity::kError ? "error: " : "warning: ";
  return out + message;
}

Status Status::Error(Location where, std::string message) {
  Status s;
  s.diagnostics_.push_back({Diagnostic::Severity::kError, std::move(where), std::move(message)});
  return s;
}

Status Status::FromDiagnostics(std::vector<Diagnostic> diagnostics) {
  Status s;
  s.diagnostics_ = std::move(diagnostics);
  return s;
}

std::string Status::ToString() const {
  std::string out;
  for (const Diagnostic& d : diagnostics_) out += d.ToString() + "\n";
  return out;
}

Status Status::WithContext(const std::string& context) && {
  for (Diagnostic& d : diagnostics_) d.message += " (" + context + ")";
  return std::move(*this);
}

}  // namespace jv
