// The Connect to Keycard dialog, driven through findChild against an in-process sandbox, with no
// keychain reachable (the session bus address points nowhere): inline validation, Test
// connection's success and failure reports, Try the sandbox, Save. With
// KEYCARD_SCREENSHOT_DIR set it also saves screenshots (normal, errors, dark palette).

#include "../profiles/TempHome.h"
#include "ConnectDialog.h"
#include "ProfileSession.h"
#include "ProfileStore.h"
#include "SandboxServer.h"
#include "Screenshot.h"
#include "SecretStore.h"
#include "Theme.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QToolButton>

using namespace keycard;
using namespace keycard::profiles;
using keycard::ui::ConnectDialog;

class TestProfileDialog : public QObject
{
    Q_OBJECT
public:
    explicit TestProfileDialog(testing::TempHome *home)
        : m_home(home)
    {
    }

private:
    template<typename T> T *child(const char *name)
    {
        T *w = m_dialog->findChild<T *>(QLatin1String(name));
        if (!w)
            qWarning("no child %s", name);
        return w;
    }
    QLineEdit *edit(const char *name) { return child<QLineEdit>(name); }
    QString message(const char *name)
    {
        QLabel *l = child<QLabel>(name);
        return l && !l->isHidden() ? l->text() : QString();
    }
    void type(const char *name, const QString &text)
    {
        QLineEdit *e = edit(name);
        e->clear();
        QTest::keyClicks(e, text);
    }
    void fillSandbox(const QString &secret = QStringLiteral("sandbox-demo-secret"))
    {
        type("profileNameEdit", QStringLiteral("Staging"));
        type("baseUrlEdit", m_sandbox->baseUrl().toString());
        type("clientIdEdit", QStringLiteral("demo-admin"));
        type("clientSecretEdit", secret);
    }
    QString status() { return child<QLabel>("connectStatusText")->text(); }
    QString statusKind()
    {
        return child<QWidget>("connectStatus")->property("statusKind").toString();
    }
    void shoot(const QString &name) { test::screenshot(m_dialog.get(), name); }

    testing::TempHome *m_home;
    QNetworkAccessManager m_nam;
    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<ProfileSession> m_session;
    std::unique_ptr<ConnectDialog> m_dialog;

private Q_SLOTS:
    void init()
    {
        QSettings().clear();
        m_sandbox = std::make_unique<sandbox::SandboxServer>();
        QVERIFY(m_sandbox->listen());
        m_store = std::make_unique<ProfileStore>();
        m_secrets = std::make_unique<SecretStore>(QStringLiteral("ai.keycard.KeycardAdmin.test"));
        m_session = std::make_unique<ProfileSession>(m_store.get(), m_secrets.get());
        m_dialog = std::make_unique<ConnectDialog>(m_session.get(), &m_nam);
        m_dialog->open();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }

    void cleanup()
    {
        m_dialog.reset();
        m_session.reset();
        m_secrets.reset();
        m_store.reset();
        m_sandbox.reset();
    }

    void startsWithDefaultsAndNothingToTest()
    {
        QCOMPARE(edit("baseUrlEdit")->text(), QStringLiteral("https://api.keycard.ai"));
        QVERIFY(child<QRadioButton>("kindServiceAccount")->isChecked());
        QVERIFY(!child<QPushButton>("testConnectionButton")->isEnabled());
        QVERIFY(!child<QPushButton>("saveProfileButton")->isEnabled());
        QVERIFY(child<QPushButton>("trySandboxButton")->isVisible());
        // Typing starts in the name; Enter saves, never starts the sandbox or a test.
        QCOMPARE(m_dialog->focusWidget(), edit("profileNameEdit"));
        QVERIFY(child<QPushButton>("saveProfileButton")->isDefault());
        QVERIFY(!child<QPushButton>("trySandboxButton")->autoDefault());
        QVERIFY(!child<QPushButton>("testConnectionButton")->autoDefault());
        QCOMPARE(edit("clientSecretEdit")->echoMode(), QLineEdit::Password);
        QVERIFY(message("baseUrlMessage").isEmpty());
        QCOMPARE(message("profileNameMessage"), QStringLiteral("Enter a name for this connection"));
        shoot(QStringLiteral("connect-empty"));
    }

    // Alt+N and Alt+U (the labels' mnemonics) move the focus into their text fields.
    void mnemonicsMoveTheFocus()
    {
        m_dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
        edit("clientIdEdit")->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(edit("clientIdEdit")));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_U, Qt::AltModifier);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(edit("baseUrlEdit")));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::AltModifier);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(edit("profileNameEdit")));
        QVERIFY(edit("profileNameEdit")->text().isEmpty());
    }

    void baseUrlIsValidatedInline()
    {
        QLineEdit *url = edit("baseUrlEdit");
        type("baseUrlEdit", QStringLiteral("http://api.keycard.ai"));
        QCOMPARE(url->text(), QStringLiteral("http://api.keycard.ai")); // never swallowed
        QVERIFY(!url->hasAcceptableInput());
        QVERIFY2(message("baseUrlMessage").contains(QLatin1String("Refusing plain http://")),
                 qPrintable(message("baseUrlMessage")));
        type("baseUrlEdit", QStringLiteral("http://localhost:8080"));
        QVERIFY(url->hasAcceptableInput());
        QVERIFY(message("baseUrlMessage").isEmpty());
        type("baseUrlEdit", QStringLiteral("ftp://x"));
        QVERIFY(message("baseUrlMessage").contains(QLatin1String("Unsupported URL scheme")));
    }

    void errorsShowInline()
    {
        type("profileNameEdit", QStringLiteral(" Production"));
        type("baseUrlEdit", QStringLiteral("http://api.keycard.example"));
        type("clientIdEdit", QStringLiteral("svc-prod"));
        QVERIFY(message("profileNameMessage").contains(QLatin1String("space")));
        QVERIFY(!message("baseUrlMessage").isEmpty());
        QCOMPARE(message("clientSecretMessage"),
                 QStringLiteral("Enter the service account's client secret"));
        QVERIFY(!child<QPushButton>("saveProfileButton")->isEnabled());
        QVERIFY(!child<QPushButton>("testConnectionButton")->isEnabled());
        shoot(QStringLiteral("connect-errors"));
    }

    // A message that wraps gets the lines it needs, without relayout help from the test, and
    // the dialog's shortcuts are all different.
    void wrappedMessagesAreNotClipped()
    {
        type("baseUrlEdit", QStringLiteral("http://keycard.example"));
        auto *label = child<QLabel>("baseUrlMessage");
        QTRY_VERIFY(label->isVisible() && label->height() > 0);
        const QRect needed = label->fontMetrics().boundingRect(
            QRect(0, 0, label->contentsRect().width(), QWIDGETSIZE_MAX), Qt::TextWordWrap,
            label->text());
        QVERIFY2(needed.height() > label->fontMetrics().height(), "the message should wrap");
        QTRY_VERIFY2(label->contentsRect().height() >= needed.height(),
                     qPrintable(QStringLiteral("%1 < %2")
                                    .arg(label->contentsRect().height())
                                    .arg(needed.height())));
        // Nothing below overlaps it.
        auto *kind = child<QRadioButton>("kindServiceAccount");
        const auto labelBottom = [&] {
            return label->mapTo(m_dialog.get(), QPoint(0, label->height())).y();
        };
        const auto kindTop = [&] { return kind->mapTo(m_dialog.get(), QPoint(0, 0)).y(); };
        QTRY_VERIFY2(kindTop() >= labelBottom(),
                     qPrintable(QStringLiteral("%1 < %2").arg(kindTop()).arg(labelBottom())));

        QSet<QChar> mnemonics;
        const auto widgets = m_dialog->findChildren<QAbstractButton *>();
        const auto labels = m_dialog->findChildren<QLabel *>();
        QStringList texts;
        for (const QAbstractButton *b : widgets)
            texts << b->text();
        for (const QLabel *l : labels)
            texts << l->text();
        for (const QString &text : std::as_const(texts)) {
            const qsizetype amp = text.indexOf(QLatin1Char('&'));
            if (amp < 0 || amp + 1 >= text.size() || text.at(amp + 1) == QLatin1Char('&'))
                continue;
            const QChar key = text.at(amp + 1).toLower();
            QVERIFY2(!mnemonics.contains(key), qPrintable(QStringLiteral("Alt+%1 twice").arg(key)));
            mnemonics.insert(key);
        }
    }

    void savingOverAnotherProfileIsPointedOut()
    {
        Profile p;
        p.name = QStringLiteral("Production");
        p.clientId = QStringLiteral("svc");
        QVERIFY(m_store->save(p));
        type("profileNameEdit", QStringLiteral("Production"));
        QVERIFY2(message("profileNameMessage").contains(QLatin1String("replaces")),
                 qPrintable(message("profileNameMessage")));
        QVERIFY(edit("profileNameEdit")->hasAcceptableInput()); // a note, not an error
        m_dialog->setProfile(p, true);                          // editing that profile: no note
        QVERIFY(message("profileNameMessage").isEmpty());
    }

    void tokenKindSwapsTheFields()
    {
        child<QRadioButton>("kindToken")->click();
        QVERIFY(edit("clientIdEdit")->isHidden() || !edit("clientIdEdit")->isVisible());
        QVERIFY(edit("tokenEdit")->isVisible());
        QCOMPARE(message("tokenMessage"), QStringLiteral("Paste the API token"));
        type("tokenEdit", QStringLiteral("abc"));
        QToolButton *reveal = child<QToolButton>("revealToken");
        QCOMPARE(reveal->accessibleName(), QStringLiteral("Show API token"));
        QCOMPARE(child<QToolButton>("revealSecret")->accessibleName(),
                 QStringLiteral("Show client secret"));
        QCOMPARE(edit("tokenEdit")->echoMode(), QLineEdit::Password);
        reveal->click();
        QCOMPARE(edit("tokenEdit")->echoMode(), QLineEdit::Normal);
        reveal->click();
        QCOMPARE(edit("tokenEdit")->echoMode(), QLineEdit::Password);
    }

    void testConnectionSucceeds()
    {
        fillSandbox();
        QPushButton *test = child<QPushButton>("testConnectionButton");
        QVERIFY(test->isEnabled());
        QSignalSpy finished(m_dialog.get(), &ConnectDialog::testFinished);
        test->click();
        QCOMPARE(statusKind(), QStringLiteral("busy"));
        QVERIFY(!test->isEnabled()); // one test at a time
        QVERIFY(finished.wait(20000));
        QCOMPARE(statusKind(), QStringLiteral("success"));
        QVERIFY2(status().startsWith(QLatin1String("Connected:")), qPrintable(status()));
        QVERIFY(test->isEnabled());
        // The server saw the typed credentials and a one-organization list.
        const auto requests = m_sandbox->requests();
        QCOMPARE(requests.last().query.queryItemValue(QStringLiteral("limit")),
                 QStringLiteral("1"));
        shoot(QStringLiteral("connect-success"));
        // Changing a setting clears a result that no longer applies.
        QTest::keyClicks(edit("clientIdEdit"), QStringLiteral("x"));
        QCOMPARE(statusKind(), QStringLiteral("none"));
    }

    void testConnectionReportsWrongSecret()
    {
        fillSandbox(QStringLiteral("wrong-secret"));
        QSignalSpy finished(m_dialog.get(), &ConnectDialog::testFinished);
        child<QPushButton>("testConnectionButton")->click();
        QVERIFY(finished.wait(20000));
        QCOMPARE(statusKind(), QStringLiteral("error"));
        QCOMPARE(m_dialog->lastTestResult().error.kind, ApiError::Kind::Authentication);
        QVERIFY2(status().contains(QLatin1String("refused the credentials")), qPrintable(status()));
        QVERIFY(!status().contains(QLatin1String("wrong-secret")));
        shoot(QStringLiteral("connect-wrong-secret"));
    }

    void testConnectionReportsServerDown()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        fillSandbox();
        type("baseUrlEdit", QStringLiteral("http://127.0.0.1:%1").arg(port));
        QSignalSpy finished(m_dialog.get(), &ConnectDialog::testFinished);
        child<QPushButton>("testConnectionButton")->click();
        QVERIFY(finished.wait(20000));
        QCOMPARE(m_dialog->lastTestResult().error.kind, ApiError::Kind::Network);
        QVERIFY2(status().startsWith(QLatin1String("Cannot reach 127.0.0.1")),
                 qPrintable(status()));
    }

    void trySandboxAsksForTheSandbox()
    {
        QSignalSpy sandbox(m_dialog.get(), &ConnectDialog::sandboxRequested);
        child<QPushButton>("trySandboxButton")->click();
        QCOMPARE(sandbox.size(), 1);
        QVERIFY(!m_dialog->isVisible());
    }

    void saveStoresProfileButNeverTheSecretOnDisk()
    {
        const QString secret = QStringLiteral("sandbox-demo-secret");
        fillSandbox(secret);
        QSignalSpy saved(m_dialog.get(), &ConnectDialog::saved);
        child<QPushButton>("saveProfileButton")->click();
        QVERIFY(saved.wait(20000));
        const auto result = saved.first().at(1).value<SecretResult>();
        // No keychain in this test: kept for the session, and the dialog said so.
        QCOMPARE(result.outcome, SecretResult::Outcome::SessionOnly);
        QVERIFY(!m_dialog->isVisible());
        QVERIFY(m_secrets->hasSessionSecret(QStringLiteral("Staging")));
        const auto profile = m_store->profile(QStringLiteral("Staging"));
        QVERIFY(profile);
        QCOMPARE(profile->baseUrl, m_sandbox->baseUrl());
        QCOMPARE(profile->clientId, QStringLiteral("demo-admin"));
        QCOMPARE(m_store->lastUsed(), QStringLiteral("Staging"));
        QVERIFY(m_store->sync());
        QCOMPARE(m_home->filesContaining(secret), QStringList());
        QVERIFY(!m_home->filesContaining(QStringLiteral("demo-admin")).isEmpty());
    }

    void editingKeepsTheStoredSecret()
    {
        Profile p;
        p.name = QStringLiteral("Staging");
        p.baseUrl = m_sandbox->baseUrl();
        p.clientId = QStringLiteral("demo-admin");
        std::optional<SecretResult> stored;
        m_session->save(p, Secret(QStringLiteral("sandbox-demo-secret")), this,
                        [&](const SecretResult &r) { stored = r; });
        QTRY_VERIFY(stored.has_value());
        m_dialog->setProfile(p, true);
        QVERIFY(edit("clientSecretEdit")->text().isEmpty());
        QVERIFY(edit("clientSecretEdit")->placeholderText().contains(QLatin1String("leave empty")));
        QVERIFY(message("clientSecretMessage").isEmpty());
        // Test uses the stored secret when the field is left empty.
        QSignalSpy finished(m_dialog.get(), &ConnectDialog::testFinished);
        child<QPushButton>("testConnectionButton")->click();
        QVERIFY(finished.wait(20000));
        QVERIFY2(m_dialog->lastTestResult().ok, qPrintable(status()));
        shoot(QStringLiteral("connect-edit"));
        // A client secret cannot become an API token: switching the kind asks for the token.
        child<QRadioButton>("kindToken")->click();
        QVERIFY(!child<QPushButton>("saveProfileButton")->isEnabled());
        QVERIFY(edit("tokenEdit")->placeholderText().isEmpty());
        child<QRadioButton>("kindServiceAccount")->click();
        // Renaming keeps the stored secret (it moves to the new name): Save stays enabled.
        QTest::keyClicks(edit("profileNameEdit"), QStringLiteral(" 2"));
        QVERIFY(child<QPushButton>("saveProfileButton")->isEnabled());
        QSignalSpy saved(m_dialog.get(), &ConnectDialog::saved);
        child<QPushButton>("saveProfileButton")->click();
        QVERIFY(saved.wait(20000));
        QCOMPARE(m_store->names(), QStringList{QStringLiteral("Staging 2")});
        QVERIFY(m_secrets->hasSessionSecret(QStringLiteral("Staging 2")));
        QVERIFY(!m_secrets->hasSessionSecret(QStringLiteral("Staging")));
    }

    // Runs (and asserts) always; saves the pictures only with KEYCARD_SCREENSHOT_DIR.
    void darkPaletteScreenshots()
    {
        theme::applyDark(*qApp);
        fillSandbox(QStringLiteral("wrong-secret"));
        type("baseUrlEdit", QStringLiteral("http://keycard.example"));
        shoot(QStringLiteral("connect-dark-errors"));
        type("baseUrlEdit", m_sandbox->baseUrl().toString());
        QSignalSpy finished(m_dialog.get(), &ConnectDialog::testFinished);
        child<QPushButton>("testConnectionButton")->click();
        QVERIFY(finished.wait(20000));
        shoot(QStringLiteral("connect-dark-wrong-secret"));
        type("clientSecretEdit", QStringLiteral("sandbox-demo-secret"));
        child<QPushButton>("testConnectionButton")->click();
        QVERIFY(finished.wait(20000));
        shoot(QStringLiteral("connect-dark-success"));
    }
};

KEYCARD_TEMP_HOME_GUI_MAIN(TestProfileDialog)

#include "test_profile_dialog.moc"
