#include "SearchKey.h"

#include <QByteArray>

namespace keycard::search {

void appendFolded(std::string &out, const QString &text)
{
    const size_t start = out.size();
    out.resize(start + size_t(text.size()));
    char *folded = out.data() + start;
    const QChar *chars = text.constData();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = chars[i].unicode();
        if (c >= 0x80) {
            out.resize(start);
            const QByteArray utf8 = text.toCaseFolded().toUtf8();
            out.append(utf8.constData(), size_t(utf8.size()));
            return;
        }
        folded[i] = char(c >= u'A' && c <= u'Z' ? c + (u'a' - u'A') : c);
    }
}

} // namespace keycard::search
