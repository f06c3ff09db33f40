#pragma once

// Which certificate authorities the client trusts, and TLS failures explained in words an
// administrator can act on. Widget-free.
//
// Trust is the system's store, as OpenSSL and curl see it:
// - SSL_CERT_FILE (a PEM bundle) replaces the system's CA file, SSL_CERT_DIR (directories of
//   PEM certificates, ':'-separated) its CA directory; with only one of them set, the system's
//   store still counts for the other part. A variable naming something without a certificate
//   is refused, naming the variable.
// - A profile's "Additional CA certificates" file (keycardctl --ca-file) adds to that.
// Verification itself is never switched off.

#include <QList>
#include <QProcessEnvironment>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

#include <optional>

class QNetworkRequest;

namespace keycard {

struct TlsTrust
{
    static constexpr const char *kEnvCertFile = "SSL_CERT_FILE";
    static constexpr const char *kEnvCertDir = "SSL_CERT_DIR";

    QString certFile; // SSL_CERT_FILE
    QString certDir;  // SSL_CERT_DIR
    QString caFile;   // the profile's additional CA certificates (PEM), or --ca-file

    static TlsTrust fromEnvironment(const QProcessEnvironment &env);
    static TlsTrust system(); // the process environment, read when called

    // True when Qt's default trust (the system store) applies unchanged.
    bool isSystemDefault() const;

    struct Loaded
    {
        QList<QSslCertificate> authorities; // empty with isSystemDefault()
        std::optional<QString> problem;     // translated; names the variable or the file
        QString field;                      // "ca_file" or the variable's name
    };
    // Reads the files (the system store only when needed, once per process); read again only
    // when a path, size or modification time changed.
    Loaded load() const;

    // Sets the trusted authorities on `request` when it goes to an https URL (nothing with
    // isSystemDefault(); a plain-http request reads no certificate). The caller has checked
    // load().problem before (ClientConfig::validate()).
    void apply(QNetworkRequest &request) const;

private:
    Loaded loadFiles() const;
};

// Certificates of a PEM (or DER) file; a translated reason when none can be read.
std::optional<QString> readCertificates(const QString &path, QList<QSslCertificate> &out);

// The TLS errors of one handshake to `host` as one sentence for an administrator: which
// certificate, which issuer, what to do. Names from the certificate pass displayText().
QString explainTlsErrors(const QList<QSslError> &errors, const QString &host);

} // namespace keycard
