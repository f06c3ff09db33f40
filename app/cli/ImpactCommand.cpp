#include "ImpactCommand.h"

#include "ExitCodes.h"
#include "Output.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTimer>

#include <memory>

namespace keycard::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("keycard::cli", text);
}

} // namespace

ImpactRun::ImpactRun(KeycardClient *client, QString organization, Mode mode, QString newIssuer,
                     QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_organization(std::move(organization))
    , m_mode(mode)
    , m_newIssuer(std::move(newIssuer))
{
}

void ImpactRun::start()
{
    m_client->getSsoConnection(m_organization, this, [this](const Result<SsoConnection> &result) {
        const bool notEnabled = !result.ok() && result.error().kind == ApiError::Kind::NotFound &&
                                result.error().httpStatus == 404;
        if (!result.ok() && (!notEnabled || m_mode == Mode::Disable)) {
            Q_EMIT finished(SignInImpact(), result.error());
            return;
        }
        if (notEnabled) {
            // Without SSO: enabling it takes nobody's sign-in; count who would keep
            // signing in without it.
            readMembers(SsoChange::Enable, {}, m_newIssuer);
            return;
        }
        const QString current = result.value().identifier;
        switch (m_mode) {
        case Mode::Current:
            readMembers(SsoChange::Enable, current, current);
            return;
        case Mode::ChangeIssuer:
            readMembers(SsoChange::ChangeIssuer, current, m_newIssuer);
            return;
        case Mode::Disable:
            readMembers(SsoChange::Disable, current, {});
            return;
        }
    });
}

void ImpactRun::readMembers(SsoChange change, const QString &current, const QString &next)
{
    readEveryMember(m_client, m_organization, this,
                    std::make_shared<SignInImpactCheck>(change, current, next), kMaxMembers,
                    [this](const SignInImpact &impact, const ApiError &error) {
                        Q_EMIT finished(impact, error);
                    });
}

QString membersUnreadable(const ApiError &error)
{
    ApiError shown = error;
    shown.message = printable(shown.message);
    return tr("The members could not be read: %1").arg(shown.toString());
}

QString describeImpact(const SignInImpact &impact, const QString &prefix)
{
    QString out;
    const QStringList lines = impact.describe();
    for (const QString &line : lines)
        out += prefix + line + QLatin1Char('\n');
    return out;
}

int exitCodeForImpact(const SignInImpact &impact)
{
    switch (impact.verdict) {
    case ImpactVerdict::NobodyLoses:
        return ExitOk;
    case ImpactVerdict::SomeoneLoses:
        return ExitImpactSomeoneLoses;
    case ImpactVerdict::NoAdministratorLeft:
        return ExitImpactNoAdminLeft;
    case ImpactVerdict::Unknown:
        break;
    }
    return ExitImpactUnknown;
}

int runImpactGuard(QCoreApplication &app, const Invocation &inv, const ClientConfig &config)
{
    QNetworkAccessManager nam;
    KeycardClient client(&nam, config);
    const bool disable = inv.command == Command::SsoDisable;
    ImpactRun run(&client, inv.organization,
                  disable ? ImpactRun::Mode::Disable : ImpactRun::Mode::ChangeIssuer,
                  inv.identifier.value_or(QString()));
    int status = ExitOk;
    QObject::connect(
        &run, &ImpactRun::finished, &app, [&](const SignInImpact &impact, const ApiError &error) {
            // The connection or organization could not be read: the command itself will say
            // why (e.g. "SSO is not enabled", status 5).
            if (error.isError() || impact.verdict == ImpactVerdict::NobodyLoses) {
                QCoreApplication::exit(ExitOk);
                return;
            }
            const QString what = disable ? tr("disable SSO for %1").arg(inv.organization)
                                         : tr("change the issuer of %1").arg(inv.organization);
            if (impact.verdict == ImpactVerdict::NoAdministratorLeft && !inv.force) {
                QString text = tr("keycardctl: refusing to %1: no active administrator would be "
                                  "left able to sign in. Nothing was changed.\n")
                                   .arg(what) +
                               describeImpact(impact, QStringLiteral("keycardctl: ")) +
                               tr("keycardctl: invite an administrator who signs in without "
                                  "SSO first ('keycardctl invitations create %1 --email EMAIL "
                                  "--role org_admin'), or pass --force.\n")
                                   .arg(inv.organization);
                if (inv.json)
                    text += QString::fromUtf8(compactJson(impact.toJson())) + QLatin1Char('\n');
                Console::err(text);
                status = ExitImpactNoAdminLeft;
            } else {
                Console::err(describeImpact(impact, tr("keycardctl: warning: ")));
            }
            QCoreApplication::exit(status);
        });
    QTimer::singleShot(0, &run, &ImpactRun::start);
    const int code = app.exec();
    return status != ExitOk ? status : code;
}

} // namespace keycard::cli
