#pragma once
// The validate stage: checks the loaded model for wrong references, duplicates and impossible
// values. Errors stop the build; warnings are listed and the build goes on.

#include <vector>

#include "base/status.h"
#include "model/model.h"

namespace jv::validate {

/// Every problem found, errors and warnings, in file order. Never stops at the first.
std::vector<Diagnostic> Validate(const model::Project& project);

/// True when any diagnostic is an error.
bool HasErrors(const std::vector<Diagnostic>& diagnostics);

}  // namespace jv::validate
