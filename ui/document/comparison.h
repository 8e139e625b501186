#pragma once

#include "comparejob.h"
#include "document.h"
#include "rangeset.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace hexmap {

// Two documents compared byte for byte, without any widget (the compare view's logic):
// A's byte at start(A) + i faces B's at start(B) + i (the shift covers an inserted
// header); past the shorter side, the longer one's bytes are only in it. Next/previous
// difference go through the core's MapPair (guarded, holes skipped); the difference list
// is a Job (listDifferences), started again after every change of either document.
class Comparison : public QObject
{
    Q_OBJECT

public:
    enum class Side { A, B };
    [[nodiscard]] static Side other(Side side) { return side == Side::A ? Side::B : Side::A; }
    // The most ranges the list holds; past it the job only counts.
    static constexpr qsizetype kListLimit = 100000;

    // The documents are not owned; the comparison stops (isValid() false) when either
    // goes. The starts are offsets into them (0: no shift).
    Comparison(
        Document *a, Document *b, qint64 startA = 0, qint64 startB = 0, QObject *parent = nullptr);
    ~Comparison() override;

    [[nodiscard]] bool isValid() const { return m_a && m_b; }
    [[nodiscard]] Document *document(Side side) const { return side == Side::A ? m_a : m_b; }
    [[nodiscard]] qint64 start(Side side) const { return side == Side::A ? m_startA : m_startB; }
    // The offset in `to` facing offset of `from` (may lie outside `to`).
    [[nodiscard]] qint64 facing(Side from, qint64 offset, Side to) const
    {
        return offset - start(from) + start(to);
    }
    // The bytes both sides have from their starts.
    [[nodiscard]] qint64 commonLength() const;

    // The start of the next difference after the one holding offset (or at/after offset
    // when that byte is equal), in side's offsets; a tail only in one side counts as one
    // difference. -1 when there is none; nothing on an error (failed() says why).
    [[nodiscard]] std::optional<qint64> nextDifference(Side side, qint64 offset);
    // The start of the difference before the one holding offset (the tail's too), or -1;
    // nothing on an error.
    [[nodiscard]] std::optional<qint64> previousDifference(Side side, qint64 offset);

    // What to mark among side's bytes [start, end): those that differ from the bytes
    // facing them, and those only in this side. Read through Document::read (a missing
    // byte is neither).
    struct Marks
    {
        RangeSet differing;
        RangeSet onlyHere;
    };
    [[nodiscard]] Marks marks(Side side, qint64 start, qint64 end) const;
    // "A 0x10: 41 · B 0x12: 42 (differ)" for side's byte at offset and the one facing it.
    [[nodiscard]] QString describe(Side side, qint64 offset) const;

    // The difference list: starts the job (again). result() is what it found last.
    void refreshList();
    [[nodiscard]] bool isListing() const { return m_job.isRunning(); }
    void cancelList() { m_job.cancel(); }
    [[nodiscard]] CompareResult result() const { return m_job.result(); }
    [[nodiscard]] QString listError() const { return m_job.error(); }

signals:
    // Either document changed (bytes, size, remap): marks may differ.
    void changed();
    void listProgress(int permille);
    // The list job ended (also canceled or failed: listError()).
    void listFinished();
    // A next/previous difference failed (a file truncated underneath): why.
    void failed(const QString &message);
    // Either document is gone.
    void invalidated();

private:
    [[nodiscard]] std::optional<qint64> seek(Side side, qint64 offset, bool forward);

    QPointer<Document> m_a;
    QPointer<Document> m_b;
    qint64 m_startA;
    qint64 m_startB;
    Job<CompareResult> m_job;
    // Restarts the list a moment after the last change: typing does not wait, key by
    // key, for the running job to stop.
    QTimer m_refresh;
};

} // namespace hexmap
