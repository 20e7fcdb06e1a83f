#pragma once
// Error values carried through the pipeline instead of exceptions
// (libraries' exceptions are caught at the stage edge and turned into these).

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace jv {

/// A place in an input file. line and column are 1-based; 0 means "unknown".
struct Location {
  std::string file;
  int line = 0;
  int column = 0;

  /// "file:line:col", "file:line" or "file", whichever parts are known.
  std::string ToString() const;
};

/// One problem found in the input: where, and what is wrong.
struct Diagnostic {
  enum class Severity { kError, kWarning };
  Severity severity = Severity::kError;
  Location where;
  std::string message;

  /// "data/x.json:3:5: error: message".
  std::string ToString() const;
};

/// The outcome of an operation: ok, or one or more diagnostics.
class Status {
 public:
  Status() = default;
  static Status Error(Location where, std::string message);
  static Status FromDiagnostics(std::vector<Diagnostic> diagnostics);

  bool ok() const { return diagnostics_.empty(); }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  /// All diagnostics, one per line.
  std::string ToString() const;
  /// Adds context such as "while rendering chart 'x'" in front of each message.
  Status WithContext(const std::string& context) &&;

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// A value or the Status explaining why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}                 // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}         // NOLINT: must not be ok
  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace jv

#define JV_CONCAT_INNER(a, b) a##b
#define JV_CONCAT(a, b) JV_CONCAT_INNER(a, b)

/// Returns the Status from the enclosing function when it is not ok.
#define JV_RETURN_IF_ERROR(expr)          \
  do {                                    \
    ::jv::Status jv_status_ = (expr);     \
    if (!jv_status_.ok()) return jv_status_; \
  } while (0)

/// `JV_ASSIGN_OR_RETURN(auto x, MakeX());` declares x or returns the error.
#define JV_ASSIGN_OR_RETURN(decl, expr)                              \
  auto JV_CONCAT(jv_result_, __LINE__) = (expr);                     \
  if (!JV_CONCAT(jv_result_, __LINE__).ok())                         \
    return JV_CONCAT(jv_result_, __LINE__).status();                 \
  decl = std::move(JV_CONCAT(jv_result_, __LINE__)).value()
