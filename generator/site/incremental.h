#pragma once
// What a build keeps of the previous one, and what it records for the next. An output — a
// page, a chart's files, a pair of open-data files — is kept when every input but the figures
// is unchanged (BuildRecord::inputs) and so is every figure it looked up when it was made
// (derive/reads.h); a picture is kept when it would be painted from the same source.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "derive/figures.h"
#include "derive/reads.h"
#include "site/build_record.h"

namespace jv::site {

class Incremental {
 public:
  /// `previous`: the record of the build that made `published_dir` (nullptr: keep nothing);
  /// `same_inputs`: its inputs but the figures are this build's. `record` receives what this
  /// build keeps and makes.
  Incremental(const BuildRecord* previous, bool same_inputs, const derive::Figures& figures,
              std::string published_dir, BuildRecord* record);

  /// Keeps the previous build's `files` and `pictures` of `output` (adds them to `kept`) when
  /// the output would come out the same and they are still as that build published them.
  bool Keep(const std::string& output, const std::vector<std::string>& files,
            const std::vector<std::string>& pictures, std::set<std::string>* kept);
  /// Records that `output` was made from the figures `reads`.
  void Record(const std::string& output, const derive::ReadSet& reads);
  /// Completes the record once every output is kept or recorded: what each key they read
  /// stands for now. (For a kept output that is what it stood for in the previous build.)
  void Finish();

  /// Keeps the previous pictures at `paths`, painted together (adds them to `kept`), when each
  /// was painted from the same `source` (a hash of everything that decides their pixels);
  /// records the source either way.
  bool KeepPictures(const std::vector<std::string>& paths, const std::string& source, std::set<std::string>* kept);

  /// The frame the previous build recorded for the chart at `path` (without extension).
  const ChartFrame* PreviousChart(const std::string& path) const;
  /// The facts of a chapter page of the previous build, with its search text from the search
  /// index it published (read when first needed); nullopt when either is unknown.
  std::optional<ChapterFacts> PreviousChapter(const std::string& path);
  /// A file of the site the previous build published.
  std::optional<std::string> ReadPublished(const std::string& path) const;

 private:
  const std::string& ReadHash(const std::string& key);
  /// Whether `key` stands for the same figures as in the previous build.
  bool Unchanged(const std::string& key);

  const BuildRecord* previous_;
  bool same_inputs_;
  const derive::Figures& figures_;
  std::string published_dir_;
  BuildRecord* record_;
  std::unordered_map<std::string, std::string> read_hashes_;  // key -> what it stands for now
  std::unordered_map<std::string_view, bool> unchanged_;  // Unchanged(key), asked by many outputs
  std::optional<std::map<std::string, std::string>> search_texts_;  // of the previous index
};

}  // namespace jv::site
