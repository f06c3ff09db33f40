#pragma once

// Skipping a test (QtTest's QSKIP) for a reason outside the test, such as a tool that is not
// installed. Under CI=true every skip is a failure: CI must run everything. ctest reports the
// skips of a developer's run as skipped, not passed (SKIP_REGULAR_EXPRESSION in
// keycard_add_test). tests/CheckNoPlainSkip.cmake keeps QSKIP out of the tests: use this.

#include <QString>
#include <QTest>

namespace keycard::testing {

inline bool skipsAreFailures()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

} // namespace keycard::testing

#define KEYCARD_SKIP(reason)                                                                       \
    do {                                                                                           \
        const QString keycardSkipReason_ = (reason);                                               \
        if (::keycard::testing::skipsAreFailures())                                                \
            QFAIL(                                                                                 \
                qPrintable(QStringLiteral("CI=true: this test must run, but would be skipped: ") + \
                           keycardSkipReason_));                                                   \
        QSKIP(qPrintable(keycardSkipReason_ + QStringLiteral(" (a failure with CI=true)")));       \
    } while (false)
