// The view settings read back from the settings file: whatever the file holds (5000,
// NaN, inf, -3, text), what comes out is a value the view can use; and the main
// window applies what comes out.
#include "byteclass.h"
#include "cellpixels.h"
#include "document.h"
#include "documenttab.h"
#include "hexview.h"
#include "mainwindow.h"
#include "residencystrip.h"
#include "scratchfile.h"
#include "viewsettings.h"

#include <QComboBox>
#include <QMenu>
#include <QtTest>

using namespace hexmap;

Q_DECLARE_METATYPE(std::optional<qreal>)

class TestViewSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void fileWrittenByHand();
    void pointSize_data();
    void pointSize();
    void bytesPerLine_data();
    void bytesPerLine();
    void residencyMap_data();
    void residencyMap();
    void recentFiles_data();
    void recentFiles();
    void addRecentFileKeepsTheLimit();
    void windowAppliesCheckedValues_data();
    void windowAppliesCheckedValues();
    void textEncoding_data();
    void textEncoding();
    void textEncodingChosenInTheMenu();
};

void TestViewSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("hexmap-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_viewsettings"));
    // Written as text before anything reads it: what a person or a broken program left.
    const QString path = QSettings().fileName();
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("[General]\n"
               "recentFiles=relative.bin, /data/a.bin, /data/a.bin, , /data/b.bin\n"
               "[view]\n"
               "pointSize=5000\n"
               "bytesPerLine=garbage\n"
               "residencyMap=garbage\n"
               "textEncoding=EBCDIC-nonsense\n");
}

void TestViewSettings::init()
{
    if (QTest::currentTestFunction() != QLatin1String("fileWrittenByHand"))
        QSettings().clear();
}

void TestViewSettings::fileWrittenByHand()
{
    const ViewSettings settings;
    QCOMPARE(settings.pointSize(), std::optional<qreal>(ViewSettings::kMaxPointSize));
    QCOMPARE(settings.bytesPerLine(), ViewSettings::kDefaultBytesPerLine);
    QCOMPARE(settings.isResidencyMapVisible(), true);
    QCOMPARE(settings.textEncoding(), TextEncoding::Ascii);
    QCOMPARE(settings.recentFiles(), QStringList({"/data/a.bin", "/data/b.bin"}));
}

void TestViewSettings::pointSize_data()
{
    QTest::addColumn<QVariant>("stored"); // invalid: not set
    QTest::addColumn<std::optional<qreal>>("expected");

    const std::optional<qreal> none;
    QTest::newRow("not set") << QVariant() << none;
    QTest::newRow("12.5") << QVariant("12.5") << std::optional<qreal>(12.5);
    QTest::newRow("5000") << QVariant("5000") << std::optional<qreal>(ViewSettings::kMaxPointSize);
    QTest::newRow("5000.0 as a number")
        << QVariant(5000.0) << std::optional<qreal>(ViewSettings::kMaxPointSize);
    QTest::newRow("-3") << QVariant("-3") << std::optional<qreal>(ViewSettings::kMinPointSize);
    QTest::newRow("0") << QVariant("0") << std::optional<qreal>(ViewSettings::kMinPointSize);
    QTest::newRow("nan") << QVariant("nan") << none;
    QTest::newRow("NaN as a number") << QVariant(qQNaN()) << none;
    QTest::newRow("inf") << QVariant("inf") << none;
    QTest::newRow("-inf") << QVariant("-inf") << none;
    QTest::newRow("inf as a number") << QVariant(qInf()) << none;
    QTest::newRow("1e400") << QVariant("1e400") << none;
    QTest::newRow("garbage") << QVariant("garbage") << none;
    QTest::newRow("empty") << QVariant("") << none;
    QTest::newRow("a list") << QVariant(QStringList {"1", "2"}) << none;
}

void TestViewSettings::pointSize()
{
    QFETCH(QVariant, stored);
    QFETCH(std::optional<qreal>, expected);

    if (stored.isValid())
        QSettings().setValue("view/pointSize", stored);
    QCOMPARE(ViewSettings().pointSize(), expected);
}

void TestViewSettings::bytesPerLine_data()
{
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<int>("expected");

    QTest::newRow("not set") << QVariant() << 16;
    QTest::newRow("8") << QVariant("8") << 8;
    QTest::newRow("32") << QVariant("32") << 32;
    QTest::newRow("fit to width") << QVariant("0") << int(HexView::kFitToWidth);
    QTest::newRow("32 as a number") << QVariant(32) << 32;
    QTest::newRow("12, not offered") << QVariant("12") << 16;
    QTest::newRow("5000") << QVariant("5000") << 16;
    QTest::newRow("-3") << QVariant("-3") << 16;
    QTest::newRow("2^31") << QVariant("2147483648") << 16;
    QTest::newRow("nan") << QVariant("nan") << 16;
    QTest::newRow("garbage") << QVariant("garbage") << 16;
}

void TestViewSettings::bytesPerLine()
{
    QFETCH(QVariant, stored);
    QFETCH(int, expected);

    if (stored.isValid())
        QSettings().setValue("view/bytesPerLine", stored);
    QCOMPARE(ViewSettings().bytesPerLine(), expected);
}

void TestViewSettings::residencyMap_data()
{
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<bool>("expected");

    QTest::newRow("not set") << QVariant() << true;
    QTest::newRow("true") << QVariant("true") << true;
    QTest::newRow("false") << QVariant("false") << false;
    QTest::newRow("False") << QVariant(" False ") << false;
    QTest::newRow("0") << QVariant("0") << false;
    QTest::newRow("false as a bool") << QVariant(false) << false;
    QTest::newRow("garbage") << QVariant("garbage") << true;
    QTest::newRow("nan") << QVariant("nan") << true;
}

void TestViewSettings::residencyMap()
{
    QFETCH(QVariant, stored);
    QFETCH(bool, expected);

    if (stored.isValid())
        QSettings().setValue("view/residencyMap", stored);
    QCOMPARE(ViewSettings().isResidencyMapVisible(), expected);
}

void TestViewSettings::recentFiles_data()
{
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<QStringList>("expected");

    QStringList many;
    for (int i = 0; i < 5000; ++i)
        many << QStringLiteral("/data/%1.bin").arg(i);
    QTest::newRow("not set") << QVariant() << QStringList();
    QTest::newRow("two") << QVariant(QStringList {"/a", "/b"}) << QStringList {"/a", "/b"};
    QTest::newRow("5000") << QVariant(many) << many.mid(0, ViewSettings::kMaxRecentFiles);
    QTest::newRow("repeats, empty and relative")
        << QVariant(QStringList {"/a", "", "b", "/a", "./c", "/c"}) << QStringList {"/a", "/c"};
    QTest::newRow("too long") << QVariant(QStringList {"/" + QString(5000, 'x'), "/a"})
                              << QStringList {"/a"};
    QTest::newRow("a NUL") << QVariant(QStringList {QStringLiteral("/a") + QChar(0) + "b"})
                           << QStringList();
    QTest::newRow("garbage") << QVariant("garbage") << QStringList();
    QTest::newRow("a number") << QVariant(5) << QStringList();
}

void TestViewSettings::recentFiles()
{
    QFETCH(QVariant, stored);
    QFETCH(QStringList, expected);

    if (stored.isValid())
        QSettings().setValue("recentFiles", stored);
    QCOMPARE(ViewSettings().recentFiles(), expected);
}

void TestViewSettings::addRecentFileKeepsTheLimit()
{
    ViewSettings settings;
    for (int i = 0; i < 15; ++i)
        settings.addRecentFile(QStringLiteral("/data/%1").arg(i));
    settings.addRecentFile(QStringLiteral("/data/12"));
    const QStringList recent = settings.recentFiles();
    QCOMPARE(recent.size(), ViewSettings::kMaxRecentFiles);
    QCOMPARE(recent.first(), QStringLiteral("/data/12"));
    QCOMPARE(recent.at(1), QStringLiteral("/data/14"));
    QCOMPARE(recent.count(QStringLiteral("/data/12")), 1);
}

void TestViewSettings::windowAppliesCheckedValues_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<qreal>("pointSize"); // 0: the view's default font

    const qreal defaultSize = HexView().font().pointSizeF();
    QTest::newRow("pointSize 5000")
        << "view/pointSize" << QVariant("5000") << ViewSettings::kMaxPointSize;
    QTest::newRow("pointSize -3") << "view/pointSize" << QVariant("-3")
                                  << ViewSettings::kMinPointSize;
    QTest::newRow("pointSize nan") << "view/pointSize" << QVariant("nan") << defaultSize;
    QTest::newRow("pointSize inf") << "view/pointSize" << QVariant("inf") << defaultSize;
    QTest::newRow("bytesPerLine 5000") << "view/bytesPerLine" << QVariant("5000") << defaultSize;
    QTest::newRow("bytesPerLine -3") << "view/bytesPerLine" << QVariant("-3") << defaultSize;
    QStringList many;
    for (int i = 0; i < 50; ++i)
        many << QStringLiteral("/data/%1.bin").arg(i);
    QTest::newRow("50 recent files") << "recentFiles" << QVariant(many) << defaultSize;
    QTest::newRow("relative recent files")
        << "recentFiles" << QVariant(QStringList {"", "a", "b"}) << defaultSize;
}

void TestViewSettings::windowAppliesCheckedValues()
{
    QFETCH(QString, key);
    QFETCH(QVariant, stored);
    QFETCH(qreal, pointSize);

    QSettings().setValue(key, stored);
    MainWindow window;
    window.show();
    const QMenu *recent = nullptr;
    for (const QMenu *menu : window.findChildren<QMenu *>()) {
        if (menu->title() == QLatin1String("Open &Recent"))
            recent = menu;
    }
    QVERIFY(recent);
    QVERIFY(recent->actions().size() <= ViewSettings::kMaxRecentFiles);
    for (const QAction *action : recent->actions())
        QVERIFY2(QDir::isAbsolutePath(action->text()), qPrintable(action->text()));

    ScratchFile file(QByteArray(5000, 'x'));
    QVERIFY(window.openFile(QString::fromStdString(file.path())));
    const HexView *view = window.currentTab()->view();
    QCOMPARE(view->font().pointSizeF(), pointSize);
    QCOMPARE(view->layout().bytesPerLine(), ViewSettings::kDefaultBytesPerLine);
    QVERIFY(window.currentTab()->residencyStrip()->isVisibleTo(&window));
}

void TestViewSettings::textEncoding_data()
{
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<TextEncoding>("expected");
    QTest::newRow("not set") << QVariant() << TextEncoding::Ascii;
    QTest::newRow("IBM037") << QVariant("IBM037") << TextEncoding::Ibm037;
    QTest::newRow("lower case") << QVariant("shift_jis") << TextEncoding::ShiftJis;
    QTest::newRow("unknown") << QVariant("EBCDIC-nonsense") << TextEncoding::Ascii;
    QTest::newRow("a number") << QVariant(3) << TextEncoding::Ascii;
}

void TestViewSettings::textEncoding()
{
    QFETCH(QVariant, stored);
    QFETCH(TextEncoding, expected);
    if (stored.isValid())
        QSettings().setValue("view/textEncoding", stored);
    QCOMPARE(ViewSettings().textEncoding(), expected);
    for (const TextEncoding encoding : textEncodings()) { // and every one reads back
        ViewSettings().setTextEncoding(encoding);
        QCOMPARE(ViewSettings().textEncoding(), encoding);
    }
}

// View ▸ Text Encoding in the real window: the text pane shows UTF-8 ("é" on its lead
// byte, its continuation byte no longer a '.'), typing and copying in the text pane
// follow it, Find's text is searched in it, and the next window starts with it.
void TestViewSettings::textEncodingChosenInTheMenu()
{
    const QByteArray text = "a\xc3\xa9z"; // "aéz" in UTF-8
    ScratchFile file(text + QByteArray(12, '.'));
    MainWindow window;
    window.show();
    QVERIFY(window.openFile(QString::fromStdString(file.path())));
    HexView *view = window.currentTab()->view();
    const QColor nonAscii = byteColor(ByteClass::NonAscii, view->palette());
    const QImage before = cellpixels::picture(*view);
    QCOMPARE(before.copy(cellpixels::cellRect(*view, 1, Pane::Text)),
        cellpixels::expectedCell(*view, Pane::Text, QStringLiteral("."), nonAscii));

    QAction *utf8 = nullptr;
    for (QMenu *menu : window.findChildren<QMenu *>()) {
        if (menu->title() == QLatin1String("Te&xt Encoding")) {
            for (QAction *action : menu->actions()) {
                if (action->text() == QLatin1String("UTF-8"))
                    utf8 = action;
            }
        }
    }
    QVERIFY(utf8);
    utf8->trigger();
    QCOMPARE(view->textEncoding(), TextEncoding::Utf8);
    const QImage after = cellpixels::picture(*view);
    // The glyph of 'é' above the baseline (below it, the underline that marks the
    // continuation byte); the continuation cell no longer shows a '.'.
    const QRect lead = cellpixels::cellRect(*view, 1, Pane::Text);
    const int ascent = QFontMetrics(view->font()).ascent();
    QCOMPARE(after.copy(lead).copy(0, 0, lead.width(), ascent),
        cellpixels::expectedCell(*view, Pane::Text, QStringLiteral("\u00e9"), nonAscii)
            .copy(0, 0, lead.width(), ascent));
    QVERIFY(after.copy(cellpixels::cellRect(*view, 2, Pane::Text))
        != before.copy(cellpixels::cellRect(*view, 2, Pane::Text)));

    view->setActivePane(Pane::Text);
    view->setSelection(0, 4);
    const auto copied = view->editor()->copyData();
    QCOMPARE(QString::fromUtf8(copied->data("text/plain")), QStringLiteral("a\u00e9z"));
    view->setCursorOffset(4);
    QTest::sendKeyEvent(QTest::Click, view, Qt::Key_unknown, QStringLiteral("\u00fc"), {});
    QCOMPARE(file.contents().mid(4, 3), "\xc3\xbc.");

    const auto *encoding = window.findChild<QComboBox *>(QStringLiteral("encoding"));
    QVERIFY(encoding);
    QCOMPARE(encoding->currentText(), QStringLiteral("UTF-8"));
    MainWindow next;
    QVERIFY(next.openFile(QString::fromStdString(file.path())));
    QCOMPARE(next.currentTab()->view()->textEncoding(), TextEncoding::Utf8);
}

QTEST_MAIN(TestViewSettings)
#include "tst_viewsettings.moc"
