#!/usr/bin/env bash
# Asks the generated keycardctl completions what they complete, as each shell would:
# bash through bash-completion's _init_completion, fish with `complete -C`, and zsh's file
# parsed (zsh -n). Every shell must be installed (scripts/install-deps.sh installs them).
# Usage: check-completions.sh DIR (with keycardctl.bash, _keycardctl and keycardctl.fish)
set -euo pipefail
dir=$1
status=0
for tool in bash fish zsh; do
    command -v "$tool" >/dev/null || { echo "check-completions: $tool is not installed" >&2; exit 1; }
done
[ -f /usr/share/bash-completion/bash_completion ] ||
    { echo "check-completions: bash-completion is not installed" >&2; exit 1; }

# expect SHELL LINE WORD...: completing LINE offers every WORD (a word "!X": never offers X).
expect() {
    local shell=$1 line=$2
    shift 2
    local offered
    case $shell in
    bash)
        offered=$(bash -c '
            source /usr/share/bash-completion/bash_completion
            source "$1"
            COMP_LINE=$2
            COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<<"$COMP_LINE"
            [[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            COMPREPLY=()
            _keycardctl keycardctl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
            printf "%s\n" "${COMPREPLY[@]}"' bash "$dir/keycardctl.bash" "$line") ;;
    fish)
        offered=$(fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$dir/keycardctl.fish" "$line" |
            cut -f1) ;;
    esac
    local word
    for word in "$@"; do
        if [[ $word == !* ]]; then
            if grep -qxF -- "${word#!}" <<<"$offered"; then
                echo "check-completions: $shell offers '${word#!}' for '$line'" >&2
                status=1
            fi
        elif ! grep -qxF -- "$word" <<<"$offered"; then
            echo "check-completions: $shell does not offer '$word' for '$line'; it offers:" >&2
            sed 's/^/    /' <<<"$offered" >&2
            status=1
        fi
    done
}

for shell in bash fish; do
    expect $shell "keycardctl " orgs sso help
    expect $shell "keycardctl sso e" enable
    expect $shell "keycardctl orgs " list get '!enable'
    expect $shell "keycardctl sso update --sc" --scopes
    expect $shell "keycardctl orgs list --a" --all --after '!--identifier'
    expect $shell "keycardctl orgs list --base" --base-url
done
expect bash "keycardctl --base" --base-url

if ! zsh -n "$dir/_keycardctl"; then
    echo "check-completions: zsh cannot parse _keycardctl" >&2
    status=1
fi
for command in "orgs list" "sso enable" "sso check"; do
    grep -qF "'$command')" "$dir/_keycardctl" ||
        { echo "check-completions: _keycardctl has no case for $command" >&2; status=1; }
done
exit $status
