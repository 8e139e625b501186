#include "bookmarkstore.h"

#include "document.h"
#include "inputparsing.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>

namespace hexmap::bookmarkstore {

namespace {

const QString kFormat = QStringLiteral("hexmap-bookmarks");
constexpr int kVersion = 1;
// The largest integer a JSON number (a double) holds exactly.
constexpr double kMaxExact = 9007199254740992.0; // 2^53

QString tr(const char *text)
{
    return QCoreApplication::translate("hexmap::bookmarkstore", text);
}

QString folder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/bookmarks");
}

QString canonicalPath(const Document &document)
{
    const QFileInfo info(document.path());
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

// The start of the names of the files kept for the path, whatever file it names.
QString pathKey(const Document &document)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(canonicalPath(document).toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(32));
}

// A whole number from min to 2^53 at key of entry, or the reason.
std::optional<qint64> wholeNumber(
    const QJsonObject &entry, const QString &key, double min, QString *error)
{
    const QJsonValue value = entry.value(key);
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number != std::floor(number) || number < min || number > kMaxExact) {
        *error = tr("“%1” must be a whole number from %2 to 2^53").arg(key).arg(min);
        return std::nullopt;
    }
    return qint64(number);
}

bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

QByteArray toJson(const QList<Bookmark> &bookmarks, const Document &document)
{
    QJsonArray entries;
    for (const Bookmark &bookmark : bookmarks) {
        entries.append(QJsonObject {
            {QStringLiteral("offset"), double(bookmark.start + document.file().offset())},
            {QStringLiteral("length"), double(bookmark.length)},
            {QStringLiteral("name"), bookmark.name},
            {QStringLiteral("color"), bookmark.color.name()},
        });
    }
    return QJsonDocument(QJsonObject {
                             {QStringLiteral("format"), kFormat},
                             {QStringLiteral("version"), kVersion},
                             {QStringLiteral("path"), canonicalPath(document)},
                             {QStringLiteral("device"), double(document.file().device())},
                             {QStringLiteral("inode"), double(document.file().inode())},
                             {QStringLiteral("bookmarks"), entries},
                         })
        .toJson();
}

std::optional<QList<Bookmark>> fromJson(
    const QByteArray &json, const Document &document, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument parsed = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("not JSON: %1 at character %2")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    const QJsonObject top = parsed.object();
    if (top.value(QStringLiteral("format")).toString() != kFormat
        || !top.value(QStringLiteral("bookmarks")).isArray()) {
        *error
            = tr("not hexmap bookmarks (no “format”: “%1” with a “bookmarks” list)").arg(kFormat);
        return std::nullopt;
    }
    if (top.value(QStringLiteral("version")).toInt() != kVersion) {
        *error = tr("bookmarks of version %1; this hexmap reads version %2")
                     .arg(top.value(QStringLiteral("version")).toVariant().toString())
                     .arg(kVersion);
        return std::nullopt;
    }
    QList<Bookmark> bookmarks;
    const QJsonArray entries = top.value(QStringLiteral("bookmarks")).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const auto bad = [&](const QString &why) {
            *error = tr("bookmark %1: %2").arg(i + 1).arg(why);
            return std::nullopt;
        };
        if (!entries.at(i).isObject())
            return bad(tr("not an object"));
        const QJsonObject entry = entries.at(i).toObject();
        QString why;
        const auto offset = wholeNumber(entry, QStringLiteral("offset"), 0, &why);
        if (!offset)
            return bad(why);
        const auto length = wholeNumber(entry, QStringLiteral("length"), 1, &why);
        if (!length)
            return bad(why);
        const QJsonValue name = entry.value(QStringLiteral("name"));
        if (!name.isUndefined() && !name.isString())
            return bad(tr("“name” must be text"));
        const QJsonValue colorValue = entry.value(QStringLiteral("color"));
        const QColor color(colorValue.toString());
        if (!colorValue.isUndefined() && !color.isValid())
            return bad(tr("“color” must be a colour such as “#1e88e5”"));
        bookmarks.append({.start = *offset - document.file().offset(),
            .length = *length,
            .name = name.toString(),
            .color = color});
    }
    return bookmarks;
}

QString storePath(const Document &document)
{
    if (document.isScratch())
        return {};
    return QStringLiteral("%1/%2-%3-%4.json")
        .arg(folder(), pathKey(document))
        .arg(qulonglong(document.file().device()))
        .arg(qulonglong(document.file().inode()));
}

QString load(Document &document)
{
    const QString path = storePath(document);
    if (path.isEmpty())
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        // None kept for this file; perhaps for another one that was at this path.
        const QStringList others = QDir(folder()).entryList(
            {pathKey(document) + QStringLiteral("-*.json")}, QDir::Files, QDir::Time);
        if (others.isEmpty())
            return {};
        return tr("Bookmarks kept for another file once at %1 were not applied: it is not the "
                  "same file now. They are in %2; Bookmarks ▸ Import brings them in.")
            .arg(document.path(), QDir(folder()).filePath(others.first()));
    }
    QString error;
    const auto bookmarks = fromJson(file.readAll(), document, &error);
    file.close();
    if (!bookmarks) {
        const QString aside = path + QStringLiteral(".unreadable");
        QFile::remove(aside);
        QFile::rename(path, aside);
        return tr("The bookmarks kept for %1 could not be read (%2); the file is kept as %3.")
            .arg(document.path(), error, aside);
    }
    document.bookmarks()->addAll(*bookmarks);
    return {};
}

bool save(const Document &document, QString *error)
{
    const QString path = storePath(document);
    if (path.isEmpty())
        return true;
    if (document.bookmarks()->count() == 0) {
        if (QFile::exists(path) && !QFile::remove(path)) {
            *error = tr("Cannot remove %1.").arg(path);
            return false;
        }
        return true;
    }
    if (!QDir().mkpath(folder())) {
        *error = tr("Cannot create the folder %1.").arg(folder());
        return false;
    }
    return writeAtomically(path, toJson(document.bookmarks()->entries(), document), error);
}

bool importFrom(Document &document, const QString &path, QString *message)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *message = tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QString error;
    const auto bookmarks = fromJson(file.readAll(), document, &error);
    if (!bookmarks) {
        *message = tr("%1 was not imported: %2.").arg(path, error);
        return false;
    }
    Bookmarks *list = document.bookmarks();
    const int added = list->addAll(*bookmarks);
    const auto outOfRange = std::count_if(bookmarks->cbegin(), bookmarks->cend(),
        [list](const Bookmark &bookmark) { return !list->isInRange(bookmark); });
    *message = tr("Imported %1 from %2 (%3 already there); %4 out of range, kept.")
                   .arg(input::formatCount(added, tr("bookmark"), tr("bookmarks")), path)
                   .arg(bookmarks->size() - added)
                   .arg(outOfRange);
    return true;
}

bool exportTo(const Document &document, const QString &path, QString *error)
{
    return writeAtomically(path, toJson(document.bookmarks()->entries(), document), error);
}

} // namespace hexmap::bookmarkstore
