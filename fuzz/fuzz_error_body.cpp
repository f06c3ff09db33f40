// libFuzzer: what a server's error body and headers can make of our error text. The first
// byte picks a status; the rest is the body. No secret form may survive redaction.
#include "HttpSupport.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace keycard;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const int status = 300 + data[0] * 2; // 300..810
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const QString secret = QStringLiteral("s3cr\"t/\u00e9 p+w&d");
    QStringList secrets = http::secretForms(secret);
    secrets << http::basicCredentialForms(QStringLiteral("demo-admin"), secret);
    const ApiError e =
        http::errorFromResponse(status, body, QString::fromUtf8(body.left(40)), secrets);
    for (const QString &form : std::as_const(secrets)) {
        if (e.message.contains(form) || e.code.contains(form) || e.field.contains(form))
            std::abort();
    }
    if (e.message.isEmpty() || e.kind == ApiError::Kind::None)
        std::abort();
    (void)http::isBearerTokenSyntax(QString::fromUtf8(body));
    (void)http::redact(QString::fromUtf8(body), secrets);
    return 0;
}
