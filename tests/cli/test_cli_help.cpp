// keycardctl's help is generated from the option table the parser uses: they cannot drift.
#include "CliOptions.h"
#include "Help.h"
#include "OptionTable.h"

#include <QRegularExpression>
#include <QTest>

using namespace keycard::cli;

namespace {

constexpr Command kCommands[] = {Command::OrgsList,  Command::OrgsGet,   Command::SsoGet,
                                 Command::SsoEnable, Command::SsoUpdate, Command::SsoDisable,
                                 Command::SsoCheck};

// The arguments that run `command` with the option `name` (and a value when it takes one).
QStringList withOption(Command command, const OptionSpec &spec)
{
    QStringList words = commandPath(command).split(QLatin1Char(' '));
    if (command != Command::OrgsList)
        words << QStringLiteral("acme");
    words << QLatin1String("--") + QLatin1String(spec.name);
    if (spec.takesValue())
        words << QStringLiteral("1");
    return words;
}

// The long options listed in an option block of a help text ("  --name" or "  -x, --name").
QStringList listedOptions(const QString &help)
{
    static const QRegularExpression line(QStringLiteral("^  (?:-[a-z], )?--([a-z-]+)"),
                                         QRegularExpression::MultilineOption);
    QStringList names;
    for (auto it = line.globalMatch(help); it.hasNext();)
        names << it.next().captured(1);
    return names;
}

} // namespace

class TestCliHelp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyAcceptedOptionIsInTheHelp()
    {
        // sso check documents its own options only; the others list every option they take.
        for (const Command command : kCommands) {
            if (command == Command::SsoCheck)
                continue;
            const QStringList listed = listedOptions(helpText(commandPath(command)));
            for (const OptionSpec &spec : allOptions()) {
                if (!acceptsOption(command, QLatin1String(spec.name)))
                    continue;
                QVERIFY2(listed.contains(QLatin1String(spec.name)),
                         qPrintable(commandPath(command) + QLatin1String(": --") +
                                    QLatin1String(spec.name)));
            }
        }
    }

    void everyListedOptionIsAccepted()
    {
        for (const Command command : kCommands) {
            const QStringList listed = listedOptions(helpText(commandPath(command)));
            for (const QString &name : listed) {
                const OptionSpec *spec = findOption(name);
                QVERIFY2(spec, qPrintable(name));
                const ParseOutcome outcome = parseArguments(withOption(command, *spec));
                QVERIFY2(!outcome.error.contains(QLatin1String("is not an option")),
                         qPrintable(outcome.error));
                QVERIFY2(outcome.action != ParseOutcome::Action::Error ||
                             !outcome.error.startsWith(QLatin1String("unknown option")),
                         qPrintable(outcome.error));
            }
        }
    }

    void shortFormsAreTheTablesOnes()
    {
        // -h, -v and -y, as the help shows them, and no other letter.
        QCOMPARE(parseArguments({QStringLiteral("-h")}).action, ParseOutcome::Action::Help);
        const ParseOutcome verbose =
            parseArguments({QStringLiteral("-v"), QStringLiteral("orgs"), QStringLiteral("list")});
        QCOMPARE(verbose.action, ParseOutcome::Action::Run);
        QVERIFY(verbose.invocation.verbose);
        const ParseOutcome yes = parseArguments({QStringLiteral("sso"), QStringLiteral("disable"),
                                                 QStringLiteral("acme"), QStringLiteral("-y")});
        QCOMPARE(yes.action, ParseOutcome::Action::Run);
        QVERIFY(yes.invocation.yes);
        const ParseOutcome unknown =
            parseArguments({QStringLiteral("orgs"), QStringLiteral("list"), QStringLiteral("-x")});
        QCOMPARE(unknown.action, ParseOutcome::Action::Error);
        QCOMPARE(unknown.error, QStringLiteral("unknown option '-x'"));
        QVERIFY(helpText(QStringLiteral("sso disable")).contains(QLatin1String("  -y, --yes")));
        QVERIFY(helpText({}).contains(QLatin1String("  -v, --verbose")));
    }
};

QTEST_GUILESS_MAIN(TestCliHelp)
#include "test_cli_help.moc"
