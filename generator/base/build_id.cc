#include "base/build_id.h"

#include <elf.h>
#include <link.h>

#include <cstdio>

namespace jv {
namespace {

// Looks for the NT_GNU_BUILD_ID note among the main program's loaded PT_NOTE segments; the
// main program is the first object dl_iterate_phdr reports.
int FindBuildId(struct dl_phdr_info* info, size_t, void* data) {
  auto* id = static_cast<std::string*>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& segment = info->dlpi_phdr[i];
    if (segment.p_type != PT_NOTE) continue;
    const char* note = reinterpret_cast<const char*>(info->dlpi_addr + segment.p_vaddr);
    const char* end = note + segment.p_memsz;
    while (note + sizeof(ElfW(Nhdr)) <= end) {
      const auto* header = reinterpret_cast<const ElfW(Nhdr)*>(note);
      const char* name = note + sizeof(ElfW(Nhdr));
      const char* desc = name + ((header->n_namesz + 3) & ~3u);
      if (desc + header->n_descsz > end) break;
      if (header->n_type == NT_GNU_BUILD_ID && header->n_namesz == 4 && std::string(name, 3) == "GNU") {
        for (unsigned k = 0; k < header->n_descsz; ++k) {
          char hex[3];
          std::snprintf(hex, sizeof hex, "%02x", static_cast<unsigned char>(desc[k]));
          id->append(hex);
        }
        return 1;
      }
      note = desc + ((header->n_descsz + 3) & ~3u);
    }
  }
  return 1;  // only the main program
}

}  // namespace

std::string ProgramBuildId() {
  std::string id;
  dl_iterate_phdr(FindBuildId, &id);
  return id;
}

}  // namespace jv
