#pragma once

#include "valuecodec.h"

#include <QList>
#include <QMetaObject>
#include <QObject>
#include <QPointer>

namespace hexmap {

class Document;
class Editor;

// The value inspector without its widget: the bytes at an editor's cursor read as every
// values::Type, in the chosen byte order, and a typed value written back there as one
// undo step. It follows the editor's cursor and its document's changes.
class ValueInspector : public QObject
{
    Q_OBJECT

public:
    explicit ValueInspector(QObject *parent = nullptr);

    // Follows editor (nullptr: nothing to inspect); the editor is not owned.
    void setEditor(Editor *editor);
    [[nodiscard]] Editor *editor() const { return m_editor; }
    [[nodiscard]] bool isBigEndian() const { return m_bigEndian; }
    void setBigEndian(bool bigEndian);

    // The value of type at the cursor now, or why there is none.
    [[nodiscard]] values::Decoded value(values::Type type) const;
    // Why a write is refused now (no document, a read-only map), or empty.
    [[nodiscard]] QString whyNotWrite() const;
    // Writes text as type at the cursor, as one undo step. False, writing nothing, when
    // text is not a value of type, the map is read-only or the write failed (a truncated
    // file); lastError() says why.
    bool write(values::Type type, const QString &text);
    [[nodiscard]] QString lastError() const { return m_lastError; }

signals:
    // The cursor moved, the bytes under it or the byte order changed, or another editor
    // is followed: every value may differ. Once per operation.
    void changed();

private:
    [[nodiscard]] Document *document() const;

    QPointer<Editor> m_editor;
    QList<QMetaObject::Connection> m_connections;
    bool m_bigEndian = false;
    QString m_lastError;
};

} // namespace hexmap
