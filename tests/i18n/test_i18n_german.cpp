// The German catalogue as the programs load it (keycard::i18n::loadTranslators), behind a
// translator that records every lookup nothing could answer: after showing the main window on
// the sandbox, opening the Enable SSO dialog and printing every keycardctl help text, that
// record must be empty. A string missing from resources/translations/keycard-admin_de.ts, or
// looked up under another context than lupdate filed it under, fails with its (context,
// source) pair: run scripts/update-translations.sh, translate, rebuild.
#include "Help.h"
#include "MainWindow.h"
#include "OrganizationBrowser.h"
#include "ProfileController.h"
#include "SandboxFixture.h"
#include "SsoEnableWizard.h"
#include "SsoIssuerChecklist.h"
#include "SsoWindowIntegration.h"
#include "SsoWorkflow.h"
#include "Translations.h"
#include "WindowTestSupport.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QProcess>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QWizard>

#include <memory>

using namespace keycard;

namespace {

// Answers from the real translators; remembers what none of them could translate.
class RecordingTranslator : public QTranslator
{
public:
    explicit RecordingTranslator(QList<QTranslator *> delegates)
        : m_delegates(std::move(delegates))
    {
    }

    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        ++m_lookups;
        for (const QTranslator *t : m_delegates) {
            const QString found = t->translate(context, sourceText, disambiguation, n);
            if (!found.isNull())
                return found;
        }
        const QString miss = QStringLiteral("(\"%1\", \"%2\")")
                                 .arg(QString::fromUtf8(context), QString::fromUtf8(sourceText));
        if (!m_misses.contains(miss))
            m_misses.append(miss);
        return {};
    }
    bool isEmpty() const override { return false; }

    int lookups() const { return m_lookups; }
    QStringList misses() const { return m_misses; }
    void reset()
    {
        m_lookups = 0;
        m_misses.clear();
    }

private:
    QList<QTranslator *> m_delegates;
    mutable int m_lookups = 0;
    mutable QStringList m_misses;
};

QString untranslated(const QStringList &misses)
{
    return QStringLiteral("%1 untranslated (context, source) pairs, add them to "
                          "resources/translations/keycard-admin_de.ts "
                          "(scripts/update-translations.sh):\n  %2")
        .arg(misses.size())
        .arg(misses.join(QStringLiteral("\n  ")));
}

} // namespace

class TestI18nGerman : public QObject
{
    Q_OBJECT

    QTemporaryDir settingsDir;
    std::unique_ptr<RecordingTranslator> recorder;

    // What the lookups since the last call left untranslated, prefixed with `where`.
    QStringList untranslatedSince(const char *where)
    {
        QStringList out;
        if (recorder->lookups() == 0)
            out << QStringLiteral("%1: no lookups at all").arg(QLatin1String(where));
        else if (!recorder->misses().isEmpty())
            out << QLatin1String(where) + QStringLiteral(": ") + untranslated(recorder->misses());
        recorder->reset();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", settingsDir.path().toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("KeycardTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_i18n_german"));
        const QLocale german(QLocale::German, QLocale::Germany);
        QLocale::setDefault(german);
        const QList<QTranslator *> translators = i18n::loadTranslators(german, this);
        QStringList languages;
        for (const QTranslator *t : translators)
            languages << t->language() + QLatin1Char(':') + t->filePath();
        // Qt's own German (qtbase_de.qm: dialog buttons, shortcut names) and ours.
        QVERIFY2(translators.size() == 2,
                 qPrintable(QStringLiteral("loaded: %1; Qt's translations are in %2 (Debian: "
                                           "qt6-translations-l10n)")
                                .arg(languages.join(QStringLiteral(", ")),
                                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))));
        QVERIFY2(translators.constLast()->language().startsWith(QLatin1String("de")),
                 qPrintable(languages.join(QStringLiteral(", "))));
        recorder = std::make_unique<RecordingTranslator>(translators);
        QVERIFY(QCoreApplication::installTranslator(recorder.get()));
    }

    void cleanupTestCase()
    {
        QCoreApplication::removeTranslator(recorder.get());
        QLocale::setDefault(QLocale::c());
    }

    void mainWindowAndEnableSsoDialog()
    {
        recorder->reset();
        test::SandboxFixture sandbox;
        MainWindow window;
        window.setPersistSettings(false);
        SessionInfo session;
        session.source = SessionInfo::Source::Sandbox;
        session.baseUrl = sandbox.server->baseUrl();
        window.setClient(sandbox.client.get(), session);
        ui::ProfileController::Options options;
        options.allowProfiles = false;
        options.connectDialogOnFirstRun = false;
        options.keychainService = QStringLiteral("keycard-admin-test-i18n");
        options.environment = QProcessEnvironment();
        ui::ProfileController profiles(&window, sandbox.client.get(), session, options);
        profiles.start();
        ui::SsoWorkflow *workflow = ui::installSsoWritePath(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // An organization with SSO (connection, permissions, endpoints), then one without.
        for (const char *label : {"acme", "globex"}) {
            QSignalSpy loaded(&window, &MainWindow::detailsLoaded);
            window.selectOrganization(QLatin1String(label));
            QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && loaded.constLast().at(1).toBool(), 10000);
            auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("detailTabs"));
            QVERIFY(tabs);
            for (int i = 0; i < tabs->count(); ++i)
                tabs->setCurrentIndex(i);
        }
        test::screenshot(&window, QStringLiteral("i18n-de-window")); // KEYCARD_SCREENSHOT_DIR
        QStringList failures = untranslatedSince("main window");

        // The Enable SSO dialog for globex, with its advanced section open and a field error.
        QVERIFY(window.enableSsoAction()->isEnabled());
        window.enableSsoAction()->trigger();
        auto *dialog = qobject_cast<ui::SsoEnableWizard *>(workflow->activeDialog());
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        // Every page of the wizard: a preset with fields, a field error, Advanced open, the
        // check (stopped) and the review.
        auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("providerCombo"));
        QVERIFY(combo);
        combo->setCurrentIndex(combo->findData(QStringLiteral("keycloak")));
        auto *issuer = dialog->findChild<QLineEdit *>(QStringLiteral("issuerEdit"));
        QVERIFY(issuer);
        QTest::keyClicks(issuer, QStringLiteral("http://idp.example.com/x?y"));
        QTest::keyClick(issuer, Qt::Key_Tab);
        test::screenshot(dialog, QStringLiteral("i18n-de-enable-sso"));
        issuer->setText(QStringLiteral("https://idp.example.com"));
        dialog->next();
        dialog->next();
        auto *toggle = dialog->findChild<QAbstractButton *>(QStringLiteral("advancedToggle"));
        QVERIFY(toggle);
        toggle->click();
        dialog->findChild<QLineEdit *>(QStringLiteral("clientIdEdit"))
            ->setText(QStringLiteral("c"));
        dialog->next();
        dialog->checkPage()->checklist()->cancel();
        dialog->next();
        QCOMPARE(dialog->currentId(), int(ui::SsoEnableWizard::ReviewPageId));
        const QString submitText = dialog->button(QWizard::FinishButton)->text();
        failures << untranslatedSince("Enable SSO wizard");
        dialog->setAttribute(Qt::WA_DeleteOnClose, false);
        delete dialog;
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));

        // What a German administrator sees.
        const QList<QAction *> menus = window.menuBar()->actions();
        QStringList titles;
        for (const QAction *menu : menus)
            titles << menu->text();
        QVERIFY2(titles.contains(QStringLiteral("&Datei")) &&
                     titles.contains(QStringLiteral("&Organisation")),
                 qPrintable(titles.join(QLatin1Char(' '))));
        auto *count = window.findChild<QLabel *>(QStringLiteral("countLabel"));
        QVERIFY(count);
        QCOMPARE(count->text(), QStringLiteral("6 Organisationen"));
        QVERIFY2(window.windowTitle().contains(QStringLiteral("Demodaten")),
                 qPrintable(window.windowTitle()));

        QCOMPARE(submitText, QStringLiteral("SSO &aktivieren"));
    }

    void keycardctlHelp()
    {
        recorder->reset();
        for (const char *topic : {"", "orgs", "sso", "orgs list", "orgs get", "sso get",
                                  "sso enable", "sso update", "sso disable"}) {
            const QString text = cli::helpText(QLatin1String(topic));
            QVERIFY2(!text.isEmpty(), topic);
        }
        const QStringList failures = untranslatedSince("keycardctl help");
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }

    void keycardctlSpeaksTheUsersLanguage()
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8"));
        env.remove(QStringLiteral("LANGUAGE"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(KEYCARDCTL_EXECUTABLE), {QStringLiteral("--help")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("Aufruf: keycardctl")) &&
                     out.contains(QStringLiteral("Globale Optionen:")),
                 qPrintable(out));
    }
};

QTEST_MAIN(TestI18nGerman)
#include "test_i18n_german.moc"
