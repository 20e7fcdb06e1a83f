// FontFile: which font file fontconfig picks for a family, so the site can ship (and the SVGs
// can reference) exactly the font the charts were measured with.

#include <fontconfig/fontconfig.h>
#include <strings.h>

#include "charts/render.h"

namespace jv::charts {
namespace {

// True when any of the pattern's family names (fontconfig lists localized and style-specific
// names, e.g. "Inter" and "Inter Thin") equals `family`, ignoring case.
bool HasFamily(FcPattern* pattern, const std::string& family, std::string* first) {
  FcChar8* name = nullptr;
  for (int i = 0; FcPatternGetString(pattern, FC_FAMILY, i, &name) == FcResultMatch; ++i) {
    const char* text = reinterpret_cast<const char*>(name);
    if (i == 0) *first = text;
    if (strcasecmp(text, family.c_str()) == 0) return true;
  }
  return false;
}

}  // namespace

Result<std::string> FontFile(const std::string& family, bool bold) {
  if (!FcInit()) return Status::Error({}, "fontconfig could not be initialised");
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN);
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(nullptr, pattern, &result);
  FcPatternDestroy(pattern);

  std::string matched_family;
  std::string file;
  if (match != nullptr) {
    FcChar8* path = nullptr;
    // FcFontMatch always returns *some* font; only a matching family counts.
    if (HasFamily(match, family, &matched_family) &&
        FcPatternGetString(match, FC_FILE, 0, &path) == FcResultMatch) {
      file = reinterpret_cast<const char*>(path);
    }
    FcPatternDestroy(match);
  }
  if (file.empty()) {
    return Status::Error({}, "font family '" + family + "'" + (bold ? " (bold)" : "") +
                                 " is not installed (fontconfig offers '" + matched_family +
                                 "' instead)");
  }
  return file;
}

}  // namespace jv::charts
