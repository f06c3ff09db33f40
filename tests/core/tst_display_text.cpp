// keycard::displayText(): server values shown as they are, never acting on the display.
#include "DisplayText.h"

#include <QTest>

using keycard::displayText;
using keycard::hasHiddenCharacters;

class TestDisplayText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replaces_data();
    void replaces();
    void keepsWhatIsSeen_data();
    void keepsWhatIsSeen();
};

void TestDisplayText::replaces_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("shown");
    const QString r(QChar(0xfffd));
    QTest::newRow("right-to-left override")
        << QStringLiteral("\u202Eevil Corp") << r + QStringLiteral("evil Corp");
    QTest::newRow("isolates") << QStringLiteral("a\u2066b\u2069c")
                              << QStringLiteral("a") + r + QStringLiteral("b") + r +
                                     QStringLiteral("c");
    QTest::newRow("marks") << QStringLiteral("\u200Ex\u200F\u061C")
                           << r + QStringLiteral("x") + r + r;
    QTest::newRow("escape sequence")
        << QStringLiteral("\x1b]0;title\x07") << r + QStringLiteral("]0;title") + r;
    QTest::newRow("line breaks") << QStringLiteral("a\r\nb\tc")
                                 << QStringLiteral("a") + r + r + QStringLiteral("b") + r +
                                        QStringLiteral("c");
    QTest::newRow("DEL and C1") << QStringLiteral("\x7f\u0085\u009b") << r + r + r;
    QTest::newRow("separators") << QStringLiteral("\u2028\u2029") << r + r;
    QTest::newRow("zero-width space, BOM, soft hyphen")
        << QStringLiteral("a\u200Bb\uFEFFc\u00ADd")
        << QStringLiteral("a") + r + QStringLiteral("b") + r + QStringLiteral("c") + r +
               QStringLiteral("d");
    QTest::newRow("lone surrogates")
        << (QStringLiteral("a") + QChar(0xd800) + QStringLiteral("b") + QChar(0xdc00))
        << QStringLiteral("a") + r + QStringLiteral("b") + r;
}

void TestDisplayText::replaces()
{
    QFETCH(QString, input);
    QFETCH(QString, shown);
    QVERIFY(hasHiddenCharacters(input));
    QCOMPARE(displayText(input), shown);
    QVERIFY(!hasHiddenCharacters(displayText(input)));
}

void TestDisplayText::keepsWhatIsSeen_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("empty") << QString();
    QTest::newRow("markup is text") << QStringLiteral("<b>x</b><img src=x> a&b &amp;");
    QTest::newRow("Hebrew and Arabic letters") << QStringLiteral("\u05D0\u05D1 \u0627\u0644");
    QTest::newRow("family emoji (ZWJ)")
        << QStringLiteral("\U0001F468\u200D\U0001F469\u200D\U0001F467");
    QTest::newRow("flag of England (tags)")
        << QStringLiteral("\U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F");
    QTest::newRow("Persian ZWNJ") << QStringLiteral(
        "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645");
    QTest::newRow("variation selector") << QStringLiteral("\u2764\uFE0F");
}

void TestDisplayText::keepsWhatIsSeen()
{
    QFETCH(QString, input);
    QVERIFY(!hasHiddenCharacters(input));
    QCOMPARE(displayText(input), input);
}

QTEST_GUILESS_MAIN(TestDisplayText)
#include "tst_display_text.moc"
