#include "DetailHeader.h"

#include "BusyIndicator.h"
#include "DisplayText.h"
#include "ElidedLabel.h"
#include "Icons.h"
#include "ValueField.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>

namespace keycard {

DetailHeader::DetailHeader(QWidget *parent)
    : QWidget(parent)
    , m_name(new ElidedLabel(this))
    , m_label(new ElidedLabel(this))
    , m_id(new ValueField(QStringLiteral("organizationId"), tr("Organization ID"),
                          ValueField::Copyable, this))
    , m_ssoIcon(new QLabel(this))
    , m_sso(new QLabel(this))
    , m_busy(new BusyIndicator(this))
    , m_busyText(new QLabel(tr("Loading…"), this))
{
    setObjectName(QStringLiteral("detailHeader"));
    m_name->setObjectName(QStringLiteral("organizationName"));
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = m_name->font();
    font.setPointSizeF(font.pointSizeF() * 1.45);
    font.setBold(true);
    m_name->setFont(font);
    m_label->setObjectName(QStringLiteral("organizationLabel"));
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sso->setObjectName(QStringLiteral("ssoState"));
    m_busyText->setObjectName(QStringLiteral("detailBusyText"));
    m_busyText->hide();

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_name, 1);
    titleRow->addWidget(m_busy);
    titleRow->addWidget(m_busyText);
    auto *ssoRow = new QHBoxLayout;
    ssoRow->setSpacing(4);
    ssoRow->addWidget(m_ssoIcon);
    ssoRow->addWidget(m_sso, 1);
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    grid->setColumnStretch(1, 1);
    grid->addWidget(new QLabel(tr("Label:"), this), 0, 0);
    grid->addWidget(m_label, 0, 1);
    grid->addWidget(new QLabel(tr("ID:"), this), 1, 0);
    grid->addWidget(m_id, 1, 1);
    grid->addWidget(new QLabel(tr("SSO:"), this), 2, 0);
    grid->addLayout(ssoRow, 2, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 6);
    layout->addLayout(titleRow);
    layout->addLayout(grid);
}

void DetailHeader::setOrganization(const Organization &organization)
{
    m_name->setFullText(organization.name);
    m_label->setFullText(organization.label);
    m_id->setValue(organization.id);
    const std::optional<bool> sso = organization.ssoEnabled;
    m_ssoIcon->setPixmap(icons::get(!sso    ? QStringLiteral("unknown")
                                    : *sso ? QStringLiteral("sso-on")
                                           : QStringLiteral("sso-off"))
                             .pixmap(16, 16));
    m_sso->setText(!sso ? tr("Unknown") : *sso ? tr("Enabled") : tr("Not enabled"));
    m_name->setAccessibleName(displayText(organization.name));
    setAccessibleName(tr("Organization %1").arg(displayText(organization.name)));
}

void DetailHeader::setBusy(bool busy)
{
    m_busy->setRunning(busy);
    m_busyText->setVisible(busy);
}

bool DetailHeader::isBusy() const
{
    return m_busy->isRunning();
}

QString DetailHeader::name() const
{
    return m_name->fullText();
}

} // namespace keycard
