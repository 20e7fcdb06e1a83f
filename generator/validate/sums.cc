// The sum rules of rules.json: districts that must add up to the total, parts to a whole and
// shares to 100%. Each finding is reported at the rule (not at a value: the rule is what the user
// declared, and one finding involves many values) with the rule's own severity.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "base/text.h"
#include "validate/validate.h"

namespace jv::validate {
namespace {

using model::Rule;

// The only place that reads a number out of a model::Value, so that changes to Value (ranges,
// missing figures) touch one line here. Only exact, estimated and revised numbers take part.
std::optional<double> NumberOf(const model::Value& value) {
  if (!value.Computable()) return std::nullopt;
  return value.value;
}

// Dutch notation without ICU (validate must not depend on format): 1.137 · 98,8 · -4.
std::string FormatNumber(double number, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(number));
  std::string text(buffer);
  size_t point = text.find('.');
  std::string whole = text.substr(0, point);
  std::string fraction = point == std::string::npos ? "" : "," + text.substr(point + 1);
  std::string grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += '.';
    grouped += whole[i];
  }
  bool negative = number < 0 && std::stod(text) != 0;
  return (negative ? "-" : "") + grouped + fraction;
}

std::string Join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

class SumChecker {
 public:
  SumChecker(const model::Project& project, std::vector<Diagnostic>* out)
      : project_(project), out_(out) {
    for (const auto& area : project.areas) {
      if (area.kind == model::AreaKind::kTotal && total_.empty()) total_ = area.id;
    }
    for (const auto& indicator : project.indicators) indicators_[indicator.id] = &indicator;
    for (const auto& value : project.values) {
      std::optional<double> number = NumberOf(value);
      if (number) values_[{value.indicator, value.area, value.year}] = *number;
    }
  }

  void Check(const Rule& rule) {
    if (!CheckReferences(rule)) return;
    switch (rule.kind) {
      case Rule::Kind::kAreasSumToTotal: AreasSumToTotal(rule); break;
      case Rule::Kind::kPartsSumToWhole: PartsSumToWhole(rule); break;
      case Rule::Kind::kSharesSumTo100: SharesSumTo100(rule); break;
    }
  }

 private:
  // Unknown ids are errors whatever the rule's severity: the rule itself is wrong then.
  bool CheckReferences(const Rule& rule) {
    std::vector<const Rule::Ref*> refs = {&rule.indicator, &rule.whole};
    for (const auto& ref : rule.parts) refs.push_back(&ref);
    for (const auto& ref : rule.indicators) refs.push_back(&ref);
    std::vector<std::string> known_indicators, known_areas;
    for (const auto& [id, indicator] : indicators_) known_indicators.push_back(id);
    for (const auto& area : project_.areas) known_areas.push_back(area.id);
    bool ok = true;
    for (const Rule::Ref* ref : refs) {
      if (!ref->id.empty()) ok &= Known(rule, *ref, "indicator", known_indicators);
    }
    if (!rule.area.id.empty()) ok &= Known(rule, rule.area, "area", known_areas);
    return ok && !total_.empty();  // without a total area validate already reports an error
  }

  bool Known(const Rule& rule, const Rule::Ref& ref, const std::string& kind,
             const std::vector<std::string>& known) {
    if (std::find(known.begin(), known.end(), ref.id) != known.end()) return true;
    std::string message = "rule '" + rule.id + "': unknown " + kind + " '" + ref.id + "'";
    std::string suggestion = ClosestMatch(ref.id, known);
    if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
    out_->push_back({Diagnostic::Severity::kError, ref.where, message});
    return false;
  }

  std::optional<double> Get(const std::string& indicator, const std::string& area, int year) const {
    auto it = values_.find({indicator, area, year});
    if (it == values_.end()) return std::nullopt;
    return it->second;
  }

  // Years inside the rule's range in which `indicator` has a value at `area`, in order.
  std::set<int> YearsOf(const Rule& rule, const std::string& indicator, const std::string& area) const {
    std::set<int> years;
    for (const auto& [key, number] : values_) {
      const auto& [ind, at, year] = key;
      if (ind != indicator || at != area) continue;
      if (rule.first_year != 0 && (year < rule.first_year || year > rule.last_year)) continue;
      years.insert(year);
    }
    return years;
  }

  int Decimals(const std::vector<std::string>& ids) const {
    int decimals = 0;
    for (const auto& id : ids) {
      auto it = indicators_.find(id);
      if (it != indicators_.end()) decimals = std::max(decimals, it->second->decimals);
    }
    return decimals;
  }

  // Reports `found` vs `expected` when they differ by more than the tolerance.
  // `what` reads like "the districts of x"; `missing` lists ids without a figure that year.
  void Compare(const Rule& rule, int year, const std::string& what, double found,
               const std::string& expected_text, double expected, int decimals,
               const std::vector<std::string>& missing, const std::string& unit = "") {
    double difference = std::fabs(found - expected);
    double slack = 1e-9 * std::max(1.0, std::fabs(expected));  // binary rounding of decimals
    if (difference <= rule.tolerance + slack) return;
    std::string detail = "difference " + FormatNumber(difference, decimals) + unit;
    if (rule.tolerance > 0) {
      // The tolerance is shown as written, even when finer than the indicator's decimals.
      int shown = decimals;
      while (shown < 6 && std::fabs(std::round(rule.tolerance * std::pow(10, shown)) -
                                    rule.tolerance * std::pow(10, shown)) > 1e-6) {
        ++shown;
      }
      detail += ", more than the tolerance " + FormatNumber(rule.tolerance, shown) + unit;
    }
    if (!missing.empty()) detail += "; no figure for " + Join(missing, ", ");
    std::string message = "rule '" + rule.id + "': in " + std::to_string(year) + " " + what +
                          " add up to " + FormatNumber(found, decimals) + unit + ", not to " +
                          (expected_text.empty() ? "" : expected_text + " ") +
                          FormatNumber(expected, decimals) + unit + " (" + detail + ")";
    if (!rule.note.empty()) message += " - " + rule.note;
    out_->push_back({rule.severity, rule.where, message});
  }

  // Every area of kind district or other must add up to the total, in years where the total
  // and at least one part have a value.
  void AreasSumToTotal(const Rule& rule) {
    const std::string& indicator = rule.indicator.id;
    for (int year : YearsOf(rule, indicator, total_)) {
      double sum = 0;
      int present = 0;
      std::vector<std::string> missing;
      for (const auto& area : project_.areas) {
        if (area.kind != model::AreaKind::kDistrict && area.kind != model::AreaKind::kOther) continue;
        std::optional<double> part = Get(indicator, area.id, year);
        if (part) {
          sum += *part;
          ++present;
        } else {
          missing.push_back(area.id);
        }
      }
      if (present == 0) continue;
      Compare(rule, year, "the districts of " + indicator, sum, "the total",
              *Get(indicator, total_, year), Decimals({indicator}), missing);
    }
  }

  // The parts must add up to the whole at one area, in years where the whole and at least one
  // part have a value.
  void PartsSumToWhole(const Rule& rule) {
    std::string area = rule.area.id.empty() ? total_ : rule.area.id;
    std::vector<std::string> ids = {rule.whole.id};
    std::vector<std::string> part_ids;
    for (const auto& part : rule.parts) part_ids.push_back(part.id);
    ids.insert(ids.end(), part_ids.begin(), part_ids.end());
    for (int year : YearsOf(rule, rule.whole.id, area)) {
      double sum = 0;
      int present = 0;
      std::vector<std::string> missing;
      for (const auto& id : part_ids) {
        std::optional<double> part = Get(id, area, year);
        if (part) {
          sum += *part;
          ++present;
        } else {
          missing.push_back(id);
        }
      }
      if (present == 0) continue;
      std::string where = area == total_ ? "" : "at " + area + " ";
      Compare(rule, year, where + Join(part_ids, " + "), sum, rule.whole.id,
              *Get(rule.whole.id, area, year), Decimals(ids), missing);
    }
  }

  // Percent shares of one whole must add up to 100, in years where every share has a value
  // (a year with only some shares says nothing about their sum).
  void SharesSumTo100(const Rule& rule) {
    std::string area = rule.area.id.empty() ? total_ : rule.area.id;
    std::vector<std::string> ids;
    for (const auto& share : rule.indicators) ids.push_back(share.id);
    for (int year : YearsOf(rule, ids.front(), area)) {
      double sum = 0;
      bool complete = true;
      for (const auto& id : ids) {
        std::optional<double> share = Get(id, area, year);
        complete &= share.has_value();
        sum += share.value_or(0);
      }
      if (!complete) continue;
      std::string where = area == total_ ? "" : " at " + area;
      Compare(rule, year, "the shares " + Join(ids, " + ") + where, sum, "", 100, Decimals(ids),
              {}, "%");
    }
  }

  const model::Project& project_;
  std::vector<Diagnostic>* out_;
  std::string total_;
  std::map<std::string, const model::Indicator*> indicators_;
  std::map<std::tuple<std::string, std::string, int>, double> values_;
};

}  // namespace

std::vector<Diagnostic> CheckSums(const model::Project& project) {
  std::vector<Diagnostic> out;
  std::map<std::string, Location> seen;
  SumChecker checker(project, &out);
  for (const Rule& rule : project.rules) {
    auto [first, inserted] = seen.emplace(rule.id, rule.where);
    if (!inserted) {
      out.push_back({Diagnostic::Severity::kError, rule.where,
                     "duplicate rule id '" + rule.id + "' (first defined at " +
                         first->second.ToString() + ")"});
      continue;
    }
    checker.Check(rule);
  }
  return out;
}

}  // namespace jv::validate
