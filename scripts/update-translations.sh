#!/usr/bin/env bash
# Brings resources/translations/*.ts up to date with the tr() strings in the source tree:
# new strings are added (unfinished, to be translated), strings no longer in the code are
# dropped, and the files are written sorted, without line numbers, so the diff shows only
# real changes. Then translate what is new (Qt Linguist, or by hand: every <message> whose
# <translation> says type="unfinished"), and build: the .qm files are compiled and embedded then.
#
# Usage: scripts/update-translations.sh          (from anywhere in the repository)
#
# Free tr() wrappers translate in the context of their namespace ("keycard::cli"), which is
# where lupdate files them; its warning "Class 'keycard::cli' lacks Q_OBJECT macro" for those
# namespaces is expected and filtered. Any other warning means a string the program will look
# up under another context than the catalogue has it: fix it (see README, Development).
set -euo pipefail

cd "$(dirname "$0")/.."
lupdate=${LUPDATE:-}
if [ -z "$lupdate" ]; then
    for candidate in /usr/lib/qt6/bin/lupdate "$(command -v lupdate6 || true)" "$(command -v lupdate || true)"; do
        if [ -n "$candidate" ] && [ -x "$candidate" ]; then
            lupdate=$candidate
            break
        fi
    done
fi
if [ -z "$lupdate" ]; then
    echo "update-translations: lupdate not found (Debian: qt6-l10n-tools); or set LUPDATE" >&2
    exit 1
fi

dirs=(app/core app/models app/profiles app/session app/cli ui)   # also in app/i18n/CMakeLists.txt
options=(-no-obsolete -locations none -tr-function-alias tr+=trc -extensions cpp,h)
expected="lacks Q_OBJECT macro"
allowed="Class 'keycard(::(cli|ui|http|detail|oidc))?' $expected"

status=0
run() {
    local log
    log=$("$lupdate" "${options[@]}" "$@" 2>&1) || { echo "$log" >&2; exit 1; }
    local problems
    problems=$(echo "$log" | grep -E '^/|^[^ ].*: ' | grep -Ev "$allowed" || true)
    if [ -n "$problems" ]; then
        echo "$problems" >&2
        status=1
    fi
    echo "$log" | grep -E 'Found|Updating' || true
}

shopt -s nullglob
for ts in resources/translations/keycard-admin_*.ts; do
    case "$ts" in
    *_en.ts) # the source language: only the plural forms ("%n organizations": 1 → "organization")
        run "${dirs[@]}" -pluralonly -source-language en -target-language en -ts "$ts" ;;
    *)
        run "${dirs[@]}" -source-language en -ts "$ts" ;;
    esac
done

if [ "$status" -ne 0 ]; then
    echo "update-translations: the warnings above need a fix in the code" >&2
fi
exit "$status"
