#include "ConnectDialog.h"

#include "CaFileField.h"

#include "ConnectValidators.h"
#include "MessageBar.h"
#include "ProfileSession.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace keycard::ui {

using profiles::ConnectionTestResult;
using profiles::Profile;
using profiles::SecretResult;

ConnectDialog::ConnectDialog(profiles::ProfileSession *session, QNetworkAccessManager *nam,
                             QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_tester(new profiles::ConnectionTester(nam, this))
    , m_notice(new QLabel(this))
    , m_serviceAccount(new QRadioButton(tr("Ser&vice account"), this))
    , m_bearerToken(new QRadioButton(tr("API to&ken"), this))
    , m_caFile(new CaFileField(this))
    , m_status(new MessageBar(QStringLiteral("connectStatus"), this))
    , m_test(new QPushButton(tr("&Test connection"), this))
    , m_sandbox(new QPushButton(tr("Try the sand&box"), this))
    , m_buttons(new QDialogButtonBox(this))
{
    setObjectName(QStringLiteral("connectDialog"));
    setWindowTitle(tr("Connect to Keycard"));
    setMinimumWidth(520);

    auto *intro = new QLabel(
        tr("Sign in with a service account (create one in the Keycard console under Settings › "
           "Service Accounts) or with an API token. The secret is stored in your system's "
           "keychain, never in a settings file."),
        this);
    intro->setObjectName(QStringLiteral("connectIntro"));
    intro->setWordWrap(true);
    m_notice->setObjectName(QStringLiteral("connectNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setVisible(false);

    QWidget *nameRow = nullptr;
    QWidget *urlRow = nullptr;
    m_name = addField(QStringLiteral("profileName"), new ProfileNameValidator(this), &nameRow);
    m_name.edit->setPlaceholderText(tr("e.g. Production"));
    m_name.edit->setAccessibleName(tr("Profile name"));
    m_baseUrl = addField(QStringLiteral("baseUrl"), new BaseUrlValidator(this), &urlRow);
    m_baseUrl.edit->setText(QString::fromLatin1(ClientConfig::kDefaultBaseUrl));
    m_baseUrl.edit->setAccessibleName(tr("API base URL"));

    m_serviceAccount->setObjectName(QStringLiteral("kindServiceAccount"));
    m_bearerToken->setObjectName(QStringLiteral("kindToken"));
    m_serviceAccount->setChecked(true);
    auto *kinds = new QButtonGroup(this);
    kinds->addButton(m_serviceAccount);
    kinds->addButton(m_bearerToken);
    auto *kindRow = new QWidget(this);
    auto *kindLayout = new QHBoxLayout(kindRow);
    kindLayout->setContentsMargins(0, 0, 0, 0);
    kindLayout->addWidget(m_serviceAccount);
    kindLayout->addWidget(m_bearerToken);
    kindLayout->addStretch(1);

    m_clientId = addField(QStringLiteral("clientId"),
                          new RequiredValidator(tr("Enter the service account's client ID"), this),
                          &m_clientIdRow);
    m_clientId.edit->setAccessibleName(tr("Client ID"));
    m_secretValidator =
        new RequiredValidator(tr("Enter the service account's client secret"), this);
    QToolButton *revealSecret =
        makeRevealButton(QStringLiteral("revealSecret"), tr("Show client secret"));
    m_secret =
        addField(QStringLiteral("clientSecret"), m_secretValidator, &m_secretRow, revealSecret);
    m_secret.edit->setEchoMode(QLineEdit::Password);
    m_secret.edit->setAccessibleName(tr("Client secret"));
    m_tokenValidator = new RequiredValidator(tr("Paste the API token"), this);
    QToolButton *revealToken =
        makeRevealButton(QStringLiteral("revealToken"), tr("Show API token"));
    m_token = addField(QStringLiteral("token"), m_tokenValidator, &m_tokenRow, revealToken);
    m_token.edit->setEchoMode(QLineEdit::Password);
    m_token.edit->setAccessibleName(tr("API token"));
    // The reveal buttons toggle their own field.
    connect(revealSecret, &QToolButton::toggled, this, [this](bool on) {
        m_secret.edit->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(revealToken, &QToolButton::toggled, this, [this](bool on) {
        m_token.edit->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
    });

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("Profile &name:"), nameRow);
    form->addRow(tr("API base &URL:"), urlRow);
    // The labels' buddies are the rows: Alt+N / Alt+U land in their text fields.
    nameRow->setFocusProxy(m_name.edit);
    nameRow->setFocusPolicy(Qt::StrongFocus); // QLabel focuses a buddy that takes focus
    urlRow->setFocusProxy(m_baseUrl.edit);
    urlRow->setFocusPolicy(Qt::StrongFocus);
    form->addRow(tr("Sign in with:"), kindRow);
    m_clientIdLabel = new QLabel(tr("&Client ID:"), this);
    m_clientIdLabel->setBuddy(m_clientId.edit);
    form->addRow(m_clientIdLabel, m_clientIdRow);
    m_secretLabel = new QLabel(tr("Client s&ecret:"), this);
    m_secretLabel->setBuddy(m_secret.edit);
    form->addRow(m_secretLabel, m_secretRow);
    m_tokenLabel = new QLabel(tr("API t&oken:"), this);
    m_tokenLabel->setBuddy(m_token.edit);
    form->addRow(m_tokenLabel, m_tokenRow);
    form->addRow(tr("Additional CA cert&ificates:"), m_caFile);

    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_test->setToolTip(tr("Obtain a token and list one organization with these settings"));
    m_sandbox->setObjectName(QStringLiteral("trySandboxButton"));
    m_sandbox->setToolTip(tr("Explore Keycard Admin on a local demo server with sample data"));
    m_save = m_buttons->addButton(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveProfileButton"));
    m_save->setText(tr("&Save and connect"));
    QPushButton *cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelConnectButton"));

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_test);
    bottom->addWidget(m_sandbox);
    bottom->addStretch(1);
    bottom->addWidget(m_buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_notice);
    layout->addLayout(form);
    layout->addSpacing(4);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addSpacing(8);
    layout->addLayout(bottom);

    connect(m_serviceAccount, &QRadioButton::toggled, this, &ConnectDialog::updateKind);
    connect(m_test, &QPushButton::clicked, this, &ConnectDialog::startTest);
    connect(m_sandbox, &QPushButton::clicked, this, [this] {
        m_tester->cancel();
        Q_EMIT sandboxRequested();
        reject();
    });
    connect(m_save, &QPushButton::clicked, this, &ConnectDialog::save);
    connect(cancel, &QPushButton::clicked, this, &ConnectDialog::reject);
    connect(m_tester, &profiles::ConnectionTester::finished, this, &ConnectDialog::showTestResult);
    connect(this, &QDialog::rejected, m_tester, &profiles::ConnectionTester::cancel);

    setTabOrder(m_name.edit, m_baseUrl.edit);
    setTabOrder(m_baseUrl.edit, m_serviceAccount);
    setTabOrder(m_serviceAccount, m_bearerToken);
    setTabOrder(m_bearerToken, m_clientId.edit);
    setTabOrder(m_clientId.edit, m_secret.edit);
    setTabOrder(m_secret.edit, revealSecret);
    setTabOrder(revealSecret, m_token.edit);
    setTabOrder(m_token.edit, revealToken);
    // Typing starts in the first field; Enter saves (once Save is enabled), it never starts
    // the sandbox or a test by accident.
    m_test->setAutoDefault(false);
    m_sandbox->setAutoDefault(false);
    cancel->setAutoDefault(false);
    m_save->setDefault(true);
    m_name.edit->setFocus();
    m_ready = true;
    for (const Field *f : {&m_name, &m_baseUrl, &m_clientId, &m_secret, &m_token})
        updateField(*f);
    updateKind();
    // The outcome's room stays reserved: the buttons do not move when a test starts.
    QSizePolicy statusPolicy = m_status->sizePolicy();
    statusPolicy.setRetainSizeWhenHidden(true);
    m_status->setSizePolicy(statusPolicy);
    setStatus(Status::None, {});
}

ConnectDialog::~ConnectDialog()
{
    m_secret.edit->clear();
    m_token.edit->clear();
}

QToolButton *ConnectDialog::makeRevealButton(const QString &name, const QString &accessibleName)
{
    auto *button = new QToolButton(this);
    button->setObjectName(name);
    button->setCheckable(true);
    button->setText(tr("Show"));
    button->setToolTip(tr("Show or hide the secret"));
    button->setAccessibleName(accessibleName);
    connect(button, &QToolButton::toggled, button,
            [button](bool on) { button->setText(on ? tr("Hide") : tr("Show")); });
    return button;
}

ConnectDialog::Field ConnectDialog::addField(const QString &name, AssessingValidator *validator,
                                             QWidget **container, QToolButton *extra)
{
    Field field;
    auto *box = new QWidget(this);
    box->setObjectName(name + QStringLiteral("Field"));
    field.edit = new QLineEdit(box);
    field.edit->setObjectName(name + QStringLiteral("Edit"));
    field.edit->setValidator(validator);
    field.validator = validator;
    field.message = new QLabel(box);
    field.message->setObjectName(name + QStringLiteral("Message"));
    field.message->setWordWrap(true);
    field.message->setTextFormat(Qt::PlainText);
    QFont small = field.message->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    field.message->setFont(small);
    field.message->installEventFilter(this); // fitMessage() on every resize
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    auto *row = new QHBoxLayout;
    row->setSpacing(4);
    row->addWidget(field.edit, 1);
    if (extra) {
        extra->setParent(box);
        row->addWidget(extra);
    }
    v->addLayout(row);
    v->addWidget(field.message);
    *container = box;
    connect(field.edit, &QLineEdit::textChanged, this, [this, field] {
        if (!m_ready)
            return;
        updateField(field);
        // A finished test described other settings: clear it once the settings change.
        if (!m_tester->isRunning() && !m_saving &&
            (m_statusKind == Status::Success || m_statusKind == Status::Error))
            setStatus(Status::None, {});
        updateState();
    });
    updateField(field);
    return field;
}

void ConnectDialog::updateField(const Field &field)
{
    const QString problem = field.validator->problem(field.edit->text());
    // An untouched empty field only hints (muted); anything else wrong is an error (red).
    const bool error = !problem.isEmpty() && !field.edit->text().isEmpty();
    QString text = problem;
    // Not an error, but worth knowing: saving under another profile's name replaces it.
    if (text.isEmpty() && field.edit == m_name.edit && m_session &&
        field.edit->text() != m_storedName && m_session->store()->contains(field.edit->text()))
        text = tr("A saved profile has this name: saving replaces it");
    QPalette pal = field.message->palette();
    pal.setColor(QPalette::WindowText, error ? AssessingValidator::messageColor(palette(), true)
                                             : palette().color(QPalette::PlaceholderText));
    field.message->setPalette(pal);
    field.message->setText(text);
    field.message->setVisible(!text.isEmpty());
    field.edit->setAccessibleDescription(text);
    fitMessage(field.message, field.message->isVisible() ? field.message->width()
                                                         : field.edit->parentWidget()->width());
}

void ConnectDialog::fitMessage(QLabel *message, int width)
{
    if (message->text().isEmpty() || width <= 0) {
        message->setMinimumHeight(0);
        return;
    }
    const QMargins margins = message->contentsMargins();
    const QRect text = message->fontMetrics().boundingRect(
        QRect(0, 0, width - margins.left() - margins.right(), QWIDGETSIZE_MAX), Qt::TextWordWrap,
        message->text());
    message->setMinimumHeight(text.height() + margins.top() + margins.bottom());
}

bool ConnectDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize) {
        auto *message = static_cast<QLabel *>(watched);
        fitMessage(message, message->width());
    }
    return QDialog::eventFilter(watched, event);
}

void ConnectDialog::updateKind()
{
    const bool serviceAccount = m_serviceAccount->isChecked();
    m_clientIdRow->setVisible(serviceAccount);
    m_clientIdLabel->setVisible(serviceAccount);
    m_secretRow->setVisible(serviceAccount);
    m_secretLabel->setVisible(serviceAccount);
    m_tokenRow->setVisible(!serviceAccount);
    m_tokenLabel->setVisible(!serviceAccount);
    updateState();
}

bool ConnectDialog::isComplete() const
{
    const auto ok = [](const Field &f) { return f.validator->problem(f.edit->text()).isEmpty(); };
    if (!ok(m_name) || !ok(m_baseUrl))
        return false;
    return m_serviceAccount->isChecked() ? ok(m_clientId) && ok(m_secret) : ok(m_token);
}

void ConnectDialog::updateState()
{
    const bool keepStored = keepsStoredSecret();
    m_secretValidator->setEmptyAllowed(keepStored);
    m_tokenValidator->setEmptyAllowed(keepStored);
    const QString kept = tr("Already stored: leave empty to keep it");
    m_secret.edit->setPlaceholderText(keepStored ? kept : QString());
    m_token.edit->setPlaceholderText(keepStored ? kept : QString());
    updateField(m_secret);
    updateField(m_token);

    const bool complete = isComplete();
    const bool busy = m_tester->isRunning() || m_saving;
    m_test->setEnabled(complete && !busy);
    m_save->setEnabled(complete && !busy);
    const QString why = complete ? QString() : tr("Fill in the highlighted fields first");
    m_test->setToolTip(complete ? tr("Obtain a token and list one organization with these "
                                     "settings")
                                : why);
    m_save->setToolTip(why);
}

bool ConnectDialog::keepsStoredSecret() const
{
    const auto kind = m_serviceAccount->isChecked() ? Credentials::Kind::ServiceAccount
                                                    : Credentials::Kind::BearerToken;
    return m_secretStored && !m_storedName.isEmpty() && kind == m_storedKind;
}

Profile ConnectDialog::profile() const
{
    Profile p;
    p.name = m_name.edit->text();
    p.baseUrl = QUrl(m_baseUrl.edit->text().trimmed());
    p.kind = m_serviceAccount->isChecked() ? Credentials::Kind::ServiceAccount
                                           : Credentials::Kind::BearerToken;
    if (p.kind == Credentials::Kind::ServiceAccount)
        p.clientId = m_clientId.edit->text().trimmed();
    p.caFile = m_caFile->path();
    return p;
}

Secret ConnectDialog::typedSecret() const
{
    return Secret(m_serviceAccount->isChecked() ? m_secret.edit->text() : m_token.edit->text());
}

void ConnectDialog::setProfile(const Profile &profile, bool secretStored)
{
    m_storedName = profile.name;
    m_storedKind = profile.kind;
    m_secretStored = secretStored;
    m_name.edit->setText(profile.name);
    m_baseUrl.edit->setText(profile.baseUrl.toString());
    const bool serviceAccount = profile.kind != Credentials::Kind::BearerToken;
    m_serviceAccount->setChecked(serviceAccount);
    m_bearerToken->setChecked(!serviceAccount);
    m_clientId.edit->setText(profile.clientId);
    m_caFile->setPath(profile.caFile);
    m_secret.edit->clear();
    m_token.edit->clear();
    updateField(m_name); // the text may not have changed, but what it means did
    updateKind();
}

void ConnectDialog::setSecretStored(bool stored)
{
    m_secretStored = stored;
    updateState();
}

void ConnectDialog::setSandboxAvailable(bool available)
{
    m_sandbox->setVisible(available);
}

void ConnectDialog::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void ConnectDialog::setStatus(Status status, const QString &text)
{
    m_statusKind = status;
    // For tests: none, busy, success, error or note.
    static const char *const names[] = {"none", "busy", "success", "error", "note"};
    m_status->setProperty("statusKind", QString::fromLatin1(names[int(status)]));
    using Kind = MessageBar::Kind;
    static const Kind kinds[] = {Kind::Information, Kind::Information, Kind::Success, Kind::Error,
                                 Kind::Warning};
    if (status == Status::None)
        m_status->clear();
    else
        m_status->showMessage(kinds[int(status)], text);
}

void ConnectDialog::startTest()
{
    if (!isComplete())
        return;
    const Secret typed = typedSecret();
    const bool useStored = typed.isEmpty() && keepsStoredSecret();
    setStatus(Status::Busy, tr("Testing the connection to %1…").arg(profile().baseUrl.host()));
    if (!useStored) {
        runTest(typed);
        updateState();
        return;
    }
    // The field was left empty to keep the stored secret: test with that one.
    m_session->secrets()->read(m_storedName, this, [this](const SecretResult &r) {
        if (!r.hasSecret()) {
            setStatus(Status::Error, r.message.isEmpty()
                                         ? tr("No secret is stored any more: enter it again")
                                         : r.message);
            updateState();
            return;
        }
        runTest(r.secret);
        updateState();
    });
    updateState();
}

void ConnectDialog::runTest(const Secret &secret)
{
    m_tester->start(profile().toClientConfig(secret));
}

void ConnectDialog::showTestResult(const ConnectionTestResult &result)
{
    m_lastResult = result;
    setStatus(result.ok ? Status::Success : Status::Error, result.summary());
    updateState();
    Q_EMIT testFinished(result);
}

void ConnectDialog::save()
{
    if (!isComplete() || m_saving)
        return;
    m_saving = true;
    m_tester->cancel();
    updateState();
    const Profile p = profile();
    setStatus(Status::Busy, tr("Saving “%1”…").arg(p.name));
    // Editing a saved profile under a new name renames it (settings entry and keychain entry).
    const QString previous = m_storedName;
    m_session->save(
        p, typedSecret(), this,
        [this, p](const SecretResult &result) {
            m_saving = false;
            if (result.outcome == SecretResult::Outcome::Failed) {
                setStatus(Status::Error, result.message);
                updateState();
                return;
            }
            m_storedName = p.name;
            m_storedKind = p.kind;
            m_secretStored = true;
            setStatus(result.outcome == SecretResult::Outcome::SessionOnly ? Status::Note
                                                                           : Status::Success,
                      result.message.isEmpty() ? tr("Saved “%1”.").arg(p.name) : result.message);
            updateState();
            Q_EMIT saved(p, result);
            accept();
        },
        previous);
}

void ConnectDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (!m_ready) // still being constructed
        return;
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        for (const Field *f : {&m_name, &m_baseUrl, &m_clientId, &m_secret, &m_token})
            updateField(*f);
    }
}

} // namespace keycard::ui
