#include "Commands.h"

#include "ExitCodes.h"
#include "MemberCommands.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

#include <algorithm>
#include <climits>

namespace keycard::cli {

namespace {

void mergeText(std::optional<QString> &target, const std::optional<QString> &value)
{
    if (value)
        target = value;
}

void mergeList(std::optional<QStringList> &target, const std::optional<QStringList> &value)
{
    if (value)
        target = value;
}

} // namespace

CommandRunner::CommandRunner(Invocation invocation, ClientConfig config,
                             std::optional<Secret> ssoSecret, QObject *parent)
    : QObject(parent)
    , m_inv(std::move(invocation))
    , m_ssoSecret(std::move(ssoSecret))
    , m_nam(new QNetworkAccessManager(this))
    , m_client(new KeycardClient(m_nam, std::move(config), this))
    , m_table(m_inv.permissions)
{
    if (m_inv.verbose) {
        connect(m_client, &KeycardClient::retryScheduled, this,
                [](const QString &requestId, int attempt, int delayMs, int httpStatus) {
                    const QString status =
                        httpStatus > 0 ? tr("HTTP %1").arg(httpStatus) : tr("no response");
                    // `attempt` is the number of the attempt about to be made (2 = first retry).
                    Console::err(tr("keycardctl: request %1: %2, attempt %3 in %4 ms\n")
                                     .arg(requestId, status)
                                     .arg(attempt)
                                     .arg(delayMs));
                });
        connect(m_client, &KeycardClient::tokenObtained, this,
                [] { Console::err(tr("keycardctl: obtained an access token\n")); });
    }
}

CommandRunner::~CommandRunner() = default;

void CommandRunner::start()
{
    if (MemberCommands::handles(m_inv.command)) {
        auto *commands = new MemberCommands(m_inv, m_client, this);
        connect(commands, &MemberCommands::finished, this, &CommandRunner::finish);
        commands->start();
        return;
    }
    switch (m_inv.command) {
    case Command::OrgsList:
        listOrganizations();
        return;
    case Command::OrgsGet:
        getOrganization();
        return;
    case Command::SsoGet:
        getConnection();
        return;
    case Command::SsoEnable:
        enable();
        return;
    case Command::SsoUpdate:
        update();
        return;
    case Command::SsoDisable:
        disable();
        return;
    case Command::SsoCheck: // run by runSsoCheck(), without a Keycard client
    default:
        break;
    }
    finish(ExitUsage);
}

CallOptions CommandRunner::callOptions(bool expandPermissions) const
{
    CallOptions options;
    options.requestId = m_inv.requestId.value_or(QString());
    options.expandPermissions = expandPermissions;
    return options;
}

void CommandRunner::printPage(const OrganizationPage &page)
{
    if (m_inv.json) {
        for (const Organization &organization : page.items)
            m_stream.add(organization.raw);
    } else {
        Console::out(m_table.page(page.items));
    }
}

void CommandRunner::endListing(qint64 skipped, qint64 incomplete)
{
    if (m_inv.json)
        m_stream.end();
    else if (m_table.isEmpty())
        Console::out(tr("No organizations.\n"));
    if (incomplete > 0)
        Console::err(tr("keycardctl: note: %n organizations shown with a value unknown (a "
                        "field was missing or of the wrong type)\n",
                        nullptr, int(std::min<qint64>(incomplete, INT_MAX))));
    if (skipped > 0)
        Console::err(tr("keycardctl: note: %n list items skipped (not an organization with "
                        "an id)\n",
                        nullptr, int(std::min<qint64>(skipped, INT_MAX))));
}

void CommandRunner::listOrganizations()
{
    ListOrganizationsRequest request;
    request.limit =
        m_inv.maxItems ? int(std::min<qint64>(m_inv.limit, *m_inv.maxItems)) : m_inv.limit;
    request.after = m_inv.after;
    request.expandPermissions = m_inv.permissions;

    if (m_inv.all) {
        // Each page is printed (JSON) or tabulated as it arrives and then dropped.
        m_client->listAllOrganizations(
            request, this, [this](const OrganizationPage &page) { printPage(page); },
            [this](const Result<ListAllOutcome> &result) {
                if (!result.ok()) {
                    // What arrived stays printed, and the JSON array stays valid.
                    if (m_inv.json && m_stream.begun())
                        m_stream.end();
                    fail(result.error());
                    return;
                }
                const ListAllOutcome &outcome = result.value();
                endListing(outcome.skippedItems, outcome.incompleteItems);
                if (m_inv.verbose)
                    Console::err(tr("keycardctl: %n organizations\n", nullptr,
                                    int(std::min<qint64>(outcome.items, INT_MAX))));
                if (outcome.stop == PagingStop::ItemLimit) {
                    Console::err(QStringLiteral("keycardctl: ") + outcome.stopMessage() +
                                 QLatin1Char('\n'));
                } else if (outcome.stop != PagingStop::LastPage) {
                    // The server misbehaved: what it sent is printed, the status says so.
                    ApiError error =
                        ApiError::make(ApiError::Kind::MalformedResponse, outcome.stopMessage(),
                                       QStringLiteral("page_info.end_cursor"));
                    error.requestId = result.requestId();
                    fail(error);
                    return;
                }
                succeed(result.requestId());
            },
            callOptions(m_inv.permissions), m_inv.maxItems.value_or(0));
        return;
    }

    m_client->listOrganizations(
        request, this,
        [this](const Result<OrganizationPage> &result) {
            if (!result.ok()) {
                fail(result.error());
                return;
            }
            OrganizationPage page = result.value();
            const bool cut = m_inv.maxItems && page.items.size() > *m_inv.maxItems;
            if (cut)
                page.items.resize(*m_inv.maxItems);
            printPage(page);
            endListing(page.skippedItems, page.incompleteItems);
            if (cut)
                Console::err(QStringLiteral("keycardctl: ") +
                             pagingStopMessage(PagingStop::ItemLimit, page.items.size()) +
                             QLatin1Char('\n'));
            else if (page.pageInfo.hasNextPage && page.pageInfo.endCursor)
                Console::err(tr("keycardctl: more organizations follow; next page: --after %1 "
                                "(or use --all)\n")
                                 .arg(printable(*page.pageInfo.endCursor)));
            succeed(result.requestId());
        },
        callOptions(m_inv.permissions));
}

void CommandRunner::getOrganization()
{
    m_client->getOrganization(
        m_inv.organization, this,
        [this](const Result<Organization> &result) {
            if (!result.ok()) {
                ApiError error = result.error();
                if (error.kind == ApiError::Kind::NotFound && error.httpStatus == 404)
                    error.message =
                        tr("No organization with id or label \"%1\"").arg(m_inv.organization);
                fail(error);
                return;
            }
            Console::out(m_inv.json ? indentedJson(result.value().raw)
                                    : organizationBlock(result.value()).toUtf8());
            succeed(result.requestId());
        },
        callOptions(true));
}

void CommandRunner::getConnection()
{
    m_client->getSsoConnection(
        m_inv.organization, this,
        [this](const Result<SsoConnection> &result) {
            if (!result.ok()) {
                failOnConnection(result.error());
                return;
            }
            Console::out(m_inv.json ? indentedJson(result.value().raw)
                                    : connectionBlock(m_inv.organization, result.value()).toUtf8());
            succeed(result.requestId());
        },
        callOptions(true));
}

std::optional<SsoProtocols> CommandRunner::requestedProtocols() const
{
    const ProtocolOptions &p = m_inv.protocols;
    if (!p.any())
        return std::nullopt;
    SsoProtocols protocols;
    if (p.authorizationEndpoint || p.tokenEndpoint || p.jwksUri || p.registrationEndpoint ||
        p.scopes || p.codeChallengeMethods) {
        OAuth2Settings oauth2 = protocols.oauth2.value_or(OAuth2Settings());
        mergeText(oauth2.authorizationEndpoint, p.authorizationEndpoint);
        mergeText(oauth2.tokenEndpoint, p.tokenEndpoint);
        mergeText(oauth2.jwksUri, p.jwksUri);
        mergeText(oauth2.registrationEndpoint, p.registrationEndpoint);
        mergeList(oauth2.scopesSupported, p.scopes);
        mergeList(oauth2.codeChallengeMethodsSupported, p.codeChallengeMethods);
        protocols.oauth2 = oauth2;
    }
    if (p.userinfoEndpoint) {
        OpenIdSettings openid = protocols.openid.value_or(OpenIdSettings());
        openid.userinfoEndpoint = p.userinfoEndpoint;
        protocols.openid = openid;
    }
    return protocols;
}

void CommandRunner::enable()
{
    SsoConnectionCreate body;
    body.identifier = m_inv.identifier.value_or(QString());
    body.clientId = m_inv.clientId.value_or(QString());
    if (m_ssoSecret)
        body.clientSecret = m_ssoSecret->reveal();
    body.protocols = requestedProtocols();

    m_client->enableSso(
        m_inv.organization, body, this,
        [this](const Result<EnableOutcome> &result) {
            if (!result.ok()) {
                fail(result.error());
                return;
            }
            const EnableOutcome &outcome = result.value();
            const SsoConnection &connection = outcome.connection;
            if (outcome.alreadyEnabled && !outcome.matchesRequest) {
                // Nothing was changed: say what differs (never a secret), exit with the
                // conflict status.
                ApiError error = ApiError::make(
                    ApiError::Kind::Conflict,
                    tr("SSO is already enabled for %1 with other settings, nothing was changed "
                       "(%2). Use \"keycardctl sso update\" to change them")
                        .arg(m_inv.organization, describeDifferences(outcome.differences)));
                error.httpStatus = 409;
                error.requestId = result.requestId();
                fail(error,
                     {{QStringLiteral("existing_connection"), connection.raw},
                      {QStringLiteral("differences"), differencesToJson(outcome.differences)}});
                return;
            }
            if (m_inv.json) {
                Console::out(indentedJson(connection.raw));
            } else {
                const QString headline =
                    outcome.alreadyEnabled
                        ? tr("SSO for %1 is already enabled with these settings.")
                        : tr("SSO enabled for %1.");
                Console::out(headline.arg(m_inv.organization) + QStringLiteral("\n\n") +
                             connectionBlock(m_inv.organization, connection));
            }
            succeed(result.requestId());
        },
        callOptions(false));
}

void CommandRunner::update()
{
    SsoConnectionUpdate body;
    body.identifier = m_inv.identifier;
    if (m_inv.clearClientId)
        body.clientId = QString(); // JSON null: remove
    else
        body.clientId = m_inv.clientId;
    if (m_inv.clearClientSecret)
        body.clientSecret = QString();
    else if (m_ssoSecret)
        body.clientSecret = m_ssoSecret->reveal();

    // Only what was given: the protocols object carries the members of the protocol options
    // and nothing read from the server (a read-then-write would undo a concurrent change to
    // another member; the API has no ETag to detect one). What the server does with the
    // members not sent is its own rule: see the update help.
    body.protocols = requestedProtocols();
    sendUpdate(body);
}

void CommandRunner::sendUpdate(const SsoConnectionUpdate &body)
{
    m_client->updateSso(
        m_inv.organization, body, this,
        [this](const Result<SsoConnection> &result) {
            if (!result.ok()) {
                failOnConnection(result.error());
                return;
            }
            if (m_inv.json)
                Console::out(indentedJson(result.value().raw));
            else
                Console::out(tr("SSO connection of %1 updated.").arg(m_inv.organization) +
                             QStringLiteral("\n\n") +
                             connectionBlock(m_inv.organization, result.value()));
            succeed(result.requestId());
        },
        callOptions(false));
}

void CommandRunner::disable()
{
    m_client->disableSso(
        m_inv.organization, this,
        [this](const Result<Done> &result) {
            if (!result.ok()) {
                failOnConnection(result.error());
                return;
            }
            if (m_inv.json) {
                Console::out(indentedJson({{QStringLiteral("organization"), m_inv.organization},
                                           {QStringLiteral("sso_enabled"), false},
                                           {QStringLiteral("request_id"), result.requestId()}}));
            } else {
                Console::out(tr("SSO disabled for %1.\n").arg(m_inv.organization));
            }
            succeed(result.requestId());
        },
        callOptions(false));
}

void CommandRunner::failOnConnection(const ApiError &error)
{
    // Only the API's own 404 (token failures are Authentication errors, see TokenProvider).
    if (error.kind == ApiError::Kind::NotFound && error.httpStatus == 404)
        reportMissingConnection(error);
    else
        fail(error);
}

void CommandRunner::reportMissingConnection(const ApiError &original)
{
    // The API answers 404 both for an unknown organization and for "SSO not enabled".
    CallOptions options;
    m_client->getOrganization(
        m_inv.organization, this,
        [this, original](const Result<Organization> &result) {
            ApiError error = original;
            if (!result.ok() && result.error().kind != ApiError::Kind::NotFound) {
                // The follow-up read failed for its own reason (token, network, ...): that
                // failure is what the user must see, not a guess about the 404.
                fail(result.error());
                return;
            }
            if (result.ok())
                error.message = tr("SSO is not enabled for %1").arg(m_inv.organization);
            else if (result.error().kind == ApiError::Kind::NotFound)
                error.message =
                    tr("No organization with id or label \"%1\"").arg(m_inv.organization);
            else
                error.message = tr("SSO is not enabled for %1, or the organization does not exist")
                                    .arg(m_inv.organization);
            fail(error);
        },
        options);
}

void CommandRunner::fail(const ApiError &error, const QJsonObject &extra)
{
    // Server text on a terminal: no control characters (the JSON line escapes them).
    ApiError shown = error;
    shown.message = printable(shown.message);
    QString text = QStringLiteral("keycardctl: ") + shown.toString() + QLatin1Char('\n');
    if (m_inv.json) {
        QJsonObject object = error.toJson();
        for (auto it = extra.begin(); it != extra.end(); ++it)
            object.insert(it.key(), it.value());
        text += QString::fromUtf8(compactJson(object)) + QLatin1Char('\n');
    }
    Console::err(text);
    finish(exitCodeFor(error.kind));
}

void CommandRunner::succeed(const QString &requestId)
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

void CommandRunner::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    Console::finish();
    Q_EMIT finished(exitCode);
}

} // namespace keycard::cli
