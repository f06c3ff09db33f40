#pragma once

// Every profiles test runs under a throw-away home: settings, caches and keyrings land in a
// temporary directory that the test can scan and that is removed afterwards.

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStandardPaths>
#include <QStringList>
#include <QTemporaryDir>

#include <optional>

namespace keycard::testing {

class TempHome
{
public:
    // Call before the application object and before any QSettings exists. When the environment
    // already names a private home (run-with-keyring.sh sets KEYCARD_TEST_HOME), it is used.
    // `testMode` turns on QStandardPaths' test mode (settings under ~/.qttest); off when a
    // child process such as keycardctl must find the same files as the real application.
    explicit TempHome(bool testMode = true)
    {
        const QByteArray given = qgetenv("KEYCARD_TEST_HOME");
        if (!given.isEmpty()) {
            m_path = QString::fromLocal8Bit(given);
        } else {
            m_dir.emplace(QDir::tempPath() + QStringLiteral("/keycard-profiles-XXXXXX"));
            m_path = m_dir->path();
        }
        qputenv("HOME", QFile::encodeName(m_path));
        for (const char *name :
             {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
            if (given.isEmpty() || qEnvironmentVariableIsEmpty(name))
                qputenv(name, QFile::encodeName(m_path + QLatin1Char('/') +
                                                QString::fromLatin1(name).toLower()));
        }
        QStandardPaths::setTestModeEnabled(testMode);
    }

    QString path() const { return m_path; }

    // Every regular file under the home whose bytes contain `needle` in UTF-8, UTF-16 (both byte
    // orders) or Latin-1: the ways a QString can end up on disk.
    QStringList filesContaining(const QString &needle) const
    {
        const QList<QByteArray> forms = {
            needle.toUtf8(), needle.toLatin1(),
            QByteArray(reinterpret_cast<const char *>(needle.utf16()), needle.size() * 2),
            utf16be(needle)};
        QStringList hits;
        QDirIterator it(m_path, QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = f.readAll();
            for (const QByteArray &form : forms) {
                if (bytes.contains(form)) {
                    hits.append(file);
                    break;
                }
            }
        }
        return hits;
    }

    // Every regular file under the home (to show that the scan looked at something).
    QStringList allFiles() const
    {
        QStringList out;
        QDirIterator it(m_path, QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            out.append(it.next());
        return out;
    }

private:
    static QByteArray utf16be(const QString &s)
    {
        QByteArray out;
        for (const QChar c : s) {
            out.append(char(c.unicode() >> 8));
            out.append(char(c.unicode() & 0xff));
        }
        return out;
    }

    std::optional<QTemporaryDir> m_dir;
    QString m_path;
};

} // namespace keycard::testing

// QTEST_GUILESS_MAIN with a temporary home set up before the application exists.
#define KEYCARD_TEMP_HOME_MAIN(TestClass)                                                          \
    int main(int argc, char **argv)                                                                \
    {                                                                                              \
        keycard::testing::TempHome home;                                                           \
        QCoreApplication app(argc, argv);                                                          \
        QCoreApplication::setOrganizationName(QStringLiteral("Keycard"));                          \
        QCoreApplication::setApplicationName(QStringLiteral("KeycardAdminProfilesTest"));          \
        TestClass test(&home);                                                                     \
        return QTest::qExec(&test, argc, argv);                                                    \
    }

// The same for widget tests (the test includes <QApplication>).
#define KEYCARD_TEMP_HOME_GUI_MAIN(TestClass)                                                      \
    int main(int argc, char **argv)                                                                \
    {                                                                                              \
        keycard::testing::TempHome home;                                                           \
        QApplication app(argc, argv);                                                              \
        QApplication::setOrganizationName(QStringLiteral("Keycard"));                              \
        QApplication::setApplicationName(QStringLiteral("KeycardAdminProfilesTest"));              \
        TestClass test(&home);                                                                     \
        return QTest::qExec(&test, argc, argv);                                                    \
    }
