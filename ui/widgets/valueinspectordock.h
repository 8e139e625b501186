#pragma once

#include "valuecodec.h"

#include <QDockWidget>
#include <QHash>

class QLabel;
class QLineEdit;
class QRadioButton;

namespace hexmap {

class DocumentTab;
class ValueInspector;

// The value inspector's dock: a form over ValueInspector, one field per type. Return in
// a field writes its value at the cursor (one undo step); Escape puts back the value
// there. A value that cannot be read shows why in its field; a refused write says why
// below the fields and writes nothing.
class ValueInspectorDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit ValueInspectorDock(QWidget *parent = nullptr);
    // Follows tab's cursor (nullptr: empty fields).
    void track(DocumentTab *tab);
    [[nodiscard]] ValueInspector *inspector() const { return m_inspector; }
    [[nodiscard]] QLineEdit *field(values::Type type) const { return m_fields.value(type); }
    // Why the last write was refused, or why the map cannot be written; empty if neither.
    [[nodiscard]] QString message() const;

private:
    void refresh();
    void commit(values::Type type);

    ValueInspector *m_inspector;
    QHash<values::Type, QLineEdit *> m_fields;
    QRadioButton *m_bigEndian;
    QLabel *m_message;
};

} // namespace hexmap
