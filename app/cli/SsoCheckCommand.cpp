#include "SsoCheckCommand.h"

#include "ExitCodes.h"
#include "IssuerCheck.h"
#include "Output.h"

#include <QCoreApplication>
#include <QTimer>

#include <functional>

namespace keycard::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("keycardctl", text);
}

// Runs the check on the application's event loop and returns the exit status; `report`
// prints the result.
int runCheck(QCoreApplication &app, const QString &issuer, const Invocation &inv,
             const std::function<void(const oidc::IssuerCheckResult &)> &report)
{
    oidc::IssuerCheck check;
    if (inv.caFile) {
        TlsTrust tls = TlsTrust::system();
        tls.caFile = *inv.caFile;
        check.setNetworkEnvironment(ProxyEnvironment::system(), tls);
    }
    if (inv.timeoutSeconds)
        check.setDeadlineMs(std::max(1, int(*inv.timeoutSeconds * 1000)));
    QObject::connect(&check, &oidc::IssuerCheck::finished, &app,
                     [&report](const oidc::IssuerCheckResult &result) {
                         report(result);
                         QCoreApplication::exit(result.anyFailed() ? ExitCheckFailed : ExitOk);
                     });
    QTimer::singleShot(0, &check, [&check, &issuer] {
        if (const auto problem = check.start(issuer)) {
            Console::err(QStringLiteral("keycardctl: ") + issuer + QStringLiteral(": ") + *problem +
                         QLatin1Char('\n'));
            QCoreApplication::exit(ExitUsage);
        }
    });
    return app.exec();
}

} // namespace

QString formatCheckLines(const oidc::IssuerCheckResult &result)
{
    QString out;
    for (const oidc::CheckItem &item : result.checks) {
        out += oidc::statusName(item.status).leftJustified(6) + item.id.leftJustified(17) +
               item.message + QLatin1Char('\n');
    }
    return out;
}

int runSsoCheck(QCoreApplication &app, const Invocation &inv)
{
    const QString issuer = inv.identifier.value_or(QString());
    const int code = runCheck(app, issuer, inv, [&inv](const oidc::IssuerCheckResult &result) {
        if (inv.json) {
            Console::out(indentedJson(result.toJson()));
            return;
        }
        Console::out(formatCheckLines(result));
        if (result.discoveredIssuer && *result.discoveredIssuer != result.issuer)
            Console::err(
                tr("The discovery document names the issuer %1\n").arg(*result.discoveredIssuer));
    });
    if (!Console::finish())
        return ExitFailure;
    return code;
}

int runSsoEnablePreflight(QCoreApplication &app, const Invocation &inv)
{
    const QString issuer = inv.identifier.value_or(QString());
    const int code = runCheck(app, issuer, inv, [](const oidc::IssuerCheckResult &result) {
        Console::err(formatCheckLines(result));
    });
    if (code == ExitCheckFailed)
        Console::err(tr("keycardctl: the issuer check failed; SSO was not enabled (nothing was "
                        "sent to Keycard). Run without --check to enable it anyway.\n"));
    return code;
}

} // namespace keycard::cli
