#pragma once

#include "CliOptions.h"
#include "KeycardClient.h"
#include "MemberOutput.h"
#include "Output.h"

#include <QObject>

namespace keycard::cli {

// keycardctl's members, invitations and sso impact commands (users list|set|remove,
// invitations list|create|revoke, sso impact) over a client the CommandRunner owns.
// finished() once with the exit status; never blocks.
class MemberCommands : public QObject
{
    Q_OBJECT
public:
    MemberCommands(Invocation invocation, KeycardClient *client, QObject *parent = nullptr);

    static bool handles(Command command);
    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void listUsers();
    void setUser();
    void removeUser();
    void listInvitations();
    void createInvitation();
    void revokeInvitation();
    void impact();

    void fail(const ApiError &error);
    void succeed(const QString &requestId);
    void finish(int exitCode);
    CallOptions callOptions() const;

    Invocation m_inv;
    KeycardClient *m_client;
    MemberTable m_table;
    JsonArrayStream m_stream;
    bool m_finished = false;
};

} // namespace keycard::cli
