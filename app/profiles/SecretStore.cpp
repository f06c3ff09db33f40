#include "SecretStore.h"

#include <qt6keychain/keychain.h>

#include <QTimer>

namespace keycard::profiles {

namespace {

// Errors that mean "there is no usable keychain here" rather than "this entry is a problem".
bool meansNoKeychain(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented ||
           error == QKeychain::OtherError;
}

} // namespace

SecretStore::SecretStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{
}

SecretStore::~SecretStore()
{
    for (Secret &secret : m_session)
        secret.clear();
}

QString SecretStore::keyFor(const QString &profileName)
{
    return QStringLiteral("profile:") + profileName;
}

QString SecretStore::availabilityMessage() const
{
    if (m_availability != Availability::Unavailable)
        return {};
    return tr("No keychain available: the secret is kept for this session only");
}

bool SecretStore::hasSessionSecret(const QString &profileName) const
{
    return m_session.contains(profileName);
}

void SecretStore::setAvailability(Availability availability, const QString &detail)
{
    m_detail = detail;
    if (m_availability == availability)
        return;
    m_availability = availability;
    Q_EMIT availabilityChanged(availability);
}

void SecretStore::deliver(const Callback &done, const SecretResult &result)
{
    if (done)
        done(result);
}

void SecretStore::deliverLater(QObject *context, Callback done, SecretResult result)
{
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    QTimer::singleShot(0, this, [guard, hadContext, done = std::move(done), result]() {
        if (hadContext && !guard)
            return;
        deliver(done, result);
    });
}

// Jobs have no parent and delete themselves once finished: the libsecret backend hands the job
// to GLib as a raw callback pointer, so a job deleted with its store (window closed, profile
// switched) while the call is pending would be used after free when the answer comes.
void SecretStore::run(QKeychain::Job *job, const QString &profileName, QObject *context,
                      Interpret interpret, Callback done)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never plaintext on disk
    job->setKey(keyFor(profileName));
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    connect(job, &QKeychain::Job::finished, this,
            [this, guard, hadContext, interpret = std::move(interpret),
             done = std::move(done)](QKeychain::Job *finished) {
                const QKeychain::Error error = finished->error();
                if (error == QKeychain::NoError || error == QKeychain::EntryNotFound)
                    setAvailability(Availability::Available);
                else if (meansNoKeychain(error))
                    setAvailability(Availability::Unavailable, finished->errorString());
                const SecretResult result = interpret(finished);
                if (hadContext && !guard)
                    return;
                deliver(done, result);
            });
    job->start();
}

void SecretStore::write(const QString &profileName, const Secret &secret, QObject *context,
                        Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(secret.reveal());
    run(
        job, profileName, context,
        [this, profileName, secret](QKeychain::Job *finished) {
            const QKeychain::Error error = finished->error();
            SecretResult result;
            if (error == QKeychain::NoError) {
                m_session.remove(profileName);
                result.outcome = SecretResult::Outcome::Stored;
            } else if (meansNoKeychain(error)) {
                m_session.insert(profileName, secret);
                result.outcome = SecretResult::Outcome::SessionOnly;
                result.message = availabilityMessage();
            } else {
                // Reachable but refused (access denied): keep it for this run, say why.
                m_session.insert(profileName, secret);
                result.outcome = SecretResult::Outcome::Failed;
                result.message = tr("The keychain refused to store the secret (%1); it is kept "
                                    "for this session only")
                                     .arg(finished->errorString());
            }
            return result;
        },
        std::move(done));
}

void SecretStore::read(const QString &profileName, QObject *context, Callback done)
{
    if (const auto it = m_session.constFind(profileName); it != m_session.constEnd()) {
        SecretResult result;
        result.outcome = SecretResult::Outcome::SessionOnly;
        result.secret = *it;
        result.message = tr("The secret is kept for this session only");
        deliverLater(context, std::move(done), result);
        return;
    }
    run(
        new QKeychain::ReadPasswordJob(m_service), profileName, context,
        [this](QKeychain::Job *finished) {
            const QKeychain::Error error = finished->error();
            SecretResult result;
            if (error == QKeychain::NoError) {
                auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
                result.outcome = SecretResult::Outcome::Stored;
                result.secret = Secret(readJob->textData());
            } else if (error == QKeychain::EntryNotFound) {
                result.outcome = SecretResult::Outcome::NotFound;
            } else if (meansNoKeychain(error)) {
                result.outcome = SecretResult::Outcome::NotFound;
                result.message = availabilityMessage();
            } else {
                result.outcome = SecretResult::Outcome::Failed;
                result.message = tr("The keychain refused to give out the secret (%1)")
                                     .arg(finished->errorString());
            }
            return result;
        },
        std::move(done));
}

void SecretStore::remove(const QString &profileName, QObject *context, Callback done)
{
    const bool hadSession = m_session.contains(profileName);
    if (hadSession) {
        m_session[profileName].clear();
        m_session.remove(profileName);
    }
    run(
        new QKeychain::DeletePasswordJob(m_service), profileName, context,
        [this, hadSession](QKeychain::Job *finished) {
            const QKeychain::Error error = finished->error();
            SecretResult result;
            const auto notStored =
                hadSession ? SecretResult::Outcome::SessionOnly : SecretResult::Outcome::NotFound;
            if (error == QKeychain::NoError) {
                result.outcome = SecretResult::Outcome::Stored;
            } else if (error == QKeychain::EntryNotFound) {
                result.outcome = notStored;
            } else if (meansNoKeychain(error)) {
                result.outcome = notStored;
                result.message = availabilityMessage();
            } else {
                result.outcome = SecretResult::Outcome::Failed;
                result.message = tr("The keychain refused to delete the secret (%1)")
                                     .arg(finished->errorString());
            }
            return result;
        },
        std::move(done));
}

} // namespace keycard::profiles
