#pragma once
// Sample charts for the chart variants of issue 4: stacked and 100% stacked bars (vertical and
// horizontal), target bands, and a donut with small slices. Header only, like chart_fixtures.h.

#include <string>
#include <vector>

#include "chart_fixtures.h"

namespace jv::charts::testing {

/// "12.345" the Dutch way (dot for thousands), enough for test labels and ticks.
inline std::string Count(double value) {
  std::string digits = std::to_string(static_cast<long long>(std::llround(value)));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0 && digits[i - 1] != '-') out += '.';
    out += digits[i];
  }
  return out;
}

inline Series MakeCountSeries(const std::string& label, std::vector<std::optional<double>> values) {
  Series series;
  series.label = label;
  for (const std::optional<double>& v : values) series.value_labels.push_back(v ? Count(*v) : "");
  series.values = std::move(values);
  return series;
}

/// Contacts per channel and year; 2020 has no home visits (a gap, counted as zero).
inline ChartSpec StackedBarSpec() {
  ChartSpec spec = BaseSpec("contacten", ChartKind::kBar);
  spec.title = "Contacten per kanaal";
  spec.subtitle = "Aantal contactmomenten";
  spec.format_tick = [](double v) { return Count(v); };
  spec.categories = {"2019", "2020", "2021", "2022", "2023"};
  spec.series = {MakeCountSeries("Consultatiebureau", {8200, 6100, 7900, 8400, 8600}),
                 MakeCountSeries("Telefoon", {2100, 3900, 3100, 2600, 2400}),
                 MakeCountSeries("Huisbezoek", {1300, std::nullopt, 900, 1200, 1250}),
                 MakeCountSeries("Chat", {150, 800, 1100, 1300, 1500})};
  spec.stacked = true;
  return spec;
}

inline ChartSpec PercentStackedBarSpec() {
  ChartSpec spec = StackedBarSpec();
  spec.id = "contacten-procent";
  spec.subtitle = "Aandeel per kanaal";
  spec.percent_stacked = true;
  return spec;
}

/// Horizontal stacks with long area names, a target line and a band.
inline ChartSpec StackedHorizontalBarSpec() {
  ChartSpec spec = BaseSpec("wachttijd", ChartKind::kHorizontalBar);
  spec.title = "Aanmeldingen per stadsdeel";
  spec.subtitle = "Aantal aanmeldingen per lijn";
  spec.format_tick = [](double v) { return Count(v); };
  spec.categories = {"Centrum", "Nieuw-West", "Noord", "Oost", "Zuidoost en Weesp"};
  spec.series = {MakeCountSeries("Eerste lijn", {420, 980, 610, 770, 530}),
                 MakeCountSeries("Tweede lijn", {120, 310, 240, 180, 205}),
                 MakeCountSeries("Overig", {30, 95, std::nullopt, 60, 44})};
  spec.stacked = true;
  spec.target = 1000;
  spec.target_label = "Capaciteit 1.000";
  return spec;
}

inline ChartSpec PercentStackedHorizontalBarSpec() {
  ChartSpec spec = StackedHorizontalBarSpec();
  spec.id = "wachttijd-procent";
  spec.subtitle = "Aandeel van de aanmeldingen per lijn";
  spec.percent_stacked = true;
  spec.target = std::nullopt;
  spec.target_band = std::make_pair(60.0, 75.0);
  spec.target_band_label = "Streefaandeel eerste lijn 60–75%";
  return spec;
}

/// Line with gaps, a target line and a target band.
inline ChartSpec LineBandSpec() {
  ChartSpec spec = LineSpec();
  spec.id = "vaccinatie-band";
  spec.target_band = std::make_pair(90.0, 95.0);
  spec.target_band_label = "Signaleringsgebied 90–95%";
  return spec;
}

inline ChartSpec BarBandSpec() {
  ChartSpec spec = BarSpec();
  spec.id = "bereik-band";
  spec.target_band = std::make_pair(93.0, 97.0);
  spec.target_band_label = "Bandbreedte 93–97%";
  return spec;
}

/// Three slices under 5%; the shares add up to 100.5 and are drawn as given.
inline ChartSpec DonutSmallSlicesSpec() {
  ChartSpec spec = DonutSpec();
  spec.id = "kanalen-klein";
  spec.title = "Eerste contact per kanaal";
  spec.subtitle = "Aandeel van alle eerste contacten";
  spec.categories = {"Consultatiebureau", "Telefoon", "School", "Website", "Chat", "Brief"};
  spec.series = {MakeSeries("Aandeel", {62, 21, 9.5, 4, 2.5, 1.5})};
  spec.highlight = 0;
  return spec;
}

/// Every variant of issue 4, for layout checks over several widths.
inline std::vector<ChartSpec> AllVariants() {
  return {StackedBarSpec(), PercentStackedBarSpec(), StackedHorizontalBarSpec(),
          PercentStackedHorizontalBarSpec(), LineBandSpec(), BarBandSpec(),
          DonutSmallSlicesSpec()};
}

}  // namespace jv::charts::testing
