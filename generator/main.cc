// jaarverslag: turns data/ into a static annual-report website. main only parses the command
// line; the pipeline lives in site/build_site.

#include <CLI/CLI.hpp>

#include <iostream>

#include "site/build_site.h"

namespace {

void PrintDiagnostics(const std::vector<jv::Diagnostic>& diagnostics) {
  for (const jv::Diagnostic& d : diagnostics) std::cerr << d.ToString() << "\n";
}

int RunBuild(const jv::site::BuildOptions& options) {
  jv::Result<jv::site::BuildSummary> result = jv::site::BuildSite(options);
  if (!result.ok()) {
    PrintDiagnostics(result.status().diagnostics());
    std::cerr << "build failed; " << options.out_dir << "/ was left as it was\n";
    return 1;
  }
  PrintDiagnostics(result->warnings);
  std::cout << "built " << options.out_dir << "/: " << result->pages << " pages, " << result->charts
            << " charts; " << result->files.written << " files written, " << result->files.unchanged
            << " unchanged, " << result->files.removed << " removed\n";
  return 0;
}

int RunCheck(const jv::site::BuildOptions& options) {
  std::vector<jv::Diagnostic> diagnostics = jv::site::CheckSite(options);
  PrintDiagnostics(diagnostics);
  int errors = 0;
  for (const auto& d : diagnostics) errors += d.severity == jv::Diagnostic::Severity::kError;
  std::cout << errors << " errors, " << diagnostics.size() - errors << " warnings\n";
  return errors > 0 ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"jaarverslag: builds an annual-report website from figures and narratives"};
  app.set_version_flag("--version", std::string("jaarverslag ") + JV_VERSION);
  app.require_subcommand(1);

  jv::site::BuildOptions options;
  CLI::App* build = app.add_subcommand("build", "Build the site from the data and templates");
  build->add_option("--data", options.data_dir, "Data folder")->capture_default_str();
  build->add_option("--templates", options.templates_dir, "Templates folder")->capture_default_str();
  build->add_option("--out", options.out_dir, "Output folder, replaced atomically")->capture_default_str();

  CLI::App* check = app.add_subcommand("check", "Check data, chapters and templates; writes nothing");
  check->add_option("--data", options.data_dir, "Data folder")->capture_default_str();
  check->add_option("--templates", options.templates_dir, "Templates folder")->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 returns 0 for --help/--version and non-zero for usage errors; we use 2 for those.
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (*build) return RunBuild(options);
  return RunCheck(options);
}
