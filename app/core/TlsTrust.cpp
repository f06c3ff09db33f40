#include "TlsTrust.h"

#include "DisplayText.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMutex>
#include <QNetworkRequest>
#include <QSet>
#include <QSslConfiguration>

namespace keycard {

namespace {

constexpr qint64 kMaxCertificateFileBytes = 16 * 1024 * 1024;
constexpr int kMaxDirectoryFiles = 10000;

const QList<QSslCertificate> &systemAuthorities()
{
    static const QList<QSslCertificate> list = QSslConfiguration::systemCaCertificates();
    return list;
}

QString certificateName(const QSslCertificate &cert)
{
    QString name = cert.subjectDisplayName();
    if (name.isEmpty())
        name = cert.subjectInfo(QSslCertificate::Organization).join(QStringLiteral(", "));
    return displayText(name.isEmpty() ? QCoreApplication::translate("keycard::net", "(no name)")
                                      : name);
}

QString issuerName(const QSslCertificate &cert)
{
    QString name = cert.issuerDisplayName();
    if (name.isEmpty())
        name = cert.issuerInfo(QSslCertificate::Organization).join(QStringLiteral(", "));
    return displayText(name.isEmpty() ? QCoreApplication::translate("keycard::net", "(no name)")
                                      : name);
}

int severity(QSslError::SslError e)
{
    switch (e) {
    case QSslError::HostNameMismatch:
        return 0;
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        return 1;
    case QSslError::CertificateExpired:
    case QSslError::CertificateNotYetValid:
    case QSslError::CertificateRevoked:
        return 2;
    default:
        return 3;
    }
}

} // namespace

std::optional<QString> readCertificates(const QString &path, QList<QSslCertificate> &out)
{
    QFile file(path);
    const QFileInfo info(path);
    if (!info.exists())
        return QCoreApplication::translate("keycard::net", "%1 does not exist").arg(path);
    if (!info.isFile())
        return QCoreApplication::translate("keycard::net", "%1 is not a file").arg(path);
    if (info.size() > kMaxCertificateFileBytes)
        return QCoreApplication::translate("keycard::net", "%1 is larger than 16 MiB").arg(path);
    if (!file.open(QIODevice::ReadOnly))
        return QCoreApplication::translate("keycard::net", "%1 cannot be read (%2)")
            .arg(path, file.errorString());
    const QByteArray data = file.read(kMaxCertificateFileBytes);
    QList<QSslCertificate> certs = QSslCertificate::fromData(data, QSsl::Pem);
    if (certs.isEmpty())
        certs = QSslCertificate::fromData(data, QSsl::Der);
    if (certs.isEmpty())
        return QCoreApplication::translate(
                   "keycard::net",
                   "%1 holds no certificate (expected PEM: -----BEGIN CERTIFICATE-----)")
            .arg(path);
    out += certs;
    return std::nullopt;
}

TlsTrust TlsTrust::fromEnvironment(const QProcessEnvironment &env)
{
    TlsTrust trust;
    trust.certFile = env.value(QLatin1String(kEnvCertFile));
    trust.certDir = env.value(QLatin1String(kEnvCertDir));
    return trust;
}

TlsTrust TlsTrust::system()
{
    return fromEnvironment(QProcessEnvironment::systemEnvironment());
}

bool TlsTrust::isSystemDefault() const
{
    return certFile.isEmpty() && certDir.isEmpty() && caFile.isEmpty();
}

namespace {

// What the files looked like when they were read: their paths and modification times. A request
// is validated and sent with the same trust many times (every page of a listing); the files are
// read again only when one of them changed.
QString fileStamp(const TlsTrust &trust)
{
    QString stamp;
    const auto add = [&stamp](const QString &path) {
        const QFileInfo info(path);
        stamp += path + QLatin1Char('\n') + QString::number(info.size()) + QLatin1Char('@') +
                 QString::number(info.lastModified().toMSecsSinceEpoch()) + QLatin1Char('\n');
    };
    add(trust.certFile);
    for (const QString &dir : trust.certDir.split(QLatin1Char(':'), Qt::SkipEmptyParts))
        add(dir);
    add(trust.caFile);
    return stamp;
}

} // namespace

TlsTrust::Loaded TlsTrust::load() const
{
    if (isSystemDefault())
        return {};
    static QMutex mutex;
    static QString cachedStamp;
    static Loaded cached;
    const QString stamp = fileStamp(*this);
    QMutexLocker lock(&mutex);
    if (stamp != cachedStamp) {
        cached = loadFiles();
        cachedStamp = stamp;
    }
    return cached;
}

TlsTrust::Loaded TlsTrust::loadFiles() const
{
    Loaded loaded;
    const auto refuse = [&loaded](const QString &field, const QString &reason) {
        loaded.authorities.clear();
        loaded.field = field;
        loaded.problem = reason;
        return loaded;
    };
    // OpenSSL: SSL_CERT_FILE stands for the default file, SSL_CERT_DIR for the default
    // directory. Qt does not keep the system's file and directory apart: the system store
    // counts as soon as one of the two is not replaced.
    if (certFile.isEmpty() || certDir.isEmpty())
        loaded.authorities = systemAuthorities();
    if (!certFile.isEmpty()) {
        if (auto problem = readCertificates(certFile, loaded.authorities))
            return refuse(
                QLatin1String(kEnvCertFile),
                QCoreApplication::translate("keycard::net", "%1: %2. Correct or unset %1.")
                    .arg(QLatin1String(kEnvCertFile), *problem));
    }
    if (!certDir.isEmpty()) {
        for (const QString &dirPath : certDir.split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
            const QDir dir(dirPath);
            if (!dir.exists())
                return refuse(
                    QLatin1String(kEnvCertDir),
                    QCoreApplication::translate(
                        "keycard::net", "%1: the directory %2 does not exist. Correct or unset %1.")
                        .arg(QLatin1String(kEnvCertDir), dirPath));
            const QFileInfoList files = dir.entryInfoList(QDir::Files | QDir::Readable, QDir::Name);
            int read = 0;
            // A directory made by c_rehash holds each certificate twice (its file and a link
            // named by its hash): each file is read once.
            QSet<QString> seen;
            for (const QFileInfo &info : files) {
                if (read++ >= kMaxDirectoryFiles)
                    break;
                const QString canonical = info.canonicalFilePath();
                if (seen.contains(canonical))
                    continue;
                seen.insert(canonical);
                QList<QSslCertificate> certs;
                if (!readCertificates(info.filePath(), certs)) // other files are skipped
                    loaded.authorities += certs;
            }
        }
    }
    if (!caFile.isEmpty()) {
        if (auto problem = readCertificates(caFile, loaded.authorities))
            return refuse(
                QStringLiteral("ca_file"),
                QCoreApplication::translate("keycard::net", "Additional CA certificates: %1")
                    .arg(*problem));
    }
    return loaded;
}

void TlsTrust::apply(QNetworkRequest &request) const
{
    // (Redirects are followed by hand, each a request of its own that comes through here.)
    if (isSystemDefault() || request.url().scheme() != QLatin1String("https"))
        return;
    const Loaded loaded = load();
    QSslConfiguration tls = request.sslConfiguration();
    // With a problem (refused before sending) nothing is trusted rather than too much.
    tls.setCaCertificates(loaded.problem ? QList<QSslCertificate>() : loaded.authorities);
    request.setSslConfiguration(tls);
}

QString explainTlsErrors(const QList<QSslError> &errors, const QString &hostIn)
{
    if (errors.isEmpty())
        return {};
    const QString host = displayText(hostIn);
    const QSslError *worst = &errors.constFirst();
    for (const QSslError &e : errors) {
        if (severity(e.error()) < severity(worst->error()))
            worst = &e;
    }
    const QSslCertificate cert = worst->certificate();
    const QString trustHint = QCoreApplication::translate(
        "keycard::net",
        "If your organization uses its own certificate authority (a self-hosted Keycard, "
        "or a proxy that inspects TLS), ask for that authority's certificate (a PEM file) "
        "and add it as the profile's \"Additional CA certificates\" (keycardctl: --ca-file), "
        "or name a bundle containing it in SSL_CERT_FILE. Verification is never turned off.");
    switch (worst->error()) {
    case QSslError::HostNameMismatch: {
        QStringList names = cert.subjectAlternativeNames().values(QSsl::DnsEntry);
        names += cert.subjectAlternativeNames().values(QSsl::IpAddressEntry);
        if (names.isEmpty())
            names = cert.subjectInfo(QSslCertificate::CommonName);
        for (QString &n : names)
            n = displayText(n);
        return QCoreApplication::translate(
                   "keycard::net",
                   "the certificate %1 presented is for %2, not for %1: check the server "
                   "address; otherwise something between you and the server answers in its "
                   "place")
            .arg(host, names.isEmpty() ? QCoreApplication::translate("keycard::net", "no name")
                                       : names.join(QStringLiteral(", ")));
    }
    case QSslError::SelfSignedCertificate:
        return QCoreApplication::translate(
                   "keycard::net",
                   "%1 presented a self-signed certificate (\"%2\") that this computer does not "
                   "trust. %3")
            .arg(host, certificateName(cert), trustHint);
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        if (cert.isNull())
            return QCoreApplication::translate(
                       "keycard::net",
                       "the certificate of %1 was issued by a certificate authority this "
                       "computer does not trust. %2")
                .arg(host, trustHint);
        return QCoreApplication::translate(
                   "keycard::net",
                   "the certificate \"%1\" presented by %2 was issued by \"%3\", a certificate "
                   "authority this computer does not trust. %4")
            .arg(certificateName(cert), host, issuerName(cert), trustHint);
    case QSslError::CertificateExpired:
        return QCoreApplication::translate(
                   "keycard::net",
                   "the certificate \"%1\" presented by %2 expired on %3: the server's "
                   "certificate must be renewed (or this computer's clock is wrong)")
            .arg(certificateName(cert), host,
                 QLocale().toString(cert.expiryDate().toUTC(), QLocale::ShortFormat));
    case QSslError::CertificateNotYetValid:
        return QCoreApplication::translate(
                   "keycard::net",
                   "the certificate \"%1\" presented by %2 is valid only from %3: check this "
                   "computer's clock")
            .arg(certificateName(cert), host,
                 QLocale().toString(cert.effectiveDate().toUTC(), QLocale::ShortFormat));
    case QSslError::CertificateRevoked:
        return QCoreApplication::translate(
                   "keycard::net",
                   "the certificate \"%1\" presented by %2 has been revoked by its issuer")
            .arg(certificateName(cert), host);
    default:
        return QCoreApplication::translate("keycard::net",
                                           "the certificate of %1 was not accepted: %2")
            .arg(host, displayText(worst->errorString()));
    }
}

} // namespace keycard
