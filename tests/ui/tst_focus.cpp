// Keyboard focus comes back to the hex view (issue 15) after every dialog the menus
// open (generated from the menus: each item that opens a dialog), after a confirmed
// shrink and after "Map the whole file". Each case first puts the focus elsewhere (the
// value inspector), so that only the window's own doing brings it back.

#include "dialogwatcher.h"
#include "documenttab.h"
#include "hexview.h"
#include "mainwindow.h"
#include "scratchfile.h"
#include "valueinspectordock.h"

#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QtTest>

using namespace hexmap;

class TestFocus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void afterEachDialog();
    void afterConfirmingAShrink();
    void afterMappingTheWholeFile();

private:
    // Focus away from the view, on a field of the value inspector.
    void focusElsewhere();
    [[nodiscard]] HexView *view() const { return m_window->currentTab()->view(); }

    std::unique_ptr<ScratchFile> m_file;
    std::unique_ptr<ScratchFile> m_other;
    std::unique_ptr<MainWindow> m_window;
};

void TestFocus::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("hexmap-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_focus"));
}

void TestFocus::init()
{
    m_file = std::make_unique<ScratchFile>(QByteArray(8192, 'a'));
    m_other = std::make_unique<ScratchFile>(QByteArray(4096, 'b'));
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(m_window->openFile(QString::fromStdString(m_other->path())));
    QVERIFY(m_window->openFile(QString::fromStdString(m_file->path())));
    m_window->currentTab()->view()->setSelection(16, 32);
    QTRY_COMPARE(QApplication::focusWidget(), view());
}

void TestFocus::cleanup()
{
    m_window.reset();
}

void TestFocus::focusElsewhere()
{
    auto *field = m_window->valueInspector()->findChild<QLineEdit *>();
    QVERIFY(field);
    field->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), field);
}

void TestFocus::afterEachDialog()
{
    const QList<QAction *> actions = dialogActions(m_window->menuBar());
    QVERIFY(actions.size() >= 10);
    for (QAction *action : actions) {
        focusElsewhere();
        DialogWatcher watcher([](QDialog *dialog) { dialog->reject(); });
        action->trigger();
        QTRY_VERIFY2(watcher.seen() > 0, qPrintable(action->text() + " opened no dialog"));
        QTRY_VERIFY(!anyDialogVisible());
        QTRY_VERIFY2(QApplication::focusWidget() == view(), qPrintable(action->text()));
    }
}

void TestFocus::afterConfirmingAShrink()
{
    QAction *resize = nullptr;
    for (QAction *action : dialogActions(m_window->menuBar())) {
        if (QString(action->text()).remove('&') == QStringLiteral("Resize…"))
            resize = action;
    }
    QVERIFY(resize);
    focusElsewhere();
    bool confirmed = false;
    DialogWatcher watcher([&](QDialog *dialog) {
        if (auto *box = qobject_cast<QMessageBox *>(dialog)) {
            for (QAbstractButton *button : box->buttons()) {
                if (box->buttonRole(button) == QMessageBox::DestructiveRole) {
                    confirmed = true;
                    button->click();
                }
            }
            return;
        }
        auto *size = dialog->findChild<QLineEdit *>(QStringLiteral("size"));
        QVERIFY(size);
        size->setText(QStringLiteral("4096"));
        dialog->accept(); // asks first: the box above answers
    });
    resize->trigger();
    QTRY_VERIFY(confirmed);
    QTRY_COMPARE(m_window->currentTab()->document()->size(), 4096);
    QTRY_VERIFY(!anyDialogVisible());
    QTRY_COMPARE(QApplication::focusWidget(), view());
}

void TestFocus::afterMappingTheWholeFile()
{
    DocumentTab *tab = m_window->currentTab();
    QFile grow(QString::fromStdString(m_file->path()));
    QVERIFY(grow.open(QIODevice::Append));
    grow.write(QByteArray(9000, 'h'));
    grow.close();
    QTRY_VERIFY(!tab->diskNotice().isEmpty());
    QPushButton *remap = nullptr;
    for (QPushButton *button : tab->findChildren<QPushButton *>()) {
        if (button->text() == QStringLiteral("Map the whole file"))
            remap = button;
    }
    QVERIFY(remap && remap->isVisible());
    remap->setFocus(); // as a keyboard user reaches it
    QTRY_COMPARE(QApplication::focusWidget(), remap);
    QTest::keyClick(remap, Qt::Key_Space);
    QCOMPARE(tab->document()->size(), 8192 + 9000);
    QTRY_COMPARE(QApplication::focusWidget(), view());
}

QTEST_MAIN(TestFocus)
#include "tst_focus.moc"
