// Shortcuts and mnemonics (issue 15): walks every menu of the real window, every dialog
// its menus open and the close prompts, and fails on a mnemonic used twice in one
// scope (a menu, a dialog's visible widgets), a label with a mnemonic and no buddy, or
// a key sequence with two owners in the window (actions, QShortcuts, the view's own
// keys); and checks that Help ▸ Keyboard Shortcuts lists every shortcut. The lists are
// read from the objects, so a new menu item or dialog is checked without a change here.
// HEXMAP_TEST_LOCALE=de runs every check in German, the translations loaded as main
// loads them (CTest runs it so as tst_shortcuts_de).

#include "dialogwatcher.h"
#include "documenttab.h"
#include "hexview.h"
#include "mainwindow.h"
#include "scratchfile.h"
#include "shortcutsdialog.h"
#include "translations.h"

#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QGroupBox>
#include <QLabel>
#include <QMap>
#include <QPushButton>
#include <QShortcut>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableWidget>
#include <QtTest>

using namespace hexmap;

namespace {

QString plain(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove('&');
    return text.replace('\x01', '&');
}

QString testLocale()
{
    return qEnvironmentVariable("HEXMAP_TEST_LOCALE");
}

// A menu item's text as the window shows it: translated, without its mnemonic.
QString menuText(const char *source)
{
    return plain(QCoreApplication::translate("hexmap::MainWindow", source));
}

// "Alt+X" of a text with a mnemonic, or empty.
QString mnemonicOf(const QString &text)
{
    return QKeySequence::mnemonic(text).toString(QKeySequence::PortableText);
}

// Adds to failures every mnemonic that two of texts share, naming the texts.
void checkScope(const QString &scope, const QStringList &texts, QStringList &failures)
{
    QMap<QString, QStringList> owners;
    for (const QString &text : texts) {
        if (const QString key = mnemonicOf(text); !key.isEmpty())
            owners[key.toLower()] << text;
    }
    for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
        if (it.value().size() > 1)
            failures << QStringLiteral("%1: %2 shared by %3")
                            .arg(scope, it.key(), it.value().join(QStringLiteral(", ")));
    }
}

void checkMenu(const QMenu *menu, const QString &path, QStringList &failures)
{
    QStringList texts;
    for (const QAction *action : menu->actions()) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        texts << action->text();
        if (action->menu())
            checkMenu(
                action->menu(), path + QStringLiteral(" ▸ ") + plain(action->text()), failures);
    }
    checkScope(path, texts, failures);
}

// The texts that carry mnemonics among a dialog's visible widgets; a label with a
// mnemonic but no buddy is a failure of its own (it shows the & or leads nowhere).
QStringList dialogMnemonicTexts(const QDialog *dialog, QStringList &failures)
{
    QStringList texts;
    for (const QWidget *widget : dialog->findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(dialog))
            continue;
        if (const auto *button = qobject_cast<const QAbstractButton *>(widget)) {
            texts << button->text();
        } else if (const auto *label = qobject_cast<const QLabel *>(widget)) {
            if (label->textFormat() == Qt::RichText || Qt::mightBeRichText(label->text()))
                continue;
            if (label->buddy())
                texts << label->text();
            else if (!mnemonicOf(label->text()).isEmpty())
                failures << QStringLiteral("%1: the label \"%2\" has a mnemonic and no buddy")
                                .arg(dialog->windowTitle(), label->text());
        } else if (const auto *group = qobject_cast<const QGroupBox *>(widget)) {
            texts << group->title();
        } else if (const auto *tabs = qobject_cast<const QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                texts << tabs->tabText(i);
        }
    }
    return texts;
}

void checkDialog(const QDialog *dialog, QStringList &failures)
{
    if (qobject_cast<const QFileDialog *>(dialog))
        return; // Qt's own
    const QStringList texts = dialogMnemonicTexts(dialog, failures);
    checkScope(dialog->windowTitle(), texts, failures);
}

} // namespace

class TestShortcuts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void menuMnemonicsAreUnique();
    void dialogMnemonicsAreUnique();
    void closePromptsHaveUniqueMnemonics_data();
    void closePromptsHaveUniqueMnemonics();
    void shortcutsAreUnique();
    void standardShortcutsHaveTheirExplicitKeys();
    void shortcutsPageListsEveryShortcut();
    void speaksTheLocale();

private:
    std::unique_ptr<ScratchFile> m_file;
    std::unique_ptr<ScratchFile> m_other;
    std::unique_ptr<MainWindow> m_window;
};

void TestShortcuts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("hexmap-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_shortcuts"));
    if (!testLocale().isEmpty())
        QVERIFY(
            installTranslations(QLocale(testLocale()), QStringLiteral(HEXMAP_TRANSLATIONS_DIR)));
}

// A window with two files open, so that every action exists and is enabled, and
// Compare opens its own dialog.
void TestShortcuts::init()
{
    m_file = std::make_unique<ScratchFile>(QByteArray(4096, 'a'));
    m_other = std::make_unique<ScratchFile>(QByteArray(4096, 'b'));
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(m_window->openFile(QString::fromStdString(m_other->path())));
    QVERIFY(m_window->openFile(QString::fromStdString(m_file->path())));
    m_window->currentTab()->view()->setSelection(16, 32);
}

void TestShortcuts::menuMnemonicsAreUnique()
{
    QStringList failures;
    QStringList top;
    for (const QAction *action : m_window->menuBar()->actions()) {
        top << action->text();
        if (action->menu())
            checkMenu(action->menu(), plain(action->text()), failures);
    }
    checkScope(QStringLiteral("menu bar"), top, failures);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n')));

    // The bytes-per-line items have mnemonics of their own.
    int perLine = 0;
    for (const QMenu *menu : m_window->findChildren<QMenu *>()) {
        if (plain(menu->title()) != menuText("&Bytes per Line"))
            continue;
        for (const QAction *action : menu->actions()) {
            QVERIFY2(!mnemonicOf(action->text()).isEmpty(), qPrintable(action->text()));
            ++perLine;
        }
    }
    QVERIFY(perLine >= 4);
}

void TestShortcuts::dialogMnemonicsAreUnique()
{
    const QList<QAction *> actions = dialogActions(m_window->menuBar());
    QVERIFY(actions.size() >= 10);
    QStringList failures;
    for (QAction *action : actions) {
        QVERIFY2(action->isEnabled(), qPrintable(action->text()));
        DialogWatcher watcher([&](QDialog *dialog) {
            checkDialog(dialog, failures);
            dialog->reject();
        });
        action->trigger();
        QTRY_VERIFY2(watcher.seen() > 0, qPrintable(action->text() + " opened no dialog"));
        QTRY_VERIFY(!anyDialogVisible());
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n')));
}

void TestShortcuts::closePromptsHaveUniqueMnemonics_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("scratch");
    QTest::newRow("in place") << int(Document::Mode::InPlace) << false;
    QTest::newRow("copy-on-write") << int(Document::Mode::CopyOnWrite) << false;
    QTest::newRow("scratch") << int(Document::Mode::InPlace) << true;
}

void TestShortcuts::closePromptsHaveUniqueMnemonics()
{
    QFETCH(int, mode);
    QFETCH(bool, scratch);
    if (scratch) {
        QAction *make = nullptr;
        for (QAction *action : dialogActions(m_window->menuBar())) {
            if (plain(action->text()) == menuText("&New Scratch Buffer…"))
                make = action;
        }
        QVERIFY(make);
        const int before = m_window->tabCount();
        {
            DialogWatcher accept([](QDialog *dialog) { dialog->accept(); });
            make->trigger();
        }
        QCOMPARE(m_window->tabCount(), before + 1);
    } else {
        Document::OpenOptions options;
        options.mode = Document::Mode(mode);
        QVERIFY(m_window->openFile(QString::fromStdString(m_file->path()), options));
    }
    QVERIFY(m_window->currentTab()->view()->editor()->typeText(QStringLiteral("41")));
    QVERIFY(m_window->currentTab()->document()->hasUnsavedChanges());

    QStringList failures;
    QStringList buttons;
    DialogWatcher watcher([&](QDialog *dialog) {
        checkDialog(dialog, failures);
        for (const QAbstractButton *button : dialog->findChildren<QAbstractButton *>())
            buttons << button->text();
        dialog->reject();
    });
    QVERIFY(!m_window->closeTab(m_window->tabCount() - 1));
    QCOMPARE(watcher.seen(), 1);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n')));
    QVERIFY(buttons.size() >= 3);
    for (const QString &text : std::as_const(buttons))
        QVERIFY2(!mnemonicOf(text).isEmpty(), qPrintable(text + " has no mnemonic"));
}

void TestShortcuts::shortcutsAreUnique()
{
    // Every key sequence of the window and who takes it.
    QMap<QString, QStringList> owners;
    const auto own = [&](const QList<QKeySequence> &keys, const QString &owner) {
        for (const QKeySequence &key : keys) {
            QStringList &list = owners[key.toString(QKeySequence::PortableText)];
            if (!list.contains(owner))
                list << owner;
        }
    };
    int actions = 0;
    for (const QAction *action : m_window->findChildren<QAction *>()) {
        if (!action->shortcuts().isEmpty()) {
            own(action->shortcuts(), QStringLiteral("action \"%1\"").arg(plain(action->text())));
            ++actions;
        }
    }
    for (const QShortcut *shortcut : m_window->findChildren<QShortcut *>())
        own(shortcut->keys(), QStringLiteral("shortcut %1").arg(shortcut->objectName()));
    for (const HexView::KeyHelp &help : HexView::keyTable())
        own(help.keys, QStringLiteral("hex view \"%1\"").arg(help.what));
    QVERIFY(actions >= 20);

    QStringList failures;
    for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
        if (it.value().size() > 1)
            failures << QStringLiteral("%1 is taken by %2")
                            .arg(it.key(), it.value().join(QStringLiteral(" and ")));
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n')));
}

// Where the platform theme gives a standard action other keys or none, the usual ones
// are there too.
void TestShortcuts::standardShortcutsHaveTheirExplicitKeys()
{
    QMap<QString, QList<QKeySequence>> keys;
    for (const QAction *action : m_window->findChildren<QAction *>())
        keys[plain(action->text())] = action->shortcuts();
    QVERIFY(keys.value(menuText("&Quit")).contains(QKeySequence(Qt::CTRL | Qt::Key_Q)));
    QVERIFY(keys.value(menuText("&Close")).contains(QKeySequence(Qt::CTRL | Qt::Key_W)));
    QVERIFY(keys.value(menuText("Reset &Zoom")).contains(QKeySequence(Qt::CTRL | Qt::Key_0)));
    const QList<QKeySequence> redo = keys.value(menuText("&Redo"));
    QVERIFY(redo.contains(QKeySequence(Qt::CTRL | Qt::Key_Y)));
    QVERIFY(redo.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Redo))
        QVERIFY(redo.contains(key)); // the platform's own are kept
}

void TestShortcuts::shortcutsPageListsEveryShortcut()
{
    QAction *open = nullptr;
    for (QAction *action : dialogActions(m_window->menuBar())) {
        if (plain(action->text()) == menuText("&Keyboard Shortcuts"))
            open = action;
    }
    QVERIFY(open);
    QSet<QString> listed; // "command\tkeys"
    DialogWatcher watcher([&](QDialog *dialog) {
        if (const auto *page = qobject_cast<ShortcutsDialog *>(dialog)) {
            const QTableWidget *table = page->table();
            for (int row = 0; row < table->rowCount(); ++row)
                listed << table->item(row, 1)->text() + '\t' + table->item(row, 2)->text();
        }
        dialog->reject();
    });
    open->trigger();
    QTRY_VERIFY(watcher.seen() > 0);

    const auto native = [](const QList<QKeySequence> &keys) {
        QStringList texts;
        for (const QKeySequence &key : keys)
            texts << key.toString(QKeySequence::NativeText);
        return texts.join(QStringLiteral(", "));
    };
    int checked = 0;
    for (const QAction *action : m_window->findChildren<QAction *>()) {
        if (action->shortcuts().isEmpty() || action->shortcutContext() == Qt::WidgetShortcut)
            continue;
        const QString entry = plain(action->text()) + '\t' + native(action->shortcuts());
        QVERIFY2(listed.contains(entry), qPrintable(entry));
        ++checked;
    }
    QVERIFY(checked >= 20);
    for (const HexView::KeyHelp &help : HexView::keyTable())
        QVERIFY2(listed.contains(help.what + '\t' + native(help.keys)), qPrintable(help.what));
}

// The window speaks the language it runs in: its menus, and Qt's own buttons in its dialogs.
void TestShortcuts::speaksTheLocale()
{
    struct Words
    {
        QString fileMenu;
        QString cancel;
    };
    const QHash<QString, Words> words {
        {QString(), {QStringLiteral("&File"), QStringLiteral("Cancel")}},
        {QStringLiteral("de"), {QStringLiteral("&Datei"), QStringLiteral("Abbrechen")}},
    };
    QVERIFY2(words.contains(testLocale()), qPrintable(testLocale() + " has no expected words"));
    const Words expected = words.value(testLocale());
    QCOMPARE(m_window->menuBar()->actions().first()->text(), expected.fileMenu);

    QAction *goTo = nullptr;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (plain(action->text()) == menuText("&Go to Offset…"))
            goTo = action;
    }
    QVERIFY(goTo);
    QString cancel;
    DialogWatcher watcher([&](QDialog *dialog) {
        if (const auto *buttons = dialog->findChild<QDialogButtonBox *>())
            cancel = plain(buttons->button(QDialogButtonBox::Cancel)->text());
        dialog->reject();
    });
    goTo->trigger();
    QTRY_VERIFY(watcher.seen() > 0);
    QCOMPARE(cancel, expected.cancel);
}

QTEST_MAIN(TestShortcuts)
#include "tst_shortcuts.moc"
