// KeycardClient's members and invitations calls against the in-process sandbox: what is sent
// (paths, query, bodies, request ids), tolerant decoding of hostile lists, paging to the end
// with duplicate ids and repeating cursors detected, permissions, retries and preflight.
#include "ClientTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace testsupport;

namespace {

QByteArray page(const QJsonArray &items, bool hasNext, const QString &endCursor = {})
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("items"), items},
                           {QStringLiteral("page_info"),
                            QJsonObject{{QStringLiteral("has_next_page"), hasNext},
                                        {QStringLiteral("has_prev_page"), false},
                                        {QStringLiteral("end_cursor"),
                                         endCursor.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                             : QJsonValue(endCursor)}}}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject memberJson(const QString &id, const QString &email = QStringLiteral("a@x.example"))
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("email"), email},
                       {QStringLiteral("role"), QStringLiteral("org_member")},
                       {QStringLiteral("status"), QStringLiteral("active")},
                       {QStringLiteral("source"), QStringLiteral("https://id.keycard.ai")},
                       {QStringLiteral("created_at"), QStringLiteral("2024-01-01T00:00:00.000Z")},
                       {QStringLiteral("updated_at"), QStringLiteral("2024-01-01T00:00:00.000Z")}};
}

sandbox::ScriptedResponse ok(const QByteArray &body)
{
    sandbox::ScriptedResponse r;
    r.status = 200;
    r.body = body;
    return r;
}

struct Listing
{
    QList<OrganizationUser> members;
    int pages = 0;
    Recorder<ListAllMembersOutcome> done;
};

Listing listAll(Fixture &f, const char *organization, ListMembersRequest request = {},
                qint64 maxItems = 0)
{
    Listing listing;
    auto members = std::make_shared<QList<OrganizationUser>>();
    auto pages = std::make_shared<int>(0);
    listing.done = awaitCall<ListAllMembersOutcome>("listAllMembers", [&](auto callback) {
        f.client->listAllMembers(
            QLatin1String(organization), request, nullptr,
            [members, pages](const MemberPage &p) {
                ++*pages;
                *members += p.items;
            },
            callback, {}, maxItems);
    });
    listing.members = *members;
    listing.pages = *pages;
    return listing;
}

} // namespace

class TestClientMembers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsOnePageWithRoleFilterAndRequestId()
    {
        Fixture f;
        ListMembersRequest request;
        request.role = QStringLiteral("org_admin");
        request.limit = 50;
        auto rec = awaitCall<MemberPage>("listMembers", [&](auto callback) {
            f.client->listMembers(QStringLiteral("acme"), request, nullptr, callback);
        });
        VERIFY_OK(rec);
        QCOMPARE(rec.value().items.size(), 3);
        for (const OrganizationUser &u : rec.value().items)
            QVERIFY(u.isAdmin());
        const auto sent = f.requestsTo("GET", orgPath("acme", "/users"));
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().query.queryItemValue(QStringLiteral("role")),
                 QStringLiteral("org_admin"));
        QCOMPARE(sent.first().query.queryItemValue(QStringLiteral("limit")), QStringLiteral("50"));
        QVERIFY(isLowerUuid(sent.first().requestId()));
        QCOMPARE(rec.result().requestId(), sent.first().requestId());
    }

    void listsEveryPageEachWithItsOwnRequestId()
    {
        Fixture f;
        ListMembersRequest request;
        request.limit = 2;
        const Listing l = listAll(f, "acme", request);
        VERIFY_OK(l.done);
        QCOMPARE(l.members.size(), 9);
        QCOMPARE(l.pages, 5);
        QVERIFY(l.done.value().complete());
        const auto sent = f.requestsTo("GET", orgPath("acme", "/users"));
        QCOMPARE(sent.size(), 5);
        const QStringList ids = requestIds(sent);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 5);
    }

    void stopsAtTheItemLimit()
    {
        Fixture f;
        ListMembersRequest request;
        request.limit = 4;
        const Listing l = listAll(f, "acme", request, 5);
        VERIFY_OK(l.done);
        QCOMPARE(l.members.size(), 5);
        QCOMPARE(l.done.value().stop, PagingStop::ItemLimit);
        QVERIFY(!l.done.value().complete());
    }

    void duplicateIdsAcrossPagesAreDroppedAndCounted()
    {
        Fixture f;
        f.server->scriptResponses(
            "GET", orgPath("acme", "/users"),
            {ok(page({memberJson(QStringLiteral("u1")), memberJson(QStringLiteral("u2"))}, true,
                     QStringLiteral("c1"))),
             ok(page({memberJson(QStringLiteral("u2")), memberJson(QStringLiteral("u3"))},
                     false))});
        const Listing l = listAll(f, "acme");
        VERIFY_OK(l.done);
        QCOMPARE(l.members.size(), 3);
        QCOMPARE(l.done.value().duplicateItems, 1);
        QVERIFY(!l.done.value().complete());
        QVERIFY(l.done.value()
                    .incompleteReasons()
                    .join(QLatin1Char(' '))
                    .contains(QLatin1String("more than once")));
    }

    void aRepeatingCursorEndsTheListing()
    {
        Fixture f;
        f.server->scriptResponses(
            "GET", orgPath("acme", "/users"),
            {ok(page({memberJson(QStringLiteral("u1"))}, true, QStringLiteral("same"))),
             ok(page({memberJson(QStringLiteral("u2"))}, true, QStringLiteral("same"))),
             ok(page({memberJson(QStringLiteral("u3"))}, true, QStringLiteral("same")))});
        const Listing l = listAll(f, "acme");
        VERIFY_OK(l.done);
        QCOMPARE(l.done.value().stop, PagingStop::RepeatedCursor);
        QCOMPARE(f.requestsTo("GET", orgPath("acme", "/users")).size(), 2);
        QVERIFY(!l.done.value().complete());
        QVERIFY(l.done.value().incompleteReasons().first().contains(QLatin1String("members")));
    }

    void hostileItemsAreKeptCountedOrSkipped()
    {
        Fixture f;
        QJsonObject noEmail = memberJson(QStringLiteral("u1"));
        noEmail.remove(QStringLiteral("email"));
        QJsonObject odd = memberJson(QStringLiteral("u2"), QString(1000, QLatin1Char('e')));
        odd.insert(QStringLiteral("role"), QStringLiteral("org_owner"));
        odd.insert(QStringLiteral("status"), QStringLiteral("suspended"));
        odd.insert(QStringLiteral("source"), QStringLiteral("not a url \u202E"));
        QJsonObject mistyped = memberJson(QStringLiteral("u3"));
        mistyped.insert(QStringLiteral("role"), 7);
        const QJsonObject noId{{QStringLiteral("email"), QStringLiteral("x@y")}};
        f.server->scriptResponses(
            "GET", orgPath("acme", "/users"),
            {ok(page({noEmail, odd, mistyped, noId, QJsonValue(42)}, false))});
        auto rec = awaitCall<MemberPage>("listMembers", [&](auto callback) {
            f.client->listMembers(QStringLiteral("acme"), {}, nullptr, callback);
        });
        VERIFY_OK(rec);
        const MemberPage &p = rec.value();
        QCOMPARE(p.items.size(), 3);
        QCOMPARE(p.skippedItems, 2);
        QCOMPARE(p.incompleteItems, 1); // the mistyped role
        QVERIFY(!p.items.at(0).email);
        QCOMPARE(memberDisplayName(p.items.at(0)), QStringLiteral("u1"));
        QCOMPARE(p.items.at(1).role, QStringLiteral("org_owner"));
        QCOMPARE(p.items.at(1).status, QStringLiteral("suspended"));
        QCOMPARE(p.items.at(1).email->size(), 1000);
        QVERIFY(!p.items.at(1).isAdmin());
        QVERIFY(p.items.at(2).role.isEmpty());
    }

    void getsUpdatesAndRemovesAMember()
    {
        Fixture f;
        const QString id =
            f.server->members(QStringLiteral("acme")).at(3).value(QLatin1String("id")).toString();
        auto got = awaitCall<OrganizationUser>("getMember", [&](auto callback) {
            f.client->getMember(QStringLiteral("acme"), id, nullptr, callback);
        });
        VERIFY_OK(got);
        QCOMPARE(got.value().email.value_or(QString()), QStringLiteral("road.runner@acme.example"));

        MemberUpdate update;
        update.role = QStringLiteral("org_viewer");
        update.status = QStringLiteral("disabled");
        auto changed = awaitCall<OrganizationUser>("updateMember", [&](auto callback) {
            f.client->updateMember(QStringLiteral("acme"), id, update, nullptr, callback);
        });
        VERIFY_OK(changed);
        QCOMPARE(changed.value().role, QStringLiteral("org_viewer"));
        const auto patches = f.requestsTo("PATCH", orgPath("acme", "/users/") + id);
        QCOMPARE(patches.size(), 1);
        QCOMPARE(patches.first().jsonBody(),
                 (QJsonObject{{QStringLiteral("role"), QStringLiteral("org_viewer")},
                              {QStringLiteral("status"), QStringLiteral("disabled")}}));

        auto removed = awaitCall<Done>("removeMember", [&](auto callback) {
            f.client->removeMember(QStringLiteral("acme"), id, nullptr, callback);
        });
        VERIFY_OK(removed);
        QCOMPARE(f.server->members(QStringLiteral("acme")).size(), 8);
        auto again = awaitCall<OrganizationUser>("getMember", [&](auto callback) {
            f.client->getMember(QStringLiteral("acme"), id, nullptr, callback);
        });
        QCOMPARE(again.error().kind, ApiError::Kind::NotFound);
    }

    void refusesUnknownValuesBeforeSending()
    {
        Fixture f;
        MemberUpdate update;
        update.role = QStringLiteral("org_owner");
        auto rec = awaitCall<OrganizationUser>("updateMember", [&](auto callback) {
            f.client->updateMember(QStringLiteral("acme"), QStringLiteral("u1"), update, nullptr,
                                   callback);
        });
        QCOMPARE(rec.error().kind, ApiError::Kind::InvalidArgument);
        QCOMPARE(rec.error().field, QStringLiteral("role"));
        auto invite = awaitCall<Invitation>("createInvitation", [&](auto callback) {
            f.client->createInvitation(
                QStringLiteral("acme"),
                {QStringLiteral("not an email"), QStringLiteral("org_admin")}, nullptr, callback);
        });
        QCOMPARE(invite.error().kind, ApiError::Kind::InvalidArgument);
        QCOMPARE(invite.error().field, QStringLiteral("email"));
        auto dots = awaitCall<Done>("removeMember", [&](auto callback) {
            f.client->removeMember(QStringLiteral("acme"), QStringLiteral(".."), nullptr, callback);
        });
        QCOMPARE(dots.error().kind, ApiError::Kind::InvalidArgument);
        QCOMPARE(f.apiRequests(), 0);
    }

    void permissionsAreEnforced()
    {
        Fixture f;
        auto list = awaitCall<MemberPage>("listMembers", [&](auto callback) {
            f.client->listMembers(QStringLiteral("stark"), {}, nullptr, callback,
                                  CallOptions{{}, true});
        });
        VERIFY_OK(list);
        QCOMPARE(list.value().items.first().permissions->allows(QStringLiteral("users"),
                                                                QStringLiteral("update")),
                 std::optional<bool>(false));
        MemberUpdate update;
        update.role = QStringLiteral("org_viewer");
        auto rec = awaitCall<OrganizationUser>("updateMember", [&](auto callback) {
            f.client->updateMember(QStringLiteral("stark"), list.value().items.first().id, update,
                                   nullptr, callback);
        });
        QCOMPARE(rec.error().kind, ApiError::Kind::Permission);
        QVERIFY(rec.error().message.contains(QLatin1String("users.update")));
    }

    void invitationsAreCreatedListedAndRevoked()
    {
        Fixture f;
        auto created = awaitCall<Invitation>("createInvitation", [&](auto callback) {
            f.client->createInvitation(
                QStringLiteral("wayne"),
                {QStringLiteral("selina.kyle@wayne.example"), QStringLiteral("org_admin")}, nullptr,
                callback);
        });
        VERIFY_OK(created);
        QCOMPARE(created.value().status, QStringLiteral("pending"));
        QVERIFY(created.value().expiresAt > QDateTime::currentDateTimeUtc().addDays(6));
        auto listed = awaitCall<InvitationPage>("listInvitations", [&](auto callback) {
            f.client->listInvitations(QStringLiteral("wayne"), {}, nullptr, callback);
        });
        VERIFY_OK(listed);
        QCOMPARE(listed.value().items.size(), 1);
        auto twice = awaitCall<Invitation>("createInvitation", [&](auto callback) {
            f.client->createInvitation(
                QStringLiteral("wayne"),
                {QStringLiteral("selina.kyle@wayne.example"), QStringLiteral("org_admin")}, nullptr,
                callback);
        });
        QCOMPARE(twice.error().kind, ApiError::Kind::Conflict);
        auto revoked = awaitCall<Done>("revokeInvitation", [&](auto callback) {
            f.client->revokeInvitation(QStringLiteral("wayne"), created.value().id, nullptr,
                                       callback);
        });
        VERIFY_OK(revoked);
        QCOMPARE(f.server->invitations(QStringLiteral("wayne"))
                     .first()
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("revoked"));
    }

    void retriesKeepTheRequestId()
    {
        Fixture f;
        f.server->scriptResponses("GET", orgPath("acme", "/users"), {status(503)});
        auto rec = awaitCall<MemberPage>("listMembers", [&](auto callback) {
            f.client->listMembers(QStringLiteral("acme"), {}, nullptr, callback);
        });
        VERIFY_OK(rec);
        const auto sent = f.requestsTo("GET", orgPath("acme", "/users"));
        QCOMPARE(sent.size(), 2);
        QCOMPARE(sent.at(0).requestId(), sent.at(1).requestId());
    }
};

QTEST_GUILESS_MAIN(TestClientMembers)
#include "tst_client_members.moc"
