#include "AdminGuard.h"

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

QString describe(const AdminRuleResult &result, const QString &prefix)
{
    QString out;
    const QStringList lines = result.describe();
    for (const QString &line : lines)
        out += prefix + printable(line) + QLatin1Char('\n');
    return out;
}

} // namespace

AdminRuleRun::AdminRuleRun(KeycardClient *client, QString organization, QString memberId,
                           MemberChange change, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_organization(std::move(organization))
    , m_memberId(std::move(memberId))
    , m_change(change)
{
}

void AdminRuleRun::start()
{
    // The member as the server has it now: only an active administrator needs every member read.
    m_client->getMember(
        m_organization, m_memberId, this, [this](const Result<OrganizationUser> &result) {
            if (result.ok() && !(result.value().isAdmin() && result.value().isActive())) {
                AdminRuleCheck check(m_memberId, m_change, QString());
                check.addMember(result.value());
                Q_EMIT finished(check.result(), ApiError());
                return;
            }
            if (!result.ok() && result.error().kind == ApiError::Kind::NotFound &&
                result.error().httpStatus == 404) {
                // No such member (or organization): the command says so.
                Q_EMIT finished(AdminRuleResult(), result.error());
                return;
            }
            readConnection(); // an administrator, or unreadable: read them all
        });
}

void AdminRuleRun::readConnection()
{
    m_client->getSsoConnection(m_organization, this, [this](const Result<SsoConnection> &result) {
        if (result.ok()) {
            readMembers(result.value().identifier);
            return;
        }
        const ApiError &error = result.error();
        if (error.kind == ApiError::Kind::NotFound && error.httpStatus == 404) {
            readMembers(QString()); // no SSO (or no such organization: the members call says)
            return;
        }
        ApiError shown = error;
        shown.message = printable(shown.message);
        const AdminRuleCheck check(m_memberId, m_change, QString());
        Q_EMIT finished(
            check.unknown(tr("The SSO connection could not be read: %1").arg(shown.toString())),
            ApiError());
    });
}

void AdminRuleRun::readMembers(const QString &ssoIssuer)
{
    readEveryMember(m_client, m_organization, this,
                    std::make_shared<AdminRuleCheck>(m_memberId, m_change, ssoIssuer), kMaxMembers,
                    [this](const AdminRuleResult &result, const ApiError &error) {
                        Q_EMIT finished(result, error);
                    });
}

int runAdminGuard(QCoreApplication &app, const Invocation &inv, const ClientConfig &config)
{
    std::optional<MemberChange> change;
    if (inv.command == Command::UsersRemove) {
        change = MemberChange::Remove;
    } else if (inv.command == Command::UsersSet) {
        MemberUpdate update;
        update.role = inv.role;
        update.status = inv.status;
        change = AdminRuleCheck::changeOf(update);
    }
    if (!change)
        return ExitOk; // a promotion, a re-enable: no administrator is lost

    QNetworkAccessManager nam;
    KeycardClient client(&nam, config);
    AdminRuleRun run(&client, inv.organization, inv.target, *change);
    int status = ExitOk;
    QObject::connect(
        &run, &AdminRuleRun::finished, &app,
        [&](const AdminRuleResult &result, const ApiError &error) {
            // No such organization: the command itself will say so (status 5).
            if (error.isError() || (result.verdict == AdminRuleVerdict::Allowed)) {
                QCoreApplication::exit(ExitOk);
                return;
            }
            if (result.refused() && !inv.force) {
                const QString what = result.change == MemberChange::Remove ? tr("remove %1 from %2")
                                     : result.change == MemberChange::Demote
                                         ? tr("change the role of %1 in %2")
                                         : tr("disable %1 in %2");
                QString text = tr("keycardctl: refusing to %1: no active administrator would be "
                                  "left. Nothing was changed.\n")
                                   .arg(what.arg(printable(result.targetName), inv.organization)) +
                               describe(result, QStringLiteral("keycardctl: ")) +
                               tr("keycardctl: give another member the org_admin role first, or "
                                  "pass --force.\n");
                if (inv.json)
                    text += QString::fromUtf8(compactJson(result.toJson())) + QLatin1Char('\n');
                Console::err(text);
                status = ExitImpactNoAdminLeft;
            } else {
                Console::err(describe(result, tr("keycardctl: warning: ")));
            }
            QCoreApplication::exit(status);
        });
    QTimer::singleShot(0, &run, &AdminRuleRun::start);
    const int code = app.exec();
    return status != ExitOk ? status : code;
}

} // namespace keycard::cli
