#include "OrganizationRows.h"

#include "SearchKey.h"

#include <QTimeZone>

#include <string_view>

namespace keycard {

namespace {

qint64 toMSecs(const QDateTime &utc)
{
    return utc.isValid() ? utc.toMSecsSinceEpoch() : OrganizationRows::kNoTime;
}

} // namespace

OrganizationRows OrganizationRows::fromItems(const QList<Organization> &items)
{
    OrganizationRows rows;
    rows.m_rows.reserve(items.size());
    rows.m_search.reserve(items.size());
    for (const Organization &organization : items)
        rows.append(organization);
    rows.m_text.shrinkLast();
    rows.m_folded.shrinkLast();
    rows.m_scratch = {};
    return rows;
}

void OrganizationRows::clear()
{
    m_rows = {};
    m_search = {};
    m_text.clear();
    m_folded.clear();
}

void OrganizationRows::append(const Organization &organization)
{
    SearchText search;
    m_rows.append(makeRow(organization, search));
    m_search.append(search);
}

void OrganizationRows::append(OrganizationRows &&other)
{
    Q_ASSERT(&other != this);
    const quint32 textBase = m_text.append(std::move(other.m_text));
    const quint32 foldedBase = m_folded.append(std::move(other.m_folded));
    const qsizetype first = m_rows.size();
    m_rows.append(other.m_rows);
    m_search.append(other.m_search);
    for (qsizetype row = first; row < m_rows.size(); ++row) {
        m_rows[row].textBlock += textBase;
        m_search[row].block += foldedBase;
    }
    other.clear();
}

void OrganizationRows::replace(qsizetype row, const Organization &organization)
{
    m_rows[row] = makeRow(organization, m_search[row]);
}

QStringView OrganizationRows::text(qsizetype row, Field field) const
{
    const Row &r = m_rows[row];
    const char16_t *chars = m_text.at(r.textBlock, r.text);
    switch (field) {
    case Name:
        return QStringView(chars, r.nameLength);
    case Label:
        return QStringView(chars + r.nameLength, r.labelLength);
    case Id:
        break;
    }
    return QStringView(chars + r.nameLength + r.labelLength, r.idLength);
}

Organization OrganizationRows::organization(qsizetype row) const
{
    const Row &r = m_rows.at(row);
    Organization org;
    org.id = text(row, Id).toString();
    org.name = text(row, Name).toString();
    org.label = text(row, Label).toString();
    if (r.sso != 2)
        org.ssoEnabled = r.sso == 1;
    if (r.created != kNoTime)
        org.createdAt = QDateTime::fromMSecsSinceEpoch(r.created, QTimeZone::utc());
    if (r.updated != kNoTime)
        org.updatedAt = QDateTime::fromMSecsSinceEpoch(r.updated, QTimeZone::utc());
    return org;
}

QList<QByteArray> OrganizationRows::searchWords(const QStringList &foldedWords)
{
    QList<QByteArray> words;
    words.reserve(foldedWords.size());
    for (const QString &word : foldedWords)
        words.append(word.toUtf8());
    return words;
}

bool OrganizationRows::matches(qsizetype row, const QList<QByteArray> &words) const
{
    // std::string_view::find looks for the first byte with memchr and compares with memcmp:
    // this runs for every row on a keystroke.
    const SearchText &search = m_search[row];
    const std::string_view haystack(m_folded.at(search.block, search.offset), search.length);
    for (const QByteArray &word : words) {
        if (haystack.find(std::string_view(word.constData(), size_t(word.size()))) ==
            std::string_view::npos)
            return false;
    }
    return true;
}

OrganizationRows::Row OrganizationRows::makeRow(const Organization &org, SearchText &search)
{
    Row r;
    r.nameLength = quint32(org.name.size());
    r.labelLength = quint32(org.label.size());
    r.idLength = quint32(org.id.size());
    char16_t *chars =
        m_text.allocate(qsizetype(r.nameLength + r.labelLength + r.idLength), r.textBlock, r.text);
    std::copy_n(org.name.utf16(), org.name.size(), chars);
    std::copy_n(org.label.utf16(), org.label.size(), chars + r.nameLength);
    std::copy_n(org.id.utf16(), org.id.size(), chars + r.nameLength + r.labelLength);
    m_scratch.clear();
    search::appendFolded(m_scratch, org.name);
    m_scratch.push_back('\n');
    search::appendFolded(m_scratch, org.label);
    m_scratch.push_back('\n');
    search::appendFolded(m_scratch, org.id);
    search.length = quint32(m_scratch.size());
    char *folded = m_folded.allocate(qsizetype(m_scratch.size()), search.block, search.offset);
    std::copy_n(m_scratch.data(), m_scratch.size(), folded);
    r.created = toMSecs(org.createdAt);
    r.updated = toMSecs(org.updatedAt);
    r.sso = org.ssoEnabled ? qint8(*org.ssoEnabled) : qint8(2);
    return r;
}

} // namespace keycard
