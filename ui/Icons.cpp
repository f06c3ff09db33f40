#include "Icons.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QImage>
#include <QPainter>
#include <QPixmapCache>
#include <QStyle>
#include <QStyleOption>
#include <QSvgRenderer>

static void initKeycardResources()
{
    Q_INIT_RESOURCE(keycard);
}

namespace keycard::icons {

namespace {
void ensureResources()
{
    // keycard_resources is a static library: registering explicitly keeps the linker from
    // dropping the compiled-in icons.
    static const bool initialized = (initKeycardResources(), true);
    Q_UNUSED(initialized);
}

// Draws one of our SVG files with QSvgRenderer. QIcon(":/….svg") would go through Qt's SVG
// icon engine plugin instead: loading it is a dlopen at start-up, and it parses every file once
// when the icon is made (to check it) and again for each size it draws. Here a file is parsed
// when a size is first drawn; pixmaps are kept in QPixmapCache.
class SvgIconEngine final : public QIconEngine
{
public:
    explicit SvgIconEngine(QString path)
        : m_path(std::move(path))
    {
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State) override
    {
        const QString cacheKey = QStringLiteral("keycard-icon:%1:%2x%3:%4")
                                     .arg(m_path)
                                     .arg(size.width())
                                     .arg(size.height())
                                     .arg(int(mode));
        QPixmap pixmap;
        if (QPixmapCache::find(cacheKey, &pixmap))
            return pixmap;
        if (isNull())
            return {};
        QSvgRenderer renderer(m_path);
        if (!renderer.isValid())
            return {};
        const QSize scaled = renderer.defaultSize().scaled(size, Qt::KeepAspectRatio);
        if (scaled.isEmpty())
            return {};
        QImage image(scaled, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        pixmap = QPixmap::fromImage(std::move(image));
        if (mode != QIcon::Normal && qobject_cast<QApplication *>(QCoreApplication::instance())) {
            // Disabled, active and selected looks come from the style, as for any icon.
            QStyleOption option;
            option.palette = QGuiApplication::palette();
            const QPixmap generated =
                QApplication::style()->generatedIconPixmap(mode, pixmap, &option);
            if (!generated.isNull())
                pixmap = generated;
        }
        QPixmapCache::insert(cacheKey, pixmap);
        return pixmap;
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
        painter->drawPixmap(rect, pixmap(rect.size() * ratio, mode, state));
    }

    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return pixmap(size, mode, state).size();
    }

    bool isNull() override { return !QFile::exists(m_path); }
    QString key() const override { return QStringLiteral("keycard-svg"); }
    QIconEngine *clone() const override { return new SvgIconEngine(m_path); }

private:
    QString m_path;
};

QIcon svgIcon(const QString &path)
{
    ensureResources();
    return QIcon(new SvgIconEngine(path));
}
} // namespace

QIcon get(const QString &name)
{
    static QHash<QString, QIcon> cache;
    auto it = cache.find(name);
    if (it == cache.end())
        it = cache.insert(name, svgIcon(QStringLiteral(":/icons/ui/%1.svg").arg(name)));
    return *it;
}

QIcon application()
{
    // The packaged application icon (resources/icons/app), the same one the desktop file uses.
    static const QIcon icon = svgIcon(QStringLiteral(":/icons/app/keycard-admin.svg"));
    return icon;
}

} // namespace keycard::icons
