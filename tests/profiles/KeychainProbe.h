#pragma once

// For the tests that need the real keychain (run through run-with-keyring.sh): probe the
// Secret Service once, then skip on a developer machine without one, or fail when CI=true.

#include "SecretStore.h"

#include <QTest>

namespace keycard::testing {

// Empty when a keychain answers, otherwise why not.
inline QString keychainProblem(QObject *context)
{
    profiles::SecretStore probe;
    bool answered = false;
    probe.read(QStringLiteral("probe"), context,
               [&answered](const profiles::SecretResult &) { answered = true; });
    if (!QTest::qWaitFor([&answered] { return answered; }, 20000))
        return QStringLiteral("the keychain did not answer within 20 s");
    if (probe.availability() == profiles::SecretStore::Availability::Available)
        return {};
    const QString detail = probe.availabilityDetail();
    return detail.isEmpty() ? QStringLiteral("no Secret Service") : detail;
}

inline bool keychainRequired()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

} // namespace keycard::testing

// In initTestCase(): returns from it with QFAIL (CI=true) or QSKIP when no keychain answers.
#define KEYCARD_REQUIRE_KEYCHAIN(context)                                                          \
    do {                                                                                           \
        const QString keychainProblem_ = ::keycard::testing::keychainProblem(context);             \
        if (keychainProblem_.isEmpty())                                                            \
            break;                                                                                 \
        if (::keycard::testing::keychainRequired())                                                \
            QFAIL(qPrintable(QStringLiteral("CI=true but no keychain is reachable (%1). Run "      \
                                            "through tests/profiles/run-with-keyring.sh with "     \
                                            "gnome-keyring and dbus installed.")                   \
                                 .arg(keychainProblem_)));                                         \
        QSKIP(qPrintable(QStringLiteral("No keychain reachable (%1): install gnome-keyring and "   \
                                        "dbus, or set CI=true to make this a failure")             \
                             .arg(keychainProblem_)));                                             \
    } while (false)
