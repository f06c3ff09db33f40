#pragma once

// What the organization model tests share: scripted list pages and the expected filter result.
#include "KeycardClient.h"
#include "OrganizationFilterModel.h"
#include "OrganizationListModel.h"
#include "SandboxServer.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace keycard::test {

// The list model on `client`, behind the filter proxy the window uses, with
// QAbstractItemModelTester checking the proxy from the start (it is attached before the client,
// so it sees every page arrive; it may call fetchMore() itself).
struct CheckedList
{
    explicit CheckedList(KeycardClient *client)
    {
        proxy.setSourceModel(&model);
        tester.emplace(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClient(client);
    }
    OrganizationListModel model;
    OrganizationFilterModel proxy;
    std::optional<QAbstractItemModelTester> tester;
};

inline QJsonObject orgJson(const QString &id, const QString &name, const QString &label)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("label"), label},
            {QStringLiteral("sso_enabled"), false},
            {QStringLiteral("created_at"), QStringLiteral("2024-01-02T03:04:05.000Z")}};
}

// A scripted page of the list: these items, has_next_page, and the cursor (if any).
inline sandbox::ScriptedResponse page(const QJsonArray &items, bool hasNext,
                                      const std::optional<QString> &cursor)
{
    QJsonObject info{{QStringLiteral("has_next_page"), hasNext},
                     {QStringLiteral("has_prev_page"), false}};
    if (cursor)
        info.insert(QStringLiteral("end_cursor"), *cursor);
    const QJsonObject body{{QStringLiteral("items"), items}, {QStringLiteral("page_info"), info}};
    return sandbox::ScriptedResponse{
        200, QJsonDocument(body).toJson(QJsonDocument::Compact), {}, {}};
}

// How many of the server's organizations contain every word in name, label or id.
inline int expectedMatches(const QList<QJsonObject> &orgs, int loaded, const QStringList &words)
{
    int count = 0;
    for (int i = 0; i < loaded; ++i) {
        const QJsonObject &o = orgs.at(i);
        const bool all = std::all_of(words.cbegin(), words.cend(), [&o](const QString &word) {
            for (const char *key : {"name", "label", "id"}) {
                if (o.value(QLatin1String(key)).toString().contains(word, Qt::CaseInsensitive))
                    return true;
            }
            return false;
        });
        count += all ? 1 : 0;
    }
    return count;
}

} // namespace keycard::test
