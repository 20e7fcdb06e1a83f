#pragma once
// Pieces shared by the loader's files; not part of the stage's interface.

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "load/file_system.h"
#include "load/json_document.h"
#include "model/model.h"

namespace jv::load {

/// Reads and parses folder/relative as JSON; a diagnostic and nullopt on failure.
std::optional<JsonDocument> ReadJson(const Folder& folder, const std::string& relative,
                                     std::vector<Diagnostic>* diagnostics);

/// False, with a diagnostic at the first bad byte, when `text` is not valid UTF-8 (JSON files
/// are checked by the JSON parser; CSV and Markdown files by this).
bool CheckUtf8(const std::string& file, const std::string& text, std::vector<Diagnostic>* diagnostics);

/// Reads the field `key` as one of `choices`; `fallback` when absent, a diagnostic when unknown.
template <typename E>
E ReadChoice(ObjectReader& reader, const std::string& key,
             const std::vector<std::pair<std::string, E>>& choices, E fallback) {
  if (!reader.Has(key)) return fallback;
  std::string text = reader.String(key);
  std::string known;
  for (const auto& [name, value] : choices) {
    if (name == text) return value;
    known += (known.empty() ? "" : ", ") + name;
  }
  reader.Error(key, "'" + text + "' is not a valid " + key + " (expected one of: " + known + ")");
  return fallback;
}

/// Loads one part of the project (`name`: the indicators, a values file, an edition folder) with
/// `load`, which appends to `items`; or, when `memo` (may be null) holds the part and every file
/// access loading it made answers the same now, appends what the memo holds instead.
template <typename T, typename Load>
void LoadPart(const Folder& folder, std::map<std::string, LoadMemo::Part<T>>* memo, int* reused,
              const std::string& name, std::vector<T>* items, std::vector<Diagnostic>* diagnostics, Load load) {
  if (memo != nullptr) {
    auto kept = memo->find(name);
    if (kept != memo->end() &&
        std::all_of(kept->second.accesses.begin(), kept->second.accesses.end(),
                    [&](const FileAccess& access) { return folder.AnswersTheSame(access); })) {
      items->insert(items->end(), kept->second.items.begin(), kept->second.items.end());
      ++*reused;
      return;
    }
  }
  size_t items_before = items->size(), problems_before = diagnostics->size();
  LoadMemo::Part<T> part;
  folder.RecordAccesses(&part.accesses);
  load();
  folder.RecordAccesses(nullptr);
  if (memo == nullptr) return;
  if (diagnostics->size() != problems_before) {
    memo->erase(name);
    return;
  }
  part.items.assign(items->begin() + static_cast<std::ptrdiff_t>(items_before), items->end());
  (*memo)[name] = std::move(part);
}

/// Reads every values file (values/*.csv, values/*.json); `memo` may be null.
void LoadValues(const Folder& folder, model::Project* project, std::vector<Diagnostic>* diagnostics,
                LoadMemo* memo = nullptr);

/// Reads data/rules.json when it exists (see docs/data-format.md, "rules.json").
void LoadRules(const Folder& folder, model::Project* project,
               std::vector<Diagnostic>* diagnostics);

void LoadEdition(const Folder& folder, const std::string& year_folder, model::Project* project,
                 std::vector<Diagnostic>* diagnostics);

}  // namespace jv::load
