#pragma once
// The derive stage: lookups over the validated model and pure functions that compute what the
// report shows beside a value — the change since the previous year, whether a target is met,
// the complement of a share. Nothing here formats text.

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "model/model.h"

namespace jv::derive {

/// Fast lookups by id and by indicator × area × year. Holds pointers into the Project, which
/// must outlive it.
class Figures {
 public:
  explicit Figures(const model::Project& project);

  const model::Project& project() const { return project_; }
  const model::Indicator* Indicator(const std::string& id) const;
  const model::Area* Area(const std::string& id) const;
  const model::Source* Source(const std::string& id) const;
  /// The area of kind "total" (the organisation as a whole); null when there is none.
  const model::Area* TotalArea() const { return total_; }
  /// Find, Years and Revised add what they looked up to the reads being recorded on this
  /// thread (derive/reads.h).
  const model::Value* Find(const std::string& indicator, const std::string& area, int year) const;
  /// Years with a value for indicator × area, ascending.
  std::vector<int> Years(const std::string& indicator, const std::string& area) const;
  /// Every corrected figure (status "revised"), in the order of the values files.
  std::vector<const model::Value*> Revised() const;
  /// What a read key (derive/reads.h) stands for now, as a content hash: equal hashes mean the
  /// lookup gives the same answer. A key this build cannot parse hashes to kUnreadable.
  std::string ReadHash(const std::string& key) const;

 private:
  const model::Project& project_;
  std::map<std::string, const model::Indicator*> indicators_;
  std::map<std::string, const model::Area*> areas_;
  std::map<std::string, const model::Source*> sources_;
  // By indicator, area and year; std::less<> finds keys given as string views.
  std::map<std::tuple<std::string, std::string, int>, const model::Value*, std::less<>> values_;
  // Of every value, in project order: the ContentHash of everything an output can show of it.
  std::vector<std::string> value_hashes_;
  const model::Area* total_ = nullptr;
};

/// A change between two values of one indicator.
struct Change {
  model::ChangeKind kind = model::ChangeKind::kRelative;
  double amount = 0;    ///< percent (relative) or percentage points
  int decimals = 0;     ///< the precision at which it is shown
  bool unchanged = false;  ///< rounds to zero at `decimals`: shown as "gelijk"
  int base_year = 0;
  double base_value = 0;
  /// +1 better, -1 worse, 0 unchanged or no direction.
  int judgement = 0;
};

/// Change of `value` vs `base`. Relative changes are shown in whole percents, points at the
/// indicator's decimals. nullopt for a relative change from zero.
std::optional<Change> CompareValues(const model::Indicator& indicator, double value, double base,
                                    int base_year);

/// Change vs the previous year with a value (year - 1 only; a gap gives nullopt, and so does a
/// value that is not Computable(): a range, approximate or missing).
std::optional<Change> ChangeFromPreviousYear(const Figures& figures,
                                             const model::Indicator& indicator,
                                             const std::string& area, int year);

/// The target or norm that applies to `year` at `area`, if any: a target for that area wins
/// over one for every area.
std::optional<model::Target> TargetFor(const model::Indicator& indicator, int year,
                                       const std::string& area = "");

enum class TargetStatus { kNoTarget, kMet, kNotMet };

/// Whether `value` meets `target`, respecting the indicator's direction. Compared at the shown
/// precision, so 94,96 shown as 95,0 meets a 95 norm the reader sees. Neutral indicators have
/// no status.
TargetStatus AssessTarget(const model::Indicator& indicator, double value,
                          const model::Target& target);

/// The area's value as a percentage of the total area's value in the same year (the share of
/// Zuidoost in all participants). nullopt when either is missing, the total is zero, or `area` is
/// the total area itself.
std::optional<double> ShareOfTotal(const Figures& figures, const model::Indicator& indicator,
                                   const std::string& area, int year);

/// The area's place among the districts with a value that year: 1 is best by the indicator's
/// direction (highest first for higher and neutral, lowest first for lower). Ties share a place.
struct Rank {
  int place = 0;
  int of = 0;
};
std::optional<Rank> RankAmongDistricts(const Figures& figures, const model::Indicator& indicator,
                                       const std::string& area, int year);

/// The course of a series over the years with computable values up to `last_year`.
struct Trend {
  int first_year = 0, last_year = 0;
  double first = 0, last = 0;
  double slope = 0;   ///< least-squares change per year
  int direction = 0;  ///< +1 rising, -1 falling, 0 level (the overall change rounds to zero)
};
/// nullopt with fewer than two years of values.
std::optional<Trend> TrendUpTo(const Figures& figures, const model::Indicator& indicator,
                               const std::string& area, int last_year);

/// 100 − value, for shares (73% jeugdhulp next to 27% preventie).
double Complement(double percent);

/// Rounds half away from zero at `decimals`, through the shortest decimal representation.
double RoundHalfAwayFromZero(double value, int decimals);

}  // namespace jv::derive
