#include "ProfileSwitcher.h"

#include <QSignalBlocker>

namespace keycard::ui {

ProfileSwitcher::ProfileSwitcher(QWidget *parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("profileSwitcher"));
    setAccessibleName(tr("Connection"));
    setToolTip(tr("Which Keycard account to work with"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(this, &QComboBox::activated, this, &ProfileSwitcher::onActivated);
    rebuild();
}

void ProfileSwitcher::setProfiles(const QStringList &names)
{
    m_names = names;
    if (m_currentKind == Profile && !m_names.contains(m_currentName))
        m_currentKind = Sandbox;
    rebuild();
}

void ProfileSwitcher::setCurrentSandbox()
{
    m_currentKind = Sandbox;
    m_currentName.clear();
    rebuild();
}

void ProfileSwitcher::setCurrentProfile(const QString &name)
{
    m_currentKind = Profile;
    m_currentName = name;
    if (!m_names.contains(name))
        m_names.append(name);
    rebuild();
}

void ProfileSwitcher::setCurrentExternal(const QString &label, const QString &notice)
{
    m_currentKind = Environment;
    m_currentName.clear();
    m_externalLabel = label;
    m_environmentNotice = notice;
    rebuild();
}

int ProfileSwitcher::indexOf(Kind kind, const QString &name) const
{
    for (int i = 0; i < count(); ++i) {
        if (itemData(i, KindRole).toInt() == kind &&
            (kind != Profile || itemData(i).toString() == name))
            return i;
    }
    return -1;
}

void ProfileSwitcher::rebuild()
{
    const QSignalBlocker blocker(this);
    clear();
    if (m_currentKind == Environment) {
        addItem(m_externalLabel);
        setItemData(0, Environment, KindRole);
        setItemData(0, m_environmentNotice, Qt::ToolTipRole);
        setToolTip(m_environmentNotice);
        setCurrentIndex(0);
        setEnabled(false);
        return;
    }
    setEnabled(true);
    setToolTip(tr("Which Keycard account to work with"));
    addItem(tr("Sandbox (demo data)"));
    setItemData(0, Sandbox, KindRole);
    setItemData(0, tr("A local demo server with sample organizations"), Qt::ToolTipRole);
    for (const QString &name : std::as_const(m_names)) {
        addItem(name, name);
        setItemData(count() - 1, Profile, KindRole);
    }
    insertSeparator(count());
    addItem(tr("Connect to Keycard…"));
    setItemData(count() - 1, Connect, KindRole);
    setItemData(count() - 1, tr("Add a connection profile"), Qt::ToolTipRole);
    const int current = indexOf(m_currentKind, m_currentName);
    setCurrentIndex(current < 0 ? 0 : current);
}

void ProfileSwitcher::onActivated(int index)
{
    const auto kind = Kind(itemData(index, KindRole).toInt());
    const QString name = itemData(index).toString();
    // The switcher shows what is connected, not what was clicked: the owner calls
    // setCurrent*() once the switch happened (a profile may still need its secret).
    const int previous = indexOf(m_currentKind, m_currentName);
    {
        const QSignalBlocker blocker(this);
        setCurrentIndex(previous < 0 ? 0 : previous);
    }
    switch (kind) {
    case Sandbox:
        if (m_currentKind != Sandbox)
            Q_EMIT sandboxChosen();
        break;
    case Profile:
        if (m_currentKind != Profile || m_currentName != name)
            Q_EMIT profileChosen(name);
        break;
    case Connect:
        Q_EMIT connectRequested();
        break;
    case Environment:
        break;
    }
}

} // namespace keycard::ui
