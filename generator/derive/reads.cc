#include "derive/reads.h"

namespace jv::derive {
namespace {

thread_local ReadSet* current = nullptr;

}  // namespace

RecordReads::RecordReads(ReadSet* reads) : outer_(current) { current = reads; }

RecordReads::~RecordReads() { current = outer_; }

bool RecordingReads() { return current != nullptr; }

void NoteRead(std::string key) {
  if (current != nullptr) current->insert(std::move(key));
}

}  // namespace jv::derive
