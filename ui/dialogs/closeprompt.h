#pragma once

class QWidget;

namespace hexmap {

class Document;

// What to do with a document that has edits not yet flushed or saved.
enum class CloseChoice { Flush, Revert, Save, SaveAs, Discard, Cancel };

// Asks the user, with the choices that fit the document: in place — Flush / Revert /
// Cancel; copy-on-write — Save / Discard / Cancel; scratch — Save As / Discard /
// Cancel. The message box is modal and named "closePrompt".
[[nodiscard]] CloseChoice askBeforeClosing(QWidget *parent, const Document &document);

} // namespace hexmap
