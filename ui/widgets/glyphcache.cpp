#include "glyphcache.h"

#include <QFontMetrics>
#include <QPainter>

namespace hexmap {

void GlyphCache::update(const QFont &font, const QPalette &palette, qreal devicePixelRatio)
{
    if (font == m_font && palette == m_palette && devicePixelRatio == m_ratio)
        return;
    m_font = font;
    m_palette = palette;
    m_ratio = devicePixelRatio;
    m_hex.fill(QPixmap());
    m_characters.clear();
    m_continuation = QPixmap();
    m_missingHex = QPixmap();
    m_missingText = QPixmap();
    m_addressDigits.fill(QPixmap());
}

QPixmap GlyphCache::render(const QString &text, const QColor &color, int chars) const
{
    const QFontMetrics metrics(m_font);
    const QSize size(metrics.horizontalAdvance(QLatin1Char('0')) * chars, metrics.height());
    QPixmap pixmap(size * m_ratio);
    pixmap.setDevicePixelRatio(m_ratio);
    pixmap.fill(m_palette.color(QPalette::Base));
    QPainter painter(&pixmap);
    painter.setFont(m_font);
    painter.setPen(color);
    painter.drawText(QPoint(0, metrics.ascent()), text);
    return pixmap;
}

const QPixmap &GlyphCache::hex(quint8 byte)
{
    QPixmap &glyph = m_hex[byte];
    if (glyph.isNull()) {
        const QString text = QStringLiteral("%1").arg(byte, 2, 16, QLatin1Char('0')).toUpper();
        glyph = render(text, byteColor(classify(byte), m_palette), 2);
    }
    return glyph;
}

const QPixmap &GlyphCache::character(char32_t character, int cells, ByteClass byteClass)
{
    const quint64 key = quint64(character) << 16 | quint64(cells) << 8 | quint64(byteClass);
    QPixmap &glyph = m_characters[key];
    if (glyph.isNull()) {
        const QString text
            = character == 0 ? QStringLiteral(".") : QString::fromUcs4(&character, 1);
        glyph = render(text, byteColor(byteClass, m_palette), cells);
        if (cells > 1)
            underline(glyph, 1);
    }
    return glyph;
}

const QPixmap &GlyphCache::continuation()
{
    if (m_continuation.isNull()) {
        m_continuation = render(QString(), QColor(), 1);
        underline(m_continuation, 0);
    }
    return m_continuation;
}

void GlyphCache::underline(QPixmap &pixmap, int from) const
{
    const QFontMetrics metrics(m_font);
    const int y = std::min(metrics.ascent() + metrics.underlinePos(), metrics.height() - 1);
    QPainter painter(&pixmap);
    painter.setPen(m_palette.color(QPalette::PlaceholderText));
    painter.drawLine(from, y, int(pixmap.width() / m_ratio) - 2, y);
}

const QPixmap &GlyphCache::missingHex()
{
    if (m_missingHex.isNull())
        m_missingHex
            = render(QStringLiteral("\u00b7\u00b7"), m_palette.color(QPalette::PlaceholderText), 2);
    return m_missingHex;
}

const QPixmap &GlyphCache::missingText()
{
    if (m_missingText.isNull())
        m_missingText
            = render(QStringLiteral("\u00b7"), m_palette.color(QPalette::PlaceholderText), 1);
    return m_missingText;
}

} // namespace hexmap

namespace hexmap {

const QPixmap &GlyphCache::addressDigit(int value)
{
    QPixmap &glyph = m_addressDigits[value & 15];
    if (glyph.isNull())
        glyph = render(QString::number(value & 15, 16).toUpper(),
            m_palette.color(QPalette::PlaceholderText), 1);
    return glyph;
}

} // namespace hexmap
