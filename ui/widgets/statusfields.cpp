#include "statusfields.h"

#include "byteclass.h"
#include "document.h"
#include "documenttab.h"
#include "hexview.h"
#include "inputparsing.h"

#include <QLabel>
#include <QLocale>
#include <QStatusBar>

namespace hexmap {

namespace {
QString hexAndDecimal(qint64 value)
{
    return QStringLiteral("%1 (%2)").arg(input::formatOffset(value), QLocale().toString(value));
}
// The character whose lead byte is at offset in the text pane's encoding, or 0.
char32_t characterAt(const Document &document, const TextDecoder &decoder, qint64 offset)
{
    const qint64 start = decoder.decodeStart(offset);
    const qint64 end = std::min(document.size(), offset + maxCharacterLength(decoder.encoding()));
    const std::vector<TextCell> cells
        = decoder.cells(document.read(start, end - start).readable(), offset - start);
    return cells.empty() ? 0 : cells.front().character;
}
} // namespace

StatusFields::StatusFields(QStatusBar *bar)
    : QObject(bar)
{
    for (QLabel **field :
        {&m_offset, &m_value, &m_selection, &m_size, &m_mode, &m_typing, &m_modified}) {
        *field = new QLabel(bar);
        (*field)->setTextInteractionFlags(Qt::TextSelectableByMouse);
        bar->addPermanentWidget(*field);
        m_fields << *field;
    }
    refresh();
}

void StatusFields::track(DocumentTab *tab)
{
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_tab = tab;
    if (tab) {
        const auto update = [this] { refresh(); };
        HexView *view = tab->view();
        Document *document = tab->document();
        m_connections << connect(view->editor(), &Editor::changed, this, update)
                      // A keystroke changes both: the editor tells it once, at its end.
                      << connect(document, &Document::changed, this,
                             [this, view] {
                                 if (!view->editor()->isChanging())
                                     refresh();
                             })
                      << connect(document, &Document::changedOnDisk, this, update)
                      << connect(
                             tab, &DocumentTab::documentChanged, this, [this, tab] { track(tab); });
    }
    refresh();
}

QString StatusFields::text() const
{
    QStringList parts;
    for (const QLabel *field : m_fields) {
        if (!field->text().isEmpty())
            parts << field->text();
    }
    return parts.join(QStringLiteral(" | "));
}

void StatusFields::refresh()
{
    if (!m_tab) {
        for (QLabel *field : std::as_const(m_fields))
            field->clear();
        return;
    }
    const Document *document = m_tab->document();
    const HexView *view = m_tab->view();
    const qint64 cursor = view->cursorOffset();

    m_offset->setText(tr("Offset %1").arg(hexAndDecimal(cursor)));
    const ByteBlock byte = document->read(cursor, 1);
    if (byte.bytes.isEmpty()) {
        m_value->setText(tr("Value —"));
    } else if (byte.isMissing(0)) {
        m_value->setText(tr("Value ·· (gone from the file)"));
    } else {
        const auto value = quint8(byte.bytes.at(0));
        const char32_t character = characterAt(*document, view->editor()->textDecoder(), cursor);
        m_value->setText(tr("Value 0x%1 (%2)%3")
                             .arg(value, 2, 16, QLatin1Char('0'))
                             .arg(value)
                             .arg(character == 0 ? QString()
                                                 : QStringLiteral(" '%1'").arg(
                                                     QString::fromUcs4(&character, 1))));
    }
    m_selection->setText(view->hasSelection()
            ? tr("Selection %1, %2 bytes")
                  .arg(input::formatOffset(view->selectionStart()),
                      QLocale().toString(view->selectionLength()))
            : QString());
    const qint64 fileSize = document->fileSizeOnDisk();
    m_size->setText(fileSize >= 0
            ? tr("Map %1 bytes, file %2 bytes")
                  .arg(QLocale().toString(document->size()), QLocale().toString(fileSize))
            : tr("Map %1 bytes").arg(QLocale().toString(document->size())));
    m_mode->setText(document->isScratch() ? tr("Scratch (anonymous map)")
                                          : Document::modeName(document->mode()));
    // As text editors show it: INS or OVR.
    m_typing->setText(view->editor()->insertMode() ? tr("INS") : tr("OVR"));
    m_typing->setToolTip(view->editor()->insertMode()
            ? tr("Insert mode: typing and paste insert bytes (Insert switches)")
            : tr("Overwrite mode: typing and paste overwrite bytes (Insert switches)"));
    QString modified;
    if (document->hasUnsavedChanges()) {
        modified = document->mode() == Document::Mode::InPlace && !document->isScratch()
            ? tr("Modified since flush")
            : tr("Unsaved changes");
    }
    m_modified->setText(modified);
}

} // namespace hexmap
