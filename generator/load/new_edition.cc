#include "load/new_edition.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "base/text.h"
#include "load/file_system.h"
#include "load/load.h"

namespace jv::load {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;  // keeps the user's order of keys

void ReplaceAll(std::string* text, const std::string& from, const std::string& to) {
  for (size_t at = text->find(from); at != std::string::npos; at = text->find(from, at + to.size())) {
    text->replace(at, from.size(), to);
  }
}

// Moves an edition's JSON (edition.json, charts.json, tables.json) from year `from` to `to`:
// "year": from, "years": "…-from", and the year in titles and captions.
void MoveYears(Json& json, int from, int to) {
  const std::string old_year = std::to_string(from), new_year = std::to_string(to);
  if (json.is_array()) {
    for (Json& item : json) MoveYears(item, from, to);
    return;
  }
  if (!json.is_object()) return;
  for (auto it = json.begin(); it != json.end(); ++it) {
    const std::string& key = it.key();
    Json& value = it.value();
    if (key == "year" && value.is_number_integer() && value.get<int>() == from) {
      value = to;
    } else if (key == "years" && value.is_string()) {
      std::string range = value.get<std::string>();
      if (range.size() > old_year.size() && range.compare(range.size() - old_year.size(), old_year.size(), old_year) == 0 &&
          range[range.size() - old_year.size() - 1] == '-') {
        value = range.substr(0, range.size() - old_year.size()) + new_year;
      }
    } else if (value.is_string() && (key == "title" || key == "subtitle" || key == "caption" || key == "alt")) {
      std::string text = value.get<std::string>();
      ReplaceAll(&text, old_year, new_year);
      value = text;
    } else {
      MoveYears(value, from, to);
    }
  }
}

// A chapter keeps its text; the year moves on in its front-matter title and summary.
std::string MoveChapter(const std::string& markdown, int from, int to) {
  std::vector<std::string> lines = Split(markdown, '\n');
  if (lines.empty() || Trim(lines[0]) != "---") return markdown;
  std::string out;
  bool in_front_matter = true;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i];
    if (i > 0 && in_front_matter && Trim(line) == "---") in_front_matter = false;
    if (in_front_matter && (line.rfind("title:", 0) == 0 || line.rfind("summary:", 0) == 0)) {
      ReplaceAll(&line, std::to_string(from), std::to_string(to));
    }
    out += line + (i + 1 < lines.size() ? "\n" : "");
  }
  return out;
}

Result<std::string> MoveJsonFile(const Folder& folder, const std::string& relative, int from, int to) {
  JV_ASSIGN_OR_RETURN(std::string text, folder.Read(relative));
  Json json = Json::parse(text, nullptr, false);
  if (json.is_discarded()) return Status::Error({folder.Display(relative), 0, 0}, "invalid JSON");
  MoveYears(json, from, to);
  return json.dump(2) + "\n";
}

// Every indicator and area with a figure in `from`, once each, in the data's order.
std::string OpenValues(const model::Project& project, int from, int to, int* count) {
  const std::string note = project.site.locale.rfind("nl", 0) == 0 ? "nog in te vullen" : "to be filled in";
  std::string csv = "indicator,area,year,value,status,note\n";
  std::set<std::pair<std::string, std::string>> seen;
  for (const model::Value& value : project.values) {
    if (value.year != from || !seen.insert({value.indicator, value.area}).second) continue;
    csv += value.indicator + "," + value.area + "," + std::to_string(to) + ",,missing," + note + "\n";
    ++*count;
  }
  return csv;
}

}  // namespace

Result<NewEditionSummary> NewEdition(const std::string& data_dir, int year) {
  JV_ASSIGN_OR_RETURN(model::Project project, LoadProject(data_dir));
  JV_ASSIGN_OR_RETURN(Folder folder, Folder::Open(data_dir, kMaxDataFileBytes));
  const model::Edition& latest = project.editions.back();
  Location site_json{folder.Display("site.json"), 0, 0};
  if (year <= latest.year) {
    return Status::Error(site_json, "the new edition's year " + std::to_string(year) +
                                        " must come after the latest edition, " + std::to_string(latest.year));
  }
  NewEditionSummary summary;
  summary.from_folder = latest.year_folder;
  summary.folder = std::to_string(year);
  summary.values_file = "values/" + summary.folder + ".csv";

  // Everything is prepared in memory first, so a problem leaves the data folder untouched.
  std::map<std::string, std::string> files;
  for (const std::string& path : folder.ListRecursive(latest.year_folder)) {
    std::string target = summary.folder + path.substr(latest.year_folder.size());
    if (path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0) {
      JV_ASSIGN_OR_RETURN(files[target], MoveJsonFile(folder, path, latest.year, year));
    } else {
      JV_ASSIGN_OR_RETURN(std::string text, folder.Read(path));
      bool markdown = path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0;
      files[target] = markdown ? MoveChapter(text, latest.year, year) : text;
    }
    ++summary.files;
  }
  files[summary.values_file] = OpenValues(project, latest.year, year, &summary.open_values);
  for (const auto& [path, bytes] : files) {
    if (folder.Exists(path)) return Status::Error({folder.Display(path), 0, 0}, "already exists; not overwritten");
  }
  JV_ASSIGN_OR_RETURN(std::string site_text, folder.Read("site.json"));
  Json site = Json::parse(site_text, nullptr, false);
  if (site.is_discarded() || !site["editions"].is_array()) return Status::Error(site_json, "cannot read 'editions'");
  site["editions"].push_back(summary.folder);
  files["site.json"] = site.dump(2) + "\n";

  for (const auto& [path, bytes] : files) {
    fs::path target = fs::path(data_dir) / path;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return Status::Error({folder.Display(path), 0, 0}, "cannot write file");
  }
  return summary;
}

}  // namespace jv::load
