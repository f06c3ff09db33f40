#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>

namespace keycard::sandbox {

// Bearer tokens issued by the token endpoint: random, unguessable, expiring.
class Tokens
{
public:
    explicit Tokens(int lifetimeSeconds);

    int lifetimeSeconds() const { return m_lifetimeSeconds; }
    void setLifetimeSeconds(int seconds) { m_lifetimeSeconds = seconds; }

    QString issue();
    // Whether `token` was issued, has not expired and was not revoked.
    bool isValid(const QString &token) const;
    void expireAll();

private:
    int m_lifetimeSeconds;
    QElapsedTimer m_clock;                // monotonic: wall-clock changes do not matter
    QHash<QString, qint64> m_expiresAtMs; // token -> m_clock time when it stops working
};

} // namespace keycard::sandbox
