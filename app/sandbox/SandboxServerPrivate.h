#pragma once

// Private to keycard_sandbox: the state behind SandboxServer (SandboxServer.cpp and
// SandboxServerData.cpp).

#include "Api.h"
#include "Faults.h"
#include "SandboxServer.h"
#include "Store.h"
#include "Tokens.h"
#include "Transport.h"

class QHttpServerRequest;
class QTcpSocket;

namespace keycard::sandbox {

class SandboxServerPrivate
{
public:
    SandboxServerPrivate(SandboxServer *server, SandboxOptions opts);

    void handle(const QHttpServerRequest &request, QTcpSocket *socket);
    RecordedRequest record(const QHttpServerRequest &request) const;
    void respond(QTcpSocket *socket, const HttpReply &reply, Delivery delivery, bool close);
    void changed();
    void keep(const RecordedRequest &recorded);

    SandboxServer *q;
    SandboxOptions options;
    Store store;
    Tokens tokens;
    Api api;
    Faults faults;
    HttpFrontend *frontend = nullptr;
    QList<RecordedRequest> requests; // the recent window (see SandboxOptions)
    qint64 recordedBodyBytes = 0;
    QString errorString;
    quint16 port = 0;
    int latencyMs = 0;
    int nextGenerated = 1;
    bool saveState = true;
};

} // namespace keycard::sandbox
