// Server values are data, never markup (issue 20, point 3 and 6): organizations whose names hold
// markup, an ampersand, a right-to-left override, 200 characters or emoji go through the list,
// the detail header and panes, the empty-state panel, the Enable / Edit / Disable SSO dialogs'
// headings, the Disable prompt and the status bar. Each shows the text literally (bidi and other
// format characters as U+FFFD, keycard::displayText()), long names cut in the middle with the
// whole name in a tooltip, and the main window never grows wider than the screen.
//
// The real MainWindow with the write path installed, against the in-process sandbox, offscreen.
#include "DisableSsoDialog.h"
#include "DisplayText.h"
#include "MainWindow.h"
#include "OrganizationBrowser.h"
#include "OrganizationFilterModel.h"
#include "OrganizationListModel.h"
#include "SsoDialog.h"
#include "SsoWindowIntegration.h"
#include "SsoWorkflow.h"
#include "WindowTestSupport.h"
#include "test_sso_support.h"

#include <QAction>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScreen>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextDocument>

using namespace keycard;
using keycard::test::SandboxFixture;
using keycard::test::screenshot;
using keycard::test::selectAndWait;
using keycard::test::showOnSandbox;

namespace {

constexpr QChar kEllipsis(0x2026);

struct Hostile
{
    const char *tag;
    QString name;
    QString label;      // of both organizations (with "-off" for the one without SSO)
    QString withSso;    // id of the organization with an SSO connection
    QString withoutSso; // id of the organization without
};

// What a QLabel shows a person: plain text as it is, rich text as rendered, and, for a buddy
// label, without its mnemonic ampersands.
QString rendered(const QLabel *label)
{
    const QString text = label->text();
    const bool rich = label->textFormat() == Qt::RichText ||
                      (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(text));
    QString shown = text;
    if (rich) {
        QTextDocument document;
        document.setHtml(text);
        shown = document.toPlainText();
    }
    if (label->buddy()) {
        QString out;
        for (qsizetype i = 0; i < shown.size(); ++i) {
            if (shown.at(i) == QLatin1Char('&') && i + 1 < shown.size())
                ++i; // "&x" shows x, "&&" shows &
            out += shown.at(i);
        }
        shown = out;
    }
    return shown;
}

// A tooltip as Qt shows it (rich when it looks like HTML).
QString renderedToolTip(const QString &toolTip)
{
    if (!Qt::mightBeRichText(toolTip))
        return toolTip;
    QTextDocument document;
    document.setHtml(toolTip);
    return document.toPlainText();
}

// `shown` holds `expected` literally, or cut in the middle (its start, an ellipsis, its end).
bool showsValue(const QString &shown, const QString &expected)
{
    if (shown.contains(expected))
        return true;
    const qsizetype n = qMin<qsizetype>(4, expected.size() / 3);
    return n > 0 && shown.contains(kEllipsis) && shown.contains(expected.left(n)) &&
           shown.contains(expected.right(n));
}

QString describe(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() < 0xa0) ||
            c.category() == QChar::Other_Format)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

} // namespace

#define VERIFY_SHOWS(shownText, expected)                                                          \
    QVERIFY2(showsValue((shownText), (expected)),                                                  \
             qPrintable(QStringLiteral("shows \"%1\", expected \"%2\"")                            \
                            .arg(describe(shownText), describe(expected))))

class TestHostileNames : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxFixture> sandbox;
    std::unique_ptr<MainWindow> window;
    ui::SsoWorkflow *workflow = nullptr;
    QList<Hostile> names;

    const Hostile &hostile(const char *tag) const
    {
        for (const Hostile &h : names) {
            if (qstrcmp(h.tag, tag) == 0)
                return h;
        }
        qFatal("no hostile name %s", tag);
        return names.constFirst();
    }

    int screenWidth() const { return window->screen()->availableGeometry().width(); }

    void verifyWindowFits(const char *where)
    {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        const int screen = screenWidth();
        QVERIFY2(window->frameGeometry().width() <= screen &&
                     window->minimumSizeHint().width() <= screen,
                 qPrintable(QStringLiteral("%1: window %2 px wide (at least %3), screen %4")
                                .arg(QLatin1String(where))
                                .arg(window->frameGeometry().width())
                                .arg(window->minimumSizeHint().width())
                                .arg(screen)));
    }

    // A screenshot on request (KEYCARD_SCREENSHOT_DIR), the window left at the size it had:
    // the helper grows a window to its size hint for the picture.
    void shoot(QWidget *widget, const QString &name)
    {
        const QSize before = widget->window()->size();
        screenshot(widget, name);
        widget->window()->resize(before);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    }

    QLabel *label(QWidget *root, const char *name)
    {
        auto *found = root->findChild<QLabel *>(QLatin1String(name));
        if (!found)
            qFatal("no label %s", name);
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        keycard::test::applyScreenshotPalette();
        sandbox = std::make_unique<SandboxFixture>();
        const QList<std::pair<const char *, QString>> hostileNames{
            {"markup", QStringLiteral("<b>x</b><img src=x>")},
            {"ampersand", QStringLiteral("a&b")},
            {"bidi", QStringLiteral("\u202Eevil Corp")},
            {"long", QString(200, QLatin1Char('W'))},
            {"emoji", QStringLiteral("Unicorn \U0001F984 Labs \U0001F469\u200D\U0001F4BB")},
        };
        int n = 0;
        for (const auto &[tag, name] : hostileNames) {
            // The ampersand is in the label too: the Disable prompt shows the label.
            const QString label = qstrcmp(tag, "ampersand") == 0
                                      ? QStringLiteral("a&b")
                                      : QStringLiteral("hostile-%1").arg(n);
            const QJsonObject connection{
                {QStringLiteral("identifier"), QStringLiteral("https://idp.example.com")},
                {QStringLiteral("client_id"), name}};
            Hostile h{tag, name, label, {}, {}};
            h.withSso = sandbox->server->addOrganization(name, label, connection);
            h.withoutSso = sandbox->server->addOrganization(name, label + QStringLiteral("-off"));
            QVERIFY(!h.withSso.isEmpty() && !h.withoutSso.isEmpty());
            names << h;
            ++n;
        }
        window = std::make_unique<MainWindow>();
        showOnSandbox(*window, *sandbox);
        workflow = ui::installSsoWritePath(window.get());
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(window->browser()->model()->hasLoadedOnce(), 10000);
    }

    void cleanup() { ssotest::deleteOpenDialogs(); }

    void cleanupTestCase()
    {
        window.reset();
        sandbox.reset();
    }

    void shown_data()
    {
        QTest::addColumn<QString>("tag");
        for (const char *tag : {"markup", "ampersand", "bidi", "long", "emoji"})
            QTest::newRow(tag) << QString::fromLatin1(tag);
    }

    // The list, the header, the panes and the empty-state panel.
    void shown()
    {
        QFETCH(QString, tag);
        const Hostile &h = hostile(tag.toLatin1().constData());
        const QString expected = displayText(h.name);
        QVERIFY(!expected.contains(QChar(0x202E)));

        // The list: what the delegate draws and the tooltip.
        OrganizationListModel *model = window->browser()->model();
        const int row = model->rowOfId(h.withSso);
        QVERIFY(row >= 0);
        const QModelIndex name = window->browser()->proxy()->mapFromSource(
            model->index(row, OrganizationListModel::NameColumn));
        QCOMPARE(name.data(Qt::DisplayRole).toString(), expected);
        QCOMPARE(renderedToolTip(name.data(Qt::ToolTipRole).toString()), expected);
        QCOMPARE(name.data(Qt::AccessibleTextRole).toString(), expected);

        // With SSO: the header and the Connection pane (the client id is the name too).
        QVERIFY(selectAndWait(*window, h.withSso, h.withSso));
        QLabel *header = label(window.get(), "organizationName");
        QCOMPARE(header->textFormat(), Qt::PlainText);
        VERIFY_SHOWS(rendered(header), expected);
        if (rendered(header).contains(kEllipsis))
            QCOMPARE(renderedToolTip(header->toolTip()), expected);
        QLabel *clientId = label(window.get(), "clientIdValue");
        QCOMPARE(clientId->textFormat(), Qt::PlainText);
        VERIFY_SHOWS(clientId->text(), expected);
        QCOMPARE(renderedToolTip(clientId->toolTip()), expected);
        auto *tabs = window->findChild<QTabWidget *>(QStringLiteral("detailTabs"));
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            verifyWindowFits("tab");
        }
        auto *raw = window->findChild<QPlainTextEdit *>(QStringLiteral("rawJsonView"));
        QVERIFY(!raw->toPlainText().contains(QChar(0x202E)));
        tabs->setCurrentIndex(0);
        shoot(window.get(), QStringLiteral("hostile-%1-normal").arg(tag));

        // Without SSO: "Single sign-on is not enabled for …".
        QVERIFY(selectAndWait(*window, h.withoutSso, h.withoutSso));
        auto *pane = window->findChild<QWidget *>(QStringLiteral("connectionPane"));
        QLabel *title = label(pane, "stateTitle");
        QVERIFY(title->isVisible());
        QVERIFY(rendered(title).startsWith(QStringLiteral("Single sign-on is not enabled for")));
        VERIFY_SHOWS(rendered(title), expected);
        QVERIFY(!rendered(title).contains(QChar(0x202E)));
        verifyWindowFits("empty state");
        shoot(window.get(), QStringLiteral("hostile-%1-empty").arg(tag));

        // The server fails, and its message carries markup and a bidi override too: the error
        // bar over the details shows it as text.
        const QString path = QStringLiteral("/organizations/%1/sso-connection").arg(h.withoutSso);
        const QByteArray body = R"({"code":"unavailable","message":"IdP \u202Edown <b>now</b>"})";
        // Enough failures for whatever fetch comes first (cleared below).
        sandbox->server->scriptResponses(
            "GET", path, QList<sandbox::ScriptedResponse>(5, {503, body, {}, false}));
        window->refresh();
        auto *banner = window->findChild<QWidget *>(QStringLiteral("detailErrorBanner"));
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
        QLabel *bannerText = label(banner, "detailErrorBannerText");
        QCOMPARE(bannerText->textFormat(), Qt::PlainText);
        QVERIFY2(rendered(bannerText).contains(QStringLiteral("\uFFFDdown <b>now</b>")),
                 qPrintable(describe(rendered(bannerText))));
        VERIFY_SHOWS(rendered(title), QStringLiteral("could not be loaded"));
        verifyWindowFits("error");
        shoot(window.get(), QStringLiteral("hostile-%1-error").arg(tag));
        sandbox->server->clearFaults();
    }

    void dialogs_data() { shown_data(); }

    // The Enable, Edit and Disable SSO dialogs' headings and the Disable prompt.
    void dialogs()
    {
        QFETCH(QString, tag);
        const Hostile &h = hostile(tag.toLatin1().constData());
        const QString expected = displayText(h.name);

        // Enable SSO: the heading is what the dialog shows over its form (or first page).
        QVERIFY(selectAndWait(*window, h.withoutSso, h.withoutSso));
        QVERIFY(window->enableSsoAction()->isEnabled());
        window->enableSsoAction()->trigger();
        QDialog *enable = workflow->activeDialog();
        QVERIFY(enable);
        // The Enable SSO wizard names the organization in its title (and on its Review page,
        // tested in test_sso_wizard); no label of it renders the name as markup.
        QVERIFY2(enable->windowTitle().startsWith(QStringLiteral("Enable SSO — ")),
                 qPrintable(enable->windowTitle()));
        VERIFY_SHOWS(enable->windowTitle(), expected);
        for (const QLabel *any : enable->findChildren<QLabel *>()) {
            if (any->text().contains(h.name.left(8)))
                QCOMPARE(any->textFormat(), Qt::PlainText);
        }
        QLabel *heading = nullptr;
        QVERIFY(!enable->windowTitle().contains(QChar(0x202E)));
        verifyWindowFits("Enable SSO");
        enable->close();
        ssotest::deleteOpenDialogs();

        // Edit SSO.
        QVERIFY(selectAndWait(*window, h.withSso, h.withSso));
        QVERIFY(window->editSsoAction()->isEnabled());
        window->editSsoAction()->trigger();
        QDialog *edit = workflow->activeDialog();
        QVERIFY(edit);
        heading = label(edit, "ssoDialogHeading");
        QVERIFY2(rendered(heading).startsWith(QStringLiteral("Edit single sign-on for")),
                 qPrintable(rendered(heading)));
        VERIFY_SHOWS(rendered(heading), expected);
        edit->close();
        ssotest::deleteOpenDialogs();

        // Disable SSO: the heading names the organization, the prompt its label.
        QVERIFY(window->disableSsoAction()->isEnabled());
        window->disableSsoAction()->trigger();
        auto *disable = qobject_cast<ui::DisableSsoDialog *>(workflow->activeDialog());
        QVERIFY(disable);
        QVERIFY(QTest::qWaitForWindowExposed(disable));
        heading = label(disable, "disableHeading");
        QVERIFY(rendered(heading).startsWith(QStringLiteral("Disable single sign-on for")));
        VERIFY_SHOWS(rendered(heading), expected);
        QVERIFY(!disable->windowTitle().contains(QChar(0x202E)));
        QLabel *prompt = label(disable, "confirmPrompt");
        QCOMPARE(rendered(prompt), QStringLiteral("Type %1 to confirm:").arg(displayText(h.label)));
        shoot(disable, QStringLiteral("hostile-%1-disable").arg(tag));
        verifyWindowFits("Disable SSO");
    }

    void statusBar_data() { shown_data(); }

    // What the status bar says after a write names the organization as it is.
    void statusBar()
    {
        QFETCH(QString, tag);
        const Hostile &h = hostile(tag.toLatin1().constData());
        const QString expected = displayText(h.name);
        QVERIFY(selectAndWait(*window, h.withSso, h.withSso));
        window->disableSsoAction()->trigger();
        auto *disable = qobject_cast<ui::DisableSsoDialog *>(workflow->activeDialog());
        QVERIFY(disable);
        auto *confirm = disable->findChild<QLineEdit *>(QStringLiteral("confirmLabelEdit"));
        confirm->setText(h.label);
        QTest::keyClick(confirm, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!sandbox->server->connection(h.withSso), 10000);
        QTRY_VERIFY(workflow->activeDialog() == nullptr);
        const QString message = window->statusBar()->currentMessage();
        QVERIFY2(message.startsWith(QStringLiteral("SSO disabled for")), qPrintable(message));
        VERIFY_SHOWS(message, expected);
        QVERIFY(!message.contains(QChar(0x202E)));
        verifyWindowFits("status bar");
        shoot(window.get(), QStringLiteral("hostile-%1-status").arg(tag));
    }
};

QTEST_MAIN(TestHostileNames)
#include "test_hostile_names.moc"
