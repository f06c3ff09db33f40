#pragma once

#include <QDebug>
#include <QString>

namespace keycard {

// A client secret or an access token. The value is reachable only through reveal(), so that a
// secret cannot end up in a log, an error message or qDebug() output by accident: streaming a
// Secret prints a fixed placeholder.
class Secret
{
public:
    Secret() = default;
    explicit Secret(QString value) : m_value(std::move(value)) {}

    bool isEmpty() const { return m_value.isEmpty(); }
    const QString &reveal() const { return m_value; }
    void clear() { m_value.fill(QLatin1Char('\0')); m_value.clear(); }

    friend bool operator==(const Secret &a, const Secret &b) { return a.m_value == b.m_value; }

private:
    QString m_value;
};

inline QDebug operator<<(QDebug dbg, const Secret &secret)
{
    QDebugStateSaver saver(dbg);
    dbg.nospace() << (secret.isEmpty() ? "Secret(empty)" : "Secret(<redacted>)");
    return dbg;
}

} // namespace keycard
