#pragma once
// Sub-commands of the `lesion-atlas` command line. Each register* function adds its
// sub-commands to the CLI11 app; when one runs, its callback stores the process exit code
// in `exitCode`: 0 ok, 1 bad input (bad file, unknown site, failed validation...), 2 usage.
#include <CLI/CLI.hpp>

namespace la::cli {

enum ExitCode : int { kOk = 0, kBadInput = 1, kUsage = 2 };

void registerRenderCommand(CLI::App& app, int& exitCode);  // render         (cmd_render.cpp)
void registerDataCommands(CLI::App& app, int& exitCode);   // validate, query, stats (cmd_data.cpp)
void registerSitesCommand(CLI::App& app, int& exitCode);   // sites          (cmd_sites.cpp)
void registerTurntableCommand(CLI::App& app, int& exitCode);  // turntable    (cmd_turntable.cpp)
void registerPresentCommand(CLI::App& app, int& exitCode);    // present      (cmd_present.cpp)
void registerExport3dCommand(CLI::App& app, int& exitCode);   // export-3d    (cmd_export3d.cpp)

}  // namespace la::cli
