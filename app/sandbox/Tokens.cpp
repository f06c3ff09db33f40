#include "Tokens.h"

#include <QRandomGenerator>

#include <array>

namespace keycard::sandbox {

Tokens::Tokens(int lifetimeSeconds)
    : m_lifetimeSeconds(lifetimeSeconds)
{
    m_clock.start();
}

QString Tokens::issue()
{
    // 256 random bits from the system's CSPRNG, base64url without padding.
    std::array<quint32, 8> words;
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()), sizeof(words));
    const QString token = QStringLiteral("kcs_") +
                          QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding |
                                                             QByteArray::OmitTrailingEquals));
    // Drop tokens that have expired, so a long-running sandbox does not accumulate them.
    const qint64 now = m_clock.elapsed();
    m_expiresAtMs.removeIf([now](const auto &entry) { return entry.value() <= now; });
    m_expiresAtMs.insert(token, now + qint64(m_lifetimeSeconds) * 1000);
    return token;
}

bool Tokens::isValid(const QString &token) const
{
    const auto it = m_expiresAtMs.constFind(token);
    return it != m_expiresAtMs.constEnd() && m_clock.elapsed() < it.value();
}

void Tokens::expireAll()
{
    m_expiresAtMs.clear();
}

} // namespace keycard::sandbox
