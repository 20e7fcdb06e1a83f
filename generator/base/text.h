#pragma once
// Small text helpers shared by every stage.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jv {

/// Escapes & < > " ' for HTML and XML text and attribute values, and drops control characters
/// that neither allows.
std::string EscapeHtml(std::string_view text);

/// `text` as a JSON string literal, quotes included. Also safe inside a <script> element:
/// "<" is written as \u003c, so text cannot close the element.
std::string JsonString(std::string_view text);

/// Whether `text` ends in `suffix`.
bool EndsWith(std::string_view text, std::string_view suffix);

/// Splits on `sep`, keeping empty fields.
std::vector<std::string> Split(std::string_view text, char sep);

/// Removes ASCII white space at both ends.
std::string_view Trim(std::string_view text);

/// True when `id` is a valid identifier: [a-z0-9] and '-', not starting with '-'.
bool IsIdentifier(std::string_view id);

/// The 1-based line and column (in characters, not UTF-8 bytes) of byte `offset` in `text`.
std::pair<int, int> LineColumnAt(std::string_view text, size_t offset);

/// The byte offset of the first byte that does not start a well-formed UTF-8 character
/// (overlong forms, surrogates and code points above U+10FFFF count as ill-formed), or npos
/// when all of `text` is valid UTF-8.
size_t FindInvalidUtf8(std::string_view text);

/// Levenshtein distance, for "did you mean" suggestions.
int EditDistance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, or "" when none is close enough to suggest.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace jv
