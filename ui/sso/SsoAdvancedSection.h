#pragma once

#include "Models.h"

#include <QList>
#include <QWidget>

class QFormLayout;
class QFrame;
class QToolButton;

namespace keycard::ui {

class AssessingValidator;
class ValidatedField;

// The "Advanced" part of the SSO form, collapsed by default: the request id (a fresh UUID,
// editable, with a regenerate button) and the optional protocol settings, which are sent as
// `protocols` only when something is filled in.
class SsoAdvancedSection : public QWidget
{
    Q_OBJECT
public:
    explicit SsoAdvancedSection(QWidget *parent = nullptr);

    void setExpanded(bool expanded);

    QString requestId() const;
    void regenerateRequestId();

    // nullopt when every protocol field is empty.
    std::optional<SsoProtocols> protocols() const;
    void setProtocols(const std::optional<SsoProtocols> &protocols);

    // The toggle, then every field with the buttons beside and under it, in Tab order.
    QList<QWidget *> focusOrder() const;
    // The protocol values shown now are the connection's own (Edit SSO): a rule they fail today
    // is a warning until they are changed.
    void setCurrentAsUnchanged();

    bool isAcceptable() const;
    // "Request ID: Not a UUID", ... one line per field with a problem.
    QStringList problems() const;
    // Shows a server error at the protocol field named by a dotted JSON path
    // ("protocols.oauth2.token_endpoint"); false when no field here has that name.
    bool showServerError(const QString &jsonField, const QString &message);
    void setLocked(bool locked);

Q_SIGNALS:
    void stateChanged();
    void expandedChanged(bool expanded);

private:
    struct Entry
    {
        ValidatedField *field;
        QString label;
        QString jsonPath;
    };
    ValidatedField *addField(QFormLayout *form, const QString &name, const QString &label,
                             const QString &jsonPath, AssessingValidator *validator,
                             const QString &placeholder);

    QToolButton *m_toggle = nullptr;
    QFrame *m_body = nullptr;
    QToolButton *m_regenerate = nullptr;
    ValidatedField *m_requestId = nullptr;
    ValidatedField *m_authorization = nullptr;
    ValidatedField *m_token = nullptr;
    ValidatedField *m_jwks = nullptr;
    ValidatedField *m_registration = nullptr;
    ValidatedField *m_scopes = nullptr;
    ValidatedField *m_pkce = nullptr;
    ValidatedField *m_userinfo = nullptr;
    QList<Entry> m_entries;
};

} // namespace keycard::ui
