#pragma once

class QWidget;

namespace hexmap {

class Document;

// What the window says and shows around an insert or delete in document: a question
// before one that cannot be undone or is the first large shift of the file (Cancel
// changes nothing), and a progress dialog, without Cancel, while the bytes move.
void installSpliceHooks(Document &document, QWidget *window);

} // namespace hexmap
