#pragma once
// Test support: answers the next modal message box the way a user would, by clicking
// a button once the box is up. The answer is bound to the prompt it expects (a part of
// its text) and to a deadline, and the test asserts it was given:
//
//     PromptAnswer cancel = answerNextPrompt("not flushed", "Cancel");
//     QVERIFY(!window.closeTab(0));
//     QVERIFY2(cancel.answered(), cancel.failure());
//
// so that an answer whose prompt never came fails the test instead of clicking a
// later, different box. A box that is not the expected one is closed with Escape
// (the test fails), so that nothing waits forever on it.

#include <QAbstractButton>
#include <QApplication>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QTimer>
#include <QtTest>

#include <memory>

class PromptAnswer
{
public:
    PromptAnswer(const QString &prompt, const QString &button, int timeoutMs)
        : m_state(std::make_shared<State>())
    {
        m_state->prompt = prompt;
        m_state->button = button;
        m_state->timeoutMs = timeoutMs;
        m_state->timer.setInterval(10);
        m_state->clock.start();
        std::weak_ptr<State> weak = m_state;
        QObject::connect(&m_state->timer, &QTimer::timeout, [weak] {
            if (const auto state = weak.lock())
                state->poll();
        });
        m_state->timer.start();
    }
    PromptAnswer(PromptAnswer &&) = default;
    PromptAnswer &operator=(PromptAnswer &&) = default;
    // A safety net for a test that forgot to ask: an unanswered prompt fails it here.
    ~PromptAnswer()
    {
        if (!m_state || m_state->checked)
            return;
        m_state->timer.stop();
        if (!m_state->answered && !QTest::currentTestFailed())
            QTest::qFail(failure(), __FILE__, __LINE__);
    }

    // Stops waiting. True once the expected box was up and its button clicked.
    [[nodiscard]] bool answered()
    {
        m_state->timer.stop();
        m_state->checked = true;
        return m_state->answered;
    }
    // Why the prompt was not answered (as far as is known when asked).
    [[nodiscard]] const char *failure()
    {
        if (m_state->failure.isEmpty())
            m_state->failure
                = QStringLiteral("the prompt \"%1\" never came").arg(m_state->prompt).toUtf8();
        return m_state->failure.constData();
    }

private:
    struct State
    {
        QString prompt;
        QString button;
        int timeoutMs = 0;
        QTimer timer;
        QElapsedTimer clock;
        QByteArray failure;
        bool answered = false;
        bool checked = false; // answered() was asked

        // Also logged at once, so that the cause shows beside whatever fails next.
        void fail(const QString &why)
        {
            failure = why.toUtf8();
            qWarning("answerNextPrompt: %s", failure.constData());
        }

        void poll()
        {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box) {
                if (clock.elapsed() > timeoutMs) {
                    timer.stop();
                    fail(QStringLiteral("no prompt \"%1\" came within %2 ms")
                             .arg(prompt)
                             .arg(timeoutMs));
                }
                return;
            }
            timer.stop();
            const QString text = box->text() + '\n' + box->informativeText();
            if (!text.contains(prompt)) {
                fail(QStringLiteral("expected a prompt \"%1\", got \"%2\"").arg(prompt, text));
                QTest::keyClick(box, Qt::Key_Escape);
                return;
            }
            // Buttons are told by their texts as read, with or without the mnemonic's &.
            const auto read = [](QString text) { return text.remove('&'); };
            for (QAbstractButton *candidate : box->buttons()) {
                if (read(candidate->text()) != read(button))
                    continue;
                if (!candidate->isEnabled())
                    break;
                answered = true;
                candidate->click();
                return;
            }
            fail(QStringLiteral("the prompt \"%1\" has no enabled button %2").arg(prompt, button));
            QTest::keyClick(box, Qt::Key_Escape);
        }
    };

    std::shared_ptr<State> m_state;
};

// Answers the next message box whose text or informative text contains prompt, by
// clicking button; gives up after timeoutMs. Check answered() after the action.
[[nodiscard]] inline PromptAnswer answerNextPrompt(
    const QString &prompt, const QString &button, int timeoutMs = 5000)
{
    return PromptAnswer(prompt, button, timeoutMs);
}
