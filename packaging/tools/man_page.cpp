// keycard-man-page: fills a man page template with lists taken from a program's own --help
// output, so the man pages cannot drift from the option tables the programs print.
//
// Usage: keycard-man-page TEMPLATE OUTPUT PROGRAM
//
// TEMPLATE is roff. A line
//     .\" HELP ARGS... | SECTION
// is replaced by the entries of SECTION ("Options", "Exit status", ...) in the output of
// `PROGRAM ARGS...` as a roff list (.TP): a help section is a line "SECTION:" followed by
// two-column lines "  NAME  TEXT" (continuation lines indented further) up to a blank line;
// lines at the left margin inside the section become a paragraph after the list. A line
//     .\" USAGE ARGS...
// is replaced by the "Usage:" lines of that output, for the SYNOPSIS, and a line
//     .\" ABOUT ARGS...
// by the paragraph that follows the usage lines (the command's description). The program runs with
// the C locale (English text) and QT_QPA_PLATFORM=offscreen. A missing or empty section is an
// error, so a renamed section cannot silently empty a man page.
#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>

#include <cstdio>
#include <cstdlib>

namespace {

void fail(const QString &message)
{
    std::fprintf(stderr, "keycard-man-page: %s\n", qPrintable(message));
    std::exit(1);
}

QStringList splitArguments(const QString &text)
{
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QString runHelp(const QString &program, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LANGUAGE"), QString());
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        fail(QStringLiteral("%1 %2 failed").arg(program, arguments.join(QLatin1Char(' '))));
    return QString::fromUtf8(process.readAllStandardOutput());
}

// Escapes text for roff: backslashes, hyphens (so they stay ASCII hyphen-minus) and a leading
// control character.
QString roff(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    text.replace(QLatin1Char('-'), QStringLiteral("\\-"));
    if (text.startsWith(QLatin1Char('.')) || text.startsWith(QLatin1Char('\'')))
        text.prepend(QStringLiteral("\\&"));
    return text;
}

// "-h, --help" -> bold names; "--limit N" / "--port <N>" -> bold option, italic value.
QString roffName(const QString &name)
{
    QString out;
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString word = words.at(i);
        QString trailing;
        if (word.endsWith(QLatin1Char(','))) {
            word.chop(1);
            trailing = QStringLiteral(",");
        }
        const bool value = !word.startsWith(QLatin1Char('-')) && i > 0 &&
                           (word.startsWith(QLatin1Char('<')) || word.toUpper() == word);
        if (value) {
            if (word.startsWith(QLatin1Char('<')) && word.endsWith(QLatin1Char('>')))
                word = word.mid(1, word.size() - 2);
            out += QStringLiteral("\\fI") + roff(word) + QStringLiteral("\\fR");
        } else {
            out += QStringLiteral("\\fB") + roff(word) + QStringLiteral("\\fR");
        }
        out += trailing;
        if (i + 1 < words.size())
            out += QLatin1Char(' ');
    }
    return out;
}

struct Entry
{
    QString name;
    QString text;
};

QString section(const QString &help, const QString &name, const QString &where)
{
    const QStringList lines = help.split(QLatin1Char('\n'));
    const QRegularExpression entryLine(QStringLiteral("^  (\\S(?:.*?\\S)?)(?:\\s{2,}(\\S.*))?$"));
    QList<Entry> entries;
    QStringList after;
    bool inside = false;
    for (const QString &line : lines) {
        if (!inside) {
            inside = line.trimmed() == name + QLatin1Char(':') ||
                     line.startsWith(name + QStringLiteral(" ("));
            continue;
        }
        if (line.trimmed().isEmpty())
            break;
        if (!line.startsWith(QLatin1Char(' '))) {
            after << line.trimmed();
        } else if (line.startsWith(QStringLiteral("   ")) && !entries.isEmpty()) {
            entries.last().text += QLatin1Char(' ') + line.trimmed();
        } else if (const auto match = entryLine.match(line); match.hasMatch()) {
            entries.append({match.captured(1), match.captured(2)});
        }
    }
    if (entries.isEmpty())
        fail(QStringLiteral("no entries in section \"%1\" of %2").arg(name, where));
    QString out;
    for (const Entry &entry : entries) {
        out += QStringLiteral(".TP\n") + roffName(entry.name) + QLatin1Char('\n');
        out += roff(entry.text.trimmed()) + QLatin1Char('\n');
    }
    if (!after.isEmpty())
        out += QStringLiteral(".PP\n") + roff(after.join(QLatin1Char(' '))) + QLatin1Char('\n');
    return out;
}

QString usage(const QString &help, const QString &where)
{
    QString out;
    const QStringList lines = help.split(QLatin1Char('\n'));
    bool inside = false;
    for (const QString &line : lines) {
        if (line.startsWith(QStringLiteral("Usage: "))) {
            inside = true;
            out += roff(line.mid(7).simplified()) + QStringLiteral("\n.br\n");
        } else if (inside && line.startsWith(QStringLiteral("       "))) {
            out += roff(line.simplified()) + QStringLiteral("\n.br\n");
        } else if (inside) {
            break;
        }
    }
    if (out.isEmpty())
        fail(QStringLiteral("no Usage line in %1").arg(where));
    return out;
}

QString about(const QString &help, const QString &where)
{
    const QStringList blocks = help.split(QStringLiteral("\n\n"));
    for (qsizetype i = 0; i + 1 < blocks.size(); ++i) {
        if (blocks.at(i).startsWith(QStringLiteral("Usage: ")))
            return roff(blocks.at(i + 1).simplified()) + QLatin1Char('\n');
    }
    fail(QStringLiteral("no description after the Usage line in %1").arg(where));
    return {};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 4) {
        std::fprintf(stderr, "usage: keycard-man-page TEMPLATE OUTPUT PROGRAM\n");
        return 2;
    }
    const QString program = arguments.at(3);
    QFile in(arguments.at(1));
    if (!in.open(QIODevice::ReadOnly | QIODevice::Text))
        fail(QStringLiteral("cannot read %1").arg(arguments.at(1)));
    const QStringList lines = QString::fromUtf8(in.readAll()).split(QLatin1Char('\n'));

    const QRegularExpression helpLine(QStringLiteral("^\\.\\\\\" HELP(.*)\\|\\s*(.+?)\\s*$"));
    const QRegularExpression usageLine(QStringLiteral("^\\.\\\\\" USAGE(.*)$"));
    const QRegularExpression aboutLine(QStringLiteral("^\\.\\\\\" ABOUT(.*)$"));
    QString out;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (const auto match = helpLine.match(line); match.hasMatch()) {
            const QStringList args = splitArguments(match.captured(1));
            const QString where = program + QLatin1Char(' ') + args.join(QLatin1Char(' '));
            out += section(runHelp(program, args), match.captured(2), where);
        } else if (const auto usageMatch = usageLine.match(line); usageMatch.hasMatch()) {
            const QStringList args = splitArguments(usageMatch.captured(1));
            const QString where = program + QLatin1Char(' ') + args.join(QLatin1Char(' '));
            out += usage(runHelp(program, args), where);
        } else if (const auto aboutMatch = aboutLine.match(line); aboutMatch.hasMatch()) {
            const QStringList args = splitArguments(aboutMatch.captured(1));
            const QString where = program + QLatin1Char(' ') + args.join(QLatin1Char(' '));
            out += about(runHelp(program, args), where);
        } else {
            out += line;
            if (i + 1 < lines.size())
                out += QLatin1Char('\n');
        }
    }
    QFile file(arguments.at(2));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(out.toUtf8()) < 0)
        fail(QStringLiteral("cannot write %1").arg(arguments.at(2)));
    return 0;
}
