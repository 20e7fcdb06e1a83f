#pragma once
// Which figures an output was made from. While a RecordReads is alive on a thread, every lookup
// through derive::Figures on that thread adds a key to its set. A build keeps each output's keys
// with Figures::ReadHash of each; the next build renders an output again only when one of its
// keys hashes differently (see site/build_record.h).

#include <set>
#include <string>

namespace jv::derive {

/// Keys of the lookups one output made: "value/<indicator>/<area>/<year>" (a figure, or that
/// there is none), "years/<indicator>/<area>" (which years have one), "revised" (every
/// corrected figure), "all-values" and "all-values/<year>" (every figure, or every one up to
/// that year: what the open-data files list). The site stage adds keys of its own (a chart
/// shown on a page).
using ReadSet = std::set<std::string>;

/// The hash of a key that cannot be evaluated: never counts as unchanged.
inline constexpr char kUnreadable[] = "?";

/// Records the lookups made on this thread into `reads` while it lives. Recorders nest: an
/// inner one pauses the outer one (a chart laid out while a page is planned records its own
/// reads; the page notes the chart's key).
class RecordReads {
 public:
  explicit RecordReads(ReadSet* reads);
  ~RecordReads();
  RecordReads(const RecordReads&) = delete;
  RecordReads& operator=(const RecordReads&) = delete;

 private:
  ReadSet* outer_;
};

/// Whether lookups on this thread are being recorded (so callers build keys only then).
bool RecordingReads();
/// Adds `key` to the set being recorded on this thread, if any.
void NoteRead(std::string key);

}  // namespace jv::derive
