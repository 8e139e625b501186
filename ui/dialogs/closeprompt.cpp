#include "closeprompt.h"

#include "document.h"

#include <QMessageBox>
#include <QPushButton>

namespace hexmap {

CloseChoice askBeforeClosing(QWidget *parent, const Document &document)
{
    QMessageBox box(parent);
    box.setObjectName(QStringLiteral("closePrompt"));
    box.setIcon(QMessageBox::Warning);
    box.setWindowTitle(QObject::tr("Close %1").arg(document.title()));
    QList<std::pair<QAbstractButton *, CloseChoice>> choices;
    const auto add = [&](const QString &text, QMessageBox::ButtonRole role, CloseChoice choice) {
        QPushButton *button = box.addButton(text, role);
        choices.append({button, choice});
        return button;
    };
    if (document.isScratch()) {
        box.setText(QObject::tr("The scratch buffer has never been written to a file."));
        box.setInformativeText(QObject::tr("Save it to a file, or discard its bytes?"));
        box.setDefaultButton(
            add(QObject::tr("Save &As…"), QMessageBox::AcceptRole, CloseChoice::SaveAs));
        add(QObject::tr("&Discard"), QMessageBox::DestructiveRole, CloseChoice::Discard);
    } else if (document.mode() == Document::Mode::CopyOnWrite) {
        box.setText(QObject::tr("%1 has changes that are not saved.").arg(document.title()));
        box.setInformativeText(
            QObject::tr("The file is untouched until you save. Save the modified bytes into it, "
                        "or discard them?"));
        box.setDefaultButton(add(QObject::tr("&Save"), QMessageBox::AcceptRole, CloseChoice::Save));
        add(QObject::tr("&Discard"), QMessageBox::DestructiveRole, CloseChoice::Discard);
    } else {
        box.setText(
            QObject::tr("%1 has edits that are not flushed to disk.").arg(document.title()));
        box.setInformativeText(document.canRevert()
                ? QObject::tr(
                    "Flush makes them durable now; Revert undoes them back to the last flush.")
                : QObject::tr("Flush makes them durable now. They cannot be reverted: the undo "
                              "history no longer reaches the last flush."));
        box.setDefaultButton(
            add(QObject::tr("&Flush"), QMessageBox::AcceptRole, CloseChoice::Flush));
        add(QObject::tr("&Revert"), QMessageBox::DestructiveRole, CloseChoice::Revert)
            ->setEnabled(document.canRevert());
    }
    box.setEscapeButton(add(QObject::tr("&Cancel"), QMessageBox::RejectRole, CloseChoice::Cancel));
    box.exec();
    for (const auto &[button, choice] : choices) {
        if (box.clickedButton() == button)
            return choice;
    }
    return CloseChoice::Cancel;
}

} // namespace hexmap
