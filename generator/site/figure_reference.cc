#include "site/figure_reference.h"

#include <algorithm>

#include "base/text.h"

namespace jv::site {
namespace {

enum class Field { kValue, kChange, kTarget, kComplement, kShare, kRank, kTrend };

const std::vector<std::pair<std::string, Field>>& FieldWords() {
  static const std::vector<std::pair<std::string, Field>> words = {
      {"waarde", Field::kValue},      {"value", Field::kValue},
      {"verschil", Field::kChange},   {"change", Field::kChange},
      {"doel", Field::kTarget},       {"target", Field::kTarget},
      {"norm", Field::kTarget},       {"complement", Field::kComplement},
      {"aandeel", Field::kShare},     {"share", Field::kShare},
      {"rang", Field::kRank},         {"rank", Field::kRank},
      {"trend", Field::kTrend}};
  return words;
}

bool IsYear(const std::string& word) {
  return word.size() == 4 && std::all_of(word.begin(), word.end(), ::isdigit);
}

struct Reference {
  const model::Indicator* indicator = nullptr;
  std::string area;
  int year = 0;
  Field field = Field::kValue;
};

Result<Reference> Parse(const std::string& reference, const Location& where,
                        const derive::Figures& figures, int edition_year) {
  std::vector<std::string> words;
  for (const std::string& word : Split(reference, ' ')) {
    if (!word.empty()) words.push_back(word);
  }
  if (words.empty()) return Status::Error(where, "empty figure reference {{}}");
  Reference ref;
  ref.indicator = figures.Indicator(words[0]);
  if (ref.indicator == nullptr) {
    std::vector<std::string> ids;
    for (const auto& i : figures.project().indicators) ids.push_back(i.id);
    std::string suggestion = ClosestMatch(words[0], ids);
    return Status::Error(where, "unknown indicator '" + words[0] + "' in {{" + reference + "}}" +
                                    (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)"));
  }
  ref.area = figures.TotalArea() ? figures.TotalArea()->id : "";
  ref.year = edition_year;
  std::vector<std::string> known;
  for (const auto& [word, field] : FieldWords()) known.push_back(word);
  for (const auto& area : figures.project().areas) known.push_back(area.id);
  for (size_t i = 1; i < words.size(); ++i) {
    const std::string& word = words[i];
    auto field = std::find_if(FieldWords().begin(), FieldWords().end(),
                              [&](const auto& entry) { return entry.first == word; });
    if (IsYear(word)) ref.year = std::stoi(word);
    else if (figures.Area(word) != nullptr) ref.area = word;
    else if (field != FieldWords().end()) ref.field = field->second;
    else {
      std::string suggestion = ClosestMatch(word, known);
      return Status::Error(where, "unknown word '" + word + "' in {{" + reference +
                                      "}}: expected a year, an area id or one of verschil, doel, complement, aandeel, rang, trend" +
                                      (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)"));
    }
  }
  return ref;
}

// Why `value` cannot be computed with, in words for an error message; empty when it can.
std::string WhyNotComputable(const model::Value& value) {
  if (value.Computable()) return "";
  if (value.status == model::ValueStatus::kMissing) return "missing";
  if (value.low || value.high) return "a range";
  return "approximate";
}

// A change or complement needs exact figures; report a range, missing or approximate value
// (this year or the year compared with) instead of silently skipping it.
Status CheckComputable(const std::string& what, const Location& where, const derive::Figures& figures,
                       const Reference& ref, int year) {
  const model::Value* value = figures.Find(ref.indicator->id, ref.area, year);
  if (value == nullptr) return Status();
  std::string why = WhyNotComputable(*value);
  if (why.empty()) return Status();
  return Status::Error(where, what + ": the " + std::to_string(year) + " value of " + ref.indicator->id +
                                  " / " + ref.area + " is " + why +
                                  ", so no change or complement can be computed from it");
}

}  // namespace

Result<std::string> ResolveFigureReference(const std::string& reference, const Location& where,
                                           const derive::Figures& figures, const FigureText& text,
                                           int year) {
  JV_ASSIGN_OR_RETURN(Reference ref, Parse(reference, where, figures, year));
  const model::Indicator& indicator = *ref.indicator;
  std::string what = "{{" + reference + "}}";
  if (ref.field == Field::kTarget) {
    auto target = derive::TargetFor(indicator, ref.year, ref.area);
    if (!target) return Status::Error(where, what + ": indicator '" + indicator.id + "' has no target for " + std::to_string(ref.year));
    return text.Target(indicator, target->value);
  }
  const model::Value* value = figures.Find(indicator.id, ref.area, ref.year);
  if (value == nullptr) {
    return Status::Error(where, what + ": no value for " + indicator.id + " / " + ref.area + " / " +
                                    std::to_string(ref.year) + " in data/values");
  }
  // In the latest edition a missing figure is one still to be filled in (`jaarverslag new`):
  // every form of the reference reads as missing meanwhile, and `check` lists it.
  const auto& editions = figures.project().editions;
  bool still_open = value->status == model::ValueStatus::kMissing && !editions.empty() &&
                    ref.year == editions.back().year;
  if (still_open) return text.InlineValue(indicator, *value);
  switch (ref.field) {
    case Field::kValue: return text.InlineValue(indicator, *value);
    case Field::kComplement:
      JV_RETURN_IF_ERROR(CheckComputable(what, where, figures, ref, ref.year));
      if (indicator.unit != model::Unit::kPercent) {
        return Status::Error(where, what + ": 'complement' needs a percentage indicator");
      }
      return text.Value(indicator, derive::Complement(value->value));
    case Field::kChange: {
      JV_RETURN_IF_ERROR(CheckComputable(what, where, figures, ref, ref.year));
      JV_RETURN_IF_ERROR(CheckComputable(what, where, figures, ref, ref.year - 1));
      auto change = derive::ChangeFromPreviousYear(figures, indicator, ref.area, ref.year);
      if (!change) {
        return Status::Error(where, what + ": no value for " + std::to_string(ref.year - 1) +
                                        " to compare with");
      }
      return text.Change(*change);
    }
    case Field::kShare: {
      auto share = derive::ShareOfTotal(figures, indicator, ref.area, ref.year);
      if (!share) return Status::Error(where, what + ": no share: name a district, and both it and the total need a plain value in " + std::to_string(ref.year));
      return text.numbers().Percent(*share, 0);
    }
    case Field::kRank: {
      auto rank = derive::RankAmongDistricts(figures, indicator, ref.area, ref.year);
      if (!rank) return Status::Error(where, what + ": no rank: '" + ref.area + "' is not a district with a plain value in " + std::to_string(ref.year));
      return text.T("rank_of", {{"place", std::to_string(rank->place)}, {"of", std::to_string(rank->of)}});
    }
    case Field::kTrend: {
      auto trend = derive::TrendUpTo(figures, indicator, ref.area, ref.year);
      if (!trend) return Status::Error(where, what + ": a trend needs values for at least two years");
      const char* key = trend->direction > 0 ? "trend_up" : trend->direction < 0 ? "trend_down" : "trend_level";
      return text.T(key, {{"from", text.Value(indicator, trend->first)},
                          {"from_year", std::to_string(trend->first_year)},
                          {"to", text.Value(indicator, trend->last)},
                          {"to_year", std::to_string(trend->last_year)}});
    }
    case Field::kTarget: break;
  }
  return Status::Error(where, what + ": cannot be resolved");
}

}  // namespace jv::site
