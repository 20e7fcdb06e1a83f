#pragma once
// The loaded data as plain structs. Every struct remembers where it was read (Location) so that
// later stages can name the file and line of a problem. Nothing here computes.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace jv::model {

struct Site {
  Location where;
  std::string organisation;
  std::string short_name;
  std::string locale = "nl-NL";
  std::vector<std::string> editions;  ///< in order; the last is the latest
  std::string base_url;       ///< where the site is published ("https://…/jaarverslag/"); for sitemap.xml
  std::string contact_email;  ///< for the accessibility statement
  std::string accessibility_date;  ///< YYYY-MM-DD of the last accessibility check
  bool allow_raw_html = false;     ///< copy raw HTML from chapters to the site (off: dropped)
};

enum class AreaKind { kTotal, kDistrict, kOther, kComparison };

struct Area {
  Location where;
  std::string id;
  std::string name;
  AreaKind kind = AreaKind::kDistrict;
  std::string note;  ///< why figures are missing or different; may be empty
  std::optional<int> tile_col, tile_row;
};

struct Source {
  Location where;
  std::string id;
  std::string title;
  std::string url;
};

enum class Unit { kPercent, kCount, kEuro, kScore, kFte };
enum class Direction { kHigher, kLower, kNeutral };
enum class ChangeKind { kRelative, kPoints };

struct Target {
  double value = 0;
  bool is_norm = false;       ///< "norm" rather than "streefwaarde"
  int first_year = 0;         ///< 0: applies to every year
  int last_year = 0;
  std::string area;           ///< empty: applies to every area
};

struct Indicator {
  Location where;
  std::string id;
  std::string label;
  std::string description;
  std::string group;     ///< row group in tables, e.g. "Zuigelingen (2 jaar)"
  Unit unit = Unit::kCount;
  int decimals = 0;
  Direction direction = Direction::kNeutral;
  ChangeKind change = ChangeKind::kRelative;
  std::optional<double> scale;  ///< highest score for kScore
  bool abbreviate = false;      ///< euro: "€ 31,0 mln" instead of "€ 31.000.000"
  std::vector<Target> targets;
  std::string source;
  std::string footnote;
};

enum class Certainty { kClear, kInferred, kAmbiguous };

/// How a published value should be read. See docs/data-format.md, "values".
enum class ValueStatus { kExact, kApproximate, kEstimate, kRevised, kMissing };

struct Value {
  Location where;
  std::string indicator;
  std::string area;
  int year = 0;
  /// The number; meaningful only when `has_value`. Stays 0 for a missing value and for a
  /// range without a point, so older code that reads it sees a harmless number.
  double value = 0;
  bool has_value = true;  ///< false: status missing, or a range (low/high) without a point
  ValueStatus status = ValueStatus::kExact;
  std::optional<double> low, high;  ///< a range "800–1.000"; both or neither (checked by load)
  std::optional<double> previous;   ///< for kRevised: the value published earlier
  std::string revised_on;           ///< for kRevised: ISO date YYYY-MM-DD
  Certainty certainty = Certainty::kClear;
  std::string source;
  std::string note;  ///< for kMissing: the reason (required); for kEstimate: how it was estimated

  /// Whether derived figures (changes, target checks, sums, complements) may use `value`:
  /// a point value that is exact, an estimate or a revision. Approximate values, ranges and
  /// missing values are shown but never computed with.
  bool Computable() const {
    return has_value && !low && !high &&
           (status == ValueStatus::kExact || status == ValueStatus::kEstimate ||
            status == ValueStatus::kRevised);
  }
};

enum class ChartType { kBar, kHorizontalBar, kLine, kDonut, kPie, kMap };

/// An area's outline from a GeoJSON file: rings of (longitude, latitude); the first ring is the
/// outside, further rings are holes or islands.
using Shape = std::vector<std::vector<std::pair<double, double>>>;

/// One indicator at one area: a bar, a slice or a line.
struct SeriesRef {
  Location where;
  std::string indicator;
  std::string area;   ///< empty: the total area
  std::string label;  ///< empty: the indicator's label
};

struct Chart {
  Location where;
  std::string id;
  ChartType type = ChartType::kBar;
  std::string title;
  std::string subtitle;
  std::string alt;                 ///< empty: generated from the data
  std::vector<SeriesRef> series;   ///< over `years` (line, grouped bars)
  int first_year = 0, last_year = 0;
  std::vector<SeriesRef> items;    ///< bars or slices at `year`
  int year = 0;
  std::string indicator;           ///< with `areas`: one bar per area at `year`
  std::vector<std::string> areas;  ///< area ids (the word "districts" is expanded by load)
  std::string target;              ///< indicator whose target line is drawn
  std::string highlight;           ///< donut: indicator of the highlighted slice
  bool stacked = false;            ///< bars: stack the series
  bool percent = false;            ///< with stacked: every bar as 100%
  std::optional<std::pair<double, double>> band;  ///< a target band (low, high)
  std::string band_label;          ///< empty: "Norm <low>–<high>"
  bool diverging = false;          ///< map: colours diverge around the total area's value
  std::string geojson;             ///< map: a GeoJSON file below data/ (a choropleth); empty: tiles
  std::map<std::string, Shape> shapes;  ///< map: outlines from `geojson`, by area id
};


struct Table {
  Location where;
  std::string id;
  std::string title;
  std::vector<std::string> indicators;  ///< rows; grouped by Indicator::group
  std::string area;                     ///< columns are years first_year..last_year at `area`
  int first_year = 0, last_year = 0;
  std::vector<std::string> areas;       ///< or: columns are areas at `year`
  int year = 0;
  std::vector<std::string> notes;       ///< Markdown lines under the table
};

/// An id written somewhere in the data, with where it was written.
struct IdRef {
  Location where;
  std::string id;
};

struct Chapter {
  Location where;    ///< the Markdown file
  std::string slug;  ///< file name without .md; the page folder
  std::string title;
  std::string summary;
  bool numbered = true;
  std::string markdown;  ///< body after the front matter
  int body_line = 1;     ///< line of the file where `markdown` starts
};

struct Edition {
  Location where;
  std::string year_folder;  ///< "2023"
  int year = 0;
  std::string title;
  std::string subtitle;
  std::vector<Chapter> chapters;
  std::vector<IdRef> dashboard_tiles;   ///< indicator ids
  std::vector<IdRef> dashboard_charts;  ///< chart ids
  std::vector<Chart> charts;
  std::vector<Table> tables;
};

/// A declared sum check from rules.json: figures that must add up (districts to the total, parts
/// to a whole, shares to 100%). A failing rule becomes a diagnostic of the rule's own severity, so
/// a known inconsistency of a source can be listed as a warning without stopping the build.
struct Rule {
  enum class Kind { kAreasSumToTotal, kPartsSumToWhole, kSharesSumTo100 };
  /// An id written in the rule, with where it was written (for "unknown indicator" messages).
  struct Ref {
    std::string id;
    Location where;
  };
  Location where;
  std::string id;
  Kind kind = Kind::kAreasSumToTotal;
  Diagnostic::Severity severity = Diagnostic::Severity::kError;
  double tolerance = 0;              ///< absolute, in the indicators' unit
  int first_year = 0, last_year = 0; ///< 0: every year
  std::string note;                  ///< why the rule exists or fails; shown with a finding
  Ref indicator;                     ///< areas-sum-to-total
  Ref whole;                         ///< parts-sum-to-whole
  std::vector<Ref> parts;            ///< parts-sum-to-whole
  std::vector<Ref> indicators;       ///< shares-sum-to-100
  Ref area;                          ///< parts and shares; empty id: the total area
};

/// Everything read from data/.
struct Project {
  Site site;
  std::vector<Area> areas;
  std::vector<Source> sources;
  std::vector<Indicator> indicators;
  std::vector<Value> values;
  std::vector<Edition> editions;
  std::vector<Rule> rules;  ///< from rules.json (optional); empty when there is none
  /// Every file the project was loaded from: path relative to the data folder ("values/a.csv")
  /// -> content hash. Builds compare them to tell which inputs changed.
  std::map<std::string, std::string> files;
};

}  // namespace jv::model
