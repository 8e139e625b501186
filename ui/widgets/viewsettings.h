#pragma once

#include "textencoding.h"

#include <QSettings>
#include <QStringList>

#include <optional>
#include <span>

namespace hexmap {

// The view preferences kept between runs (bytes per line, zoom, strips, text encoding,
// recent files), read and written in one place. The settings file is text anyone can edit, so
// every value read is checked here: one that is not a number, not finite or out of
// range reads as the default or the nearest allowed value. No file can ask for a
// 5000-point font or a NaN one.
class ViewSettings
{
public:
    static constexpr qreal kMinPointSize = 6;
    static constexpr qreal kMaxPointSize = 72;
    static constexpr int kDefaultBytesPerLine = 16;
    static constexpr int kMaxRecentFiles = 10;

    // What View ▸ Bytes per Line offers: 8, 16, 32 and HexView::kFitToWidth.
    [[nodiscard]] static std::span<const int> bytesPerLineChoices();

    // One of bytesPerLineChoices(); anything else reads as kDefaultBytesPerLine.
    [[nodiscard]] int bytesPerLine() const;
    void setBytesPerLine(int bytesPerLine);
    // The hex view's font size, clamped to [kMinPointSize, kMaxPointSize]; none when
    // not set or not a finite number (the view keeps its default font).
    [[nodiscard]] std::optional<qreal> pointSize() const;
    void setPointSize(qreal pointSize);
    // true unless set to false ("false", "0").
    [[nodiscard]] bool isResidencyMapVisible() const;
    void setResidencyMapVisible(bool visible);
    [[nodiscard]] bool isEntropyStripVisible() const;
    void setEntropyStripVisible(bool visible);
    // The text pane's encoding, kept by its ICU name; ASCII when not set or unknown.
    [[nodiscard]] TextEncoding textEncoding() const;
    void setTextEncoding(TextEncoding encoding);
    // Most recent first: at most kMaxRecentFiles absolute paths, without repeats.
    [[nodiscard]] QStringList recentFiles() const;
    // Puts path first in recentFiles().
    void addRecentFile(const QString &path);

private:
    // A switch that is on unless set to false (the default for the strips).
    [[nodiscard]] bool isOn(const QString &key) const;

    QSettings m_settings;
};

} // namespace hexmap
