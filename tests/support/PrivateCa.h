#pragma once

// A private certificate authority made at test time with the openssl command-line tool: a root
// CA and a server certificate it signed (IP SAN 127.0.0.1, DNS SAN keycard.test, no host name
// in the subject), in a temporary directory. Lives as long as the object.

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace testsupport {

class PrivateCa
{
public:
    static constexpr const char *kCaName = "Keycard Test Private Root CA";

    // False (with `error`) when openssl is missing or failed; the caller QSKIPs or fails.
    bool make(QString *error)
    {
        if (!m_dir.isValid())
            return fail(error, QStringLiteral("no temporary directory"));
        const QString ext = path("server.ext");
        {
            QFile f(ext);
            if (!f.open(QIODevice::WriteOnly))
                return fail(error, QStringLiteral("cannot write %1").arg(ext));
            f.write("basicConstraints=critical,CA:FALSE\n"
                    "keyUsage=critical,digitalSignature,keyEncipherment\n"
                    "extendedKeyUsage=serverAuth\n"
                    "subjectAltName=IP:127.0.0.1,DNS:keycard.test\n");
        }
        const QList<QStringList> steps = {
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
             QStringLiteral("2"), QStringLiteral("-subj"),
             QStringLiteral("/O=Keycard Tests/CN=") + QLatin1String(kCaName),
             QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
             QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign"),
             QStringLiteral("-keyout"), path("ca.key"), QStringLiteral("-out"), caPath()},
            {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
             QStringLiteral("-nodes"), QStringLiteral("-subj"),
             QStringLiteral("/O=Stub Server Inc"), QStringLiteral("-keyout"), path("server.key"),
             QStringLiteral("-out"), path("server.csr")},
            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
             path("server.csr"), QStringLiteral("-CA"), caPath(), QStringLiteral("-CAkey"),
             path("ca.key"), QStringLiteral("-CAcreateserial"), QStringLiteral("-days"),
             QStringLiteral("2"), QStringLiteral("-extfile"), ext, QStringLiteral("-out"),
             path("server.pem")},
        };
        for (const QStringList &args : steps) {
            QProcess openssl;
            openssl.start(QStringLiteral("openssl"), args);
            if (!openssl.waitForStarted())
                return fail(error, QStringLiteral("openssl is not installed"));
            if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0)
                return fail(error, QStringLiteral("openssl %1 failed: %2")
                                       .arg(args.first(), QString::fromLocal8Bit(
                                                              openssl.readAllStandardError())));
        }
        return true;
    }

    QString caPath() const { return path("ca.pem"); }
    QSslCertificate serverCertificate() const { return read<QSslCertificate>("server.pem"); }
    QSslKey serverKey() const
    {
        QFile f(path("server.key"));
        return f.open(QIODevice::ReadOnly) ? QSslKey(f.readAll(), QSsl::Rsa) : QSslKey();
    }
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

private:
    template<typename T> T read(const char *name) const
    {
        QFile f(path(name));
        return f.open(QIODevice::ReadOnly) ? T(f.readAll()) : T();
    }
    static bool fail(QString *error, const QString &text)
    {
        if (error)
            *error = text;
        return false;
    }
    QTemporaryDir m_dir;
};

} // namespace testsupport
