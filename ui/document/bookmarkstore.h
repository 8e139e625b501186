#pragma once

#include "bookmarks.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace hexmap {

class Document;

// Bookmarks kept between runs and moved between machines, as JSON:
//   {"format": "hexmap-bookmarks", "version": 1, "path": …, "device": …, "inode": …,
//    "bookmarks": [{"offset": 4096, "length": 16, "name": "header", "color": "#1e88e5"}]}
// Offsets are the file's (a window opened with --offset adds its start), so that every
// window of a file shares them. Kept in the user's data folder (XDG_DATA_HOME), one file
// per file: its canonical path and its identity (device and inode), never beside it.
namespace bookmarkstore {

// The JSON text of bookmarks for document (its offsets made the file's).
[[nodiscard]] QByteArray toJson(const QList<Bookmark> &bookmarks, const Document &document);
// The bookmarks json holds, in document's offsets; nullopt, with the reason in *error,
// when it is not JSON of that form or an entry is not a bookmark (its number and what is
// wrong with it). Nothing is taken from a file that has one bad entry.
[[nodiscard]] std::optional<QList<Bookmark>> fromJson(
    const QByteArray &json, const Document &document, QString *error);

// Where the bookmarks of document are kept; empty for a scratch buffer.
[[nodiscard]] QString storePath(const Document &document);
// Puts the kept bookmarks into document's (adding to any it has). Returns what the user
// should know, or empty: that bookmarks kept for another file once at this path were not
// applied (and where they are), or that the kept file could not be read (it is moved
// aside, not overwritten).
QString load(Document &document);
// Keeps document's bookmarks (none: forgets them), written atomically. False, with the
// reason in *error, when it could not be written.
bool save(const Document &document, QString *error);

// Adds the bookmarks of the JSON file at path to document's. False, adding nothing, when
// it cannot be read or is not bookmarks (the reason in *message); otherwise *message says
// how many were added and how many lie out of range.
bool importFrom(Document &document, const QString &path, QString *message);
// Writes document's bookmarks to path, atomically; false with the reason in *error.
bool exportTo(const Document &document, const QString &path, QString *error);

} // namespace bookmarkstore
} // namespace hexmap
