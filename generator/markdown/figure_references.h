#pragma once
// Replaces `{{ … }}` figure references in Markdown source before it is parsed.

#include <functional>
#include <string>
#include <vector>

#include "base/status.h"

namespace jv::markdown {

/// Replaces every `{{reference}}` with the resolver's text, backslash-escaping Markdown
/// punctuation so a value such as "+96%" at the start of a line stays text. Problems (an
/// unclosed `{{`, a reference the resolver rejects) are appended to `diagnostics`.
std::string ReplaceFigureReferences(
    const std::string& source, const Location& start,
    const std::function<Result<std::string>(const std::string&, const Location&)>& resolve,
    std::vector<Diagnostic>* diagnostics);

}  // namespace jv::markdown
