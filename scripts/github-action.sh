#!/usr/bin/env bash
# The script of the composite GitHub Action (action.yml): runs compose4j validate --format github on
# INPUT_FILES, so every problem is an annotation on the pull request, adds a line to the job
# summary, and exits as compose4j does (0 passes, 1 a problem at or above fail-on, 2 unreadable
# input). Which compose4j: $COMPOSE4J if set (a launcher), else 'compose4j' on PATH, else the
# release INPUT_VERSION downloaded, else one built from this action's source with Maven.
set -euo pipefail
action_dir=$(cd "$(dirname "$0")/.." && pwd)
work=${RUNNER_TEMP:-${TMPDIR:-/tmp}}

find_compose4j() {
  if [ -n "${COMPOSE4J:-}" ]; then
    echo "$COMPOSE4J"
  elif command -v compose4j >/dev/null 2>&1; then
    command -v compose4j
  elif [ -n "${INPUT_VERSION:-}" ]; then
    local v=${INPUT_VERSION#v}
    local url="https://github.com/compose4j/compose4j/releases/download/v$v/compose4j-$v-bin.tar.gz"
    curl -fsSL "$url" | tar xz -C "$work" || { echo "::error::cannot download compose4j $v from $url" >&2; exit 2; }
    echo "$work/compose4j-$v/bin/compose4j"
  else
    (cd "$action_dir" && mvn -B -q -DskipTests -pl compose-cli -am package >&2) \
      || { echo "::error::cannot build compose4j from $action_dir" >&2; exit 2; }
    local archive
    archive=$(ls "$action_dir"/compose-cli/target/compose4j-*-bin.tar.gz | head -n 1)
    tar xzf "$archive" -C "$work"
    local home
    home=$(basename "$archive" -bin.tar.gz)
    echo "$work/$home/bin/compose4j"
  fi
}

c4j=$(find_compose4j)
read -r -a files <<< "${INPUT_FILES:-.}"
[ "${#files[@]}" -gt 0 ] || files=(.)

args=(validate --format github --separate-stacks)
[ -z "${INPUT_TARGET:-}" ] || args+=(--target "$INPUT_TARGET")
[ -z "${INPUT_FAIL_ON:-}" ] || args+=(--fail-on "$INPUT_FAIL_ON")
[ -z "${INPUT_SUPPRESS:-}" ] || args+=(--suppress "$INPUT_SUPPRESS")

summary_file=$(mktemp)
trap 'rm -f "$summary_file"' EXIT
set +e
"$c4j" "${args[@]}" -- "${files[@]}" 2> >(tee "$summary_file" >&2)
code=$?
wait
fmt_code=0
if [ "${INPUT_FMT_CHECK:-false}" = true ]; then
  fmt_args=(fmt --check)
  [ -z "${INPUT_TARGET:-}" ] || fmt_args+=(--target "$INPUT_TARGET")
  changed=$("$c4j" "${fmt_args[@]}" -- "${files[@]}")
  fmt_code=$?
  while IFS= read -r f; do
    [ -z "$f" ] || echo "::error file=$f,title=fmt::not in canonical form; run compose4j fmt --write $f"
  done <<< "$changed"
fi
set -e

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  {
    echo "### compose4j validate"
    echo
    echo "\`${files[*]}\`: $(tail -n 1 "$summary_file") (exit $code)"
    if [ "${INPUT_FMT_CHECK:-false}" = true ]; then
      echo
      echo "fmt --check: $( [ "$fmt_code" = 0 ] && echo "every file in canonical form" || echo "exit $fmt_code")"
    fi
  } >> "$GITHUB_STEP_SUMMARY"
fi
[ "$code" != 0 ] && exit "$code"
exit "$fmt_code"
