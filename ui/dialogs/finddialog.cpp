#include "finddialog.h"

#include "editor.h"
#include "inputparsing.h"

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
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace hexmap {

namespace {
enum Kind { HexKind, TextKind, ValueKind, RegexKind };
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
    updateInputs();
    setEditor(nullptr);
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
    kinds->addWidget(radio(tr("Re&gular expression"), m_kind, RegexKind, this));
    m_kind->button(TextKind)->setObjectName(QStringLiteral("text"));
    m_kind->button(ValueKind)->setObjectName(QStringLiteral("value"));
    m_kind->button(RegexKind)->setObjectName(QStringLiteral("regex"));
    kinds->addStretch();
    m_kind->button(HexKind)->setChecked(true);

    m_encoding = new QComboBox(this);
    for (const TextEncoding encoding : textEncodings())
        m_encoding->addItem(textEncodingName(encoding), int(encoding));
    m_encoding->setCurrentIndex(m_encoding->findData(int(TextEncoding::Utf8)));
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

    m_regexHelp = new QLabel(
        tr("Over bytes, not text: \\x00, [\\x80-\\xff], . is any byte. A match is at most "
           "%1 bytes, so * and + are refused: bound them, e.g. {0,100}. Replacements are hex "
           "bytes; one of another length inserts or deletes where the map can change length.")
            .arg(RegexPattern::kMaxMatchLength),
        this);
    m_regexHelp->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("F&ind:"), m_find);
    form->addRow(tr("As:"), kinds);
    form->addRow(QString(), options);
    form->addRow(QString(), m_regexHelp);
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
    // Replace and Replace All come last, from kFirstReplaceButton on.
    const std::pair<QString, void (FindDialog::*)()> actions[] = {
        {tr("Find &Next"), &FindDialog::findNext},
        {tr("Find Previo&us"), &FindDialog::findPrevious},
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
        if (m_session && row < m_session->results().size())
            showMatch(m_session->results()[row], m_session->resultLengths()[row]);
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
    connect(m_find, &QLineEdit::textChanged, this, &FindDialog::checkRegex);
    connect(m_direction, &QButtonGroup::idClicked, this, &FindDialog::updateInputs);
    setSearching(false);
}

void FindDialog::updateInputs()
{
    const int kind = m_kind->checkedId();
    m_encoding->setVisible(kind == TextKind);
    m_ignoreCase->setVisible(kind == TextKind || kind == RegexKind);
    m_regexHelp->setVisible(kind == RegexKind);
    m_find->setPlaceholderText(
        kind == RegexKind ? tr("e.g. PK\\x03\\x04.{26}") : tr("e.g. 7F 45 4C 46, or 7F ?? 4C"));
    m_width->setVisible(kind == ValueKind);
    m_endian->setVisible(kind == ValueKind);
    const bool forward = m_direction->checkedId() == 1;
    m_from->setPlaceholderText(forward ? tr("forward: the cursor") : tr("backward: the start"));
    m_to->setPlaceholderText(forward ? tr("forward: the end") : tr("backward: the cursor"));
}

void FindDialog::checkRegex()
{
    if (m_kind->checkedId() != RegexKind || m_find->text().isEmpty())
        return;
    QString error;
    if (pattern(&error))
        setMessage({}, false);
    else
        setMessage(error, true);
}

void FindDialog::setEditor(Editor *editor)
{
    if (editor == m_editor)
        return;
    if (m_editor)
        disconnect(m_editor, nullptr, this, nullptr);
    if (m_session) {
        // Its search stops now; the session goes once the signal it may be in returns.
        m_session->disconnect(this);
        m_session->cancel();
        m_session->deleteLater();
        m_session = nullptr;
    }
    m_editor = editor;
    m_table->setRowCount(0);
    m_count->clear();
    if (editor) {
        m_session = new SearchSession(editor->document(), this);
        watchSession();
        // The tab's file was loaded again: the session re-checks its matches there.
        connect(editor, &Editor::documentChanged, this,
            [this] { m_session->setDocument(m_editor->document()); });
    }
    setSearching(false);
    if (!editor)
        setMessage(tr("Open a file to search it."), false);
    else
        setMessage({}, false);
}

void FindDialog::watchSession()
{
    connect(m_session, &SearchSession::started, this, [this] { setSearching(true); });
    connect(m_session, &SearchSession::progress, m_progress, &QProgressBar::setValue);
    connect(m_session, &SearchSession::message, this, &FindDialog::setMessage);
    connect(m_session, &SearchSession::found, this, &FindDialog::showMatch);
    connect(m_session, &SearchSession::resultsChanged, this, &FindDialog::showResults);
    connect(m_session, &SearchSession::finished, this, [this] {
        setSearching(false);
        emit searchFinished();
    });
}

void FindDialog::setPaneEncoding(TextEncoding encoding)
{
    m_paneDecoder = TextDecoder(encoding);
    // Text is searched in the pane's encoding; ASCII's superset UTF-8 by default.
    const TextEncoding searched = encoding == TextEncoding::Ascii ? TextEncoding::Utf8 : encoding;
    m_encoding->setCurrentIndex(m_encoding->findData(int(searched)));
}

TextEncoding FindDialog::textEncoding() const
{
    return TextEncoding(m_encoding->currentData().toInt());
}

std::optional<BytePattern> FindDialog::pattern(QString *error) const
{
    const QString text = m_find->text();
    switch (m_kind->checkedId()) {
    case TextKind:
        return input::encodeText(text, textEncoding(), m_ignoreCase->isChecked(), error);
    case RegexKind:
        return input::parseRegex(text, m_ignoreCase->isChecked(), error);
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
        bytes = encodeCharacters(text, textEncoding(), error);
        break;
    case ValueKind:
        bytes = input::encodeValue(
            text, m_width->currentData().toInt(), m_endian->currentData().toBool(), error);
        break;
    default:
        bytes = input::parseHexBytes(text, error);
        break;
    }
    if (bytes && length >= 0 && bytes->size() != length) {
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

bool FindDialog::readQuery()
{
    QString error;
    SearchSession::Query query;
    const auto compiled = pattern(&error);
    if (!compiled || !rangeFields(&query.from, &query.to, &error)) {
        setMessage(error, true);
        return false;
    }
    query.pattern = *compiled;
    query.forward = m_direction->checkedId() == 1;
    m_session->setQuery(query);
    m_session->setWrap(m_wrap->isChecked());
    return true;
}

std::optional<QByteArray> FindDialog::readReplacement()
{
    QString error;
    const auto compiled = pattern(&error);
    // A regex's matches are checked one by one against the replacement's length; where
    // the map can change length, any length goes.
    const bool anyLength = compiled
        && (compiled->isRegex() || !m_editor || !m_editor->document()
            || m_editor->document()->whyNot(Document::Operation::Splice).isEmpty());
    const qsizetype length = compiled && !anyLength ? qsizetype(compiled->bytes.size()) : -1;
    const auto bytes = compiled ? replacement(length, &error) : std::nullopt;
    if (!bytes) {
        setMessage(error, true);
        return std::nullopt;
    }
    return bytes;
}

void FindDialog::findNext()
{
    if (m_session && readQuery())
        m_session->findNext(place());
}

void FindDialog::findPrevious()
{
    if (m_session && readQuery())
        m_session->findPrevious(place());
}

void FindDialog::findAll()
{
    if (m_session && readQuery())
        m_session->findAll();
}

void FindDialog::replaceCurrent()
{
    if (!m_session)
        return;
    // The range is read after the replacement, as the search that follows reads it.
    if (const auto bytes = readReplacement(); bytes && readQuery())
        m_session->replace(*bytes, place());
}

void FindDialog::replaceAll()
{
    if (!m_session)
        return;
    if (!readQuery())
        return;
    if (const auto bytes = readReplacement())
        m_session->replaceAll(*bytes);
}

void FindDialog::cancel()
{
    if (m_session)
        m_session->cancel();
}

bool FindDialog::isSearching() const
{
    return m_session && m_session->isRunning();
}

QString FindDialog::message() const
{
    return m_message->text();
}

QList<qint64> FindDialog::results() const
{
    return m_session ? m_session->results() : QList<qint64>();
}

void FindDialog::showResults(const SearchSession::ResultsChange &change)
{
    const QList<qint64> &results = m_session->results();
    const int rows = int(std::min<qsizetype>(results.size(), kMaxRows));
    if (change.whole) {
        showHighlights(0, std::numeric_limits<qint64>::max());
        showCount();
        m_table->setRowCount(rows);
        for (int row = 0; row < rows; ++row)
            fillRow(row);
        return;
    }
    if (!change.dropped.isEmpty()) {
        showHighlights(change.low, change.high);
        // The list's rows are the first kMaxRows matches.
        for (auto it = change.dropped.crbegin(); it != change.dropped.crend(); ++it) {
            if (*it < m_table->rowCount())
                m_table->removeRow(int(*it));
        }
        for (int row = m_table->rowCount(); row < rows; ++row) {
            m_table->insertRow(row);
            fillRow(row);
        }
        showCount();
    }
    // The rows that show changed bytes around their match.
    const qint64 size = m_session->resultsWidth();
    for (qsizetype row = m_session->resultAtOrAfter(change.start - size - kContext + 1);
         row < m_table->rowCount() && results[row] - kContext < change.end; ++row)
        fillRow(int(row));
}

void FindDialog::showCount()
{
    const qint64 listed = m_session->results().size();
    if (m_session->resultsTruncated())
        m_count->setText(
            tr("%1, the first %2 listed")
                .arg(input::formatCount(m_session->resultCount(), tr("match"), tr("matches")))
                .arg(listed));
    else
        m_count->setText(input::formatCount(listed, tr("match"), tr("matches")));
}

void FindDialog::fillRow(int row)
{
    const qint64 size = m_session->resultLengths()[row];
    const qint64 match = m_session->results()[row];
    const qint64 start = std::max<qint64>(0, match - kContext);
    const ByteBlock context = m_session->document()->read(start, match - start + size + kContext);
    const QString text = m_paneDecoder.text(context.bytes);
    m_table->setItem(row, 0, new QTableWidgetItem(input::formatOffset(match)));
    m_table->setItem(row, 1, new QTableWidgetItem(input::formatHex(context.bytes)));
    m_table->setItem(row, 2, new QTableWidgetItem(text));
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
    // Replace is offered only where edits are: on a read-only map it says why instead.
    const QString editRefused = m_editor && m_editor->document()
        ? m_editor->document()->whyNot(Document::Operation::Edit)
        : QString();
    for (qsizetype i = 0; i < m_actionButtons.size(); ++i) {
        const bool replaces = i >= kFirstReplaceButton;
        m_actionButtons[i]->setEnabled(
            !searching && m_editor && !(replaces && !editRefused.isEmpty()));
        if (replaces)
            m_actionButtons[i]->setToolTip(editRefused);
    }
}

SearchSession::Place FindDialog::place() const
{
    if (!m_editor->hasSelection())
        return {m_editor->cursorOffset()};
    return {m_editor->cursorOffset(), m_editor->selectionStart(), m_editor->selectionLength()};
}

void FindDialog::showMatch(qint64 offset, qint64 size)
{
    // Selected from its last byte back to its first, where the cursor is and typing
    // starts (as in Okteta, HxD and text editors).
    m_editor->moveCursor(offset + std::max<qint64>(size, 1) - 1);
    m_editor->moveCursor(offset, 0, true);
}

void FindDialog::showHighlights(qint64 low, qint64 high)
{
    // Off over [low, high), then on again where listed matches cover it.
    RangeSet highlights = m_editor->highlights();
    highlights.remove(low, high);
    for (const auto &range : m_session->covered(low, high).ranges())
        highlights.add(range.start, range.end);
    m_editor->setHighlights(highlights);
}

} // namespace hexmap
