#include "SandboxProcess.h"

#include "DisplayText.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QTcpServer>

#include <fcntl.h>
#include <unistd.h>
#if defined(Q_OS_LINUX)
#include <signal.h>
#include <sys/prctl.h>
#endif

namespace keycard {
namespace {

constexpr int kChildListenFd = 3;
constexpr qsizetype kStderrTailBytes = 2048;

// 32 random bytes from the system's generator, base64url: a secret nobody else knows, made
// anew for every run, so that another local user cannot drive the demo server.
Secret freshSecret()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / int(sizeof(quint32)));
    return Secret(QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
}

} // namespace

SandboxProcess::SandboxProcess(QObject *parent)
    : QObject(parent)
{
    connect(&m_process, &QProcess::finished, this, &SandboxProcess::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &SandboxProcess::onError);
    connect(&m_process, &QProcess::readyReadStandardError, this, &SandboxProcess::onStderr);
}

SandboxProcess::~SandboxProcess()
{
    m_stopping = true;
    m_clientSecret.clear();
    if (m_process.state() == QProcess::NotRunning)
        return;
    // The session ends when keycard-admin quits (its event loop is over by then). SIGKILL ends
    // the child at once; the wait only reaps it, bounded, instead of QProcess's destructor
    // doing the same with a warning and no bound.
    m_process.closeWriteChannel();
    m_process.kill();
    m_process.waitForFinished(2000);
}

QString SandboxProcess::defaultProgram()
{
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("keycard-sandbox"));
}

bool SandboxProcess::start(const Options &options, QString *error)
{
    const QString program = options.program.isEmpty() ? defaultProgram() : options.program;
    const QFileInfo info(program);
    if (!info.isFile() || !info.isExecutable()) {
        if (error)
            *error =
                tr("the demo server %1 is not installed").arg(QDir::toNativeSeparators(program));
        return false;
    }
    QTcpServer listening;
    if (!listening.listen(QHostAddress::LocalHost, 0)) {
        if (error)
            *error = listening.errorString();
        return false;
    }
    const int fd = int(listening.socketDescriptor());
    m_baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(listening.serverPort()));
    m_clientId = QStringLiteral("demo-admin");
    m_clientSecret = freshSecret();

    m_process.setProgram(program);
    QStringList arguments{QStringLiteral("--listen-fd"),
                          QString::number(kChildListenFd),
                          QStringLiteral("--client-id"),
                          m_clientId,
                          QStringLiteral("--client-secret-stdin"),
                          QStringLiteral("--exit-with-stdin"),
                          QStringLiteral("--quiet")};
    if (options.extraOrganizations > 0)
        arguments << QStringLiteral("--orgs") << QString::number(options.extraOrganizations);
    m_process.setArguments(arguments);
    m_process.setStandardOutputFile(QProcess::nullDevice());
    // Runs in the child between fork and exec: only async-signal-safe calls. The listening
    // socket becomes descriptor 3 without close-on-exec; every other descriptor of ours keeps
    // its close-on-exec flag (Qt opens them all so).
    m_process.setChildProcessModifier([fd] {
        if (fd == kChildListenFd)
            ::fcntl(fd, F_SETFD, 0);
        else
            ::dup2(fd, kChildListenFd);
#if defined(Q_OS_LINUX)
        // Should this process die without closing the pipe's other end properly.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
    });
    m_process.start(QIODevice::ReadWrite);
    // start() has forked by now (or failed): the child holds its own copy of the socket.
    listening.close();
    if (m_process.state() == QProcess::NotRunning) {
        if (error)
            *error = m_process.errorString();
        m_reported = true;
        return false;
    }
    m_process.write((m_clientSecret.reveal() + QLatin1Char('\n')).toUtf8());
    return true;
}

void SandboxProcess::onStderr()
{
    m_stderrTail += m_process.readAllStandardError();
    if (m_stderrTail.size() > kStderrTailBytes)
        m_stderrTail = m_stderrTail.right(kStderrTailBytes);
}

void SandboxProcess::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_stopping || m_reported)
        return;
    m_reported = true;
    onStderr();
    const QString said =
        displayText(QString::fromUtf8(m_stderrTail).trimmed().split(QLatin1Char('\n')).constLast());
    QString reason = status == QProcess::CrashExit
                         ? tr("The demo server stopped unexpectedly (it crashed).")
                         : tr("The demo server stopped unexpectedly (exit code %1).").arg(exitCode);
    if (!said.isEmpty())
        reason += QLatin1Char(' ') + tr("It said: %1").arg(said);
    Q_EMIT stopped(reason);
}

void SandboxProcess::onError(QProcess::ProcessError error)
{
    if (m_stopping || m_reported || error != QProcess::FailedToStart)
        return; // a crash also ends in finished()
    m_reported = true;
    Q_EMIT stopped(tr("The demo server could not be started: %1").arg(m_process.errorString()));
}

} // namespace keycard
