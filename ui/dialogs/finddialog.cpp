#include "finddialog.h"

#include "byteclass.h"
#include "document.h"
#include "documenttab.h"
#include "findrange.h"
#include "hexmodel.h"
#include "hexview.h"
#include "inputparsing.h"
#include "replacer.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace hexmap {

namespace {
enum Kind { HexKind, TextKind, ValueKind };
constexpr int kContext = 8; // bytes shown on each side of a match
constexpr int kMaxRows = 10000; // rows in the result list (the count is exact)

QRadioButton *radio(const QString &text, QButtonGroup *group, int id, QWidget *parent)
{
    auto *button = new QRadioButton(text, parent);
    group->addButton(button, id);
    return button;
}
} // namespace

FindDialog::FindDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Find and Replace"));
    buildUi();
    connect(&m_job, &SearchJob::progress, m_progress, &QProgressBar::setValue);
    connect(&m_job, &SearchJob::finished, this, &FindDialog::onFinished);
    updateInputs();
    setTab(nullptr);
}

void FindDialog::buildUi()
{
    m_find = new QLineEdit(this);
    m_find->setObjectName(QStringLiteral("find"));
    m_find->setPlaceholderText(tr("e.g. 7F 45 4C 46, or 7F ?? 4C"));
    m_kind = new QButtonGroup(this);
    auto *kinds = new QHBoxLayout;
    kinds->addWidget(radio(tr("&Hex bytes"), m_kind, HexKind, this));
    kinds->addWidget(radio(tr("&Text"), m_kind, TextKind, this));
    kinds->addWidget(radio(tr("&Value"), m_kind, ValueKind, this));
    m_kind->button(TextKind)->setObjectName(QStringLiteral("text"));
    m_kind->button(ValueKind)->setObjectName(QStringLiteral("value"));
    kinds->addStretch();
    m_kind->button(HexKind)->setChecked(true);

    m_encoding = new QComboBox(this);
    m_encoding->addItem(tr("UTF-8"), int(input::TextEncoding::Utf8));
    m_encoding->addItem(tr("Latin-1"), int(input::TextEncoding::Latin1));
    m_encoding->addItem(tr("UTF-16LE"), int(input::TextEncoding::Utf16LE));
    m_encoding->setObjectName(QStringLiteral("encoding"));
    m_ignoreCase = new QCheckBox(tr("Ignore ASCII &case"), this);
    m_ignoreCase->setObjectName(QStringLiteral("ignoreCase"));
    m_width = new QComboBox(this);
    for (int width : {1, 2, 4, 8})
        m_width->addItem(tr("%1-bit integer").arg(width * 8), width);
    m_width->setCurrentIndex(2);
    m_endian = new QComboBox(this);
    m_endian->addItem(tr("little-endian"), false);
    m_endian->addItem(tr("big-endian"), true);
    auto *options = new QHBoxLayout;
    for (QWidget *widget :
        std::initializer_list<QWidget *> {m_encoding, m_ignoreCase, m_width, m_endian})
        options->addWidget(widget);
    options->addStretch();

    m_replace = new QLineEdit(this);
    m_replace->setObjectName(QStringLiteral("replace"));
    m_replace->setPlaceholderText(tr("same kind and length as the pattern"));
    m_direction = new QButtonGroup(this);
    auto *directions = new QHBoxLayout;
    directions->addWidget(radio(tr("&Forward (find)"), m_direction, 1, this));
    directions->addWidget(radio(tr("&Backward (rfind)"), m_direction, 0, this));
    directions->addStretch();
    m_direction->button(1)->setChecked(true);
    m_direction->button(1)->setObjectName(QStringLiteral("forward"));
    m_direction->button(0)->setObjectName(QStringLiteral("backward"));
    m_from = new QLineEdit(this);
    m_from->setObjectName(QStringLiteral("from"));
    m_to = new QLineEdit(this);
    m_to->setObjectName(QStringLiteral("to"));
    m_from->setPlaceholderText(tr("forward: the cursor"));
    m_to->setPlaceholderText(tr("forward: the end"));
    auto *range = new QHBoxLayout;
    range->addWidget(m_from);
    range->addWidget(new QLabel(tr("to"), this));
    range->addWidget(m_to);
    m_wrap = new QCheckBox(tr("&Wrap around"), this);
    m_wrap->setObjectName(QStringLiteral("wrap"));
    m_wrap->setChecked(true);

    auto *form = new QFormLayout;
    form->addRow(tr("F&ind:"), m_find);
    form->addRow(tr("As:"), kinds);
    form->addRow(QString(), options);
    form->addRow(tr("Re&place with:"), m_replace);
    form->addRow(tr("Direction:"), directions);
    form->addRow(tr("Range:"), range);
    auto *rangeHelp = new QLabel(
        tr("Offsets as Python's find/rfind take them: negative counts from the end. Find "
           "All searches from the start when From is empty."),
        this);
    rangeHelp->setWordWrap(true);
    form->addRow(QString(), rangeHelp);
    form->addRow(QString(), m_wrap);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_cancel = new QPushButton(tr("Cancel"), this);
    connect(m_cancel, &QPushButton::clicked, this, &FindDialog::cancel);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);

    auto *buttons = new QHBoxLayout;
    const std::pair<QString, void (FindDialog::*)()> actions[] = {
        {tr("Find &Next"), &FindDialog::findNext},
        {tr("Find Pre&vious"), &FindDialog::findPrevious},
        {tr("Find &All"), &FindDialog::findAll},
        {tr("R&eplace"), &FindDialog::replaceCurrent},
        {tr("Replace A&ll"), &FindDialog::replaceAll},
    };
    for (const auto &[text, action] : actions) {
        auto *button = new QPushButton(text, this);
        connect(button, &QPushButton::clicked, this, action);
        buttons->addWidget(button);
        m_actionButtons << button;
    }
    m_actionButtons.first()->setDefault(true);
    auto *close = new QPushButton(tr("Close"), this);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    buttons->addStretch();
    buttons->addWidget(close);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("count"));
    m_table = new QTableWidget(0, 3, this);
    m_table->setHorizontalHeaderLabels({tr("Offset"), tr("Bytes around the match"), tr("Text")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row) {
        if (m_tab && row < m_results.size())
            selectMatch(m_results[row], qint64(m_resultsPattern.bytes.size()));
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addLayout(progressRow);
    layout->addLayout(buttons);
    layout->addWidget(m_count);
    layout->addWidget(m_table, 1);
    resize(640, 560);

    connect(m_kind, &QButtonGroup::idClicked, this, &FindDialog::updateInputs);
    connect(m_direction, &QButtonGroup::idClicked, this, &FindDialog::updateInputs);
    setSearching(false);
}

void FindDialog::updateInputs()
{
    const int kind = m_kind->checkedId();
    m_encoding->setVisible(kind == TextKind);
    m_ignoreCase->setVisible(kind == TextKind);
    m_width->setVisible(kind == ValueKind);
    m_endian->setVisible(kind == ValueKind);
    const bool forward = m_direction->checkedId() == 1;
    m_from->setPlaceholderText(forward ? tr("forward: the cursor") : tr("backward: the start"));
    m_to->setPlaceholderText(forward ? tr("forward: the end") : tr("backward: the cursor"));
}

void FindDialog::setTab(DocumentTab *tab)
{
    if (tab == m_tab)
        return;
    cancel();
    if (m_tab)
        disconnect(m_tab, nullptr, this, nullptr);
    m_tab = tab;
    m_lastMatch = -1;
    m_results.clear();
    m_table->setRowCount(0);
    m_count->clear();
    watchModel();
    if (tab)
        connect(tab, &DocumentTab::documentChanged, this, [this] {
            watchModel();
            recheckResults(0, std::numeric_limits<qint64>::max());
        });
    for (QPushButton *button : std::as_const(m_actionButtons))
        button->setEnabled(tab);
    if (!tab)
        setMessage(tr("Open a file to search it."), false);
    else
        setMessage({}, false);
}

void FindDialog::watchModel()
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = m_tab ? m_tab->document()->model() : nullptr;
    if (!m_model)
        return;
    connect(m_model, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
            recheckResults(m_model->offsetOf(topLeft), m_model->offsetOf(bottomRight) + 1);
        });
    connect(m_model, &HexModel::sizeChanged, this,
        [this](qint64 size) { recheckResults(size, std::numeric_limits<qint64>::max()); });
    connect(m_model, &QAbstractItemModel::modelReset, this,
        [this] { recheckResults(0, std::numeric_limits<qint64>::max()); });
}

std::optional<BytePattern> FindDialog::pattern(QString *error) const
{
    const QString text = m_find->text();
    switch (m_kind->checkedId()) {
    case TextKind:
        return input::encodeText(text, input::TextEncoding(m_encoding->currentData().toInt()),
            m_ignoreCase->isChecked(), error);
    case ValueKind: {
        const auto bytes = input::encodeValue(
            text, m_width->currentData().toInt(), m_endian->currentData().toBool(), error);
        if (!bytes)
            return std::nullopt;
        return BytePattern {Bytes(bytes->begin(), bytes->end()), {}};
    }
    default:
        return input::parseHexPattern(text, error);
    }
}

std::optional<QByteArray> FindDialog::replacement(qsizetype length, QString *error) const
{
    const QString text = m_replace->text();
    std::optional<QByteArray> bytes;
    switch (m_kind->checkedId()) {
    case TextKind:
        if (const auto encoded = input::encodeText(
                text, input::TextEncoding(m_encoding->currentData().toInt()), false, error))
            bytes = QByteArray(reinterpret_cast<const char *>(encoded->bytes.data()),
                qsizetype(encoded->bytes.size()));
        break;
    case ValueKind:
        bytes = input::encodeValue(
            text, m_width->currentData().toInt(), m_endian->currentData().toBool(), error);
        break;
    default:
        bytes = input::parseHexBytes(text, error);
        break;
    }
    if (bytes && bytes->size() != length) {
        *error = tr("the replacement has %1 bytes, the pattern %2: they must be equal")
                     .arg(bytes->size())
                     .arg(length);
        return std::nullopt;
    }
    return bytes;
}

bool FindDialog::rangeFields(
    std::optional<qint64> *from, std::optional<qint64> *to, QString *error) const
{
    // Python's start/end: any integer, negative from the end (sizes and 0x allowed).
    const auto read
        = [&](const QLineEdit *field, std::optional<qint64> *value, const QString &name) {
              const QString text = field->text().trimmed();
              if (text.isEmpty())
                  return true;
              const bool negative = text.startsWith(QLatin1Char('-'));
              QString fieldError;
              const auto magnitude = input::parseSize(
                  negative ? QStringView(text).mid(1) : QStringView(text), &fieldError);
              if (!magnitude) {
                  *error = tr("%1: %2").arg(name, fieldError);
                  return false;
              }
              *value = negative ? -*magnitude : *magnitude;
              return true;
          };
    return read(m_from, from, tr("From")) && read(m_to, to, tr("To"));
}

std::optional<FindDialog::Query> FindDialog::readQuery()
{
    QString error;
    Query query;
    const auto compiled = pattern(&error);
    if (!compiled || !rangeFields(&query.from, &query.to, &error)) {
        setMessage(error, true);
        return std::nullopt;
    }
    query.pattern = *compiled;
    return query;
}

void FindDialog::findNext()
{
    find(m_direction->checkedId() == 1);
}

void FindDialog::findPrevious()
{
    find(m_direction->checkedId() != 1);
}

void FindDialog::find(bool forward, const QString &note)
{
    const std::optional<Query> query = m_tab ? readQuery() : std::nullopt;
    if (!query)
        return;
    const HexView *view = m_tab->view();
    const qint64 length = m_tab->document()->model()->size();
    const auto size = qint64(query->pattern.bytes.size());
    // The cursor plays Python's position: forward searches from it, backward up to it.
    const qint64 cursor = view->cursorOffset();
    FindRange range = forward
        ? resolveFindRange(
            query->from, query->to, view->hasSelection() ? view->selectionStart() : cursor, length)
        : resolveFindRange(query->from.value_or(0), query->to.value_or(cursor + size), 0, length);
    // After a match that is still selected, go on past it.
    const bool continuing = m_lastMatch >= 0 && view->hasSelection()
        && view->selectionStart() == m_lastMatch && view->selectionLength() == size
        && query->pattern.bytes == m_pattern.bytes && query->pattern.mask == m_pattern.mask;
    if (continuing) {
        if (forward)
            range.start = std::max<qint64>(range.start, m_lastMatch + 1);
        else
            range.end = std::min<qint64>(range.end, m_lastMatch + size - 1);
    }
    m_pattern = query->pattern;
    m_note = note;
    m_forward = forward;
    m_wrapped = false;
    // Where a wrapped search looks: the part of the data the first one did not.
    const FindRange whole = resolveFindRange(query->from.value_or(0), query->to, 0, length);
    m_wrapStart = forward ? whole.start : std::max<qint64>(whole.start, range.end - size + 1);
    m_wrapEnd = forward ? std::min<qint64>(whole.end, range.start + size - 1) : whole.end;
    startJob(Pending::Next, m_pattern, range.start, range.end,
        forward ? ChunkedSearch::Direction::Forward : ChunkedSearch::Direction::Backward,
        SearchJob::Scope::First);
}

void FindDialog::findAll()
{
    if (const std::optional<Query> query = m_tab ? readQuery() : std::nullopt)
        startFindAll(*query, Pending::All);
}

void FindDialog::startFindAll(const Query &query, Pending pending)
{
    m_resultsPattern = query.pattern;
    const FindRange range
        = resolveFindRange(query.from.value_or(0), query.to, 0, m_tab->document()->model()->size());
    startJob(pending, query.pattern, range.start, range.end, ChunkedSearch::Direction::Forward,
        SearchJob::Scope::All);
}

void FindDialog::selectMatch(qint64 offset, qint64 size)
{
    // Selected from its last byte back to its first, where the cursor is and typing
    // starts (as in Okteta, HxD and text editors).
    HexView *view = m_tab->view();
    view->setCursorOffset(offset + std::max<qint64>(size, 1) - 1);
    view->setCursorOffset(offset, true);
}

void FindDialog::replaceCurrent()
{
    if (!m_tab)
        return;
    HexView *view = m_tab->view();
    QString error;
    const auto compiled = pattern(&error);
    const auto bytes
        = compiled ? replacement(qsizetype(compiled->bytes.size()), &error) : std::nullopt;
    if (!bytes) {
        setMessage(error, true);
        return;
    }
    // The selection is replaced only if the pattern typed now matches its bytes now.
    QString note;
    if (view->hasSelection() && view->selectionLength() == bytes->size()) {
        const qint64 start = view->selectionStart();
        const ReplaceOutcome outcome = replaceMatches(
            *m_tab->document()->model(), *compiled, {start}, *bytes, tr("Replace"));
        if (!outcome.error.isEmpty()) {
            setMessage(tr("Not replaced: %1").arg(outcome.error), true);
            return;
        }
        if (outcome.replaced == 1) {
            // Find Next goes on past it.
            m_lastMatch = start;
            m_pattern = *compiled;
        } else {
            note = tr("The selection does not match the pattern, so it was not replaced.");
        }
    }
    find(m_direction->checkedId() == 1, note);
}

void FindDialog::replaceAll()
{
    const std::optional<Query> query = m_tab ? readQuery() : std::nullopt;
    if (!query)
        return;
    QString error;
    const auto bytes = replacement(qsizetype(query->pattern.bytes.size()), &error);
    if (!bytes) {
        setMessage(error, true);
        return;
    }
    m_replacement = *bytes;
    startFindAll(*query, Pending::ReplaceAll);
}

void FindDialog::cancel()
{
    if (m_job.isRunning())
        m_job.cancelAndWait();
}

bool FindDialog::isSearching() const
{
    return m_job.isRunning();
}

QString FindDialog::message() const
{
    return m_message->text();
}

void FindDialog::startJob(Pending pending, const BytePattern &pattern, qint64 start, qint64 end,
    ChunkedSearch::Direction direction, SearchJob::Scope scope)
{
    std::shared_ptr<const MemoryMap> map = m_tab->document()->model()->sharedMap();
    if (!map) {
        setMessage(tr("The map is empty: there is nothing to search."), true);
        return;
    }
    m_pending = pending;
    setSearching(true);
    setMessage(tr("Searching…"), false);
    m_job.start(std::move(map), pattern, start, end, direction, scope);
}

void FindDialog::onFinished(const SearchJob::Result &result)
{
    const Pending pending = std::exchange(m_pending, Pending::None);
    setSearching(false);
    if (!m_tab)
        return;
    if (result.canceled) {
        setMessage(tr("Search canceled."), false);
    } else if (!result.error.isEmpty()) {
        setMessage(tr("The search stopped: %1").arg(result.error), true);
    } else if (pending == Pending::Next) {
        if (result.matches.isEmpty() && m_wrap->isChecked() && !m_wrapped
            && m_wrapStart < m_wrapEnd) {
            m_wrapped = true;
            startJob(Pending::Next, m_pattern, m_wrapStart, m_wrapEnd,
                m_forward ? ChunkedSearch::Direction::Forward : ChunkedSearch::Direction::Backward,
                SearchJob::Scope::First);
            return;
        }
        const QString note = std::exchange(m_note, {});
        const QString prefix = note.isEmpty() ? QString() : note + QLatin1Char(' ');
        if (result.matches.isEmpty()) {
            m_lastMatch = -1;
            setMessage(prefix + tr("Not found."), false);
        } else {
            m_lastMatch = result.matches.first();
            selectMatch(m_lastMatch, qint64(m_pattern.bytes.size()));
            setMessage(prefix
                    + tr("Found at %1 (%2)%3.")
                          .arg(input::formatOffset(m_lastMatch))
                          .arg(m_lastMatch)
                          .arg(m_wrapped ? tr(", after wrapping around") : QString()),
                false);
        }
    } else if (pending == Pending::ReplaceAll) {
        // The offsets were found a while ago: each is checked again as it is written.
        m_results.clear(); // the last list: nothing to recheck after each write
        const ReplaceOutcome outcome = replaceMatches(*m_tab->document()->model(), m_resultsPattern,
            result.matches, m_replacement, tr("Replace all"));
        showResults(result.matches); // what still matches after the replacements
        setMessage(outcome.summary(), !outcome.error.isEmpty());
    } else {
        showResults(result.matches);
        setMessage(
            result.truncated ? tr("Stopped at %1 matches.").arg(result.matches.size()) : QString(),
            false);
    }
    emit searchFinished();
}

void FindDialog::showResults(const QList<qint64> &matches)
{
    // Edits made since the search saw the bytes may have undone some matches.
    m_results.clear();
    for (const qint64 match : matches) {
        if (patternMatchesAt(*m_tab->document()->model(), m_resultsPattern, match))
            m_results.append(match);
    }
    const auto size = qint64(m_resultsPattern.bytes.size());
    RangeSet highlights;
    for (const qint64 match : std::as_const(m_results))
        highlights.add(match, match + std::max<qint64>(size, 1));
    m_tab->view()->setHighlights(highlights);
    showCount();
    const int rows = int(std::min<qsizetype>(m_results.size(), kMaxRows));
    m_table->setRowCount(rows);
    for (int row = 0; row < rows; ++row)
        fillRow(row);
}

void FindDialog::showCount()
{
    m_count->setText(input::formatCount(m_results.size(), tr("match"), tr("matches")));
}

void FindDialog::fillRow(int row)
{
    const auto size = qint64(m_resultsPattern.bytes.size());
    const qint64 match = m_results[row];
    const qint64 start = std::max<qint64>(0, match - kContext);
    const ByteBlock context
        = m_tab->document()->model()->read(start, match - start + size + kContext);
    QString text;
    for (const char byte : context.bytes)
        text += QLatin1Char(textGlyph(quint8(byte)));
    m_table->setItem(row, 0, new QTableWidgetItem(input::formatOffset(match)));
    m_table->setItem(row, 1, new QTableWidgetItem(input::formatHex(context.bytes)));
    m_table->setItem(row, 2, new QTableWidgetItem(text));
}

void FindDialog::recheckResults(qint64 start, qint64 end)
{
    if (!m_tab || !m_model || m_results.isEmpty())
        return;
    const auto size = qint64(m_resultsPattern.bytes.size());
    const qint64 width = std::max<qint64>(size, 1); // of a highlight
    const auto at = [this](qint64 offset) {
        return qsizetype(
            std::lower_bound(m_results.cbegin(), m_results.cend(), offset) - m_results.cbegin());
    };
    // The matches that overlap [start, end) start in [start - size + 1, end).
    const qsizetype first = at(start - size + 1);
    const qsizetype last = at(end);
    QList<qsizetype> dropped; // their indexes before the drop, ascending
    qint64 low = 0;
    qint64 high = 0; // the dropped ones' highlights lie in [low, high)
    qsizetype kept = first;
    for (qsizetype i = first; i < last; ++i) {
        const qint64 match = m_results[i];
        if (patternMatchesAt(*m_model, m_resultsPattern, match)) {
            m_results[kept++] = match;
            continue;
        }
        if (dropped.isEmpty())
            low = match;
        high = match + width;
        dropped << i;
    }
    if (!dropped.isEmpty()) {
        m_results.remove(kept, last - kept);
        // Highlights off where the dropped ones were, then on again for those kept there.
        RangeSet highlights = m_tab->view()->highlights();
        highlights.remove(low, high);
        for (qsizetype i = at(low - width + 1); i < m_results.size() && m_results[i] < high; ++i)
            highlights.add(std::max(m_results[i], low), std::min(m_results[i] + width, high));
        m_tab->view()->setHighlights(highlights);
        // The list's rows are the first kMaxRows matches.
        for (auto it = dropped.crbegin(); it != dropped.crend(); ++it) {
            if (*it < m_table->rowCount())
                m_table->removeRow(int(*it));
        }
        const int rows = int(std::min<qsizetype>(m_results.size(), kMaxRows));
        for (int row = m_table->rowCount(); row < rows; ++row) {
            m_table->insertRow(row);
            fillRow(row);
        }
        showCount();
    }
    // The rows that show changed bytes around their match.
    for (qsizetype row = at(start - size - kContext + 1);
         row < m_table->rowCount() && m_results[row] - kContext < end; ++row)
        fillRow(int(row));
}

void FindDialog::setMessage(const QString &message, bool error)
{
    m_message->setText(message);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828") : QString());
}

void FindDialog::setSearching(bool searching)
{
    m_progress->setVisible(searching);
    m_cancel->setVisible(searching);
    m_progress->setValue(0);
    for (QPushButton *button : std::as_const(m_actionButtons))
        button->setEnabled(!searching && m_tab);
}

} // namespace hexmap
