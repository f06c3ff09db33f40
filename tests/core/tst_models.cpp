// Strict decoding of API objects (Models.h): required fields and types, unknown fields kept,
// the has_previous_page alias, null client_id, RFC 3339 timestamps, request bodies.

#include "tst_models.h"
#include "Timestamps.h"

#include "Models.h"
#include "Paging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace keycard;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

QJsonObject validOrganization()
{
    return json(R"j({"id": "u8jzPde0IgxLd6GncfBAepfJBd", "name": "Acme Corporation",
                    "label": "acme", "sso_enabled": true,
                    "created_at": "2019-12-27T18:11:19.117Z",
                    "updated_at": "2020-01-02T03:04:05Z"})j");
}

QJsonObject validConnection()
{
    return json(R"j({"id": "conn_1", "identifier": "https://acme.okta.com",
                    "client_id": "0oa8f3k2j1XyZ9abc357", "client_secret_set": true,
                    "created_at": "2024-05-01T10:00:00.000Z", "updated_at": "2024-05-02T10:00:00.000Z",
                    "protocols": {"oauth2": {"authorization_endpoint": "https://acme.okta.com/authorize",
                                             "scopes_supported": ["openid", "email"]},
                                  "openid": {"userinfo_endpoint": "https://acme.okta.com/userinfo"}}})j");
}

QJsonObject pageWith(const QJsonObject &pageInfo, const QJsonArray &items = {})
{
    return QJsonObject{{QStringLiteral("items"), items}, {QStringLiteral("page_info"), pageInfo}};
}

// `object` with `key` set to `value`, or removed when `value` is undefined.
QJsonObject withMember(QJsonObject object, const QString &key, const QJsonValue &value)
{
    if (value.isUndefined())
        object.remove(key);
    else
        object.insert(key, value);
    return object;
}

} // namespace

void TestModels::organizationValid()
{
    Organization org;
    QString field;
    QVERIFY(decode::organization(validOrganization(), org, field));
    QCOMPARE(org.id, QStringLiteral("u8jzPde0IgxLd6GncfBAepfJBd"));
    QCOMPARE(org.name, QStringLiteral("Acme Corporation"));
    QCOMPARE(org.label, QStringLiteral("acme"));
    QCOMPARE(org.ssoEnabled, std::optional<bool>(true));
    QCOMPARE(org.createdAt,
             QDateTime(QDate(2019, 12, 27), QTime(18, 11, 19, 117), QTimeZone::utc()));
    QCOMPARE(org.updatedAt, QDateTime(QDate(2020, 1, 2), QTime(3, 4, 5), QTimeZone::utc()));
    QVERIFY(!org.permissions);
    QCOMPARE(org.raw, validOrganization());
}

void TestModels::organizationRequiredFields_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value"); // Undefined = remove the key
    QTest::newRow("missing id") << "id" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("null id") << "id" << QJsonValue(QJsonValue::Null);
    QTest::newRow("numeric id") << "id" << QJsonValue(42);
    QTest::newRow("missing name") << "name" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("array name") << "name" << QJsonValue(QJsonArray{});
    QTest::newRow("missing label") << "label" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("string sso_enabled") << "sso_enabled" << QJsonValue(QStringLiteral("true"));
    QTest::newRow("missing created_at") << "created_at" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("bad created_at") << "created_at" << QJsonValue(QStringLiteral("yesterday"));
    QTest::newRow("date-only created_at")
        << "created_at" << QJsonValue(QStringLiteral("2019-12-27"));
    QTest::newRow("no offset created_at")
        << "created_at" << QJsonValue(QStringLiteral("2019-12-27T18:11:19"));
    QTest::newRow("numeric updated_at") << "updated_at" << QJsonValue(1577470279);
    QTest::newRow("permissions not object") << "permissions" << QJsonValue(true);
}
void TestModels::organizationRequiredFields()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    const QJsonObject o = withMember(validOrganization(), key, value);
    Organization org;
    QString field;
    QVERIFY(!decode::organization(o, org, field));
    QCOMPARE(field, key);
}

void TestModels::organizationUnknownFieldsKept()
{
    QJsonObject o = validOrganization();
    o.insert(QStringLiteral("region"), QStringLiteral("eu-west-1"));
    o.insert(QStringLiteral("billing"),
             QJsonObject{{QStringLiteral("plan"), QStringLiteral("pro")}});
    Organization org;
    QString field;
    QVERIFY(decode::organization(o, org, field));
    QCOMPARE(org.raw.value(QStringLiteral("region")).toString(), QStringLiteral("eu-west-1"));
    QCOMPARE(org.raw.value(QStringLiteral("billing")).toObject().value(QStringLiteral("plan")),
             QJsonValue(QStringLiteral("pro")));
}

void TestModels::organizationPermissions()
{
    QJsonObject o = validOrganization();
    o.insert(QStringLiteral("permissions"),
             json(R"j({"organizations": {"read": true, "update": false}})j"));
    Organization org;
    QString field;
    QVERIFY(decode::organization(o, org, field));
    QVERIFY(org.permissions);
    QCOMPARE(org.permissions->allows(QStringLiteral("organizations"), QStringLiteral("read")),
             std::optional<bool>(true));
    QCOMPARE(org.permissions->allows(QStringLiteral("organizations"), QStringLiteral("update")),
             std::optional<bool>(false));
    QCOMPARE(org.permissions->allows(QStringLiteral("users"), QStringLiteral("read")),
             std::optional<bool>());

    o.insert(QStringLiteral("permissions"), json(R"j({"organizations": {"read": "yes"}})j"));
    QVERIFY(!decode::organization(o, org, field));
    QCOMPARE(field, QStringLiteral("permissions.organizations.read"));
}

void TestModels::timestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected"); // invalid = rejected
    const QDate day(2019, 12, 27);
    QTest::newRow("ms Z") << "2019-12-27T18:11:19.117Z"
                          << QDateTime(day, QTime(18, 11, 19, 117), QTimeZone::utc());
    QTest::newRow("no fraction") << "2019-12-27T18:11:19Z"
                                 << QDateTime(day, QTime(18, 11, 19), QTimeZone::utc());
    QTest::newRow("micro") << "2019-12-27T18:11:19.117123Z"
                           << QDateTime(day, QTime(18, 11, 19, 117), QTimeZone::utc());
    QTest::newRow("offset") << "2019-12-27T20:11:19+02:00"
                            << QDateTime(day, QTime(18, 11, 19), QTimeZone::utc());
    QTest::newRow("lower-case") << "2019-12-27t18:11:19z"
                                << QDateTime(day, QTime(18, 11, 19), QTimeZone::utc());
    QTest::newRow("leap day") << "2024-02-29T23:59:59.999Z"
                              << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999),
                                           QTimeZone::utc());
    QTest::newRow("one fraction digit")
        << "2019-12-27T18:11:19.1Z" << QDateTime(day, QTime(18, 11, 19, 100), QTimeZone::utc());
    // Beyond milliseconds the fraction is cut: rounding ".9999" up moved year 9999 into 10000.
    QTest::newRow("fraction cut, not rounded")
        << "2019-12-27T18:11:19.9999Z" << QDateTime(day, QTime(18, 11, 19, 999), QTimeZone::utc());
    QTest::newRow("last instant of 9999")
        << "9999-12-31T23:59:59.9999Z"
        << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), QTimeZone::utc());
    QTest::newRow("offset past 9999") << "9999-12-31T23:59:59.999-01:00" << QDateTime();
    QTest::newRow("no leap day") << "2023-02-29T00:00:00.000Z" << QDateTime();
    QTest::newRow("month 13") << "2019-13-27T18:11:19Z" << QDateTime();
    QTest::newRow("second 60") << "2019-12-27T18:11:60.000Z" << QDateTime();
    QTest::newRow("year 0") << "0000-12-27T18:11:19Z" << QDateTime();
    QTest::newRow("letter in a digit") << "2019-12-2xT18:11:19.117Z" << QDateTime();
    QTest::newRow("space for T") << "2019-12-27 18:11:19.117Z" << QDateTime();
    QTest::newRow("no offset") << "2019-12-27T18:11:19" << QDateTime();
    QTest::newRow("date only") << "2019-12-27" << QDateTime();
    QTest::newRow("no seconds") << "2019-12-27T18:11Z" << QDateTime();
    QTest::newRow("garbage") << "soon" << QDateTime();
    QTest::newRow("empty") << "" << QDateTime();
}
void TestModels::timestamps()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = decode::timestamp(text);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed, expected);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }
}

void TestModels::timestampRoundTrip()
{
    const QDateTime t(QDate(2024, 2, 29), QTime(23, 59, 58, 7), QTimeZone::utc());
    QCOMPARE(formatTimestamp(t), QStringLiteral("2024-02-29T23:59:58.007Z"));
    QCOMPARE(decode::timestamp(formatTimestamp(t)), t);
}

// Dates in the window: the locale's own order and separators, but in every language with the
// year in four digits and the seconds (German's short form has neither).
void TestModels::localTimestampKeepsYearAndSeconds_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("time");
    QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates)
                           << QStringLiteral("2026") << QStringLiteral(":05:09");
    QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany)
                           << QStringLiteral("07.06.2026") << QStringLiteral("14:05:09");
    QTest::newRow("fr_FR") << QLocale(QLocale::French, QLocale::France)
                           << QStringLiteral("07/06/2026") << QStringLiteral("14:05:09");
}

void TestModels::localTimestampKeepsYearAndSeconds()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, date);
    QFETCH(QString, time);
    const QLocale before;
    QLocale::setDefault(locale);
    const QDateTime local(QDate(2026, 6, 7), QTime(14, 5, 9));
    const QString shown = localTimestamp(local.toUTC());
    QLocale::setDefault(before);
    QVERIFY2(shown.contains(date) && shown.contains(time), qPrintable(shown));
    QCOMPARE(locale.toString(local, localTimestampFormat(locale)), shown);
    QVERIFY(localTimestamp(QDateTime()).isEmpty());
}

// How an organization is named to people: a server value, with bidi overrides and other
// format characters shown as U+FFFD (as keycardctl prints them).
void TestModels::displayNameShowsHiddenCharacters()
{
    Organization org;
    org.id = QStringLiteral("org_1");
    org.name = QStringLiteral("\u202Eevil Corp");
    QCOMPARE(displayName(org), QStringLiteral("\uFFFDevil Corp"));
    org.name.clear();
    org.label = QStringLiteral("a\u200Bb");
    QCOMPARE(displayName(org), QStringLiteral("a\uFFFDb"));
    QCOMPARE(labelOrId(org), org.label); // what requests use stays as the server sent it
}

void TestModels::pageValid()
{
    const QJsonObject o = pageWith(json(R"j({"has_next_page": true, "has_prev_page": false,
                                            "start_cursor": "a", "end_cursor": "b"})j"),
                                   QJsonArray{validOrganization(), validOrganization()});
    OrganizationPage page;
    QString field;
    QVERIFY(decode::organizationPage(o, page, field));
    QCOMPARE(page.items.size(), 2);
    QVERIFY(page.pageInfo.hasNextPage);
    QVERIFY(!page.pageInfo.hasPrevPage);
    QCOMPARE(page.pageInfo.startCursor, std::optional<QString>(QStringLiteral("a")));
    QCOMPARE(page.pageInfo.endCursor, std::optional<QString>(QStringLiteral("b")));
}

void TestModels::pagePrevAlias_data()
{
    QTest::addColumn<QByteArray>("pageInfo");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("hasPrev");
    QTest::newRow("has_prev_page")
        << QByteArray(R"j({"has_next_page": false, "has_prev_page": true})j") << true << true;
    QTest::newRow("has_previous_page")
        << QByteArray(R"j({"has_next_page": false, "has_previous_page": true})j") << true << true;
    QTest::newRow("neither") << QByteArray(R"j({"has_next_page": false})j") << true << false;
    QTest::newRow("null cursors")
        << QByteArray(
               R"j({"has_next_page": false, "has_prev_page": false, "start_cursor": null, "end_cursor": null})j")
        << true << false;
    QTest::newRow("string alias")
        << QByteArray(R"j({"has_next_page": false, "has_previous_page": "yes"})j") << false
        << false;
}
void TestModels::pagePrevAlias()
{
    QFETCH(QByteArray, pageInfo);
    QFETCH(bool, valid);
    QFETCH(bool, hasPrev);
    OrganizationPage page;
    QString field;
    QCOMPARE(
        decode::organizationPage(pageWith(QJsonDocument::fromJson(pageInfo).object()), page, field),
        valid);
    if (valid)
        QCOMPARE(page.pageInfo.hasPrevPage, hasPrev);
    else
        QCOMPARE(field, QStringLiteral("page_info.has_previous_page"));
}

void TestModels::pageErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("no items") << QByteArray(R"j({"page_info": {"has_next_page": false}})j")
                              << "items";
    QTest::newRow("items object")
        << QByteArray(R"j({"items": {}, "page_info": {"has_next_page": false}})j") << "items";
    QTest::newRow("no page_info") << QByteArray(R"j({"items": []})j") << "page_info";
    QTest::newRow("has_next_page missing")
        << QByteArray(R"j({"items": [], "page_info": {}})j") << "page_info.has_next_page";
    QTest::newRow("numeric cursor")
        << QByteArray(R"j({"items": [], "page_info": {"has_next_page": false, "end_cursor": 7}})j")
        << "page_info.end_cursor";
}
void TestModels::pageErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    OrganizationPage page;
    QString errorField;
    QVERIFY(!decode::organizationPage(QJsonDocument::fromJson(body).object(), page, errorField));
    QCOMPARE(errorField, field);
}

void TestModels::organizationWithoutSsoFlag()
{
    // The older published spec has no sso_enabled: the organization reads, the flag is unknown.
    QJsonObject o = validOrganization();
    o.remove(QStringLiteral("sso_enabled"));
    Organization org;
    QString field;
    QVERIFY(decode::organization(o, org, field));
    QCOMPARE(org.ssoEnabled, std::optional<bool>());
}

void TestModels::pageItemsDecodedOneByOne()
{
    QJsonObject noId = validOrganization();
    noId.remove(QStringLiteral("id"));
    QJsonObject noSso = validOrganization();
    noSso.insert(QStringLiteral("id"), QStringLiteral("no-sso-flag"));
    noSso.remove(QStringLiteral("sso_enabled"));
    QJsonObject badSso = validOrganization();
    badSso.insert(QStringLiteral("id"), QStringLiteral("bad-sso-flag"));
    badSso.insert(QStringLiteral("sso_enabled"), QStringLiteral("yes"));
    QJsonObject badTime = validOrganization();
    badTime.insert(QStringLiteral("id"), QStringLiteral("bad-time"));
    badTime.insert(QStringLiteral("created_at"), QStringLiteral("yesterday"));
    badTime.insert(QStringLiteral("name"), 7);
    const QJsonObject o =
        pageWith(json(R"j({"has_next_page": true, "end_cursor": null})j"),
                 QJsonArray{validOrganization(), noId, 1, noSso, badSso, badTime});
    OrganizationPage page;
    QString field;
    QVERIFY2(decode::organizationPage(o, page, field), qPrintable(field));
    QCOMPARE(page.items.size(), 4);
    QCOMPARE(page.skippedItems, 2);    // no id; not an object
    QCOMPARE(page.incompleteItems, 2); // mistyped sso_enabled; bad created_at and name
    QCOMPARE(page.items.at(0).ssoEnabled, std::optional<bool>(true));
    QCOMPARE(page.items.at(1).id, QStringLiteral("no-sso-flag"));
    QCOMPARE(page.items.at(1).ssoEnabled, std::optional<bool>());
    QCOMPARE(page.items.at(2).ssoEnabled, std::optional<bool>());
    QVERIFY(!page.items.at(3).createdAt.isValid());
    QCOMPARE(page.items.at(3).name, QString());
    QCOMPARE(page.items.at(3).label, QStringLiteral("acme"));
    QVERIFY(page.pageInfo.hasNextPage);
    QVERIFY(!page.pageInfo.endCursor);
}

void TestModels::pageCursorStops()
{
    const auto info = [](bool next, std::optional<QString> cursor) {
        PageInfo i;
        i.hasNextPage = next;
        i.endCursor = std::move(cursor);
        return i;
    };
    std::optional<QString> next;
    {
        PageCursor cursor;
        QCOMPARE(cursor.advance(info(true, QStringLiteral("A")), 10, next), PagingStop::None);
        QCOMPARE(next, std::optional<QString>(QStringLiteral("A")));
        QCOMPARE(cursor.advance(info(true, QStringLiteral("B")), 10, next), PagingStop::None);
        // A, B, A: any cursor seen before ends the listing, not only the previous one.
        QCOMPARE(cursor.advance(info(true, QStringLiteral("A")), 10, next),
                 PagingStop::RepeatedCursor);
        QVERIFY(!next);
        QCOMPARE(cursor.itemsSeen(), 30);
        QVERIFY(pagingStopMessage(PagingStop::RepeatedCursor, 30).contains(QStringLiteral("30")));
    }
    {
        PageCursor cursor;
        QCOMPARE(cursor.advance(info(true, std::nullopt), 5, next), PagingStop::MissingCursor);
        QCOMPARE(cursor.advance(info(true, QString()), 5, next), PagingStop::MissingCursor);
        QCOMPARE(cursor.advance(info(false, std::nullopt), 5, next), PagingStop::LastPage);
    }
    {
        PageCursor cursor(25);
        QCOMPARE(cursor.room(), 25);
        QCOMPARE(cursor.advance(info(true, QStringLiteral("A")), 10, next), PagingStop::None);
        QCOMPARE(cursor.room(), 15);
        QCOMPARE(cursor.advance(info(true, QStringLiteral("B")), 15, next), PagingStop::ItemLimit);
        QCOMPARE(cursor.room(), 0);
    }
    {
        PageCursor cursor(20); // exactly the whole list: a normal end, not a limit
        QCOMPARE(cursor.advance(info(false, std::nullopt), 20, next), PagingStop::LastPage);
    }
}

void TestModels::connectionValid()
{
    SsoConnection c;
    QString field;
    QVERIFY(decode::ssoConnection(validConnection(), c, field));
    QCOMPARE(c.id, QStringLiteral("conn_1"));
    QCOMPARE(c.identifier, QStringLiteral("https://acme.okta.com"));
    QCOMPARE(c.clientId, std::optional<QString>(QStringLiteral("0oa8f3k2j1XyZ9abc357")));
    QVERIFY(c.clientSecretSet);
    QVERIFY(c.protocols);
    QVERIFY(c.protocols->oauth2);
    QCOMPARE(c.protocols->oauth2->authorizationEndpoint,
             std::optional<QString>(QStringLiteral("https://acme.okta.com/authorize")));
    QCOMPARE(
        c.protocols->oauth2->scopesSupported,
        std::optional<QStringList>(QStringList{QStringLiteral("openid"), QStringLiteral("email")}));
    QVERIFY(!c.protocols->oauth2->jwksUri);
    QCOMPARE(c.protocols->openid->userinfoEndpoint,
             std::optional<QString>(QStringLiteral("https://acme.okta.com/userinfo")));
}

void TestModels::connectionNullClientId()
{
    QJsonObject o = validConnection();
    o.insert(QStringLiteral("client_id"), QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("protocols"), QJsonValue(QJsonValue::Null));
    SsoConnection c;
    QString field;
    QVERIFY(decode::ssoConnection(o, c, field));
    QVERIFY(!c.clientId);
    QVERIFY(!c.protocols);
    o.remove(QStringLiteral("client_id"));
    QVERIFY(decode::ssoConnection(o, c, field));
    QVERIFY(!c.clientId);
}

void TestModels::connectionUnknownFieldsKept()
{
    QJsonObject o = validConnection();
    o.insert(QStringLiteral("login_url"), QStringLiteral("https://id.keycard.ai/login/acme"));
    QJsonObject protocols = o.value(QStringLiteral("protocols")).toObject();
    QJsonObject openid = protocols.value(QStringLiteral("openid")).toObject();
    openid.insert(QStringLiteral("external_id_claim"), QStringLiteral("oid"));
    protocols.insert(QStringLiteral("openid"), openid);
    o.insert(QStringLiteral("protocols"), protocols);
    SsoConnection c;
    QString field;
    QVERIFY(decode::ssoConnection(o, c, field));
    QCOMPARE(c.raw.value(QStringLiteral("login_url")).toString(),
             QStringLiteral("https://id.keycard.ai/login/acme"));
    QCOMPARE(c.raw.value(QStringLiteral("protocols"))
                 .toObject()
                 .value(QStringLiteral("openid"))
                 .toObject()
                 .value(QStringLiteral("external_id_claim"))
                 .toString(),
             QStringLiteral("oid"));
}

void TestModels::connectionErrors_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("field");
    QTest::newRow("missing id") << "id" << QJsonValue(QJsonValue::Undefined) << "id";
    QTest::newRow("missing identifier")
        << "identifier" << QJsonValue(QJsonValue::Undefined) << "identifier";
    QTest::newRow("numeric client_id") << "client_id" << QJsonValue(5) << "client_id";
    QTest::newRow("missing client_secret_set")
        << "client_secret_set" << QJsonValue(QJsonValue::Undefined) << "client_secret_set";
    QTest::newRow("protocols array") << "protocols" << QJsonValue(QJsonArray{}) << "protocols";
    QTest::newRow("oauth2 string")
        << "protocols" << QJsonValue(json(R"j({"oauth2": "x"})j")) << "protocols.oauth2";
    QTest::newRow("scope not string")
        << "protocols" << QJsonValue(json(R"j({"oauth2": {"scopes_supported": ["openid", 3]}})j"))
        << "protocols.oauth2.scopes_supported[1]";
    QTest::newRow("userinfo number")
        << "protocols" << QJsonValue(json(R"j({"openid": {"userinfo_endpoint": 1}})j"))
        << "protocols.openid.userinfo_endpoint";
}
void TestModels::connectionErrors()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    const QJsonObject o = withMember(validConnection(), key, value);
    SsoConnection c;
    QString errorField;
    QVERIFY(!decode::ssoConnection(o, c, errorField));
    QCOMPARE(errorField, field);
}

void TestModels::createBody()
{
    SsoConnectionCreate create;
    create.identifier = QStringLiteral("https://acme.okta.com");
    create.clientId = QStringLiteral("abc");
    QJsonObject o = create.toJson();
    QCOMPARE(o.keys(), (QStringList{QStringLiteral("client_id"), QStringLiteral("identifier")}));
    create.clientSecret = QStringLiteral("s3cret");
    SsoProtocols protocols;
    protocols.openid =
        OpenIdSettings{QStringLiteral("https://acme.okta.com/userinfo"), std::nullopt};
    create.protocols = protocols;
    o = create.toJson();
    QCOMPARE(o.value(QStringLiteral("client_secret")).toString(), QStringLiteral("s3cret"));
    QCOMPARE(o.value(QStringLiteral("protocols")).toObject(),
             json(R"j({"openid": {"userinfo_endpoint": "https://acme.okta.com/userinfo"}})j"));
}

void TestModels::updateBody()
{
    SsoConnectionUpdate update;
    QVERIFY(update.isEmpty());
    QVERIFY(update.toJson().isEmpty());
    update.clientId = QString(); // null: remove
    update.clientSecret = QStringLiteral("new");
    const QJsonObject o = update.toJson();
    QVERIFY(!update.isEmpty());
    QVERIFY(o.value(QStringLiteral("client_id")).isNull());
    QVERIFY(!o.contains(QStringLiteral("identifier")));
    QCOMPARE(o.value(QStringLiteral("client_secret")).toString(), QStringLiteral("new"));
    update.clientSecret = QString();
    QVERIFY(update.toJson().value(QStringLiteral("client_secret")).isNull());
}

void TestModels::updateBodyProtocolsPatch()
{
    // Without the settings before: the members set, as given (keycardctl's options).
    SsoConnectionUpdate update;
    OAuth2Settings scopesOnly;
    scopesOnly.scopesSupported = QStringList{QStringLiteral("openid")};
    update.protocols = SsoProtocols{scopesOnly, std::nullopt};
    QCOMPARE(update.toJson().value(QStringLiteral("protocols")).toObject(),
             json(R"j({"oauth2": {"scopes_supported": ["openid"]}})j"));

    // With them (the Edit form): what changed, null for what was cleared, nothing else.
    OAuth2Settings before;
    before.tokenEndpoint = QStringLiteral("https://idp.example.com/token");
    before.jwksUri = QStringLiteral("https://idp.example.com/keys");
    before.scopesSupported = QStringList{QStringLiteral("openid"), QStringLiteral("email")};
    OAuth2Settings after = before;
    after.jwksUri.reset();
    after.scopesSupported = QStringList{QStringLiteral("openid")};
    update.protocols =
        SsoProtocols{after, OpenIdSettings{QStringLiteral("https://idp.example.com/me"), {}}};
    update.protocolsBefore = SsoProtocols{before, std::nullopt};
    QCOMPARE(update.toJson().value(QStringLiteral("protocols")).toObject(),
             json(R"j({"oauth2": {"jwks_uri": null, "scopes_supported": ["openid"]},
                       "openid": {"userinfo_endpoint": "https://idp.example.com/me"}})j"));
    // Everything cleared: each member null.
    update.protocols = SsoProtocols{};
    QCOMPARE(update.toJson().value(QStringLiteral("protocols")).toObject(),
             json(R"j({"oauth2": null})j"));
}

void TestModels::protocolsRoundTrip()
{
    SsoProtocols in;
    QString field;
    QVERIFY(decode::protocols(validConnection().value(QStringLiteral("protocols")), in, field));
    SsoProtocols out;
    QVERIFY(decode::protocols(in.toJson(), out, field));
    QCOMPARE(out, in);
}

QTEST_GUILESS_MAIN(TestModels)
