#pragma once

#include "Models.h"

#include <QByteArray>
#include <QList>
#include <QStringView>

#include <algorithm>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace keycard {

// Text stored in blocks (256 KiB, or one larger block for a longer piece; a block given back its
// unused room by shrinkLast(), or taken over from another arena, may be smaller): a piece never
// straddles two blocks, and growing never copies what is stored (no realloc of the whole text,
// no burst of page faults on one append).
template<typename Char> class TextArena
{
public:
    static constexpr qsizetype kBlockBytes = 256 * 1024;
    static constexpr qsizetype kBlockChars = kBlockBytes / qsizetype(sizeof(Char));

    // Room for `length` characters in one block; sets where they start.
    Char *allocate(qsizetype length, quint32 &block, quint32 &offset)
    {
        if (m_blocks.empty() || m_capacity - m_used < length) {
            m_capacity = std::max(length, kBlockChars);
            m_blocks.push_back(std::make_unique_for_overwrite<Char[]>(size_t(m_capacity)));
            m_used = 0;
        }
        block = quint32(m_blocks.size() - 1);
        offset = quint32(m_used);
        m_used += length;
        return m_blocks.back().get() + offset;
    }
    const Char *at(quint32 block, quint32 offset) const { return m_blocks[block].get() + offset; }
    qsizetype blockCount() const { return qsizetype(m_blocks.size()); }
    // Gives the last block back what it does not use (a copy of what it holds).
    void shrinkLast()
    {
        if (m_blocks.empty() || m_used == m_capacity)
            return;
        auto exact = std::make_unique_for_overwrite<Char[]>(size_t(std::max<qsizetype>(m_used, 1)));
        std::copy_n(m_blocks.back().get(), m_used, exact.get());
        m_blocks.back() = std::move(exact);
        m_capacity = m_used;
    }
    // Takes over the blocks of `other` after its own; returns the index its first block got.
    quint32 append(TextArena &&other)
    {
        Q_ASSERT(&other != this);
        const auto base = quint32(m_blocks.size());
        if (other.m_blocks.empty())
            return base;
        for (auto &block : other.m_blocks)
            m_blocks.push_back(std::move(block));
        m_used = other.m_used;
        m_capacity = other.m_capacity;
        other.clear();
        return base;
    }
    void clear()
    {
        m_blocks.clear();
        m_used = m_capacity = 0;
    }

private:
    std::vector<std::unique_ptr<Char[]>> m_blocks;
    qsizetype m_used = 0;     // characters used in the last block
    qsizetype m_capacity = 0; // characters in the last block
};

// The organization list's rows, stored compactly (100,000 of them must stay cheap): the strings
// the columns show sit in one text arena, their case-folded search form (UTF-8, so that a
// substring search runs on bytes with memchr and memcmp) in another, and each row keeps block
// and offset of its text, the SSO flag and its timestamps (the place of its search text is kept
// in a list of its own: the filter's pass over every row reads that and the text). No raw JSON.
//
// Rows can be made on any thread (fromItems() runs where a page is decoded) and appended to the
// list's rows on its own thread in one step that copies no text.
class OrganizationRows
{
public:
    enum Field { Name, Label, Id };

    // The rows of `items`, made where the page is decoded; their text blocks are given back
    // what they do not use (a page rarely fills its last one).
    static OrganizationRows fromItems(const QList<Organization> &items);

    qsizetype size() const { return m_rows.size(); }
    void clear();
    void append(const Organization &organization);
    // Moves every row of `other` after these (its text blocks are taken over, not copied).
    void append(OrganizationRows &&other);
    // Replaces a row's text, SSO flag and timestamps; the old text stays in the arenas.
    void replace(qsizetype row, const Organization &organization);

    QStringView text(qsizetype row, Field field) const;
    // The list entry of a row (no permissions, no raw JSON: the rows do not keep them).
    Organization organization(qsizetype row) const;
    // 0 off, 1 on, 2 unknown.
    qint8 sso(qsizetype row) const { return m_rows[row].sso; }
    void setSso(qsizetype row, qint8 sso) { m_rows[row].sso = sso; }
    // Milliseconds since the epoch (UTC), or kNoTime.
    qint64 created(qsizetype row) const { return m_rows[row].created; }
    static constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();

    // The words of a filter as matches() takes them: case-folded, in UTF-8.
    static QList<QByteArray> searchWords(const QStringList &foldedWords);
    // True when every word (from searchWords()) occurs in the row's name, label or id.
    bool matches(qsizetype row, const QList<QByteArray> &words) const;

    // Blocks of the row text and search text arenas (for tests of TextArena's block boundary).
    qsizetype textBlocks() const { return m_text.blockCount(); }
    qsizetype searchTextBlocks() const { return m_folded.blockCount(); }

private:
    struct Row
    {
        quint32 textBlock = 0; // block and offset of name, label and id (in this order) in m_text
        quint32 text = 0;
        quint32 nameLength = 0;
        quint32 labelLength = 0;
        quint32 idLength = 0;
        qint8 sso = 2;            // 0 off, 1 on, 2 unknown
        qint64 created = kNoTime; // milliseconds since the epoch (UTC)
        qint64 updated = kNoTime;
    };
    // Where a row's search text is, apart from the rows: the filter's pass over every row reads
    // these and the text, not the rows.
    struct SearchText
    {
        quint32 block = 0; // block and offset in m_folded
        quint32 offset = 0;
        quint32 length = 0;
    };

    Row makeRow(const Organization &organization, SearchText &search);

    QList<Row> m_rows;          // relocatable: grows by realloc, without copying
    QList<SearchText> m_search; // one per row
    TextArena<char16_t> m_text; // every row's name, label and id
    TextArena<char> m_folded;   // every row's case-folded "name\nlabel\nid", in UTF-8
    std::string m_scratch;      // one row's search text while it is made
};

} // namespace keycard
