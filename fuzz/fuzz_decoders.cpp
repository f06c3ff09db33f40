// libFuzzer: the JSON decoders (app/core/Models) on arbitrary bytes. They must never crash,
// and a successful decode must hold what it promises.
#include "Models.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace keycard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    const QJsonObject o = doc.object();
    QString field;

    Organization organization;
    if (decode::organization(o, organization, field) && organization.id.isEmpty())
        std::abort(); // an organization always has an id

    OrganizationPage page;
    if (decode::organizationPage(o, page, field)) {
        for (const Organization &item : page.items) {
            if (item.id.isEmpty())
                std::abort(); // items without an id are skipped, never kept
        }
        if (page.skippedItems < 0 || page.incompleteItems < 0 ||
            page.incompleteItems > page.items.size())
            std::abort();
    }

    SsoConnection connection;
    decode::ssoConnection(o, connection, field);
    Permissions permissions;
    decode::permissions(doc.isObject() ? QJsonValue(o) : QJsonValue(), permissions, field);
    if (doc.isArray()) {
        for (const QJsonValue &v : doc.array()) {
            Organization itemOut;
            bool complete = false;
            decode::organizationListItem(v, itemOut, complete);
        }
    }
    return 0;
}
