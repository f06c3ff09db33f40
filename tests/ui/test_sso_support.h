#pragma once

// Shared set-up of the SSO write-path tests: the shared sandbox fixture (tests/support) and
// small helpers to drive the dialogs through their objectNames.
#include "DemoData.h"
#include "SandboxFixture.h"
#include "Screenshot.h"
#include "SsoEnableWizard.h"
#include "SsoIssuerChecklist.h"
#include "SsoProviderPanel.h"
#include "ValidatedField.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QJsonObject>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPointer>
#include <QTest>
#include <QWidget>
#include <QWizard>

#include <memory>

namespace ssotest {

// The shared sandbox fixture, with the client's own number of retries.
struct Env : keycard::test::SandboxFixture
{
    Env()
        : SandboxFixture(kClientRetries)
    {
    }
};

inline QString ssoPath(const char *label)
{
    return QStringLiteral("/organizations/%1/sso-connection").arg(QLatin1String(label));
}

template<typename T = QWidget> T *child(const QWidget *root, const char *name)
{
    T *w = root->findChild<T *>(QLatin1String(name));
    if (!w)
        qFatal("no child named %s", name);
    return w;
}

inline QLineEdit *edit(const QWidget *root, const char *name)
{
    return child<QLineEdit>(root, name);
}

inline QAbstractButton *button(const QWidget *root, const char *name)
{
    return child<QAbstractButton>(root, name);
}

inline QString labelText(const QWidget *root, const char *name)
{
    return child<QLabel>(root, name)->text();
}

using keycard::test::applyScreenshotPalette;
using keycard::test::screenshot;

// Deletes every dialog a test left open, so the next test starts from a clean screen.
inline void deleteOpenDialogs()
{
    // Guarded: deleting a dialog also deletes the top-level windows it owns (a message box, a
    // completer's popup), which may come later in the list.
    QList<QPointer<QWidget>> dialogs;
    const auto widgets = QApplication::topLevelWidgets();
    for (QWidget *w : widgets) {
        if (qobject_cast<QDialog *>(w))
            dialogs << w;
    }
    for (const QPointer<QWidget> &dialog : std::as_const(dialogs))
        delete dialog.data();
}

// --- the Enable SSO wizard ---------------------------------------------------------------------

using keycard::ui::SsoEnableWizard;

// Opens the wizard for `label` on the fixture's sandbox (window-modal, like the workflow).
inline SsoEnableWizard *openWizard(Env &env, const char *label,
                                   const keycard::ui::SsoSetupContext &context = {})
{
    auto *w = new SsoEnableWizard(env.client.get(), env.organization(label), context);
    w->show();
    return w;
}

inline keycard::ui::SsoIssuerChecklist *wizardChecklist(const SsoEnableWizard *w)
{
    return w->checkPage()->checklist();
}

// Clicks Next until `page` is shown (bounded); false when a page does not let the wizard on.
inline bool goToPage(SsoEnableWizard *w, int page, bool cancelCheck = true)
{
    for (int i = 0; i < 5 && w->currentId() < page; ++i) {
        if (!w->button(QWizard::NextButton)->isEnabled())
            return false;
        w->next();
        // No network in tests but the sandbox's: a check of another issuer is stopped.
        if (w->currentId() == SsoEnableWizard::CheckPageId && cancelCheck)
            wizardChecklist(w)->cancel();
    }
    return w->currentId() == page;
}

// Types `issuer` (no preset), the client ID and secret, and walks to the Review page.
inline bool fillWizard(SsoEnableWizard *w, const QString &issuer, const QString &clientId,
                       const QString &secret = {})
{
    w->providerPage()->issuerField()->setText(issuer);
    if (!goToPage(w, SsoEnableWizard::ClientPageId))
        return false;
    edit(w, "clientIdEdit")->setText(clientId);
    edit(w, "clientSecretEdit")->setText(secret);
    return goToPage(w, SsoEnableWizard::ReviewPageId);
}

// The Review page's "Enable SSO" (the wizard's Finish button).
inline QAbstractButton *enableButton(const SsoEnableWizard *w)
{
    return w->button(QWizard::FinishButton);
}

} // namespace ssotest
