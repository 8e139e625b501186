#pragma once
// Test support: opening a real file as a Document, the way the window does.

#include "document.h"

#include <QString>

#include <memory>
#include <string>

// The document for path in mode, or null (with the reason as a warning).
inline std::unique_ptr<hexmap::Document> openDocument(const std::string &path,
    hexmap::Document::Mode mode = hexmap::Document::Mode::InPlace, bool trackfd = true)
{
    hexmap::Document::OpenOptions options;
    options.mode = mode;
    options.trackfd = trackfd;
    hexmap::Document::OpenResult result
        = hexmap::Document::open(QString::fromStdString(path), options);
    if (!result.document)
        qWarning("%s", qPrintable(result.error));
    return std::move(result.document);
}
