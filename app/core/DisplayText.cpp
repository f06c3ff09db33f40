#include "DisplayText.h"

namespace keycard {
namespace {

constexpr char32_t kReplacement = 0xfffd;

bool actsInsteadOfShowing(char32_t c)
{
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        return true; // C0, DEL, C1
    switch (c) {
    case 0x200c: // zero-width non-joiner: Persian and Indic scripts
    case 0x200d: // zero-width joiner: emoji sequences
        return false;
    case 0x2028: // line separator
    case 0x2029: // paragraph separator
        return true;
    default:
        break;
    }
    if (c >= 0xe0020 && c <= 0xe007f)
        return false;                                 // emoji tag sequences (subdivision flags)
    return QChar::category(c) == QChar::Other_Format; // bidi controls, marks, ZWSP, BOM, ...
}

} // namespace

QString displayText(const QString &text)
{
    if (!hasHiddenCharacters(text))
        return text;
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            const char32_t code = QChar::surrogateToUcs4(c, text.at(i + 1));
            if (actsInsteadOfShowing(code)) {
                out += QChar(kReplacement);
            } else {
                out += c;
                out += text.at(i + 1);
            }
            ++i;
        } else if (c.isSurrogate() || actsInsteadOfShowing(c.unicode())) {
            out += QChar(kReplacement);
        } else {
            out += c;
        }
    }
    return out;
}

bool hasHiddenCharacters(const QString &text)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            if (actsInsteadOfShowing(QChar::surrogateToUcs4(c, text.at(i + 1))))
                return true;
            ++i;
        } else if (c.isSurrogate() || actsInsteadOfShowing(c.unicode())) {
            return true;
        }
    }
    return false;
}

} // namespace keycard
