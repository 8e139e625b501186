#pragma once

namespace hexmap {

// The two panes of a hex view: what typing, paste and copy mean depends on which is active.
enum class Pane { Hex, Text };

} // namespace hexmap
