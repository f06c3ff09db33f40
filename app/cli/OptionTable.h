#pragma once

#include "CliOptions.h"

#include <QString>

#include <optional>
#include <span>

// What keycardctl accepts: its commands and the one table of its options, which both the parser
// (CliOptions.cpp) and the help (Help.cpp) read.
namespace keycard::cli {

// Which commands accept an option (bits).
enum Scope : unsigned {
    InOrgsList = 1u << 0,
    InOrgsGet = 1u << 1,
    InSsoGet = 1u << 2,
    InSsoEnable = 1u << 3,
    InSsoUpdate = 1u << 4,
    InSsoDisable = 1u << 5,
    InSsoCheck = 1u << 6,
    InSsoImpact = 1u << 7,
    InUsersList = 1u << 8,
    InUsersSet = 1u << 9,
    InUsersRemove = 1u << 10,
    InInvitationsList = 1u << 11,
    InInvitationsCreate = 1u << 12,
    InInvitationsRevoke = 1u << 13,
    Everywhere = 0xffffu,
    InSsoWrite = InSsoEnable | InSsoUpdate,
};

// Where an option is listed in the help: "Global options:", the protocol options of the SSO
// writes, or the "Options:" of the commands in its scope.
enum class HelpSection { Global, Protocol, Command };

struct OptionSpec
{
    const char *name;        // without the leading "--"
    const char *value;       // the value's placeholder in the help ("URL"), or null: a flag
    char shortName;          // 'h' for -h, or 0
    unsigned scope;          // the commands that accept it (and whose help lists this row)
    HelpSection section;     // the block of the help it is listed in
    const char *description; // translatable (context "keycard::cli"); '\n' wraps the column

    bool takesValue() const { return value != nullptr; }
};

// Every row of the table, in the order the help lists them.
std::span<const OptionSpec> allOptions();
// The option by its long name (the first row of that name), or by its one-letter form.
const OptionSpec *findOption(const QString &name);
const OptionSpec *findShortOption(QChar letter);
// Whether `command` accepts the option `name` (any of its rows names the command).
bool acceptsOption(Command command, const QString &name);

unsigned scopeOf(Command command);
std::optional<Command> commandFor(const QString &group, const QString &verb);
bool isGroup(const QString &word);

// A help block listing options, from the table: "Global options:\n  --base-url URL ...".
// `command` picks the rows of HelpSection::Command.
QString optionsHelp(HelpSection section, Command command = Command::None);

} // namespace keycard::cli
