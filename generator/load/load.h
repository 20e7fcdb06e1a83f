#pragma once
// The load stage: reads data/ into the model and templates/ into memory. The only stage besides
// publish that touches the disk.

#include <map>
#include <string>

#include "base/status.h"
#include "load/load_memo.h"
#include "model/model.h"

namespace jv::load {

/// The largest data file (JSON, CSV, GeoJSON, Markdown) the loader reads; a larger one is an
/// error naming the file, so memory use stays bounded (see docs/guarantees.md).
constexpr size_t kMaxDataFileBytes = size_t{32} << 20;
/// The largest chapter: Markdown costs more per byte than figures, and 1 MB is some 150.000
/// words.
constexpr size_t kMaxChapterBytes = size_t{1} << 20;

/// Reads every file of the data folder (see docs/data-format.md). Collects all problems it can
/// find before failing, so the user sees them at once. With a `memo` kept from earlier loads of
/// the same folder, the indicators, values files and editions whose files read the same are not
/// parsed again.
Result<model::Project> LoadProject(const std::string& data_dir, LoadMemo* memo = nullptr);

/// The files of the templates folder: relative path -> bytes.
struct TemplateFiles {
  std::string root;  ///< as given, for messages
  std::map<std::string, std::string> files;
};

/// Reads every file below `templates_dir`.
Result<TemplateFiles> LoadTemplates(const std::string& templates_dir);

/// The site's fixed texts for `locale`, from templates/i18n/<locale>.json (a flat object of
/// key -> text). Error when the file is missing or a value is not text.
Result<std::map<std::string, std::string>> LoadTranslations(const TemplateFiles& templates,
                                                            const std::string& locale);

/// Reads a font file that fontconfig resolved for the charts, to publish it with the site.
Result<std::string> LoadFontFile(const std::string& path);

}  // namespace jv::load
