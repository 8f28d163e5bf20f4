// SPDX-License-Identifier: MIT
// The manual page (diplo.1) and the bash completion of the tool, written from the command
// definitions themselves (CLI11's App), so that neither can drift from the tool: the build
// runs `diplo --man` and `diplo --bash-completion` and installs what they print.

#include "manual.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "diplo/version.h"

namespace diplo::cli {

namespace {

// Text for roff: backslashes escaped, '-' a real minus, no line that starts as a request.
auto roff(std::string_view text) -> std::string {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

auto is_flag(const CLI::Option* o) -> bool { return o->get_expected_max() == 0; }

// The options a reader needs: not the hidden ones, not --help (every command has it).
auto visible(const CLI::App* sub) -> std::vector<const CLI::Option*> {
  return sub->get_options([](const CLI::Option* o) {
    return !o->get_group().empty() && o->get_name(false, true) != "-h,--help";
  });
}

// "FORMAT:{ics,tables}" -> "FORMAT"; "DATE" -> "DATE".
auto type_word(const CLI::Option* o) -> std::string {
  std::string t = o->get_type_name();
  if (const auto colon = t.find(':'); colon != std::string::npos) t.erase(colon);
  return t.empty() ? "VALUE" : t;
}

// The choices a validator lists in the type name ("FORMAT:{ics,tables}"), if any.
auto choices(const CLI::Option* o) -> std::vector<std::string> {
  const std::string t = o->get_type_name();
  const auto open = t.find('{');
  const auto close = t.find('}', open);
  std::vector<std::string> out;
  if (open == std::string::npos || close == std::string::npos) return out;
  std::string_view list(t.data() + open + 1, close - open - 1);
  while (!list.empty()) {
    const auto comma = list.find(',');
    out.emplace_back(list.substr(0, comma));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return out;
}

auto usage(const CLI::App* sub) -> std::string {
  std::string s = sub->get_name();
  for (const CLI::Option* o : visible(sub)) {
    if (o->nonpositional()) continue;
    const std::string word = o->get_name(true);
    s += o->get_required() ? fmt::format(" {}", word) : fmt::format(" [{}]", word);
    if (o->get_expected_max() > 1) s += "...";
  }
  return s;
}

void option_items(std::string& out, const CLI::App* sub) {
  for (const CLI::Option* o : visible(sub)) {
    std::string names = o->get_name(!o->nonpositional(), true);
    std::replace(names.begin(), names.end(), ',', ' ');
    out += ".TP\n\\fB" + roff(names) + "\\fR";
    if (o->nonpositional() && !is_flag(o)) out += " \\fI" + roff(type_word(o)) + "\\fR";
    out += "\n" + roff(o->get_description()) + "\n";
    if (const auto c = choices(o); !c.empty()) {
      std::string list;
      for (const auto& x : c) list += (list.empty() ? "" : ", ") + x;
      out += roff(fmt::format("One of: {}.", list)) + "\n";
    }
  }
}

auto commands(const CLI::App& app) -> std::vector<const CLI::App*> {
  return app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); });
}

}  // namespace

auto man_page(const CLI::App& app) -> std::string {
  std::string out = fmt::format(".TH DIPLO 1 \"\" \"diplo {}\" \"User Commands\"\n", diplo::version);
  std::string summary = app.get_description();
  std::replace(summary.begin(), summary.end(), '\n', ' ');
  if (summary.starts_with("diplo: ")) summary.erase(0, 7);
  out += ".SH NAME\ndiplo \\- " + roff(summary) + "\n";
  out +=
      ".SH SYNOPSIS\n.B diplo\n[\\fB\\-\\-data\\fR \\fIFILE\\fR]... \\fICOMMAND\\fR [\\fIARGS\\fR] "
      "[\\fB\\-\\-json\\fR]\n";
  out += ".SH DESCRIPTION\n" + roff(summary) + "\n.PP\n" +
         roff("Every command has --help (-h). The whole tool is described in docs/cli.md.") + "\n";
  out += ".SH OPTIONS\n";
  option_items(out, &app);
  out += ".SH COMMANDS\n";
  for (const CLI::App* sub : commands(app)) {
    out += ".SS \"" + roff(usage(sub)) + "\"\n" + roff(sub->get_description()) + "\n";
    option_items(out, sub);
    if (const std::string footer = sub->get_footer(); !footer.empty()) out += ".PP\n" + roff(footer) + "\n";
  }
  out +=
      ".SH EXIT STATUS\n.TP\n0\nanswered\n.TP\n1\nno such event (never met, no trip matched, nothing to "
      "export)\n.TP\n2\nbad usage or bad data (unknown or ambiguous name, bad date, broken file)\n";
  out +=
      ".SH SEE ALSO\nThe library and its formats: README.md, docs/cli.md and data/FORMAT.md in diplo's "
      "sources.\n";
  return out;
}

auto bash_completion(const CLI::App& app) -> std::string {
  std::string names;
  std::string cases;
  for (const CLI::App* sub : commands(app)) {
    names += (names.empty() ? "" : " ") + sub->get_name();
    std::string opts;
    std::string positional = "none";  // what a word that is no option completes to
    for (const CLI::Option* o : visible(sub)) {
      if (o->nonpositional()) {
        std::string all = o->get_name(false, true);
        std::replace(all.begin(), all.end(), ',', ' ');
        opts += " " + all;
      } else if (const auto c = choices(o); !c.empty()) {
        positional.clear();
        for (const auto& x : c) positional += (positional.empty() ? "" : " ") + x;
        positional = "words:" + positional;
      } else if (const std::string w = type_word(o); w == "NAME") {
        positional = "names";
      } else if (w != "DATE") {
        positional = "files";
      }
    }
    if (!opts.empty()) opts.erase(0, 1);  // the first space
    cases += fmt::format("    {}) opts=\"{}\"; positional=\"{}\" ;;\n", sub->get_name(), opts, positional);
  }
  return fmt::format(R"sh(# bash completion for diplo {0}, written by `diplo --bash-completion` from the
# command definitions. Completes commands, options, files and the actor ids of the bundled data.
_diplo() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}
  local commands="{1}" cmd="" w opts positional
  for w in "${{COMP_WORDS[@]:1:COMP_CWORD-1}}"; do
    case " $commands " in *" $w "*) cmd=$w; break ;; esac
  done
  case "$prev" in
    --data|-o|--output|--curation) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --actor|--guest) COMPREPLY=($(compgen -W "$(diplo --complete-names 2>/dev/null)" -- "$cur")); return ;;
    --lanes) COMPREPLY=($(compgen -W "person country" -- "$cur")); return ;;
  esac
  if [[ -z $cmd ]]; then
    COMPREPLY=($(compgen -W "$commands --data --help --version" -- "$cur")); return
  fi
  case "$cmd" in
{2}  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif [[ $positional == words:* ]]; then
    COMPREPLY=($(compgen -W "${{positional#words:}}" -- "$cur"))
  elif [[ $positional == names ]]; then
    COMPREPLY=($(compgen -W "$(diplo --complete-names 2>/dev/null)" -- "$cur"))
  elif [[ $positional == files ]]; then
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}}
complete -F _diplo diplo
)sh",
                     diplo::version, names, cases);
}

}  // namespace diplo::cli
