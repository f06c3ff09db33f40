// keycard::icons: our SVG resources drawn without Qt's SVG icon engine plugin.
#include "Icons.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QTest>

using namespace keycard;

class TestIcons : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyUiIconRenders();
    void disabledLooksDifferent();
    void scalesAndKeepsAspect();
    void paintsIntoARect();
    void unknownNameIsNull();
    void applicationIcon();
};

void TestIcons::everyUiIconRenders()
{
    (void)icons::get(QStringLiteral("refresh")); // registers the resources
    const QStringList files = QDir(QStringLiteral(":/icons/ui")).entryList({"*.svg"});
    QVERIFY(files.size() >= 20);
    for (const QString &file : files) {
        const QString name = file.chopped(4);
        const QIcon icon = icons::get(name);
        QVERIFY2(!icon.isNull(), qPrintable(name));
        const QImage image = icon.pixmap(16, 16).toImage();
        QCOMPARE(image.size(), QSize(16, 16));
        bool drawn = false;
        for (int y = 0; y < image.height() && !drawn; ++y)
            for (int x = 0; x < image.width() && !drawn; ++x)
                drawn = qAlpha(image.pixel(x, y)) > 0;
        QVERIFY2(drawn, qPrintable(name));
    }
}

void TestIcons::disabledLooksDifferent()
{
    const QIcon icon = icons::get(QStringLiteral("error")); // saturated red
    const QImage normal = icon.pixmap(QSize(16, 16), QIcon::Normal).toImage();
    const QImage disabled = icon.pixmap(QSize(16, 16), QIcon::Disabled).toImage();
    QCOMPARE(disabled.size(), normal.size());
    QVERIFY(disabled != normal);
    // The same size and mode again comes from the cache.
    QCOMPARE(icon.pixmap(QSize(16, 16), QIcon::Normal).toImage(), normal);
}

void TestIcons::scalesAndKeepsAspect()
{
    const QIcon icon = icons::get(QStringLiteral("organization"));
    QCOMPARE(icon.pixmap(40, 40).size(), QSize(40, 40));
    QCOMPARE(icon.actualSize(QSize(64, 32)), QSize(32, 32));
}

void TestIcons::paintsIntoARect()
{
    QImage image(32, 32, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    icons::get(QStringLiteral("error")).paint(&painter, QRect(8, 8, 16, 16));
    painter.end();
    QCOMPARE(qAlpha(image.pixel(1, 1)), 0);
    QVERIFY(qAlpha(image.pixel(16, 16)) > 0);
}

void TestIcons::unknownNameIsNull()
{
    QVERIFY(icons::get(QStringLiteral("no-such-icon")).isNull());
    QVERIFY(icons::get(QStringLiteral("no-such-icon")).pixmap(16, 16).isNull());
}

void TestIcons::applicationIcon()
{
    const QIcon icon = icons::application();
    QVERIFY(!icon.isNull());
    QCOMPARE(icon.pixmap(48, 48).size(), QSize(48, 48));
}

QTEST_MAIN(TestIcons)
#include "test_icons.moc"
