#pragma once

#include "Secret.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace QKeychain {
class Job;
}

namespace keycard::profiles {

// What one keychain operation ended with.
struct SecretResult
{
    enum class Outcome {
        Stored,      // written to / read from / deleted in the keychain
        NotFound,    // nothing stored for this profile
        SessionOnly, // no keychain: kept in (or read from) memory for this run only
        Failed,      // the keychain refused (e.g. access denied); see message
    };
    Outcome outcome = Outcome::NotFound;
    Secret secret;   // read(): the secret when Stored or SessionOnly
    QString message; // translated, for people; never contains the secret

    bool hasSecret() const { return !secret.isEmpty(); }
};

// Secrets of connection profiles in the operating system's keychain (QtKeychain: Secret Service
// on Linux, Keychain on macOS, Credential Manager on Windows). Every operation is asynchronous:
// the callback runs once, later, on this object's thread, unless `context` was destroyed first.
// When no keychain is reachable the secret is kept in this object's memory for the rest of the
// run and never written anywhere else (no plaintext fallback).
class SecretStore : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *kDefaultService = "ai.keycard.KeycardAdmin";

    enum class Availability { Unknown, Available, Unavailable };
    Q_ENUM(Availability)

    using Callback = std::function<void(const SecretResult &)>;

    explicit SecretStore(QString service = QString::fromLatin1(kDefaultService),
                         QObject *parent = nullptr);
    ~SecretStore() override;

    QString service() const { return m_service; }
    // The keychain entry name used for a profile.
    static QString keyFor(const QString &profileName);

    void write(const QString &profileName, const Secret &secret, QObject *context, Callback done);
    void read(const QString &profileName, QObject *context, Callback done);
    // Forgets the secret: in the keychain and in this run's memory. Removing something that was
    // never stored is not an error (outcome NotFound).
    void remove(const QString &profileName, QObject *context, Callback done);

    // What the last keychain operation found out about the keychain.
    Availability availability() const { return m_availability; }
    // A sentence for the UI while the keychain is unavailable, empty otherwise.
    QString availabilityMessage() const;
    // The keychain's own explanation of why it is unavailable (for a tooltip), or empty.
    QString availabilityDetail() const { return m_detail; }
    // True when this run holds the profile's secret in memory (no keychain).
    bool hasSessionSecret(const QString &profileName) const;

Q_SIGNALS:
    void availabilityChanged(keycard::profiles::SecretStore::Availability availability);

private:
    void setAvailability(Availability availability, const QString &detail = {});
    static void deliver(const Callback &done, const SecretResult &result);
    void deliverLater(QObject *context, Callback done, SecretResult result);
    // Turns a finished job into the result for the caller (availability already updated).
    using Interpret = std::function<SecretResult(QKeychain::Job *)>;
    // Starts `job` for the profile's key, never with a plaintext fallback; `done` runs with
    // what `interpret` made of it unless `context` was destroyed meanwhile.
    void run(QKeychain::Job *job, const QString &profileName, QObject *context, Interpret interpret,
             Callback done);

    QString m_service;
    Availability m_availability = Availability::Unknown;
    QString m_detail;
    QHash<QString, Secret> m_session; // only while no keychain is available
};

} // namespace keycard::profiles
