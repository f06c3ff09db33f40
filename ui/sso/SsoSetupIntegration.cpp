#include "SsoSetupIntegration.h"

#include "ProviderPresets.h"
#include "SsoConnectionForm.h"
#include "SsoDialog.h"
#include "SsoIdpSection.h"
#include "SsoIssuerChecklist.h"
#include "SsoProviderPanel.h"
#include "ValidatedField.h"

#include <QCoreApplication>
#include <QLineEdit>
#include <QVBoxLayout>

#include <memory>

namespace keycard::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SsoSetup", text);
}

oidc::PresetContext presetContext(const SsoSetupContext &context, const QString &redirectUri)
{
    oidc::PresetContext out;
    out.redirectUri = redirectUri;
    out.sandboxBase = context.sandboxBase;
    return out;
}

} // namespace

void installSsoSetup(SsoDialog *dialog, const SsoSetupContext &context)
{
    SsoConnectionForm *form = dialog->form();
    auto *layout = qobject_cast<QVBoxLayout *>(form->layout());
    if (!layout)
        return;
    const bool enabling = form->mode() == SsoConnectionForm::Mode::Enable;
    ValidatedField *issuer = form->issuerField();

    auto *checklist = new SsoIssuerChecklist(form);
    // Below the fields (the form's own layout: fields, Advanced, stretch).
    layout->insertWidget(1, checklist);
    QObject::connect(issuer->edit(), &QLineEdit::textChanged, checklist,
                     [checklist](const QString &text) { checklist->setIssuer(text.trimmed()); });
    QObject::connect(checklist, &SsoIssuerChecklist::useIssuerRequested, issuer,
                     [issuer](const QString &value) { issuer->setText(value); });
    QObject::connect(checklist, &SsoIssuerChecklist::stateChanged, dialog, [dialog, checklist] {
        if (checklist->hasFailure())
            dialog->setSubmitCaution(tr("Enable anyway"),
                                     tr("The issuer check failed. An identity provider on an "
                                        "internal network may be unreachable from this machine; "
                                        "Keycard may still reach it."));
        else
            dialog->setSubmitCaution(QString(), QString());
    });
    // Editing: the current issuer is checked on demand, or when it is changed.
    checklist->setIssuer(issuer->text().trimmed(), enabling);

    if (!enabling)
        return;

    auto redirect = std::make_shared<QString>(context.redirectUri.isEmpty()
                                                  ? QString::fromLatin1(oidc::kDefaultRedirectUri)
                                                  : context.redirectUri);
    auto *provider = new SsoProviderPanel(presetContext(context, *redirect), form);
    auto *idp = new SsoIdpSection(form);
    idp->setRedirectUri(*redirect, !context.redirectUriIsSandboxValue,
                        static_cast<bool>(context.saveRedirectUri));
    layout->insertWidget(0, provider);
    layout->insertWidget(1, idp);

    QObject::connect(provider, &SsoProviderPanel::issuerBuilt, issuer,
                     [issuer](const QString &value) { issuer->setText(value); });
    QObject::connect(provider, &SsoProviderPanel::presetChanged, form,
                     [form, provider] { form->setExternalIdClaim(provider->externalIdClaim()); });
    const auto save = context.saveRedirectUri;
    QObject::connect(idp, &SsoIdpSection::redirectUriEdited, provider,
                     [provider, context, redirect, save](const QString &uri) {
                         *redirect = uri;
                         provider->setContext(presetContext(context, uri));
                         if (save)
                             save(uri);
                     });
    QObject::connect(dialog, &SsoDialog::busyChanged, form, [provider, idp](bool busy) {
        provider->setLocked(busy);
        idp->setLocked(busy);
    });
    // Once the dialog becomes an edit (409 "Edit it instead"), the provider side has been done.
    QObject::connect(form, &SsoConnectionForm::stateChanged, provider, [form, provider, idp] {
        const bool edit = form->mode() == SsoConnectionForm::Mode::Edit;
        provider->setVisible(!edit);
        idp->setVisible(!edit);
    });
}

} // namespace keycard::ui
