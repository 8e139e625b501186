#include "viewsettings.h"

#include "hexmodel.h" // hexview.h needs it complete
#include "hexview.h"

#include <QDir>

#include <algorithm>
#include <cmath>

namespace hexmap {

namespace {
const QString kRecentKey = QStringLiteral("recentFiles");
const QString kBytesPerLineKey = QStringLiteral("view/bytesPerLine");
const QString kPointSizeKey = QStringLiteral("view/pointSize");
const QString kResidencyKey = QStringLiteral("view/residencyMap");
const QString kEntropyKey = QStringLiteral("view/entropyStrip");
const QString kTextEncodingKey = QStringLiteral("view/textEncoding");
constexpr int kBytesPerLineChoices[] = {8, 16, 32, HexView::kFitToWidth};
constexpr qsizetype kMaxPathLength = 4096; // PATH_MAX
} // namespace

std::span<const int> ViewSettings::bytesPerLineChoices()
{
    return kBytesPerLineChoices;
}

int ViewSettings::bytesPerLine() const
{
    bool ok = false;
    const int value = m_settings.value(kBytesPerLineKey).toInt(&ok);
    return ok && std::ranges::find(kBytesPerLineChoices, value) != std::end(kBytesPerLineChoices)
        ? value
        : kDefaultBytesPerLine;
}

void ViewSettings::setBytesPerLine(int bytesPerLine)
{
    m_settings.setValue(kBytesPerLineKey, bytesPerLine);
}

std::optional<qreal> ViewSettings::pointSize() const
{
    bool ok = false;
    const qreal value = m_settings.value(kPointSizeKey).toReal(&ok);
    // std::clamp lets NaN through: it must be refused first.
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return std::clamp(value, kMinPointSize, kMaxPointSize);
}

void ViewSettings::setPointSize(qreal pointSize)
{
    m_settings.setValue(kPointSizeKey, pointSize);
}

bool ViewSettings::isResidencyMapVisible() const
{
    return isOn(kResidencyKey);
}

bool ViewSettings::isEntropyStripVisible() const
{
    return isOn(kEntropyKey);
}

void ViewSettings::setEntropyStripVisible(bool visible)
{
    m_settings.setValue(kEntropyKey, visible);
}

TextEncoding ViewSettings::textEncoding() const
{
    return textEncodingFromCodec(m_settings.value(kTextEncodingKey).toString())
        .value_or(TextEncoding::Ascii);
}

void ViewSettings::setTextEncoding(TextEncoding encoding)
{
    m_settings.setValue(kTextEncodingKey, QString::fromLatin1(textEncodingCodec(encoding)));
}

bool ViewSettings::isOn(const QString &key) const
{
    // QVariant::toBool() takes any other text, "no" or "garbage", for true.
    const QString text = m_settings.value(key).toString().trimmed().toLower();
    return text != QLatin1String("false") && text != QLatin1String("0");
}

void ViewSettings::setResidencyMapVisible(bool visible)
{
    m_settings.setValue(kResidencyKey, visible);
}

QStringList ViewSettings::recentFiles() const
{
    QStringList recent;
    for (const QString &path : m_settings.value(kRecentKey).toStringList()) {
        if (recent.size() == kMaxRecentFiles)
            break;
        if (QDir::isAbsolutePath(path) && path.size() <= kMaxPathLength && !path.contains(QChar(0))
            && !recent.contains(path))
            recent << path;
    }
    return recent;
}

void ViewSettings::addRecentFile(const QString &path)
{
    QStringList recent = recentFiles();
    recent.removeAll(path);
    recent.prepend(path);
    m_settings.setValue(kRecentKey, QStringList(recent.mid(0, kMaxRecentFiles)));
}

} // namespace hexmap
