#include "Faults.h"

namespace keycard::sandbox {

QString Faults::key(const QByteArray &method, const QString &path)
{
    return QString::fromLatin1(method.toUpper()) + QLatin1Char(' ') + path;
}

void Faults::script(const QByteArray &method, const QString &path,
                    const QList<ScriptedResponse> &responses)
{
    QQueue<ScriptedResponse> &queue = m_scripted[key(method, path)];
    for (const ScriptedResponse &response : responses)
        queue.enqueue(response);
}

void Faults::inject(const QByteArray &method, const QString &path, Fault fault, int times)
{
    QQueue<Fault> &queue = m_faults[key(method, path)];
    for (int i = 0; i < times; ++i)
        queue.enqueue(fault);
}

void Faults::clear()
{
    m_faults.clear();
    m_scripted.clear();
}

std::optional<Fault> Faults::takeFault(const QByteArray &method, const QString &path)
{
    const auto it = m_faults.find(key(method, path));
    if (it == m_faults.end() || it->isEmpty())
        return std::nullopt;
    const Fault fault = it->dequeue();
    if (it->isEmpty())
        m_faults.erase(it);
    return fault;
}

std::optional<ScriptedResponse> Faults::takeScripted(const QByteArray &method, const QString &path)
{
    const auto it = m_scripted.find(key(method, path));
    if (it == m_scripted.end() || it->isEmpty())
        return std::nullopt;
    const ScriptedResponse response = it->dequeue();
    if (it->isEmpty())
        m_scripted.erase(it);
    return response;
}

} // namespace keycard::sandbox
