#pragma once

#include "SandboxServer.h"

#include <QHash>
#include <QQueue>

#include <optional>

namespace keycard::sandbox {

// Scripted responses and injected faults, keyed by method and exact decoded path, consumed
// in the order they were added.
class Faults
{
public:
    void script(const QByteArray &method, const QString &path,
                const QList<ScriptedResponse> &responses);
    void inject(const QByteArray &method, const QString &path, Fault fault, int times);
    void clear();

    std::optional<Fault> takeFault(const QByteArray &method, const QString &path);
    std::optional<ScriptedResponse> takeScripted(const QByteArray &method, const QString &path);

private:
    static QString key(const QByteArray &method, const QString &path);

    QHash<QString, QQueue<Fault>> m_faults;
    QHash<QString, QQueue<ScriptedResponse>> m_scripted;
};

} // namespace keycard::sandbox
