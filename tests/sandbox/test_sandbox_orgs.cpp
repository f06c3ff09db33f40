// Organizations: seeded data, generated data, pagination, lookup, expand[]=permissions.
#include "DemoData.h"
#include "SandboxTestSupport.h"
#include "Store.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace keycard::sandbox;
using sandboxtest::Http;
using sandboxtest::Response;

class TestSandboxOrgs : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<Http> m_http;

    void start(int extra)
    {
        SandboxOptions options;
        options.extraOrganizations = extra;
        QVERIFY(sandboxtest::serve(m_server, m_http, options));
    }

    // Follows `after` (or the older `cursor`) from the first page; returns every id in order.
    QStringList walk(int limit, const QString &cursorName, int &pages)
    {
        QStringList ids;
        QString cursor;
        pages = 0;
        for (;;) {
            QString target = QStringLiteral("/organizations?limit=%1").arg(limit);
            if (!cursor.isEmpty())
                target += QStringLiteral("&%1=%2").arg(cursorName, cursor);
            const Response r = m_http->get(target);
            if (r.status != 200)
                return {};
            ++pages;
            const QJsonObject page = r.json();
            const QJsonArray items = page.value("items").toArray();
            for (const QJsonValue &item : items)
                ids.append(item.toObject().value("id").toString());
            const QJsonObject info = page.value("page_info").toObject();
            if (info.value("has_prev_page").toBool() != (pages > 1))
                return {};
            if (!info.value("has_next_page").toBool())
                return ids;
            cursor = info.value("end_cursor").toString();
            if (cursor.isEmpty() || pages > 10000)
                return {};
        }
    }

private Q_SLOTS:
    void cleanup() { sandboxtest::stop(m_server, m_http); }

    void demoOrganizations()
    {
        start(0);
        const Response r = m_http->get(QStringLiteral("/organizations"));
        QCOMPARE(r.status, 200);
        const QJsonArray items = r.json().value("items").toArray();
        QCOMPARE(items.size(), qsizetype(std::size(demo::kAll)));
        static const QRegularExpression timestamp(
            QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
        const QSet<QString> withSso{QStringLiteral("acme"), QStringLiteral("initech"),
                                    QStringLiteral("wayne")};
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QJsonObject o = items.at(i).toObject();
            QCOMPARE(o.value("id").toString(), QLatin1String(demo::kAll[i].id));
            QCOMPARE(o.value("name").toString(), QLatin1String(demo::kAll[i].name));
            QCOMPARE(o.value("label").toString(), QLatin1String(demo::kAll[i].label));
            QCOMPARE(o.value("sso_enabled").toBool(),
                     withSso.contains(o.value("label").toString()));
            QVERIFY(timestamp.match(o.value("created_at").toString()).hasMatch());
            QVERIFY(timestamp.match(o.value("updated_at").toString()).hasMatch());
            QVERIFY(o.value("created_at").toString() < QStringLiteral("2025"));
            QVERIFY(!o.contains("permissions"));
        }
        const QJsonObject info = r.json().value("page_info").toObject();
        QCOMPARE(info.value("has_next_page").toBool(), false);
        QCOMPARE(info.value("has_prev_page").toBool(), false);
        QVERIFY(info.value("start_cursor").isString());
        QVERIFY(info.value("end_cursor").isString());
        QCOMPARE(m_server->connectionCount(), 3);
    }

    void paginationThroughAll()
    {
        start(2345 - int(std::size(demo::kAll)));
        int pages = 0;
        const QStringList ids = walk(100, QStringLiteral("after"), pages);
        QCOMPARE(ids.size(), 2345);
        QCOMPARE(pages, 24);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 2345);
        QStringList expected;
        const auto orgs = m_server->organizations();
        for (const QJsonObject &o : orgs)
            expected.append(o.value("id").toString());
        QCOMPARE(ids, expected);

        // The older name of the forward cursor.
        QCOMPARE(walk(1000, QStringLiteral("cursor"), pages), expected);
        QCOMPARE(pages, 3);
    }

    void backwardPagination()
    {
        start(44);
        const QJsonObject last = m_http
                                     ->get(QStringLiteral("/organizations?limit=20&after=") +
                                           m_http->get(QStringLiteral("/organizations?limit=20"))
                                               .json()
                                               .value("page_info")
                                               .toObject()
                                               .value("end_cursor")
                                               .toString())
                                     .json();
        const QString start = last.value("page_info").toObject().value("start_cursor").toString();
        QVERIFY(last.value("page_info").toObject().value("has_prev_page").toBool());
        const Response back =
            m_http->get(QStringLiteral("/organizations?limit=20&before=") + start);
        QCOMPARE(back.status, 200);
        const QJsonArray items = back.json().value("items").toArray();
        QCOMPARE(items.size(), 20);
        QCOMPARE(items.first().toObject().value("label").toString(), QStringLiteral("acme"));
        const QJsonObject info = back.json().value("page_info").toObject();
        QCOMPARE(info.value("has_prev_page").toBool(), false);
        QCOMPARE(info.value("has_next_page").toBool(), true);
    }

    void emptyPageHasNullCursors()
    {
        start(0);
        const QString end = m_http->get(QStringLiteral("/organizations"))
                                .json()
                                .value("page_info")
                                .toObject()
                                .value("end_cursor")
                                .toString();
        const Response r = m_http->get(QStringLiteral("/organizations?after=") + end);
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value("items").toArray().isEmpty());
        const QJsonObject info = r.json().value("page_info").toObject();
        QVERIFY(info.value("start_cursor").isNull());
        QVERIFY(info.value("end_cursor").isNull());
        QCOMPARE(info.value("has_next_page").toBool(), false);
        QCOMPARE(info.value("has_prev_page").toBool(), true);
    }

    void badQueries_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("limit 0") << QStringLiteral("limit=0") << QStringLiteral("limit");
        QTest::newRow("limit 1001") << QStringLiteral("limit=1001") << QStringLiteral("limit");
        QTest::newRow("limit -5") << QStringLiteral("limit=-5") << QStringLiteral("limit");
        QTest::newRow("limit text") << QStringLiteral("limit=ten") << QStringLiteral("limit");
        QTest::newRow("bad after") << QStringLiteral("after=garbage!") << QStringLiteral("after");
        QTest::newRow("unknown id cursor")
            << QStringLiteral("after=b3JnOm5vcGU") << QStringLiteral("after");
        QTest::newRow("bad cursor") << QStringLiteral("cursor=%%%") << QStringLiteral("cursor");
        QTest::newRow("bad before") << QStringLiteral("before=xyz") << QStringLiteral("before");
    }
    void badQueries()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        start(0);
        const Response r = m_http->get(QStringLiteral("/organizations?") + query);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value("status").toInt(), 400);
        QCOMPARE(r.errorField(), field);
        QVERIFY(r.json().value("message").toString().startsWith(field));
    }

    void limitBounds()
    {
        start(1200);
        QCOMPARE(m_http->get(QStringLiteral("/organizations?limit=1"))
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 1);
        QCOMPARE(m_http->get(QStringLiteral("/organizations?limit=1000"))
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 1000);
        QCOMPARE(
            m_http->get(QStringLiteral("/organizations")).json().value("items").toArray().size(),
            100);
    }

    void lookupByIdAndLabel()
    {
        start(10);
        for (const auto &org : demo::kAll) {
            const Response byId =
                m_http->get(QStringLiteral("/organizations/") + QLatin1String(org.id));
            QCOMPARE(byId.status, 200);
            QCOMPARE(byId.json().value("label").toString(), QLatin1String(org.label));
            const Response byLabel =
                m_http->get(QStringLiteral("/organizations/") + QLatin1String(org.label));
            QCOMPARE(byLabel.status, 200);
            QCOMPARE(byLabel.json().value("id").toString(), QLatin1String(org.id));
        }
        const Response generated = m_http->get(QStringLiteral("/organizations/org-00007"));
        QCOMPARE(generated.status, 200);
        QCOMPARE(generated.json().value("sso_enabled").toBool(), true);
        // Percent-encoded path segment.
        QCOMPARE(m_http->get(QStringLiteral("/organizations/%61cme")).status, 200);
    }

    void unknownOrganization()
    {
        start(0);
        const Response r = m_http->get(QStringLiteral("/organizations/no-such-org"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value("status").toInt(), 404);
        QVERIFY(r.json().value("message").toString().contains(QStringLiteral("no-such-org")));
        QCOMPARE(m_http->get(QStringLiteral("/organizations/a%2Fb")).status, 404);
        QCOMPARE(
            m_http->get(QStringLiteral("/organizations/") + QString(256, QLatin1Char('x'))).status,
            400);
    }

    void unknownPathAndMethod()
    {
        start(0);
        const Response unknown = m_http->get(QStringLiteral("/organisations"));
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.json().value("status").toInt(), 404);
        const Response wrong = m_http->send("DELETE", QStringLiteral("/organizations/acme"));
        QCOMPARE(wrong.status, 405);
        QCOMPARE(wrong.json().value("status").toInt(), 405);
        QVERIFY(!wrong.errorCode().isEmpty());
    }

    void expandPermissions_data()
    {
        QTest::addColumn<QString>("expand");
        QTest::newRow("expand[]") << QStringLiteral("expand[]=permissions");
        QTest::newRow("percent-encoded") << QStringLiteral("expand%5B%5D=permissions");
        QTest::newRow("expand") << QStringLiteral("expand=permissions");
    }
    void expandPermissions()
    {
        QFETCH(QString, expand);
        start(0);
        const Response list = m_http->get(QStringLiteral("/organizations?") + expand);
        QCOMPARE(list.status, 200);
        QVERIFY(list.json().value("permissions").isObject());
        const QJsonArray items = list.json().value("items").toArray();
        for (const QJsonValue &item : items) {
            const QJsonObject organizations =
                item.toObject().value("permissions").toObject().value("organizations").toObject();
            QCOMPARE(organizations.value("read").toBool(), true);
            QCOMPARE(organizations.value("update").toBool(),
                     item.toObject().value("label").toString() != QStringLiteral("stark"));
        }
        const Response one = m_http->get(QStringLiteral("/organizations/stark?") + expand);
        QCOMPARE(one.json()
                     .value("permissions")
                     .toObject()
                     .value("organizations")
                     .toObject()
                     .value("update")
                     .toBool(true),
                 false);
    }

    void generatedData()
    {
        start(0);
        m_server->addGeneratedOrganizations(10000);
        const auto orgs = m_server->organizations();
        QCOMPARE(orgs.size(), qsizetype(10006));
        QSet<QString> ids;
        QSet<QString> labels;
        static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9]{26}$"));
        static const QRegularExpression labelPattern(
            QStringLiteral("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"));
        for (const QJsonObject &o : orgs) {
            QVERIFY(idPattern.match(o.value("id").toString()).hasMatch());
            QVERIFY(labelPattern.match(o.value("label").toString()).hasMatch());
            QVERIFY(!o.value("name").toString().isEmpty());
            ids.insert(o.value("id").toString());
            labels.insert(o.value("label").toString());
        }
        QCOMPARE(ids.size(), 10006);
        QCOMPARE(labels.size(), 10006);
        QVERIFY(m_server->connectionCount() > 1000);

        // Deterministic: another sandbox generates the same organizations; adding in two steps
        // gives the same as one step.
        SandboxServer other;
        other.addGeneratedOrganizations(4000);
        other.addGeneratedOrganizations(6000);
        QCOMPARE(other.organizations(), orgs);

        // A page deep in the list is served through the cursor.
        const QString cursor = m_http
                                   ->get(QStringLiteral("/organizations?limit=1000&after=") +
                                         m_http->get(QStringLiteral("/organizations?limit=1000"))
                                             .json()
                                             .value("page_info")
                                             .toObject()
                                             .value("end_cursor")
                                             .toString())
                                   .json()
                                   .value("page_info")
                                   .toObject()
                                   .value("end_cursor")
                                   .toString();
        const Response deep = m_http->get(QStringLiteral("/organizations?limit=5&after=") + cursor);
        QCOMPARE(deep.json().value("items").toArray().first().toObject().value("id").toString(),
                 orgs.at(2000).value("id").toString());
    }

    // A list page joins each organization's cached JSON text: that text says what
    // organizationJson() says (escapes, non-BMP characters, an invalid timestamp), and it
    // follows a change of the organization.
    void listItemsAreTheOrganizationsJson()
    {
        Store store;
        Store::Organization org;
        org.id = QStringLiteral("org1");
        org.name = QStringLiteral("Quote \" backslash \\ newline \n tab \t bell \x07 ") +
                   QString::fromUtf8("\xc3\xa9 \xf0\x9d\x84\x9e \xe2\x80\xa8 end");
        org.label = QStringLiteral("org-1");
        org.createdAt = QDateTime::fromMSecsSinceEpoch(1709251199007, QTimeZone::utc());
        QVERIFY(store.append(org));
        const auto parsedIn = [](const Store &from, int index) {
            QJsonParseError error{};
            const QJsonDocument document =
                QJsonDocument::fromJson(from.organizationBytes(index), &error);
            return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
        };
        const auto parsed = [&store, &parsedIn](int index) { return parsedIn(store, index); };
        QCOMPARE(parsed(0), store.organizationJson(0));
        QCOMPARE(parsed(0).value("created_at").toString(),
                 QStringLiteral("2024-02-29T23:59:59.007Z"));
        QCOMPARE(parsed(0).value("updated_at").toString(), QString()); // not set: as before
        QCOMPARE(parsed(0).value("sso_enabled").toBool(true), false);

        store.createConnection(0, QJsonObject{{"identifier", "https://idp.example"}}, std::nullopt);
        QCOMPARE(parsed(0), store.organizationJson(0));
        QCOMPARE(parsed(0).value("sso_enabled").toBool(), true);
        store.deleteConnection(0);
        QCOMPARE(parsed(0).value("sso_enabled").toBool(true), false);

        // A change loaded from a state file shows too.
        store.createConnection(0, QJsonObject{{"identifier", "https://idp.example"}}, std::nullopt);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state.json"));
        QString error;
        QVERIFY2(store.save(path, error), qPrintable(error));
        Store fresh;
        QVERIFY(fresh.append(org));
        QCOMPARE(parsedIn(fresh, 0).value("sso_enabled").toBool(true), false);
        QVERIFY2(fresh.load(path, error), qPrintable(error));
        QCOMPARE(parsedIn(fresh, 0), fresh.organizationJson(0));
        QCOMPARE(parsedIn(fresh, 0).value("sso_enabled").toBool(), true);

        // Through HTTP, with and without permissions, a page is the organizations read alone.
        start(1000);
        for (const QString &query :
             {QStringLiteral("limit=1000"), QStringLiteral("limit=1000&expand[]=permissions")}) {
            const QJsonArray items = m_http->get(QStringLiteral("/organizations?") + query)
                                         .json()
                                         .value("items")
                                         .toArray();
            QCOMPARE(items.size(), qsizetype(1000));
            for (const int i : {0, 1, 5, 6, 500, 999}) {
                QJsonObject item = items.at(i).toObject();
                const QString id = item.value("id").toString();
                const QJsonObject alone =
                    m_http->get(QStringLiteral("/organizations/") + id + QLatin1Char('?') + query)
                        .json();
                QCOMPARE(item, alone);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSandboxOrgs)
#include "test_sandbox_orgs.moc"
