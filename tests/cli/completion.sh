#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Checks the bash completion the build writes: bash tests/cli/completion.sh SCRIPT DIPLO_DIR
set -euo pipefail
source "$1"
PATH="$2:$PATH"
failed=0
# expect WANTED WORD...: completing the words (the last is the one typed) offers WANTED.
expect() {
  local wanted="$1"
  shift
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _diplo
  if [[ " ${COMPREPLY[*]} " != *" $wanted "* ]]; then
    echo "completing '$*' offers '${COMPREPLY[*]}', not $wanted"
    failed=1
  fi
}
expect last-meeting diplo la
expect export diplo exp
expect --data diplo --da
expect ics diplo export ''
expect timelinejs diplo export t
expect xi-jinping diplo last-meeting xi
expect vladimir-putin diplo --data x.json meetings xi-jinping vlad
expect --before diplo last-meeting Xi Putin --b
expect country diplo export svg --lanes c
expect xi-jinping diplo export ics --actor x
echo "completion: $( ((failed)) && echo failed || echo every case offers what it should)"
exit "$failed"
