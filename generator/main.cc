// jaarverslag: turns data/ into a static annual-report website. main only parses the command
// line; the pipeline lives in site/build_site.

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <thread>

#include "serve/serve.h"
#include "load/new_edition.h"
#include "site/build_site.h"

namespace {

// At most this many messages are printed: a broken file can cause a million of them (one per
// row), and nobody reads past the first screens; the rest are counted.
constexpr size_t kMaxPrinted = 1000;

void PrintDiagnostics(const std::vector<jv::Diagnostic>& diagnostics) {
  std::string text;
  for (size_t i = 0; i < diagnostics.size() && i < kMaxPrinted; ++i) text += diagnostics[i].ToString() + "\n";
  if (diagnostics.size() > kMaxPrinted) {
    text += "... and " + std::to_string(diagnostics.size() - kMaxPrinted) +
            " more problems not shown: fix the ones above first\n";
  }
  std::cerr << text;
}

int RunBuild(const jv::site::BuildOptions& options) {
  jv::Result<jv::site::BuildSummary> result = jv::site::BuildSite(options);
  if (!result.ok()) {
    PrintDiagnostics(result.status().diagnostics());
    std::cerr << "build failed; " << options.out_dir << "/ was left as it was\n";
    return 1;
  }
  PrintDiagnostics(result->warnings);
  std::cout << "built " << options.out_dir << "/: " << result->pages << " pages (" << result->pages_rendered
            << " rendered), " << result->charts << " charts (" << result->charts_drawn << " drawn); "
            << result->files.written << " files written, " << result->files.unchanged
            << " unchanged, " << result->files.removed << " removed\n"
            << jv::site::FormatChanges(result->changes);
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

int RunNew(const std::string& data_dir, int year) {
  jv::Result<jv::load::NewEditionSummary> made = jv::load::NewEdition(data_dir, year);
  if (!made.ok()) {
    PrintDiagnostics(made.status().diagnostics());
    std::cerr << "no edition started; " << data_dir << "/ was left as it was\n";
    return 1;
  }
  std::cout << "started edition " << made->folder << " in " << data_dir << "/" << made->folder << "/ from "
            << made->from_folder << " (" << made->files << " files); " << data_dir << "/" << made->values_file
            << " lists " << made->open_values << " figures to fill in.\n"
            << "'jaarverslag check' lists what is still missing.\n";
  return 0;
}

// Progress on one rewritten line of a terminal; nothing when stderr is a pipe, a file or CI.
std::function<void(const std::string&, size_t, size_t)> TerminalProgress() {
  if (!isatty(STDERR_FILENO) || std::getenv("CI") != nullptr) return nullptr;
  return [](const std::string& stage, size_t done, size_t total) {
    std::cerr << "\r" << stage << " " << done << "/" << total << (done == total ? "\r\033[K" : "") << std::flush;
  };
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
  build->add_flag("--force", options.force, "Paint every chart and image again instead of reusing unchanged ones");
  options.jobs = std::max(1u, std::thread::hardware_concurrency());
  build->add_option("--jobs,-j", options.jobs, "Threads rendering pages and painting charts and images (the output is the same for any number)")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));

  jv::serve::ServeOptions serve_options;
  CLI::App* serve = app.add_subcommand("serve", "Build, serve on http://127.0.0.1 and rebuild on every save; "
                                                "open pages reload by themselves");
  serve->add_option("--data", options.data_dir, "Data folder")->capture_default_str();
  serve->add_option("--templates", options.templates_dir, "Templates folder")->capture_default_str();
  serve->add_option("--out", options.out_dir, "Output folder, served and replaced on every build")
      ->capture_default_str();
  serve->add_option("--port", serve_options.port, "Port on 127.0.0.1 (0: any free port)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));

  CLI::App* check = app.add_subcommand("check", "Check data, chapters and templates; writes nothing");
  check->add_option("--data", options.data_dir, "Data folder")->capture_default_str();
  check->add_option("--templates", options.templates_dir, "Templates folder")->capture_default_str();

  int new_year = 0;
  CLI::App* start = app.add_subcommand("new", "Start next year's edition from the latest one");
  start->add_option("year", new_year, "The new edition's year")->required()->check(CLI::Range(1000, 9999));
  start->add_option("--data", options.data_dir, "Data folder")->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 returns 0 for --help/--version and non-zero for usage errors; we use 2 for those.
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  options.progress = TerminalProgress();
  if (*build) return RunBuild(options);
  if (*serve) {
    options.progress = nullptr;  // the serve log is line by line
    serve_options.build = options;
    jv::Status served = jv::serve::Serve(serve_options);
    if (!served.ok()) std::cerr << served.ToString() << "\n";
    return served.ok() ? 0 : 1;
  }
  if (*start) return RunNew(options.data_dir, new_year);
  return RunCheck(options);
}
