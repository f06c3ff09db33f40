#pragma once

// Captures every message the process logs (all categories, all levels) while it exists, for
// tests that prove secrets never reach the log. Messages other than debug also go on to the
// handler that was installed before, so test output still shows warnings.

#include <QMutex>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <utility>

class LogCapture
{
public:
    LogCapture()
    {
        QMutexLocker lock(&mutex());
        instance() = this;
        m_previous = qInstallMessageHandler(&LogCapture::capture);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        QMutexLocker lock(&mutex());
        instance() = nullptr;
    }
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    // Every message so far, one a line, each as "<category> <message>"; clears the capture.
    QString take()
    {
        QMutexLocker lock(&mutex());
        return std::exchange(m_lines, {}).join(QLatin1Char('\n'));
    }

private:
    static QMutex &mutex()
    {
        static QMutex m;
        return m;
    }
    static LogCapture *&instance()
    {
        static LogCapture *current = nullptr;
        return current;
    }
    static void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        QtMessageHandler previous = nullptr;
        {
            QMutexLocker lock(&mutex());
            LogCapture *self = instance();
            if (!self)
                return;
            self->m_lines << QString::fromLatin1(context.category ? context.category : "") +
                                 QLatin1Char(' ') + message;
            previous = self->m_previous;
        }
        if (previous && type != QtDebugMsg)
            previous(type, context, message);
    }

    QtMessageHandler m_previous = nullptr;
    QStringList m_lines;
};
