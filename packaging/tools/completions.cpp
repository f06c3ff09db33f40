// keycard-completions: writes bash, zsh and fish completions for keycardctl from its own help,
// so that the completions, like the man pages (man_page.cpp), cannot drift from the option table
// the help is printed from (app/cli/OptionTable.cpp).
//
// Usage: keycard-completions KEYCARDCTL OUTPUT-DIRECTORY
//
// Reads `keycardctl --help` ("Commands:": "  GROUP VERB [ARGS]  text") and, for each command,
// `keycardctl help GROUP VERB`: every option line ("  --name VALUE  text", "  -v, --verbose
// text") of its "...options...:" sections, and the options its usage lines name. An option whose
// value is FILE or PATH completes file names; one with a value takes a word; a flag takes none.
// Writes keycardctl.bash, _keycardctl (zsh) and keycardctl.fish. The help runs with the C locale,
// so the generated files are the same on every machine. No command or no option found is an error.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>

#include <cstdio>
#include <cstdlib>

namespace {

struct Option
{
    QString name;  // "--base-url"
    QChar letter;  // 'v' for -v, or null
    QString value; // "URL", or empty for a flag
    QString help;  // the first line of its description
};

struct Command
{
    QString group; // "sso"
    QString verb;  // "enable"
    QString help;
    QList<Option> options; // its own, then the protocol options, then the global ones
};

void fail(const QString &message)
{
    std::fprintf(stderr, "keycard-completions: %s\n", qPrintable(message));
    std::exit(1);
}

QString runHelp(const QString &program, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LANGUAGE"), QString());
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    // A build tool: waiting here blocks nothing but this tool.
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        fail(QStringLiteral("%1 %2 failed").arg(program, arguments.join(QLatin1Char(' '))));
    return QString::fromUtf8(process.readAllStandardOutput());
}

// The lines of the section headed exactly `heading` (up to the next blank line).
QStringList section(const QString &help, const QString &heading)
{
    QStringList out;
    bool inside = false;
    for (const QString &line : help.split(QLatin1Char('\n'))) {
        if (!inside) {
            inside = line == heading;
            continue;
        }
        if (line.trimmed().isEmpty())
            break;
        out << line;
    }
    return out;
}

QList<Command> commands(const QString &help)
{
    static const QRegularExpression entry(
        QStringLiteral("^  ([a-z]+) ([a-z-]+)(?: [A-Z]+)*\\s{2,}(\\S.*)$"));
    QList<Command> out;
    for (const QString &line : section(help, QStringLiteral("Commands:"))) {
        const QRegularExpressionMatch m = entry.match(line);
        if (m.hasMatch())
            out.append({m.captured(1), m.captured(2), m.captured(3), {}});
    }
    return out;
}

QList<Option> options(const QString &help)
{
    static const QRegularExpression entry(QStringLiteral(
        "^  (?:-([a-zA-Z]), )?(--[a-z0-9-]+)(?: ([A-Z][A-Z0-9_-]*|<[a-z]+>))?\\s{2,}(\\S.*)$"));
    QList<Option> out;
    const QStringList lines = help.split(QLatin1Char('\n'));
    bool inOptions = false;
    for (const QString &line : lines) {
        if (line.isEmpty()) {
            inOptions = false;
            continue;
        }
        if (!line.startsWith(QLatin1Char(' '))) {
            // "Options:", "Global options:", "Protocol options (optional; ...):"
            inOptions = line.contains(QLatin1String("ptions")) && line.endsWith(QLatin1Char(':'));
            continue;
        }
        if (!inOptions)
            continue;
        const QRegularExpressionMatch m = entry.match(line);
        if (!m.hasMatch())
            continue;
        Option option{m.captured(2), QChar(), m.captured(3), m.captured(4)};
        if (!m.captured(1).isEmpty())
            option.letter = m.captured(1).at(0);
        bool known = false;
        for (const Option &o : out)
            known = known || o.name == option.name;
        if (!known)
            out << option;
    }
    // Options a command names only in its usage lines ("[--json] [--timeout SECONDS]").
    static const QRegularExpression usage(
        QStringLiteral("\\[(--[a-z0-9-]+)(?: ([A-Z][A-Z0-9_-]*))?[]| ]"));
    for (const QString &line : lines) {
        if (!line.startsWith(QLatin1String("Usage:")) && !line.startsWith(QLatin1String("      ")))
            continue;
        for (auto it = usage.globalMatch(line); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            bool known = false;
            for (const Option &o : out)
                known = known || o.name == m.captured(1);
            if (!known)
                out << Option{m.captured(1), QChar(), m.captured(2), QString()};
        }
    }
    return out;
}

bool takesFile(const Option &option)
{
    return option.value == QLatin1String("FILE") || option.value == QLatin1String("PATH");
}

// Single-quoted for sh, zsh and fish alike ('...' with ' written as '\'' ; fish: \').
QString shQuote(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QString fishQuote(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    out.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

// zsh's _arguments spec: '--name[help]:value:_files' ('[' and ']' and ':' escaped in the help).
QString zshSpec(const Option &option)
{
    QString help = option.help;
    help.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    help.replace(QLatin1Char('['), QStringLiteral("\\["));
    help.replace(QLatin1Char(']'), QStringLiteral("\\]"));
    help.replace(QLatin1Char(':'), QStringLiteral("\\:"));
    QString spec = option.name + QLatin1Char('[') + help + QLatin1Char(']');
    if (!option.value.isEmpty())
        spec += QLatin1Char(':') + option.value.toLower() + QLatin1Char(':') +
                (takesFile(option) ? QStringLiteral("_files") : QStringLiteral(" "));
    return shQuote(spec);
}

QString bash(const QList<Command> &all, const QList<Option> &global)
{
    QStringList groups;
    for (const Command &c : all) {
        if (!groups.contains(c.group))
            groups << c.group;
    }
    QString out = QStringLiteral(
        "# bash completion for keycardctl. Generated by keycard-completions from keycardctl's\n"
        "# help: do not edit.\n"
        "_keycardctl()\n"
        "{\n"
        "    local cur prev words cword\n"
        "    _init_completion || return\n"
        "    local group= verb= i\n"
        "    for ((i = 1; i < cword; i++)); do\n"
        "        case ${words[i]} in\n"
        "        -*) ;;\n"
        "        *)\n"
        "            if [[ -z $group ]]; then group=${words[i]}\n"
        "            elif [[ -z $verb ]]; then verb=${words[i]}\n"
        "            fi ;;\n"
        "        esac\n"
        "    done\n"
        "    local options= files= values=\n"
        "    case \"$group $verb\" in\n");
    for (const Command &c : all) {
        QStringList names;
        QStringList files;
        QStringList values;
        for (const Option &o : c.options) {
            names << o.name;
            if (!o.letter.isNull())
                names << QStringLiteral("-") + o.letter;
            if (takesFile(o))
                files << o.name;
            else if (!o.value.isEmpty())
                values << o.name;
        }
        out +=
            QStringLiteral("    %1)\n        options=%2\n        files=%3\n        values=%4 ;;\n")
                .arg(shQuote(c.group + QLatin1Char(' ') + c.verb), shQuote(names.join(u' ')),
                     shQuote(files.join(u' ')), shQuote(values.join(u' ')));
    }
    QStringList globals;
    QStringList globalValues;
    for (const Option &o : global) {
        globals << o.name;
        if (!o.letter.isNull())
            globals << QStringLiteral("-") + o.letter;
        if (!o.value.isEmpty())
            globalValues << o.name;
    }
    out += QStringLiteral("    *)\n        options=%1\n        values=%2 ;;\n    esac\n")
               .arg(shQuote(globals.join(u' ')), shQuote(globalValues.join(u' ')));
    out += QStringLiteral("    if [[ \" $files \" == *\" $prev \"* ]]; then\n"
                          "        _filedir\n"
                          "        return\n"
                          "    fi\n"
                          "    if [[ \" $values \" == *\" $prev \"* ]]; then\n"
                          "        return\n"
                          "    fi\n"
                          "    if [[ $cur == -* ]]; then\n"
                          "        COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
                          "        return\n"
                          "    fi\n"
                          "    if [[ -z $group ]]; then\n"
                          "        COMPREPLY=($(compgen -W %1 -- \"$cur\"))\n"
                          "        return\n"
                          "    fi\n"
                          "    if [[ -z $verb ]]; then\n"
                          "        case $group in\n")
               .arg(shQuote(groups.join(u' ') + QStringLiteral(" help")));
    for (const QString &group : groups) {
        QStringList verbs;
        for (const Command &c : all) {
            if (c.group == group)
                verbs << c.verb;
        }
        out += QStringLiteral("        %1) COMPREPLY=($(compgen -W %2 -- \"$cur\")) ;;\n")
                   .arg(group, shQuote(verbs.join(u' ')));
    }
    out += QStringLiteral("        help) COMPREPLY=($(compgen -W %1 -- \"$cur\")) ;;\n"
                          "        esac\n"
                          "    fi\n"
                          "} &&\n"
                          "    complete -F _keycardctl keycardctl\n")
               .arg(shQuote(groups.join(u' ')));
    return out;
}

QString zsh(const QList<Command> &all)
{
    QString out = QStringLiteral(
        "#compdef keycardctl\n"
        "# zsh completion for keycardctl. Generated by keycard-completions from keycardctl's\n"
        "# help: do not edit.\n"
        "local -a commands\n"
        "commands=(\n");
    for (const Command &c : all) {
        QString help = c.help;
        help.replace(QLatin1Char(':'), QStringLiteral("\\:"));
        out += QStringLiteral("    %1\n")
                   .arg(shQuote(c.group + QLatin1Char(' ') + c.verb + QLatin1Char(':') + help));
    }
    out += QStringLiteral(")\n"
                          "local -a words_left\n"
                          "words_left=(${words[2,CURRENT-1]:#-*})\n"
                          "if (( ${#words_left} < 2 )); then\n"
                          "    if (( ${#words_left} == 0 )); then\n"
                          "        local -a groups\n"
                          "        groups=(${(u)${commands%% *}} help)\n"
                          "        compadd -a groups\n"
                          "    else\n"
                          "        local -a verbs\n"
                          "        verbs=(${${(M)commands:#${words_left[1]} *}#* })\n"
                          "        verbs=(${verbs%%:*})\n"
                          "        compadd -a verbs\n"
                          "    fi\n"
                          "    return\n"
                          "fi\n"
                          "case \"${words_left[1]} ${words_left[2]}\" in\n");
    for (const Command &c : all) {
        QStringList specs;
        for (const Option &o : c.options)
            specs << zshSpec(o);
        out += QStringLiteral("%1)\n    _arguments -s '*: :' %2 ;;\n")
                   .arg(shQuote(c.group + QLatin1Char(' ') + c.verb), specs.join(u' '));
    }
    out += QStringLiteral("esac\n");
    return out;
}

QString fish(const QList<Command> &all)
{
    QStringList groups;
    for (const Command &c : all) {
        if (!groups.contains(c.group))
            groups << c.group;
    }
    QString out = QStringLiteral(
        "# fish completion for keycardctl. Generated by keycard-completions from keycardctl's\n"
        "# help: do not edit.\n"
        "complete -c keycardctl -f\n");
    out += QStringLiteral("complete -c keycardctl -n %1 -a %2\n")
               .arg(fishQuote(QStringLiteral("not __fish_seen_subcommand_from ") +
                              groups.join(u' ') + QStringLiteral(" help")),
                    fishQuote(groups.join(u' ') + QStringLiteral(" help")));
    for (const Command &c : all) {
        out += QStringLiteral("complete -c keycardctl -n %1 -a %2 -d %3\n")
                   .arg(fishQuote(QStringLiteral("__fish_seen_subcommand_from ") + c.group +
                                  QStringLiteral("; and not __fish_seen_subcommand_from ") +
                                  [&all, &c] {
                                      QStringList verbs;
                                      for (const Command &d : all) {
                                          if (d.group == c.group)
                                              verbs << d.verb;
                                      }
                                      return verbs.join(u' ');
                                  }()),
                        fishQuote(c.verb), fishQuote(c.help));
        const QString condition = QStringLiteral("__fish_seen_subcommand_from ") + c.group +
                                  QStringLiteral("; and __fish_seen_subcommand_from ") + c.verb;
        for (const Option &o : c.options) {
            QString line = QStringLiteral("complete -c keycardctl -n %1 -l %2")
                               .arg(fishQuote(condition), o.name.mid(2));
            if (!o.letter.isNull())
                line += QStringLiteral(" -s ") + o.letter;
            if (takesFile(o))
                line += QStringLiteral(" -r -F");
            else if (!o.value.isEmpty())
                line += QStringLiteral(" -r");
            line += QStringLiteral(" -d ") + fishQuote(o.help);
            out += line + QLatin1Char('\n');
        }
    }
    return out;
}

void write(const QString &path, const QString &text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(text.toUtf8()) != text.toUtf8().size())
        fail(QStringLiteral("cannot write %1").arg(path));
}

} // namespace

int main(int argc, char *argv[])
{
    const QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 3)
        fail(QStringLiteral("usage: keycard-completions KEYCARDCTL OUTPUT-DIRECTORY"));
    const QString program = arguments.at(1);
    const QDir outputDir(arguments.at(2));
    if (!outputDir.mkpath(QStringLiteral(".")))
        fail(QStringLiteral("cannot create %1").arg(outputDir.path()));

    const QString help = runHelp(program, {QStringLiteral("--help")});
    QList<Command> all = commands(help);
    const QList<Option> global = options(help); // the "Global options:" before a command
    if (all.isEmpty())
        fail(QStringLiteral("%1 --help lists no commands").arg(program));
    for (Command &c : all) {
        c.options = options(runHelp(program, {QStringLiteral("help"), c.group, c.verb}));
        if (c.options.isEmpty())
            fail(QStringLiteral("%1 help %2 %3 lists no options").arg(program, c.group, c.verb));
    }
    if (global.isEmpty())
        fail(QStringLiteral("%1 --help lists no global options").arg(program));
    write(outputDir.filePath(QStringLiteral("keycardctl.bash")), bash(all, global));
    write(outputDir.filePath(QStringLiteral("_keycardctl")), zsh(all));
    write(outputDir.filePath(QStringLiteral("keycardctl.fish")), fish(all));
    return 0;
}
