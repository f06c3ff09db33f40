// Renders the application's SVG icon at build time, so every platform's icon comes from one
// scalable source:
//   keycard-render-icon SOURCE.svg SIZE OUTPUT.png   a square PNG (hicolor theme on Linux)
//   keycard-render-icon SOURCE.svg --ico OUTPUT.ico  Windows icon, 16 to 256 pixels
//   keycard-render-icon SOURCE.svg --icns OUTPUT.icns macOS icon, 16 to 1024 pixels
#include <QBuffer>
#include <QByteArray>
#include <QFile>
#include <QImage>
#include <QList>
#include <QPainter>
#include <QStringList>
#include <QSvgRenderer>
#include <QtEndian>

#include <cstdio>

namespace {

QImage render(QSvgRenderer &renderer, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        renderer.render(&painter, QRectF(0, 0, size, size));
    }
    return image.convertToFormat(QImage::Format_ARGB32);
}

QByteArray png(const QImage &image)
{
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return data;
}

template<typename T> void appendLittle(QByteArray &out, T value)
{
    char bytes[sizeof(T)];
    qToLittleEndian(value, bytes);
    out.append(bytes, sizeof(T));
}

template<typename T> void appendBig(QByteArray &out, T value)
{
    char bytes[sizeof(T)];
    qToBigEndian(value, bytes);
    out.append(bytes, sizeof(T));
}

// A 32-bit DIB as stored in .ico files: BITMAPINFOHEADER with doubled height, BGRA rows bottom
// up, then the 1-bit AND mask (all zero: the alpha channel decides). Understood by every
// Windows version and by NSIS, unlike PNG entries, which are used only for 256 pixels.
QByteArray dib(const QImage &image)
{
    const int size = image.width();
    QByteArray out;
    appendLittle<quint32>(out, 40);
    appendLittle<qint32>(out, size);
    appendLittle<qint32>(out, size * 2);
    appendLittle<quint16>(out, 1);  // planes
    appendLittle<quint16>(out, 32); // bits per pixel
    appendLittle<quint32>(out, 0);  // BI_RGB
    appendLittle<quint32>(out, 0);
    appendLittle<qint32>(out, 0);
    appendLittle<qint32>(out, 0);
    appendLittle<quint32>(out, 0);
    appendLittle<quint32>(out, 0);
    for (int y = size - 1; y >= 0; --y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < size; ++x) {
            out.append(char(qBlue(line[x])));
            out.append(char(qGreen(line[x])));
            out.append(char(qRed(line[x])));
            out.append(char(qAlpha(line[x])));
        }
    }
    const int maskStride = ((size + 31) / 32) * 4;
    out.append(QByteArray(maskStride * size, '\0'));
    return out;
}

QByteArray ico(QSvgRenderer &renderer)
{
    const QList<int> sizes = {16, 24, 32, 48, 64, 128, 256};
    QList<QByteArray> images;
    for (int size : sizes) {
        const QImage image = render(renderer, size);
        images << (size >= 256 ? png(image) : dib(image));
    }
    QByteArray out;
    appendLittle<quint16>(out, 0); // reserved
    appendLittle<quint16>(out, 1); // icon
    appendLittle<quint16>(out, quint16(sizes.size()));
    quint32 offset = 6 + 16 * quint32(sizes.size());
    for (qsizetype i = 0; i < sizes.size(); ++i) {
        const int size = sizes.at(i);
        out.append(char(size >= 256 ? 0 : size)); // 0 means 256
        out.append(char(size >= 256 ? 0 : size));
        out.append(char(0)); // palette colours
        out.append(char(0)); // reserved
        appendLittle<quint16>(out, 1);
        appendLittle<quint16>(out, 32);
        appendLittle<quint32>(out, quint32(images.at(i).size()));
        appendLittle<quint32>(out, offset);
        offset += quint32(images.at(i).size());
    }
    for (const QByteArray &image : std::as_const(images))
        out.append(image);
    return out;
}

// Apple icon image: PNG-compressed entries (macOS 10.7 and later).
QByteArray icns(QSvgRenderer &renderer)
{
    const struct
    {
        const char *type;
        int size;
    } entries[] = {{"icp4", 16},  {"icp5", 32},  {"icp6", 64},   {"ic07", 128},
                   {"ic08", 256}, {"ic09", 512}, {"ic10", 1024}, {"ic11", 32},
                   {"ic12", 64},  {"ic13", 256}, {"ic14", 512}};
    QByteArray body;
    for (const auto &entry : entries) {
        const QByteArray data = png(render(renderer, entry.size));
        body.append(entry.type, 4);
        appendBig<quint32>(body, quint32(data.size() + 8));
        body.append(data);
    }
    QByteArray out("icns");
    appendBig<quint32>(out, quint32(body.size() + 8));
    out.append(body);
    return out;
}

bool write(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(data) == data.size() && file.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    // Paths only (the icon has no text), so no QGuiApplication and no display are needed.
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: keycard-render-icon SOURCE.svg SIZE|--ico|--icns OUTPUT\n");
        return 2;
    }
    const QString &mode = args.at(2);
    int size = 0;
    if (mode != QLatin1String("--ico") && mode != QLatin1String("--icns")) {
        bool sizeOk = false;
        size = mode.toInt(&sizeOk);
        if (!sizeOk || size < 1 || size > 4096) {
            std::fprintf(stderr, "keycard-render-icon: invalid size '%s'\n", qPrintable(mode));
            return 2;
        }
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "keycard-render-icon: cannot read SVG '%s'\n", qPrintable(args.at(1)));
        return 1;
    }
    QByteArray data;
    if (mode == QLatin1String("--ico"))
        data = ico(renderer);
    else if (mode == QLatin1String("--icns"))
        data = icns(renderer);
    else
        data = png(render(renderer, size));
    if (data.isEmpty() || !write(args.at(3), data)) {
        std::fprintf(stderr, "keycard-render-icon: cannot write '%s'\n", qPrintable(args.at(3)));
        return 1;
    }
    return 0;
}
