// Renders the application's SVG icon to square PNGs at build time, so the hicolor theme gets
// every size from one scalable source. Usage: keycard-render-icon SOURCE.svg SIZE OUTPUT.png
#include <QImage>
#include <QPainter>
#include <QStringList>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char *argv[])
{
    // Paths only (the icon has no text), so no QGuiApplication and no display are needed.
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: keycard-render-icon SOURCE.svg SIZE OUTPUT.png\n");
        return 2;
    }
    bool sizeOk = false;
    const int size = args.at(2).toInt(&sizeOk);
    if (!sizeOk || size < 1 || size > 4096) {
        std::fprintf(stderr, "keycard-render-icon: invalid size '%s'\n", qPrintable(args.at(2)));
        return 2;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "keycard-render-icon: cannot read SVG '%s'\n", qPrintable(args.at(1)));
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        renderer.render(&painter, QRectF(0, 0, size, size));
    }
    if (!image.convertToFormat(QImage::Format_ARGB32).save(args.at(3), "PNG")) {
        std::fprintf(stderr, "keycard-render-icon: cannot write '%s'\n", qPrintable(args.at(3)));
        return 1;
    }
    return 0;
}
