#include "MemberCommands.h"

#include "ExitCodes.h"
#include "ImpactCommand.h"

#include <QCoreApplication>

#include <algorithm>
#include <climits>

namespace keycard::cli {

namespace {

int clamp(qint64 n)
{
    return int(std::min<qint64>(n, INT_MAX));
}

} // namespace

MemberCommands::MemberCommands(Invocation invocation, KeycardClient *client, QObject *parent)
    : QObject(parent)
    , m_inv(std::move(invocation))
    , m_client(client)
{
}

bool MemberCommands::handles(Command command)
{
    switch (command) {
    case Command::UsersList:
    case Command::UsersSet:
    case Command::UsersRemove:
    case Command::InvitationsList:
    case Command::InvitationsCreate:
    case Command::InvitationsRevoke:
    case Command::SsoImpact:
        return true;
    default:
        break;
    }
    return false;
}

void MemberCommands::start()
{
    switch (m_inv.command) {
    case Command::UsersList:
        return listUsers();
    case Command::UsersSet:
        return setUser();
    case Command::UsersRemove:
        return removeUser();
    case Command::InvitationsList:
        return listInvitations();
    case Command::InvitationsCreate:
        return createInvitation();
    case Command::InvitationsRevoke:
        return revokeInvitation();
    case Command::SsoImpact:
        return impact();
    default:
        break;
    }
    finish(ExitUsage);
}

CallOptions MemberCommands::callOptions() const
{
    CallOptions options;
    options.requestId = m_inv.requestId.value_or(QString());
    return options;
}

void MemberCommands::listUsers()
{
    ListMembersRequest request;
    request.limit = int(std::min<qint64>(1000, m_inv.maxItems.value_or(1000)));
    request.role = m_inv.role;
    // Each page is printed as it arrives and then dropped.
    m_client->listAllMembers(
        m_inv.organization, request, this,
        [this](const MemberPage &page) {
            if (m_inv.json) {
                for (const OrganizationUser &member : page.items)
                    m_stream.add(member.raw);
            } else {
                Console::out(m_table.page(page.items));
            }
        },
        [this](const Result<ListAllMembersOutcome> &result) {
            if (m_inv.json && (m_stream.begun() || result.ok()))
                m_stream.end();
            if (!result.ok()) {
                fail(result.error());
                return;
            }
            const ListAllMembersOutcome &outcome = result.value();
            if (!m_inv.json && m_table.isEmpty())
                Console::out(tr("No members.\n"));
            if (outcome.incompleteItems > 0)
                Console::err(tr("keycardctl: note: %n members shown with a value unknown (a "
                                "field was missing or of the wrong type)\n",
                                nullptr, clamp(outcome.incompleteItems)));
            if (outcome.skippedItems > 0)
                Console::err(tr("keycardctl: note: %n list items skipped (not a member with an "
                                "id)\n",
                                nullptr, clamp(outcome.skippedItems)));
            if (m_inv.verbose)
                Console::err(tr("keycardctl: %n members\n", nullptr, clamp(outcome.items)));
            if (outcome.stop == PagingStop::ItemLimit) {
                Console::err(QStringLiteral("keycardctl: ") +
                             pagingStopMessage(outcome.stop, outcome.items, PagedItems::Members) +
                             QLatin1Char('\n'));
            } else if (outcome.stop != PagingStop::LastPage || outcome.duplicateItems > 0) {
                // The server misbehaved: what it sent is printed, the status says so.
                ApiError error = ApiError::make(ApiError::Kind::MalformedResponse,
                                                outcome.incompleteReasons().join(QLatin1Char(' ')),
                                                QStringLiteral("page_info.end_cursor"));
                error.requestId = result.requestId();
                fail(error);
                return;
            }
            succeed(result.requestId());
        },
        callOptions(), m_inv.maxItems.value_or(0));
}

void MemberCommands::setUser()
{
    MemberUpdate update;
    update.role = m_inv.role;
    update.status = m_inv.status;
    m_client->updateMember(
        m_inv.organization, m_inv.target, update, this,
        [this](const Result<OrganizationUser> &result) {
            if (!result.ok()) {
                fail(result.error());
                return;
            }
            Console::out(m_inv.json ? indentedJson(result.value().raw)
                                    : (tr("Member of %1 updated.").arg(m_inv.organization) +
                                       QStringLiteral("\n\n") + memberBlock(result.value()))
                                          .toUtf8());
            succeed(result.requestId());
        },
        callOptions());
}

void MemberCommands::removeUser()
{
    m_client->removeMember(
        m_inv.organization, m_inv.target, this,
        [this](const Result<Done> &result) {
            if (!result.ok()) {
                fail(result.error());
                return;
            }
            if (m_inv.json)
                Console::out(indentedJson({{QStringLiteral("organization"), m_inv.organization},
                                           {QStringLiteral("removed"), m_inv.target},
                                           {QStringLiteral("request_id"), result.requestId()}}));
            else
                Console::out(tr("Member %1 removed from %2.\n")
                                 .arg(printable(m_inv.target), m_inv.organization));
            succeed(result.requestId());
        },
        callOptions());
}

void MemberCommands::listInvitations()
{
    ListInvitationsRequest request;
    request.limit = 1000;
    m_client->listInvitations(
        m_inv.organization, request, this,
        [this](const Result<InvitationPage> &result) {
            if (!result.ok()) {
                fail(result.error());
                return;
            }
            const InvitationPage &page = result.value();
            if (m_inv.json) {
                for (const Invitation &invitation : page.items)
                    m_stream.add(invitation.raw);
                m_stream.end();
            } else if (page.items.isEmpty()) {
                Console::out(tr("No invitations.\n"));
            } else {
                Console::out(invitationTable(page.items));
            }
            if (page.skippedItems > 0)
                Console::err(tr("keycardctl: note: %n list items skipped (not an invitation "
                                "with an id)\n",
                                nullptr, page.skippedItems));
            if (page.pageInfo.hasNextPage)
                Console::err(tr("keycardctl: note: only the first %n invitations are shown\n",
                                nullptr, int(page.items.size())));
            succeed(result.requestId());
        },
        callOptions());
}

void MemberCommands::createInvitation()
{
    m_client->createInvitation(
        m_inv.organization, {m_inv.email.value_or(QString()), m_inv.role.value_or(QString())}, this,
        [this](const Result<Invitation> &result) {
            if (!result.ok()) {
                fail(result.error());
                return;
            }
            Console::out(m_inv.json ? indentedJson(result.value().raw)
                                    : (tr("Invitation to %1 created.").arg(m_inv.organization) +
                                       QStringLiteral("\n\n") + invitationBlock(result.value()))
                                          .toUtf8());
            succeed(result.requestId());
        },
        callOptions());
}

void MemberCommands::revokeInvitation()
{
    m_client->revokeInvitation(
        m_inv.organization, m_inv.target, this,
        [this](const Result<Done> &result) {
            if (!result.ok()) {
                fail(result.error());
                return;
            }
            if (m_inv.json)
                Console::out(indentedJson({{QStringLiteral("organization"), m_inv.organization},
                                           {QStringLiteral("revoked"), m_inv.target},
                                           {QStringLiteral("request_id"), result.requestId()}}));
            else
                Console::out(tr("Invitation %1 revoked.\n").arg(printable(m_inv.target)));
            succeed(result.requestId());
        },
        callOptions());
}

void MemberCommands::impact()
{
    const ImpactRun::Mode mode = m_inv.disable  ? ImpactRun::Mode::Disable
                                 : m_inv.issuer ? ImpactRun::Mode::ChangeIssuer
                                                : ImpactRun::Mode::Current;
    auto *run =
        new ImpactRun(m_client, m_inv.organization, mode, m_inv.issuer.value_or(QString()), this);
    connect(
        run, &ImpactRun::finished, this, [this](const SignInImpact &impact, const ApiError &error) {
            if (error.isError()) {
                ApiError shown = error;
                if (error.kind == ApiError::Kind::NotFound && error.httpStatus == 404)
                    shown.message =
                        m_inv.disable
                            ? tr("SSO is not enabled for %1, or the organization "
                                 "does not exist")
                                  .arg(m_inv.organization)
                            : tr("No organization with id or label \"%1\"").arg(m_inv.organization);
                fail(shown);
                return;
            }
            if (m_inv.json) {
                QJsonObject object = impact.toJson();
                object.insert(QStringLiteral("organization"), m_inv.organization);
                Console::out(indentedJson(object));
            } else {
                Console::out(describeImpact(impact, QString()));
            }
            if (!Console::finish()) {
                Console::err(tr("keycardctl: could not write the output\n"));
                finish(ExitFailure);
                return;
            }
            finish(exitCodeForImpact(impact));
        });
    run->start();
}

void MemberCommands::fail(const ApiError &error)
{
    ApiError shown = error;
    shown.message = printable(shown.message);
    QString text = QStringLiteral("keycardctl: ") + shown.toString() + QLatin1Char('\n');
    if (m_inv.json)
        text += QString::fromUtf8(compactJson(error.toJson())) + QLatin1Char('\n');
    Console::err(text);
    finish(exitCodeFor(error.kind));
}

void MemberCommands::succeed(const QString &requestId)
{
    if (m_inv.verbose && !requestId.isEmpty())
        Console::err(tr("keycardctl: request id %1\n").arg(requestId));
    if (!Console::finish()) {
        Console::err(tr("keycardctl: could not write the output\n"));
        finish(ExitFailure);
        return;
    }
    finish(ExitOk);
}

void MemberCommands::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    Console::finish();
    Q_EMIT finished(exitCode);
}

} // namespace keycard::cli
