#include "documenttab.h"

#include "document.h"
#include "entropystrip.h"
#include "hexview.h"
#include "residencystrip.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

namespace hexmap {

DocumentTab::DocumentTab(std::unique_ptr<Document> document, QWidget *parent)
    : QWidget(parent)
    , m_document(std::move(document))
    , m_view(new HexView(this))
    , m_strip(new ResidencyStrip(this))
    , m_entropy(new EntropyStrip(this))
    , m_bar(new QFrame(this))
    , m_barText(new QLabel(m_bar))
    , m_remap(new QPushButton(tr("Map the whole file"), m_bar))
    , m_saveAs(new QPushButton(tr("Keep My Version (Save As…)"), m_bar))
    , m_reload(new QPushButton(tr("Load the File Now at the Path"), m_bar))
    , m_keep(new QPushButton(tr("Keep Editing the Old Copy"), m_bar))
    , m_dismiss(new QPushButton(tr("Dismiss"), m_bar))
{
    auto *barLayout = new QHBoxLayout(m_bar);
    barLayout->setContentsMargins(8, 4, 8, 4);
    m_barText->setWordWrap(true);
    barLayout->addWidget(m_barText, 1);
    barLayout->addWidget(m_remap);
    barLayout->addWidget(m_saveAs);
    barLayout->addWidget(m_reload);
    barLayout->addWidget(m_keep);
    barLayout->addWidget(m_dismiss);
    connect(m_saveAs, &QPushButton::clicked, this, &DocumentTab::saveAsRequested);
    connect(m_reload, &QPushButton::clicked, this, &DocumentTab::reloadRequested);
    connect(m_keep, &QPushButton::clicked, this, &DocumentTab::hideBar);
    m_bar->setAutoFillBackground(true);
    QPalette warning = m_bar->palette();
    warning.setColor(QPalette::Window, QColor(0xff, 0xe0, 0x82));
    warning.setColor(QPalette::WindowText, Qt::black);
    m_bar->setPalette(warning);
    m_bar->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_bar);
    auto *row = new QHBoxLayout;
    row->setSpacing(0);
    row->addWidget(m_view, 1);
    row->addWidget(m_strip);
    row->addWidget(m_entropy);
    layout->addLayout(row, 1);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this,
        &DocumentTab::showVisibleRange);
    connect(m_view, &HexView::cursorMoved, this, &DocumentTab::showVisibleRange);

    connect(m_dismiss, &QPushButton::clicked, this, &DocumentTab::hideBar);
    connect(m_remap, &QPushButton::clicked, this, [this] {
        if (m_document->remap(m_document->options().length))
            hideBar();
    });
    attach();
}

DocumentTab::~DocumentTab()
{
    m_view->setDocument(nullptr); // before the document goes
    m_strip->setDocument(nullptr);
    m_entropy->setDocument(nullptr);
}

void DocumentTab::attach()
{
    m_view->setDocument(m_document.get());
    m_strip->setDocument(m_document.get());
    m_entropy->setDocument(m_document.get());
    showVisibleRange();
    connect(m_document.get(), &Document::changedOnDisk, this, &DocumentTab::showDiskChange);
}

void DocumentTab::replaceDocument(std::unique_ptr<Document> document)
{
    const qint64 cursor = m_view->cursorOffset();
    m_view->setDocument(nullptr);
    m_strip->setDocument(nullptr);
    m_entropy->setDocument(nullptr);
    m_document = std::move(document);
    m_bar->hide();
    attach();
    m_view->setCursorOffset(cursor);
    emit documentChanged();
}

void DocumentTab::hideBar()
{
    m_bar->hide();
    m_view->setFocus(Qt::OtherFocusReason); // not on to whatever follows the button
}

void DocumentTab::showVisibleRange()
{
    const HexLayout &layout = m_view->layout();
    const qint64 first = layout.lineStart(m_view->firstVisibleLine());
    m_strip->setVisibleRange(first,
        first + qint64(layout.visibleLines(m_view->viewport()->height())) * layout.bytesPerLine());
}

QString DocumentTab::diskNotice() const
{
    return m_bar->isHidden() ? QString() : m_barText->text();
}

void DocumentTab::showDiskChange()
{
    const Document::PathState state = m_document->pathState();
    const qint64 mapEnd = m_document->mapEndInFile();
    const qint64 fileSize = m_document->fileSizeOnDisk();
    const bool moved = state != Document::PathState::Same;
    if (state == Document::PathState::Replaced) {
        m_barText->setText(tr("Another program replaced %1 with a different file. This tab still "
                              "shows the old one, and its edits go there.")
                               .arg(m_document->path()));
    } else if (state == Document::PathState::Deleted) {
        m_barText->setText(tr("Another program deleted %1. This tab still shows the old file, "
                              "and its edits go there.")
                               .arg(m_document->path()));
    } else if (fileSize > mapEnd) {
        m_barText->setText(
            tr("Another program made this file larger (%1 → %2 bytes). The map still covers the "
               "old size.")
                .arg(mapEnd)
                .arg(fileSize));
    } else if (fileSize >= 0 && fileSize < mapEnd) {
        m_barText->setText(
            tr("Another program truncated this file (%1 → %2 bytes). The bytes past its new end "
               "are gone: they show as ·· and cannot be edited.")
                .arg(mapEnd)
                .arg(fileSize));
    } else {
        m_bar->hide(); // the file is what the map covers again
        m_view->viewport()->update();
        return;
    }
    // Only a whole-file map can follow the file; a window keeps its length.
    m_remap->setVisible(!moved && fileSize > mapEnd && m_document->options().length == 0);
    m_saveAs->setVisible(moved);
    m_reload->setVisible(state == Document::PathState::Replaced);
    m_keep->setVisible(moved);
    m_dismiss->setVisible(!moved); // "Keep Editing the Old Copy" says it better there
    m_bar->show();
    m_view->viewport()->update();
}

} // namespace hexmap
