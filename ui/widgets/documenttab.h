#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;

namespace hexmap {

class Document;
class HexView;
class EntropyStrip;
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
    [[nodiscard]] EntropyStrip *entropyStrip() const { return m_entropy; }
    // Replaces the document (after Save As), keeping the cursor where it was.
    void replaceDocument(std::unique_ptr<Document> document);
    // The bar's text, empty when hidden.
    [[nodiscard]] QString diskNotice() const;

signals:
    void documentChanged();
    // The bar's choices after the file was replaced or deleted at its path.
    void saveAsRequested();
    void reloadRequested();

private:
    void attach();
    // Shows the bar with what is true now of the file on disk, or hides it.
    void showDiskChange();
    // Hides the bar; keyboard focus goes back to the view.
    void hideBar();
    void showVisibleRange();

    std::unique_ptr<Document> m_document;
    HexView *m_view;
    ResidencyStrip *m_strip;
    EntropyStrip *m_entropy;
    QWidget *m_bar;
    QLabel *m_barText;
    QPushButton *m_remap;
    QPushButton *m_saveAs;
    QPushButton *m_reload;
    QPushButton *m_keep;
    QPushButton *m_dismiss;
};

} // namespace hexmap
