#pragma once

// What the organization model tests share: scripted list pages and the expected filter result.
#include "SandboxServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace keycard::test {

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
