#pragma once
// `jaarverslag new <year>`: starts next year's edition from the latest one. Part of the load
// stage because it reads and writes the data folder's JSON.

#include <string>

#include "base/status.h"

namespace jv::load {

struct NewEditionSummary {
  std::string from_folder;  ///< the edition copied, e.g. "2023"
  std::string folder;       ///< the new edition's folder below the data folder, e.g. "2024"
  int files = 0;            ///< files copied into it
  std::string values_file;  ///< e.g. "values/2024.csv"
  int open_values = 0;      ///< figures listed there as still missing
};

/// Copies the latest edition's folder to `<year>/` with its years moved on (edition year and
/// title, chart years and year ranges ending in the old year, front-matter titles), adds the
/// year to site.json's editions, and writes values/<year>.csv with every indicator and area
/// that had a figure in the old year, marked missing, for the team to fill in. Chapters keep
/// their text: figure references without a year follow the edition, so they show the new
/// year's figures and their change from the old year. Refuses when the data does not load,
/// when `year` is not after the latest edition, or when any file it would write exists.
Result<NewEditionSummary> NewEdition(const std::string& data_dir, int year);

}  // namespace jv::load
