// Tools ▸ Hashes and Checksums, Tools ▸ Statistics and the entropy strip, end to end in
// the real window: the shortcuts open the dialogs over the current tab's selection, the
// results are those of independent tools, and the strip samples the file.
#include "documenttab.h"
#include "entropystrip.h"
#include "hashdialog.h"
#include "hexview.h"
#include "mainwindow.h"
#include "scratchfile.h"
#include "statisticsdialog.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

#include <functional>

using namespace hexmap;

namespace {

// Runs check on the modal dialog of type D once it is up, then closes it; the shortcut
// that opens it is pressed by the caller (exec() blocks until the dialog is closed).
template <typename D> void whenOpen(const std::function<void(D *)> &check)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, check] {
        auto *dialog = qobject_cast<D *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        timer->stop();
        timer->deleteLater();
        check(dialog);
        dialog->reject();
    });
    timer->start();
}

QString sha256(const QByteArray &bytes)
{
    QProcess process;
    process.start(QStringLiteral("sha256sum"), {QStringLiteral("-")});
    process.write(bytes);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    return QString::fromLatin1(process.readAllStandardOutput()).section(QLatin1Char(' '), 0, 0);
}

} // namespace

class TestTools : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hashesStatisticsAndEntropyStrip();
};

void TestTools::initTestCase()
{
    static QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit()); // keep the user's settings out
    QCoreApplication::setOrganizationName(QStringLiteral("hexmap-test"));
    QCoreApplication::setApplicationName(QStringLiteral("hexmap-test"));
}

void TestTools::hashesStatisticsAndEntropyStrip()
{
    QByteArray bytes(64 << 10, 'A');
    for (int i = 32 << 10; i < bytes.size(); ++i)
        bytes[i] = char((i * 2654435761u) >> 13);
    ScratchFile file(bytes);
    MainWindow window;
    window.resize(1000, 600);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.openFile(QString::fromStdString(file.path())));
    DocumentTab *tab = window.currentTab();
    tab->view()->setSelection(0x100, 0x1000);

    bool hashed = false;
    whenOpen<HashDialog>([&](HashDialog *dialog) {
        QSignalSpy computed(dialog, &HashDialog::computed);
        QVERIFY(computed.wait(60000) || !dialog->isComputing());
        QCOMPARE(dialog->digest(DigestAlgorithm::Sha256), sha256(bytes.mid(0x100, 0x1000)));
        hashed = true;
    });
    QTest::keyClick(&window, Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(hashed);

    // The closed dialog took the focus with it: back to the window, as a user clicks.
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    bool counted = false;
    whenOpen<StatisticsDialog>([&](StatisticsDialog *dialog) {
        QSignalSpy computed(dialog, &StatisticsDialog::computed);
        QVERIFY(computed.wait(60000) || !dialog->isComputing());
        QCOMPARE(dialog->histogram().total(), 0x1000u);
        QCOMPARE(dialog->histogram().count('A'), 0x1000u);
        counted = true;
    });
    QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(counted);

    EntropyStrip *strip = tab->entropyStrip();
    QVERIFY(strip->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(strip->samples().bits.size(), strip->height(), 10000);
    QCOMPARE(strip->samples().bits.first(), 0.0f); // the run of 'A'
    QVERIFY(strip->samples().bits.last() > 5.0f); // the scrambled half (~130 bytes a row)
}

QTEST_MAIN(TestTools)
#include "tst_tools.moc"
