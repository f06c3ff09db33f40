// The Retry-After and retry-after-ms readers: what is honoured, and every value that must be
// rejected before it is converted (no infinity, NaN, exponent, sign or overflow).

#include "RetryAfter.h"

#include <QTest>
#include <QTimeZone>

using namespace keycard::http;

class TestRetryAfter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seconds_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("ms"); // -1: rejected
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("one") << QByteArray("1") << qint64(1000);
        QTest::newRow("spaces") << QByteArray(" \t120 ") << qint64(120000);
        QTest::newRow("fraction") << QByteArray("1.5") << qint64(1500);
        QTest::newRow("long fraction") << QByteArray("0.12345") << qint64(123);
        QTest::newRow("leading zeros")
            << QByteArray("0000000000000000000000000000007") << qint64(7000);
        QTest::newRow("a day") << QByteArray("86400") << qint64(86400000);
        QTest::newRow("largest") << QByteArray("999999999") << qint64(999999999000);
        QTest::newRow("out of range") << QByteArray("1000000000") << qint64(-1);
        QTest::newRow("out of range by its fraction") // found by fuzz_retry_after
            << QByteArray("999999999.9999999999999") << qint64(-1);
        QTest::newRow("far out of range") << QByteArray("99999999999999999999999") << qint64(-1);
        QTest::newRow("inf") << QByteArray("inf") << qint64(-1);
        QTest::newRow("Infinity") << QByteArray("Infinity") << qint64(-1);
        QTest::newRow("nan") << QByteArray("nan") << qint64(-1);
        QTest::newRow("1e300") << QByteArray("1e300") << qint64(-1);
        QTest::newRow("1e3") << QByteArray("1e3") << qint64(-1);
        QTest::newRow("negative") << QByteArray("-1") << qint64(-1);
        QTest::newRow("plus") << QByteArray("+1") << qint64(-1);
        QTest::newRow("hex") << QByteArray("0x10") << qint64(-1);
        QTest::newRow("two numbers") << QByteArray("1 2") << qint64(-1);
        QTest::newRow("dot only") << QByteArray("1.") << qint64(-1);
        QTest::newRow("no whole part") << QByteArray(".5") << qint64(-1);
        QTest::newRow("empty") << QByteArray("") << qint64(-1);
        QTest::newRow("nul") << QByteArray("1\0", 2) << qint64(-1);
        QTest::newRow("date in the past")
            << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << qint64(-1);
        QTest::newRow("date") << QByteArray("Sun, 06 Dec 2026 03:00:10 GMT") << qint64(10000);
        QTest::newRow("date not GMT") << QByteArray("Sun, 06 Dec 2026 03:00:10 UTC") << qint64(-1);
        QTest::newRow("date far") << QByteArray("Fri, 31 Dec 9999 23:59:59 GMT") << qint64(-1);
    }
    void seconds()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, ms);
        const QDateTime now(QDate(2026, 12, 6), QTime(3, 0, 0), QTimeZone::utc());
        const auto parsed = parseRetryAfter(value, now);
        QCOMPARE(parsed.value_or(-1), ms);
    }

    void milliseconds_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("ms") << QByteArray("250") << qint64(250);
        QTest::newRow("fraction") << QByteArray("250.9") << qint64(250);
        QTest::newRow("largest") << QByteArray("999999999000") << qint64(999999999000);
        QTest::newRow("out of range") << QByteArray("999999999001") << qint64(-1);
        QTest::newRow("inf") << QByteArray("inf") << qint64(-1);
        QTest::newRow("nan") << QByteArray("NaN") << qint64(-1);
        QTest::newRow("1e300") << QByteArray("1e300") << qint64(-1);
        QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    }
    void milliseconds()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, ms);
        QCOMPARE(parseRetryAfterMs(value).value_or(-1), ms);
    }
};

QTEST_GUILESS_MAIN(TestRetryAfter)
#include "tst_retry_after.moc"
