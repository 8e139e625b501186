#pragma once

#include "document.h"
#include "textencoding.h"

#include <QMainWindow>

class QActionGroup;
class QStackedWidget;
class QTabWidget;
class QUndoGroup;

namespace hexmap {

class BookmarksDock;
class CompareView;
class DocumentTab;
class FindDialog;
class StatusFields;
class ValueInspectorDock;

// The application window: one tab per open file, menus, toolbar, status bar. It wires
// actions to documents and holds no byte logic itself.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens path in a new tab. On failure the user sees why (a message box, not
    // waited for) and no tab is added.
    bool openFile(const QString &path, const Document::OpenOptions &options = {});
    // Moves the current tab's cursor to an offset expression (input::parseOffset).
    bool goTo(const QString &expression);
    // Closes a tab, asking first when it has edits not yet flushed or saved; false if
    // the user chose to keep it open (or flushing/saving failed).
    bool closeTab(int index);
    // Writes the current tab's bytes to path (off the UI thread, with progress and
    // cancel), then goes on with that file in the tab.
    bool saveCurrentAs(const QString &path);
    // Writes the current tab's selection to path in format (off the UI thread, with
    // progress and cancel; a canceled or failed export leaves no file).
    bool exportSelection(const QString &path, ByteFormat format);

    // Opens a compare window over the documents of two tabs (File ▸ Compare…): A from
    // offset startA against B from startB. Null, with a message, unless both are tabs.
    CompareView *compare(int first, int second, qint64 startA = 0, qint64 startB = 0);

    [[nodiscard]] int tabCount() const;
    [[nodiscard]] DocumentTab *tab(int index) const;
    [[nodiscard]] DocumentTab *currentTab() const;
    [[nodiscard]] const StatusFields *statusFields() const { return m_status; }
    [[nodiscard]] ValueInspectorDock *valueInspector() const { return m_inspector; }
    [[nodiscard]] BookmarksDock *bookmarksDock() const { return m_bookmarks; }
    // The last error or notice shown to the user (for tests and the status bar).
    [[nodiscard]] QString lastMessage() const { return m_lastMessage; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void childEvent(QChildEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // Find and Replace follows the current tab.
    void searchCurrentTab();
    void createActions();
    void addTab(std::unique_ptr<Document> document);
    void updateActions();
    void updateTitle();
    void showError(const QString &message);
    void showNotice(const QString &message);
    // Loads the file now at the tab's path in place of the one it mapped (asking
    // first when that drops edits).
    void reload(DocumentTab *tab);

    void openDialog();
    void openWithOptionsDialog();
    void newScratchBuffer();
    bool save();
    bool saveAs();
    // Edit ▸ Insert Bytes…: the dialog, then the insert before the cursor.
    void insertBytesDialog();
    bool flush();
    // Writes a file off the UI thread behind a modal progress dialog with Cancel; shows
    // why when it fails or is canceled.
    using WriteFunction = std::function<bool(QString *error, const Document::Progress &)>;
    bool writeWithProgress(const QString &path, const WriteFunction &write);
    void exportDialog();
    void compareDialog();
    // Runs a document action on the current tab; tells the user how it went
    // (doneNotice takes the document's title as %1).
    bool runOnCurrent(bool (Document::*action)(), const QString &doneNotice);
    // Keyboard focus to the current tab's view (after a dialog closed, a tab closed).
    void focusView();
    void goToDialog();
    void resizeDialog();
    void flushDialog();
    void adviceDialog();
    void hashDialog();
    void statisticsDialog();
    void setEntropyVisible(bool visible);
    void setResidencyVisible(bool visible);
    // View ▸ Text Encoding: one checkable item per encoding.
    void createEncodingActions(QMenu *view);
    void createBookmarkActions(QMenu *view);
    void importBookmarks();
    void exportBookmarks();

    void rememberRecent(const QString &path);
    void rebuildRecentMenu();
    void applyViewSettings(DocumentTab *tab) const;
    void setBytesPerLine(int bytesPerLine);
    // The text pane's encoding, in every tab, Find, and the settings.
    void setTextEncoding(TextEncoding encoding);

    QStackedWidget *m_pages; // the tabs, or the hint of the empty window
    QTabWidget *m_tabs;
    StatusFields *m_status;
    FindDialog *m_finder;
    QUndoGroup *m_undoGroup; // the histories of the open documents
    ValueInspectorDock *m_inspector;
    BookmarksDock *m_bookmarks;
    QString m_lastMessage;
    QMenu *m_recentMenu = nullptr;
    QActionGroup *m_bytesPerLine = nullptr;
    QAction *m_save = nullptr;
    QAction *m_saveAs = nullptr;
    QAction *m_insertMode = nullptr;
    QAction *m_insertBytes = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_flush = nullptr;
    QAction *m_flushDialog = nullptr;
    QAction *m_residency = nullptr;
    QAction *m_entropy = nullptr;
    QAction *m_close = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QList<QAction *> m_documentActions; // enabled only with a tab
};

} // namespace hexmap
