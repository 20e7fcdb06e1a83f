#include "derive/figures.h"

#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "base/content_hash.h"
#include "derive/reads.h"

namespace jv::derive {

namespace {

// Everything of a value an output can show, in a fixed order ('where' is left out: a row that
// only moved in its file shows the same). Numbers go in as their bytes: this only ever feeds a
// hash, and formatting them would cost more than everything else an incremental build checks.
void AppendValue(const model::Value& v, std::string* out) {
  auto bytes = [&](const auto& x) { out->append(reinterpret_cast<const char*>(&x), sizeof x); };
  auto number = [&](const std::optional<double>& x) {
    out->push_back(x ? '1' : '0');
    bytes(x.value_or(0.0));
  };
  for (const std::string* text : {&v.indicator, &v.area, &v.revised_on, &v.source, &v.note}) {
    bytes(text->size());
    out->append(*text);
  }
  bytes(v.year);
  bytes(v.value);
  bytes(v.has_value);
  bytes(v.status);
  bytes(v.certainty);
  number(v.low);
  number(v.high);
  number(v.previous);
}

}  // namespace

Figures::Figures(const model::Project& project) : project_(project) {
  for (const auto& indicator : project.indicators) indicators_[indicator.id] = &indicator;
  for (const auto& area : project.areas) {
    areas_[area.id] = &area;
    if (area.kind == model::AreaKind::kTotal && total_ == nullptr) total_ = &area;
  }
  for (const auto& source : project.sources) sources_[source.id] = &source;
  value_hashes_.reserve(project.values.size());
  std::string content;
  for (const auto& value : project.values) {
    values_.emplace(std::make_tuple(value.indicator, value.area, value.year), &value);
    content.clear();
    AppendValue(value, &content);
    value_hashes_.push_back(ContentHash(content));
  }
}

template <typename T>
static const T* Lookup(const std::map<std::string, const T*>& map, const std::string& id) {
  auto it = map.find(id);
  return it == map.end() ? nullptr : it->second;
}

const model::Indicator* Figures::Indicator(const std::string& id) const {
  return Lookup(indicators_, id);
}
const model::Area* Figures::Area(const std::string& id) const { return Lookup(areas_, id); }
const model::Source* Figures::Source(const std::string& id) const { return Lookup(sources_, id); }

const model::Value* Figures::Find(const std::string& indicator, const std::string& area,
                                  int year) const {
  if (RecordingReads()) NoteRead("value/" + indicator + "/" + area + "/" + std::to_string(year));
  auto it = values_.find(std::make_tuple(std::string_view(indicator), std::string_view(area), year));
  return it == values_.end() ? nullptr : it->second;
}

std::vector<int> Figures::Years(const std::string& indicator, const std::string& area) const {
  if (RecordingReads()) NoteRead("years/" + indicator + "/" + area);
  std::vector<int> years;
  auto it = values_.lower_bound(std::make_tuple(indicator, area, 0));
  for (; it != values_.end() && std::get<0>(it->first) == indicator &&
         std::get<1>(it->first) == area;
       ++it) {
    years.push_back(std::get<2>(it->first));
  }
  return years;
}

std::vector<const model::Value*> Figures::Revised() const {
  if (RecordingReads()) NoteRead("revised");
  std::vector<const model::Value*> revised;
  for (const model::Value& value : project_.values) {
    if (value.status == model::ValueStatus::kRevised) revised.push_back(&value);
  }
  return revised;
}

std::string Figures::ReadHash(const std::string& key) const {
  // Looks up without Find, Years and Revised, which would record what they look up.
  std::vector<std::string_view> parts;
  for (std::string_view rest = key;;) {
    size_t slash = rest.find('/');
    parts.push_back(rest.substr(0, slash));
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  auto hash_of = [this](const model::Value& value) -> const std::string& {
    return value_hashes_[static_cast<size_t>(&value - project_.values.data())];
  };
  std::string content;
  if (parts.size() == 4 && parts[0] == "value" && !parts[3].empty() && parts[3].size() < 6 &&
      parts[3].find_first_not_of("0123456789") == std::string_view::npos) {
    auto it = values_.find(std::make_tuple(parts[1], parts[2], std::atoi(std::string(parts[3]).c_str())));
    if (it == values_.end()) return "none";
    return hash_of(*it->second);
  } else if (parts.size() == 3 && parts[0] == "years") {
    auto it = values_.lower_bound(std::make_tuple(parts[1], parts[2], 0));
    for (; it != values_.end() && std::get<0>(it->first) == parts[1] && std::get<1>(it->first) == parts[2]; ++it) {
      content += std::to_string(std::get<2>(it->first)) + ",";
    }
  } else if (parts[0] == "all-values" && parts.size() <= 2) {
    int last_year = parts.size() == 1 ? INT_MAX : std::atoi(std::string(parts[1]).c_str());
    for (const model::Value& value : project_.values) {
      if (value.year <= last_year) content += hash_of(value);
    }
  } else if (key == "revised") {
    for (const model::Value& value : project_.values) {
      if (value.status == model::ValueStatus::kRevised) content += hash_of(value);
    }
  } else {
    return kUnreadable;
  }
  return ContentHash(content);
}

double RoundHalfAwayFromZero(double value, int decimals) {
  // Printing with 15 significant digits recovers the decimal the user typed (98.85, not
  // 98.849999…), so ties round the way a person expects.
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  double shortest = std::strtod(buffer, nullptr);
  double scale = std::pow(10.0, decimals);
  double scaled = shortest * scale;
  std::snprintf(buffer, sizeof buffer, "%.15g", scaled);
  scaled = std::strtod(buffer, nullptr);
  return std::round(scaled) / scale;  // std::round rounds half away from zero
}

std::optional<Change> CompareValues(const model::Indicator& indicator, double value, double base,
                                    int base_year) {
  Change change;
  change.kind = indicator.change;
  change.base_year = base_year;
  change.base_value = base;
  if (change.kind == model::ChangeKind::kRelative) {
    if (base == 0) return std::nullopt;
    change.amount = (value - base) / std::fabs(base) * 100.0;
    change.decimals = 0;
  } else {
    change.amount = value - base;
    change.decimals = indicator.decimals;
  }
  double shown = RoundHalfAwayFromZero(change.amount, change.decimals);
  change.unchanged = shown == 0;
  if (!change.unchanged) {
    int sign = shown > 0 ? 1 : -1;
    if (indicator.direction == model::Direction::kHigher) change.judgement = sign;
    if (indicator.direction == model::Direction::kLower) change.judgement = -sign;
  }
  return change;
}

std::optional<Change> ChangeFromPreviousYear(const Figures& figures,
                                             const model::Indicator& indicator,
                                             const std::string& area, int year) {
  const model::Value* current = figures.Find(indicator.id, area, year);
  const model::Value* previous = figures.Find(indicator.id, area, year - 1);
  if (current == nullptr || previous == nullptr) return std::nullopt;
  // Never from a range, an approximate or a missing value (see model::Value::Computable).
  if (!current->Computable() || !previous->Computable()) return std::nullopt;
  return CompareValues(indicator, current->value, previous->value, year - 1);
}

std::optional<model::Target> TargetFor(const model::Indicator& indicator, int year,
                                       const std::string& area) {
  std::optional<model::Target> general;
  for (const model::Target& target : indicator.targets) {
    bool in_years = target.first_year == 0 || (year >= target.first_year && year <= target.last_year);
    if (!in_years) continue;
    if (!target.area.empty() && target.area == area) return target;
    if (target.area.empty() && !general) general = target;
  }
  return general;
}

TargetStatus AssessTarget(const model::Indicator& indicator, double value,
                          const model::Target& target) {
  double shown = RoundHalfAwayFromZero(value, indicator.decimals);
  switch (indicator.direction) {
    case model::Direction::kHigher:
      return shown >= target.value ? TargetStatus::kMet : TargetStatus::kNotMet;
    case model::Direction::kLower:
      return shown <= target.value ? TargetStatus::kMet : TargetStatus::kNotMet;
    case model::Direction::kNeutral:
      break;
  }
  return TargetStatus::kNoTarget;
}

double Complement(double percent) { return 100.0 - percent; }

std::optional<double> ShareOfTotal(const Figures& figures, const model::Indicator& indicator,
                                   const std::string& area, int year) {
  if (figures.TotalArea() == nullptr || area == figures.TotalArea()->id) return std::nullopt;
  const model::Value* part = figures.Find(indicator.id, area, year);
  const model::Value* whole = figures.Find(indicator.id, figures.TotalArea()->id, year);
  if (!part || !whole || !part->Computable() || !whole->Computable() || whole->value == 0) {
    return std::nullopt;
  }
  return part->value / whole->value * 100.0;
}

std::optional<Rank> RankAmongDistricts(const Figures& figures, const model::Indicator& indicator,
                                       const std::string& area, int year) {
  const model::Area* place = figures.Area(area);
  const model::Value* own = figures.Find(indicator.id, area, year);
  if (place == nullptr || place->kind != model::AreaKind::kDistrict) return std::nullopt;
  if (own == nullptr || !own->Computable()) return std::nullopt;
  bool lower_is_better = indicator.direction == model::Direction::kLower;
  Rank rank{1, 0};
  for (const model::Area& other : figures.project().areas) {
    if (other.kind != model::AreaKind::kDistrict) continue;
    const model::Value* value = figures.Find(indicator.id, other.id, year);
    if (value == nullptr || !value->Computable()) continue;
    ++rank.of;
    bool better = lower_is_better ? value->value < own->value : value->value > own->value;
    rank.place += better;
  }
  return rank;
}

std::optional<Trend> TrendUpTo(const Figures& figures, const model::Indicator& indicator,
                               const std::string& area, int last_year) {
  std::vector<std::pair<double, double>> points;
  for (int year : figures.Years(indicator.id, area)) {
    if (year > last_year) break;  // not looked up: later figures must not count as read
    const model::Value* value = figures.Find(indicator.id, area, year);
    if (value->Computable()) points.push_back({year, value->value});
  }
  if (points.size() < 2) return std::nullopt;
  double n = static_cast<double>(points.size()), sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const auto& [x, y] : points) {
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  Trend trend;
  trend.first_year = static_cast<int>(points.front().first);
  trend.last_year = static_cast<int>(points.back().first);
  trend.first = points.front().second;
  trend.last = points.back().second;
  trend.slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  auto change = CompareValues(indicator, trend.last, trend.first, trend.first_year);
  if (change && !change->unchanged) trend.direction = change->amount > 0 ? 1 : -1;
  return trend;
}

}  // namespace jv::derive
