#!/usr/bin/env bash
# Packaging gate: the man pages cover what the programs' --help prints. Every option a program's
# --help (and, for keycardctl, every command's help) names must appear in its man page, and every
# keycardctl command must have its own section (.SS) in keycardctl(1). The option lists are
# generated from --help (keycard-man-page), so this catches a command or section the template
# does not ask for, e.g. a new keycardctl command without a .SS block in keycardctl.1.in.
#
# Usage: packaging/check-man-pages.sh MAN_DIR PROGRAM...     (PROGRAM: path of a built program)
set -euo pipefail
if [ $# -lt 2 ]; then
    echo "usage: $0 MAN_DIR PROGRAM..." >&2
    exit 2
fi
man_dir=$1
shift
status=0
export LC_ALL=C.UTF-8 LANGUAGE= QT_QPA_PLATFORM=offscreen

options_of() { grep -oE -- '--[a-z][a-z0-9-]*' | sort -u; }

for program in "$@"; do
    name=$(basename "$program")
    page="$man_dir/$name.1"
    [ -f "$page" ] || { echo "no man page $page" >&2; status=1; continue; }
    text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$page")
    if grep -qE '^\.\\" (HELP|USAGE|ABOUT)' "$page"; then
        echo "$name.1: a HELP/USAGE/ABOUT line was not replaced" >&2
        status=1
    fi
    help=$("$program" --help)
    if [ "$name" = keycardctl ]; then
        commands=$(awk '/^Commands:/ {on = 1; next} on && /^$/ {exit} on && /^  [a-z]/ {print $1 " " $2}' <<<"$help")
        [ -n "$commands" ] || { echo "keycardctl --help lists no commands" >&2; status=1; }
        while read -r group command; do
            [ -n "$group" ] || continue
            grep -qx ".SS \"$group $command\"" "$page" ||
                { echo "keycardctl.1 has no section for '$group $command'" >&2; status=1; }
            # shellcheck disable=SC2086
            help="$help
$("$program" help $group $command)"
        done <<<"$commands"
    fi
    count=0
    while read -r option; do
        [ -n "$option" ] || continue
        count=$((count + 1))
        grep -qF -- "$option" <<<"$text" || { echo "$name.1 does not mention $option" >&2; status=1; }
    done < <(options_of <<<"$help")
    echo "$name.1: $count options of --help, all in the man page"
done
exit "$status"
