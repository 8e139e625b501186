#pragma once
// Test support: answers the next modal message box the way a user would, by clicking
// the button with the given text once the box is up.

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QTimer>
#include <QtTest>

inline void answerNextPrompt(const QString &text)
{
    auto *timer = new QTimer;
    QObject::connect(timer, &QTimer::timeout, [timer, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        timer->stop();
        timer->deleteLater();
        for (QAbstractButton *button : box->buttons()) {
            if (button->text() == text) {
                QVERIFY2(button->isEnabled(), qPrintable(text + " is disabled"));
                button->click();
                return;
            }
        }
        QFAIL(qPrintable("no button " + text));
    });
    timer->start(10);
}
