#pragma once

#include <QGroupBox>

class QRadioButton;

namespace hexmap {

class Document;

// Which bytes a tool reads: the selection (offered only when there is one) or the whole
// map; the selection is chosen first when there is one.
class RangeChoice : public QGroupBox
{
    Q_OBJECT

public:
    RangeChoice(const Document *document, qint64 selectionStart, qint64 selectionLength,
        QWidget *parent = nullptr);

    [[nodiscard]] bool isSelection() const;
    void setSelection(bool selection);
    // The chosen range's first byte and length.
    [[nodiscard]] qint64 start() const;
    [[nodiscard]] qint64 length() const;
    // Why the chosen bytes cannot be read now, or "": bytes past the file's end may still
    // read (as zeros) in its last page, and a tool must not count bytes that are gone.
    [[nodiscard]] QString whyUnreadable() const;

signals:
    void rangeChanged();

private:
    const Document *m_document;
    qint64 m_selectionStart;
    qint64 m_selectionLength;
    QRadioButton *m_selection;
    QRadioButton *m_whole;
};

} // namespace hexmap
