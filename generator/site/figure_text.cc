#include "site/figure_text.h"

#include <cmath>

#include "base/text.h"

namespace jv::site {

FigureText::FigureText(format::NumberFormat numbers, Translations texts)
    : numbers_(std::move(numbers)), texts_(std::move(texts)) {
  templates::Context all;
  for (const auto& [key, value] : texts_) all.Set(key, value);
  fixed_texts_ = templates::Context::Shared(std::move(all));
}

namespace {

// Replaces the first "{name}" in `text` by `value`.
std::string Fill(std::string text, const std::string& name, const std::string& value) {
  std::string placeholder = "{" + name + "}";
  size_t pos = text.find(placeholder);
  if (pos != std::string::npos) text.replace(pos, placeholder.size(), value);
  return text;
}

}  // namespace

std::string FigureText::T(const std::string& key) const {
  auto it = texts_.find(key);
  return it == texts_.end() ? "[" + key + "]" : it->second;
}

std::string FigureText::T(const std::string& key, const std::string& name,
                          const std::string& value) const {
  return T(key, {{name, value}});
}

std::string FigureText::T(const std::string& key,
                          const std::map<std::string, std::string>& values) const {
  std::string text = T(key);
  for (const auto& [name, value] : values) {
    std::string placeholder = "{" + name + "}";
    for (size_t pos = 0; (pos = text.find(placeholder, pos)) != std::string::npos; pos += value.size()) {
      text.replace(pos, placeholder.size(), value);
    }
  }
  return text;
}

std::string FigureText::Value(const model::Indicator& indicator, double value) const {
  switch (indicator.unit) {
    case model::Unit::kPercent: return numbers_.Percent(value, indicator.decimals);
    case model::Unit::kEuro:
      if (indicator.abbreviate && std::fabs(value) >= 1e9) {
        return T("euro_billions", "amount", numbers_.Number(value / 1e9, 1));
      }
      if (indicator.abbreviate && std::fabs(value) >= 1e6) {
        return T("euro_millions", "amount", numbers_.Number(value / 1e6, 1));
      }
      return numbers_.Euro(value, indicator.decimals);
    case model::Unit::kCount:
    case model::Unit::kScore:
    case model::Unit::kFte: break;
  }
  return numbers_.Number(value, indicator.decimals);
}

std::string FigureText::Date(const std::string& iso_date) const {
  // Load guarantees YYYY-MM-DD; anything else is shown as given.
  std::vector<std::string> months;
  for (const std::string& name : Split(T("months"), ' ')) {
    if (!name.empty()) months.push_back(name);
  }
  if (iso_date.size() != 10 || months.size() != 12) return iso_date;
  int month = std::stoi(iso_date.substr(5, 2)), day = std::stoi(iso_date.substr(8, 2));
  if (month < 1 || month > 12) return iso_date;
  return std::to_string(day) + " " + months[month - 1] + " " + iso_date.substr(0, 4);
}

ValueDisplay FigureText::Display(const model::Indicator& indicator, const model::Value& value) const {
  ValueDisplay shown;
  if (value.status == model::ValueStatus::kMissing) {
    shown.text = "–";
    shown.remark = value.note;
    return shown;
  }
  std::string range = value.low && value.high
                          ? Value(indicator, *value.low) + "–" + Value(indicator, *value.high) : "";
  if (!value.has_value) shown.text = range;
  else shown.text = Value(indicator, value.value) + (range.empty() ? "" : " (" + range + ")");
  if (value.status == model::ValueStatus::kApproximate) shown.text = T("approximate", "value", shown.text);
  if (value.status == model::ValueStatus::kEstimate) {
    shown.marker = "*";
    shown.marker_title = T("estimate") + (value.note.empty() ? "" : ": " + value.note);
  } else if (value.certainty != model::Certainty::kClear) {
    shown.marker = "*";
    shown.marker_title = value.note;
  }
  if (value.status == model::ValueStatus::kRevised && value.previous) {
    shown.remark = Fill(T("revised_remark", "date", Date(value.revised_on)), "previous",
                        Value(indicator, *value.previous));
  }
  return shown;
}

std::string FigureText::InlineValue(const model::Indicator& indicator, const model::Value& value) const {
  ValueDisplay shown = Display(indicator, value);
  std::string remark = shown.remark;
  if (value.status == model::ValueStatus::kEstimate) remark = T("estimate");
  return shown.text + shown.marker + (remark.empty() ? "" : " (" + remark + ")");
}

std::string FigureText::Target(const model::Indicator& indicator, double value) const {
  model::Indicator whole = indicator;
  if (std::fabs(value - std::round(value)) < 1e-9) whole.decimals = 0;
  return Value(whole, value);
}

std::string FigureText::Change(const derive::Change& change) const {
  if (change.unchanged) return T("change_unchanged");
  std::string amount = numbers_.Signed(change.amount, change.decimals);
  if (change.kind == model::ChangeKind::kRelative) return amount + "%";
  double shown = derive::RoundHalfAwayFromZero(std::fabs(change.amount), change.decimals);
  return amount + " " + T(shown == 1 ? "percentage_point" : "percentage_points");
}

std::string FigureText::ChangeSince(const derive::Change& change) const {
  return Change(change) + " " + T("compared_to", "year", std::to_string(change.base_year));
}

std::string FigureText::Tick(const model::Indicator& indicator, double value) const {
  // Ticks are 1-2-5 steps; show decimals only when a tick has them.
  int decimals = std::fabs(value - std::round(value)) < 1e-9 ? 0 : 1;
  switch (indicator.unit) {
    case model::Unit::kPercent: return numbers_.Percent(value, decimals);
    case model::Unit::kEuro: return numbers_.Euro(value, decimals);
    default: return numbers_.Number(value, decimals);
  }
}

}  // namespace jv::site
