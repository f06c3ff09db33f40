#pragma once

#include <QComboBox>

namespace keycard::ui {

// The toolbar's connection switcher: the sandbox, each saved profile, and "Connect to
// Keycard…". While the server comes from outside the profiles (the SDK environment variables or
// --base-url) it names that source and is disabled.
// Signals fire only for the user's choices, never for setCurrent*().
class ProfileSwitcher : public QComboBox
{
    Q_OBJECT
public:
    explicit ProfileSwitcher(QWidget *parent = nullptr);

    void setProfiles(const QStringList &names);
    QStringList profiles() const { return m_names; }

    void setCurrentSandbox();
    void setCurrentProfile(const QString &name);
    // `label` names the source ("Environment variables", ...); `notice` is its tooltip.
    void setCurrentExternal(const QString &label, const QString &notice);

Q_SIGNALS:
    void profileChosen(const QString &name);
    void sandboxChosen();
    void connectRequested();

private:
    enum Role { KindRole = Qt::UserRole + 1 };
    enum Kind { Sandbox, Profile, Environment, Connect };
    void rebuild();
    void onActivated(int index);
    int indexOf(Kind kind, const QString &name = {}) const;

    QStringList m_names;
    Kind m_currentKind = Sandbox;
    QString m_currentName;
    QString m_externalLabel;
    QString m_environmentNotice;
};

} // namespace keycard::ui
