#pragma once

#include <QUndoCommand>

namespace hexmap {

// An undo step over a Document. undo() and redo() run apply(), which either succeeds or
// leaves the bytes as they were; a step that failed says so, so that Document::undo/redo
// can put the stack back where it was (a step that cannot be done now stays, and may be
// done later). It is pushed already applied rather than applied by push(), as Qt's
// commands are: QUndoStack::push drops the redo steps before it runs redo(), so a write
// that failed there (a full disk) would lose them although it changed nothing.
class HexCommand : public QUndoCommand
{
public:
    // The id() of typing steps, which merge (with mergeWith()) when they touch.
    static constexpr int kTypingId = 0x6865;

    void undo() final { run(false); }
    void redo() final { run(true); }

    // Whether the last undo() or redo() failed (and changed nothing).
    [[nodiscard]] bool failed() const { return m_failed; }
    // The next undo() or redo() does nothing: the bytes are already in that state.
    void skipNext() { m_skipNext = true; }
    // Before an undo() or redo() of a step made of several parts: keeps the bytes as
    // they are now, for putBack() should another part of the step fail.
    virtual void keepCurrent() { }
    // Brings the bytes back to what keepCurrent() saw (by default: reverses the last
    // undo() or redo()). False if it could not.
    virtual bool putBack() { return apply(!m_lastForward); }

protected:
    // Brings the bytes to the state after the step (forward) or before it.
    virtual bool apply(bool forward) = 0;

private:
    void run(bool forward)
    {
        m_failed = false;
        m_lastForward = forward;
        if (m_skipNext) {
            m_skipNext = false;
            return;
        }
        m_failed = !apply(forward);
    }

    bool m_failed = false;
    bool m_lastForward = true;
    bool m_skipNext = true; // pushed applied: the push's redo() has nothing to do
};

} // namespace hexmap
