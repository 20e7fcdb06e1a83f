#include "site/change_report.h"

#include <set>

#include "base/text.h"

namespace jv::site {
namespace {

// "2023/charts/preventie-tijd-1x.png" -> "2023/charts/preventie-tijd": one entry per chart.
std::string ChartName(const std::string& path) {
  std::string name = path.substr(0, path.rfind('.'));
  return EndsWith(name, "-1x") ? name.substr(0, name.size() - 3) : name;
}

std::string List(const std::vector<std::string>& items, size_t max_items) {
  std::string out;
  for (size_t i = 0; i < items.size() && i < max_items; ++i) out += (i ? ", " : "") + items[i];
  if (items.size() > max_items) out += " and " + std::to_string(items.size() - max_items) + " more";
  return out;
}

}  // namespace

ChangeReport CompareBuilds(const BuildRecord& before, const BuildRecord& after,
                           const publish::PublishReport& files) {
  ChangeReport report;
  report.first_build = before.files.empty();
  report.written = files.written_paths;
  report.removed = files.removed_paths;
  if (report.first_build) return report;
  auto add = [&](const auto& key, const std::string& old_text, const std::string& new_text) {
    const auto& [indicator, area, year] = key;
    report.values.push_back({indicator, area, year, old_text, new_text});
  };
  for (const auto& [key, shown] : after.values) {
    auto old = before.values.find(key);
    if (old == before.values.end()) add(key, "", shown);
    else if (old->second != shown) add(key, old->second, shown);
  }
  for (const auto& [key, shown] : before.values) {
    if (!after.values.count(key)) add(key, shown, "");
  }
  return report;
}

std::string FormatChanges(const ChangeReport& report, size_t max_items) {
  if (report.first_build) return "first build: nothing to compare with\n";
  if (report.values.empty() && report.written.empty() && report.removed.empty()) {
    return "no changes since the previous build\n";
  }
  std::string out = "changes since the previous build:\n";
  for (size_t i = 0; i < report.values.size() && i < max_items; ++i) {
    const ValueChange& v = report.values[i];
    out += "  figure " + v.indicator + " " + v.area + " " + std::to_string(v.year) + ": " +
           (v.before.empty() ? "(new)" : v.before) + " \u2192 " + (v.after.empty() ? "(removed)" : v.after) + "\n";
  }
  if (report.values.size() > max_items) {
    out += "  and " + std::to_string(report.values.size() - max_items) + " more figures\n";
  }
  std::vector<std::string> pages, charts, other;
  std::set<std::string> seen_charts;
  for (const std::string& path : report.written) {
    if (EndsWith(path, ".html")) pages.push_back(path);
    else if (path.find("/charts/") != std::string::npos) {
      if (seen_charts.insert(ChartName(path)).second) charts.push_back(ChartName(path));
    } else other.push_back(path);
  }
  if (!pages.empty()) out += "  pages (" + std::to_string(pages.size()) + "): " + List(pages, max_items) + "\n";
  if (!charts.empty()) out += "  charts (" + std::to_string(charts.size()) + "): " + List(charts, max_items) + "\n";
  if (!other.empty()) out += "  other files (" + std::to_string(other.size()) + "): " + List(other, max_items) + "\n";
  if (!report.removed.empty()) {
    out += "  removed (" + std::to_string(report.removed.size()) + "): " + List(report.removed, max_items) + "\n";
  }
  return out;
}

}  // namespace jv::site
