// Document: memory advice (madvise), what it would do to the bytes, and applying it.
#include "document.h"

#include "errors.h"
#include "inputparsing.h"

#include <sys/mman.h>

#include <tuple>

namespace hexmap {

std::pair<qint64, qint64> Document::pagesCovering(qint64 start, qint64 length) const
{
    const qint64 first = std::clamp<qint64>(start, 0, size());
    const qint64 last = first + std::clamp<qint64>(length, 0, size() - first);
    return {first, std::min(size(), (last + pageSize() - 1) / pageSize() * pageSize())};
}

Document::AdviceImpact Document::adviceImpact(int option, qint64 start, qint64 length) const
{
    const bool privateMap = isScratch() || m_options.mode == Mode::CopyOnWrite;
    AdviceImpact impact;
    impact.effect = adviceEffect(option, privateMap);
    std::tie(impact.start, impact.end) = pagesCovering(start, length);
    const bool resizable = m_options.mode == Mode::InPlace || isScratch();
    if (splitsMapping(option) && resizable && impact.end - impact.start < size()) {
        impact.start = 0;
        impact.end = size();
        impact.widened = true;
    }
    if (impact.effect != AdviceEffect::Hint) {
        for (const RangeSet::Range &range : m_modified.intersecting(impact.start, impact.end))
            impact.unsavedBytes += range.end - range.start;
    }
    return impact;
}

QString Document::adviceWarning(const QString &name, const AdviceImpact &impact) const
{
    const QString range
        = tr("from offset %1 to %2 (%3)")
              .arg(input::formatOffset(impact.start),
                  input::formatOffset(std::max(impact.start, impact.end - 1)),
                  input::formatCount(impact.end - impact.start, tr("byte"), tr("bytes")));
    const QString unsaved
        = input::formatCount(impact.unsavedBytes, tr("modified byte"), tr("modified bytes"));
    switch (impact.effect) {
    case AdviceEffect::Hint:
        return {};
    case AdviceEffect::Refused:
        return tr("%1 needs root and damages the RAM behind the pages: hexmap does not apply it.")
            .arg(name);
    case AdviceEffect::DestroysFileData:
        return tr("%1 frees the file's bytes %2: they become zeros, on disk too.%3 This cannot be "
                  "undone.")
            .arg(name, range,
                impact.unsavedBytes > 0
                    ? tr(" The %1 there that were not flushed are lost with them.").arg(unsaved)
                    : QString());
    case AdviceEffect::DropsPrivateChanges:
        if (impact.unsavedBytes == 0)
            return {};
        if (isScratch())
            return tr("%1 turns the scratch buffer's bytes %2 into zeros: the %3 written there are "
                      "lost. This cannot be undone.")
                .arg(name, range, unsaved);
        return tr("%1 drops the %2 not yet saved %3: they read back as the file's bytes. This "
                  "cannot be undone; Save first to keep them.")
            .arg(name, unsaved, range);
    }
    return {};
}

bool Document::advise(int option, qint64 start, qint64 length)
{
    const ChangeScope scope(*this);
    if (m_moving)
        return fail(whyNot(Operation::Edit));
    const AdviceImpact impact = adviceImpact(option, start, length);
    if (impact.effect == AdviceEffect::Refused)
        return fail(adviceWarning(tr("This advice"), impact));
    if (!m_file.map())
        return fail(tr("The map is empty: there is nothing to advise."));
    noteOutsideChanges();
    try {
        if (option == MADV_REMOVE)
            removeKeepingFileTail(impact.start, impact.end);
        else
            m_file.advise(option, impact.start, impact.end - impact.start);
    } catch (const Error &error) {
        ignoreOwnChanges();
        return fail(tr("madvise failed: %1").arg(QString::fromUtf8(error.what())));
    }
    ignoreOwnChanges(); // MADV_REMOVE punches the file
    if (impact.effect != AdviceEffect::Hint) {
        m_modified.remove(impact.start, impact.end);
        dropHistory();
        m_pending.marksChanged = true;
    }
    if (impact.end > impact.start)
        m_pending.addBytes(impact.start, impact.end);
    m_pending.residencyMayHaveChanged = true;
    return true;
}

void Document::removeKeepingFileTail(qint64 start, qint64 end)
{
    const qint64 lastPage = size() / pageSize() * pageSize();
    const bool sharedFile = !isScratch() && m_options.mode == Mode::InPlace;
    const bool tailInFile = sharedFile && end == size() && lastPage < size() && fileGoesPastMap();
    if (!tailInFile || start > lastPage) {
        m_file.advise(MADV_REMOVE, start, end - start);
        return;
    }
    if (lastPage > start)
        m_file.advise(MADV_REMOVE, start, lastPage - start);
    const std::vector<std::uint8_t> zeros(size_t(size() - lastPage));
    m_file.write(lastPage, {zeros.data(), zeros.size()});
    m_file.map()->flush(lastPage, size() - lastPage);
}

} // namespace hexmap
