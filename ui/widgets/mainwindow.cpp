#include "mainwindow.h"

#include "advicedialog.h"
#include "bookmarks.h"
#include "bookmarksdock.h"
#include "bookmarkstore.h"
#include "closeprompt.h"
#include "comparedialog.h"
#include "compareview.h"
#include "documenttab.h"
#include "editor.h"
#include "emptyhint.h"
#include "entropystrip.h"
#include "finddialog.h"
#include "flushdialog.h"
#include "gotodialog.h"
#include "hashdialog.h"
#include "hexview.h"
#include "inputparsing.h"
#include "insertbytesdialog.h"
#include "jobrunner.h"
#include "openoptionsdialog.h"
#include "residencystrip.h"
#include "resizedialog.h"
#include "scratchdialog.h"
#include "shortcutsdialog.h"
#include "splicehooks.h"
#include "statisticsdialog.h"
#include "statusfields.h"
#include "valueinspectordock.h"
#include "viewsettings.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoGroup>
#include <QUndoStack>

#include <sys/stat.h>

#include <algorithm>

namespace hexmap {

namespace {
constexpr int kMessageMs = 20000; // how long a message stays in the status bar

// The platform's keys for a standard action, and the explicit one where the platform
// theme offers another or none (qt6ct: Close is Ctrl+F4 only, Quit has none).
QList<QKeySequence> keysFor(QKeySequence::StandardKey key, const QList<QKeySequence> &explicitKeys)
{
    QList<QKeySequence> keys = QKeySequence::keyBindings(key);
    for (const QKeySequence &explicitKey : explicitKeys) {
        if (!keys.contains(explicitKey))
            keys << explicitKey;
    }
    return keys;
}

// A count as a menu item: its last digit is the mnemonic (&8, 1&6, 3&2).
QString numberWithMnemonic(int number)
{
    QString text = QString::number(number);
    return text.insert(text.size() - 1, '&');
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_pages(new QStackedWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_status(new StatusFields(statusBar()))
    , m_finder(new FindDialog(this))
    , m_undoGroup(new QUndoGroup(this))
    , m_inspector(new ValueInspectorDock(this))
    , m_bookmarks(new BookmarksDock(this))
{
    addDockWidget(Qt::RightDockWidgetArea, m_inspector);
    addDockWidget(Qt::RightDockWidgetArea, m_bookmarks);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_pages->addWidget(m_tabs);
    setCentralWidget(m_pages);
    setAcceptDrops(true);
    createActions();
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        m_undoGroup->setActiveStack(currentTab() ? currentTab()->document()->undoStack() : nullptr);
        m_status->track(currentTab());
        m_inspector->track(currentTab());
        m_bookmarks->track(currentTab());
        searchCurrentTab();
        updateActions();
    });
    resize(1100, 700);
    updateActions();
}

MainWindow::~MainWindow()
{
    m_finder->setEditor(nullptr);
    // Tabs go first, while the window they report to is still whole.
    while (m_tabs->count() > 0) {
        DocumentTab *closing = tab(0);
        m_tabs->removeTab(0);
        delete closing;
    }
}

void MainWindow::createEncodingActions(QMenu *view)
{
    QMenu *menu = view->addMenu(tr("Te&xt Encoding"));
    auto *group = new QActionGroup(this);
    const TextEncoding current = ViewSettings().textEncoding();
    for (const TextEncoding encoding : textEncodings()) {
        QAction *action = menu->addAction(textEncodingName(encoding));
        action->setCheckable(true);
        action->setChecked(encoding == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, encoding] { setTextEncoding(encoding); });
    }
    m_finder->setPaneEncoding(current);
}

// Okteta's and Kate's keys: Ctrl+B toggles; Alt+Down/Alt+Up (Okteta) and
// Alt+PgDown/Alt+PgUp (Kate) go to the next and previous bookmark.
void MainWindow::createBookmarkActions(QMenu *view)
{
    QAction *dock = m_bookmarks->toggleViewAction();
    dock->setText(tr("Boo&kmarks"));
    dock->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    view->addAction(dock);

    QMenu *menu = menuBar()->addMenu(tr("&Bookmarks"));
    QAction *toggle = menu->addAction(tr("&Toggle Bookmark"), QKeySequence(Qt::CTRL | Qt::Key_B),
        m_bookmarks, &BookmarksDock::toggleAtCursor);
    QAction *next = menu->addAction(tr("&Next Bookmark"), m_bookmarks, &BookmarksDock::goToNext);
    next->setShortcuts(
        {QKeySequence(Qt::ALT | Qt::Key_Down), QKeySequence(Qt::ALT | Qt::Key_PageDown)});
    QAction *previous
        = menu->addAction(tr("&Previous Bookmark"), m_bookmarks, &BookmarksDock::goToPrevious);
    previous->setShortcuts(
        {QKeySequence(Qt::ALT | Qt::Key_Up), QKeySequence(Qt::ALT | Qt::Key_PageUp)});
    menu->addSeparator();
    QAction *import = menu->addAction(tr("&Import Bookmarks…"), this, &MainWindow::importBookmarks);
    QAction *exportTo
        = menu->addAction(tr("&Export Bookmarks…"), this, &MainWindow::exportBookmarks);
    m_documentActions << toggle << next << previous << import << exportTo;
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *scratch = file->addAction(
        tr("&New Scratch Buffer…"), QKeySequence::New, this, &MainWindow::newScratchBuffer);
    QAction *open = file->addAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open…"),
        QKeySequence::Open, this, &MainWindow::openDialog);
    file->addAction(tr("Open with O&ptions…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this,
        &MainWindow::openWithOptionsDialog);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    m_save = file->addAction(QIcon::fromTheme(QStringLiteral("document-save")), tr("&Save"),
        QKeySequence::Save, this, &MainWindow::save);
    m_saveAs = file->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
    m_saveAs->setShortcuts(
        keysFor(QKeySequence::SaveAs, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)}));
    QAction *exportSelection = file->addAction(tr("&Export Selection…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this, &MainWindow::exportDialog);
    file->addSeparator();
    file->addAction(tr("Co&mpare…"), this, &MainWindow::compareDialog);
    file->addSeparator();
    m_close = file->addAction(tr("&Close"), this, [this] {
        if (m_tabs->currentIndex() >= 0)
            closeTab(m_tabs->currentIndex());
    });
    m_close->setShortcuts(keysFor(QKeySequence::Close, {QKeySequence(Qt::CTRL | Qt::Key_W)}));
    file->addAction(tr("&Quit"), this, &QWidget::close)
        ->setShortcuts(keysFor(QKeySequence::Quit, {QKeySequence(Qt::CTRL | Qt::Key_Q)}));

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_undo = edit->addAction(QIcon::fromTheme(QStringLiteral("edit-undo")), tr("&Undo"),
        QKeySequence::Undo, this, [this] { currentTab()->view()->undo(); });
    m_redo = edit->addAction(QIcon::fromTheme(QStringLiteral("edit-redo")), tr("&Redo"), this,
        [this] { currentTab()->view()->redo(); });
    m_redo->setShortcuts(keysFor(QKeySequence::Redo,
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)}));
    edit->addSeparator();
    QAction *copy = edit->addAction(
        tr("&Copy"), QKeySequence::Copy, this, [this] { currentTab()->view()->copy(); });
    QMenu *copyAs = edit->addMenu(tr("Cop&y As"));
    for (const ByteFormat format : byteFormats()) {
        if (format == ByteFormat::Raw)
            continue; // the clipboard always holds the raw bytes
        QAction *action = copyAs->addAction(byteFormatName(format), this,
            [this, format] { currentTab()->view()->editor()->copyAs(format); });
        if (format == ByteFormat::HexText)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
        m_documentActions << action;
    }
    QAction *paste = edit->addAction(
        tr("&Paste"), QKeySequence::Paste, this, [this] { currentTab()->view()->paste(); });
    QAction *selectAll = edit->addAction(tr("Select &All"), QKeySequence::SelectAll, this,
        [this] { currentTab()->view()->selectAll(); });
    edit->addSeparator();
    m_insertMode = edit->addAction(tr("I&nsert Mode"), QKeySequence(Qt::Key_Insert), this,
        [this](bool on) { currentTab()->view()->editor()->setInsertMode(on); });
    m_insertMode->setCheckable(true);
    m_insertBytes = edit->addAction(tr("&Insert Bytes…"), this, &MainWindow::insertBytesDialog);
    m_delete = edit->addAction(tr("&Delete"), QKeySequence::Delete, this,
        [this] { currentTab()->view()->editor()->deleteBytes(true); });
    m_delete->setObjectName(QStringLiteral("deleteBytes"));
    // The Delete key deletes bytes where the focus is in a tab; a dock keeps its own.
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_tabs->addAction(m_delete);

    QMenu *search = menuBar()->addMenu(tr("&Search"));
    QAction *find = search->addAction(tr("&Find and Replace…"), QKeySequence::Find, this, [this] {
        m_finder->show();
        m_finder->raise();
        m_finder->activateWindow();
    });
    QAction *findNext = search->addAction(
        tr("Find &Next"), QKeySequence::FindNext, m_finder, &FindDialog::findNext);
    QAction *findPrevious = search->addAction(
        tr("Find &Previous"), QKeySequence::FindPrevious, m_finder, &FindDialog::findPrevious);
    search->addSeparator();
    QAction *goTo = search->addAction(
        tr("&Go to Offset…"), QKeySequence(Qt::CTRL | Qt::Key_G), this, &MainWindow::goToDialog);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QMenu *perLine = view->addMenu(tr("&Bytes per Line"));
    m_bytesPerLine = new QActionGroup(this);
    const int current = ViewSettings().bytesPerLine();
    for (int bytes : ViewSettings::bytesPerLineChoices()) {
        QAction *action = perLine->addAction(
            bytes == HexView::kFitToWidth ? tr("&Fit to Width") : numberWithMnemonic(bytes));
        action->setCheckable(true);
        action->setChecked(bytes == current);
        action->setData(bytes);
        m_bytesPerLine->addAction(action);
        connect(action, &QAction::triggered, this, [this, bytes] { setBytesPerLine(bytes); });
    }
    createEncodingActions(view);
    QAction *zoomIn = view->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, this, [this] {
        currentTab()->view()->zoomIn();
        ViewSettings().setPointSize(currentTab()->view()->font().pointSizeF());
    });
    QAction *zoomOut = view->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, this, [this] {
        currentTab()->view()->zoomOut();
        ViewSettings().setPointSize(currentTab()->view()->font().pointSizeF());
    });
    QAction *resetZoom
        = view->addAction(tr("Reset &Zoom"), QKeySequence(Qt::CTRL | Qt::Key_0), this, [this] {
              currentTab()->view()->resetZoom();
              ViewSettings().setPointSize(currentTab()->view()->font().pointSizeF());
          });

    view->addSeparator();
    m_residency = view->addAction(tr("&Residency Map"), this, &MainWindow::setResidencyVisible);
    m_residency->setCheckable(true);
    m_residency->setChecked(ViewSettings().isResidencyMapVisible());
    m_entropy = view->addAction(tr("&Entropy Strip"), this, &MainWindow::setEntropyVisible);
    m_entropy->setCheckable(true);
    m_entropy->setChecked(ViewSettings().isEntropyStripVisible());
    QAction *inspector = m_inspector->toggleViewAction();
    inspector->setText(tr("&Value Inspector"));
    inspector->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    view->addAction(inspector);
    createBookmarkActions(view);

    QMenu *map = menuBar()->addMenu(tr("&Map"));
    m_flush = map->addAction(QIcon::fromTheme(QStringLiteral("document-save-all")),
        tr("&Flush to Disk"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), this,
        &MainWindow::flush);
    m_flushDialog = map->addAction(tr("Flush &Ranges…"), this, &MainWindow::flushDialog);
    QAction *resize = map->addAction(tr("Re&size…"), this, &MainWindow::resizeDialog);
    QAction *advice = map->addAction(tr("Memory &Advice…"), this, &MainWindow::adviceDialog);

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    QAction *hashes = tools->addAction(tr("&Hashes and Checksums…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H), this, &MainWindow::hashDialog);
    QAction *statistics = tools->addAction(tr("&Statistics…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), this, &MainWindow::statisticsDialog);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        ShortcutsDialog dialog(menuBar(), this);
        dialog.exec();
    });
    help->addAction(tr("&About hexmap"), this, [this] {
        QMessageBox::about(this, tr("About hexmap"),
            tr("<b>hexmap %1</b><p>A hex viewer and editor built on memory mapping: the file is "
               "the "
               "map, and the map's own operations are what it offers.</p>")
                .arg(QApplication::applicationVersion()));
    });

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->addAction(open);
    toolbar->addAction(m_save);
    toolbar->addAction(m_flush);
    toolbar->addSeparator();
    toolbar->addAction(m_undo);
    toolbar->addAction(m_redo);

    m_pages->addWidget(new EmptyHint(open, scratch, m_pages));

    m_documentActions << QList<QAction *> {m_saveAs, exportSelection, m_close, copy, paste,
        selectAll, zoomIn, zoomOut, resetZoom, find, findNext, findPrevious, goTo, m_flushDialog,
        resize, advice, hashes, statistics};
}

CompareView *MainWindow::compare(int first, int second, qint64 startA, qint64 startB)
{
    DocumentTab *a = tab(first);
    DocumentTab *b = tab(second);
    if (!a || !b || a == b) {
        showError(tr("Compare needs two open files."));
        return nullptr;
    }
    auto *view = new CompareView(a->document(), b->document(), startA, startB, this);
    view->setWindowFlag(Qt::Window);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->resize(size());
    view->show();
    return view;
}

void MainWindow::compareDialog()
{
    // With fewer than two files open, the ones missing are chosen first.
    while (tabCount() < 2) {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a File to Compare"));
        if (path.isEmpty() || !openFile(path))
            return;
    }
    QStringList titles;
    for (int i = 0; i < tabCount(); ++i)
        titles << tab(i)->document()->title();
    CompareDialog dialog(titles, this);
    if (dialog.exec() == QDialog::Accepted)
        compare(dialog.first(), dialog.second(), dialog.startA(), dialog.startB());
}

int MainWindow::tabCount() const
{
    return m_tabs->count();
}

DocumentTab *MainWindow::tab(int index) const
{
    return qobject_cast<DocumentTab *>(m_tabs->widget(index));
}

DocumentTab *MainWindow::currentTab() const
{
    return qobject_cast<DocumentTab *>(m_tabs->currentWidget());
}

void MainWindow::searchCurrentTab()
{
    DocumentTab *tab = currentTab();
    m_finder->setEditor(tab ? tab->view()->editor() : nullptr);
}

bool MainWindow::openFile(const QString &path, const Document::OpenOptions &options)
{
    Document::OpenResult result = Document::open(path, options);
    if (!result.document && result.readableAsScratch) {
        QMessageBox box(QMessageBox::Question, QApplication::applicationName(),
            result.error + ' ' + tr("Read it into a scratch buffer instead?"), QMessageBox::Cancel,
            this);
        QPushButton *read = box.addButton(tr("&Read a Copy"), QMessageBox::AcceptRole);
        box.exec();
        if (box.clickedButton() != read) {
            showNotice(result.error);
            return false;
        }
        result = Document::readCopy(path);
    }
    if (!result.document) {
        showError(result.error);
        return false;
    }
    if (!result.notice.isEmpty())
        showNotice(result.notice);
    rememberRecent(result.document->path());
    addTab(std::move(result.document));
    return true;
}

void MainWindow::addTab(std::unique_ptr<Document> document)
{
    auto *tab = new DocumentTab(std::move(document), m_tabs);
    applyViewSettings(tab);
    const auto refresh = [this] {
        updateActions();
        updateTitle();
    };
    const auto watch = [this, tab, refresh] {
        Document *document = tab->document();
        connect(document, &Document::changed, this, [refresh](const DocumentChange &change) {
            if (change.marksChanged)
                refresh();
        });
        connect(document->undoStack(), &QUndoStack::indexChanged, this, refresh);
        // Another program's change may forbid or allow a change of length (Insert, Delete).
        connect(document, &Document::changedOnDisk, this, refresh);
        installSpliceHooks(*document, this);
        m_undoGroup->addStack(document->undoStack());
        if (tab == currentTab())
            m_undoGroup->setActiveStack(document->undoStack());
        // One error convention: every refusal or failure of the document is told here.
        connect(document, &Document::failed, this, &MainWindow::showNotice);
        // Bookmarks kept from an earlier run come back; every change is kept at once. Why
        // some were not applied stays in the dock (the status bar moves on).
        const QString notice = bookmarkstore::load(*document);
        connect(document->bookmarks(), &Bookmarks::bookmarksChanged, this, [this, document] {
            if (QString error; !bookmarkstore::save(*document, &error))
                showNotice(error);
        });
        if (tab == currentTab()) {
            m_bookmarks->track(tab);
            m_bookmarks->showMessage(notice);
        }
        if (!notice.isEmpty())
            showNotice(notice);
        m_tabs->setTabText(m_tabs->indexOf(tab), tab->document()->title());
        m_tabs->setTabToolTip(m_tabs->indexOf(tab), tab->document()->path());
        refresh();
    };
    connect(tab, &DocumentTab::saveAsRequested, this, [this, tab] {
        m_tabs->setCurrentWidget(tab);
        saveAs();
    });
    connect(tab, &DocumentTab::reloadRequested, this, [this, tab] { reload(tab); });
    connect(tab, &DocumentTab::documentChanged, this, watch);
    m_tabs->setCurrentIndex(m_tabs->addTab(tab, tab->document()->title()));
    watch();
    tab->view()->setFocus();
}

bool MainWindow::goTo(const QString &expression)
{
    DocumentTab *tab = currentTab();
    if (!tab)
        return false;
    QString error;
    const auto offset = input::parseOffset(expression, {tab->document()->size(), {}}, &error);
    if (!offset) {
        showError(tr("Cannot go to “%1”: %2.").arg(expression, error));
        return false;
    }
    tab->view()->setCursorOffset(*offset);
    return true;
}

bool MainWindow::closeTab(int index)
{
    DocumentTab *closing = tab(index);
    if (!closing)
        return false;
    Document *document = closing->document();
    if (document->hasUnsavedChanges()) {
        m_tabs->setCurrentIndex(index);
        switch (askBeforeClosing(this, *document)) {
        case CloseChoice::Flush:
            if (!document->flush()) {
                showError(document->lastError());
                return false;
            }
            break;
        case CloseChoice::Revert:
            if (!document->revert()) {
                showError(tr("Could not revert to the last flush: %1 The tab stays open.")
                              .arg(document->lastError()));
                return false;
            }
            break;
        case CloseChoice::Save:
            if (!save())
                return false;
            break;
        case CloseChoice::SaveAs:
            if (!saveAs())
                return false;
            break;
        case CloseChoice::Discard:
            break;
        case CloseChoice::Cancel:
            return false;
        }
    }
    if (closing == currentTab())
        m_finder->setEditor(nullptr); // cancels a search in it
    m_tabs->removeTab(m_tabs->indexOf(closing));
    delete closing;
    updateActions();
    updateTitle();
    focusView();
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    while (m_tabs->count() > 0) {
        if (!closeTab(m_tabs->count() - 1)) {
            event->ignore();
            return;
        }
    }
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            openFile(url.toLocalFile());
    }
    event->acceptProposedAction();
}

void MainWindow::showError(const QString &message)
{
    showNotice(message);
    auto *box = new QMessageBox(
        QMessageBox::Warning, QApplication::applicationName(), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showNotice(const QString &message)
{
    m_lastMessage = message;
    // Long enough to read a long message; cut in the middle, whole in the tooltip.
    const int width = std::max(100, statusBar()->width() - 40);
    statusBar()->showMessage(
        statusBar()->fontMetrics().elidedText(message, Qt::ElideMiddle, width), kMessageMs);
    statusBar()->setToolTip(message);
}

void MainWindow::reload(DocumentTab *tab)
{
    Document *document = tab->document();
    if (document->hasUnsavedChanges()) {
        QMessageBox box(QMessageBox::Warning, tr("Load the File Now at the Path"),
            tr("Loading %1 as it is now drops your %2 not yet written to disk. This cannot be "
               "undone.")
                .arg(document->path(),
                    input::formatCount(document->modifiedRanges().bytes(), tr("modified byte"),
                        tr("modified bytes"))),
            QMessageBox::Cancel, this);
        QPushButton *drop
            = box.addButton(tr("&Drop My Edits and Load"), QMessageBox::DestructiveRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != drop)
            return;
    }
    Document::OpenResult reopened = Document::open(document->path(), document->options());
    if (!reopened.document) {
        showError(reopened.error);
        return;
    }
    if (tab == currentTab())
        m_finder->setEditor(nullptr);
    tab->replaceDocument(std::move(reopened.document));
    searchCurrentTab();
    showNotice(tr("Loaded %1 as it is now.").arg(tab->document()->path()));
}

void MainWindow::updateActions()
{
    DocumentTab *tab = currentTab();
    const Document *document = tab ? tab->document() : nullptr;
    m_pages->setCurrentIndex(tab ? 0 : 1); // the tabs, or the hint of the empty window
    for (QAction *action : std::as_const(m_documentActions))
        action->setEnabled(document);
    m_save->setEnabled(document && document->mode() == Document::Mode::CopyOnWrite
        && document->hasUnsavedChanges());
    m_flush->setEnabled(
        document && document->mode() == Document::Mode::InPlace && !document->isScratch());
    // The group follows the current tab's history; the steps go through the document,
    // which keeps a step that cannot be done where it is.
    m_undo->setEnabled(m_undoGroup->canUndo());
    m_redo->setEnabled(m_undoGroup->canRedo());
    m_undo->setText(
        m_undoGroup->canUndo() ? tr("&Undo %1").arg(m_undoGroup->undoText()) : tr("&Undo"));
    m_redo->setText(
        m_undoGroup->canRedo() ? tr("&Redo %1").arg(m_undoGroup->redoText()) : tr("&Redo"));
    // Insert and delete change the file's length: the reason shows where they cannot.
    const QString whyNot
        = document ? document->whyNot(Document::Operation::Splice) : tr("Open a file first.");
    const bool insertMode = tab && tab->view()->editor()->insertMode();
    for (QAction *action : {m_insertMode, m_insertBytes, m_delete}) {
        action->setEnabled(whyNot.isEmpty());
        action->setToolTip(whyNot);
        action->setStatusTip(whyNot);
    }
    m_insertMode->setEnabled(whyNot.isEmpty() || insertMode); // it can always be left
    m_insertMode->setChecked(insertMode);
}

void MainWindow::updateTitle()
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        const Document *document = tab(i)->document();
        m_tabs->setTabText(i,
            document->title() + (document->hasUnsavedChanges() ? QStringLiteral(" *") : QString()));
    }
    const DocumentTab *tab = currentTab();
    setWindowTitle(tab ? QStringLiteral("%1 — %2").arg(
                       m_tabs->tabText(m_tabs->currentIndex()), QApplication::applicationName())
                       : QApplication::applicationName());
}

void MainWindow::openDialog()
{
    for (const QString &path : QFileDialog::getOpenFileNames(this, tr("Open Files")))
        openFile(path);
}

void MainWindow::openWithOptionsDialog()
{
    OpenOptionsDialog dialog(this);
    if (DocumentTab *tab = currentTab(); tab && !tab->document()->isScratch())
        dialog.setPath(tab->document()->path());
    if (dialog.exec() == QDialog::Accepted)
        openFile(dialog.path(), dialog.options());
}

void MainWindow::newScratchBuffer()
{
    ScratchDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Document::OpenResult result = Document::scratch(dialog.size());
    if (!result.document) {
        showError(result.error);
        return;
    }
    addTab(std::move(result.document));
}

bool MainWindow::save()
{
    return runOnCurrent(&Document::save, tr("Saved the modified bytes into %1."));
}

bool MainWindow::saveAs()
{
    DocumentTab *tab = currentTab();
    if (!tab)
        return false;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save As"), tab->document()->path());
    return !path.isEmpty() && saveCurrentAs(path);
}

bool MainWindow::saveCurrentAs(const QString &path)
{
    DocumentTab *tab = currentTab();
    if (!tab)
        return false;
    const bool written = writeWithProgress(path,
        [document = tab->document(), path](QString *error, const Document::Progress &progress) {
            return document->saveAs(path, error, progress);
        });
    if (!written)
        return false;
    // The tab goes on with the new file, edited the way the old one was.
    Document::OpenOptions options;
    if (!tab->document()->isScratch())
        options.mode = tab->document()->mode();
    Document::OpenResult reopened = Document::open(path, options);
    if (!reopened.document) {
        showError(reopened.error);
        return false;
    }
    m_finder->setEditor(nullptr);
    const QList<Bookmark> bookmarks = tab->document()->bookmarks()->entries();
    tab->replaceDocument(std::move(reopened.document));
    tab->document()->bookmarks()->addAll(bookmarks); // the new file's, from now on
    searchCurrentTab();
    rememberRecent(path);
    showNotice(tr("Wrote %1.").arg(path));
    return true;
}

bool MainWindow::writeWithProgress(const QString &path, const WriteFunction &write)
{
    // The bytes are written off the UI thread; the modal progress dialog keeps the
    // window painting and the document unchanged meanwhile, and can cancel. Progress goes
    // to the dialog's bar: QProgressDialog::setValue() would process events.
    QProgressDialog progress(
        tr("Writing %1…").arg(path), tr("Cancel"), 0, JobControl::kPermille, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    auto *bar = new QProgressBar(&progress);
    bar->setRange(0, JobControl::kPermille);
    progress.setBar(bar);
    Job<bool> job; // whether the file was written
    connect(&job, &JobRunner::progress, bar, &QProgressBar::setValue);
    connect(&job, &JobRunner::finished, &progress, &QProgressDialog::reset);
    connect(&progress, &QProgressDialog::canceled, &job, &JobRunner::cancel);
    job.start([write](JobControl &control, bool &written) {
        QString error;
        written = write(&error, [&](qint64 done, qint64 total) {
            control.setProgress(done, total);
            return !control.isCanceled();
        });
        control.setError(error);
    });
    if (job.isRunning())
        progress.exec();
    job.waitForFinished();
    if (!job.result()) {
        showError(job.error());
        return false;
    }
    return true;
}

void MainWindow::exportDialog()
{
    QStringList filters;
    for (const ByteFormat format : byteFormats())
        filters << tr("%1 (*.%2)").arg(byteFormatName(format), byteFormatSuffix(format));
    QString chosen = filters.first();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Selection"), QString(), filters.join(QStringLiteral(";;")), &chosen);
    if (!path.isEmpty())
        exportSelection(path, byteFormats().at(std::max<qsizetype>(filters.indexOf(chosen), 0)));
}

bool MainWindow::exportSelection(const QString &path, ByteFormat format)
{
    DocumentTab *current = currentTab();
    if (!current)
        return false;
    const Editor *editor = current->view()->editor();
    if (!editor->hasSelection()) {
        showError(tr("Nothing is selected: select the bytes to export first."));
        return false;
    }
    // The export replaces the file at path: never one a tab maps, whose edits would then go
    // to a file no longer there.
    struct stat target = {};
    if (::stat(QFile::encodeName(path).constData(), &target) == 0) {
        for (int i = 0; i < tabCount(); ++i) {
            const MappedFile &file = tab(i)->document()->file();
            if (!file.isAnonymous() && file.device() == target.st_dev
                && file.inode() == target.st_ino) {
                showError(tr("%1 is open in hexmap: exporting onto it would replace the file "
                             "under its tab. Choose another file.")
                              .arg(path));
                return false;
            }
        }
    }
    const Document::ExportRange range {editor->selectionStart(), editor->selectionLength(), format,
        editor->textDecoder().encoding()};
    const bool written = writeWithProgress(path,
        [document = current->document(), path, range](
            QString *error, const Document::Progress &progress) {
            return document->exportRange(path, range, error, progress);
        });
    if (written)
        showNotice(tr("Exported %1 bytes as %2 to %3.")
                       .arg(range.length)
                       .arg(byteFormatName(format), path));
    return written;
}

bool MainWindow::flush()
{
    return runOnCurrent(&Document::flush, tr("Flushed %1 to disk."));
}

bool MainWindow::runOnCurrent(bool (Document::*action)(), const QString &doneNotice)
{
    DocumentTab *tab = currentTab();
    if (!tab)
        return false;
    if (!(tab->document()->*action)()) {
        showError(tab->document()->lastError());
        return false;
    }
    showNotice(doneNotice.arg(tab->document()->title()));
    return true;
}

void MainWindow::goToDialog()
{
    DocumentTab *tab = currentTab();
    GoToDialog dialog(tab->document()->size(), tab->view()->cursorOffset(), this);
    if (dialog.exec() == QDialog::Accepted && dialog.offset())
        tab->view()->setCursorOffset(*dialog.offset());
}

void MainWindow::insertBytesDialog()
{
    DocumentTab *tab = currentTab();
    if (!tab)
        return;
    InsertBytesDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Editor *editor = tab->view()->editor();
    if (const auto bytes = dialog.bytes())
        editor->insertBytes(*bytes);
    else
        editor->insertClipboard();
}

void MainWindow::resizeDialog()
{
    ResizeDialog dialog(currentTab()->document(), this);
    dialog.exec();
}

void MainWindow::flushDialog()
{
    const HexView *view = currentTab()->view();
    FlushDialog dialog(
        currentTab()->document(), view->selectionStart(), view->selectionLength(), this);
    dialog.exec();
}

void MainWindow::adviceDialog()
{
    const HexView *view = currentTab()->view();
    AdviceDialog dialog(
        currentTab()->document(), view->selectionStart(), view->selectionLength(), this);
    dialog.exec();
}

void MainWindow::hashDialog()
{
    const HexView *view = currentTab()->view();
    HashDialog dialog(
        currentTab()->document(), view->selectionStart(), view->selectionLength(), this);
    dialog.exec();
}

void MainWindow::statisticsDialog()
{
    const HexView *view = currentTab()->view();
    StatisticsDialog dialog(
        currentTab()->document(), view->selectionStart(), view->selectionLength(), this);
    dialog.exec();
}

void MainWindow::childEvent(QChildEvent *event)
{
    // A dialog of the window is whole once polished (when first shown): from then on its
    // closing is watched.
    if (event->type() == QEvent::ChildPolished && qobject_cast<QDialog *>(event->child()))
        event->child()->installEventFilter(this);
    QMainWindow::childEvent(event);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Keyboard focus goes back to the view when any dialog of the window closes (not when
    // the window system hides it, as with the window minimized).
    if (event->type() == QEvent::Hide && !event->spontaneous() && qobject_cast<QDialog *>(watched))
        focusView();
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::focusView()
{
    if (DocumentTab *tab = currentTab()) {
        activateWindow(); // the window the dialog came from, whatever the window manager does
        tab->view()->setFocus(Qt::OtherFocusReason);
    }
}

void MainWindow::setEntropyVisible(bool visible)
{
    ViewSettings().setEntropyStripVisible(visible);
    for (int i = 0; i < m_tabs->count(); ++i)
        tab(i)->entropyStrip()->setVisible(visible);
}

void MainWindow::importBookmarks()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import Bookmarks"), {}, tr("Bookmarks (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (QString message; bookmarkstore::importFrom(*currentTab()->document(), path, &message))
        showNotice(message);
    else
        showError(message);
}

void MainWindow::exportBookmarks()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Bookmarks"), {}, tr("Bookmarks (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (QString error; bookmarkstore::exportTo(*currentTab()->document(), path, &error))
        showNotice(tr("Exported the bookmarks to %1.").arg(path));
    else
        showError(error);
}

void MainWindow::setResidencyVisible(bool visible)
{
    ViewSettings().setResidencyMapVisible(visible);
    for (int i = 0; i < m_tabs->count(); ++i)
        tab(i)->residencyStrip()->setVisible(visible);
}

void MainWindow::rememberRecent(const QString &path)
{
    ViewSettings().addRecentFile(path);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = ViewSettings().recentFiles();
    for (const QString &path : recent)
        m_recentMenu->addAction(QString(path).replace('&', QStringLiteral("&&")), this,
            [this, path] { openFile(path); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::applyViewSettings(DocumentTab *tab) const
{
    const ViewSettings settings;
    tab->view()->setBytesPerLine(settings.bytesPerLine());
    tab->view()->setTextEncoding(settings.textEncoding());
    tab->residencyStrip()->setVisible(settings.isResidencyMapVisible());
    tab->entropyStrip()->setVisible(settings.isEntropyStripVisible());
    if (const auto pointSize = settings.pointSize()) {
        QFont font = tab->view()->font();
        font.setPointSizeF(*pointSize);
        tab->view()->setFont(font);
    }
}

void MainWindow::setTextEncoding(TextEncoding encoding)
{
    ViewSettings().setTextEncoding(encoding);
    for (int i = 0; i < m_tabs->count(); ++i)
        tab(i)->view()->setTextEncoding(encoding);
    m_finder->setPaneEncoding(encoding);
}

void MainWindow::setBytesPerLine(int bytesPerLine)
{
    ViewSettings().setBytesPerLine(bytesPerLine);
    for (int i = 0; i < m_tabs->count(); ++i)
        tab(i)->view()->setBytesPerLine(bytesPerLine);
}

} // namespace hexmap
