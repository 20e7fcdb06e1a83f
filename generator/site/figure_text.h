#pragma once
// Turns figures into the words and numbers a reader sees, in the site's language:
// "98,8%", "+96% t.o.v. 2022", "gelijk t.o.v. 2022", "−1 procentpunt".

#include <map>
#include <string>

#include "derive/figures.h"
#include "format/number_format.h"
#include "templates/templates.h"

namespace jv::site {

using Translations = std::map<std::string, std::string>;

/// A stored value as the reader sees it, honest about its status (see model::ValueStatus).
struct ValueDisplay {
  std::string text;          ///< "98,8%", "ca. 400", "800–1.000", "900 (800–1.000)", "–"
  std::string marker;        ///< "*" for an estimate or an inferred value, else empty
  std::string marker_title;  ///< what the marker means for this value (its note)
  std::string remark;        ///< "herzien op 15 maart 2024, was 97,9%" or why a value is missing
};

class FigureText {
 public:
  FigureText(format::NumberFormat numbers, Translations texts);

  /// A fixed text of the site; "[key]" when the translation table lacks it (validated at start).
  std::string T(const std::string& key) const;
  /// T(key) with "{name}" replaced by `value`.
  std::string T(const std::string& key, const std::string& name, const std::string& value) const;
  /// T(key) with every "{name}" replaced by its value.
  std::string T(const std::string& key, const std::map<std::string, std::string>& values) const;

  /// A value in the indicator's unit and precision: "98,8%", "1.137", "€ 31.000.000", "4,4".
  std::string Value(const model::Indicator& indicator, double value) const;
  /// A stored value with its status: approximate, range, estimate, revised or missing.
  ValueDisplay Display(const model::Indicator& indicator, const model::Value& value) const;
  /// The same in one line of running text: "400*", "ca. 400", "98,8% (herzien op …)",
  /// "– (reden)". Estimates add their explanation: "400* (schatting)".
  std::string InlineValue(const model::Indicator& indicator, const model::Value& value) const;
  /// "2024-03-15" as "15 maart 2024" (month names from the translation "months").
  std::string Date(const std::string& iso_date) const;
  /// A target or norm: the indicator's unit, decimals only where the target has them ("95%").
  std::string Target(const model::Indicator& indicator, double value) const;
  /// A change without its base year: "+96%", "−1 procentpunt", "gelijk".
  std::string Change(const derive::Change& change) const;
  /// A change with its base year: "+96% t.o.v. 2022", "gelijk t.o.v. 2022".
  std::string ChangeSince(const derive::Change& change) const;
  /// A number for an axis tick in the indicator's unit, without decimals beyond need.
  std::string Tick(const model::Indicator& indicator, double value) const;

  const format::NumberFormat& numbers() const { return numbers_; }
  /// Every fixed text, for templates as `t.<key>`: made once and shared by every page and block
  /// (copying it copies a pointer).
  const templates::Context& fixed_texts() const { return fixed_texts_; }

 private:
  format::NumberFormat numbers_;
  Translations texts_;
  templates::Context fixed_texts_;
};

}  // namespace jv::site
