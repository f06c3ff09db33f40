// The floor under the start-up benchmark: the least any keycard-admin that honours issue 3's
// design has to do before it can paint organizations. A bare window (as bare_qt_window.cpp) that
// starts a minimal in-process HTTP server on a random loopback port, fetches a token from it
// (POST, HTTP Basic), then one page of organizations (GET, bearer token), and paints the first
// organization's name. No models, no sandbox data, no styling. With --page-only it skips the
// token and sends the page request alone (a design with no sign-in round trip at all).
// Built only for bench/gui-bench.sh.
#include <QApplication>
#include <QEvent>
#include <QHttpServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <cstdio>

namespace {
class FirstDataPaint : public QObject
{
public:
    explicit FirstDataPaint(QLabel *label)
        : m_label(label)
    {
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done && !m_label->text().isEmpty()) {
            m_done = true;
            std::printf("floor: first paint with data\n");
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QLabel *m_label;
    bool m_done = false;
};
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QHttpServer server;
    server.route(QStringLiteral("/service-account-token"), [] {
        return QJsonObject{{QStringLiteral("access_token"), QStringLiteral("floor-token")},
                           {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                           {QStringLiteral("expires_in"), 3600}};
    });
    server.route(QStringLiteral("/organizations"), [] {
        const QJsonObject org{{QStringLiteral("id"), QStringLiteral("acme")},
                              {QStringLiteral("name"), QStringLiteral("Acme Corporation")}};
        return QJsonObject{{QStringLiteral("items"), QJsonArray{org}}};
    });
    const quint16 port = server.listen(QHostAddress::LocalHost, 0);
    if (port == 0)
        return 1;
    const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(port));

    QLabel window;
    window.resize(1180, 740);
    FirstDataPaint filter(&window);
    window.installEventFilter(&filter);

    QNetworkAccessManager nam;
    auto fetchPage = [&nam, &window, base](const QByteArray &bearer) {
        QNetworkRequest pageRequest(base.resolved(QUrl(QStringLiteral("/organizations"))));
        if (!bearer.isEmpty())
            pageRequest.setRawHeader("Authorization", "Bearer " + bearer);
        QNetworkReply *page = nam.get(pageRequest);
        QObject::connect(page, &QNetworkReply::finished, &window, [&window, page] {
            const QJsonArray items =
                QJsonDocument::fromJson(page->readAll())[QLatin1String("items")].toArray();
            window.setText(items.first()[QLatin1String("name")].toString());
        });
    };
    if (QCoreApplication::arguments().contains(QStringLiteral("--page-only"))) {
        fetchPage({});
    } else {
        QNetworkRequest tokenRequest(base.resolved(QUrl(QStringLiteral("/service-account-token"))));
        tokenRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                               QByteArrayLiteral("application/x-www-form-urlencoded"));
        tokenRequest.setRawHeader("Authorization", "Basic " + QByteArray("demo:secret").toBase64());
        QNetworkReply *token =
            nam.post(tokenRequest, QByteArrayLiteral("grant_type=client_credentials"));
        QObject::connect(token, &QNetworkReply::finished, &window, [token, fetchPage] {
            fetchPage(QJsonDocument::fromJson(token->readAll())[QLatin1String("access_token")]
                          .toString()
                          .toUtf8());
        });
    }
    window.show();
    return QApplication::exec();
}
