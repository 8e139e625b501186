#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;

namespace hexmap {

class Document;
class HexView;
class ResidencyStrip;

// A tab: a document, its hex view, and a bar that says when the file changed on disk.
class DocumentTab : public QWidget
{
    Q_OBJECT

public:
    explicit DocumentTab(std::unique_ptr<Document> document, QWidget *parent = nullptr);
    ~DocumentTab() override;

    [[nodiscard]] Document *document() const { return m_document.get(); }
    [[nodiscard]] HexView *view() const { return m_view; }
    [[nodiscard]] ResidencyStrip *residencyStrip() const { return m_strip; }
    // Replaces the document (after Save As), keeping the cursor where it was.
    void replaceDocument(std::unique_ptr<Document> document);
    // The bar's text, empty when hidden.
    [[nodiscard]] QString diskNotice() const;

signals:
    void documentChanged();

private:
    void attach();
    void showDiskChange(qint64 oldSize, qint64 newSize);
    void showVisibleRange();

    std::unique_ptr<Document> m_document;
    HexView *m_view;
    ResidencyStrip *m_strip;
    QWidget *m_bar;
    QLabel *m_barText;
    QPushButton *m_remap;
};

} // namespace hexmap
