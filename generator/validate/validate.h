#pragma once
// The validate stage: checks the loaded model for wrong references, duplicates and impossible
// values. Errors stop the build; warnings are listed and the build goes on.

#include <vector>

#include "base/status.h"
#include "model/model.h"

namespace jv::validate {

/// Every problem found, errors and warnings, in file order. Never stops at the first.
std::vector<Diagnostic> Validate(const model::Project& project);

/// The sum rules of rules.json (areas to total, parts to whole, shares to 100): one diagnostic
/// per failing rule and year, at the rule, with the rule's severity; unknown ids are errors.
std::vector<Diagnostic> CheckSums(const model::Project& project);

/// True when any diagnostic is an error.
bool HasErrors(const std::vector<Diagnostic>& diagnostics);

}  // namespace jv::validate
