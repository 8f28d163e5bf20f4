// SPDX-License-Identifier: MIT
#pragma once

// The manual page and the bash completion of the tool, written from its command
// definitions (manual.cpp): `diplo --man` and `diplo --bash-completion` print them, and the
// build installs what they print (share/man/man1/diplo.1,
// share/bash-completion/completions/diplo).

#include <string>

#include <CLI/CLI.hpp>

namespace diplo::cli {

/// The manual page, in roff (man(7)): every command with its arguments, options and footer.
auto man_page(const CLI::App& app) -> std::string;

/// A bash completion script: commands, their options and choices, files, actor ids.
auto bash_completion(const CLI::App& app) -> std::string;

}  // namespace diplo::cli
