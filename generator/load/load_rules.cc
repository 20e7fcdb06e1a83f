// Reads the optional data/rules.json: declared sums that must add up. Only the shape of each rule
// is checked here (fields, kinds, years); whether its indicator and area ids exist is checked by
// the validate stage, which knows the whole project.

#include <algorithm>
#include <optional>
#include <tuple>

#include "load/load_internal.h"

namespace jv::load {
namespace {

using model::Rule;
using Diagnostics = std::vector<Diagnostic>;

const char kFile[] = "rules.json";

// Fields every rule may have, and those of each kind.
const std::vector<std::string> kCommonFields = {"id", "kind", "severity", "tolerance", "years",
                                                "note"};
const std::vector<std::pair<std::string, std::vector<std::string>>> kKindFields = {
    {"areas-sum-to-total", {"indicator"}},
    {"parts-sum-to-whole", {"whole", "parts", "area"}},
    {"shares-sum-to-100", {"indicators", "area"}},
};

std::vector<std::string> KnownFields(const std::optional<Rule::Kind>& kind) {
  std::vector<std::string> known = kCommonFields;
  for (size_t i = 0; i < kKindFields.size(); ++i) {
    // Without a valid kind every kind's fields are accepted: the kind is the mistake to report.
    if (kind && static_cast<size_t>(*kind) != i) continue;
    for (const auto& field : kKindFields[i].second) {
      if (std::find(known.begin(), known.end(), field) == known.end()) known.push_back(field);
    }
  }
  return known;
}

Rule::Ref ReadRef(ObjectReader& reader, const std::string& key, bool required) {
  if (!required && !reader.Has(key)) return {};
  return {reader.Id(key), reader.WhereOf(key)};
}

std::vector<Rule::Ref> ReadRefs(const JsonDocument& doc, ObjectReader& reader,
                                const std::string& key, size_t minimum) {
  std::vector<Rule::Ref> refs;
  std::vector<std::string> ids = reader.StringList(key, true);
  for (size_t i = 0; i < ids.size(); ++i) {
    refs.push_back({ids[i], doc.At(reader.PointerOf(key) + "/" + std::to_string(i))});
  }
  if (reader.Has(key) && ids.size() < minimum) {
    reader.Error(key, "'" + key + "' needs at least " + std::to_string(minimum) + " indicators");
  }
  return refs;
}

void ReadCommon(ObjectReader& reader, Rule* rule) {
  rule->where = reader.where();
  rule->note = reader.OptionalString("note");
  if (!reader.Has("severity") && reader.is_object()) {
    reader.Error("severity", "missing field 'severity' (error or warning)");
  }
  rule->severity = ReadChoice<Diagnostic::Severity>(
      reader, "severity",
      {{"error", Diagnostic::Severity::kError}, {"warning", Diagnostic::Severity::kWarning}},
      Diagnostic::Severity::kError);
  rule->tolerance = reader.OptionalNumber("tolerance").value_or(0);
  if (rule->tolerance < 0) {
    reader.Error("tolerance", "'tolerance' must be 0 or more");
    rule->tolerance = 0;
  }
  if (reader.Has("years")) {
    std::string years = reader.String("years");
    auto range = ParseYearRange(years);
    if (!range) reader.Error("years", "'" + years + "' is not a year or range like 2019-2022");
    else std::tie(rule->first_year, rule->last_year) = *range;
  }
}

// Reads the fields that belong to the rule's kind.
void ReadKindFields(const JsonDocument& doc, ObjectReader& reader, Rule* rule) {
  switch (rule->kind) {
    case Rule::Kind::kAreasSumToTotal:
      rule->indicator = ReadRef(reader, "indicator", true);
      break;
    case Rule::Kind::kPartsSumToWhole:
      rule->whole = ReadRef(reader, "whole", true);
      rule->parts = ReadRefs(doc, reader, "parts", 1);
      rule->area = ReadRef(reader, "area", false);
      break;
    case Rule::Kind::kSharesSumTo100:
      rule->indicators = ReadRefs(doc, reader, "indicators", 2);
      rule->area = ReadRef(reader, "area", false);
      break;
  }
}

// Reads one rule; its diagnostics are prefixed with the rule's id so a user can find it by name.
std::optional<Rule> ReadRule(const JsonDocument& doc, const std::string& pointer, size_t index,
                             Diagnostics* diagnostics) {
  Diagnostics own;
  ObjectReader reader(doc, pointer, &own);
  Rule rule;
  std::optional<Rule::Kind> kind;
  if (reader.is_object()) {
    rule.id = reader.Id("id");
    std::vector<std::pair<std::string, std::optional<Rule::Kind>>> kinds;
    for (size_t i = 0; i < kKindFields.size(); ++i) {
      kinds.push_back({kKindFields[i].first, static_cast<Rule::Kind>(i)});
    }
    if (!reader.Has("kind")) reader.Error("kind", "missing field 'kind'");
    kind = ReadChoice<std::optional<Rule::Kind>>(reader, "kind", kinds, std::nullopt);
    reader.RejectUnknownFields(KnownFields(kind));
    ReadCommon(reader, &rule);
    if (kind) {
      rule.kind = *kind;
      ReadKindFields(doc, reader, &rule);
    }
  }
  std::string name = rule.id.empty() ? "rule " + std::to_string(index + 1)
                                     : "rule '" + rule.id + "'";
  for (Diagnostic& d : own) {
    d.message = name + ": " + d.message;
    diagnostics->push_back(std::move(d));
  }
  if (!own.empty() || !kind) return std::nullopt;
  return rule;
}

}  // namespace

void LoadRules(const Folder& folder, model::Project* project, Diagnostics* diagnostics) {
  if (!folder.Exists(kFile)) return;  // rules are optional
  auto doc = ReadJson(folder, kFile, diagnostics);
  if (!doc) return;
  ObjectReader root(*doc, "", diagnostics);
  root.RejectUnknownFields({"rules"});
  std::vector<std::string> pointers = root.ArrayElements("rules", true);
  for (size_t i = 0; i < pointers.size(); ++i) {
    std::optional<Rule> rule = ReadRule(*doc, pointers[i], i, diagnostics);
    if (rule) project->rules.push_back(std::move(*rule));
  }
}

}  // namespace jv::load
