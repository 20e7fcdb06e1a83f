#include "site/figure_text.h"

#include <cmath>

namespace jv::site {

std::string FigureText::T(const std::string& key) const {
  auto it = texts_.find(key);
  return it == texts_.end() ? "[" + key + "]" : it->second;
}

std::string FigureText::T(const std::string& key, const std::string& name,
                          const std::string& value) const {
  std::string text = T(key);
  std::string placeholder = "{" + name + "}";
  size_t pos = text.find(placeholder);
  if (pos != std::string::npos) text.replace(pos, placeholder.size(), value);
  return text;
}

std::string FigureText::Value(const model::Indicator& indicator, double value) const {
  switch (indicator.unit) {
    case model::Unit::kPercent: return numbers_.Percent(value, indicator.decimals);
    case model::Unit::kEuro: return numbers_.Euro(value, indicator.decimals);
    case model::Unit::kCount:
    case model::Unit::kScore:
    case model::Unit::kFte: break;
  }
  return numbers_.Number(value, indicator.decimals);
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
