#include "site/incremental.h"

#include "base/content_hash.h"
#include "publish/publish.h"
#include "site/edition_charts.h"
#include "site/search_index.h"

namespace jv::site {

Incremental::Incremental(const BuildRecord* previous, bool same_inputs, const derive::Figures& figures,
                         std::string published_dir, BuildRecord* record)
    : previous_(previous),
      same_inputs_(previous != nullptr && same_inputs),
      figures_(figures),
      published_dir_(std::move(published_dir)),
      record_(record) {}

bool Incremental::Keep(const std::string& output, const std::vector<std::string>& files,
                       const std::vector<std::string>& pictures, std::set<std::string>* kept) {
  if (!same_inputs_) return false;
  auto reads = previous_->reads.find(output);
  if (reads == previous_->reads.end()) return false;
  for (const std::string& key : reads->second) {
    if (!Unchanged(key)) return false;
  }
  for (const std::string& file : files) {
    if (!previous_->files.count(file)) return false;  // gone, or changed by hand
  }
  for (const std::string& picture : pictures) {
    if (!previous_->files.count(picture) || !previous_->pictures.count(picture)) return false;
  }
  kept->insert(files.begin(), files.end());
  kept->insert(pictures.begin(), pictures.end());
  for (const std::string& picture : pictures) record_->pictures[picture] = previous_->pictures.at(picture);
  record_->reads[output] = reads->second;
  return true;
}

bool Incremental::Unchanged(const std::string& key) {
  auto known = unchanged_.find(key);
  if (known != unchanged_.end()) return known->second;
  auto before = previous_->read_hashes.find(key);
  if (before == previous_->read_hashes.end()) return false;
  bool unchanged = before->second != derive::kUnreadable && before->second == ReadHash(key);
  // Keyed by the previous record's own copy of the key, which outlives this build's lookups.
  unchanged_.emplace(before->first, unchanged);
  return unchanged;
}

void Incremental::Record(const std::string& output, const derive::ReadSet& reads) {
  for (const std::string& key : reads) {
    // A key the record cannot hold (it never does for a valid project) leaves the output
    // unrecorded, so the next build makes it again.
    if (key.find_first_of("\t\n") != std::string::npos) return;
  }
  record_->reads[output].assign(reads.begin(), reads.end());
}

void Incremental::Finish() {
  for (const auto& [output, keys] : record_->reads) {
    for (const std::string& key : keys) {
      auto entry = record_->read_hashes.try_emplace(key);
      if (entry.second) entry.first->second = ReadHash(key);
    }
  }
}

bool Incremental::KeepPictures(const std::vector<std::string>& paths, const std::string& source,
                               std::set<std::string>* kept) {
  bool keep = previous_ != nullptr;
  for (const std::string& path : paths) {
    record_->pictures[path] = source;
    if (!keep) continue;
    auto before = previous_->pictures.find(path);
    keep = before != previous_->pictures.end() && before->second == source && previous_->files.count(path);
  }
  if (keep) kept->insert(paths.begin(), paths.end());
  return keep;
}

// A chart's key (a page shows the chart) stands for every figure that chart read, as this build
// recorded them: charts are planned before the pages of their edition.
const std::string& Incremental::ReadHash(const std::string& key) {
  auto known = read_hashes_.find(key);
  if (known != read_hashes_.end()) return known->second;
  std::string hash;
  if (key.rfind(kChartReadPrefix, 0) == 0) {
    auto chart = record_->reads.find(key.substr(sizeof kChartReadPrefix - 1));
    if (chart == record_->reads.end()) {
      hash = derive::kUnreadable;
    } else {
      std::string reads;
      for (const std::string& read : chart->second) reads += read + '\t' + ReadHash(read) + '\n';
      hash = ContentHash(reads);
    }
  } else {
    hash = figures_.ReadHash(key);
  }
  return read_hashes_.emplace(key, std::move(hash)).first->second;
}

const ChartFrame* Incremental::PreviousChart(const std::string& path) const {
  if (previous_ == nullptr) return nullptr;
  auto frame = previous_->charts.find(path);
  return frame == previous_->charts.end() ? nullptr : &frame->second;
}

std::optional<ChapterFacts> Incremental::PreviousChapter(const std::string& path) {
  if (!same_inputs_) return std::nullopt;
  auto facts = previous_->chapters.find(path);
  if (facts == previous_->chapters.end()) return std::nullopt;
  if (!search_texts_) {
    search_texts_.emplace();
    for (const auto& [file, published] : previous_->files) {
      if (!IsSearchIndexPath(file)) continue;
      if (std::optional<std::string> script = ReadPublished(file)) *search_texts_ = SearchTexts(*script);
    }
  }
  auto text = search_texts_->find(path);
  if (text == search_texts_->end()) return std::nullopt;
  ChapterFacts chapter = facts->second;
  chapter.search_text = text->second;
  return chapter;
}

std::optional<std::string> Incremental::ReadPublished(const std::string& path) const {
  return publish::ReadPublished(published_dir_, path);
}

}  // namespace jv::site
