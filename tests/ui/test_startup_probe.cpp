// keycard-admin --startup-probe, as bench/gui-bench.sh runs it: the real executable starts on its
// in-process sandbox, reports the first painted organization list and exits.
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestStartupProbe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reportsTheFirstPaintedList();
    void failsWhenTheListCannotLoad();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList &arguments);
    QTemporaryDir m_config;
};

TestStartupProbe::Run TestStartupProbe::run(const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path()); // no saved profiles
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(KEYCARD_ADMIN_EXECUTABLE), arguments);
    if (!process.waitForFinished(60000))
        qFatal("keycard-admin %s did not finish", qPrintable(arguments.join(u' ')));
    Run result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    result.err = QString::fromLocal8Bit(process.readAllStandardError());
    return result;
}

void TestStartupProbe::reportsTheFirstPaintedList()
{
    QVERIFY(m_config.isValid());
    const Run probe = run({QStringLiteral("--startup-probe")});
    QCOMPARE(probe.exitCode, 0);
    // The sandbox's six demo organizations, painted after some milliseconds.
    static const QRegularExpression line(
        QStringLiteral("^startup-probe: first paint after (\\d+) ms, organizations in the list: "
                       "6$"));
    const QRegularExpressionMatch match = line.match(probe.out.trimmed());
    QVERIFY2(match.hasMatch(), qPrintable(probe.out + probe.err));
    QVERIFY(match.captured(1).toInt() > 0);
    // Unattended: nothing is written to the settings (no geometry, no first-run flag).
    QVERIFY(!QFileInfo::exists(m_config.filePath(QStringLiteral("Keycard/Keycard Admin.conf"))));
}

void TestStartupProbe::failsWhenTheListCannotLoad()
{
    // Port 9 (discard) on loopback: nothing listens, the first page fails.
    const Run probe = run({QStringLiteral("--startup-probe"), QStringLiteral("--base-url"),
                           QStringLiteral("http://127.0.0.1:9")});
    QCOMPARE(probe.exitCode, 1);
    QVERIFY2(probe.err.contains(QStringLiteral("startup-probe: the organization list failed to "
                                               "load")),
             qPrintable(probe.err));
    QVERIFY(probe.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestStartupProbe)
#include "test_startup_probe.moc"
