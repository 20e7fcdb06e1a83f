#!/bin/sh
# The README's test command (second line of its first code block) must be a line of .ci/run,
# character for character: CI runs exactly what the README tells a user.
# Usage: readme_commands_test.sh <source dir>
set -eu
root="$1"
command="$(awk '/^```/ { block++; next } block == 1 { lines++; if (lines == 2) { print; exit } }' "$root/README.md")"
if [ -z "$command" ]; then
  echo "README.md: no test command on the second line of the first code block" >&2
  exit 1
fi
if ! grep -qxF -- "$command" "$root/.ci/run"; then
  echo ".ci/run does not contain the README's test command:" >&2
  echo "  $command" >&2
  exit 1
fi
echo "ok: .ci/run runs the README's test command"
