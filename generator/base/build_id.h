#pragma once
// Which build of the generator is running.

#include <string>

namespace jv {

/// The GNU build ID of the running program (hex), which the linker derives from everything it
/// linked: a change to the code gives another ID. "" when the program carries none.
std::string ProgramBuildId();

}  // namespace jv
