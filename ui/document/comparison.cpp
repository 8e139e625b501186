#include "comparison.h"

#include "errors.h"
#include "inputparsing.h"
#include "mappair.h"

#include <algorithm>

namespace hexmap {

namespace {
constexpr int kRefreshDelayMs = 150;

qint64 lengthFrom(const Document *document, qint64 start)
{
    return document ? std::max<qint64>(0, document->size() - start) : 0;
}
} // namespace

Comparison::Comparison(Document *a, Document *b, qint64 startA, qint64 startB, QObject *parent)
    : QObject(parent)
    , m_a(a)
    , m_b(b)
    , m_startA(startA)
    , m_startB(startB)
{
    for (Document *document : {a, b}) {
        connect(document, &Document::changed, this, [this](const DocumentChange &change) {
            if (change.hasBytes() || change.sizeChanged || change.remapped) {
                emit changed();
                m_refresh.start();
            }
        });
        connect(document, &QObject::destroyed, this, [this] {
            m_job.cancel();
            emit invalidated();
        });
    }
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kRefreshDelayMs);
    connect(&m_refresh, &QTimer::timeout, this, &Comparison::refreshList);
    connect(&m_job, &JobRunner::progress, this, &Comparison::listProgress);
    connect(&m_job, &JobRunner::finished, this, &Comparison::listFinished);
}

Comparison::~Comparison() = default;

qint64 Comparison::commonLength() const
{
    return std::min(lengthFrom(m_a, m_startA), lengthFrom(m_b, m_startB));
}

std::optional<qint64> Comparison::seek(Side side, qint64 offset, bool forward)
{
    if (!isValid())
        return -1;
    const std::shared_ptr<const MemoryMap> a = m_a->sharedMap();
    const std::shared_ptr<const MemoryMap> b = m_b->sharedMap();
    const qint64 common = commonLength();
    const bool tail = std::max(lengthFrom(m_a, m_startA), lengthFrom(m_b, m_startB)) > common;
    const qint64 i = offset - start(side);
    qint64 found = -1;
    try {
        if (common > 0) {
            const MapPair pair(*a, m_startA, *b, m_startB);
            const auto differs = [&](qint64 at) {
                return at >= 0 && at < common && pair.seek(at, at + 1, false, 1).found == at;
            };
            const auto rangeEnd = [&](qint64 at) {
                const qint64 equal = pair.next(at, compare::Seek::Equal);
                return equal < 0 ? common : equal;
            };
            const auto rangeStart
                = [&](qint64 at) { return pair.previous(at, compare::Seek::Equal) + 1; };
            if (forward) {
                const qint64 from = std::max<qint64>(0, differs(i) ? rangeEnd(i) : i);
                found = from < common ? pair.next(from) : -1;
            } else {
                const qint64 at = std::min(i, common); // in the tail: before the tail
                const qint64 before = differs(at) ? rangeStart(at) : std::max<qint64>(at, 0);
                const qint64 last = pair.previous(before);
                found = last < 0 ? -1 : rangeStart(last);
            }
        }
        if (forward && tail && found < 0 && i < common)
            found = common;
    } catch (const Error &error) {
        emit failed(tr("Cannot compare: %1").arg(QString::fromUtf8(error.what())));
        return std::nullopt;
    }
    return found < 0 ? -1 : start(side) + found;
}

std::optional<qint64> Comparison::nextDifference(Side side, qint64 offset)
{
    return seek(side, offset, true);
}

std::optional<qint64> Comparison::previousDifference(Side side, qint64 offset)
{
    return seek(side, offset, false);
}

Comparison::Marks Comparison::marks(Side side, qint64 start, qint64 end) const
{
    Marks marks;
    if (!isValid())
        return marks;
    const Side other = Comparison::other(side);
    const qint64 first = std::max<qint64>(start - this->start(side), 0);
    const qint64 last = end - this->start(side);
    if (last <= first)
        return marks;
    const qint64 common = commonLength();
    const ByteBlock mine = document(side)->read(this->start(side) + first, last - first);
    const ByteBlock theirs = std::min(last, common) > first
        ? document(other)->read(this->start(other) + first, std::min(last, common) - first)
        : ByteBlock();
    for (qsizetype k = 0; k < mine.bytes.size(); ++k) {
        const qint64 offset = this->start(side) + first + k;
        if (mine.isMissing(k))
            continue;
        if (first + k >= common)
            marks.onlyHere.add(offset, offset + 1);
        else if (k < theirs.bytes.size() && !theirs.isMissing(k)
            && theirs.bytes.at(k) != mine.bytes.at(k))
            marks.differing.add(offset, offset + 1);
    }
    return marks;
}

QString Comparison::describe(Side side, qint64 offset) const
{
    if (!isValid())
        return {};
    struct Byte
    {
        QString shown; // its hex, "none" past the end, "··" when it cannot be read
        std::optional<char> value;
        bool exists = false; // inside the document
    };
    const auto byteAt = [this](Side at, qint64 where) {
        const Document *document = this->document(at);
        if (where < 0 || where >= document->size())
            return Byte {tr("none"), std::nullopt, false};
        const ByteBlock block = document->read(where, 1);
        if (block.isMissing(0))
            return Byte {QStringLiteral("··"), std::nullopt, true};
        return Byte {input::formatHex(block.bytes.first(1)), block.bytes.at(0), true};
    };
    const auto name
        = [](Side at) { return at == Side::A ? QStringLiteral("A") : QStringLiteral("B"); };
    const Side other = Comparison::other(side);
    const qint64 there = facing(side, offset, other);
    const Byte mine = byteAt(side, offset);
    const Byte theirs = byteAt(other, there);
    QString verdict;
    if (!mine.exists || !theirs.exists)
        verdict = tr("only in %1").arg(name(mine.exists ? side : other));
    else if (!mine.value || !theirs.value)
        verdict = tr("unknown");
    else
        verdict = *mine.value == *theirs.value ? tr("equal") : tr("differ");
    return tr("%1 %2: %3 · %4 %5: %6 (%7)")
        .arg(name(side), input::formatOffset(offset), mine.shown, name(other),
            there < 0 ? QStringLiteral("—") : input::formatOffset(there), theirs.shown, verdict);
}

void Comparison::refreshList()
{
    if (!isValid())
        return;
    std::shared_ptr<const MemoryMap> a = m_a->sharedMap();
    std::shared_ptr<const MemoryMap> b = m_b->sharedMap();
    const qint64 startA = m_startA;
    const qint64 startB = m_startB;
    m_job.start([a, b, startA, startB](JobControl &job, CompareResult &result) {
        listDifferences(a.get(), startA, b.get(), startB, kListLimit, job, result);
    });
}

} // namespace hexmap
