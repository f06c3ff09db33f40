// The dark palette is readable (issue 10, item 12): text fields have a visible border and a
// checked radio button a visible mark, measured on the rendered pixels.
#include "Theme.h"

#include <QApplication>
#include <QImage>
#include <QLineEdit>
#include <QRadioButton>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTest>

namespace {

int luminance(QRgb c)
{
    return (qRed(c) * 299 + qGreen(c) * 587 + qBlue(c) * 114) / 1000;
}

} // namespace

class TestDarkTheme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { keycard::theme::applyDark(*qApp); }

    void textFieldsHaveAVisibleBorder()
    {
        QLineEdit edit;
        edit.resize(200, 30);
        const QImage img = edit.grab().toImage();
        const int y = img.height() / 2;
        const int inside = luminance(img.pixel(img.width() / 2, y));
        int contrast = 0;
        for (int x = 0; x < 3; ++x)
            contrast = qMax(contrast, qAbs(luminance(img.pixel(x, y)) - inside));
        QVERIFY2(contrast >= 40, qPrintable(QString::number(contrast)));
    }

    void aCheckedRadioButtonIsClearlyMarked()
    {
        QRadioButton on(QStringLiteral("On"));
        QRadioButton off(QStringLiteral("Off"));
        on.setChecked(true);
        for (QRadioButton *b : {&on, &off})
            b->resize(b->sizeHint());
        QStyleOptionButton option;
        option.initFrom(&on);
        const QRect indicator =
            on.style()->subElementRect(QStyle::SE_RadioButtonIndicator, &option, &on);
        const QRect centre = indicator.adjusted(indicator.width() / 3, indicator.height() / 3,
                                                -indicator.width() / 3, -indicator.height() / 3);
        const QImage a = on.grab().toImage();
        const QImage b = off.grab().toImage();
        int difference = 0;
        for (int y = centre.top(); y <= centre.bottom(); ++y)
            for (int x = centre.left(); x <= centre.right(); ++x)
                difference =
                    qMax(difference, qAbs(luminance(a.pixel(x, y)) - luminance(b.pixel(x, y))));
        QVERIFY2(difference >= 80, qPrintable(QString::number(difference)));
    }
};

QTEST_MAIN(TestDarkTheme)
#include "test_dark_theme.moc"
