#include "ProfileSession.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

namespace keycard::profiles {

ProfileSession::ProfileSession(ProfileStore *store, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_secrets(secrets)
{
}

void ProfileSession::load(const QString &name, QObject *context, LoadCallback done)
{
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    const auto profile = m_store->profile(name);
    if (!profile) {
        ProfileLoad result;
        result.message = QCoreApplication::translate("ProfileSession",
                                                     "There is no saved connection named \"%1\"")
                             .arg(name);
        QTimer::singleShot(0, this, [guard, hadContext, done = std::move(done), result]() {
            if ((!hadContext || guard) && done)
                done(result);
        });
        return;
    }
    m_secrets->read(
        name, this,
        [this, guard, hadContext, profile = *profile,
         done = std::move(done)](const SecretResult &secret) {
            ProfileLoad result;
            result.profile = profile;
            result.message = secret.message;
            switch (secret.outcome) {
            case SecretResult::Outcome::Stored:
            case SecretResult::Outcome::SessionOnly:
                if (secret.hasSecret()) {
                    result.outcome = ProfileLoad::Outcome::Ready;
                    result.sessionOnly = secret.outcome == SecretResult::Outcome::SessionOnly;
                    result.config = profile.toClientConfig(secret.secret);
                    m_store->setLastUsed(profile.name);
                    break;
                }
                [[fallthrough]];
            case SecretResult::Outcome::NotFound:
                result.outcome = ProfileLoad::Outcome::NoSecret;
                if (result.message.isEmpty())
                    result.message =
                        QCoreApplication::translate("ProfileSession",
                                                    "No secret is stored for \"%1\": sign in again")
                            .arg(profile.name);
                break;
            case SecretResult::Outcome::Failed:
                result.outcome = ProfileLoad::Outcome::Failed;
                break;
            }
            if ((!hadContext || guard) && done)
                done(result);
        });
}

void ProfileSession::save(const Profile &profile, const Secret &secret, QObject *context,
                          SecretStore::Callback done, const QString &previousName)
{
    if (const auto reason = profile.validate()) {
        QPointer<QObject> guard(context);
        const bool hadContext = context != nullptr;
        SecretResult result;
        result.outcome = SecretResult::Outcome::Failed;
        result.message = *reason;
        QTimer::singleShot(0, this, [guard, hadContext, done = std::move(done), result]() {
            if ((!hadContext || guard) && done)
                done(result);
        });
        return;
    }
    const bool renaming =
        !previousName.isEmpty() && previousName != profile.name && m_store->contains(previousName);
    m_store->save(profile, renaming ? previousName : QString());
    m_store->setLastUsed(profile.name);
    m_store->sync();
    Q_EMIT profilesChanged();
    if (renaming) {
        moveSecret(previousName, profile.name, secret, context, std::move(done));
        return;
    }
    if (secret.isEmpty()) {
        // Keep what is stored: report what the keychain holds without handing it out.
        m_secrets->read(profile.name, context, [done = std::move(done)](const SecretResult &r) {
            SecretResult out = r;
            out.secret = Secret();
            if (done)
                done(out);
        });
        return;
    }
    m_secrets->write(profile.name, secret, context, std::move(done));
}

void ProfileSession::moveSecret(const QString &from, const QString &to, const Secret &typed,
                                QObject *context, SecretStore::Callback done)
{
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    auto finish = [guard, hadContext, done](const SecretResult &result) {
        if ((!hadContext || guard) && done)
            done(result);
    };
    // Written under the new name first, so that a failure never loses the secret; the old
    // entry goes only once the new one holds it.
    auto written = [this, from, finish](const SecretResult &result) {
        if (result.outcome == SecretResult::Outcome::Failed) {
            finish(result);
            return;
        }
        m_secrets->remove(from, this, [result, finish](const SecretResult &removed) {
            SecretResult out = result;
            out.secret = Secret();
            if (removed.outcome == SecretResult::Outcome::Failed)
                out.message = removed.message;
            finish(out);
        });
    };
    if (!typed.isEmpty()) {
        m_secrets->write(to, typed, this, written);
        return;
    }
    m_secrets->read(from, this, [this, to, written, finish](const SecretResult &stored) {
        if (!stored.hasSecret()) {
            SecretResult out = stored;
            out.secret = Secret();
            finish(out);
            return;
        }
        m_secrets->write(to, stored.secret, this, written);
    });
}

void ProfileSession::signOut(const QString &name, QObject *context, SecretStore::Callback done)
{
    m_secrets->remove(name, context, [done = std::move(done)](const SecretResult &r) {
        if (done)
            done(r);
    });
}

void ProfileSession::removeProfile(const QString &name, QObject *context,
                                   SecretStore::Callback done)
{
    m_store->remove(name);
    m_store->sync();
    Q_EMIT profilesChanged();
    m_secrets->remove(name, context, std::move(done));
}

} // namespace keycard::profiles
