// ValueField: a read-only value that never overflows its space. A value wider than the field is
// elided in the middle, an explanation of a missing value at its end; the whole text stays in
// the tooltip (and, for a value, in Copy).
#include "ValueField.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QTest>
#include <QToolButton>

using namespace keycard;

class TestValueField : public QObject
{
    Q_OBJECT

    static QLabel *label(ValueField *field)
    {
        return field->findChild<QLabel *>(QStringLiteral("loginUrlValue"));
    }

private Q_SLOTS:
    void textFollowsTheWidth()
    {
        QWidget window;
        auto *layout = new QHBoxLayout(&window);
        auto *field = new ValueField(QStringLiteral("loginUrl"), QStringLiteral("Login URL"),
                                     ValueField::Copyable, &window);
        layout->addWidget(field);
        window.resize(160, 40);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        const QString explanation =
            QStringLiteral("Not reported by this server, which is an older version");
        field->setMissing(explanation);
        QTRY_VERIFY(label(field)->text().endsWith(QChar(0x2026)));
        QVERIFY(explanation.startsWith(label(field)->text().chopped(1)));
        QCOMPARE(label(field)->toolTip(), explanation);
        QTRY_VERIFY(label(field)->fontMetrics().horizontalAdvance(label(field)->text()) <=
                    label(field)->width()); // once laid out, the text fits the label

        const QString url = QStringLiteral("https://login.example.com/very/long/path/to/sign-in");
        field->setValue(url);
        const QString shown = label(field)->text();
        QVERIFY(shown.contains(QChar(0x2026)));
        QVERIFY(shown.startsWith(QStringLiteral("https://")));
        QVERIFY(shown.endsWith(QStringLiteral("sign-in")));
        QCOMPARE(label(field)->toolTip(), url);
        field->findChild<QToolButton *>(QStringLiteral("loginUrlCopy"))->click();
        QCOMPARE(QApplication::clipboard()->text(), url);

        // Wide enough: the whole text, and no tooltip for an explanation shown whole.
        window.resize(900, 40);
        QTRY_COMPARE(label(field)->text(), url);
        field->setMissing(explanation);
        QCOMPARE(label(field)->text(), explanation);
        QCOMPARE(label(field)->toolTip(), QString());
        QVERIFY(!label(field)->isEnabled()); // muted
    }
};

QTEST_MAIN(TestValueField)
#include "test_value_field.moc"
