#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QLabel;
class QStatusBar;

namespace hexmap {

class DocumentTab;

// The status bar's fields for the current tab: cursor offset (hex and decimal), the
// byte there, the selection, map length and file size, access mode, and whether
// there are edits not yet flushed or saved.
class StatusFields : public QObject
{
    Q_OBJECT

public:
    explicit StatusFields(QStatusBar *bar);
    // Follows tab (nullptr: clears the fields).
    void track(DocumentTab *tab);
    // All fields, separated by " | " (for tests and accessibility).
    [[nodiscard]] QString text() const;

private:
    void refresh();

    QPointer<DocumentTab> m_tab;
    QList<QMetaObject::Connection> m_connections;
    QList<QLabel *> m_fields;
    QLabel *m_offset;
    QLabel *m_value;
    QLabel *m_selection;
    QLabel *m_size;
    QLabel *m_mode;
    QLabel *m_typing;
    QLabel *m_modified;
};

} // namespace hexmap
