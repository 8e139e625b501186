#include "splicehooks.h"

#include "document.h"
#include "inputparsing.h"
#include "jobrunner.h"

#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>

#include <memory>

namespace hexmap {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("hexmap", text);
}

bool approve(QWidget *window, const Document::SpliceCost &cost)
{
    const QLocale locale;
    QStringList said;
    if (cost.firstLargeShift) {
        said << tr("This moves %1 of the file in place. A crash or power loss while they move "
                   "leaves the file half shifted, and Flush makes them durable only once it "
                   "has written them all. Keep a copy of what you cannot lose. (Said once per "
                   "file.)")
                    .arg(locale.formattedDataSize(cost.moved));
    }
    if (!cost.undoable) {
        said << tr("It removes %1, more than the %2 that undo keeps: it cannot be undone, and "
                   "the undo history is cleared.")
                    .arg(locale.formattedDataSize(cost.removed),
                        locale.formattedDataSize(Document::kMaxUndoableRemove));
    }
    return QMessageBox::question(window, tr("Insert or Delete"), said.join(QStringLiteral("\n\n")),
               QMessageBox::Ok | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Ok;
}
} // namespace

void installSpliceHooks(Document &document, QWidget *window)
{
    // One dialog per move, made at its first report and gone at its last.
    auto dialog = std::make_shared<QPointer<QProgressDialog>>();
    const auto progress = [window, dialog](qint64 done, qint64 total) {
        if (done >= total) {
            delete dialog->data();
            return true;
        }
        if (!*dialog) {
            *dialog = new QProgressDialog(tr("Moving the bytes after the edit…"), QString(), 0,
                JobControl::kPermille, window);
            (*dialog)->setWindowModality(Qt::WindowModal); // no edit while bytes move
            (*dialog)->setMinimumDuration(300);
        }
        (*dialog)->setValue(JobControl::permille(done, total));
        return true;
    };
    document.setSpliceHooks(
        [window](const Document::SpliceCost &cost) { return approve(window, cost); }, progress);
}

} // namespace hexmap
