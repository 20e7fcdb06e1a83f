#pragma once
// What earlier loads made of a data folder, for a caller that loads the same folder again and
// again (`jaarverslag serve` after every save).

#include <map>
#include <string>
#include <vector>

#include "model/model.h"

namespace jv::load {

/// One question a loader asked the data folder, with its answer then: the ContentHash of a
/// file's bytes ("" when it could not be read), or whether something exists at a path.
struct FileAccess {
  enum class Kind { kRead, kExists } kind;
  std::string path;
  std::string answer;
};

/// LoadProject keeps here what it made of the indicators, of each values file and of each
/// edition folder. The next load asks the folder the same questions again (reading those files,
/// not parsing them); when every answer is the same, it takes the part from here instead of
/// parsing it. A part that had problems is not kept: its messages come from parsing it again.
struct LoadMemo {
  template <typename T>
  struct Part {
    std::vector<FileAccess> accesses;
    std::vector<T> items;  ///< what loading the part added to the project
  };
  std::map<std::string, Part<model::Indicator>> indicators;  ///< one part: "indicators.json"
  std::map<std::string, Part<model::Value>> values;          ///< by file ("values/x.csv")
  std::map<std::string, Part<model::Edition>> editions;      ///< by year folder ("2023")
  int reused = 0;  ///< parts the last load took from here
};

}  // namespace jv::load
