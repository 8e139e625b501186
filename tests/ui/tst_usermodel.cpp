// A model-based test: seeded random sequences of user actions run against the
// application (MainWindow, its tab, HexView, Document, the dialogs) and
// against a reference model of what the user asked for — plain data: the bytes the
// user should see, the bytes that should be on disk, the undo history, what is not yet
// durable. Actions: typing in either pane, paste, undo, redo, find + replace, replace
// all (also while the user types; the replacement sometimes of another length, which
// inserts or deletes), typing and paste in insert mode, Delete of a selection, Backspace
// in insert mode, resize (grow, shrink confirmed or declined), flush,
// save, save as, close and reopen, memory advice (harmless and destructive, confirmed
// or declined), and another program truncating, growing, writing, replacing or
// deleting the file; over in-place, copy-on-write, read-only and scratch documents,
// some of them sparse files on a nearly full tmpfs (when the test can mount one).
//
// After every action it compares the bytes the view shows (Document::read over the
// whole map: the view paints only through it, so no pixels are grabbed), the map
// itself (MemoryMap::slice), every file the test knows (pread, by path), the undo
// history, the unsaved marks (Document, tab title, status bar) and, after typing and
// paste, the cursor. A divergence is shrunk (delta debugging over the action list,
// each candidate replayed from scratch) and printed with its seed as a command line.
//
// Environment: HEXMAP_MODEL_SEED (a fixed default), HEXMAP_MODEL_ACTIONS (10,000; 2,000
// in a sanitizer build), HEXMAP_MODEL_KINDS (a comma list of -Kind / +Kind to
// draw or leave out an action kind or to switch a check), HEXMAP_MODEL_REPLAY (an
// action list as a divergence prints it), HEXMAP_MODEL_SHRINK_SECONDS (120),
// HEXMAP_MODEL_VERBOSE (print every action).
#include "advicedialog.h"
#include "document.h"
#include "documenttab.h"
#include "editor.h"
#include "errors.h"
#include "finddialog.h"
#include "hexview.h"
#include "inputparsing.h"
#include "mainwindow.h"
#include "resizedialog.h"
#include "scratchdialog.h"
#include "statusfields.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <random>

using namespace hexmap;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

constexpr quint64 kDefaultSeed = 20240901;
constexpr qint64 kDefaultActions = kSanitized ? 2000 : 10000;
constexpr qint64 kPage = 4096;
constexpr qint64 kMaxFile = 64 * 1024;
const QString kData = QStringLiteral("data.bin");
const QString kOther = QStringLiteral("other.bin");
const QString kFiller = QStringLiteral("filler");

// ---- action kinds -------------------------------------------------------------------

enum class Act {
    TypeHex,
    TypeText,
    Paste,
    Undo,
    Redo,
    FindReplace,
    ReplaceAll,
    ReplaceWhileTyping,
    Grow,
    Shrink,
    Flush,
    Save,
    SaveAs,
    CloseReopen,
    Advise,
    AdviseDestructive,
    Truncate,
    Append,
    Overwrite,
    ReplaceFile,
    DeleteFile,
    Remap,
    InsertHex,
    InsertText,
    InsertPaste,
    DeleteSelection,
    Backspace,
};

struct KindInfo
{
    Act act;
    const char *name;
    int weight;
    bool diskFull; // drawn on the nearly full tmpfs too
};

const KindInfo kKinds[] = {
    {Act::TypeHex, "TypeHex", 16, true},
    {Act::TypeText, "TypeText", 12, true},
    {Act::Paste, "Paste", 10, true},
    {Act::Undo, "Undo", 14, true},
    {Act::Redo, "Redo", 8, true},
    {Act::FindReplace, "FindReplace", 4, false},
    {Act::ReplaceAll, "ReplaceAll", 3, false},
    {Act::ReplaceWhileTyping, "ReplaceWhileTyping", 3, false},
    {Act::Grow, "Grow", 3, true},
    {Act::Shrink, "Shrink", 3, true},
    {Act::Flush, "Flush", 5, true},
    {Act::Save, "Save", 5, true},
    {Act::SaveAs, "SaveAs", 2, true},
    {Act::CloseReopen, "CloseReopen", 2, true},
    {Act::Advise, "Advise", 2, true},
    {Act::AdviseDestructive, "AdviseDestructive", 2, true},
    {Act::Truncate, "Truncate", 2, false},
    {Act::Append, "Append", 2, true},
    {Act::Overwrite, "Overwrite", 2, true},
    {Act::ReplaceFile, "ReplaceFile", 1, false},
    {Act::DeleteFile, "DeleteFile", 1, false},
    {Act::Remap, "Remap", 2, true},
    {Act::InsertHex, "InsertHex", 6, true},
    {Act::InsertText, "InsertText", 5, true},
    {Act::InsertPaste, "InsertPaste", 4, true},
    {Act::DeleteSelection, "DeleteSelection", 5, true},
    {Act::Backspace, "Backspace", 3, true},
};

const KindInfo &info(Act act)
{
    for (const KindInfo &kind : kKinds) {
        if (kind.act == act)
            return kind;
    }
    qFatal("unknown action kind");
}

// Checks, switched like the kinds (-Name leaves one out).
const char *const kChecks[] = {
    // Undoing or redoing back to the last flush or save makes the document clean again.
    "CleanAtSavedIndex",
    // The tab says so when another program truncates or grows the file.
    "NoticeSizeChange",
    // The tab says so when the file is replaced (renamed over) or deleted.
    "NoticeReplaced",
    // Destructive memory advice asks first; harmless advice does not.
    "AdviceAsks",
};

std::map<QString, bool> &switches()
{
    static std::map<QString, bool> on;
    return on;
}

void readSwitches()
{
    for (const KindInfo &kind : kKinds)
        switches()[QString::fromLatin1(kind.name)] = true;
    for (const char *check : kChecks)
        switches()[QString::fromLatin1(check)] = true;
    const QString spec = qEnvironmentVariable("HEXMAP_MODEL_KINDS");
    for (QString item : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        item = item.trimmed();
        const bool on = !item.startsWith(QLatin1Char('-'));
        if (item.startsWith(QLatin1Char('+')) || item.startsWith(QLatin1Char('-')))
            item.remove(0, 1);
        if (!switches().count(item))
            qFatal("HEXMAP_MODEL_KINDS: no kind or check named %s", qPrintable(item));
        switches()[item] = on;
    }
}

bool enabled(const char *name)
{
    return switches()[QString::fromLatin1(name)];
}

// ---- actions ------------------------------------------------------------------------

// One user action with every parameter it needs, fixed when drawn; offsets and sizes
// are resolved against the state when it runs, the same way for model and application.
struct Action
{
    Act act = Act::Undo;
    qint64 a = 0;
    qint64 b = 0;
    int c = 0;
    qint64 n = 0; // a count: bytes pasted, when data is empty (they come from b)
    QByteArray data; // typed keys, pasted or written bytes, the pattern
    QByteArray data2; // the replacement
    QByteArray data3; // keys typed while Replace All runs
};

QString hexOrDash(const QByteArray &bytes)
{
    return bytes.isEmpty() ? QStringLiteral("-") : QString::fromLatin1(bytes.toHex());
}

QString toText(const Action &action)
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
        .arg(QLatin1String(info(action.act).name))
        .arg(action.a)
        .arg(action.b)
        .arg(action.c)
        .arg(action.n)
        .arg(hexOrDash(action.data), hexOrDash(action.data2), hexOrDash(action.data3));
}

QString toText(const std::vector<Action> &actions)
{
    QStringList parts;
    for (const Action &action : actions)
        parts << toText(action);
    return parts.join(QStringLiteral(";"));
}

std::optional<Action> fromText(const QString &text)
{
    const QStringList fields = text.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (fields.size() != 8)
        return std::nullopt;
    Action action;
    bool found = false;
    for (const KindInfo &kind : kKinds) {
        if (fields[0] == QLatin1String(kind.name)) {
            action.act = kind.act;
            found = true;
        }
    }
    const auto bytes = [](const QString &field) {
        return field == QLatin1String("-") ? QByteArray() : QByteArray::fromHex(field.toLatin1());
    };
    action.a = fields[1].toLongLong();
    action.b = fields[2].toLongLong();
    action.c = fields[3].toInt();
    action.n = fields[4].toLongLong();
    action.data = bytes(fields[5]);
    action.data2 = bytes(fields[6]);
    action.data3 = bytes(fields[7]);
    return found ? std::optional(action) : std::nullopt;
}

// Deterministic bytes from a seed: another program's data.
QByteArray filler(qint64 seed, qint64 size)
{
    std::mt19937_64 rng {quint64(seed)};
    QByteArray bytes(size, '\0');
    for (char &byte : bytes)
        byte = "abc\0\xff-xyz"[rng() % 9];
    return bytes;
}

enum class DocKind { InPlace, CopyOnWrite, ReadOnly, Scratch };

const char *kindName(DocKind kind)
{
    switch (kind) {
    case DocKind::InPlace:
        return "in place";
    case DocKind::CopyOnWrite:
        return "copy-on-write";
    case DocKind::ReadOnly:
        return "read-only";
    case DocKind::Scratch:
        return "scratch";
    }
    return "?";
}

// Everything about a case that follows from its seed alone.
struct CaseHeader
{
    quint64 seed = 0;
    DocKind kind = DocKind::InPlace;
    QByteArray content; // the file (or, for scratch, only its size counts)
    bool diskFull = false; // a sparse file on a nearly full tmpfs
    QByteArray holes; // disk full: 1 for each page of the file left as a hole
    int freePages = 0; // disk full: pages left free on the tmpfs
    int length = 0; // actions drawn for the case
};

CaseHeader headerFor(quint64 seed)
{
    std::mt19937_64 rng(seed);
    CaseHeader header;
    header.seed = seed;
    const int kind = int(rng() % 20);
    header.kind = kind < 8 ? DocKind::InPlace
        : kind < 13        ? DocKind::CopyOnWrite
        : kind < 15        ? DocKind::ReadOnly
                           : DocKind::Scratch;
    qint64 size = 0;
    switch (rng() % 8) {
    case 0:
        size = qint64(rng() % 3); // empty or nearly
        break;
    case 1:
    case 2:
        size = kPage * qint64(1 + rng() % 8) + qint64(rng() % 3) - 1; // around a page boundary
        break;
    default:
        size = 4096 + qint64(rng() % (kMaxFile - 4096));
        break;
    }
    header.content = filler(qint64(rng()), size);
    header.diskFull = rng() % 5 == 0;
    header.holes = QByteArray((size + kPage - 1) / kPage, '\0');
    for (char &hole : header.holes)
        hole = char(rng() % 2);
    header.freePages = int(rng() % 4);
    header.length = 20 + int(rng() % 281);
    return header;
}

Action draw(Act act, std::mt19937_64 &rng, const CaseHeader &header)
{
    const auto pick = [&](const char *alphabet, int count) {
        const int n = int(strlen(alphabet));
        QByteArray bytes;
        for (int i = 0; i < count; ++i)
            bytes += alphabet[rng() % n];
        return bytes;
    };
    const auto any = [&](int count) {
        QByteArray bytes;
        for (int i = 0; i < count; ++i)
            bytes += rng() % 2 ? "abc\0\xff"[rng() % 5] : char(rng() % 256);
        return bytes;
    };
    // On a full disk one key at a time: each write may fail on its own.
    const int keys = header.diskFull ? 1 : 1 + int(rng() % 8);
    Action action;
    action.act = act;
    action.a = qint64(rng() >> 1);
    action.b = qint64(rng() >> 1);
    switch (act) {
    case Act::TypeHex:
    case Act::InsertHex:
        action.data = pick("0123456789abcdefABCDEF", keys);
        break;
    case Act::InsertText:
        action.data = pick("abcxyz -09", keys);
        break;
    case Act::InsertPaste:
        action.c = int(rng() % 2); // raw bytes in either pane, or hex text
        action.data = any(1 + int(rng() % 40));
        break;
    case Act::DeleteSelection:
        action.n = 1 + qint64(rng() % 4 == 0 ? rng() % 9000 : rng() % 40);
        break;
    case Act::TypeText:
        action.data = rng() % 2 ? pick("abc", keys) : pick("abcdefxyz ABC-019~!", keys);
        break;
    case Act::Paste:
        action.c = int(rng() % 3); // raw bytes, hex text, Latin-1 text
        if (action.c == 2)
            action.data = pick("abcABC xyz09", 1 + int(rng() % 40));
        else if (rng() % 4)
            action.data = any(1 + int(rng() % 40));
        else
            action.n = 1 + qint64(rng() % 9000); // a big paste: its bytes come from b
        break;
    case Act::Undo:
    case Act::Redo:
        action.c = 1 + int(rng() % 3);
        break;
    case Act::FindReplace:
    case Act::ReplaceAll:
    case Act::ReplaceWhileTyping: {
        const int length = 1 + int(rng() % 3);
        action.data = pick("abc", length);
        // Mostly as long as the pattern; else shorter or longer (an insert or delete).
        action.data2 = pick("abcABC\xff", rng() % 3 ? length : 1 + int(rng() % 4));
        action.data3 = pick("abc", 1 + int(rng() % 4));
        break;
    }
    case Act::Shrink:
        action.c = int(rng() % 4 != 0); // mostly confirmed
        break;
    case Act::SaveAs:
        action.c = int(rng() % 3); // a new file, over itself, over another file
        break;
    case Act::CloseReopen:
        action.c = int(rng() % 3); // which button of the close prompt
        action.b = qint64(rng() % 3); // reopened in place, copy-on-write, read-only
        break;
    case Act::Advise:
        action.c = int(rng() % 4);
        break;
    case Act::AdviseDestructive:
        action.c = int(rng() % 4); // DONTNEED or REMOVE, confirmed or declined
        break;
    case Act::Overwrite:
        action.data = any(1 + int(rng() % 64));
        break;
    default:
        break;
    }
    return action;
}

std::vector<Action> drawActions(const CaseHeader &header, int count)
{
    std::mt19937_64 rng(header.seed ^ 0x5eed5eed5eed5eedULL);
    std::vector<const KindInfo *> kinds;
    int total = 0;
    for (const KindInfo &kind : kKinds) {
        if (enabled(kind.name) && (!header.diskFull || kind.diskFull)) {
            kinds.push_back(&kind);
            total += kind.weight;
        }
    }
    std::vector<Action> actions;
    if (total == 0)
        return actions;
    for (int i = 0; i < count; ++i) {
        int roll = int(rng() % quint64(total));
        const KindInfo *chosen = kinds.front();
        for (const KindInfo *kind : kinds) {
            if (roll < kind->weight) {
                chosen = kind;
                break;
            }
            roll -= kind->weight;
        }
        actions.push_back(draw(chosen->act, rng, header));
    }
    return actions;
}

// ---- the reference model ------------------------------------------------------------

// One change an undo step makes: bytes overwritten, or map and file resized.
struct Delta
{
    bool resize = false;
    bool splice = false; // before gave way to after, the bytes after them moved
    qint64 offset = 0;
    QByteArray before;
    QByteArray after;
    qint64 oldSize = 0;
    qint64 newSize = 0;
    QByteArray cut; // the bytes a shrink cut, put back by undo
};

// A splice in a map of size bytes.
Delta spliceDelta(qint64 size, qint64 offset, const QByteArray &removed, const QByteArray &inserted)
{
    Delta delta;
    delta.splice = true;
    delta.offset = offset;
    delta.before = removed;
    delta.after = inserted;
    delta.oldSize = size;
    delta.newSize = size - removed.size() + inserted.size();
    return delta;
}

Delta writeDelta(qint64 offset, const QByteArray &before, const QByteArray &after)
{
    Delta delta;
    delta.offset = offset;
    delta.before = before;
    delta.after = after;
    return delta;
}

struct Step
{
    std::vector<Delta> deltas;
    bool typing = false; // merges with the next typing that touches it
};

void resizeBytes(QByteArray &bytes, qint64 size)
{
    const qint64 old = bytes.size();
    bytes.resize(size);
    if (size > old)
        std::fill(bytes.begin() + old, bytes.end(), '\0');
}

// What the user asked for, as plain data.
struct Model
{
    DocKind kind = DocKind::InPlace;
    QString path; // the document's file; empty for scratch
    QByteArray shown; // the bytes the user should see; its size is the map's
    QByteArray file; // the document's own file (its inode), as another reader sees it
    QByteArray priv; // copy-on-write: per page, 1 when the map holds a private copy
    QByteArray dirty; // per byte, 1 when written since the last flush or save
    QByteArray durable; // the bytes as of the last flush, save or open (and outside changes)
    std::vector<Step> steps;
    int index = 0;
    int clean = 0;
    bool detached = false; // the path no longer names the document's file
    // Every other file the test knows, by path: its expected bytes, or absent.
    std::map<QString, std::optional<QByteArray>> files;
    qint64 cursor = 0;
    int nibble = 0;
    int saved = 0; // Save As targets made so far
    bool outsideWrote = false; // the file changed under the history since the last flush
    bool outsideChanged = false; // another program changed the document's file

    [[nodiscard]] qint64 size() const { return shown.size(); }
    [[nodiscard]] bool fileBacked() const { return kind != DocKind::Scratch; }
    // How many bytes from the start the file still backs; the rest shows as missing.
    [[nodiscard]] qint64 backed() const
    {
        return fileBacked() ? std::min<qint64>(file.size(), size()) : size();
    }
    [[nodiscard]] bool mustMark() const
    {
        const qint64 n = backed();
        return durable.size() != size() || durable.left(n) != shown.left(n);
    }
};

Model freshModel(DocKind kind, const QString &path, const QByteArray &bytes)
{
    Model m;
    m.kind = kind;
    m.path = path;
    m.shown = bytes;
    if (kind != DocKind::Scratch)
        m.file = bytes;
    m.priv = QByteArray((bytes.size() + kPage - 1) / kPage, '\0');
    m.dirty = QByteArray(bytes.size(), '\0');
    m.durable = bytes;
    return m;
}

// After the file changed underneath (it was oldFile): where the file changed, a shared
// map shows its new bytes, a private one too where it holds no copy of its own. What
// changed in the file is as durable as the file.
void followFile(Model &m, const QByteArray &oldFile)
{
    // A truncation drops the private copies of the pages wholly past the new end too
    // (truncate_pagecache unmaps even COWed pages, so that they fault as POSIX says).
    if (m.kind == DocKind::CopyOnWrite && m.file.size() < oldFile.size()) {
        for (qint64 page = (m.file.size() + kPage - 1) / kPage; page < m.priv.size(); ++page)
            m.priv[page] = 0;
    }
    const qint64 n = m.backed();
    for (qint64 p = 0; p < n; ++p) {
        if (p < oldFile.size() && oldFile[p] == m.file[p])
            continue;
        if (m.kind == DocKind::CopyOnWrite && m.priv[p / kPage])
            continue;
        m.shown[p] = m.file[p];
        if (p < m.durable.size())
            m.durable[p] = m.file[p];
    }
}

bool canWrite(const Model &m, qint64 offset, qint64 count)
{
    return m.kind != DocKind::ReadOnly && offset >= 0 && offset + count <= m.backed();
}

// A store into the map (Document::writeBytes).
void mapWrite(Model &m, qint64 offset, const QByteArray &bytes)
{
    for (qint64 i = 0; i < bytes.size(); ++i) {
        const qint64 p = offset + i;
        if (m.kind == DocKind::CopyOnWrite && !m.priv[p / kPage]) {
            // The private copy holds what the file's page held: zeros past its end.
            m.priv[p / kPage] = 1;
            for (qint64 q = std::max(p / kPage * kPage, qint64(m.file.size()));
                 q < std::min((p / kPage + 1) * kPage, m.size()); ++q)
                m.shown[q] = '\0';
        }
        m.shown[p] = bytes[i];
        m.dirty[p] = 1;
        if (m.kind == DocKind::InPlace)
            m.file[p] = bytes[i];
    }
}

// Resizes map and file (Document::applyResize): the new bytes are zeros, in the map
// and in the file, as the Resize dialog says.
void mapResize(Model &m, qint64 newSize)
{
    const qint64 old = m.size();
    m.outsideWrote = m.outsideWrote || (newSize < old && m.kind == DocKind::InPlace);
    resizeBytes(m.shown, newSize);
    resizeBytes(m.dirty, newSize);
    resizeBytes(m.priv, (newSize + kPage - 1) / kPage);
    resizeBytes(m.durable, newSize); // ftruncate changes the file at once
    if (m.kind == DocKind::InPlace) {
        const QByteArray oldFile = m.file;
        resizeBytes(m.file, newSize);
        for (qint64 p = old; p < newSize; ++p)
            m.file[p] = '\0';
        followFile(m, oldFile);
    }
}

// Whether the map may change length (Document::whyNot(Splice)): in place or scratch, the
// file not going on past the map.
bool mayChangeLength(const Model &m)
{
    return m.kind == DocKind::Scratch || (m.kind == DocKind::InPlace && m.file.size() <= m.size());
}

// Whether a splice goes ahead: it may change length, and the file backs every byte.
bool canSplice(const Model &m)
{
    return mayChangeLength(m) && m.backed() == m.size();
}

// removed bytes at offset give way to inserted ones, in map and file
// (Document::applySplices): everything from offset on counts as modified.
void mapSplice(Model &m, qint64 offset, qint64 removed, const QByteArray &inserted)
{
    const qint64 newSize = m.size() - removed + inserted.size();
    m.outsideWrote = m.outsideWrote || (m.kind == DocKind::InPlace && newSize != m.size());
    m.shown.replace(offset, removed, inserted);
    m.dirty = m.dirty.left(offset) + QByteArray(newSize - offset, 1);
    resizeBytes(m.priv, (newSize + kPage - 1) / kPage);
    resizeBytes(m.durable, newSize); // the file changes length at once
    if (m.kind == DocKind::InPlace)
        m.file = m.shown;
}

// QUndoStack::push, with OverwriteCommand's merging of typing that touches.
void push(Model &m, Step step)
{
    Step *current = m.index > 0 ? &m.steps[size_t(m.index - 1)] : nullptr;
    const bool atClean = m.index == m.clean;
    m.steps.resize(size_t(m.index));
    if (m.clean > m.index)
        m.clean = -1;
    if (current && current->typing && step.typing && !atClean && current->deltas.front().splice) {
        // SpliceCommand: an insert takes the next insert after it, and a typed overwrite
        // inside its bytes.
        Delta &older = current->deltas.front();
        const Delta &next = step.deltas.front();
        const qint64 end = older.offset + older.after.size();
        if (older.before.isEmpty() && next.splice && next.before.isEmpty() && next.offset == end) {
            older.after += next.after;
            older.newSize = next.newSize;
            return;
        }
        if (older.before.isEmpty() && !next.splice && next.offset >= older.offset
            && next.offset + next.after.size() <= end) {
            older.after.replace(next.offset - older.offset, next.after.size(), next.after);
            return;
        }
    } else if (current && current->typing && step.typing && !atClean
        && !step.deltas.front().splice) {
        Delta &older = current->deltas.front();
        const Delta &next = step.deltas.front();
        const qint64 end = older.offset + older.after.size();
        const qint64 nextEnd = next.offset + next.after.size();
        if (next.offset <= end && nextEnd >= older.offset) {
            const qint64 start = std::min(older.offset, next.offset);
            const qint64 length = std::max(end, nextEnd) - start;
            QByteArray before(length, '\0');
            before.replace(next.offset - start, next.before.size(), next.before);
            before.replace(older.offset - start, older.before.size(), older.before);
            QByteArray after(length, '\0');
            after.replace(older.offset - start, older.after.size(), older.after);
            after.replace(next.offset - start, next.after.size(), next.after);
            older.offset = start;
            older.before = before;
            older.after = after;
            return;
        }
    }
    m.steps.push_back(std::move(step));
    ++m.index;
}

// Document::overwrite: one step (a typing one merges).
bool overwrite(Model &m, qint64 offset, const QByteArray &bytes, bool typing)
{
    if (!canWrite(m, offset, bytes.size()))
        return false;
    Step step;
    step.typing = typing;
    step.deltas.push_back(writeDelta(offset, m.shown.mid(offset, bytes.size()), bytes));
    mapWrite(m, offset, bytes);
    push(m, std::move(step));
    return true;
}

bool applyDelta(Model &m, const Delta &delta, bool forward)
{
    if (delta.splice) {
        // From the size it left only (as a resize step).
        if (!canSplice(m) || m.size() != (forward ? delta.oldSize : delta.newSize))
            return false;
        mapSplice(m, delta.offset, (forward ? delta.before : delta.after).size(),
            forward ? delta.after : delta.before);
        return true;
    }
    if (delta.resize) {
        // A resize step applies from the size it left (Map the whole file may have
        // changed it since).
        if (m.size() != (forward ? delta.oldSize : delta.newSize))
            return false;
        if (m.kind == DocKind::InPlace && m.file.size() > m.size())
            return false; // it would cut the file's bytes past the map

        mapResize(m, forward ? delta.newSize : delta.oldSize);
        if (!forward && !delta.cut.isEmpty()) {
            if (!canWrite(m, delta.newSize, delta.cut.size()))
                return false;
            mapWrite(m, delta.newSize, delta.cut);
        }
        return true;
    }
    const QByteArray &bytes = forward ? delta.after : delta.before;
    if (!canWrite(m, delta.offset, bytes.size()))
        return false;
    mapWrite(m, delta.offset, bytes);
    return true;
}

// Undo (or redo) one step; false when it cannot be done, and then nothing changes.
bool undoStep(Model &m, bool redo)
{
    if (redo ? m.index >= int(m.steps.size()) : m.index == 0)
        return true;
    Model t = m;
    const Step &step = t.steps[size_t(redo ? t.index : t.index - 1)];
    if (redo) {
        for (const Delta &delta : step.deltas) {
            if (!applyDelta(t, delta, true))
                return false;
        }
    } else {
        for (auto it = step.deltas.rbegin(); it != step.deltas.rend(); ++it) {
            if (!applyDelta(t, *it, false))
                return false;
        }
    }
    t.index += redo ? 1 : -1;
    // Back at the last flush or save, nothing is modified, unless the file changed
    // under the history since then: the document cannot tell what is durable.
    if (t.index == t.clean && !t.outsideWrote)
        std::fill(t.dirty.begin(), t.dirty.end(), '\0');
    m = std::move(t);
    return true;
}

void markDurable(Model &m)
{
    m.outsideWrote = false;
    std::fill(m.dirty.begin(), m.dirty.end(), '\0');
    m.durable = m.shown;
    m.clean = m.index;
}

std::vector<qint64> matchesOf(const QByteArray &bytes, const QByteArray &pattern)
{
    std::vector<qint64> found;
    for (qint64 at = bytes.indexOf(pattern); at >= 0; at = bytes.indexOf(pattern, at + 1))
        found.push_back(at);
    return found;
}

// Replace All over the matches a search found: each one re-checked (it still holds
// the pattern), overlapping ones skipped, all as one undo step (none when nothing was
// replaced); the first refused write ends it.
Model replaceAll(Model m, const std::vector<qint64> &found, const QByteArray &pattern,
    const QByteArray &replacement, bool *refused)
{
    if (replacement.size() != pattern.size()) {
        // One splice of every match still there, or none (the dialog refuses a replacement
        // of another length where the map cannot change length).
        if (!mayChangeLength(m))
            return m;
        std::vector<qint64> kept;
        for (const qint64 at : found) {
            if ((kept.empty() || at >= kept.back() + pattern.size())
                && at + pattern.size() <= m.backed() && m.shown.mid(at, pattern.size()) == pattern)
                kept.push_back(at);
        }
        if (kept.empty())
            return m;
        if (!canSplice(m)) {
            *refused = true;
            return m;
        }
        Step step;
        qint64 by = 0;
        for (const qint64 at : kept) {
            step.deltas.push_back(spliceDelta(m.size(), at + by, pattern, replacement));
            mapSplice(m, at + by, pattern.size(), replacement);
            by += replacement.size() - pattern.size();
        }
        push(m, std::move(step));
        return m;
    }
    Step step;
    qint64 nextFree = 0;
    for (const qint64 at : found) {
        if (at < nextFree || at + pattern.size() > m.backed()
            || m.shown.mid(at, pattern.size()) != pattern)
            continue;
        if (!canWrite(m, at, replacement.size())) {
            *refused = true;
            break;
        }
        step.deltas.push_back(writeDelta(at, m.shown.mid(at, replacement.size()), replacement));
        mapWrite(m, at, replacement);
        nextFree = at + replacement.size();
    }
    if (!step.deltas.empty())
        push(m, std::move(step));
    return m;
}

// ---- answering the application's questions ------------------------------------------

// Answers the modal dialogs the application opens the way the current action wants;
// information boxes (errors shown to the user) are read and closed; anything else is
// unexpected, recorded and canceled so that the test goes on.
class Prompts : public QObject
{
public:
    using Policy = std::function<bool(QDialog *)>;

    Prompts()
    {
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, &Prompts::poll);
        m_timer.start();
    }
    void expect(Policy policy)
    {
        m_policy = std::move(policy);
        answered.clear();
    }
    void done() { m_policy = {}; }

    // Closes the information boxes left open (QMessageBox::open) and records them.
    void sweep()
    {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(widget);
            if (box && box->isVisible() && box->buttons().size() == 1) {
                messages << box->text();
                box->close();
            }
        }
    }

    QStringList answered; // prompts answered since expect()
    QStringList messages; // information boxes seen
    QStringList unexpected; // prompts nobody expected

private:
    void poll()
    {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible() || qobject_cast<QProgressDialog *>(dialog))
            return;
        auto *box = qobject_cast<QMessageBox *>(dialog);
        const QString text = box ? box->text() : dialog->windowTitle();
        if (box && box->buttons().size() == 1) {
            messages << text;
            box->close();
            return;
        }
        if (m_policy && m_policy(dialog)) {
            answered << text;
            return;
        }
        unexpected << text;
        if (box && box->escapeButton())
            box->escapeButton()->click();
        else
            dialog->reject();
    }

    QTimer m_timer;
    Policy m_policy;
};

Prompts::Policy confirm(bool yes)
{
    return [yes](QDialog *dialog) {
        auto *box = qobject_cast<QMessageBox *>(dialog);
        if (!box)
            return false;
        const QList<QMessageBox::ButtonRole> roles = yes
            ? QList {QMessageBox::DestructiveRole, QMessageBox::AcceptRole, QMessageBox::YesRole}
            : QList {QMessageBox::RejectRole, QMessageBox::NoRole};
        for (const QMessageBox::ButtonRole role : roles) {
            for (QAbstractButton *button : box->buttons()) {
                if (box->buttonRole(button) == role && button->isEnabled()) {
                    button->click();
                    return true;
                }
            }
        }
        return false;
    };
}

// Clicks the button with this text; a disabled one is reported and Cancel clicked.
Prompts::Policy clickButton(const QString &text, bool *disabled)
{
    return [text, disabled](QDialog *dialog) {
        auto *box = qobject_cast<QMessageBox *>(dialog);
        if (!box)
            return false;
        QAbstractButton *cancel = nullptr;
        for (QAbstractButton *button : box->buttons()) {
            // The texts as read, without the mnemonics' &.
            const QString read = QString(button->text()).remove('&');
            if (read == QLatin1String("Cancel"))
                cancel = button;
            if (read == text) {
                if (!button->isEnabled()) {
                    *disabled = true;
                    break;
                }
                button->click();
                return true;
            }
        }
        if (!cancel)
            return false;
        cancel->click();
        return true;
    };
}

Prompts::Policy scratchSize(qint64 size)
{
    return [size](QDialog *dialog) {
        auto *scratch = qobject_cast<ScratchDialog *>(dialog);
        if (!scratch)
            return false;
        scratch->findChild<QLineEdit *>()->setText(QString::number(size));
        scratch->accept();
        return true;
    };
}

// ---- files --------------------------------------------------------------------------

std::optional<QByteArray> readFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    struct stat status = {};
    fstat(fd, &status);
    QByteArray bytes(qsizetype(status.st_size), '\0');
    qint64 done = 0;
    while (done < bytes.size()) {
        const ssize_t got = pread(fd, bytes.data() + done, size_t(bytes.size() - done), done);
        if (got <= 0)
            break;
        done += got;
    }
    ::close(fd);
    bytes.truncate(done);
    return bytes;
}

// Writes bytes at offset (append: at the end); returns how many were written.
qint64 writeFile(const QString &path, qint64 offset, const QByteArray &bytes, int flags)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CLOEXEC | flags, 0600);
    if (fd < 0)
        return 0;
    qint64 done = 0;
    while (done < bytes.size()) {
        const ssize_t put = (flags & O_APPEND)
            ? ::write(fd, bytes.constData() + done, size_t(bytes.size() - done))
            : pwrite(fd, bytes.constData() + done, size_t(bytes.size() - done), offset + done);
        if (put <= 0)
            break;
        done += put;
    }
    ::close(fd);
    return done;
}

QString firstDifference(const QByteArray &expected, const QByteArray &actual)
{
    qint64 at = 0;
    while (at < std::min(expected.size(), actual.size()) && expected[at] == actual[at])
        ++at;
    return QStringLiteral("%1 bytes expected, %2 found; first difference at offset %3 (0x%4): "
                          "expected %5, found %6")
        .arg(expected.size())
        .arg(actual.size())
        .arg(at)
        .arg(at, 0, 16)
        .arg(QString::fromLatin1(expected.mid(at, 12).toHex(' ')),
            QString::fromLatin1(actual.mid(at, 12).toHex(' ')));
}

QString describe(const std::optional<QByteArray> &bytes)
{
    return bytes ? QStringLiteral("%1 bytes").arg(bytes->size()) : QStringLiteral("no file");
}

bool canMountTmpfs()
{
    QTemporaryDir probe;
    const QByteArray where = QFile::encodeName(probe.path());
    if (mount("hexmap-model", where.constData(), "tmpfs", 0, "size=256k") != 0)
        return false;
    umount2(where.constData(), MNT_DETACH);
    return true;
}

bool g_tmpfs = false;

// ---- one case: the application and the model side by side ----------------------------

// One possible result of an action: the model after it, and whether it is a refusal
// (then the user must have been told why).
struct Expect
{
    Model model;
    bool refusal = false;
    bool closed = false; // the tab was closed (and a new one opened)
};

class Session
{
public:
    explicit Session(const CaseHeader &header);
    ~Session();
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    [[nodiscard]] QString setupError() const { return m_setupError; }
    // Runs one action on both; returns why they disagree, or nothing.
    QString run(const Action &action);
    [[nodiscard]] const Model &model() const { return m_model; }

private:
    [[nodiscard]] DocumentTab *tab() const { return m_window->currentTab(); }
    [[nodiscard]] HexView *view() const { return tab()->view(); }
    [[nodiscard]] Document *doc() const { return tab()->document(); }
    [[nodiscard]] QString dirPath(const QString &name) const { return m_dir->filePath(name); }
    [[nodiscard]] QAction *menuAction(const QString &text) const;
    [[nodiscard]] int told() const
    {
        return m_refusals + int(m_prompts.messages.size()) + m_dialogNotes;
    }
    bool openDocument(DocKind kind, const QString &path, qint64 scratchBytes);
    void watchDocument();
    void setPane(bool hex);
    [[nodiscard]] QString compare(const Model &m) const;
    [[nodiscard]] QString context() const;
    [[nodiscard]] std::vector<Expect> perform(const Action &action);
    [[nodiscard]] std::vector<Expect> withRefusal(std::vector<Expect> expects, bool allowed) const;

    std::vector<Expect> typeKeys(qint64 offset, const QByteArray &keys, bool hex);
    std::vector<Expect> insertKeys(qint64 offset, const QByteArray &keys, bool hex);
    std::vector<Expect> insertPaste(const Action &action);
    std::vector<Expect> deleteSelection(const Action &action);
    std::vector<Expect> backspace(const Action &action);
    std::vector<Expect> paste(const Action &action);
    std::vector<Expect> undoRedo(int count, bool redo);
    std::vector<Expect> findReplace(const Action &action);
    std::vector<Expect> replaceAllAction(const Action &action, bool whileTyping);
    std::vector<Expect> resize(qint64 newSize, bool confirmShrink);
    std::vector<Expect> flush();
    std::vector<Expect> save();
    std::vector<Expect> saveAs(int target);
    std::vector<Expect> closeReopen(const Action &action);
    std::vector<Expect> advise(const QString &name, const Action &action, bool confirmed);
    std::vector<Expect> outside(const Action &action);
    std::vector<Expect> remap();

    CaseHeader m_header;
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_mountPoint;
    std::unique_ptr<MainWindow> m_window;
    Prompts m_prompts;
    Model m_model;
    QPointer<Document> m_watchedDocument;
    int m_refusals = 0;
    int m_dialogNotes = 0;
    QString m_extra; // a divergence an action found on its own
    QString m_setupError;
};

Session::Session(const CaseHeader &header)
    : m_header(header)
    , m_dir(std::make_unique<QTemporaryDir>())
{
    const QByteArray content = header.content;
    QByteArray initial = content;
    if (header.diskFull && g_tmpfs) {
        m_mountPoint = QFile::encodeName(m_dir->path());
        if (mount("hexmap-model", m_mountPoint.constData(), "tmpfs", 0, "size=256k") != 0) {
            m_setupError = QStringLiteral("cannot mount a tmpfs");
            m_mountPoint.clear();
            return;
        }
    }
    const QString data = dirPath(kData);
    const QByteArray other = filler(qint64(header.seed), 100);
    writeFile(dirPath(kOther), 0, other, O_CREAT | O_TRUNC);
    if (!m_mountPoint.isEmpty()) {
        // A sparse file: the hole pages are zeros and cost no space until written.
        writeFile(data, 0, {}, O_CREAT | O_TRUNC);
        ::truncate(QFile::encodeName(data).constData(), content.size());
        for (qint64 page = 0; page < header.holes.size(); ++page) {
            if (header.holes[page])
                std::fill(initial.begin() + page * kPage,
                    initial.begin() + std::min<qint64>((page + 1) * kPage, content.size()), '\0');
            else
                writeFile(data, page * kPage, initial.mid(page * kPage, kPage), 0);
        }
        // Fill the rest, then free a few pages.
        const QByteArray chunk(kPage, 'f');
        qint64 filled = 0;
        while (writeFile(dirPath(kFiller), filled, chunk, O_CREAT) == kPage)
            filled += kPage;
        ::truncate(QFile::encodeName(dirPath(kFiller)).constData(),
            std::max<qint64>(0, filled - header.freePages * kPage));
    } else {
        writeFile(data, 0, content, O_CREAT | O_TRUNC);
    }

    m_window = std::make_unique<MainWindow>();
    m_window->resize(640, 320); // fewer lines to paint after every action
    m_window->show();
    const qint64 scratch = std::max<qint64>(content.size(), 1);
    if (!openDocument(header.kind, data, scratch)) {
        m_setupError = QStringLiteral("cannot open the document");
        return;
    }
    const QString path = header.kind == DocKind::Scratch ? QString() : data;
    m_model = freshModel(
        header.kind, path, header.kind == DocKind::Scratch ? QByteArray(scratch, '\0') : initial);
    m_model.files[dirPath(kOther)] = other;
    if (header.kind == DocKind::Scratch)
        m_model.files[data] = initial;
}

Session::~Session()
{
    m_window.reset();
    if (!m_mountPoint.isEmpty())
        umount2(m_mountPoint.constData(), MNT_DETACH);
}

QAction *Session::menuAction(const QString &text) const
{
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->text() == text)
            return action;
    }
    qFatal("no action %s", qPrintable(text));
}

bool Session::openDocument(DocKind kind, const QString &path, qint64 scratchBytes)
{
    if (kind == DocKind::Scratch) {
        m_prompts.expect(scratchSize(scratchBytes));
        menuAction(QStringLiteral("&New Scratch Buffer…"))->trigger();
        m_prompts.done();
    } else {
        const Document::Mode mode = kind == DocKind::InPlace ? Document::Mode::InPlace
            : kind == DocKind::CopyOnWrite                   ? Document::Mode::CopyOnWrite
                                                             : Document::Mode::ReadOnly;
        m_window->openFile(path, {.mode = mode});
    }
    if (m_window->tabCount() != 1)
        return false;
    watchDocument();
    return true;
}

void Session::watchDocument()
{
    if (m_watchedDocument == doc())
        return;
    m_watchedDocument = doc();
    QObject::connect(doc(), &Document::failed, doc(), [this] { ++m_refusals; });
}

void Session::setPane(bool hex)
{
    if ((view()->activePane() == Pane::Hex) != hex)
        QTest::keyClick(view(), Qt::Key_Tab);
}

QString Session::compare(const Model &m) const
{
    if (m_window->tabCount() != 1 || !tab())
        return QStringLiteral("%1 tabs open, expected one").arg(m_window->tabCount());
    const Document *document = doc();
    const DocKind kind = document->isScratch()            ? DocKind::Scratch
        : document->mode() == Document::Mode::InPlace     ? DocKind::InPlace
        : document->mode() == Document::Mode::CopyOnWrite ? DocKind::CopyOnWrite
                                                          : DocKind::ReadOnly;
    if (kind != m.kind)
        return QStringLiteral("the document is %1, expected %2")
            .arg(QLatin1String(kindName(kind)), QLatin1String(kindName(m.kind)));
    if (m.fileBacked() && document->path() != m.path)
        return QStringLiteral("the document is %1, expected %2").arg(document->path(), m.path);

    // The bytes the view shows: what Document::read gives it, the missing ones marked.
    const Document *hm = doc();
    const qint64 size = m.size();
    if (hm->size() != size)
        return QStringLiteral("the map has %1 bytes, expected %2").arg(hm->size()).arg(size);
    const qint64 backed = m.backed();
    const ByteBlock block = hm->read(0, size);
    // On a full tmpfs, reading a hole through the map needs a new page: a page of zeros
    // the file never had written may show as missing (the cause is said, not hidden).
    const bool full = !m_mountPoint.isEmpty();
    const auto holeUnreadable = [&](qint64 p) { return full && p < backed && m.shown[p] == 0; };
    for (qint64 p = 0; p < size; ++p) {
        if (block.isMissing(p) != (p >= backed) && !(block.isMissing(p) && holeUnreadable(p)))
            return QStringLiteral("the byte at offset %1 shows as %2, expected %3 (the file backs "
                                  "%4 bytes)")
                .arg(p)
                .arg(
                    block.isMissing(p) ? "missing" : "present", p >= backed ? "missing" : "present")
                .arg(backed);
    }
    if (block.bytes.left(backed) != m.shown.left(backed)) // missing bytes read as zeros
        return QStringLiteral("the bytes the view shows: ")
            + firstDifference(m.shown.left(backed), block.bytes.left(backed));
    // The map itself, a page at a time.
    if (backed > 0 && !hm->file().map())
        return QStringLiteral("no map under %1 bytes").arg(size);
    for (qint64 at = 0; at < backed; at += kPage) {
        const qint64 end = std::min(backed, at + kPage);
        QByteArray mapped;
        try {
            const Bytes bytes = hm->file().map()->slice({at, end, {}});
            mapped
                = QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
        } catch (const Error &error) {
            if (holeUnreadable(at) && m.shown.mid(at, end - at).count('\0') == end - at)
                continue;
            return QStringLiteral("the map cannot read offset %1: %2").arg(at).arg(error.what());
        }
        if (mapped != m.shown.mid(at, end - at))
            return QStringLiteral("the map at offset %1: ").arg(at)
                + firstDifference(m.shown.mid(at, end - at), mapped);
    }
    // The view.
    if (view()->layout().dataSize() != size)
        return QStringLiteral("the view lays out %1 bytes, expected %2")
            .arg(view()->layout().dataSize())
            .arg(size);
    if (view()->cursorOffset() > std::max<qint64>(size - 1, 0))
        return QStringLiteral("the cursor is at %1, past the data").arg(view()->cursorOffset());

    // The undo history.
    const QUndoStack *stack = hm->undoStack();
    if (stack->count() != int(m.steps.size()) || stack->index() != m.index
        || stack->cleanIndex() != m.clean)
        return QStringLiteral("undo history: %1 steps, at %2, clean at %3; expected %4 steps, at "
                              "%5, clean at %6")
            .arg(stack->count())
            .arg(stack->index())
            .arg(stack->cleanIndex())
            .arg(m.steps.size())
            .arg(m.index)
            .arg(m.clean);

    // The files, read by path as another program would.
    if (m.fileBacked() && !m.detached) {
        const std::optional<QByteArray> disk = readFile(m.path);
        if (!disk)
            return QStringLiteral("the file %1 is gone").arg(m.path);
        if (*disk != m.file)
            return QStringLiteral("the file on disk: ") + firstDifference(m.file, *disk);
    }
    QStringList expectedNames;
    for (const auto &[path, bytes] : m.files) {
        const std::optional<QByteArray> disk = readFile(path);
        if (disk != bytes)
            return QStringLiteral("the file %1: %2")
                .arg(path,
                    bytes && disk
                        ? firstDifference(*bytes, *disk)
                        : describe(bytes) + QStringLiteral(" expected, found ") + describe(disk));
        if (bytes)
            expectedNames << QFileInfo(path).fileName();
    }
    if (m.fileBacked() && !m.detached)
        expectedNames << QFileInfo(m.path).fileName();
    if (!m_mountPoint.isEmpty())
        expectedNames << kFiller;
    QStringList found = QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden | QDir::System);
    found.sort();
    expectedNames.sort();
    expectedNames.removeDuplicates();
    if (found != expectedNames)
        return QStringLiteral("the folder holds %1, expected %2")
            .arg(found.join(QStringLiteral(", ")), expectedNames.join(QStringLiteral(", ")));

    // The marks: what is not yet durable is marked, everywhere the user looks.
    const bool marked = document->hasUnsavedChanges();
    const auto *tabs = m_window->findChild<QTabWidget *>();
    const bool starred = tabs->tabText(0).endsWith(QLatin1String(" *"));
    const QString status = m_window->statusFields()->text();
    const bool statusMarked = status.contains(QLatin1String("Modified since flush"))
        || status.contains(QLatin1String("Unsaved changes"));
    if (starred != marked || statusMarked != marked)
        return QStringLiteral("marks disagree: document %1, tab title \"%2\", status \"%3\"")
            .arg(marked)
            .arg(tabs->tabText(0), status);
    if (m.mustMark() && !marked)
        return QStringLiteral("edits not yet durable are not marked as unsaved");
    if (enabled("CleanAtSavedIndex") && marked && !m.mustMark() && m.index == m.clean
        && !m.outsideWrote)
        return QStringLiteral("marked as unsaved at the state of the last flush or save");
    return {};
}

// Adds "refused, nothing changed" as a possible result where a failure is legitimate.
std::vector<Expect> Session::withRefusal(std::vector<Expect> expects, bool allowed) const
{
    if (allowed)
        expects.push_back({m_model, true});
    return expects;
}

QString Session::run(const Action &action)
{
    watchDocument();
    const int toldBefore = told();
    m_extra.clear();
    m_prompts.unexpected.clear();
    std::vector<Expect> expects = perform(action);
    m_prompts.done();
    m_prompts.sweep();
    QCoreApplication::processEvents(); // repaint, deliver file-change notices
    m_prompts.sweep();
    if (m_window->tabCount() == 1)
        watchDocument();
    if (!m_extra.isEmpty())
        return m_extra + context();
    if (!m_prompts.unexpected.isEmpty())
        return QStringLiteral("an unexpected question: ") + m_prompts.unexpected.join(" / ");
    QString first;
    for (const Expect &expect : expects) {
        const QString difference = compare(expect.model);
        if (difference.isEmpty()) {
            if (expect.refusal && told() == toldBefore)
                return QStringLiteral("refused without telling the user why") + context();
            m_model = expect.model;
            return {};
        }
        if (first.isEmpty())
            first = difference;
    }
    return first + context();
}

// What the application last told the user, to go with a divergence.
QString Session::context() const
{
    QStringList said;
    if (m_window->tabCount() == 1 && !doc()->lastError().isEmpty())
        said << QStringLiteral("last model error \"%1\"").arg(doc()->lastError());
    if (!m_window->lastMessage().isEmpty())
        said << QStringLiteral("last message \"%1\"").arg(m_window->lastMessage());
    if (!m_prompts.messages.isEmpty())
        said << QStringLiteral("last box \"%1\"").arg(m_prompts.messages.last());
    return said.isEmpty()
        ? QString()
        : QStringLiteral("\n  (") + said.join(QStringLiteral("; ")) + QLatin1Char(')');
}

std::vector<Expect> Session::perform(const Action &action)
{
    const bool diskFull = !m_mountPoint.isEmpty();
    switch (action.act) {
    case Act::TypeHex:
        return withRefusal(typeKeys(action.a, action.data, true), diskFull);
    case Act::TypeText:
        return withRefusal(typeKeys(action.a, action.data, false), diskFull);
    case Act::Paste:
        return withRefusal(paste(action), diskFull);
    case Act::Undo:
        return undoRedo(action.c, false);
    case Act::Redo:
        return undoRedo(action.c, true);
    case Act::FindReplace:
        return findReplace(action);
    case Act::ReplaceAll:
        return replaceAllAction(action, false);
    case Act::ReplaceWhileTyping:
        return replaceAllAction(action, true);
    case Act::Grow:
        return withRefusal(resize(m_model.size() + 1 + action.a % 16384, true), diskFull);
    case Act::Shrink: {
        qint64 size = m_model.size() > 0 ? action.a % m_model.size() : 0;
        return withRefusal(resize(size, action.c), diskFull);
    }
    case Act::Flush:
        return flush();
    case Act::Save:
        return withRefusal(save(), diskFull);
    case Act::SaveAs:
        return withRefusal(saveAs(action.c), diskFull);
    case Act::CloseReopen:
        return closeReopen(action);
    case Act::Advise: {
        static const char *const names[]
            = {"MADV_NORMAL", "MADV_RANDOM", "MADV_SEQUENTIAL", "MADV_WILLNEED"};
        return advise(QString::fromLatin1(names[action.c % 4]), action, false);
    }
    case Act::AdviseDestructive:
        return advise(QString::fromLatin1(action.c % 2 ? "MADV_REMOVE" : "MADV_DONTNEED"), action,
            action.c / 2 % 2);
    case Act::Truncate:
    case Act::Append:
    case Act::Overwrite:
    case Act::ReplaceFile:
    case Act::DeleteFile:
        return outside(action);
    case Act::Remap:
        return remap();
    case Act::InsertHex:
        return withRefusal(insertKeys(action.a, action.data, true), diskFull);
    case Act::InsertText:
        return withRefusal(insertKeys(action.a, action.data, false), diskFull);
    case Act::InsertPaste:
        return withRefusal(insertPaste(action), diskFull);
    case Act::DeleteSelection:
        return withRefusal(deleteSelection(action), diskFull);
    case Act::Backspace:
        return withRefusal(backspace(action), diskFull);
    }
    return {{m_model}};
}

// ---- the actions, each on the application and on the model --------------------------

// Keys typed at an offset, in the hex or the text pane.
std::vector<Expect> Session::typeKeys(qint64 offset, const QByteArray &keys, bool hex)
{
    Model m = m_model;
    m.cursor = m.size() > 0 ? offset % m.size() : 0;
    m.nibble = 0;
    view()->setCursorOffset(m.cursor);
    setPane(hex);
    QTest::keyClicks(view(), QString::fromLatin1(keys));

    Model refused = m;
    bool anyRefused = false;
    for (const char key : keys) {
        if (m.size() == 0)
            break; // nothing to type over: nothing happens
        if (m.cursor >= m.backed() || m.kind == DocKind::ReadOnly) {
            anyRefused = true; // gone from the file, or read-only
            continue;
        }
        quint8 byte = quint8(key);
        if (hex) {
            const int value = QByteArray("0123456789abcdef").indexOf(char(std::tolower(key)));
            const auto old = quint8(m.shown[m.cursor]);
            byte = quint8(m.nibble == 0 ? (value << 4) | (old & 0x0f) : (old & 0xf0) | value);
        }
        overwrite(m, m.cursor, QByteArray(1, char(byte)), true);
        if (!hex) {
            m.cursor = std::min(m.cursor + 1, m.size() - 1);
        } else if (m.nibble == 0) {
            m.nibble = 1;
        } else if (m.cursor < m.size() - 1) {
            ++m.cursor;
            m.nibble = 0;
        }
    }
    if (view()->cursorOffset() != m.cursor
        && !(m_header.diskFull && view()->cursorOffset() == refused.cursor))
        m_extra = QStringLiteral("the cursor is at %1 after typing, expected %2")
                      .arg(view()->cursorOffset())
                      .arg(m.cursor);
    return {{m, anyRefused}};
}

// Keys typed in insert mode, before an offset (the end too), in the hex or the text pane:
// a hex digit inserts a byte and the next one fills it in.
std::vector<Expect> Session::insertKeys(qint64 offset, const QByteArray &keys, bool hex)
{
    Model m = m_model;
    m.cursor = offset % (m.size() + 1);
    m.nibble = 0;
    Editor *editor = view()->editor();
    editor->setInsertMode(true);
    view()->setCursorOffset(m.cursor);
    setPane(hex);
    QTest::keyClicks(view(), QString::fromLatin1(keys));
    const qint64 cursor = view()->cursorOffset();
    editor->setInsertMode(false);

    bool anyRefused = false;
    for (const char key : keys) {
        if (m.kind == DocKind::ReadOnly || !canSplice(m)) {
            anyRefused = true;
            continue;
        }
        if (hex && m.nibble == 1) {
            // The second digit: an overwrite inside the inserted byte (it merges).
            const int value = QByteArray("0123456789abcdef").indexOf(char(std::tolower(key)));
            const auto old = quint8(m.shown[m.cursor]);
            overwrite(m, m.cursor, QByteArray(1, char((old & 0xf0) | value)), true);
            ++m.cursor;
            m.nibble = 0;
            continue;
        }
        quint8 byte = quint8(key);
        if (hex)
            byte = quint8(QByteArray("0123456789abcdef").indexOf(char(std::tolower(key))) << 4);
        Step step;
        step.typing = true;
        step.deltas.push_back(spliceDelta(m.size(), m.cursor, {}, QByteArray(1, char(byte))));
        mapSplice(m, m.cursor, 0, QByteArray(1, char(byte)));
        push(m, std::move(step));
        if (hex)
            m.nibble = 1;
        else
            ++m.cursor;
    }
    if (cursor != m.cursor && !m_header.diskFull)
        m_extra = QStringLiteral("the cursor is at %1 after typing in insert mode, expected %2")
                      .arg(cursor)
                      .arg(m.cursor);
    m.cursor = std::min(m.cursor, std::max<qint64>(m.size() - 1, 0)); // overwrite mode again
    return {{m, anyRefused}};
}

// Paste in insert mode: the bytes go in before the cursor.
std::vector<Expect> Session::insertPaste(const Action &action)
{
    Model m = m_model;
    m.cursor = action.a % (m.size() + 1);
    auto *mime = new QMimeData;
    if (action.c % 2 == 0)
        mime->setData(QStringLiteral("application/octet-stream"), action.data);
    else
        mime->setText(input::formatHex(action.data));
    QGuiApplication::clipboard()->setMimeData(mime);
    Editor *editor = view()->editor();
    editor->setInsertMode(true);
    view()->setCursorOffset(m.cursor);
    setPane(action.c % 2 == 1 || action.b % 2);
    QTest::keySequence(view(), QKeySequence::Paste);
    editor->setInsertMode(false);
    if (m.kind == DocKind::ReadOnly || !canSplice(m))
        return {{m, true}};
    Step step;
    step.deltas.push_back(spliceDelta(m.size(), m.cursor, {}, action.data));
    mapSplice(m, m.cursor, 0, action.data);
    push(m, std::move(step));
    return {{m}};
}

// Edit ▸ Delete on a selection (disabled, doing nothing, where the map cannot change length).
std::vector<Expect> Session::deleteSelection(const Action &action)
{
    Model m = m_model;
    if (m.size() == 0)
        return {{m}};
    const qint64 start = action.a % m.size();
    const qint64 count = std::min(action.n, m.size() - start);
    view()->editor()->setSelection(start, count);
    m_window->findChild<QAction *>(QStringLiteral("deleteBytes"))->trigger();
    if (!mayChangeLength(m) || m.kind == DocKind::ReadOnly)
        return {{m}};
    if (!canSplice(m))
        return {{m, true}};
    Step step;
    step.deltas.push_back(spliceDelta(m.size(), start, m.shown.mid(start, count), {}));
    mapSplice(m, start, count, {});
    push(m, std::move(step));
    return {{m}};
}

// Backspace in insert mode without a selection: the byte before the cursor goes.
std::vector<Expect> Session::backspace(const Action &action)
{
    Model m = m_model;
    const qint64 cursor = action.a % (m.size() + 1);
    Editor *editor = view()->editor();
    editor->setInsertMode(true);
    view()->setCursorOffset(cursor);
    QTest::keyClick(view(), Qt::Key_Backspace);
    editor->setInsertMode(false);
    if (cursor == 0)
        return {{m}};
    if (m.kind == DocKind::ReadOnly || !canSplice(m))
        return {{m, true}};
    Step step;
    step.deltas.push_back(spliceDelta(m.size(), cursor - 1, m.shown.mid(cursor - 1, 1), {}));
    mapSplice(m, cursor - 1, 1, {});
    push(m, std::move(step));
    return {{m}};
}

std::vector<Expect> Session::paste(const Action &action)
{
    Model m = m_model;
    const QByteArray data = action.data.isEmpty() ? filler(action.b, action.n) : action.data;
    m.cursor = m.size() > 0 ? action.a % m.size() : 0;
    const int form = action.c % 3;
    auto *mime = new QMimeData;
    if (form == 0)
        mime->setData(QStringLiteral("application/octet-stream"), data);
    else if (form == 1)
        mime->setText(input::formatHex(data));
    else
        mime->setText(QString::fromLatin1(data));
    QGuiApplication::clipboard()->setMimeData(mime);
    view()->setCursorOffset(m.cursor);
    setPane(form == 1 || (form == 0 && action.b % 2));
    QTest::keySequence(view(), QKeySequence::Paste);

    const bool done = overwrite(m, m.cursor, data, false);
    if (done)
        m.cursor = std::min(m.cursor + data.size(), std::max<qint64>(m.size() - 1, 0));
    return {{m, !done}};
}

std::vector<Expect> Session::undoRedo(int count, bool redo)
{
    std::vector<Expect> expects;
    Model m = m_model;
    std::vector<Model> along {m};
    bool refused = false;
    for (int i = 0; i < count; ++i) {
        if (!undoStep(m, redo)) {
            refused = true;
            break;
        }
        along.push_back(m);
    }
    for (int i = 0; i < count; ++i)
        QTest::keySequence(view(), redo ? QKeySequence::Redo : QKeySequence::Undo);
    expects.push_back({m, refused});
    // On a full disk any step may fail (putting back a cut tail needs new pages).
    if (!m_mountPoint.isEmpty()) {
        for (auto it = along.rbegin() + 1; it != along.rend(); ++it)
            expects.push_back({*it, true});
    }
    return expects;
}

namespace {
// Runs a Find dialog command and waits for the search it starts, if any.
void runFinder(FindDialog *finder, void (FindDialog::*command)())
{
    QSignalSpy finished(finder, &FindDialog::searchFinished);
    (finder->*command)();
    if (finder->message() == QString::fromUtf8("Searching…") && finished.isEmpty())
        finished.wait(20000);
}

// Whether a Find dialog message tells the user why something was not done.
bool saysWhy(const QString &message)
{
    return message.startsWith(QLatin1String("Not replaced"))
        || message.startsWith(QLatin1String("The search stopped"))
        || message.contains(QLatin1String("refused"));
}

FindDialog *finderOf(MainWindow *window, const QByteArray &pattern, const QByteArray &replacement)
{
    auto *finder = window->findChild<FindDialog *>();
    finder->findChild<QLineEdit *>(QStringLiteral("find"))->setText(input::formatHex(pattern));
    finder->findChild<QLineEdit *>(QStringLiteral("replace"))
        ->setText(input::formatHex(replacement));
    return finder;
}
} // namespace

// Find Next from the cursor, then Replace (which replaces the selected match).
std::vector<Expect> Session::findReplace(const Action &action)
{
    Model m = m_model;
    const QByteArray &pattern = action.data;
    const qint64 cursor = m.size() > 0 ? action.a % m.size() : 0;
    FindDialog *finder = finderOf(m_window.get(), pattern, action.data2);
    view()->setCursorOffset(cursor);
    runFinder(finder, &FindDialog::findNext);
    const QString found = finder->message();
    runFinder(finder, &FindDialog::replaceCurrent);
    for (const QString &message : {found, finder->message()})
        m_dialogNotes += saysWhy(message);

    // Forward from the cursor, then wrapped around from the start; in the bytes the
    // file still backs (the search stops at the missing ones).
    const QByteArray bytes = m.shown.left(m.backed());
    qint64 match = bytes.indexOf(pattern, cursor);
    if (match < 0) {
        match = bytes.indexOf(pattern);
        if (match >= cursor)
            match = -1;
    }
    std::vector<Expect> expects;
    if (match < 0) {
        expects.push_back({m});
    } else if (action.data2.size() == pattern.size()) {
        Model t = m;
        const bool done = overwrite(t, match, action.data2, false);
        expects.push_back({t, !done});
    } else if (!mayChangeLength(m)) {
        expects.push_back({m}); // the dialog asks for a replacement as long as the pattern
    } else if (!canSplice(m)) {
        expects.push_back({m, true});
    } else {
        Model t = m;
        Step step;
        step.deltas.push_back(spliceDelta(t.size(), match, pattern, action.data2));
        mapSplice(t, match, pattern.size(), action.data2);
        push(t, std::move(step));
        expects.push_back({t});
    }
    if (m.backed() < m.size())
        expects.push_back({m}); // the search stopped at the missing bytes
    return expects;
}

std::vector<Expect> Session::replaceAllAction(const Action &action, bool whileTyping)
{
    const Model before = m_model;
    const QByteArray &pattern = action.data;
    const QByteArray &replacement = action.data2;
    FindDialog *finder = finderOf(m_window.get(), pattern, replacement);
    Model typed = before;
    bool typingRefused = false;
    if (whileTyping) {
        typed.cursor = typed.size() > 0 ? action.a % typed.size() : 0;
        view()->setCursorOffset(typed.cursor);
        setPane(false);
    }
    QSignalSpy finished(finder, &FindDialog::searchFinished);
    finder->replaceAll();
    const bool searching = finder->message() == QString::fromUtf8("Searching…");
    if (whileTyping) {
        QTest::keyClicks(view(), QString::fromLatin1(action.data3));
        for (const char key : action.data3) {
            if (typed.size() == 0)
                break;
            if (typed.cursor >= typed.backed() || typed.kind == DocKind::ReadOnly) {
                typingRefused = true;
                continue;
            }
            overwrite(typed, typed.cursor, QByteArray(1, key), true);
            typed.cursor = std::min(typed.cursor + 1, typed.size() - 1);
        }
    }
    if (searching && finished.isEmpty())
        finished.wait(20000);
    m_dialogNotes += saysWhy(finder->message());

    // The search ran while the keys were typed: it saw the bytes before or after each
    // typed key. Every match of both is possibly found; one of both must be.
    const std::vector<qint64> old = matchesOf(before.shown.left(before.backed()), pattern);
    const std::vector<qint64> now = matchesOf(typed.shown.left(typed.backed()), pattern);
    std::vector<qint64> sure;
    std::vector<qint64> unsure;
    std::set_intersection(old.begin(), old.end(), now.begin(), now.end(), std::back_inserter(sure));
    std::set_symmetric_difference(
        old.begin(), old.end(), now.begin(), now.end(), std::back_inserter(unsure));
    std::vector<Expect> expects;
    const auto add = [&](const std::vector<qint64> &found) {
        bool refused = typingRefused;
        Model t = replaceAll(typed, found, pattern, replacement, &refused);
        expects.push_back({t, refused});
    };
    if (unsure.size() <= 8) {
        for (quint32 subset = 0; subset < (1u << unsure.size()); ++subset) {
            std::vector<qint64> found = sure;
            for (size_t i = 0; i < unsure.size(); ++i) {
                if (subset & (1u << i))
                    found.push_back(unsure[i]);
            }
            std::sort(found.begin(), found.end());
            add(found);
        }
    } else {
        add(old);
        add(now);
    }
    if (before.size() == 0 || before.backed() < before.size())
        expects.push_back({typed, typingRefused}); // no search: empty map, or it stops at the gap
    return expects;
}

std::vector<Expect> Session::resize(qint64 newSize, bool confirmShrink)
{
    Model m = m_model;
    ResizeDialog dialog(doc(), m_window.get());
    auto *input = dialog.findChild<QLineEdit *>(QStringLiteral("size"));
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    // A resize would cut the file's bytes past the map's end: refused while there are some.
    const bool offered
        = (m.kind == DocKind::InPlace && m.file.size() <= m.size()) || m.kind == DocKind::Scratch;
    if (input->isEnabled() && ok->isEnabled())
        input->setText(QString::number(newSize)); // the user can type only where it is enabled
    if ((input->isEnabled() && ok->isEnabled()) != offered) {
        m_extra = QStringLiteral("Resize is %1 for a %2 document")
                      .arg(ok->isEnabled() ? "offered" : "refused", kindName(m.kind));
        return {{m}};
    }
    if (!offered)
        return {{m}};
    m_prompts.expect(confirm(confirmShrink));
    const QString noteBefore = dialog.findChild<QLabel *>(QStringLiteral("note"))->text();
    ok->click();
    const bool asked = !m_prompts.answered.isEmpty();
    m_prompts.done();
    if (dialog.findChild<QLabel *>(QStringLiteral("note"))->text() != noteBefore)
        ++m_dialogNotes;
    if (asked != (newSize < m.size()))
        m_extra = asked ? QStringLiteral("Resize asked before growing")
                        : QStringLiteral("Resize did not ask before cutting bytes");

    if (newSize == m.size() || (newSize < m.size() && !confirmShrink))
        return {{m}};
    if (newSize < m.size() && m.backed() < m.size())
        return {{m, true}}; // the bytes to cut are gone
    Delta delta;
    delta.resize = true;
    delta.oldSize = m.size();
    delta.newSize = newSize;
    if (newSize < m.size())
        delta.cut = m.shown.mid(newSize);
    mapResize(m, newSize);
    Step step;
    step.deltas.push_back(delta);
    push(m, std::move(step));
    return {{m}};
}

std::vector<Expect> Session::flush()
{
    Model m = m_model;
    QAction *action = menuAction(QStringLiteral("&Flush to Disk"));
    const bool offered = m.kind == DocKind::InPlace;
    if (action->isEnabled() != offered) {
        m_extra = QStringLiteral("Flush is %1 for a %2 document")
                      .arg(action->isEnabled() ? "offered" : "not offered", kindName(m.kind));
        return {{m}};
    }
    if (!offered)
        return {{m}};
    action->trigger();
    if (m.detached)
        return {{m, true}}; // the edits went to a file that is no longer there
    markDurable(m);
    return {{m}};
}

std::vector<Expect> Session::save()
{
    Model m = m_model;
    QAction *action = menuAction(QStringLiteral("&Save"));
    if (!action->isEnabled())
        return {{m}}; // marks are checked after every action
    action->trigger();
    if (m.kind != DocKind::CopyOnWrite) {
        m_extra = QStringLiteral("Save is offered for a %1 document").arg(kindName(m.kind));
        return {{m}};
    }
    for (qint64 p = 0; p < m.size(); ++p) {
        if (m.dirty[p] && p >= m.backed())
            return {{m, true}}; // modified bytes are gone from the file: nothing is written
    }
    std::vector<Expect> expects;
    if (m.detached) {
        // Saving the modified ranges into whatever now has the path would mix two files.
        expects.push_back({m, true});
        Model whole = m;
        whole.files[m.path] = m.shown;
        markDurable(whole);
        expects.push_back({whole});
        return expects;
    }
    for (qint64 p = 0; p < m.size(); ++p) {
        if (m.dirty[p])
            m.file[p] = m.shown[p];
    }
    markDurable(m);
    return {{m}};
}

std::vector<Expect> Session::saveAs(int target)
{
    const Model &m = m_model;
    QString path;
    Model t = m;
    if (target % 3 == 1 && m.fileBacked() && !m.detached)
        path = m.path;
    else if (target % 3 == 2)
        path = dirPath(kOther);
    else
        path = dirPath(QStringLiteral("saved-%1.bin").arg(++t.saved));
    m_window->saveCurrentAs(path);
    if (m.backed() < m.size())
        return {{m, true}}; // bytes are gone: nothing is written
    const DocKind kind = m.kind == DocKind::Scratch ? DocKind::InPlace : m.kind;
    Model fresh = freshModel(kind, path, m.shown);
    fresh.saved = t.saved;
    fresh.files = m.files;
    if (m.fileBacked() && !m.detached && m.path != path)
        fresh.files[m.path] = m.file;
    fresh.files.erase(path);
    std::vector<Expect> expects {{fresh}};
    Model failed = m;
    failed.saved = t.saved;
    if (!m_mountPoint.isEmpty())
        expects.push_back({failed, true});
    return expects;
}

std::vector<Expect> Session::closeReopen(const Action &action)
{
    const Model &m = m_model;
    QStringList choices;
    if (m.kind == DocKind::Scratch)
        choices = {QStringLiteral("Discard"), QStringLiteral("Cancel")};
    else if (m.kind == DocKind::CopyOnWrite)
        choices = {QStringLiteral("Save"), QStringLiteral("Discard"), QStringLiteral("Cancel")};
    else
        choices = {QStringLiteral("Flush"), QStringLiteral("Revert"), QStringLiteral("Cancel")};
    QString choice = choices[action.c % choices.size()];
    bool disabled = false;
    m_prompts.expect(clickButton(choice, &disabled));
    const bool closed = m_window->closeTab(0);
    const bool asked = !m_prompts.answered.isEmpty();
    m_prompts.done();
    m_prompts.sweep();
    if (asked && disabled != (choice == QLatin1String("Revert") && m.clean < 0)) {
        m_extra = QStringLiteral("Revert is %1 with the last flush %2 the undo history")
                      .arg(disabled ? "disabled" : "enabled", m.clean < 0 ? "out of" : "in");
        return {{m}};
    }

    // What closing did to the model.
    Model after = m;
    bool expectClosed = true;
    bool refused = false;
    if (asked) {
        if (choice == QLatin1String("Cancel") || disabled) {
            expectClosed = false;
        } else if (choice == QLatin1String("Flush")) {
            if (m.detached)
                expectClosed = false, refused = true;
            else
                markDurable(after);
        } else if (choice == QLatin1String("Save")) {
            bool gone = false;
            for (qint64 p = 0; p < m.size(); ++p)
                gone = gone || (m.dirty[p] && p >= m.backed());
            if (gone || m.detached) {
                expectClosed = false;
                refused = true;
            } else {
                for (qint64 p = 0; p < m.size(); ++p) {
                    if (m.dirty[p])
                        after.file[p] = m.shown[p];
                }
            }
        } else if (choice == QLatin1String("Revert")) {
            // Step by step; a step that fails keeps the tab open where the bytes are.
            while (after.index != after.clean) {
                if (!undoStep(after, after.index < after.clean)) {
                    expectClosed = false;
                    refused = true;
                    break;
                }
            }
            if (expectClosed)
                markDurable(after);
        }
    }
    if (closed != expectClosed) {
        m_extra
            = QStringLiteral("the tab %1 after \"%2\"")
                  .arg(closed ? "closed" : "stayed open", asked ? choice : QString("no question"));
        return {{m}};
    }
    if (!closed)
        return {{after, refused}};

    // Reopen: the file if there is one, else a new scratch buffer.
    Model fresh;
    std::optional<QByteArray> onDisk;
    if (m.fileBacked())
        onDisk = m.detached ? m.files.at(m.path) : std::optional(after.file);
    const DocKind kinds[] = {DocKind::InPlace, DocKind::CopyOnWrite, DocKind::ReadOnly};
    if (onDisk) {
        const DocKind kind = kinds[action.b % 3];
        openDocument(kind, m.path, 0);
        fresh = freshModel(kind, m.path, *onDisk);
    } else {
        const qint64 size = std::max<qint64>(m.size(), 1);
        openDocument(DocKind::Scratch, {}, size);
        fresh = freshModel(DocKind::Scratch, {}, QByteArray(size, '\0'));
    }
    fresh.files = m.files;
    fresh.files.erase(fresh.path);
    if (m.fileBacked() && !onDisk)
        fresh.files[m.path] = std::nullopt;
    fresh.saved = m.saved;
    return {{fresh, false, true}};
}

// Memory advice through the dialog, over a page-aligned range. Advice that would
// change the bytes asks first; a hint never asks.
std::vector<Expect> Session::advise(const QString &name, const Action &action, bool confirmed)
{
    const Model &m = m_model;
    if (m.size() == 0)
        return {{m}};
    const qint64 pages = (m.size() + kPage - 1) / kPage;
    qint64 start = action.a % pages * kPage;
    qint64 length = 1 + action.b % (m.size() - start);
    // madvise works on whole pages: the last one may reach past the map's end.
    const qint64 end = std::min(m.size(), (start + length + kPage - 1) / kPage * kPage);
    // What the advice does to this kind of map, and whether it loses the user's bytes.
    Model effect = m;
    bool hint = true;
    bool fails = false;
    bool mustAsk = false;
    if (name == QLatin1String("MADV_DONTNEED") && m.kind == DocKind::Scratch) {
        hint = false; // a private anonymous map's pages are freed: zeros
        std::fill(effect.shown.begin() + start, effect.shown.begin() + end, '\0');
        for (qint64 p = start; p < end; ++p)
            effect.durable[p] = m.dirty[p] ? effect.durable[p] : '\0'; // not the user's
    } else if (name == QLatin1String("MADV_DONTNEED") && m.kind == DocKind::CopyOnWrite) {
        hint = false; // the private copies go: the file's bytes show again
        for (qint64 p = start; p < std::min(end, m.backed()); ++p) {
            effect.shown[p] = effect.file[p];
            effect.durable[p] = effect.file[p]; // what the map shows now is what is on disk
        }
        for (qint64 page = start / kPage; page * kPage < end; ++page)
            effect.priv[page] = 0;
    } else if (name == QLatin1String("MADV_REMOVE") && m.kind == DocKind::InPlace) {
        hint = false; // the file's pages are freed: zeros, on disk too
        for (qint64 p = start; p < std::min<qint64>(end, effect.file.size()); ++p)
            effect.file[p] = '\0';
        followFile(effect, m.file);
        for (qint64 p = start; p < std::min<qint64>(end, effect.durable.size()); ++p)
            effect.durable[p] = '\0'; // on disk: as durable as it gets
        mustAsk = effect.file != m.file;
    } else if (name == QLatin1String("MADV_REMOVE")) {
        hint = false;
        fails = true; // only a shared writable map can have its file punched
    }
    qint64 lost = -1; // the first edited byte the advice loses
    for (qint64 p = start; p < end && lost < 0; ++p) {
        if (m.dirty[p] && effect.shown[p] != m.shown[p])
            lost = p;
    }
    mustAsk = mustAsk || lost >= 0;
    if (!hint) {
        // The bytes changed underneath the undo history: it goes.
        std::fill(effect.dirty.begin() + start, effect.dirty.begin() + end, '\0');
        effect.steps.clear();
        effect.index = 0;
        effect.clean
            = std::any_of(effect.dirty.begin(), effect.dirty.end(), [](char d) { return d != 0; })
            ? -1
            : 0;
    }

    AdviceDialog dialog(doc(), view()->selectionStart(), view()->selectionLength(), m_window.get());
    if (!dialog.selectAdvice(name))
        return {{m}}; // this system has no such advice
    dialog.setCustomRange(QString::number(start), QString::number(length));
    QPushButton *apply = nullptr;
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text() == QLatin1String("&Apply"))
            apply = button;
    }
    if (!apply || !apply->isEnabled()) {
        m_extra = QStringLiteral("Apply is disabled for %1 over %2 bytes at %3")
                      .arg(name)
                      .arg(length)
                      .arg(start);
        return {{m}};
    }
    m_prompts.expect(confirm(confirmed));
    apply->click();
    const bool asked = !m_prompts.answered.isEmpty();
    m_prompts.done();
    if (!dialog.message().isEmpty() && !dialog.message().contains(QLatin1String(" applied to ")))
        ++m_dialogNotes;
    if (enabled("AdviceAsks") && ((hint && asked) || (mustAsk && !asked)))
        m_extra = asked ? QStringLiteral("the hint %1 asked first").arg(name)
                        : QStringLiteral("%1 over %2 bytes at %3 (whole pages: up to %4) loses "
                                         "bytes of a %5 document (edited ones from %6) but did "
                                         "not ask")
                              .arg(name)
                              .arg(length)
                              .arg(start)
                              .arg(end)
                              .arg(QLatin1String(kindName(m.kind)))
                              .arg(lost);
    if (fails || (asked && !confirmed))
        return {{m, true}, {m}}; // declined, or refused by the kernel: nothing changed
    return {{effect}};
}

// Another program changes the file at the document's path.
std::vector<Expect> Session::outside(const Action &action)
{
    Model m = m_model;
    if (!m.fileBacked())
        return {{m}};
    const QString path = m.path;
    std::optional<QByteArray> current = m.detached ? m.files[path] : std::optional(m.file);
    if (!current)
        return {{m}}; // no file there
    const auto change = [&](const QByteArray &bytes) {
        if (m.detached) {
            m.files[path] = bytes;
        } else {
            const QByteArray oldFile = m.file;
            m.file = bytes;
            followFile(m, oldFile);
            m.outsideWrote = m.outsideWrote || oldFile != bytes;
            m.outsideChanged = m.outsideChanged || oldFile != bytes;
        }
    };
    QString notice;
    switch (action.act) {
    case Act::Truncate: {
        if (current->isEmpty())
            return {{m}};
        const qint64 length = action.a % current->size();
        ::truncate(QFile::encodeName(path).constData(), length);
        change(current->left(length));
        notice = QStringLiteral("truncated");
        break;
    }
    case Act::Append: {
        const QByteArray bytes = filler(action.b, 1 + action.a % 8192);
        const qint64 written = writeFile(path, 0, bytes, O_APPEND);
        change(*current + bytes.left(written));
        if (written > 0)
            notice = QStringLiteral("larger");
        break;
    }
    case Act::Overwrite: {
        if (current->isEmpty())
            return {{m}};
        const qint64 offset = action.a % current->size();
        const QByteArray bytes = action.data.left(current->size() - offset);
        const qint64 written = writeFile(path, offset, bytes, 0);
        QByteArray changed = *current;
        changed.replace(offset, written, bytes.left(written));
        change(changed);

        break;
    }
    case Act::ReplaceFile: {
        const QByteArray bytes = filler(action.b, action.a % kMaxFile);
        const QString incoming = dirPath(QStringLiteral("incoming.bin"));
        const qint64 written = writeFile(incoming, 0, bytes, O_CREAT | O_TRUNC);
        ::rename(QFile::encodeName(incoming).constData(), QFile::encodeName(path).constData());
        m.detached = true;
        m.files[path] = bytes.left(written);
        notice = QStringLiteral("*");
        break;
    }
    case Act::DeleteFile:
        ::unlink(QFile::encodeName(path).constData());
        m.detached = true;
        m.files[path] = std::nullopt;
        notice = QStringLiteral("*");
        break;
    default:
        break;
    }
    // The tab says so (README: a bar in the tab, with the map's and the file's sizes as
    // they are now); for a replaced or deleted file, any notice.
    const bool replaced = notice == QLatin1String("*");
    if (!notice.isEmpty() && !m_model.detached
        && enabled(replaced ? "NoticeReplaced" : "NoticeSizeChange")) {
        QString wanted; // empty: no bar
        if (replaced)
            wanted = QStringLiteral("*");
        else if (m.file.size() > m.size())
            wanted = QStringLiteral("larger (%1 → %2 bytes)").arg(m.size()).arg(m.file.size());
        else if (m.file.size() < m.size())
            wanted = QStringLiteral("truncated this file (%1 → %2 bytes)")
                         .arg(m.size())
                         .arg(m.file.size());
        const auto noticed = [&] {
            const QString bar = tab()->diskNotice();
            return wanted == QLatin1String("*") ? !bar.isEmpty()
                : wanted.isEmpty()              ? bar.isEmpty()
                                                : bar.contains(wanted);
        };
        QElapsedTimer waited;
        waited.start();
        while (!noticed() && waited.elapsed() < 3000)
            QTest::qWait(2);
        if (!noticed())
            m_extra
                = QStringLiteral("after %1 the tab's bar says \"%2\", expected %3")
                      .arg(QLatin1String(info(action.act).name), tab()->diskNotice(),
                          wanted == QLatin1String("*") ? QStringLiteral("a notice")
                              : wanted.isEmpty()       ? QStringLiteral("no bar")
                                                 : QLatin1Char('"') + wanted + QLatin1Char('"'));
    }
    return {{m}};
}

// "Map the whole file", when the tab offers it.
std::vector<Expect> Session::remap()
{
    Model m = m_model;
    QPushButton *button = nullptr;
    for (QPushButton *candidate : tab()->findChildren<QPushButton *>()) {
        if (candidate->text() == QLatin1String("Map the whole file"))
            button = candidate;
    }
    if (!button || !button->isVisibleTo(tab()) || tab()->diskNotice().isEmpty())
        return {{m}};
    button->click();
    const bool edits = std::any_of(m.dirty.begin(), m.dirty.end(), [](char d) { return d != 0; });
    if ((m.kind == DocKind::CopyOnWrite && edits) || m.file.isEmpty())
        return {{m, true}};
    const QByteArray old = m.shown;
    m.shown = m.file;
    resizeBytes(m.dirty, m.size());
    m.priv = QByteArray((m.size() + kPage - 1) / kPage, '\0');
    resizeBytes(m.durable, m.size());
    for (qint64 p = 0; p < m.size(); ++p) {
        if (p >= old.size() || old[p] != m.shown[p])
            m.durable[p] = m.shown[p];
    }
    return {{m}};
}

// ---- running, shrinking, reporting --------------------------------------------------

struct Divergence
{
    int index = -1; // the action after which it showed
    QString what;
};

Divergence runCase(const CaseHeader &header, const std::vector<Action> &actions, bool verbose)
{
    Session session(header);
    if (!session.setupError().isEmpty())
        return {0, QStringLiteral("setup: ") + session.setupError()};
    for (size_t i = 0; i < actions.size(); ++i) {
        if (verbose)
            qInfo("  %zu: %s", i, qPrintable(toText(actions[i])));
        const QString what = session.run(actions[i]);
        if (verbose) {
            const Model &m = session.model();
            QStringList steps;
            for (const Step &step : m.steps) {
                QStringList deltas;
                for (const Delta &delta : step.deltas)
                    deltas << (delta.resize
                            ? QStringLiteral("resize %1→%2").arg(delta.oldSize).arg(delta.newSize)
                            : QStringLiteral("%1+%2").arg(delta.offset).arg(delta.after.size()));
                steps << QLatin1Char('[') + deltas.join(QLatin1Char(' ')) + QLatin1Char(']');
            }
            QStringList dirty;
            for (qint64 p = 0; p < m.size(); ++p) {
                if (m.dirty[p] && (p == 0 || !m.dirty[p - 1])) {
                    qint64 end = p;
                    while (end < m.size() && m.dirty[end])
                        ++end;
                    dirty << QStringLiteral("%1-%2").arg(p).arg(end);
                }
            }
            qInfo("     model: %lld bytes, file %lld, at %d clean %d, modified %s: %s", m.size(),
                qint64(m.file.size()), m.index, m.clean, qPrintable(dirty.join(QLatin1Char(','))),
                qPrintable(steps.join(QLatin1Char(' '))));
        }
        if (!what.isEmpty())
            return {int(i), what};
    }
    return {};
}

// What makes two divergences the same for shrinking: the action kind and the check.
QString signature(const Divergence &divergence, const std::vector<Action> &actions)
{
    QString check
        = divergence.what.section(QLatin1Char('\n'), 0, 0).section(QLatin1Char(':'), 0, 0);
    check.replace(QRegularExpression(QStringLiteral("[0-9]+")), QStringLiteral("#"));
    return QLatin1String(info(actions[size_t(divergence.index)].act).name) + QLatin1Char('/')
        + check;
}

// Delta debugging: drops chunks of actions, then single ones, while the same kind of
// divergence remains; each candidate is replayed from scratch.
std::vector<Action> shrink(const CaseHeader &header, std::vector<Action> actions,
    const Divergence &original, int *replays, Divergence *last)
{
    const QString wanted = signature(original, actions);
    actions.resize(size_t(original.index + 1));
    *last = original;
    QElapsedTimer clock;
    clock.start();
    const qint64 budget = qEnvironmentVariableIntValue("HEXMAP_MODEL_SHRINK_SECONDS") > 0
        ? qEnvironmentVariableIntValue("HEXMAP_MODEL_SHRINK_SECONDS") * qint64(1000)
        : 120000;
    const auto fails = [&](std::vector<Action> &candidate) {
        ++*replays;
        const Divergence divergence = runCase(header, candidate, false);
        if (divergence.index < 0 || signature(divergence, candidate) != wanted)
            return false;
        candidate.resize(size_t(divergence.index + 1));
        *last = divergence;
        return true;
    };
    size_t chunks = 2;
    while (actions.size() >= 2 && clock.elapsed() < budget) {
        const size_t chunk = (actions.size() + chunks - 1) / chunks;
        bool reduced = false;
        for (size_t start = 0; start < actions.size() && clock.elapsed() < budget; start += chunk) {
            std::vector<Action> candidate;
            for (size_t i = 0; i < actions.size(); ++i) {
                if (i < start || i >= start + chunk)
                    candidate.push_back(actions[i]);
            }
            if (!candidate.empty() && fails(candidate)) {
                actions = candidate;
                chunks = std::max<size_t>(chunks - 1, 2);
                reduced = true;
                break;
            }
        }
        if (!reduced) {
            if (chunks >= actions.size())
                break;
            chunks = std::min(actions.size(), chunks * 2);
        }
    }
    return actions;
}

QString report(
    const CaseHeader &header, const std::vector<Action> &actions, const Divergence &divergence)
{
    const CaseHeader &h = header;
    QString text = QStringLiteral("DIVERGENCE in case seed %1 (%2 document, %3 bytes%4), after "
                                  "action %5 of %6 (%7):\n  %8\n")
                       .arg(h.seed)
                       .arg(QLatin1String(kindName(h.kind)))
                       .arg(h.content.size())
                       .arg(h.diskFull && g_tmpfs ? ", sparse on a nearly full tmpfs" : "")
                       .arg(divergence.index)
                       .arg(actions.size())
                       .arg(toText(actions[size_t(divergence.index)]), divergence.what);
    return text;
}

} // namespace

class TestUserModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void randomUserSessions();
};

namespace {
QtMessageHandler g_previousHandler = nullptr;

// The offscreen platform says this for every window shown; thousands of times here.
void quietHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(QLatin1String("does not support propagateSizeHints")))
        return;
    g_previousHandler(type, context, message);
}
} // namespace

void TestUserModel::initTestCase()
{
    g_previousHandler = qInstallMessageHandler(quietHandler);
    static QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path())); // keep the user's settings out
    QCoreApplication::setOrganizationName(QStringLiteral("hexmap-test"));
    QCoreApplication::setApplicationName(QStringLiteral("hexmap-test"));
    readSwitches();
    g_tmpfs = canMountTmpfs();
    if (!g_tmpfs)
        qInfo("cannot mount a tmpfs (needs root and mount rights): the disk-full cases run on "
              "the ordinary temporary folder");
}

void TestUserModel::randomUserSessions()
{
    const bool verbose = qEnvironmentVariableIsSet("HEXMAP_MODEL_VERBOSE");
    const quint64 seed = qEnvironmentVariableIsSet("HEXMAP_MODEL_SEED")
        ? qEnvironmentVariable("HEXMAP_MODEL_SEED").toULongLong()
        : kDefaultSeed;
    const qint64 budget = qEnvironmentVariableIsSet("HEXMAP_MODEL_ACTIONS")
        ? qEnvironmentVariable("HEXMAP_MODEL_ACTIONS").toLongLong()
        : kDefaultActions;
    QStringList off;
    for (const auto &[name, on] : switches()) {
        if (!on)
            off << name;
    }
    if (!off.isEmpty())
        qInfo("left out (HEXMAP_MODEL_KINDS): %s", qPrintable(off.join(QStringLiteral(", "))));

    std::vector<std::pair<CaseHeader, std::vector<Action>>> cases;
    if (qEnvironmentVariableIsSet("HEXMAP_MODEL_REPLAY")) {
        std::vector<Action> actions;
        for (const QString &item : qEnvironmentVariable("HEXMAP_MODEL_REPLAY")
                                       .split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const std::optional<Action> action = fromText(item);
            QVERIFY2(action, qPrintable(QStringLiteral("cannot read the action \"%1\"").arg(item)));
            actions.push_back(*action);
        }
        cases.emplace_back(headerFor(seed), actions);
    } else {
        std::mt19937_64 rng(seed);
        quint64 caseSeed = seed;
        for (qint64 drawn = 0; drawn < budget; caseSeed = rng()) {
            const CaseHeader header = headerFor(caseSeed);
            const int count = int(std::min<qint64>(header.length, budget - drawn));
            cases.emplace_back(header, drawActions(header, count));
            drawn += count;
        }
    }

    QElapsedTimer clock;
    clock.start();
    qint64 done = 0;
    int diskFull = 0;
    std::map<Act, int> counts;
    for (const auto &[header, actions] : cases) {
        if (verbose)
            qInfo("case %llu: %s, %lld bytes, %zu actions", header.seed, kindName(header.kind),
                qint64(header.content.size()), actions.size());
        const Divergence divergence = runCase(header, actions, verbose);
        if (divergence.index >= 0) {
            QString text = report(header, actions, divergence);
            int replays = 0;
            Divergence last;
            const std::vector<Action> shrunk = shrink(header, actions, divergence, &replays, &last);
            text += QStringLiteral("Shrunk to %1 actions (from %2) in %3 replays; it ends:\n  %4\n")
                        .arg(shrunk.size())
                        .arg(divergence.index + 1)
                        .arg(replays)
                        .arg(last.what);
            for (size_t i = 0; i < shrunk.size(); ++i)
                text += QStringLiteral("    %1. %2\n").arg(i).arg(toText(shrunk[i]));
            const QString kinds = qEnvironmentVariableIsSet("HEXMAP_MODEL_KINDS")
                ? QStringLiteral("HEXMAP_MODEL_KINDS='%1' ")
                      .arg(qEnvironmentVariable("HEXMAP_MODEL_KINDS"))
                : QString();
            text += QStringLiteral("Replay it:\n  %4HEXMAP_MODEL_SEED=%1 HEXMAP_MODEL_REPLAY='%2' "
                                   "ctest -R tst_usermodel --output-on-failure\nor the whole "
                                   "case:\n  %4HEXMAP_MODEL_SEED=%1 HEXMAP_MODEL_ACTIONS=%3 ctest "
                                   "-R tst_usermodel --output-on-failure\n")
                        .arg(header.seed)
                        .arg(toText(shrunk))
                        .arg(actions.size())
                        .arg(kinds);
            qWarning().noquote() << text;
            QFAIL("the application diverged from the model (see above)");
        }
        done += qint64(actions.size());
        diskFull += header.diskFull && g_tmpfs;
        for (const Action &action : actions)
            ++counts[action.act];
    }
    const double seconds = std::max<double>(clock.elapsed(), 1) / 1000;
    QStringList perKind;
    for (const auto &[act, count] : counts)
        perKind << QStringLiteral("%1 %2").arg(QLatin1String(info(act).name)).arg(count);
    qInfo("%lld actions in %zu cases (%d on a nearly full tmpfs), seed %llu: %.1f s, %.0f "
          "actions/s\n  %s",
        done, cases.size(), diskFull, seed, seconds, double(done) / seconds,
        qPrintable(perKind.join(", ")));
}

QTEST_MAIN(TestUserModel)
#include "tst_usermodel.moc"
